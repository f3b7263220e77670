# Lone surrogates: a str may hold them, but they cannot be encoded or printed.
s = "a\ud800b"
print(len(s), repr(s), ord(s[1]) == 0xD800, s[1] == chr(0xD800), ascii(s))
print(s.encode("utf-8", "replace"), s.encode("utf-8", "ignore"))
try:
    s.encode()
except UnicodeEncodeError as e:
    print(e)
