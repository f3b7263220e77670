s = "  --hello--  "
print(repr(s.strip()), repr(s.strip(" -")), repr(s.lstrip()), repr(s.rstrip()))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"))
