"""random — pseudo-random numbers: a Random class and module-level functions.

The generator is xoshiro256** (Blackman & Vigna), seeded through splitmix64,
written in plain gilt with 64-bit masking. It is NOT CPython's Mersenne
Twister: the same seed gives a different sequence than python3 on purpose
(a small, fast, well-tested generator); programs that print random numbers
will not match python3's output. Not for cryptography (use os.urandom).
"""

import math as _math

__all__ = ["Random", "seed", "random", "uniform", "randint", "choice", "sample",
           "randrange", "shuffle", "choices", "gauss", "normalvariate",
           "expovariate", "triangular", "getrandbits", "getstate", "setstate"]

_MASK = (1 << 64) - 1


def _splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return x, z ^ (z >> 31)


class Random:
    """A xoshiro256** generator; seed(a) accepts None, int, float, str, bytes."""

    def __init__(self, x=None):
        self.gauss_next = None
        self.seed(x)

    def seed(self, a=None):
        if a is None:
            try:
                import os
                a = int.from_bytes(os.urandom(16), 'little')
            except Exception:
                import time
                a = int(time.time() * 1e9)
        elif isinstance(a, (str, bytes, bytearray)):
            data = a.encode() if isinstance(a, str) else bytes(a)
            h = 0xcbf29ce484222325        # FNV-1a, deterministic across runs
            for byte in data:
                h = ((h ^ byte) * 0x100000001b3) & _MASK
            a = h
        elif isinstance(a, float):
            a = hash(a)
        elif not isinstance(a, int):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        a = abs(a)
        x = 0
        while True:               # fold every 64-bit chunk of a big seed in
            x ^= a & _MASK
            a >>= 64
            if not a:
                break
            x, _ = _splitmix64(x)
        state = []
        for i in range(4):
            x, z = _splitmix64(x)
            state.append(z)
        self._s = state
        self.gauss_next = None

    def getstate(self):
        return (tuple(self._s), self.gauss_next)

    def setstate(self, state):
        s, self.gauss_next = state
        self._s = list(s)

    def _next64(self):
        s = self._s
        s0, s1, s2, s3 = s[0], s[1], s[2], s[3]
        r = (s1 * 5) & _MASK
        r = (((r << 7) | (r >> 57)) & _MASK) * 9 & _MASK
        t = (s1 << 17) & _MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 45) | (s3 >> 19)) & _MASK
        s[0], s[1], s[2], s[3] = s0, s1, s2, s3
        return r

    def random(self):
        """A float in [0.0, 1.0) with 53 random bits."""
        return (self._next64() >> 11) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        result = 0
        shift = 0
        while k >= 64:
            result |= self._next64() << shift
            shift += 64
            k -= 64
        if k:
            result |= (self._next64() >> (64 - k)) << shift
        return result

    def _randbelow(self, n):
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        istart = start.__index__() if not isinstance(start, int) else start
        if stop is None:
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = stop.__index__() if not isinstance(stop, int) else stop
        width = istop - istart
        istep = step.__index__() if not isinstance(step, int) else step
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if isinstance(population, (set, frozenset)):
            raise TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        if counts is not None:
            expanded = []
            for item, c in zip(population, counts):
                expanded.extend([item] * c)
            population = expanded
        n = len(population)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        pool = list(population)
        result = []
        for i in range(k):
            j = self._randbelow(n - i)
            result.append(pool[j])
            pool[j] = pool[n - i - 1]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        n = len(population)
        if cum_weights is None:
            if weights is None:
                return [population[int(self.random() * n)] for i in range(k)]
            cum_weights = []
            total = 0
            for w in weights:
                total += w
                cum_weights.append(total)
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        result = []
        for i in range(k):
            x = self.random() * total
            lo, hi = 0, n - 1
            while lo < hi:
                mid = (lo + hi) // 2
                if x < cum_weights[mid]:
                    hi = mid
                else:
                    lo = mid + 1
            result.append(population[lo])
        return result

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _math.sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        return self.gauss(mu, sigma)

    def gauss(self, mu=0.0, sigma=1.0):
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = self.random() * 2.0 * _math.pi
            g2rad = _math.sqrt(-2.0 * _math.log(1.0 - self.random()))
            z = _math.cos(x2pi) * g2rad
            self.gauss_next = _math.sin(x2pi) * g2rad
        return mu + z * sigma

    def expovariate(self, lambd):
        return -_math.log(1.0 - self.random()) / lambd


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
gauss = _inst.gauss
expovariate = _inst.expovariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
