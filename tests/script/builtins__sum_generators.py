print(sum(x for x in range(101)), sum([[1], [2]], []), sum(range(10), 100))
