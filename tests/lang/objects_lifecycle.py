# Object lifetime under reference counting: __del__ runs when the last
# reference goes away (deterministic for non-cyclic objects, as in CPython),
# attribute and container references keep objects alive, __class__,
# object identity, default __eq__/__hash__/__repr__ behaviour.
log = []
class Tracked:
    def __init__(self, name):
        self.name = name
        log.append("init " + name)
    def __del__(self):
        log.append("del " + self.name)
a = Tracked("a")
b = a
del a
log.append("a deleted (b still holds it)")
del b
log.append("b deleted")
def scope():
    t = Tracked("local")
    log.append("leaving scope")
scope()
holder = [Tracked("in list")]
holder.clear()
d = {"k": Tracked("in dict")}
d["k"] = None
x = Tracked("rebound")
x = Tracked("second")
x = None
print("\n".join(log))
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, hash(p) == hash(p), p.__class__ is Plain, type(p).__name__)
print(repr(p).startswith("<__main__.Plain object at 0x") or repr(p).startswith("<Plain object"))
class Other:
    def who(self):
        return "other"
class Shape:
    def who(self):
        return "shape"
s = Shape()
s.__class__ = Other
print(s.who(), isinstance(s, Other))
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(Plain, type), isinstance(Plain(), object), Plain.__name__, Plain.__bases__ == (object,))
class WithDefaults:
    a = 1
w = WithDefaults()
print(w.a, w.__dict__, "a" in WithDefaults.__dict__)
w.a = 2
print(w.a, WithDefaults.a, w.__dict__)
