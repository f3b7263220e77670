# sqlalchemy.ext.associationproxy as SessionLab runs it: a view of one attribute of the
# objects a relationship holds (a list-like proxy for collections, the value for scalars),
# and EXISTS criteria at the class level.
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.ext._proxy_host import descriptor, relationship_target


def _unsupported(what):
    return NotImplementedError("SessionLab does not support " + what + " yet")


def association_proxy(target_collection, attr, *, creator=None, getset_factory=None,
                      proxy_factory=None, proxy_bulk_set=None, info=None,
                      cascade_scalar_deletes=False, create_on_none_assignment=False,
                      init=None, repr=None, default=None, default_factory=None,
                      compare=None, kw_only=None, hash=None, dataclass_metadata=None):
    for name, value in (("getset_factory", getset_factory), ("proxy_factory", proxy_factory),
                        ("proxy_bulk_set", proxy_bulk_set)):
        if value is not None:
            raise _unsupported("association_proxy(" + name + "=...)")
    return descriptor(AssociationProxy(target_collection, attr, creator,
                                       cascade_scalar_deletes, create_on_none_assignment,
                                       info))


class AssociationProxy:
    def __class_getitem__(cls, item):
        return cls

    def __init__(self, target_collection, value_attr, creator, cascade_scalar_deletes,
                 create_on_none_assignment, info):
        self.target_collection = target_collection
        self.value_attr = value_attr
        self.creator = creator
        self.cascade_scalar_deletes = cascade_scalar_deletes
        self.create_on_none_assignment = create_on_none_assignment
        self.info = {} if info is None else info

    def _target(self, cls):
        found = relationship_target(cls, self.target_collection)
        if found is None:
            raise _unsupported("association_proxy() over '" + self.target_collection
                               + "', which is not a relationship,")
        return found

    def _create(self, target_class, value):
        if self.creator is not None:
            return self.creator(value)
        return target_class(value)

    def _create_keyed(self, target_class, key, value):
        if self.creator is not None:
            return self.creator(key, value)
        return target_class(key, value)

    def __get__(self, obj, owner):
        if obj is None:
            return AssociationProxyInstance(self, owner)
        target_class, uselist = self._target(type(obj))
        if uselist:
            collection = getattr(obj, self.target_collection)
            if hasattr(collection, "keys"):
                return _AssociationDict(obj, self, target_class)
            if not hasattr(collection, "append") or isinstance(collection, (set, dict)):
                raise _unsupported("association_proxy() over a set collection")
            return _AssociationList(obj, self, target_class)
        target = getattr(obj, self.target_collection)
        if target is None:
            return None
        return getattr(target, self.value_attr)

    def __set__(self, obj, values):
        target_class, uselist = self._target(type(obj))
        if uselist and hasattr(getattr(obj, self.target_collection), "keys"):
            _AssociationDict(obj, self, target_class)._bulk_replace(values)
            return
        if uselist:
            proxy = _AssociationList(obj, self, target_class)
            if values is proxy:
                return
            values = list(values)
            proxy.clear()
            proxy.extend(values)
            return
        target = getattr(obj, self.target_collection)
        if target is None:
            if values is None and not self.create_on_none_assignment:
                return
            setattr(obj, self.target_collection, self._create(target_class, values))
        else:
            setattr(target, self.value_attr, values)
            if values is None and self.cascade_scalar_deletes:
                setattr(obj, self.target_collection, None)

    def __delete__(self, obj):
        raise _unsupported("del of an association proxy")


class _AssociationList:
    def __init__(self, parent, proxy, target_class):
        self._parent = parent
        self._proxy = proxy
        self._target_class = target_class

    @property
    def col(self):
        return getattr(self._parent, self._proxy.target_collection)

    def _get(self, member):
        return getattr(member, self._proxy.value_attr)

    def _create(self, value):
        return self._proxy._create(self._target_class, value)

    def __len__(self):
        return len(self.col)

    def __bool__(self):
        return len(self.col) > 0

    def __iter__(self):
        return iter([self._get(m) for m in self.col])

    def __getitem__(self, index):
        if isinstance(index, int):
            return self._get(self.col[index])
        return [self._get(m) for m in self.col[index]]

    def __setitem__(self, index, value):
        if not isinstance(index, int):
            raise _unsupported("slice assignment to an association proxy list")
        setattr(self.col[index], self._proxy.value_attr, value)

    def __delitem__(self, index):
        del self.col[index]

    def __contains__(self, value):
        for member in self.col:
            if self._get(member) == value:
                return True
        return False

    def append(self, value):
        self.col.append(self._create(value))

    def extend(self, values):
        for value in values:
            self.append(value)

    def insert(self, index, value):
        self.col.insert(index, self._create(value))

    def remove(self, value):
        for member in self.col:
            if self._get(member) == value:
                self.col.remove(member)
                return
        raise ValueError("value not in list")

    def pop(self, index=-1):
        member = self.col.pop(index)
        return self._get(member)

    def clear(self):
        col = self.col
        while len(col):
            col.pop()

    def index(self, value):
        return list(self).index(value)

    def count(self, value):
        return list(self).count(value)

    def copy(self):
        return list(self)

    def __iadd__(self, values):
        self.extend(values)
        return self

    def __add__(self, other):
        return list(self) + list(other)

    def __eq__(self, other):
        return list(self) == other

    def __ne__(self, other):
        return list(self) != other

    def __repr__(self):
        return repr(list(self))

    def __hash__(self):
        raise TypeError("%s objects are unhashable" % type(self).__name__)


