# Malformed format specs raise ValueError with CPython's messages.
for spec in ["{:.}", "{:.f}", "{:5.2.1f}", "{:abc}", "{:10,_d}"]:
    try:
        print(spec.format(1.5))
    except ValueError as e:
        print(spec, "->", e)
print(format(3.14159, "08.3f"), f"{42:>+6}", "{:^7.2%}".format(0.5))
