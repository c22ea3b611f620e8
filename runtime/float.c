/* float.c — float, an IEEE-754 double.
 *
 * Guarantees:
 *  - repr/str give the shortest string that round-trips, laid out as
 *    Python does ('1.0', '1e+16', '1e-05', 'inf', 'nan', '-0.0');
 *  - // and % follow Python's signs (the result of % has the divisor's
 *    sign), with CPython's ZeroDivisionError messages;
 *  - comparisons with ints are exact, whatever the int's size;
 *  - hash(x) == hash(int(x)) for integral x (hash_double, int.c);
 *  - round(x, n) is correctly rounded (ties to even on the exact binary
 *    value), as CPython's.
 * gilt has no complex type: a negative number raised to a non-integral
 * power raises ValueError instead of returning a complex.
 */
#include <gmp.h>
#include <math.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "gilt.h"
#include "freelist.h"
#include "strimpl.h"



/* Floats come from this thread's free list when it has one (freelist.h). */
Object *float_from_double(double v) {
    FloatObject *o = freelist_pop(&freelist_float);
    if (o) obj_init_header(o, &FloatType);
    else o = (FloatObject *)obj_alloc(&FloatType, sizeof(FloatObject));
    o->value = v;
    return (Object *)o;
}

static void float_dealloc(Object *self) {
    /* Subclass instances have other sizes: only exact floats are cached. */
    if (TYPE(self) == &FloatType && freelist_push(&freelist_float, self)) return;
    obj_free(self);
}

/* ---- repr ---- */

