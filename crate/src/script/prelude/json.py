# json, in the Python subset SessionLab runs: CPython's encoder output and decoder messages.
# The error class is defined under the module name CPython's lives in (json.decoder), which
# its traceback line shows.
__name__ = "json.decoder"
class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        self.args = ("%s: line %d column %d (char %d)" % (msg, lineno, colno, pos),)
        self.msg, self.doc, self.pos, self.lineno, self.colno = msg, doc, pos, lineno, colno
__name__ = "json"
_ESC = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
def _quote(s, ascii_only):
    out = ['"']
    for ch in s:
        e = _ESC.get(ch)
        if e is not None:
            out.append(e)
            continue
        n = ord(ch)
        if n < 0x20 or (ascii_only and n > 0x7E):
            if n > 0xFFFF:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)
def _float(f, allow_nan):
    if f != f or f in (float("inf"), float("-inf")):
        if not allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return "NaN" if f != f else ("Infinity" if f > 0 else "-Infinity")
    return repr(f)
class JSONEncoder:
    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys, self.ensure_ascii, self.check_circular = skipkeys, ensure_ascii, check_circular
        self.allow_nan, self.sort_keys, self.indent = allow_nan, sort_keys, indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator, self.key_separator = ",", ": "
        else:
            self.item_separator, self.key_separator = ", ", ": "
        if default is not None:
            self.default = default
    def default(self, o):
        raise TypeError("Object of type " + type(o).__name__ + " is not JSON serializable")
    def encode(self, o):
        out = []
        self._enc(o, out, 0, [])
        return "".join(out)
    def _key(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return "true"
        if k is False:
            return "false"
        if k is None:
            return "null"
        if isinstance(k, float):
            return _float(k, self.allow_nan)
        if isinstance(k, int):
            return str(int(k))
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not " + type(k).__name__)
    def _enc(self, o, out, level, stack):
        if isinstance(o, (int, str)) and hasattr(o, "_value_"):
            o = o._value_
        if o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif isinstance(o, float):
            out.append(_float(o, self.allow_nan))
        elif isinstance(o, int):
            out.append(str(int(o)))
        elif isinstance(o, (list, tuple, dict)):
            if self.check_circular:
                for s in stack:
                    if s is o:
                        raise ValueError("Circular reference detected")
            stack.append(o)
            if isinstance(o, dict):
                pairs = []
                for k, v in o.items():
                    key = self._key(k)
                    if key is not None:
                        pairs.append((key, v))
                if self.sort_keys:
                    pairs = sorted(pairs, key=lambda kv: kv[0])
                self._container(pairs, "{", "}", out, level, stack, True)
            else:
                self._container(list(o), "[", "]", out, level, stack, False)
            stack.pop()
        else:
            if self.check_circular:
                for s in stack:
                    if s is o:
                        raise ValueError("Circular reference detected")
            stack.append(o)
            self._enc(self.default(o), out, level, stack)
            stack.pop()
    def _container(self, items, open_, close, out, level, stack, mapping):
        if not items:
            out.append(open_ + close)
            return
        out.append(open_)
        ind = self.indent
        if ind is not None:
            ind = " " * ind if isinstance(ind, int) else ind
            sep = self.item_separator + "\n" + ind * (level + 1)
            out.append("\n" + ind * (level + 1))
        else:
            sep = self.item_separator
        first = True
        for item in items:
            if not first:
                out.append(sep)
            first = False
            if mapping:
                out.append(_quote(item[0], self.ensure_ascii) + self.key_separator)
                self._enc(item[1], out, level + 1, stack)
            else:
                self._enc(item, out, level + 1, stack)
        if ind is not None:
            out.append("\n" + ind * level)
        out.append(close)
def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False):
    enc = (cls or JSONEncoder)(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular, allow_nan=allow_nan, indent=indent, separators=separators, default=default, sort_keys=sort_keys)
    return enc.encode(obj)
