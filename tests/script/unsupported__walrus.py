# expect: hand-written
if (n := 10) > 5:
    print(n)
