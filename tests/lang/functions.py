# Function arguments: defaults, *args, **kwargs, keyword-only,
# positional-only, argument errors.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0, z=1))
print(f(*[1, 2, 3], **{"c": 4, "q": 5}))
def pos_only(x, y, /, z=0):
    return x + y + z
print(pos_only(1, 2), pos_only(1, 2, z=3), pos_only(1, 2, 3))
try:
    pos_only(x=1, y=2)
except TypeError as e:
    print("TypeError:", e)
def kwonly(*, key):
    return key
print(kwonly(key="k"))
try:
    kwonly(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, c=1, a=2)
except TypeError as e:
    print("TypeError:", e)
def g(x, y):
    return x - y
try:
    g(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, z=2)
except TypeError as e:
    print("TypeError:", e)
print(g(y=1, x=10), g(*(5, 3)), g(**{"x": 1, "y": 9}))
def mutable_default(item, acc=[]):
    acc.append(item)
    return acc
print(mutable_default(1), mutable_default(2), mutable_default(3, []))
def varargs(*args):
    return len(args), args
print(varargs(), varargs(1), varargs(*range(5)), varargs(*"ab", *[1]))
def kwargs(**kw):
    return kw
print(kwargs(), kwargs(a=1, b=2), kwargs(**{"x": 1}, y=2))
def docd():
    "A docstring."
    return None
print(docd.__doc__, docd.__name__, docd(), f.__name__)
def defaults(a, b=[1], c={"k": 1}, d=None):
    return a, b, c, d
print(defaults(0), defaults.__defaults__)
def outer():
    def inner():
        return "inner"
    return inner
print(outer()(), outer().__name__, outer().__qualname__)
def nothing():
    pass
print(nothing(), type(nothing).__name__, callable(nothing), callable(5))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(60))
def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]
print(annotated(1), sorted(annotated.__annotations__))
def early(x):
    for i in range(10):
        if i == x:
            return i * 10
    return -1
print(early(3), early(20))
h = lambda *a, **k: (a, k)
print(h(1, 2, z=3))
print((lambda x, y=10: x * y)(3), (lambda: "noargs")())
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(f, 0, c=0))
