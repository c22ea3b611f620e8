# Sorting: key functions, reverse, stability, sorted on many types.
data = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22), ("frank", 25)]
print(sorted(data))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: (-p[1], p[0])))
d2 = list(data)
d2.sort(key=lambda p: p[0], reverse=True)
print(d2)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [5, -3, 2.5, 0, -7, 10 ** 20, 3]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True))
x = list(range(100))
x.sort(key=lambda v: v % 7)
print(x)
y = [(i * 37) % 101 for i in range(101)]
y.sort()
print(y == list(range(101)), y[:10])
z = [(i * 7919) % 1000 for i in range(1000)]
z.sort(reverse=True)
print(z[:10], z[-5:])
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}), sorted(set([5, 1, 3])))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
stab = [(k % 3, i) for i, k in enumerate(range(30, 0, -1))]
print(sorted(stab, key=lambda t: t[0]))
print(sorted([[3, 1], [1, 2], [1, 1], [2]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
class Rec:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f"Rec({self.n})"
print(sorted([Rec(3), Rec(1), Rec(2)]), max([Rec(3), Rec(5), Rec(1)], key=lambda r: r.n))
big = [((i * 1103515245 + 12345) >> 4) % 100000 for i in range(5000)]
s1 = sorted(big)
print(s1[:5], s1[-5:], all(s1[i] <= s1[i + 1] for i in range(len(s1) - 1)))
e = []
e.sort()
print(e, sorted([]), sorted([1]), sorted([True, False, 0, 1]))
