people = [{"name": "ann", "age": 30}, {"name": "bob", "age": 25}]
people.sort(key=lambda p: p["age"])
print([p["name"] for p in people], sum(p["age"] for p in people) / len(people))
