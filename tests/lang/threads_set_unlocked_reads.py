# Readers test membership in shared sets without the lock on the
# free-threaded build (runtime/set.c, "Shared sets") while writers keep
# adding and discarding freshly made keys (so that a key a reader is
# comparing with is dropped, and freed, under its feet), grow the table
# past its size, pop and clear. Keys that are always in a set must always
# be found, keys never added must never be, whatever the writers do
# meanwhile; probes are equal to the stored keys but not the same objects,
# so the readers compare strs by their bytes and ints by value. The sets
# are made inside main(), after the threads module is in use, so they and
# their keys are ordinary mortal objects.
import threading

N_READERS = 3
N_WRITERS = 2
ROUNDS = 50_000
NSTABLE = 12


def skey(i):
    return "s" + str(i)              # built at run time: equal, not identical


def ikey(i):
    return 5000 + i                  # an int outside the small-int cache


def writer(stable_set, churn_set, wid, start):
    start.wait()
    for r in range(ROUNDS):
        k = r % 8
        if k < 4:
            key = skey(1000 + wid * 100 + r % 50)
            stable_set.add(key)
            stable_set.discard(skey(1000 + wid * 100 + (r + 25) % 50))
        elif k == 4:
            for i in range(20):      # grow the table, then leave dummies
                stable_set.add(ikey(10_000 + wid * 100 + i))
            for i in range(20):
                stable_set.discard(ikey(10_000 + wid * 100 + i))
        elif k == 5:
            churn_set.add(skey(r % 64))
            churn_set.add(ikey(r % 64))
        elif k == 6:
            try:
                churn_set.pop()
            except KeyError:
                pass
        elif r % 1024 == 7:
            churn_set.clear()
            churn_set.update(skey(i) for i in range(32))
    for i in range(50):              # leave the stable set as it started
        stable_set.discard(skey(1000 + wid * 100 + i))


def reader(stable_set, churn_set, out, slot, start):
    start.wait()
    wrong = tests = 0
    for r in range(ROUNDS):
        i = (r * 5) % NSTABLE
        if skey(i) not in stable_set or ikey(i) not in stable_set:
            wrong += 1               # always there
        if skey(500 + i) in stable_set or ikey(500 + i) in stable_set:
            wrong += 1               # never added
        if skey(500 + i) in churn_set or ikey(500 + i) in churn_set:
            wrong += 1               # never added
        skey(r % 64) in churn_set    # any answer, but a real comparison
        ikey(r % 64) in churn_set
        tests += 7
    out[slot] = (wrong, tests)


def main():
    stable = {skey(i) for i in range(NSTABLE)} | {ikey(i) for i in range(NSTABLE)}
    stable_set = set(stable)
    churn_set = {skey(i) for i in range(32)}
    out = [None] * N_READERS
    start = threading.Barrier(N_READERS + N_WRITERS)
    threads = [threading.Thread(target=reader, args=(stable_set, churn_set, out, i, start))
               for i in range(N_READERS)]
    threads += [threading.Thread(target=writer, args=(stable_set, churn_set, w, start))
                for w in range(N_WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, (wrong, tests) in enumerate(out):
        print("reader", i, "wrong answers:", wrong, "tests:", tests)
    print("stable set as it started:", stable_set == stable)
    print("churn set well-formed:", all(type(k) in (str, int) for k in churn_set))


main()
