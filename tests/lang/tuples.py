# Tuples: immutability, packing/unpacking, comparison, hashing, methods.
t = (1, 2, 3, "a", (4, 5))
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t[4][1], t.index("a"), t.count(2))
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), 1, (1))
a, b, c = 1, 2, 3
print(a, b, c)
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
print((1, 2) + (3,), (0,) * 3, (1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)], (1, [2]) is not None)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
print(3 in t, "b" in t, max((3, 1, 2)), sorted((3, 1, 2)), sum((1, 2, 3)))
def multi():
    return 1, "two", [3]
r = multi()
print(r, type(r).__name__)
one, two, three = multi()
print(one, two, three)
nested = ((1, 2), (3, 4), (5, 6))
print([a + b for a, b in nested], dict(nested), list(zip(*nested)))
print(tuple(x * x for x in range(5)), (1, 2, 3)[5:], ((),), len(((),)))
for i, (p, q) in enumerate(nested):
    print(i, p, q)
print(repr((1,)), str((1, "a")), (1, 2).__len__(), ().__class__.__name__)
