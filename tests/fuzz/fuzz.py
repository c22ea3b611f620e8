#!/usr/bin/env python3
"""tests/fuzz/fuzz.py — mutate the test programs and make sure gilt never dies.

Takes every program in tests/lang/ and tests/errors/, mutates it (truncate,
delete / duplicate / swap lines, flip bytes, insert NUL bytes, invalid UTF-8,
deep brackets, deep block nesting, splice in a line of another program) and
runs each mutant under each binary (default build/gilt and build/gilt-ft)
with a timeout. A mutant may fail in any ordinary way — SyntaxError,
NameError, exit status 1 — but must never

  * die by a signal (segfault, abort, ...): exit status < 0 or > 128, or
  * hang: run past the timeout, unless python3 hangs on it too (deleting
    `i += 1` from a loop makes a legitimate infinite loop).

A fixed set of extreme inputs (10,000 nested brackets, NUL bytes, invalid
UTF-8, a 10 MB line, runaway recursion through calls, dunder methods,
generators and class bodies, huge allocations, a million-deep nested list)
always runs first.

Deterministic: the same --seed and --count give the same mutants. Bounded:
--count mutants (default 150), --time-budget seconds (default 100) after
which no new run starts, so a run takes under two minutes.

Each failure is saved under build/fuzz/ (the mutant and how it died); the
script prints a summary and exits 1 when anything failed.

Usage: tests/fuzz/fuzz.py [--seed N] [--count N] [--timeout S]
                          [--jobs N] [--bin build/gilt ...]
"""
import argparse
import concurrent.futures as futures
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(ROOT, "build", "fuzz")

# Exit statuses that sanitizer builds use for a report (tests/memcheck/run.sh).
CHECKER_EXIT = 86

# Snippets spliced into programs: each can open a construct the parser has
# to recover from, or reach a rarely used path.
TOKENS = [
    b"(", b")", b"[", b"]", b"{", b"}", b":", b",", b"lambda", b"yield", b"await",
    b"async", b"def", b"class", b"return", b"global x", b"nonlocal x", b"del",
    b"*", b"**", b"=", b":=", b"->", b"@", b"if", b"else", b"not", b"is", b"in",
    b"'", b'"', b'"""', b"'''", b"f'{", b"}'", b"\\", b"#", b"\t", b"    ",
    b"0x", b"1e", b"1_", b"0b2", b"9" * 40, b"..." , b"None", b"__class__",
    b"raise", b"try:", b"except", b"finally:", b"with", b"as", b"for", b"while",
    b"break", b"continue", b"import", b"from", b"pass", b"assert", b";",
]
INVALID_UTF8 = [b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80",
                b"\xc0\xaf", b"\x80", b"\xf4\x90\x80\x80"]


