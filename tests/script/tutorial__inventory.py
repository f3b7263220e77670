inventory = {"apple": 3, "pear": 0, "plum": 7}
restock = [name for name, qty in inventory.items() if qty == 0]
total = sum(inventory.values())
print(restock, total)
for name in sorted(inventory, key=inventory.get, reverse=True):
    print(f"{name:>6}: {'#' * inventory[name]}")
