/* range.c — range objects and their iterator.
 *
 * A range is (start, stop, step) with its length precomputed. When all four
 * fit in int64_t (nearly always) they live in the object as machine words
 * and every operation takes a fast path; otherwise (range(10**20)) they are
 * kept as int objects in r->big and the operations do int arithmetic, as
 * CPython's ranges accept any int. len() of a range longer than int64_t
 * raises OverflowError, as CPython's does. Indexing, `in` for ints, len and
 * slicing are O(1); a slice of a range is a range.
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
    r->big = NULL;
    return (Object *)r;
}

/* ---- the int-object path, for ranges whose numbers exceed int64_t ---- */

/* a op b for ints; NULL on error. */
static Object *iop(Object *a, Object *b, BinOp op) { return int_binop(a, b, op); }

static bool is_zero(Object *v) { return int_sign(v) == 0; }

/* The length of range(start, stop, step) as an int (step != 0). */
static Object *big_length(Object *start, Object *stop, Object *step) {
    bool up = int_sign(step) > 0;
    int c = int_compare(start, stop);
    if (up ? c >= 0 : c <= 0) return int_from_i64(0);
    Object *one = int_from_i64(1);
    Object *span = up ? iop(stop, start, BINOP_SUB) : iop(start, stop, BINOP_SUB);
    Object *mag = up ? NEWREF(step) : obj_unaryop(step, UNOP_NEG);
    Object *r = NULL;
    if (span && mag) {
        Object *t = iop(span, one, BINOP_SUB);
        Object *q = t ? iop(t, mag, BINOP_FLOORDIV) : NULL;
        r = q ? iop(q, one, BINOP_ADD) : NULL;
        XDECREF(t);
        XDECREF(q);
    }
    XDECREF(span);
    XDECREF(mag);
    DECREF(one);
    return r;
}

/* A range from int objects (borrowed; step != 0): the int64_t form when
 * everything fits, the big form otherwise. */
static Object *range_from_ints(Object *start, Object *stop, Object *step) {
    if (int_is_small(start) && int_is_small(stop) && int_is_small(step)) {
        int64_t n = compute_length(int_small(start), int_small(stop), int_small(step));
        if (n >= 0) return make_range(int_small(start), int_small(stop), int_small(step), n);
    }
    Object *len = big_length(start, stop, step);
    if (!len) return NULL;
    Object *big = tuple_pack(4, start, stop, step, len);
    DECREF(len);
    if (!big) return NULL;
    RangeObject *r = (RangeObject *)make_range(0, 0, 1, 0);
    r->big = big;
    return (Object *)r;
}

/* start/stop/step/length of any range as a new int reference. */
enum { F_START, F_STOP, F_STEP, F_LENGTH };
static Object *field(RangeObject *r, int which) {
    if (r->big) return NEWREF(tuple_items(r->big)[which]);
    int64_t v = which == F_START ? r->start : which == F_STOP ? r->stop
              : which == F_STEP ? r->step : r->length;
    return int_from_i64(v);
}

Object *range_new(int64_t start, int64_t stop, int64_t step) {
    if (step == 0) return err_set(Exc_ValueError, "range() arg 3 must not be zero");
    int64_t n = compute_length(start, stop, step);
    if (n >= 0) return make_range(start, stop, step, n);
    Object *a = int_from_i64(start), *b = int_from_i64(stop), *c = int_from_i64(step);
    Object *r = range_from_ints(a, b, c);
    DECREF(a); DECREF(b); DECREF(c);
    return r;
}

static Object *range_new_(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    (void)type;
    if (kwnames && tuple_size(kwnames))
        return err_set(Exc_TypeError, "range() takes no keyword arguments");
    if (nargs == 0) return err_set(Exc_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3) return err_format(Exc_TypeError, "range expected at most 3 arguments, got %zu", nargs);
    /* Fast path: plain small ints. */
    int64_t v[3] = {0, 0, 1};
    bool small = true;
    for (size_t i = 0; i < nargs && small; i++)
        small = IS_TYPE(args[i], IntType) && int_is_small(args[i]);
    if (small) {
        if (nargs == 1) v[1] = int_small(args[0]);
        else for (size_t i = 0; i < nargs; i++) v[i] = int_small(args[i]);
        return range_new(v[0], v[1], v[2]);
    }
    Object *o[3] = {NULL, NULL, NULL};
    Object *r = NULL;
    for (size_t i = 0; i < nargs; i++) {
        /* range(True) is range(0, 1): bools become plain ints. */
        Object *x = obj_index(args[i]);
        if (!x) goto done;
        if (!IS_TYPE(x, IntType)) {
            Object *plain = int_binop(x, int_from_i64(0), BINOP_ADD);
            DECREF(x);
            if (!plain) goto done;
            x = plain;
        }
        o[nargs == 1 ? 1 : i] = x;
    }
    if (!o[0]) o[0] = int_from_i64(0);
    if (!o[2]) o[2] = int_from_i64(1);
    if (is_zero(o[2])) { err_set(Exc_ValueError, "range() arg 3 must not be zero"); goto done; }
    r = range_from_ints(o[0], o[1], o[2]);
done:
    for (int i = 0; i < 3; i++) XDECREF(o[i]);
    return r;
}

