# Inline caches filled while the program has one thread (mortal values:
# a global list, a class attribute, an instance attribute, a method) must
# stay correct when the first thread starts and afterwards, also for
# values that were rebound (and freed) before the start.
import threading

table = [1, 2, 3]


class Box:
    scale = [10]

    def __init__(self, v):
        self.v = [v]

    def get(self):
        return self.v[0] * Box.scale[0]


def read(box):
    return table[0] + box.get() + len(box.v)


box = Box(4)
print("before", sum(read(box) for _ in range(50)))
table = [5, 6]          # the cached list is freed here
Box.scale = [100]
box.v = [7]
print("rebound", read(box))

results = []


def worker(n):
    b = Box(n)
    results.append(sum(read(b) for _ in range(200)))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threads", sorted(results))
table = [9]
Box.scale = [1000]
print("after", read(box), read(Box(2)))
