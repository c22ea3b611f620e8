# Generators: lazy evaluation, send/throw/close, yield from with return
# values, generator expressions, infinite generators consumed by hand.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)), list(count_up(0)))
g = count_up(3)
print(next(g), next(g), next(g), next(g, "done"))
try:
    next(g)
except StopIteration:
    print("StopIteration")
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(it, k):
    out = []
    for x in it:
        if len(out) >= k:
            break
        out.append(x)
    return out
print(take(naturals(), 10), take((x * x for x in naturals() if x % 3 == 0), 5))
def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except GeneratorExit:
        print("closing with", received)
        raise
e = echo()
print(next(e), e.send("a"), e.send("b"))
e.close()
e.close()
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as err:
            yield f"caught {err}"
c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))
try:
    c.throw(KeyError("uncaught"))
except KeyError as err:
    print("propagated", repr(err))
print(next(c, "exhausted"))
def inner():
    x = yield 1
    y = yield 2
    return f"inner got {x},{y}"
def outer():
    result = yield from inner()
    print("result:", result)
    yield from [10, 20]
    yield from range(3)
    return "outer done"
o = outer()
print(next(o), o.send("A"), o.send("B"), next(o), list(o))
def ret():
    yield 1
    return 99
gr = ret()
next(gr)
try:
    next(gr)
except StopIteration as si:
    print("return value", si.value, si.args)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
gen_exp = (i * 2 for i in range(5))
print(type(gen_exp).__name__, list(gen_exp), list(gen_exp))
def pipeline():
    nums = (n for n in range(50))
    evens = (n for n in nums if n % 2 == 0)
    squares = (n * n for n in evens)
    return sum(squares)
print(pipeline())
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]])))
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally ran")
gf = gen_finally()
print(next(gf))
gf.close()
print("after close")
def state():
    print("started")
    yield
lazy = state()
print("not started yet")
next(lazy)
def run_twice():
    g = (x for x in range(2))
    return list(g), list(g)
print(run_twice())
def genexc():
    yield 1
    raise ValueError("inside gen")
try:
    list(genexc())
except ValueError as err:
    print("ValueError:", err)
def stop_inside():
    yield 1
    raise StopIteration
try:
    list(stop_inside())
except RuntimeError as err:
    print("RuntimeError:", err)
def running():
    yield gs.gi_running
gs = running()
print(next(gs), gs.gi_running)
def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
acc = accumulate()
next(acc)
for v in (5, 10, 20):
    print(acc.send(v))
try:
    acc.send(None)
except StopIteration as si:
    print("final", si.value)
zipped = zip(count_up(3), naturals())
print(list(zipped))
