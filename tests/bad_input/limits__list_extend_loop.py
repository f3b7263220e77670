xs = [0] * 1000
while True:
    xs += xs
