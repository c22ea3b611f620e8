# Special methods: __repr__/__str__, comparisons, __hash__, container
# protocol, iteration, __call__, context managers, __bool__, __len__.
import functools
class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return "Vec(" + ", ".join(map(repr, self.c)) + ")"
    def __str__(self):
        return "<" + ",".join(map(str, self.c)) + ">"
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vec(*self.c[i])
        return self.c[i]
    def __setitem__(self, i, v):
        self.c[i] = v
    def __delitem__(self, i):
        del self.c[i]
    def __contains__(self, v):
        return v in self.c
    def __iter__(self):
        return iter(self.c)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c
    def __lt__(self, o):
        return sum(self.c) < sum(o.c)
    def __hash__(self):
        return hash(tuple(self.c))
    def __bool__(self):
        return any(self.c)
v = Vec(1, 2, 3)
print(v, repr(v), str(v), len(v), v[0], v[-1], v[1:], 2 in v, 9 in v, list(v), [x * 2 for x in v])
v[0] = 10
del v[1]
print(v, bool(v), bool(Vec(0, 0)), bool(Vec()), "truthy" if Vec(0, 1) else "falsy")
print(sorted([Vec(5), Vec(1, 1), Vec(3)]), Vec(1) == Vec(1), Vec(1) != Vec(2), min(Vec(4), Vec(2)))
print(len({Vec(1, 2), Vec(1, 2), Vec(2, 1)}), f"{v}", "%s %r" % (v, v))
class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), [x for x in Seq()])
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)), sum(Countdown(100)), max(Countdown(3)))
class Adder:
    def __init__(self, base):
        self.base = base
    def __call__(self, x, *, twice=False):
        return (self.base + x) * (2 if twice else 1)
add5 = Adder(5)
print(add5(1), add5(1, twice=True), callable(add5), list(map(add5, [1, 2])))
class Ctx:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with Ctx("a") as val:
    print("inside", val)
with Ctx("b", swallow=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with Ctx("x") as x, Ctx("y") as y:
    print("both", x, y)
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.t = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.t == o.t
    def __lt__(self, o):
        return self.t < o.t
    def __repr__(self):
        return "V" + ".".join(map(str, self.t))
vs = [Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]
print(sorted(vs), Version("2.0") >= Version("1.9"), Version("1.0") <= Version("1.0"))
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq called")
        return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) != 5)
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
class Str2:
    def __str__(self):
        return "only str"
s2 = Str2()
print(str(s2), repr(s2).startswith("<"), format(s2), f"{s2}")
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()), range(10)[Idx()])
class Missing(dict):
    def __missing__(self, k):
        return k * 2
print(Missing(a=1)["a"], Missing()["zz"])
