# A generator or coroutine has its own handled-exception slot (CPython's
# gi_exc_state): an except block inside it saves and restores only that
# slot, sys.exc_info() inside it falls back to whoever resumed it, and an
# exception thrown in takes the generator's own handled one as context.
import sys
def gen():
    try:
        raise IndexError
    except IndexError:
        yield 1
    yield sys.exc_info()[0]
it = gen()
try:
    raise ZeroDivisionError
except ZeroDivisionError:
    next(it)
print(next(it))
it = gen(); next(it)
try:
    raise RuntimeError
except RuntimeError:
    print(next(it))
print(sys.exc_info())
def h():
    try:
        raise ValueError('v')
    except ValueError:
        yield 1
it = h(); next(it)
try:
    it.throw(KeyError('t'))
except KeyError as e:
    print(repr(e.__context__))
def h2():
    try:
        yield 1
    finally:
        yield 2
it = h2(); next(it)
try:
    raise TypeError('outer')
except TypeError:
    try:
        it.throw(KeyError('t2'))
    except KeyError as e:
        print("throw ctx", repr(e.__context__))
def h3():
    yield 1
try:
    raise OSError('o')
except OSError:
    g = h3(); next(g)
    try:
        g.throw(ValueError('x'))
    except ValueError as e:
        print("ctx3", repr(e.__context__))
def reraiser():
    try:
        yield
    except Exception:
        raise
g = reraiser(); next(g)
try:
    g.throw(ValueError('rr'))
except ValueError as e:
    print("rr", repr(e), repr(e.__context__))
def bare():
    yield
    raise
try:
    raise KeyError('outer2')
except KeyError:
    g = bare(); next(g)
    try:
        next(g)
    except KeyError as e:
        print("bare raise in gen sees caller's", repr(e))
async def co():
    try:
        raise ValueError('c')
    except ValueError:
        return sys.exc_info()[0]
c = co()
try:
    c.send(None)
except StopIteration as e:
    print("coro", e.value)
print(sys.exc_info())
