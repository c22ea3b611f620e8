# Deep and large structures: a 100000-deep nested list built in a loop and
# dropped (destruction must not overflow the C stack), long linked chains,
# large containers.
nested = []
cur = nested
for i in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
depth = 0
cur = nested
while cur:
    cur = cur[0]
    depth += 1
print("depth", depth)
del nested, cur, nxt
print("dropped nested list")
d = {}
for i in range(100000):
    d = {"inner": d}
print("built nested dict")
d = None
print("dropped nested dict")
t = ()
for i in range(100000):
    t = (t, i)
print("tuple depth top", t[1])
t = None
print("dropped nested tuple")
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
head = None
for i in range(100000):
    head = Node(head)
n = 0
p = head
while p is not None:
    n += 1
    p = p.nxt
print("chain length", n)
head = p = None
print("dropped chain")
big = list(range(1000000))
print(len(big), big[-1], sum(big))
big = [str(i) for i in range(200000)]
print(len(big), big[123456], len("".join(big)))
big = None
m = {i: [i] * 3 for i in range(100000)}
print(len(m), m[99999])
m.clear()
s = "x" * 10000000
print(len(s), s.count("x"))
s = None
print("done")
