# repr() of strings and containers: quote choice and escapes.
tests = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\t", "nl\n", "cr\r", "back\\slash",
         "\x00\x01\x7f", "\x80\xff", "é", "😀", "\u200b", "\ud7ff", "\x1b[0m", "\u0085", "\U0001F600end", ""]
for s in tests:
    print(repr(s), len(s))
print(repr(["a", 'b"', "c'"]), repr(("x",)), repr({"k": "v'"}), repr({1}), repr(set()))
print(repr(b"bytes\x00\xff'"), repr(b'"'), repr(b"'\""), repr(bytearray(b"ab")))
print(repr(None), repr(True), repr(1.0), repr(-0.0), repr(10 ** 20), repr(1e20), repr(...), repr(NotImplemented))
print(repr([]), repr(()), repr({}), repr([[]]), repr((1, (2, 3))), repr(range(3)), repr(range(1, 10, 2)))
print(str("a\nb"), repr("a\nb"), "%r" % "x", f"{'q'!r}")
nested = [1, [2, [3, [4, "five"]]], {"six": (7, 8.0)}]
print(nested)
print(repr(repr("x")), eval(repr("tricky'\"\n\t\\")) == "tricky'\"\n\t\\")
print(repr(type), repr(int), repr(str), repr(object), repr(ValueError))
class C:
    pass
print(repr(C).startswith("<class '"), repr(C).endswith("C'>"), str(C) == repr(C))
print(repr(ValueError("bad")), repr(KeyError("k")), repr(Exception()), repr(Exception(1, "a")))
print(str(ValueError("bad")), str(KeyError("k")), str(Exception()), str(Exception(1, "a")))
print(repr(slice(1, 5, None)), repr(slice(None)), repr(frozenset()), repr(frozenset({1})))
