import json

doc = '{"name": "Ann", "n": [1, 2.5, -3, 1e3, 2E-2, true, false, null], "s": "a\\nb \\u00e9 \\ud83d\\ude00 \\"q\\" \\/", "o": {}}'
v = json.loads(doc)
print(v)
print(type(v["n"][0]).__name__, type(v["n"][1]).__name__, type(v["n"][3]).__name__)
print(json.loads("  [ ]  "), json.loads("3"), json.loads('"x"'), json.loads("NaN"), json.loads("-Infinity"))
print(json.loads(json.dumps({"a": [1, {"b": None}]})) == {"a": [1, {"b": None}]})
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads(b'[1]'))
for text in ["", "[1, 2", "{'a': 1}", '{"a" 1}', '{"a": 1,}', "[1,]", "[1] x", '"abc', '"a\\qb"', "tru", '{"a": 1 "b": 2}', '"\\u12"', '\n\n  [1,\n  oops]', '"a\tb"']:
    try:
        json.loads(text)
    except json.JSONDecodeError as e:
        print(repr(text), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.loads(3)
except TypeError as e:
    print("TypeError:", e)
