# Integer while and for loops: the dispatch loop and small-int arithmetic.
def while_loop(n):
    i = 0
    total = 0
    while i < n:
        total += i & 0xff
        i += 1
    return total
def for_loop(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i
        else:
            total -= 1
    return total
print(while_loop(5000000), for_loop(5000000))
