/* mathmodule.c — the math module.
 *
 * Float functions convert their arguments with float_as_double (ints and
 * floats; others raise TypeError "must be real number, not X") and report
 * errors as CPython does: a NaN out of a non-NaN input is ValueError
 * "math domain error", an infinity out of a finite input is OverflowError
 * "math range error". Integer functions (factorial, gcd, lcm, isqrt, comb,
 * perm) work on ints of any size, with a C fast path for small values.
 * floor/ceil/trunc return ints and honour __floor__/__ceil__/__trunc__.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gilt.h"

#define MATHFUNC(name) \
    static Object *name(Object *self, Object *const *args, size_t nargs, Object *kwnames)

static int arg_double(Object *o, double *out) {
    if (IS_TYPE(o, FloatType)) { *out = float_value(o); return 0; }
    if (!INT_CHECK(o) && !FLOAT_CHECK(o)) {
        Object *f = type_lookup_cstr(TYPE(o), "__float__") ? obj_unaryop(o, UNOP_FLOAT) : NULL;
        if (!f) {
            if (!err_occurred())
                err_format(Exc_TypeError, "must be real number, not %T", o);
            return -1;
        }
        *out = float_value(f);
        DECREF(f);
        return 0;
    }
    double d = float_as_double(o);
    if (d == -1.0 && err_occurred()) return -1;
    *out = d;
    return 0;
}

static Object *domain_error(void) { return err_set(Exc_ValueError, "math domain error"); }
static Object *range_error(void) { return err_set(Exc_OverflowError, "math range error"); }

/* Result checks shared by the one- and two-argument float functions. */
static Object *float_result(double r, bool input_nan, bool input_inf, bool can_overflow) {
    if (isnan(r) && !input_nan) return domain_error();
    if (isinf(r) && !input_inf) return can_overflow ? range_error() : domain_error();
    return float_from_double(r);
}

static Object *math_1(Object *const *args, size_t nargs, Object *kwnames, const char *name,
                      double (*f)(double), bool can_overflow) {
    if (arg_no_kw(name, kwnames) < 0 || arg_count(name, nargs, 1, 1) < 0) return NULL;
    double x;
    if (arg_double(args[0], &x) < 0) return NULL;
    errno = 0;
    double r = f(x);
    if (errno == ERANGE && can_overflow && fabs(r) > 1.0) return range_error();
    return float_result(r, isnan(x), isinf(x), can_overflow);
}

