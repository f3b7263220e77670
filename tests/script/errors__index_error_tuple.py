t = (1,)
print(t[5])
