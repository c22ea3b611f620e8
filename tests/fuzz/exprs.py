#!/usr/bin/env python3
"""tests/fuzz/exprs.py — random expressions, gilt against python3.

Where tests/fuzz/fuzz.py asks "does gilt survive bad input?", this asks
"does gilt compute what python3 computes?". Each seed makes one program
of random expressions, each wrapped as `show(lambda: EXPR)`, which prints
the result's type name and repr, or the name of the exception raised:

  * numbers: ints small and huge, floats (inf, -0.0, 1e300, 1/3), random
    ints up to 200 bits and random finite doubles (any bit pattern), bools;
    + - * / // % ** << >> & | ^ and comparisons, nested; abs, int, round,
    divmod, pow;
  * text: str methods, indexing and slicing, f-strings with format specs
    and conversions, %-formatting;
  * builtins: format() and str.format specs, round with digits, divmod,
    hex / oct / bin, int.to_bytes / from_bytes, chr / ord, bytes and
    bytearray operators and methods, tuple comparison, min of mixed types;
  * mixed: slice assignment and deletion, sort with keys, %-format with a
    dict, str.format with indexing, int(s, 0), float of odd strings,
    chained comparisons, three-argument pow, sum with a start, zip / map /
    filter, dict views and dict union, set result types, membership;
  * containers: list slicing with steps, sorted with keys, insert / pop /
    remove / index, dict update / pop / items, set algebra and comparison,
    int(str, base), float(str), float repr, comprehensions.

The program runs under python3 and each gilt binary; every line of output
must be the same. Deterministic: a seed always makes the same program.
Exponents and shift counts are kept small, so nothing runs for long.
Things gilt leaves out on purpose (complex numbers, README.md) are not
generated.

Usage: tests/fuzz/exprs.py [--seeds N] [--first S] [--lines N]
                           [--print SEED] [--bin build/gilt ...]

Exits 1 when some program's output differs, printing the first
differing lines with their expressions; `--print SEED` writes one
program to stdout to reproduce it.
"""
import argparse
import os
import math
import random
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PRELUDE = """\
def show(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print('EXC', type(e).__name__)
"""
PRELUDE_LINES = PRELUDE.count("\n")

# Compound ones in parentheses: `10**20 ** 7` would be 10**(20**7).
INTS = ["0", "1", "-1", "2", "3", "-7", "10", "255", "256", "-256", "(2**31)", "(2**63)",
        "(-2**63)", "(2**64+1)", "(10**20)", "(-10**19)", "12345678901234567890", "7", "-3"]
FLOATS = ["0.0", "-0.0", "1.5", "-2.25", "1e300", "1e-300", "3.14159", "float('inf')",
          "-float('inf')", "2.5", "1/3", "0.1", "100.0"]
BINARY = ["+", "-", "*", "//", "%", "**", "<<", ">>", "&", "|", "^", "/",
          "<", "<=", "==", "!=", ">", ">="]
SMALL_RIGHT = ["0", "1", "2", "3", "7", "-1", "65"]   # for ** and <<
STRS = ["'abc'", "''", "'héllo'", "'a,b,,c'", "'  x y  '", "'Hello World'", "'12'", "'ß'",
        "('x'*3)", "'ǅungla'", "'a\\u2003b\\x85c'", "'İstanbul'", "'ﬁre'", "'١٢٣'", "'Ⅻ'",
        "'they\\'re o\\'neil'", "'\\t1\\n2\\r\\n'", "'Σίσυφος'", "'𝔘𝔫𝔦'"]
STR_METHODS = ['upper()', 'lower()', 'strip()', 'split(",")', 'split()', 'replace("b","XY")',
               'find("b")', 'startswith("a")', 'center(9, "*")', 'zfill(5)', 'title()',
               'swapcase()', 'count("a")', 'partition(",")', 'rsplit(",", 1)', 'isdigit()',
               'encode()', 'ljust(6,"-")', 'rjust(6)', 'expandtabs()', 'casefold()',
               'join(["1","2"])', 'index("a")', 'rfind("c")', 'splitlines()', 'lstrip("a")',
               'removeprefix("a")', 'isalpha()', 'isnumeric()', 'isdecimal()', 'isspace()',
               'isupper()', 'istitle()', 'isidentifier()', 'isprintable()', 'capitalize()',
               'encode("utf-16")', 'encode("latin-1")', 'rstrip()', 'split(maxsplit=1)',
               '__len__()', 'ljust(4, "é")']
SLICES = ["0", "-1", "1:", "::-1", "1:3", "::2", "5", "-10:2"]
FORMAT_SPECS = ["", ":>8", ":.3f", ":e", ":,", ":08.2f", ":x", ":b", "!r", ":^7", ":+d",
                ":.2%", ":g"]
