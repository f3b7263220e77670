print("apple" < "banana", "Zoo" < "apple", sorted(["b", "A", "a", "B"]), max("abc"), "a" * 0 == "")
