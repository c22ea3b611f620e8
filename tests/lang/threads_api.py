# threading.Thread and the module-level thread queries: target/args/kwargs,
# names (given and generated), daemon flag (explicit, inherited, setter
# errors), ident/native_id before and after start, is_alive through a
# thread's life, join(timeout) on a thread blocked on an Event, run()
# overridden in a subclass, start/join errors, current_thread, main_thread,
# get_ident, active_count and enumerate. Every result is printed from the
# main thread after a join or an Event, so the output never depends on
# scheduling.
import threading

main = threading.main_thread()
print("main name:", main.name, main is threading.current_thread())
print("main daemon:", main.daemon, "alive:", main.is_alive())
print("main ident matches:", main.ident == threading.get_ident())
print("ident type:", type(threading.get_ident()).__name__)
print("active_count at start:", threading.active_count())
print("enumerate at start:", [t.name for t in threading.enumerate()])

# ---- target, args, kwargs ------------------------------------------------
calls = []


def target(a, b, *rest, scale=1, **extra):
    calls.append((a, b, rest, scale, sorted(extra.items())))


t = threading.Thread(target=target, args=(1, 2, 3), kwargs={"scale": 10, "z": 0})
t.start()
t.join()
t2 = threading.Thread(target=target, args=[4, 5])
t2.start()
t2.join()
print("calls:", calls)

# A thread without target does nothing and still starts and joins.
empty = threading.Thread()
empty.start()
empty.join()
print("empty thread alive after join:", empty.is_alive())

# ---- names -----------------------------------------------------------------
named = threading.Thread(target=target, name="worker-A", args=(0, 0))
print("given name:", named.name)
named.name = "renamed"
print("renamed:", named.name, named.getName())
named.setName(42)
print("name is str:", repr(named.name))


def some_function():
    pass


auto = threading.Thread(target=some_function)
print("generated name mentions target:", auto.name.startswith("Thread-"),
      auto.name.endswith(" (some_function)"))
auto2 = threading.Thread()
print("generated name without target:", auto2.name.startswith("Thread-"),
      "(" not in auto2.name)
print("distinct generated names:", auto.name != auto2.name)

# ---- ident, native_id, is_alive, started twice -----------------------------
go = threading.Event()
inside = threading.Event()
seen = {}


def life():
    me = threading.current_thread()
    seen["current is thread"] = me is lt
    seen["ident"] = threading.get_ident()
    seen["alive inside"] = me.is_alive()
    seen["not main"] = me is not threading.main_thread()
    inside.set()
    go.wait()


lt = threading.Thread(target=life, name="life")
print("before start: ident", lt.ident, "native_id", lt.native_id,
      "alive", lt.is_alive())
try:
    lt.join()
except RuntimeError as e:
    print("join before start: RuntimeError:", e)
lt.start()
inside.wait()
print("while running: alive", lt.is_alive(),
      "ident is int", isinstance(lt.ident, int),
      "native_id is int", isinstance(lt.native_id, int))
print("in enumerate:", lt in threading.enumerate(),
      "active_count:", threading.active_count())
try:
    lt.start()
except RuntimeError as e:
    print("second start: RuntimeError:", e)
try:
    lt.daemon = True
except RuntimeError as e:
    print("daemon on running thread: RuntimeError:", e)

# join(timeout) returns (None) once the timeout passes; the thread is still
# blocked on the Event, so it is still alive.
r = lt.join(timeout=0.05)
print("join(timeout) returned", r, "alive:", lt.is_alive())
r = lt.join(0)
print("join(0) returned", r, "alive:", lt.is_alive())
go.set()
lt.join()
print("after join: alive", lt.is_alive(), "ident kept", lt.ident == seen["ident"])
print("seen:", sorted(seen.items())[0], seen["current is thread"],
      seen["alive inside"], seen["not main"])
print("after join: in enumerate", lt in threading.enumerate(),
      "active_count", threading.active_count())
print("joining twice is fine:", lt.join(), lt.join(1))
lt.join(timeout=-1)
print("negative timeout on a finished thread returns")

try:
    threading.current_thread().join()
except RuntimeError as e:
    print("join self: RuntimeError:", e)

# ---- daemon ----------------------------------------------------------------
d1 = threading.Thread(target=some_function, daemon=True)
d2 = threading.Thread(target=some_function)
d3 = threading.Thread(target=some_function, daemon=False)
print("daemon flags:", d1.daemon, d2.daemon, d3.daemon, d1.isDaemon())
d2.daemon = True
d3.setDaemon(True)
print("after setting:", d2.daemon, d3.daemon)

inherited = []


def spawn_child():
    child = threading.Thread(target=some_function)
    inherited.append(child.daemon)
    child.start()
    child.join()


for flag in (True, False):
    p = threading.Thread(target=spawn_child, daemon=flag)
    p.start()
    p.join()
print("child inherits daemon flag:", inherited)

# ---- subclass overriding run() ----------------------------------------------


class Counter(threading.Thread):
    def __init__(self, n, **kw):
        super().__init__(**kw)
        self.n = n
        self.total = None
        self.thread_name = None

    def run(self):
        self.thread_name = threading.current_thread().name
        self.total = sum(range(self.n))


workers = [Counter(k * 100, name="counter-%d" % k) for k in range(1, 5)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("subclass results:", [(w.thread_name, w.total) for w in workers])


class WithTarget(threading.Thread):
    # run() overridden: the target passed to __init__ is ignored.
    def run(self):
        log.append("overridden run")


log = []
wt = WithTarget(target=lambda: log.append("target"))
wt.start()
wt.join()
print("override wins over target:", log)


class BadInit(threading.Thread):
    def __init__(self):
        pass


try:
    BadInit().start()
except RuntimeError as e:
    print("start without Thread.__init__: RuntimeError")

# ---- many threads, enumerate and active_count while they wait --------------
release = threading.Event()
ready = threading.Barrier(6)


def parked():
    ready.wait()
    release.wait()


group = [threading.Thread(target=parked, name="park-%d" % i) for i in range(5)]
for g in group:
    g.start()
ready.wait()
names = sorted(t.name for t in threading.enumerate())
print("enumerate while parked:", names)
print("active_count while parked:", threading.active_count())
print("all alive:", all(g.is_alive() for g in group))
idents = [g.ident for g in group]
print("idents distinct:", len(set(idents)) == 5,
      "differ from main:", main.ident not in idents)
release.set()
for g in group:
    g.join()
print("after joins:", threading.active_count(),
      [t.name for t in threading.enumerate()])
print("current_thread in main:", threading.current_thread().name)
