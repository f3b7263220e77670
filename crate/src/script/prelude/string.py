# string, in the Python subset SessionLab runs.
whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace
def capwords(s, sep=None):
    return (sep or " ").join(x.capitalize() for x in s.split(sep))
class Template:
    delimiter = "$"
    def __init__(self, template):
        self.template = template
    def _sub(self, mapping, safe):
        s = self.template
        out = []
        i = 0
        n = len(s)
        while i < n:
            c = s[i]
            if c != "$":
                out.append(c)
                i += 1
                continue
            if i + 1 < n and s[i + 1] == "$":
                out.append("$")
                i += 2
                continue
            j = i + 1
            braced = j < n and s[j] == "{"
            if braced:
                j += 1
            k = j
            while k < n and (s[k].isalnum() or s[k] == "_") and ord(s[k]) < 128:
                k += 1
            name = s[j:k]
            ok = name != "" and not name[0].isdigit() and (not braced or (k < n and s[k] == "}"))
            if not ok:
                if safe:
                    out.append("$")
                    i += 1
                    continue
                line = s.count("\n", 0, i) + 1
                col = i - (s.rfind("\n", 0, i) + 1) + 1
                raise ValueError("Invalid placeholder in string: line %d, col %d" % (line, col))
            end = k + 1 if braced else k
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(s[i:end])
            else:
                raise KeyError(name)
            i = end
        return "".join(out)
    def substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {})
        m.update(kws)
        return self._sub(m, False)
    def safe_substitute(self, mapping=None, /, **kws):
        m = dict(mapping or {})
        m.update(kws)
        return self._sub(m, True)
