# Stress test for float repr/str (shortest round-trip digits) and formatting
# across magnitudes, plus int <-> float <-> str round trips.
vals = []
for i in range(1, 60):
    vals.append(i / 7)
    vals.append(i * 0.1)
    vals.append(2.0 ** -i)
    vals.append(10.0 ** (i - 30))
    vals.append(1.0 / (i * i * i))
    vals.append(i * 1e15 + 0.5)
for v in vals:
    print(repr(v), repr(-v), float(repr(v)) == v)
for e in range(-8, 25, 3):
    x = 1.5 * 10.0 ** e
    print(e, x, str(x), f"{x:.3g}", f"{x:e}", "%r %s %.2f" % (x, x, x))
for s in ["0.1", "1e-10", "123.456e5", "-0", "+1.5", "1_000.5", ".5", "5.", "1E3", " 7 ", "nan", "-inf"]:
    print(repr(s), repr(float(s)))
print(float(2 ** 53), float(2 ** 53 + 1), float(2 ** 63), float(-2 ** 100), int(1e18), int(1.9999999999999999))
print(0.1 + 0.7, 0.1 * 0.1, 1 - 0.9, 100 * 1.1, 3 * 0.1 == 0.3, 1e-320, 2.2250738585072014e-308)
print(sum([0.1] * 100), 1 / 3 * 3, 2 / 3 + 1 / 3, 4.35 * 100, round(4.35 * 100), 1.0 % 0.1)
print([round(x / 8, 2) for x in range(-10, 11)])
print([round(x * 0.05, 1) for x in range(20)])
print(f"{1e300 * 1e10}", f"{-1e300 * 1e10}", f"{0.0:+}", f"{-0.0:+}", f"{1234.5:010.1f}", f"{12345.678:>12,.2f}")
