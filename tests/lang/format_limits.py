# Widths and precisions at and past their limits in %-formatting, format()
# and str.format: the real precision is used (no silent cap), and values
# past what C can hold raise CPython's ValueError messages.


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r) if len(repr(r)) < 60 else ("len", len(r)))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


t("%9999999999999999999d", lambda: "%9999999999999999999d" % 1)
t("%.9999999999999999999d", lambda: "%.9999999999999999999d" % 1)
t("%.99999999999f", lambda: "%.99999999999f" % 1.0)
t("%.2147483648f", lambda: "%.2147483648f" % 1.5)
t("%12d", lambda: "%12d|" % 7)
t("%-12.3f", lambda: "%-12.3f|" % 2.5)
t("%.2000f", lambda: "%.2000f" % 1.5)
t("%.1500e", lambda: "%.1500e" % 1.5)
t("%#.1200g", lambda: "%.1200g" % 1.5)
t("format .2000f", lambda: format(1.5, ".2000f"))
t("format .1500e", lambda: format(1.5, ".1500e"))
t("format .1500g", lambda: format(1.5, ".1500g"))
t("format .2000%", lambda: format(1.5, ".2000%"))
t("format 1e300 .1100f", lambda: format(1e300, ".1100f"))
t("format .2147483648f", lambda: format(1.5, ".2147483648f"))
t("format .99999999999999f", lambda: format(1.5, ".99999999999999f"))
t("format .99999999999999999999f", lambda: format(1.5, ".99999999999999999999f"))
t("format 99999999999999999999d", lambda: format(1, "99999999999999999999d"))
t("f-string precision 2**40", lambda: f"{1.5:.{2**40}f}")
t("format str .99999999999", lambda: format("abc", ".99999999999"))
t("format int precision", lambda: format(1, ".2d"))
t("format(1, 'z')", lambda: format(1, "z"))
t("format(1, 'zd')", lambda: format(1, "zd"))
t("format(-0.0, 'z')", lambda: format(-0.0, "z"))
t("format(-0.001, 'z.1f')", lambda: format(-0.001, "z.1f"))
t("{99999999999999999999}", lambda: "{99999999999999999999}".format(1))
t("{0[99999999999999999999999]}", lambda: "{0[99999999999999999999999]}".format([1]))
t("{0[9999999999999]}", lambda: "{0[9999999999999]}".format([1]))
t("{0:{99999999999999999999}}", lambda: "{0:{99999999999999999999}}".format(1))
t("{1}", lambda: "{1}".format(1))
t("{0[1]}", lambda: "{0[1]}".format([5, 6]))
print("done")
