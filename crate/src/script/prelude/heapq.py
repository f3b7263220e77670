# heapq, in the Python subset SessionLab runs: a binary min-heap on a list, as CPython's.
def _siftdown(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        p = heap[parent]
        if item < p:
            heap[pos] = p
            pos = parent
            continue
        break
    heap[pos] = item
def _siftup(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, start, pos)
def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)
def heappop(heap):
    last = heap.pop()
    if heap:
        item = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return item
    return last
def heapreplace(heap, item):
    first = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return first
def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item
def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)
def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:n]
def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:n]
def merge(*iterables, key=None, reverse=False):
    out = []
    for it in iterables:
        out.extend(it)
    return iter(sorted(out, key=key, reverse=reverse))
