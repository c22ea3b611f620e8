# Integer arithmetic: small and big ints, floor division and modulo with
# negative operands, bit operations, powers, conversions.

print(2 ** 100)
print(-2 ** 100, (-2) ** 101)
f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(f // 3 ** 20, f % 1000003, len(str(f)))
print(10 ** 30 + 1, 10 ** 30 - 1, -(10 ** 30))
big = 123456789012345678901234567890
print(big * big, big // 7, big % 7, -big // 7, -big % 7)
print(divmod(big, 97), divmod(-big, 97), divmod(big, -97))

for a in (7, -7, 0, 13, -13):
    for b in (2, -2, 3, -3, 5):
        print(a, b, a // b, a % b, divmod(a, b), a / b)

print(1 << 10, 1 << 64, 1 << 100, (1 << 100) >> 99, -1 >> 5, -256 >> 4)
print(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0x0f, ~0, ~5, ~-5)
print((1 << 70) & ((1 << 70) - 1), (1 << 70) | 1, (1 << 70) ^ (1 << 69))
print(-(1 << 70) & 0xffff, -12345678901234567890 | 255, -7 ^ 3)
print(2 ** 0, 2 ** 1, 0 ** 0, 3 ** 40, (-3) ** 41, 2 ** -1, 10 ** -3)
print(pow(2, 100, 1000007), pow(3, 200, 2 ** 61 - 1), pow(-5, 3, 7), pow(5, -1, 7))
print(abs(-5), abs(-(10 ** 40)), -0, +7, -(-7))
print(int(3.9), int(-3.9), int("  42  "), int("-0"), int("1_000_000"))
print(int("ff", 16), int("0xff", 16), int("0o17", 0), int("0b101", 0), int("z", 36), int("777", 8))
print(int("123456789012345678901234567890"), int(True), int(1e20))
print(7 == 7.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 20 < 1e21, hash(10) == hash(10.0))
print(max(3, 10 ** 20), min(-(10 ** 20), 5), sorted([10 ** 20, 3, -(10 ** 19), 0]))
print((10 ** 20).bit_length(), (255).bit_length(), (0).bit_length(), (-8).bit_length())
print((1234).to_bytes(4, "big"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(True + True, True * 10, False - 1, 5 // True)
x = 0
for i in range(1000):
    x += i * i - 3 * i
print(x)
acc = 1
for i in range(200):
    acc = acc * 3 + i
print(acc % (10 ** 9 + 7), acc.bit_length())
print(0 == -0, 1_000 + 2_000, 0o777, 0b1010, 0xDEAD_BEEF)
n = 2 ** 64
print(n - 1, n, n + 1, -n, n // -3, n % -3)
print(isinstance(2 ** 100, int), type(2 ** 100).__name__, (2**100).__class__ is int)
print(round(12345, -2), round(-12355, -1), round(15, -1), round(25, -1))
print(sum(range(10 ** 6)), sum(i for i in range(100) if i % 3 == 0))
