/* int.c — Python's arbitrary-precision int.
 *
 * Representation (int.h): a value that fits in int64_t lives in `small`
 * with big == NULL; anything larger lives in a GMP mpz pointed to by `big`.
 * The two forms never overlap: a result that fits in int64_t is always
 * stored small, so equal values always have the same form and the fast
 * paths below only have to check `big == NULL`.
 *
 * Guarantees:
 *  - ints -5..1024 are cached, immortal objects; int_from_i64 returns them
 *    without allocation or counting;
 *  - arithmetic on small ints never touches GMP (overflow is detected with
 *    the compiler's checked-arithmetic builtins and only then falls to GMP);
 *  - floor division, modulo and >> follow Python's floor semantics;
 *  - int/int and float(int) are correctly rounded (round-half-even);
 *  - hashes equal CPython's (value mod 2**61-1, hash(-1) == -2), so sets
 *    and dicts of ints iterate in python3's order;
 *  - GMP allocates through mimalloc (mp_set_memory_functions).
 *  - like CPython 3.11, decimal conversions of more than 4300 digits raise
 *    ValueError (the int max-str-digits limit; not configurable here).
 */
#include <gmp.h>
#include <math.h>
#include <string.h>
#include <limits.h>
#include "gilt.h"
#include "freelist.h"
#include "strimpl.h"

#define SMALL_MIN INT_CACHE_MIN
#define SMALL_MAX INT_CACHE_MAX
#define MAX_STR_DIGITS 4300
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

static IntObject small_ints[SMALL_MAX - SMALL_MIN + 1] = {
    [0 ... SMALL_MAX - SMALL_MIN] = { OBJECT_HEAD_INIT(&IntType) }
};

/* ---- GMP memory through mimalloc ---- */

static void *gmp_alloc(size_t n) { return mem_alloc(n); }
static void *gmp_realloc(void *p, size_t old, size_t n) { (void)old; return mem_realloc(p, n); }
static void gmp_free(void *p, size_t n) { (void)n; mem_free(p); }

/* Runs before main, single-threaded: the small-int cache must exist before
 * any code (even a static initializer elsewhere) asks for an int. */
__attribute__((constructor)) static void int_setup(void) {
    for (int i = 0; i <= SMALL_MAX - SMALL_MIN; i++) {
        small_ints[i].small = i + SMALL_MIN;
        small_ints[i].big = NULL;
    }
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

int int_init(void) {
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
    return 0;
}

/* ---- construction ---- */

/* A fresh exact int (value 0, small form): from this thread's free list
 * when it has one (freelist.h), else from mimalloc. */
static IntObject *int_alloc(void) {
    IntObject *o = freelist_pop(&freelist_int);
    if (o) {
        obj_init_header(o, &IntType);
        o->small = 0;
        o->big = NULL;
        return o;
    }
    return (IntObject *)obj_alloc(&IntType, sizeof(IntObject));
}

Object *int_from_i64(int64_t v) {
    if (int_value_is_cached(v)) return (Object *)&small_ints[v - SMALL_MIN];
    IntObject *o = int_alloc();
    o->small = v;
    return (Object *)o;
}

/* Take ownership of z (cleared or moved): the normalized int for its value. */
static Object *int_from_mpz_move(mpz_ptr z) {
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        mpz_clear(z);
        return int_from_i64(v);
    }
    IntObject *o = int_alloc();
    mpz_ptr heap = mem_alloc(sizeof(__mpz_struct));
    *heap = *z;      /* moving the limb pointer transfers ownership */
    o->big = heap;
    return (Object *)o;
}

Object *int_from_u64(uint64_t v) {
    if (v <= INT64_MAX) return int_from_i64((int64_t)v);
    mpz_t z;
    mpz_init_set_ui(z, v);
    return int_from_mpz_move(z);
}

/* An mpz view of any int: big ints are used in place; small ones are
 * copied into the caller's temporary. Release with VIEW_DONE. */
typedef struct { mpz_t tmp; mpz_srcptr z; bool owned; } MpzView;

static inline void view_of(MpzView *v, Object *o) {
    IntObject *i = (IntObject *)o;
    if (i->big) { v->z = i->big; v->owned = false; }
    else { mpz_init_set_si(v->tmp, i->small); v->z = v->tmp; v->owned = true; }
}
static inline void view_done(MpzView *v) { if (v->owned) mpz_clear(v->tmp); }

/* A copy of o's value in a fresh mpz (caller clears). */
static void mpz_of(mpz_ptr out, Object *o) {
    IntObject *i = (IntObject *)o;
    if (i->big) mpz_init_set(out, i->big);
    else mpz_init_set_si(out, i->small);
}

static void int_dealloc(Object *self) {
    IntObject *o = (IntObject *)self;
    if (o->big) { mpz_clear(o->big); mem_free(o->big); o->big = NULL; }
    /* Subclass instances have other sizes: only exact ints are cached. */
    if (TYPE(self) == &IntType && freelist_push(&freelist_int, self)) return;
    obj_free(self);
}

