# pprint, in the Python subset SessionLab runs: CPython's PrettyPrinter layout for dicts, lists,
# tuples, sets and strings; other objects print as their repr.
def _sorted(items, key):
    try:
        return sorted(items, key=key)
    except TypeError:
        return sorted(items, key=lambda x: (str(type(key(x))), repr(key(x))))
class _Stream:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._indent_per_level, self._width, self._depth = indent, width, depth
        self._stream, self._compact, self._sort_dicts = stream, compact, sort_dicts
    def pformat(self, obj):
        s = _Stream()
        self._format(obj, s, 0, 0, 0)
        return "".join(s.parts)
    def pprint(self, obj):
        text = self.pformat(obj)
        if self._stream is not None:
            self._stream.write(text + "\n")
        else:
            print(text)
    def isreadable(self, obj):
        return True
    def isrecursive(self, obj):
        return False
    def _repr(self, obj, level):
        t = type(obj)
        if self._depth is not None and level >= self._depth and t in (dict, list, tuple) and obj:
            return {dict: "{...}", list: "[...]", tuple: "(...)"}[t]
        if t is dict:
            items = _sorted(obj.items(), lambda kv: kv[0]) if self._sort_dicts else obj.items()
            return "{" + ", ".join(self._repr(k, level + 1) + ": " + self._repr(v, level + 1) for k, v in items) + "}"
        if t is list:
            return "[" + ", ".join(self._repr(v, level + 1) for v in obj) + "]"
        if t is tuple:
            if len(obj) == 1:
                return "(" + self._repr(obj[0], level + 1) + ",)"
            return "(" + ", ".join(self._repr(v, level + 1) for v in obj) + ")"
        return repr(obj)
    def _format(self, obj, stream, indent, allowance, level):
        rep = self._repr(obj, level)
        max_width = self._width - indent - allowance
        t = type(obj)
        if len(rep) > max_width and not (self._depth is not None and level >= self._depth):
            if t is dict:
                return self._pprint_dict(obj, stream, indent, allowance, level + 1)
            if t is list:
                stream.write("[")
                self._format_items(obj, stream, indent, allowance + 1, level + 1)
                stream.write("]")
                return
            if t is tuple:
                stream.write("(")
                end = ",)" if len(obj) == 1 else ")"
                self._format_items(obj, stream, indent, allowance + len(end), level + 1)
                stream.write(end)
                return
            if (t is set or t is frozenset) and obj:
                if t is set:
                    stream.write("{")
                    end = "}"
                else:
                    stream.write("frozenset({")
                    end = "})"
                    indent += len("frozenset") + 1
                self._format_items(_sorted(obj, lambda x: x), stream, indent, allowance + len(end), level + 1)
                stream.write(end)
                return
            if t is str and obj:
                return self._pprint_str(obj, stream, indent, allowance, level + 1)
        stream.write(rep)
    def _pprint_dict(self, obj, stream, indent, allowance, level):
        stream.write("{")
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * " ")
        if obj:
            items = _sorted(obj.items(), lambda kv: kv[0]) if self._sort_dicts else list(obj.items())
            indent += self._indent_per_level
            delimnl = ",\n" + " " * indent
            last_index = len(items) - 1
            for i, (key, ent) in enumerate(items):
                last = i == last_index
                rep = self._repr(key, level)
                stream.write(rep)
                stream.write(": ")
                self._format(ent, stream, indent + len(rep) + 2, allowance + 1 if last else 1, level)
                if not last:
                    stream.write(delimnl)
        stream.write("}")
    def _format_items(self, items, stream, indent, allowance, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * " ")
        delimnl = ",\n" + " " * indent
        delim = ""
        width = max_width = self._width - indent + 1
        items = list(items)
        for i, ent in enumerate(items):
            last = i == len(items) - 1
            if last:
                max_width -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(ent, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    stream.write(delim)
                    delim = ", "
                    stream.write(rep)
                    continue
            stream.write(delim)
            delim = delimnl
            self._format(ent, stream, indent, allowance if last else 1, level)
    def _pprint_str(self, obj, stream, indent, allowance, level):
        chunks = []
        lines = obj.splitlines(True)
        if level == 1:
            indent += 1
            allowance += 1
        max_width1 = max_width = self._width - indent
        rep = ""
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
            else:
                parts = _words(line)
                max_width2 = max_width
                current = ""
                for j, part in enumerate(parts):
                    candidate = current + part
                    if j == len(parts) - 1 and i == len(lines) - 1:
                        max_width2 -= allowance
                    if len(repr(candidate)) > max_width2:
                        if current:
                            chunks.append(repr(current))
                        current = part
                    else:
                        current = candidate
                if current:
                    chunks.append(repr(current))
        if len(chunks) == 1:
            stream.write(rep)
            return
        if level == 1:
            stream.write("(")
        for i, rep in enumerate(chunks):
            if i > 0:
                stream.write("\n" + " " * indent)
            stream.write(rep)
        if level == 1:
            stream.write(")")
def _words(line):
    # re.findall(r'\S*\s*', line) without the final empty match.
    parts = []
    cur = ""
    seen_space = False
    for ch in line:
        if ch.isspace():
            seen_space = True
            cur += ch
        else:
            if seen_space:
                parts.append(cur)
                cur = ""
                seen_space = False
            cur += ch
    if cur:
        parts.append(cur)
    return parts
def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts).pformat(object)
def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts).pprint(object)
def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)
def saferepr(object):
    return PrettyPrinter()._repr(object, 0)
def isreadable(object):
    return True
def isrecursive(object):
    return False
