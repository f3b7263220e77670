class Node:
    def __init__(self, nxt):
        self.nxt = nxt
head = None
for i in range(100000):
    head = Node(head)
x = []
for i in range(100000):
    x = [x]
t = ()
for i in range(100000):
    t = (t,)
d = {}
for i in range(100000):
    d = {"k": d}
head = None
x = None
print("freed")
