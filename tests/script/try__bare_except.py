try:
    1 / 0
except:
    print("caught anything")
