t = (1, 2, 3, 2)
print(t, t[1], t[-1], t[1:], len(t), t.count(2), t.index(3), (1,), (), tuple("ab"))
print(t + (4,), t * 2, 2 in t, max(t))
