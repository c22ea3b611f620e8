def countdown(n):
    if n == 0:
        raise RuntimeError("liftoff failed")
    countdown(n - 1)


countdown(10)
