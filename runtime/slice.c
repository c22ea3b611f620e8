/* slice.c — slice objects (slice(start, stop, step)) and the rules that turn
 * a slice or an index into positions of a sequence.
 *
 * slice_indices follows CPython's PySlice_GetIndicesEx exactly: None fills
 * in the defaults for the sign of step, negative values count from the end,
 * out-of-range values are clamped (never an error), huge ints are clamped
 * to the int64 range first, and a zero step is a ValueError. Slices are
 * immutable and, as in Python 3.11, unhashable; they compare like the tuple
 * (start, stop, step).
 */
#include "gilt.h"

Object *slice_new(Object *start, Object *stop, Object *step) {
    SliceObject *s = (SliceObject *)obj_alloc(&SliceType, sizeof(SliceObject));
    s->start = NEWREF(start ? start : OBJ_NONE);
    s->stop = NEWREF(stop ? stop : OBJ_NONE);
    s->step = NEWREF(step ? step : OBJ_NONE);
    return (Object *)s;
}

/* An int object clamped into int64_t (slice bounds saturate, never overflow). */
static int64_t clamp_int(Object *v) {
    if (int_is_small(v)) return int_small(v);
    return int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
}

/* One slice bound as an int64_t: 0 ok, -1 TypeError. */
static int slice_bound(Object *v, int64_t *out) {
    if (INT_CHECK(v)) { *out = clamp_int(v); return 0; }
    if (!FLOAT_CHECK(v) && type_lookup_cstr(TYPE(v), "__index__")) {
        Object *i = obj_index(v);
        if (!i) return -1;
        *out = clamp_int(i);
        DECREF(i);
        return 0;
    }
    err_set(Exc_TypeError,
            "slice indices must be integers or None or have an __index__ method");
    return -1;
}

