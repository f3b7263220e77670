print(1 == 1.0, 1 < 1.5, True + True, True == 1, 3 > 2 > 1, 1 < 3 < 2)
