# with statements: nesting, exceptions in the body and in __exit__, return
# and break through with, contextlib helpers.
from contextlib import contextmanager, suppress, closing, nullcontext
log = []
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        log.append("enter " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None}")
        return False
def uses_return():
    with Res("r"):
        return "returned"
print(uses_return(), log)
log.clear()
for i in range(3):
    with Res(str(i)):
        if i == 1:
            break
print(log)
log.clear()
try:
    with Res("outer"), Res("inner"):
        raise ValueError("x")
except ValueError:
    log.append("caught")
print(log)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
try:
    with BadExit():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError:", e, "context:", type(e.__context__).__name__)
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("a") as t:
    with tag("b"):
        print("content", t)
@contextmanager
def catching():
    try:
        yield
    except KeyError as e:
        print("contextmanager caught", repr(e))
with catching():
    raise KeyError("k")
print("continued")
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
class Closable:
    def close(self):
        print("closed!")
with closing(Closable()):
    print("using closable")
with nullcontext(5) as v:
    print("nullcontext", v)
class Reusable:
    def __init__(self):
        self.depth = 0
    def __enter__(self):
        self.depth += 1
        return self.depth
    def __exit__(self, *a):
        self.depth -= 1
r = Reusable()
with r as a:
    with r as b:
        print("depths", a, b)
print("final depth", r.depth)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
