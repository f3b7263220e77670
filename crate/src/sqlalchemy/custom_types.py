# sqlalchemy.types.TypeDecorator and UserDefinedType as SessionLab runs them: the Python
# side of a script's own types. The host (custom_types.rs) reads `_sl_impl()` / `_sl_spec()`
# / `_sl_hooks()` once, when a column or expression takes the type, and calls `_sl_bind` /
# `_sl_result` for each value.
from sqlalchemy.types._host import is_type_class


def _unsupported(what):
    return NotImplementedError("SessionLab does not support " + what + " yet")


class _SQLiteDialect:
    """The dialect the processing methods receive: SQLite's pysqlite dialect."""

    name = "sqlite"
    driver = "pysqlite"
    paramstyle = "qmark"

    def type_descriptor(self, typeobj):
        return to_instance(typeobj)

    def __repr__(self):
        return "<sqlalchemy.dialects.sqlite.pysqlite.SQLiteDialect_pysqlite object>"


_dialect = _SQLiteDialect()


def to_instance(typeobj, *arg, **kw):
    if typeobj is None:
        raise _unsupported("a TypeDecorator of NullType")
    if is_type_class(typeobj):
        return typeobj(*arg, **kw)
    return typeobj


class TypeEngine:
    cache_ok = None
    hashable = True
    should_evaluate_none = False

    def bind_expression(self, bindvalue):
        return None

    def column_expression(self, colexpr):
        return None

    def _sl_hooks(self):
        cls = type(self)
        return (
            _overrides(cls, "process_bind_param"),
            _overrides(cls, "process_result_value"),
            _overrides(cls, "bind_processor") or _overrides(cls, "result_processor"),
            _overrides(cls, "bind_expression"),
            _overrides(cls, "column_expression"),
            _overrides(cls, "coerce_compared_value"),
            _overrides(cls, "process_literal_param") or _overrides(cls, "literal_processor"),
        )

    def _sl_spec(self):
        return None

    def _sl_impl(self):
        return None

    def copy(self):
        new = type(self).__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new


def _overrides(cls, name):
    own = None
    for base in cls.__mro__:
        if name in base.__dict__:
            own = base
            break
    return own is not None and own not in (TypeEngine, TypeDecorator, UserDefinedType)


class TypeDecorator(TypeEngine):
    coerce_to_is_types = (type(None),)

    def __init__(self, *args, **kwargs):
        if not hasattr(self.__class__, "impl"):
            raise AssertionError(
                "TypeDecorator implementations require a class-level variable 'impl' which "
                "refers to the class of type being decorated"
            )
        self.impl = to_instance(self.__class__.impl, *args, **kwargs)

    @property
    def impl_instance(self):
        return self.impl

    def load_dialect_impl(self, dialect):
        return self.impl

    def process_bind_param(self, value, dialect):
        raise NotImplementedError()

    def process_result_value(self, value, dialect):
        raise NotImplementedError()

    def process_literal_param(self, value, dialect):
        raise NotImplementedError()

    def coerce_compared_value(self, op, value):
        return self

    @property
    def python_type(self):
        return self.impl.python_type

    def _sl_impl(self):
        return self.load_dialect_impl(_dialect)

    def _sl_bind(self, value):
        return self.process_bind_param(value, _dialect)

    def _sl_result(self, value):
        return self.process_result_value(value, _dialect)

    def __getattr__(self, key):
        if key == "impl" or key.startswith("_sl_"):
            raise AttributeError(
                "'" + type(self).__name__ + "' object has no attribute '" + key + "'"
            )
        return getattr(self.impl, key)

    def __repr__(self):
        inner = repr(self.impl)
        at = inner.find("(")
        return type(self).__name__ + (inner[at:] if at >= 0 else "()")

    def __str__(self):
        return str(self.load_dialect_impl(_dialect))


class UserDefinedType(TypeEngine):
    ensure_kwarg = "get_col_spec"

    def coerce_compared_value(self, op, value):
        return self

    def _sl_spec(self):
        return self.get_col_spec()

    def __repr__(self):
        return type(self).__name__ + "()"

    def __str__(self):
        return self.get_col_spec()
