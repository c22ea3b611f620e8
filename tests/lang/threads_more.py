# More threading: Barrier, thread-local data, daemon flag, join(timeout),
# Queue task_done/join, LifoQueue, PriorityQueue, Empty/Full, many threads
# appending to one list, a shared dict updated under a lock.
import threading
import queue
local = threading.local()
out = {}
olock = threading.Lock()
def use_local(n):
    local.value = n
    for _ in range(1000):
        local.value += 1
    with olock:
        out[n] = local.value
ts = [threading.Thread(target=use_local, args=(i * 10000,)) for i in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out.items()), hasattr(local, "value"))
barrier = threading.Barrier(3)
phase = []
def phased(i):
    with olock:
        phase.append(("before", i))
    barrier.wait()
    with olock:
        phase.append(("after", i))
bt = [threading.Thread(target=phased, args=(i,)) for i in range(3)]
for t in bt: t.start()
for t in bt: t.join()
print([p[0] for p in phase][:3], [p[0] for p in phase][3:])
q = queue.Queue()
done = []
def qworker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with olock:
            done.append(item * item)
        q.task_done()
workers = [threading.Thread(target=qworker) for _ in range(3)]
for w in workers: w.start()
for i in range(60):
    q.put(i)
q.join()
for _ in workers: q.put(None)
for w in workers: w.join()
print(len(done), sum(done), sorted(done)[:5])
lq = queue.LifoQueue()
for i in range(5): lq.put(i)
print([lq.get() for _ in range(5)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (0, "z")]: pq.put(item)
print([pq.get() for _ in range(4)])
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("Empty raised")
bq = queue.Queue(maxsize=1)
bq.put(1)
try:
    bq.put_nowait(2)
except queue.Full:
    print("Full raised", bq.full(), bq.qsize())
try:
    bq.get(timeout=0.01)
    bq.get(timeout=0.01)
except queue.Empty:
    print("timed get raised Empty")
stop = threading.Event()
def sleeper():
    stop.wait()
t = threading.Thread(target=sleeper, daemon=True)
t.start()
t.join(timeout=0.05)
print("still alive after timeout:", t.is_alive(), "daemon:", t.daemon)
stop.set()
t.join()
print("alive after set:", t.is_alive())
shared = []
def appender(k):
    for i in range(1000):
        shared.append(k)
apps = [threading.Thread(target=appender, args=(k,)) for k in range(8)]
for t in apps: t.start()
for t in apps: t.join()
print(len(shared), sorted(set(shared)), [shared.count(k) for k in range(8)])
totals = {}
def tally(k):
    for i in range(500):
        with olock:
            totals[i % 10] = totals.get(i % 10, 0) + 1
tt = [threading.Thread(target=tally, args=(k,)) for k in range(4)]
for t in tt: t.start()
for t in tt: t.join()
print(sorted(totals.items()))
print(threading.active_count() >= 1, isinstance(threading.get_ident(), int))
ev = threading.Event()
print(ev.wait(0.01), ev.is_set())
