# str.encode / bytes.decode with the codecs tutorials use, and their errors.
print("café".encode(), "café".encode("latin-1"), "café".encode("ascii", "replace"))
print("é€x".encode("latin1", errors="ignore"), "naïve".encode("ASCII", "ignore"))
print(b"caf\xc3\xa9".decode(), b"\xff\xfe".decode("latin-1"), b"ab\xe9z".decode("utf-8", "replace"))
print(b"ab\xe9z".decode("ascii", errors="ignore"), len(b"\xe2\x82\xac".decode("utf8")))
for text, encoding in [("éé", "ascii"), ("a€", "latin1"), ("x\U0001f600", "ascii")]:
    try:
        text.encode(encoding)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
for data, encoding in [(b"ab\xe9cd", "utf-8"), (b"ab\xc3", "utf-8"), (b"ab\xf0\x9f", "utf-8"),
                       (b"\x80", "utf-8"), (b"ab\xff", "ascii")]:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
for call in [lambda: "x".encode("no-such-codec"), lambda: b"x".decode("rot13x"),
             lambda: "é".encode("ascii", "bogus")]:
    try:
        call()
    except LookupError as e:
        print(type(e).__name__, e)
print(isinstance(UnicodeDecodeError("utf-8", b"", 0, 1, "x"), ValueError) if False else issubclass(UnicodeDecodeError, UnicodeError))
