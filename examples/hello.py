# The first gilt program: run it with `build/gilt examples/hello.py`.
import sys

def greet(name):
    return f"Hello, {name}!"

print(greet("world"))
print("running on", sys.implementation.name if hasattr(sys, "implementation") else "?",
      "with the GIL" if getattr(sys, "_is_gil_enabled", lambda: True)() else "without a GIL")
squares = [n * n for n in range(10)]
print("squares:", squares, "sum:", sum(squares))
