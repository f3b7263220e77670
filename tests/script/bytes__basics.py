b = b"hello"
print(b, len(b), b[0], b[1:3], b + b"!", b.decode(), "é".encode(), bytes([65, 66]), b.hex())
