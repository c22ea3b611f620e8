# `l[k] op= y` on an int or float item that only the list refers to writes
# the result into the item in place (vm/eval.c, subscr_result_stores_back).
# Nothing may see the difference: every other name or container holding the
# old value keeps it, and anything unusual about the list, the key or the
# item takes the ordinary path.

def floats():
    v = [1.5, 2.5, 3.5]
    for i in range(5):
        v[0] -= 0.5 * i
        v[-1] += 1.0
        v[1] *= 1.5
    print(v)

def ints():
    w = [10, 20, 2 ** 40, -7]
    for i in range(6):
        w[0] += 1000          # leaves the small-int cache
        w[1] -= i
        w[2] *= 3
        w[-1] //= 2
        w[3] <<= 1
    print(w)
    big = [2 ** 62]
    big[0] += 2 ** 62         # overflows a machine word: a new big int
    big[0] += 1
    print(big)

def aliases():
    v = [1000.5, 2000.5]
    kept = v[0]
    v[0] += 1.0
    print(kept, v)
    same = 3000.25
    pair = [same, same]       # one float in two slots
    pair[0] += 1.0
    print(same, pair)
    other = [v[1]]            # one float in two lists
    v[1] += 1.0
    print(other, v)
    n = 10 ** 6
    ints = [n + 1]
    alias = ints[0]
    ints[0] += 1
    print(alias, ints)

def keys_and_containers():
    v = [1.0, 2.0, 3.0]
    k = 1
    v[k] += 0.5               # key from a local
    v[-3] += 0.25             # negative key
    print(v)
    try:
        v[3] += 1.0
    except IndexError as e:
        print("IndexError", e)
    class L(list):
        def __setitem__(self, i, x):
            print("set", i, x)
            list.__setitem__(self, i, x)
    sub = L([1.5, 2.5])
    sub[0] += 1.0             # a subclass's __setitem__ still runs
    print(sub)
    d = {"a": 1.5}
    d["a"] += 1.0
    t = (1.0,)
    try:
        t[0] += 1.0
    except TypeError as e:
        print("TypeError", e)
    print(d, t)
    mixed = [1, 2.5, "s", None]
    mixed[0] += 0.5           # int + float: a new float
    mixed[1] += 1             # float + int
    mixed[2] += "t"
    print(mixed)

def rhs_changes_list():
    v = [1.5, 2.5]
    def swap():
        v[0] = 100.0          # the item the left operand was loaded from goes
        return 1.0
    v[0] += swap()            # python: 1.5 + 1.0 stored over the 100.0
    print(v)
    w = [7.5]
    def shrink():
        w.clear()
        return 1.0
    try:
        w[0] += shrink()
    except IndexError as e:
        print("IndexError", e)
    print(w)

def in_closure_and_generator():
    acc = [0.0]
    def add(x):
        acc[0] += x
    for i in range(4):
        add(i * 0.5)
    def gen():
        s = [0]
        for i in range(5):
            s[0] += i * 1000
            yield s[0]
    print(acc, list(gen()))

floats()
ints()
aliases()
keys_and_containers()
rhs_changes_list()
in_closure_and_generator()
