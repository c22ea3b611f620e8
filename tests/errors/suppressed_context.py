try:
    {}["k"]
except KeyError:
    raise RuntimeError("replaced") from None