Object *int_exact(Object *o) {
    if (INT_CHECK_EXACT(o)) return NEWREF(o);
    IntObject *i = (IntObject *)o;
    if (!i->big) return int_from_i64(i->small);
    mpz_t z;
    mpz_init_set(z, i->big);
    return int_from_mpz_move(z);
}

/* ---- conversions ---- */

int64_t int_as_i64(Object *o) {
    IntObject *i = (IntObject *)o;
    if (!i->big) return i->small;
    err_set(Exc_OverflowError, "Python int too large to convert to C int64");
    return -1;
}

int int_sign(Object *o) {
    IntObject *i = (IntObject *)o;
    if (i->big) return mpz_sgn((mpz_ptr)i->big);
    return (i->small > 0) - (i->small < 0);
}

/* GMP aborts the whole process ("gmp: overflow in mpz type") on a number of
 * more than about 2^37 bits (its sizes are int-sized counts of limbs), and
 * a result larger than the machine's memory can only fail: both are refused
 * up front with MemoryError, as CPython would fail to allocate them. */
#define GMP_MAX_BITS (((uint64_t)1 << 37) - 64)

static int check_result_bits(uint64_t bits) {
    if (bits > GMP_MAX_BITS) {
        err_no_memory();
        return -1;
    }
    return mem_check_size((size_t)(bits / 8) + 1, 1);
}

size_t int_bit_length(Object *o) {
    IntObject *i = (IntObject *)o;
    if (i->big) return mpz_sizeinbase(i->big, 2);
    uint64_t m = i->small < 0 ? -(uint64_t)i->small : (uint64_t)i->small;
    return m ? 64 - __builtin_clzll(m) : 0;
}

/* Round the magnitude `m` (a value of bitlen `bits` > 53, possibly with
 * lost bits below it when `sticky`) to 53 bits, half-even; returns the
 * double m * 2**exp2 or +inf on overflow. Works on m's top 64 bits. */
static double round_bits_to_double(mpz_srcptr m, size_t bits, bool sticky, long exp2) {
    uint64_t q;
    long drop = (long)bits - 55;               /* keep 55 bits: 53 + guard + round */
    if (drop <= 0) {
        q = mpz_get_ui(m) << -drop;
    } else {
        mpz_t top;
        mpz_init(top);
        mpz_tdiv_q_2exp(top, m, (mp_bitcnt_t)drop);
        if (!sticky && mpz_scan1(m, 0) < (mp_bitcnt_t)drop) sticky = true;
        q = mpz_get_ui(top);
        mpz_clear(top);
    }
    uint64_t low = q & 3;
    q >>= 2;
    if (low > 2 || (low == 2 && (sticky || (q & 1)))) q++;
    return ldexp((double)q, (int)(drop + 2 + exp2));
}

static double mpz_to_double(mpz_srcptr z, bool *overflow) {
    size_t bits = mpz_sizeinbase(z, 2);
    *overflow = false;
    if (bits <= 53) return mpz_get_d(z);
    if (bits > 1024) { *overflow = true; return 0; }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    double d = round_bits_to_double(a, bits, false, 0);
    mpz_clear(a);
    if (isinf(d)) { *overflow = true; return 0; }
    return mpz_sgn(z) < 0 ? -d : d;
}

