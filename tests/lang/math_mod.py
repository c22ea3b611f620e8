# The math module.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(2), math.sqrt(144), math.exp(1), math.log(math.e), math.log(100, 10), math.log2(1024), math.log10(0.001))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 6), 12), math.atan2(1, 1), math.hypot(3, 4))
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2), math.trunc(3.9), type(math.floor(2.5)).__name__)
print(math.factorial(20), math.factorial(30), math.gcd(48, 180), math.gcd(0, 5), math.lcm(4, 6), math.isqrt(10 ** 20 + 1))
print(math.comb(10, 3), math.perm(5, 2), math.comb(100, 50), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fabs(-2), math.copysign(3, -0.0), math.fmod(7, 3), math.fmod(-7, 3), math.modf(3.25), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.degrees(math.pi), math.radians(180), math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308), math.isinf(1e308 * 10))
print(math.pow(2, 10), math.pow(2, 0.5), math.asin(1), math.acos(1), math.atan(0))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.acos(2)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__)
print(math.floor(10 ** 20 + 0.0), math.ceil(1e-300), math.gcd(2 ** 100, 6 ** 50))
print([round(math.cos(k * math.pi / 4), 6) for k in range(8)])