void float_repr_into(double v, char *buf, size_t size) {
    if (isnan(v)) { snprintf(buf, size, "nan"); return; }
    if (isinf(v)) { snprintf(buf, size, v > 0 ? "inf" : "-inf"); return; }
    if (v == 0) { snprintf(buf, size, signbit(v) ? "-0.0" : "0.0"); return; }
    /* Shortest round-trip (what CPython's dtoa mode 0 gives).  If some
     * p <= 15 digits round-trip, the 15-digit rendering is those digits
     * followed by zeros: 15-digit decimals are spaced wider than the
     * doubles' rounding intervals, so an interval holds at most one of them,
     * the nearest.  At 16 digits an interval may hold two; when it is
     * symmetric the nearest (the correctly rounded one) is in it if any is,
     * but a power of two has a rounding interval half as wide below as
     * above, so the next decimal up may round-trip when the nearest, below,
     * does not (2**-24 is 5.960464477539063e-08).  17 digits always do.
     * Subnormals have fewer significant bits: search from one digit. */
    char tmp[40];
    int prec;
    bool found = false;
    for (prec = fabs(v) < 2.2250738585072014e-308 ? 1 : 15; prec < 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        double back = strtod(tmp, NULL);
        if (back == v) { found = true; break; }
        int mant_exp;
        if (prec == 16 && fabs(frexp(v, &mant_exp)) == 0.5 && fabs(back) < fabs(v)) {
            /* Try the 16-digit decimal one unit further from zero. */
            char up[40];
            memcpy(up, tmp, sizeof up);
            char *e = strchr(up, 'e');
            char *q = e - 1;
            while (*q == '9' || *q == '.') { if (*q == '9') *q = '0'; q--; }
            if (*q >= '0' && *q <= '8') {     /* no carry out of the first digit */
                (*q)++;
                if (strtod(up, NULL) == v) { memcpy(tmp, up, sizeof tmp); found = true; break; }
            }
        }
    }
    if (!found) snprintf(tmp, sizeof tmp, "%.16e", v);
    /* tmp is [-]d.ddde[+-]XX: collect digits and the decimal exponent. */
    const char *p = tmp;
    bool neg = *p == '-';
    if (neg) p++;
    char digits[24];
    int nd = 0;
    for (; *p != 'e'; p++) if (*p != '.') digits[nd++] = *p;
    int exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    char *out = buf, *end = buf + size - 1;
#define PUT(c) do { if (out < end) *out++ = (c); } while (0)
    if (neg) PUT('-');
    if (exp10 >= -4 && exp10 < 16) {
        if (exp10 < 0) {
            PUT('0'); PUT('.');
            for (int i = 0; i < -exp10 - 1; i++) PUT('0');
            for (int i = 0; i < nd; i++) PUT(digits[i]);
        } else {
            for (int i = 0; i <= exp10; i++) PUT(i < nd ? digits[i] : '0');
            PUT('.');
            if (nd > exp10 + 1) for (int i = exp10 + 1; i < nd; i++) PUT(digits[i]);
            else PUT('0');
        }
    } else {
        PUT(digits[0]);
        if (nd > 1) { PUT('.'); for (int i = 1; i < nd; i++) PUT(digits[i]); }
        char e[16];
        snprintf(e, sizeof e, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
        for (char *q = e; *q; q++) PUT(*q);
    }
#undef PUT
    *out = 0;
}

static Object *float_repr(Object *self) {
    char buf[40];
    float_repr_into(float_value(self), buf, sizeof buf);
    return str_from_utf8_unchecked(buf, strlen(buf));
}

/* ---- conversions ---- */

double float_as_double(Object *o) {
    if (FLOAT_CHECK(o)) return float_value(o);
    if (INT_CHECK(o)) return int_as_double(o);
    TypeObject *t = TYPE(o);
    if (t->unaryop) {
        Object *r = t->unaryop(o, UNOP_FLOAT);
        if (!r) return -1.0;
        if (r != OBJ_NOTIMPL) {
            if (!FLOAT_CHECK(r)) {
                err_format(Exc_TypeError, "%s.__float__ returned non-float (type %s)",
                           type_name(t), type_name(TYPE(r)));
                DECREF(r);
                return -1.0;
            }
            double d = float_value(r);
            DECREF(r);
            return d;
        }
        DECREF(r);
        r = t->unaryop(o, UNOP_INDEX);
        if (!r) return -1.0;
        if (r != OBJ_NOTIMPL) {
            double d = INT_CHECK(r) ? int_as_double(r) : -1.0;
            if (!INT_CHECK(r)) err_format(Exc_TypeError, "__index__ returned non-int (type %T)", r);
            DECREF(r);
            return d;
        }
        DECREF(r);
    }
    err_format(Exc_TypeError, "must be real number, not %s", type_name(t));
    return -1.0;
}

static bool ascii_ieq(const char *a, size_t n, const char *lit) {
    size_t m = strlen(lit);
    if (n != m) return false;
    for (size_t i = 0; i < n; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != lit[i]) return false;
    }
    return true;
}

/* Parse Python float syntax; false on junk. */
static bool parse_float(const char *s, size_t len, double *out) {
    const char *p = s, *end = s + len;
    while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) p++;
    while (end > p && (end[-1] == ' ' || (end[-1] >= '\t' && end[-1] <= '\r'))) end--;
    if (p == end) return false;
    bool neg = false;
    const char *body = p;
    if (*body == '+' || *body == '-') { neg = *body == '-'; body++; }
    size_t n = end - body;
    if (ascii_ieq(body, n, "inf") || ascii_ieq(body, n, "infinity")) {
        *out = neg ? -INFINITY : INFINITY; return true;
    }
    if (ascii_ieq(body, n, "nan")) { *out = neg ? -NAN : NAN; return true; }
    /* digits [. digits] [e [sign] digits], '_' only between digits. */
    char small[64];
    char *buf = (size_t)(end - p) < sizeof small ? small : mem_alloc(end - p + 1);
    size_t k = 0;
    const char *q = body;
    bool ok = true, any_digits = false;
    if (neg) buf[k++] = '-';
    int state = 0;   /* 0 int part, 1 fraction, 2 exponent */
    bool exp_digits = false;
    char prev = 0;
    for (; q < end && ok; q++) {
        char c = *q;
        if (c >= '0' && c <= '9') {
            buf[k++] = c;
            if (state == 2) exp_digits = true; else any_digits = true;
        } else if (c == '_') {
            if (!(prev >= '0' && prev <= '9') || q + 1 >= end || !(q[1] >= '0' && q[1] <= '9')) ok = false;
        } else if (c == '.' && state == 0) {
            buf[k++] = c; state = 1;
        } else if ((c == 'e' || c == 'E') && state < 2 && any_digits) {
            buf[k++] = c; state = 2;
            if (q + 1 < end && (q[1] == '+' || q[1] == '-')) { buf[k++] = *++q; c = *q; }
        } else {
            ok = false;
        }
        prev = c;
    }
    buf[k] = 0;
    if (ok && (!any_digits || (state == 2 && !exp_digits))) ok = false;
    if (ok) *out = strtod(buf, NULL);
    if (buf != small) mem_free(buf);
    return ok;
}