double int_as_double(Object *o) {
    IntObject *i = (IntObject *)o;
    if (!i->big) return (double)i->small;   /* C's conversion rounds half-even */
    bool overflow;
    double d = mpz_to_double(i->big, &overflow);
    if (overflow) {
        err_set(Exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

Object *int_from_double(double d) {
    if (isnan(d)) return err_set(Exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return err_set(Exc_OverflowError, "cannot convert float infinity to integer");
    if (d > -9.2e18 && d < 9.2e18) return int_from_i64((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d);   /* truncates, exact for integral doubles */
    return int_from_mpz_move(z);
}

/* ---- string conversion ---- */

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* Render |v| of a small int into the end of buf; returns the start. */
static char *u64_to_chars(uint64_t m, int base, char *end) {
    char *p = end;
    if (m == 0) *--p = '0';
    while (m) { *--p = digit_chars[m % base]; m /= base; }
    return p;
}

static const char *base_prefix(int base) {
    switch (base) { case 2: return "0b"; case 8: return "0o"; case 16: return "0x"; }
    return "";
}

Object *int_to_string(Object *o, int base) {
    IntObject *i = (IntObject *)o;
    if (!i->big) {
        char buf[80];
        char *end = buf + sizeof buf;
        bool neg = i->small < 0;
        uint64_t m = neg ? -(uint64_t)i->small : (uint64_t)i->small;
        char *p = u64_to_chars(m, base, end);
        const char *pre = base_prefix(base);
        size_t plen = strlen(pre);
        p -= plen;
        memcpy(p, pre, plen);
        if (neg) *--p = '-';
        return str_from_utf8_unchecked(p, end - p);
    }
    if (base == 10 && mpz_sizeinbase(i->big, 10) > MAX_STR_DIGITS + 1) {
        /* sizeinbase may overshoot by one: confirm against 10**limit. */
        mpz_t a, lim;
        mpz_init(a); mpz_abs(a, i->big);
        mpz_init(lim); mpz_ui_pow_ui(lim, 10, MAX_STR_DIGITS);
        int over = mpz_cmp(a, lim) >= 0;
        mpz_clear(a); mpz_clear(lim);
        if (over)
            return err_format(Exc_ValueError,
                              "Exceeds the limit (%d digits) for integer string conversion; "
                              "use sys.set_int_max_str_digits() to increase the limit",
                              MAX_STR_DIGITS);
    }
    size_t n = mpz_sizeinbase(i->big, base) + 4;
    char *buf = mem_alloc(n);
    char *p = buf;
    int neg = mpz_sgn((mpz_ptr)i->big) < 0;
    if (neg) *p++ = '-';
    const char *pre = base_prefix(base);
    size_t plen = strlen(pre);
    memcpy(p, pre, plen);
    p += plen;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, i->big);
    mpz_get_str(p, base, a);
    mpz_clear(a);
    Object *r = str_from_utf8_unchecked(buf, strlen(buf));
    mem_free(buf);
    return r;
}

static Object *int_repr(Object *self) { return int_to_string(self, 10); }

static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool is_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Parse; returns NULL WITHOUT an exception for a syntax error (the caller
 * words the message), or NULL with one for the digit limit. */
static Object *parse_int(const char *s, size_t len, int base) {
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p)) p++;
    while (end > p && is_space(end[-1])) end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) { neg = *p == '-'; p++; }
    bool had_prefix = false;
    if (end - p >= 2 && p[0] == '0') {
        char c = p[1] | 0x20;
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) { base = pb; p += 2; had_prefix = true; }
    }
    if (base == 0) {
        /* Python literal rules: a leading zero is only allowed for zero. */
        base = 10;
        if (p < end && *p == '0') {
            for (const char *q = p; q < end; q++)
                if (*q != '0' && *q != '_') return NULL;
        }
    }
    if (p == end) return NULL;
    /* Validate digits and underscores: '_' only between digits (or right
     * after a base prefix). */
    size_t ndigits = 0;
    bool prev_us = !had_prefix;   /* a leading '_' is an error unless after prefix */
    if (*p == '_' && !had_prefix) return NULL;
    prev_us = false;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {
            if (prev_us) return NULL;
            prev_us = true;
            continue;
        }
        if (digit_value((unsigned char)*q) >= base) return NULL;
        prev_us = false;
        ndigits++;
    }
    if (prev_us || ndigits == 0) return NULL;
    if (base == 10 && ndigits > MAX_STR_DIGITS)
        return err_format(Exc_ValueError,
                          "Exceeds the limit (%d digits) for integer string conversion: "
                          "value has %zu digits; use sys.set_int_max_str_digits() "
                          "to increase the limit", MAX_STR_DIGITS, ndigits);
    /* Fast path: accumulate in 64 bits while it cannot overflow. */
    uint64_t acc = 0;
    bool fits = true;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') continue;
        unsigned d = digit_value((unsigned char)*q);
        if (__builtin_mul_overflow(acc, (uint64_t)base, &acc) ||
            __builtin_add_overflow(acc, (uint64_t)d, &acc)) { fits = false; break; }
    }
    if (fits) {
        if (!neg) return int_from_u64(acc);
        if (acc <= (uint64_t)INT64_MAX + 1) return int_from_i64((int64_t)(0 - acc));
    }
    char *digits = mem_alloc(ndigits + 1);
    size_t k = 0;
    for (const char *q = p; q < end; q++) if (*q != '_') digits[k++] = *q;
    digits[k] = 0;
    mpz_t z;
    mpz_init_set_str(z, digits, base);
    mem_free(digits);
    if (neg) mpz_neg(z, z);
    return int_from_mpz_move(z);
}

Object *int_from_string(const char *s, size_t len, int base) {
    Object *r = parse_int(s, len, base);
    if (r || err_occurred()) return r;
    Object *src = str_from_utf8(s, len);
    if (!src) { err_clear(); src = bytes_from(s, len); }
    if (!src) return NULL;
    r = err_format(Exc_ValueError, "invalid literal for int() with base %d: %R",
                   base, src);
    DECREF(src);
    return r;
}

/* ---- hashing ---- */

int64_t int_hash(Object *o) {
    IntObject *i = (IntObject *)o;
    int64_t h;
    if (!i->big) {
        int64_t v = i->small;
        uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
        h = (int64_t)(m % HASH_MODULUS);
        if (v < 0) h = -h;
    } else {
        mpz_srcptr z = i->big;
        mpz_t a;
        mpz_init(a);
        mpz_abs(a, z);
        h = (int64_t)mpz_fdiv_ui(a, HASH_MODULUS);
        mpz_clear(a);
        if (mpz_sgn(z) < 0) h = -h;
    }
    return h == -1 ? -2 : h;
}

int64_t hash_double(double v) {
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & HASH_MODULUS) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

/* ---- comparison ---- */

