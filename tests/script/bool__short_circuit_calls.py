calls = []
def t(x):
    calls.append(x)
    return x
print(t(True) or t(False), t(False) and t(True), calls)