#define FUNC1(pyname, cfunc, overflow) \
    MATHFUNC(m_##pyname) { return math_1(args, nargs, kwnames, #pyname, cfunc, overflow); }

FUNC1(sqrt, sqrt, false)
FUNC1(exp, exp, true)
FUNC1(exp2, exp2, true)
FUNC1(expm1, expm1, true)
FUNC1(sin, sin, false)
FUNC1(cos, cos, false)
FUNC1(tan, tan, false)
FUNC1(asin, asin, false)
FUNC1(acos, acos, false)
FUNC1(atan, atan, false)
FUNC1(sinh, sinh, true)
FUNC1(cosh, cosh, true)
FUNC1(tanh, tanh, false)
FUNC1(asinh, asinh, false)
FUNC1(acosh, acosh, false)
FUNC1(atanh, atanh, false)
FUNC1(fabs, fabs, false)
FUNC1(erf, erf, false)
FUNC1(erfc, erfc, false)
FUNC1(cbrt, cbrt, false)
FUNC1(log1p, log1p, false)

MATHFUNC(m_gamma) {
    if (arg_count("gamma", nargs, 1, 1) < 0) return NULL;
    double x;
    if (arg_double(args[0], &x) < 0) return NULL;
    if ((x <= 0 && x == floor(x)) || (isinf(x) && x < 0)) return domain_error();
    return float_result(tgamma(x), isnan(x), isinf(x), true);
}

MATHFUNC(m_lgamma) {
    if (arg_count("lgamma", nargs, 1, 1) < 0) return NULL;
    double x;
    if (arg_double(args[0], &x) < 0) return NULL;
    if (x <= 0 && x == floor(x)) return domain_error();
    return float_result(lgamma(x), isnan(x), isinf(x), true);
}

/* log of any positive int or float; huge ints are scaled by powers of 2. */
static int log_of(Object *o, double *out) {
    if (INT_CHECK(o) && !int_is_small(o)) {
        if (int_sign(o) <= 0) { domain_error(); return -1; }
        size_t bits = int_bit_length(o);
        Object *shift = int_from_i64((int64_t)bits - 60);
        Object *top = shift ? obj_binop(o, shift, BINOP_RSHIFT) : NULL;
        XDECREF(shift);
        if (!top) return -1;
        double d = int_as_double(top);
        DECREF(top);
        *out = log(d) + ((double)bits - 60) * M_LN2;
        return 0;
    }
    double x;
    if (arg_double(o, &x) < 0) return -1;
    if (x <= 0 || isnan(x)) {
        if (isnan(x)) { *out = x; return 0; }
        domain_error();
        return -1;
    }
    *out = log(x);
    return 0;
}

MATHFUNC(m_log) {
    if (arg_no_kw("log", kwnames) < 0 || arg_count("log", nargs, 1, 2) < 0) return NULL;
    double num, den = 1.0;
    if (log_of(args[0], &num) < 0) return NULL;
    if (nargs == 2) {
        if (log_of(args[1], &den) < 0) return NULL;
        if (den == 0.0) return err_set(Exc_ZeroDivisionError, "float division by zero");
    }
    return float_from_double(num / den);
}

MATHFUNC(m_log2) {
    if (arg_count("log2", nargs, 1, 1) < 0) return NULL;
    double l, x;
    if (!(INT_CHECK(args[0]) && !int_is_small(args[0]))) {
        if (arg_double(args[0], &x) < 0) return NULL;
        if (x <= 0) return domain_error();
        return float_from_double(log2(x));
    }
    if (log_of(args[0], &l) < 0) return NULL;
    return float_from_double(l / M_LN2);
}

MATHFUNC(m_log10) {
    if (arg_count("log10", nargs, 1, 1) < 0) return NULL;
    double l, x;
    if (!(INT_CHECK(args[0]) && !int_is_small(args[0]))) {
        if (arg_double(args[0], &x) < 0) return NULL;
        if (x <= 0) return domain_error();
        return float_from_double(log10(x));
    }
    if (log_of(args[0], &l) < 0) return NULL;
    return float_from_double(l / M_LN10);
}

static int two_doubles(const char *name, Object *const *args, size_t nargs, double *x, double *y) {
    if (arg_count(name, nargs, 2, 2) < 0) return -1;
    if (arg_double(args[0], x) < 0 || arg_double(args[1], y) < 0) return -1;
    return 0;
}

MATHFUNC(m_pow) {
    double x, y;
    if (two_doubles("pow", args, nargs, &x, &y) < 0) return NULL;
    if (x == 0.0 && y < 0 && isfinite(y)) return domain_error();
    if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y)) return domain_error();
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y)) return range_error();
    return float_from_double(r);
}

MATHFUNC(m_atan2) {
    double y, x;
    if (two_doubles("atan2", args, nargs, &y, &x) < 0) return NULL;
    return float_from_double(atan2(y, x));
}

MATHFUNC(m_copysign) {
    double x, y;
    if (two_doubles("copysign", args, nargs, &x, &y) < 0) return NULL;
    return float_from_double(copysign(x, y));
}

MATHFUNC(m_fmod) {
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0) return NULL;
    if (isinf(y) && isfinite(x)) return float_from_double(x);
    if (isnan(x) || isnan(y)) return float_from_double(NAN);
    if (isinf(x) || y == 0.0) return domain_error();
    return float_from_double(fmod(x, y));
}

MATHFUNC(m_remainder) {
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0) return NULL;
    if (isnan(x) || isnan(y)) return float_from_double(NAN);
    if (isinf(x) || y == 0.0) return domain_error();
    return float_from_double(remainder(x, y));
}