int int_compare(Object *a, Object *b) {
    IntObject *x = (IntObject *)a, *y = (IntObject *)b;
    if (!x->big && !y->big) return (x->small > y->small) - (x->small < y->small);
    int c;
    if (x->big && y->big) c = mpz_cmp(x->big, y->big);
    else if (x->big) c = mpz_cmp_si((mpz_srcptr)x->big, y->small);
    else c = -mpz_cmp_si((mpz_srcptr)y->big, x->small);
    return (c > 0) - (c < 0);
}

static bool cmp_result(int c, CompareOp op) {
    switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    case CMP_GE: return c >= 0;
    }
    return false;
}

static Object *int_richcompare(Object *a, Object *b, CompareOp op) {
    if (!INT_CHECK(a) || !INT_CHECK(b)) return NEWREF(OBJ_NOTIMPL);
    RETURN_BOOL(cmp_result(int_compare(a, b), op));
}

/* ---- arithmetic ---- */

static Object *zero_division(const char *msg) { return err_set(Exc_ZeroDivisionError, msg); }

static Object *big_arith(Object *a, Object *b, BinOp op) {
    MpzView va, vb;
    mpz_t r;
    Object *result = NULL;
    view_of(&va, a);
    view_of(&vb, b);
    mpz_init(r);
    switch (op) {
    case BINOP_ADD: mpz_add(r, va.z, vb.z); break;
    case BINOP_SUB: mpz_sub(r, va.z, vb.z); break;
    case BINOP_MUL: mpz_mul(r, va.z, vb.z); break;
    case BINOP_FLOORDIV:
        if (mpz_sgn(vb.z) == 0) { zero_division("integer division or modulo by zero"); goto fail; }
        mpz_fdiv_q(r, va.z, vb.z); break;
    case BINOP_MOD:
        if (mpz_sgn(vb.z) == 0) { zero_division("integer modulo by zero"); goto fail; }
        mpz_fdiv_r(r, va.z, vb.z); break;
    case BINOP_AND: mpz_and(r, va.z, vb.z); break;
    case BINOP_OR: mpz_ior(r, va.z, vb.z); break;
    case BINOP_XOR: mpz_xor(r, va.z, vb.z); break;
    default: break;
    }
    view_done(&va); view_done(&vb);
    return int_from_mpz_move(r);
fail:
    view_done(&va); view_done(&vb);
    mpz_clear(r);
    return result;
}

/* Correctly rounded a / b for ints. */
static Object *int_true_divide(Object *a, Object *b) {
    IntObject *x = (IntObject *)a, *y = (IntObject *)b;
    if (!y->big && y->small == 0) return zero_division("division by zero");
    const int64_t exact = (int64_t)1 << 53;
    if (!x->big && !y->big && x->small <= exact && x->small >= -exact &&
        y->small <= exact && y->small >= -exact)
        return float_from_double((double)x->small / (double)y->small);
    MpzView va, vb;
    view_of(&va, a);
    view_of(&vb, b);
    bool neg = (mpz_sgn(va.z) < 0) != (mpz_sgn(vb.z) < 0);
    double d = 0;
    if (mpz_sgn(va.z) != 0) {
        mpz_t n, q, r, den;
        mpz_init(n); mpz_abs(n, va.z);
        mpz_init(den); mpz_abs(den, vb.z);
        long na = (long)mpz_sizeinbase(n, 2), nb = (long)mpz_sizeinbase(den, 2);
        long shift = 56 - (na - nb);  /* quotient gets 56..57 bits */
        /* Keep the result exponent out of the subnormal range where
         * possible: clamp so the final ldexp does the (rare) denormal rounding. */
        if (shift >= 0) mpz_mul_2exp(n, n, shift);
        else mpz_mul_2exp(den, den, -shift);
        mpz_init(q); mpz_init(r);
        mpz_tdiv_qr(q, r, n, den);
        bool sticky = mpz_sgn(r) != 0;
        size_t qbits = mpz_sizeinbase(q, 2);
        d = round_bits_to_double(q, qbits, sticky, -shift);
        mpz_clear(n); mpz_clear(den); mpz_clear(q); mpz_clear(r);
        if (isinf(d)) {
            view_done(&va); view_done(&vb);
            return err_set(Exc_OverflowError, "integer division result too large for a float");
        }
    }
    view_done(&va); view_done(&vb);
    return float_from_double(neg ? -d : d);
}