PERCENT_SPECS = ["d", "s", "r", "5.2f", "x", "o", "e", "g", "-6d", "+d"]
LISTS = ["[]", "[3, 1, 2]", "[1, 1, 2, 3, 5, 8]", '["b", "a", "c"]', "[0.5, -1, 2]",
         "list(range(10))", "[[1, 2], [0], []]", "[True, 0, 1.0]", 'list("hello")']
DICTS = ["{}", '{"a": 1, "b": 2}', '{1: "x", 2: "y", 3: "z"}', 'dict(zip("abc", range(3)))',
         "{(1, 2): 3}"]
SETS = ["set()", "{1, 2, 3}", "{3, 4}", 'frozenset("abc")', 'set("hello")']
INDEXES = ["0", "1", "2", "-1", "3", "-3", "10", "100"]
NUMERIC_STRS = ['"abc"', '"hello world"', '"a-b-c"', '""', '"ABC def"', '"123"', '"0x1f"',
                '"  7 "', '"1e3"', '"-2.5"', '"inf"']
FORMAT_CALL_SPECS = ['""', '"<6"', '".2e"', '"+.1f"', '"08.3"', '"_"', '"#x"', '"n"', '"%"',
                     '"c"', '"=+9"', '"^"']
BYTES = ['b"abc"', 'b""', 'b"a,b,,c"', 'b"\\x00\\xff"', 'bytes(3)', 'bytearray(b"xy")']
BYTES_METHODS = ['split(b",")', 'upper()', 'hex()', 'decode()', 'find(b"b")', 'strip()',
                 'replace(b"a", b"Z")', 'count(b"a")', 'startswith(b"a")', 'join([b"1", b"2"])']
