text = "banana"
print(text.count("a"), text.count("an"), text.index("n"), text.find("na", 3), text.rfind("a"))
