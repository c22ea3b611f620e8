/* tuple.c — immutable sequences.
 *
 * Guarantees: the empty tuple is one immortal singleton; a tuple never
 * changes after its creator filled it, so reads need no lock in either
 * build; hash() equals CPython 3.11's (the xxHash-based combination of the
 * item hashes), so tuples of ints hash and order in sets exactly as in
 * python3. The hash is cached once computed.
 */
#include "gilt.h"
#include "reprguard.h"
#include "stackguard.h"

static TupleObject empty_tuple = {
    OBJECT_HEAD_INIT(&TupleType),
    .hash = -1,
    .size = 0,
};

Object *tuple_new(size_t n) {
    if (n == 0) return NEWREF(&empty_tuple);
    TupleObject *t = (TupleObject *)obj_alloc(&TupleType,
                                              sizeof(TupleObject) + n * sizeof(Object *));
    t->hash = -1;
    t->size = n;
    return (Object *)t;
}

Object *tuple_from_array(Object *const *items, size_t n) {
    Object *t = tuple_new(n);
    Object **dst = tuple_items(t);
    for (size_t i = 0; i < n; i++) dst[i] = NEWREF(items[i]);
    return t;
}

Object *tuple_pack(size_t n, ...) {
    va_list ap;
    va_start(ap, n);
    Object *t = tuple_new(n);
    Object **dst = tuple_items(t);
    for (size_t i = 0; i < n; i++) dst[i] = NEWREF(va_arg(ap, Object *));
    va_end(ap);
    return t;
}

Object *tuple_slice(Object *t, size_t start, size_t stop) {
    size_t n = tuple_size(t);
    if (stop > n) stop = n;
    if (start >= stop) return tuple_new(0);
    if (start == 0 && stop == n && IS_TYPE(t, TupleType)) return NEWREF(t);
    return tuple_from_array(tuple_items(t) + start, stop - start);
}

static void tuple_dealloc(Object *self) {
    TupleObject *t = (TupleObject *)self;
    /* last item first, as CPython does (the order __del__ methods run in) */
    for (size_t i = t->size; i > 0; i--) XDECREF(t->items[i - 1]);
    obj_free(self);
}

/* ---- protocol ---- */

static Object *tuple_repr(Object *self) {
    size_t n = tuple_size(self);
    if (n == 0) return str_from_cstr("()");
    int guard = repr_enter(self);
    if (guard < 0) return NULL;
    if (guard > 0) return str_from_cstr("(...)");
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, '(');
    for (size_t i = 0; i < n; i++) {
        if (i) sb_append(&sb, ", ", 2);
        if (sb_append_repr(&sb, tuple_get(self, i)) < 0) {
            sb_free(&sb);
            repr_leave(self);
            return NULL;
        }
    }
    if (n == 1) sb_append_char(&sb, ',');
    sb_append_char(&sb, ')');
    repr_leave(self);
    return sb_finish(&sb);
}

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static int64_t tuple_hash(Object *self) {
    TupleObject *t = (TupleObject *)self;
    int64_t cached = __atomic_load_n(&t->hash, __ATOMIC_RELAXED);
    if (cached != -1) return cached;
    /* Tuples nested 100,000 deep hash recursively in C. */
    if (stack_guard_check(NULL) < 0) return -1;
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->size; i++) {
        int64_t h = obj_hash(t->items[i]);
        if (h == -1) return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->size ^ (XXPRIME_5 ^ 3527539UL);
    int64_t result = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    __atomic_store_n(&t->hash, result, __ATOMIC_RELAXED);
    return result;
}

