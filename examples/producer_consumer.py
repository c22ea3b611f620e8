# Two producers put numbers on a bounded queue; three consumers square
# them; a None per consumer says "done". queue.Queue does all the locking.
import queue
import threading

q = queue.Queue(maxsize=10)
results = []
results_lock = threading.Lock()


def producer(start, count):
    for i in range(start, start + count):
        q.put(i)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with results_lock:
            results.append(item * item)
        q.task_done()


consumers = [threading.Thread(target=consumer) for _ in range(3)]
producers = [threading.Thread(target=producer, args=(s, 100)) for s in (0, 100)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
q.join()
for t in consumers:
    t.join()
print(len(results), sum(results) == sum(i * i for i in range(200)))