Object *float_from_object(Object *o) {
    if (IS_TYPE(o, FloatType)) return NEWREF(o);
    const char *s = NULL; size_t n = 0;
    if (STR_CHECK(o)) { s = str_data(o); n = str_size(o); }
    else if (BYTES_CHECK(o)) { s = bytes_data(o); n = bytes_size(o); }
    else if (IS_INSTANCE(o, ByteArrayType)) { s = ((ByteArrayObject *)o)->data; n = ((ByteArrayObject *)o)->size; if (!s) s = ""; }
    if (s) {
        double d;
        char *ascii = NULL;
        if (STR_CHECK(o) && !((StrObject *)o)->is_ascii) s = ascii = ucs_numeric_ascii(s, n, &n);
        bool ok = strlen(s) == n && parse_float(s, n, &d);
        if (ascii) mem_free(ascii);
        if (!ok)
            return err_format(Exc_ValueError, "could not convert string to float: %R", o);
        return float_from_double(d);
    }
    if (FLOAT_CHECK(o)) return float_from_double(float_value(o));
    if (!INT_CHECK(o)) {
        TypeObject *t = TYPE(o);
        bool has = t->unaryop && (type_lookup_cstr(t, "__float__") || type_lookup_cstr(t, "__index__"));
        if (!has)
            return err_format(Exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                              type_name(t));
    }
    double d = float_as_double(o);
    if (d == -1.0 && err_occurred()) return NULL;
    return float_from_double(d);
}

static Object *float_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("float", kwnames) < 0) return NULL;
    if (nargs > 1) return err_format(Exc_TypeError, "float expected at most 1 argument, got %zu", nargs);
    Object *r = nargs ? float_from_object(args[0]) : float_from_double(0.0);
    if (!r || type == &FloatType) return r;
    FloatObject *o = (FloatObject *)obj_new_instance(type, 0);
    if (o) o->value = float_value(r);
    DECREF(r);
    return (Object *)o;
}

/* ---- comparison ---- */

/* Compare double d with int i exactly: -1, 0, 1; 2 when d is NaN. */
static int compare_double_int(double d, Object *i) {
    if (isnan(d)) return 2;
    if (int_is_small(i)) {
        int64_t v = int_small(i);
        if (v > -((int64_t)1 << 53) && v < ((int64_t)1 << 53)) {
            double w = (double)v;
            return (d > w) - (d < w);
        }
    }
    if (isinf(d)) return d > 0 ? 1 : -1;
    mpz_t z;
    IntObject *io = (IntObject *)i;
    int c;
    if (io->big) c = mpz_cmp_d(io->big, d);
    else { mpz_init_set_si(z, io->small); c = mpz_cmp_d(z, d); mpz_clear(z); }
    return (c < 0) - (c > 0);   /* mpz_cmp_d compares int to double: flip */
}

