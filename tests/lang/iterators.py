# The iterator protocol: iter(), next(), iter(callable, sentinel), exhaustion,
# iterating builtin containers, enumerate/zip/map/filter/reversed objects.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, None), next(it, "again"))
print(iter(it) is it, list(it))
calls = [0]
def tick():
    calls[0] += 1
    return calls[0]
print(list(iter(tick, 5)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
e = enumerate("xyz", start=10)
print(next(e), list(e))
z = zip([1, 2, 3], "ab", (True, False, None))
print(list(z), list(zip()), list(zip([1, 2])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as err:
    print("ValueError:", err)
m = map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6, 7])
print(list(m), list(map(str.upper, "ab")), list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(lambda v: v > 2, range(6))), list(reversed(range(5))), list(reversed("abc")), list(reversed((1, 2))))
r = range(10, 0, -2)
print(list(r), len(r), r[1], r[-1], 6 in r, 5 in r, r.index(4), r[1:3], list(r[::-1]), range(0) == range(2, 2))
print(range(3) == range(0, 3, 1))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), list(d.items()), list(iter(d.values())))
s = iter({3, 1, 2})
print(sorted(s))
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), sum(t), 3 in t, max(t))
print(list(enumerate([])), dict(enumerate("ab")), list(zip(*[(1, "a"), (2, "b")])))
strit = iter("héllo")
print(next(strit), next(strit), "".join(strit))
bi = iter(b"AB")
print(next(bi), list(bi))
def consume(it, n):
    for _ in range(n):
        next(it, None)
    return it
print(list(consume(iter(range(10)), 7)))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from empty")
try:
    iter(5)
except TypeError as err:
    print("TypeError:", err)
try:
    next([1])
except TypeError as err:
    print("TypeError:", err)
a, b, *rest = iter(range(6))
print(a, b, rest)
print(list(map(len, ["a", "bb", "ccc"])), any(x > 2 for x in range(5)), all(x < 5 for x in range(5)))
print(sum(map(int, "12345")), list(zip(range(3), range(10, 13), range(20, 23))))
# Python ranges hold arbitrary ints.
print(range(10 ** 20)[-1], len(range(0, 10 ** 20, 10 ** 10)), 10 ** 19 in range(10 ** 20))
