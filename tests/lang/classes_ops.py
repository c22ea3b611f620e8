# Operator overloading: arithmetic, reflected and in-place operators,
# unary operators, NotImplemented fallbacks.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        if isinstance(o, int):
            return Money(self.cents + o)
        return NotImplemented
    def __radd__(self, o):
        print("radd with", o)
        return self.__add__(o)
    def __iadd__(self, o):
        print("iadd")
        self.cents += o.cents if isinstance(o, Money) else o
        return self
    def __sub__(self, o):
        return Money(self.cents - o.cents)
    def __mul__(self, k):
        return Money(self.cents * k)
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Money(self.cents / k)
    def __floordiv__(self, k):
        return Money(self.cents // k)
    def __mod__(self, k):
        return Money(self.cents % k)
    def __neg__(self):
        return Money(-self.cents)
    def __pos__(self):
        return self
    def __abs__(self):
        return Money(abs(self.cents))
    def __eq__(self, o):
        return isinstance(o, Money) and self.cents == o.cents
    def __lt__(self, o):
        return self.cents < o.cents
    def __le__(self, o):
        return self.cents <= o.cents
    def __pow__(self, e):
        return Money(self.cents ** e)
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, o):
        return "lshift"
    def __rshift__(self, o):
        return "rshift"
    def __invert__(self):
        return "invert"
    def __matmul__(self, o):
        return "matmul"
a, b = Money(100), Money(250)
print(a + b, a + 5, 5 + a, b - a, a * 3, 3 * a, b / 2, b // 3, b % 7, -a, +a, abs(Money(-3)), a ** 2)
print(a & b, a | b, a ^ b, a << 1, a >> 1, ~a, a @ b)
print(sum([a, b, Money(1)]), sum([a, b], Money(0)))
c = a
c += b
print(c, a, c is a)
c += 1
print(c)
print(a == Money(351), a < b, a <= b, a > b, a >= b, sorted([b, a, Money(0)]), max(a, b))
try:
    a + "str"
except TypeError as e:
    print("TypeError:", e)
try:
    "str" - a
except TypeError as e:
    print("TypeError:", e)
class OnlyR:
    def __radd__(self, o):
        return f"OnlyR.radd({o!r})"
    def __rsub__(self, o):
        return f"OnlyR.rsub({o!r})"
print(1 + OnlyR(), [1] + OnlyR(), "s" - OnlyR())
class Sub(int):
    def __add__(self, o):
        return "Sub.add"
    def __radd__(self, o):
        return "Sub.radd"
print(1 + Sub(2), Sub(2) + 1, Sub(5) * 2, int(Sub(7)), Sub(3) == 3)
class L(list):
    def __iadd__(self, o):
        print("L.iadd")
        return super().__iadd__(o)
l = L([1])
l += [2]
print(l, type(l).__name__)
class Num:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return int(self.v)
    def __round__(self, n=None):
        return "rounded"
print(int(Num(3.7)), float(Num(2)), round(Num(1)), hex(Num(255)))
