e = ValueError("a", 2)
print(e.args, str(e), repr(e))
print(repr(KeyError("k")), str(KeyError("k")))
