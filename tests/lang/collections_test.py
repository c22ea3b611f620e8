# collections: namedtuple, deque, defaultdict, OrderedDict, Counter.
from collections import namedtuple, deque, defaultdict, OrderedDict, Counter
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields, tuple(p), p == (1, 2))
a, b = p
print(a, b, len(p), Point(*range(2)), isinstance(p, tuple))
P3 = namedtuple("P3", "a b c", defaults=[0])
print(P3(1, 2), P3._make([4, 5, 6]))
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], list(d))
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, list(m), m.maxlen)
try:
    deque().pop()
except IndexError as e:
    print("IndexError")
dd = defaultdict(list)
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[w[0]].append(w)
print(dict(dd), dd["z"], len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(list(od.items()), od.popitem(), od.popitem(last=False), list(od))
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:6], sum(c.values()))
c.update("aaz")
print(c.most_common(2), c["z"])
c2 = Counter({"a": 1, "b": 5})
print(sorted((c + c2).items()), sorted((c - c2).items()))
words = "the quick the lazy the end quick".split()
print(Counter(words).most_common(2))
