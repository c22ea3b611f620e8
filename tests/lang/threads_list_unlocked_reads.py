# Readers read one list without its lock on the free-threaded build
# (runtime/list.c, "Shared lists") while writers keep replacing, popping,
# appending, sorting and slicing it with fresh objects, so that the items a
# reader just loaded are dropped, and freed, under its feet. Every read must
# still return a live, well-formed item: a Box holding a big int and a
# string that agree, never freed memory or a torn value. The list is built
# inside main() after the threads module is in use, so it and its items are
# ordinary mortal objects (module-level data would be made immortal at the
# first thread start and never freed).
import threading

N_READERS = 3
N_WRITERS = 2
ROUNDS = 20_000
SIZE = 32


class Box:
    def __init__(self, n):
        self.n = 10**12 + n          # a big, freshly allocated int
        self.s = "b" + str(n)        # a freshly built string

    def ok(self):
        return self.s == "b" + str(self.n - 10**12)


def writer(shared, wid, start):
    # Every step keeps the size at SIZE or SIZE + 1 (a sort would empty the
    # list while it runs, so sorting waits for the end).
    start.wait()
    for r in range(ROUNDS):
        k = r % 8
        if k < 4:
            shared[(r * 7 + wid) % SIZE] = Box(r)
        elif k == 4:
            shared.append(Box(r))
            shared.pop(0)
        elif k == 5:
            shared[r % 4:r % 4 + 2] = [Box(r), Box(r + 1)]
        else:
            shared.insert(r % SIZE, Box(r))
            shared.pop()


def reader(shared, out, slot, start):
    start.wait()
    bad = reads = misses = 0
    for r in range(ROUNDS):
        try:
            b = shared[(r * 5) % SIZE]
        except IndexError:           # a pop and its append may straddle the read
            misses += 1
            continue
        reads += 1
        if type(b) is not Box or not b.ok():
            bad += 1
        if r % 256 == 0:
            for b in shared:
                if type(b) is not Box or not b.ok():
                    bad += 1
            if Box(r) in shared:     # Box has no __eq__: identity only
                bad += 1
    out[slot] = (bad, reads + misses)


def main():
    shared = [Box(i) for i in range(SIZE)]
    out = [None] * N_READERS
    start = threading.Barrier(N_READERS + N_WRITERS)
    threads = [threading.Thread(target=reader, args=(shared, out, i, start))
               for i in range(N_READERS)]
    threads += [threading.Thread(target=writer, args=(shared, w, start))
                for w in range(N_WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, (bad, total) in enumerate(out):
        print("reader", i, "bad items:", bad, "reads:", total)
    print("final size:", len(shared))
    shared.sort(key=lambda b: b.n)
    print("sorted:", all(a.n <= b.n for a, b in zip(shared, shared[1:])))
    print("all boxes well-formed:", all(type(b) is Box and b.ok() for b in shared))


main()
