# Classic algorithms as a mixed workload: sieve, n-queens, quicksort,
# binary search, Dijkstra with a hand-written heap, matrix product, LCS.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]
ps = sieve(10000)
print(len(ps), ps[:10], ps[-3:], sum(ps))
def queens(n):
    count = 0
    cols, d1, d2 = set(), set(), set()
    def place(r):
        nonlocal count
        if r == n:
            count += 1
            return
        for c in range(n):
            if c in cols or r - c in d1 or r + c in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c)
            place(r + 1)
            cols.remove(c); d1.remove(r - c); d2.remove(r + c)
    place(0)
    return count
print([queens(n) for n in range(1, 9)])
def quicksort(a):
    if len(a) <= 1:
        return a
    pivot = a[len(a) // 2]
    return quicksort([x for x in a if x < pivot]) + [x for x in a if x == pivot] + quicksort([x for x in a if x > pivot])
data = [(i * 7919 + 13) % 1009 for i in range(2000)]
qs = quicksort(data)
print(qs == sorted(data), qs[:8], qs[-4:])
def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
print([bsearch(ps, v) for v in (2, 3, 100, 7919, 10000)])
class Heap:
    def __init__(self):
        self.a = []
    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i > 0:
            p = (i - 1) // 2
            if a[p] <= a[i]:
                break
            a[p], a[i] = a[i], a[p]
            i = p
    def pop(self):
        a = self.a
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            n = len(a)
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < n and a[l] < a[m]:
                    m = l
                if r < n and a[r] < a[m]:
                    m = r
                if m == i:
                    break
                a[m], a[i] = a[i], a[m]
                i = m
        return top
    def __len__(self):
        return len(self.a)
def dijkstra(graph, src):
    dist = {src: 0}
    h = Heap()
    h.push((0, src))
    while len(h):
        d, u = h.pop()
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph.get(u, []):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                h.push((nd, v))
    return dist
graph = {}
for i in range(200):
    graph.setdefault(i, []).append(((i * 7 + 3) % 200, (i * 13) % 17 + 1))
    graph[i].append(((i + 1) % 200, 20))
dist = dijkstra(graph, 0)
print(len(dist), [dist[k] for k in (1, 50, 100, 199)], max(dist.values()))
def matmul(A, B):
    return [[sum(a * b for a, b in zip(row, col)) for col in zip(*B)] for row in A]
M = [[(i + j) % 5 - 2 for j in range(12)] for i in range(12)]
P = M
for _ in range(3):
    P = matmul(P, M)
print(P[0][:6], sum(map(sum, P)))
def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b):
            cur.append(prev[j] + 1 if ca == cb else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]
print(lcs("AGGTABQWERTY" * 5, "GXTXAYBWRT" * 5))
def fib_big(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib_big(500))
print(str(fib_big(1000))[:20], len(str(fib_big(1000))))
def collatz_max(limit):
    best = (0, 0)
    cache = {1: 1}
    for start in range(1, limit):
        n, steps, path = start, 0, []
        while n not in cache:
            path.append(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps = cache[n]
        for p in reversed(path):
            steps += 1
            cache[p] = steps
        if cache[start] > best[0]:
            best = (cache[start], start)
    return best
print(collatz_max(30000))
