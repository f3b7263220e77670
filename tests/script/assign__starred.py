first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
