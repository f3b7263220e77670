try:
    try:
        [][1]
    except KeyError:
        print("not here")
except IndexError as e:
    print("outer", e)
