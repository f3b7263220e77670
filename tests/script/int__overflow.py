# expect: hand-written
print(2 ** 62)
print(2 ** 70)
