# Threads test membership in one shared frozenset at the same time; on the
# free-threaded build they read it without its lock (runtime/set.c,
# contains_entry: a frozenset never changes once built). Keys of three
# kinds: a class with its own __hash__ and __eq__ (called with no lock
# held), ints, and strs built at run time (equal, not identical). The set
# is made inside main(), so it and its keys are ordinary mortal objects.
import threading


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, Key) and other.v == self.v


def main():
    fs = frozenset([Key(i) for i in range(50)] + list(range(100)) +
                   ["a%d" % i for i in range(30)])
    counts = []

    def run():
        n = 0
        for i in range(20000):
            n += (Key(i % 70) in fs) + ((i % 150) in fs) + (("a%d" % (i % 40)) in fs)
        counts.append(n)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(counts)


main()
