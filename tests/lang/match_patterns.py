# Pattern matching beyond tests/lang/match_stmt.py: value patterns, nested
# sequences/mappings/classes, soft keywords, scopes, runtime TypeErrors and
# the compile-time SyntaxErrors of match statements.
# more pattern matching
import collections
class Color:
    RED = 1
    GREEN = 2
class P:
    __match_args__ = ("a", "b")
    def __init__(self, a, b): self.a, self.b = a, b
def f(x):
    match x:
        case Color.RED: return "red"
        case Color.GREEN | 3: return "green-or-3"
        case -1: return "minus one"
        case -1.5: return "neg float"
        case b"xy": return "bytes"
        case "a" "b": return "ab"
        case {"k": [1, *rest], **kw} if kw: return f"dict k rest={rest} kw={kw}"
        case {"k": [1, *rest]}: return f"dict k rest={rest}"
        case {1: _, 2: y}: return f"int keys y={y}"
        case {**kw} if len(kw) == 3: return f"three {sorted(kw.items())}"
        case [1, [2, (3 | 4) as inner], *_]: return f"nested inner={inner}"
        case [*_, "last"]: return "ends with last"
        case [a, *mid, b] if mid: return f"a={a} mid={mid} b={b}"
        case (x, y) if x > y: return f"desc {x} {y}"
        case P(a=1, b=P(a=q)): return f"nested P q={q}"
        case P(1, b): return f"P first 1 b={b}"
        case P(b=2): return "P b 2"
        case str(s) | bytes(s): return f"strish {s!r}"
        case int() | float() as num if num > 100: return f"big {num}"
        case bool(v): return f"bool {v}"
        case list() | tuple(): return "other seq"
        case dict(): return "other dict"
        case _: return "other"
for v in [1, 2, 3, -1, -1.5, b"xy", "ab", {"k": [1, 2, 3], "z": 0}, {"k": [1]},
          {1: "a", 2: "b", 3: "c"}, {"a": 1, "b": 2, "c": 3}, [1, [2, 4], 9], ["x", "last"],
          [5, 6, 7, 8], (9, 3), (3, 9), P(1, P(7, 0)), P(1, 5), P(0, 2), "str", b"b", 500, 7.5,
          True, [], {}, None, P(0, 0), range(2), range(3)]:
    print(repr(v) if not isinstance(v, P) else "P", "->", f(v))

# soft keywords stay identifiers
match = [1, 2]
case = 3
print(match, case)
match[0] = 5
print(match)
def match_fn(match, case): return match + case
print(match_fn(1, 2))
class case_: pass
match (1, 2):
    case (a, b):
        print("tuple subject", a, b)
match 1, 2:
    case a, b:
        print("open tuple subject", a, b)
match [1, 2, 3]:
    case 1, *rest:
        print("open seq pattern", rest)

# bindings in module scope, class scope, closures
class K:
    match 5:
        case n:
            val = n * 2
print(K.val)
def outer():
    match (1, 2):
        case (a, b):
            pass
    def inner(): return a + b
    return inner()
print(outer())

# strings and bytes are not sequences
for v in ["ab", b"ab", bytearray(b"ab")]:
    match v:
        case [a, b]: print("seq", a, b)
        case _: print("not seq", type(v).__name__)

# mapping lookups use get(): defaultdict's __missing__ is not called
d = collections.defaultdict(int, {"a": 1})
match d:
    case {"b": x}: print("found b", x)
    case {"a": x}: print("found a", x, dict(d))
od = collections.OrderedDict(z=1)
match od:
    case {"z": 1, **rest}: print("ordered", rest, type(rest).__name__)

# the guard sees the bindings, walrus in guard
match [3, 4]:
    case [x, y] if (s := x + y) > 5:
        print("sum", s)

# errors
class NoArgs:
    pass
for bad in [lambda: NoArgs(), ]:
    pass
try:
    match NoArgs():
        case NoArgs(1): pass
except TypeError as e:
    print("TypeError:", e)
class BadArgs:
    __match_args__ = ["x"]
try:
    match BadArgs():
        case BadArgs(1): pass
except TypeError as e:
    print("TypeError:", e)
try:
    match 1:
        case len(): pass
except TypeError as e:
    print("TypeError:", e)
try:
    match P(1, 2):
        case P(1, a=2): pass
except TypeError as e:
    print("TypeError:", e)
try:
    match 5:
        case int(1, 2): pass
except TypeError as e:
    print("TypeError:", e)
# no case matches: nothing happens
match 42:
    case 1: print("no")
print("done")
for src in ["match x:\n    case a:\n        pass\n    case 1:\n        pass\n",
            "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
            "match x:\n    case [a, a]:\n        pass\n",
            "match x:\n    case a | [b]:\n        pass\n",
            "match x:\n    case [*a, *b]:\n        pass\n",
            "match x:\n    case C(a=1, a=2):\n        pass\n",
            "match x:\n    case f'x':\n        pass\n",
            "match x:\n    case 1 + 1:\n        pass\n",
            "match x:\n    case _ as y:\n        pass\n    case 1: pass\n",
            "match x:\n    case x as _:\n        pass\n",
            "match x:\n    case a | b:\n        pass\n",
            "match x:\n    case P(a=1, 2):\n        pass\n",
            "match x:\n  case 1:\n  pass\n",
            "match x:\n    y = 1\n",
            ]:
    try:
        compile(src, "<m>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
