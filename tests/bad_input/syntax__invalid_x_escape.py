print("ok")
x = "C:\xfiles"
