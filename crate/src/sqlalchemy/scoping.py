# sqlalchemy.orm.scoping as SessionLab runs it: scoped_session, a registry holding one
# Session per scope (a script has one thread), whose methods and attributes proxy to it.
from sqlalchemy.exc import InvalidRequestError, SAWarning
from sqlalchemy.ext._proxy_host import descriptor
import warnings as _warnings

_METHODS = frozenset([
    "add", "add_all", "begin", "begin_nested", "close", "reset", "commit", "connection",
    "delete", "delete_all", "execute", "expire", "expire_all", "expunge", "expunge_all",
    "flush", "get", "get_one", "get_bind", "is_modified", "bulk_save_objects",
    "bulk_insert_mappings", "bulk_update_mappings", "merge", "merge_all", "query", "refresh",
    "rollback", "scalar", "scalars",
])
_ATTRIBUTES = frozenset([
    "bind", "dirty", "deleted", "new", "identity_map", "is_active", "autoflush",
    "no_autoflush", "info", "execution_options",
])


class ThreadLocalRegistry:
    """The registry of the current scope's session (there is one thread)."""

    def __init__(self, createfunc):
        self.createfunc = createfunc
        self._value = None
        self._has = False

    def __call__(self):
        if not self._has:
            self._value = self.createfunc()
            self._has = True
        return self._value

    def has(self):
        return self._has

    def set(self, obj):
        self._value = obj
        self._has = True

    def clear(self):
        self._value = None
        self._has = False


class _QueryProperty:
    def __init__(self, scoped, query_cls):
        self.scoped = scoped
        self.query_cls = query_cls

    def __get__(self, instance, owner):
        if self.query_cls:
            return self.query_cls(owner, session=self.scoped.registry())
        return self.scoped.registry().query(owner)


class scoped_session:
    def __init__(self, session_factory, scopefunc=None):
        if scopefunc is not None:
            raise NotImplementedError(
                "SessionLab does not support scoped_session(scopefunc=...) yet")
        self.session_factory = session_factory
        self.registry = ThreadLocalRegistry(session_factory)

    def __call__(self, **kw):
        if kw:
            if self.registry.has():
                raise InvalidRequestError(
                    "Scoped session is already present; no new arguments may be specified.")
            sess = self.session_factory(**kw)
            self.registry.set(sess)
            return sess
        return self.registry()

    def configure(self, **kwargs):
        if self.registry.has():
            _warnings.warn(
                "At least one scoped session is already present.  configure() can not "
                "affect sessions that have already been created.", SAWarning)
        self.session_factory.configure(**kwargs)

    def remove(self):
        if self.registry.has():
            self.registry().close()
        self.registry.clear()

    def query_property(self, query_cls=None):
        return descriptor(_QueryProperty(self, query_cls))

    def __contains__(self, instance):
        return instance in self.registry()

    def __iter__(self):
        return iter(self.registry())

    def __getattr__(self, name):
        if name in _METHODS or name in _ATTRIBUTES:
            return getattr(self.registry(), name)
        raise AttributeError(
            "'scoped_session' object has no attribute '" + name + "'")


__all__ = ["scoped_session"]
