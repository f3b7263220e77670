# sqlalchemy.orm.scoping as SessionLab runs it: scoped_session, a registry of one Session per
# scope (the scopefunc's value, or the one thread a script runs in) whose Session methods and
# attributes proxy to the current scope's Session.
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext._proxy_host import descriptor


class ScopedRegistry:
    def __init__(self, createfunc, scopefunc):
        self.createfunc = createfunc
        self.scopefunc = scopefunc
        self.registry = {}

    def __call__(self):
        key = self.scopefunc()
        if key not in self.registry:
            self.registry[key] = self.createfunc()
        return self.registry[key]

    def has(self):
        return self.scopefunc() in self.registry

    def set(self, obj):
        self.registry[self.scopefunc()] = obj

    def clear(self):
        self.registry.pop(self.scopefunc(), None)


class ThreadLocalRegistry(ScopedRegistry):
    # A script runs in one thread: one slot.
    def __init__(self, createfunc):
        self.createfunc = createfunc
        self.value = None
        self.present = False

    def __call__(self):
        if not self.present:
            self.value = self.createfunc()
            self.present = True
        return self.value

    def has(self):
        return self.present

    def set(self, obj):
        self.value = obj
        self.present = True

    def clear(self):
        self.value = None
        self.present = False


class _QueryProperty:
    """`Model.query`: a Query of the class from the current scope's Session."""

    def __init__(self, scoped, query_cls):
        self.scoped = scoped
        self.query_cls = query_cls

    def __get__(self, instance, owner):
        if self.query_cls:
            return self.query_cls(owner, session=self.scoped.registry())
        return self.scoped.registry().query(owner)


class scoped_session:
    def __class_getitem__(cls, item):
        return cls

    def __init__(self, session_factory, scopefunc=None):
        self.session_factory = session_factory
        if scopefunc:
            self.registry = ScopedRegistry(session_factory, scopefunc)
        else:
            self.registry = ThreadLocalRegistry(session_factory)

    def __call__(self, **kw):
        if kw:
            if self.registry.has():
                raise InvalidRequestError(
                    "Scoped session is already present; no new arguments may be specified."
                )
            sess = self.session_factory(**kw)
            self.registry.set(sess)
        else:
            sess = self.registry()
        return sess

    def remove(self):
        if self.registry.has():
            self.registry().close()
        self.registry.clear()

    def configure(self, **kwargs):
        if self.registry.has():
            import warnings
            warnings.warn(
                "At least one scoped session is already present.  configure() can not "
                "affect sessions that have already been created."
            )
        self.session_factory.configure(**kwargs)

    def query_property(self, query_cls=None):
        return descriptor(_QueryProperty(self, query_cls))

    @classmethod
    def object_session(cls, instance):
        # Imported here: sqlalchemy.orm imports this module while it is being made.
        from sqlalchemy.orm import object_session

        return object_session(instance)

    @classmethod
    def identity_key(cls, *args, **kwargs):
        raise NotImplementedError("SessionLab does not support scoped_session.identity_key yet")


def _method(name):
    def proxy(self, *args, **kwargs):
        return getattr(self.registry(), name)(*args, **kwargs)

    proxy.__name__ = name
    return proxy


def _attribute(name):
    def fget(self):
        return getattr(self.registry(), name)

    def fset(self, value):
        setattr(self.registry(), name, value)

    return property(fget, fset)


for _name in ("add", "add_all", "begin", "begin_nested", "bulk_insert_mappings",
              "bulk_save_objects", "bulk_update_mappings", "close", "commit", "connection",
              "delete", "delete_all", "execute", "expire", "expire_all", "expunge",
              "expunge_all", "flush", "get", "get_bind", "get_one", "is_modified", "merge",
              "merge_all", "query", "refresh", "reset", "rollback", "scalar", "scalars"):
    setattr(scoped_session, _name, _method(_name))

for _name in ("autoflush", "bind", "binds", "deleted", "dirty", "execution_options",
              "identity_map", "info", "is_active", "new", "no_autoflush"):
    setattr(scoped_session, _name, _attribute(_name))
