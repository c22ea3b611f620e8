# Errors and limits: recursion limit, setrecursionlimit, assert, huge
# repetition, integer-string conversion limit of Python 3.11, and recovery
# after each one.
import sys
def inf(n):
    return inf(n + 1)
for attempt in range(3):
    try:
        inf(0)
    except RecursionError as e:
        print("recursion ok", attempt, str(e).startswith("maximum recursion depth exceeded"))
old = sys.getrecursionlimit()
sys.setrecursionlimit(100)
def depth(n):
    return depth(n + 1) if n < 80 else n
print(depth(0))
try:
    inf(0)
except RecursionError:
    print("recursion ok at limit 100")
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
class Self:
    def __repr__(self):
        return repr(self)
try:
    repr(Self())
except RecursionError:
    print("recursion ok in __repr__")
l = [1]
l.append(l)
print(l)
d = {"k": 1}
d["self"] = d
print(d)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("AssertionError args", e.args)
try:
    "x" * (2 ** 100)
except OverflowError as e:
    print("OverflowError:", e)
try:
    [0] * (2 ** 100)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", str(e)[:50])
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError:", str(e)[:50])
print(len(hex(10 ** 5000)) > 4000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
def gen_recursion(n):
    yield from gen_recursion(n + 1)
try:
    list(gen_recursion(0))
except RecursionError:
    print("recursion ok in generators")
print("after all limits:", sum(range(10)))
try:
    bytearray(1 << 50)
except MemoryError:
    print("MemoryError ok (bytearray)")
try:
    "ab" * (1 << 60)
except (MemoryError, OverflowError) as e:
    print("huge repeat refused:", type(e).__name__)
deep = []
for i in range(100000):
    deep = [deep]
try:
    repr(deep)
except RecursionError:
    print("recursion ok (repr of a 100000-deep list)")
other = []
for i in range(100000):
    other = [other]
try:
    deep == other
except RecursionError:
    print("recursion ok (comparing 100000-deep lists)")
deep = other = None
print("deep lists dropped")