static Object *float_richcompare(Object *a, Object *b, CompareOp op) {
    double x;
    int c;
    if (!FLOAT_CHECK(a)) {   /* reflected call: (int, float) */
        static const CompareOp swapped[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
        return float_richcompare(b, a, swapped[op]);
    }
    x = float_value(a);
    if (FLOAT_CHECK(b)) {
        double y = float_value(b);
        switch (op) {
        case CMP_LT: RETURN_BOOL(x < y);
        case CMP_LE: RETURN_BOOL(x <= y);
        case CMP_EQ: RETURN_BOOL(x == y);
        case CMP_NE: RETURN_BOOL(x != y);
        case CMP_GT: RETURN_BOOL(x > y);
        case CMP_GE: RETURN_BOOL(x >= y);
        }
    }
    if (!INT_CHECK(b)) return NEWREF(OBJ_NOTIMPL);
    c = compare_double_int(x, b);
    if (c == 2) RETURN_BOOL(op == CMP_NE);
    switch (op) {
    case CMP_LT: RETURN_BOOL(c < 0);
    case CMP_LE: RETURN_BOOL(c <= 0);
    case CMP_EQ: RETURN_BOOL(c == 0);
    case CMP_NE: RETURN_BOOL(c != 0);
    case CMP_GT: RETURN_BOOL(c > 0);
    case CMP_GE: RETURN_BOOL(c >= 0);
    }
    return NEWREF(OBJ_NOTIMPL);
}

static int64_t float_hash(Object *self) { return hash_double(float_value(self)); }

/* ---- arithmetic ---- */

/* The operand as a double: 1 ok, 0 not a number type, -1 error. */
static inline int as_operand(Object *o, double *out) {
    if (FLOAT_CHECK(o)) { *out = float_value(o); return 1; }
    if (INT_CHECK(o)) {
        if (int_is_small(o)) { *out = (double)int_small(o); return 1; }
        *out = int_as_double(o);
        return err_occurred() ? -1 : 1;
    }
    return 0;
}

static Object *float_pow(double x, double y) {
    if (y == 0) return float_from_double(1.0);
    if (isnan(x)) return float_from_double(x);
    if (x == 0 && y < 0 && !isinf(y))
        return err_set(Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (x < 0 && isfinite(x) && isfinite(y) && y != floor(y))
        return err_set(Exc_ValueError, "negative number cannot be raised to a fractional power");
    errno = 0;
    double r = pow(x, y);
    if (isinf(r) && isfinite(x) && isfinite(y))
        return err_set(Exc_OverflowError, "(34, 'Numerical result out of range')");
    return float_from_double(r);
}

/* The operators floats implement; for any other (shifts, bitwise, @) the
 * answer is NotImplemented before either operand is converted, so that
 * `big_int >> 1.0` is the TypeError python gives, not the OverflowError
 * of converting big_int to a float. */
static bool float_supports(BinOp op) {
    switch (op & ~BINOP_INPLACE) {
    case BINOP_ADD: case BINOP_SUB: case BINOP_MUL: case BINOP_TRUEDIV:
    case BINOP_FLOORDIV: case BINOP_MOD: case BINOP_POW:
        return true;
    default:
        return false;
    }
}

Object *float_binop(Object *a, Object *b, BinOp op) {
    if (!float_supports(op)) return NEWREF(OBJ_NOTIMPL);
    double x, y;
    int ka = as_operand(a, &x);
    if (ka <= 0) return ka < 0 ? NULL : NEWREF(OBJ_NOTIMPL);
    int kb = as_operand(b, &y);
    if (kb <= 0) return kb < 0 ? NULL : NEWREF(OBJ_NOTIMPL);
    switch (op & ~BINOP_INPLACE) {
    case BINOP_ADD: return float_from_double(x + y);
    case BINOP_SUB: return float_from_double(x - y);
    case BINOP_MUL: return float_from_double(x * y);
    case BINOP_TRUEDIV:
        if (y == 0) return err_set(Exc_ZeroDivisionError, "float division by zero");
        return float_from_double(x / y);
    case BINOP_FLOORDIV: {
        if (y == 0) return err_set(Exc_ZeroDivisionError, "float floor division by zero");
        double mod = fmod(x, y);
        double div = (x - mod) / y;
        if (mod && ((y < 0) != (mod < 0))) div -= 1.0;
        double fd;
        if (div) {
            fd = floor(div);
            if (div - fd > 0.5) fd += 1.0;
        } else {
            fd = copysign(0.0, x / y);
        }
        return float_from_double(fd);
    }
    case BINOP_MOD: {
        if (y == 0) return err_set(Exc_ZeroDivisionError, "float modulo");
        double mod = fmod(x, y);
        if (mod) { if ((y < 0) != (mod < 0)) mod += y; }
        else mod = copysign(0.0, y);
        return float_from_double(mod);
    }
    case BINOP_POW: return float_pow(x, y);
    default: return NEWREF(OBJ_NOTIMPL);   /* not reached: float_supports */
    }
}

static Object *float_unaryop(Object *self, UnaryOp op) {
    double v = float_value(self);
    switch (op) {
    case UNOP_NEG: return float_from_double(-v);
    case UNOP_POS: case UNOP_FLOAT:
        return IS_TYPE(self, FloatType) ? NEWREF(self) : float_from_double(v);
    case UNOP_ABS: return float_from_double(fabs(v));
    case UNOP_INT: return int_from_double(v);
    default: return NEWREF(OBJ_NOTIMPL);
    }
}

static int float_bool(Object *self) { return float_value(self) != 0.0; }

/* ---- round ---- */

Object *float_round(Object *xo, Object *ndigits) {
    double x = float_value(xo);
    if (!ndigits || ndigits == OBJ_NONE) {
        double r = nearbyint(x);   /* default rounding mode: ties to even */
        return int_from_double(r);
    }
    int64_t n = obj_as_index(ndigits);
    if (n == -1 && err_occurred()) {
        if (!err_matches(Exc_OverflowError)) return NULL;
        err_clear();
        n = int_sign(ndigits) > 0 ? 400 : -400;
    }
    if (!isfinite(x) || x == 0) return float_from_double(x);
    if (n > 323) return float_from_double(x);
    if (n < -308) return float_from_double(copysign(0.0, x));
    double r;
    if (n >= 0) {
        /* glibc prints the exact binary value correctly rounded (ties to
         * even), which is what CPython's dtoa-based round does. */
        char small[400];
        snprintf(small, sizeof small, "%.*f", (int)n, x);
        r = strtod(small, NULL);
    } else {
        double pw = pow(10.0, (double)-n);
        double y = x / pw;
        double z = nearbyint(y);
        r = z * pw;
        if (r == 0) r = copysign(0.0, x);
    }
    if (isinf(r)) return err_set(Exc_OverflowError, "rounded value too large to represent");
    return float_from_double(r);
}

/* ---- methods ---- */

static Object *float_is_integer_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("is_integer", nargs, 0, 0) < 0) return NULL;
    double v = float_value(self);
    RETURN_BOOL(isfinite(v) && floor(v) == v);
}

