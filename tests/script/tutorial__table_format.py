rows = [("iterate", 1.2345, 3000), ("query.update", 0.0213, 1), ("core", 0.0198, 1)]
print(f"{'method':<14}{'seconds':>10}{'stmts':>7}")
for name, secs, stmts in rows:
    print(f"{name:<14}{secs:>10.4f}{stmts:>7}")
fastest = min(rows, key=lambda r: r[1])
print(f"fastest: {fastest[0]} ({rows[0][1] / fastest[1]:.1f}x faster than iterate)")
