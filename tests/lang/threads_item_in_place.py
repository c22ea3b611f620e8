# `l[k] += x` may write the result into the list's float or int in place
# (vm/eval.c, subscr_result_stores_back) only while no other thread can hold
# that object. Here one thread keeps adding to the items of its own list
# while others read them: a value a reader has taken must never change
# under it, and no addition may be lost.
import threading

N = 20000


def writer_and_readers(nreaders):
    box = []
    ready = threading.Event()
    changed = []

    def writer():
        v = [0.5, 10 ** 6]
        box.append(v)
        ready.set()
        for i in range(N):
            v[0] += 1.0
            v[1] += 3

    def reader():
        ready.wait()
        v = box[0]
        for i in range(N // 4):
            x = v[0]
            y = v[1]
            a = x + 0.0
            b = y + 0
            for _ in range(3):
                pass
            if x + 0.0 != a or y + 0 != b:
                changed.append((a, x, b, y))

    threads = [threading.Thread(target=writer)]
    threads += [threading.Thread(target=reader) for _ in range(nreaders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    v = box[0]
    print(nreaders, "readers: changed under a reader:", len(changed), "final:", v[0], v[1])


def owner_and_other_writer():
    # the list is the main thread's; another thread adds to its items
    v = [0.0, 0]
    lock = threading.Lock()

    def add():
        for i in range(N):
            with lock:
                v[0] += 1.0
                v[1] += 1

    threads = [threading.Thread(target=add) for _ in range(2)]
    for t in threads:
        t.start()
    add()
    for t in threads:
        t.join()
    print("three writers under a lock:", v)


writer_and_readers(1)
writer_and_readers(3)
owner_and_other_writer()
