# abc, in the Python subset SessionLab runs: ABCMeta refuses to instantiate a class with
# abstract methods left, with CPython 3.11's message.
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj
def _abstracts(cls):
    names = []
    for klass in cls.__mro__:
        for name in klass.__dict__:
            if name not in names and getattr(getattr(cls, name, None), "__isabstractmethod__", False):
                names.append(name)
    return sorted(names)
class ABCMeta(type):
    def __call__(cls, *args, **kwargs):
        names = _abstracts(cls)
        if names:
            raise TypeError("Can't instantiate abstract class " + cls.__name__ + " with abstract method" + ("s " if len(names) > 1 else " ") + ", ".join(names))
        return super().__call__(*args, **kwargs)
    def register(cls, subclass):
        return subclass
class ABC(metaclass=ABCMeta):
    pass
