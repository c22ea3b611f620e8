# f-strings, format specs, conversions, nesting.
name = "Ada"
n = 42
pi = 3.14159265
items = ["x", 'y"', "z'"]
print(f"{name} is {n}", f"{name!r} {name!s} {name!a}", f"{'é'!a}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}|{-n:d}|{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#o}")
print(f"{pi:.2f}|{pi:10.3f}|{pi:<10.1f}|{pi:e}|{pi:.3e}|{pi:g}|{pi:%}|{pi:.0f}")
print(f"{1234567:,}|{1234567:_}|{1234567.891:,.1f}|{0.000123:g}|{1e20:g}|{123.0:g}")
print(f"{items!r}", f"{items[1]}", f"{len(items) * 2}", f"{'nested ' + name}")
w = 8
p = 3
print(f"{pi:{w}.{p}f}|", f"{name:>{w}}|", f"{name:*^{w}}|")
print(f"{{literal}} {n}")
d = {"k": 1}
print(f"{d['k']}", f"{d}", f"{(1, 2)}", f"{3 + 4 = }".strip() if False else f"{3 + 4}")
print(f"{n=}", f"{pi=:.2f}", f"{name = }")
print(f"{True}", f"{None}", f"{1.0}", f"{-0.0}", f"{float('inf')}", f"{10**20}")
print(f"{'abc':>6}", f"{'abc':<6}|", f"{'abc':^7}|", f"{'abc':.2}|")
print(format(255, "x"), format(3.5, ".3f"), format("s", ">3"), format(10 ** 25, ","), format(42), format(-5, "08d"))
print(f"{12:c}", f"{65:c}", f"{0.5:.0%}", f"{1/3:.3}", f"{2/3:10.4}|", f"{-1.5:+.2f}")
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __str__(self):
        return "Pstr"
    def __repr__(self):
        return "Prepr"
print(f"{P()}", f"{P():xyz}", f"{P()!r}", f"{P()!s}", format(P(), "q"), "{}".format(P()), "{!r}".format(P()))
rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("cherry", 100, 10.0)]
for fruit, qty, price in rows:
    print(f"{fruit:<10}{qty:>5}{price:>8.2f}{qty * price:>10.3f}")
print("{:>10}".format("right"), "{:<10}|".format("left"), "{:=+8.2f}".format(-3.5), "{:08.2f}".format(-3.5))
print("{0[0]} {0[1]} {1.real}".format(["a", "b"], 5), "{a[k]}".format(a={"k": "v"}))
print("%s %r %d %i %5.1f %-5d| %05d %+d %%" % ("s", "r", 1, 2, 3.14, 4, 5, 6))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % ("a", "b"), "%c%c" % ("x", 121))
print(f"{'multi'}" f"{'part'}" "plain", f"a{1}b{2}c{3}")
x = 10
print(f"{x if x > 5 else -x}", f"{[i * i for i in range(4)]}", f"{ {'a': 1}['a'] }", f"{(lambda v: v + 1)(1)}")
print(f"{3.0:.0f} {2.5:.0f} {0.125:.2f} {0.375:.2f} {1e16:.1f} {123456789012.0:.3e}")
