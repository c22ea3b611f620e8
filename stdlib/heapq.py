"""heapq — binary min-heap operations on plain lists (CPython 3.11's API).

The heap invariant is heap[k] <= heap[2k+1] and heap[k] <= heap[2k+2]; only
`<` is ever used to compare items, exactly as CPython does, so the same
items end up in the same positions and ties are broken identically. The
sift loops follow CPython's "bottom-up" variant (walk the hole to a leaf,
then sift the new item back up), which does fewer comparisons on average.
merge/nlargest/nsmallest are written directly rather than with the
decorate-sort tricks of CPython, but return the same results (stable for
equal keys).
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _siftdown(heap, startpos, pos):
    # Move heap[pos] up towards startpos until its parent is not larger.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # Walk the hole at pos down to a leaf along the smaller children, then
    # put the original item there and sift it back up.
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def _check_list(heap, fname):
    if not isinstance(heap, list):
        raise TypeError('%s() argument 1 must be list, not %s'
                        % (fname, type(heap).__name__))


def heappush(heap, item):
    """Push item onto heap, keeping the invariant."""
    _check_list(heap, 'heappush')
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop and return the smallest item, keeping the invariant."""
    _check_list(heap, 'heappop')
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop the smallest item, then push item (the heap never grows)."""
    _check_list(heap, 'heapreplace')
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Push item, then pop the smallest — faster than the two calls."""
    _check_list(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Turn list x into a heap, in place, in linear time."""
    _check_list(x, 'heapify')
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator (a generator).

    Equal items come out in the order of the iterables they came from.
    """
    # Each entry is [value-or-key, order, value, next]; `order` breaks ties
    # so that values themselves never need to be comparable beyond `<`.
    h = []
    direction = -1 if reverse else 1
    for order, it in enumerate(map(iter, iterables)):
        nxt = it.__next__
        try:
            value = nxt()
        except StopIteration:
            continue
        k = value if key is None else key(value)
        h.append(_MergeEntry(k, order * direction, value, nxt, reverse))
    heapify(h)
    while len(h) > 1:
        entry = h[0]
        yield entry.value
        try:
            value = entry.nxt()
        except StopIteration:
            heappop(h)
            continue
        entry.key = value if key is None else key(value)
        entry.value = value
        heapreplace(h, entry)
    if h:
        entry = h[0]
        yield entry.value
        nxt = entry.nxt
        while True:
            try:
                value = nxt()
            except StopIteration:
                return
            yield value


class _MergeEntry:
    __slots__ = ('key', 'order', 'value', 'nxt', 'reverse')

    def __init__(self, key, order, value, nxt, reverse):
        self.key = key
        self.order = order
        self.value = value
        self.nxt = nxt
        self.reverse = reverse

    def __lt__(self, other):
        if self.reverse:
            if other.key < self.key:
                return True
            if self.key < other.key:
                return False
            return self.order > other.order
        if self.key < other.key:
            return True
        if other.key < self.key:
            return False
        return self.order < other.order


def nsmallest(n, iterable, key=None):
    """The n smallest items, like sorted(iterable, key=key)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items, like sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
