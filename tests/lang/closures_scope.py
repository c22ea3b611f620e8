# Closures, nonlocal, global, class scope, UnboundLocalError, late binding.
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(10), c2(), c1())
total = 0
def add_global(x):
    global total
    total += x
add_global(5)
add_global(7)
print(total)
def make_adders():
    return [lambda x, i=i: x + i for i in range(4)]
print([f(10) for f in make_adders()])
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
x = "global x"
def shadow():
    x = "local x"
    def inner():
        return x
    return inner()
print(shadow(), x)
def unbound():
    print(x)
    x = 1
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1
print(deep()()()())
def modify_outer():
    data = []
    def push(v):
        data.append(v)
        return len(data)
    return push, data
push, data = modify_outer()
push(1); push(2)
print(data)
class K:
    y = 10
    z = [y * i for i in range(3)] if False else None
    def m(self):
        return K.y
print(K().m(), K.z)
def gen_closure():
    v = 5
    return (v * i for i in range(3))
print(list(gen_closure()))
def nonlocal_chain():
    a = 0
    def f():
        nonlocal a
        def g():
            nonlocal a
            a += 100
        g()
        a += 1
    f()
    f()
    return a
print(nonlocal_chain())
def cell_after_del():
    v = 1
    def get():
        return v
    del v
    try:
        get()
    except NameError as e:
        print("NameError:", e)
cell_after_del()
print(sorted(k for k in globals() if not k.startswith("__"))[:5])
def uses_locals(a, b):
    c = a + b
    return sorted(locals().items())
print(uses_locals(1, 2))
