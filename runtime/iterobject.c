/* iterobject.c — the builtin iterator types: enumerate, zip, map, filter,
 * reversed, the sequence iterator (iteration by __getitem__ until
 * IndexError) and the callable iterator (iter(f, sentinel)).
 *
 * Each type's new_ slot implements the builtin of the same name, so the
 * builtins module only has to expose the types. Every iterator drops its
 * references as soon as it is exhausted, and keeps returning "exhausted"
 * (NULL without an exception) afterwards, as CPython's do.
 */
#include "gilt.h"

static Object *iter_self(Object *self) { return NEWREF(self); }

static Object *alloc_iter(TypeObject *type, TypeObject *base, size_t size) {
    return type == base ? obj_alloc(type, size) : obj_new_instance(type, 0);
}

/* ---- enumerate ---- */

typedef struct EnumerateObject {
    OBJECT_HEAD
    Object *it;
    int64_t index;
    Object *big_index;    /* the count as an int object once past int64 (or NULL) */
} EnumerateObject;

static Object *enumerate_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"iterable", "start", NULL};
    Object *a[2] = {NULL, NULL};
    if (nargs == 0 && !(kwnames && tuple_size(kwnames)))   /* CPython's words */
        return err_set(Exc_TypeError, "enumerate() missing required argument 'iterable'");
    if (arg_bind("enumerate", args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    int64_t start = 0;
    Object *big = NULL;
    if (a[1]) {
        if (!INT_CHECK(a[1]))
            return err_format(Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
        if (int_is_small(a[1])) start = int_small(a[1]);
        else big = NEWREF(a[1]);
    }
    Object *it = obj_iter(a[0]);
    if (!it) { XDECREF(big); return NULL; }
    EnumerateObject *e = (EnumerateObject *)alloc_iter(type, &EnumerateType, sizeof(EnumerateObject));
    if (!e) { DECREF(it); XDECREF(big); return NULL; }
    e->it = it;
    e->index = start;
    e->big_index = big;
    return (Object *)e;
}

static Object *enumerate_next(Object *self) {
    EnumerateObject *e = (EnumerateObject *)self;
    if (!e->it) return NULL;
    Object *item = obj_next(e->it);
    if (!item) { CLEAR(e->it); return NULL; }
    Object *count;
    if (e->big_index) {
        count = NEWREF(e->big_index);
        Object *one = int_from_i64(1);
        Object *next = obj_binop(e->big_index, one, BINOP_ADD);
        DECREF(one);
        if (!next) { DECREF(count); DECREF(item); return NULL; }
        SETREF(e->big_index, next);
    } else {
        count = int_from_i64(e->index);
        if (e->index == INT64_MAX) {
            Object *one = int_from_i64(1);
            e->big_index = obj_binop(count, one, BINOP_ADD);
            DECREF(one);
            if (!e->big_index) { DECREF(count); DECREF(item); return NULL; }
        } else {
            e->index++;
        }
    }
    Object *t = tuple_new(2);
    tuple_items(t)[0] = count;
    tuple_items(t)[1] = item;
    return t;
}

static void enumerate_dealloc(Object *self) {
    EnumerateObject *e = (EnumerateObject *)self;
    XDECREF(e->it);
    XDECREF(e->big_index);
    obj_free(self);
}

TypeObject EnumerateType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "enumerate",
    .basicsize = sizeof(EnumerateObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "Return an enumerate object.",
    .dealloc = enumerate_dealloc,
    .new_ = enumerate_new,
    .iter = iter_self,
    .iternext = enumerate_next,
};

/* ---- zip ---- */

typedef struct ZipObject {
    OBJECT_HEAD
    Object *iters;        /* tuple of iterators; NULL once exhausted */
    bool strict;
} ZipObject;

static Object *zip_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    bool strict = false;
    if (kwnames) {
        for (size_t k = 0; k < tuple_size(kwnames); k++) {
            Object *name = tuple_get(kwnames, k);
            if (!str_eq_cstr(name, "strict"))
                return err_format(Exc_TypeError,
                                  "'%U' is an invalid keyword argument for zip()", name);
            int t = obj_is_true(args[nargs + k]);
            if (t < 0) return NULL;
            strict = t;
        }
    }
    Object *iters = tuple_new(nargs);
    for (size_t i = 0; i < nargs; i++) {
        Object *it = obj_iter(args[i]);
        if (!it) { DECREF(iters); return NULL; }
        tuple_items(iters)[i] = it;
    }
    ZipObject *z = (ZipObject *)alloc_iter(type, &ZipType, sizeof(ZipObject));
    if (!z) { DECREF(iters); return NULL; }
    z->iters = iters;
    z->strict = strict;
    return (Object *)z;
}

/* strict=True found iterator i exhausted while the others were not, or
 * the other way around: raise python's message. */
static Object *zip_strict_error(ZipObject *z, size_t i) {
    size_t n = tuple_size(z->iters);
    if (i > 0) {
        if (i == 1)
            err_format(Exc_ValueError, "zip() argument 2 is shorter than argument 1");
        else
            err_format(Exc_ValueError, "zip() argument %zu is shorter than arguments 1-%zu",
                       i + 1, i);
        CLEAR(z->iters);
        return NULL;
    }
    /* The first ran out: every other one must be exhausted too. */
    for (size_t k = 1; k < n; k++) {
        Object *item = obj_next(tuple_get(z->iters, k));
        if (item) {
            DECREF(item);
            if (k == 1)
                err_format(Exc_ValueError, "zip() argument 2 is longer than argument 1");
            else
                err_format(Exc_ValueError, "zip() argument %zu is longer than arguments 1-%zu",
                           k + 1, k);
            CLEAR(z->iters);
            return NULL;
        }
        if (err_occurred()) { CLEAR(z->iters); return NULL; }
    }
    CLEAR(z->iters);
    return NULL;
}

static Object *zip_next(Object *self) {
    ZipObject *z = (ZipObject *)self;
    if (!z->iters) return NULL;
    size_t n = tuple_size(z->iters);
    if (n == 0) return NULL;
    Object *result = tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        Object *item = obj_next(tuple_get(z->iters, i));
        if (!item) {
            DECREF(result);
            if (err_occurred()) { CLEAR(z->iters); return NULL; }
            if (z->strict) return zip_strict_error(z, i);
            CLEAR(z->iters);
            return NULL;
        }
        tuple_items(result)[i] = item;
    }
    return result;
}

