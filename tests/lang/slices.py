# Slicing everywhere: extended slices on str/list/tuple/bytes/range, slice
# objects, custom __getitem__ receiving slices, slice assignment edge cases.
s = "abcdefghij"
for sl in [slice(None), slice(2, 5), slice(-3, None), slice(None, None, 2), slice(None, None, -1),
           slice(8, 2, -2), slice(-1, -8, -3), slice(100, 200), slice(-100, 3), slice(5, 5), slice(1, 9, 4)]:
    print(sl, repr(s[sl]), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9][sl], tuple(range(10))[sl], b"0123456789"[sl], list(range(10)[sl]))
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1], r[1:2], r[::3], r[1:2, 3], r[...], r[:, None], r["k"])
lst = list(range(10))
lst[2:8:2] = "abc"
print(lst)
lst[::-1] = list(range(10))
print(lst)
lst[3:3] = []
lst[:0] = ["front"]
lst[len(lst):] = ["back"]
print(lst)
lst[-2:] = []
print(lst)
try:
    lst[::0]
except ValueError as e:
    print("ValueError:", e)
print(slice(1, 10, 3).indices(8), slice(-5, None).indices(3), slice(None, None, -2).indices(7))
sl = slice(1, 5)
print(sl.start, sl.stop, sl.step, "hello world"[sl])
e = "😀é漢a"
print(e[::-1], e[1:3], e[-2:], e[::2])
n = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1:] for row in n[1:]], n[::-1][0][::-1])
print("abc"[-1:-4:-1], "abc"[-4:], [1, 2][5:], (1, 2)[-1:])
print(bytearray(b"hello")[1:4], memoryview(b"abc")[1:].tobytes() if False else b"bc")