static Object *float_as_integer_ratio_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("as_integer_ratio", nargs, 0, 0) < 0) return NULL;
    double v = float_value(self);
    if (isinf(v)) return err_set(Exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(v)) return err_set(Exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(v, &e);
    /* Scale the mantissa to an integer. */
    for (int i = 0; i < 300 && m != floor(m); i++) { m *= 2.0; e--; }
    Object *num = int_from_double(m);
    Object *den = int_from_i64(1);
    Object *shift = int_from_i64(e < 0 ? -e : e);
    Object *t;
    if (e > 0) { t = int_binop(num, shift, BINOP_LSHIFT); DECREF(num); num = t; }
    else if (e < 0) { t = int_binop(den, shift, BINOP_LSHIFT); DECREF(den); den = t; }
    DECREF(shift);
    if (!num || !den) { XDECREF(num); XDECREF(den); return NULL; }
    Object *r = tuple_pack(2, num, den);
    DECREF(num); DECREF(den);
    return r;
}

static Object *float_conjugate_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return float_from_double(float_value(self));
}

static Object *float_trunc_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_from_double(float_value(self));
}
static Object *float_floor_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_from_double(floor(float_value(self)));
}
static Object *float_ceil_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_from_double(ceil(float_value(self)));
}
static Object *float_round_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("__round__", nargs, 0, 1) < 0) return NULL;
    return float_round(self, nargs ? args[0] : NULL);
}
static Object *float_format_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("__format__", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return err_format(Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    return str_format_spec(self, args[0]);
}

static Object *float_hex_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    double v = float_value(self);
    char buf[64];
    if (isnan(v) || isinf(v)) float_repr_into(v, buf, sizeof buf);
    else if (v == 0) snprintf(buf, sizeof buf, signbit(v) ? "-0x0.0p+0" : "0x0.0p+0");
    else {
        int e;
        double m = frexp(fabs(v), &e);   /* m in [0.5, 1) */
        m *= 2; e--;
        uint64_t bits = (uint64_t)ldexp(m - 1.0, 52);
        if (e < -1022) {   /* subnormal: Python shows 0x0.xxxp-1022 */
            bits = (uint64_t)ldexp(fabs(v), 1074);
            snprintf(buf, sizeof buf, "%s0x0.%013llxp-1022", v < 0 ? "-" : "", (unsigned long long)bits);
        } else {
            snprintf(buf, sizeof buf, "%s0x1.%013llxp%+d", v < 0 ? "-" : "", (unsigned long long)bits, e);
        }
    }
    return str_from_cstr(buf);
}