static void zip_dealloc(Object *self) {
    XDECREF(((ZipObject *)self)->iters);
    obj_free(self);
}

TypeObject ZipType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "zip",
    .basicsize = sizeof(ZipObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
    .dealloc = zip_dealloc,
    .new_ = zip_new,
    .iter = iter_self,
    .iternext = zip_next,
};

/* ---- map ---- */

typedef struct MapObject {
    OBJECT_HEAD
    Object *func;
    Object *iters;        /* tuple; NULL once exhausted */
} MapObject;

static Object *map_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (type == &MapType && arg_no_kw("map", kwnames) < 0) return NULL;
    if (nargs < 2) return err_set(Exc_TypeError, "map() must have at least two arguments.");
    Object *iters = tuple_new(nargs - 1);
    for (size_t i = 1; i < nargs; i++) {
        Object *it = obj_iter(args[i]);
        if (!it) { DECREF(iters); return NULL; }
        tuple_items(iters)[i - 1] = it;
    }
    MapObject *m = (MapObject *)alloc_iter(type, &MapType, sizeof(MapObject));
    if (!m) { DECREF(iters); return NULL; }
    m->func = NEWREF(args[0]);
    m->iters = iters;
    return (Object *)m;
}

static Object *map_next(Object *self) {
    MapObject *m = (MapObject *)self;
    if (!m->iters) return NULL;
    size_t n = tuple_size(m->iters);
    Object *small[4];
    Object **argv = n <= 4 ? small : mem_alloc(n * sizeof(Object *));
    size_t got = 0;
    Object *result = NULL;
    for (; got < n; got++) {
        argv[got] = obj_next(tuple_get(m->iters, got));
        if (!argv[got]) break;
    }
    if (got == n) result = obj_call(m->func, argv, n, NULL);
    else CLEAR(m->iters);
    for (size_t i = 0; i < got; i++) DECREF(argv[i]);
    if (argv != small) mem_free(argv);
    return result;
}

