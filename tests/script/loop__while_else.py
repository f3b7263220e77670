i = 0
while i < 3:
    i += 1
else:
    print("done", i)
