/* typeslots.c — slot functions for classes defined in gilt.
 *
 * A class statement that defines __repr__, __eq__, __add__, __getitem__ ...
 * gets C slot functions in its TypeObject that look the dunder up on the
 * instance's type and call it, so the generic operations of object.c treat
 * classes and builtin types alike. type_fixup_slots decides, per slot, between
 * such a dispatcher and the C slot inherited from the solid base: a dunder
 * that is only a slot wrapper of a builtin base (int.__add__) keeps the base's
 * C function, so subclasses of builtins stay fast.
 *
 * Every dispatcher looks its method up at call time (through the method
 * cache), so assigning Foo.__add__ later takes effect at once; assigning a
 * dunder that was previously absent calls type_fixup_slots again.
 */
#include <string.h>
#include "objimpl.h"

/* ------------------------------------------------------------------------
 * Calling a special method
 * ------------------------------------------------------------------------ */

/* Call the special method found as `f` on type(self) with self prepended.
 * Steals the reference to `f` (from type_lookup_ref: a borrowed one could be
 * freed by another thread rebinding the class attribute). */
static Object *call_found(Object *f, Object *self, Object *const *args, size_t nargs,
                          Object *kwnames) {
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    size_t total = nargs + nkw;
    Object *r;
    if (IS_TYPE(f, FunctionType) || IS_TYPE(f, MethodDescrType) || descr_is_slotwrapper(f)) {
        Object *small[6];
        Object **argv = total + 1 <= 6 ? small : mem_alloc((total + 1) * sizeof(Object *));
        argv[0] = self;
        for (size_t i = 0; i < total; i++) argv[i + 1] = args[i];
        r = obj_call(f, argv, nargs + 1, kwnames);
        if (argv != small) mem_free(argv);
    } else if (TYPE(f)->descr_get) {
        Object *bound = TYPE(f)->descr_get(f, self, (Object *)TYPE(self));
        r = bound ? obj_call(bound, args, nargs, kwnames) : NULL;
        XDECREF(bound);
    } else {
        r = obj_call(f, args, nargs, kwnames);
    }
    DECREF(f);
    return r;
}

/* self.name(*args) through type(self); AttributeError if it is missing. */
static Object *call_special(Object *self, Object *name, Object *const *args, size_t nargs) {
    Object *f = type_lookup_ref(TYPE(self), name);
    if (!f)
        return err_format(Exc_AttributeError, "'%s' object has no attribute '%U'",
                          type_name(TYPE(self)), name);
    return call_found(f, self, args, nargs, NULL);
}

/* Like call_special, but a missing method gives NotImplemented. */
static Object *call_maybe(Object *self, Object *name, Object *const *args, size_t nargs) {
    Object *f = type_lookup_ref(TYPE(self), name);
    if (!f || f == OBJ_NONE) {
        XDECREF(f);
        return NEWREF(OBJ_NOTIMPL);
    }
    return call_found(f, self, args, nargs, NULL);
}

/* ------------------------------------------------------------------------
 * The slot functions
 * ------------------------------------------------------------------------ */

static Object *slot_repr(Object *self) { return call_special(self, ID(__repr__), NULL, 0); }
static Object *slot_str(Object *self) { return call_special(self, ID(__str__), NULL, 0); }

