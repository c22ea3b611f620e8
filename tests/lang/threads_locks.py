# Lock, RLock, Semaphore and BoundedSemaphore: acquire/release, blocking=False,
# timeouts that expire while another thread holds the lock, release errors,
# RLock reentrancy and ownership, context managers (also when the body
# raises), a lock released by a different thread, semaphores counting,
# limiting concurrency and refusing over-release. Threads hand over with
# Events so every printed value is fixed.
import threading

# ---- Lock ------------------------------------------------------------------
lock = threading.Lock()
print("type name:", type(lock).__name__ in ("lock", "LockType"))
print("fresh locked():", lock.locked())
print("acquire():", lock.acquire(), "locked():", lock.locked())
print("acquire(blocking=False) when held:", lock.acquire(blocking=False))
print("acquire(False) when held:", lock.acquire(False))
print("acquire(timeout=0.05) when held:", lock.acquire(timeout=0.05))
print("acquire(True, 0.01) when held:", lock.acquire(True, 0.01))
print("acquire(timeout=0) when held:", lock.acquire(timeout=0))
lock.release()
print("after release locked():", lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("release unlocked: RuntimeError:", e)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("timeout with blocking=False: ValueError:", e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print("negative timeout: ValueError:", e)
print("acquire(timeout=-1) means forever:", lock.acquire(timeout=-1))
lock.release()

with lock:
    print("inside with: locked", lock.locked())
print("after with: locked", lock.locked())
try:
    with lock:
        raise KeyError("boom")
except KeyError as e:
    print("with body raised", repr(e), "- lock released:", not lock.locked())
print("__enter__ returns True:", lock.__enter__())
lock.__exit__(None, None, None)
print("after __exit__:", lock.locked())

# A held lock seen from another thread: non-blocking and timed acquires fail.
results = []


def try_from_other_thread(lk):
    results.append(lk.acquire(False))
    results.append(lk.acquire(timeout=0.05))


lock.acquire()
t = threading.Thread(target=try_from_other_thread, args=(lock,))
t.start()
t.join()
lock.release()
print("other thread on held lock:", results)

# A plain Lock may be released by a thread that did not acquire it.
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print("released by another thread:", not lock.locked())

# A waiter blocked in acquire() gets the lock once it is released.
order = []
waiting = threading.Event()


def blocked_acquirer():
    waiting.set()
    with lock:
        order.append("waiter got lock")


lock.acquire()
t = threading.Thread(target=blocked_acquirer)
t.start()
waiting.wait()
order.append("main releasing")
lock.release()
t.join()
print("handover:", order)

# ---- RLock -----------------------------------------------------------------
rlock = threading.RLock()
print("rlock acquire x3:", rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False))
rlock.release()
rlock.release()
rlock.release()
try:
    rlock.release()
except RuntimeError as e:
    print("rlock release unowned: RuntimeError:", e)
with rlock:
    with rlock:
        with rlock:
            print("nested with on rlock")

other = []


def rlock_from_other():
    other.append(rlock.acquire(False))
    other.append(rlock.acquire(timeout=0.02))
    try:
        rlock.release()
    except RuntimeError:
        other.append("release by non-owner: RuntimeError")


rlock.acquire()
rlock.acquire()
t = threading.Thread(target=rlock_from_other)
t.start()
t.join()
rlock.release()
print("rlock still held after one release:", other)
t = threading.Thread(target=rlock_from_other)
t.start()
t.join()
print("other thread vs rlock held once:", other[3:])
rlock.release()


def rlock_free():
    got = rlock.acquire(False)
    rlock.release()
    return got


ok = []
t = threading.Thread(target=lambda: ok.append(rlock_free()))
t.start()
t.join()
print("rlock free after full release:", ok)

# Recursive function guarded by an RLock.
def depth(n):
    with rlock:
        return 0 if n == 0 else 1 + depth(n - 1)


print("recursion under rlock:", depth(50))

# ---- Semaphore ---------------------------------------------------------------
sem = threading.Semaphore(2)
print("sem acquire x2:", sem.acquire(), sem.acquire())
print("sem acquire(blocking=False) at zero:", sem.acquire(blocking=False))
print("sem acquire(timeout=0.05) at zero:", sem.acquire(timeout=0.05))
sem.release()
print("after one release:", sem.acquire(False))
sem.release(2)
print("release(2) then two acquires:", sem.acquire(False), sem.acquire(False),
      sem.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("negative initial: ValueError:", e)
try:
    sem.release(0)
except ValueError as e:
    print("release(0): ValueError:", e)
try:
    sem.acquire(False, 1)
except ValueError as e:
    print("timeout with blocking=False: ValueError:", e)
sem0 = threading.Semaphore(0)
with threading.Semaphore(1) as entered:
    print("semaphore with returns:", entered)

# A plain Semaphore may be released above its initial value.
s1 = threading.Semaphore(1)
s1.release()
print("plain semaphore over-release ok:", s1.acquire(False), s1.acquire(False),
      s1.acquire(False))

# Release from another thread wakes a waiter.
woke = []
t = threading.Thread(target=lambda: woke.append(sem0.acquire(timeout=30)))
t.start()
sem0.release()
t.join()
print("waiter woken by release:", woke)

# Semaphore(3) bounds concurrency: track the number inside at once.
limit = threading.Semaphore(3)
inside = [0]
peak = [0]
count_lock = threading.Lock()
all_in = threading.Barrier(3)


def limited(i):
    with limit:
        with count_lock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        if i < 3:
            all_in.wait()   # the first three meet inside, so the peak is 3
        with count_lock:
            inside[0] -= 1


ts = [threading.Thread(target=limited, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
ts = [threading.Thread(target=limited, args=(i + 3,)) for i in range(9)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak inside semaphore(3):", peak[0], "inside at end:", inside[0])

# ---- BoundedSemaphore ----------------------------------------------------------
bs = threading.BoundedSemaphore(2)
print("isinstance Semaphore:", isinstance(bs, threading.Semaphore))
try:
    bs.release()
except ValueError as e:
    print("bounded over-release: ValueError:", e)
bs.acquire()
bs.release()
bs.acquire()
bs.acquire()
print("bounded at zero:", bs.acquire(False))
bs.release()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("bounded over-release again: ValueError:", e)
with bs:
    print("bounded with: free slots", bs.acquire(False))
    bs.release()
print("bounded back to full:", bs.acquire(False), bs.acquire(False), bs.acquire(False))
bs.release()
bs.release()
