# Operators a type does not implement raise python's TypeError, whatever
# the operands' sizes: a float operand must not first convert a huge int
# (that would be an OverflowError), and the message names both types.
BIG = (2 ** 63) ** 65

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

attempt("big >> 0.0", lambda: BIG >> 0.0)
attempt("big << 1.5", lambda: BIG << 1.5)
attempt("1.0 >> big", lambda: 1.0 >> BIG)
attempt("big & 1.0", lambda: BIG & 1.0)
attempt("big | 1.0", lambda: BIG | 1.0)
attempt("big ^ 1.0", lambda: BIG ^ 1.0)
attempt("5 >> 0.0", lambda: 5 >> 0.0)
attempt("2.5 & 1", lambda: 2.5 & 1)
attempt("True | 1.0", lambda: True | 1.0)
attempt("big % 1.0", lambda: BIG % 1.0)
attempt("big // 1.0", lambda: BIG // 1.0)
attempt("big + 1.0", lambda: BIG + 1.0)
attempt("big == 1.0", lambda: BIG == 1.0)
attempt("big > float('inf')", lambda: BIG > float("inf"))
attempt("'a' - 1", lambda: "a" - 1)
attempt("[1] * 1.0", lambda: [1] * 1.0)

x = 1.5
try:
    x <<= 2
except TypeError as e:
    print("x <<= 2 ->", e)
y = BIG
try:
    y >>= 0.5
except TypeError as e:
    print("y >>= 0.5 ->", e)
