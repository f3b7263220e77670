class Calc:
    def __init__(self, v):
        self.v = v
    def add(self, n):
        self.v += n
        return self
c = Calc(1)
c.add(2).add(3)
print(c.v, Calc.add(Calc(10), 5).v)
