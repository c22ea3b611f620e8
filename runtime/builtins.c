/* builtins.c — the builtins module: print, len, sorted, min/max, exec/eval,
 * getattr and the rest of Python's builtin functions, plus the builtin
 * types and constants under their usual names.
 *
 * Guarantees: argument errors raise the TypeError/ValueError CPython 3.11
 * raises, with the same wording where practical. print() writes straight
 * into the buffer of a gilt file object (no per-call str.join, no write(2)
 * per print); other file-like objects get .write(). sum() adds small ints
 * and floats without allocating intermediate objects until it must.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gilt.h"
#include "exceptions.h"
#include "fileio.h"
#include "../compiler/compile.h"

#define BUILTIN(name) \
    static Object *name(Object *self, Object *const *args, size_t nargs, Object *kwnames)

static Object *sys_attr(const char *name) {   /* new ref or NULL (no error) */
    Interp *in = ts_current()->interp;
    return in->sysdict ? dict_get_cstr(in->sysdict, name) : NULL;
}

/* ------------------------------------------------------------------ */
/* I/O                                                                  */

static int write_to(Object *file, Object *s) {
    if (IS_TYPE(file, TextFileType))
        return fileio_write_text(file, str_data(s), str_size(s));
    Object *r = obj_call_method(file, "write", &s, 1);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int write_cstr_to(Object *file, const char *s, size_t n) {
    if (IS_TYPE(file, TextFileType)) return fileio_write_text(file, s, n);
    Object *str = str_from_utf8(s, n);
    if (!str) return -1;
    int r = write_to(file, str);
    DECREF(str);
    return r;
}

BUILTIN(b_print) {
    Object *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Object *k = tuple_get(kwnames, i), *v = args[nargs + i];
        if (str_eq_cstr(k, "sep")) sep = v;
        else if (str_eq_cstr(k, "end")) end = v;
        else if (str_eq_cstr(k, "file")) file = v;
        else if (str_eq_cstr(k, "flush")) flush = v;
        else return err_format(Exc_TypeError, "'%U' is an invalid keyword argument for print()", k);
    }
    if (sep == OBJ_NONE) sep = NULL;
    if (end == OBJ_NONE) end = NULL;
    if (sep && !STR_CHECK(sep))
        return err_format(Exc_TypeError, "sep must be None or a string, not %T", sep);
    if (end && !STR_CHECK(end))
        return err_format(Exc_TypeError, "end must be None or a string, not %T", end);
    Object *owned_file = NULL;
    if (!file || file == OBJ_NONE) {
        owned_file = sys_attr("stdout");
        if (!owned_file || owned_file == OBJ_NONE) {
            XDECREF(owned_file);
            RETURN_NONE;
        }
        file = owned_file;
    }
    int rc = 0;
    for (size_t i = 0; i < nargs && rc == 0; i++) {
        if (i > 0)
            rc = sep ? write_to(file, sep) : write_cstr_to(file, " ", 1);
        if (rc < 0) break;
        Object *a = args[i];
        if (IS_TYPE(a, StrType)) {
            rc = write_to(file, a);
        } else {
            Object *s = obj_str(a);
            if (!s) { rc = -1; break; }
            rc = write_to(file, s);
            DECREF(s);
        }
    }
    if (rc == 0) rc = end ? write_to(file, end) : write_cstr_to(file, "\n", 1);
    if (rc == 0 && flush) {
        int t = obj_is_true(flush);
        if (t < 0) rc = -1;
        else if (t) rc = fileio_flush(file);
    }
    XDECREF(owned_file);
    if (rc < 0) return NULL;
    RETURN_NONE;
}

BUILTIN(b_input) {
    if (arg_no_kw("input", kwnames) < 0 || arg_count("input", nargs, 0, 1) < 0) return NULL;
    Object *out = sys_attr("stdout");
    Object *in = sys_attr("stdin");
    Object *result = NULL;
    if (!in || in == OBJ_NONE) {
        err_set(Exc_RuntimeError, "input(): lost sys.stdin");
        goto done;
    }
    if (nargs == 1 && out && out != OBJ_NONE) {
        Object *p = obj_str(args[0]);
        if (!p) goto done;
        int r = write_to(out, p);
        DECREF(p);
        if (r < 0 || fileio_flush(out) < 0) goto done;
    }
    Object *line = fileio_readline(in, -1);
    if (!line) goto done;
    if (!STR_CHECK(line)) {
        err_format(Exc_TypeError, "object.readline() returned non-string");
        DECREF(line);
        goto done;
    }
    size_t n = str_size(line);
    if (n == 0) {
        DECREF(line);
        err_set(Exc_EOFError, "EOF when reading a line");
        goto done;
    }
    if (str_data(line)[n - 1] == '\n') {
        result = str_from_utf8_unchecked(str_data(line), n - 1);
        DECREF(line);
    } else {
        result = line;
    }
done:
    XDECREF(out);
    XDECREF(in);
    return result;
}

/* ------------------------------------------------------------------ */
/* sequences and iteration                                              */

BUILTIN(b_len) {
    if (arg_no_kw("len", kwnames) < 0 || arg_count("len", nargs, 1, 1) < 0) return NULL;
    int64_t n = obj_len(args[0]);
    if (n < 0) return NULL;
    return int_from_i64(n);
}

