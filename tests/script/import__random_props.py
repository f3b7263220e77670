import random
random.seed(42)
x = random.random()
n = random.randint(1, 6)
print(0 <= x < 1, 1 <= n <= 6, random.choice([7, 7, 7]))
items = [1, 2, 3, 4]
random.shuffle(items)
print(sorted(items))
