n = 0
while True:
    pass
