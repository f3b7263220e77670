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