MATHFUNC(m_ldexp) {
    if (arg_count("ldexp", nargs, 2, 2) < 0) return NULL;
    double x;
    if (arg_double(args[0], &x) < 0) return NULL;
    if (!INT_CHECK(args[1])) return err_set(Exc_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e = int_as_i64(args[1]);
    if (e == -1 && err_occurred()) {
        err_clear();
        e = int_sign(args[1]) > 0 ? 100000 : -100000;
    }
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x)) return range_error();
    return float_from_double(r);
}

MATHFUNC(m_frexp) {
    if (arg_count("frexp", nargs, 1, 1) < 0) return NULL;
    double x;
    if (arg_double(args[0], &x) < 0) return NULL;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    Object *a = float_from_double(m), *b = int_from_i64(e);
    Object *t = a && b ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return t;
}

MATHFUNC(m_modf) {
    if (arg_count("modf", nargs, 1, 1) < 0) return NULL;
    double x;
    if (arg_double(args[0], &x) < 0) return NULL;
    double ip;
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) ip = x;
    Object *a = float_from_double(fp), *b = float_from_double(ip);
    Object *t = a && b ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return t;
}

MATHFUNC(m_degrees) {
    if (arg_count("degrees", nargs, 1, 1) < 0) return NULL;
    double x;
    if (arg_double(args[0], &x) < 0) return NULL;
    return float_from_double(x * (180.0 / M_PI));
}

MATHFUNC(m_radians) {
    if (arg_count("radians", nargs, 1, 1) < 0) return NULL;
    double x;
    if (arg_double(args[0], &x) < 0) return NULL;
    return float_from_double(x * (M_PI / 180.0));
}

MATHFUNC(m_hypot) {
    double acc = 0, maxv = 0;
    bool any_nan = false, any_inf = false;
    double vals[64];
    double *v = nargs <= 64 ? vals : mem_alloc(nargs * sizeof(double));
    for (size_t i = 0; i < nargs; i++) {
        if (arg_double(args[i], &v[i]) < 0) { if (v != vals) mem_free(v); return NULL; }
        v[i] = fabs(v[i]);
        if (isnan(v[i])) any_nan = true;
        if (isinf(v[i])) any_inf = true;
        if (v[i] > maxv) maxv = v[i];
    }
    double r;
    if (any_inf) r = INFINITY;
    else if (any_nan) r = NAN;
    else if (maxv == 0) r = 0;
    else {
        for (size_t i = 0; i < nargs; i++) {
            double s = v[i] / maxv;
            acc += s * s;
        }
        r = maxv * sqrt(acc);
    }
    if (nargs == 2 && !any_inf && !any_nan) r = hypot(v[0], v[1]);
    if (v != vals) mem_free(v);
    return float_from_double(r);
}

MATHFUNC(m_dist) {
    if (arg_count("dist", nargs, 2, 2) < 0) return NULL;
    Object *p = obj_to_tuple(args[0]), *q = p ? obj_to_tuple(args[1]) : NULL;
    Object *r = NULL;
    if (q) {
        size_t n = tuple_size(p);
        if (n != tuple_size(q)) {
            err_set(Exc_ValueError, "both points must have the same number of dimensions");
        } else {
            double acc = 0;
            size_t i;
            for (i = 0; i < n; i++) {
                double a, b;
                if (arg_double(tuple_get(p, i), &a) < 0 || arg_double(tuple_get(q, i), &b) < 0) break;
                acc += (a - b) * (a - b);
            }
            if (i == n) r = float_from_double(sqrt(acc));
        }
    }
    XDECREF(p);
    XDECREF(q);
    return r;
}

