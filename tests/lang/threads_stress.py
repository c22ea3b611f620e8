# Threads hammering one shared list, dict and set. A lock protects the
# compound invariants (check-then-act, paired updates), so the final sizes
# and sums are exact on every build, with or without a GIL.
import threading

N_THREADS = 8
N_OPS = 2000

shared_list = []
shared_dict = {}
shared_set = set()
counter = [0]
lock = threading.Lock()
start = threading.Barrier(N_THREADS)


def worker(tid):
    start.wait()
    for i in range(N_OPS):
        key = tid * N_OPS + i
        with lock:
            shared_list.append(key)
            shared_dict[key] = i
            shared_set.add(key % 1000)
            counter[0] += 1
            if key % 7 == 0:
                # remove a pair that must still be present
                shared_dict.pop(key)
                shared_list.pop()
        # unlocked single operations on builtins must not corrupt anything
        shared_dict.get(key)
        len(shared_list)


threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

total = N_THREADS * N_OPS
removed = len([k for k in range(total) if k % 7 == 0])
print(len(shared_list) == total - removed, len(shared_list))
print(len(shared_dict) == total - removed, len(shared_dict))
print(len(shared_set), counter[0])
print(sum(shared_dict.values()) == sum(i for t in range(N_THREADS) for i in range(N_OPS)
                                       if (t * N_OPS + i) % 7 != 0))
print(sorted(shared_list) == sorted(shared_dict))
print(threading.active_count())
