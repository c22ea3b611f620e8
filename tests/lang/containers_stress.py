# Container stress: dicts with many inserts/deletes, custom hashes with
# collisions, sets of ints (CPython-compatible order), list growth/shrink.
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 8
    def __eq__(self, o):
        return isinstance(o, Key) and o.v == self.v
    def __repr__(self):
        return f"K{self.v}"
d = {}
for i in range(100):
    d[Key(i)] = i
for i in range(0, 100, 3):
    del d[Key(i)]
print(len(d), d[Key(1)], Key(3) in d, Key(4) in d, list(d)[:6])
m = {}
for i in range(50000):
    m[i * 7 % 50021] = i
for i in range(0, 50000, 2):
    del m[i * 7 % 50021]
print(len(m), sum(m) % 1000003, list(m)[:5], list(m.values())[-3:])
for i in range(1000):
    m[-i] = i
print(len(m), list(m.items())[-2:])
s = set()
for i in range(200):
    s.add(i * 37 % 64)
print(s)
print({5, 3, 1, 100, 64, 2, 33}, set(range(10, 0, -1)), {-1, -2, 0, 1})
t = set(range(1000))
for i in range(0, 1000, 3):
    t.discard(i)
print(len(t), min(t), max(t), sum(t))
grow = []
for i in range(100000):
    grow.append(i)
while len(grow) > 10:
    grow.pop()
print(grow, len(grow))
words = {}
text = " ".join(str(i * i % 97) for i in range(10000))
for w in text.split():
    words[w] = words.get(w, 0) + 1
print(len(words), sorted(words.items(), key=lambda kv: (-kv[1], int(kv[0])))[:5])
nested = {i: {j: [j] * j for j in range(i)} for i in range(6)}
print(nested[5], sum(len(v) for v in nested.values()))
dd = dict.fromkeys(range(10))
dd.update((k, k * k) for k in range(0, 10, 2))
print(dd)
keys_of_many_types = {1: "int", "1": "str", (1,): "tuple", 1.5: "float", None: "None", frozenset([1]): "fs", b"1": "bytes"}
print([keys_of_many_types[k] for k in [1, "1", (1,), 1.5, None, frozenset([1]), b"1"]])