static Object *check_float_predicate(Object *const *args, size_t nargs, const char *name,
                                     int (*pred)(double)) {
    if (arg_count(name, nargs, 1, 1) < 0) return NULL;
    double x;
    if (arg_double(args[0], &x) < 0) return NULL;
    RETURN_BOOL(pred(x));
}
static int pred_finite(double x) { return isfinite(x); }
static int pred_inf(double x) { return isinf(x) != 0; }
static int pred_nan(double x) { return isnan(x); }
MATHFUNC(m_isfinite) { return check_float_predicate(args, nargs, "isfinite", pred_finite); }
MATHFUNC(m_isinf) { return check_float_predicate(args, nargs, "isinf", pred_inf); }
MATHFUNC(m_isnan) { return check_float_predicate(args, nargs, "isnan", pred_nan); }

MATHFUNC(m_isclose) {
    static const char *const kwlist[] = {"/a", "/b", "$rel_tol", "$abs_tol", NULL};
    Object *a[4] = {0};
    if (arg_bind("isclose", args, nargs, kwnames, kwlist, 2, a) < 0) return NULL;
    double x, y, rel = 1e-9, abst = 0.0;
    if (arg_double(a[0], &x) < 0 || arg_double(a[1], &y) < 0) return NULL;
    if (a[2] && arg_double(a[2], &rel) < 0) return NULL;
    if (a[3] && arg_double(a[3], &abst) < 0) return NULL;
    if (rel < 0.0 || abst < 0.0) return err_set(Exc_ValueError, "tolerances must be non-negative");
    if (x == y) RETURN_BOOL(1);
    if (isinf(x) || isinf(y)) RETURN_BOOL(0);
    double diff = fabs(y - x);
    RETURN_BOOL((diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) || diff <= abst);
}

/* ---- rounding to ints ---- */

static Object *round_to_int(Object *const *args, size_t nargs, const char *name,
                            const char *dunder, double (*f)(double)) {
    if (arg_count(name, nargs, 1, 1) < 0) return NULL;
    Object *x = args[0];
    if (IS_TYPE(x, FloatType)) return int_from_double(f(float_value(x)));
    if (INT_CHECK(x)) return int_exact(x);   /* int.__floor__ etc.: math.floor(True) is 1 */
    if (type_lookup_cstr(TYPE(x), dunder)) return obj_call_method(x, dunder, NULL, 0);
    double d;
    if (arg_double(x, &d) < 0) {
        if (err_matches(Exc_TypeError) && !strcmp(name, "trunc")) {
            err_clear();
            return err_format(Exc_TypeError, "type %s doesn't define __trunc__ method",
                              type_name(TYPE(x)));
        }
        return NULL;
    }
    return int_from_double(f(d));
}

MATHFUNC(m_floor) { return round_to_int(args, nargs, "floor", "__floor__", floor); }
MATHFUNC(m_ceil) { return round_to_int(args, nargs, "ceil", "__ceil__", ceil); }
MATHFUNC(m_trunc) { return round_to_int(args, nargs, "trunc", "__trunc__", trunc); }

/* ---- integer functions ---- */

static Object *int_arg(Object *o) {
    if (FLOAT_CHECK(o))
        return err_set(Exc_TypeError, "'float' object cannot be interpreted as an integer");
    return obj_index(o);
}

static Object *int_op(Object *a, Object *b, BinOp op) { return obj_binop(a, b, op); }

MATHFUNC(m_factorial) {
    if (arg_count("factorial", nargs, 1, 1) < 0) return NULL;
    Object *n = int_arg(args[0]);
    if (!n) return NULL;
    if (int_sign(n) < 0) {
        DECREF(n);
        return err_set(Exc_ValueError, "factorial() not defined for negative values");
    }
    int64_t v = int_as_i64(n);
    DECREF(n);
    if (v == -1 && err_occurred()) {
        err_clear();
        return err_set(Exc_OverflowError, "factorial() argument should not exceed 9223372036854775807");
    }
    int64_t acc = 1, i = 2;
    for (; i <= v && i <= 20; i++) acc *= i;
    Object *r = int_from_i64(acc);
    for (; r && i <= v; i++) {
        Object *k = int_from_i64(i);
        if (!k) { CLEAR(r); break; }
        SETREF(r, int_op(r, k, BINOP_MUL));
        DECREF(k);
    }
    return r;
}

