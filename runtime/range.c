/* range.c — range objects and their iterator.
 *
 * A range is (start, stop, step) with its length precomputed; all four fit
 * in int64_t (bounds beyond that raise OverflowError, a documented
 * difference from CPython, whose ranges accept any int). Indexing, `in`
 * for ints, len and slicing are O(1); a slice of a range is a range.
 * Two ranges are equal when they describe the same sequence, and hash
 * accordingly (as CPython: hash((len, start, step)) with None for the parts
 * that do not matter).
 */
#include "gilt.h"

#define R(o) ((RangeObject *)(o))

static int64_t compute_length(int64_t start, int64_t stop, int64_t step) {
    __int128 lo = start, hi = stop, st = step;
    if (st > 0 ? lo >= hi : lo <= hi) return 0;
    __int128 n = st > 0 ? (hi - lo - 1) / st + 1 : (lo - hi - 1) / (-st) + 1;
    return n > INT64_MAX ? -1 : (int64_t)n;
}

static Object *make_range(int64_t start, int64_t stop, int64_t step, int64_t length) {
    RangeObject *r = (RangeObject *)obj_alloc(&RangeType, sizeof(RangeObject));
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return (Object *)r;
}

Object *range_new(int64_t start, int64_t stop, int64_t step) {
    if (step == 0) return err_set(Exc_ValueError, "range() arg 3 must not be zero");
    int64_t n = compute_length(start, stop, step);
    if (n < 0) return err_set(Exc_OverflowError, "range too large");
    return make_range(start, stop, step, n);
}

