for n in range(4):
    print("even" if n % 2 == 0 else "odd")
