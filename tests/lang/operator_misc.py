# operator module, del statement, assert, pass, global/local introspection,
# input() at EOF, string module constants.
import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.not_(0), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.eq(1, 1), operator.lt(1, 2), operator.getitem([1, 2], 1), operator.contains("abc", "b"), operator.mod(7, 3))
rows = [("b", 2, 9), ("a", 3, 1), ("c", 1, 5)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(2, 0)), itemgetter(0, 2)(rows[0]))
class P:
    def __init__(self, n):
        self.n = n
        self.inner = self if n == 0 else P(0)
    def hello(self, x):
        return f"hello {x} from {self.n}"
print(attrgetter("n")(P(5)), attrgetter("inner.n")(P(3)), methodcaller("hello", "bob")(P(1)))
print(methodcaller("split", ",")("a,b"), [f(10, 3) for f in (operator.sub, operator.pow, operator.and_, operator.or_, operator.xor)])
x = [1, 2, 3, 4, 5]
del x[0]
del x[-1]
print(x)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class A:
    pass
a = A()
a.v = 1
del a.v
print(hasattr(a, "v"))
name = "temp"
del name
try:
    name
except NameError as e:
    print("NameError:", e)
try:
    del undefined_thing
except NameError as e:
    print("NameError:", e)
def f():
    pass
assert f() is None
assert True, "never"
try:
    input()
except EOFError as e:
    print("EOFError", e.args)
import string
print(string.ascii_lowercase, string.digits, string.ascii_uppercase[:5], string.punctuation[:5], len(string.ascii_letters))
i = 0
while i < 3:
    i += 1
    pass
print("pass ok", i)
g = globals()
g["dyn_global"] = 99
print(dyn_global)
def loc():
    a = 1
    b = "two"
    return sorted(locals())
print(loc())
