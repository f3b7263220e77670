parts = []
for word in "the quick brown fox".split():
    parts.append(word[::-1])
print(" ".join(parts), len(parts))