static void range_dealloc(Object *self) {
    XDECREF(R(self)->big);
    obj_free(self);
}

static Object *range_repr(Object *self) {
    RangeObject *r = R(self);
    if (!r->big) {
        if (r->step == 1)
            return str_format("range(%lld, %lld)", (long long)r->start, (long long)r->stop);
        return str_format("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                          (long long)r->step);
    }
    Object *const *f = tuple_items(r->big);
    if (int_is_small(f[F_STEP]) && int_small(f[F_STEP]) == 1)
        return str_format("range(%R, %R)", f[F_START], f[F_STOP]);
    return str_format("range(%R, %R, %R)", f[F_START], f[F_STOP], f[F_STEP]);
}

static int64_t range_len(Object *self) {
    RangeObject *r = R(self);
    if (!r->big) return r->length;
    Object *len = tuple_items(r->big)[F_LENGTH];
    if (!int_is_small(len)) {
        err_set(Exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return int_small(len);
}

static int range_bool(Object *self) {
    RangeObject *r = R(self);
    return r->big ? !is_zero(tuple_items(r->big)[F_LENGTH]) : r->length != 0;
}

static Object *range_item(RangeObject *r, int64_t i) {
    if (i < 0) i += r->length;
    if (i < 0 || i >= r->length) return err_set(Exc_IndexError, "range object index out of range");
    return int_from_i64(r->start + i * r->step);
}

/* r[i] for an int object i, any range. */
static Object *range_item_obj(RangeObject *r, Object *i) {
    if (!r->big && int_is_small(i)) return range_item(r, int_small(i));
    Object *len = field(r, F_LENGTH);
    Object *idx = NEWREF(i), *res = NULL;
    if (int_sign(idx) < 0) {
        Object *t = iop(idx, len, BINOP_ADD);
        DECREF(idx);
        idx = t;
        if (!idx) goto done;
    }
    if (int_sign(idx) < 0 || int_compare(idx, len) >= 0) {
        err_set(Exc_IndexError, "range object index out of range");
        goto done;
    }
    Object *start = field(r, F_START), *step = field(r, F_STEP);
    Object *off = iop(idx, step, BINOP_MUL);
    if (off) res = iop(start, off, BINOP_ADD);
    XDECREF(off);
    DECREF(start);
    DECREF(step);
done:
    XDECREF(idx);
    DECREF(len);
    return res;
}

/* A slice bound (not None) as an int clamped into [lower, upper] after
 * negative ones count from the end (CPython's PySlice_GetLongIndices). */
static Object *slice_bound(Object *v, Object *len, Object *lower, Object *upper) {
    Object *x = obj_index(v);
    if (!x) return NULL;
    if (int_sign(x) < 0) {
        Object *t = iop(x, len, BINOP_ADD);
        DECREF(x);
        if (!t) return NULL;
        x = t;
        if (int_compare(x, lower) < 0) { DECREF(x); return NEWREF(lower); }
    } else if (int_compare(x, upper) > 0) {
        DECREF(x);
        return NEWREF(upper);
    }
    return x;
}

/* r[slice] through int objects, for big ranges or big slice bounds. */
static Object *range_slice_obj(RangeObject *r, SliceObject *sl) {
    Object *step = NULL, *len = field(r, F_LENGTH), *lower = NULL, *upper = NULL;
    Object *start = NULL, *stop = NULL, *res = NULL;
    if (sl->step == OBJ_NONE) step = int_from_i64(1);
    else if (!(step = obj_index(sl->step))) goto done;
    if (is_zero(step)) { err_set(Exc_ValueError, "slice step cannot be zero"); goto done; }
    bool back = int_sign(step) < 0;
    lower = int_from_i64(back ? -1 : 0);
    upper = back ? iop(len, lower, BINOP_ADD) : NEWREF(len);
    if (!upper) goto done;
    start = sl->start == OBJ_NONE ? NEWREF(back ? upper : lower) : slice_bound(sl->start, len, lower, upper);
    if (!start) goto done;
    stop = sl->stop == OBJ_NONE ? NEWREF(back ? lower : upper) : slice_bound(sl->stop, len, lower, upper);
    if (!stop) goto done;
    {
        Object *rstart = field(r, F_START), *rstep = field(r, F_STEP);
        Object *a = iop(start, rstep, BINOP_MUL);
        Object *b = iop(stop, rstep, BINOP_MUL);
        Object *c = iop(step, rstep, BINOP_MUL);
        Object *nstart = a ? iop(rstart, a, BINOP_ADD) : NULL;
        Object *nstop = b ? iop(rstart, b, BINOP_ADD) : NULL;
        if (nstart && nstop && c) res = range_from_ints(nstart, nstop, c);
        XDECREF(a); XDECREF(b); XDECREF(c); XDECREF(nstart); XDECREF(nstop);
        DECREF(rstart); DECREF(rstep);
    }
done:
    XDECREF(step); XDECREF(len); XDECREF(lower); XDECREF(upper);
    XDECREF(start); XDECREF(stop);
    return res;
}

static Object *range_getitem(Object *self, Object *key) {
    RangeObject *r = R(self);
    if (INT_CHECK(key)) return range_item_obj(r, key);
    if (IS_TYPE(key, SliceType)) {
        if (r->big) return range_slice_obj(r, (SliceObject *)key);
        int64_t start, stop, step, n;
        if (slice_indices(key, r->length, &start, &stop, &step, &n) < 0) {
            if (!err_matches(Exc_OverflowError)) return NULL;
            err_clear();   /* bounds beyond int64: slice with int objects */
            return range_slice_obj(r, (SliceObject *)key);
        }
        int64_t new_start = r->start + start * r->step;
        __int128 new_step = (__int128)r->step * step;
        /* CPython's stop: the slice's stop index mapped through the range. */
        __int128 new_stop = (__int128)r->start + (__int128)stop * r->step;
        if (new_step > INT64_MAX || new_step < INT64_MIN)
            return range_slice_obj(r, (SliceObject *)key);
        if (new_stop > INT64_MAX || new_stop < INT64_MIN)
            new_stop = new_start + (__int128)n * new_step;
        if (new_stop > INT64_MAX || new_stop < INT64_MIN)
            return range_slice_obj(r, (SliceObject *)key);
        return make_range(new_start, (int64_t)new_stop, (int64_t)new_step, n);
    }
    if (TYPE(key)->unaryop && type_lookup_cstr(TYPE(key), "__index__")) {
        Object *i = obj_index(key);
        if (!i) return NULL;
        Object *v = range_item_obj(r, i);
        DECREF(i);
        return v;
    }
    return err_format(Exc_TypeError, "range indices must be integers or slices, not %T", key);
}

/* Position of the int value v in r, or -1. */
static int64_t range_position(RangeObject *r, int64_t v) {
    if (r->length == 0) return -1;
    __int128 off = (__int128)v - r->start;
    if (off % r->step != 0) return -1;
    __int128 i = off / r->step;
    return (i >= 0 && i < r->length) ? (int64_t)i : -1;
}

/* Position of the int v in any range as an int, or None when absent;
 * NULL on error. */
static Object *range_position_obj(RangeObject *r, Object *v) {
    if (!r->big && int_is_small(v)) {
        int64_t p = range_position(r, int_small(v));
        return p < 0 ? NEWREF(OBJ_NONE) : int_from_i64(p);
    }
    Object *start = field(r, F_START), *step = field(r, F_STEP), *len = field(r, F_LENGTH);
    Object *res = NULL, *off = iop(v, start, BINOP_SUB), *q = NULL, *m = NULL;
    if (!off) goto done;
    q = iop(off, step, BINOP_FLOORDIV);
    m = q ? iop(off, step, BINOP_MOD) : NULL;
    if (!m) goto done;
    if (!is_zero(m) || int_sign(q) < 0 || int_compare(q, len) >= 0) res = NEWREF(OBJ_NONE);
    else res = NEWREF(q);
done:
    XDECREF(off); XDECREF(q); XDECREF(m);
    DECREF(start); DECREF(step); DECREF(len);
    return res;
}

/* Calls f(value, ctx) on each value of r in order until it returns non-0
 * (which is returned); for `in`, count and index with non-int operands. */
static int range_scan(RangeObject *r, int (*f)(Object *, void *), void *ctx) {
    if (!r->big) {
        for (int64_t i = 0; i < r->length; i++) {
            Object *v = int_from_i64(r->start + i * r->step);
            int res = f(v, ctx);
            DECREF(v);
            if (res) return res;
        }
        return 0;
    }
    Object *v = field(r, F_START), *step = field(r, F_STEP), *left = field(r, F_LENGTH);
    Object *one = int_from_i64(1);
    int res = 0;
    while (int_sign(left) > 0) {
        res = f(v, ctx);
        if (res) break;
        Object *nv = iop(v, step, BINOP_ADD), *nl = iop(left, one, BINOP_SUB);
        DECREF(v); DECREF(left);
        v = nv; left = nl;
        if (!v || !left) { res = -1; break; }
    }
    XDECREF(v); XDECREF(left); DECREF(step); DECREF(one);
    return res;
}

typedef struct { Object *item; int64_t count, index; } ScanState;

static int scan_equal(Object *v, void *ctx) {
    ScanState *st = ctx;
    int eq = obj_richcompare_bool(v, st->item, CMP_EQ);
    if (eq < 0) return -1;
    if (eq) return 1;
    st->index++;
    return 0;
}

static int scan_count(Object *v, void *ctx) {
    ScanState *st = ctx;
    int eq = obj_richcompare_bool(v, st->item, CMP_EQ);
    if (eq < 0) return -1;
    st->count += eq;
    return 0;
}

static int range_contains(Object *self, Object *item) {
    RangeObject *r = R(self);
    if (IS_TYPE(item, IntType) || IS_TYPE(item, BoolType)) {
        if (!r->big) {
            if (!int_is_small(item)) return 0;
            return range_position(r, int_small(item)) >= 0;
        }
        Object *p = range_position_obj(r, item);
        if (!p) return -1;
        int found = p != OBJ_NONE;
        DECREF(p);
        return found;
    }
    ScanState st = {item, 0, 0};
    return range_scan(r, scan_equal, &st);
}

/* Whether two ranges describe the same sequence; -1 on error. */
static int range_same(RangeObject *a, RangeObject *b) {
    if (a == b) return 1;
    if (!a->big && !b->big) {
        if (a->length != b->length) return 0;
        if (a->length == 0) return 1;
        if (a->start != b->start) return 0;
        return a->length == 1 || a->step == b->step;
    }
    int res = 0;
    Object *la = field(a, F_LENGTH), *lb = field(b, F_LENGTH);
    Object *sa = field(a, F_START), *sb = field(b, F_START);
    Object *ta = field(a, F_STEP), *tb = field(b, F_STEP);
    if (int_compare(la, lb) != 0) res = 0;
    else if (is_zero(la)) res = 1;
    else if (int_compare(sa, sb) != 0) res = 0;
    else res = (int_is_small(la) && int_small(la) == 1) || int_compare(ta, tb) == 0;
    DECREF(la); DECREF(lb); DECREF(sa); DECREF(sb); DECREF(ta); DECREF(tb);
    return res;
}

static Object *range_richcompare(Object *a, Object *b, CompareOp op) {
    if (!IS_TYPE(a, RangeType) || !IS_TYPE(b, RangeType) || (op != CMP_EQ && op != CMP_NE))
        return NEWREF(OBJ_NOTIMPL);
    int same = range_same(R(a), R(b));
    if (same < 0) return NULL;
    RETURN_BOOL(op == CMP_EQ ? same : !same);
}

static int64_t range_hash(Object *self) {
    RangeObject *r = R(self);
    Object *len = field(r, F_LENGTH);
    bool empty = is_zero(len), single = int_is_small(len) && int_small(len) == 1;
    Object *start = empty ? NEWREF(OBJ_NONE) : field(r, F_START);
    Object *step = empty || single ? NEWREF(OBJ_NONE) : field(r, F_STEP);
    Object *t = tuple_pack(3, len, start, step);
    DECREF(len);
    DECREF(start);
    DECREF(step);
    if (!t) return -1;
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

/* ---- the iterator over big ranges: ints all the way ---- */

typedef struct {
    OBJECT_HEAD
    Object *next, *step, *remaining;
} LongRangeIterObject;



/* Steals nothing; first/step/count are borrowed. */
static Object *longrange_iter_new(Object *first, Object *step, Object *count) {
    LongRangeIterObject *it =
        (LongRangeIterObject *)obj_alloc(&LongRangeIterType, sizeof(LongRangeIterObject));
    it->next = NEWREF(first);
    it->step = NEWREF(step);
    it->remaining = NEWREF(count);
    return (Object *)it;
}

static Object *longrangeiter_next(Object *self) {
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    if (int_sign(it->remaining) <= 0) return NULL;
    Object *one = int_from_i64(1);
    Object *left = iop(it->remaining, one, BINOP_SUB);
    DECREF(one);
    if (!left) return NULL;
    Object *next = iop(it->next, it->step, BINOP_ADD);
    if (!next) { DECREF(left); return NULL; }
    Object *v = it->next;
    it->next = next;
    DECREF(it->remaining);
    it->remaining = left;
    return v;
}

static void longrangeiter_dealloc(Object *self) {
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    DECREF(it->next);
    DECREF(it->step);
    DECREF(it->remaining);
    obj_free(self);
}

static Object *range_iter(Object *self) {
    RangeObject *r = R(self);
    if (!r->big) return range_iter_new(r->start, r->step, r->length);
    Object *const *f = tuple_items(r->big);
    return longrange_iter_new(f[F_START], f[F_STEP], f[F_LENGTH]);
}

#define METHOD(name) static Object *name(Object *self, Object *const *args, size_t nargs, \
                                         Object *kwnames)

METHOD(range_reversed_m) {
    RangeObject *r = R(self);
    if (!r->big) {
        if (r->length == 0) return range_iter_new(0, 1, 0);
        /* The last value and the negated step fit unless step is INT64_MIN. */
        if (r->step != INT64_MIN)
            return range_iter_new(r->start + (r->length - 1) * r->step, -r->step, r->length);
    }
    Object *len = field(r, F_LENGTH), *step = field(r, F_STEP), *start = field(r, F_START);
    Object *one = int_from_i64(1), *res = NULL;
    Object *n1 = iop(len, one, BINOP_SUB);
    Object *off = n1 ? iop(n1, step, BINOP_MUL) : NULL;
    Object *last = off ? iop(start, off, BINOP_ADD) : NULL;
    Object *neg = last ? obj_unaryop(step, UNOP_NEG) : NULL;
    if (neg) res = longrange_iter_new(last, neg, len);
    XDECREF(n1); XDECREF(off); XDECREF(last); XDECREF(neg);
    DECREF(len); DECREF(step); DECREF(start); DECREF(one);
    return res;
}

METHOD(range_count_m) {
    if (arg_no_kw("count", kwnames) < 0 || arg_count("count", nargs, 1, 1) < 0) return NULL;
    Object *x = args[0];
    if (IS_TYPE(x, IntType) || IS_TYPE(x, BoolType)) {
        Object *p = range_position_obj(R(self), x);
        if (!p) return NULL;
        int found = p != OBJ_NONE;
        DECREF(p);
        return int_from_i64(found);
    }
    ScanState st = {x, 0, 0};
    if (range_scan(R(self), scan_count, &st) < 0) return NULL;
    return int_from_i64(st.count);
}

METHOD(range_index_m) {
    if (arg_no_kw("index", kwnames) < 0 || arg_count("index", nargs, 1, 1) < 0) return NULL;
    Object *x = args[0];
    RangeObject *r = R(self);
    if (IS_TYPE(x, IntType) || IS_TYPE(x, BoolType)) {
        Object *p = range_position_obj(r, x);
        if (!p || p != OBJ_NONE) return p;
        DECREF(p);
        return err_format(Exc_ValueError, "%R is not in range", x);
    }
    ScanState st = {x, 0, 0};
    int found = range_scan(r, scan_equal, &st);
    if (found < 0) return NULL;
    if (found) return int_from_i64(st.index);
    return err_set(Exc_ValueError, "sequence.index(x): x not in sequence");
}

static Object *range_get_start(Object *self, void *c) { (void)c; return field(R(self), F_START); }
static Object *range_get_stop(Object *self, void *c) { (void)c; return field(R(self), F_STOP); }
static Object *range_get_step(Object *self, void *c) { (void)c; return field(R(self), F_STEP); }

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

/* ---- iterators ---- */

static Object *rangeiter_next(Object *self) {
    int64_t v;
    return range_iter_step((RangeIterObject *)self, &v) ? int_from_i64(v) : NULL;
}

static Object *iter_self(Object *self) { return NEWREF(self); }

static void rangeiter_dealloc(Object *self) { obj_free(self); }

METHOD(rangeiter_length_hint) { return int_from_u64(((RangeIterObject *)self)->remaining); }

static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject RangeIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "range_iterator",
    .basicsize = sizeof(RangeIterObject),
    .dealloc = rangeiter_dealloc,
    .iter = iter_self,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
};

METHOD(longrangeiter_length_hint) {
    return NEWREF(((LongRangeIterObject *)self)->remaining);
}

static const MethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject LongRangeIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIterObject),
    .dealloc = longrangeiter_dealloc,
    .iter = iter_self,
    .iternext = longrangeiter_next,
    .methods = longrangeiter_methods,
};
