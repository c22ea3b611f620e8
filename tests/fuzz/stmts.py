#!/usr/bin/env python3
"""tests/fuzz/stmts.py — random programs with statements, gilt against python3.

tests/fuzz/exprs.py checks what single expressions compute; this checks
what statements do. Each seed makes one program of random snippets, each
the body of its own function `t_N`, called through `run()` so that an
exception ends only that snippet: it prints `EXC <type name>`, then
`MSG <str(e)>` for exception types whose messages python3 fixes (KeyError,
IndexError, ZeroDivisionError, TypeError, ValueError, StopIteration,
NameError, UnboundLocalError, AttributeError, AssertionError,
RuntimeError and the programs' own My* classes), then `CTX <__context__
type> <__cause__ type> <__suppress_context__>` when it has a context or
cause; after each snippet `run()` also checks that sys.exc_info() is
empty again (`LEAK` otherwise). Snippet kinds (--list-kinds names the
templates):

  * control: random nested if/elif/else, for (over range, list, dict
    items, str, enumerate, zip, starred and nested targets) and while
    with break / continue / else, try/except/finally and with inside
    loops, chained and augmented assignment to locals, globals,
    attributes and subscripts, walrus, closures with nonlocal; the same
    as a generator body with yield / yield from, driven by next and send;
  * functions: random signatures (positional-only, defaults, *args,
    keyword-only, **kwargs) called with random arguments, * and **
    unpacking (and the TypeErrors that follow), methods, mutable
    defaults, recursion, closures and nonlocal, late binding, global,
    decorators stacked with and without arguments, lambdas;
  * classes: __init__/__repr__/__str__, class and instance attributes,
    comparisons, __hash__ and sorting, container and iterator protocols,
    __call__, context managers, arithmetic and reflected dunders with
    NotImplemented, random inheritance graphs with super() and their
    MROs, property/staticmethod/classmethod, descriptors,
    __init_subclass__, metaclasses, __getattr__/__setattr__, __del__
    timing, custom exceptions, class-body scoping;
  * generators: random next/send/throw/close sequences, yield from with
    return values, generator expressions, infinite generators,
    StopIteration and return, coroutines driven by send;
  * exceptions: random try/except/else/finally/with trees, plain or as
    generators driven by next/throw/close, optionally printing
    sys.exc_info() (re-raise, raise from, return/break/continue in
    finally), exc_info as handlers nest, the except-variable deletion,
    assert, hierarchy matching, builtin error messages and argument
    count errors, unpacking errors;
  * comprehensions and misc: nested comprehensions, scoping and walrus,
    evaluation order, unpacking, del, dict order, mutation during
    iteration, recursive reprs, string building and f-strings, sorting
    with keys, match (also class patterns), * and ** in calls.

Every program runs under python3 twice (with different hash seeds: a
snippet whose output changes is the generator's fault and is left out)
and under each gilt binary; the outputs are compared snippet by snippet
and each difference is put in one category: crash (killed by a signal),
hang, exit (no or truncated output), output, exception (an EXC line),
message (only MSG lines differ), context (only CTX lines differ). When
a binary crashes, hangs or stops early, every snippet is run on its own
to find the ones responsible. Deterministic: a seed always makes the
same program, and a snippet's text depends only on the seed and its
number, so --only / --without leave the remaining snippets unchanged.
Loops are bounded and recursion shallow, so a program runs in well
under a second. Not generated (README.md): complex numbers, random,
id(), default reprs with addresses, str set order, threads, asyncio;
the only module imported is sys.

Usage: tests/fuzz/stmts.py [--seeds N] [--first S] [--snippets N]
                           [--print SEED [--snippet N]] [--bin build/gilt ...]
                           [--no-messages] [--no-context] [-v]
                           [--without KIND ...] [--only KIND ...] [--list-kinds]

Exits 1 when some snippet's output differs, printing the snippet's name,
template and first differing line (-v: the snippet's source too);
`--print SEED` writes the program to stdout, `--print SEED --snippet N`
only snippet t_N with the prelude (pass the same --only / --without /
--no-messages / --no-context). `make fuzz` runs it --without k_del_exc:
that template checks when the locals of a function an exception left are
released, which gilt does earlier than CPython on purpose (README.md).
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

MSG_TYPES = ["KeyError", "IndexError", "ZeroDivisionError", "TypeError", "ValueError",
             "StopIteration", "NameError", "UnboundLocalError", "AttributeError",
             "AssertionError", "RuntimeError", "LookupError", "ArithmeticError", "Exception"]

PRELUDE = """\
import sys
MESSAGES = %(messages)r
CONTEXT = %(context)r
MSG_TYPES = %(msg_types)r
def report(e):
    n = type(e).__name__
    print('EXC', n)
    if MESSAGES and (n in MSG_TYPES or n.startswith('My')):
        print('MSG', str(e))
    if CONTEXT and (e.__context__ is not None or e.__cause__ is not None):
        print('CTX', type(e.__context__).__name__, type(e.__cause__).__name__,
              e.__suppress_context__)
def show(*xs):
    print(*[type(x).__name__ + ' ' + repr(x) for x in xs])
def attempt(f):
    try:
        show(f())
    except Exception as e:
        report(e)
def run(name, f):
    print('==', name)
    try:
        f()
    except Exception as e:
        report(e)
    if sys.exc_info()[0] is not None:
        print('LEAK sys.exc_info()', sys.exc_info()[0].__name__)
