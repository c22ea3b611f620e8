# Threads reading shared module-level lists (made immortal and shared at
# the first thread start, so read without their lock: subscripts,
# iteration, `in`, index) while other threads change them in every way a
# list can change (grow past its array, shrink, clear, sort, reverse,
# insert, slice assignment). Readers only ever see items that were put in the list, never
# crash, and each list ends exactly as its writer left it.
import threading

WORDS = ["w%d" % i for i in range(40)]
GROWN = list(range(16))            # appended to until it reallocates often
CLEARED = [str(i) for i in range(32)]
SORTED = list(range(50, 0, -1))
UNTOUCHED = ["alpha", "beta", "gamma"]
ALLOWED = set(WORDS) | {"x", "y"}

errors = []
lock = threading.Lock()


def note(what):
    with lock:
        errors.append(what)


def reader(n):
    seen = 0
    for i in range(n):
        try:
            w = WORDS[i % 40]
        except IndexError:
            w = "x"
        if w not in ALLOWED:
            note(("WORDS", w))
        try:
            g = GROWN[i % 16]
            if not isinstance(g, int):
                note(("GROWN", g))
        except IndexError:
            pass
        for c in CLEARED:
            if not isinstance(c, str):
                note(("CLEARED", c))
        if i % 50 == 0:
            seen += len(SORTED) >= 0 and ("beta" in UNTOUCHED)
            seen += UNTOUCHED.index("gamma") == 2
        s = SORTED[-1] if SORTED else 0
        if not isinstance(s, int):
            note(("SORTED", s))
    return seen


def writer(n):
    for i in range(n):
        GROWN.append(i)
        if len(GROWN) > 3000:
            del GROWN[16:]
        WORDS[i % 40] = "x" if i % 2 else "w%d" % (i % 40)
        if i % 7 == 0:
            WORDS.insert(0, "y")
            WORDS.pop(0)
        if i % 100 == 0:
            CLEARED.clear()
            CLEARED.extend(str(j) for j in range(32))
            SORTED.sort()
            SORTED.reverse()
            WORDS[10:12] = WORDS[10:12]
    WORDS[:] = ["w%d" % i for i in range(40)]


readers = [threading.Thread(target=reader, args=(20000,)) for _ in range(3)]
writers = [threading.Thread(target=writer, args=(5000,))]
for t in readers + writers:
    t.start()
for t in readers + writers:
    t.join()

print("errors", errors[:5], len(errors))
print("WORDS", WORDS == ["w%d" % i for i in range(40)])
print("GROWN", len(GROWN) <= 3000, GROWN[:16] == list(range(16)))
print("CLEARED", CLEARED == [str(j) for j in range(32)])
print("SORTED", SORTED == list(range(50, 0, -1)))
print("UNTOUCHED", UNTOUCHED, "gamma" in UNTOUCHED, [u for u in UNTOUCHED])

# A frozen list that is only read stays correct through every reader.
def total(k):
    return sum(len(u) for _ in range(k) for u in UNTOUCHED)
print(total(10))
