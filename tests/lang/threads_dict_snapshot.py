# list(d), tuple(d), sorted(d), set(d) and the same over dict views and sets
# are atomic snapshots, as in CPython: while another thread inserts and
# deletes, they never raise "dictionary changed size during iteration".
import threading

d = {i: i for i in range(50)}
s = set(range(50))
stop = False


def writer():
    i = 0
    while not stop:
        i += 1
        d[1000 + i % 500] = i          # grows, and forces resizes
        s.add(1000 + i % 500)
        if i % 7 == 0:
            d.pop(1000 + (i // 7) % 500, None)
            s.discard(1000 + (i // 7) % 500)
        if i % 400 == 0:
            for k in [k for k in d if k >= 1000][:200]:
                d.pop(k, None)
            for k in [k for k in s if k >= 1000][:200]:
                s.discard(k)


errors = []
t = threading.Thread(target=writer)
t.start()
try:
    for _ in range(3000):
        try:
            a = list(d)
            b = list(d.values())
            c = list(d.items())
            tuple(d)
            tuple(d.keys())
            sorted(d)
            sorted(d.items())
            set(d)
            set(d.items())
            frozenset(d.values())
            list(s)
            sorted(s)
            tuple(s)
            [].extend(d.keys())
            if any(not isinstance(p, tuple) or len(p) != 2 for p in c[:5]):
                errors.append("item")
            if any(k < 0 for k in a[:5]) or any(not isinstance(v, int) for v in b[:5]):
                errors.append("value")
        except RuntimeError as e:
            errors.append(str(e))
finally:
    stop = True
    t.join()
print(sorted(set(errors)))
print(list(d)[:3], sorted(s)[:3])
print("ok")