static Object *tuple_richcompare(Object *a, Object *b, CompareOp op) {
    if (!TUPLE_CHECK(a) || !TUPLE_CHECK(b)) return NEWREF(OBJ_NOTIMPL);
    size_t na = tuple_size(a), nb = tuple_size(b);
    if ((op == CMP_EQ || op == CMP_NE) && na != nb) RETURN_BOOL(op == CMP_NE);
    size_t i;
    for (i = 0; i < na && i < nb; i++) {
        int eq = obj_richcompare_bool(tuple_get(a, i), tuple_get(b, i), CMP_EQ);
        if (eq < 0) return NULL;
        if (!eq) break;
    }
    if (i >= na || i >= nb) {
        /* No differing item: compare the sizes. */
        bool r;
        switch (op) {
        case CMP_LT: r = na < nb; break;
        case CMP_LE: r = na <= nb; break;
        case CMP_EQ: r = na == nb; break;
        case CMP_NE: r = na != nb; break;
        case CMP_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        RETURN_BOOL(r);
    }
    if (op == CMP_EQ) return NEWREF(OBJ_FALSE);
    if (op == CMP_NE) return NEWREF(OBJ_TRUE);
    return obj_richcompare(tuple_get(a, i), tuple_get(b, i), op);
}

static int64_t tuple_len(Object *self) { return (int64_t)tuple_size(self); }

static Object *tuple_getitem(Object *self, Object *key) {
    size_t n = tuple_size(self);
    if (INT_CHECK(key) && int_is_small(key)) {
        int64_t i = int_small(key);
        if (i < 0) i += (int64_t)n;
        if ((uint64_t)i >= n) return err_set(Exc_IndexError, "tuple index out of range");
        return NEWREF(tuple_get(self, i));
    }
    if (IS_TYPE(key, SliceType)) {
        int64_t start, stop, step, len;
        if (slice_indices(key, (int64_t)n, &start, &stop, &step, &len) < 0) return NULL;
        if (step == 1) return tuple_slice(self, start, start + len);
        Object *t = tuple_new(len);
        for (int64_t k = 0, i = start; k < len; k++, i += step)
            tuple_items(t)[k] = NEWREF(tuple_get(self, i));
        return t;
    }
    int64_t i;
    int r = index_from_key(key, &i);
    if (r < 0) return NULL;
    if (r == 0)
        return err_format(Exc_TypeError, "tuple indices must be integers or slices, not %T",
                          key);
    if (i < 0) i += (int64_t)n;
    if (i < 0 || (uint64_t)i >= n) return err_set(Exc_IndexError, "tuple index out of range");
    return NEWREF(tuple_get(self, i));
}

static int tuple_contains(Object *self, Object *item) {
    size_t n = tuple_size(self);
    for (size_t i = 0; i < n; i++) {
        int r = obj_richcompare_bool(tuple_get(self, i), item, CMP_EQ);
        if (r != 0) return r;
    }
    return 0;
}

static Object *tuple_repeat(Object *t, int64_t count) {
    size_t n = tuple_size(t);
    if (count == 1 && IS_TYPE(t, TupleType)) return NEWREF(t);
    if (n == 0 || count <= 0) return tuple_new(0);
    if ((uint64_t)count > (uint64_t)(INT64_MAX / 8) / n ||
        mem_check_size(n * (size_t)count, sizeof(Object *)) < 0)
        return err_no_memory();
    Object *r = tuple_new(n * (size_t)count);
    Object **dst = tuple_items(r);
    for (int64_t c = 0; c < count; c++)
        for (size_t i = 0; i < n; i++) *dst++ = NEWREF(tuple_get(t, i));
    return r;
}

static Object *tuple_binop(Object *a, Object *b, BinOp op) {
    BinOp base = op & ~BINOP_INPLACE;
    if (base == BINOP_ADD) {
        if (!TUPLE_CHECK(a)) return NEWREF(OBJ_NOTIMPL);
        if (!TUPLE_CHECK(b)) {
            if (TYPE(b)->flags & TPFLAG_HEAPTYPE) return NEWREF(OBJ_NOTIMPL);
            return err_format(Exc_TypeError,
                              "can only concatenate tuple (not \"%T\") to tuple", b);
        }
        size_t na = tuple_size(a), nb = tuple_size(b);
        if (nb == 0 && IS_TYPE(a, TupleType)) return NEWREF(a);
        if (na == 0 && IS_TYPE(b, TupleType)) return NEWREF(b);
        Object *r = tuple_new(na + nb);
        Object **dst = tuple_items(r);
        for (size_t i = 0; i < na; i++) dst[i] = NEWREF(tuple_get(a, i));
        for (size_t i = 0; i < nb; i++) dst[na + i] = NEWREF(tuple_get(b, i));
        return r;
    }
    if (base == BINOP_MUL) {
        Object *seq = TUPLE_CHECK(a) ? a : b;
        Object *n = seq == a ? b : a;
        if (TUPLE_CHECK(n) && seq == b) return NEWREF(OBJ_NOTIMPL);
        int64_t count;
        int r = seq_repeat_count(n, &count);
        if (r <= 0) return r == 0 ? NEWREF(OBJ_NOTIMPL) : NULL;
        return tuple_repeat(seq, count);
    }
    return NEWREF(OBJ_NOTIMPL);
}

/* ---- construction ---- */

static Object *tuple_new_(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (kwnames && tuple_size(kwnames))
        return err_set(Exc_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1)
        return err_format(Exc_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
    Object *base;
    if (nargs == 0) base = tuple_new(0);
    else if (IS_TYPE(args[0], TupleType)) base = NEWREF(args[0]);
    else base = obj_to_tuple(args[0]);
    if (!base || type == &TupleType) return base;
    /* A subclass instance: same items, the subclass's type. */
    size_t n = tuple_size(base);
    TupleObject *t = (TupleObject *)obj_new_instance(type, n);
    if (!t) { DECREF(base); return NULL; }
    t->hash = -1;
    t->size = n;
    for (size_t i = 0; i < n; i++) t->items[i] = NEWREF(tuple_get(base, i));
    DECREF(base);
    return (Object *)t;
}

/* ---- methods ---- */

static Object *tuple_count(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("count", kwnames) < 0 || arg_count("count", nargs, 1, 1) < 0) return NULL;
    int64_t count = 0;
    for (size_t i = 0; i < tuple_size(self); i++) {
        int r = obj_richcompare_bool(tuple_get(self, i), args[0], CMP_EQ);
        if (r < 0) return NULL;
        count += r;
    }
    return int_from_i64(count);
}

/* Resolve the optional start/stop of index(x, start, stop) against n. */
static int index_bounds(Object *const *args, size_t nargs, size_t n, size_t *lo, size_t *hi) {
    int64_t start = 0, stop = (int64_t)n;
    for (size_t k = 1; k < nargs; k++) {
        int64_t v;
        int r = index_from_key(args[k], &v);
        if (r == 0) {
            err_set(Exc_TypeError,
                    "slice indices must be integers or have an __index__ method");
            return -1;
        }
        if (r < 0) {
            if (!err_matches(Exc_IndexError)) return -1;
            err_clear();
            v = int_sign(args[k]) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        }
        if (v < 0) { v += (int64_t)n; if (v < 0) v = 0; }
        if (k == 1) start = v; else stop = v;
    }
    if (stop > (int64_t)n) stop = (int64_t)n;
    *lo = (size_t)start;
    *hi = stop < start ? (size_t)start : (size_t)stop;
    return 0;
}

static Object *tuple_index(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("index", kwnames) < 0 || arg_count("index", nargs, 1, 3) < 0) return NULL;
    size_t lo, hi;
    if (index_bounds(args, nargs, tuple_size(self), &lo, &hi) < 0) return NULL;
    for (size_t i = lo; i < hi && i < tuple_size(self); i++) {
        int r = obj_richcompare_bool(tuple_get(self, i), args[0], CMP_EQ);
        if (r < 0) return NULL;
        if (r) return int_from_i64((int64_t)i);
    }
    return err_set(Exc_ValueError, "tuple.index(x): x not in tuple");
}

