/* typeobject.c — `type` and `object`: readying builtin types, creating
 * classes, attribute lookup along the MRO with a method cache, and the
 * default behaviour every object inherits.
 *
 * Guarantees:
 *  - type_ready turns a static TypeObject into a full class: slots inherited
 *    from its base, a dict holding its methods, members, getsets and a slot
 *    wrapper for each C slot it defines itself (int.__add__, object.__init__),
 *    and an MRO. It is idempotent; type_lookup readies a type lazily.
 *  - type_new_class implements `class` statements and type(name, bases, dict)
 *    as CPython 3.11 does: C3 MRO, layout conflicts, __slots__, __dict__,
 *    __init_subclass__ with class keywords, __set_name__, metaclasses, and C
 *    slots that dispatch to the class's dunder methods (typeslots.c).
 *  - type_lookup is cached by (type version, interned name) in a global
 *    table read lock-free: entries are guarded by a per-entry sequence count
 *    so a reader in the free-threaded build never sees a torn entry. Any
 *    write to a class's namespace bumps the version of the class and of all
 *    its subclasses; version 0 is never cached.
 */
#include <string.h>
#include "objimpl.h"
#include "fileio.h"
#include "interp.h"   /* vm_threads_started */

/* ------------------------------------------------------------------------
 * Versions and the method cache
 * ------------------------------------------------------------------------ */

static uint32_t next_version_tag = 1;

static uint32_t new_version(void) {
    uint32_t v = __atomic_fetch_add(&next_version_tag, 1, __ATOMIC_RELAXED);
    return v == 0 ? 0 : v;   /* after wrap-around everything is uncacheable */
}

#define MCACHE_BITS 12
#define MCACHE_SIZE (1u << MCACHE_BITS)

typedef struct {
    uint32_t seq;           /* odd while being written */
    uint32_t version;
    Object *name;
    uintptr_t value;        /* borrowed, | CACHED_MORTAL; 0 caches "absent" */
} MethodCacheEntry;

/* Tag bit on a cached value: it was mortal when cached. */
#define CACHED_MORTAL ((uintptr_t)1)

static MethodCacheEntry method_cache[MCACHE_SIZE];

static inline size_t mcache_index(uint32_t version, Object *name) {
    uintptr_t h = ((uintptr_t)name >> 3) ^ ((uintptr_t)version * 2654435761u);
    return (h ^ (h >> MCACHE_BITS)) & (MCACHE_SIZE - 1);
}

/* May another thread free a mortal value we only borrowed from a type dict?
 * With the GIL, never between our lookup and our INCREF (nothing releases
 * it there); in the free-threaded build, yes, from the first thread start
 * on: `C.attr = new` elsewhere drops the dict's reference at any instant. */
static inline bool borrowed_may_be_freed(void) {
    return GILT_FT && __atomic_load_n(&vm_threads_started, __ATOMIC_RELAXED);
}

/* Walk the MRO: a new reference, or NULL (no error) if absent. dict_get_str
 * takes the reference under the dict's lock, so it is safe however other
 * threads rebind the attribute. */
static Object *lookup_uncached_ref(TypeObject *t, Object *name) {
    Object *mro = t->mro;
    if (!mro) {
        for (TypeObject *b = t; b; b = b->base) {
            if (!b->dict) continue;
            Object *v = dict_get_str(b->dict, name);
            if (v) return v;
        }
        return NULL;
    }
    size_t n = tuple_size(mro);
    for (size_t i = 0; i < n; i++) {
        TypeObject *b = (TypeObject *)tuple_get(mro, i);
        if (!b->dict) continue;
        Object *v = dict_get_str(b->dict, name);
        if (v) return v;
    }
    if (err_occurred()) err_clear();
    return NULL;
}