static Object *gcd2(Object *a, Object *b) {
    if (int_is_small(a) && int_is_small(b) && int_small(a) != INT64_MIN && int_small(b) != INT64_MIN) {
        int64_t x = llabs(int_small(a)), y = llabs(int_small(b));
        while (y) { int64_t t = x % y; x = y; y = t; }
        return int_from_i64(x);
    }
    Object *x = obj_unaryop(a, UNOP_ABS), *y = obj_unaryop(b, UNOP_ABS);
    while (x && y && int_sign(y) != 0) {
        Object *t = int_op(x, y, BINOP_MOD);
        DECREF(x);
        x = y;
        y = t;
    }
    XDECREF(y);
    return x;
}

MATHFUNC(m_gcd) {
    Object *r = int_from_i64(0);
    for (size_t i = 0; r && i < nargs; i++) {
        Object *v = int_arg(args[i]);
        if (!v) { CLEAR(r); break; }
        SETREF(r, gcd2(r, v));
        DECREF(v);
    }
    return r;
}

MATHFUNC(m_lcm) {
    Object *r = int_from_i64(1);
    for (size_t i = 0; r && i < nargs; i++) {
        Object *v = int_arg(args[i]);
        if (!v) { CLEAR(r); break; }
        if (int_sign(v) == 0 || int_sign(r) == 0) {
            SETREF(r, int_from_i64(0));
        } else {
            Object *g = gcd2(r, v);
            Object *q = g ? int_op(r, g, BINOP_FLOORDIV) : NULL;
            Object *p = q ? int_op(q, v, BINOP_MUL) : NULL;
            SETREF(r, p ? obj_unaryop(p, UNOP_ABS) : NULL);
            XDECREF(g); XDECREF(q); XDECREF(p);
        }
        DECREF(v);
    }
    return r;
}

MATHFUNC(m_isqrt) {
    if (arg_count("isqrt", nargs, 1, 1) < 0) return NULL;
    Object *n = int_arg(args[0]);
    if (!n) return NULL;
    if (int_sign(n) < 0) {
        DECREF(n);
        return err_set(Exc_ValueError, "isqrt() argument must be nonnegative");
    }
    if (int_is_small(n)) {
        uint64_t v = (uint64_t)int_small(n);
        uint64_t r = (uint64_t)sqrtl((long double)v);
        while (r * r > v) r--;
        while ((r + 1) * (r + 1) <= v) r++;
        DECREF(n);
        return int_from_u64(r);
    }
    /* Newton's iteration from an overestimate: x = (x + n // x) // 2. */
    size_t bits = int_bit_length(n);
    Object *one = int_from_i64(1), *shift = int_from_i64((int64_t)(bits / 2 + 1));
    Object *x = int_op(one, shift, BINOP_LSHIFT);
    DECREF(shift);
    while (x) {
        Object *q = int_op(n, x, BINOP_FLOORDIV);
        Object *s = q ? int_op(x, q, BINOP_ADD) : NULL;
        Object *y = s ? int_op(s, one, BINOP_RSHIFT) : NULL;
        XDECREF(q); XDECREF(s);
        if (!y) { CLEAR(x); break; }
        if (int_compare(y, x) >= 0) { DECREF(y); break; }
        SETREF(x, y);
    }
    DECREF(one);
    DECREF(n);
    return x;
}

