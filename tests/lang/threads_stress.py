# Eight threads mutate one list, one dict and one set without a lock. On the
# free-threaded build this must never crash, lose an object or corrupt a
# container (per-object locks); the counts below are exact either way:
# every pop is preceded by the same thread's append, so no pop finds the
# list empty.
import threading
shared_list = []
shared_dict = {}
shared_set = set()
def worker(k):
    for i in range(20000):
        shared_list.append(i)
        shared_dict[(k, i % 500)] = i
        shared_set.add(i % 1000)
        if i % 3 == 0:
            shared_list.pop()
        s = str(i) + "x"
        d = {s: [s] * 2}
        del d
ts = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(shared_list), len(shared_dict), len(shared_set), sum(shared_set))
print(sorted(v for (k, r), v in shared_dict.items() if r == 499)[:3])