BUILTIN(b_sorted) {
    static const char *const kwlist[] = {"/iterable", "$key", "$reverse", NULL};
    Object *a[3] = {0};
    if (nargs != 1)   /* CPython checks the count first, in its own words */
        return err_format(Exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    if (arg_bind("sorted", args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    Object *list = obj_to_list(a[0]);
    if (!list) return NULL;
    Object *key = a[1] && a[1] != OBJ_NONE ? a[1] : NULL;
    int reverse = 0;
    if (a[2]) {
        reverse = obj_is_true(a[2]);
        if (reverse < 0) { DECREF(list); return NULL; }
    }
    if (list_sort(list, key, reverse) < 0) { DECREF(list); return NULL; }
    return list;
}

BUILTIN(b_sum) {
    static const char *const kwlist[] = {"/iterable", "start", NULL};
    Object *a[2] = {0};
    if (arg_bind("sum", args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    Object *start = a[1];
    if (start) {
        if (STR_CHECK(start))
            return err_set(Exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        if (BYTES_CHECK(start))
            return err_set(Exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        if (IS_INSTANCE(start, ByteArrayType))
            return err_set(Exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    Object *it = obj_iter(a[0]);
    if (!it) return NULL;
    Object *item = NULL;
    Object *total = NULL;

    /* Fast path: exact small ints, summed in a C integer. */
    if (!start || (INT_CHECK_EXACT(start) && int_is_small(start))) {
        int64_t acc = start ? int_small(start) : 0;
        for (;;) {
            item = obj_next(it);
            if (!item) break;
            int64_t next;
            if (INT_CHECK_EXACT(item) && int_is_small(item) &&
                !__builtin_add_overflow(acc, int_small(item), &next)) {
                acc = next;
                DECREF(item);
                continue;
            }
            break;
        }
        total = int_from_i64(acc);
        if (!item || !total) goto finish;
    } else {
        total = NEWREF(start);
        item = obj_next(it);
        if (!item) goto finish;
    }

    /* Fast path: floats (and ints mixed in) summed in a C double. */
    if (FLOAT_CHECK(item) && IS_TYPE(item, FloatType) &&
        (IS_TYPE(total, FloatType) || (INT_CHECK_EXACT(total) && int_is_small(total)))) {
        double acc = IS_TYPE(total, FloatType) ? float_value(total) : (double)int_small(total);
        while (item) {
            if (IS_TYPE(item, FloatType)) acc += float_value(item);
            else if (INT_CHECK_EXACT(item) && int_is_small(item)) acc += (double)int_small(item);
            else break;
            DECREF(item);
            item = obj_next(it);
        }
        SETREF(total, float_from_double(acc));
        if (!item || !total) goto finish;
    }

    /* General case. */
    while (item) {
        Object *t = obj_binop(total, item, BINOP_ADD);
        DECREF(item);
        item = NULL;
        SETREF(total, t);
        if (!total) goto finish;
        item = obj_next(it);
    }
finish:
    XDECREF(item);
    DECREF(it);
    if (err_occurred()) { XDECREF(total); return NULL; }
    return total;
}

static Object *min_max(Object *const *args, size_t nargs, Object *kwnames, CompareOp op,
                       const char *name) {
    Object *key = NULL, *dflt = NULL;
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Object *k = tuple_get(kwnames, i);
        if (str_eq_cstr(k, "key")) key = args[nargs + i];
        else if (str_eq_cstr(k, "default")) dflt = args[nargs + i];
        else return err_format(Exc_TypeError, "'%U' is an invalid keyword argument for %s()", k, name);
    }
    if (key == OBJ_NONE) key = NULL;
    if (nargs == 0)
        return err_format(Exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt)
        return err_format(Exc_TypeError,
                          "Cannot specify a default for %s() with multiple positional arguments", name);
    Object *seq = nargs == 1 ? NEWREF(args[0]) : tuple_from_array(args, nargs);
    if (!seq) return NULL;
    Object *it = obj_iter(seq);
    DECREF(seq);
    if (!it) return NULL;
    Object *best = NULL, *bestkey = NULL, *item;
    while ((item = obj_next(it))) {
        Object *k = key ? obj_call1(key, item) : NEWREF(item);
        if (!k) { DECREF(item); goto fail; }
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        int better = obj_richcompare_bool(k, bestkey, op);
        if (better < 0) { DECREF(item); DECREF(k); goto fail; }
        if (better) {
            SETREF(best, item);
            SETREF(bestkey, k);
        } else {
            DECREF(item);
            DECREF(k);
        }
    }
    if (err_occurred()) goto fail;
    DECREF(it);
    XDECREF(bestkey);
    if (!best) {
        if (dflt) return NEWREF(dflt);
        return err_format(Exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    DECREF(it);
    XDECREF(best);
    XDECREF(bestkey);
    return NULL;
}

BUILTIN(b_min) { return min_max(args, nargs, kwnames, CMP_LT, "min"); }
BUILTIN(b_max) { return min_max(args, nargs, kwnames, CMP_GT, "max"); }

static Object *any_all(Object *iterable, bool want) {
    Object *it = obj_iter(iterable);
    if (!it) return NULL;
    Object *item;
    while ((item = obj_next(it))) {
        int t = obj_is_true(item);
        DECREF(item);
        if (t < 0) { DECREF(it); return NULL; }
        if ((bool)t == want) { DECREF(it); RETURN_BOOL(want); }
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    RETURN_BOOL(!want);
}

BUILTIN(b_any) {
    if (arg_no_kw("any", kwnames) < 0 || arg_count("any", nargs, 1, 1) < 0) return NULL;
    return any_all(args[0], true);
}

BUILTIN(b_all) {
    if (arg_no_kw("all", kwnames) < 0 || arg_count("all", nargs, 1, 1) < 0) return NULL;
    return any_all(args[0], false);
}

BUILTIN(b_iter) {
    if (arg_no_kw("iter", kwnames) < 0 || arg_count("iter", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1) return obj_iter(args[0]);
    if (!TYPE(args[0])->call)
        return err_set(Exc_TypeError, "iter(v, w): v must be callable");
    return calliter_new(args[0], args[1]);
}

BUILTIN(b_next) {
    if (arg_no_kw("next", kwnames) < 0 || arg_count("next", nargs, 1, 2) < 0) return NULL;
    Object *it = args[0];
    if (!TYPE(it)->iternext)
        return err_format(Exc_TypeError, "'%T' object is not an iterator", it);
    Object *v = TYPE(it)->iternext(it);
    if (v) return v;
    if (err_occurred()) {
        if (nargs == 2 && err_matches(Exc_StopIteration)) {
            err_clear();
            return NEWREF(args[1]);
        }
        return NULL;
    }
    if (nargs == 2) return NEWREF(args[1]);
    return err_set_value(Exc_StopIteration, NULL);
}

BUILTIN(b_aiter) {
    if (arg_no_kw("aiter", kwnames) < 0 || arg_count("aiter", nargs, 1, 1) < 0) return NULL;
    return obj_call_method(args[0], "__aiter__", NULL, 0);
}

BUILTIN(b_anext) {
    if (arg_no_kw("anext", kwnames) < 0 || arg_count("anext", nargs, 1, 1) < 0) return NULL;
    return obj_call_method(args[0], "__anext__", NULL, 0);
}

/* ------------------------------------------------------------------ */
/* numbers                                                              */

BUILTIN(b_abs) {
    if (arg_no_kw("abs", kwnames) < 0 || arg_count("abs", nargs, 1, 1) < 0) return NULL;
    return obj_unaryop(args[0], UNOP_ABS);
}

/* round(x, -k) for a finite double and 1 <= k <= 308: the exact value of
 * x rounded to a multiple of 10**k, ties to even, then read back as the
 * nearest double (CPython's answer). x / 10**k * 10**k in doubles is off
 * by an ulp for large x: round(2.536768551463726e+112, -1) must be x
 * itself. glibc prints a double's exact decimal expansion, which is at
 * most 309 integer and 1074 fraction digits. */
static Object *round_double_to_tens(double x, int k) {
    char exact[1500];
    snprintf(exact, sizeof exact, "%.1100f", fabs(x));
    int int_digits = (int)(strchr(exact, '.') - exact);
    int kept = int_digits - k;          /* leading digits that survive */
    if (kept < 0) return float_from_double(copysign(0.0, x));   /* |x| < 10**(k-1) */
    /* round up past a 5, or at an exact tie (5 then only zeros) when the
     * kept digits are odd */
    char first = exact[kept];
    bool up = first > '5';
    if (first == '5') {
        bool beyond = false;
        for (const char *c = exact + kept + 1; *c && !beyond; c++) beyond = *c > '0';
        up = beyond || (kept > 0 && (exact[kept - 1] - '0') % 2 == 1);
    }
    char result[1500];
    size_t len = 0;
    if (signbit(x)) result[len++] = '-';
    result[len++] = '0';                /* room for a carry out of the top digit */
    memcpy(result + len, exact, (size_t)kept);
    len += (size_t)kept;
    if (up) {
        size_t i = len - 1;
        while (result[i] == '9') result[i--] = '0';
        result[i]++;
    }
    memset(result + len, '0', (size_t)k);
    len += (size_t)k;
    result[len] = '\0';
    double r = strtod(result, NULL);
    if (!isfinite(r)) return err_set(Exc_OverflowError, "rounded value too large to represent");
    return float_from_double(r);
}

/* round(x, n) for a double: the decimal rounding of x's exact value,
 * ties to even, as CPython's (dtoa mode 3 there, glibc's printf here). */
static Object *round_double(double x, int64_t n) {
    if (!isfinite(x) || n > 323) return float_from_double(x);
    if (n < -308) return float_from_double(0.0 * x);
    if (n >= 0) {
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)n, x);
        return float_from_double(strtod(buf, NULL));
    }
    return round_double_to_tens(x, (int)-n);
}

BUILTIN(b_round) {
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    Object *a[2] = {0};
    if (arg_bind("round", args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    Object *x = a[0], *nd = a[1] == OBJ_NONE ? NULL : a[1];
    if (IS_TYPE(x, FloatType)) {
        double v = float_value(x);
        if (!nd) return int_from_double(rint(v));
        int64_t n = obj_as_index(nd);
        if (n == -1 && err_occurred()) {
            /* CPython clamps ndigits to its ssize_t range for floats; any
             * |n| past 400 rounds the same (no digits beyond, or zero). */
            if (!err_matches(Exc_OverflowError)) return NULL;
            err_clear();
            n = int_sign(nd) > 0 ? 400 : -400;
        }
        return round_double(v, n);
    }
    /* int.__round__ without the method call; its answer is an exact int
     * (round(True) is 1) */
    if (IS_TYPE(x, IntType) || IS_TYPE(x, BoolType)) return int_round(x, nd);
    Object *meth = type_lookup_cstr(TYPE(x), "__round__");
    if (!meth)
        return err_format(Exc_TypeError, "type %s doesn't define __round__ method",
                          type_name(TYPE(x)));
    return nd ? obj_call_method(x, "__round__", &nd, 1) : obj_call_method(x, "__round__", NULL, 0);
}

BUILTIN(b_divmod) {
    if (arg_no_kw("divmod", kwnames) < 0 || arg_count("divmod", nargs, 2, 2) < 0) return NULL;
    Object *x = args[0], *y = args[1];
    bool numeric = (INT_CHECK(x) || FLOAT_CHECK(x)) && (INT_CHECK(y) || FLOAT_CHECK(y));
    if (!numeric) {
        if (type_lookup_cstr(TYPE(x), "__divmod__")) {
            Object *r = obj_call_method(x, "__divmod__", &y, 1);
            if (r != OBJ_NOTIMPL) return r;
            DECREF(r);
        }
        if (type_lookup_cstr(TYPE(y), "__rdivmod__")) {
            Object *r = obj_call_method(y, "__rdivmod__", &x, 1);
            if (r != OBJ_NOTIMPL) return r;
            DECREF(r);
        }
        return err_format(Exc_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'",
                          x, y);
    }
    if ((FLOAT_CHECK(x) || FLOAT_CHECK(y))) {
        double d = float_as_double(y);
        if (d == -1.0 && err_occurred()) return NULL;
        if (d == 0.0) return err_set(Exc_ZeroDivisionError, "float divmod()");
    }
    Object *q = obj_binop(x, y, BINOP_FLOORDIV);
    if (!q) return NULL;
    Object *r = obj_binop(x, y, BINOP_MOD);
    if (!r) { DECREF(q); return NULL; }
    Object *t = tuple_pack(2, q, r);
    DECREF(q);
    DECREF(r);
    return t;
}

/* Modular inverse by the extended Euclidean algorithm (small ints). */
static bool inverse_mod(__int128 a, __int128 m, __int128 *out) {
    __int128 g = m, x = 0, x1 = 1, a1 = ((a % m) + m) % m;
    while (a1 != 0) {
        __int128 q = g / a1, t;
        t = g - q * a1; g = a1; a1 = t;
        t = x - q * x1; x = x1; x1 = t;
    }
    if (g != 1) return false;
    *out = ((x % m) + m) % m;
    return true;
}

BUILTIN(b_pow) {
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    Object *a[3] = {0};
    if (arg_bind("pow", args, nargs, kwnames, kwlist, 2, a) < 0) return NULL;
    if (!a[2] || a[2] == OBJ_NONE) return obj_binop(a[0], a[1], BINOP_POW);
    Object *base = a[0], *exp = a[1], *mod = a[2];
    if (!INT_CHECK(base) || !INT_CHECK(exp) || !INT_CHECK(mod))
        return err_set(Exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    if (int_sign(mod) == 0) return err_set(Exc_ValueError, "pow() 3rd argument cannot be 0");
    Object *result = NULL, *b = NULL, *e = NULL, *one = int_from_i64(1), *two = int_from_i64(2);
    if (int_sign(exp) < 0) {
        if (!int_is_small(base) || !int_is_small(mod))
            goto unsupported;
        __int128 m = int_small(mod) < 0 ? -(__int128)int_small(mod) : int_small(mod), inv;
        if (!inverse_mod(int_small(base), m, &inv)) {
            err_set(Exc_ValueError, "base is not invertible for the given modulus");
            goto out;
        }
        b = int_from_i64((int64_t)inv);
        e = obj_unaryop(exp, UNOP_NEG);
    } else {
        b = NEWREF(base);
        e = NEWREF(exp);
    }
    if (!b || !e) goto out;
    /* Square and multiply with Python int arithmetic; the final % gives the
     * result the sign of mod, as Python does. */
    result = obj_binop(one, mod, BINOP_MOD);
    SETREF(b, obj_binop(b, mod, BINOP_MOD));
    while (result && b && int_sign(e) > 0) {
        Object *bit = obj_binop(e, one, BINOP_AND);
        if (!bit) { CLEAR(result); break; }
        if (int_sign(bit) != 0) {
            Object *t = obj_binop(result, b, BINOP_MUL);
            SETREF(result, t ? obj_binop(t, mod, BINOP_MOD) : NULL);
            XDECREF(t);
        }
        DECREF(bit);
        SETREF(e, obj_binop(e, one, BINOP_RSHIFT));
        if (!e || !result) { CLEAR(result); break; }
        if (int_sign(e) > 0) {
            Object *t = obj_binop(b, b, BINOP_MUL);
            SETREF(b, t ? obj_binop(t, mod, BINOP_MOD) : NULL);
            XDECREF(t);
        }
    }
    if (!b) CLEAR(result);
    goto out;
unsupported:
    err_set(Exc_ValueError, "pow() with a negative exponent and a large modulus is not supported");
out:
    XDECREF(b);
    XDECREF(e);
    XDECREF(one);
    XDECREF(two);
    return result;
}

static Object *int_in_base(Object *const *args, size_t nargs, Object *kwnames,
                           const char *name, int base) {
    if (arg_no_kw(name, kwnames) < 0 || arg_count(name, nargs, 1, 1) < 0) return NULL;
    Object *i = obj_index(args[0]);
    if (!i) return NULL;
    Object *r = int_to_string(i, base);
    DECREF(i);
    return r;
}

BUILTIN(b_hex) { return int_in_base(args, nargs, kwnames, "hex", 16); }
BUILTIN(b_oct) { return int_in_base(args, nargs, kwnames, "oct", 8); }
BUILTIN(b_bin) { return int_in_base(args, nargs, kwnames, "bin", 2); }

/* ------------------------------------------------------------------ */
/* objects and attributes                                               */

BUILTIN(b_hash) {
    if (arg_no_kw("hash", kwnames) < 0 || arg_count("hash", nargs, 1, 1) < 0) return NULL;
    int64_t h = obj_hash(args[0]);
    if (h == -1 && err_occurred()) return NULL;
    return int_from_i64(h);
}

BUILTIN(b_id) {
    if (arg_no_kw("id", kwnames) < 0 || arg_count("id", nargs, 1, 1) < 0) return NULL;
    return int_from_u64((uint64_t)(uintptr_t)args[0]);
}

BUILTIN(b_isinstance) {
    if (arg_no_kw("isinstance", kwnames) < 0) return NULL;
    if (nargs != 2)
        return err_format(Exc_TypeError, "isinstance expected 2 arguments, got %zu", nargs);
    int r = obj_isinstance(args[0], args[1]);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

BUILTIN(b_issubclass) {
    if (arg_no_kw("issubclass", kwnames) < 0) return NULL;
    if (nargs != 2)
        return err_format(Exc_TypeError, "issubclass expected 2 arguments, got %zu", nargs);
    int r = obj_issubclass(args[0], args[1]);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

BUILTIN(b_callable) {
    if (arg_no_kw("callable", kwnames) < 0 || arg_count("callable", nargs, 1, 1) < 0) return NULL;
    RETURN_BOOL(TYPE(args[0])->call != NULL);
}

static int check_attr_name(const char *fname, Object *name) {
    if (STR_CHECK(name)) return 0;
    (void)fname;   /* CPython 3.11 names no function here */
    err_format(Exc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
}

BUILTIN(b_getattr) {
    if (arg_no_kw("getattr", kwnames) < 0) return NULL;
    if (nargs < 2 || nargs > 3)
        return err_format(Exc_TypeError, "getattr expected at %s arguments, got %zu",
                          nargs < 2 ? "least 2" : "most 3", nargs);
    if (check_attr_name("getattr", args[1]) < 0) return NULL;
    Object *v = obj_getattr(args[0], args[1]);
    if (!v && nargs == 3 && err_matches(Exc_AttributeError)) {
        err_clear();
        return NEWREF(args[2]);
    }
    return v;
}

BUILTIN(b_setattr) {
    if (arg_no_kw("setattr", kwnames) < 0 || arg_count("setattr", nargs, 3, 3) < 0) return NULL;
    if (check_attr_name("setattr", args[1]) < 0) return NULL;
    if (obj_setattr(args[0], args[1], args[2]) < 0) return NULL;
    RETURN_NONE;
}

BUILTIN(b_hasattr) {
    if (arg_no_kw("hasattr", kwnames) < 0 || arg_count("hasattr", nargs, 2, 2) < 0) return NULL;
    if (check_attr_name("hasattr", args[1]) < 0) return NULL;
    Object *v = obj_getattr(args[0], args[1]);
    if (v) { DECREF(v); RETURN_BOOL(1); }
    if (err_matches(Exc_AttributeError)) { err_clear(); RETURN_BOOL(0); }
    return NULL;
}

BUILTIN(b_delattr) {
    if (arg_no_kw("delattr", kwnames) < 0 || arg_count("delattr", nargs, 2, 2) < 0) return NULL;
    if (check_attr_name("delattr", args[1]) < 0) return NULL;
    if (obj_setattr(args[0], args[1], NULL) < 0) return NULL;
    RETURN_NONE;
}

BUILTIN(b_repr) {
    if (arg_no_kw("repr", kwnames) < 0 || arg_count("repr", nargs, 1, 1) < 0) return NULL;
    return obj_repr(args[0]);
}

BUILTIN(b_ascii) {
    if (arg_no_kw("ascii", kwnames) < 0 || arg_count("ascii", nargs, 1, 1) < 0) return NULL;
    return obj_ascii(args[0]);
}

BUILTIN(b_ord) {
    if (arg_no_kw("ord", kwnames) < 0 || arg_count("ord", nargs, 1, 1) < 0) return NULL;
    Object *c = args[0];
    if (STR_CHECK(c)) {
        if (str_length(c) != 1)
            return err_format(Exc_TypeError, "ord() expected a character, but string of length %zu found",
                              str_length(c));
        const unsigned char *s = (const unsigned char *)str_data(c);
        uint32_t cp;
        if (s[0] < 0x80) cp = s[0];
        else if (s[0] < 0xE0) cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        else if (s[0] < 0xF0) cp = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        else cp = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        return int_from_i64(cp);
    }
    if (BYTES_CHECK(c) || IS_INSTANCE(c, ByteArrayType)) {
        size_t n = BYTES_CHECK(c) ? bytes_size(c) : ((ByteArrayObject *)c)->size;
        const char *d = BYTES_CHECK(c) ? bytes_data(c) : ((ByteArrayObject *)c)->data;
        if (n != 1)
            return err_format(Exc_TypeError, "ord() expected a character, but string of length %zu found", n);
        return int_from_i64((unsigned char)d[0]);
    }
    return err_format(Exc_TypeError, "ord() expected string of length 1, but %T found", c);
}

BUILTIN(b_chr) {
    if (arg_no_kw("chr", kwnames) < 0 || arg_count("chr", nargs, 1, 1) < 0) return NULL;
    if (!INT_CHECK(args[0]) && !type_lookup_cstr(TYPE(args[0]), "__index__"))
        return err_format(Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    int64_t v = obj_as_index(args[0]);
    if (v == -1 && err_occurred()) {
        if (!err_matches(Exc_OverflowError)) return NULL;
        err_clear();
        return err_set(Exc_OverflowError, "Python int too large to convert to C int");
    }
    if (v < 0 || v > 0x10FFFF) return err_set(Exc_ValueError, "chr() arg not in range(0x110000)");
    return str_from_codepoint((uint32_t)v);
}

BUILTIN(b_format) {
    if (arg_no_kw("format", kwnames) < 0 || arg_count("format", nargs, 1, 2) < 0) return NULL;
    Object *spec = nargs == 2 ? NEWREF(args[1]) : str_from_cstr("");
    if (!spec) return NULL;
    if (!STR_CHECK(spec)) {
        err_format(Exc_TypeError, "format() argument 2 must be str, not %T", spec);
        DECREF(spec);
        return NULL;
    }
    Object *r = obj_format(args[0], spec);
    DECREF(spec);
    return r;
}

BUILTIN(b_vars) {
    if (arg_no_kw("vars", kwnames) < 0 || arg_count("vars", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return vm_current_locals();
    Object *d = obj_getattr_cstr(args[0], "__dict__");
    if (!d && err_matches(Exc_AttributeError)) {
        err_clear();
        return err_set(Exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

BUILTIN(b_dir) {
    if (arg_no_kw("dir", kwnames) < 0 || arg_count("dir", nargs, 0, 1) < 0) return NULL;
    if (nargs == 1) return obj_dir(args[0]);
    Object *locals = vm_current_locals();
    if (!locals) return NULL;
    Object *keys = obj_to_list(locals);
    DECREF(locals);
    if (keys && list_sort(keys, NULL, false) < 0) CLEAR(keys);
    return keys;
}

BUILTIN(b_globals) {
    if (arg_no_kw("globals", kwnames) < 0 || arg_count("globals", nargs, 0, 0) < 0) return NULL;
    Object *g = vm_current_globals();
    if (!g) return err_set(Exc_SystemError, "globals(): no current frame");
    return NEWREF(g);
}

BUILTIN(b_locals) {
    if (arg_no_kw("locals", kwnames) < 0 || arg_count("locals", nargs, 0, 0) < 0) return NULL;
    return vm_current_locals();
}

/* ------------------------------------------------------------------ */
/* compile, exec, eval, import                                          */

static Object *source_to_code(Object *src, const char *filename, CompileMode mode,
                              const char *fname) {
    if (IS_TYPE(src, CodeType)) return NEWREF(src);
    const char *s;
    size_t n;
    if (STR_CHECK(src)) {
        s = str_data(src);
        n = str_size(src);
    } else if (BYTES_CHECK(src)) {
        s = bytes_data(src);
        n = bytes_size(src);
    } else {
        return err_format(Exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    }
    if (memchr(s, '\0', n))
        return err_set(Exc_ValueError, "source code string cannot contain null bytes");
    if (mode == COMPILE_EVAL)
        while (n > 0 && (*s == ' ' || *s == '\t')) { s++; n--; }
    return compile_source(s, n, filename, mode);
}

static Object *exec_or_eval(Object *const *args, size_t nargs, Object *kwnames,
                            CompileMode mode, const char *fname) {
    static const char *const kwlist[] = {"/source", "/globals", "/locals", NULL};
    Object *a[3] = {0};
    if (arg_bind(fname, args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    Object *globals = a[1] == OBJ_NONE ? NULL : a[1];
    Object *locals = a[2] == OBJ_NONE ? NULL : a[2];
    if (globals && !DICT_CHECK(globals))
        return err_format(Exc_TypeError, "%s() globals must be a dict, not %T", fname, globals);
    Object *owned_locals = NULL;
    if (!globals) {
        globals = vm_current_globals();
        if (!globals) return err_format(Exc_SystemError, "%s(): no current frame", fname);
        if (!locals) locals = owned_locals = vm_current_locals();
        if (!locals) return NULL;
    } else if (!locals) {
        locals = globals;
    }
    Object *code = NULL, *result = NULL;
    Object *b = dict_get_cstr(globals, "__builtins__");
    if (b) {
        DECREF(b);
    } else {
        Object *bm = dict_get_cstr(ts_current()->interp->modules, "builtins");
        int r = dict_set_cstr(globals, "__builtins__", bm ? bm : ts_current()->interp->builtins);
        XDECREF(bm);
        if (r < 0) goto done;
    }
    code = source_to_code(a[0], "<string>", mode, fname);
    if (!code) goto done;
    result = eval_code(code, globals, locals);
    if (result && mode == COMPILE_FILE) SETREF(result, NEWREF(OBJ_NONE));
done:
    XDECREF(code);
    XDECREF(owned_locals);
    return result;
}

BUILTIN(b_exec) { return exec_or_eval(args, nargs, kwnames, COMPILE_FILE, "exec"); }
BUILTIN(b_eval) { return exec_or_eval(args, nargs, kwnames, COMPILE_EVAL, "eval"); }

BUILTIN(b_compile) {
    static const char *const kwlist[] = {"source", "filename", "mode", "flags",
                                         "dont_inherit", "optimize", NULL};
    Object *a[6] = {0};
    if (arg_bind("compile", args, nargs, kwnames, kwlist, 3, a) < 0) return NULL;
    if (!STR_CHECK(a[1]))
        return err_format(Exc_TypeError, "compile() argument 'filename' must be str, not %T", a[1]);
    if (!STR_CHECK(a[2]))
        return err_format(Exc_TypeError, "compile() argument 'mode' must be str, not %T", a[2]);
    CompileMode mode;
    if (str_eq_cstr(a[2], "exec")) mode = COMPILE_FILE;
    else if (str_eq_cstr(a[2], "eval")) mode = COMPILE_EVAL;
    else if (str_eq_cstr(a[2], "single")) mode = COMPILE_SINGLE;
    else return err_set(Exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    return source_to_code(a[0], str_data(a[1]), mode, "compile");
}

BUILTIN(b_import) {
    static const char *const kwlist[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    Object *a[5] = {0};
    if (arg_bind("__import__", args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    if (!STR_CHECK(a[0]))
        return err_format(Exc_TypeError, "__import__() argument 1 must be str, not %T", a[0]);
    int64_t level = 0;
    if (a[4]) {
        level = obj_as_index(a[4]);
        if (level == -1 && err_occurred()) return NULL;
        if (level < 0) return err_set(Exc_ValueError, "level must be >= 0");
    }
    Object *globals = a[1] && a[1] != OBJ_NONE ? a[1] : NULL;
    Object *fromlist = a[3] && a[3] != OBJ_NONE ? a[3] : NULL;
    return import_name(a[0], globals, fromlist, (int)level);
}

/* ------------------------------------------------------------------ */
/* exit, quit, help                                                     */

typedef struct QuitterObject {
    OBJECT_HEAD
    const char *name;
} QuitterObject;

static Object *quitter_repr(Object *self) {
    return str_format("Use %s() or Ctrl-D (i.e. EOF) to exit", ((QuitterObject *)self)->name);
}

static Object *quitter_call(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_count(((QuitterObject *)self)->name, nargs, 0, 1) < 0) return NULL;
    /* Like CPython: close stdin so a REPL reading it stops too. */
    return err_set_value(Exc_SystemExit, nargs ? args[0] : NULL);
}

static TypeObject QuitterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "_sitebuiltins.Quitter",
    .basicsize = sizeof(QuitterObject),
    .base = &ObjectType,
    .repr = quitter_repr,
    .call = quitter_call,
};

static QuitterObject exit_object = {OBJECT_HEAD_INIT(&QuitterType), .name = "exit"};
static QuitterObject quit_object = {OBJECT_HEAD_INIT(&QuitterType), .name = "quit"};

BUILTIN(b_help) {
    if (arg_no_kw("help", kwnames) < 0 || arg_count("help", nargs, 0, 1) < 0) return NULL;
    Object *out = sys_attr("stdout");
    if (!out || out == OBJ_NONE) { XDECREF(out); RETURN_NONE; }
    Object *text;
    if (nargs == 0) {
        text = str_from_cstr("Type help(object) for help about object.\n");
    } else {
        Object *doc = obj_lookup_attr(args[0], intern_cstr("__doc__"));
        if (!doc && err_occurred()) { DECREF(out); return NULL; }
        if (doc && STR_CHECK(doc)) text = str_format("%U\n", doc);
        else text = str_format("No documentation for %R\n", args[0]);
        XDECREF(doc);
    }
    int r = text ? write_to(out, text) : -1;
    XDECREF(text);
    DECREF(out);
    if (r < 0) return NULL;
    RETURN_NONE;
}

/* ------------------------------------------------------------------ */
/* the module                                                           */

static const MethodDef builtin_methods[] = {
    {"print", b_print, 0, "print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)"},
    {"input", b_input, 0, "Read a string from standard input, without the trailing newline."},
    {"open", fileio_open, 0, "Open file and return a stream."},
    {"len", b_len, 0, "Return the number of items in a container."},
    {"sorted", b_sorted, 0, "Return a new list containing all items from the iterable in ascending order."},
    {"sum", b_sum, 0, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers."},
    {"min", b_min, 0, "With a single iterable argument, return its smallest item."},
    {"max", b_max, 0, "With a single iterable argument, return its biggest item."},
    {"any", b_any, 0, "Return True if bool(x) is True for any x in the iterable."},
    {"all", b_all, 0, "Return True if bool(x) is True for all values x in the iterable."},
    {"iter", b_iter, 0, "Get an iterator from an object."},
    {"next", b_next, 0, "Return the next item from the iterator."},
    {"aiter", b_aiter, 0, "Return an AsyncIterator for an AsyncIterable object."},
    {"anext", b_anext, 0, "Return the next item from the async iterator."},
    {"abs", b_abs, 0, "Return the absolute value of the argument."},
    {"round", b_round, 0, "Round a number to a given precision in decimal digits."},
    {"divmod", b_divmod, 0, "Return the tuple (x//y, x%y)."},
    {"pow", b_pow, 0, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"hex", b_hex, 0, "Return the hexadecimal representation of an integer."},
    {"oct", b_oct, 0, "Return the octal representation of an integer."},
    {"bin", b_bin, 0, "Return the binary representation of an integer."},
    {"hash", b_hash, 0, "Return the hash value for the given object."},
    {"id", b_id, 0, "Return the identity of an object."},
    {"isinstance", b_isinstance, 0, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", b_issubclass, 0, "Return whether 'cls' is derived from another class or is the same class."},
    {"callable", b_callable, 0, "Return whether the object is callable."},
    {"getattr", b_getattr, 0, "Get a named attribute from an object."},
    {"setattr", b_setattr, 0, "Sets the named attribute on the given object to the specified value."},
    {"hasattr", b_hasattr, 0, "Return whether the object has an attribute with the given name."},
    {"delattr", b_delattr, 0, "Deletes the named attribute from the given object."},
    {"repr", b_repr, 0, "Return the canonical string representation of the object."},
    {"ascii", b_ascii, 0, "Return an ASCII-only representation of an object."},
    {"ord", b_ord, 0, "Return the Unicode code point for a one-character string."},
    {"chr", b_chr, 0, "Return a Unicode string of one character with ordinal i."},
    {"format", b_format, 0, "Return value.__format__(format_spec)"},
    {"vars", b_vars, 0, "Show vars."},
    {"dir", b_dir, 0, "Show attributes of an object."},
    {"globals", b_globals, 0, "Return the dictionary containing the current scope's global variables."},
    {"locals", b_locals, 0, "Return a dictionary containing the current scope's local variables."},
    {"exec", b_exec, 0, "Execute the given source in the context of globals and locals."},
    {"eval", b_eval, 0, "Evaluate the given source in the context of globals and locals."},
    {"compile", b_compile, 0, "Compile source into a code object."},
    {"__import__", b_import, 0, "Import a module."},
    {"__build_class__", builtin_build_class, 0, "Internal helper function used by the class statement."},
    {"help", b_help, 0, "Show an object's documentation."},
    {NULL, NULL, 0, NULL},
};

Object *builtins_module_init(void) {
    Object *m = module_new("builtins");
    if (!m) return NULL;
    if (module_add_methods(m, builtin_methods) < 0) goto fail;
    type_ready(&QuitterType);
    static const struct { const char *name; void *value; } values[] = {
        {"None", &NoneObject}, {"NotImplemented", &NotImplementedObject},
        {"Ellipsis", &EllipsisObject}, {"True", &TrueObject}, {"False", &FalseObject},
        {"object", &ObjectType}, {"type", &TypeType}, {"int", &IntType},
        {"bool", &BoolType}, {"float", &FloatType}, {"str", &StrType},
        {"bytes", &BytesType}, {"bytearray", &ByteArrayType}, {"tuple", &TupleType},
        {"list", &ListType}, {"dict", &DictType}, {"set", &SetType},
        {"frozenset", &FrozenSetType}, {"range", &RangeType}, {"slice", &SliceType},
        {"super", &SuperType}, {"property", &PropertyType},
        {"staticmethod", &StaticMethodType}, {"classmethod", &ClassMethodType},
        {"enumerate", &EnumerateType}, {"zip", &ZipType}, {"map", &MapType},
        {"filter", &FilterType}, {"reversed", &ReversedType},
        {"exit", &exit_object}, {"quit", &quit_object},
    };
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        if (module_add(m, values[i].name, (Object *)values[i].value) < 0) goto fail;
    Object *debug = OBJ_TRUE;
    if (module_add(m, "__debug__", debug) < 0) goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
