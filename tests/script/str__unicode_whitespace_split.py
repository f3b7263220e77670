words = "a\u3000b c\u3000d"
print(words.rsplit(None, 1), words.split(None, 1), words.split())
print(repr("x\u3000y"), "\u3000".isspace())
