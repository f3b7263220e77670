# typing's runtime helpers, in the Python subset SessionLab runs (the special forms such as
# Optional and List are built in): TypeVar, Generic, Protocol, NamedTuple, TypedDict, cast,
# overload, NewType. Subscripting a Generic or Protocol class gives the class itself.
from collections import _NamedTuple, _field


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


class ParamSpec(TypeVar):
    pass


AnyStr = TypeVar("AnyStr", bytes, str)
Text = str


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: " + repr(arg))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__supertype__ = tp
    return new_type


class NamedTuple(_NamedTuple):
    def __init_subclass__(cls, **kwargs):
        names = list(cls.__annotations__)
        defaults = {}
        for i, n in enumerate(names):
            if n in vars(cls):
                defaults[n] = vars(cls)[n]
            elif defaults:
                raise TypeError("Non-default namedtuple field " + n + " cannot follow default field" + ("s " if len(defaults) > 1 else " ") + ", ".join(defaults))
            setattr(cls, n, _field(i))
        cls._fields = tuple(names)
        cls._field_defaults = defaults


class TypedDict(dict):
    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        cls.__total__ = total
