# Eight threads increment one counter 10,000 times each. `counter += 1` is a
# read-modify-write: without the lock updates can be lost (certainly on the
# free-threaded build); with it the total is always exact.
import threading

counter = 0
lock = threading.Lock()


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(10_000,)) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter =", counter, "(expected 80000)")