int index_from_key(Object *key, int64_t *out) {
    if (INT_CHECK(key)) {
        if (int_is_small(key)) { *out = int_small(key); return 1; }
        err_format(Exc_IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    /* float has a unaryop slot but is not an index, whatever its dict says */
    if (FLOAT_CHECK(key) || !type_lookup_cstr(TYPE(key), "__index__")) return 0;
    Object *i = obj_index(key);
    if (!i) return -1;
    int r = index_from_key(i, out);
    DECREF(i);
    return r;
}

int slice_indices(Object *slice, int64_t length, int64_t *start_out, int64_t *stop_out,
                  int64_t *step_out, int64_t *slicelen) {
    SliceObject *s = (SliceObject *)slice;
    int64_t start, stop, step;
    if (s->step == OBJ_NONE) {
        step = 1;
    } else {
        if (slice_bound(s->step, &step) < 0) return -1;
        if (step == 0) {
            err_set(Exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* -step must be representable, as in CPython. */
        if (step < -INT64_MAX) step = -INT64_MAX;
    }
    int64_t lower = step < 0 ? -1 : 0;
    int64_t upper = step < 0 ? length - 1 : length;

    if (s->start == OBJ_NONE) {
        start = step < 0 ? upper : lower;
    } else {
        if (slice_bound(s->start, &start) < 0) return -1;
        if (start < 0) {
            start += length;
            if (start < lower) start = lower;
        } else if (start > upper) {
            start = upper;
        }
    }
    if (s->stop == OBJ_NONE) {
        stop = step < 0 ? lower : upper;
    } else {
        if (slice_bound(s->stop, &stop) < 0) return -1;
        if (stop < 0) {
            stop += length;
            if (stop < lower) stop = lower;
        } else if (stop > upper) {
            stop = upper;
        }
    }
    int64_t n = 0;
    if (step < 0) {
        if (stop < start) n = (start - stop - 1) / (-step) + 1;
    } else {
        if (start < stop) n = (stop - start - 1) / step + 1;
    }
    *start_out = start;
    *stop_out = stop;
    *step_out = step;
    *slicelen = n;
    return 0;
}

static void slice_dealloc(Object *self) {
    SliceObject *s = (SliceObject *)self;
    DECREF(s->start);
    DECREF(s->stop);
    DECREF(s->step);
    obj_free(self);
}

static Object *slice_repr(Object *self) {
    SliceObject *s = (SliceObject *)self;
    return str_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Object *slice_new_(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("slice", kwnames) < 0) return NULL;
    if (nargs == 1) return slice_new(NULL, args[0], NULL);
    if (nargs == 2 || nargs == 3)
        return slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
    if (nargs == 0) return err_set(Exc_TypeError, "slice expected at least 1 argument, got 0");
    return err_format(Exc_TypeError, "slice expected at most 3 arguments, got %zu", nargs);
}

static Object *slice_as_tuple(Object *self) {
    SliceObject *s = (SliceObject *)self;
    return tuple_pack(3, s->start, s->stop, s->step);
}

static Object *slice_richcompare(Object *a, Object *b, CompareOp op) {
    if (!IS_TYPE(a, SliceType) || !IS_TYPE(b, SliceType)) return NEWREF(OBJ_NOTIMPL);
    if (a == b && (op == CMP_EQ || op == CMP_LE || op == CMP_GE)) return NEWREF(OBJ_TRUE);
    Object *ta = slice_as_tuple(a), *tb = slice_as_tuple(b);
    Object *r = obj_richcompare(ta, tb, op);
    DECREF(ta);
    DECREF(tb);
    return r;
}

static int64_t slice_hash(Object *self) {
    err_format(Exc_TypeError, "unhashable type: 'slice'");
    return -1;
}

/* slice.indices(length) -> (start, stop, step) */
static Object *slice_indices_method(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (arg_no_kw("indices", kwnames) < 0 || arg_count("indices", nargs, 1, 1) < 0)
        return NULL;
    int64_t length;
    int r = index_from_key(args[0], &length);
    if (r == 0)
        return err_format(Exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          args[0]);
    if (r < 0) return NULL;
    if (length < 0) return err_set(Exc_ValueError, "length should not be negative");
    int64_t start, stop, step, n;
    if (slice_indices(self, length, &start, &stop, &step, &n) < 0) return NULL;
    /* indices() reports the clamped stop CPython's slice.indices gives,
     * which for a negative step may be -1. */
    Object *a = int_from_i64(start), *b = int_from_i64(stop), *c = int_from_i64(step);
    Object *t = tuple_pack(3, a, b, c);
    DECREF(a);
    DECREF(b);
    DECREF(c);
    return t;
}

static const MethodDef slice_methods[] = {
    {"indices", slice_indices_method, 0, "S.indices(len) -> (start, stop, stride)"},
    {NULL, NULL, 0, NULL},
};

static const MemberDef slice_members[] = {
    {"start", MEMBER_OBJECT, offsetof(SliceObject, start), true, NULL},
    {"stop", MEMBER_OBJECT, offsetof(SliceObject, stop), true, NULL},
    {"step", MEMBER_OBJECT, offsetof(SliceObject, step), true, NULL},
    {NULL, 0, 0, false, NULL},
};

TypeObject SliceType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "slice",
    .basicsize = sizeof(SliceObject),
    .doc = "slice(stop)\nslice(start, stop[, step])",
    .dealloc = slice_dealloc,
    .new_ = slice_new_,
    .repr = slice_repr,
    .hash = slice_hash,
    .richcompare = slice_richcompare,
    .methods = slice_methods,
    .members = slice_members,
};

int seq_repeat_count(Object *n, int64_t *out) {
    int64_t count;
    if (INT_CHECK(n)) {
        if (!int_is_small(n)) {
            if (int_sign(n) < 0) { *out = 0; return 1; }
            err_set(Exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            return -1;
        }
        count = int_small(n);
    } else if (TYPE(n)->flags & TPFLAG_HEAPTYPE && !type_lookup_cstr(TYPE(n), "__index__")) {
        return 0;
    } else {
        int r = index_from_key(n, &count);
        if (r < 0) {
            if (err_matches(Exc_IndexError)) {
                err_clear();
                err_set(Exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            }
            return -1;
        }
        if (r == 0) {
            err_format(Exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
            return -1;
        }
    }
    *out = count < 0 ? 0 : count;
    return 1;
}
