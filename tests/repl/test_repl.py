"""test_repl.py — the interactive REPL, driven through a pseudo-terminal.

    python3 tests/repl/test_repl.py build/gilt build/gilt-ft

Every case runs on each binary given. Each session gets its own HOME and
GILT_HISTORY in a fresh temporary directory (the user's ~/.gilt_history is
never touched) and that directory as its working directory. Cases wait for
prompts and output, never for fixed times (see ptyrepl.py), so they hold on
a loaded machine. Exit status 0 when every case passed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyrepl import Session  # noqa: E402


class Case:
    def __init__(self, binary):
        self.binary = os.path.abspath(binary)
        self.dir = tempfile.mkdtemp(prefix="gilt-repl-")
        self.history = os.path.join(self.dir, "history")
        self.sessions = []

    def start(self, *args, env=None):
        full_env = {"HOME": self.dir, "GILT_HISTORY": self.history}
        if env:
            full_env.update(env)
        s = Session([self.binary, *args], env=full_env, cwd=self.dir)
        self.sessions.append(s)
        return s

    def close(self):
        for s in self.sessions:
            s.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def block(s, lines):
    """Type a block: each line gets a '... ' prompt, an empty line ends it."""
    for text in lines:
        s.line(text)
        s.continuation()
    s.line("")
    s.prompt()


# ---- the cases --------------------------------------------------------------

def test_banner_and_prompts(c):
    s = c.start()
    banner = s.prompt()
    ft = "gilt-ft" in os.path.basename(c.binary)
    expected = ("gilt 0.1.0 (free-threaded build, GIL off) on linux" if ft
                else "gilt 0.1.0 (GIL build, GIL on) on linux")
    check(expected in banner, "banner %r lacks %r" % (banner, expected))
    check('Type "help", "exit" or Ctrl-D to leave.' in banner, "banner: %r" % banner)
    s.line("for i in range(2):")
    s.continuation()
    s.line("    print('row', i)")
    s.continuation()
    s.line("")
    out = s.prompt()
    check("\nrow 0\nrow 1\n" in out, "loop output: %r" % out)
    s.line("print('x')")
    check(s.prompt().endswith("print('x')\nx\n>>> "), "simple print")


def test_multiline_def_then_call(c):
    s = c.start()
    s.prompt()
    block(s, ["def square(n):", "    doubled = n * n", "    return doubled"])
    s.line("square(9)")
    out = s.prompt()
    check("\n81\n" in out, "square(9): %r" % out)
    s.line("items = [1,")
    s.continuation()
    s.line("         2]")
    s.prompt()
    s.line("items")
    check("\n[1, 2]\n" in s.prompt(), "open bracket continuation")


def test_underscore(c):
    s = c.start()
    s.prompt()
    s.line("6 * 7")
    check("\n42\n" in s.prompt(), "6 * 7 echoed")
    s.line("_ + 1")
    check("\n43\n" in s.prompt(), "_ holds the last result")
    s.line("None")
    out = s.prompt()
    check(out == "None\n>>> ", "None is not echoed: %r" % out)
    s.line("_")
    check("\n43\n" in s.prompt(), "None leaves _ alone")
    s.line("'text'")
    check("\n'text'\n" in s.prompt(), "results echoed with repr")


def test_complete_builtin(c):
    s = c.start()
    s.prompt()
    s.send("pri\t")
    s.expect(r"print\(")
    s.line('"completed")')
    check("\ncompleted\n" in s.prompt(), "completion of print")
    s.send("isinst\t")
    s.expect(r"isinstance\(")
    s.line("3, int)")
    check("\nTrue\n" in s.prompt(), "completion of isinstance")


def test_complete_attribute(c):
    s = c.start()
    s.prompt()
    s.line("import math")
    s.prompt()
    s.send("math.sq\t")
    s.expect(r"math\.sqrt\(")
    s.line("16)")
    check("\n4.0\n" in s.prompt(), "completion of math.sqrt")
    block(s, ["class Box:", "    capacity_limit = 7"])
    s.line("box = Box()")
    s.prompt()
    s.send("box.capa\t")
    s.expect(r"box\.capacity_limit")
    s.line("")
    check("\n7\n" in s.prompt(), "completion of an instance attribute")
    s.send("mat\t")
    s.expect(r"math")       # a module: no '(' appended
    s.line(".pi")
    check("\n3.14159" in s.prompt(), "completion of a global name")


def test_complete_module(c):
    s = c.start()
    s.prompt()
    s.send("import mat\t")
    s.expect(r"import math")
    s.line("")
    s.prompt()
    s.line("math.floor(2.5)")
    check("\n2\n" in s.prompt(), "import completed module")


def test_ctrl_c_while_typing(c):
    s = c.start()
    s.prompt()
    s.send("never_defined_name")
    s.expect("never_defined_name")
    s.send("\x03")
    out = s.prompt()
    check("KeyboardInterrupt" in out, "Ctrl-C at the prompt: %r" % out)
    s.line("1 + 1")
    out = s.prompt()
    check("\n2\n" in out and "NameError" not in out, "line after Ctrl-C: %r" % out)
    # Ctrl-C inside a block drops the whole block.
    s.line("def half_typed():")
    s.continuation()
    s.send("    return 1")
    s.expect("return 1")
    s.send("\x03")
    out = s.prompt()
    check("KeyboardInterrupt" in out, "Ctrl-C in a block: %r" % out)
    s.line("'half_typed' in globals()")
    check("\nFalse\n" in s.prompt(), "the cancelled block was not run")


def test_ctrl_c_while_running(c):
    s = c.start()
    s.prompt()
    s.line("state = 'kept'")
    s.prompt()
    block(s, ["def spin():", "    n = 0", "    print('spinning')",
              "    while True:", "        n += 1"])
    s.line("spin()")
    s.expect(r"\nspinning\n")
    s.send("\x03")
    out = s.prompt()
    check("Traceback (most recent call last):" in out and "\nKeyboardInterrupt\n" in out,
          "KeyboardInterrupt traceback: %r" % out)
    s.line("state")
    out = s.prompt()
    check("\n'kept'\n" in out, "the session goes on with its state: %r" % out)
    s.line("spin")
    out = s.prompt()
    check("<function spin at" in out, "definitions survive: %r" % out)


def test_traceback_then_input(c):
    s = c.start()
    s.prompt()
    s.line("x = 5")
    s.prompt()
    s.line("1 / 0")
    out = s.prompt()
    check('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
          'ZeroDivisionError: division by zero\n' in out, "traceback: %r" % out)
    s.line("undefined_thing")
    check("NameError: name 'undefined_thing' is not defined" in s.prompt(), "NameError")
    s.line("x * 2")
    check("\n10\n" in s.prompt(), "state kept after errors")
    s.line("def bad(:")
    check("SyntaxError" in s.prompt(), "syntax error reported")
    s.line("x")
    check("\n5\n" in s.prompt(), "state kept after a syntax error")


def test_history_two_sessions(c):
    s = c.start()
    s.prompt()
    s.line("marker = 12345")
    s.prompt()
    block(s, ["def from_history():", "    return 'whole block'"])
    s.send("\x04")
    check(s.wait() == 0, "first session exit status")
    with open(c.history) as f:
        saved = f.read()
    check("marker = 12345" in saved and "    return 'whole block'" in saved,
          "history file: %r" % saved)

    s = c.start()
    s.prompt()
    s.send("\x10")              # Ctrl-P: the previous entry, the whole block
    s.expect(r"return 'whole block'")
    s.send("\r")
    s.prompt()
    s.line("from_history()")
    check("\n'whole block'\n" in s.prompt(), "recalled block ran")
    s.send("\x10\x10\x10")      # three back: the assignment of the first session
    s.expect(r"marker = 12345")
    s.send("\r")
    s.prompt()
    s.line("marker")
    check("\n12345\n" in s.prompt(), "recalled line ran")
    s.line("exit")
    check(s.wait() == 0, "second session exit status")


def test_exit_status(c):
    s = c.start()
    s.prompt()
    s.send("\x04")
    check(s.wait() == 0, "Ctrl-D at an empty prompt exits 0")
    for word in ("exit", "quit"):
        s = c.start()
        s.prompt()
        s.line(word)
        check(s.wait() == 0, "bare %s exits 0" % word)
    s = c.start()
    s.prompt()
    s.line("exit = 'mine'")
    s.prompt()
    s.line("exit")
    check("\n'mine'\n" in s.prompt(), "a variable named exit is just a variable")
    s.line("raise SystemExit(3)")
    check(s.wait() == 3, "SystemExit(3) exits 3")
    s = c.start()
    s.prompt()
    s.line("help")
    out = s.prompt()
    check("Ctrl-C" in out and "exit" in out, "help: %r" % out)
    s.line("quit(5)")
    check(s.wait() == 5, "quit(5) exits 5")


def test_inspect_script(c):
    script = os.path.join(c.dir, "prog.py")
    with open(script, "w") as f:
        f.write("answer = 41\nprint('script ran')\n")
    s = c.start("-i", script)
    out = s.prompt()
    check("script ran" in out and "gilt 0.1.0" not in out, "-i runs the script, no banner: %r" % out)
    s.line("answer + 1")
    check("\n42\n" in s.prompt(), "-i sees the script's globals")
    s.send("\x04")
    check(s.wait() == 0, "-i exit status")


def test_gil_switch(c):
    ft = "gilt-ft" in os.path.basename(c.binary)
    s = c.start("--gil=on" if ft else "--gil=off")
    banner = s.prompt()
    check("gilt 0.1.0 (free-threaded build, GIL %s)" % ("on" if ft else "off") in banner,
          "banner after the GIL switch: %r" % banner)
    s.line("import sys")
    s.prompt()
    s.line("print('ok')")
    check("\nok\n" in s.prompt(), "free-threaded REPL runs")
    s.send("\x04")
    check(s.wait() == 0, "exit status")


def test_stdin_not_a_tty(c):
    r = subprocess.run([c.binary], input="x = 20\nx + 1\nprint(x * 2)\n", capture_output=True,
                       text=True, timeout=120, cwd=c.dir)
    check(r.returncode == 0 and r.stdout == "40\n" and r.stderr == "",
          "piped program: %r" % (r,))
    r = subprocess.run([c.binary, "-"], input="1/0\n", capture_output=True, text=True,
                       timeout=120, cwd=c.dir)
    check(r.returncode == 1 and ">>>" not in r.stderr and "ZeroDivisionError" in r.stderr,
          "piped error: %r" % (r,))


CASES = [v for k, v in sorted(globals().items()) if k.startswith("test_")]


def main(argv):
    binaries = argv[1:] or ["build/gilt", "build/gilt-ft"]
    only = os.environ.get("REPL_TEST_ONLY")
    failures = 0
    total = 0
    for binary in binaries:
        for case in CASES:
            if only and only not in case.__name__:
                continue
            total += 1
            c = Case(binary)
            try:
                case(c)
                print("ok    %-32s %s" % (case.__name__, binary))
            except Exception:
                failures += 1
                print("FAIL  %-32s %s" % (case.__name__, binary))
                print(re.sub(r"(?m)^", "      ", traceback.format_exc()))
            finally:
                c.close()
            sys.stdout.flush()
    print("repl tests: %d passed, %d failed" % (total - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