FLOAT_REPRS = ["1e16", "1e-5", "123456789.123", "0.1+0.2", "1/7", "2.0**60", "-0.0", "1e22",
               "1.5e-7", 'float("nan")']


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, options):
        return self.r.choice(options)

    def number(self, depth=0):
        roll = self.r.random()
        if depth < 2 and roll < 0.3:
            op = self.pick(BINARY)
            right = self.pick(SMALL_RIGHT) if op in ("**", "<<") else self.number(depth + 1)
            return "(%s %s %s)" % (self.number(depth + 1), op, right)
        if roll < 0.55:
            return self.pick(INTS)
        if roll < 0.6:
            return self.random_int()
        if roll < 0.75:
            return self.pick(FLOATS)
        if roll < 0.85:
            return self.random_float()
        return self.pick([
            "True", "False",
            "abs(%s)" % self.pick(INTS),
            "int(%s)" % self.pick(FLOATS[:3] + ["2.7", "-2.7", "1e10"]),
            "round(%s)" % self.pick(FLOATS),
            "round(%s, 2)" % self.pick(FLOATS),
            "divmod(%s, %s)[0]" % (self.pick(INTS), self.pick(INTS)),
            "pow(%s, %s)" % (self.pick(INTS[:10]), self.pick(["2", "3", "-1", "0"])),
        ])

    def random_int(self):
        """An int of 1 to 200 bits, either sign, written in decimal."""
        v = self.r.getrandbits(self.r.choice([3, 17, 40, 64, 65, 130, 200]))
        return "(-%d)" % v if self.r.random() < 0.3 else str(v)

    def random_float(self):
        """Any finite double, from random bits, as python3 writes it (its
        shortest repr): gilt must read it back and print it the same."""
        while True:
            x = struct.unpack("<d", self.r.getrandbits(64).to_bytes(8, "little"))[0]
            if math.isfinite(x):
                return "(%r)" % x

    def text(self):
        s = self.pick(STRS)
        roll = self.r.random()
        if roll < 0.5:
            return "%s.%s" % (s, self.pick(STR_METHODS))
        if roll < 0.7:
            return "%s[%s]" % (s, self.pick(SLICES))
        if roll < 0.85:
            return 'f"{%s%s}"' % (self.number(), self.pick(FORMAT_SPECS))
        return '"%%%s" %% (%s,)' % (self.pick(PERCENT_SPECS), self.number())

    def container(self):
        lst, other = self.pick(LISTS), self.pick(LISTS)
        i, j = self.pick(INDEXES), self.pick(INDEXES)
        d, s1, s2 = self.pick(DICTS), self.pick(SETS), self.pick(SETS)
        return self.pick([
            "%s[%s:%s:%s]" % (lst, i, j, self.pick(["1", "-1", "2", "-2", "None"])),
            "sorted(%s, reverse=%s)" % (lst, self.pick(["True", "False"])),
            "sorted(%s, key=%s)" % (lst, self.pick(["str", "abs", "len", "repr",
                                                     "lambda x: -x"])),
            "(lambda l: (l.insert(%s, 9), l)[1])(%s)" % (i, lst),
            "(lambda l: (l.pop(%s), l))(%s)" % (i, lst),
            "(lambda l: (l.remove(%s), l))(%s)" % (i, lst),
            "%s.index(%s)" % (lst, i),
            "%s * %s" % (lst, i),
            "%s + %s" % (lst, other),
            "%s < %s" % (lst, other),
            "max(%s%s)" % (lst, self.pick(["", ", default=0", ", key=str"])),
            "min(%s)" % lst,
            "sum(%s)" % lst,
            "list(reversed(%s))" % lst,
            "list(enumerate(%s, %s))" % (lst, i),
            "dict.fromkeys(%s)" % lst,
            "%s[%s]" % (d, self.pick(["1", '"a"', "(1, 2)", "2"])),
            "(lambda d: (d.update(%s), d)[1])(%s)" % (self.pick(DICTS), d),
            "sorted(%s.items(), key=repr)" % d,
            "%s.pop(%s%s)" % (d, self.pick(["1", '"a"', "5"]), self.pick(["", ", None"])),
            "sorted(%s %s %s, key=repr)" % (s1, self.pick(["|", "&", "-", "^"]), s2),
            "%s %s %s" % (s1, self.pick(["<", "<=", ">", ">=", "==", "!="]), s2),
            "int(%s%s)" % (self.pick(NUMERIC_STRS), self.pick(["", ", 16", ", 0", ", 8"])),
            "float(%s)" % self.pick(NUMERIC_STRS),
            "%s.split(%s)" % (self.pick(NUMERIC_STRS), self.pick(["", '"-"', "None, 1",
                                                                   '" "'])),
            "repr(%s)" % self.pick(FLOAT_REPRS),
            "tuple(%s) %s tuple(%s)" % (lst, self.pick(["<", "==", "+"]), other),
            "[x * 2 for x in %s if x]" % lst,
            "{k: v for k, v in zip(%s, %s)}" % (lst, other),
            "(any(%s), all(%s), len(%s), %s.count(%s))" % (lst, lst, lst, lst, i),
        ])

    def builtin(self):
        n, m = self.number(), self.number()
        b = self.pick(BYTES)
        return self.pick([
            "format(%s, %s)" % (n, self.pick(FORMAT_CALL_SPECS)),
            '"{:>{w}}|{!r:^9}".format(%s, %s, w=%s)' % (n, m, self.pick(["0", "3", "12"])),
            "str(%s)" % n,
            "round(%s, %s)" % (n, self.pick(["-2", "-1", "0", "1", "3"])),
            "divmod(%s, %s)" % (n, m),
            "hex(%s)" % n, "oct(%s)" % n, "bin(%s)" % n,
            "(%s).bit_length()" % self.pick(INTS),
            "(%s).to_bytes(%s, %s)" % (self.pick(INTS), self.pick(["1", "2", "9"]),
                                       self.pick(['"big"', '"little"'])),
            "int.from_bytes(%s, %s)" % (b, self.pick(['"big"', '"little"'])),
            "float(%s).is_integer()" % n,
            "chr(%s)" % self.pick(INTS[:10] + ["65", "0x10FFFF", "0x110000"]),
            "ord(%s)" % self.pick(STRS),
            "%s %s %s" % (b, self.pick(["+", "<", "==", "*"]),
                          self.pick(BYTES + ["2", "-1"])),
            "%s.%s" % (b, self.pick(BYTES_METHODS)),
            "%s[%s]" % (b, self.pick(SLICES)),
            "bytes(%s)" % self.pick(["[65, 66]", "3", '"ab", "utf-8"', "[256]", "-1"]),
            "(%s, %s) %s (%s,)" % (n, m, self.pick(["<", "==", "+", ">="]), n),
            "min(%s, %s)" % (self.pick(STRS + INTS), self.pick(STRS + INTS)),
            "(bool(%s), not %s)" % (n, self.pick(LISTS + STRS)),
            "%s if %s else %s" % (n, m, self.pick(STRS)),
            "[%s][%s:]" % (n, self.pick(INDEXES)),
        ])

    def mixed(self):
        lst, other = self.pick(LISTS), self.pick(LISTS)
        i, j, k = self.pick(INDEXES), self.pick(INDEXES), self.pick(["1", "2", "-1", "-2", "3"])
        d, d2 = self.pick(DICTS), self.pick(DICTS)
        s1, s2 = self.pick(SETS), self.pick(SETS)
        return self.pick([
            "(lambda l: (l.__setitem__(slice(%s, %s), %s), l)[1])(%s)" % (i, j, other, lst),
            "(lambda l: (l.__setitem__(slice(%s, %s, %s), %s), l)[1])(%s)" % (i, j, k, other, lst),
            "(lambda l: (l.__delitem__(slice(%s, %s, %s)), l)[1])(%s)" % (i, j, k, lst),
            "(lambda l: (l.sort(key=%s), l)[1])(%s)" % (self.pick(["str", "repr", "len", "bool"]),
                                                      lst),
            "(lambda l: (l.extend(%s), l.reverse(), l)[2])(%s)" % (other, lst),
            '"%%(a)s-%%(b)r" %% %s' % d,
            '"{0[0]}|{1!s:>4}".format(%s, %s)' % (lst, self.number()),
            "int(%s, 0)" % self.pick(['"0b101"', '"0o17"', '" 0x1F "', '"1_000"', '"010"', '"0"',
                                      '"-0x_1f"']),
            "float(%s)" % self.pick(['"1_000.5"', '" nan "', '"-inf"', '"1e-400"', '"0x1p3"',
                                     '"  .5"', '"5."', '"1e500"']),
            "%s < %s < %s" % (self.number(), self.number(), self.number()),
            "pow(%s, %s, %s)" % (self.pick(INTS[:10]), self.pick(["-1", "2", "0", "5"]),
                                 self.pick(["7", "1", "-5", "256", "0"])),
            "max(%s, %s, key=%s)" % (self.number(), self.number(), self.pick(["abs", "str",
                                                                              "float"])),
            "sum(%s, %s)" % (lst, self.pick(["0", "0.5", "[]", "10**20"])),
            "list(zip(%s, %s))" % (lst, other),
            "list(map(%s, %s))" % (self.pick(["str", "repr", "bool", "type"]), lst),
            "list(filter(None, %s))" % lst,
            "sorted(%s.keys() %s %s.keys(), key=repr)" % (d, self.pick(["&", "|", "-", "^"]), d2),
            "%s | %s" % (d, d2),
            "type(%s %s %s).__name__" % (s1, self.pick(["|", "&", "-", "^"]), s2),
            "list(%s.items())[::-1]" % d,
            "%s in %s" % (self.pick(INTS[:6] + STRS[:4]), self.pick(LISTS + SETS + DICTS)),
            "[%s, %s].index(%s)" % (self.number(), self.number(), self.number()),
            "hash(%s) == hash(%s)" % (self.number(), self.number()),
        ])

    def expression(self):
        roll = self.r.random()
        if roll < 0.3:
            return self.number()
        if roll < 0.48:
            return self.text()
        if roll < 0.68:
            return self.container()
        if roll < 0.85:
            return self.builtin()
        return self.mixed()


