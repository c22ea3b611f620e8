"""ptyrepl.py — drive a real gilt REPL through a pseudo-terminal.

Used by tests/repl/test_repl.py and tests/repl/check_replmd.py. A Session
forks the program on a pty (so isatty() is true and GNU readline is on),
sends keystrokes, and waits for output by pattern — never by fixed sleeps —
with generous timeouts, so the tests hold on a loaded machine.

Output is normalized before matching: ANSI/terminal escape sequences and
carriage returns are removed, and readline's bell is dropped.
"""
import os
import pty
import re
import select
import signal
import struct
import termios
import fcntl
import time

ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\x07")
DEFAULT_TIMEOUT = float(os.environ.get("REPL_TEST_TIMEOUT", "60"))


def clean(raw):
    return ESCAPES.sub(b"", raw).replace(b"\r", b"").decode("utf-8", "replace")


class Timeout(AssertionError):
    pass


class Session:
    def __init__(self, argv, env=None, cwd=None, columns=200):
        full_env = dict(os.environ)
        full_env.update({"TERM": "dumb", "INPUTRC": "/dev/null"})
        full_env.pop("GILT_HISTORY", None)
        if env:
            full_env.update(env)
        self.argv = argv
        pid, fd = pty.fork()
        if pid == 0:
            try:
                if cwd:
                    os.chdir(cwd)
                os.execve(argv[0], argv, full_env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
        self.raw = b""
        self.pos = 0          # matching resumes here (in the cleaned text)
        self.status = None

    # -- output ------------------------------------------------------------
    def _read_some(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        ready, _, _ = select.select([self.fd], [], [], min(remaining, 1.0))
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:        # EIO: the child closed the terminal
            data = b""
        if not data:
            self._reap(deadline)
            return False
        self.raw += data
        return True

    @property
    def text(self):
        return clean(self.raw)

    def expect(self, pattern, timeout=DEFAULT_TIMEOUT):
        """Wait until `pattern` (a regex) appears after the previous match;
        returns the text between the previous match and the end of this one."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        finished = False
        while True:
            text = self.text
            m = regex.search(text, self.pos)
            if m:
                seen = text[self.pos:m.end()]
                self.pos = m.end()
                return seen
            if finished or time.monotonic() >= deadline:
                raise Timeout("timed out waiting for %r (argv %s, exit status %r)\n"
                              "--- unmatched output:\n%s\n--- whole output:\n%s"
                              % (pattern, self.argv, self.status, text[self.pos:], text))
            if not self._read_some(deadline):
                finished = True

    def prompt(self, timeout=DEFAULT_TIMEOUT):
        return self.expect(r"(?:^|\n)>>> ", timeout)

    def continuation(self, timeout=DEFAULT_TIMEOUT):
        return self.expect(r"(?:^|\n)\.\.\. ", timeout)

    # -- input -------------------------------------------------------------
    def send(self, keys):
        if isinstance(keys, str):
            keys = keys.encode()
        os.write(self.fd, keys)

    def line(self, text):
        self.send(text + "\r")

    # -- end ---------------------------------------------------------------
    def _reap(self, deadline):
        while self.status is None and time.monotonic() < deadline:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(st)
                return
            time.sleep(0.02)

    def wait(self, timeout=DEFAULT_TIMEOUT):
        """Read until the program exits; its exit status."""
        deadline = time.monotonic() + timeout
        while self.status is None and time.monotonic() < deadline:
            if not self._read_some(deadline):
                break
        self._reap(deadline)
        if self.status is None:
            self.kill()
            raise Timeout("program did not exit: %s\n%s" % (self.argv, self.text))
        return self.status

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                _, st = os.waitpid(self.pid, 0)
                self.status = os.waitstatus_to_exitcode(st)
            except OSError:
                pass
        try:
            os.close(self.fd)
        except OSError:
            pass
