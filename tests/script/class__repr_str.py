class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price
    def __repr__(self):
        return f"Item({self.name!r}, {self.price})"
    def __str__(self):
        return f"{self.name} at {self.price:.2f}"
i = Item("pen", 1.5)
print(i)
print(repr(i), [i], str(i))
print(f"{i} / {i!r}")
