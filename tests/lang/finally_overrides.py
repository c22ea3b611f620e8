# A break, continue or return in a finally body that runs because of a return
# drops the pending return value first. It used to stay on the stack: a
# continue handed it to FOR_ITER as the iterator, and inside an except
# handler POP_EXCEPT restored it as the current exception (then a crash).
import sys
def f():
    for i in range(1):
        try:
            return 'r'
        finally:
            continue
    return 'end'
print(f())
def g():
    try:
        1 / 0
    except ZeroDivisionError:
        try:
            return 'a'
        finally:
            return 'b'
print(g())
print(sys.exc_info()[0])
def h():
    try:
        1 // 0
    except ZeroDivisionError:
        try:
            return 'a' * 3
        finally:
            return 'b'
h()
try:
    raise KeyError('k')
except KeyError:
    pass
def k():
    for x in range(3):
        try:
            try:
                return x
            finally:
                if x < 2:
                    continue
                break
        finally:
            pass
    return 'after'
print(k())
def w():
    while True:
        with open(__file__) as fh:
            try:
                return 1
            finally:
                break
    return 2
print(w())
def nested():
    try:
        try:
            return 'inner'
        finally:
            return 'mid'
    finally:
        pass
print(nested())
print('done')
def gen():
    for i in range(3):
        try:
            yield i
            return 'early'
        finally:
            continue
    return 'late'
g = gen()
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('stop', e.value)