static void mcache_store(uint32_t version, Object *name, uintptr_t tagged) {
    MethodCacheEntry *e = &method_cache[mcache_index(version, name)];
    uint32_t s = __atomic_load_n(&e->seq, __ATOMIC_RELAXED);
    if (s & 1) return;   /* another writer holds it */
    /* Already holding exactly this (a mortal value looked up again and again
     * once threads run)? Leave the shared line alone. */
    if (__atomic_load_n(&e->version, __ATOMIC_RELAXED) == version &&
        __atomic_load_n(&e->name, __ATOMIC_RELAXED) == name &&
        __atomic_load_n(&e->value, __ATOMIC_RELAXED) == tagged)
        return;
    /* Claim the entry (make seq odd); if another writer got there, skip. */
    if (!__atomic_compare_exchange_n(&e->seq, &s, s + 1, false, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        return;
    __atomic_store_n(&e->version, version, __ATOMIC_RELAXED);
    __atomic_store_n(&e->name, name, __ATOMIC_RELAXED);
    __atomic_store_n(&e->value, tagged, __ATOMIC_RELAXED);
    __atomic_store_n(&e->seq, s + 2, __ATOMIC_RELEASE);
}

/* The lookup behind both entry points: a new reference when want_ref, else
 * a borrowed pointer. A cached mortal value is handed out as a reference
 * only while no other thread can free it; otherwise the MRO is walked under
 * the dicts' locks. Immortal values (every class's methods once threads
 * run, see immortalize.c) stay on the lock-free path. */
static inline __attribute__((always_inline)) Object *lookup(TypeObject *t, Object *name,
                                                            bool want_ref) {
    if (!(t->flags & TPFLAG_READY) && type_ready(t) < 0) return NULL;
    uint32_t version = __atomic_load_n(&t->version, __ATOMIC_ACQUIRE);
    bool cacheable = version != 0 && ((StrObject *)name)->interned;
    if (cacheable) {
        MethodCacheEntry *e = &method_cache[mcache_index(version, name)];
        uint32_t s1 = __atomic_load_n(&e->seq, __ATOMIC_ACQUIRE);
        if (!(s1 & 1)) {
            uint32_t ev = __atomic_load_n(&e->version, __ATOMIC_RELAXED);
            Object *en = __atomic_load_n(&e->name, __ATOMIC_RELAXED);
            uintptr_t tagged = __atomic_load_n(&e->value, __ATOMIC_RELAXED);
            __atomic_thread_fence(__ATOMIC_ACQUIRE);
            if (__atomic_load_n(&e->seq, __ATOMIC_RELAXED) == s1 && ev == version && en == name) {
                Object *val = (Object *)(tagged & ~CACHED_MORTAL);
                if (!want_ref || !val) return val;
                if (!(tagged & CACHED_MORTAL) || !borrowed_may_be_freed()) return NEWREF(val);
                /* mortal, and threads run: take it under the dict's lock */
            }
        }
    }
    Object *v = lookup_uncached_ref(t, name);
    if (cacheable)
        mcache_store(version, name,
                     (uintptr_t)v | (v && !obj_is_immortal(v) ? CACHED_MORTAL : 0));
    if (!want_ref && v) DECREF(v);   /* the dict keeps it (see object.h) */
    return v;
}

Object *type_lookup(TypeObject *t, Object *name) { return lookup(t, name, false); }

Object *type_lookup_ref(TypeObject *t, Object *name) { return lookup(t, name, true); }

Object *type_lookup_cstr(TypeObject *t, const char *name) {
    return lookup(t, intern_cstr(name), false);
}

Object *type_lookup_cstr_ref(TypeObject *t, const char *name) {
    return lookup(t, intern_cstr(name), true);
}

void type_modified(TypeObject *t) {
    __atomic_store_n(&t->version, new_version(), __ATOMIC_RELEASE);
    Object *subs = t->subclasses;
    if (!subs) return;
    for (size_t i = 0; i < list_size(subs); i++) {
        Object *sub = list_get(subs, (int64_t)i);
        if (!sub) { err_clear(); break; }
        type_modified((TypeObject *)sub);
        DECREF(sub);
    }
}

static void add_subclass(TypeObject *base, TypeObject *sub) {
    if (!base->subclasses) {
        Object *l = list_new(0);
        if (!l) { err_clear(); return; }
        Object *expected = NULL;
        if (!__atomic_compare_exchange_n(&base->subclasses, &expected, l, false,
                                         __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            DECREF(l);
        else if (!(base->flags & TPFLAG_HEAPTYPE))
            obj_make_immortal(l);
    }
    if (list_append(base->subclasses, (Object *)sub) < 0) err_clear();
}

TypeObject *type_static_base(TypeObject *t) {
    while (t && (t->flags & TPFLAG_HEAPTYPE)) t = t->base;
    return t ? t : &ObjectType;
}

static bool is_type(Object *o) { return IS_INSTANCE(o, TypeType); }

/* ------------------------------------------------------------------------
 * object
 * ------------------------------------------------------------------------ */

static int object_init(Object *self, Object *const *args, size_t nargs, Object *kwnames);

static bool excess_args(size_t nargs, Object *kwnames) {
    return nargs > 0 || (kwnames && tuple_size(kwnames) > 0);
}

static Object *abstract_error(TypeObject *type) {
    Object *am = type_lookup_ref(type, ID(__abstractmethods__));
    Object *names = am ? obj_to_list(am) : list_new(0);
    XDECREF(am);
    if (!names) return NULL;
    if (list_sort(names, NULL, false) < 0) { DECREF(names); return NULL; }
    Object *sep = str_from_cstr(", ");
    Object *joined = sep ? str_join(sep, names) : NULL;
    XDECREF(sep);
    size_t n = list_size(names);
    DECREF(names);
    if (!joined) return NULL;
    err_format(Exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
               type->name, n == 1 ? "" : "s", joined);
    DECREF(joined);
    return NULL;
}

Object *object_generic_new(TypeObject *type, Object *const *args, size_t nargs,
                           Object *kwnames) {
    if (excess_args(nargs, kwnames)) {
        if (type->new_ != object_generic_new)
            return err_set(Exc_TypeError,
                           "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->init == object_init)
            return err_format(Exc_TypeError, "%s() takes no arguments", type->name);
    }
    if (type->flags & TPFLAG_IS_ABSTRACT) return abstract_error(type);
    return obj_new_instance(type, 0);
}

static int object_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (excess_args(nargs, kwnames)) {
        TypeObject *type = TYPE(self);
        if (type->init != object_init) {
            err_set(Exc_TypeError,
                    "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->new_ == object_generic_new) {
            err_format(Exc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                       type->name);
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(Object *self) { obj_free(self); }

static Object *object_repr(Object *self) { return obj_default_repr(self); }
static Object *object_str(Object *self) { return obj_repr(self); }

static int64_t object_hash(Object *self) {
    uintptr_t p = (uintptr_t)self;
    int64_t h = (int64_t)((p >> 4) | (p << (8 * sizeof(void *) - 4)));
    return h == -1 ? -2 : h;
}

static Object *object_richcompare(Object *a, Object *b, CompareOp op) {
    switch (op) {
    case CMP_EQ:
        return NEWREF(a == b ? OBJ_TRUE : OBJ_NOTIMPL);
    case CMP_NE: {
        /* __ne__ inverts __eq__ unless that is NotImplemented. */
        Object *(*f)(Object *, Object *, CompareOp) = TYPE(a)->richcompare;
        if (!f) return NEWREF(OBJ_NOTIMPL);
        Object *r = f(a, b, CMP_EQ);
        if (!r || r == OBJ_NOTIMPL) return r;
        int t = obj_is_true(r);
        DECREF(r);
        if (t < 0) return NULL;
        return bool_from(!t);
    }
    default:
        return NEWREF(OBJ_NOTIMPL);
    }
}

static Object *object_get_class(Object *self, void *c) { return NEWREF(TYPE(self)); }

static bool same_layout(TypeObject *a, TypeObject *b) {
    return type_static_base(a) == type_static_base(b) && a->basicsize == b->basicsize &&
           a->dictoffset == b->dictoffset &&
           (a->flags & TPFLAG_VAR_DICT) == (b->flags & TPFLAG_VAR_DICT);
}

static int object_set_class(Object *self, Object *value, void *c) {
    if (!value) { err_set(Exc_TypeError, "can't delete __class__ attribute"); return -1; }
    if (!is_type(value)) {
        err_format(Exc_TypeError, "__class__ must be set to a class, not '%s' object",
                   type_name(TYPE(value)));
        return -1;
    }
    TypeObject *old = TYPE(self), *new_ = (TypeObject *)value;
    if (!(old->flags & TPFLAG_HEAPTYPE) || !(new_->flags & TPFLAG_HEAPTYPE)) {
        err_set(Exc_TypeError,
                "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!same_layout(old, new_)) {
        err_format(Exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                   new_->name, old->name);
        return -1;
    }
    INCREF(new_);
    ((Object *)self)->ob_type = new_;
    DECREF(old);
    return 0;
}

/* Add the names in type t's MRO dicts to dict d. */
static int merge_class_dict(Object *d, TypeObject *t) {
    Object *mro = t->mro;
    if (!mro) return 0;
    for (size_t i = tuple_size(mro); i-- > 0;) {
        TypeObject *b = (TypeObject *)tuple_get(mro, i);
        if (b->dict && dict_merge(d, b->dict, true) < 0) return -1;
    }
    return 0;
}

static Object *object_dir(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("__dir__", nargs, 0, 0) < 0) return NULL;
    Object *d = dict_new();
    if (!d) return NULL;
    Object **dp = obj_dict_ptr(self);
    if (dp && *dp && DICT_CHECK(*dp) && dict_merge(d, *dp, true) < 0) goto fail;
    if (merge_class_dict(d, TYPE(self)) < 0) goto fail;
    Object *keys = dict_keys_list(d);
    DECREF(d);
    return keys;
fail:
    DECREF(d);
    return NULL;
}

static Object *object_format(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("__format__", nargs, 1, 1) < 0) return NULL;
    Object *spec = args[0];
    if (!STR_CHECK(spec))
        return err_format(Exc_TypeError, "__format__() argument must be str, not %s",
                          type_name(TYPE(spec)));
    if (str_size(spec) > 0) {
        if (INT_CHECK(self) || FLOAT_CHECK(self) || STR_CHECK(self))
            return str_format_spec(self, spec);
        return err_format(Exc_TypeError, "unsupported format string passed to %s.__format__",
                          type_name(TYPE(self)));
    }
    return obj_str(self);
}

static Object *object_init_subclass(Object *cls, Object *const *args, size_t nargs, Object *kw) {
    if (nargs || (kw && tuple_size(kw)))
        return err_format(Exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                          ((TypeObject *)cls)->name);
    RETURN_NONE;
}

static Object *object_subclasshook(Object *cls, Object *const *args, size_t nargs, Object *kw) {
    return NEWREF(OBJ_NOTIMPL);
}

static Object *object_reduce_ex(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return err_format(Exc_TypeError, "cannot pickle '%s' object", type_name(TYPE(self)));
}

static Object *object_sizeof(Object *self, Object *const *args, size_t nargs, Object *kw) {
    TypeObject *t = TYPE(self);
    return int_from_i64((int64_t)t->basicsize);
}

static const MethodDef object_methods[] = {
    {"__dir__", object_dir, METH_DEFAULT, "Default dir() implementation."},
    {"__format__", object_format, METH_DEFAULT, "Default object formatter."},
    {"__init_subclass__", object_init_subclass, METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook, METH_CLASS, "Abstract classes can override this."},
    {"__reduce_ex__", object_reduce_ex, METH_DEFAULT, "Helper for pickle."},
    {"__sizeof__", object_sizeof, METH_DEFAULT, "Size of object in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject ObjectType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "object",
    .basicsize = sizeof(Object),
    .flags = TPFLAG_BASETYPE,
    .doc = "The base class of the class hierarchy.",
    .dealloc = object_dealloc,
    .new_ = object_generic_new,
    .init = object_init,
    .repr = object_repr,
    .str = object_str,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = obj_generic_getattr,
    .setattr = obj_generic_setattr,
    .methods = object_methods,
    .getsets = object_getsets,
};

/* ------------------------------------------------------------------------
 * type: attribute access, repr, call
 * ------------------------------------------------------------------------ */

static Object *type_repr(Object *self) {
    TypeObject *t = (TypeObject *)self;
    if (t->flags & TPFLAG_HEAPTYPE) {
        Object *mod = t->dict ? dict_get_str(t->dict, ID(__module__)) : NULL;
        Object *qn = t->qualname ? t->qualname : t->name_obj;
        Object *r;
        if (mod && STR_CHECK(mod) && !str_eq_cstr(mod, "builtins"))
            r = str_format("<class '%U.%U'>", mod, qn);
        else
            r = str_format("<class '%U'>", qn);
        XDECREF(mod);
        return r;
    }
    return str_format("<class '%s'>", t->name);
}

static Object *type_getattro(Object *self, Object *name) {
    TypeObject *t = (TypeObject *)self, *meta = TYPE(self);
    Object *meta_attr = type_lookup_ref(meta, name);
    Object *(*meta_get)(Object *, Object *, Object *) = NULL;
    if (meta_attr) {
        meta_get = TYPE(meta_attr)->descr_get;
        if (meta_get && TYPE(meta_attr)->descr_set) {
            Object *r = meta_get(meta_attr, self, (Object *)meta);
            DECREF(meta_attr);
            return r;
        }
    }
    Object *attr = type_lookup_ref(t, name);
    if (attr) {
        XDECREF(meta_attr);
        Object *(*get)(Object *, Object *, Object *) = TYPE(attr)->descr_get;
        if (get) {
            Object *r = get(attr, NULL, self);
            DECREF(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        Object *r = meta_get(meta_attr, self, (Object *)meta);
        DECREF(meta_attr);
        return r;
    }
    if (meta_attr) return meta_attr;
    /* A metaclass may define __getattr__ for its classes. */
    if (meta->flags & TPFLAG_HEAPTYPE) {
        Object *hook = type_lookup_ref(meta, ID(__getattr__));
        if (hook) {
            Object *r = obj_call2(hook, self, name);
            DECREF(hook);
            return r;
        }
    }
    return err_format(Exc_AttributeError, "type object '%s' has no attribute '%U'",
                      type_name(t), name);
}

static bool is_dunder(Object *name) {
    size_t n = str_size(name);
    const char *s = str_data(name);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static int type_setattro(Object *self, Object *name, Object *value) {
    TypeObject *t = (TypeObject *)self;
    if (!STR_CHECK(name)) {
        err_format(Exc_TypeError, "attribute name must be string, not '%s'",
                   type_name(TYPE(name)));
        return -1;
    }
    if (!(t->flags & TPFLAG_HEAPTYPE)) {
        err_format(Exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
                   t->name);
        return -1;
    }
    Object *meta_attr = type_lookup_ref(TYPE(self), name);
    if (meta_attr && TYPE(meta_attr)->descr_set) {
        int r = TYPE(meta_attr)->descr_set(meta_attr, self, value);
        DECREF(meta_attr);
        return r;
    }
    XDECREF(meta_attr);
    /* Intern so the method cache and slot lookups can match by pointer. */
    INCREF(name);
    if (!((StrObject *)name)->interned) str_intern(&name);
    int r;
    if (value) {
        r = dict_set(t->dict, name, value);
    } else {
        r = dict_pop(t->dict, name, NULL);
        if (r == 0) {
            err_format(Exc_AttributeError, "type object '%s' has no attribute '%U'",
                       type_name(t), name);
            r = -1;
        } else if (r > 0) {
            r = 0;
        }
    }
    if (r == 0) {
        type_modified(t);
        if (is_dunder(name)) type_fixup_slots(t);
    }
    DECREF(name);
    return r;
}

static Object *type_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames) {
    TypeObject *t = (TypeObject *)callable;
    if (t == &TypeType && nargs == 1 && (!kwnames || tuple_size(kwnames) == 0))
        return NEWREF(TYPE(args[0]));
    if (!t->new_) return err_format(Exc_TypeError, "cannot create '%s' instances", t->name);
    Object *obj = t->new_(t, args, nargs, kwnames);
    if (!obj) return NULL;
    TypeObject *ot = TYPE(obj);
    if (ot != t && !type_is_subtype(ot, t)) return obj;
    if (ot->init && ot->init != object_init) {
        if (ot->init(obj, args, nargs, kwnames) < 0) {
            DECREF(obj);
            return NULL;
        }
    } else if (ot->init == object_init && excess_args(nargs, kwnames)) {
        if (object_init(obj, args, nargs, kwnames) < 0) { DECREF(obj); return NULL; }
    }
    return obj;
}

static int type_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs != 1 && nargs != 3) {
        err_set(Exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static Object *type_new(TypeObject *meta, Object *const *args, size_t nargs, Object *kwnames) {
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    if (meta == &TypeType && nargs == 1 && nkw == 0) return NEWREF(TYPE(args[0]));
    if (nargs != 3) {
        if (meta == &TypeType) return err_set(Exc_TypeError, "type() takes 1 or 3 arguments");
        return err_format(Exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)",
                          nargs);
    }
    Object *name = args[0], *bases = args[1], *dict = args[2];
    if (!STR_CHECK(name))
        return err_format(Exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                          type_name(TYPE(name)));
    if (!TUPLE_CHECK(bases))
        return err_format(Exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                          type_name(TYPE(bases)));
    if (!DICT_CHECK(dict))
        return err_format(Exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                          type_name(TYPE(dict)));
    /* The most derived metaclass among meta and the bases' metaclasses. */
    TypeObject *winner = meta;
    for (size_t i = 0; i < tuple_size(bases); i++) {
        TypeObject *bm = TYPE(tuple_get(bases, i));
        if (type_is_subtype(winner, bm)) continue;
        if (type_is_subtype(bm, winner)) { winner = bm; continue; }
        return err_set(Exc_TypeError,
                       "metaclass conflict: the metaclass of a derived class must be a "
                       "(non-strict) subclass of the metaclasses of all its bases");
    }
    if (winner != meta && winner->new_ != type_new)
        return winner->new_(winner, args, nargs, kwnames);
    return type_new_class(winner, name, bases, dict, kwnames, args + 3);
}

static void type_dealloc(Object *self) {
    TypeObject *t = (TypeObject *)self;
    CLEAR(t->dict);
    CLEAR(t->mro);
    CLEAR(t->bases);
    CLEAR(t->subclasses);
    CLEAR(t->name_obj);
    CLEAR(t->qualname);
    if (t->members) { mem_free((void *)t->members); t->members = NULL; }
    obj_free(self);
}

/* ---- type getsets ---- */

static Object *type_get_name(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (t->name_obj) return NEWREF(t->name_obj);
    return str_from_cstr(type_name(t));
}

static int check_heap_set(TypeObject *t, Object *value, const char *attr) {
    if (!(t->flags & TPFLAG_HEAPTYPE)) {
        err_format(Exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", attr,
                   t->name);
        return -1;
    }
    if (!value) {
        err_format(Exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", attr,
                   t->name);
        return -1;
    }
    return 0;
}

static int type_set_name(Object *self, Object *value, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (check_heap_set(t, value, "__name__") < 0) return -1;
    if (!STR_CHECK(value)) {
        err_format(Exc_TypeError, "can only assign string to %s.__name__, not '%s'", t->name,
                   type_name(TYPE(value)));
        return -1;
    }
    INCREF(value);
    SETREF(t->name_obj, value);
    t->name = str_data(value);
    return 0;
}

static Object *type_get_qualname(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (t->qualname) return NEWREF(t->qualname);
    return type_get_name(self, c);
}

static int type_set_qualname(Object *self, Object *value, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (check_heap_set(t, value, "__qualname__") < 0) return -1;
    if (!STR_CHECK(value)) {
        err_format(Exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                   t->name, type_name(TYPE(value)));
        return -1;
    }
    INCREF(value);
    SETREF(t->qualname, value);
    return 0;
}

static Object *type_get_module(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (t->flags & TPFLAG_HEAPTYPE) {
        Object *m = dict_get_str(t->dict, ID(__module__));
        if (m) return m;
        return err_set(Exc_AttributeError, "__module__");
    }
    const char *dot = strrchr(t->name, '.');
    if (dot) return str_from_utf8(t->name, (size_t)(dot - t->name));
    return NEWREF(ID(builtins));
}

static int type_set_module(Object *self, Object *value, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (check_heap_set(t, value, "__module__") < 0) return -1;
    int r = dict_set(t->dict, ID(__module__), value);
    if (r == 0) type_modified(t);
    return r;
}

static Object *type_get_doc(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    Object *d = t->dict ? dict_get_str(t->dict, ID(__doc__)) : NULL;
    if (d) {
        if (TYPE(d)->descr_get && !(t->flags & TPFLAG_HEAPTYPE)) {
            Object *r = TYPE(d)->descr_get(d, NULL, self);
            DECREF(d);
            return r;
        }
        return d;
    }
    if (t->doc) return str_from_cstr(t->doc);
    RETURN_NONE;
}

static int type_set_doc(Object *self, Object *value, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (check_heap_set(t, value, "__doc__") < 0) return -1;
    int r = dict_set(t->dict, ID(__doc__), value);
    if (r == 0) type_modified(t);
    return r;
}

static Object *type_get_mro(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (!t->mro) RETURN_NONE;
    return NEWREF(t->mro);
}

static Object *type_get_bases(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (!t->bases) return tuple_new(0);
    return NEWREF(t->bases);
}

static Object *type_get_base(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (!t->base) RETURN_NONE;
    return NEWREF(t->base);
}

static Object *type_get_dict(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (!t->dict) return dict_new();
    /* A snapshot stands in for CPython's read-only mappingproxy. */
    return dict_copy(t->dict);
}

static Object *type_get_abstract(Object *self, void *c) {
    TypeObject *t = (TypeObject *)self;
    Object *v = (t != &TypeType && t->dict) ? dict_get_str(t->dict, ID(__abstractmethods__)) : NULL;
    if (!v) return err_set(Exc_AttributeError, "__abstractmethods__");
    return v;
}

static int type_set_abstract(Object *self, Object *value, void *c) {
    TypeObject *t = (TypeObject *)self;
    if (check_heap_set(t, value ? value : OBJ_NONE, "__abstractmethods__") < 0) return -1;
    int abstract = 0, r;
    if (value) {
        abstract = obj_is_true(value);
        if (abstract < 0) return -1;
        r = dict_set(t->dict, ID(__abstractmethods__), value);
    } else {
        r = dict_pop(t->dict, ID(__abstractmethods__), NULL);
        if (r == 0) { err_set(Exc_AttributeError, "__abstractmethods__"); return -1; }
        r = r > 0 ? 0 : r;
    }
    if (r < 0) return -1;
    if (abstract) t->flags |= TPFLAG_IS_ABSTRACT;
    else t->flags &= ~TPFLAG_IS_ABSTRACT;
    type_modified(t);
    return 0;
}

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__abstractmethods__", type_get_abstract, type_set_abstract, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- type methods ---- */

static Object *mro_c3(TypeObject *t);

static Object *type_mro_method(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("mro", nargs, 0, 0) < 0) return NULL;
    Object *mro = mro_c3((TypeObject *)self);
    if (!mro) return NULL;
    Object *l = obj_to_list(mro);
    DECREF(mro);
    return l;
}

static Object *type_subclasses(Object *self, Object *const *args, size_t nargs, Object *kw) {
    TypeObject *t = (TypeObject *)self;
    if (!t->subclasses) return list_new(0);
    return obj_to_list(t->subclasses);
}

static Object *type_instancecheck(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("__instancecheck__", nargs, 1, 1) < 0) return NULL;
    Object *o = args[0];
    int r = type_is_subtype(TYPE(o), (TypeObject *)self);
    if (!r) {
        Object *c = obj_lookup_attr(o, ID(__class__));
        if (!c && err_occurred()) return NULL;
        if (c && c != (Object *)TYPE(o) && is_type(c))
            r = type_is_subtype((TypeObject *)c, (TypeObject *)self);
        XDECREF(c);
    }
    RETURN_BOOL(r);
}

static Object *type_subclasscheck(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("__subclasscheck__", nargs, 1, 1) < 0) return NULL;
    if (!is_type(args[0])) return err_set(Exc_TypeError, "issubclass() arg 1 must be a class");
    RETURN_BOOL(type_is_subtype((TypeObject *)args[0], (TypeObject *)self));
}

static Object *type_prepare(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return dict_new();
}

static Object *type_dir(Object *self, Object *const *args, size_t nargs, Object *kw) {
    Object *d = dict_new();
    if (!d) return NULL;
    if (merge_class_dict(d, (TypeObject *)self) < 0) { DECREF(d); return NULL; }
    Object *keys = dict_keys_list(d);
    DECREF(d);
    return keys;
}

static Object *type_sizeof(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return int_from_i64((int64_t)sizeof(TypeObject));
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_method, METH_DEFAULT, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses, METH_DEFAULT,
     "Return a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck, METH_DEFAULT,
     "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, METH_DEFAULT, "Check if a class is a subclass."},
    {"__prepare__", type_prepare, METH_CLASS,
     "Create the namespace for the class statement"},
    {"__dir__", type_dir, METH_DEFAULT, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, METH_DEFAULT, "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL},
};

TypeObject TypeType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "type",
    .basicsize = sizeof(TypeObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_TYPE_SUBCLASS,
    /* A class's "instance dict" is its namespace, so metaclasses add none. */
    .dictoffset = offsetof(TypeObject, dict),
    .doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .dealloc = type_dealloc,
    .new_ = type_new,
    .init = type_init,
    .repr = type_repr,
    .getattr = type_getattro,
    .setattr = type_setattro,
    .call = type_call,
    .methods = type_methods,
    .getsets = type_getsets,
};

/* ------------------------------------------------------------------------
 * type_ready: static types
 * ------------------------------------------------------------------------ */

/* __new__ of a builtin type, as `int.__new__(cls, ...)`: self is the type. */
static Object *tp_new_wrapper(Object *self, Object *const *args, size_t nargs, Object *kw) {
    TypeObject *t = (TypeObject *)self;
    if (nargs < 1) return err_format(Exc_TypeError, "%s.__new__(): not enough arguments", t->name);
    Object *arg0 = args[0];
    if (!is_type(arg0))
        return err_format(Exc_TypeError, "%s.__new__(X): X is not a type object (%s)", t->name,
                          type_name(TYPE(arg0)));
    TypeObject *sub = (TypeObject *)arg0;
    if (!type_is_subtype(sub, t))
        return err_format(Exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", t->name,
                          sub->name, sub->name, t->name);
    /* The nearest base that is not a gilt class must use this very __new__,
     * or the object would not get the layout its type expects. */
    TypeObject *staticbase = sub;
    while (staticbase && staticbase->new_ == slot_new) staticbase = staticbase->base;
    if (staticbase && staticbase->new_ != t->new_)
        return err_format(Exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", t->name,
                          sub->name, staticbase->name);
    return t->new_(sub, args + 1, nargs - 1, kw);
}

const MethodDef type_new_wrapper_def = {
    "__new__", tp_new_wrapper, METH_DEFAULT,
    "Create and return a new object.  See help(type) for accurate signature.",
};

typedef struct {
    const char *name;
    size_t slot_offset;
    SlotKind kind;
    int op;
} SlotDef;

#define SD(name, slot, kind, op) {name, offsetof(TypeObject, slot), kind, op}
static const SlotDef slotdefs[] = {
    SD("__repr__", repr, SW_REPR, 0),
    SD("__str__", str, SW_STR, 0),
    SD("__hash__", hash, SW_HASH, 0),
    SD("__call__", call, SW_CALL, 0),
    SD("__getattribute__", getattr, SW_GETATTRIBUTE, 0),
    SD("__setattr__", setattr, SW_SETATTR, 0),
    SD("__delattr__", setattr, SW_DELATTR, 0),
    SD("__lt__", richcompare, SW_RICHCMP, CMP_LT),
    SD("__le__", richcompare, SW_RICHCMP, CMP_LE),
    SD("__eq__", richcompare, SW_RICHCMP, CMP_EQ),
    SD("__ne__", richcompare, SW_RICHCMP, CMP_NE),
    SD("__gt__", richcompare, SW_RICHCMP, CMP_GT),
    SD("__ge__", richcompare, SW_RICHCMP, CMP_GE),
    SD("__iter__", iter, SW_ITER, 0),
    SD("__next__", iternext, SW_NEXT, 0),
    SD("__get__", descr_get, SW_GET, 0),
    SD("__set__", descr_set, SW_SET, 0),
    SD("__delete__", descr_set, SW_DELETE, 0),
    SD("__init__", init, SW_INIT, 0),
    SD("__bool__", bool_, SW_BOOL, 0),
    SD("__len__", len, SW_LEN, 0),
    SD("__getitem__", getitem, SW_GETITEM, 0),
    SD("__setitem__", setitem, SW_SETITEM, 0),
    SD("__delitem__", setitem, SW_DELITEM, 0),
    SD("__contains__", contains, SW_CONTAINS, 0),
    SD("__add__", binop, SW_BINOP, BINOP_ADD),
    SD("__radd__", binop, SW_RBINOP, BINOP_ADD),
    SD("__sub__", binop, SW_BINOP, BINOP_SUB),
    SD("__rsub__", binop, SW_RBINOP, BINOP_SUB),
    SD("__mul__", binop, SW_BINOP, BINOP_MUL),
    SD("__rmul__", binop, SW_RBINOP, BINOP_MUL),
    SD("__matmul__", binop, SW_BINOP, BINOP_MATMUL),
    SD("__rmatmul__", binop, SW_RBINOP, BINOP_MATMUL),
    SD("__truediv__", binop, SW_BINOP, BINOP_TRUEDIV),
    SD("__rtruediv__", binop, SW_RBINOP, BINOP_TRUEDIV),
    SD("__floordiv__", binop, SW_BINOP, BINOP_FLOORDIV),
    SD("__rfloordiv__", binop, SW_RBINOP, BINOP_FLOORDIV),
    SD("__mod__", binop, SW_BINOP, BINOP_MOD),
    SD("__rmod__", binop, SW_RBINOP, BINOP_MOD),
    SD("__pow__", binop, SW_BINOP, BINOP_POW),
    SD("__rpow__", binop, SW_RBINOP, BINOP_POW),
    SD("__lshift__", binop, SW_BINOP, BINOP_LSHIFT),
    SD("__rlshift__", binop, SW_RBINOP, BINOP_LSHIFT),
    SD("__rshift__", binop, SW_BINOP, BINOP_RSHIFT),
    SD("__rrshift__", binop, SW_RBINOP, BINOP_RSHIFT),
    SD("__and__", binop, SW_BINOP, BINOP_AND),
    SD("__rand__", binop, SW_RBINOP, BINOP_AND),
    SD("__or__", binop, SW_BINOP, BINOP_OR),
    SD("__ror__", binop, SW_RBINOP, BINOP_OR),
    SD("__xor__", binop, SW_BINOP, BINOP_XOR),
    SD("__rxor__", binop, SW_RBINOP, BINOP_XOR),
    SD("__iadd__", binop, SW_IBINOP, BINOP_ADD),
    SD("__isub__", binop, SW_IBINOP, BINOP_SUB),
    SD("__imul__", binop, SW_IBINOP, BINOP_MUL),
    SD("__iand__", binop, SW_IBINOP, BINOP_AND),
    SD("__ior__", binop, SW_IBINOP, BINOP_OR),
    SD("__ixor__", binop, SW_IBINOP, BINOP_XOR),
    SD("__neg__", unaryop, SW_UNARY, UNOP_NEG),
    SD("__pos__", unaryop, SW_UNARY, UNOP_POS),
    SD("__invert__", unaryop, SW_UNARY, UNOP_INVERT),
    SD("__abs__", unaryop, SW_UNARY, UNOP_ABS),
    SD("__int__", unaryop, SW_UNARY, UNOP_INT),
    SD("__float__", unaryop, SW_UNARY, UNOP_FLOAT),
    SD("__index__", unaryop, SW_UNARY, UNOP_INDEX),
};
#undef SD

static int dict_add_if_absent(Object *d, const char *name, Object *value) {
    Object *key = intern_cstr(name);
    Object *old = dict_get_str(d, key);
    if (old) { DECREF(old); DECREF(value); return 0; }
    int r = dict_set(d, key, value);
    DECREF(value);
    return r;
}

/* A C type has one binop slot and one unaryop slot for all operators, so
 * which dunders it really has must be said apart: without this, str would
 * seem to have __sub__ and float __index__.  The core types list theirs
 * (as CPython's dir() shows them); any other C type with a binop slot gets
 * every plain and reflected operator and no in-place one. */
#define OPB(op) (1u << (op))
typedef struct {
    const TypeObject *type;
    uint32_t plain, reflected, inplace;
    uint32_t unary;        /* bits of UnaryOp */
    bool has_bool;         /* __bool__ (containers answer through __len__) */
} OperatorSet;

#define ARITH (OPB(BINOP_ADD) | OPB(BINOP_SUB) | OPB(BINOP_MUL) | OPB(BINOP_TRUEDIV) | \
               OPB(BINOP_FLOORDIV) | OPB(BINOP_MOD) | OPB(BINOP_POW))
#define BITS (OPB(BINOP_LSHIFT) | OPB(BINOP_RSHIFT) | OPB(BINOP_AND) | OPB(BINOP_OR) | \
              OPB(BINOP_XOR))
#define LOGIC (OPB(BINOP_AND) | OPB(BINOP_OR) | OPB(BINOP_XOR))
#define SETOPS (LOGIC | OPB(BINOP_SUB))
#define SEQ_PLAIN (OPB(BINOP_ADD) | OPB(BINOP_MUL))
#define ALL_UNARY ((1u << UNOP_COUNT_) - 1)
#define FLOAT_UNARY (ALL_UNARY & ~((1u << UNOP_INVERT) | (1u << UNOP_INDEX)))

static const OperatorSet *core_operator_set(const TypeObject *t) {
    static const OperatorSet sets[] = {
        {&IntType, ARITH | BITS, ARITH | BITS, 0, ALL_UNARY, true},
        {&BoolType, LOGIC, LOGIC, 0, 0, false},
        {&FloatType, ARITH, ARITH, 0, FLOAT_UNARY, true},
        {&StrType, SEQ_PLAIN | OPB(BINOP_MOD), OPB(BINOP_MUL) | OPB(BINOP_MOD), 0, 0, false},
        {&BytesType, SEQ_PLAIN | OPB(BINOP_MOD), OPB(BINOP_MUL) | OPB(BINOP_MOD), 0, 0, false},
        {&ByteArrayType, SEQ_PLAIN | OPB(BINOP_MOD), OPB(BINOP_MUL) | OPB(BINOP_MOD),
         SEQ_PLAIN, 0, false},
        {&ListType, SEQ_PLAIN, OPB(BINOP_MUL), SEQ_PLAIN, 0, false},
        {&TupleType, SEQ_PLAIN, OPB(BINOP_MUL), 0, 0, false},
        {&DictType, OPB(BINOP_OR), OPB(BINOP_OR), OPB(BINOP_OR), 0, false},
        {&SetType, SETOPS, SETOPS, SETOPS, 0, false},
        {&FrozenSetType, SETOPS, SETOPS, 0, 0, false},
        {&RangeType, 0, 0, 0, 0, true},
    };
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
        if (sets[i].type == t) return &sets[i];
    return NULL;
}

static bool type_has_operator(const TypeObject *t, const SlotDef *sd) {
    const OperatorSet *os = core_operator_set(t);
    switch (sd->kind) {
    case SW_BINOP: return !os || (os->plain & OPB(sd->op));
    case SW_RBINOP: return !os || (os->reflected & OPB(sd->op));
    case SW_IBINOP: return os && (os->inplace & OPB(sd->op));
    case SW_UNARY: return os && (os->unary & (1u << sd->op));
    case SW_BOOL: return !os || os->has_bool;
    default: return true;
    }
}
#undef OPB

static int add_slot_wrappers(TypeObject *t, const TypeObject *base) {
    for (size_t i = 0; i < sizeof slotdefs / sizeof *slotdefs; i++) {
        const SlotDef *sd = &slotdefs[i];
        void *fn = *(void **)((char *)t + sd->slot_offset);
        if (!fn) continue;
        /* Only slots the type defines itself (not ones it will inherit). */
        if (base && *(void **)((const char *)base + sd->slot_offset) == fn) continue;
        if (!type_has_operator(t, sd)) continue;
        Object *w = slotwrapper_new(t, sd->name, sd->kind, sd->op);
        if (!w || dict_add_if_absent(t->dict, sd->name, w) < 0) return -1;
    }
    return 0;
}

static int add_descriptors(TypeObject *t) {
    for (const MethodDef *m = t->methods; m && m->name; m++) {
        Object *d;
        if (m->flags & METH_STATIC) {
            Object *f = cfunction_new(m, NULL);
            if (!f) return -1;
            d = staticmethod_new(f);
            DECREF(f);
        } else {
            d = methoddescr_new(t, m);
        }
        if (!d || dict_add_if_absent(t->dict, m->name, d) < 0) return -1;
    }
    for (const MemberDef *m = t->members; m && m->name; m++) {
        Object *d = memberdescr_new(t, m);
        if (!d || dict_add_if_absent(t->dict, m->name, d) < 0) return -1;
    }
    for (const GetSetDef *g = t->getsets; g && g->name; g++) {
        Object *d = getsetdescr_new(t, g);
        if (!d || dict_add_if_absent(t->dict, g->name, d) < 0) return -1;
    }
    return 0;
}

#define SUBCLASS_FLAGS                                                          \
    (TPFLAG_INT_SUBCLASS | TPFLAG_STR_SUBCLASS | TPFLAG_TUPLE_SUBCLASS |         \
     TPFLAG_LIST_SUBCLASS | TPFLAG_DICT_SUBCLASS | TPFLAG_TYPE_SUBCLASS |        \
     TPFLAG_EXC_SUBCLASS | TPFLAG_BYTES_SUBCLASS)

static uint32_t own_subclass_flag(TypeObject *t) {
    if (t == &IntType) return TPFLAG_INT_SUBCLASS;
    if (t == &StrType) return TPFLAG_STR_SUBCLASS;
    if (t == &TupleType) return TPFLAG_TUPLE_SUBCLASS;
    if (t == &ListType) return TPFLAG_LIST_SUBCLASS;
    if (t == &DictType) return TPFLAG_DICT_SUBCLASS;
    if (t == &TypeType) return TPFLAG_TYPE_SUBCLASS;
    if (t == &BytesType) return TPFLAG_BYTES_SUBCLASS;
    return 0;
}

static void inherit_slots(TypeObject *t, TypeObject *b) {
#define COPY(slot) if (!t->slot) t->slot = b->slot
    COPY(dealloc);
    COPY(init);
    COPY(repr);
    COPY(str);
    if (!t->richcompare && !t->hash) {
        t->richcompare = b->richcompare;
        t->hash = b->hash;
    }
    COPY(getattr);
    COPY(setattr);
    COPY(call);
    COPY(bool_);
    COPY(binop);
    COPY(unaryop);
    COPY(len);
    COPY(getitem);
    COPY(setitem);
    COPY(contains);
    COPY(iter);
    COPY(iternext);
    COPY(descr_get);
    COPY(descr_set);
    COPY(traverse);
    if (!t->dictoffset) t->dictoffset = b->dictoffset;
    if (!t->itemsize) t->itemsize = b->itemsize;
    if (t->basicsize < b->basicsize) t->basicsize = b->basicsize;
#undef COPY
}

/* Make the objects a static type owns immortal: every thread reads them, and
 * counting them would make their shared counters hot spots. */
static void immortalize_type_contents(TypeObject *t) {
    obj_make_immortal(t->dict);
    size_t pos = 0;
    Object *k, *v;
    while (dict_next(t->dict, &pos, &k, &v)) {
        obj_make_immortal(k);
        obj_make_immortal(v);
    }
    if (t->mro) obj_make_immortal(t->mro);
    if (t->bases) obj_make_immortal(t->bases);
    if (t->name_obj) obj_make_immortal(t->name_obj);
}

int type_ready(TypeObject *t) {
    if (t->flags & TPFLAG_READY) return 0;
    if (t != &ObjectType && !t->base) t->base = &ObjectType;
    TypeObject *b = t->base;
    if (b && !(b->flags & TPFLAG_READY) && type_ready(b) < 0) return -1;
    /* Mark early: building the dict may look attributes up on t itself. */
    t->flags |= TPFLAG_READY;
    if (b) t->flags |= b->flags & SUBCLASS_FLAGS;
    t->flags |= own_subclass_flag(t);
    if (!t->name_obj) t->name_obj = str_from_cstr(type_name(t));
    if (!t->name_obj) goto fail;
    if (!t->dict) t->dict = dict_new();
    if (!t->dict) goto fail;
    if (add_descriptors(t) < 0) goto fail;
    if (add_slot_wrappers(t, b) < 0) goto fail;
    if (t->new_ && (!b || t->new_ != b->new_)) {
        Object *f = cfunction_new(&type_new_wrapper_def, (Object *)t);
        if (!f || dict_add_if_absent(t->dict, "__new__", f) < 0) goto fail;
    }
    /* A type that compares but does not hash is unhashable (list, dict). */
    if (!t->hash && t->richcompare && b) {
        if (dict_add_if_absent(t->dict, "__hash__", NEWREF(OBJ_NONE)) < 0) goto fail;
    }
    if (!t->new_ && b && b != &ObjectType) t->new_ = b->new_;
    if (b) inherit_slots(t, b);
    {
        Object *doc = t->doc ? str_from_cstr(t->doc) : NEWREF(OBJ_NONE);
        if (!doc || dict_add_if_absent(t->dict, "__doc__", doc) < 0) goto fail;
    }
    if (!t->bases) t->bases = b ? tuple_pack(1, (Object *)b) : tuple_new(0);
    if (!t->bases) goto fail;
    if (!t->mro) {
        size_t n = b && b->mro ? tuple_size(b->mro) : 0;
        Object *mro = tuple_new(n + 1);
        if (!mro) goto fail;
        tuple_items(mro)[0] = NEWREF(t);
        for (size_t i = 0; i < n; i++) tuple_items(mro)[i + 1] = NEWREF(tuple_get(b->mro, i));
        t->mro = mro;
    }
    t->version = new_version();
    if (b) add_subclass(b, t);
    if (!(t->flags & TPFLAG_HEAPTYPE)) immortalize_type_contents(t);
    return 0;
fail:
    t->flags &= ~TPFLAG_READY;
    return -1;
}

/* ------------------------------------------------------------------------
 * Creating classes
 * ------------------------------------------------------------------------ */

/* Does t add C-level fields to base (beyond a __dict__ slot)? */
static bool extra_ivars(TypeObject *t, TypeObject *base) {
    size_t t_size = t->basicsize;
    if ((t->flags & TPFLAG_HEAPTYPE) && t->dictoffset && !base->dictoffset &&
        t->dictoffset + sizeof(Object *) == t_size)
        t_size -= sizeof(Object *);
    return t_size != base->basicsize || t->itemsize != base->itemsize;
}

static TypeObject *solid_base(TypeObject *t) {
    if (!t->base) return t;
    TypeObject *b = solid_base(t->base);
    return extra_ivars(t, t->base) ? t : b;
}

static TypeObject *best_base(Object *bases) {
    TypeObject *base = NULL, *winner = NULL;
    for (size_t i = 0; i < tuple_size(bases); i++) {
        Object *bo = tuple_get(bases, i);
        if (!is_type(bo)) {
            err_set(Exc_TypeError, "bases must be types");
            return NULL;
        }
        TypeObject *bt = (TypeObject *)bo;
        if (!(bt->flags & TPFLAG_READY) && type_ready(bt) < 0) return NULL;
        if (!(bt->flags & TPFLAG_BASETYPE)) {
            err_format(Exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
            return NULL;
        }
        TypeObject *cand = solid_base(bt);
        if (!winner) { winner = cand; base = bt; }
        else if (type_is_subtype(winner, cand)) {}
        else if (type_is_subtype(cand, winner)) { winner = cand; base = bt; }
        else {
            err_set(Exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

static bool in_tail(Object *const *seq, size_t start, size_t len, Object *x) {
    for (size_t i = start + 1; i < len; i++)
        if (seq[i] == x) return true;
    return false;
}

/* C3 linearization of t's bases. */
static Object *mro_c3(TypeObject *t) {
    Object *bases = t->bases;
    size_t nb = tuple_size(bases);
    if (nb == 1) {
        TypeObject *b = (TypeObject *)tuple_get(bases, 0);
        size_t n = tuple_size(b->mro);
        Object *mro = tuple_new(n + 1);
        if (!mro) return NULL;
        tuple_items(mro)[0] = NEWREF(t);
        for (size_t i = 0; i < n; i++) tuple_items(mro)[i + 1] = NEWREF(tuple_get(b->mro, i));
        return mro;
    }
    size_t nseq = nb + 1;
    Object *const **seqs = mem_alloc(nseq * sizeof *seqs);
    size_t *lens = mem_alloc(nseq * sizeof *lens);
    size_t *pos = mem_calloc(nseq, sizeof *pos);
    for (size_t i = 0; i < nb; i++) {
        TypeObject *b = (TypeObject *)tuple_get(bases, i);
        seqs[i] = tuple_items(b->mro);
        lens[i] = tuple_size(b->mro);
    }
    seqs[nb] = tuple_items(bases);
    lens[nb] = nb;
    Object *out = list_new(0);
    Object *result = NULL;
    if (!out || list_append(out, (Object *)t) < 0) goto done;
    for (;;) {
        Object *pick = NULL;
        bool remaining = false;
        for (size_t i = 0; i < nseq && !pick; i++) {
            if (pos[i] >= lens[i]) continue;
            remaining = true;
            Object *cand = seqs[i][pos[i]];
            bool ok = true;
            for (size_t j = 0; j < nseq && ok; j++)
                if (pos[j] < lens[j] && in_tail(seqs[j], pos[j], lens[j], cand)) ok = false;
            if (ok) pick = cand;
        }
        if (!remaining) break;
        if (!pick) {
            /* Name the bases that could not be ordered, as CPython does. */
            StrBuilder sb;
            sb_init(&sb);
            sb_append_cstr(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases ");
            Object *seen = list_new(0);
            bool first = true;
            for (size_t i = 0; i < nseq && seen; i++) {
                if (pos[i] >= lens[i]) continue;
                Object *h = seqs[i][pos[i]];
                int dup = 0;
                for (size_t k = 0; k < list_size(seen); k++) {
                    Object *x = list_get(seen, (int64_t)k);
                    if (x == h) dup = 1;
                    XDECREF(x);
                }
                if (dup) continue;
                list_append(seen, h);
                if (!first) sb_append_cstr(&sb, ", ");
                first = false;
                sb_append_cstr(&sb, type_name((TypeObject *)h));
            }
            XDECREF(seen);
            Object *msg = sb_finish(&sb);
            if (msg) {
                err_format(Exc_TypeError, "%U", msg);
                DECREF(msg);
            }
            goto done;
        }
        if (list_append(out, pick) < 0) goto done;
        for (size_t j = 0; j < nseq; j++)
            if (pos[j] < lens[j] && seqs[j][pos[j]] == pick) pos[j]++;
    }
    result = list_as_tuple(out);
done:
    XDECREF(out);
    mem_free((void *)seqs);
    mem_free(lens);
    mem_free(pos);
    return result;
}

static Object *compute_mro(TypeObject *t) {
    TypeObject *meta = TYPE(t);
    if (meta != &TypeType) {
        Object *m = type_lookup_ref(meta, ID(mro));
        bool overridden = m && !IS_TYPE(m, MethodDescrType);
        XDECREF(m);
        if (overridden) {
            Object *r = obj_call_method((Object *)t, "mro", NULL, 0);
            if (!r) return NULL;
            Object *tup = obj_to_tuple(r);
            DECREF(r);
            if (!tup) return NULL;
            for (size_t i = 0; i < tuple_size(tup); i++) {
                if (!is_type(tuple_get(tup, i))) {
                    DECREF(tup);
                    return err_format(Exc_TypeError, "mro() returned a non-class ('%s')",
                                      type_name(TYPE(tuple_get(tup, i))));
                }
            }
            return tup;
        }
    }
    return mro_c3(t);
}

static bool is_identifier(Object *s) {
    const unsigned char *p = (const unsigned char *)str_data(s);
    size_t n = str_size(s);
    if (n == 0 || (p[0] >= '0' && p[0] <= '9')) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (!(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

/* Private-name mangling of a __slots__ entry: __x in class _Foo -> _Foo__x. */
static Object *mangle(Object *classname, Object *name) {
    const char *s = str_data(name);
    size_t n = str_size(name);
    if (n < 3 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_') ||
        strchr(s, '.'))
        return NEWREF(name);
    const char *c = str_data(classname);
    while (*c == '_') c++;
    if (!*c) return NEWREF(name);
    return str_format("_%s%U", c, name);
}

static Object *subtype_dict_get(Object *self, void *c) {
    Object **dp = obj_dict_ptr(self);
    if (!dp) return err_set(Exc_AttributeError, "This object has no __dict__");
    if (!*dp) {
        Object *d = dict_new();
        if (!d) return NULL;
        Object *expected = NULL;
        if (!__atomic_compare_exchange_n(dp, &expected, d, false, __ATOMIC_ACQ_REL,
                                         __ATOMIC_ACQUIRE))
            DECREF(d);
    }
    return NEWREF(*dp);
}

static int subtype_dict_set(Object *self, Object *value, void *c) {
    Object **dp = obj_dict_ptr(self);
    if (!dp) { err_set(Exc_AttributeError, "This object has no __dict__"); return -1; }
    if (!value) { err_set(Exc_TypeError, "cannot delete __dict__"); return -1; }
    if (!DICT_CHECK(value)) {
        err_format(Exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                   type_name(TYPE(value)));
        return -1;
    }
    INCREF(value);
    SETREF(*dp, value);
    return 0;
}

static const GetSetDef subtype_dict_getset = {
    "__dict__", subtype_dict_get, subtype_dict_set,
    "dictionary for instance variables (if defined)", NULL,
};

/* Run self.__del__() for an object whose count just reached zero. The
 * object gets a reference back for the call, and dropping it afterwards
 * frees the object through subtype_dealloc again (which then skips
 * __del__) unless __del__ stored it somewhere (resurrected it). Errors are
 * reported as CPython's "Exception ignored in: ..." and swallowed, and an
 * exception being propagated around the deallocation is left untouched. */
static void call_finalizer(Object *self) {
    self->ob_gc_bits |= GCBIT_FINALIZED;
    obj_resurrect(self);
    Object *pending = err_fetch();
    Object *del = type_lookup_cstr_ref(TYPE(self), "__del__");
    if (del) {
        Object *r;
        if (IS_TYPE(del, FunctionType) || !TYPE(del)->descr_get) {
            r = obj_call1(del, self);
        } else {
            Object *bound = TYPE(del)->descr_get(del, self, (Object *)TYPE(self));
            r = bound ? obj_call0(bound) : NULL;
            XDECREF(bound);
        }
        if (r) {
            DECREF(r);
        } else {
            Object *exc = err_fetch();
            Object *what = obj_repr(del);
            if (!what) err_clear();
            fileio_flush_std();   /* keep the report after earlier output */
            fprintf(stderr, "Exception ignored in: %s\n", what ? str_data(what) : "__del__");
            XDECREF(what);
            if (exc) exc_print(exc, stderr);
            XDECREF(exc);
        }
        DECREF(del);
    }
    err_restore(pending);
    DECREF(self);
}

/* Free an instance of a class: its __slots__ values and __dict__, then the
 * memory through the builtin base's dealloc, then the class reference. */
static void subtype_dealloc(Object *self) {
    TypeObject *t = TYPE(self);
    if ((t->flags & TPFLAG_HAS_DEL) && !(self->ob_gc_bits & GCBIT_FINALIZED)) {
        call_finalizer(self);
        return;
    }
    TypeObject *sb = type_static_base(t);
    for (TypeObject *k = t; k && (k->flags & TPFLAG_HEAPTYPE); k = k->base) {
        for (const MemberDef *m = k->members; m && m->name; m++) {
            Object **slot = (Object **)((char *)self + m->offset);
            CLEAR(*slot);
        }
    }
    if (!sb->dictoffset) {
        Object **dp = obj_dict_ptr(self);
        if (dp) CLEAR(*dp);
    }
    if (sb->dealloc) sb->dealloc(self);
    else obj_free(self);
    DECREF(t);
}

/* Collect __slots__ names (mangled, validated); sets *want_dict. */
static Object *parse_slots(Object *slots, Object *classname, Object *ns, bool *want_dict) {
    Object *seq = STR_CHECK(slots) ? tuple_pack(1, slots) : obj_to_tuple(slots);
    if (!seq) return NULL;
    Object *names = list_new(0);
    if (!names) { DECREF(seq); return NULL; }
    for (size_t i = 0; i < tuple_size(seq); i++) {
        Object *s = tuple_get(seq, i);
        if (!STR_CHECK(s)) {
            err_format(Exc_TypeError, "__slots__ items must be strings, not '%s'",
                       type_name(TYPE(s)));
            goto fail;
        }
        if (!is_identifier(s)) {
            err_set(Exc_TypeError, "__slots__ must be identifiers");
            goto fail;
        }
        if (str_eq_cstr(s, "__dict__")) {
            if (*want_dict) {
                err_set(Exc_TypeError, "__dict__ slot disallowed: we already got one");
                goto fail;
            }
            *want_dict = true;
            continue;
        }
        if (str_eq_cstr(s, "__weakref__")) continue;
        Object *m = mangle(classname, s);
        if (!m) goto fail;
        Object *clash = dict_get_str(ns, m);
        if (clash) {
            DECREF(clash);
            err_format(Exc_ValueError, "%R in __slots__ conflicts with class variable", s);
            DECREF(m);
            goto fail;
        }
        str_intern(&m);
        int r = list_append(names, m);
        DECREF(m);
        if (r < 0) goto fail;
    }
    DECREF(seq);
    return names;
fail:
    DECREF(seq);
    DECREF(names);
    return NULL;
}

/* Wrap plain functions the language treats specially. */
static int implicit_method_kinds(Object *d) {
    static const char *const statics[] = {"__new__", NULL};
    static const char *const classes[] = {"__init_subclass__", "__class_getitem__", NULL};
    for (int i = 0; statics[i]; i++) {
        Object *v = dict_get_cstr(d, statics[i]);
        if (v && IS_TYPE(v, FunctionType)) {
            Object *sm = staticmethod_new(v);
            int r = sm ? dict_set_cstr(d, statics[i], sm) : -1;
            XDECREF(sm);
            if (r < 0) { DECREF(v); return -1; }
        }
        XDECREF(v);
    }
    for (int i = 0; classes[i]; i++) {
        Object *v = dict_get_cstr(d, classes[i]);
        if (v && IS_TYPE(v, FunctionType)) {
            Object *cm = classmethod_new(v);
            int r = cm ? dict_set_cstr(d, classes[i], cm) : -1;
            XDECREF(cm);
            if (r < 0) { DECREF(v); return -1; }
        }
        XDECREF(v);
    }
    return 0;
}

static int call_set_names(TypeObject *t) {
    Object *items = dict_items_list(t->dict);
    if (!items) return -1;
    int rc = 0;
    for (size_t i = 0; i < list_size(items) && rc == 0; i++) {
        Object *pair = list_get(items, (int64_t)i);
        Object *k = tuple_get(pair, 0), *v = tuple_get(pair, 1);
        Object *f = type_lookup(TYPE(v), ID(__set_name__));
        if (f) {
            Object *argv[2] = {(Object *)t, k};
            Object *r = obj_call_method(v, "__set_name__", argv, 2);
            if (!r) rc = -1;
            XDECREF(r);
        }
        DECREF(pair);
    }
    DECREF(items);
    return rc;
}

static int call_init_subclass(TypeObject *t, Object *kwnames, Object *const *kwvalues) {
    Object *mro = t->mro;
    for (size_t i = 1; i < tuple_size(mro); i++) {
        TypeObject *b = (TypeObject *)tuple_get(mro, i);
        if (!b->dict) continue;
        Object *f = dict_get_str(b->dict, ID(__init_subclass__));
        if (!f) continue;
        Object *bound;
        if (TYPE(f)->descr_get) bound = TYPE(f)->descr_get(f, NULL, (Object *)t);
        else bound = NEWREF(f);
        DECREF(f);
        if (!bound) return -1;
        size_t nkw = kwnames ? tuple_size(kwnames) : 0;
        Object *r = obj_call(bound, kwvalues, 0, nkw ? kwnames : NULL);
        DECREF(bound);
        if (!r) return -1;
        DECREF(r);
        return 0;
    }
    return 0;
}

Object *type_new_class(TypeObject *meta, Object *name, Object *bases, Object *ns,
                       Object *kwnames, Object *const *kwvalues) {
    if (!(meta->flags & TPFLAG_READY) && type_ready(meta) < 0) return NULL;
    Object *own_bases = NULL;
    if (!bases || tuple_size(bases) == 0) own_bases = tuple_pack(1, (Object *)&ObjectType);
    else own_bases = NEWREF(bases);
    if (!own_bases) return NULL;
    TypeObject *t = NULL;
    Object *slot_names = NULL;

    for (size_t i = 0; i < tuple_size(own_bases); i++)
        for (size_t j = i + 1; j < tuple_size(own_bases); j++)
            if (tuple_get(own_bases, i) == tuple_get(own_bases, j)) {
                err_format(Exc_TypeError, "duplicate base class %s",
                           type_name((TypeObject *)tuple_get(own_bases, i)));
                goto fail;
            }
    TypeObject *base = best_base(own_bases);
    if (!base) goto fail;

    t = (TypeObject *)obj_alloc(meta, meta->basicsize > sizeof(TypeObject) ? meta->basicsize
                                                                           : sizeof(TypeObject));
    t->flags = TPFLAG_HEAPTYPE | TPFLAG_BASETYPE;
    for (size_t i = 0; i < tuple_size(own_bases); i++)
        t->flags |= ((TypeObject *)tuple_get(own_bases, i))->flags & SUBCLASS_FLAGS;
    t->flags |= base->flags & TPFLAG_VAR_DICT;
    t->base = base;
    INCREF(base);   /* released never: classes keep their bases for life */
    t->bases = own_bases;
    own_bases = NULL;
    INCREF(name);
    t->name_obj = name;
    t->name = str_data(name);
    t->dict = dict_copy(ns);
    if (!t->dict) goto fail;

    /* __qualname__, __module__, __doc__, __classcell__ from the namespace. */
    Object *qn = NULL;
    if (dict_pop(t->dict, ID(__qualname__), &qn) > 0) {
        if (!STR_CHECK(qn)) {
            err_format(Exc_TypeError, "type __qualname__ must be a str, not %s",
                       type_name(TYPE(qn)));
            DECREF(qn);
            goto fail;
        }
        t->qualname = qn;
    } else {
        if (err_occurred()) goto fail;
        t->qualname = NEWREF(name);
    }
    Object *mod = dict_get_str(t->dict, ID(__module__));
    if (mod) DECREF(mod);
    else {
        Object *g = vm_current_globals();
        Object *modname = g ? dict_get_str(g, ID(__name__)) : NULL;
        if (modname) {
            int r = dict_set(t->dict, ID(__module__), modname);
            DECREF(modname);
            if (r < 0) goto fail;
        }
    }
    Object *doc = dict_get_str(t->dict, ID(__doc__));
    if (doc) {
        if (STR_CHECK(doc)) t->doc = str_data(doc);   /* the dict keeps it alive */
        DECREF(doc);
    } else if (dict_set(t->dict, ID(__doc__), OBJ_NONE) < 0) {
        goto fail;
    }
    Object *cell = NULL;
    if (dict_pop(t->dict, ID(__classcell__), &cell) > 0) {
        if (IS_TYPE(cell, CellType)) {
            INCREF(t);
            SETREF(((CellObject *)cell)->ref, (Object *)t);
        }
        DECREF(cell);
    }
    if (implicit_method_kinds(t->dict) < 0) goto fail;

    /* Layout: __slots__ members, then the __dict__ pointer. */
    bool base_has_dict = base->dictoffset != 0 || (base->flags & TPFLAG_VAR_DICT);
    bool want_dict = !base_has_dict;
    Object *slots = dict_get_str(t->dict, ID(__slots__));
    if (slots) {
        bool dict_slot = false;
        slot_names = parse_slots(slots, name, ns, &dict_slot);
        DECREF(slots);
        if (!slot_names) goto fail;
        if (dict_slot && base_has_dict) {
            err_set(Exc_TypeError, "__dict__ slot disallowed: we already got one");
            goto fail;
        }
        want_dict = dict_slot;
        if (list_size(slot_names) && base->itemsize) {
            err_format(Exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                       base->name);
            goto fail;
        }
    }
    size_t size = base->basicsize;
    t->itemsize = base->itemsize;
    t->dictoffset = base->dictoffset;
    size_t nslots = slot_names ? list_size(slot_names) : 0;
    /* Pointer fields appended after the base need pointer alignment; a
     * class that appends nothing keeps its base's exact size (so it does
     * not count as a layout of its own). */
    if (nslots || (want_dict && !base->itemsize))
        size = (size + sizeof(Object *) - 1) & ~(sizeof(Object *) - 1);
    if (nslots) {
        MemberDef *defs = mem_calloc(nslots + 1, sizeof(MemberDef));
        t->members = defs;
        for (size_t i = 0; i < nslots; i++) {
            Object *sn = list_get(slot_names, (int64_t)i);
            defs[i].name = str_data(sn);    /* interned: immortal */
            defs[i].kind = MEMBER_OBJECT_EX;
            defs[i].offset = size;
            size += sizeof(Object *);
            Object *d = memberdescr_new(t, &defs[i]);
            int r = d ? dict_set(t->dict, sn, d) : -1;
            XDECREF(d);
            DECREF(sn);
            if (r < 0) goto fail;
        }
    }
    if (want_dict) {
        if (base->itemsize) {
            t->flags |= TPFLAG_VAR_DICT;
        } else {
            t->dictoffset = size;
            size += sizeof(Object *);
        }
        Object *have = dict_get_str(t->dict, ID(__dict__));
        if (have) DECREF(have);
        else {
            Object *gs = getsetdescr_new(t, &subtype_dict_getset);
            int r = gs ? dict_set(t->dict, ID(__dict__), gs) : -1;
            XDECREF(gs);
            if (r < 0) goto fail;
        }
    }
    t->basicsize = size;

    /* A class that defines __eq__ but not __hash__ is unhashable. */
    Object *eq = dict_get_str(t->dict, ID(__eq__));
    if (eq) {
        DECREF(eq);
        Object *h = dict_get_str(t->dict, ID(__hash__));
        if (h) DECREF(h);
        else if (dict_set(t->dict, ID(__hash__), OBJ_NONE) < 0) goto fail;
    }

    t->mro = compute_mro(t);
    if (!t->mro) goto fail;
    t->flags |= TPFLAG_READY;
    t->version = new_version();
    /* Start with the solid base's C slots, then dispatch to dunders. */
    inherit_slots(t, base);
    t->new_ = base->new_;
    t->dealloc = subtype_dealloc;
    type_fixup_slots(t);
    t->dealloc = subtype_dealloc;
    {
        Object *am = dict_get_str(t->dict, ID(__abstractmethods__));
        if (am) {
            int a = obj_is_true(am);
            DECREF(am);
            if (a > 0) t->flags |= TPFLAG_IS_ABSTRACT;
        }
    }
    for (size_t i = 0; i < tuple_size(t->bases); i++)
        add_subclass((TypeObject *)tuple_get(t->bases, i), t);
    XDECREF(slot_names);
    slot_names = NULL;

    if (call_set_names(t) < 0) goto fail_created;
    if (call_init_subclass(t, kwnames, kwvalues) < 0) goto fail_created;
    return (Object *)t;

fail:
    XDECREF(own_bases);
    XDECREF(slot_names);
    /* The half-built class is not visible anywhere yet; dropping our
     * reference frees it (or, if descriptors already point back at it,
     * leaves a small unreachable cycle: an error path, so acceptable). */
    if (t) DECREF(t);
    return NULL;
fail_created:
    DECREF(t);
    return NULL;
}

/* ------------------------------------------------------------------------
 * Start-up
 * ------------------------------------------------------------------------ */

int types_init(void) {
    /* Base classes first: object and type, then the descriptor types that
     * every other type's dict is made of, then the rest. */
    TypeObject *const order[] = {
        &ObjectType, &TypeType, &StrType, &DictType, &TupleType, &ListType,
        &MethodDescrType, &MemberDescrType, &GetSetDescrType, &SlotWrapperType,
        &CFunctionType, &StaticMethodType, &ClassMethodType, &PropertyType,
        &NoneTypeType, &NotImplementedTypeType, &EllipsisTypeType,
        &IntType, &BoolType, &FloatType, &BytesType, &ByteArrayType,
        &SetType, &FrozenSetType, &RangeType, &SliceType, &ModuleType, &SuperType,
        &EnumerateType, &ZipType, &MapType, &FilterType, &ReversedType, &SeqIterType,
        &CallIterType, &FunctionType, &MethodType, &CellType, &GeneratorType,
        &CoroutineType, &AsyncGenType, &CodeType,
    };
    for (size_t i = 0; i < sizeof order / sizeof *order; i++)
        if (type_ready(order[i]) < 0) return -1;
    return 0;
}
