class Bag:
    def __init__(self, items):
        self.items = list(items)
    def __add__(self, other):
        return Bag(self.items + other.items)
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, x):
        return x in self.items
    def __getitem__(self, i):
        return self.items[i]
b = Bag([1, 2]) + Bag([3])
print(len(b), list(b), 2 in b, 9 in b, b[0], b[-1])
