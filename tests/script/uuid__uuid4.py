import uuid

u = uuid.uuid4()
print(type(u).__name__, len(str(u)), len(u.hex), str(u).count("-"), u.version, u.variant)
print(str(u)[14], str(u)[19] in "89ab", u == uuid.UUID(str(u)), u != uuid.uuid4())
print(len({uuid.uuid4() for _ in range(20)}), isinstance(uuid.uuid4().hex, str))
v = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(v, repr(v), v.hex, v.urn, v.version)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == v, uuid.UUID("12345678123456781234567812345678") == v)
print(uuid.UUID("12345678-1234-5678-1234-567812345678") < uuid.UUID("22345678-1234-5678-1234-567812345678"))
print(uuid.NAMESPACE_DNS, {v: 1}[uuid.UUID(str(v))], str(uuid.UUID(bytes=v.bytes)))
for bad in ("nope", "12345678-1234-5678-1234-56781234567"):
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    v.hex = "x"
except TypeError as e:
    print("TypeError:", e)
