# Generators, generator expressions and yield from.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def chained(n):
    yield from numbers(n)
    yield from numbers(n)
total = 0
for rep in range(9):
    total += sum(evens(numbers(300000)))
    total += sum(x * 3 for x in chained(100000))
    g = numbers(10 ** 9)
    for _ in range(100000):
        total += next(g) & 1
print(total)