static Object *int_power(Object *a, Object *b) {
    IntObject *x = (IntObject *)a;
    if (int_sign(b) < 0) {
        double base = int_as_double(a);
        if (base == -1.0 && err_occurred()) return NULL;
        double ex = int_as_double(b);
        if (ex == -1.0 && err_occurred()) return NULL;
        if (base == 0.0) return zero_division("0.0 cannot be raised to a negative power");
        return float_from_double(pow(base, ex));
    }
    if (!x->big && (x->small == 0 || x->small == 1))   /* 0 ** 0 == 1 */
        return int_from_i64(x->small == 0 && int_sign(b) == 0 ? 1 : x->small);
    if (!x->big && x->small == -1) {
        IntObject *e = (IntObject *)b;
        bool odd = e->big ? mpz_odd_p((mpz_ptr)e->big) : (e->small & 1);
        return int_from_i64(odd ? -1 : 1);
    }
    if (!int_is_small(b)) return err_set(Exc_OverflowError, "exponent too large");
    uint64_t e = (uint64_t)int_small(b);
    if (!x->big) {
        /* Square-and-multiply in 64 bits while it does not overflow. */
        int64_t result = 1, base = x->small;
        uint64_t n = e;
        bool ok = true;
        while (n) {
            if (n & 1) { if (__builtin_mul_overflow(result, base, &result)) { ok = false; break; } }
            n >>= 1;
            if (n && __builtin_mul_overflow(base, base, &base)) { ok = false; break; }
        }
        if (ok) return int_from_i64(result);
    }
    /* |x| >= 2 here, so the result has at most e * bit_length(x) bits. */
    size_t base_bits = int_bit_length(a);
    if (e > GMP_MAX_BITS / base_bits) return err_no_memory();
    if (check_result_bits(e * base_bits) < 0) return NULL;
    mpz_t r;
    mpz_init(r);
    MpzView va;
    view_of(&va, a);
    mpz_pow_ui(r, va.z, (unsigned long)e);
    view_done(&va);
    return int_from_mpz_move(r);
}

Object *int_pow3(Object *a, Object *b, Object *m) {
    if (!INT_CHECK(a) || !INT_CHECK(b) || !INT_CHECK(m))
        return err_set(Exc_TypeError,
                       "pow() 3rd argument not allowed unless all arguments are integers");
    if (int_sign(m) == 0) return err_set(Exc_ValueError, "pow() 3rd argument cannot be 0");
    mpz_t base, ex, mod, r;
    mpz_of(base, a); mpz_of(ex, b); mpz_of(mod, m);
    mpz_init(r);
    bool mod_neg = mpz_sgn(mod) < 0;
    mpz_abs(mod, mod);
    Object *result = NULL;
    if (mpz_sgn(ex) < 0) {
        if (!mpz_invert(base, base, mod)) {
            err_set(Exc_ValueError, "base is not invertible for the given modulus");
            goto done;
        }
        mpz_neg(ex, ex);
    }
    mpz_powm(r, base, ex, mod);             /* 0 <= r < |mod| */
    if (mod_neg && mpz_sgn(r) != 0) mpz_sub(r, r, mod);
    result = int_from_mpz_move(r);
    mpz_init(r);
done:
    mpz_clear(base); mpz_clear(ex); mpz_clear(mod); mpz_clear(r);
    return result;
}

static Object *int_shift(Object *a, Object *b, bool left) {
    if (int_sign(b) < 0) return err_set(Exc_ValueError, "negative shift count");
    IntObject *x = (IntObject *)a;
    if (!int_is_small(b)) {
        if (int_sign(a) == 0) return int_from_i64(0);
        if (left) return err_set(Exc_OverflowError, "too many digits in integer");
        return int_from_i64(int_sign(a) < 0 ? -1 : 0);
    }
    int64_t n = int_small(b);
    if (!x->big) {
        int64_t v = x->small;
        if (!left) {
            if (n >= 63) return int_from_i64(v < 0 ? -1 : 0);
            return int_from_i64(v >> n);    /* arithmetic shift floors */
        }
        if (v == 0) return int_from_i64(0);
        if (n < 63) {
            int64_t r = (int64_t)((uint64_t)v << n);
            if ((r >> n) == v) return int_from_i64(r);
        }
    }
    if (left) {
        if ((uint64_t)n > GMP_MAX_BITS) return err_no_memory();
        if (check_result_bits(int_bit_length(a) + (uint64_t)n) < 0) return NULL;
    }
    mpz_t r;
    mpz_init(r);
    MpzView va;
    view_of(&va, a);
    if (left) mpz_mul_2exp(r, va.z, (mp_bitcnt_t)n);
    else mpz_fdiv_q_2exp(r, va.z, (mp_bitcnt_t)n);
    view_done(&va);
    return int_from_mpz_move(r);
}

