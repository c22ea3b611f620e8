# Keyword arguments in method calls at many token offsets: a regression
# test for the parser keeping Token pointers across the token array's
# growth (keyword names came out as '' after an `import`).
import sys
class O:
    def m(self, a=0, b=0, c=0, name=None, target=None):
        return (a, b, c, name, target)
o = O()
out = []
out.append(o.m(a=0))
x0 = []
out.append(o.m(a=1, b=2))
out.append(o.m(a=2, b=4, name="n2"))
out.append(o.m(a=3, b=6, name="n3", target=len))
out.append(o.m(a=4, b=8, name="n4", target=len, c=4))
out.append(o.m(a=5))
out.append(o.m(a=6, b=12))
out.append(o.m(a=7, b=14, name="n7"))
x7 = [0, 1]
out.append(o.m(a=8, b=16, name="n8", target=len))
out.append(o.m(a=9, b=18, name="n9", target=len, c=1))
out.append(o.m(a=10))
out.append(o.m(a=11, b=22))
out.append(o.m(a=12, b=24, name="n12"))
out.append(o.m(a=13, b=26, name="n13", target=len))
out.append(o.m(a=14, b=28, name="n14", target=len, c=14))
x14 = [0, 1, 2, 3]
out.append(o.m(a=15))
out.append(o.m(a=16, b=32))
out.append(o.m(a=17, b=34, name="n17"))
out.append(o.m(a=18, b=36, name="n18", target=len))
out.append(o.m(a=19, b=38, name="n19", target=len, c=19))
out.append(o.m(a=20))
out.append(o.m(a=21, b=42))
x21 = [0]
out.append(o.m(a=22, b=44, name="n22"))
out.append(o.m(a=23, b=46, name="n23", target=len))
out.append(o.m(a=24, b=48, name="n24", target=len, c=1))
out.append(o.m(a=25))
out.append(o.m(a=26, b=52))
out.append(o.m(a=27, b=54, name="n27"))
out.append(o.m(a=28, b=56, name="n28", target=len))
x28 = [0, 1, 2]
out.append(o.m(a=29, b=58, name="n29", target=len, c=29))
out.append(o.m(a=30))
out.append(o.m(a=31, b=62))
out.append(o.m(a=32, b=64, name="n32"))
out.append(o.m(a=33, b=66, name="n33", target=len))
out.append(o.m(a=34, b=68, name="n34", target=len, c=34))
out.append(o.m(a=35))
x35 = []
out.append(o.m(a=36, b=72))
out.append(o.m(a=37, b=74, name="n37"))
out.append(o.m(a=38, b=76, name="n38", target=len))
out.append(o.m(a=39, b=78, name="n39", target=len, c=1))
out.append(o.m(a=40))
out.append(o.m(a=41, b=82))
out.append(o.m(a=42, b=84, name="n42"))
x42 = [0, 1]
out.append(o.m(a=43, b=86, name="n43", target=len))
out.append(o.m(a=44, b=88, name="n44", target=len, c=44))
out.append(o.m(a=45))
out.append(o.m(a=46, b=92))
out.append(o.m(a=47, b=94, name="n47"))
out.append(o.m(a=48, b=96, name="n48", target=len))
out.append(o.m(a=49, b=98, name="n49", target=len, c=49))
x49 = [0, 1, 2, 3]
out.append(o.m(a=50))
out.append(o.m(a=51, b=102))
out.append(o.m(a=52, b=104, name="n52"))
out.append(o.m(a=53, b=106, name="n53", target=len))
out.append(o.m(a=54, b=108, name="n54", target=len, c=1))
out.append(o.m(a=55))
out.append(o.m(a=56, b=112))
x56 = [0]
out.append(o.m(a=57, b=114, name="n57"))
out.append(o.m(a=58, b=116, name="n58", target=len))
out.append(o.m(a=59, b=118, name="n59", target=len, c=59))
for row in out:
    print(row[0], row[1], row[2], row[3], row[4] is len)
import os.path as osp
print(dict(sep=", ", end="!"), sorted([3, 1, 2], key=None, reverse=True), osp.join("a", "b"))
print(sys.intern("k") == "k", "{a}-{b}".format(b=2, a=1), int("ff", base=16), "x".center(5, "*"))
# exec() parses each string from token 0, so sliding the call along by one
# token at a time puts a keyword name at every token-array growth boundary.
results = set()
for n in range(300):
    prefix = ("x=-0;" if n % 2 else "") + "pass;" * (n // 2)
    env = {"o": o}
    exec(prefix + "r = o.m(a=1, b=2, name='q')", env)
    results.add(env["r"])
print(sorted(results, key=repr))
