# CPU-bound work split over N threads, each on its own data: the thread
# builds its own list and dict and does integer arithmetic on them.
# Nothing it touches in the loop is written by another thread, so on the
# free-threaded build the threads should run fully in parallel.
#
#   gilt bench/scaling_independent.py THREADS [WORK]
#
# The same total WORK is split evenly over THREADS. Prints one line:
# "<wall seconds> <process CPU seconds>" for the threaded part only, so
# bench/scaling can compare wall time and CPU time (user+sys) between
# thread counts.
import sys
import threading
import time


def work(n, results, slot):
    table = {}
    items = []
    total = 0
    for i in range(n):
        k = i & 255
        total += (i * i + k) % 7
        table[k] = table.get(k, 0) + 1
        if len(items) < 64:
            items.append(i)
        else:
            items[i & 63] = total
    results[slot] = total + len(table) + sum(items) % 3


def main():
    nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    total_work = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
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
