import pprint

users = [
    {"id": 1, "name": "spongebob", "fullname": "Spongebob Squarepants", "addresses": ["spongebob@sqlalchemy.org"]},
    {"id": 2, "name": "sandy", "fullname": "Sandy Cheeks", "addresses": ["sandy@sqlalchemy.org", "sandy@squirrelpower.org"]},
    {"id": 3, "name": "patrick", "fullname": "Patrick Star", "addresses": []},
]
pprint.pprint(users)
pprint.pprint({"b": 1, "a": [1, 2, 3], "c": {"z": 1, "y": 2}})
pprint.pprint(list(range(40)))
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(tuple(range(30)), width=40)
pprint.pprint((("single-element-tuple-with-a-long-string-inside-it-to-wrap-around-xx",),))
pprint.pprint({"key": "x" * 100})
pprint.pprint("word " * 30)
pprint.pprint(set(range(30)))
pprint.pprint(frozenset(range(30)))
pprint.pprint(users, depth=1)
pprint.pprint(users, width=120)
pprint.pprint(users[1], indent=4)
pprint.pprint({"b": 1, "a": 2}, sort_dicts=False)
pprint.pp({"b": 1, "a": 2})
print(pprint.pformat({"nested": {"deeper": {"deepest": list(range(25))}}}, width=40))
print(pprint.pformat([]), pprint.pformat({}), pprint.pformat(()), pprint.pformat(set()), pprint.pformat((1,)))
print(pprint.pformat([[1, 2], [3, 4]] * 10, width=30))
pp = pprint.PrettyPrinter(width=30, indent=2)
pp.pprint({"alpha": [1, 2, 3], "beta": ("x", "y"), "gamma": {"k": "v" * 20}})
print(pprint.saferepr({"b": 2, "a": 1}))
