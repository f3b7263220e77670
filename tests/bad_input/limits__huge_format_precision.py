# A format precision of a billion digits: refused before the digits are allocated.
x = 2.5
label = f"{x:.999999999f}"
print(len(label))