/* perm(n, k) = n! / (n-k)!; comb = perm / k!. */
static Object *perm_comb(Object *const *args, size_t nargs, const char *name, bool comb) {
    if (arg_count(name, nargs, comb ? 2 : 1, 2) < 0) return NULL;
    Object *n = int_arg(args[0]);
    if (!n) return NULL;
    Object *k = nargs == 2 && args[1] != OBJ_NONE ? int_arg(args[1]) : NEWREF(n);
    if (!k) { DECREF(n); return NULL; }
    Object *r = NULL;
    if (int_sign(n) < 0) {
        err_format(Exc_ValueError, "n must be a non-negative integer");
        goto out;
    }
    if (int_sign(k) < 0) {
        err_format(Exc_ValueError, "k must be a non-negative integer");
        goto out;
    }
    if (int_compare(k, n) > 0) { r = int_from_i64(0); goto out; }
    int64_t kk = int_as_i64(k);
    if (kk == -1 && err_occurred()) goto out;
    if (comb) {
        Object *nk = int_op(n, k, BINOP_SUB);
        if (!nk) goto out;
        if (int_compare(nk, k) < 0) {
            int64_t alt = int_as_i64(nk);
            if (!(alt == -1 && err_occurred())) kk = alt;
        }
        DECREF(nk);
        if (err_occurred()) goto out;
    }
    r = int_from_i64(1);
    for (int64_t i = 0; r && i < kk; i++) {
        Object *iv = int_from_i64(i);
        Object *factor = iv ? int_op(n, iv, BINOP_SUB) : NULL;
        XDECREF(iv);
        if (!factor) { CLEAR(r); break; }
        SETREF(r, int_op(r, factor, BINOP_MUL));
        DECREF(factor);
        if (comb && r) {
            Object *div = int_from_i64(i + 1);
            SETREF(r, div ? int_op(r, div, BINOP_FLOORDIV) : NULL);
            XDECREF(div);
        }
    }
out:
    DECREF(n);
    DECREF(k);
    return r;
}

MATHFUNC(m_comb) { return perm_comb(args, nargs, "comb", true); }
MATHFUNC(m_perm) { return perm_comb(args, nargs, "perm", false); }

