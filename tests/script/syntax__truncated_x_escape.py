print("before")
x = "ab\xZ" + "q"
