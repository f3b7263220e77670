print(float("3.25"), float(2), int(2.99), str(1.5), float("1e3"))
