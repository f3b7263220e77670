text = "\ud83d"  # half of an emoji, as a \u escape
print(len(text))
print(text)
