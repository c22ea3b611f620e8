# Comprehensions: list/dict/set/generator, nested loops, conditions,
# scoping (the loop variable does not leak), closures over comprehension vars.
print([x * x for x in range(10)])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([x for row in [[1, 2], [3], [], [4, 5, 6]] for x in row if x % 2 == 0])
print({x: x ** 3 for x in range(6)}, {x % 4 for x in range(100)}, sum(x for x in range(101)))
print({k: [v for v in range(k)] for k in range(4)})
print([c.upper() for c in "héllo" if c not in "aeiou"])
x = "outer"
print([x for x in range(3)], x)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([list(r) for r in zip(*matrix)], [matrix[i][i] for i in range(3)], [row[::-1] for row in matrix[::-1]])
fns = [lambda: v for v in range(3)]
print([f() for f in fns])
print([i if i % 2 else -i for i in range(8)], [a + b for a, b in zip("abc", "xyz")])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]], {w: len(w) for w in words if len(w) > 3})
g = (n for n in range(5))
print(list(g), list(g))
nested_gen = sum(sum(j for j in range(i)) for i in range(10))
print(nested_gen)
print(sorted({(i * 7) % 10 for i in range(10)}), [[0] * 2 for _ in range(2)])
primes = [n for n in range(2, 100) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes, len(primes))
flat = [y for x in [[1, [2]], [3]] for y in x]
print(flat)
print(dict((k, v) for k, v in [("a", 1), ("b", 2)]), list(map(lambda t: t[0] * t[1], [(2, 3), (4, 5)])))
print([(yield_ := i) for i in range(3)], yield_)
