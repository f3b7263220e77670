print("a,b,,c".split(","), "a b  c".split(), "a b c".split(" ", 1), "a-b-c".rsplit("-", 1))
print("-".join(["x", "y", "z"]), "".join(reversed("abc")), "line1\nline2".splitlines())
