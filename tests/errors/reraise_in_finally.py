def work():
    try:
        raise IndexError("list index out of range")
    finally:
        print("cleanup")


work()
