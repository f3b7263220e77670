import sys
print("a", file=sys.stderr)
sys.stdout.write("b\n")
print(sys.stdout is not None)
print("x", "y", sep="-", end="!\n", file=sys.stdout, flush=True)
class Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
b = Buf()
print("to", "buf", file=b)
print(b.parts, sys.stdout.isatty(), repr(sys.stderr))
sys.stderr.write("hidden\n")
