# CPU-bound work split over N threads that all read the same data: a shared
# dict, shared module globals, shared functions, and methods of a shared
# class (on one shared instance and on instances each thread makes). No
# thread writes the shared objects, so on the free-threaded build the
# threads should still run in parallel — if reading a shared object
# bounced a shared reference count or took a lock, this would not scale.
#
#   gilt bench/scaling_shared.py THREADS [WORK]
#
# The same total WORK is split evenly over THREADS. Prints one line:
# "<wall seconds> <process CPU seconds>" for the threaded part only.
import sys
import threading
import time

SCALE = 3
OFFSET = 11
NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
TABLE = {name: len(name) * 1000 + i for i, name in enumerate(NAMES)}


def weight(name):
    return TABLE[name] * SCALE + OFFSET


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def norm1(self):
        return abs(self.x) + abs(self.y)


ORIGIN_SHIFT = Vector(3, 4)


def work(n, results, slot):
    total = 0
    names = NAMES
    count = len(names)
    for i in range(n):
        name = names[i % count]
        total += weight(name) % 13
        v = Vector(i & 15, OFFSET)
        total += v.dot(ORIGIN_SHIFT) % 5 + ORIGIN_SHIFT.norm1()
    results[slot] = total


def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    total_work = int(sys.argv[2]) if len(sys.argv) > 2 else 300_000
    per = total_work // nthreads
    results = [0] * nthreads
    threads = [threading.Thread(target=work, args=(per, results, i))
               for i in range(nthreads)]
    wall0 = time.perf_counter()
    cpu0 = time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    print("%.4f %.4f" % (wall, cpu))


main()
