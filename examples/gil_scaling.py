# CPU-bound work on 1 thread, then split across N threads (N = argv[1] or
# os.cpu_count()), best of five runs of each. Under the GIL build the
# speed-up stays near 1x; on the free-threaded build (gilt --gil=off) it
# approaches N.
import os
import sys
import threading
import time

WORK = 2_000_000


def spin(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def run(nthreads):
    per = WORK // nthreads
    threads = [threading.Thread(target=spin, args=(per,)) for _ in range(nthreads)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


n = int(sys.argv[1]) if len(sys.argv) > 1 else (os.cpu_count() or 4)
# A warm-up, then the best of five turns each, taken in turn: the first
# run after an idle spell is often slow (cold caches, a core waking up),
# and on a busy machine any single run may be disturbed.
run(n)
one = many = float("inf")
for _ in range(5):
    one = min(one, run(1))
    many = min(many, run(n))
print("1 thread:   %.3f s" % one)
print("%d threads: %.3f s" % (n, many))
print("speedup:    %.2fx" % (one / many))