static inline int64_t floor_div_i64(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}
static inline int64_t floor_mod_i64(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

Object *int_binop(Object *a, Object *b, BinOp op) {
    if (!INT_CHECK(a) || !INT_CHECK(b)) return NEWREF(OBJ_NOTIMPL);
    op &= ~BINOP_INPLACE;
    IntObject *x = (IntObject *)a, *y = (IntObject *)b;
    if (!x->big && !y->big) {
        int64_t u = x->small, v = y->small, r;
        switch (op) {
        case BINOP_ADD: if (!__builtin_add_overflow(u, v, &r)) return int_from_i64(r); break;
        case BINOP_SUB: if (!__builtin_sub_overflow(u, v, &r)) return int_from_i64(r); break;
        case BINOP_MUL: if (!__builtin_mul_overflow(u, v, &r)) return int_from_i64(r); break;
        case BINOP_FLOORDIV:
            if (v == 0) return zero_division("integer division or modulo by zero");
            if (!(u == INT64_MIN && v == -1)) return int_from_i64(floor_div_i64(u, v));
            break;
        case BINOP_MOD:
            if (v == 0) return zero_division("integer modulo by zero");
            if (v == -1) return int_from_i64(0);
            return int_from_i64(floor_mod_i64(u, v));
        case BINOP_AND: return int_from_i64(u & v);
        case BINOP_OR: return int_from_i64(u | v);
        case BINOP_XOR: return int_from_i64(u ^ v);
        default: break;
        }
    }
    switch (op) {
    case BINOP_TRUEDIV: return int_true_divide(a, b);
    case BINOP_POW: return int_power(a, b);
    case BINOP_LSHIFT: return int_shift(a, b, true);
    case BINOP_RSHIFT: return int_shift(a, b, false);
    case BINOP_MATMUL: return NEWREF(OBJ_NOTIMPL);
    default: return big_arith(a, b, op);
    }
}

static Object *int_unaryop(Object *self, UnaryOp op) {
    IntObject *x = (IntObject *)self;
    switch (op) {
    case UNOP_NEG:
        if (!x->big && x->small != INT64_MIN) return int_from_i64(-x->small);
        break;
    case UNOP_POS: case UNOP_INT: case UNOP_INDEX:
        return int_exact(self);
    case UNOP_ABS:
        if (!x->big) {
            if (x->small >= 0) return int_exact(self);
            if (x->small != INT64_MIN) return int_from_i64(-x->small);
        }
        break;
    case UNOP_INVERT:
        if (!x->big) return int_from_i64(~x->small);
        break;
    case UNOP_FLOAT: {
        double d = int_as_double(self);
        if (d == -1.0 && err_occurred()) return NULL;
        return float_from_double(d);
    }
    default: return NEWREF(OBJ_NOTIMPL);
    }
    mpz_t r;
    mpz_of(r, self);
    if (op == UNOP_NEG) mpz_neg(r, r);
    else if (op == UNOP_ABS) mpz_abs(r, r);
    else mpz_com(r, r);
    return int_from_mpz_move(r);
}

static int int_bool(Object *self) {
    IntObject *x = (IntObject *)self;
    return x->big ? 1 : x->small != 0;
}

static int64_t int_hash_slot(Object *self) { return int_hash(self); }

/* ---- round ---- */

Object *int_round(Object *x, Object *ndigits) {
    if (!ndigits || ndigits == OBJ_NONE) return int_exact(x);
    if (!INT_CHECK(ndigits)) {
        Object *idx = obj_index(ndigits);
        if (!idx) return NULL;
        Object *r = int_round(x, idx);
        DECREF(idx);
        return r;
    }
    if (int_sign(ndigits) >= 0) return int_exact(x);
    if (!int_is_small(ndigits)) return int_from_i64(0);
    int64_t k = -int_small(ndigits);
    mpz_t v, pw, q, r;
    mpz_of(v, x);
    mpz_init(pw);
    if (k > (int64_t)mpz_sizeinbase(v, 10) + 1) {
        mpz_clear(v); mpz_clear(pw);
        return int_from_i64(0);
    }
    mpz_ui_pow_ui(pw, 10, (unsigned long)k);
    mpz_init(q); mpz_init(r);
    mpz_fdiv_qr(q, r, v, pw);       /* v = q*pw + r, 0 <= r < pw */
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, pw);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, pw);
    mpz_clear(v); mpz_clear(pw); mpz_clear(r);
    return int_from_mpz_move(q);
}

/* ---- constructor ---- */

