# enum, in the Python subset SessionLab runs. Members are made by Enum.__init_subclass__ from
# the class namespace (CPython's EnumType.__new__ does it); EnumType's special methods make the
# class iterable, sized, subscriptable and callable by value.
class auto:
    def __init__(self, value=None):
        self.value = value
    def __repr__(self):
        return "auto(" + repr(self.value) + ")"
    # `RW = R | W` on auto() members: CPython resolves auto at assignment; here the combination
    # is kept and resolved by _setup once the operands have values.
    def __or__(self, other):
        return _AutoOp(lambda a, b: a | b, self, other)
    def __and__(self, other):
        return _AutoOp(lambda a, b: a & b, self, other)
    __ror__ = __or__
    __rand__ = __and__
class _AutoOp(auto):
    def __init__(self, op, a, b):
        self.op = op
        self.a = a
        self.b = b
        self.value = None
    def _resolve(self):
        a = self.a.value if isinstance(self.a, auto) else self.a
        b = self.b.value if isinstance(self.b, auto) else self.b
        return self.op(a, b)
def _is_descriptor(v):
    return callable(v) or type(v).__name__ in ("classmethod", "staticmethod", "property")
class EnumType(type):
    def __iter__(cls):
        return iter(_listed(cls))
    def __reversed__(cls):
        return iter(_listed(cls)[::-1])
    def __len__(cls):
        return len(_listed(cls))
    def __contains__(cls, member):
        if isinstance(member, Enum):
            return isinstance(member, cls) and member._name_ in cls._member_map_
        raise TypeError("unsupported operand type(s) for 'in': '" + type(member).__qualname__ + "' and '" + type(cls).__qualname__ + "'")
    def __getitem__(cls, name):
        return cls._member_map_[name]
    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is not None:
            return _functional(cls, value, names, start)
        if isinstance(value, cls):
            return value
        for m in cls._member_list_:
            if m._value_ == value:
                return m
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)
    def __repr__(cls):
        return "<enum " + repr(cls.__name__) + ">"
    def __bool__(cls):
        return True
EnumMeta = EnumType
def _listed(cls):
    # A Flag lists only its single-bit members; multi-bit ones are aliases.
    if cls._flag_:
        return [m for m in cls._member_list_ if m._value_ and m._value_ & (m._value_ - 1) == 0]
    return cls._member_list_
def _functional(base, name, names, start):
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    ns = {"__module__": "__main__"}
    items = list(names.items()) if isinstance(names, dict) else list(names)
    for i, item in enumerate(items):
        if isinstance(item, str):
            ns[item] = i + start
        else:
            ns[item[0]] = item[1]
    return type(name, (base,), ns)
class _ValueOps:
    # The members of an int or str enum act as their values.
    def __eq__(self, other):
        return self._value_ == _plain(other)
    def __ne__(self, other):
        return self._value_ != _plain(other)
    def __lt__(self, other):
        return self._value_ < _plain(other)
    def __le__(self, other):
        return self._value_ <= _plain(other)
    def __gt__(self, other):
        return self._value_ > _plain(other)
    def __ge__(self, other):
        return self._value_ >= _plain(other)
    def __hash__(self):
        return hash(self._value_)
    def __add__(self, other):
        return self._value_ + _plain(other)
    def __radd__(self, other):
        return _plain(other) + self._value_
    def __sub__(self, other):
        return self._value_ - _plain(other)
    def __rsub__(self, other):
        return _plain(other) - self._value_
    def __mul__(self, other):
        return self._value_ * _plain(other)
    def __rmul__(self, other):
        return _plain(other) * self._value_
    def __int__(self):
        return int(self._value_)
    def __index__(self):
        return int(self._value_)
    def __float__(self):
        return float(self._value_)
    def __len__(self):
        return len(self._value_)
    def __contains__(self, item):
        return item in self._value_
    def __iter__(self):
        return iter(self._value_)
    def __getattr__(self, name):
        return getattr(self._value_, name)
def _plain(v):
    return v._value_ if isinstance(v, Enum) else v
def _setup(cls):
    members = []
    mmap = {}
    data = int if issubclass(cls, int) else str if issubclass(cls, str) else None
    if data is not None:
        for k, f in _ValueOps.__dict__.items():
            if not k.startswith("__") or k in ("__module__", "__qualname__", "__dict__", "__doc__"):
                continue
            if k not in cls.__dict__:
                setattr(cls, k, f)
    init = cls.__dict__.get("__init__")
    for name, v in list(cls.__dict__.items()):
        if name.startswith("_") or (_is_descriptor(v) and not isinstance(v, auto)):
            continue
        if isinstance(v, _AutoOp):
            v = v._resolve()
        elif isinstance(v, auto):
            v.value = cls._generate_next_value_(name, 1, len(members), [m._value_ for m in members])
            v = v.value
        alias = None
        for m in members:
            if m._value_ == v:
                alias = m
                break
        if alias is not None:
            mmap[name] = alias
            setattr(cls, name, alias)
            continue
        m = object.__new__(cls)
        m._name_ = name
        if data is not None and not isinstance(v, data):
            v = data(*v) if isinstance(v, tuple) else data(v)
        m._value_ = v
        if init is not None:
            if isinstance(v, tuple):
                init(m, *v)
            else:
                init(m, v)
        members.append(m)
        mmap[name] = m
        setattr(cls, name, m)
    cls._member_list_ = members
    cls._member_map_ = mmap
    cls._member_names_ = [m._name_ for m in members]
    cls.__members__ = dict(mmap)
