name, n, price = "pen", 3, 1.5
print(f"{name!r} x{n}: {n * price:.2f}")
print(f"{name:>8}|{n:03d}|{price:10.3f}|{'inner'}|{n=}")
width = 6
print(f"{name:{width}}|{3.14159:.{2}f}")
print(f"{{literal}} {[1, 2][0]} {dict(a=1)['a']}")
