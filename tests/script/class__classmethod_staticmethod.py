class Date:
    def __init__(self, y, m):
        self.y, self.m = y, m
    @classmethod
    def parse(cls, text):
        y, m = text.split("-")
        return cls(int(y), int(m))
    @staticmethod
    def valid(m):
        return 1 <= m <= 12
d = Date.parse("2024-05")
print(d.y, d.m, Date.valid(13), d.valid(5))
