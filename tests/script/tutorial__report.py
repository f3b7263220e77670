records = [("iterate", 3000, 2.41), ("bulk", 1, 0.03)]
width = max(len(r[0]) for r in records)
for name, stmts, secs in records:
    bar = "#" * int(secs * 10)
    print(f"{name:<{width}} {stmts:>5} stmts {secs:6.2f}s {bar}")
ratio = records[0][2] / records[1][2]
print(f"bulk is {ratio:.0f}x faster")
