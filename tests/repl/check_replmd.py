"""check_replmd.py — run the transcripts of REPL.md and check they match.

    python3 tests/repl/check_replmd.py [REPL.md] build/gilt build/gilt-ft

REPL.md is the guide to the REPL and the inspection tools; its examples are
executed here on every binary given, so the guide cannot drift from the
program. What is checked:

  ```repl           an interactive session, run on a pseudo-terminal with
                    readline (ptyrepl.py). Lines starting with ">>> " or
                    "... " (or a bare "...") are typed; the lines after them,
                    up to the next prompt line, are the expected output. The
                    banner is not part of the transcript.
  ```console        shell commands: "$ cmd" lines run with bash, `gilt`
                    meaning the binary under test; the lines after them are
                    the expected stdout and stderr (merged).
  <!-- file: NAME -->  before a fenced block: the block's text is written to
                    NAME in the scratch directory the commands run in.
  <!-- build: gil --> or <!-- build: ft -->  before a block: check it only on
                    that build (the banner differs between builds).

Memory addresses (0x7f...) are compared as "0x…", trailing blanks ignored;
the scratch directory's path reads as /tmp/demo.
Exit status 0 when every block matched on every binary.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyrepl import Session  # noqa: E402

FENCE = re.compile(r"^```(\w*)\s*$")
DIRECTIVE = re.compile(r"^<!--\s*(file|build):\s*(\S+)\s*-->\s*$")
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


class Block:
    def __init__(self, kind, lines, lineno, file=None, build=None):
        self.kind, self.lines, self.lineno = kind, lines, lineno
        self.file, self.build = file, build


def parse(path):
    blocks = []
    pending = {}
    with open(path) as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        d = DIRECTIVE.match(lines[i])
        if d:
            pending[d.group(1)] = d.group(2)
            i += 1
            continue
        m = FENCE.match(lines[i])
        if m:
            start = i + 1
            j = start
            while j < len(lines) and lines[j].rstrip() != "```":
                j += 1
            blocks.append(Block(m.group(1), lines[start:j], start + 1,
                                pending.get("file"), pending.get("build")))
            pending = {}
            i = j + 1
            continue
        if lines[i].strip():
            pending = {}
        i += 1
    return blocks


def normalize(lines):
    out = [ADDRESS.sub("0x…", line.rstrip()) for line in lines]
    while out and out[-1] == "":
        out.pop()
    return out


def diff(expected, actual):
    import difflib
    return "\n".join(difflib.unified_diff(expected, actual, "REPL.md", "actual", lineterm=""))


def is_input(line):
    return line.startswith(">>> ") or line == ">>>" or line.startswith("... ") or line == "..."


def run_repl(binary, block, workdir):
    """Type each input line; collect what the program printed before the next
    prompt. Returns (expected, actual) as lists of lines."""
    env = {"HOME": workdir, "GILT_HISTORY": os.path.join(workdir, "history")}
    s = Session([binary], env=env, cwd=workdir)
    try:
        s.prompt()
        expected, actual = [], []
        for line in block.lines:
            if not is_input(line):
                expected.append(line)
                continue
            expected.append(line)
            typed = line[4:]
            prompt = line[:3] + " "
            s.line(typed)
            seen = s.expect(r"(?:^|\n)(?:>>> |\.\.\. )")
            # `seen` is the echo of the typed line, the output, then the
            # next prompt (kept for the next input line).
            body = seen.split("\n")
            body.pop()                     # the next prompt
            actual.append((prompt + body[0]).rstrip() if body else prompt.rstrip())
            actual.extend(body[1:])
        s.send("\x04")
        s.wait()
        return normalize(expected), normalize(actual)
    finally:
        s.kill()


def run_console(binary, block, workdir, bindir):
    expected, actual = [], []
    env = dict(os.environ)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    env["HOME"] = workdir
    for line in block.lines:
        expected.append(line)
        if not line.startswith("$ "):
            continue
        actual.append(line)
        r = subprocess.run(["bash", "-c", line[2:]], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
        out = r.stdout.replace(os.path.realpath(workdir), "/tmp/demo").replace(workdir, "/tmp/demo")
        actual.extend(out.split("\n")[:-1] if out.endswith("\n") else out.split("\n"))
    return normalize(expected), normalize(actual)



def check_binary(binary, blocks):
    ft = "gilt-ft" in os.path.basename(binary)
    workdir = tempfile.mkdtemp(prefix="gilt-replmd-")
    bindir = os.path.join(workdir, ".bin")
    os.mkdir(bindir)
    os.symlink(os.path.abspath(binary), os.path.join(bindir, "gilt"))
    failures = 0
    checked = 0
    try:
        for b in blocks:
            if b.file:
                with open(os.path.join(workdir, b.file), "w") as f:
                    f.write("\n".join(b.lines) + "\n")
            if b.build and b.build != ("ft" if ft else "gil"):
                continue
            if b.kind == "repl":
                expected, actual = run_repl(os.path.abspath(binary), b, workdir)
            elif b.kind == "console":
                expected, actual = run_console(binary, b, workdir, bindir)
            else:
                continue
            checked += 1
            if expected != actual:
                failures += 1
                print("FAIL  REPL.md line %d (%s block) on %s\n%s\n" %
                      (b.lineno, b.kind, binary, diff(expected, actual)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("%-12s REPL.md: %d blocks checked, %d failed" % (binary, checked, failures))
    return failures


def main(argv):
    args = argv[1:]
    doc = "REPL.md"
    if args and args[0].endswith(".md"):
        doc = args.pop(0)
    binaries = args or ["build/gilt", "build/gilt-ft"]
    blocks = parse(doc)
    failures = sum(check_binary(b, blocks) for b in binaries)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
