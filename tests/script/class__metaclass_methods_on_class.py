class Meta(type):
    def create(cls, n):
        return cls()
    @property
    def label(cls):
        return cls.__name__.lower()
class Foo(metaclass=Meta):
    pass
print(type(Foo.create(1)).__name__, Foo.label)
