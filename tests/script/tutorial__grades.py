students = [{"name": "ann", "scores": [90, 85]}, {"name": "bob", "scores": [70, 95, 80]}]
for s in students:
    avg = sum(s["scores"]) / len(s["scores"])
    grade = "A" if avg >= 85 else "B"
    print(f"{s['name'].title():<5} {avg:6.2f} {grade}")
best = max(students, key=lambda s: max(s["scores"]))
print("best single score:", best["name"])
