# Interpreter exit with threads, and the switch interval. The main thread
# ends while: daemon threads are blocked forever (on an Event, a Lock, a
# sleep, a Queue) or spinning in bytecode — they must not hold up or crash
# the exit; and a non-daemon thread is still working — the interpreter must
# wait for it, so its output comes after the main thread's last line.
# Also sys.setswitchinterval / getswitchinterval round-trips and rejects
# non-positive values.
import queue
import sys
import threading
import time

# ---- switch interval ----------------------------------------------------------
print("default switch interval:", sys.getswitchinterval())
for value in (0.001, 0.0123, 0.5, 1, 0.005):
    sys.setswitchinterval(value)
    print("set", value, "get", sys.getswitchinterval())
for bad in (0, -1, 0.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("setswitchinterval(%r): ValueError: %s" % (bad, e))
try:
    sys.setswitchinterval("x")
except TypeError:
    print("setswitchinterval('x'): TypeError")
print("unchanged:", sys.getswitchinterval())

# Many switches: a tiny interval with CPU-bound threads still gives exact
# results (the counter is protected by a lock).
sys.setswitchinterval(0.0001)
count = [0]
clock = threading.Lock()


def spin():
    for _ in range(20000):
        with clock:
            count[0] += 1


ts = [threading.Thread(target=spin) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
sys.setswitchinterval(0.005)
print("count with tiny interval:", count[0])

# ---- daemon threads that never finish ---------------------------------------------
forever = threading.Event()
held = threading.Lock()
held.acquire()
never_fed = queue.Queue()
ready = threading.Barrier(6)


def wait_event():
    ready.wait()
    forever.wait()
    print("never printed (event)")


def wait_lock():
    ready.wait()
    held.acquire()
    print("never printed (lock)")


def long_sleep():
    ready.wait()
    time.sleep(1000)
    print("never printed (sleep)")


def wait_queue():
    ready.wait()
    never_fed.get()
    print("never printed (queue)")


def busy():
    ready.wait()
    x = 0
    d = {}
    while True:
        x += 1
        d[x % 100] = [x]


for fn in (wait_event, wait_lock, long_sleep, wait_queue, busy):
    threading.Thread(target=fn, daemon=True, name=fn.__name__).start()
ready.wait()
print("daemons parked:", sorted(t.name for t in threading.enumerate() if t.daemon))

# ---- a non-daemon thread the interpreter must wait for ----------------------------
main_done = threading.Event()


inner_done = threading.Event()


def finisher():
    main_done.wait()
    inner_done.wait()
    time.sleep(0.3)       # main has long reached its end by now
    print("non-daemon thread finishing after main")
    sys.stdout.flush()


def inner():
    time.sleep(0.1)
    print("inner thread done")
    inner_done.set()


def nested_finisher():
    # A non-daemon thread started by another non-daemon thread after the
    # main thread ended is waited for as well.
    main_done.wait()
    threading.Thread(target=inner).start()


threading.Thread(target=finisher, name="finisher").start()
threading.Thread(target=nested_finisher, name="nested").start()
print("main thread's last line")
main_done.set()