static void map_dealloc(Object *self) {
    MapObject *m = (MapObject *)self;
    XDECREF(m->func);
    XDECREF(m->iters);
    obj_free(self);
}

TypeObject MapType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "map",
    .basicsize = sizeof(MapObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "map(func, *iterables) --> map object",
    .dealloc = map_dealloc,
    .new_ = map_new,
    .iter = iter_self,
    .iternext = map_next,
};

/* ---- filter ---- */

typedef struct FilterObject {
    OBJECT_HEAD
    Object *func;         /* None: keep truthy items */
    Object *it;           /* NULL once exhausted */
} FilterObject;

static Object *filter_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (type == &FilterType && arg_no_kw("filter", kwnames) < 0) return NULL;
    if (nargs != 2)
        return err_format(Exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
    Object *it = obj_iter(args[1]);
    if (!it) return NULL;
    FilterObject *f = (FilterObject *)alloc_iter(type, &FilterType, sizeof(FilterObject));
    if (!f) { DECREF(it); return NULL; }
    f->func = NEWREF(args[0]);
    f->it = it;
    return (Object *)f;
}

static Object *filter_next(Object *self) {
    FilterObject *f = (FilterObject *)self;
    if (!f->it) return NULL;
    bool identity = f->func == OBJ_NONE || f->func == (Object *)&BoolType;
    for (;;) {
        Object *item = obj_next(f->it);
        if (!item) { CLEAR(f->it); return NULL; }
        int keep;
        if (identity) {
            keep = obj_is_true(item);
        } else {
            Object *r = obj_call1(f->func, item);
            keep = r ? obj_is_true(r) : -1;
            XDECREF(r);
        }
        if (keep > 0) return item;
        DECREF(item);
        if (keep < 0) return NULL;
    }
}

static void filter_dealloc(Object *self) {
    FilterObject *f = (FilterObject *)self;
    XDECREF(f->func);
    XDECREF(f->it);
    obj_free(self);
}

TypeObject FilterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "filter",
    .basicsize = sizeof(FilterObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "filter(function or None, iterable) --> filter object",
    .dealloc = filter_dealloc,
    .new_ = filter_new,
    .iter = iter_self,
    .iternext = filter_next,
};

/* ---- reversed ---- */

typedef struct ReversedObject {
    OBJECT_HEAD
    Object *seq;          /* NULL once exhausted */
    int64_t index;        /* next index to produce */
} ReversedObject;

static Object *reversed_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (type == &ReversedType && arg_no_kw("reversed", kwnames) < 0) return NULL;
    if (nargs != 1)
        return err_format(Exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
    Object *seq = args[0];
    Object *method = type_lookup_cstr(TYPE(seq), "__reversed__");
    if (method == OBJ_NONE)
        return err_format(Exc_TypeError, "'%T' object is not reversible", seq);
    if (method) return obj_call_method(seq, "__reversed__", NULL, 0);
    bool has_getitem = TYPE(seq)->getitem != NULL || type_lookup_cstr(TYPE(seq), "__getitem__");
    bool has_len = TYPE(seq)->len != NULL || type_lookup_cstr(TYPE(seq), "__len__");
    if (!has_getitem || !has_len || DICT_CHECK(seq))
        return err_format(Exc_TypeError, "'%T' object is not reversible", seq);
    int64_t n = obj_len(seq);
    if (n < 0) return NULL;
    ReversedObject *r = (ReversedObject *)alloc_iter(type, &ReversedType, sizeof(ReversedObject));
    if (!r) return NULL;
    r->seq = NEWREF(seq);
    r->index = n - 1;
    return (Object *)r;
}

static Object *reversed_next(Object *self) {
    ReversedObject *r = (ReversedObject *)self;
    if (!r->seq) return NULL;
    if (r->index >= 0) {
        Object *i = int_from_i64(r->index);
        Object *item = obj_getitem(r->seq, i);
        DECREF(i);
        if (item) { r->index--; return item; }
        if (!err_matches(Exc_IndexError) && !err_matches(Exc_StopIteration)) return NULL;
        err_clear();
    }
    r->index = -1;
    CLEAR(r->seq);
    return NULL;
}

