# Dicts: insertion order, methods, views, comprehensions, merging.
d = {"one": 1, "two": 2, "three": 3}
d["four"] = 4
d["one"] = 100
print(d, len(d), d["two"], d.get("five"), d.get("five", 5), "two" in d, "five" not in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
del d["two"]
d["two"] = 22
print(d)
print(d.pop("three"), d.pop("nope", "dflt"), d.setdefault("x", []), d.setdefault("one", 0), d)
d.update({"y": 1}, z=2)
d.update([("w", 0)])
print(d)
print(d.popitem(), d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
sq = {i: i * i for i in range(10) if i % 2}
print(sq, {v: k for k, v in sq.items()}, dict.fromkeys("abc", 0), dict(a=1, b=2), dict([(1, 2), (3, 4)]))
print({**sq, 1: "one", **{"z": 26}}, sq | {99: 0}, {1: 1} == {1: 1.0}, {1: 2} != {1: 3})
sq |= {0: 0}
print(sq)
keys = d.keys()
vals = d.values()
items = d.items()
d["late"] = "added"
print(list(keys), list(vals), len(items), ("late", "added") in items, "late" in keys)
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
nested = {"a": {"b": {"c": [1, 2, {"d": None}]}}}
print(nested["a"]["b"]["c"][2]["d"], nested)
big = {}
for i in range(10000):
    big[i] = str(i)
for i in range(0, 10000, 2):
    del big[i]
print(len(big), big[9999], list(big)[:5], sum(big))
print({(1, 2): "t", 3.5: "f", None: "n", True: "b", "s": 1}, {1: "int", 1.0: "float", True: "bool"})
e = dict(big)
print(e == big, e is big, len({}), bool({}), bool({0: 0}))
c = d.copy()
c.clear()
print(c, d.keys() & {"one", "zz"}, sorted(d.keys() - {"one"}), list(reversed({1: 2, 3: 4})))
for k in d:
    pass
print(list(d.items())[0], next(iter(d.values())))
try:
    for k in d:
        d["new" + str(k)] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(dict(zip("abc", range(3))), {k: v for k, v in zip(range(3), "xyz")})
