# functools: partial, reduce, wraps, lru_cache, cache, cmp_to_key, total_ordering.
import functools
from functools import partial, reduce, wraps, lru_cache, cmp_to_key
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(9), two_to(10), square.func is power, square.keywords, two_to.args)
print(reduce(lambda a, b: a * b, range(1, 11)), reduce(lambda a, b: a + b, [], 0), reduce(max, [3, 9, 2]))
def logged(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@logged
def documented(x):
    "Docs here."
    return x
print(documented.__name__, documented.__doc__, documented(5), documented.__wrapped__.__name__)
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(calls))
@lru_cache(maxsize=2)
def ident(x):
    calls.append(("ident", x))
    return x
calls.clear()
ident(1); ident(2); ident(1); ident(3); ident(2)
print(calls)
@functools.cache
def sq(x):
    calls.append(x)
    return x * x
calls.clear()
print(sq(4), sq(4), calls)
def compare(a, b):
    return (a > b) - (a < b) if len(a) == len(b) else len(a) - len(b)
print(sorted(["ccc", "a", "bb", "ab", "b"], key=cmp_to_key(compare)))
@functools.total_ordering
class Ver:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n
print(Ver(1) <= Ver(2), Ver(3) > Ver(2), Ver(2) >= Ver(2), Ver(1) > Ver(1))
p2 = partial(partial(sorted, reverse=True), key=len)
print(p2(["aa", "b", "ccc"]))
