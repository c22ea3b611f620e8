# Module- and class-level annotations (__annotations__), and annotated
# targets that are not simple names.
"""doc"""
x: int = 1
y: "str"
print(__annotations__)
class A:
    a: int = 3
    b: "list"
    __p: float = 1.0
    if True:
        c: dict = {}
    def m(self):
        z: int = 5
        w: undefined_name
        return z
print(A.__annotations__, A.a, A().m())
print("b" in A.__dict__)
class B(A):
    pass
print(B.__dict__.get("__annotations__"))
class E:
    pass
print("__annotations__" in E.__dict__)
import sys
o = type("O", (), {})()
o.attr: int = 4
print(o.attr)
d = {}
d["k"]: int = 2
print(d)
def f():
    q: int
    return locals()
print(f())
try:
    bad: nope = 1
except NameError as e:
    print("NameError", e)
print(__annotations__)
