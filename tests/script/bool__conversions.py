print(bool(0), bool(3), bool(""), bool("0"), bool([]), bool([0]), int(True), True + 1, str(False))
