# Augmented assignment to attributes and subscripts evaluates the target's
# object (and key) once; gilt reloads plain locals instead of duplicating
# them, which must not be observable.

class Logged:
    def __init__(self):
        self.data = {}
        self.log = []
    def __getitem__(self, k):
        self.log.append(("get", k))
        return self.data.get(k, 0)
    def __setitem__(self, k, v):
        self.log.append(("set", k, v))
        self.data[k] = v
    def __getattr__(self, name):
        self.log.append(("getattr", name))
        return 10

def order(obj, key):
    obj[key] += 5
    obj[key] *= 2
    obj.missing += 1
    return obj.log, obj.data, obj.__dict__.get("missing")

print(order(Logged(), "k"))

def rhs_mutates_container(v):
    def grow():
        v.append(99)
        return 1
    v[0] += grow()
    return v

print(rhs_mutates_container([1, 2]))

def nonlocal_rebind():
    v = [1]
    def h():
        nonlocal v
        v = [100]
        return 1
    v[0] += h()
    return v

print(nonlocal_rebind())

def walrus_rebind():
    v = [1, 2]
    w = v
    v[0] += len(v := [7, 8, 9])
    return v, w

print(walrus_rebind())

def rhs_raises(v):
    try:
        v[0] += 1 / 0
    except ZeroDivisionError as e:
        print("caught", type(e).__name__, v)
    try:
        v[5] -= 1
    except IndexError as e:
        print("caught", e)
    return v

print(rhs_raises([3]))

def unbound_container():
    try:
        v[0] += 1
    except UnboundLocalError:
        print("unbound")
    v = [0]

unbound_container()

def keys_and_constants(d, i):
    d[i] += 1
    d["s"] = d.get("s", "") + "a"
    d["s"] += "b"
    d[(1, 2)] = 0
    d[(1, 2)] -= 3
    return d

print(keys_and_constants({0: 1}, 0))

class P:
    __slots__ = ("x",)
    def __init__(self):
        self.x = 1.5
    def bump(self, n):
        for _ in range(n):
            self.x += 0.25
        return self.x

print(P().bump(8))

def floats_in_lists(n):
    v = [0.0, 0.0, 0.0]
    for i in range(n):
        v[0] += 0.5
        v[1] -= v[0]
        v[2] *= 1.0
    return v

print(floats_in_lists(100))
