for n in [2, 3, 4]:
    if n == 5:
        break
else:
    print("no break")
for n in [2, 5, 4]:
    if n == 5:
        print("found")
        break
else:
    print("never")
