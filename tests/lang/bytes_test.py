# bytes and bytearray: literals, indexing (ints), slicing, methods, mutation.
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:5], b[::-1], b[::3], list(b[:3]))
print(b.upper(), b.split(), b.split(b"o"), b.replace(b"l", b"L"), b.find(b"wor"), b.count(b"o"))
print(b.startswith(b"he"), b.endswith(b"ld"), b"x" in b, 104 in b, b.index(b"w"))
print(b + b"!", b * 2, b"-".join([b"a", b"b"]), b.strip(b"hd"), b"  x ".strip())
print(bytes(5), bytes([65, 66, 67]), bytes("héllo", "utf-8"), bytes(range(5)), bytes.fromhex("de ad be ef"))
print(b"\xde\xad".hex(), b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"), b"\x00\x7f\x80\xff")
print(b == b"hello world", b < b"help", b"abc" < b"abd", hash(b"abc") == hash(b"abc"))
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba[1:3] = b"XYZ"
print(ba, len(ba), ba[0], bytes(ba), ba.pop(), ba)
del ba[0]
print(ba, ba.decode(), bytearray(3), bytearray([1, 2, 3]), ba * 2)
ba.reverse()
print(ba, ba.upper(), ba.find(b"Z"), b"%s and %d" % (b"x", 5))
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", type(e).__mro__[1].__name__)
print([x for x in b"AZ"], sum(b"abc"), max(b"abc"), sorted(b"cab"), b"a b".split(b" "))
print(b"abc".isalpha(), b"123".isdigit(), b"Hi".lower(), b"hi".title(), b"ab".center(6, b"*"))
print(int.from_bytes(b"\x00\x01", "big"), (258).to_bytes(2, "little"), bytes(b"x") is not None)
