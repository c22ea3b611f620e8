# Threads reading shared module-level data (a dict and an instance, made
# immortal and frozen for lock-free reads at the first thread start) while
# one thread keeps changing them: readers never see a wrong value, and the
# dict ends up exactly as the writer left it.
import threading
SHARED = {("k%d" % i): i for i in range(50)}
NAMES = list(SHARED)
class C:
    def __init__(self):
        self.a = 1
        self.b = 2
OBJ = C()
errors = []
def reader(n):
    total = 0
    for i in range(n):
        k = NAMES[i % 50]
        v = SHARED.get(k)
        if v is not None and v != int(k[1:]) and v != -1:
            errors.append((k, v))
        total += OBJ.a + OBJ.b
    return total
def writer(n):
    for i in range(n):
        SHARED["new%d" % i] = i            # forces resizes
        SHARED[NAMES[i % 50]] = -1 if i % 2 else int(NAMES[i % 50][1:])
        if i % 100 == 0:
            for j in range(max(0, i - 100), i):
                SHARED.pop("new%d" % j, None)
        OBJ.a = i % 3
        OBJ.a = 1
ts = [threading.Thread(target=reader, args=(100000,)) for _ in range(3)]
ts.append(threading.Thread(target=writer, args=(20000,)))
for t in ts: t.start()
for t in ts: t.join()
print("errors", len(errors), "size", len(SHARED))
