import collections, string, math
defaults = {"color": "red", "user": "guest"}
cli = {"user": "admin"}
cm = collections.ChainMap(cli, defaults)
print(cm["user"], cm["color"], len(cm), sorted(cm), "user" in cm, cm.get("x", 0))
child = cm.new_child({"color": "blue"})
print(child["color"], child.parents["color"], cm)
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"))
try:
    t.substitute(who="tim")
except KeyError as e:
    print("KeyError", e)
print(math.comb(10, 3), math.perm(5, 2), math.perm(4), math.isqrt(99), math.lcm(4, 6), math.prod([2, 3, 4]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.dist((0, 0), (3, 4)))
print(math.degrees(math.pi), math.radians(180), math.atan2(1, 1), math.copysign(3, -0.0), math.fmod(7, 3))
print(math.isfinite(1e308), math.asin(1), math.acos(1), math.atan(0), math.tanh(0))
try:
    math.comb(-1, 2)
except ValueError as e:
    print("ValueError", e)
