xs = [0]
for i in range(100):
    xs = xs + xs
