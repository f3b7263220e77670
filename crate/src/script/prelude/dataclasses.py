# dataclasses, in the Python subset SessionLab runs. Without exec, the generated methods are
# generic ones reading the class's fields; their messages are CPython's generated methods'.
class _MissingType:
    def __repr__(self):
        return "MISSING"
MISSING = _MissingType()
class FrozenInstanceError(AttributeError):
    pass
class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
    def __repr__(self):
        return ("Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=_FIELD)"
                % (self.name, self.type, self.default, self.default_factory, self.init, self.repr,
                   self.hash, self.compare, self.metadata, self.kw_only))
def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)
def _is_classvar(t):
    r = t if isinstance(t, str) else repr(t)
    return r.startswith("ClassVar") or r.startswith("typing.ClassVar")
def _own_fields(cls, kw_only):
    out = []
    ns = cls.__dict__
    for name, t in cls.__annotations__.items():
        if _is_classvar(t):
            continue
        value = ns.get(name, MISSING)
        if isinstance(value, Field):
            f = value
        else:
            f = field(default=value)
        f.name = name
        f.type = t
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        d = f.default
        if isinstance(d, (list, dict, set)):
            raise ValueError("mutable default " + repr(type(d)) + " for field " + name + " is not allowed: use default_factory")
        if isinstance(value, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        out.append(f)
    return out
def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(fs.values())
def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")
def _values(self, which):
    return tuple(getattr(self, f.name) for f in self.__dataclass_fields__.values() if getattr(f, which))
def _dc_init(self, *args, **kwargs):
    cls = type(self)
    frozen = getattr(cls, "__setattr__", None) is _frozen_setattr
    fs = [f for f in cls.__dataclass_fields__.values() if f.init]
    pos = [f for f in fs if not f.kw_only]
    qual = getattr(cls, "_sa_init_qualname", None) or cls.__qualname__ + ".__init__()"
    if len(args) > len(pos):
        need = len([f for f in pos if f.default is MISSING and f.default_factory is MISSING]) + 1
        took = str(need) if need == len(pos) + 1 else "from %d to %d" % (need, len(pos) + 1)
        raise TypeError("%s takes %s positional argument%s but %d were given" % (qual, took, "" if took == "1" else "s", len(args) + 1))
    values = {}
    for f, a in zip(pos, args):
        values[f.name] = a
    names = [f.name for f in fs]
    for k, v in kwargs.items():
        if k not in names:
            raise TypeError(qual + " got an unexpected keyword argument '" + k + "'")
        if k in values:
            raise TypeError(qual + " got multiple values for argument '" + k + "'")
        values[k] = v
    missing = [f for f in fs if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
    if missing:
        kw = [f for f in missing if f.kw_only]
        group = [f for f in missing if not f.kw_only] or kw
        kind = "keyword-only" if not [f for f in missing if not f.kw_only] else "positional"
        quoted = ["'" + f.name + "'" for f in group]
        if len(quoted) == 1:
            listed = quoted[0]
        elif len(quoted) == 2:
            listed = quoted[0] + " and " + quoted[1]
        else:
            listed = ", ".join(quoted[:-1]) + ", and " + quoted[-1]
        raise TypeError("%s missing %d required %s argument%s: %s" % (qual, len(group), kind, "" if len(group) == 1 else "s", listed))
    for f in cls.__dataclass_fields__.values():
        if f.name in values:
            v = values[f.name]
        elif f.default_factory is not MISSING:
            v = f.default_factory()
        elif f.default is not MISSING:
            v = f.default
        else:
            continue
        # As CPython's generated __init__: plain assignment (descriptors see it) unless frozen.
        if frozen:
            object.__setattr__(self, f.name, v)
        else:
            setattr(self, f.name, v)
    post = getattr(self, "__post_init__", None)
    if post is not None:
        post()
_repr_running = set()
def _dc_repr(self):
    # A field that leads back to the object shows as "...", as reprlib.recursive_repr does.
    key = id(self)
    if key in _repr_running:
        return "..."
    _repr_running.add(key)
    try:
        parts = [f.name + "=" + repr(getattr(self, f.name)) for f in self.__dataclass_fields__.values() if f.repr]
    finally:
        _repr_running.discard(key)
    return type(self).__qualname__ + "(" + ", ".join(parts) + ")"
def _dc_eq(self, other):
    if other.__class__ is self.__class__:
        # Element by element with `==`, as the tuple comparison CPython generates does.
        a = _values(self, "compare")
        b = _values(other, "compare")
        return len(a) == len(b) and all(x is y or x == y for x, y in zip(a, b))
    return NotImplemented
def _order(op):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(_values(self, "compare"), _values(other, "compare"))
        return NotImplemented
    return compare
def _dc_hash(self):
    return hash(_values(self, "compare"))
def _frozen_setattr(self, name, value):
    if type(self) is self.__class__ and name in self.__dataclass_fields__:
        raise FrozenInstanceError("cannot assign to field '" + name + "'")
    object.__setattr__(self, name, value)
def _frozen_delattr(self, name):
    raise FrozenInstanceError("cannot delete field '" + name + "'")
def _process(cls, init, repr, eq, order, frozen, unsafe_hash, kw_only):
    all_fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            all_fields[f.name] = f
    for f in _own_fields(cls, kw_only):
        all_fields[f.name] = f
    seen_default = False
    for f in all_fields.values():
        if not f.init or f.kw_only:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument '" + f.name + "' follows default argument")
    cls.__dataclass_fields__ = all_fields
    own = cls.__dict__
    if init and "__init__" not in own:
        cls.__init__ = _dc_init
    if repr and "__repr__" not in own:
        cls.__repr__ = _dc_repr
    if eq and "__eq__" not in own:
        cls.__eq__ = _dc_eq
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")
        for name, op in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b), ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if name in own:
                raise TypeError("Cannot overwrite attribute " + name + " in class " + cls.__name__ + ". Consider using functools.total_ordering")
            setattr(cls, name, _order(op))
    if frozen:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = _dc_hash
    elif eq and "__hash__" not in own:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in all_fields.values() if f.init and not f.kw_only)
    return cls
def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process(cls, init, repr, eq, order, frozen, unsafe_hash, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)
def _copy(obj, factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return factory([(f.name, _copy(getattr(obj, f.name), factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_copy(v, factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_copy(k, factory), _copy(v, factory)) for k, v in obj.items())
    return obj
def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _copy(obj, dict_factory)
def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory([_copy(getattr(obj, f.name), lambda pairs: tuple(v for k, v in pairs)) for f in fields(obj)])
def replace(obj, /, **changes):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("replace() should be called on dataclass instances")
    for f in fields(obj):
        if not f.init and f.name in changes:
            raise ValueError("field " + f.name + " is declared with init=False, it cannot be specified with replace()")
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
