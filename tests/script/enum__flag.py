from enum import Flag, IntFlag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    RW = READ | WRITE


print(repr(Perm.READ | Perm.WRITE), repr(Perm.READ | Perm.EXEC))
print(str(Perm.READ | Perm.EXEC), Perm(7), repr(Perm(0)), str(Perm(0)), bool(Perm(0)))
print(list(Perm.READ | Perm.EXEC), len(Perm.READ | Perm.EXEC), list(Perm), len(Perm))
print(~Perm.READ, Perm.RW & Perm.WRITE, Perm.READ ^ Perm.RW)
print(Perm.READ in Perm.RW, Perm.EXEC in Perm.RW, (Perm.READ | Perm.EXEC) is (Perm.EXEC | Perm.READ))
print(format(Perm.READ), f"{Perm.READ | Perm.EXEC}", Perm.READ.value, Perm.EXEC.value, Perm.RW.name)
user = Perm.READ
user |= Perm.WRITE
print(user, user == Perm.RW, Perm.WRITE in user)


class Color(IntFlag):
    RED = 1
    GREEN = 2
    BLUE = 4


print(repr(Color.RED | Color.GREEN), str(Color.RED | Color.GREEN), Color.RED | 2, repr(Color.RED | 4))
print(Color.RED + 1, repr(~Color.RED), Color.RED == 1, f"{Color.BLUE:>3}", int(Color.RED | Color.BLUE))
try:
    Perm(8)
except ValueError as e:
    print(e)
try:
    Perm.READ | 1
except TypeError as e:
    print(e)
