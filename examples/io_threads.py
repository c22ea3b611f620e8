# Four threads each sleep 0.2 s; sleeping releases the GIL, so all four
# finish in about 0.2 s, not 0.8 s.
import threading
import time

t0 = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - t0
print("4 sleeps of 0.2 s took %.2f s" % elapsed)
print("overlapped" if elapsed < 0.5 else "serialized")
