# Six threads hammer one shared list, dict and set, 100k operations each,
# released together by a Barrier so they really overlap. Two kinds of
# operations:
#
#   - compound ones (check-then-act, read-modify-write on shared keys,
#     moving an item between containers) under one Lock, so their totals are
#     exact by the program's own locking;
#   - single operations without a lock (append/pop on the shared list,
#     insert/delete of a thread's own keys in the shared dict and set), whose
#     totals are exact because each builtin operation is atomic;
#
# and every few thousand operations each thread iterates over the three
# containers while the others mutate them, checking that everything it sees
# is well-formed (a dict iteration may raise RuntimeError for a size change;
# that is counted, never printed). The final sizes, sums and contents are
# computed independently and compared exactly.
import threading

N_THREADS = 6
N_OPS = 100_000
PERIOD = 10            # operation kinds, chosen by i % PERIOD

shared_list = []
shared_dict = {}
shared_set = set()
lock = threading.Lock()
hits = {}              # key -> count, updated under lock
claims = set()         # first thread to claim a number wins, under lock
moved = {}             # items moved from `pending` under lock
pending = list(range(5000))
results = [None] * N_THREADS
start = threading.Barrier(N_THREADS)


def check_views(tid):
    """Iterate while others mutate; return a list of problems seen."""
    problems = []
    for x in shared_list:
        if type(x) is not int or not 0 <= x < N_THREADS:
            problems.append(("list item", x))
    try:
        for k, v in shared_dict.items():
            if type(k) is not tuple or k[1] != v:
                problems.append(("dict item", k, v))
    except RuntimeError:
        pass        # "dictionary changed size during iteration"
    try:
        for e in shared_set:
            if type(e) is not tuple or len(e) != 2:
                problems.append(("set item", e))
    except RuntimeError:
        pass
    return problems


def worker(tid):
    appended = popped = 0
    wins = 0
    my_moved = 0
    problems = []
    start.wait()
    for i in range(N_OPS):
        kind = i % PERIOD
        rnd = i // PERIOD
        if kind <= 1:
            shared_list.append(tid)
            appended += 1
        elif kind == 2:
            if appended > popped and rnd % 2 == 0:
                # Never fails: this thread's own appends keep the list
                # non-empty, whoever's item it takes.
                shared_list.pop()
                popped += 1
        elif kind == 3:
            shared_dict[(tid, i)] = i
        elif kind == 4:
            if rnd % 3 != 0:
                del shared_dict[(tid, i - 1)]
        elif kind == 5:
            shared_set.add((tid, i))
        elif kind == 6:
            if rnd % 4 != 0:
                shared_set.discard((tid, i - 1))
        elif kind == 7:
            key = rnd % 64
            with lock:
                hits[key] = hits.get(key, 0) + 1
        elif kind == 8:
            number = rnd % 2000
            with lock:
                if number not in claims:
                    claims.add(number)
                    wins += 1
        else:
            with lock:
                if pending:
                    item = pending.pop()
                    moved[item] = tid
                    my_moved += 1
        if i % 5000 == 0:
            problems.extend(check_views(tid))
    results[tid] = (appended, popped, wins, my_moved, problems)


threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

# What the final state must be, computed without threads.
rounds = N_OPS // PERIOD
exp_dict = {}
exp_set = set()
exp_hits = {}
for tid in range(N_THREADS):
    for rnd in range(rounds):
        base = rnd * PERIOD
        if rnd % 3 == 0:
            exp_dict[(tid, base + 3)] = base + 3
        if rnd % 4 == 0:
            exp_set.add((tid, base + 5))
        exp_hits[rnd % 64] = exp_hits.get(rnd % 64, 0) + 1

appended = [r[0] for r in results]
popped = [r[1] for r in results]
print("appends per thread:", appended)
print("pops per thread:", popped)
print("list size exact:", len(shared_list) == sum(appended) - sum(popped), len(shared_list))
print("list holds only thread ids:", sorted(set(shared_list)) == list(range(N_THREADS)))
print("dict size:", len(shared_dict), "exact:", shared_dict == exp_dict)
print("set size:", len(shared_set), "exact:", shared_set == exp_set)
print("hits exact:", hits == exp_hits, sum(hits.values()))
print("claims:", len(claims), "wins add up:", sum(r[2] for r in results) == len(claims))
print("moved:", len(moved), "left:", len(pending),
      "per-thread counts add up:", sum(r[3] for r in results) == len(moved),
      "all distinct:", sorted(moved) == list(range(5000)))
print("problems seen while iterating:", [r[4] for r in results])
print("threads left:", threading.active_count())
