# Coroutines driven by hand: async def / await on custom awaitables whose
# __await__ yields, a tiny round-robin scheduler, async for and async with.
class Yield:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got
async def add(a, b):
    x = await Yield(("request", a))
    y = await Yield(("request", b))
    return x + y
async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return [r1, r2]
coro = main()
print(type(coro).__name__)
value = None
try:
    while True:
        req = coro.send(value)
        print("coroutine asked", req)
        value = req[1] * 100
except StopIteration as s:
    print("result", s.value)
class Sleep:
    def __await__(self):
        yield "sleep"
async def worker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Sleep()
    return name * n
def run(coros):
    log = []
    tasks = [c(log) for c in coros]
    results = {}
    while tasks:
        for t in list(tasks):
            try:
                t.send(None)
            except StopIteration as s:
                results[len(results)] = s.value
                tasks.remove(t)
    return log, results
print(run([lambda log: worker("a", 3, log), lambda log: worker("b", 2, log), lambda log: worker("c", 4, log)]))
class AsyncRange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Sleep()
        return self.i
class AsyncCtx:
    async def __aenter__(self):
        print("aenter")
        await Sleep()
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True
async def use_async():
    total = 0
    async for v in AsyncRange(4):
        total += v
    async with AsyncCtx() as r:
        print("using", r)
        raise ValueError("suppressed by aexit")
    return total
def drive(c):
    steps = 0
    try:
        while True:
            c.send(None)
            steps += 1
    except StopIteration as s:
        return s.value, steps
print(drive(use_async()))
async def thrower():
    try:
        await Sleep()
    except KeyError as e:
        return f"coroutine caught {e!r}"
t = thrower()
t.send(None)
try:
    t.throw(KeyError("k"))
except StopIteration as s:
    print(s.value)
async def never():
    await Sleep()
    await Sleep()
n = never()
n.send(None)
n.close()
print("closed coroutine")
async def simple():
    return 7
sc = simple()
try:
    sc.send(None)
except StopIteration as s:
    print("simple returned", s.value)
async def agen_comp():
    return [x async for x in AsyncRange(3)]
print(drive(agen_comp()))
async def agen():
    for i in range(3):
        await Sleep()
        yield i * 10
async def consume_agen():
    out = []
    async for v in agen():
        out.append(v)
    return out
print(drive(consume_agen()))
