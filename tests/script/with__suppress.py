class Suppress:
    def __enter__(self):
        return None
    def __exit__(self, exc_type, exc, tb):
        print("suppressing", exc_type.__name__)
        return True
with Suppress():
    1 / 0
print("after")
