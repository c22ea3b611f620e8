# Results too large for any machine (or for GMP, which would abort the whole
# process) raise MemoryError instead of crashing; sizes just below stay fine.
import sys

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", r.bit_length())
    except MemoryError:
        print(label, "MemoryError")
    except OverflowError as e:
        print(label, "OverflowError", e)

attempt("1 << 2**44", lambda: 1 << 2**44)
attempt("-5 << 2**45", lambda: -5 << 2**45)
attempt("big << 2**44", lambda: (3**100) << 2**44)
attempt("1 << 2**70", lambda: 1 << 2**70)
attempt("1 << 1000", lambda: 1 << 1000)
attempt("big >> 2**40", lambda: (3**100) >> 2**40)
attempt("3**1000", lambda: 3**1000)
attempt("(-7)**333", lambda: (-7)**333)
attempt("1 ** 2**80", lambda: 1 ** 2**80)
attempt("(-1) ** (2**80 + 1)", lambda: (-1) ** (2**80 + 1))

# CPython tries these for a long time before failing; gilt refuses at once.
if sys.implementation.name == "gilt":
    attempt("2 ** 2**40", lambda: 2 ** 2**40)
    attempt("10 ** 10**12", lambda: 10 ** 10**12)
    attempt("(2**64) ** 2**33", lambda: (2**64) ** 2**33)
else:
    print("2 ** 2**40 MemoryError")
    print("10 ** 10**12 MemoryError")
    print("(2**64) ** 2**33 MemoryError")
print("done")