static int64_t slot_hash(Object *self) {
    Object *r = call_special(self, ID(__hash__), NULL, 0);
    if (!r) return -1;
    if (!INT_CHECK(r)) {
        DECREF(r);
        err_set(Exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* As CPython: a result that fits in 64 bits is the hash itself;
     * only a bigger one is reduced as the int's own hash. */
    int64_t h = int_is_small(r) ? int_small(r) : int_hash(r);
    DECREF(r);
    return h == -1 ? -2 : h;
}

static int64_t hash_not_implemented(Object *self) {
    err_format(Exc_TypeError, "unhashable type: '%s'", type_name(TYPE(self)));
    return -1;
}

static Object *richcmp_name(CompareOp op) {
    switch (op) {
    case CMP_LT: return ID(__lt__);
    case CMP_LE: return ID(__le__);
    case CMP_EQ: return ID(__eq__);
    case CMP_NE: return ID(__ne__);
    case CMP_GT: return ID(__gt__);
    default: return ID(__ge__);
    }
}

static Object *slot_richcompare(Object *a, Object *b, CompareOp op) {
    return call_maybe(a, richcmp_name(op), &b, 1);
}

static bool is_object_getattribute(Object *f) {
    return !f || (descr_is_slotwrapper(f) && ((SlotWrapperObject *)f)->type == &ObjectType);
}

static Object *slot_getattr_hook(Object *self, Object *name) {
    TypeObject *t = TYPE(self);
    Object *ga = type_lookup_ref(t, ID(__getattribute__));
    Object *r;
    if (is_object_getattribute(ga)) {
        XDECREF(ga);
        r = obj_generic_getattr(self, name);
    } else {
        r = call_found(ga, self, &name, 1, NULL);
    }
    if (r || !err_matches(Exc_AttributeError)) return r;
    Object *hook = type_lookup_ref(t, ID(__getattr__));
    if (!hook) return NULL;
    err_clear();
    return call_found(hook, self, &name, 1, NULL);
}

static int slot_setattr(Object *self, Object *name, Object *value) {
    Object *r;
    if (value) {
        Object *argv[2] = {name, value};
        r = call_special(self, ID(__setattr__), argv, 2);
    } else {
        r = call_special(self, ID(__delattr__), &name, 1);
    }
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Object *slot_call(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    Object *f = type_lookup_ref(TYPE(self), ID(__call__));
    if (!f)
        return err_format(Exc_TypeError, "'%s' object is not callable", type_name(TYPE(self)));
    return call_found(f, self, args, nargs, kwnames);
}

static int slot_bool(Object *self) {
    Object *r = call_special(self, ID(__bool__), NULL, 0);
    if (!r) return -1;
    if (r != OBJ_TRUE && r != OBJ_FALSE) {
        err_format(Exc_TypeError, "__bool__ should return bool, returned %s",
                   type_name(TYPE(r)));
        DECREF(r);
        return -1;
    }
    return r == OBJ_TRUE;
}

static const char *const binop_names[BINOP_COUNT_][3] = {
    {"__add__", "__radd__", "__iadd__"},
    {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},
    {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"},
    {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},
    {"__xor__", "__rxor__", "__ixor__"},
};

/* Interned names of binop dunders, [op][0 plain, 1 reflected, 2 in-place]. */
static Object *binop_ids[BINOP_COUNT_][3];

static Object *binop_id(int op, int form) {
    Object *id = __atomic_load_n(&binop_ids[op][form], __ATOMIC_RELAXED);
    if (!id) {
        id = intern_cstr(binop_names[op][form]);
        __atomic_store_n(&binop_ids[op][form], id, __ATOMIC_RELAXED);
    }
    return id;
}

static Object *slot_binop(Object *a, Object *b, BinOp op);

static Object *slot_binop(Object *a, Object *b, BinOp op) {
    TypeObject *ta = TYPE(a), *tb = TYPE(b);
    if (op & BINOP_INPLACE) {
        int base = op & ~BINOP_INPLACE;
        if (ta->binop != slot_binop || base >= BINOP_COUNT_) return NEWREF(OBJ_NOTIMPL);
        return call_maybe(a, binop_id(base, 2), &b, 1);
    }
    Object *name = binop_id(op, 0), *rname = binop_id(op, 1);
    bool do_other = ta != tb && tb->binop == slot_binop;
    Object *r;
    if (ta->binop == slot_binop) {
        if (do_other && type_is_subtype(tb, ta) &&
            type_lookup(tb, rname) != type_lookup(ta, rname)) {
            r = call_maybe(b, rname, &a, 1);
            if (r != OBJ_NOTIMPL) return r;
            DECREF(r);
            do_other = false;
        }
        r = call_maybe(a, name, &b, 1);
        if (r != OBJ_NOTIMPL || ta == tb) return r;
        DECREF(r);
    }
    if (do_other) return call_maybe(b, rname, &a, 1);
    return NEWREF(OBJ_NOTIMPL);
}

static const char *const unary_names[UNOP_COUNT_] = {
    "__neg__", "__pos__", "__invert__", "__abs__", "__int__", "__float__", "__index__",
};

static Object *unary_ids[UNOP_COUNT_];

static Object *slot_unaryop(Object *self, UnaryOp op) {
    if ((unsigned)op >= UNOP_COUNT_) return NEWREF(OBJ_NOTIMPL);
    Object *id = __atomic_load_n(&unary_ids[op], __ATOMIC_RELAXED);
    if (!id) {
        id = intern_cstr(unary_names[op]);
        __atomic_store_n(&unary_ids[op], id, __ATOMIC_RELAXED);
    }
    return call_maybe(self, id, NULL, 0);
}

static int64_t slot_len(Object *self) {
    Object *r = call_special(self, ID(__len__), NULL, 0);
    if (!r) return -1;
    int64_t n = obj_as_index(r);
    DECREF(r);
    if (n == -1 && err_matches(Exc_OverflowError)) {
        err_clear();
        err_set(Exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (n < 0) {
        if (!err_occurred()) err_set(Exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static Object *slot_getitem(Object *self, Object *key) {
    return call_special(self, ID(__getitem__), &key, 1);
}

static int slot_setitem(Object *self, Object *key, Object *value) {
    Object *r;
    if (value) {
        Object *argv[2] = {key, value};
        r = call_special(self, ID(__setitem__), argv, 2);
    } else {
        r = call_special(self, ID(__delitem__), &key, 1);
    }
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int slot_contains(Object *self, Object *item) {
    Object *r = call_special(self, ID(__contains__), &item, 1);
    if (!r) return -1;
    int t = obj_is_true(r);
    DECREF(r);
    return t;
}

static Object *slot_iter(Object *self) {
    Object *f = type_lookup_ref(TYPE(self), ID(__iter__));
    if (!f || f == OBJ_NONE) {
        XDECREF(f);
        return err_format(Exc_TypeError, "'%s' object is not iterable", type_name(TYPE(self)));
    }
    return call_found(f, self, NULL, 0, NULL);
}

static Object *slot_iternext(Object *self) {
    Object *r = call_special(self, ID(__next__), NULL, 0);
    if (!r && err_matches(Exc_StopIteration)) err_clear();
    return r;
}

static Object *slot_descr_get(Object *descr, Object *obj, Object *type) {
    Object *argv[2] = {obj ? obj : OBJ_NONE, type ? type : OBJ_NONE};
    return call_special(descr, ID(__get__), argv, 2);
}

static int slot_descr_set(Object *descr, Object *obj, Object *value) {
    Object *r;
    if (value) {
        Object *argv[2] = {obj, value};
        r = call_special(descr, ID(__set__), argv, 2);
    } else {
        r = call_special(descr, ID(__delete__), &obj, 1);
    }
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int slot_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    Object *f = type_lookup_ref(TYPE(self), ID(__init__));
    if (!f) return 0;
    Object *r = call_found(f, self, args, nargs, kwnames);
    if (!r) return -1;
    if (r != OBJ_NONE) {
        err_format(Exc_TypeError, "__init__() should return None, not '%s'", type_name(TYPE(r)));
        DECREF(r);
        return -1;
    }
    DECREF(r);
    return 0;
}

Object *slot_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    Object *f = type_lookup_ref(type, ID(__new__));
    if (!f) return object_generic_new(type, args, nargs, kwnames);
    Object *func;
    if (IS_TYPE(f, StaticMethodType) && TYPE(f)->descr_get) {
        func = TYPE(f)->descr_get(f, NULL, (Object *)type);
        DECREF(f);
        if (!func) return NULL;
    } else {
        func = f;
    }
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    size_t total = nargs + nkw;
    Object *small[6];
    Object **argv = total + 1 <= 6 ? small : mem_alloc((total + 1) * sizeof(Object *));
    argv[0] = (Object *)type;
    for (size_t i = 0; i < total; i++) argv[i + 1] = args[i];
    Object *r = obj_call(func, argv, nargs + 1, kwnames);
    if (argv != small) mem_free(argv);
    DECREF(func);
    return r;
}

/* ------------------------------------------------------------------------
 * Choosing slots for a class
 * ------------------------------------------------------------------------ */

/* Does the class (through its MRO) define `name` as something other than a
 * builtin's slot wrapper? The found value is returned in *found as a new
 * reference (the caller drops it); without `found` it is dropped here. */
static bool overrides(TypeObject *t, const char *name, Object **found) {
    Object *v = type_lookup_cstr_ref(t, name);
    bool r = v && !descr_is_slotwrapper(v);
    if (found) *found = v;
    else XDECREF(v);
    return r;
}

static bool overrides_any(TypeObject *t, const char *const *names) {
    for (; *names; names++)
        if (overrides(t, *names, NULL)) return true;
    return false;
}

static bool is_builtin_new(Object *v) {
    return v && IS_TYPE(v, CFunctionType) && ((CFunctionObject *)v)->def == &type_new_wrapper_def;
}

static void fixup_one(TypeObject *t) {
    TypeObject *b = t->base;
    Object *v;

    /* Other threads may be calling through these slots while a dunder is
     * rebound: compute each final value first and store only a change, so
     * a reader never sees an intermediate value, and rebinding an existing
     * dunder (the common case) writes nothing at all. */
#define SET_SLOT(slot, value)                                               \
    do {                                                                    \
        __typeof__(t->slot) v_ = (value);                                   \
        if (t->slot != v_) t->slot = v_;                                    \
    } while (0)
    /* Start from the solid base's C slots, then install dispatchers. */
#define PICK(slot, fn, ...)                                                 \
    do {                                                                    \
        static const char *const names_[] = {__VA_ARGS__, NULL};            \
        SET_SLOT(slot, overrides_any(t, names_) ? fn : (b ? b->slot : NULL)); \
    } while (0)

    PICK(repr, slot_repr, "__repr__");
    PICK(str, slot_str, "__str__");
    PICK(richcompare, slot_richcompare, "__eq__", "__ne__", "__lt__", "__le__", "__gt__",
         "__ge__");
    int64_t (*hash)(Object *);
    if (overrides(t, "__hash__", &v)) hash = v == OBJ_NONE ? hash_not_implemented : slot_hash;
    else hash = b ? b->hash : NULL;
    XDECREF(v);
    SET_SLOT(hash, hash ? hash : hash_not_implemented);
    bool has_ga = overrides(t, "__getattribute__", NULL);
    if (has_ga || overrides(t, "__getattr__", NULL)) SET_SLOT(getattr, slot_getattr_hook);
    else SET_SLOT(getattr, b ? b->getattr : NULL);
    PICK(setattr, slot_setattr, "__setattr__", "__delattr__");
    PICK(call, slot_call, "__call__");
    PICK(bool_, slot_bool, "__bool__");
    {
        bool any = false;
        for (int op = 0; op < BINOP_COUNT_ && !any; op++)
            for (int form = 0; form < 3 && !any; form++)
                any = overrides(t, binop_names[op][form], NULL);
        SET_SLOT(binop, any ? slot_binop : (b ? b->binop : NULL));
    }
    {
        bool any = false;
        for (int op = 0; op < UNOP_COUNT_ && !any; op++) any = overrides(t, unary_names[op], NULL);
        SET_SLOT(unaryop, any ? slot_unaryop : (b ? b->unaryop : NULL));
    }
    PICK(len, slot_len, "__len__");
    PICK(getitem, slot_getitem, "__getitem__");
    PICK(setitem, slot_setitem, "__setitem__", "__delitem__");
    PICK(contains, slot_contains, "__contains__");
    PICK(iter, slot_iter, "__iter__");
    PICK(iternext, slot_iternext, "__next__");
    PICK(descr_get, slot_descr_get, "__get__");
    PICK(descr_set, slot_descr_set, "__set__", "__delete__");
    PICK(init, slot_init, "__init__");
    if (overrides(t, "__del__", NULL)) SET_SLOT(flags, t->flags | TPFLAG_HAS_DEL);
    else SET_SLOT(flags, t->flags & ~TPFLAG_HAS_DEL);
    if (overrides(t, "__new__", &v) && !is_builtin_new(v)) SET_SLOT(new_, slot_new);
    else SET_SLOT(new_, b ? b->new_ : NULL);
    XDECREF(v);
#undef SET_SLOT
#undef PICK
}

void type_fixup_slots(TypeObject *t) {
    if (!(t->flags & TPFLAG_HEAPTYPE)) return;
    fixup_one(t);
    if (t->subclasses) {
        size_t n = list_size(t->subclasses);
        for (size_t i = 0; i < n; i++) {
            Object *sub = list_get(t->subclasses, (int64_t)i);
            if (!sub) { err_clear(); break; }
            type_fixup_slots((TypeObject *)sub);
            DECREF(sub);
        }
    }
}
