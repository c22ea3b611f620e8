# Two threads sharing one range iterator (misuse): each value may come out
# more than once on the free-threaded build, but the loop always ends.
import threading
for rep in range(20):
    it = iter(range(20000))
    counts = [0, 0]
    def run(slot):
        for _ in it:
            counts[slot] += 1
    ts = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in ts: t.start()
    for t in ts: t.join()
    assert 20000 <= sum(counts) <= 40000, counts
print("ok")
