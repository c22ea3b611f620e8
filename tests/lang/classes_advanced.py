# Properties, classmethod/staticmethod, descriptors, __getattr__/__setattr__,
# __new__, metaclasses, __init_subclass__, __slots__, __class_getitem__-free.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting c")
        del self._c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def unit():
        return "celsius"
t = Temp(100)
print(t.c, t.f, Temp.from_f(212).c, Temp.unit(), t.unit())
t.c = 0
print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.f = 5
except AttributeError as e:
    print("AttributeError")
del t.c
print(hasattr(t, "_c"), type(Temp.__dict__["c"]).__name__)
class Sub(Temp):
    pass
print(type(Sub.from_f(32)).__name__, Sub.from_f(32).c)
class Typed:
    def __init__(self, name, typ):
        self.name, self.typ = name, typ
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.typ):
            raise TypeError(f"{self.name} must be {self.typ.__name__}")
        obj.__dict__[self.name] = value
class Rec:
    age = Typed("age", int)
r = Rec()
print(r.age)
r.age = 5
print(r.age, type(Rec.age).__name__)
try:
    r.age = "old"
except TypeError as e:
    print("TypeError:", e)
class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return f"dyn_{name}"
print(Dyn().real, Dyn().anything)
class Guard:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __getattribute__(self, name):
        if name == "secret":
            return "hidden"
        return object.__getattribute__(self, name)
g = Guard()
g.x = 5
print(g.x, g.secret)
class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        self.v = v
s1, s2 = Single(1), Single(2)
print(s1 is s2, s1.v)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = "Meta"
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__)
        return super().__call__(*a, **k)
class WithMeta(metaclass=Meta):
    def __init__(self, x):
        self.x = x
w = WithMeta(3)
print(w.x, WithMeta.created_by, type(WithMeta).__name__, isinstance(WithMeta, type))
class Plugin:
    registry = []
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append((cls.__name__, tag))
class P1(Plugin, tag="first"):
    pass
class P2(Plugin):
    pass
print(Plugin.registry)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
sl = Slotted()
sl.b = 2
print(sl.a, sl.b, hasattr(sl, "__dict__"))
try:
    sl.c = 3
except AttributeError as e:
    print("AttributeError on slot")
Dynamic = type("Dynamic", (object,), {"v": 7, "get": lambda self: self.v * 2})
print(Dynamic().get(), Dynamic.__name__)
class Abstractish:
    def area(self):
        raise NotImplementedError("subclass must implement")
try:
    Abstractish().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
class ClsAttr:
    n = 0
    @classmethod
    def bump(cls):
        cls.n += 1
        return cls.n
print(ClsAttr.bump(), ClsAttr.bump(), ClsAttr().bump())
class Parent:
    def __init__(self):
        self.trace = ["Parent"]
class Left(Parent):
    def __init__(self):
        super().__init__()
        self.trace.append("Left")
class Right(Parent):
    def __init__(self):
        super().__init__()
        self.trace.append("Right")
class Child(Left, Right):
    def __init__(self):
        super().__init__()
        self.trace.append("Child")
print(Child().trace)
print(sorted(n for n in dir(Temp) if not n.startswith("_")))
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(vars(Point(1, 2)), Point.__qualname__, Point.__module__)
