# Rich comparisons return what the method returns (not only bools), reflected when the left
# operand has no method; __ne__ falls back to the inverse of __eq__.
class Expr:
    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return Expr(f"({self.text} = {other})")

    def __lt__(self, other):
        return Expr(f"({self.text} < {other})")

    def __ge__(self, other):
        return Expr(f"({self.text} >= {other})")

    def __repr__(self):
        return self.text


class OnlyEq:
    def __eq__(self, other):
        return other == 1


x = Expr("x")
print(x == 1, x < 2, x >= 3)
print(5 > x, 6 <= x, 7 == x)
print(OnlyEq() == 1, OnlyEq() != 1, OnlyEq() != 2)
print(type(x == 1).__name__, bool(OnlyEq() == 1))
print(sorted([3, 1, 2]) == [1, 2, 3])