/* int(x) for a non-str x, without base. */
static Object *int_from_number(Object *x) {
    if (INT_CHECK(x)) return int_exact(x);
    if (FLOAT_CHECK(x)) return int_from_double(float_value(x));
    TypeObject *t = TYPE(x);
    if (t->unaryop) {
        Object *r = t->unaryop(x, UNOP_INT);
        if (r != OBJ_NOTIMPL) {
            if (r && !INT_CHECK(r)) {
                Object *e = err_format(Exc_TypeError, "__int__ returned non-int (type %T)", r);
                DECREF(r);
                return e;
            }
            return r;
        }
        DECREF(r);
        r = t->unaryop(x, UNOP_INDEX);
        if (r != OBJ_NOTIMPL) {
            if (r && !INT_CHECK(r)) {
                Object *e = err_format(Exc_TypeError, "__index__ returned non-int (type %T)", r);
                DECREF(r);
                return e;
            }
            return r;
        }
        DECREF(r);
    }
    if (type_lookup_cstr(t, "__trunc__")) {
        Object *r = obj_call_method(x, "__trunc__", NULL, 0);
        if (!r) return NULL;
        if (!INT_CHECK(r)) {
            Object *i = obj_index(r);
            DECREF(r);
            return i;
        }
        return r;
    }
    return err_format(Exc_TypeError,
                      "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                      type_name(t));
}

static Object *int_from_text(Object *x, int base) {
    const char *s; size_t n;
    if (STR_CHECK(x)) { s = str_data(x); n = str_size(x); }
    else if (BYTES_CHECK(x)) { s = bytes_data(x); n = bytes_size(x); }
    else { ByteArrayObject *ba = (ByteArrayObject *)x; s = ba->data ? ba->data : ""; n = ba->size; }
    /* Embedded NULs make the literal invalid; parse_int sees them as junk. */
    Object *r;
    if (STR_CHECK(x) && !((StrObject *)x)->is_ascii) {
        size_t an;
        char *ascii = ucs_numeric_ascii(s, n, &an);
        r = parse_int(ascii, an, base);
        mem_free(ascii);
    } else {
        r = parse_int(s, n, base);
    }
    if (r || err_occurred()) return r;
    return err_format(Exc_ValueError, "invalid literal for int() with base %d: %R", base, x);
}

static bool is_text(Object *x) {
    return STR_CHECK(x) || BYTES_CHECK(x) || IS_INSTANCE(x, ByteArrayType);
}

/* Wrap a plain int value into an instance of the int subclass `type`. */
static Object *int_subclass_wrap(TypeObject *type, Object *v) {
    if (!v || type == &IntType) return v;
    IntObject *o = (IntObject *)obj_new_instance(type, 0);
    if (!o) { DECREF(v); return NULL; }
    IntObject *src = (IntObject *)v;
    o->small = src->small;
    if (src->big) {
        mpz_ptr z = mem_alloc(sizeof(__mpz_struct));
        mpz_init_set(z, src->big);
        o->big = z;
    }
    DECREF(v);
    return (Object *)o;
}

static Object *int_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"/x", "base", NULL};
    Object *vals[2] = {NULL, NULL};
    size_t given = nargs + (kwnames ? tuple_size(kwnames) : 0);
    if (given > 2)   /* CPython's wording for int() counts keywords too */
        return err_format(Exc_TypeError, "int() takes at most 2 arguments (%zu given)", given);
    if (arg_bind("int", args, nargs, kwnames, kwlist, 0, vals) < 0) return NULL;
    Object *x = vals[0], *base_obj = vals[1];
    Object *r;
    if (!base_obj) {
        if (!x) r = int_from_i64(0);
        else if (is_text(x)) r = int_from_text(x, 10);
        else r = int_from_number(x);
    } else {
        if (!x) return err_set(Exc_TypeError, "int() missing string argument");
        int64_t base = obj_as_index(base_obj);
        if (base == -1 && err_occurred()) return NULL;
        if (!is_text(x)) return err_set(Exc_TypeError, "int() can't convert non-string with explicit base");
        if (base != 0 && (base < 2 || base > 36))
            return err_set(Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        r = int_from_text(x, (int)base);
    }
    return int_subclass_wrap(type, r);
}

/* ---- methods ---- */

static Object *int_bit_length_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("bit_length", nargs, 0, 0) < 0 || arg_no_kw("bit_length", kw) < 0) return NULL;
    return int_from_u64(int_bit_length(self));
}

static Object *int_bit_count_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("bit_count", nargs, 0, 0) < 0 || arg_no_kw("bit_count", kw) < 0) return NULL;
    IntObject *x = (IntObject *)self;
    if (!x->big) {
        uint64_t m = x->small < 0 ? -(uint64_t)x->small : (uint64_t)x->small;
        return int_from_i64(__builtin_popcountll(m));
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, x->big);
    uint64_t c = mpz_popcount(a);
    mpz_clear(a);
    return int_from_u64(c);
}

