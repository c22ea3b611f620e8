# What a program hands to its first thread (the target's closure, the
# arguments, the Thread object) is freed like anything else once nobody
# refers to it: on the free-threaded build the first thread start makes
# the shared world immortal (runtime/immortalize.c), but not what only the
# new thread can reach, so __del__ runs when main() returns, as in python3.
# A marked object (dropped from a list another thread read) is finalized
# too.
#
# Timing, on a free-threaded build (gilt's, and CPython 3.13t's alike): the
# references the thread itself dropped on main's objects are merged at
# main's next safe point (a call), and the thread lets go of its last ones
# in C just after join() returns. So the test waits for _thread._count()
# to reach 0 after join() and makes a call before it looks: without that,
# the same objects are finalized a little later (never lost:
# interp_finalize waits for them).
import _thread
import threading
import time


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, flush=True)


def settle():
    pass


def main():
    shared = [Noisy(1), Noisy(2)]
    args_item = Noisy(3)

    def reader(item):
        assert shared[0].n == 1 and item.n == 3

    t = threading.Thread(target=reader, args=(args_item,))
    t.start()
    t.join()
    while _thread._count():
        time.sleep(0.001)
    del t, args_item
    settle()
    shared.pop(0)
    print("popped", flush=True)


main()
print("after main", flush=True)
