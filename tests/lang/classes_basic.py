# Classes: instances, attributes, inheritance, super(), class attributes,
# isinstance/issubclass, bound methods.
class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{self.kind}:{self.name}:{self.speak()}"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return f"{self.name} barks"
class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"
a = Animal("generic")
d = Dog("rex", "lab")
p = Puppy("bit", "pug")
for x in (a, d, p):
    print(x.describe(), x.kind, type(x).__name__)
print(Animal.count, isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal), issubclass(Animal, object))
print(Puppy.__mro__ == (Puppy, Dog, Animal, object), Puppy.__bases__ == (Dog,), Puppy.__name__)
print(d.__dict__, sorted(vars(p)))
m = d.speak
print(m(), Dog.speak(p), m.__self__ is d, m.__func__ is Dog.speak)
d.kind = "instance attr"
print(d.kind, Dog.kind, Animal.kind)
del d.kind
print(d.kind)
class Empty:
    pass
e = Empty()
e.x = 1
setattr(e, "y", 2)
print(e.x, getattr(e, "y"), getattr(e, "z", "default"), hasattr(e, "x"), hasattr(e, "q"))
delattr(e, "x")
print(hasattr(e, "x"))
try:
    e.missing
except AttributeError as err:
    print("AttributeError:", err)
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
pts = [Point(1, 2), Point(1, 2), Point(3, 4)]
print(pts, pts[0] == pts[1], pts[0] is pts[1], len(set(pts)), pts[0] != pts[2], Point().moved(5, 5))
print({Point(1, 1): "a"}[Point(1, 1)], Point(1, 2) in pts)
class Base1:
    def who(self):
        return "Base1"
class Base2:
    def who(self):
        return "Base2"
    def only2(self):
        return "only2"
class Multi(Base1, Base2):
    pass
mm = Multi()
print(mm.who(), mm.only2(), [c.__name__ for c in Multi.__mro__])
class A:
    def hi(self):
        return "A"
class B(A):
    def hi(self):
        return "B>" + super().hi()
class C(A):
    def hi(self):
        return "C>" + super().hi()
class D(B, C):
    def hi(self):
        return "D>" + super().hi()
print(D().hi(), [k.__name__ for k in D.mro()])
try:
    class Bad(A, D):
        pass
except TypeError as err:
    print("TypeError: MRO conflict")
class WithClassVar:
    items = []
    def add(self, v):
        self.items.append(v)
w1, w2 = WithClassVar(), WithClassVar()
w1.add(1); w2.add(2)
print(WithClassVar.items, w1.items is w2.items)
print(type(a) is Animal, type(type(a)) is type, Animal.__dict__["kind"], "speak" in Animal.__dict__)
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self
print(Counter().inc().inc().inc().n)