/* A range argument as int64: TypeError for non-integers. */
static int range_arg(Object *o, int64_t *out) {
    int r = index_from_key(o, out);
    if (r == 0) {
        err_format(Exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    if (r < 0 && err_matches(Exc_IndexError)) {
        err_clear();
        err_set(Exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return r < 0 ? -1 : 0;
}

static Object *range_new_(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (kwnames && tuple_size(kwnames))
        return err_set(Exc_TypeError, "range() takes no keyword arguments");
    int64_t v[3] = {0, 0, 1};
    if (nargs == 1) {
        if (range_arg(args[0], &v[1]) < 0) return NULL;
    } else if (nargs == 2 || nargs == 3) {
        for (size_t i = 0; i < nargs; i++)
            if (range_arg(args[i], &v[i]) < 0) return NULL;
    } else if (nargs == 0) {
        return err_set(Exc_TypeError, "range expected at least 1 argument, got 0");
    } else {
        return err_format(Exc_TypeError, "range expected at most 3 arguments, got %zu", nargs);
    }
    return range_new(v[0], v[1], v[2]);
}

static void range_dealloc(Object *self) { obj_free(self); }

static Object *range_repr(Object *self) {
    RangeObject *r = R(self);
    if (r->step == 1)
        return str_format("range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return str_format("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                      (long long)r->step);
}

static int64_t range_len(Object *self) { return R(self)->length; }
static int range_bool(Object *self) { return R(self)->length != 0; }

static Object *range_item(RangeObject *r, int64_t i) {
    if (i < 0) i += r->length;
    if (i < 0 || i >= r->length) return err_set(Exc_IndexError, "range object index out of range");
    return int_from_i64(r->start + i * r->step);
}

static Object *range_getitem(Object *self, Object *key) {
    RangeObject *r = R(self);
    if (INT_CHECK(key) && int_is_small(key)) return range_item(r, int_small(key));
    if (IS_TYPE(key, SliceType)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, r->length, &start, &stop, &step, &n) < 0) return NULL;
        int64_t new_start = r->start + start * r->step;
        int64_t new_step = r->step * step;
        /* CPython's stop: the slice's stop index mapped through the range. */
        __int128 new_stop = (__int128)r->start + (__int128)stop * r->step;
        if (new_stop > INT64_MAX || new_stop < INT64_MIN)
            new_stop = new_start + (__int128)n * new_step;
        return make_range(new_start, (int64_t)new_stop, new_step, n);
    }
    int64_t i;
    int res = index_from_key(key, &i);
    if (res < 0) return NULL;
    if (res == 0)
        return err_format(Exc_TypeError, "range indices must be integers or slices, not %T", key);
    return range_item(r, i);
}

/* Position of the int value v in r, or -1. */
static int64_t range_position(RangeObject *r, int64_t v) {
    if (r->length == 0) return -1;
    __int128 off = (__int128)v - r->start;
    if (off % r->step != 0) return -1;
    __int128 i = off / r->step;
    return (i >= 0 && i < r->length) ? (int64_t)i : -1;
}

static int range_contains(Object *self, Object *item) {
    RangeObject *r = R(self);
    if (IS_TYPE(item, IntType) || IS_TYPE(item, BoolType)) {
        if (!int_is_small(item)) return 0;
        return range_position(r, int_small(item)) >= 0;
    }
    for (int64_t i = 0; i < r->length; i++) {
        Object *v = int_from_i64(r->start + i * r->step);
        int eq = obj_richcompare_bool(v, item, CMP_EQ);
        DECREF(v);
        if (eq != 0) return eq;
    }
    return 0;
}

static bool range_same(RangeObject *a, RangeObject *b) {
    if (a == b) return true;
    if (a->length != b->length) return false;
    if (a->length == 0) return true;
    if (a->start != b->start) return false;
    return a->length == 1 || a->step == b->step;
}

static Object *range_richcompare(Object *a, Object *b, CompareOp op) {
    if (!IS_TYPE(a, RangeType) || !IS_TYPE(b, RangeType) || (op != CMP_EQ && op != CMP_NE))
        return NEWREF(OBJ_NOTIMPL);
    bool same = range_same(R(a), R(b));
    RETURN_BOOL(op == CMP_EQ ? same : !same);
}

static int64_t range_hash(Object *self) {
    RangeObject *r = R(self);
    Object *len = int_from_i64(r->length);
    Object *start = r->length ? int_from_i64(r->start) : NEWREF(OBJ_NONE);
    Object *step = r->length > 1 ? int_from_i64(r->step) : NEWREF(OBJ_NONE);
    Object *t = tuple_pack(3, len, start, step);
    DECREF(len);
    DECREF(start);
    DECREF(step);
    int64_t h = obj_hash(t);
    DECREF(t);
    return h;
}

static Object *range_iter_new(int64_t first, int64_t step, int64_t n) {
    RangeIterObject *it = (RangeIterObject *)obj_alloc(&RangeIterType, sizeof(RangeIterObject));
    it->next = first;
    it->step = step;
    it->remaining = (uint64_t)n;
    return (Object *)it;
}

static Object *range_iter(Object *self) {
    RangeObject *r = R(self);
    return range_iter_new(r->start, r->step, r->length);
}

#define METHOD(name) static Object *name(Object *self, Object *const *args, size_t nargs, \
                                         Object *kwnames)

METHOD(range_reversed_m) {
    RangeObject *r = R(self);
    if (r->length == 0) return range_iter_new(0, 1, 0);
    return range_iter_new(r->start + (r->length - 1) * r->step, -r->step, r->length);
}

METHOD(range_count_m) {
    if (arg_no_kw("count", kwnames) < 0 || arg_count("count", nargs, 1, 1) < 0) return NULL;
    Object *x = args[0];
    if (IS_TYPE(x, IntType) || IS_TYPE(x, BoolType))
        return int_from_i64(int_is_small(x) && range_position(R(self), int_small(x)) >= 0);
    int64_t count = 0;
    RangeObject *r = R(self);
    for (int64_t i = 0; i < r->length; i++) {
        Object *v = int_from_i64(r->start + i * r->step);
        int eq = obj_richcompare_bool(v, x, CMP_EQ);
        DECREF(v);
        if (eq < 0) return NULL;
        count += eq;
    }
    return int_from_i64(count);
}

METHOD(range_index_m) {
    if (arg_no_kw("index", kwnames) < 0 || arg_count("index", nargs, 1, 1) < 0) return NULL;
    Object *x = args[0];
    RangeObject *r = R(self);
    if (IS_TYPE(x, IntType) || IS_TYPE(x, BoolType)) {
        int64_t pos = int_is_small(x) ? range_position(r, int_small(x)) : -1;
        if (pos >= 0) return int_from_i64(pos);
        return err_format(Exc_ValueError, "%R is not in range", x);
    }
    for (int64_t i = 0; i < r->length; i++) {
        Object *v = int_from_i64(r->start + i * r->step);
        int eq = obj_richcompare_bool(v, x, CMP_EQ);
        DECREF(v);
        if (eq < 0) return NULL;
        if (eq) return int_from_i64(i);
    }
    return err_set(Exc_ValueError, "sequence.index(x): x not in sequence");
}

static Object *range_get_start(Object *self, void *c) { return int_from_i64(R(self)->start); }
static Object *range_get_stop(Object *self, void *c) { return int_from_i64(R(self)->stop); }
static Object *range_get_step(Object *self, void *c) { return int_from_i64(R(self)->step); }

static const GetSetDef range_getsets[] = {
    {"start", range_get_start, NULL, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL, NULL},
    {"step", range_get_step, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const MethodDef range_methods[] = {
    {"__reversed__", range_reversed_m, 0, "Return a reverse iterator."},
    {"count", range_count_m, 0, "rangeobject.count(value) -> integer"},
    {"index", range_index_m, 0, "rangeobject.index(value) -> integer"},
    {NULL, NULL, 0, NULL},
};

TypeObject RangeType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "range",
    .basicsize = sizeof(RangeObject),
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
    .dealloc = range_dealloc,
    .new_ = range_new_,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .bool_ = range_bool,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .iter = range_iter,
    .methods = range_methods,
    .getsets = range_getsets,
};

/* ---- iterator ---- */

static Object *rangeiter_next(Object *self) {
    RangeIterObject *it = (RangeIterObject *)self;
    if (it->remaining == 0) return NULL;
    int64_t v = it->next;
    it->remaining--;
    /* The last step may overflow int64 past stop: only advance if needed. */
    if (it->remaining) it->next += it->step;
    return int_from_i64(v);
}

static Object *iter_self(Object *self) { return NEWREF(self); }

METHOD(rangeiter_length_hint) { return int_from_u64(((RangeIterObject *)self)->remaining); }

static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject RangeIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "range_iterator",
    .basicsize = sizeof(RangeIterObject),
    .dealloc = range_dealloc,
    .iter = iter_self,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
};
