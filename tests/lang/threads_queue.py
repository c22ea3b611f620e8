# queue: Queue (FIFO), LifoQueue, PriorityQueue and SimpleQueue. put/get
# with block=False and with timeouts (Empty/Full), maxsize and full(),
# qsize/empty, put_nowait/get_nowait, task_done/join (and task_done called
# too often), a producer blocked on a full queue woken by a consumer, a
# consumer blocked on an empty queue woken by a producer, several producers
# and consumers moving 2000 items without loss. Results are compared after
# joins, so thread scheduling never shows.
import queue
import threading

print("Empty/Full are Exceptions:", issubclass(queue.Empty, Exception),
      issubclass(queue.Full, Exception))

# ---- FIFO basics -----------------------------------------------------------------
q = queue.Queue()
print("fresh:", q.qsize(), q.empty(), q.full(), q.maxsize)
for i in range(5):
    q.put(i)
q.put_nowait("x")
print("after puts:", q.qsize(), q.empty(), q.full())
print("fifo order:", [q.get() for _ in range(5)], q.get_nowait())
for call in (q.get_nowait, lambda: q.get(False), lambda: q.get(block=False),
             lambda: q.get(timeout=0.05), lambda: q.get(True, 0),
             lambda: q.get(block=True, timeout=0.01)):
    try:
        call()
    except queue.Empty as e:
        print("Empty raised, args:", e.args)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("negative timeout: ValueError:", e)

# Interleaved puts and gets keep FIFO order across the internal compaction.
out = []
n = 0
for rnd in range(50):
    for _ in range(7):
        q.put(n)
        n += 1
    for _ in range(5):
        out.append(q.get())
while not q.empty():
    out.append(q.get())
print("fifo across 350 items:", out == list(range(350)), q.qsize())

# ---- maxsize and Full ----------------------------------------------------------------
bq = queue.Queue(maxsize=2)
bq.put("a")
bq.put("b", block=False)
print("bounded full:", bq.full(), bq.qsize())
for call in (lambda: bq.put_nowait("c"), lambda: bq.put("c", False),
             lambda: bq.put("c", timeout=0.05), lambda: bq.put("c", True, 0)):
    try:
        call()
    except queue.Full as e:
        print("Full raised, args:", e.args)
try:
    bq.put("c", timeout=-0.5)
except ValueError as e:
    print("put negative timeout: ValueError:", e)
print("contents unchanged:", bq.get(), bq.get(), bq.empty())
print("maxsize <= 0 is unbounded:", queue.Queue(0).full(), queue.Queue(-3).full())
unb = queue.Queue(-1)
for i in range(100):
    unb.put_nowait(i)
print("negative maxsize holds:", unb.qsize())

# A producer blocked on a full queue is woken when the consumer makes room.
small = queue.Queue(maxsize=1)
small.put(0)
blocked_put_started = threading.Event()
put_done = []


def blocked_producer():
    blocked_put_started.set()
    small.put(1)                # blocks until main gets item 0
    put_done.append("put returned")


t = threading.Thread(target=blocked_producer)
t.start()
blocked_put_started.wait()
print("main gets:", small.get())
t.join()
print(put_done, "queue holds:", small.get_nowait())

# A consumer blocked on an empty queue is woken by a put; timed get too.
empty_q = queue.Queue()
got = []


def blocked_consumer():
    got.append(empty_q.get())
    got.append(empty_q.get(timeout=30))


t = threading.Thread(target=blocked_consumer)
t.start()
empty_q.put("first")
empty_q.put("second")
t.join()
print("consumer got:", got)

# ---- task_done / join ------------------------------------------------------------------
jq = queue.Queue()
try:
    jq.task_done()
except ValueError as e:
    print("task_done too often: ValueError:", e)
jq.join()
print("join on a queue with no tasks returns at once")
processed = []
plock = threading.Lock()


def worker():
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            return
        with plock:
            processed.append(item * 10)
        jq.task_done()


workers = [threading.Thread(target=worker, daemon=True) for _ in range(3)]
for w in workers:
    w.start()
for i in range(30):
    jq.put(i)
jq.join()
print("after join, all processed:", len(processed), sum(processed),
      "unfinished:", jq.unfinished_tasks)
for _ in workers:
    jq.put(None)
jq.join()
for w in workers:
    w.join()
print("workers stopped:", [w.is_alive() for w in workers])

# ---- LifoQueue ----------------------------------------------------------------------------
lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print("lifo:", [lq.get() for _ in range(5)], lq.empty())
try:
    lq.get_nowait()
except queue.Empty:
    print("lifo Empty")
lb = queue.LifoQueue(maxsize=1)
lb.put("only")
try:
    lb.put("more", timeout=0.01)
except queue.Full:
    print("lifo Full", lb.qsize())
print("LifoQueue is a Queue:", isinstance(lq, queue.Queue))

# ---- PriorityQueue ---------------------------------------------------------------------------
pq = queue.PriorityQueue()
import random
rng = random.Random(7)
nums = [rng.randrange(1000) for _ in range(200)]
for v in nums:
    pq.put(v)
print("priority order:", [pq.get() for _ in range(200)] == sorted(nums))
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "A"), (0, "z")]:
    pq.put(item)
print("tuples:", [pq.get_nowait() for _ in range(5)])
try:
    pq.get(timeout=0.01)
except queue.Empty:
    print("priority Empty")
pb = queue.PriorityQueue(2)
pb.put(5)
pb.put(1)
try:
    pb.put_nowait(0)
except queue.Full:
    print("priority Full", pb.qsize(), pb.get())

# ---- SimpleQueue ---------------------------------------------------------------------------------
sq = queue.SimpleQueue()
print("simple fresh:", sq.empty(), sq.qsize())
sq.put(1)
sq.put_nowait(2)
sq.put(3, block=False, timeout=5)
print("simple:", sq.qsize(), sq.get(), sq.get_nowait(), sq.get(False), sq.empty())
for call in (sq.get_nowait, lambda: sq.get(timeout=0.02), lambda: sq.get(block=False)):
    try:
        call()
    except queue.Empty:
        print("simple Empty")
sres = []
t = threading.Thread(target=lambda: sres.append(sq.get(timeout=30)))
t.start()
sq.put("handed over")
t.join()
print("simple blocking get:", sres)

# ---- many producers, many consumers -------------------------------------------------------------
mq = queue.Queue(maxsize=16)
N_PROD, N_CONS, PER = 4, 3, 500
received = [[] for _ in range(N_CONS)]


def producer(p):
    for i in range(PER):
        mq.put((p, i))


def consumer(c):
    while True:
        item = mq.get()
        if item is None:
            return
        received[c].append(item)


cons = [threading.Thread(target=consumer, args=(c,)) for c in range(N_CONS)]
prods = [threading.Thread(target=producer, args=(p,)) for p in range(N_PROD)]
for t in cons + prods:
    t.start()
for t in prods:
    t.join()
for _ in cons:
    mq.put(None)
for t in cons:
    t.join()
everything = [x for r in received for x in r]
print("received:", len(everything), len(set(everything)) == N_PROD * PER)
# Each producer's items leave the queue in the order they went in, so each
# consumer sees every producer's items in increasing order.
in_order = all(
    [i for (p2, i) in r if p2 == p] == sorted(i for (p2, i) in r if p2 == p)
    for r in received for p in range(N_PROD))
print("per-producer order kept in each consumer:", in_order)
print("queue drained:", mq.empty(), mq.qsize())
