from collections import defaultdict, Counter, OrderedDict, deque

groups = defaultdict(list)
for name, dept in [("ann", "eng"), ("bob", "ops"), ("cy", "eng")]:
    groups[dept].append(name)
print(groups, dict(groups), groups["eng"], len(groups), "hr" in groups)
print(groups["hr"], sorted(groups), groups.default_factory)
counts = defaultdict(int)
for w in "a b a c a b".split():
    counts[w] += 1
print(counts, counts.get("z"), isinstance(counts, dict))
try:
    defaultdict()["k"]
except KeyError as e:
    print("KeyError:", e)

c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), len(c))
print(sorted(c.elements())[:4], c.total())
c.update("aaz")
print(c.most_common(1), c["z"])
d = Counter(a=3, b=1)
e = Counter(a=1, b=2)
print(d + e, d - e, d | e, d & e)
print(Counter(["x", "y", "x"]) == Counter({"x": 2, "y": 1}), dict(Counter("aab")))
d.subtract(e)
print(d)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), list(od.keys()), list(od.items()))
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, OrderedDict())

q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, len(q), q[0], q[-1], 2 in q)
print(q.pop(), q.popleft(), q)
q.rotate(1)
print(q)
q.rotate(-2)
print(q)
q.extend([7, 8])
q.extendleft([9])
print(q, list(reversed(q)))
last3 = deque(maxlen=3)
for i in range(5):
    last3.append(i)
print(last3, last3.maxlen)
last3.appendleft(9)
print(last3)
e = deque()
try:
    e.pop()
except IndexError as exc:
    print("IndexError:", exc)
try:
    e.popleft()
except IndexError as exc:
    print("IndexError:", exc)