static Object *float_fromhex_m(Object *cls, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("fromhex", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0])) return err_format(Exc_TypeError, "fromhex() argument must be str, not %T", args[0]);
    const char *s = str_data(args[0]);
    char *end;
    double d = strtod(s, &end);
    while (*end == ' ' || (*end >= '\t' && *end <= '\r')) end++;
    if (end == s || *end) return err_set(Exc_ValueError, "invalid hexadecimal floating-point string");
    Object *r = float_from_double(d);
    if ((TypeObject *)cls != &FloatType) { Object *w = obj_call1(cls, r); DECREF(r); return w; }
    return r;
}

static Object *float_getnewargs_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    Object *v = float_from_double(float_value(self));
    Object *t = tuple_pack(1, v);
    DECREF(v);
    return t;
}

static const MethodDef float_methods[] = {
    {"is_integer", float_is_integer_m, METH_DEFAULT, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio_m, METH_DEFAULT, "Return integer ratio."},
    {"conjugate", float_conjugate_m, METH_DEFAULT, NULL},
    {"hex", float_hex_m, METH_DEFAULT, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex_m, METH_CLASS, "Create a floating-point number from a hexadecimal string."},
    {"__trunc__", float_trunc_m, METH_DEFAULT, NULL},
    {"__floor__", float_floor_m, METH_DEFAULT, NULL},
    {"__ceil__", float_ceil_m, METH_DEFAULT, NULL},
    {"__round__", float_round_m, METH_DEFAULT, NULL},
    {"__format__", float_format_m, METH_DEFAULT, NULL},
    {"__getnewargs__", float_getnewargs_m, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL}
};

static Object *float_get_real(Object *self, void *c) { return float_from_double(float_value(self)); }
static Object *float_get_imag(Object *self, void *c) { return float_from_double(0.0); }

static const GetSetDef float_getsets[] = {
    {"real", float_get_real, NULL, "the real part", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

TypeObject FloatType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "float",
    .basicsize = sizeof(FloatObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "Convert a string or number to a floating point number, if possible.",
    .dealloc = float_dealloc,
    .new_ = float_new,
    .repr = float_repr,
    .str = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .bool_ = float_bool,
    .binop = float_binop,
    .unaryop = float_unaryop,
    .methods = float_methods,
    .getsets = float_getsets,
};
