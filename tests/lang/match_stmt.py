# Structural pattern matching (Python 3.10+): literals, captures, sequences,
# mappings, class patterns, guards, or-patterns, wildcards.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case [x]:
            return f"one-item list {x}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *rest] if len(rest) > 2:
            return f"long seq starting {first} rest {rest}"
        case (a, b, c):
            return f"triple {a}{b}{c}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": t, **others}:
            return f"shape {t} with {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case int(n) if n < 0:
            return f"negative int {n}"
        case float() | int():
            return "other number"
        case str() as s:
            return f"string {s!r}"
        case _:
            return "unknown"
tests = [0, 2, "hello", None, True, [9], [1, 2], [1, 2, 3, 4, 5], (1, 2, 3), {"type": "circle", "r": 5},
         {"type": "square", "side": 2, "color": "red"}, Point(0, 0), Point(0, 7), Point(3, 3), Point(1, 2),
         -5, 7.5, 100, "other", {1, 2}, [1, 2, 3]]
for t in tests:
    print(repr(t) if not isinstance(t, Point) else "Point", "->", describe(t))
def command(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", "up", item] | ["take", item]:
            return f"taking {item}"
        case ["quit" | "exit"]:
            return "bye"
        case []:
            return "empty"
        case _:
            return f"unknown command {cmd!r}"
for c in ["go north", "pick up lamp", "take sword", "quit", "exit", "", "dance wildly"]:
    print(command(c))
match 42:
    case n:
        print("irrefutable capture", n)
