print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"), (5).to_bytes())
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (0).to_bytes(0, "big"), (255).to_bytes(1, "big"))
print(int.from_bytes(b"\x00\x10", "little"), int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 0], "big"), int.from_bytes(b"", "big"))
print(int.from_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08", "big"), int.from_bytes(b"\x80", "big"), int.from_bytes(b"\x80", "big", signed=True))
print(bytes.fromhex("de ad be ef"), bytes.fromhex(""), bytes.fromhex("00ff").hex(), b"\x01\xff".hex())
print(dict.fromkeys(["a", "b"]), dict.fromkeys("xy", 0), (255).bit_length(), (-8).bit_length(), (0).bit_length())
for call in (lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (128).to_bytes(1, "big", signed=True),
             lambda: (1).to_bytes(1, "middle"), lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("abc"), lambda: int.from_bytes("ab", "big")):
    try:
        call()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
