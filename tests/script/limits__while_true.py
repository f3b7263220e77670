# expect: hand-written
print("start")
while True:
    pass
