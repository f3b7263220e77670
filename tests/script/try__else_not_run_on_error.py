try:
    {}["k"]
except KeyError:
    print("except")
else:
    print("else")
