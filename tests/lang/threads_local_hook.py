# threading.local and threading.excepthook. local: each thread sees its own
# attributes (a fresh namespace per thread, the main thread's values
# untouched), subclasses with __init__ run it once per thread, AttributeError
# for a name a thread never set. excepthook: a custom hook receives
# exc_type/exc_value/exc_traceback/thread for an exception that ends a
# thread, the process carries on, SystemExit in a thread is silent, and the
# default hook can be restored. (The default hook's stderr output, and a
# hook that raises, are compared with python3's by tests/threads/check.sh.)
import threading

# ---- local ---------------------------------------------------------------------
data = threading.local()
data.x = "main"
results = {}
rlock = threading.Lock()


def use_local(i):
    has_x = hasattr(data, "x")
    data.x = i
    data.items = [i] * 3
    for _ in range(100):
        data.x += 1
    try:
        data.never_set
    except AttributeError:
        missing = "AttributeError"
    with rlock:
        results[i] = (has_x, data.x, data.items, missing)


ts = [threading.Thread(target=use_local, args=(i * 1000,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for k in sorted(results):
    print("thread", k, results[k])
print("main's value untouched:", data.x, hasattr(data, "items"))
del data.x
print("after del in main:", hasattr(data, "x"))
data.y = 5
print("__dict__ in main:", data.__dict__)


class Counted(threading.local):
    inits = 0

    def __init__(self, start):
        Counted.inits += 1
        self.value = start

    def bump(self):
        self.value += 1
        return self.value


c = Counted(10)
print("main first bump:", c.bump(), c.bump())
sub = []


def use_counted():
    sub.append((c.value, c.bump()))


t = threading.Thread(target=use_counted)
t.start()
t.join()
t = threading.Thread(target=use_counted)
t.start()
t.join()
print("each thread starts from __init__:", sub, "main still:", c.value)
print("__init__ ran per thread:", Counted.inits)

# Values in a thread-local are kept apart while threads run side by side.
meet = threading.Barrier(3)
pairs = []


def overlap(i):
    data.v = i
    meet.wait()          # all three have set their value
    meet.wait()          # and all three read it back only now
    with rlock:
        pairs.append((i, data.v))


ts = [threading.Thread(target=overlap, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("side by side:", sorted(pairs))

# ---- excepthook ----------------------------------------------------------------
print("default hook is __excepthook__:", threading.excepthook is threading.__excepthook__)
captured = []


def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value),
                     args.exc_traceback is not None,
                     args.thread.name if args.thread is not None else None,
                     args.exc_value.__class__ is args.exc_type))


threading.excepthook = hook


def fails(kind):
    if kind == "value":
        raise ValueError("bad value in thread")
    if kind == "key":
        {}["missing"]
    if kind == "zero":
        return 1 // 0
    if kind == "custom":
        class Oops(Exception):
            pass
        raise Oops("custom")
    if kind == "exit":
        raise SystemExit(3)


for kind in ("value", "key", "zero", "custom"):
    t = threading.Thread(target=fails, args=(kind,), name="failing-" + kind)
    t.start()
    t.join()
    print("after", kind, "thread: alive", t.is_alive())
for c in captured:
    print("hook got:", c)


class Broken(threading.Thread):
    def run(self):
        raise RuntimeError("from run()")


captured.clear()
b = Broken(name="broken-run")
b.start()
b.join()
print("subclass run raised:", captured)

# SystemExit in a thread reaches the hook too (the default hook ignores it).
captured.clear()
t = threading.Thread(target=fails, args=("exit",), name="exiting")
t.start()
t.join()
print("SystemExit goes to hook:", captured)

# Default hook with SystemExit: nothing printed, nothing raised.
threading.excepthook = threading.__excepthook__
t = threading.Thread(target=fails, args=("exit",))
t.start()
t.join()
print("default hook ignores SystemExit")

# A thread whose exception is caught inside it never reaches the hook.
threading.excepthook = hook
captured.clear()


def catches():
    try:
        raise ValueError("handled")
    except ValueError:
        pass


t = threading.Thread(target=catches)
t.start()
t.join()
print("handled exception reaches hook:", captured)

# The process carries on after failing threads: more work still runs.
total = [0]


def add(n):
    total[0] += n


ts = [threading.Thread(target=add, args=(i,)) for i in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("work after failures:", total[0])
threading.excepthook = threading.__excepthook__
print("restored:", threading.excepthook is threading.__excepthook__)