class _AssociationDict:
    def __init__(self, parent, proxy, target_class):
        self._parent = parent
        self._proxy = proxy
        self._target_class = target_class

    @property
    def col(self):
        return getattr(self._parent, self._proxy.target_collection)

    def _get(self, member):
        return getattr(member, self._proxy.value_attr)

    def _create(self, key, value):
        return self._proxy._create_keyed(self._target_class, key, value)

    def __getitem__(self, key):
        return self._get(self.col[key])

    def __setitem__(self, key, value):
        col = self.col
        if key in col:
            setattr(col[key], self._proxy.value_attr, value)
        else:
            col[key] = self._create(key, value)

    def __delitem__(self, key):
        del self.col[key]

    def __contains__(self, key):
        return key in self.col

    def __iter__(self):
        return iter(list(self.col.keys()))

    def __len__(self):
        return len(self.col)

    def __bool__(self):
        return len(self.col) > 0

    def clear(self):
        self.col.clear()

    def __eq__(self, other):
        return dict(self.items()) == other

    def __ne__(self, other):
        return dict(self.items()) != other

    def __repr__(self):
        return repr(dict(self.items()))

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def setdefault(self, key, default=None):
        col = self.col
        if key not in col:
            col[key] = self._create(key, default)
            return default
        return self[key]

    def keys(self):
        return self.col.keys()

    def items(self):
        return [(key, self._get(member)) for key, member in self.col.items()]

    def values(self):
        return [self._get(member) for member in self.col.values()]

    def pop(self, key, *default):
        member = self.col.pop(key, *default)
        return self._get(member)

    def popitem(self):
        item = self.col.popitem()
        return (item[0], self._get(item[1]))

    def update(self, *a, **kw):
        up = {}
        up.update(*a, **kw)
        for key, value in up.items():
            self[key] = value

    def _bulk_replace(self, values):
        existing = set(self)
        constants = existing.intersection(values or ())
        removals = existing.difference(constants)
        for key, member in values.items():
            self[key] = member
        for key in removals:
            del self[key]

    def copy(self):
        return dict(self.items())

    def __hash__(self):
        raise TypeError("%s objects are unhashable" % type(self).__name__)


class AssociationProxyInstance:
    def __init__(self, proxy, owner):
        self.parent = proxy
        self.owning_class = owner
        self.target_class, self.scalar = proxy._target(owner)
        self.scalar = not self.scalar
        self.value_attr = proxy.value_attr
        self.target_collection = proxy.target_collection

    @property
    def remote_attr(self):
        return getattr(self.target_class, self.value_attr)

    @property
    def local_attr(self):
        return getattr(self.owning_class, self.target_collection)

    @property
    def attr(self):
        return (self.local_attr, self.remote_attr)

    def _object_target(self):
        return relationship_target(self.target_class, self.value_attr)

    def _exists(self, criterion):
        if self.scalar:
            return self.local_attr.has(criterion)
        return self.local_attr.any(criterion)

    def any(self, criterion=None, **kwargs):
        inner = self._object_target()
        if inner is None:
            raise _unsupported("any() of an association proxy to a column")
        if inner[1]:
            return self._exists(self.remote_attr.any(criterion, **kwargs))
        return self._exists(self.remote_attr.has(criterion, **kwargs))

    def has(self, criterion=None, **kwargs):
        inner = self._object_target()
        if inner is None:
            raise _unsupported("has() of an association proxy to a column")
        if inner[1]:
            return self._exists(self.remote_attr.any(criterion, **kwargs))
        return self._exists(self.remote_attr.has(criterion, **kwargs))

    def contains(self, other):
        inner = self._object_target()
        if inner is not None and inner[1]:
            return self._exists(self.remote_attr.contains(other))
        if inner is not None and self.scalar:
            raise InvalidRequestError(
                "contains() doesn't apply to a scalar object endpoint; use ==")
        return self._exists(self.remote_attr == other)

    def __eq__(self, other):
        if other is None:
            raise _unsupported("comparing an association proxy to None")
        if self._object_target() is not None:
            return self.local_attr.has(self.remote_attr == other)
        return self._exists(self.remote_attr == other)

    def __ne__(self, other):
        if other is None:
            raise _unsupported("comparing an association proxy to None")
        if self._object_target() is not None:
            return self.local_attr.has(self.remote_attr != other)
        return self._exists(self.remote_attr != other)

    def __lt__(self, other):
        return self._exists(self.remote_attr < other)

    def __le__(self, other):
        return self._exists(self.remote_attr <= other)

    def __gt__(self, other):
        return self._exists(self.remote_attr > other)

    def __ge__(self, other):
        return self._exists(self.remote_attr >= other)

    def like(self, other, escape=None):
        return self._exists(self.remote_attr.like(other, escape=escape))

    def ilike(self, other, escape=None):
        return self._exists(self.remote_attr.ilike(other, escape=escape))

    def startswith(self, other):
        return self._exists(self.remote_attr.startswith(other))

    def endswith(self, other):
        return self._exists(self.remote_attr.endswith(other))

    def in_(self, other):
        return self._exists(self.remote_attr.in_(other))

    def __hash__(self):
        return id(self)
