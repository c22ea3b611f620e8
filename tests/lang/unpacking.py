# Unpacking (starred, nested), walrus, chained comparisons, truthiness, `is`,
# conditional expressions, augmented assignment on subscripts/attributes.
a, *b = [1, 2, 3, 4]
*c, d = "hello"
e, *f, g = range(5)
(h, i), [j, *k] = (1, 2), [3, 4, 5]
print(a, b, c, d, e, f, g, h, i, j, k)
first, *_, last = [10, 11]
print(first, _, last)
x, = [42]
[y] = (7,)
print(x, y)
try:
    p, q = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
try:
    p, q, r = [1, 2]
except ValueError as err:
    print("ValueError:", err)
try:
    p, *q, r = [1]
except ValueError as err:
    print("ValueError:", err)
print([*range(3), *"ab"], (*[1, 2],), {*[1, 2], 3}, {**{"a": 1}, "b": 2})
for idx, (name, (lo, hi)) in enumerate([("a", (1, 2)), ("b", (3, 4))]):
    print(idx, name, lo, hi)
data = [1, 5, 10, 20, 3]
if (n := len(data)) > 3:
    print("long list", n)
print([z for v in data if (z := v * 2) > 5], z)
buf = iter(["x", "y", ""])
while (tok := next(buf)):
    print("tok", tok)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 >= 2 > 1, 1 == 1.0 == True, 1 < 2 != 2, "a" < "b" in ["b"])
def side(v):
    print("eval", v)
    return v
print(side(1) < side(2) < side(0) < side(5))
for v in [0, 0.0, "", [], {}, set(), None, (), False, range(0), 1, "0", [0], {0: 0}, 0.1, -1]:
    print(repr(v), bool(v), "T" if v else "F")
o = [1]
print(o is o, o is [1], o == [1], None is None, [] is not [], o is not None, type(None) is type(None))
n1 = None
print(n1 is None, n1 == None, not n1, not not n1)
t = [1, 2, 3]
t[0] += 10
t[-1] *= 2
class Box:
    v = 1
bx = Box()
bx.v += 5
bx.v **= 2
dd = {"k": 1}
dd["k"] -= 3
dd.setdefault("l", []).append(1)
print(t, bx.v, Box.v, dd)
m = 17
m //= 3; print(m)
m %= 3; print(m)
m <<= 4; print(m)
m >>= 1; print(m)
m |= 1; print(m)
m &= 0b1101; print(m)
m ^= 0xff; print(m)
s = "ab"
s *= 3
s += "!"
print(s)
aa = bb = cc = []
aa.append(1)
print(aa, bb, cc, aa is cc)
x1, y1 = y1, x1 = 1, 2
print(x1, y1)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
print(not 1, not 0, -(-1), +True, ~False)
print((lambda: (yield))().__class__.__name__ if False else "lambda ok")
print(1 if 0 else 2 if 0 else 3, [i for i in range(10) if i % 2 if i % 3])
print(0 or [] or {} or "", 1 and [] and 3, (0 or None) is None)
