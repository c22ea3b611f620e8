# What a program hands to its first thread (the target's closure, the
# arguments, the Thread object) is freed like anything else once nobody
# refers to it: on the free-threaded build the first thread start makes
# the shared world immortal (runtime/immortalize.c), but not what only the
# new thread can reach, so __del__ runs when main() returns, as in python3.
# A marked object (dropped from a list another thread read) is finalized
# too, after its grace period, before the program ends.
import threading


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, flush=True)


def main():
    shared = [Noisy(1), Noisy(2)]
    args_item = Noisy(3)

    def reader(item):
        assert shared[0].n == 1 and item.n == 3

    t = threading.Thread(target=reader, args=(args_item,))
    t.start()
    t.join()
    del t, args_item
    shared.pop(0)
    print("popped", flush=True)


main()
print("after main", flush=True)
