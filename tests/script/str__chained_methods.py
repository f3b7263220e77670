raw = "  Hello, World!  "
print(raw.strip().lower().replace(",", "").split())
