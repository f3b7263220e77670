config = {"db": {"url": "sqlite://", "echo": False}, "rows": 100}
config["db"]["echo"] = True
print(config["db"], config.get("missing", {}).get("x", "none"), len(config))
