def total(items):
    if not items:
        return 0
    head, *rest = items
    return head + total(rest)
print(total([1, 2, 3, 4]))
