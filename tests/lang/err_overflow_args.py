# Huge ints where C code wants a machine integer: the error is raised where
# it happens (never left set to surface at a later, unrelated line), or the
# value is clamped the way CPython 3.11 does.
import _thread


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    print("  next statement ran")


t("%*d width 2**100", lambda: "%*d" % (2**100, 1))
t("%.*f precision 2**100", lambda: "%.*f" % (2**100, 1.0))
t("%*d width -2**63", lambda: "%*d" % (-2**63, 1))
t("%*d width -2**63-1", lambda: "%*d" % (-2**63 - 1, 1))
t("%*d width -3", lambda: "%*d|" % (-3, 1))
t("UnicodeDecodeError huge start", lambda: UnicodeDecodeError("utf-8", b"ab", 2**70, 2**71, "bad"))
t("UnicodeEncodeError huge start", lambda: UnicodeEncodeError("utf-8", "ab", 2**70, 2**71, "bad"))
t("UnicodeDecodeError str", lambda: str(UnicodeDecodeError("utf-8", b"ab", 1, 2, "bad")))
t("RLock._acquire_restore str count", lambda: _thread.RLock()._acquire_restore(("x", 1)))
t("RLock._acquire_restore float owner", lambda: _thread.RLock()._acquire_restore((1, 1.5)))
t("SyntaxError str huge lineno",
  lambda: str(SyntaxError("m", ("f", 2**70, 2**70, "x", 2**70, 2**71))))
t("SyntaxError lineno kept", lambda: SyntaxError("m", ("f", 2**70, 1, "x")).lineno)
t("list.insert 2**100", lambda: [1].insert(2**100, 1))
t("list.insert -2**100", lambda: [1].insert(-2**100, 1))
t("round(1.5, 2**63)", lambda: round(1.5, 2**63))
t("round(1.5, -2**63)", lambda: round(-1.5, -2**63))
t("round(2.675, 2**100)", lambda: round(2.675, 2**100))
t("round(1234.5, -2)", lambda: round(1234.5, -2))
t("'ab' * 2**62", lambda: "ab" * 2**62)
t("b'ab' * 2**62", lambda: b"ab" * 2**62)
t("'ab' * 2**64", lambda: "ab" * 2**64)
t("bytearray * 2**62", lambda: bytearray(b"ab") * 2**62)
t("getattr(1, 2)", lambda: getattr(1, 2))
t("setattr(1, 2, 3)", lambda: setattr(1, 2, 3))
t("hasattr(1, 2)", lambda: hasattr(1, 2))
t("delattr(1, 2)", lambda: delattr(1, 2))
print("done")
