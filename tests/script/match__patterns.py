class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Color:
    RED = "red"
    GREEN = "green"

def describe(value):
    match value:
        case None:
            return "nothing"
        case True:
            return "true"
        case 0 | 1 | -1:
            return f"small int {value}"
        case "go" | "stop" as word:
            return f"command {word}"
        case Color.RED:
            return "the colour red"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float():
            return f"number {value}"
        case str(s):
            return f"string {s!r}"
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x}"
        case [first, *rest] if len(rest) > 2:
            return f"long: {first} then {rest}"
        case (a, b):
            return f"pair {a}, {b}"
        case [first, *_, last]:
            return f"from {first} to {last}"
        case {"action": "move", "to": (x, y)}:
            return f"move to {x},{y}"
        case {"action": action, **others}:
            return f"action {action} with {others}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px):
            return f"point with x={px}"
        case _:
            return f"something else: {type(value).__name__}"

for v in [None, True, 0, -1, "go", "stop", "red", 500, 7, 2.5, "hi", [], [9], (1, 2, 3, 4),
          (1, 2), [1, 2, 3], {"action": "move", "to": (3, 4)}, {"action": "jump", "h": 2},
          Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), {1, 2}, range(2)]:
    print(describe(v))

command = "load file.txt now"
match command.split():
    case ["load", filename, *flags]:
        print("loading", filename, flags)
    case _:
        print("unknown")

match 1, 2:
    case a, b:
        print("open sequence", a, b)

def first_match():
    match {"k": 1}:
        case {"k": 1 as one}:
            return one
print(first_match())

match 42:
    case 0:
        print("zero")
print("no case matched: fine")

class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(e)
match = "still a name"
print(match)
