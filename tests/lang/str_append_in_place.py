# s += t on a local's str that nothing else refers to is appended in place
# (vm/eval.c, str_append_in_place), as CPython does: the result must be the
# same as building a new str, and no other name or container holding the
# old value may see it change.
def build(n):
    s = ""
    for i in range(n):
        s += "ab"[i % 2]
    return s

def aliasing():
    s = "x" * 3
    t = s
    s += "y"
    print(s, t)
    s = "ab" + "c"
    s += s
    print(s)
    s = "é" + "a"
    s += "ü"
    print(s, len(s), s == "éaü", hash(s) == hash("éaü"))
    parts = {}
    s = "k" + "1"
    parts[s] = 1
    s += "2"
    print(parts, s)
    s = "q" + "r"
    lst = [s]
    s += "z"
    print(lst, s)

def interned():
    s = "abc"
    s += "d"
    print(s, "abc")

def errors():
    s = "a" + "b"
    try:
        s += 1
    except TypeError as e:
        print("TypeError", e)
    print(s)

def closure():
    s = "c" + "d"
    def f():
        return s
    s += "e"
    return f()

r = build(200000)
print(len(r), r[:6], r[-4:], r.count("a"))
aliasing()
interned()
errors()
print(closure())
g = "m" + "n"
g += "o"
print(g)
