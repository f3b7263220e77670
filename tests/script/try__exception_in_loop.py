results = []
for text in ["1", "x", "3"]:
    try:
        results.append(int(text))
    except ValueError as e:
        results.append(str(e))
print(results)
