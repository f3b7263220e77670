rows = [("a", 1), ("bbb", 22), ("cc", 333)]
for name, n in rows:
    print("{:<5}|{:>5}|{:^5}|".format(name, n, n % 7))
