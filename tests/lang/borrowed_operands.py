# Borrowed operands: errors raised by the consumer or the load must neither
# leak nor over-release the locals involved.
import sys

class Boom:
    def __getattr__(self, name):
        raise AttributeError(name)
    def __add__(self, other):
        raise ValueError("add")
    def __lt__(self, other):
        raise TypeError("lt")
    def __getitem__(self, k):
        raise KeyError(k)
    def __setitem__(self, k, v):
        raise IndexError(k)

def attr_error(b):
    try:
        return b.missing
    except AttributeError as e:
        return "attr", str(e)

def binop_error(b, c):
    try:
        return b + c
    except ValueError as e:
        return "add", str(e)

def compare_error(b, c):
    try:
        return b < c
    except TypeError as e:
        return "lt", str(e)

def subscr_error(b, k):
    try:
        return b[k]
    except KeyError as e:
        return "getitem", str(e)

def store_subscr_error(b, k, v):
    try:
        b[k] = v
    except IndexError as e:
        return "setitem", str(e)

def unbound_second(flag):
    a = [1, 2]
    if flag:
        i = 0
    try:
        return a[i]
    except UnboundLocalError as e:
        return "unbound", str(e)

def unbound_first(flag):
    if flag:
        a = [1, 2]
    i = 1
    try:
        return a[i]
    except UnboundLocalError as e:
        return "unbound", str(e)

def reuse(n):
    # the result of x + 1 must not be written into x itself
    x = n * 1000
    y = x + 1
    z = x * 2.5
    w = z + 1.0
    return x, y, z, w

def inplace(n):
    x = n * 1000
    keep = x
    x += 1
    f = n * 1.5
    keepf = f
    f += 1.0
    return keep, x, keepf, f

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

b = Boom()
for i in range(3):
    print(attr_error(b), binop_error(b, 1), compare_error(b, 2))
    print(subscr_error(b, "k"), store_subscr_error(b, 3, "v"))
    print(unbound_second(False), unbound_second(True))
    print(unbound_first(False), unbound_first(True))
    print(reuse(7), inplace(7))
    p = P([1], "s")
    print(p.x, p.y, sys.getrefcount(p.x) == sys.getrefcount(p.x))
s = "abc"
t = s + "def"
print(s, t, s * 2, s[1], s < t)

# Borrowed call arguments: f(x, y) passes its locals and constants without
# counting them; every way a call can go (Python function, defaults,
# *args, generator, bound method, class, builtin, an error before or in
# the call) must leave the counts right. A Tracked object reports its
# death, so a missed count (early death) or an extra one (no death) shows.
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
    def __repr__(self):
        return "T(" + self.name + ")"
    def pair(self, a, b):
        return (self.name, a.name, b.name)

def take(a, b):
    a = None        # rebinding the callee's own locals drops its own counts
    b = None
    return "take"

def defaults(a, b, c=3, *, d=4):
    return (a.name, b.name, c, d)

def star(*args):
    return len(args)

def gen(a, b):
    yield a.name
    yield b.name

def deep(a, b):
    return deep(a, b)

def unbound_middle(flag):
    a = Tracked("um-a")
    if flag:
        b = Tracked("um-b")
    c = Tracked("um-c")
    try:
        return defaults(a, b, c)
    except UnboundLocalError as e:
        return "unbound", str(e)

def unbound_last(flag):
    a = Tracked("ul-a")
    c = Tracked("ul-c")
    if flag:
        b = Tracked("ul-b")
    try:
        return star(a, c, 1, b)
    except UnboundLocalError as e:
        return "unbound", str(e)

def calls():
    x = Tracked("x")
    y = Tracked("y")
    print(take(x, y), defaults(x, y), defaults(x, y, 5), star(x, y, 1, "s"))
    print(list(gen(x, y)), x.pair(x, y))
    m = x.pair
    print(m(y, x), Tracked.pair(y, x, y))
    print(isinstance(x, Tracked), len([x, y]), getattr(x, "name"))
    try:
        len(x)
    except TypeError as e:
        print("len", e)
    try:
        int(x, y)
    except TypeError as e:
        print("int", type(e).__name__)
    try:
        deep(x, y)
    except RecursionError:
        print("recursion")
    print(sys.getrefcount(x) == sys.getrefcount(y))
    print("end of calls")

