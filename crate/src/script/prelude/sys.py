# sys.version_info, in the Python subset SessionLab runs (the rest of sys is built in).
class _VersionInfo:
    _fields = ("major", "minor", "micro", "releaselevel", "serial")
    def __init__(self, *parts):
        self._t = parts
    def __getattr__(self, name):
        if name in _VersionInfo._fields:
            return self._t[_VersionInfo._fields.index(name)]
        raise AttributeError("'sys.version_info' object has no attribute '%s'" % name)
    def __getitem__(self, i):
        return self._t[i]
    def __len__(self):
        return len(self._t)
    def __iter__(self):
        return iter(self._t)
    def __hash__(self):
        return hash(self._t)
    def _other(self, o):
        return o._t if isinstance(o, _VersionInfo) else o
    def __eq__(self, o):
        return self._t == self._other(o)
    def __ne__(self, o):
        return self._t != self._other(o)
    def __lt__(self, o):
        return self._t < self._other(o)
    def __le__(self, o):
        return self._t <= self._other(o)
    def __gt__(self, o):
        return self._t > self._other(o)
    def __ge__(self, o):
        return self._t >= self._other(o)
    def __repr__(self):
        return "sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)" % self._t
version_info = _VersionInfo(3, 11, 7, "final", 0)



class _TextStream:
    # sys.stdout writes to the run's output; sys.stderr's text is not part of it (CPython
    # shows it apart from stdout, and the run report holds stdout only).
    def __init__(self, name, fileno, shown):
        self.name = name
        self._fileno = fileno
        self._shown = shown
        self.encoding = "utf-8"
        self.errors = "strict"
        self.mode = "w"

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        if self._shown:
            print(s, end="")
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def fileno(self):
        return self._fileno

    def __repr__(self):
        return "<_io.TextIOWrapper name='" + self.name + "' mode='w' encoding='utf-8'>"


stdout = _TextStream("<stdout>", 1, True)
stderr = _TextStream("<stderr>", 2, False)
__stdout__ = stdout
__stderr__ = stderr