static int parse_byteorder(Object *o, bool *little) {
    if (!o) { *little = false; return 0; }
    if (!STR_CHECK(o)) {
        err_format(Exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", o);
        return -1;
    }
    if (str_eq_cstr(o, "little")) *little = true;
    else if (str_eq_cstr(o, "big")) *little = false;
    else { err_set(Exc_ValueError, "byteorder must be either 'little' or 'big'"); return -1; }
    return 0;
}

static Object *int_to_bytes_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    static const char *const kwlist[] = {"length", "byteorder", "$signed", NULL};
    Object *v[3] = {NULL, NULL, NULL};
    if (arg_bind("to_bytes", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    int64_t length = 1;
    if (v[0]) { length = obj_as_index(v[0]); if (length == -1 && err_occurred()) return NULL; }
    if (length < 0) return err_set(Exc_ValueError, "length argument must be non-negative");
    bool little;
    if (parse_byteorder(v[1], &little) < 0) return NULL;
    int is_signed = v[2] ? obj_is_true(v[2]) : 0;
    if (is_signed < 0) return NULL;
    /* A length no machine can hold is a MemoryError (as in CPython, which
     * allocates the result first), and it keeps length * 8 from wrapping. */
    if (mem_check_size((size_t)length, 1) < 0) return NULL;
    mpz_t z;
    mpz_of(z, self);
    if (mpz_sgn(z) < 0 && !is_signed) {
        mpz_clear(z);
        return err_set(Exc_OverflowError, "can't convert negative int to unsigned");
    }
    /* Two's complement: add 2**(8*length) to negatives. */
    size_t bits = (size_t)length * 8;
    bool overflow;
    if (mpz_sgn(z) < 0) {
        mpz_t mod;
        mpz_init(mod);
        mpz_setbit(mod, bits);
        mpz_add(z, z, mod);
        mpz_clear(mod);
        overflow = mpz_sgn(z) < 0 || (bits > 0 && !mpz_tstbit(z, bits - 1)) || bits == 0;
    } else {
        size_t need = mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2) + (is_signed ? 1 : 0);
        overflow = need > bits;
    }
    if (overflow) { mpz_clear(z); return err_set(Exc_OverflowError, "int too big to convert"); }
    char *buf = mem_calloc_or_raise(1, (size_t)length + 1);
    if (!buf) { mpz_clear(z); return NULL; }
    size_t count = 0;
    if (mpz_sgn(z) != 0) mpz_export(buf, &count, 1, 1, 1, 0, z);   /* big-endian bytes */
    /* Right-align into length bytes. */
    if (count < (size_t)length) {
        memmove(buf + (length - count), buf, count);
        memset(buf, 0, length - count);
    }
    if (little)
        for (int64_t i = 0, j = length - 1; i < j; i++, j--) { char t = buf[i]; buf[i] = buf[j]; buf[j] = t; }
    mpz_clear(z);
    Object *r = bytes_from(buf, (size_t)length);
    mem_free(buf);
    return r;
}

static Object *int_from_bytes_m(Object *cls, Object *const *args, size_t nargs, Object *kw) {
    static const char *const kwlist[] = {"bytes", "byteorder", "$signed", NULL};
    Object *v[3] = {NULL, NULL, NULL};
    if (arg_bind("from_bytes", args, nargs, kw, kwlist, 1, v) < 0) return NULL;
    bool little;
    if (parse_byteorder(v[1], &little) < 0) return NULL;
    int is_signed = v[2] ? obj_is_true(v[2]) : 0;
    if (is_signed < 0) return NULL;
    Object *src = v[0];
    Object *owned = NULL;
    if (!BYTES_CHECK(src)) {
        Object *bytes_type = (Object *)&BytesType;
        owned = obj_call1(bytes_type, src);
        if (!owned) return NULL;
        src = owned;
    }
    size_t n = bytes_size(src);
    mpz_t z;
    mpz_init(z);
    if (n) mpz_import(z, n, little ? -1 : 1, 1, 1, 0, bytes_data(src));
    if (is_signed && n && (bytes_data(src)[little ? n - 1 : 0] & 0x80)) {
        mpz_t mod;
        mpz_init(mod);
        mpz_setbit(mod, n * 8);
        mpz_sub(z, z, mod);
        mpz_clear(mod);
    }
    XDECREF(owned);
    Object *r = int_from_mpz_move(z);
    if ((TypeObject *)cls != &IntType) {
        Object *w = obj_call1(cls, r);
        DECREF(r);
        return w;
    }
    return r;
}

static Object *int_as_integer_ratio_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("as_integer_ratio", nargs, 0, 0) < 0) return NULL;
    Object *n = int_exact(self);
    Object *t = tuple_pack(2, n, int_from_i64(1));
    DECREF(n);
    return t;
}

static Object *int_conjugate_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_exact(self);
}

static Object *int_format_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("__format__", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return err_format(Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    return str_format_spec(self, args[0]);
}

static Object *int_round_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("__round__", nargs, 0, 1) < 0) return NULL;
    return int_round(self, nargs ? args[0] : NULL);
}

static Object *int_trunc_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_exact(self);
}

static Object *int_getnewargs_m(Object *self, Object *const *args, size_t nargs, Object *kw) {
    Object *v = int_exact(self);
    Object *t = tuple_pack(1, v);
    DECREF(v);
    return t;
}

static const MethodDef int_methods[] = {
    {"bit_length", int_bit_length_m, METH_DEFAULT, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count_m, METH_DEFAULT, "Number of ones in the binary representation of abs(self)."},
    {"to_bytes", int_to_bytes_m, METH_DEFAULT, "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes_m, METH_CLASS, "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio_m, METH_DEFAULT, "Return (self, 1)."},
    {"conjugate", int_conjugate_m, METH_DEFAULT, "Returns self."},
    {"__format__", int_format_m, METH_DEFAULT, NULL},
    {"__round__", int_round_m, METH_DEFAULT, NULL},
    {"__trunc__", int_trunc_m, METH_DEFAULT, NULL},
    {"__floor__", int_trunc_m, METH_DEFAULT, NULL},
    {"__ceil__", int_trunc_m, METH_DEFAULT, NULL},
    {"__getnewargs__", int_getnewargs_m, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL}
};

static Object *int_get_self(Object *self, void *c) { return int_exact(self); }
static Object *int_get_zero(Object *self, void *c) { return int_from_i64(0); }
static Object *int_get_one(Object *self, void *c) { return int_from_i64(1); }

static const GetSetDef int_getsets[] = {
    {"real", int_get_self, NULL, "the real part", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part", NULL},
    {"numerator", int_get_self, NULL, "the numerator", NULL},
    {"denominator", int_get_one, NULL, "the denominator", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

TypeObject IntType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "int",
    .basicsize = sizeof(IntObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_INT_SUBCLASS,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer",
    .dealloc = int_dealloc,
    .new_ = int_new,
    .repr = int_repr,
    .str = int_repr,
    .hash = int_hash_slot,
    .richcompare = int_richcompare,
    .bool_ = int_bool,
    .binop = int_binop,
    .unaryop = int_unaryop,
    .methods = int_methods,
    .getsets = int_getsets,
};
