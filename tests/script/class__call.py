class Mul:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k
triple = Mul(3)
print(triple(5), callable(triple), callable(5))
