def classify(n):
    if n > 0:
        if n % 2 == 0:
            return "positive even"
        return "positive odd"
    elif n < 0:
        return "negative"
    return "zero"
print([classify(n) for n in (4, 3, -1, 0)])