static Object *tuple_getnewargs(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    Object *copy = tuple_from_array(tuple_items(self), tuple_size(self));
    Object *r = tuple_pack(1, copy);
    DECREF(copy);
    return r;
}

static const MethodDef tuple_methods[] = {
    {"count", tuple_count, 0, "Return number of occurrences of value."},
    {"index", tuple_index, 0, "Return first index of value."},
    {"__getnewargs__", tuple_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- iterator ---- */

static Object *tuple_iter(Object *self) {
    TupleIterObject *it = (TupleIterObject *)obj_alloc(&TupleIterType, sizeof(TupleIterObject));
    it->seq = (TupleObject *)NEWREF(self);
    it->index = 0;
    return (Object *)it;
}

static Object *tupleiter_next(Object *self) {
    TupleIterObject *it = (TupleIterObject *)self;
    TupleObject *seq = it->seq;
    if (!seq) return NULL;
    if (it->index < seq->size) return NEWREF(seq->items[it->index++]);
    it->seq = NULL;
    DECREF(seq);
    return NULL;
}

static Object *iter_self(Object *self) { return NEWREF(self); }

static void tupleiter_dealloc(Object *self) {
    XDECREF(((TupleIterObject *)self)->seq);
    obj_free(self);
}

static Object *tupleiter_length_hint(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    TupleIterObject *it = (TupleIterObject *)self;
    return int_from_i64(it->seq ? (int64_t)(it->seq->size - it->index) : 0);
}

static const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject TupleIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIterObject),
    .dealloc = tupleiter_dealloc,
    .iter = iter_self,
    .iternext = tupleiter_next,
    .methods = tupleiter_methods,
};

TypeObject TupleType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "tuple",
    .basicsize = sizeof(TupleObject),
    .itemsize = sizeof(Object *),
    .flags = TPFLAG_BASETYPE | TPFLAG_TUPLE_SUBCLASS,
    .doc = "Built-in immutable sequence.",
    .dealloc = tuple_dealloc,
    .new_ = tuple_new_,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .binop = tuple_binop,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .iter = tuple_iter,
    .methods = tuple_methods,
};
