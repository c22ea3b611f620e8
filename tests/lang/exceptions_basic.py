# Exceptions: hierarchy, custom exceptions, except clauses with tuples,
# else/finally ordering, args, str/repr, re-raise.
class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
def risky(kind):
    if kind == 0:
        return "fine"
    if kind == 1:
        raise ValueError("bad value")
    if kind == 2:
        raise DbError(42, "db down")
    if kind == 3:
        return 1 / 0
    if kind == 4:
        return [][1]
    if kind == 5:
        return {}["k"]
    if kind == 6:
        return int("xyz")
    if kind == 7:
        return None + 1
    if kind == 8:
        return undefined_thing
    if kind == 9:
        return "x".nope
    if kind == 10:
        raise AppError
    if kind == 11:
        raise KeyboardInterrupt
for k in range(12):
    try:
        r = risky(k)
    except DbError as e:
        print(k, "DbError", e.code, e.args, str(e))
    except (ValueError, ZeroDivisionError) as e:
        print(k, type(e).__name__, e.args, str(e))
    except LookupError as e:
        print(k, "LookupError family:", type(e).__name__, repr(e))
    except Exception as e:
        print(k, "Exception:", type(e).__name__, e)
    except BaseException as e:
        print(k, "BaseException:", type(e).__name__, repr(e))
    else:
        print(k, "no error", r)
    finally:
        print(k, "finally")
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(FileNotFoundError, OSError), issubclass(RecursionError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception))
print(issubclass(SystemExit, BaseException), issubclass(NotImplementedError, RuntimeError), issubclass(UnicodeDecodeError, ValueError))
print(issubclass(OverflowError, ArithmeticError), issubclass(TimeoutError, OSError), issubclass(IOError, OSError), IOError is OSError)
def reraise():
    try:
        raise TypeError("original")
    except TypeError:
        print("handling, re-raising")
        raise
try:
    reraise()
except TypeError as e:
    print("outer got", e)
e = ValueError("a", 1, None)
print(e.args, str(e), repr(e), str(ValueError()), repr(ValueError()), str(ValueError("")))
try:
    raise ValueError
except ValueError as e:
    print("class raised ->", repr(e))
try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("wrong handler")
except KeyError as e:
    print("outer caught", e)
def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("caught ZeroDivisionError")
        return "returned"
    finally:
        print("outer finally")
print(nested())
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
x = "unchanged"
try:
    pass
except Exception as x:
    pass
print(x)
try:
    raise ValueError("gone")
except ValueError as err:
    pass
try:
    err
except NameError:
    print("except-as name deleted")
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(str(WithStr()), repr(WithStr(1)))
try:
    raise SystemExit(3)
except SystemExit as e:
    print("SystemExit code", e.code)
s = StopIteration(5)
print(s.value, KeyError("k").args, str(KeyError("k")), str(KeyError()), OSError(2, "No such file").errno)
print(str(OSError(2, "No such file or directory", "x.txt")), type(OSError(2, "x")).__name__)
exc_types = [ValueError, TypeError, KeyError, IndexError, AttributeError, ZeroDivisionError, RuntimeError, StopIteration]
for t in exc_types:
    try:
        raise t("msg")
    except Exception as e:
        print(type(e).__name__, isinstance(e, t), e.args)
