# enum, in the Python subset SessionLab runs. Members are made by Enum.__init_subclass__ from
# the class namespace (CPython's EnumType.__new__ does it); EnumType's special methods make the
# class iterable, sized, subscriptable and callable by value.
class auto:
    def __init__(self, value=None):
        self.value = value
    def __repr__(self):
        return "auto(" + repr(self.value) + ")"
def _is_descriptor(v):
    return callable(v) or type(v).__name__ in ("classmethod", "staticmethod", "property")
class EnumType(type):
    def __iter__(cls):
        return iter(cls._member_list_)
    def __reversed__(cls):
        return iter(cls._member_list_[::-1])
    def __len__(cls):
        return len(cls._member_list_)
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
        if isinstance(v, auto):
            v = cls._generate_next_value_(name, 1, len(members), [m._value_ for m in members])
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
