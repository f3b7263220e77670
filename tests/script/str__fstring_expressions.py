items = {"x": 1, "y": 2}
print(f"{len(items)} items: {', '.join(f'{k}={v}' for k, v in items.items())}")
print(f"{'yes' if items else 'no'} {items['x'] + 1} {max(items.values())}")