def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))
_WS = " \t\n\r"
_UNESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX = "0123456789abcdefABCDEF"
class _Parser:
    def __init__(self, s, object_hook, object_pairs_hook):
        self.s, self.hook, self.pairs_hook = s, object_hook, object_pairs_hook
    def ws(self, i):
        s = self.s
        while i < len(s) and s[i] in _WS:
            i += 1
        return i
    def value(self, i):
        s = self.s
        if i >= len(s):
            raise JSONDecodeError("Expecting value", s, i)
        ch = s[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == "{":
            return self.obj(i + 1)
        if ch == "[":
            return self.arr(i + 1)
        for word, v in (("null", None), ("true", True), ("false", False), ("NaN", float("nan")), ("Infinity", float("inf")), ("-Infinity", float("-inf"))):
            if s.startswith(word, i):
                return v, i + len(word)
        return self.number(i)
    def number(self, i):
        s = self.s
        j = i
        if j < len(s) and s[j] == "-":
            j += 1
        if j < len(s) and s[j] == "0":
            j += 1
        elif j < len(s) and "1" <= s[j] <= "9":
            while j < len(s) and s[j].isdigit():
                j += 1
        else:
            raise JSONDecodeError("Expecting value", s, i)
        is_float = False
        if j + 1 < len(s) and s[j] == "." and s[j + 1].isdigit():
            is_float = True
            j += 1
            while j < len(s) and s[j].isdigit():
                j += 1
        if j < len(s) and s[j] in "eE":
            k = j + 1
            if k < len(s) and s[k] in "+-":
                k += 1
            if k < len(s) and s[k].isdigit():
                is_float = True
                j = k
                while j < len(s) and s[j].isdigit():
                    j += 1
        text = s[i:j]
        return (float(text) if is_float else int(text)), j
    def string(self, i):
        s = self.s
        start = i - 1
        out = []
        while True:
            if i >= len(s):
                raise JSONDecodeError("Unterminated string starting at", s, start)
            ch = s[i]
            if ch == '"':
                return "".join(out), i + 1
            if ch == "\\":
                if i + 1 >= len(s):
                    raise JSONDecodeError("Unterminated string starting at", s, start)
                e = s[i + 1]
                if e == "u":
                    n, i = self.hex4(i)
                    if 0xD800 <= n <= 0xDBFF and s.startswith("\\u", i):
                        m, k = self.hex4(i)
                        if 0xDC00 <= m <= 0xDFFF:
                            n = 0x10000 + ((n - 0xD800) << 10) + (m - 0xDC00)
                            i = k
                    out.append(chr(n))
                    continue
                if e not in _UNESC:
                    raise JSONDecodeError("Invalid \\escape", s, i)
                out.append(_UNESC[e])
                i += 2
                continue
            if ord(ch) < 0x20:
                raise JSONDecodeError("Invalid control character at", s, i)
            out.append(ch)
            i += 1
    def hex4(self, i):
        s = self.s
        h = s[i + 2:i + 6]
        if len(h) != 4 or not all(c in _HEX for c in h):
            raise JSONDecodeError("Invalid \\uXXXX escape", s, i + 1)
        return int(h, 16), i + 6
    def obj(self, i):
        s = self.s
        pairs = []
        i = self.ws(i)
        if i < len(s) and s[i] == "}":
            return self.finish(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
            key, i = self.string(i + 1)
            i = self.ws(i)
            if i >= len(s) or s[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self.ws(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.ws(i)
            if i < len(s) and s[i] == "}":
                return self.finish(pairs), i + 1
            if i >= len(s) or s[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.ws(i + 1)
    def finish(self, pairs):
        if self.pairs_hook is not None:
            return self.pairs_hook(pairs)
        d = dict(pairs)
        return d if self.hook is None else self.hook(d)
    def arr(self, i):
        s = self.s
        items = []
        i = self.ws(i)
        if i < len(s) and s[i] == "]":
            return items, i + 1
        while True:
            value, i = self.value(i)
            items.append(value)
            i = self.ws(i)
            if i < len(s) and s[i] == "]":
                return items, i + 1
            if i >= len(s) or s[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self.ws(i + 1)
def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None):
    if isinstance(s, bytes):
        s = s.decode("utf-8")
    if not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not " + type(s).__name__)
    p = _Parser(s, object_hook, object_pairs_hook)
    value, end = p.value(p.ws(0))
    end = p.ws(end)
    if end != len(s):
        raise JSONDecodeError("Extra data", s, end)
    return value
def load(fp, **kw):
    return loads(fp.read(), **kw)
