# uuid, in the Python subset SessionLab runs. uuid4() draws from a generator seeded the same
# way every run: a run must be reproducible (its report is compared with recordings and
# replayed), and the sandbox has no OS entropy. Ints are 64-bit here, so `.int` is refused.
_HEXDIGITS = "0123456789abcdef"
class UUID:
    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None, version=None, *, is_safe=None):
        if int is not None or fields is not None or bytes_le is not None:
            raise NotImplementedError("UUID(int=/fields=/bytes_le=): SessionLab's ints are 64-bit")
        if [hex, bytes].count(None) != 1:
            raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")
        if bytes is not None:
            if len(bytes) != 16:
                raise ValueError("bytes is not a 16-char string")
            h = "".join("%02x" % b for b in bytes)
        else:
            h = hex.replace("urn:", "").replace("uuid:", "")
            h = h.strip("{}").replace("-", "").lower()
            if len(h) != 32 or not all(c in _HEXDIGITS for c in h):
                raise ValueError("badly formed hexadecimal UUID string")
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError("illegal version number")
            v = "89ab"[_HEXDIGITS.index(h[16]) & 3]
            h = h[:12] + _HEXDIGITS[version] + h[13:16] + v + h[17:]
        object.__setattr__(self, "_hex", h)
    def __setattr__(self, name, value):
        raise TypeError("UUID objects are immutable")
    @property
    def hex(self):
        return self._hex
    @property
    def int(self):
        raise NotImplementedError("UUID.int: SessionLab's ints are 64-bit")
    @property
    def bytes(self):
        h = self._hex
        return _bytes_type([_HEXDIGITS.index(h[i]) * 16 + _HEXDIGITS.index(h[i + 1]) for i in range(0, 32, 2)])
    @property
    def urn(self):
        return "urn:uuid:" + str(self)
    @property
    def version(self):
        if self.variant == RFC_4122:
            return _HEXDIGITS.index(self._hex[12])
        return None
    @property
    def variant(self):
        n = _HEXDIGITS.index(self._hex[16])
        if not n & 8:
            return RESERVED_NCS
        if not n & 4:
            return RFC_4122
        if not n & 2:
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE
    def __str__(self):
        h = self._hex
        return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
    def __repr__(self):
        return "UUID('" + str(self) + "')"
    def __eq__(self, other):
        if isinstance(other, UUID):
            return self._hex == other._hex
        return NotImplemented
    def __lt__(self, other):
        if isinstance(other, UUID):
            return self._hex < other._hex
        return NotImplemented
    def __gt__(self, other):
        if isinstance(other, UUID):
            return self._hex > other._hex
        return NotImplemented
    def __hash__(self):
        return hash(self._hex)
_bytes_type = bytes
RESERVED_NCS, RFC_4122, RESERVED_MICROSOFT, RESERVED_FUTURE = ["reserved for NCS compatibility", "specified in RFC 4122", "reserved for Microsoft compatibility", "reserved for future definition"]
_state = [0x2545F491]
def _next32():
    x = _state[0]
    x ^= (x << 13) & 0xFFFFFFFF
    x ^= x >> 17
    x ^= (x << 5) & 0xFFFFFFFF
    _state[0] = x
    return x
def uuid4():
    h = "".join("%08x" % _next32() for _ in range(4))
    return UUID(hex=h, version=4)
def _refused(name):
    def f(*args, **kwargs):
        raise NotImplementedError("uuid." + name + "() is not available in SessionLab; use uuid4()")
    return f
uuid1 = _refused("uuid1")
uuid3 = _refused("uuid3")
uuid5 = _refused("uuid5")
NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_OID = UUID("6ba7b812-9dad-11d1-80b4-00c04fd430c8")
NAMESPACE_X500 = UUID("6ba7b814-9dad-11d1-80b4-00c04fd430c8")
