s = "héllo wörld"
print(len(s), s.upper(), s[1], s[::-1], "ü" in s, "ö" in s)
