class Ctx:
    def __enter__(self):
        return 1
    def __exit__(self, *args):
        print("cleanup")
try:
    with Ctx() as one:
        raise ValueError("boom")
except ValueError as e:
    print("got", e)
