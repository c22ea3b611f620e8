# hash() of an object whose __hash__ returns an int: a value that fits in
# 64 bits is the hash as it is (-1 becomes -2); a bigger one is reduced as
# that int's own hash.
class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 63 - 1, -2 ** 63,
          2 ** 63, -2 ** 63 - 1, 2 ** 64, 10 ** 30, -10 ** 30, True]:
    print(v, hash(H(v)), hash(H(v)) == hash(v) or "differs from the int's hash")


class Bad:
    def __hash__(self):
        return 1.5


try:
    hash(Bad())
except TypeError as e:
    print("TypeError", e)
s = {H(2 ** 62), H(2 ** 62 + 1), H(5)}
print(sorted(hash(x) for x in s))
