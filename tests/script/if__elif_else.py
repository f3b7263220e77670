for n in [-5, 0, 5, 50]:
    if n < 0:
        print("neg")
    elif n == 0:
        print("zero")
    elif n < 10:
        print("small")
    else:
        print("big")
