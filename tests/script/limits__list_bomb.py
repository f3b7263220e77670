# expect: hand-written
x = [0] * 10**10
