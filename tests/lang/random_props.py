# random: gilt's generator differs from CPython's on purpose (README), so
# only properties are printed: reproducibility for a seed, ranges, and that
# shuffle/sample/choice return members of the input.
import random
random.seed(12345)
a = [random.random() for _ in range(5)]
random.seed(12345)
b = [random.random() for _ in range(5)]
print("same seed, same sequence:", a == b, all(0.0 <= x < 1.0 for x in a))
r = random.Random(7)
ints = [r.randint(1, 6) for _ in range(2000)]
print("randint range:", min(ints), max(ints), sorted(set(ints)))
rr = [r.randrange(0, 100, 5) for _ in range(1000)]
print("randrange step:", all(x % 5 == 0 and 0 <= x < 100 for x in rr))
u = [r.uniform(-2.0, 3.0) for _ in range(1000)]
print("uniform bounds:", all(-2.0 <= x <= 3.0 for x in u))
items = list(range(20))
r.shuffle(items)
print("shuffle is a permutation:", sorted(items) == list(range(20)))
s = r.sample(range(100), 10)
print("sample:", len(s), len(set(s)), all(0 <= x < 100 for x in s))
print("choice member:", r.choice("abc") in "abc", len(r.choices([1, 2], k=7)))
g = [r.gauss(0, 1) for _ in range(5000)]
mean = sum(g) / len(g)
print("gauss mean near 0:", abs(mean) < 0.1)
try:
    r.choice([])
except IndexError:
    print("IndexError on empty choice")
try:
    r.randrange(5, 5)
except ValueError:
    print("ValueError on empty range")