calls()
print(unbound_middle(False))
print(unbound_middle(True))
print(unbound_last(False))
print(unbound_last(True))
many = "def many(" + ", ".join("a%d" % i for i in range(70)) + "): return a0 + a69\n"
many += "print(many(" + ", ".join(str(i) for i in range(70)) + "))\n"
exec(many)
print("done")

# Borrowed method owners: obj.m(x) borrows obj for the self slot; the
# slot ends up NULL when the attribute is not a method of the class.
class Holder:
    def __init__(self, name):
        self.name = name
        self.fn = take                       # a plain function, no self
        self.bound = Tracked(name + "-b").pair  # a bound method in the dict
    def me(self, a):
        self = None                          # the callee's own count
        return a.name
    def __getattr__(self, attr):
        if attr == "dynamic":
            return lambda a: "dyn-" + a.name
        raise AttributeError(attr)

def methods(flag):
    h = Holder("h")
    x = Tracked("mx")
    print(h.me(x), h.fn(x, x), h.bound(x, x), h.dynamic(x))
    print(", ".join(["a", x.name]), "-".join([]))
    try:
        h.missing(x)
    except AttributeError as e:
        print("missing", e)
    if flag:
        o = Tracked("o")
    try:
        print(o.pair(x, x))
    except UnboundLocalError as e:
        print("unbound owner", e)
    print("end of methods")

methods(False)
methods(True)
print("done")

# STORE_SUBSCR hands its value to a list or dict: the container keeps that
# reference, or drops it when the store fails.
class BadEq:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise ValueError("eq")

def stores():
    lst = [None, None]
    d = {}
    lst[0] = Tracked("l0")
    lst[-1] = Tracked("l1")
    lst[0] = Tracked("l0-new")
    d["k"] = Tracked("dk")
    d["k"] = Tracked("dk-new")
    try:
        d[[1]] = Tracked("unhashable")
    except TypeError as e:
        print("store", e)
    d[BadEq()] = Tracked("first")
    try:
        d[BadEq()] = Tracked("bad-eq")
    except ValueError as e:
        print("store", e)
    try:
        lst[5] = Tracked("out-of-range")
    except IndexError as e:
        print("store", e)
    print(lst, sorted(v.name for v in d.values()))
    print("end of stores")

stores()
print("done")

# return x hands the frame's reference to the caller (RETURN_LOCAL); in a
# try/finally the value is taken before the finally block rebinds x.
def ret_local():
    t = Tracked("ret")
    return t

def ret_finally():
    t = Tracked("fin-old")
    try:
        return t
    finally:
        t = Tracked("fin-new")

def ret_unbound(flag):
    if flag:
        t = Tracked("rb")
    return t

def ret_gen():
    t = Tracked("gen")
    yield 1
    return t

r = ret_local()
print(r, ret_finally())
try:
    ret_unbound(False)
except UnboundLocalError as e:
    print("unbound", e)
print(ret_unbound(True))
g = ret_gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
del r
print("done")

# Unpacking a fresh tuple moves its items; a tuple kept elsewhere is
# unpacked by counting, and stays intact.
def pair(name):
    return Tracked(name + "-1"), Tracked(name + "-2")

def unpacks():
    a, b = pair("p")
    print(a, b)
    kept = pair("k")
    c, d = kept
    print(kept, c, d)
    for i, t in enumerate([Tracked("e")]):
        print(i, t)
    for k, v in {"key": Tracked("dv")}.items():
        print(k, v)
    del a, c
    print("end of unpacks")

unpacks()
print("done")

# x op= y writes the result into x's own int or float when nothing else
# refers to it; an alias keeps the old value.
def stores_back():
    a = 5000
    alias = a
    a += 1
    b = 7000
    b += b
    c = 2.5
    keep = c
    c *= 3.0
    n = 3000
    n += (n := 10)
    i = 2000
    for _ in range(5):
        i += 1
        i -= 3
    f = 1.5
    for _ in range(5):
        f += 0.25
    return a, alias, b, c, keep, n, i, f

print(stores_back())
print("done")

# for i in range(...) writes each value into last round's int when nothing
# else kept it; a kept one stays as it was.
def range_loops():
    t = 0
    keep = []
    for i in range(1020, 1040):
        t += i
        if i % 7 == 0:
            keep.append(i)
    for j in range(5, -3000, -1000):
        t += j
    for k in range(0):
        t += 1
    for m in range(2000, 2003):
        pass
    return t, keep, i, j, m

print(range_loops())
print("done")
