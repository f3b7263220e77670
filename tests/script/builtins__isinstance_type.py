print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", (int, str)), isinstance([], list))
print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(None).__name__, type(1.5) is float)
