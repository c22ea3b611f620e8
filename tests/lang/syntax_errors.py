# Syntax errors are catchable when compiling strings: the exception type and
# line number (messages vary too much between parsers to compare exactly,
# except where Python 3.11's wording is simple).
bad = [
    "x = (1, 2",
    "def f(:\n    pass",
    "if True\n    pass",
    "x = 1\ny = = 2",
    "for in range(3): pass",
    "return 5",
    "class:\n  pass",
    "a b",
    "1 +",
    "def f():\n  nonlocal zz",
    "break",
    "x = 1\n  y = 2",
    "if x:\npass",
    "f(**x, *y)",
    "lambda: yield",
    "del 5",
    "x += 1 = 2",
    "'unterminated",
    "x = [1, 2\ny = 3\n",
]
for src in bad:
    try:
        compile(src, "<test>", "exec")
        print(repr(src), "compiled?!")
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, "line", e.lineno)
ok = ["x = 1", "def f(a, /, b, *, c): pass", "async def g(): await x", "x = [i async for i in y] if False else 0" if False else "pass",
      "@d\nclass C: pass", "while x: break\nelse: pass", "try: pass\nexcept* ValueError: pass" if False else "try: pass\nfinally: pass",
      "lambda *a, **k: (a, k)", "print(*[1], **{})", "x: int = 5", "global g"]
for src in ok:
    compile(src, "<ok>", "exec")
print("all valid sources compiled")
try:
    compile("x = 1", "<s>", "bogus")
except ValueError as e:
    print("ValueError:", e)
try:
    eval("1 2")
except SyntaxError as e:
    print("eval SyntaxError line", e.lineno)
try:
    exec("def f():\n\treturn 1\n        return 2")
except (SyntaxError, TabError, IndentationError) as e:
    print("indentation problem:", isinstance(e, SyntaxError))
print(issubclass(IndentationError, SyntaxError), issubclass(TabError, IndentationError))
try:
    compile("if True:\nx = 1", "<s>", "exec")
except IndentationError as e:
    print("IndentationError:", e.msg, e.lineno)
