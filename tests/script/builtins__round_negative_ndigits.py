print(round(1234.5678, -2), round(15, -1), round(25, -1), round(0.5), round(1.5), round(-0.5))
