# An except handler's 'as' name is unbound when the handler ends, also when
# its body raises, returns, breaks or continues.
def f():
    try:
        try:
            1/0
        except ZeroDivisionError as e:
            raise ValueError("x")
    except ValueError as v:
        print("outer", v, type(v.__context__).__name__)
    try:
        e
    except NameError as n:
        print("NameError", n)
f()
try:
    try:
        raise KeyError(1)
    except KeyError as err:
        [][1]
except IndexError as ie:
    print("ie", ie)
print("err" in globals(), "ie" in globals())
def g():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 0: continue
            if i == 1: break
    return "e" in locals()
print(g())
def h():
    try:
        raise ValueError
    except ValueError as e:
        return 5
print(h())
def k():
    try:
        raise ValueError("a")
    except ValueError as e:
        try:
            raise TypeError("b")
        except TypeError as e2:
            pass
        print(e, "e2" in dir())
k()
