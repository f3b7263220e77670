from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return type(self).__name__ + " with area " + str(self.area())

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    def perimeter(self):
        return 4 * self.side

class Half(Shape):
    def area(self):
        return 1

s = Square(3)
print(s.describe(), s.perimeter(), isinstance(s, Shape), isinstance(s, ABC))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)

class Plugin(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        pass
class Hello(Plugin):
    def run(self):
        return "hello"
print(Hello().run(), type(Plugin).__name__, getattr(Plugin.run, "__isabstractmethod__", False))
try:
    Square()
except TypeError as e:
    print("TypeError:", e)
Half()
