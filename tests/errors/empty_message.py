def check(x):
    if x < 0:
        raise ValueError


check(-1)
