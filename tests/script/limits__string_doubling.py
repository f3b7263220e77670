# expect: hand-written
s = "x"
while True:
    s = s + s
