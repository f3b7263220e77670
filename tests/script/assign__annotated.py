x: int = 3
y: str
print(x)
class P:
    name: str = "p"
    age: int
print(P.name)
