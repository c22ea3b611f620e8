# Builtin functions with their edge cases.
print(abs(-3), abs(2.5), abs(-0.0), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(2, 10), pow(2, 10, 1000), pow(2.0, -1), pow(-2, 3), pow(7, -1, 13))
print(round(3.14159, 2), round(2.5), round(-1.5), round(1e15 + 0.5), round(5), round(0.5 + 1e-9))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(5), 100), sum([]))
print(min(3, 1, 2), max("abc"), min([4, 2, 8], key=lambda v: -v), max([], default="empty"), min((), default=None))
print(max([(1, "b"), (1, "a")]), max(1, 2.5, key=float), min("b", "a", "c"), max([3, 3.0]), max([3.0, 3]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(x for x in "" ), all(iter([1])))
print(list(enumerate("ab", 1)), sorted([3, 1, 2], reverse=True), list(reversed([1, 2, 3])))
print(hash(1) == hash(1.0) == hash(True), hash("abc") == hash("ab" + "c"), hash((1, "a")) == hash((1, "a")), hash(None) == hash(None))
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("s", (str, float)), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(dict, object), isinstance(int, type), isinstance(type, object))
print(ord("a"), ord("é"), ord("😀"), chr(97), chr(0x1F600), chr(233))
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), hex(2 ** 70), bin(0))
print(format(3.14159, ".2f"), format(42, "08b"), format(1234567, ","), format("x", "^5"), format(0.5, "%"))
print(int("42"), int("-42"), float("3.5"), str(42), bool(0), bool("x"), list("ab"), tuple([1]), dict(a=1), set([1, 1]))
print(len("abc"), len([1, 2]), len({}), len(range(5)), len(b"xy"), len({1, 2, 3}), len((1,)))
print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(None).__name__, type(len).__name__)
print(callable(len), callable(1), callable(int), callable(lambda: 0), callable("".join))
print(repr("x"), ascii("é"), str(b"b"), repr(1.5))
class Obj:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        pass
o = Obj()
print(vars(o), sorted(k for k in dir(o) if not k.startswith("_")), getattr(o, "a"), getattr(o, "zz", 0))
setattr(o, "c", 3)
delattr(o, "a")
print(vars(o), hasattr(o, "a"), hasattr(o, "method"))
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[i for i in range(3)]"))
print(list(map(pow, [2, 3], [3, 2])), list(zip("ab", [1, 2])), list(filter(str.isdigit, "a1b2")))
print(sorted({"b": 1, "a": 2}.items()), sorted("bca"), sorted([3, 1, 2], key=lambda x: -x))
print(divmod(10 ** 20, 7), divmod(-7, 2), divmod(7, -2), divmod(0, 5))
print(int.__name__, str.__name__, bool(None), bool([]), bool([0]), bool(0.0), bool(-1))
print(id(o) == id(o), id(o) != id(Obj()), type(o) is Obj, isinstance(o, object))
print(iter([1, 2]).__next__(), next(iter("z")), next(iter([]), "dflt"))
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), "abcdef"[slice(1, 5, 2)])
print(object() != object(), NotImplemented is NotImplemented, Ellipsis is ..., type(...).__name__)
print(all(isinstance(x, int) for x in [1, True, 2]), max(range(10), key=lambda x: (x % 3, x)))
print(str.join(",", ["a", "b"]), list.__len__([1, 2]), int.__add__(1, 2), getattr([], "append").__name__)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
print(globals()["Obj"] is Obj, "print" in dir(__builtins__) if not isinstance(__builtins__, dict) else True)
