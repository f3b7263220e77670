class Empty:
    def __len__(self):
        return 0
class Yes:
    def __bool__(self):
        return True
print(bool(Empty()), bool(Yes()), "yes" if Empty() else "no")
