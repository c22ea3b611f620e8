# exec and eval with globals/locals dicts, compile(), code defining functions
# and classes, SyntaxError from bad source.
print(eval("2 ** 10"), eval("'-'.join(['a', 'b'])"), eval("x + y", {"x": 1, "y": 2}), eval("[x for x in range(3)]"))
g = {}
exec("a = 5\ndef f(n):\n    return n * a\nclass K:\n    v = 3\n", g)
print(g["a"], g["f"](4), g["K"].v, sorted(k for k in g if k != "__builtins__"))
loc = {}
exec("b = 10\nc = b * 2", {}, loc)
print(sorted(loc.items()))
z = 100
exec("z2 = z + 1", globals())
print(z2)
code = compile("1 + 1", "<string>", "eval")
print(eval(code), eval(compile("q * 3", "<s>", "eval"), {"q": "ab"}))
exec(compile("print('from compiled exec')", "<s>", "exec"))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", type(e).__name__, e.lineno)
try:
    exec("def broken(:\n  pass")
except SyntaxError as e:
    print("SyntaxError caught")
try:
    eval("undefined_var_here")
except NameError as e:
    print("NameError:", e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError:", e)
ns = {"__builtins__": __builtins__}
exec("import math\nr = math.floor(2.5)", ns)
print(ns["r"])
expr_results = [eval(s) for s in ["1 < 2", "len('abc')", "{'k': 1}['k']", "(lambda v: v * 2)(21)", "not None"]]
print(expr_results)
src = """
total = 0
for i in range(10):
    total += i
result = total
"""
env = {}
exec(src, env)
print(env["result"])
print(eval("a * b", {"a": 2}, {"b": 7}), eval("__name__", {"__name__": "custom"}))
def f_in_exec():
    d = {}
    exec("y = 1", d)
    return d["y"]
print(f_in_exec())
print(eval(repr([1, "x", (2.5, None)])), eval("0x10 + 0o10 + 0b10"))
