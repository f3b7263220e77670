from enum import Enum, IntEnum, StrEnum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return self.name.lower() + "!"

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(list(Color), len(Color))
print(Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, Color(1).name)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), Color.RED != Color.GREEN)
print(type(Color.RED), isinstance(Color.GREEN, Color), Color, type(Color).__name__)
print(Color.GREEN in Color, Color.GREEN.describe(), f"{Color.BLUE}", "%s" % Color.BLUE)
print([m.name for m in Color], list(Color.__members__))
print({Color.RED: "r"}[Color.RED], sorted(Color, key=lambda c: c.value, reverse=True))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError:", e)

class Status(IntEnum):
    ACTIVE = 1
    INACTIVE = 0

print(Status.ACTIVE, repr(Status.ACTIVE), Status.ACTIVE == 1, Status.ACTIVE + 1, Status(0).name)
print(Status.ACTIVE > Status.INACTIVE, sorted(Status), isinstance(Status.ACTIVE, int), f"{Status.ACTIVE}")

class Shape(StrEnum):
    CIRCLE = auto()
    SQUARE = "sq"

print(Shape.CIRCLE, repr(Shape.CIRCLE), Shape.SQUARE == "sq", Shape.CIRCLE.upper(), f"<{Shape.SQUARE}>")

class Level(Enum):
    LOW = auto()
    MID = auto()
    HIGH = auto()
print(list(Level), Level.HIGH.value)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, Planet.MERCURY)

class Mode(str, Enum):
    READ = "r"
    WRITE = "w"
print(Mode.READ == "r", Mode("w"), Mode.READ.value)

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value)