MATHFUNC(m_prod) {
    static const char *const kwlist[] = {"/iterable", "$start", NULL};
    Object *a[2] = {0};
    if (arg_bind("prod", args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    Object *r = a[1] ? NEWREF(a[1]) : int_from_i64(1);
    Object *it = r ? obj_iter(a[0]) : NULL;
    if (!it) { XDECREF(r); return NULL; }
    Object *item;
    while ((item = obj_next(it))) {
        SETREF(r, obj_binop(r, item, BINOP_MUL));
        DECREF(item);
        if (!r) break;
    }
    DECREF(it);
    if (err_occurred()) { XDECREF(r); return NULL; }
    return r;
}

/* Shewchuk's exactly rounded summation (the algorithm CPython uses). */
MATHFUNC(m_fsum) {
    if (arg_count("fsum", nargs, 1, 1) < 0) return NULL;
    Object *it = obj_iter(args[0]);
    if (!it) return NULL;
    size_t cap = 32, n = 0;
    double *partials = mem_alloc(cap * sizeof(double));
    double special = 0.0, inf_sum = 0.0;
    bool have_special = false;
    Object *item;
    while ((item = obj_next(it))) {
        double x;
        int rc = arg_double(item, &x);
        DECREF(item);
        if (rc < 0) goto fail;
        if (!isfinite(x)) {
            if (isinf(x)) inf_sum += x;
            special += x;
            have_special = true;
            continue;
        }
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = partials[j];
            if (fabs(x) < fabs(y)) { double t = x; x = y; y = t; }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) partials[i++] = lo;
            x = hi;
        }
        n = i;
        if (n == cap) partials = mem_realloc(partials, (cap *= 2) * sizeof(double));
        partials[n++] = x;
    }
    if (err_occurred()) goto fail;
    DECREF(it);
    if (have_special) {
        mem_free(partials);
        if (isnan(inf_sum)) return err_set(Exc_ValueError, "-inf + inf in fsum");
        return float_from_double(isnan(special) ? special : inf_sum);
    }
    double hi = 0.0;
    if (n > 0) {
        hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi, y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    mem_free(partials);
    return float_from_double(hi);
fail:
    DECREF(it);
    mem_free(partials);
    return NULL;
}

static const MethodDef math_methods[] = {
    {"sqrt", m_sqrt, 0, "Return the square root of x."},
    {"exp", m_exp, 0, "Return e raised to the power of x."},
    {"exp2", m_exp2, 0, "Return 2 raised to the power of x."},
    {"expm1", m_expm1, 0, "Return exp(x)-1."},
    {"log", m_log, 0, "log(x, [base=math.e])"},
    {"log2", m_log2, 0, "Return the base 2 logarithm of x."},
    {"log10", m_log10, 0, "Return the base 10 logarithm of x."},
    {"log1p", m_log1p, 0, "Return the natural logarithm of 1+x (base e)."},
    {"pow", m_pow, 0, "Return x**y (x to the power of y)."},
    {"sin", m_sin, 0, NULL}, {"cos", m_cos, 0, NULL}, {"tan", m_tan, 0, NULL},
    {"asin", m_asin, 0, NULL}, {"acos", m_acos, 0, NULL}, {"atan", m_atan, 0, NULL},
    {"atan2", m_atan2, 0, NULL},
    {"sinh", m_sinh, 0, NULL}, {"cosh", m_cosh, 0, NULL}, {"tanh", m_tanh, 0, NULL},
    {"asinh", m_asinh, 0, NULL}, {"acosh", m_acosh, 0, NULL}, {"atanh", m_atanh, 0, NULL},
    {"hypot", m_hypot, 0, "Multidimensional Euclidean distance from the origin to a point."},
    {"dist", m_dist, 0, "Return the Euclidean distance between two points p and q."},
    {"floor", m_floor, 0, "Return the floor of x as an Integral."},
    {"ceil", m_ceil, 0, "Return the ceiling of x as an Integral."},
    {"trunc", m_trunc, 0, "Truncates the Real x to the nearest Integral toward 0."},
    {"fabs", m_fabs, 0, "Return the absolute value of the float x."},
    {"factorial", m_factorial, 0, "Find n!."},
    {"gcd", m_gcd, 0, "Greatest Common Divisor."},
    {"lcm", m_lcm, 0, "Least Common Multiple."},
    {"isqrt", m_isqrt, 0, "Return the integer part of the square root of the input."},
    {"comb", m_comb, 0, "Number of ways to choose k items from n items without repetition and without order."},
    {"perm", m_perm, 0, "Number of ways to choose k items from n items without repetition and with order."},
    {"isfinite", m_isfinite, 0, NULL}, {"isinf", m_isinf, 0, NULL}, {"isnan", m_isnan, 0, NULL},
    {"isclose", m_isclose, 0, "Determine whether two floating point numbers are close in value."},
    {"copysign", m_copysign, 0, NULL},
    {"fmod", m_fmod, 0, "Return fmod(x, y), according to platform C."},
    {"remainder", m_remainder, 0, "Difference between x and the closest integer multiple of y."},
    {"modf", m_modf, 0, "Return the fractional and integer parts of x."},
    {"frexp", m_frexp, 0, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"ldexp", m_ldexp, 0, "Return x * (2**i)."},
    {"degrees", m_degrees, 0, "Convert angle x from radians to degrees."},
    {"radians", m_radians, 0, "Convert angle x from degrees to radians."},
    {"prod", m_prod, 0, "Calculate the product of all the elements in the input iterable."},
    {"fsum", m_fsum, 0, "Return an accurate floating point sum of values in the iterable seq."},
    {"erf", m_erf, 0, NULL}, {"erfc", m_erfc, 0, NULL},
    {"gamma", m_gamma, 0, NULL}, {"lgamma", m_lgamma, 0, NULL},
    {"cbrt", m_cbrt, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Object *math_module_init(void) {
    Object *m = module_new("math");
    if (!m) return NULL;
    if (module_add_methods(m, math_methods) < 0) { DECREF(m); return NULL; }
    static const struct { const char *name; double value; } consts[] = {
        {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN},
    };
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++) {
        Object *v = float_from_double(consts[i].value);
        if (!v || module_add(m, consts[i].name, v) < 0) { XDECREF(v); DECREF(m); return NULL; }
        DECREF(v);
    }
    return m;
}
