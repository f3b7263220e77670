print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "hello".startswith("he"), "hello".endswith(("x", "lo")))
print("x.py".endswith(".py"), "abc".startswith(("b", "a")))
