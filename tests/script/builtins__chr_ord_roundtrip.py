word = "SQL"
codes = [ord(c) for c in word]
print(codes, "".join(chr(c + 1) for c in codes))
