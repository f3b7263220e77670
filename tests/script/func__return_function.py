def make_adder(n):
    def add(x):
        return x + n
    return add
adders = [make_adder(i) for i in range(3)]
print([a(10) for a in adders])
