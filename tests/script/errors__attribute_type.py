class Stuff:
    foo = 1
print(Stuff.quux)