def mutate(rng, src, other_lines):
    """One mutant of src (bytes) and a short description of what changed."""
    lines = src.split(b"\n")
    kind = rng.choice([
        "truncate", "delete_line", "duplicate_line", "swap_lines", "flip_bytes",
        "insert_nul", "insert_invalid_utf8", "deep_brackets", "deep_nesting",
        "insert_token", "splice_line", "delete_span", "indent_line",
    ])
    n = len(lines)
    if kind == "truncate":
        cut = rng.randrange(len(src) + 1)
        return src[:cut], f"truncate at byte {cut}"
    if kind == "delete_line" and n:
        i = rng.randrange(n)
        del lines[i]
        return b"\n".join(lines), f"delete line {i + 1}"
    if kind == "duplicate_line" and n:
        i = rng.randrange(n)
        lines.insert(i, lines[i])
        return b"\n".join(lines), f"duplicate line {i + 1}"
    if kind == "swap_lines" and n > 1:
        i, j = rng.randrange(n), rng.randrange(n)
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines), f"swap lines {i + 1} and {j + 1}"
    if kind == "flip_bytes" and src:
        data = bytearray(src)
        where = []
        for _ in range(rng.randint(1, 8)):
            p = rng.randrange(len(data))
            data[p] ^= 1 << rng.randrange(8)
            where.append(p)
        return bytes(data), f"flip bits at {where}"
    if kind == "insert_nul":
        p = rng.randrange(len(src) + 1)
        return src[:p] + b"\0" + src[p:], f"NUL at byte {p}"
    if kind == "insert_invalid_utf8":
        p = rng.randrange(len(src) + 1)
        bad = rng.choice(INVALID_UTF8)
        return src[:p] + bad + src[p:], f"invalid UTF-8 {bad!r} at byte {p}"
    if kind == "deep_brackets":
        p = rng.randrange(len(src) + 1)
        depth = rng.choice([100, 1000, 10000])
        opener = rng.choice([b"(", b"[", b"{", b"-", b"not ", b"lambda:", b"f("])
        closer = {b"(": b")", b"[": b"]", b"{": b"}", b"f(": b")"}.get(opener, b"")
        close = closer * (depth if rng.random() < 0.5 else rng.randrange(depth))
        return (src[:p] + opener * depth + b"1" + close + src[p:],
                f"{depth} x {opener!r} at byte {p}")
    if kind == "deep_nesting":
        i = rng.randrange(n + 1)
        depth = rng.choice([50, 100, 200, 1000])
        head = rng.choice([b"if 1:", b"while 0:", b"for _ in ():", b"try:", b"def f():",
                           b"class C:", b"with x:"])
        block = b"\n".join(b" " * k + head for k in range(depth)) + b"\n" + b" " * depth + b"pass"
        lines.insert(i, block)
        return b"\n".join(lines), f"{depth} nested {head!r} before line {i + 1}"
    if kind == "insert_token" and src:
        p = rng.randrange(len(src) + 1)
        tok = rng.choice(TOKENS)
        return src[:p] + tok + src[p:], f"insert {tok!r} at byte {p}"
    if kind == "splice_line" and other_lines:
        i = rng.randrange(n + 1)
        line = rng.choice(other_lines)
        lines.insert(i, line)
        return b"\n".join(lines), f"splice foreign line before line {i + 1}"
    if kind == "delete_span" and src:
        a = rng.randrange(len(src))
        b = min(len(src), a + rng.randint(1, 200))
        return src[:a] + src[b:], f"delete bytes {a}..{b}"
    if kind == "indent_line" and n:
        i = rng.randrange(n)
        lines[i] = rng.choice([b" ", b"\t", b"        "]) + lines[i]
        return b"\n".join(lines), f"indent line {i + 1}"
    return src[: len(src) // 2], "truncate at half"


def extreme_inputs():
    """Hand-made inputs from the robustness bar; (name, source bytes)."""
    rec = []
    rec.append(("parens_10000", b"(" * 10000))
    rec.append(("brackets_10000_closed", b"x = " + b"[" * 10000 + b"]" * 10000 + b"\n"))
    rec.append(("braces_10000", b"{" * 10000 + b"\n"))
    rec.append(("unary_100000", b"x = " + b"-" * 100000 + b"1\n"))
    rec.append(("nul_bytes", b"x = 1\n\0\0print(x)\n"))
    rec.append(("nul_in_string", b"print('a\0b')\n"))
    rec.append(("invalid_utf8", b"x = '\xff\xfe'\nprint(x)\n"))
    rec.append(("invalid_utf8_ident", b"\xc3 = 1\n"))
    rec.append(("surrogate_utf8", b"# \xed\xa0\x80\nprint(1)\n"))
    rec.append(("bom_only", b"\xef\xbb\xbf"))
    rec.append(("empty", b""))
    rec.append(("ten_mb_string", b"x = '" + b"a" * (10 << 20) + b"'\nprint(len(x))\n"))
    rec.append(("ten_mb_list", b"x = [" + b"1," * (5 << 20) + b"]\nprint(len(x))\n"))
    rec.append(("ten_mb_sum", b"x = " + b"1+" * (5 << 20) + b"1\nprint(x)\n"))
    rec.append(("deep_blocks", b"\n".join(b" " * k + b"if 1:" for k in range(1000))
                + b"\n" + b" " * 1000 + b"pass\n"))
    rec.append(("recursion_call", b"def f(): f()\nf()\n"))
    rec.append(("recursion_lambda", b"f = lambda: f()\nf()\n"))
    for dunder, trigger in [
        ("__repr__", "repr(A())"), ("__str__", "str(A())"),
        ("__eq__", "A() == A()"), ("__lt__", "A() < A()"),
        ("__hash__", "hash(A())"), ("__getattr__", "A().x"),
        ("__iter__", "iter(A())"), ("__len__", "len(A())"),
        ("__bool__", "bool(A())"), ("__index__", "[][A()]"),
        ("__call__", "A()()"), ("__getitem__", "A()[0]"),
        ("__format__", "format(A(), '')"), ("__contains__", "1 in A()"),
    ]:
        body = {
            "__repr__": "return repr(self)", "__str__": "return str(self)",
            "__eq__": "return self == o", "__lt__": "return self < o",
            "__hash__": "return hash(self)", "__getattr__": "return getattr(self, o)",
            "__iter__": "return iter(self)", "__len__": "return len(self)",
            "__bool__": "return bool(self)", "__index__": "return [][self]",
            "__call__": "return self()", "__getitem__": "return self[o]",
            "__format__": "return format(self, o)", "__contains__": "return o in self",
        }[dunder]
        args = "self" if dunder in ("__repr__", "__str__", "__hash__", "__iter__", "__len__",
                                    "__bool__", "__index__", "__call__") else "self, o"
        src = f"class A:\n    def {dunder}({args}): {body}\n{trigger}\n"
        rec.append(("recursion" + dunder, src.encode()))
    rec.append(("recursion_generator",
                b"def g():\n    yield from g()\nlist(g())\n"))
    rec.append(("recursion_generator_next",
                b"def g():\n    yield next(g())\nnext(g())\n"))
    rec.append(("recursion_class_body",
                b"def f():\n    class C:\n        f()\nf()\n"))
    rec.append(("recursion_comprehension", b"def f(): return [f() for _ in [1]]\nf()\n"))
    rec.append(("recursion_init", b"class A:\n    def __init__(self): A()\nA()\n"))
    rec.append(("recursion_property",
                b"class A:\n    @property\n    def p(self): return self.p\nA().p\n"))
    rec.append(("recursion_decorator_chain",
                b"def f(x):\n    return f(lambda: x)\nf(1)\n"))
    rec.append(("recursion_exception_handler",
                b"def f():\n    try:\n        f()\n    except RecursionError:\n        f()\nf()\n"))
    rec.append(("recursion_setrecursionlimit",
                b"import sys\nsys.setrecursionlimit(100000)\ndef f(n): return f(n+1)\nf(0)\n"))
    rec.append(("recursion_repr_nested_list",
                b"x = []\nfor i in range(100000): x = [x]\nprint(len(repr(x)))\n"))
    rec.append(("recursion_eq_nested_list",
                b"a = []\nb = []\nfor i in range(100000): a = [a]; b = [b]\nprint(a == b)\n"))
    rec.append(("recursion_hash_nested_tuple",
                b"a = ()\nfor i in range(100000): a = (a,)\nprint(hash(a) == hash(a))\n"))
    rec.append(("deep_list_freed",
                b"x = []\nfor i in range(1000000): x = [x]\ndel x\n"
                b"y = None\nfor i in range(1000000): y = (y,)\ndel y\n"
                b"d = {}\nfor i in range(1000000): d = {1: d}\ndel d\nprint('ok')\n"))
    rec.append(("deep_iterators_freed",
                b"it = iter([1])\nfor i in range(100000): it = map(abs, it)\nprint(list(it))\n"))
    for expr in ["'x'*2**62", "[0]*2**62", "bytearray(2**62)", "list(range(2**62))",
                 "b'x'*2**62", "(1,)*2**62", "'ab'.center(2**62)", "bytes(2**62)",
                 "'x'.zfill(2**62)", "'%*d' % (2**40, 1)", "2**(2**62)", "1 << 2**62",
                 "[0]*(2**63)", "'x'*-1", "range(2**62)[2**61]", "len(range(2**64))"]:
        rec.append(("alloc_" + expr, f"try:\n    {expr}\nexcept (MemoryError, OverflowError, ValueError) as e:\n    print(type(e).__name__)\n".encode()))
    return rec


def run(binary, path, timeout, cwd):
    """(returncode, 'timeout' or 'noexec', stderr tail) for one run."""
    for attempt in range(5):
        try:
            p = subprocess.run([binary, path], cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               timeout=timeout, start_new_session=True)
            return p.returncode, p.stderr[-2000:]
        except subprocess.TimeoutExpired as e:
            return "timeout", (e.stderr or b"")[-2000:]
        except OSError as e:
            # The binary is being relinked by a concurrent `make`: retry.
            err = str(e).encode()
            time.sleep(2)
    return "noexec", err


def python_hangs(path, timeout, cwd):
    try:
        subprocess.run([sys.executable, path], cwd=cwd, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=timeout, start_new_session=True)
        return False
    except subprocess.TimeoutExpired:
        return True


def verdict(rc, err, path, timeout, cwd):
    """None when this outcome is acceptable, else a description."""
    # An uncaught KeyboardInterrupt ends the process with SIGINT's status,
    # as in CPython: the program asked for it.
    if rc in (130, -2) and err.rstrip().endswith(b"KeyboardInterrupt"):
        return None
    if rc == "timeout":
        if python_hangs(path, timeout, cwd):
            return None
        return f"hang (> {timeout}s; python3 finishes)"
    if rc < 0:
        return f"killed by signal {-rc} ({signal.Signals(-rc).name})"
    if rc > 128:
        return f"exit status {rc} (signal {rc - 128}?)"
    if rc == CHECKER_EXIT:
        return f"exit status {rc} (sanitizer report)"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=150, help="mutants (each run on every binary)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per run")
    ap.add_argument("--time-budget", type=float, default=100.0,
                    help="no new run starts after this many seconds")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--bin", action="append", help="binary to test (repeatable)")
    ap.add_argument("--no-extremes", action="store_true", help="skip the fixed extreme inputs")
    args = ap.parse_args()

    bins = args.bin or [os.path.join(ROOT, "build", "gilt"), os.path.join(ROOT, "build", "gilt-ft")]
    bins = [os.path.abspath(b) for b in bins]
    for b in bins:
        if not os.access(b, os.X_OK):
            sys.exit(f"fuzz: {b} does not exist (run make)")

    seeds = []
    for d in ("tests/lang", "tests/errors"):
        full = os.path.join(ROOT, d)
        for name in sorted(os.listdir(full)):
            if name.endswith(".py"):
                with open(os.path.join(full, name), "rb") as f:
                    seeds.append((f"{d}/{name}", f.read()))
    all_lines = [line for _, src in seeds for line in src.split(b"\n") if line.strip()]

    rng = random.Random(args.seed)
    cases = [] if args.no_extremes else [(f"extreme:{n}", src) for n, src in extreme_inputs()]
    for k in range(args.count):
        name, src = seeds[rng.randrange(len(seeds))]
        mutant, how = src, []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            mutant, desc = mutate(rng, mutant, all_lines)
            how.append(desc)
        cases.append((f"mutant {k}: {name}: " + "; ".join(how), mutant))

    # Mutants run in a scratch directory: a mutated fileio test must not
    # write into the tree. Helper modules are copied so imports still work.
    work = tempfile.mkdtemp(prefix="gilt-fuzz-")
    mods = os.path.join(ROOT, "tests", "lang", "mods")
    if os.path.isdir(mods):
        shutil.copytree(mods, os.path.join(work, "tests", "lang", "mods"))
    paths = []
    for i, (_, src) in enumerate(cases):
        p = os.path.join(work, f"case{i:05d}.py")
        with open(p, "wb") as f:
            f.write(src)
        paths.append(p)

    start = time.monotonic()
    failures = []
    skipped = 0
    runs = 0

    def job(i, binary):
        if time.monotonic() - start > args.time_budget:
            return i, binary, "skipped", b""
        rc, err = run(binary, paths[i], args.timeout, work)
        return i, binary, rc, err

    with futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        todo = [pool.submit(job, i, b) for i in range(len(cases)) for b in bins]
        for fut in futures.as_completed(todo):
            i, binary, rc, err = fut.result()
            if rc == "skipped":
                skipped += 1
                continue
            if rc == "noexec":
                print(f"note: could not run {binary}: {err.decode()}")
                skipped += 1
                continue
            runs += 1
            why = verdict(rc, err, paths[i], args.timeout, work)
            if why:
                failures.append((i, binary, why, err))

    os.makedirs(OUT_DIR, exist_ok=True)
    failures.sort(key=lambda f: (f[0], f[1]))
    for n, (i, binary, why, err) in enumerate(failures):
        saved = os.path.join(OUT_DIR, f"fail{n:03d}.py")
        shutil.copyfile(paths[i], saved)
        with open(saved + ".txt", "w") as f:
            f.write(f"{cases[i][0]}\nbinary: {binary}\n{why}\n--- stderr tail:\n")
            f.write(err.decode("utf-8", "replace"))
        print(f"FAIL  {os.path.relpath(binary, ROOT)}  {cases[i][0][:150]}\n"
              f"      {why}; saved as {os.path.relpath(saved, ROOT)}")
        tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        for line in tail:
            print(f"      | {line[:200]}")
    shutil.rmtree(work, ignore_errors=True)

    elapsed = time.monotonic() - start
    print(f"fuzz: seed {args.seed}, {len(cases)} cases, {runs} runs on {len(bins)} binaries "
          f"in {elapsed:.0f}s, {skipped} skipped (time budget), {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
