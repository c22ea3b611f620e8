/* int.h — arbitrary-precision integers (int.c) and bool (bool.c).
 *
 * An int holds its value in `small` when it fits in int64_t (big == NULL),
 * otherwise in a GMP mpz (big != NULL, normalized: never used for values
 * that fit). Small ints -5..1024 are cached and immortal. GMP allocates
 * through mimalloc. bool is a subclass of int; True/False are immortal.
 * Hashes follow CPython (value mod 2**61-1), so set orders match python3.
 */
#ifndef GILT_INT_H
#define GILT_INT_H

#include "object.h"

typedef struct IntObject {
    OBJECT_HEAD
    int64_t small;          /* the value when big == NULL */
    void *big;              /* __mpz_struct* when the value needs it */
} IntObject;

extern IntObject TrueObject, FalseObject;
#define OBJ_TRUE ((Object *)&TrueObject)
#define OBJ_FALSE ((Object *)&FalseObject)
static inline Object *bool_from(int b) { return NEWREF(b ? OBJ_TRUE : OBJ_FALSE); }
#define RETURN_BOOL(b) return bool_from(b)

#define INT_CHECK(o) (IS_TYPE(o, IntType) || IS_TYPE(o, BoolType) || HAS_FLAG(o, TPFLAG_INT_SUBCLASS))
#define INT_CHECK_EXACT(o) IS_TYPE(o, IntType)
static inline bool int_is_small(Object *o) { return ((IntObject *)o)->big == NULL; }
static inline int64_t int_small(Object *o) { return ((IntObject *)o)->small; }
/* The cached, immortal small ints: int_from_i64 returns these without
 * allocating, and the eval loop never writes a result into one. */
#define INT_CACHE_MIN (-5)
#define INT_CACHE_MAX 1024
static inline bool int_value_is_cached(int64_t v) {
    /* unsigned subtraction: v - INT_CACHE_MIN would overflow near INT64_MAX */
    return (uint64_t)v - (uint64_t)INT_CACHE_MIN <= (uint64_t)(INT_CACHE_MAX - INT_CACHE_MIN);
}

int int_init(void);                           /* small-int cache, GMP hooks */
Object *int_from_i64(int64_t v);
Object *int_from_u64(uint64_t v);
Object *int_from_double(double d);            /* truncates; OverflowError for inf, ValueError for nan */
/* Parse digits in `base` (0 = Python literal rules: 0x/0o/0b prefixes,
 * underscores). Whitespace around is allowed. ValueError on junk. */
Object *int_from_string(const char *s, size_t len, int base);
/* The value as int64_t; on overflow sets OverflowError and returns -1
 * (check err_occurred). `o` must be an int. */
int64_t int_as_i64(Object *o);
double int_as_double(Object *o);              /* OverflowError when too large */
int int_sign(Object *o);                      /* -1, 0, 1 */
Object *int_to_string(Object *o, int base);   /* repr in base 2/8/10/16 (with prefix unless 10) */
Object *int_binop(Object *a, Object *b, BinOp op);
int int_compare(Object *a, Object *b);        /* both ints: -1, 0, 1 */
int64_t int_hash(Object *o);
/* Python's hash for a double, to keep hash(1.0) == hash(1). */
int64_t hash_double(double d);
/* Number of bits, like int.bit_length(). */
size_t int_bit_length(Object *o);
/* pow(a, b, m) for ints (builtins.pow with three arguments). */
Object *int_pow3(Object *a, Object *b, Object *m);
/* A plain int with the value of an int (or bool, or subclass) instance:
 * what int's own __round__, __trunc__, __floor__ and __ceil__ answer. */
Object *int_exact(Object *o);
/* round(x, ndigits) for an int x; ndigits may be NULL or None. */
Object *int_round(Object *x, Object *ndigits);

#endif
