print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(1234, -2))