def program(seed, lines):
    g = Generator(seed)
    return PRELUDE + "".join("show(lambda: %s)\n" % g.expression() for _ in range(lines))


def last_line(text):
    return text.splitlines()[-1] if text else "no output"


def run(argv, path):
    try:
        out = subprocess.run(argv + [path], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    return out.stdout.splitlines(), out.stderr.strip()


def main():
    ap = argparse.ArgumentParser(description="random expressions, gilt against python3")
    ap.add_argument("--seeds", type=int, default=20, help="programs to run (default 20)")
    ap.add_argument("--first", type=int, default=1, help="first seed (default 1)")
    ap.add_argument("--lines", type=int, default=300, help="expressions per program")
    ap.add_argument("--print", type=int, metavar="SEED", help="print one program and exit")
    ap.add_argument("--bin", nargs="+", default=["build/gilt", "build/gilt-ft"])
    args = ap.parse_args()
    if args.print is not None:
        sys.stdout.write(program(args.print, args.lines))
        return 0

    binaries = [os.path.join(ROOT, b) for b in args.bin]
    failures = skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.first, args.first + args.seeds):
            source = program(seed, args.lines)
            path = os.path.join(tmp, "exprs_%d.py" % seed)
            with open(path, "w") as f:
                f.write(source)
            expected, err = run([sys.executable], path)
            if expected is None or len(expected) != args.lines:
                print("seed %d: python3 itself did not finish (%s); skipped"
                      % (seed, last_line(err)))
                skipped += 1
                continue
            exprs = source.splitlines()[PRELUDE_LINES:]
            for binary in binaries:
                got, err = run([binary], path)
                got = got or []
                if got == expected:
                    continue
                failures += 1
                n = next((k for k, (a, b) in enumerate(zip(expected, got)) if a != b),
                         min(len(expected), len(got)))
                print("seed %d, %s, line %d: %s" % (seed, os.path.relpath(binary, ROOT),
                                                    n + 1, exprs[n] if n < len(exprs) else "?"))
                print("  python3: %s" % (expected[n] if n < len(expected) else "(nothing)"))
                print("  gilt:    %s" % (got[n] if n < len(got)
                                         else "(nothing: %s)" % last_line(err)))
    total = (args.seeds - skipped) * len(binaries)
    print("exprs: %d of %d program runs agree with python3 (%d expressions each%s)"
          % (total - failures, total, args.lines,
             ", %d seeds skipped" % skipped if skipped else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
