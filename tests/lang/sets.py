# Sets and frozensets of small ints (layout matches CPython for ints).
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, {1, 2} <= a, {1, 2} < a, a >= {1}, a.isdisjoint({9}))
print(a.union([7]), a.intersection(range(3)), a.difference([1]), a.symmetric_difference([1, 9]))
a.add(10)
a.discard(1)
a.discard(99)
a.remove(2)
print(a, len(a), 3 in a, 2 in a)
try:
    a.remove(42)
except KeyError as e:
    print("KeyError:", e)
s = set()
for i in range(20):
    s.add(i * 3 % 17)
print(sorted(s), len(s))
f = frozenset([1, 2, 3])
print(f, f | {4}, hash(f) == hash(frozenset([3, 2, 1])), {f: "fs"}[frozenset({1, 2, 3})])
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError")
print({x % 5 for x in range(20)}, set("aaa"), set([1, 1, 2]), set(), frozenset())
c = {1, 2, 3}
c |= {4}
c &= {2, 3, 4, 5}
c -= {3}
c ^= {9, 2}
print(c, c.pop() in (4, 9), sorted(c))
print({1, 2} == {2, 1}, {1} == frozenset({1}), set() == set(), {1, 2} != {1})
u = set(range(100))
u.difference_update(range(0, 100, 2))
u.intersection_update(range(50))
print(sorted(u), sum(u), min(u), max(u))
v = set(range(5))
v.update([10, 11], (12,))
print(v, v.copy() == v, v.issubset(range(20)), v.issuperset({0}))
v.clear()
print(v, bool(v), bool({0}))
print(sorted({-1, -5, 3, 100, 0}), {True, 1, 1.0}, len({0, False, 0.0}))
