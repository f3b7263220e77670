print(str(42), repr(-7), int("-0"), int("+5"), int("1_000"), format(255, "b"), format(42, "05d"), f"{7:>4}")
