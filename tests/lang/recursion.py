# Recursion: deep but legal recursion, mutual recursion, RecursionError on
# runaway recursion (caught, and the interpreter keeps working afterwards).
import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(77))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))
def runaway(n):
    return runaway(n + 1) + 1
try:
    runaway(0)
except RecursionError as e:
    print("recursion ok", type(e).__name__, isinstance(e, RuntimeError))
print(depth(300))
class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
    def total(self):
        return self.v + (self.nxt.total() if self.nxt else 0)
chain = None
for i in range(400):
    chain = Node(i, chain)
print(chain.total())
class Loop:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    Loop().a
except RecursionError:
    print("recursion ok (getattr)")
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
m = hanoi(10, "A", "B", "C", [])
print(len(m), m[:3], m[-1])
def perms(s):
    if len(s) <= 1:
        return [s]
    out = []
    for i, ch in enumerate(s):
        for p in perms(s[:i] + s[i + 1:]):
            out.append(ch + p)
    return out
print(len(perms("abcdef")), perms("abc"))
print(sys.getrecursionlimit() >= 1000)