"""


def T(text, **subs):
    """Dedented template lines, `$name` replaced by str(subs[name])."""
    text = textwrap.dedent(text).strip("\n")
    for k in sorted(subs, key=len, reverse=True):
        text = text.replace("$" + k, str(subs[k]))
    return text.split("\n")


def indent(lines, n=1):
    return ["    " * n + l for l in lines]


INT_NAMES = ["a", "b", "c", "n", "m", "x", "y", "z", "total", "acc", "count", "v"]
LOOP_NAMES = ["i", "j", "k", "p", "q", "r", "w", "t"]
KEYS = ["'a'", "'b'", "'c'", "'d'", "'e'"]
EXC_RAISABLE = ["ValueError", "KeyError", "TypeError", "ZeroDivisionError", "IndexError",
                "RuntimeError", "MyError", "MySubError", "AttributeError"]
EXC_CATCH = ["ValueError", "KeyError", "LookupError", "ArithmeticError", "Exception",
             "(TypeError, ValueError)", "(KeyError, IndexError)", "MyError", "RuntimeError",
             "ZeroDivisionError", "(MySubError, ZeroDivisionError)", "BaseException"]
BUILTIN_ERRORS = [
    "[1, 2][5]", "(1,)[3]", "'ab'[9]", "[].pop()", "{}.popitem()", "{'a': 1}['b']",
    "{(1, 2): 0}[(2, 1)]", "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "1.5 // 0.0", "2.5 % 0",
    "divmod(1, 0)", "int('x1')", "int('12', 2)", "int('')", "int(' 4 2 ')", "[1, 2].index(5)",
    "'abc'.index('z')", "None + 1", "'a' + 1", "1 + 'a'", "[1] + (2,)", "len(5)", "(5)()",
    "None[0]", "iter(5)", "(1).foo", "undefined_name_zz", "hash([])", "{[]: 1}",
    "'%d' % 'x'", "next(iter([]))", "int(None)", "float('x')", "[1, 2].remove(3)",
    "'x' * 'y'", "sorted([1, 'a'])", "max([])", "min([], key=len)", "chr(-1)", "range(1.5)",
    "abs('x')", "-'x'", "~1.5", "dict([1])", "'abc'.foo", "getattr(1, 'x')",
    "[1, 2, 3][1.0]", "'abc'['x']", "{}['k']", "[].remove(0)", "(1, 2).index(3)",
    "'a' < 1", "[1] < (1,)", "None < None", "1 < 'x' < 2", "list(5)", "tuple(None)",
    "set([[1]])", "'a'.join([1, 2])", "'abc'.split('')", "str.upper(5)", "int.bad",
    "[].bad_method()", "object().x", "type('X', (), {})().y", "(lambda x: x)()",
    "(lambda: 0)(1)", "(lambda *, k: k)(1)", "pow(2, -1, 0)", "'{}'.format()",
    "'{0} {2}'.format(1, 2)", "'{x}'.format(y=1)", "'%s %s' % (1,)", "'%s' % (1, 2)",
    "bytes('x')", "b'a' + 'b'", "int('0x10', 10)", "float('1e')", "round('x')",
    "list(range(3))[3]", "[0] * 2 + None", "ord('ab')", "ord('')", "sum(['a', 'b'])",
    "sum([[1]], 0)", "'x'.count()", "[3, 1].sort(key=1)", "dict(a=1)['b']",
    "{'a': 1}.pop('z')", "set().pop()", "set().remove(3)", "frozenset([1]).add",
    "[1, 2][1:2:0]", "'abc'[::0]", "range(0)[0]", "(1 for x in ()).send(5)",
    "isinstance(1, 5)", "issubclass(1, int)", "super()", "int('99', 37)",
    "'abc'.center(5, 'xy')", "'x'.encode('nope')", "b'\\xff'.decode()",
    "list.append([], 1, 2)", "dict.fromkeys(5)", "enumerate(5)", "zip(5)",
    "reversed(5)", "sorted(5)", "[*5]", "{**[1]}", "print(sep=5)", "divmod('a', 1)",
    # wrong argument counts for builtins and methods
    "[].pop(1, 2)", "'x'.upper(1)", "'x'.split(1, 2, 3)", "(1).bit_length(2)", "set().add()",
    "'a'.join()", "getattr(1)", "[].extend()", "'x'.startswith()", "[].copy(1)",
    "'x'.encode(1, 2, 3)", "len()", "divmod(1)", "setattr(1, 2)", "hasattr(1)", "min()",
    "max(1)", "sum()", "sorted()", "range()", "range(1, 2, 3, 4)", "int(1, 2, 3)", "dict(1, 2)",
    "list(1, 2)", "iter()", "next()", "round()", "pow(1)", "chr()", "ord()", "{}.update(1, 2)",
    "isinstance()", "{}.get()", "[].insert(1)", "{}.pop()", "[].index()", "'x'.replace('a')",
    "abs(1, 2)", "repr()", "hash()", "callable()", "format()", "vars(1, 2)", "dir(1, 2)",
    "enumerate()", "zip(key=1)", "map(len)", "filter(None)", "any()", "all(1, 2)",
]


class Generator:
    def __init__(self, seed, templates):
        self.seed = seed
        self.templates = set(templates)
        self.uid = 0

    # ----- helpers -------------------------------------------------------
    def pick(self, options):
        return self.r.choice(options)

    def ri(self, a, b):
        return self.r.randint(a, b)

    def chance(self, p):
        return self.r.random() < p

    def fresh(self, base="v"):
        self.uid += 1
        return "%s%d" % (base, self.uid)

    def small_list(self, lo=0, hi=6, vlo=-3, vhi=12):
        return "[%s]" % ", ".join(str(self.ri(vlo, vhi)) for _ in range(self.ri(lo, hi)))

    def word(self):
        return repr(self.pick(["ab", "cab", "x", "", "hello", "a b", "zz", "b", "ba", "Q"]))

    # ----- control flow: a small random language over a few variables --
    def c_control(self, n):
        return self.control_body(n, False)

    def c_generator(self, n):
        """A control-flow body (as c_control) that also yields, driven by next/send."""
        pre, body = self.control_body(n, True)
        return pre, ["def gen():"] + indent(body) + T("""
            g = gen()
            out = []
            try:
                out.append(next(g))
                while len(out) < $limit:
                    out.append(g.send(len(out)) if len(out) % 2 else next(g))
            except StopIteration as e:
                print('return', e.value)
            print(out)
            $after
            """, limit=self.ri(5, 60), after=self.pick(["attempt(g.close)",
                                                         "attempt(lambda: list(g))",
                                                         "attempt(lambda: g.throw(KeyError))",
                                                         "del g"]))

    def control_body(self, n, gen):
        names = self.r.sample(INT_NAMES, 3)
        self.ctl = {"ints": list(names), "loops": [], "guard": 0, "funcs": [], "gen": gen,
                    "L": self.pick(["L", "lst", "items"]), "D": self.pick(["D", "d", "tab"]),
                    "S": self.pick(["s", "text"]), "cm": False}
        pre, body = [], []
        if self.chance(0.4):
            g = "G_%d" % n
            pre.append("%s = %d" % (g, self.ri(-5, 10)))
            body.append("global %s" % g)
            self.ctl["ints"].append(g)
        for nm in names:
            body.append("%s = %d" % (nm, self.ri(-5, 10)))
        body.append("%s = %s" % (self.ctl["L"], self.small_list(1, 5)))
        body.append("%s = {%s}" % (self.ctl["D"], ", ".join(
            "%s: %d" % (k, self.ri(0, 9)) for k in self.r.sample(KEYS, self.ri(0, 3)))))
        body.append("%s = %s" % (self.ctl["S"], self.word()))
        if self.chance(0.4):
            body += ["class NS:", "    pass", "o = NS()", "o.v = %d" % self.ri(0, 5)]
            self.ctl["ints"].append("o.v")
        if self.chance(0.35):
            f = self.pick(["h", "bump", "step"])
            target = self.pick(names)
            body += T("""
                def $f(p):
                    nonlocal $t
                    $t = $t + p
                    return $t % 7
                """, f=f, t=target)
            self.ctl["funcs"].append(f)
        if gen:
            body += T("""
                def sub(k):
                    got = 0
                    for i in range(k):
                        got = yield i * 10
                    return (got or 0) + k
                """)
        if self.chance(0.3):
            body += T("""
                class CM:
                    def __init__(self, tag):
                        self.tag = tag
                    def __enter__(self):
                        print('enter', self.tag)
                        return self.tag
                    def __exit__(self, *exc):
                        print('exit', self.tag, exc[0].__name__ if exc[0] else None)
                        return self.tag % 3 == 0
                """)
            self.ctl["cm"] = True
        if gen:
            body.append("yield 'start'")
        body += self.block(0, False, self.ri(4, 8))
        body.append("print(%s, %s, %s, %s)" % (", ".join(self.ctl["ints"]), self.ctl["L"],
                                                 self.ctl["D"], self.ctl["S"]))
        if gen:
            body.append("return %s" % self.iexpr())
        return pre, body

    def int_reads(self):
        return self.ctl["ints"] + [v for v, kind in self.ctl["loops"] if kind == "int"]

    def iexpr(self, d=0):
        c = self.ctl
        roll = self.r.random()
        if d >= 2 or roll < 0.35:
            return self.pick(self.int_reads())
        if roll < 0.5:
            return str(self.ri(-3, 12))
        if roll < 0.56:
            return self.pick(["len(%s)" % c["L"], "len(%s)" % c["S"],
                              "%s.get(%s, 0)" % (c["D"], self.pick(KEYS)),
                              "(%s[-1] if %s else 0)" % (c["L"], c["L"]),
                              "sum(%s)" % c["L"], "len(%s)" % c["D"]])
        if roll < 0.6 and c["funcs"]:
            return "%s(%s)" % (self.pick(c["funcs"]), self.iexpr(d + 1))
        if roll < 0.75:
            return "(%s %s %s)" % (self.iexpr(d + 1), self.pick(["+", "-", "+", "-", "&", "|",
                                                                  "^"]), self.iexpr(d + 1))
        if roll < 0.82:
            return "(%s * %d)" % (self.iexpr(d + 1), self.ri(-3, 3))
        if roll < 0.9:
            div = str(self.ri(1, 7)) if self.chance(0.85) else self.iexpr(d + 1)
            return "(%s %s %s)" % (self.iexpr(d + 1), self.pick(["//", "%"]), div)
        if roll < 0.95:
            return "%s(%s, %s)" % (self.pick(["min", "max"]), self.iexpr(d + 1),
                                   self.iexpr(d + 1))
        return "(%s if %s else %s)" % (self.iexpr(d + 1), self.cond(d + 1), self.iexpr(d + 1))

    def cond(self, d=0):
        c = self.ctl
        roll = self.r.random()
        if d < 2 and roll < 0.15:
            return "(%s %s %s)" % (self.cond(d + 1), self.pick(["and", "or"]), self.cond(d + 1))
        if d < 2 and roll < 0.2:
            return "not %s" % self.cond(d + 1)
        if roll < 0.55:
            return "%s %s %s" % (self.iexpr(d + 1), self.pick(["<", "<=", ">", ">=", "==", "!="]),
                                 self.iexpr(d + 1))
        if roll < 0.7:
            return "%s %% %d == %d" % (self.iexpr(d + 1), self.ri(2, 4), self.ri(0, 1))
        if roll < 0.75:
            return "%s < %s <= %s" % (self.iexpr(d + 1), self.iexpr(d + 1), self.iexpr(d + 1))
        return self.pick(["%s in %s" % (self.iexpr(d + 1), c["L"]),
                          "%s in %s" % (self.pick(KEYS), c["D"]),
                          "%s not in %s" % (self.pick(KEYS), c["D"]),
                          c["L"], c["S"], "%s.startswith('a')" % c["S"],
                          "len(%s) > %d" % (c["L"], self.ri(2, 6))])

    def int_target(self):
        return self.pick(self.ctl["ints"])

    def block(self, depth, in_loop, count=None):
        out = []
        for _ in range(count or self.ri(1, 3)):
            out += self.stmt(depth, in_loop)
        return out or ["pass"]

    def stmt(self, depth, in_loop):
        c = self.ctl
        L, D, S = c["L"], c["D"], c["S"]
        roll = self.r.random()
        compound = depth < 3
        if compound and roll < 0.12:
            out = ["if %s:" % self.cond()] + indent(self.block(depth + 1, in_loop))
            for _ in range(self.ri(0, 2)):
                out += ["elif %s:" % self.cond()] + indent(self.block(depth + 1, in_loop))
            if self.chance(0.5):
                out += ["else:"] + indent(self.block(depth + 1, in_loop))
            return out
        if compound and roll < 0.24:
            return self.for_stmt(depth)
        if compound and roll < 0.29:
            c["guard"] += 1
            g = "g%d" % c["guard"]
            out = ["%s = 0" % g, "while %s and %s < %d:" % (self.cond(), g, self.ri(1, 6)),
                   "    %s += 1" % g] + indent(self.block(depth + 1, True))
            if self.chance(0.3):
                out += ["else:"] + indent(self.block(depth + 1, in_loop))
            return out
        if compound and roll < 0.33:
            w = self.fresh("w")
            head = "if (%s := %s) %s %d:" % (w, self.iexpr(), self.pick(["<", ">", "!="]),
                                            self.ri(0, 6))
            c["loops"].append((w, "int"))
            out = [head] + indent(self.block(depth + 1, in_loop))
            c["loops"].pop()
            if self.chance(0.4):
                out += ["else:"] + indent(self.block(depth + 1, in_loop))
            return out
        if compound and roll < 0.37:
            exc = self.pick(["ZeroDivisionError", "KeyError", "IndexError", "LookupError",
                             "(KeyError, ZeroDivisionError)", "Exception"])
            out = ["try:"] + indent(self.block(depth + 1, in_loop) + self.risky())
            out += ["except %s as e:" % exc, "    print('caught', type(e).__name__, e)"]
            if self.chance(0.4):
                out += indent(self.block(depth + 1, in_loop))
            if self.chance(0.2):
                out += ["    print('info', sys.exc_info()[0])"]
            if self.chance(0.3):
                out += ["else:", "    print('no error')"]
            if self.chance(0.3):
                out += ["finally:"] + indent(self.block(depth + 1, in_loop))
            return out
        if compound and roll < 0.40:
            out = ["try:"] + indent(self.block(depth + 1, in_loop))
            fin = self.block(depth + 1, in_loop)
            if in_loop and self.chance(0.5):
                fin += ["if %s:" % self.cond(), "    %s" % self.pick(["break", "continue"])]
            return out + ["finally:"] + indent(fin)
        if compound and roll < 0.43 and c["cm"]:
            t = self.fresh("cm")
            head = "with CM(%s) as %s:" % (self.iexpr(), t)
            c["loops"].append((t, "int"))
            out = [head] + indent(
                self.block(depth + 1, in_loop) + self.risky())
            c["loops"].pop()
            return out
        if c["gen"] and roll < 0.5:
            return [self.pick([
                "yield %s" % self.iexpr(),
                "%s = (yield %s) or 0" % (self.int_target(), self.iexpr()),
                "%s = yield from sub(%d)" % (self.int_target(), self.ri(0, 3)),
                "yield %s, %s" % (self.iexpr(),
                                                                          self.iexpr()),
                "%s = (yield) or 0" % self.int_target(),
            ])]
        if roll < 0.51 and self.chance(0.15):
            return ["if %s:" % self.cond(), "    return%s" % (
                " " + self.iexpr() if c["gen"] else "")]
        if in_loop and roll < 0.55:
            return ["if %s:" % self.cond(), "    %s" % self.pick(["break", "continue"])]
        if roll < 0.62:
            op = self.pick(["+=", "-=", "+=", "|=", "^=", "&=", "//= %d" % self.ri(1, 5),
                            "%%= %d" % self.ri(2, 9), "*= %d" % self.ri(-2, 3), "<<= 1", ">>= 1"])
            if " " in op:
                return ["%s %s" % (self.int_target(), op)]
            return ["%s %s %s" % (self.int_target(), op, self.iexpr())]
        if roll < 0.70:
            return ["%s = %s" % (self.int_target(), self.iexpr())]
        if roll < 0.72:
            a, b = self.int_target(), self.int_target()
            if a == b:
                return ["%s = %s = %s" % (a, self.pick(self.ctl["ints"]), self.iexpr())]
            return ["%s, %s = %s, %s" % (a, b, b, self.iexpr())]
        if roll < 0.80:
            return [self.pick([
                "%s.append(%s)" % (L, self.iexpr()),
                "%s += [%s, %s]" % (L, self.iexpr(), self.iexpr()),
                "if %s: %s[%s %% len(%s)] = %s" % (L, L, self.iexpr(), L, self.iexpr()),
                "if %s: del %s[0]" % (L, L),
                "if %s: %s.pop()" % (L, L),
                "%s.insert(%d, %s)" % (L, self.ri(-2, 3), self.iexpr()),
                "%s.sort(%s)" % (L, self.pick(["", "reverse=True", "key=abs"])),
                "%s.reverse()" % L,
                "%s[1:3] = [%s]" % (L, self.iexpr()),
                "del %s[::%d]" % (L, self.ri(2, 4)),
                "%s = %s[-6:]" % (L, L),
                "%s = [%s for %s in %s if %s]" % (L, "e * 2", "e", L, "e % 3"),
                "if %s: %s[0] += %s" % (L, L, self.iexpr()),
            ])]
        if roll < 0.87:
            k = self.pick(KEYS)
            return [self.pick([
                "%s[%s] = %s" % (D, k, self.iexpr()),
                "%s[%s] = %s.get(%s, 0) + %s" % (D, k, D, k, self.iexpr()),
                "%s.setdefault(%s, %s)" % (D, k, self.iexpr()),
                "%s.pop(%s, None)" % (D, k),
                "if %s in %s: del %s[%s]" % (k, D, D, k),
                "if %s in %s: %s[%s] += %s" % (k, D, D, k, self.iexpr()),
                "%s.update({%s: %s})" % (D, k, self.iexpr()),
                "%s = {kk: vv for kk, vv in %s.items() if vv %% 2}" % (D, D),
            ])]
        if roll < 0.91:
            return [self.pick([
                "%s = (%s + str(%s))[-12:]" % (S, S, self.iexpr()),
                "%s = %s.replace('1', 'x')" % (S, S),
                "%s = '-'.join([%s, str(%s)])[:14]" % (S, S, self.iexpr()),
                "%s = f\"{%s}{%s:>3}\"[-10:]" % (S, S, self.iexpr()),
                "%s = %s[::-1]" % (S, S),
            ])]
        return [self.pick(["print(%s)" % ", ".join(self.r.sample(self.int_reads(), min(2, len(
            self.int_reads())))), "show(%s)" % self.iexpr(), "print(%s, %s)" % (L, D),
            "print(%s)" % S])]

    def risky(self):
        c = self.ctl
        return [self.pick([
            "%s = %s // %s" % (self.int_target(), self.iexpr(), self.pick(self.int_reads())),
            "%s = %s[%s]" % (self.int_target(), c["D"], self.pick(KEYS)),
            "%s = %s[%s]" % (self.int_target(), c["L"], self.iexpr()),
            "%s = %s %% %s" % (self.int_target(), self.iexpr(), self.pick(self.int_reads())),
        ])]

    def for_stmt(self, depth):
        c = self.ctl
        L, D, S = c["L"], c["D"], c["S"]
        used = {v for v, _ in c["loops"]}
        v = self.pick([n for n in LOOP_NAMES if n not in used] or ["ii%d" % depth])
        v2 = self.fresh("e")
        roll = self.r.random()
        if roll < 0.35:
            args = self.pick(["%d" % self.ri(0, 6), "%d, %d" % (self.ri(-2, 2), self.ri(0, 6)),
                              "%d, %d, %d" % (self.ri(5, 9), self.ri(-2, 2), self.ri(-3, -1)),
                              "min(%s, 5)" % self.iexpr()])
            head, bound = "for %s in range(%s):" % (v, args), [(v, "int")]
        elif roll < 0.5:
            head, bound = "for %s in %s[:4]:" % (v, L), [(v, "int")]
        elif roll < 0.6:
            head, bound = ("for %s, %s in enumerate(%s[:4], %d):" % (v, v2, L, self.ri(0, 2)),
                           [(v, "int"), (v2, "int")])
        elif roll < 0.7:
            head, bound = ("for %s, %s in list(%s.items()):" % (v2, v, D),
                           [(v, "int"), (v2, "str")])
        elif roll < 0.77:
            head, bound = "for %s in %s[:5]:" % (v2, S), [(v2, "str")]
        elif roll < 0.84:
            head, bound = ("for %s, %s in zip(%s[:4], %s):" % (v, v2, L, S),
                           [(v, "int"), (v2, "str")])
        elif roll < 0.92:
            rest = self.fresh("rest")
            rows = "[%s]" % ", ".join("(%s,)" % ", ".join(str(self.ri(0, 9)) for _ in range(
                self.ri(1, 4))) for _ in range(self.ri(1, 3)))
            head, bound = "for %s, *%s in %s:" % (v, rest, rows), [(v, "int")]
            head += "\n    print(%s)" % rest
        else:
            head, bound = ("for (%s, %s), %s in [((1, 2), 3), ((4, 5), 6)][:%d]:"
                           % (v, v2, self.fresh("f"), self.ri(0, 2)), [(v, "int"), (v2, "int")])
        c["loops"] += bound
        body = self.block(depth + 1, True)
        for _ in bound:
            c["loops"].pop()
        out = head.split("\n") + indent(body)
        if self.chance(0.3):
            out += ["else:"] + indent(self.block(depth + 1, False))
        return out

    # ----- functions -----------------------------------------------------
    def f_signature(self, n):
        pos = self.r.sample(["a", "b", "c"], self.ri(0, 3))
        pos.sort()
        ndef = self.ri(0, len(pos))
        params = []
        for i, p in enumerate(pos):
            params.append(p + ("=%d" % self.ri(0, 9) if i >= len(pos) - ndef else ""))
        if pos and self.chance(0.25):
            params.insert(self.ri(1, len(pos)), "/")
        star = self.pick(["", "*args", "*"])
        kwonly = self.r.sample(["k", "m"], self.ri(0, 2))
        if star == "*" and not kwonly:
            star = ""
        if kwonly and not star:
            star = "*"
        if star:
            params.append(star)
        for k in kwonly:
            params.append(k + ("=%d" % self.ri(0, 9) if self.chance(0.5) else ""))
        kw = self.chance(0.4)
        if kw:
            params.append("**kw")
        names = pos + (["args"] if star == "*args" else []) + kwonly
        ret = "(%s)" % ", ".join(names + (["list(kw.items())"] if kw else []) + [""]) if (
            names or kw) else "()"
        body = ["def f(%s):" % ", ".join(params), "    return %s" % ret]
        for _ in range(self.ri(3, 6)):
            args = [str(self.ri(0, 9)) for _ in range(self.ri(0, 4))]
            if self.chance(0.25):
                args.append("*%s" % self.small_list(0, 3, 0, 9))
            kws = self.r.sample(["a", "b", "c", "k", "m", "z"], self.ri(0, 3))
            args += ["%s=%d" % (k, self.ri(10, 19)) for k in kws]
            if self.chance(0.25):
                args.append("**{%s}" % ", ".join("%r: %d" % (k, self.ri(20, 29)) for k in
                                                 self.r.sample(["a", "b", "k", "m", "z"],
                                                               self.ri(0, 2))))
            body.append("attempt(lambda: f(%s))" % ", ".join(args))
        return [], body

    def f_mutable_default(self, n):
        kind = self.pick(["list", "dict", "set", "int"])
        dflt, stmt, ret = {"list": ("[]", "acc.append(x)", "acc"),
                           "dict": ("{}", "acc[x] = len(acc)", "acc"),
                           "set": ("set()", "acc.add(x % 3)", "sorted(acc)"),
                           "int": ("0", "acc += x", "acc")}[kind]
        body = ["def f(x, acc=%s):" % dflt, "    %s" % stmt, "    return %s" % ret]
        for _ in range(self.ri(3, 5)):
            if self.chance(0.25):
                body.append("print(f(%d, %s))" % (self.ri(0, 9), {"list": "[9]", "dict": "{9: 9}",
                                                                "set": "{7}", "int": "100"}[kind]))
            else:
                body.append("print(f(%d))" % self.ri(0, 9))
        body.append("print(f.__defaults__)")
        return [], body

    def f_recursion(self, n):
        which = self.ri(0, 6)
        if which == 0:
            return [], T("""
                def fib(k):
                    return k if k < 2 else fib(k - 1) + fib(k - 2)
                print([fib(k) for k in range($n)])
                """, n=self.ri(3, 14))
        if which == 1:
            return [], T("""
                def ack(m, n):
                    if m == 0:
                        return n + 1
                    if n == 0:
                        return ack(m - 1, 1)
                    return ack(m - 1, ack(m, n - 1))
                print(ack($m, $n))
                """, m=self.ri(0, 2), n=self.ri(0, 3))
        if which == 2:
            return [], T("""
                def is_even(k):
                    return True if k == 0 else is_odd(k - 1)
                def is_odd(k):
                    return False if k == 0 else is_even(k - 1)
                print(is_even($a), is_odd($b), is_even(-1 if $c else 0))
                """, a=self.ri(0, 60), b=self.ri(0, 60), c=self.ri(0, 1) * 0)
        if which == 3:
            def nested(d):
                if d > 2 or self.chance(0.4):
                    return str(self.ri(0, 9))
                return "[%s]" % ", ".join(nested(d + 1) for _ in range(self.ri(0, 3)))
            return [], T("""
                def flatten(x, depth=0):
                    if isinstance(x, list):
                        out = []
                        for y in x:
                            out += flatten(y, depth + 1)
                        return out
                    return [(x, depth)]
                print(flatten($v))
                """, v=nested(0))
        if which == 4:
            return [], T("""
                def perms(xs):
                    if len(xs) <= 1:
                        return [xs[:]]
                    out = []
                    for i in range(len(xs)):
                        for p in perms(xs[:i] + xs[i + 1:]):
                            out.append([xs[i]] + p)
                    return out
                ps = perms($l)
                print(len(ps), ps[:3], ps[-1:])
                """, l=self.small_list(0, 4))
        if which == 5:
            return [], T("""
                moves = []
                def hanoi(k, a='A', b='B', c='C'):
                    if k:
                        hanoi(k - 1, a, c, b)
                        moves.append(a + c)
                        hanoi(k - 1, b, a, c)
                hanoi($n)
                print(len(moves), ''.join(moves[:12]))
                """, n=self.ri(0, 5))
        return [], T("""
            def walk(d, path=()):
                if not isinstance(d, dict):
                    yield path, d
                    return
                for k in d:
                    yield from walk(d[k], path + (k,))
            print(list(walk({'a': {'b': 1, 'c': {'d': $x}}, 'e': $y})))
            """, x=self.ri(0, 9), y=self.pick(["2", "{}", "{'f': None}"]))

    def f_closure(self, n):
        s, k = self.ri(-5, 5), self.ri(1, 4)
        body = T("""
            def make(start):
                count = start
                def inc(step=1):
                    nonlocal count
                    count += step
                    return count
                def get():
                    return count
                return inc, get
            inc, get = make($s)
            inc2, get2 = make($t)
            """, s=s, t=self.ri(0, 9))
        for _ in range(self.ri(2, 6)):
            body.append(self.pick(["print(inc())", "print(inc(%d))" % k, "print(get(), get2())",
                                   "print(inc2(-1), get())", "inc(step=%d)" % k]))
        if self.chance(0.5):
            body += T("""
                def outer():
                    x = $v
                    def mid():
                        def inner():
                            nonlocal x
                            x = x * 2 + 1
                            return x
                        return inner(), x
                    print(mid(), x)
                    return x
                print(outer())
                """, v=self.ri(0, 9))
        if self.chance(0.4):
            body += T("""
                x = 'local'
                def reader():
                    return x
                x = 'rebound'
                print(reader())
                def unbound():
                    y = x
                    x = 1
                    return y
                attempt(unbound)
                def free():
                    return zz
                zz = 1
                print(free())
                del zz
                attempt(free)
                """)
        return [], body

    def f_late_binding(self, n):
        k, m = self.ri(1, 5), self.ri(1, 5)
        return [], T("""
            fs = []
            for i in range($m):
                fs.append(lambda: i * $k)
            print([f() for f in fs])
            gs = [lambda i=i: i * $k for i in range($m)]
            print([g() for g in gs])
            hs = [(lambda j: lambda: j + $k)(i) for i in range($m)]
            print([h() for h in hs])
            i = 100
            print([f() for f in fs][:1])
            adders = {}
            for name in 'ab':
                def add(x, name=name):
                    return name * x
                adders[name] = add
            print(adders['a']($k), adders['b'](2))
            """, k=k, m=m)

    def f_global(self, n):
        g = "G_%d" % n
        return ["%s = %d" % (g, self.ri(0, 9))], T("""
            def bump(k):
                global $g
                $g += k
                return $g
            print(bump($a), bump($b))
            def outer():
                $g = 'shadow'
                def inner():
                    global $g
                    return $g
                return inner(), $g
            print(outer())
            def bad():
                print($g)
                $g = 1
            attempt(bad)
            def nl():
                v = 1
                def f():
                    nonlocal v
                    v += 1
                    global $g
                    $g = v * 10
                f()
                return v
            print(nl(), $g)
            """, g=g, a=self.ri(-3, 3), b=self.ri(0, 5))

    def f_decorators(self, n):
        defs = T("""
            def trace(fn):
                def wrapper(*args, **kwargs):
                    print('call', fn.__name__, args, sorted(kwargs.items()))
                    r = fn(*args, **kwargs)
                    print('ret', r)
                    return r
                return wrapper
            def repeat(times):
                def deco(fn):
                    def w(*a, **k):
                        return [fn(*a, **k) for _ in range(times)]
                    w.__name__ = 'rep_' + fn.__name__
                    return w
                return deco
            def tag(label):
                def deco(fn):
                    fn.label = label
                    return fn
                return deco
            def counted(fn):
                def w(*a, **k):
                    w.calls += 1
                    return fn(*a, **k)
                w.calls = 0
                return w
            def memo(fn):
                cache = {}
                def w(x, y=2):
                    if (x, y) not in cache:
                        print('miss', x, y)
                        cache[x, y] = fn(x, y)
                    return cache[x, y]
                return w
            class Boxed:
                def __init__(self, fn):
                    self.fn = fn
                def __call__(self, *a, **k):
                    return ('boxed', self.fn(*a, **k))
            """)
        choices = ["@trace", "@repeat(%d)" % self.ri(0, 3), "@tag(%r)" % self.pick(["x", "y"]),
                   "@counted", "@memo", "@Boxed"]
        decos = [self.pick(choices) for _ in range(self.ri(1, 3))]
        body = defs + decos + T("""
            def f(x, y=2):
                return x * y + $k
            """, k=self.ri(0, 5))
        for _ in range(self.ri(2, 4)):
            body.append(self.pick(["attempt(lambda: f(%d))" % self.ri(0, 5),
                                   "attempt(lambda: f(%d, y=%d))" % (self.ri(0, 5), self.ri(0, 3)),
                                   "attempt(lambda: f(%d, %d))" % (self.ri(0, 5), self.ri(0, 3))]))
        body += ["attempt(lambda: getattr(f, '__name__', 'noname'))",
                 "attempt(lambda: f.label)", "attempt(lambda: f.calls)"]
        return [], body

    def f_lambda(self, n):
        return [], T("""
            ops = {'add': lambda x, y: x + y, 'sub': lambda x, y=$k: x - y,
                   'pow': lambda x, y=2: x ** y, 'cat': lambda *a: a}
            for name in ops:
                attempt(lambda: ops[name]($a, $b))
            print((lambda *a, **k: (a, sorted(k)))($a, 2, z=3))
            print(sorted($l, key=lambda v: ($key)))
            compose = lambda f, g: lambda x: f(g(x))
            print(compose(lambda x: x + 1, lambda x: x * $k)($a))
            print(list(map(lambda p: p[0] * p[1], zip($l, $l2))))
            print(list(filter(lambda v: v % $m, $l)))
            print((lambda x, *, k=$k: x - k)($b), (lambda x=[]: x)())
            """, k=self.ri(1, 5), a=self.ri(0, 6), b=self.ri(0, 5), m=self.ri(2, 4),
                     l=self.small_list(0, 6), l2=self.small_list(0, 6),
                     key=self.pick(["-v", "v % 3", "(v % 2, -v)", "abs(v - 4)", "str(v)"]))

    # ----- classes -------------------------------------------------------
    def k_basic(self, n):
        C = self.pick(["Point", "Item", "Node", "Rec"])
        has_str = self.chance(0.5)
        body = T("""
            class $C:
                kind = $kind
                count = 0
                def __init__(self, name, n=$d):
                    self.name = name
                    self.n = n
                    $C.count += 1
                def __repr__(self):
                    return '$C(%r, %r)' % (self.name, self.n)
            """, C=C, kind=self.word(), d=self.ri(0, 9))
        if has_str:
            body += indent(T("""
                def __str__(self):
                    return '<%s:%d>' % (self.name, self.n)
                """))
        body += T("""
            a = $C('x')
            b = $C('y', $v)
            print(a, b)
            print([a, b], (a,), {'k': b})
            print(f'{a!r} {b!s} {a}', str(a) + repr(b), '%s %r' % (a, b))
            print($C.count, a.kind, b.kind)
            a.kind = 'own'
            $C.kind = 'changed'
            print(a.kind, b.kind, $C.kind, sorted(vars(a)))
            del a.kind
            print(a.kind)
            attempt(lambda: a.missing)
            attempt(lambda: $C.missing)
            print(hasattr(a, 'name'), hasattr(a, 'zz'), getattr(a, 'zz', 'dflt'))
            setattr(b, 'extra', [1])
            b.extra.append(2)
            print(b.extra, type(a).__name__, type(a) is $C, $C.__name__)
            """, C=C, v=self.ri(-9, 9))
        return [], body

    def k_compare(self, n):
        has_hash = self.chance(0.7)
        by = self.pick(["(self.x, self.y)", "self.x", "(self.y, -self.x)"])
        body = T("""
            class P:
                def __init__(self, x, y):
                    self.x, self.y = x, y
                def __eq__(self, o):
                    if not isinstance(o, P):
                        return NotImplemented
                    return (self.x, self.y) == (o.x, o.y)
                def __lt__(self, o):
                    return $by < $oby
                def __repr__(self):
                    return 'P(%d, %d)' % (self.x, self.y)
            """, by=by, oby=by.replace("self", "o"))
        if has_hash:
            body += indent(["def __hash__(self):", "    return self.x * 10 + self.y"])
        pts = ["P(%d, %d)" % (self.ri(0, 3), self.ri(0, 3)) for _ in range(self.ri(3, 7))]
        body += T("""
            ps = [$pts]
            print(sorted(ps))
            print(sorted(ps, reverse=True))
            print(max(ps), min(ps))
            print(ps[0] == ps[1], ps[0] != ps[1], ps[0] == 3, 3 != ps[0], P(1, 2) in ps)
            print(ps[0] > ps[1], ps.count(ps[0]), ps.index(ps[-1]))
            attempt(lambda: ps[0] <= ps[1])
            attempt(lambda: ps[0] < 3)
            attempt(lambda: len(set(ps)))
            attempt(lambda: sorted(set(ps), key=repr))
            attempt(lambda: [hash(p) == p.x * 10 + p.y for p in ps[:2]])
            attempt(lambda: {p: i for i, p in enumerate(ps)}[P($x, $y)])
            ps.sort(key=lambda p: p.y)
            print(ps)
            """, pts=", ".join(pts), x=self.ri(0, 3), y=self.ri(0, 3))
        return [], body

    def k_container(self, n):
        opts = {m: self.chance(0.6) for m in ("iter", "contains", "len", "bool", "setitem")}
        body = ["class Bag:", "    def __init__(self, items):", "        self.items = list(items)",
                "    def __getitem__(self, i):", "        print('getitem', i)",
                "        return self.items[i]"]
        if opts["setitem"]:
            body += indent(T("""
                def __setitem__(self, i, v):
                    self.items[i] = v
                def __delitem__(self, i):
                    del self.items[i]
                """))
        if opts["iter"]:
            body += indent(["def __iter__(self):", "    print('iter')",
                            "    return iter(self.items)"])
        if opts["contains"]:
            body += indent(["def __contains__(self, v):", "    print('contains', v)",
                            "    return v in self.items"])
        if opts["len"]:
            body += indent(["def __len__(self):", "    return len(self.items)"])
        if opts["bool"]:
            body += indent(["def __bool__(self):", "    print('bool')",
                            "    return len(self.items) > 1"])
        body += T("""
            b = Bag($l)
            attempt(lambda: len(b))
            print(bool(b), not b, 'yes' if b else 'no')
            attempt(lambda: b[0])
            attempt(lambda: b[-1])
            attempt(lambda: b[1:3])
            def store():
                b[0] = 99
                del b[1]
            attempt(store)
            attempt(lambda: list(b))
            attempt(lambda: 3 in b)
            attempt(lambda: (99 in b, 1000 not in b))
            attempt(lambda: [x for x in b if x % 2])
            attempt(lambda: (sorted(b), sum(b), max(b)))
            attempt(lambda: b[100])
            empty = Bag([])
            print(bool(empty))
            attempt(lambda: list(enumerate(empty)))
            """, l=self.small_list(0, 5))
        return [], body

    def k_iterator(self, n):
        return [], T("""
            class Countdown:
                def __init__(self, n):
                    self.n = n
                def __iter__(self):
                    return self
                def __next__(self):
                    if self.n <= 0:
                        raise StopIteration
                    self.n -= 1
                    return self.n
            class Span:
                def __init__(self, lo, hi):
                    self.lo, self.hi = lo, hi
                def __iter__(self):
                    x = self.lo
                    while x < self.hi:
                        yield x
                        x += $step
            c = Countdown($n)
            print(list(c), list(c))
            print(list(zip(Countdown($m), 'abcd')))
            it = iter(Countdown(2))
            print(next(it), next(it), next(it, 'done'))
            attempt(lambda: next(it))
            s = Span($lo, $hi)
            print(list(s), list(s), sum(s), $lo + 1 in s, list(map(str, s)))
            print(sorted(Countdown($m), reverse=True), max(Span($lo, $hi + 1), default=None))
            a, *rest = Countdown($m + 1)
            print(a, rest)
            print(dict(zip(Span(0, 3), Countdown(5))))
            print([y for x in Countdown(3) for y in Span(0, x)])
            """, n=self.ri(0, 5), m=self.ri(0, 4), lo=self.ri(-2, 3), hi=self.ri(3, 8),
                     step=self.ri(1, 3))

    def k_call(self, n):
        return [], T("""
            class Acc:
                def __init__(self):
                    self.total = 0
                def __call__(self, x, *more, scale=1):
                    self.total += (x + sum(more)) * scale
                    return self.total
            a = Acc()
            print(a(1), a(2, 3), a($k, scale=$s))
            print(callable(a), callable(3), callable(Acc), callable(print))
            print(list(map(a, $l)))
            attempt(lambda: a())
            attempt(lambda: a(1, scale=2, other=3))
            class Adder:
                def __init__(self, k):
                    self.k = k
                def __call__(self, v):
                    return v + self.k
            print(sorted($l, key=Adder(-$k)), [Adder(i)(i) for i in range(3)])
            """, k=self.ri(0, 5), s=self.ri(-2, 3), l=self.small_list(0, 5))

    def k_context(self, n):
        s1, s2 = self.pick(["True", "False", "None", "1", "''"]), self.pick(["True", "False"])
        return [], T("""
            class CM:
                def __init__(self, name, suppress):
                    self.name, self.suppress = name, suppress
                def __enter__(self):
                    print('enter', self.name)
                    return self.name.upper()
                def __exit__(self, et, ev, tb):
                    print('exit', self.name, et.__name__ if et else None, str(ev) if ev else '')
                    return self.suppress
            def body(k):
                with CM('a', $s1) as x, CM('b', $s2) as y:
                    print('in', x, y)
                    if k == 1:
                        raise ValueError('v%d' % k)
                    if k == 2:
                        return 'ret'
                    if k == 3:
                        {}['missing']
                    if k == 4:
                        with CM('c', k) as z:
                            1 / 0
                        print('after c', z)
                return 'end'
            for k in range(5):
                attempt(lambda: body(k))
            class Bad:
                def __enter__(self):
                    raise RuntimeError('enter failed')
                def __exit__(self, *a):
                    print('never')
            def use_bad():
                with CM('outer', $s3):
                    with Bad():
                        print('not here')
                return 'done'
            attempt(use_bad)
            class Raising:
                def __enter__(self):
                    return self
                def __exit__(self, et, ev, tb):
                    raise KeyError('from exit')
            def use_raising(k):
                with Raising():
                    if k:
                        raise ValueError('inner')
            attempt(lambda: use_raising(0))
            attempt(lambda: use_raising(1))
            attempt(lambda: [x for x in range(3) if x].__enter__())
            """, s1=s1, s2=s2, s3=self.pick(["True", "False"]))

    def k_arith(self, n):
        iadd = self.chance(0.5)
        radd_ok = self.chance(0.6)
        body = T("""
            class V:
                def __init__(self, x):
                    self.x = x
                def __repr__(self):
                    return 'V(%r)' % (self.x,)
                def __add__(self, o):
                    print('add', self, o)
                    if isinstance(o, V):
                        return V(self.x + o.x)
                    if isinstance(o, int):
                        return V(self.x + o)
                    return NotImplemented
                def __radd__(self, o):
                    print('radd', self, o)
                    if $radd_ok and isinstance(o, int):
                        return V(o + self.x)
                    return NotImplemented
                def __sub__(self, o):
                    return V(self.x - (o.x if isinstance(o, V) else o))
                def __mul__(self, k):
                    if not isinstance(k, int):
                        return NotImplemented
                    return V(self.x * k)
                __rmul__ = __mul__
                def __neg__(self):
                    return V(-self.x)
                def __abs__(self):
                    return abs(self.x)
                def __eq__(self, o):
                    return isinstance(o, V) and self.x == o.x
                def __lt__(self, o):
                    return self.x < o.x
                def __bool__(self):
                    return self.x != 0
                def __index__(self):
                    return self.x
            """, radd_ok=radd_ok)
        if iadd:
            body += indent(T("""
                def __iadd__(self, o):
                    print('iadd', self, o)
                    self.x += o.x if isinstance(o, V) else o
                    return self
                """))
        body += T("""
            class W(V):
                def __radd__(self, o):
                    print('W.radd', self, o)
                    return W(100)
            a, b = V($a), V($b)
            for expr in [lambda: a + b, lambda: a + $k, lambda: $k + a, lambda: a + 'q',
                         lambda: 'q' + a, lambda: a - 1, lambda: a * 3, lambda: 3 * a,
                         lambda: a * 1.5, lambda: -a, lambda: abs(-a), lambda: a + W(1),
                         lambda: sum([a, b]), lambda: sum([a, b], V(0)), lambda: a == V($a),
                         lambda: a != b, lambda: sorted([b, a, V(0)]), lambda: max(a, b),
                         lambda: [10, 20, 30, 40][V(1)], lambda: list(range(V(3))),
                         lambda: bool(V(0)), lambda: a < 3, lambda: hex(V(255))]:
                attempt(expr)
            c = a
            c += $k
            print(c, a, c is a)
            c += b
            print(c, a, c is a)
            """, a=self.ri(-5, 5), b=self.ri(-5, 5), k=self.ri(0, 5))
        return [], body

    def k_inherit(self, n):
        names = ["A", "B", "C", "D", "E", "F"][:self.ri(3, 6)]
        body = []
        for i, nm in enumerate(names):
            bases = self.r.sample(names[:i], min(i, self.ri(1, 2))) if i else []
            body.append("class %s(%s):" % (nm, ", ".join(bases)))
            if self.chance(0.3):
                body.append("    tag = %r" % nm.lower())
            body += indent(T("""
                def __init__(self, **kw):
                    print('init $nm', sorted(kw))
                    self.$low = kw.pop('$low', $v)
                    super().__init__(**kw)
                """, nm=nm, low=nm.lower(), v=i))
            if self.chance(0.7):
                body += indent(["def chain(self):",
                                "    return ['%s'] + %s" % (nm, "super().chain()" if bases and
                                                            self.chance(0.8) else "[]")])
            if self.chance(0.3):
                body += indent(["@classmethod", "def who(cls):",
                                "    return '%s/' + cls.__name__" % nm])
        last = names[-1]
        body += T("""
            print([k.__name__ for k in $last.__mro__])
            o = $last(**{k: 10 + i for i, k in enumerate($kws)})
            print(sorted(vars(o).items()))
            attempt(lambda: o.chain())
            attempt(lambda: o.who())
            attempt(lambda: $last.who())
            attempt(lambda: o.tag)
            print(isinstance(o, A), isinstance(o, (int, $last)), issubclass($last, A))
            print([issubclass($last, k) for k in ($all,)], [k.__name__ for k in $last.__bases__])
            print(type(o).__name__, isinstance(A(), $last), issubclass(bool, int))
            attempt(lambda: $last(bad=1))
            """, last=last, kws=repr([x.lower() for x in self.r.sample(names, self.ri(0, 2))]),
                  all=", ".join(names))
        return [], body

    def k_props(self, n):
        return [], T("""
            class Temp:
                unit = 'C'
                def __init__(self, deg):
                    self._deg = deg
                @property
                def deg(self):
                    return self._deg
                @deg.setter
                def deg(self, v):
                    if v < -273:
                        raise ValueError('too cold: %r' % v)
                    self._deg = v
                @deg.deleter
                def deg(self):
                    print('deleting')
                    del self._deg
                @property
                def ro(self):
                    return self._deg * 2
                @staticmethod
                def convert(x):
                    return x * 9 // 5 + 32
                @classmethod
                def make(cls, v):
                    return cls(v)
                @classmethod
                def unitname(cls):
                    return cls.unit + cls.__name__
            class Sub(Temp):
                unit = 'F'
                @property
                def deg(self):
                    return 'sub' + str(self._deg)
            t = Temp.make($v)
            s = Sub.make($w)
            print(t.deg, s.deg, type(s).__name__, Sub.unitname(), t.unitname())
            print(Temp.convert(t.deg), s.convert(3), t.ro)
            def set_deg(obj, v):
                obj.deg = v
                return obj.deg
            attempt(lambda: set_deg(t, $v2))
            attempt(lambda: set_deg(t, -300))
            attempt(lambda: set_deg(s, 5))
            def set_ro():
                t.ro = 1
            attempt(set_ro)
            def del_deg():
                del t.deg
                return t.deg
            attempt(del_deg)
            print(type(Temp.__dict__['deg']).__name__, isinstance(Temp.__dict__['make'], classmethod))
            """, v=self.ri(-10, 40), w=self.ri(0, 9), v2=self.pick([-500, 0, 37]))

    def k_getattr(self, n):
        return [], T("""
            class Dyn:
                cls_attr = 'C'
                def __init__(self):
                    self.real = 1
                def __getattr__(self, name):
                    print('getattr', name)
                    if name.startswith('x'):
                        return name * 2
                    raise AttributeError('no ' + name)
            class Logged:
                def __setattr__(self, name, value):
                    print('set', name, value)
                    object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
                def __delattr__(self, name):
                    print('del', name)
                    object.__delattr__(self, name)
            class Plain:
                pass
            d = Dyn()
            print(d.real, d.cls_attr, d.xy, getattr(d, 'xz'), hasattr(d, 'q'), getattr(d, 'q', 0))
            attempt(lambda: d.q)
            lg = Logged()
            lg.a = $v
            lg.b = 'b'
            print(lg.a, lg.b)
            del lg.a
            attempt(lambda: lg.a)
            def del_missing():
                del lg.zz
            attempt(del_missing)
            p = Plain()
            attempt(lambda: p.nope)
            attempt(lambda: Plain.nope)
            attempt(lambda: (5).nope)
            attempt(lambda: 'x'.nope)
            attempt(lambda: None.nope)
            attempt(lambda: [].nope)
            def del_plain():
                del p.gone
            attempt(del_plain)
            p.__dict__['k'] = $v
            print(p.k, vars(p))
            """, v=self.ri(0, 9))

    def k_exceptions(self, n):
        has_str = self.chance(0.5)
        body = T("""
            class MyError(Exception):
                def __init__(self, code, msg='bad'):
                    super().__init__(code, msg)
                    self.code = code
            """)
        if has_str:
            body += indent(["def __str__(self):",
                            "    return 'E%d: %s' % (self.code, self.args[1])"])
        body += T("""
            class MySubError(MyError):
                pass
            class MyPlain(Exception):
                pass
            try:
                raise MySubError($c)
            except MyError as e:
                print(type(e).__name__, e.code, str(e), e.args, repr(e), isinstance(e, Exception))
            for exc in [MyPlain(), MyPlain('one'), MyPlain('two', 2), MyError($c, 'msg'),
                        ValueError(), KeyError('k'), KeyError('a', 'b'), StopIteration(7)]:
                print(type(exc).__name__, repr(str(exc)), exc.args, repr(exc))
            def raiser(k):
                if k == 0:
                    raise MyPlain('p%d' % k)
                if k == 1:
                    raise MySubError(k, 'sub')
                raise MyError(k)
            for k in range(3):
                attempt(lambda: raiser(k))
            raise $last
            """, c=self.ri(0, 99), last=self.pick(["MyError(5)", "MyPlain('end')",
                                                   "MySubError(1, 'x')",
                                                   "MyPlain", "MyPlain(1, 2)"]))
        return [], body

    def k_class_scope(self, n):
        return [], T("""
            x = 'func'
            class K:
                x = 'class'
                y = [x for _ in range(1)]
                z = x
                w = [i for i in range($v)]
                def m(self):
                    return x
                q = (lambda: x)()
            print(K.y, K.z, K.w, K().m(), K.q)
            class Counter:
                n = 0
                def inc(self):
                    self.n += 1
                    return self.n
            c1, c2 = Counter(), Counter()
            print(c1.inc(), c1.inc(), c2.inc(), Counter.n)
            class Shared:
                items = []
                def add(self, v):
                    self.items.append(v)
            s1, s2 = Shared(), Shared()
            s1.add(1)
            s2.add(2)
            print(Shared.items, s1.items is s2.items)
            def mk():
                class L:
                    val = $v
                    double = val * 2
                    vals = [val + k for k in range(2)] if False else None
                return L
            print(mk().double, mk().vals, mk() is mk())
            """, v=self.ri(0, 4))

    def k_dunder_misc(self, n):
        return [], T("""
            class Weird:
                def __init__(self, v):
                    self.v = v
                def __len__(self):
                    return self.v
                def __repr__(self):
                    return self.v if isinstance(self.v, str) else 'W'
                def __int__(self):
                    return 42
                def __float__(self):
                    return 1.5
                def __format__(self, spec):
                    return 'fmt[' + spec + ']'
            attempt(lambda: len(Weird($v)))
            attempt(lambda: len(Weird(-1)))
            attempt(lambda: len(Weird('x')))
            attempt(lambda: bool(Weird(0)))
            attempt(lambda: repr(Weird('ok')))
            attempt(lambda: repr(Weird(3)))
            attempt(lambda: (int(Weird(0)), float(Weird(0))))
            attempt(lambda: f'{Weird(1):>5}|{Weird(1)}')
            attempt(lambda: format(Weird(1), 'x'))
            class B2:
                def __bool__(self):
                    return $bval
            attempt(lambda: bool(B2()))
            attempt(lambda: not B2())
            class NoHash:
                __hash__ = None
            attempt(lambda: hash(NoHash()))
            attempt(lambda: {NoHash()})
            class Idx:
                def __index__(self):
                    return $i
            attempt(lambda: [0, 1, 2, 3, 4][Idx()])
            attempt(lambda: 'abcdef'[Idx():])
            attempt(lambda: bin(Idx()))
            attempt(lambda: range(10)[Idx()])
            """, v=self.ri(0, 5), bval=self.pick(["True", "0", "1", "None"]), i=self.ri(-3, 6))

    def k_hash(self, n):
        vals = self.r.sample(["0", "-1", "-2", "7", "2**61 - 1", "2**61", "2**62", "-2**62",
                              "2**63 - 1", "2**63", "-2**63", "2**64 + 5", "10**30",
                              "hash((1, 2))", "True", "1.5", "'s'", "None", "Small(3)"],
                             self.ri(3, 7))
        return [], T("""
            class H:
                def __init__(self, h):
                    self.h = h
                def __hash__(self):
                    return self.h
            class Small(int):
                pass
            for v in [$vals]:
                attempt(lambda: hash(H(v)))
            print(hash(Small(5)), hash(-1), hash(2**61 - 1), hash(2**61), hash(-2**63))
            """, vals=", ".join(vals))

    def k_descriptor(self, n):
        return [], T("""
            class Typed:
                def __set_name__(self, owner, name):
                    print('set_name', owner.__name__, name)
                    self.name = '_' + name
                def __get__(self, obj, objtype=None):
                    if obj is None:
                        return 'class access'
                    return getattr(obj, self.name, 'unset')
                def __set__(self, obj, value):
                    if not isinstance(value, int):
                        raise TypeError('%s must be int, not %s' % (self.name, type(value).__name__))
                    setattr(obj, self.name, value)
            class NonData:
                def __get__(self, obj, objtype=None):
                    return 'nondata'
            class Base:
                subclasses = []
                def __init_subclass__(cls, tag=None, **kw):
                    super().__init_subclass__(**kw)
                    Base.subclasses.append((cls.__name__, tag))
            class Rec(Base, tag=$tag):
                a = Typed()
                b = Typed()
                nd = NonData()
                def m(self):
                    return [lambda: __class__.__name__, lambda: super().__class__.__name__]
            class Rec2(Rec):
                pass
            r = Rec()
            print(Rec.a, r.a, r.nd)
            r.a = $v
            attempt(lambda: setattr(r, 'b', 'x'))
            r.nd = 'shadowed'
            print(r.a, r.b, r.nd, sorted(vars(r)), Base.subclasses)
            attempt(lambda: [f() for f in r.m()])
            def deco(cls):
                cls.added = 'yes'
                return cls
            @deco
            class D2:
                pass
            print(D2.added, type(D2).__name__, type(type(D2)).__name__)
            """, tag=self.pick(["None", "'t'", "1"]), v=self.ri(0, 9))

    def k_del(self, n):
        return [], T("""
            class Noisy:
                def __init__(self, name):
                    self.name = name
                def __del__(self):
                    print('del', self.name)
            a = Noisy('a')
            b = a
            del a
            print('after del a')
            del b
            print('after del b')
            c = Noisy('c')
            c = Noisy('c2')
            print('rebound')
            lst = [Noisy('l%d' % i) for i in range($n)]
            lst.pop(0) if lst else None
            print('popped')
            lst.clear()
            print('cleared')
            def scope():
                x = Noisy('local')
                print('in scope')
            scope()
            print('after scope')
            d = {'k': Noisy('dv')}
            d['k'] = 1
            print('replaced')
            """, n=self.ri(0, 3))

    def k_del_exc(self, n):
        """Objects referenced only by a frame that an exception unwinds live
        until the exception is dropped (its traceback holds the frame)."""
        return [], T("""
            class Noisy:
                def __init__(self, name):
                    self.name = name
                def __del__(self):
                    print('del', self.name)
            def fails(k):
                x = Noisy('x%d' % k)
                if k:
                    raise ValueError(k)
                return 'ok'
            for k in range($n):
                try:
                    print(fails(k))
                except ValueError as e:
                    print('handler', e)
                print('after', k)
            def gen():
                try:
                    yield 1
                finally:
                    print('gen finally')
            def use():
                g = gen()
                next(g)
                raise KeyError('u')
            attempt(use)
            print('end')
            """, n=self.ri(1, 3))

    def f_methods(self, n):
        return [], T("""
            class C:
                def m(self, x, y=$d):
                    return (x, y)
                @staticmethod
                def s(x):
                    return x
                @classmethod
                def c(cls, *a):
                    return cls.__name__, a
            o = C()
            for call in [lambda: o.m(1), lambda: o.m(), lambda: o.m(1, 2, 3), lambda: C.m(o, 5),
                         lambda: C.m(1), lambda: o.m(y=1), lambda: o.s(), lambda: C.s(1, 2),
                         lambda: o.c(1), lambda: C.c(), lambda: o.m(1, x=2),
                         lambda: o.m(1, z=3), lambda: C(1), lambda: o.m.__name__,
                         lambda: o.m.__self__ is o, lambda: C.m.__qualname__,
                         lambda: o.m.__func__ is C.m, lambda: getattr(o, 'm')($d)]:
                attempt(call)
            """, d=self.ri(0, 9))

    def k_metaclass(self, n):
        return [], T("""
            class Meta(type):
                registry = []
                def __new__(mcls, name, bases, ns, **kw):
                    print('Meta.__new__', name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kw)
                    cls = super().__new__(mcls, name, bases, ns)
                    Meta.registry.append(name)
                    return cls
                def __init__(cls, name, bases, ns, **kw):
                    super().__init__(name, bases, ns)
                def __call__(cls, *a, **k):
                    print('Meta.__call__', cls.__name__, a)
                    return super().__call__(*a, **k)
                def __len__(cls):
                    return len(cls.__name__)
                def __getitem__(cls, k):
                    return cls.__name__ + '[' + str(k) + ']'
            class A(metaclass=Meta):
                x = 1
                def __init__(self, v=$v):
                    self.v = v
                def m(self):
                    return self.v
            class B(A, flag=$flag):
                y = 2
            b = B($w)
            print(b.v, b.m(), len(A), B['k'], Meta.registry, type(B).__name__, isinstance(B, Meta))
            class Single:
                _inst = None
                def __new__(cls, *a):
                    if cls._inst is None:
                        print('creating')
                        cls._inst = super().__new__(cls)
                    return cls._inst
                def __init__(self, v):
                    print('init', v)
                    self.v = v
            s1, s2 = Single(1), Single(2)
            print(s1 is s2, s1.v)
            class G:
                def __class_getitem__(cls, item):
                    return 'G of ' + repr(item)
            print(G[int], G[1, 2])
            N = type('N', (A,), {'z': $w, 'm': lambda self: 'dyn'})
            print(N().m(), N.z, N.x, [k.__name__ for k in N.__mro__])
            """, v=self.ri(0, 9), w=self.ri(0, 9), flag=self.pick(["1", "'f'", "None"]))

    def g_coroutine(self, n):
        return [], T("""
            class Ready:
                def __init__(self, v):
                    self.v = v
                def __await__(self):
                    got = yield ('want', self.v)
                    return (got or 0) + self.v
            async def leaf(k):
                r = await Ready(k)
                if r > $lim:
                    raise ValueError('too big %d' % r)
                return r * 2
            async def mid(n):
                total = 0
                for i in range(n):
                    try:
                        total += await leaf(i)
                    except ValueError as e:
                        print('mid caught', e)
                        total -= 1
                return total
            def drive(coro):
                out = []
                try:
                    v = coro.send(None)
                    while True:
                        out.append(v)
                        v = coro.send(len(out))
                except StopIteration as e:
                    return out, e.value
            attempt(lambda: drive(mid($n)))
            attempt(lambda: drive(leaf($lim + 5)))
            c = mid(2)
            print(c.send(None))
            attempt(lambda: c.throw(KeyError('in')))
            attempt(lambda: c.send(None))
            c2 = leaf(1)
            c2.close()
            attempt(lambda: c2.send(None))
            async def agen_like():
                return [await Ready(i) for i in range($n)]
            attempt(lambda: drive(agen_like()))
            print(type(leaf(0)).__name__)
            """, lim=self.ri(0, 8), n=self.ri(0, 5))

    def m_star_calls(self, n):
        return [], T("""
            def f(*a, **k):
                return a, sorted(k.items())
            a, b = $l1, $l2
            d1, d2 = {'x': 1, 'y': 2}, {$key: 3}
            attempt(lambda: f(*a, *b))
            attempt(lambda: f(0, *a, 9, *b, z=0))
            attempt(lambda: f(**d1, **d2))
            attempt(lambda: f(*a, x=5, **d2))
            attempt(lambda: f(**d1, x=0))
            attempt(lambda: f(**{1: 2}))
            attempt(lambda: f(*5))
            attempt(lambda: f(**[1]))
            print(*a, sep='-', end='|\\n')
            print([*a, *b, *'xy'], (*a, 0), {*a, *b} == set(a + b), {**d1, **d2, 'w': 0})
            first, *_ = [*b, 'last'] or [0]
            print(first, *range(3), *{'k': 1})
            def g(p, /, q, *, r):
                return p, q, r
            for call in [lambda: g(1, 2, r=3), lambda: g(1, q=2, r=3), lambda: g(p=1, q=2, r=3),
                         lambda: g(1, 2, 3), lambda: g(*a[:2], r=0), lambda: g(1, **{'q': 2, 'r': 3})]:
                attempt(call)
            """, l1=self.small_list(0, 3), l2=self.small_list(0, 3),
                     key=self.pick(["'x'", "'z'", "'y'"]))

    # ----- generators ----------------------------------------------------
    def g_protocol(self, n):
        k, r, m = self.ri(2, 3), self.ri(0, 1), self.ri(1, 3)
        catch = self.chance(0.5)
        body = ["def gen(n):", "    print('start')", "    try:",
                "        for i in range(n):", "            if i %% %d == %d:" % (k, r),
                "                continue"]
        if catch:
            body += indent(T("""
                try:
                    got = yield i * $m
                except ValueError as e:
                    print('caught', e)
                    got = yield 'recovered'
                """, m=m), 3)
        else:
            body += indent(["got = yield i * %d" % m], 3)
        body += indent(["print('got', got)"], 3)
        body += indent(T("""
            finally:
                print('cleanup')
            print('end')
            return 'R'
            """))
        body += ["g = gen(%d)" % self.ri(0, 6)]
        for _ in range(self.ri(3, 7)):
            body.append(self.pick([
                "attempt(lambda: next(g))", "attempt(lambda: next(g))",
                "attempt(lambda: g.send(%r))" % self.pick(["s", None, 3]),
                "attempt(lambda: g.throw(ValueError('t')))",
                "attempt(lambda: g.throw(KeyError))",
                "attempt(lambda: g.close())",
                "attempt(lambda: list(g))",
                "attempt(lambda: next(g, 'exhausted'))",
            ]))
        body += ["attempt(lambda: list(g))"]
        return [], body

    def g_yield_from(self, n):
        return [], T("""
            def inner(n):
                for i in range(n):
                    x = yield i
                    if x is not None:
                        print('inner got', x)
                return n * 10
            def outer():
                r1 = yield from inner($a)
                print('r1', r1)
                r2 = yield from inner($b)
                yield r1 + r2
                r3 = yield from [7, 8][:$c]
                yield from 'ab'
                yield r3
                return 'done'
            print(list(outer()))
            g = outer()
            print(next(g), g.send('s'), next(g, None))
            def catcher():
                try:
                    yield 1
                    yield 2
                except KeyError as e:
                    print('sub caught', repr(e))
                    yield 'handled'
                return 'sub-ret'
            def deleg():
                r = yield from catcher()
                print('deleg r', r)
                yield 'after'
            d = deleg()
            print(next(d))
            attempt(lambda: d.throw(KeyError('z')))
            attempt(lambda: next(d))
            attempt(lambda: next(d))
            attempt(lambda: next(d))
            def chain(*its):
                for it in its:
                    yield from it
            print(list(chain(range($a), 'xy', (i * i for i in range($b)))))
            def fin():
                try:
                    yield from inner(5)
                finally:
                    print('fin closed')
            f = fin()
            print(next(f), next(f))
            f.close()
            attempt(lambda: next(f))
            """, a=self.ri(0, 3), b=self.ri(0, 3), c=self.ri(0, 2))

    def g_genexpr(self, n):
        return [], T("""
            print(sum(x * x for x in range($n) if x % $k))
            print(list(x + y for x in 'abc' for y in 'de' if x != 'b'))
            L = $l
            g = (x * 2 for x in L)
            L = [100]
            print(list(g), list(g))
            def p(x):
                print('p', x)
                return x > $t
            print(any(p(x) for x in $l), all(p(x) for x in $l))
            print(list(zip((i for i in range(5)), 'ab')))
            it = (i for i in range(5))
            print(list(zip(it, 'ab')), list(it))
            attempt(lambda: (x for x in 1 / 0))
            gg = (1 // x for x in [2, 1, 0, 3])
            attempt(lambda: list(gg))
            attempt(lambda: list(gg))
            print(max((len(w), w) for w in ['aa', 'b', 'ccc', 'dd']), sorted(x % 3 for x in $l))
            print(dict((i, i * i) for i in range($k)), tuple(c for c in 'hello' if c in 'lo'))
            """, n=self.ri(0, 9), k=self.ri(2, 4), l=self.small_list(0, 6), t=self.ri(0, 6))

    def g_infinite(self, n):
        return [], T("""
            def naturals(start=0):
                n = start
                while True:
                    yield n
                    n += 1
            out = []
            for n in naturals($s):
                if n % $k == 0:
                    continue
                out.append(n)
                if len(out) >= $m:
                    break
            else:
                print('never')
            print(out)
            def take(n, it):
                return [x for _, x in zip(range(n), it)]
            print(take($m, naturals()), take(3, map(lambda v: v * v, naturals(2))))
            print(next(x for x in naturals() if x * x > $v))
            def fib():
                a, b = 0, 1
                while True:
                    yield a
                    a, b = b, a + b
            for i, f in enumerate(fib()):
                if f > $v:
                    print(i, f)
                    break
            def cleanup():
                try:
                    for i in naturals():
                        yield i
                finally:
                    print('cleanup ran')
            for x in cleanup():
                if x == $k:
                    break
            print('after loop')
            """, s=self.ri(0, 5), k=self.ri(2, 4), m=self.ri(1, 6), v=self.ri(0, 60))

    def g_stopiteration(self, n):
        return [], T("""
            def g1():
                yield 1
                raise StopIteration('x')
            def g2():
                yield 1
                next(iter([]))
            def g3():
                yield 1
                return $v
            def g4():
                return
                yield
            attempt(lambda: list(g1()))
            attempt(lambda: list(g2()))
            attempt(lambda: list(g3()))
            attempt(lambda: list(g4()))
            gg = g3()
            next(gg)
            try:
                next(gg)
            except StopIteration as e:
                print('value', e.value, e.args)
            attempt(lambda: next(gg))
            def noisy():
                x = yield
                print('got', x)
            n = noisy()
            attempt(lambda: n.send(5))
            attempt(lambda: n.send(None))
            attempt(lambda: n.send(6))
            def stubborn():
                while True:
                    try:
                        yield 1
                    except GeneratorExit:
                        print('ignoring exit')
                        yield 2
            s = stubborn()
            next(s)
            attempt(lambda: s.close())
            def g5():
                yield 1
            g = g5()
            attempt(lambda: g.throw(ValueError('before start')))
            attempt(lambda: next(g))
            attempt(lambda: g.throw(TypeError))
            def g6():
                try:
                    yield 1
                except ValueError:
                    return 'ret from except'
            g = g6()
            next(g)
            attempt(lambda: g.throw(ValueError))
            """, v=self.pick(["5", "None", "'s'", "(1, 2)"]))

    # ----- exceptions ----------------------------------------------------
    def e_tree(self, n, gen=False, info=False):
        """f(k): a random try statement; k chooses which raise / return fires."""
        self.triggers = 0
        self.tree_gen, self.tree_info = gen, info
        body = T("""
            class MyError(Exception):
                pass
            class MySubError(MyError):
                pass
            def info():
                return type(sys.exc_info()[1]).__name__
            class CM:
                def __init__(self, k, mode):
                    self.k, self.mode = k, mode
                def __enter__(self):
                    return self.k * 10
                def __exit__(self, et, ev, tb):
                    print('exit', et.__name__ if et else None, ev)
                    if self.mode == 1:
                        return True
                    if self.mode == 2 and et is not None:
                        raise RuntimeError('exit raised')
            """)
        loop = self.chance(0.4)
        inner = self.try_stmt(0, loop)
        fn = ["def f(k):"]
        if loop:
            fn += ["    for i in range(%d):" % self.ri(1, 3), "        print('loop', i)"]
            fn += indent(inner, 2)
        else:
            fn += indent(inner)
        if info:
            fn += ["    print('after', info())"]
        fn += ["    return 'end'"]
        body += fn
        if not gen:
            body += ["for k in range(%d):" % (self.triggers + 2), "    attempt(lambda: f(k))"]
            return [], body
        body += T("""
            def drive(g, how):
                out = []
                try:
                    while len(out) < 20:
                        if how == 1 and len(out) == 1:
                            out.append(g.throw(KeyError('thrown')))
                        elif how == 2 and len(out) == 1:
                            g.close()
                            out.append('closed')
                        else:
                            out.append(next(g))
                except StopIteration as e:
                    out.append(('ret', e.value))
                finally:
                    for _ in range(5):
                        try:
                            g.close()
                            break
                        except RuntimeError as e:
                            print('close', e)
                return out
            for k in range($n):
                for how in range(3):
                    attempt(lambda: drive(f(k), how))
            """, n=self.triggers + 2)
        return [], body

    def e_tree_gen(self, n):
        """e_tree as a generator: yields in try, except, else and finally,
        driven by next, throw and close."""
        return self.e_tree(n, gen=True, info=self.chance(0.3))

    def e_tree_info(self, n):
        """e_tree that prints sys.exc_info() in handlers, finally blocks and after."""
        return self.e_tree(n, info=True)

    def raise_stmt(self):
        self.triggers += 1
        k = self.triggers
        exc = self.pick(EXC_RAISABLE)
        what = self.pick(["raise %s(%r)" % (exc, "m%d" % k), "raise %s" % exc,
                          "{}['x%d']" % k, "1 // (k - k)", "[][k]", "int('z%d')" % k,
                          "raise MyError('%d') from None" % k, "None + k"])
        return ["if k == %d:" % k, "    " + what]

    def try_stmt(self, depth, in_loop):
        tag = self.fresh("")
        body = ["print('try%s')" % tag]
        for _ in range(self.ri(1, 2)):
            roll = self.r.random()
            if roll < 0.55:
                body += self.raise_stmt()
            elif roll < 0.7 and depth < 2:
                body += self.try_stmt(depth + 1, in_loop)
            elif roll < 0.8:
                body += ["if k == %d:" % self.ri(0, 4), "    return 'ret%s'" % tag]
            elif roll < 0.9 and in_loop:
                body += ["if k == %d:" % self.ri(0, 4), "    %s" % self.pick(["break", "continue"])]
            elif roll < 0.95:
                body += ["with CM(k, %d) as c%s:" % (self.ri(0, 2), tag),
                         "    print('with%s', c%s)" % (tag, tag)] + indent(self.raise_stmt())
                if self.tree_gen and self.chance(0.5):
                    body.append("    yield 'w%s'" % tag)
            else:
                body += ["print('body%s', k)" % tag]
            if self.tree_gen and self.chance(0.5):
                body.append("yield 'y%s'" % tag)
        out = ["try:"] + indent(body)
        nh = self.ri(0, 2)
        for h in range(nh):
            exc = self.pick(EXC_CATCH)
            hb = ["print('except%s.%d', type(e).__name__, e)" % (tag, h)]
            if self.tree_gen and self.chance(0.4):
                hb.append("yield 'h%s'" % tag)
            if self.tree_info:
                hb.append("print('info', info())")
            roll = self.r.random()
            if roll < 0.15:
                hb.append("raise")
            elif roll < 0.25:
                hb.append("raise RuntimeError('in handler %s')" % tag)
            elif roll < 0.33:
                hb.append("raise ValueError('conv') from e")
            elif roll < 0.4:
                hb.append("raise KeyError('none') from None")
            elif roll < 0.5:
                hb.append("return 'handled%s'" % tag)
            elif roll < 0.6 and in_loop:
                hb.append(self.pick(["break", "continue"]))
            elif roll < 0.7 and depth < 2:
                hb += self.try_stmt(depth + 1, in_loop)
                if self.tree_info:
                    hb.append("print('info', info())")
            out += ["except %s as e:" % exc] + indent(hb)
        if nh and self.chance(0.3):
            eb = ["print('else%s')" % tag]
            if self.tree_gen and self.chance(0.4):
                eb.append("yield 'e%s'" % tag)
            if self.chance(0.3):
                eb += self.raise_stmt()
            out += ["else:"] + indent(eb)
        if not nh or self.chance(0.5):
            fb = ["print('finally%s')" % tag]
            if self.tree_info:
                fb.append("print('info', info())")
            if self.tree_gen and self.chance(0.3):
                fb.append("yield 'f%s'" % tag)
            roll = self.r.random()
            if roll < 0.15:
                fb.append("return 'fin%s'" % tag)
            elif roll < 0.3 and in_loop:
                fb.append(self.pick(["break", "continue"]))
            elif roll < 0.4:
                fb += self.raise_stmt()
            out += ["finally:"] + indent(fb)
        return out

    def e_finally(self, n):
        return [], T("""
            def f1():
                try:
                    return 'try'
                finally:
                    return 'finally'
            def f2():
                for i in range($n):
                    try:
                        raise ValueError(i)
                    finally:
                        if i < $k:
                            continue
                        break
                return i
            def f3():
                try:
                    1 / 0
                finally:
                    return 'swallowed'
            def f4():
                x = []
                try:
                    x.append(1)
                    return x
                finally:
                    x.append(2)
            def f5():
                try:
                    try:
                        raise KeyError('inner')
                    finally:
                        print('inner finally')
                except LookupError as e:
                    return 'outer caught ' + repr(e)
            def f6():
                out = []
                for i in range(4):
                    try:
                        if i == $k:
                            break
                        out.append(i)
                        continue
                    finally:
                        out.append(-i)
                return out
            def f7():
                try:
                    raise ValueError('a')
                except ValueError:
                    try:
                        raise KeyError('b')
                    finally:
                        print('f7 finally')
            def f8(x):
                try:
                    r = 10 // x
                except ZeroDivisionError:
                    return 'zero'
                else:
                    return 'ok %d' % r
                finally:
                    print('f8 done', x)
            for f in [f1, f2, f3, f4, f5, f6, f7, lambda: f8(0), lambda: f8($k)]:
                attempt(f)
            """, n=self.ri(1, 5), k=self.ri(0, 3))

    def e_except_var(self, n):
        return [], T("""
            e = 'before'
            try:
                raise KeyError('k')
            except KeyError as e:
                print(repr(e), e.args)
            attempt(lambda: e)
            def g():
                try:
                    1 / 0
                except ZeroDivisionError as err:
                    pass
                return err
            attempt(g)
            def h():
                err = None
                try:
                    pass
                except Exception as err:
                    pass
                return err
            attempt(h)
            def nested():
                try:
                    raise ValueError('outer')
                except ValueError as ex:
                    try:
                        raise TypeError('inner')
                    except TypeError as ex2:
                        return (repr(ex), repr(ex2), repr(ex2.__context__), sys.exc_info()[0].__name__)
            attempt(nested)
            print(sys.exc_info())
            """)

    def e_raise_from(self, n):
        return [], T("""
            def conv(k):
                try:
                    {}[k]
                except KeyError as e:
                    if k == 'a':
                        raise ValueError('conv') from e
                    if k == 'b':
                        raise ValueError('ctx')
                    if k == 'c':
                        raise ValueError('none') from None
                    if k == 'd':
                        raise
                    if k == 'e':
                        raise e
                    if k == 'f':
                        raise TypeError('x') from TypeError('y')
                    return 'swallowed'
            for k in 'abcdefg':
                try:
                    print(conv(k))
                except Exception as v:
                    print(k, type(v).__name__, v, type(v.__cause__).__name__, type(v.__context__).__name__, v.__suppress_context__)
            attempt(lambda: conv('$k'))
            def reraise():
                raise
            attempt(reraise)
            def rfrom():
                raise ValueError from 5
            attempt(rfrom)
            def not_exc():
                raise 5
            attempt(not_exc)
            def cls_raise():
                raise KeyError
            attempt(cls_raise)
            e = ValueError('reused')
            for i in range(2):
                try:
                    raise e
                except ValueError as x:
                    print(i, x is e, x.__context__)
            """, k=self.pick("abcdefg"))

    def e_excinfo(self, n):
        """sys.exc_info() and bare raise as handlers nest, return, break and
        call functions and generators."""
        lines = T("""
            def info():
                return type(sys.exc_info()[1]).__name__
            def ret_in_handler():
                try:
                    raise KeyError('r')
                except KeyError:
                    return info()
            def reraiser():
                raise
            def gen():
                yield info()
                try:
                    raise IndexError
                except IndexError:
                    yield info()
                yield info()
            class CM:
                def __enter__(self):
                    return self
                def __exit__(self, *a):
                    print('exit sees', info(), a[0].__name__ if a[0] else None)
                    return $suppress
            """, suppress=self.pick(["True", "False"]))
        steps = [T(st) for st in [
            """
            print('ret', ret_in_handler(), info())
            """, """
            for i in range(2):
                try:
                    raise ValueError(i)
                except ValueError:
                    if i == 0:
                        continue
                    break
            print('after loop', info())
            """, """
            try:
                raise TypeError('t')
            except TypeError:
                print('outer', info())
                print('ret', ret_in_handler(), info())
                try:
                    raise KeyError
                except KeyError:
                    print('inner', info())
                print('restored', info())
            """, """
            try:
                raise TypeError('t')
            except TypeError:
                attempt(reraiser)
            """, """
            attempt(reraiser)
            """, """
            it = gen()
            try:
                raise ZeroDivisionError
            except ZeroDivisionError:
                print('gen', next(it), next(it))
            print('gen', next(it), info())
            """, """
            def wf():
                with CM():
                    raise ValueError('in with')
                return info()
            attempt(wf)
            """, """
            try:
                with CM():
                    print('body', info())
            finally:
                print('fin', info())
            """, """
            def fr():
                try:
                    raise KeyError('f')
                finally:
                    print('finally', info())
                    return 'swallow'
            print(fr(), info())
            """, """
            try:
                raise ValueError('a')
            except ValueError as e:
                try:
                    raise e
                except ValueError as e2:
                    print(e2 is e, info())
            print(info())
            """, """
            def deep(k):
                if k == 0:
                    return info()
                try:
                    raise KeyError(k)
                except KeyError:
                    return deep(k - 1)
            print(deep(3), info())
            """, """
            try:
                try:
                    raise KeyError('x')
                except KeyError:
                    raise
            except LookupError as e:
                print('reraised', repr(e), info())
            """, """
            g2 = (info() for _ in range(1))
            try:
                raise OSError
            except OSError:
                print(list(g2))
            """]]
        for st in self.r.sample(steps, self.ri(4, 9)):
            lines += st
        lines.append("print('end', info())")
        return [], lines

    def e_assert(self, n):
        return [], T("""
            def check(x):
                assert x > $k, 'x too small: %d' % x
                assert x != $j
                assert x, (x, 'tuple msg')
                return x
            for v in [$vals]:
                attempt(lambda: check(v))
            def bare():
                assert []
            attempt(bare)
            """, k=self.ri(-2, 3), j=self.ri(0, 6),
                     vals=", ".join(str(self.ri(-2, 7)) for _ in range(self.ri(2, 5))))

    def e_hierarchy(self, n):
        excs = self.r.sample(["KeyError('k')", "IndexError(3)", "ZeroDivisionError()",
                              "ValueError('v')", "TypeError('t')", "RuntimeError('r')",
                              "OverflowError('o')", "UnboundLocalError('u')", "NameError('n')",
                              "RecursionError('rr')", "NotImplementedError('ni')",
                              "FileNotFoundError(2, 'missing')", "StopIteration(1)",
                              "AttributeError('a')", "ArithmeticError('ar')",
                              "LookupError('l')", "UnicodeDecodeError('utf-8', b'x', 0, 1, 'bad')",
                              "AssertionError()", "Exception('plain')", "KeyboardInterrupt()"],
                             self.ri(3, 7))
        order = self.r.sample(["LookupError", "ArithmeticError", "(TypeError, ValueError)",
                               "NameError", "RuntimeError", "OSError", "Exception"], self.ri(2, 5))
        body = ["for exc in [%s]:" % ", ".join(excs), "    try:", "        raise exc"]
        for o in order:
            body += ["    except %s as e:" % o,
                     "        print(%r, type(e).__name__, str(e))" % o]
        body += ["    except BaseException as e:", "        print('base', type(e).__name__)"]
        body += T("""
            for c in [KeyError, ZeroDivisionError, UnboundLocalError, RecursionError, FileNotFoundError, StopIteration, KeyboardInterrupt, $cls]:
                print(c.__name__, [k.__name__ for k in c.__mro__])
            print(issubclass(KeyError, LookupError), issubclass(LookupError, KeyError), issubclass(bool, Exception))
            print(isinstance(KeyError(), (ValueError, LookupError)))
            """, cls=self.pick(["ModuleNotFoundError", "IsADirectoryError", "TimeoutError",
                                 "UnicodeEncodeError", "IndentationError", "ConnectionResetError",
                                 "FloatingPointError", "BrokenPipeError"]))
        return [], body

    def e_builtin_errors(self, n):
        return [], ["attempt(lambda: %s)" % e for e in self.r.sample(BUILTIN_ERRORS,
                                                                      self.ri(4, 9))]

    def e_unpack(self, n):
        body = []
        for _ in range(self.ri(3, 6)):
            src = self.pick([self.small_list(0, 5), "range(%d)" % self.ri(0, 5), self.word(),
                             "(i for i in range(%d))" % self.ri(0, 5), "{1: 2, 3: 4}", "5",
                             "[(1, 2), (3, 4)]"])
            tgt = self.pick(["a, b", "a, b, c", "a, *b", "*a, b", "a, *b, c", "[a, (b, c)]",
                             "a,", "(a, b), c", "a, *b, c, d"])
            body += ["def u():", "    %s = %s" % (tgt, src),
                     "    return %s" % ", ".join(sorted(set(tgt.replace("*", "").replace(
                         "(", "").replace(")", "").replace("[", "").replace("]", "").replace(
                         " ", "").split(",")) - {""})) + ",", "attempt(u)"]
        body += T("""
            def loop():
                for x, y in [(1, 2), $row]:
                    print(x, y)
            attempt(loop)
            """, row=self.pick(["(3,)", "(3, 4, 5)", "'ab'", "'abc'", "5"]))
        return [], body

    # ----- comprehensions and scoping ------------------------------------
    def s_comprehension(self, n):
        m, k = self.ri(0, 4), self.ri(0, 4)
        body = T("""
            x = 'outer'
            ys = [x for x in range($m)]
            print(x, ys)
            M = [[i * j for j in range($k)] for i in range($m)]
            print(M, [v for row in M for v in row if v % 2])
            print({i: [j for j in range(i)] for i in range($m)})
            print(sorted({c for c in 'mississippi' if c > 'j'}), {i % 3 for i in range($k + $m)})
            print([(i, j) for i in range($m) if i for j in range(i) if (i + j) % 2])
            print([last := i * 2 for i in range($m)], last if $m else 'none')
            print([y for v in range(6) if (y := v * v % 7) > 2], y)
            L = $l
            print([v if v > 2 else -v for v in L], [[w for w in range(v)] for v in L if v < 4])
            print({v: k for k, v in enumerate('abca')}, dict.fromkeys('aba', 0))
            fs = [lambda: i for i in range(3)]
            print([f() for f in fs])
            def scope():
                z = 10
                return [z + i for i in range(2)], {i: z for i in range(2)}, list(z * i for i in range(2))
            print(scope())
            print([[r, c] for r, c in zip('ab', range(5))], [a + b for a, b in [(1, 2), (3, 4)]])
            print([x for x, in [(1,), (2,)]], [(a, rest) for a, *rest in ['ab', 'cde']])
            """, m=m, k=k, l=self.small_list(0, 6))
        return [], body

    def s_nested_comp(self, n):
        def comp(d):
            vars_ = ["i", "j", "k"][:d + 1]
            clauses = []
            for v in vars_:
                prev = clauses and vars_[len(clauses) - 1]
                it = self.pick(["range(%d)" % self.ri(0, 4), "'ab'" if d == 0 else "range(3)",
                                "range(%s)" % prev if prev else "range(3)",
                                "[%s, %s]" % (self.ri(0, 5), self.ri(0, 5))])
                cl = "for %s in %s" % (v, it)
                if self.chance(0.4) and "'" not in it:
                    cl += " if %s %% %d" % (v, self.ri(2, 3))
                clauses.append(cl)
            elems = [v for v, c in zip(vars_, clauses) if "'" not in c]
            expr = " + ".join(elems) if elems else "0"
            kind = self.pick(["list", "set", "dict", "gen"])
            if kind == "list":
                return "[%s %s]" % (expr, " ".join(clauses))
            if kind == "set":
                return "sorted({%s %s})" % (expr, " ".join(clauses))
            if kind == "dict":
                return "{%s: (%s,) %s}" % (vars_[-1], ", ".join(vars_), " ".join(clauses))
            return "sum(%s %s)" % (expr if "'" not in expr else "1", " ".join(clauses))
        body = []
        for _ in range(self.ri(2, 5)):
            body.append("attempt(lambda: %s)" % comp(self.ri(0, 2)))
        return [], body

    # ----- misc ----------------------------------------------------------
    def m_del(self, n):
        return [], T("""
            a = $v
            L = list(range($n))
            D = {'x': 1, 'y': 2, 'z': 3}
            del a
            attempt(lambda: a)
            del L[$i:$j]
            print(L)
            del L[::2]
            print(L)
            def dl():
                del L[$idx]
            attempt(dl)
            print(L)
            del D['y']
            def dk():
                del D['nope']
            attempt(dk)
            print(D)
            class O:
                pass
            o = O()
            o.p = 1
            del o.p
            attempt(lambda: o.p)
            b, c = 1, [1, 2, 3]
            del b, c[0]
            print(c)
            def use_b():
                return b
            attempt(use_b)
            def del_unbound():
                del q
                q = 1
            attempt(del_unbound)
            def del_twice():
                w = 1
                del w
                del w
            attempt(del_twice)
            """, v=self.ri(0, 9), n=self.ri(0, 8), i=self.ri(-3, 3), j=self.ri(-2, 6),
                     idx=self.ri(-4, 4))

    def m_evalorder(self, n):
        body = T("""
            def t(x):
                print('t', x)
                return x
            class R:
                def __init__(self):
                    self.d = {}
                def __getitem__(self, k):
                    print('get', k)
                    return self.d.get(k, 0)
                def __setitem__(self, k, v):
                    print('set', k, v)
                    self.d[k] = v
            r = R()
            L = [0, 1, 2, 3]
            d = {}
            """)
        stmts = [
            "t(L)[t(1)] = t(9)", "r[t('k')] += t(5)", "r[t('k')] = r[t('j')] = t(2)",
            "print(t(1) + t(2) * t(3))", "print(t(1) < t(2) < t(0))",
            "print(t(0) or t(2) and t(3))",
            "print({t('a'): t(1), t('b'): t(2)})", "print([t(1), *[t(2), t(3)], t(4)])",
            "x = L[t(0)] = t(2)", "i = 0\ni = L[i] = 3\nprint(i, L)", "d[t('a')] = t(1)",
            "print(t(min)(t(3), t(1)))", "a, b = t(1), t(2)\nb, a = a, b\nprint(a, b)",
            "L[t(0)], L[t(1)] = t(10), t(11)", "print(t('x') if t(0) else t('y'))",
            "print(f'{t(1)}{t(2)}')", "r[t(1):t(2)] = t([5])",
            "def k(a, b, *c, **d): return a\nprint(k(t(1), *[t(2)], e=t(3), **{t('f'): t(4)}))",
            "print(t(1) is t(None), t(2) in t([1, 2]))", "print(-t(3) ** t(2))",
            "print(t([1, 2])[t(0)] + t(5))",
        ]
        for s in self.r.sample(stmts, self.ri(3, 7)):
            body += s.split("\n")
        body.append("print(L, d, r.d)")
        return [], body

    def m_dict_order(self, n):
        body = ["D = {%s}" % ", ".join("%s: %d" % (k, i) for i, k in enumerate(
            self.r.sample(KEYS, self.ri(0, 5))))]
        for _ in range(self.ri(4, 10)):
            k = self.pick(KEYS)
            body.append(self.pick([
                "D[%s] = %d" % (k, self.ri(0, 9)), "D.pop(%s, None)" % k,
                "if %s in D: del D[%s]" % (k, k), "D.setdefault(%s, %d)" % (k, self.ri(0, 9)),
                "D.update({%s: 0, 'z': 1})" % k, "D |= {%s: -1}" % k,
                "attempt(lambda: D.popitem())", "D = dict(sorted(D.items()))",
                "D = {k: v for k, v in reversed(D.items())}", "print(list(D), D)",
                "print(list(D.values()), list(D.items())[:2])", "print(next(iter(D), None))",
                "attempt(lambda: D[%s])" % k,
            ]))
        body += ["print(D, list(D.keys()), len(D))",
                 "print(list(reversed(D)), D == dict(reversed(list(D.items()))))",
                 "E = dict(D)", "E.clear()", "print(E, D.copy() == D, {**D, 'a': 'A'})"]
        return [], body

    def m_strbuild(self, n):
        return [], T("""
            parts = []
            s = ''
            for i in range($n):
                s += str(i) + ('-' if i % $k else '+')
                parts.append('%02d' % i)
                if len(s) > 30:
                    s = s[5:]
            print(s, '|'.join(parts), len(s))
            words = $words
            out = ''
            for w in words:
                if not w:
                    continue
                out += w.capitalize() + ' '
            print(repr(out.rstrip()), out.split(), ' '.join(reversed(words)))
            acc = []
            for i, w in enumerate(words):
                acc.append(f'{i}:{w!r:>6}|{len(w):<3}|')
            print(''.join(acc))
            t = 'abc'
            t *= $k
            t += t[::-1]
            print(t, t.count('a'), t.find('cc'), t.upper()[::$k])
            b = []
            for ch in 'hello world':
                if ch in 'lo':
                    b.append(ch.upper())
                elif ch == ' ':
                    b.append('_')
                else:
                    b += ch
            print(''.join(b), str(b)[:20])
            print('%s=%d, %5.1f%%' % ('k', $n, $n * 1.5), '{:>4}|{:<4}|{:^6}'.format(1, 'ab', 'c'))
            w, p = $k + 4, $k
            x = $n * 1.25
            print(f'{x=}', f'{x:{w}.{p}f}|', f'{s!r:>{w}}'[:20], f'{"q":*^{w}}', f'{x=:>{w}}', f'{len(parts) = }')
            """, n=self.ri(0, 12), k=self.ri(1, 3),
                     words=repr(self.r.sample(["ab", "", "cd ef", "x", "hello", "a", "Zz"],
                                              self.ri(0, 5))))

    def m_sortkey(self, n):
        recs = [(self.pick(["ann", "bob", "cy", "dee", "ed"]), self.ri(0, 5), self.ri(0, 3))
                for _ in range(self.ri(2, 7))]
        return [], T("""
            class R:
                def __init__(self, name, age, grp):
                    self.name, self.age, self.grp = name, age, grp
                def __repr__(self):
                    return '%s/%d/%d' % (self.name, self.age, self.grp)
            rs = [R(*t) for t in $recs]
            print(sorted(rs, key=lambda r: r.age))
            print(sorted(rs, key=lambda r: (r.grp, -r.age)))
            print(sorted(rs, key=lambda r: r.name, reverse=True))
            print(max(rs, key=lambda r: r.age), min(rs, key=lambda r: (r.grp, r.name)))
            rs.sort(key=lambda r: r.grp)
            rs.sort(key=lambda r: r.age, reverse=True)
            print(rs)
            print(sorted(rs, key=lambda r: len(r.name))[:2], max(rs, key=lambda r: -r.age))
            groups = {}
            for r in rs:
                groups.setdefault(r.grp, []).append(r.name)
            print(groups, sorted(groups.items()))
            attempt(lambda: sorted(rs))
            attempt(lambda: min([], key=lambda r: r.age))
            print(min([], key=lambda r: r.age, default='none'), max(rs, key=lambda r: r.grp, default=0))
            """, recs=repr(recs))

    def m_misc_assign(self, n):
        return [], T("""
            a = b = c = []
            a.append(1)
            print(a, b, c, a is b)
            x, y = y, x = $v, $w
            print(x, y)
            class O:
                pass
            o = O()
            o.n = $v
            o.n += $w
            o.lst = [1, 2]
            o.lst[0] *= 5
            o.lst += [3]
            print(o.n, o.lst)
            grid = [[0] * 3 for _ in range(2)]
            grid[1][2] += $v
            grid[0][0] -= 1
            print(grid)
            alias = [[0] * 2] * 2
            alias[0][0] = 9
            print(alias)
            d = {'k': [1]}
            d['k'] += [2]
            d['k'][0] <<= 2
            print(d)
            t = (1, [2])
            def tup():
                t[1] += [3]
            attempt(tup)
            print(t)
            print(None is None, [] is [], a is not None, (1 == 1) is True, not None)
            s = 'ab'
            s += 'cd'
            s *= 2
            n = 7
            n **= 2
            n //= 3
            n %= 5
            f = 1.0
            f /= 4
            print(s, n, f)
            first, *middle, last = range($w + 2)
            print(first, middle, last)
            [p, q], r = 'xy', 3
            print(p, q, r)
            """, v=self.ri(-5, 9), w=self.ri(0, 5))

    def m_match(self, n):
        vals = self.r.sample(["0", "1", "'x'", "[1, 2]", "[1, 2, 3]", "(1, 'a')", "{'k': 1}",
                              "{'k': 2, 'j': 3}", "None", "True", "3.5", "[]", "'hello'",
                              "[0, [1, 2]]", "{'k': [1, 2]}", "-1"], self.ri(3, 7))
        return [], T("""
            def classify(v):
                match v:
                    case 0 | 1 as small:
                        return 'small', small
                    case None:
                        return 'none'
                    case True:
                        return 'true'
                    case str() if len(v) > 2:
                        return 'long str'
                    case str(s):
                        return 'str', s
                    case [x, y]:
                        return 'pair', x, y
                    case [x, *rest] if rest:
                        return 'seq', x, rest
                    case [a, [b, c]]:
                        return 'nested', a, b, c
                    case {'k': [p, *_]}:
                        return 'mapping list', p
                    case {'k': k, **others}:
                        return 'mapping', k, others
                    case float(f):
                        return 'float', f
                    case _:
                        return 'other', v
            for v in [$vals]:
                print(classify(v))
            """, vals=", ".join(vals))

    def m_match_class(self, n):
        vals = self.r.sample(["Pt(0, 0)", "Pt(1, 0)", "Pt(0, 5)", "Pt(2, 3)", "Pt3(1, 2, 3)",
                              "Pt3(0, 0, 0)", "Circle(Pt(1, 1), 2)", "Circle(Pt(0, 0), 0)",
                              "[Pt(1, 2), Pt(3, 4)]", "Color.RED", "Color.GREEN", "'red'", "5",
                              "(1, Pt(0, 1))", "{'pos': Pt(1, 1), 'r': 3}"], self.ri(3, 8))
        return [], T("""
            class Pt:
                __match_args__ = ('x', 'y')
                def __init__(self, x, y):
                    self.x, self.y = x, y
            class Pt3(Pt):
                __match_args__ = ('x', 'y', 'z')
                def __init__(self, x, y, z):
                    super().__init__(x, y)
                    self.z = z
            class Circle:
                __match_args__ = ('center', 'r')
                def __init__(self, center, r):
                    self.center, self.r = center, r
            class Color:
                RED = 'red'
                GREEN = 'green'
            def where(v):
                match v:
                    case Pt(0, 0):
                        return 'origin'
                    case Pt3(x, y, z) if x + y + z > $lim:
                        return 'big 3d', x, y, z
                    case Pt(x=0, y=yy):
                        return 'on y axis', yy
                    case Pt(xx, 0):
                        return 'on x axis', xx
                    case Circle(Pt(x, y), r=0):
                        return 'dot', x, y
                    case Circle(center=Pt() as c, r=r):
                        return 'circle', c.x, r
                    case [Pt(x1, y1), Pt(x2, y2)]:
                        return 'segment', x1 + x2, y1 + y2
                    case Color.RED:
                        return 'red constant'
                    case (1, Pt(y=y)) | (2, Pt(x=y)):
                        return 'tagged', y
                    case {'pos': Pt(x, y), **rest}:
                        return 'mapping', x, y, rest
                    case int(i) | str(i):
                        return 'scalar', i
                    case Pt(a, b):
                        return 'other point', a, b
                    case _:
                        return 'nothing'
            for v in [$vals]:
                attempt(lambda: where(v))
            class Bad:
                __match_args__ = ('a',)
            def bad(v):
                match v:
                    case Bad(1, 2):
                        return 'no'
                    case Bad(q):
                        return q
            attempt(lambda: bad(Bad()))
            """, lim=self.ri(0, 6), vals=", ".join(vals))

    def m_mutate_iter(self, n):
        return [], T("""
            L = $l
            for x in L:
                if x % $k == 0:
                    L.remove(x)
            print(L)
            L = $l
            for i, x in enumerate(L):
                if i < 3:
                    L.append(x * 10)
                else:
                    break
            print(L)
            L = $l
            it = iter(L)
            print(next(it, None))
            L[:] = [7, 8, 9]
            print(list(it))
            d = {'a': 1, 'b': 2}
            def grow():
                for k in d:
                    d[k + k] = 0
            attempt(grow)
            print(d)
            def shrink():
                for k in d:
                    del d[k]
            attempt(shrink)
            d2 = {'x': 1, 'y': 2}
            for k in d2:
                d2[k] += 1
            print(d2)
            st = {1, 2, 3}
            def setgrow():
                for v in st:
                    st.add(v + 10)
            attempt(setgrow)
            L = $l
            while L:
                v = L.pop()
                if v % 2:
                    L.append(v - 1)
            print(L)
            """, l=self.small_list(0, 7, 0, 9), k=self.ri(2, 3))

    def m_recursive_repr(self, n):
        return [], T("""
            a = [1, 2]
            a.append(a)
            d = {'k': 1}
            d['self'] = d
            d['lst'] = a
            print(a, d)
            print(repr(a), str(d), len(a), a[2][2][0])
            t = (a,)
            print(t, [t, t])
            class Node:
                def __init__(self, v):
                    self.v, self.next = v, None
                def __repr__(self):
                    return 'Node(%r)' % (self.v,)
            n1, n2 = Node(1), Node([a])
            n1.next, n2.next = n2, n1
            print(n1, n2, n1.next.next.v)
            print(a == a, [a] == [a], d == d)
            """)

    def m_nonlocal_global(self, n):
        g = "G_%d" % n
        return ["%s = 'global'" % g], T("""
            def outer():
                $g = 'enclosing'
                def a():
                    nonlocal $g
                    $g = 'from a'
                def b():
                    global $g
                    $g = 'from b'
                a()
                b()
                return $g
            print(outer(), $g)
            def counter():
                n = 0
                def inc():
                    nonlocal n
                    n += 1
                    return n
                def reset():
                    nonlocal n
                    old, n = n, 0
                    return old
                return inc, reset
            inc, reset = counter()
            print(inc(), inc(), reset(), inc())
            def shadow():
                n = 1
                def inner():
                    n = 2
                    return n
                return inner(), n
            print(shadow())
            def loopy():
                fs = []
                for i in range($k):
                    def f(i=i):
                        nonlocal total
                        total += i
                        return total
                    fs.append(f)
                total = 0
                return [f() for f in fs]
            print(loopy())
            """, g=g, k=self.ri(0, 4))

    KINDS = {
        "control": ["c_control"] * 8 + ["c_generator"] * 3,
        "functions": ["f_signature", "f_signature", "f_mutable_default", "f_recursion",
                      "f_closure", "f_late_binding", "f_global", "f_decorators", "f_lambda",
                      "f_methods"],
        "classes": ["k_basic", "k_compare", "k_container", "k_iterator", "k_call", "k_context",
                    "k_arith", "k_inherit", "k_inherit", "k_props", "k_getattr", "k_exceptions",
                    "k_class_scope", "k_dunder_misc", "k_hash", "k_descriptor", "k_del",
                    "k_del_exc",
                    "k_metaclass"],
        "generators": ["g_protocol", "g_protocol", "g_yield_from", "g_genexpr", "g_infinite",
                       "g_stopiteration", "g_coroutine"],
        "exceptions": ["e_tree", "e_tree", "e_tree_gen", "e_tree_gen", "e_tree_info", "e_finally",
                       "e_excinfo", "e_except_var",
                       "e_raise_from", "e_assert", "e_hierarchy", "e_builtin_errors",
                       "e_builtin_errors", "e_unpack"],
        "comprehensions": ["s_comprehension", "s_nested_comp", "s_nested_comp"],
        "misc": ["m_del", "m_evalorder", "m_evalorder", "m_dict_order", "m_strbuild",
                 "m_sortkey", "m_misc_assign", "m_match", "m_match_class", "m_nonlocal_global",
                 "m_star_calls", "m_mutate_iter", "m_recursive_repr"],
    }

    def snippet(self, n):
        """(template name, module-level lines, body lines) for snippet t_n.
        Each snippet has its own random stream, and templates left out by
        --only / --without are skipped by drawing again, so a snippet that
        is still allowed comes out the same whatever the other options."""
        self.r = random.Random("%d:%d" % (self.seed, n))
        everything = resolve_kinds([], [])
        for _ in range(10000):
            name = self.pick(everything)
            if name in self.templates:
                break
        pre, body = getattr(self, name)(n)
        return name, pre, body


def all_templates():
    return sorted({t for ts in Generator.KINDS.values() for t in ts})


def resolve_kinds(only, without):
    """The list of kind or template names to draw from, weighted by kind."""
    chosen = []
    for kind, templates in Generator.KINDS.items():
        for t in templates:
            if only and kind not in only and t not in only:
                continue
            if without and (kind in without or t in without):
                continue
            chosen.append(t)
    return chosen


def program(seed, count, templates, messages=True, context=True, only_snippet=None):
    """(source, [(name, template, snippet source)]) for one seed."""
    g = Generator(seed, templates)
    prelude = PRELUDE % {"messages": messages, "context": context, "msg_types": MSG_TYPES}
    parts, snippets = [prelude], []
    for n in range(1, count + 1):
        template, pre, body = g.snippet(n)
        src = "\n".join(pre + ["def t_%d():" % n] + indent(body) +
                        ["run('t_%d', t_%d)" % (n, n)]) + "\n"
        snippets.append(("t_%d" % n, template, src))
        if only_snippet is None or only_snippet == n:
            parts.append(src)
    return "".join(parts), snippets, prelude


def run(argv, path, timeout, env=None):
    """(returncode or 'timeout', stdout lines, stderr)."""
    try:
        p = subprocess.run(argv + [path], capture_output=True, timeout=timeout,
                           stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stdout or b"").decode("utf-8", "replace").splitlines(), ""
    return (p.returncode, p.stdout.decode("utf-8", "replace").splitlines(),
            p.stderr.decode("utf-8", "replace"))


def blocks(lines):
    """{snippet name: its output lines} from a program's output."""
    out, cur = {}, None
    for line in lines:
        if line.startswith("== t_"):
            cur = line[3:]
            out[cur] = []
        elif cur is not None:
            out[cur].append(line)
    return out


def classify(exp, got):
    """Category of one snippet's difference (exp != got)."""
    def strip(ls, prefix):
        return [l for l in ls if not l.startswith(prefix)]
    if strip(strip(exp, "MSG "), "CTX ") == strip(strip(got, "MSG "), "CTX "):
        return "message" if strip(exp, "CTX ") != strip(got, "CTX ") else "context"
    n = next((k for k, (a, b) in enumerate(zip(exp, got)) if a != b), min(len(exp), len(got)))
    a = exp[n] if n < len(exp) else ""
    b = got[n] if n < len(got) else ""
    if a.startswith(("EXC", "MSG", "CTX")) or b.startswith(("EXC", "MSG", "CTX")):
        return "exception"
    return "output"


def first_diff(exp, got):
    n = next((k for k, (a, b) in enumerate(zip(exp, got)) if a != b), min(len(exp), len(got)))
    return (n, exp[n] if n < len(exp) else "(nothing)", got[n] if n < len(got) else "(nothing)")


def died(rc):
    return rc == "timeout" or rc < 0 or rc >= 128


def main():
    ap = argparse.ArgumentParser(description="random statement programs, gilt against python3")
    ap.add_argument("--seeds", type=int, default=20, help="programs to run (default 20)")
    ap.add_argument("--first", type=int, default=1, help="first seed (default 1)")
    ap.add_argument("--snippets", type=int, default=30, help="snippets per program (default 30)")
    ap.add_argument("--print", type=int, metavar="SEED", help="print one program and exit")
    ap.add_argument("--snippet", type=int, metavar="N", help="with --print: only snippet t_N")
    ap.add_argument("--bin", nargs="+", default=["build/gilt", "build/gilt-ft"])
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per run (default 20)")
    ap.add_argument("--no-messages", action="store_true", help="do not print/compare MSG lines")
    ap.add_argument("--no-context", action="store_true", help="do not print/compare CTX lines")
    ap.add_argument("--without", nargs="+", default=[], metavar="KIND",
                    help="leave out these kinds or templates (see --list-kinds)")
    ap.add_argument("--only", nargs="+", default=[], metavar="KIND",
                    help="only these kinds or templates")
    ap.add_argument("--list-kinds", action="store_true", help="list kinds and templates")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each differing snippet")
    args = ap.parse_args()
    if args.list_kinds:
        for kind, ts in Generator.KINDS.items():
            print("%s: %s" % (kind, " ".join(sorted(set(ts)))))
        return 0
    known = set(Generator.KINDS) | set(all_templates())
    for k in args.only + args.without:
        if k not in known:
            ap.error("unknown kind or template %r (see --list-kinds)" % k)
    templates = resolve_kinds(args.only, args.without)
    if not templates:
        ap.error("nothing left to generate")
    opts = dict(messages=not args.no_messages, context=not args.no_context)
    if args.print is not None:
        sys.stdout.write(program(args.print, args.snippets, templates, only_snippet=args.snippet,
                                 **opts)[0])
        return 0

    binaries = [os.path.join(ROOT, b) for b in args.bin]
    binary_names = dict(zip(binaries, args.bin))
    counts = {c: 0 for c in ("crash", "hang", "exit", "output", "exception", "message",
                             "context")}
    by_template = {}
    failing_seeds = set()
    skipped = unstable = runs = 0
    env0 = dict(os.environ, PYTHONHASHSEED="0")
    env1 = dict(os.environ, PYTHONHASHSEED="12345")
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.first, args.first + args.seeds):
            source, snippets, prelude = program(seed, args.snippets, templates, **opts)
            path = os.path.join(tmp, "stmts_%d.py" % seed)
            with open(path, "w") as f:
                f.write(source)
            rc, lines, err = run([sys.executable], path, args.timeout, env0)
            expected = blocks(lines)
            if rc != 0 or len(expected) != len(snippets):
                print("seed %d: python3 itself did not finish (%s); skipped"
                      % (seed, (err.strip().splitlines() or ["exit %s" % rc])[-1]))
                skipped += 1
                continue
            rc1, lines1, _ = run([sys.executable], path, args.timeout, env1)
            other = blocks(lines1)
            bad = {name for name in expected if other.get(name) != expected[name]}
            for name in sorted(bad):
                print("seed %d, %s: python3's output depends on the hash seed; not compared"
                      % (seed, name))
            unstable += len(bad)
            for binary in binaries:
                runs += 1
                rel = binary_names[binary]
                rc, lines, err = run([binary], path, args.timeout)
                got = blocks(lines)
                suspects = []
                if died(rc) or rc != 0 or len(got) != len(expected):
                    why = ("timeout" if rc == "timeout" else "signal %d" % -rc if rc < 0
                           else "exit %d" % rc)
                    print("seed %d, %s: program %s after %d of %d snippets: %s"
                          % (seed, rel, why, len(got), len(expected),
                             (err.strip().splitlines() or ["no stderr"])[-1][:200]))
                    # Run each snippet alone to see which ones die or stop early.
                    for name, template, src in snippets:
                        p1 = os.path.join(tmp, "one_%d_%s.py" % (seed, name))
                        with open(p1, "w") as f:
                            f.write(prelude + src)
                        rc1, l1, e1 = run([binary], p1, args.timeout)
                        b1 = blocks(l1)
                        if died(rc1) or rc1 != 0 or name not in b1:
                            cat = ("hang" if rc1 == "timeout" else "crash" if died(rc1)
                                   else "exit")
                            suspects.append(name)
                            counts[cat] += 1
                            by_template[template] = by_template.get(template, 0) + 1
                            failing_seeds.add(seed)
                            print("  %s %s (%s): %s alone: %s" % (
                                cat.upper(), name, template, rel,
                                "timeout" if rc1 == "timeout" else "rc %s, %s" % (
                                    rc1, (e1.strip().splitlines() or ["no stderr"])[-1][:200])))
                            if args.verbose:
                                print(textwrap.indent(src, "    | "), end="")
                        elif b1.get(name) != expected[name] and name not in got:
                            got[name] = b1[name]
                    if not suspects:
                        # Only the whole program fails: count it once.
                        cat = ("hang" if rc == "timeout" else "crash" if died(rc) else "exit")
                        counts[cat] += 1
                        by_template["(whole program)"] = by_template.get("(whole program)", 0) + 1
                        failing_seeds.add(seed)
                        print("  %s: no snippet fails alone; the whole program is needed"
                              " (--print %d)" % (cat.upper(), seed))
                for name, template, src in snippets:
                    if name in bad or name in suspects:
                        continue
                    exp, g = expected[name], got.get(name)
                    if g is None or g == exp:
                        continue
                    cat = classify(exp, g)
                    counts[cat] += 1
                    by_template[template] = by_template.get(template, 0) + 1
                    failing_seeds.add(seed)
                    k, a, b = first_diff(exp, g)
                    print("seed %d, %s, %s (%s): %s differs, block line %d"
                          % (seed, rel, name, template, cat, k + 1))
                    print("  python3: %s" % a[:300])
                    print("  gilt:    %s" % b[:300])
                    if args.verbose:
                        print(textwrap.indent(src, "    | "), end="")
    total = sum(counts.values())
    print("stmts: %d seeds (%d skipped), %d program runs, %d snippets each; "
          "%d snippet differences in %d seeds%s"
          % (args.seeds, skipped, runs, args.snippets, total, len(failing_seeds),
             ", %d snippets not compared (hash-dependent)" % unstable if unstable else ""))
    if total:
        print("  by category: " + ", ".join("%s %d" % (c, n) for c, n in counts.items() if n))
        print("  by template: " + ", ".join("%s %d" % (t, n) for t, n in
                                           sorted(by_template.items(), key=lambda x: -x[1])))
        flags = "".join([" --snippets %d" % args.snippets if args.snippets != 30 else "",
                         " --only " + " ".join(args.only) if args.only else "",
                         " --without " + " ".join(args.without) if args.without else "",
                         " --no-messages" if args.no_messages else "",
                         " --no-context" if args.no_context else ""])
        print("  reproduce one: tests/fuzz/stmts.py --print SEED --snippet N%s" % flags)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
