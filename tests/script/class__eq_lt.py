class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return isinstance(other, V) and self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f"V({self.n})"
print(V(1) == V(1), V(1) == V(2), V(1) != V(2))
print(sorted([V(3), V(1), V(2)]), min([V(5), V(4)]))
