# Readers look keys up in one dict, and attributes up in one instance,
# without the lock on the free-threaded build (runtime/dict.c, "Shared
# dicts") while writers keep replacing values, deleting and re-inserting
# keys, popping, growing the table past its size and clearing it, with
# freshly made values, so that what a reader just loaded is dropped, and
# freed, under its feet. Every lookup must return a live, well-formed value
# or report the key missing: never freed memory, a torn value or a value
# stored under another key. Keys are strs and ints. The dict, its keys and values are made inside
# main(), after the threads module is in use, so they are ordinary mortal
# objects (module-level data would be made immortal at the first thread
# start and never freed).
import threading

N_READERS = 3
N_WRITERS = 2
ROUNDS = 20_000
NKEYS = 24


class Val:
    def __init__(self, key, n):
        self.key = key
        self.n = 10**12 + n          # a big, freshly allocated int
        self.tag = str(key) + ":" + str(n)

    def ok(self, key):
        return self.key == key and self.tag == str(key) + ":" + str(self.n - 10**12)


class Holder:
    pass


def make_key(i):
    # built at run time: equal, not identical (a str, or an int outside
    # the small-int cache)
    return "k" + str(i) if i % 2 == 0 else 100_000 + i


def writer(d, holder, keys, wid, start):
    start.wait()
    for r in range(ROUNDS):
        key = keys[(r * 7 + wid) % NKEYS]
        k = r % 16
        if k < 8:
            d[key] = Val(key, r)
        elif k < 10:
            d.pop(key, None)
            d[key] = Val(key, r)
        elif k == 10:
            holder.value = Val("holder", r)
        elif k == 11:
            for i in range(8):       # grow the table, then shrink it back
                d[make_key(1000 + i)] = Val(make_key(1000 + i), r)
            for i in range(8):
                d.pop(make_key(1000 + i), None)
        elif k == 12 and r % 512 == 12:
            d.clear()
            for key2 in keys:
                d[key2] = Val(key2, r)
        else:
            d.setdefault(key, Val(key, r))


def reader(d, holder, keys, out, slot, start):
    start.wait()
    bad = found = missing = 0
    for r in range(ROUNDS):
        key = keys[(r * 5) % NKEYS]
        probe = make_key((r * 5) % NKEYS)      # an equal key, not the same object
        k = r % 4
        if k == 0:
            v = d.get(probe)
        elif k == 1:
            try:
                v = d[key]
            except KeyError:
                v = None
        elif k == 2:
            v = d.get(key) if key in d else None
        else:
            h = holder.value
            if type(h) is not Val or not h.ok("holder"):
                bad += 1
            continue
        if v is None:
            missing += 1
        elif type(v) is not Val or not v.ok(key):
            bad += 1
        else:
            found += 1
    out[slot] = (bad, found + missing)


def main():
    keys = [make_key(i) for i in range(NKEYS)]
    d = {key: Val(key, 0) for key in keys}
    holder = Holder()
    holder.value = Val("holder", 0)
    out = [None] * N_READERS
    start = threading.Barrier(N_READERS + N_WRITERS)
    threads = [threading.Thread(target=reader, args=(d, holder, keys, out, i, start))
               for i in range(N_READERS)]
    threads += [threading.Thread(target=writer, args=(d, holder, keys, w, start))
                for w in range(N_WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, (bad, total) in enumerate(out):
        print("reader", i, "bad values:", bad, "lookups:", total)
    print("keys:", sorted(d, key=str) == sorted(keys, key=str))
    print("values well-formed:", all(type(v) is Val and v.ok(k) for k, v in d.items()))
    print("holder well-formed:", holder.value.ok("holder"))


main()
