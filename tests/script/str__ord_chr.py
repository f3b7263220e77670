print(ord("a"), chr(97), [ord(c) for c in "AZ"], chr(0x263A) == "\u263a")
