print(abs(-2.5), abs(3), round(7.123, 1), divmod(7, 2), pow(2, 8), pow(2, 10, 1000))
