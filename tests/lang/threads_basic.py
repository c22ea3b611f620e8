# Threads: Thread with target/args, join, Lock protecting a counter, Event,
# Queue producer/consumer, Thread subclass, current_thread names. Output is
# deterministic: every result is gathered and printed after join.
import threading
import queue
counter = 0
lock = threading.Lock()
def work(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
threads = [threading.Thread(target=work, args=(10000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)
results = [None] * 8
def square(i):
    results[i] = i * i
ts = [threading.Thread(target=square, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)
ev = threading.Event()
seen = []
def waiter():
    ev.wait()
    seen.append("woke")
w = threading.Thread(target=waiter)
w.start()
print("event set?", ev.is_set())
ev.set()
w.join()
print(seen, ev.is_set())
q = queue.Queue()
out = []
def producer():
    for i in range(100):
        q.put(i)
    q.put(None)
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        out.append(item * 2)
pt = threading.Thread(target=producer)
ct = threading.Thread(target=consumer)
ct.start()
pt.start()
pt.join()
ct.join()
print(len(out), sum(out), out[:5], q.empty())
class MyThread(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"worker-{n}")
        self.n = n
        self.result = None
    def run(self):
        self.result = sum(range(self.n))
mts = [MyThread(k * 1000) for k in range(1, 4)]
for t in mts:
    t.start()
for t in mts:
    t.join()
print([(t.name, t.result) for t in mts], [t.is_alive() for t in mts])
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
names = []
def record():
    names.append(threading.current_thread().name)
nt = threading.Thread(target=record, name="named-thread")
nt.start()
nt.join()
print(names)
rl = threading.RLock()
with rl:
    with rl:
        print("rlock reentered")
print(lock.acquire(), lock.locked(), lock.acquire(blocking=False))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
sem = threading.Semaphore(2)
active = []
maxactive = [0]
mlock = threading.Lock()
def limited():
    with sem:
        with mlock:
            active.append(1)
            maxactive[0] = max(maxactive[0], len(active))
        with mlock:
            active.pop()
sts = [threading.Thread(target=limited) for _ in range(6)]
for t in sts:
    t.start()
for t in sts:
    t.join()
print("max concurrently inside", maxactive[0] <= 2)
def fails():
    raise ValueError("in thread")
errs = []
old_hook = threading.excepthook
threading.excepthook = lambda args: errs.append(args.exc_type.__name__)
ft = threading.Thread(target=fails)
ft.start()
ft.join()
threading.excepthook = old_hook
print("thread exception reported:", errs)
cond = threading.Condition()
items = []
def cons():
    with cond:
        while not items:
            cond.wait()
        items.append("consumed")
c = threading.Thread(target=cons)
c.start()
with cond:
    items.append("produced")
    cond.notify()
c.join()
print(items)
