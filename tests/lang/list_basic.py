# Lists: methods, indexing, slicing with steps, slice assignment and deletion.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::2], a[::-1], a[-3:], a[:-3], a[1:7:3], a[7:1:-2])
a.append(10)
a.insert(0, 0)
a.insert(100, 99)
a.insert(-1, 98)
print(a)
a.extend([7, 7])
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(5), a.count(7), a.count(42), 9 in a, 42 not in a)
a.reverse()
print(a)
b = a.copy()
b.clear()
print(a, b, len(b))
c = list(range(10))
c[2:5] = ["a", "b"]
print(c)
c[::2] = [0] * len(c[::2])
print(c)
c[1:1] = [100, 200, 300]
print(c)
del c[::3]
print(c)
del c[1:3]
print(c)
c[:] = []
print(c)
d = list(range(20))
d[10:] = []
d[-2:] = ["x", "y", "z"]
print(d)
try:
    d[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    [1][5]
except IndexError as e:
    print("IndexError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
print([1, 2] + [3], [0] * 5, 2 * [1, 2], [[0] * 3 for _ in range(3)], [] * 10)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [] < [0])
m = [[1, 2], [3, 4]]
n = m.copy()
n[0].append(99)
n.append([5])
print(m, n, m[0] is n[0])
e = []
for i in range(1000):
    e.append(i * 2)
print(len(e), sum(e), e[500], e[-1], e[100:105])
x = [1, 2, 3]
x += [4]
x *= 2
print(x, list("abc"), list((1, 2)), list(range(3, 0, -1)), list({1: 2, 3: 4}))
y = x
y += [0]
print(x is y, x)
print(sorted([5, 2, 8]), [5, 2, 8].index(8), max([5, 2, 8]), min([5, 2, 8]), sum([5, 2, 8]))
print(list(reversed([1, 2, 3])), [1, 2, 3][-100:100], [1, 2, 3][3:], [1, 2, 3][1:1])
lst = [10, 20, 30, 40, 50]
print(lst[slice(1, 4)], lst[slice(None, None, -1)], lst.index(30, 1, 4))
s = [1, [2, 3]]
s2 = s * 2
s2[1].append(4)
print(s2)
