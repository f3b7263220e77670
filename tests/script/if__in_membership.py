color = "red"
if color in ("red", "green"):
    print("traffic")
if color not in {"blue"}:
    print("not blue")
