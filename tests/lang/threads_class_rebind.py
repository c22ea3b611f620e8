# Rebinding class attributes while other threads read them. In the
# free-threaded build a value borrowed from a class dict (a method, a class
# counter) used to be freed by the rebinding thread between the reader's
# lookup and its INCREF: a crash, or a wrong count from reused memory.
import threading

ROUNDS = 30000


class C:
    count = 0

    def m(self):
        return -1


def make_method(i):
    def m(self):
        return i
    return m


def rebind_methods():
    o = C()
    stop = False
    seen_bad = []

    def reader():
        while not stop:
            r = o.m()                      # LOAD_METHOD
            if not isinstance(r, int):
                seen_bad.append(r)
            f = C.m                         # type_getattro
            if not callable(f):
                seen_bad.append(f)
            g = getattr(o, "m")             # generic getattr
            if not callable(g):
                seen_bad.append(g)

    readers = [threading.Thread(target=reader) for _ in range(2)]
    for t in readers:
        t.start()
    for i in range(ROUNDS):
        C.m = make_method(i)
    stop = True
    for t in readers:
        t.join()
    print("methods", o.m(), seen_bad)


def class_counter():
    lock = threading.Lock()

    def worker():
        for i in range(ROUNDS):
            with lock:
                C.count += 1
            x = C.count + 1                 # read without the lock
            if x < 2:
                print("bad read", x)

    ts = [threading.Thread(target=worker) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("count", C.count)


class D:
    def __len__(self):
        return 1

    def __call__(self):
        return 0


def rebind_dunders():
    d = D()
    stop = False
    errors = []

    def reader():
        while not stop:
            try:
                if len(d) < 0 or d() < 0:   # slot dispatchers
                    errors.append("negative")
            except TypeError as e:
                errors.append(str(e))

    t = threading.Thread(target=reader)
    t.start()
    for i in range(ROUNDS // 3):
        D.__len__ = make_method(i)
        D.__call__ = make_method(i)
    stop = True
    t.join()
    print("dunders", len(d), d(), errors)


rebind_methods()
class_counter()
rebind_dunders()
print("ok")
