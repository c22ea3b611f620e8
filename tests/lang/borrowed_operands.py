# Borrowed operands: errors raised by the consumer or the load must neither
# leak nor over-release the locals involved.
import sys

class Boom:
    def __getattr__(self, name):
        raise AttributeError(name)
    def __add__(self, other):
        raise ValueError("add")
    def __lt__(self, other):
        raise TypeError("lt")
    def __getitem__(self, k):
        raise KeyError(k)
    def __setitem__(self, k, v):
        raise IndexError(k)

def attr_error(b):
    try:
        return b.missing
    except AttributeError as e:
        return "attr", str(e)

def binop_error(b, c):
    try:
        return b + c
    except ValueError as e:
        return "add", str(e)

def compare_error(b, c):
    try:
        return b < c
    except TypeError as e:
        return "lt", str(e)

def subscr_error(b, k):
    try:
        return b[k]
    except KeyError as e:
        return "getitem", str(e)

def store_subscr_error(b, k, v):
    try:
        b[k] = v
    except IndexError as e:
        return "setitem", str(e)

def unbound_second(flag):
    a = [1, 2]
    if flag:
        i = 0
    try:
        return a[i]
    except UnboundLocalError as e:
        return "unbound", str(e)

def unbound_first(flag):
    if flag:
        a = [1, 2]
    i = 1
    try:
        return a[i]
    except UnboundLocalError as e:
        return "unbound", str(e)

def reuse(n):
    # the result of x + 1 must not be written into x itself
    x = n * 1000
    y = x + 1
    z = x * 2.5
    w = z + 1.0
    return x, y, z, w

def inplace(n):
    x = n * 1000
    keep = x
    x += 1
    f = n * 1.5
    keepf = f
    f += 1.0
    return keep, x, keepf, f

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

b = Boom()
for i in range(3):
    print(attr_error(b), binop_error(b, 1), compare_error(b, 2))
    print(subscr_error(b, "k"), store_subscr_error(b, 3, "v"))
    print(unbound_second(False), unbound_second(True))
    print(unbound_first(False), unbound_first(True))
    print(reuse(7), inplace(7))
    p = P([1], "s")
    print(p.x, p.y, sys.getrefcount(p.x) == sys.getrefcount(p.x))
s = "abc"
t = s + "def"
print(s, t, s * 2, s[1], s < t)