class Enum(metaclass=EnumType):
    _flag_ = False
    def __init_subclass__(cls, **kwds):
        _setup(cls)
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start
    @classmethod
    def _missing_(cls, value):
        return None
    @property
    def name(self):
        return self._name_
    @property
    def value(self):
        return self._value_
    def __repr__(self):
        return "<" + type(self).__name__ + "." + self._name_ + ": " + repr(self._value_) + ">"
    def __str__(self):
        return type(self).__name__ + "." + self._name_
    def __format__(self, spec):
        return format(str(self), spec)
    def __dir__(self):
        return ["__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"]
class ReprEnum(Enum):
    def __str__(self):
        return str(self._value_)
    def __format__(self, spec):
        return format(self._value_, spec)
class IntEnum(int, ReprEnum):
    pass
class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
def unique(enumeration):
    dups = [name + " -> " + m._name_ for name, m in enumeration._member_map_.items() if name != m._name_]
    if dups:
        raise ValueError("duplicate values found in " + repr(enumeration) + ": " + ", ".join(dups))
    return enumeration
class Flag(Enum):
    # Composite values become pseudo-members named by their single-bit members (3.11, STRICT).
    _flag_ = True
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        return 2 ** max(last_values).bit_length()
    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        mask = 0
        for m in cls._member_list_:
            mask |= m._value_
        if value & ~mask:
            if not issubclass(cls, int):
                w = max(mask.bit_length(), value.bit_length())
                raise ValueError("<flag " + repr(cls.__name__) + "> invalid value " + str(value) + "\n    given 0b0 " + format(value, "0" + str(w) + "b") + "\n  allowed 0b0 " + format(mask, "0" + str(w) + "b"))
            raise NotImplementedError("SessionLab does not support IntFlag values with bits outside the members")
        cache = cls.__dict__.get("_pseudo_")
        if cache is None:
            cache = {}
            cls._pseudo_ = cache
        if value in cache:
            return cache[value]
        m = object.__new__(cls)
        m._value_ = value
        names = [b._name_ for b in cls._member_list_ if b._value_ & (b._value_ - 1) == 0 and b._value_ & value]
        m._name_ = "|".join(names) if names else None
        cache[value] = m
        return m
    def _bits(self):
        return [m for m in type(self)._member_list_ if m._value_ and m._value_ & (m._value_ - 1) == 0 and m._value_ & self._value_]
    def _other(self, other, op):
        if isinstance(other, type(self)):
            return other._value_
        if issubclass(type(self), int) and isinstance(other, int) and not isinstance(other, Enum):
            return other
        raise TypeError("unsupported operand type(s) for " + op + ": '" + type(self).__name__ + "' and '" + type(other).__name__ + "'")
    def __or__(self, other):
        return type(self)(self._value_ | self._other(other, "|"))
    def __and__(self, other):
        return type(self)(self._value_ & self._other(other, "&"))
    def __xor__(self, other):
        return type(self)(self._value_ ^ self._other(other, "^"))
    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__
    def __invert__(self):
        mask = 0
        for m in type(self)._member_list_:
            mask |= m._value_
        return type(self)(mask & ~self._value_)
    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': '" + type(other).__qualname__ + "' and '" + type(self).__qualname__ + "'")
        return other._value_ & self._value_ == other._value_
    def __iter__(self):
        return iter(self._bits())
    def __len__(self):
        return len(self._bits())
    def __bool__(self):
        return bool(self._value_)
    def __hash__(self):
        return hash(self._value_)
    def __eq__(self, other):
        if isinstance(other, Flag):
            return type(self) is type(other) and self._value_ == other._value_
        if issubclass(type(self), int):
            return self._value_ == other
        return NotImplemented
    def __repr__(self):
        if self._name_ is None:
            return "<" + type(self).__name__ + ": " + repr(self._value_) + ">"
        return "<" + type(self).__name__ + "." + self._name_ + ": " + repr(self._value_) + ">"
    def __str__(self):
        if self._name_ is None:
            return type(self).__name__ + "(" + repr(self._value_) + ")"
        return type(self).__name__ + "." + self._name_
class IntFlag(int, ReprEnum, Flag):
    def __str__(self):
        return str(self._value_)
    def __format__(self, spec):
        return format(self._value_, spec)
