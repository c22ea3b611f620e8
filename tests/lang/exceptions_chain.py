# Exception chaining: raise from, implicit __context__, __suppress_context__,
# exceptions inside finally, return in finally swallowing, with_traceback.
def show(e):
    print(type(e).__name__, e.args,
          "cause=" + (type(e.__cause__).__name__ if e.__cause__ else "None"),
          "context=" + (type(e.__context__).__name__ if e.__context__ else "None"),
          "suppress=" + str(e.__suppress_context__))
try:
    try:
        {}["x"]
    except KeyError as ke:
        raise ValueError("converted") from ke
except ValueError as e:
    show(e)
    print(e.__cause__ is e.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during handling")
except TypeError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("suppressed") from None
except TypeError as e:
    show(e)
try:
    try:
        raise ValueError("first")
    finally:
        raise KeyError("from finally")
except KeyError as e:
    show(e)
    print(repr(e.__context__))
def return_in_finally():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(return_in_finally())
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(break_in_finally())
def order():
    log = []
    try:
        log.append("try")
        raise RuntimeError("x")
    except RuntimeError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    try:
        log.append("try2")
    except RuntimeError:
        log.append("except2")
    else:
        log.append("else2")
    finally:
        log.append("finally2")
    return log
print(order())
def counted():
    n = 0
    for i in range(5):
        try:
            if i % 2:
                continue
            n += 10
        finally:
            n += 1
    return n
print(counted())
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            raise KeyError("c")
except KeyError as c:
    chain = []
    e = c
    while e is not None:
        chain.append(type(e).__name__)
        e = e.__context__
    print(chain)
e = ValueError("x")
print(e.__traceback__ is None, e.__cause__, e.__context__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)
try:
    raise ValueError("with tb").with_traceback(None)
except ValueError as e2:
    print("with_traceback ok", e2)
def gen_exc_in_handler():
    try:
        raise IndexError(1)
    except IndexError:
        try:
            raise KeyError(2)
        except KeyError as k:
            return type(k.__context__).__name__
print(gen_exc_in_handler())
import sys
try:
    raise ValueError("info")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info())
try:
    raise RuntimeError("outer")
except RuntimeError:
    try:
        raise ValueError("inner")
    except ValueError:
        pass
    print("after inner:", sys.exc_info()[1])
cause = OSError("root cause")
err = RuntimeError("top")
err.__cause__ = cause
print(err.__cause__ is cause, err.__suppress_context__)
