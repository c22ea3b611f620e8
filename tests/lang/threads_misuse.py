# Misuse: four threads mutate one shared list, dict and set with NO locks,
# on the same keys and items, racing each other on purpose. The results are
# racy, so the test asserts only what holds for every interleaving, given
# that each single builtin operation is atomic:
#
#   - no crash, and each container stays well-formed (only items that some
#     thread put there, nothing torn, iteration never sees garbage);
#   - no lost items: an append-only list ends with exactly every append, each
#     thread's items in the order it appended them; a list that every thread
#     appends to, inserts into and pops from (counting only pops that
#     succeeded) ends with exactly appends + inserts - pops items;
#   - read-modify-write counters without a lock may lose updates, so each
#     count is only between 1 and the number of increments;
#   - a set toggled by all threads ends with a subset of the numbers used;
#   - iterating while others mutate either works or raises RuntimeError
#     (dict and set size changes) — never anything else.
#
# Every printed line is a fixed True/number, so the output equals python3's.
import threading

N_THREADS = 4
N_OPS = 100_000

append_only = []
churn = []             # appended to, inserted into, popped from by all
counters = {}          # racy read-modify-write on shared keys
toggles = set()        # racy check-then-act on shared numbers
table = {}             # shared keys set and popped by everyone
start = threading.Barrier(N_THREADS)
stats = [None] * N_THREADS


def worker(tid):
    added = 0
    removed = 0
    bad = []
    iter_errors = 0
    start.wait()
    for i in range(N_OPS):
        append_only.append((tid, i))
        k = i % 8
        if k == 0:
            churn.append(i)
            added += 1
        elif k == 1:
            churn.insert(0, -i)
            added += 1
        elif k == 2:
            churn.insert(len(churn) // 2, i)
            added += 1
        elif k == 3 or k == 4:
            try:
                churn.pop()
                removed += 1
            except IndexError:
                pass
        elif k == 5:
            try:
                churn.pop(0)
                removed += 1
            except IndexError:
                pass
        n = i % 100
        counters[n] = counters.get(n, 0) + 1          # may lose updates
        if n in toggles:                               # may double-act
            toggles.discard(n)
        else:
            toggles.add(n)
        key = i % 50
        if i % 3 == 0:
            table[key] = (key, tid)
        elif i % 3 == 1:
            table.pop(key, None)
        else:
            v = table.get(key)
            if v is not None and v[0] != key:
                bad.append(("table get", key, v))
        if i % 4000 == 0:
            # Iterate while the others mutate.
            for x in churn:
                if type(x) is not int:
                    bad.append(("churn item", x))
            try:
                for key2, v in table.items():
                    if v[0] != key2:
                        bad.append(("table item", key2, v))
            except RuntimeError:
                iter_errors += 1
            try:
                for e in toggles:
                    if not 0 <= e < 100:
                        bad.append(("toggle item", e))
            except RuntimeError:
                iter_errors += 1
            snapshot = list(append_only)
            if len(snapshot) > len(append_only):
                bad.append(("snapshot longer than list",))
            sorted(churn)
            counters.copy()
            set(toggles)
    stats[tid] = (added, removed, bad)


threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

total = N_THREADS * N_OPS
print("append-only list has every append:", len(append_only) == total, len(append_only))
print("each thread's items present once, in its order:",
      all([i for (t2, i) in append_only if t2 == t] == list(range(N_OPS))
          for t in range(N_THREADS)))
added = sum(s[0] for s in stats)
removed = sum(s[1] for s in stats)
print("churn list size exact:", len(churn) == added - removed,
      "only ints:", all(type(x) is int for x in churn))
per_key = N_THREADS * (N_OPS // 100)
print("counters: keys", sorted(counters) == list(range(100)),
      "each between 1 and", per_key, ":",
      all(1 <= c <= per_key for c in counters.values()))
print("toggles a subset of 0..99:", toggles <= set(range(100)))
print("table well-formed:", set(table) <= set(range(50)),
      all(v[0] == k and 0 <= v[1] < N_THREADS for k, v in table.items()))
print("problems seen:", [s[2] for s in stats])
# The containers still work normally afterwards.
churn.clear()
churn.extend(range(10))
table.clear()
table.update({i: i * i for i in range(5)})
toggles.clear()
toggles.update({3, 1, 2})
print(churn, table, sorted(toggles), len(append_only[:10]))
