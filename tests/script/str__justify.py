print(repr("ab".ljust(5)), repr("ab".rjust(5, "*")), repr("ab".center(6, "-")), repr("abc".center(6)), "42".zfill(5), "-42".zfill(6))