static void reversed_dealloc(Object *self) {
    XDECREF(((ReversedObject *)self)->seq);
    obj_free(self);
}

static Object *reversed_length_hint(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    ReversedObject *r = (ReversedObject *)self;
    return int_from_i64(r->seq ? r->index + 1 : 0);
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject ReversedType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "reversed",
    .basicsize = sizeof(ReversedObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "Return a reverse iterator over the values of the given sequence.",
    .dealloc = reversed_dealloc,
    .new_ = reversed_new,
    .iter = iter_self,
    .iternext = reversed_next,
    .methods = reversed_methods,
};

/* ---- sequence iterator ---- */

typedef struct SeqIterObject {
    OBJECT_HEAD
    Object *seq;          /* NULL once exhausted */
    int64_t index;
} SeqIterObject;

Object *seqiter_new(Object *seq) {
    SeqIterObject *it = (SeqIterObject *)obj_alloc(&SeqIterType, sizeof(SeqIterObject));
    it->seq = NEWREF(seq);
    it->index = 0;
    return (Object *)it;
}

static Object *seqiter_next(Object *self) {
    SeqIterObject *it = (SeqIterObject *)self;
    if (!it->seq) return NULL;
    Object *i = int_from_i64(it->index);
    Object *item = obj_getitem(it->seq, i);
    DECREF(i);
    if (item) { it->index++; return item; }
    if (err_matches(Exc_IndexError) || err_matches(Exc_StopIteration)) {
        err_clear();
        CLEAR(it->seq);
    }
    return NULL;
}

static void seqiter_dealloc(Object *self) {
    XDECREF(((SeqIterObject *)self)->seq);
    obj_free(self);
}

TypeObject SeqIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "iterator",
    .basicsize = sizeof(SeqIterObject),
    .dealloc = seqiter_dealloc,
    .iter = iter_self,
    .iternext = seqiter_next,
};

/* ---- callable iterator ---- */

typedef struct CallIterObject {
    OBJECT_HEAD
    Object *callable;     /* NULL once exhausted */
    Object *sentinel;
} CallIterObject;

Object *calliter_new(Object *callable, Object *sentinel) {
    CallIterObject *it = (CallIterObject *)obj_alloc(&CallIterType, sizeof(CallIterObject));
    it->callable = NEWREF(callable);
    it->sentinel = NEWREF(sentinel);
    return (Object *)it;
}

static Object *calliter_next(Object *self) {
    CallIterObject *it = (CallIterObject *)self;
    if (!it->callable) return NULL;
    Object *v = obj_call0(it->callable);
    if (!v) {
        if (err_matches(Exc_StopIteration)) {
            err_clear();
            CLEAR(it->callable);
            CLEAR(it->sentinel);
        }
        return NULL;
    }
    int eq = obj_richcompare_bool(v, it->sentinel, CMP_EQ);
    if (eq == 0) return v;
    DECREF(v);
    if (eq > 0) {
        CLEAR(it->callable);
        CLEAR(it->sentinel);
    }
    return NULL;
}

static void calliter_dealloc(Object *self) {
    CallIterObject *it = (CallIterObject *)self;
    XDECREF(it->callable);
    XDECREF(it->sentinel);
    obj_free(self);
}

TypeObject CallIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "callable_iterator",
    .basicsize = sizeof(CallIterObject),
    .dealloc = calliter_dealloc,
    .iter = iter_self,
    .iternext = calliter_next,
};

/* ---- start-up ---- */

int container_types_init(void) {
    TypeObject *types[] = {
        &ListIterType, &ListRevIterType, &TupleIterType, &RangeIterType, &LongRangeIterType, &SetIterType,
        &DictKeysType, &DictValuesType, &DictItemsType, &DictKeyIterType,
        &DictValueIterType, &DictItemIterType, &DictRevKeyIterType,
        &DictRevValueIterType, &DictRevItemIterType, &EnumerateType, &ZipType,
        &MapType, &FilterType, &ReversedType, &SeqIterType, &CallIterType,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (type_ready(types[i]) < 0) return -1;
    return 0;
}
