# Event, Condition and Barrier: Event set/clear/is_set and wait with and
# without timeouts; Condition wait/notify/notify_all/wait_for (with and
# without timeouts, with a Lock or the default RLock, errors when the lock
# is not held); Barrier parties/n_waiting/return indices/action/reset/abort
# and BrokenBarrierError. Printed values are fixed by joins and Events,
# never by scheduling.
import threading

# ---- Event -------------------------------------------------------------------
ev = threading.Event()
print("fresh:", ev.is_set(), ev.isSet())
print("wait(0.05) unset:", ev.wait(0.05))
print("wait(timeout=0) unset:", ev.wait(timeout=0))
print("wait(-1) unset:", ev.wait(-1))
ev.set()
print("after set:", ev.is_set(), "wait():", ev.wait(), "wait(0):", ev.wait(0))
ev.set()
print("set twice:", ev.is_set())
ev.clear()
print("after clear:", ev.is_set(), "wait(0.01):", ev.wait(0.01))

# Several waiters all wake on one set().
started = threading.Barrier(5)
woken = []
wlock = threading.Lock()


def event_waiter(i):
    started.wait()
    r = ev.wait(30)
    with wlock:
        woken.append((i, r))


ws = [threading.Thread(target=event_waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
started.wait()
ev.set()
for w in ws:
    w.join()
print("all waiters woke:", sorted(woken))

# A timed wait that is satisfied before its timeout returns True.
ev2 = threading.Event()
got = []
t = threading.Thread(target=lambda: got.append(ev2.wait(timeout=30)))
t.start()
ev2.set()
t.join()
print("timed wait satisfied:", got)

# Ping-pong between two threads with two events, 20 rounds.
ping, pong = threading.Event(), threading.Event()
trace = []


def ponger():
    for i in range(20):
        ping.wait()
        ping.clear()
        trace.append("pong%d" % i)
        pong.set()


t = threading.Thread(target=ponger)
t.start()
for i in range(20):
    trace.append("ping%d" % i)
    ping.set()
    pong.wait()
    pong.clear()
t.join()
print("ping-pong:", trace[:4], trace[-2:], len(trace))

# ---- Condition -----------------------------------------------------------------
cond = threading.Condition()
try:
    cond.wait(0.01)
except RuntimeError as e:
    print("wait without lock: RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("notify without lock: RuntimeError:", e)
try:
    cond.notify_all()
except RuntimeError as e:
    print("notify_all without lock: RuntimeError:", e)
with cond:
    print("wait(0.05) without notify:", cond.wait(0.05))
    print("wait(0) without notify:", cond.wait(0))
    print("wait_for true predicate:", cond.wait_for(lambda: 7))
    print("wait_for false predicate, timeout:", cond.wait_for(lambda: 0, 0.05))
    cond.notify()       # no waiters: nothing happens
    cond.notify_all()
print("acquire/release methods:", cond.acquire(), cond.release())
with cond:
    with cond:
        print("default lock is reentrant")

# notify() wakes one waiter at a time; notify(n) wakes n; notify_all the rest.
cv = threading.Condition(threading.Lock())
waiting = [0]
state = {"tokens": 0, "served": []}


def cv_waiter(i):
    with cv:
        waiting[0] += 1
        cv.notify_all()          # tell main one more is waiting
        while state["tokens"] == 0:
            cv.wait()
        state["tokens"] -= 1
        state["served"].append(i)
        cv.notify_all()


cws = [threading.Thread(target=cv_waiter, args=(i,)) for i in range(6)]
for w in cws:
    w.start()
with cv:
    cv.wait_for(lambda: waiting[0] == 6)
    print("all six waiting")
    state["tokens"] = 1
    cv.notify()
    cv.wait_for(lambda: len(state["served"]) == 1)
    print("served after notify():", len(state["served"]))
    state["tokens"] = 2
    cv.notify(2)
    cv.wait_for(lambda: len(state["served"]) == 3)
    print("served after notify(2):", len(state["served"]))
    state["tokens"] = 3
    cv.notify_all()
    cv.wait_for(lambda: len(state["served"]) == 6)
    print("served after notify_all():", len(state["served"]), "tokens left:", state["tokens"])
for w in cws:
    w.join()
print("every waiter served once:", sorted(state["served"]))

# wait_for with a timeout that the producer beats.
box = []
bcond = threading.Condition()


def consumer():
    with bcond:
        ok = bcond.wait_for(lambda: box, timeout=30)
        box.append(("consumer saw", bool(ok)))


t = threading.Thread(target=consumer)
t.start()
with bcond:
    box.append("item")
    bcond.notify()
t.join()
print("wait_for with producer:", box)

# Producer/consumer through a bounded buffer guarded by two conditions.
buf = []
CAP = 3
mutex = threading.Lock()
not_full = threading.Condition(mutex)
not_empty = threading.Condition(mutex)
consumed = []


def produce():
    for i in range(50):
        with not_full:
            while len(buf) >= CAP:
                not_full.wait()
            buf.append(i)
            not_empty.notify()


def consume():
    for _ in range(50):
        with not_empty:
            while not buf:
                not_empty.wait()
            consumed.append(buf.pop(0))
            not_full.notify()


pt = threading.Thread(target=produce)
ct = threading.Thread(target=consume)
ct.start()
pt.start()
pt.join()
ct.join()
print("bounded buffer in order:", consumed == list(range(50)), len(buf))

# ---- Barrier -------------------------------------------------------------------
b = threading.Barrier(3)
print("parties:", b.parties, "n_waiting:", b.n_waiting, "broken:", b.broken)
indices = []
arrived = threading.Event()


def at_barrier():
    r = b.wait()
    with wlock:
        indices.append(r)


bt = [threading.Thread(target=at_barrier) for _ in range(2)]
for t in bt:
    t.start()
while b.n_waiting < 2:
    arrived.wait(0.001)
print("n_waiting with two parked:", b.n_waiting)
indices.append(b.wait())
for t in bt:
    t.join()
print("indices:", sorted(indices), "n_waiting after:", b.n_waiting)

# The barrier is reusable: three more rounds.
rounds = []


def cycler(i):
    for r in range(3):
        b.wait()
        with wlock:
            rounds.append(r)


ct = [threading.Thread(target=cycler, args=(i,)) for i in range(3)]
for t in ct:
    t.start()
for t in ct:
    t.join()
print("rounds:", sorted(rounds))

# action runs once per round, in exactly one thread.
actions = []
ab = threading.Barrier(4, action=lambda: actions.append("action"))
at = [threading.Thread(target=ab.wait) for _ in range(3)]
for t in at:
    t.start()
ab.wait()
for t in at:
    t.join()
print("action ran:", actions)

# wait(timeout) that expires breaks the barrier for everyone.
tb = threading.Barrier(2)
try:
    tb.wait(timeout=0.05)
except threading.BrokenBarrierError as e:
    print("timed-out wait: BrokenBarrierError", type(e).__mro__[1].__name__)
print("broken after timeout:", tb.broken)
try:
    tb.wait()
except threading.BrokenBarrierError:
    print("wait on broken barrier: BrokenBarrierError")
tb.reset()
print("after reset: broken", tb.broken, "n_waiting", tb.n_waiting)

# abort() wakes the waiters with BrokenBarrierError.
xb = threading.Barrier(3)
outcomes = []


def aborted_waiter():
    try:
        xb.wait()
        outcomes.append("passed")
    except threading.BrokenBarrierError:
        with wlock:
            outcomes.append("broken")


xt = [threading.Thread(target=aborted_waiter) for _ in range(2)]
for t in xt:
    t.start()
while xb.n_waiting < 2:
    arrived.wait(0.001)
xb.abort()
for t in xt:
    t.join()
print("abort:", outcomes, "broken:", xb.broken)
xb.reset()
# After reset it works again.
rt = [threading.Thread(target=xb.wait) for _ in range(2)]
for t in rt:
    t.start()
print("after reset wait index in range:", xb.wait() in (0, 1, 2))
for t in rt:
    t.join()

# An action that raises breaks the barrier; the raising thread sees the error.
def bad_action():
    raise ValueError("action failed")


eb = threading.Barrier(2, action=bad_action)
errs = []


def eb_waiter():
    try:
        eb.wait()
    except threading.BrokenBarrierError:
        errs.append("BrokenBarrierError")
    except ValueError as e:
        errs.append("ValueError: %s" % e)


et = threading.Thread(target=eb_waiter)
et.start()
eb_waiter()
et.join()
print("failing action:", sorted(errs), "broken:", eb.broken)
