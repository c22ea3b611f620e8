# Floats: shortest repr, special values, rounding, mixing with ints.
import math

vals = [0.1 + 0.2, 1e16, 1e15, 1 / 3, 2 / 3, -0.0, 0.0, 1.5, 100.0, 1e22, 1e-5,
        1e-4, 0.0001, 123456789.123, 1.7976931348623157e308, 5e-324, 3.14159,
        2.5e-10, 1e100, 12345678901234567890.0, 0.3, 1.1 * 1.1]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
inf = float("inf")
nan = float("nan")
print(inf > 10 ** 300, inf == inf, nan == nan, nan != nan, inf - inf, inf * 0)
print(math.isnan(nan), math.isinf(-inf), 1 / inf, -1 / inf)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(3.14159, 3))
print(round(1234.5678, -2), round(-0.4), round(7.0), type(round(7.1)).__name__, type(round(7.1, 1)).__name__)
print(7 / 2, 7 // 2, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2))
print(2 ** 0.5, 10 ** -2, 2.0 ** 10, (-8) ** 2.0, 4 ** 0.5)
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 1 / 4, 3 / 1, 2 ** 63 / 2)
print(float(10 ** 20), float("1e3"), float(" -2.5 "), float("infinity"), float(7))
print(int(2.0 ** 70), int(-1e10), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(0.1 * 3, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15)
print(1.0.is_integer(), 1.5.is_integer(), (0.5).as_integer_ratio(), (2.75).hex())
print(float.fromhex("0x1.8p1"), 3.0 == 3, 3.5 > 3, -0.0 == 0.0, math.copysign(1, -0.0))
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0), hash(2.5) == hash(2.5))
s = 0.0
for i in range(1, 10001):
    s += 1.0 / (i * i)
print(s, math.sqrt(s * 6))
x = 1.0
for i in range(60):
    x = x * 1.5 - 0.25
print(x)
print(max(1, 2.5), min(-1.5, -1), sorted([3, 1.5, -2, 2.25, 0]))
print(1e308 * 10, -1e308 * 10)
print(f"{1/3:.5f} {2.5:e} {1234567.891:,.2f} {0.25:%} {3.0:g} {1e-7:g} {123456789.0:g}")
print("%.3f %e %g %10.4f|%-10.2f|" % (3.14159, 31415.9, 0.00001234, 2.5, 2.5))
print(str(1e-7), str(1.0e6), str(1e17), repr(-1.5e-300))
