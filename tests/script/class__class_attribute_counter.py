class Order:
    next_id = 1
    def __init__(self, item):
        self.id = Order.next_id
        Order.next_id += 1
        self.item = item
orders = [Order(x) for x in "abc"]
print([(o.id, o.item) for o in orders], Order.next_id)
