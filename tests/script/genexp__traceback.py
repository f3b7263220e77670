data = [1, 2, 0, 4]
print(list(10 // x for x in data[:2]))
result = sum(
    10 // x
    for x in data
)
