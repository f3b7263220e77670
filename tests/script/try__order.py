def f(fail):
    try:
        print("try")
        if fail:
            raise KeyError("k")
    except KeyError as e:
        print("except", e)
    else:
        print("else")
    finally:
        print("finally")
f(False)
f(True)
