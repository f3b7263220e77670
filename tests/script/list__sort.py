a = [5, 2, 9, 1]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len)
print(words, sorted(words, key=lambda w: (-len(w), w)))
