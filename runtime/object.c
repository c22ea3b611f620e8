/* object.c — memory for objects, deallocation, the singletons None,
 * NotImplemented and Ellipsis, and every generic operation of object.h.
 *
 * Guarantees:
 *  - Objects live in mimalloc; in the free-threaded build each thread
 *    allocates from its own heap (ts->heap) and mi_free works from any thread.
 *    (-DGILT_SYSTEM_MALLOC swaps in malloc for sanitizers: see alloc.h.)
 *  - obj_dealloc never overflows the C stack, however deep a structure of
 *    nested containers is: past a nesting depth, deallocations are deferred
 *    onto a per-thread list that the outermost obj_dealloc drains
 *    (CPython's "trashcan").
 *  - Every generic operation follows CPython 3.11's protocol (reflected
 *    operands, NotImplemented, fallbacks) and raises the same exception type
 *    with the same message text when an operation is unsupported.
 */
#include "alloc.h"
#include "stackguard.h"
#include <stdlib.h>
#include <sys/sysinfo.h>
#include <string.h>
#include "objimpl.h"

/* ------------------------------------------------------------------------
 * Memory
 * ------------------------------------------------------------------------ */

/* The calling thread's heap (alloc.h); NULL means "the default heap",
 * always so when threads have no heaps of their own. */
static inline void *current_heap(void) {
    if (!ALLOC_THREAD_HEAPS) return NULL;
    ThreadState *ts = ts_current();
    return ts ? ts->heap : NULL;
}

static void out_of_memory(size_t n) {
    fprintf(stderr, "gilt: out of memory allocating %zu bytes\n", n);
    abort();
}

void *mem_alloc(size_t n) {
    void *h = current_heap();
    void *p = alloc_malloc(h, n);
    if (!p) out_of_memory(n);
    return p;
}

void *mem_calloc(size_t count, size_t size) {
    void *h = current_heap();
    void *p = alloc_calloc(h, count, size);
    if (!p) out_of_memory(count * size);
    return p;
}

void *mem_realloc(void *p, size_t n) {
    void *h = current_heap();
    void *q = alloc_realloc(h, p, n);
    if (!q && n) out_of_memory(n);
    return q;
}

/* The _or_raise forms are for sizes that come from the program (bytearray(n),
 * 'x' * n, list growth): a request the system cannot meet raises
 * MemoryError and returns NULL rather than ending the process. */
void *mem_alloc_or_raise(size_t n) {
    void *h = current_heap();
    void *p = n > PTRDIFF_MAX ? NULL : alloc_malloc(h, n);
    if (!p) err_no_memory();
    return p;
}

void *mem_calloc_or_raise(size_t count, size_t size) {
    void *h = current_heap();
    void *p = (size && count > PTRDIFF_MAX / size) ? NULL
            : alloc_calloc(h, count, size);
    if (!p) err_no_memory();
    return p;
}

void *mem_realloc_or_raise(void *p, size_t n) {
    void *h = current_heap();
    void *q = n > PTRDIFF_MAX ? NULL : alloc_realloc(h, p, n);
    if (!q && n) err_no_memory();
    return q;
}

/* What this machine could ever give: RAM + swap, read once. Anything larger
 * can only fail, and on Linux mimalloc may instead reserve it lazily and
 * die later, so such sizes are refused up front. */
static size_t memory_ceiling(void) {
    static size_t ceiling;
    size_t c = __atomic_load_n(&ceiling, __ATOMIC_RELAXED);
    if (c) return c;
    struct sysinfo si;
    if (sysinfo(&si) == 0) c = ((size_t)si.totalram + (size_t)si.totalswap) * si.mem_unit;
    if (!c) c = (size_t)PTRDIFF_MAX;
    __atomic_store_n(&ceiling, c, __ATOMIC_RELAXED);
    return c;
}

int mem_check_size(size_t count, size_t size) {
    if (size == 0 || count <= memory_ceiling() / size) return 0;
    err_no_memory();
    return -1;
}

void mem_free(void *p) { alloc_free(p); }
void obj_free(void *p) { alloc_free(p); }

/* The dict slot of an instance of a TPFLAG_VAR_DICT class: the last word of
 * its block (the block's usable size never changes while it is alive). */
static inline Object **var_dict_slot(Object *o) {
    return (Object **)((char *)o + alloc_usable_size(o) - sizeof(Object *));
}

Object *obj_alloc_unzeroed_tail(TypeObject *type, size_t size, size_t tail) {
    void *p = alloc_malloc(current_heap(), size);
    if (!p) out_of_memory(size);
    memset(p, 0, size - tail);
    obj_init_header(p, type);
    return p;
}

Object *obj_alloc(TypeObject *type, size_t size) {
    bool heap = (type->flags & TPFLAG_HEAPTYPE) != 0;
    if (heap) {
        /* A base type's constructor may pass its own struct size: make room
         * for the __dict__ and __slots__ a subclass appends. */
        if (type->flags & TPFLAG_VAR_DICT)
            /* Round up first: the slot is the block's last word and must be
             * pointer-aligned even when the allocator's usable size is
             * exactly the size asked for (malloc under ASan). */
            size = (size + sizeof(Object *) - 1) / sizeof(Object *) * sizeof(Object *)
                 + sizeof(Object *);
        else if (size < type->basicsize)
            size = type->basicsize;
    }
    void *h = current_heap();
    void *p = alloc_zalloc(h, size);
    if (!p) out_of_memory(size);
    obj_init_header(p, type);
    if (heap) {
        INCREF(type);   /* instances of classes keep their class alive */
        if (type->flags & TPFLAG_VAR_DICT) *var_dict_slot(p) = NULL;
    }
    return p;
}

Object *obj_new_instance(TypeObject *type, size_t nitems) {
    size_t size = type->basicsize + nitems * type->itemsize;
    if (type->flags & TPFLAG_VAR_DICT) size = type_static_base(type)->basicsize + nitems * type->itemsize;
    return obj_alloc(type, size);
}

Object **obj_dict_ptr(Object *o) {
    TypeObject *t = TYPE(o);
    if (t->dictoffset) return (Object **)((char *)o + t->dictoffset);
    if (t->flags & TPFLAG_VAR_DICT) return var_dict_slot(o);
    return NULL;
}

/* ------------------------------------------------------------------------
 * Deallocation with a trashcan
 * ------------------------------------------------------------------------ */

/* How deep deallocations may nest on the C stack before being deferred. */
#define DEALLOC_NEST_LIMIT 200

static _Thread_local int dealloc_depth;
static _Thread_local Object **dealloc_deferred;
static _Thread_local size_t dealloc_ndeferred, dealloc_cap;

static void dealloc_now(Object *o) {
    void (*f)(Object *) = TYPE(o)->dealloc;
    if (f) f(o);
    else obj_free(o);
}

void obj_dealloc(Object *o) {
    if (dealloc_depth >= DEALLOC_NEST_LIMIT) {
        if (dealloc_ndeferred == dealloc_cap) {
            dealloc_cap = dealloc_cap ? dealloc_cap * 2 : 256;
            dealloc_deferred = alloc_realloc(NULL, dealloc_deferred, dealloc_cap * sizeof(Object *));
            if (!dealloc_deferred) out_of_memory(dealloc_cap * sizeof(Object *));
        }
        dealloc_deferred[dealloc_ndeferred++] = o;
        return;
    }
    dealloc_depth++;
    dealloc_now(o);
    dealloc_depth--;
    if (dealloc_depth == 0 && dealloc_ndeferred) {
        /* Outermost: drain what deeper levels deferred. Each one runs at
         * depth 1, so its own deep children are deferred again. */
        dealloc_depth = 1;
        while (dealloc_ndeferred) {
            Object *x = dealloc_deferred[--dealloc_ndeferred];
            dealloc_now(x);
        }
        dealloc_depth = 0;
    }
}

/* ------------------------------------------------------------------------
 * Recursion guard
 * ------------------------------------------------------------------------ */

int obj_enter_recursion(const char *where) {
    /* The counts below bound the depth; the stack guard bounds the bytes,
     * whatever sys.setrecursionlimit says. */
    if (stack_guard_check(where) < 0) return -1;
    ThreadState *ts = ts_current();
    if (!ts) return 0;
    int limit = ts->interp ? ts->interp->recursion_limit : 1000;
    if (limit <= 0) limit = 1000;
    ts->c_recursion_depth++;
    /* 64-bit sum: limit may be INT_MAX (sys.setrecursionlimit(2**31-1)). */
    if ((int64_t)ts->c_recursion_depth + ts->recursion_depth > (int64_t)limit + 50 ||
        ts->c_recursion_depth > limit) {
        ts->c_recursion_depth--;
        err_format(Exc_RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
        return -1;
    }
    return 0;
}

void obj_leave_recursion(void) {
    ThreadState *ts = ts_current();
    if (ts) ts->c_recursion_depth--;
}

/* ------------------------------------------------------------------------
 * None, NotImplemented, Ellipsis
 * ------------------------------------------------------------------------ */

static Object *none_repr(Object *o) { return NEWREF(ID(None)); }
static Object *notimpl_repr(Object *o) { return NEWREF(ID(NotImplemented)); }
static Object *ellipsis_repr(Object *o) { return NEWREF(ID(Ellipsis)); }
static int none_bool(Object *o) { return 0; }

static Object *singleton_new(TypeObject *type, Object *const *args, size_t nargs,
                             Object *kwnames) {
    if (nargs || (kwnames && tuple_size(kwnames)))
        return err_format(Exc_TypeError, "%s takes no arguments", type->name);
    if (type == &NoneTypeType) RETURN_NONE;
    if (type == &NotImplementedTypeType) return NEWREF(OBJ_NOTIMPL);
    return NEWREF(OBJ_ELLIPSIS);
}

static int64_t singleton_hash(Object *o) {
    /* CPython hashes these by address; a fixed value keeps set orders stable. */
    return (int64_t)(((uintptr_t)o >> 4) & 0x7fffffffffff);
}

static void singleton_dealloc(Object *o) {
    /* Immortal: never reached, but a stray DECREF must not free static memory. */
}

static Object *notimpl_reduce(Object *self, Object *const *a, size_t n, Object *k) {
    return NEWREF(ID(NotImplemented));
}
static const MethodDef notimpl_methods[] = {
    {"__reduce__", notimpl_reduce, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject NoneTypeType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "NoneType",
    .basicsize = sizeof(Object),
    .dealloc = singleton_dealloc,
    .new_ = singleton_new,
    .repr = none_repr,
    .hash = singleton_hash,
    .bool_ = none_bool,
};

TypeObject NotImplementedTypeType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "NotImplementedType",
    .basicsize = sizeof(Object),
    .dealloc = singleton_dealloc,
    .new_ = singleton_new,
    .repr = notimpl_repr,
    .hash = singleton_hash,
    .methods = notimpl_methods,
};

TypeObject EllipsisTypeType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "ellipsis",
    .basicsize = sizeof(Object),
    .dealloc = singleton_dealloc,
    .new_ = singleton_new,
    .repr = ellipsis_repr,
    .hash = singleton_hash,
};

Object NoneObject = {OBJECT_HEAD_INIT(&NoneTypeType)};
Object NotImplementedObject = {OBJECT_HEAD_INIT(&NotImplementedTypeType)};
Object EllipsisObject = {OBJECT_HEAD_INIT(&EllipsisTypeType)};

/* ------------------------------------------------------------------------
 * repr / str / ascii
 * ------------------------------------------------------------------------ */

const char *type_name(TypeObject *t) {
    if (t->flags & TPFLAG_HEAPTYPE) return t->name;
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

Object *obj_default_repr(Object *o) {
    TypeObject *t = TYPE(o);
    Object *mod = type_lookup_ref(t, ID(__module__));
    Object *r;
    if ((t->flags & TPFLAG_HEAPTYPE) && mod && STR_CHECK(mod) &&
        !str_eq_cstr(mod, "builtins")) {
        Object *qn = t->qualname ? t->qualname : t->name_obj;
        r = str_format("<%U.%U object at %p>", mod, qn, (void *)o);
    } else {
        r = str_format("<%s object at %p>", t->name, (void *)o);
    }
    XDECREF(mod);
    return r;
}

static Object *check_str_result(Object *r, const char *what) {
    if (r && !STR_CHECK(r)) {
        err_format(Exc_TypeError, "%s returned non-string (type %s)", what,
                   type_name(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

Object *obj_repr(Object *o) {
    Object *(*f)(Object *) = TYPE(o)->repr;
    if (!f) return obj_default_repr(o);
    if (obj_enter_recursion(" while getting the repr of an object")) return NULL;
    Object *r = f(o);
    obj_leave_recursion();
    return check_str_result(r, "__repr__");
}

Object *obj_str(Object *o) {
    if (IS_TYPE(o, StrType)) return NEWREF(o);
    Object *(*f)(Object *) = TYPE(o)->str;
    if (!f) return obj_repr(o);
    if (obj_enter_recursion(" while getting the str of an object")) return NULL;
    Object *r = f(o);
    obj_leave_recursion();
    return check_str_result(r, "__str__");
}

/* Decode one UTF-8 sequence (the input is valid UTF-8). */
static uint32_t utf8_next(const unsigned char **pp) {
    const unsigned char *p = *pp;
    uint32_t c = *p++;
    if (c >= 0xF0) {
        c = ((c & 0x07) << 18) | ((p[0] & 0x3F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        p += 3;
    } else if (c >= 0xE0) {
        c = ((c & 0x0F) << 12) | ((p[0] & 0x3F) << 6) | (p[1] & 0x3F);
        p += 2;
    } else if (c >= 0xC0) {
        c = ((c & 0x1F) << 6) | (p[0] & 0x3F);
        p += 1;
    }
    *pp = p;
    return c;
}

Object *obj_ascii(Object *o) {
    Object *r = obj_repr(o);
    if (!r || ((StrObject *)r)->is_ascii) return r;
    StrBuilder sb;
    sb_init(&sb);
    const unsigned char *p = (const unsigned char *)str_data(r);
    const unsigned char *end = p + str_size(r);
    while (p < end) {
        if (*p < 0x80) { sb_append_char(&sb, (char)*p++); continue; }
        uint32_t c = utf8_next(&p);
        if (c <= 0xFF) sb_printf(&sb, "\\x%02x", c);
        else if (c <= 0xFFFF) sb_printf(&sb, "\\u%04x", c);
        else sb_printf(&sb, "\\U%08x", c);
    }
    DECREF(r);
    return sb_finish(&sb);
}

/* ------------------------------------------------------------------------
 * hash and comparison
 * ------------------------------------------------------------------------ */

int64_t obj_hash(Object *o) {
    int64_t (*f)(Object *) = TYPE(o)->hash;
    if (f) return f(o);
    err_format(Exc_TypeError, "unhashable type: '%s'", type_name(TYPE(o)));
    return -1;
}

static const CompareOp swapped_op[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static const char *const cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

static Object *do_richcompare(Object *a, Object *b, CompareOp op) {
    TypeObject *ta = TYPE(a), *tb = TYPE(b);
    Object *r;
    bool reflected_done = false;
    if (ta != tb && tb->richcompare && type_is_subtype(tb, ta)) {
        reflected_done = true;
        r = tb->richcompare(b, a, swapped_op[op]);
        if (r != OBJ_NOTIMPL) return r;
        DECREF(r);
    }
    if (ta->richcompare) {
        r = ta->richcompare(a, b, op);
        if (r != OBJ_NOTIMPL) return r;
        DECREF(r);
    }
    if (!reflected_done && tb->richcompare) {
        r = tb->richcompare(b, a, swapped_op[op]);
        if (r != OBJ_NOTIMPL) return r;
        DECREF(r);
    }
    if (op == CMP_EQ) return bool_from(a == b);
    if (op == CMP_NE) return bool_from(a != b);
    return err_format(Exc_TypeError,
                      "'%s' not supported between instances of '%s' and '%s'",
                      cmp_symbol[op], type_name(ta), type_name(tb));
}

Object *obj_richcompare(Object *a, Object *b, CompareOp op) {
    if (obj_enter_recursion(" in comparison")) return NULL;
    Object *r = do_richcompare(a, b, op);
    obj_leave_recursion();
    return r;
}

int obj_richcompare_bool(Object *a, Object *b, CompareOp op) {
    if (a == b) {
        if (op == CMP_EQ) return 1;
        if (op == CMP_NE) return 0;
    }
    Object *r = obj_richcompare(a, b, op);
    if (!r) return -1;
    int t;
    if (r == OBJ_TRUE) t = 1;
    else if (r == OBJ_FALSE) t = 0;
    else t = obj_is_true(r);
    DECREF(r);
    return t;
}

int obj_eq(Object *a, Object *b) { return obj_richcompare_bool(a, b, CMP_EQ); }

int obj_is_true(Object *o) {
    if (o == OBJ_TRUE) return 1;
    if (o == OBJ_FALSE || o == OBJ_NONE) return 0;
    TypeObject *t = TYPE(o);
    if (t->bool_) return t->bool_(o);
    if (t->len) {
        int64_t n = t->len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ------------------------------------------------------------------------
 * Arithmetic
 * ------------------------------------------------------------------------ */

static const char *const binop_symbol[BINOP_COUNT_] = {
    "+", "-", "*", "@", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^",
};
static const char *const ibinop_symbol[BINOP_COUNT_] = {
    "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=",
};

static bool is_builtin_sequence(Object *o) {
    return STR_CHECK(o) || LIST_CHECK(o) || TUPLE_CHECK(o) || BYTES_CHECK(o) ||
           IS_INSTANCE(o, ByteArrayType);
}

/* Try a.op(b) then b.rop(a) per CPython's binary_op1. NotImplemented (a new
 * reference to the singleton) if neither operand supports it. */
static Object *binop_both(Object *a, Object *b, BinOp op) {
    TypeObject *ta = TYPE(a), *tb = TYPE(b);
    Object *(*fa)(Object *, Object *, BinOp) = ta->binop;
    Object *(*fb)(Object *, Object *, BinOp) = tb->binop;
    Object *r;
    if (fb == fa) fb = NULL;
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            r = fb(a, b, op);
            if (r != OBJ_NOTIMPL) return r;
            DECREF(r);
            fb = NULL;
        }
        r = fa(a, b, op);
        if (r != OBJ_NOTIMPL) return r;
        DECREF(r);
    }
    if (fb) return fb(a, b, op);
    return NEWREF(OBJ_NOTIMPL);
}

Object *obj_binop(Object *a, Object *b, BinOp op) {
    bool inplace = (op & BINOP_INPLACE) != 0;
    BinOp base = (BinOp)(op & ~BINOP_INPLACE);
    Object *r;
    if ((unsigned)base >= BINOP_COUNT_)
        return err_format(Exc_SystemError, "bad binary operator %d", (int)op);
    if (inplace && TYPE(a)->binop) {
        r = TYPE(a)->binop(a, b, op);
        if (r != OBJ_NOTIMPL) return r;
        DECREF(r);
    }
    r = binop_both(a, b, base);
    if (r != OBJ_NOTIMPL) return r;
    DECREF(r);
    /* CPython's sequence fallbacks produce these messages. */
    if (base == BINOP_ADD && (STR_CHECK(a) || LIST_CHECK(a) || TUPLE_CHECK(a)))
        return err_format(Exc_TypeError, "can only concatenate %s (not \"%s\") to %s",
                          type_name(TYPE(a)), type_name(TYPE(b)), type_name(TYPE(a)));
    if (base == BINOP_ADD && BYTES_CHECK(a))
        return err_format(Exc_TypeError, "can't concat %s to %s", type_name(TYPE(b)),
                          type_name(TYPE(a)));
    if (base == BINOP_MUL && (is_builtin_sequence(a) || is_builtin_sequence(b))) {
        Object *other = is_builtin_sequence(a) ? b : a;
        return err_format(Exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          type_name(TYPE(other)));
    }
    return err_format(Exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                      inplace ? ibinop_symbol[base] : binop_symbol[base],
                      type_name(TYPE(a)), type_name(TYPE(b)));
}

Object *obj_unaryop(Object *o, UnaryOp op) {
    TypeObject *t = TYPE(o);
    if (t->unaryop) {
        Object *r = t->unaryop(o, op);
        if (r != OBJ_NOTIMPL) return r;
        DECREF(r);
    }
    const char *tn = type_name(t);
    switch (op) {
    case UNOP_NEG: return err_format(Exc_TypeError, "bad operand type for unary -: '%s'", tn);
    case UNOP_POS: return err_format(Exc_TypeError, "bad operand type for unary +: '%s'", tn);
    case UNOP_INVERT: return err_format(Exc_TypeError, "bad operand type for unary ~: '%s'", tn);
    case UNOP_ABS: return err_format(Exc_TypeError, "bad operand type for abs(): '%s'", tn);
    case UNOP_INT:
        return err_format(Exc_TypeError,
                          "int() argument must be a string, a bytes-like object or a real number, not '%s'", tn);
    case UNOP_FLOAT:
        return err_format(Exc_TypeError,
                          "float() argument must be a string or a real number, not '%s'", tn);
    case UNOP_INDEX:
        return err_format(Exc_TypeError, "'%s' object cannot be interpreted as an integer", tn);
    default:
        return err_format(Exc_SystemError, "bad unary operator %d", (int)op);
    }
}

Object *obj_index(Object *o) {
    if (INT_CHECK(o)) return NEWREF(o);
    TypeObject *t = TYPE(o);
    Object *r = t->unaryop ? t->unaryop(o, UNOP_INDEX) : NEWREF(OBJ_NOTIMPL);
    if (!r) return NULL;
    if (r == OBJ_NOTIMPL) {
        DECREF(r);
        return err_format(Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          type_name(t));
    }
    if (!INT_CHECK(r)) {
        err_format(Exc_TypeError, "__index__ returned non-int (type %s)", type_name(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

int64_t obj_as_index(Object *o) {
    if (INT_CHECK(o)) {
        if (int_is_small(o)) return int_small(o);
        int64_t v = int_as_i64(o);
        if (v == -1 && err_occurred()) {
            err_clear();
            err_format(Exc_OverflowError, "Python int too large to convert to C ssize_t");
        }
        return v;
    }
    Object *i = obj_index(o);
    if (!i) return -1;
    int64_t v = obj_as_index(i);
    DECREF(i);
    return v;
}

/* ------------------------------------------------------------------------
 * Attributes
 * ------------------------------------------------------------------------ */

static Object *attr_name_error(Object *name) {
    return err_format(Exc_TypeError, "attribute name must be string, not '%s'",
                      type_name(TYPE(name)));
}

Object *obj_getattr(Object *o, Object *name) {
    if (!STR_CHECK(name)) return attr_name_error(name);
    Object *(*f)(Object *, Object *) = TYPE(o)->getattr;
    return f ? f(o, name) : obj_generic_getattr(o, name);
}

Object *obj_getattr_cstr(Object *o, const char *name) {
    return obj_getattr(o, intern_cstr(name));
}

Object *obj_lookup_attr(Object *o, Object *name) {
    Object *r = obj_getattr(o, name);
    if (!r && err_matches(Exc_AttributeError)) err_clear();
    return r;
}

int obj_hasattr_cstr(Object *o, const char *name) {
    Object *r = obj_lookup_attr(o, intern_cstr(name));
    if (r) { DECREF(r); return 1; }
    return err_occurred() ? -1 : 0;
}

static Object *no_attribute(Object *o, Object *name) {
    return err_format(Exc_AttributeError, "'%s' object has no attribute '%U'",
                      type_name(TYPE(o)), name);
}

Object *obj_generic_getattr(Object *o, Object *name) {
    TypeObject *t = TYPE(o);
    Object *descr = type_lookup_ref(t, name);
    Object *(*get)(Object *, Object *, Object *) = NULL;
    if (descr) {
        get = TYPE(descr)->descr_get;
        if (get && TYPE(descr)->descr_set) {
            Object *r = get(descr, o, (Object *)t);
            DECREF(descr);
            return r;
        }
    }
    Object **dp = obj_dict_ptr(o);
    if (dp) {
        Object *d = __atomic_load_n(dp, __ATOMIC_ACQUIRE);
        if (d) {
            Object *v = dict_get_str(d, name);
            if (v) { XDECREF(descr); return v; }
            if (err_occurred()) { XDECREF(descr); return NULL; }
        }
    }
    if (get) {
        Object *r = get(descr, o, (Object *)t);
        DECREF(descr);
        return r;
    }
    if (descr) return descr;
    return no_attribute(o, name);
}

Object *obj_instance_dict_ref(Object **dp) {
    Object *d = __atomic_load_n(dp, __ATOMIC_ACQUIRE);
    if (d) return NEWREF(d);
    Object *fresh = dict_new();
    if (!fresh) return NULL;
    Object *expected = NULL;
    if (__atomic_compare_exchange_n(dp, &expected, fresh, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE))
        return NEWREF(fresh);
    DECREF(fresh);          /* another thread made it first */
    return NEWREF(expected);
}

int obj_generic_setattr(Object *o, Object *name, Object *value) {
    if (!STR_CHECK(name)) { attr_name_error(name); return -1; }
    TypeObject *t = TYPE(o);
    Object *descr = type_lookup_ref(t, name);
    if (descr && TYPE(descr)->descr_set) {
        int r = TYPE(descr)->descr_set(descr, o, value);
        DECREF(descr);
        return r;
    }
    bool on_type = descr != NULL;
    XDECREF(descr);
    Object **dp = obj_dict_ptr(o);
    if (!dp) {
        if (on_type)
            err_format(Exc_AttributeError, "'%s' object attribute '%U' is read-only",
                       type_name(t), name);
        else
            no_attribute(o, name);
        return -1;
    }
    Object *d = obj_instance_dict_ref(dp);
    if (!d) return -1;
    int r;
    if (value) {
        r = dict_set(d, name, value);
    } else {
        r = dict_pop(d, name, NULL);
        if (r == 0) { no_attribute(o, name); r = -1; }
        else if (r > 0) r = 0;
    }
    DECREF(d);
    return r;
}

int obj_setattr(Object *o, Object *name, Object *value) {
    if (!STR_CHECK(name)) { attr_name_error(name); return -1; }
    int (*f)(Object *, Object *, Object *) = TYPE(o)->setattr;
    if (f) return f(o, name, value);
    if (type_lookup(TYPE(o), name))
        err_format(Exc_AttributeError, "'%s' object attribute '%U' is read-only",
                   type_name(TYPE(o)), name);
    else
        no_attribute(o, name);
    return -1;
}

int obj_setattr_cstr(Object *o, const char *name, Object *value) {
    return obj_setattr(o, intern_cstr(name), value);
}

/* ------------------------------------------------------------------------
 * Calls
 * ------------------------------------------------------------------------ */

Object *obj_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames) {
    VectorCallFunc f = TYPE(callable)->call;
    if (!f)
        return err_format(Exc_TypeError, "'%s' object is not callable",
                          type_name(TYPE(callable)));
    if (kwnames && tuple_size(kwnames) == 0) kwnames = NULL;
    return f(callable, args, nargs, kwnames);
}

Object *obj_call0(Object *callable) { return obj_call(callable, NULL, 0, NULL); }
Object *obj_call1(Object *callable, Object *a) { return obj_call(callable, &a, 1, NULL); }
Object *obj_call2(Object *callable, Object *a, Object *b) {
    Object *args[2] = {a, b};
    return obj_call(callable, args, 2, NULL);
}

Object *obj_call_tuple_dict(Object *callable, Object *args_tuple, Object *kwargs_dict) {
    size_t npos = args_tuple ? tuple_size(args_tuple) : 0;
    int64_t nkw = kwargs_dict ? dict_size(kwargs_dict) : 0;
    if (nkw <= 0)
        return obj_call(callable, npos ? tuple_items(args_tuple) : NULL, npos, NULL);
    Object *small[16];
    size_t total = npos + (size_t)nkw;
    Object **argv = total <= 16 ? small : mem_alloc(total * sizeof(Object *));
    Object *kwnames = tuple_new((size_t)nkw);
    Object *r = NULL;
    if (!kwnames) goto done;
    for (size_t i = 0; i < npos; i++) argv[i] = tuple_get(args_tuple, i);
    size_t pos = 0, k = 0;
    Object *key, *value;
    while (k < (size_t)nkw && dict_next(kwargs_dict, &pos, &key, &value)) {
        if (!STR_CHECK(key)) {
            err_set(Exc_TypeError, "keywords must be strings");
            /* fill the rest so the tuple can be freed safely */
            for (size_t j = k; j < (size_t)nkw; j++) tuple_items(kwnames)[j] = NEWREF(OBJ_NONE);
            goto done;
        }
        tuple_items(kwnames)[k] = NEWREF(key);
        argv[npos + k] = value;
        k++;
    }
    for (size_t j = k; j < (size_t)nkw; j++) tuple_items(kwnames)[j] = NEWREF(OBJ_NONE);
    if (k != (size_t)nkw) {
        err_set(Exc_RuntimeError, "dictionary changed size during iteration");
        goto done;
    }
    r = obj_call(callable, argv, total, kwnames);
done:
    XDECREF(kwnames);
    if (argv != small) mem_free(argv);
    return r;
}

Object *obj_call_method(Object *obj, const char *name, Object *const *args, size_t nargs) {
    Object *iname = intern_cstr(name);
    TypeObject *t = TYPE(obj);
    Object *small[8];
    Object *r;
    /* Plain functions and method descriptors need no bound-method object. */
    Object *f = (t->getattr == obj_generic_getattr) ? type_lookup_ref(t, iname) : NULL;
    if (f && (IS_TYPE(f, FunctionType) || IS_TYPE(f, MethodDescrType))) {
        Object **dp = obj_dict_ptr(obj);
        if (!dp || !*dp) {
            Object **argv = nargs + 1 <= 8 ? small : mem_alloc((nargs + 1) * sizeof(Object *));
            argv[0] = obj;
            for (size_t i = 0; i < nargs; i++) argv[i + 1] = args[i];
            r = obj_call(f, argv, nargs + 1, NULL);
            if (argv != small) mem_free(argv);
            DECREF(f);
            return r;
        }
    }
    XDECREF(f);
    Object *bound = obj_getattr(obj, iname);
    if (!bound) return NULL;
    r = obj_call(bound, args, nargs, NULL);
    DECREF(bound);
    return r;
}

/* ------------------------------------------------------------------------
 * Containers
 * ------------------------------------------------------------------------ */

int64_t obj_len(Object *o) {
    int64_t (*f)(Object *) = TYPE(o)->len;
    if (f) return f(o);
    err_format(Exc_TypeError, "object of type '%s' has no len()", type_name(TYPE(o)));
    return -1;
}

Object *obj_getitem(Object *o, Object *key) {
    Object *(*f)(Object *, Object *) = TYPE(o)->getitem;
    if (f) return f(o, key);
    if (IS_INSTANCE(o, TypeType)) {
        /* list[int] and friends: __class_getitem__ if the class defines it. */
        Object *cg = type_lookup((TypeObject *)o, ID(__class_getitem__));
        if (cg) {
            Object *m = obj_getattr(o, ID(__class_getitem__));
            if (!m) return NULL;
            Object *r = obj_call1(m, key);
            DECREF(m);
            return r;
        }
        /* list[int] in annotations: CPython makes a types.GenericAlias; the
         * origin class stands in for it (same behaviour when called or used
         * with isinstance-free code, different only in repr). */
        if (o == (Object *)&TypeType || o == (Object *)&ListType || o == (Object *)&DictType ||
            o == (Object *)&TupleType || o == (Object *)&SetType ||
            o == (Object *)&FrozenSetType)
            return NEWREF(o);
        return err_format(Exc_TypeError, "type '%s' is not subscriptable",
                          type_name((TypeObject *)o));
    }
    return err_format(Exc_TypeError, "'%s' object is not subscriptable", type_name(TYPE(o)));
}

int obj_setitem(Object *o, Object *key, Object *value) {
    int (*f)(Object *, Object *, Object *) = TYPE(o)->setitem;
    if (f) return f(o, key, value);
    err_format(Exc_TypeError, "'%s' object does not support item assignment",
               type_name(TYPE(o)));
    return -1;
}

int obj_delitem(Object *o, Object *key) {
    int (*f)(Object *, Object *, Object *) = TYPE(o)->setitem;
    if (f) return f(o, key, NULL);
    err_format(Exc_TypeError, "'%s' object doesn't support item deletion", type_name(TYPE(o)));
    return -1;
}

int obj_contains(Object *container, Object *item) {
    int (*f)(Object *, Object *) = TYPE(container)->contains;
    if (f) return f(container, item);
    TypeObject *t = TYPE(container);
    if (!t->iter && !t->getitem) {
        err_format(Exc_TypeError, "argument of type '%s' is not iterable", type_name(t));
        return -1;
    }
    Object *it = obj_iter(container);
    if (!it) return -1;
    int found = 0;
    for (;;) {
        Object *x = obj_next(it);
        if (!x) { if (err_occurred()) found = -1; break; }
        int eq = (x == item) ? 1 : obj_eq(x, item);
        DECREF(x);
        if (eq != 0) { found = eq; break; }
    }
    DECREF(it);
    return found;
}

Object *obj_iter(Object *o) {
    TypeObject *t = TYPE(o);
    if (t->iter) {
        Object *it = t->iter(o);
        if (it && !TYPE(it)->iternext) {
            err_format(Exc_TypeError, "iter() returned non-iterator of type '%s'",
                       type_name(TYPE(it)));
            DECREF(it);
            return NULL;
        }
        return it;
    }
    if (t->getitem && !DICT_CHECK(o)) return seqiter_new(o);
    return err_format(Exc_TypeError, "'%s' object is not iterable", type_name(t));
}

Object *obj_next(Object *it) {
    Object *(*f)(Object *) = TYPE(it)->iternext;
    if (!f)
        return err_format(Exc_TypeError, "'%s' object is not an iterator", type_name(TYPE(it)));
    /* Iterators over iterators (map of a map of ...) recurse in C here. */
    if (stack_guard_check(NULL) < 0) return NULL;
    Object *r = f(it);
    if (!r && err_occurred() && err_matches(Exc_StopIteration)) err_clear();
    return r;
}

Object *obj_to_list(Object *iterable) {
    if (IS_TYPE(iterable, ListType)) {
        /* Copy under the list's lock so a concurrent append cannot tear it. */
        OBJ_LOCK(iterable);
        Object *r = list_from_array(((ListObject *)iterable)->items, list_size(iterable));
        OBJ_UNLOCK(iterable);
        return r;
    }
    if (IS_TYPE(iterable, TupleType))
        return list_from_array(tuple_items(iterable), tuple_size(iterable));
    /* dicts, dict views and sets: a snapshot under their lock (list.c) */
    Object *snap;
    int snapped = dict_snapshot_list(iterable, &snap);
    if (snapped == 0) snapped = set_snapshot_list(iterable, &snap);
    if (snapped != 0) return snapped > 0 ? snap : NULL;
    Object *l = list_new(0);
    if (!l) return NULL;
    if (list_extend(l, iterable) < 0) { DECREF(l); return NULL; }
    return l;
}

Object *obj_to_tuple(Object *iterable) {
    if (IS_TYPE(iterable, TupleType)) return NEWREF(iterable);
    Object *l = obj_to_list(iterable);
    if (!l) return NULL;
    Object *t = list_as_tuple(l);
    DECREF(l);
    return t;
}

/* ------------------------------------------------------------------------
 * isinstance / issubclass
 * ------------------------------------------------------------------------ */

bool type_is_subtype(TypeObject *a, TypeObject *b) {
    if (a == b) return true;
    Object *mro = a->mro;
    if (mro) {
        size_t n = tuple_size(mro);
        Object **items = tuple_items(mro);
        for (size_t i = 1; i < n; i++)
            if (items[i] == (Object *)b) return true;
        return false;
    }
    for (TypeObject *t = a->base; t; t = t->base)
        if (t == b) return true;
    return b == &ObjectType;
}

static bool is_type(Object *o) { return IS_INSTANCE(o, TypeType); }

static int isinstance_plain(Object *o, TypeObject *cls) {
    if (type_is_subtype(TYPE(o), cls)) return 1;
    /* An object may claim another class through __class__ (proxies, mocks);
     * skip the lookup when __class__ is object's own descriptor. */
    TypeObject *t = TYPE(o);
    if ((t->getattr == obj_generic_getattr || !(t->flags & TPFLAG_HEAPTYPE)) &&
        type_lookup(t, ID(__class__)) == type_lookup(&ObjectType, ID(__class__)))
        return 0;
    Object *c = obj_lookup_attr(o, ID(__class__));
    if (!c) return err_occurred() ? -1 : 0;
    int r = (c != (Object *)TYPE(o) && is_type(c)) ? type_is_subtype((TypeObject *)c, cls) : 0;
    DECREF(c);
    return r;
}

static int instancecheck(Object *o, Object *cls) {
    if (TYPE(o) == (TypeObject *)cls) return 1;
    if (IS_TYPE(cls, TypeType)) return isinstance_plain(o, (TypeObject *)cls);
    if (TUPLE_CHECK(cls)) {
        if (obj_enter_recursion(" in __instancecheck__")) return -1;
        int r = 0;
        for (size_t i = 0; i < tuple_size(cls) && r == 0; i++)
            r = instancecheck(o, tuple_get(cls, i));
        obj_leave_recursion();
        return r;
    }
    Object *hook = type_lookup_ref(TYPE(cls), ID(__instancecheck__));
    if (hook && !descr_is_slotwrapper(hook) && !IS_TYPE(hook, MethodDescrType)) {
        Object *argv[2] = {cls, o};
        Object *get_bound = NULL;
        Object *r;
        if (IS_TYPE(hook, FunctionType)) {
            r = obj_call(hook, argv, 2, NULL);
        } else {
            get_bound = obj_getattr(cls, ID(__instancecheck__));
            r = get_bound ? obj_call1(get_bound, o) : NULL;
        }
        XDECREF(get_bound);
        DECREF(hook);
        if (!r) return -1;
        int t = obj_is_true(r);
        DECREF(r);
        return t;
    }
    XDECREF(hook);
    if (is_type(cls)) return isinstance_plain(o, (TypeObject *)cls);
    err_set(Exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int obj_isinstance(Object *o, Object *cls) {
    if (TYPE(o) == (TypeObject *)cls) return 1;
    return instancecheck(o, cls);
}

static int subclasscheck(Object *derived, Object *cls) {
    if (IS_TYPE(cls, TypeType) || (is_type(cls) && !TUPLE_CHECK(cls) &&
                                   !type_lookup(TYPE(cls), ID(__subclasscheck__)))) {
        if (!is_type(derived)) {
            err_set(Exc_TypeError, "issubclass() arg 1 must be a class");
            return -1;
        }
        return type_is_subtype((TypeObject *)derived, (TypeObject *)cls);
    }
    if (TUPLE_CHECK(cls)) {
        if (obj_enter_recursion(" in __subclasscheck__")) return -1;
        int r = 0;
        for (size_t i = 0; i < tuple_size(cls) && r == 0; i++)
            r = subclasscheck(derived, tuple_get(cls, i));
        obj_leave_recursion();
        return r;
    }
    Object *hook = type_lookup_ref(TYPE(cls), ID(__subclasscheck__));
    bool custom = hook && !descr_is_slotwrapper(hook) && !IS_TYPE(hook, MethodDescrType);
    XDECREF(hook);
    if (custom) {
        Object *m = obj_getattr(cls, ID(__subclasscheck__));
        if (!m) return -1;
        Object *r = obj_call1(m, derived);
        DECREF(m);
        if (!r) return -1;
        int t = obj_is_true(r);
        DECREF(r);
        return t;
    }
    if (!is_type(cls)) {
        err_set(Exc_TypeError,
                "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    if (!is_type(derived)) {
        err_set(Exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    return type_is_subtype((TypeObject *)derived, (TypeObject *)cls);
}

int obj_issubclass(Object *derived, Object *cls) {
    if (derived == cls && is_type(cls)) return 1;
    return subclasscheck(derived, cls);
}

/* ------------------------------------------------------------------------
 * format, dir
 * ------------------------------------------------------------------------ */

/* type(o).name(o, *args): special methods are looked up on the type, so
 * dir(cls) finds type.__dir__ rather than the class's own __dir__. */
static Object *call_special_method(Object *o, Object *name, Object *const *args, size_t nargs) {
    Object *f = type_lookup_ref(TYPE(o), name);
    if (!f)
        return err_format(Exc_AttributeError, "'%s' object has no attribute '%U'",
                          type_name(TYPE(o)), name);
    Object *r;
    if (TYPE(f)->descr_get) {
        Object *bound = TYPE(f)->descr_get(f, o, (Object *)TYPE(o));
        r = bound ? obj_call(bound, args, nargs, NULL) : NULL;
        XDECREF(bound);
    } else {
        r = obj_call(f, args, nargs, NULL);
    }
    DECREF(f);
    return r;
}

Object *obj_format(Object *o, Object *spec) {
    bool empty = !spec || str_size(spec) == 0;
    /* The builtin scalars format themselves without a method call. */
    if (IS_TYPE(o, StrType) || IS_TYPE(o, IntType) || IS_TYPE(o, FloatType)) {
        if (empty) return obj_str(o);
        return str_format_spec(o, spec);
    }
    Object *specobj = spec ? NEWREF(spec) : str_from_cstr("");
    if (!specobj) return NULL;
    Object *argv[1] = {specobj};
    Object *r = call_special_method(o, ID(__format__), argv, 1);
    DECREF(specobj);
    if (r && !STR_CHECK(r)) {
        err_format(Exc_TypeError, "__format__ must return a str, not %s", type_name(TYPE(r)));
        DECREF(r);
        return NULL;
    }
    return r;
}

Object *obj_dir(Object *o) {
    Object *r = call_special_method(o, ID(__dir__), NULL, 0);
    if (!r) return NULL;
    Object *l = obj_to_list(r);
    DECREF(r);
    if (!l) return NULL;
    if (list_sort(l, NULL, false) < 0) { DECREF(l); return NULL; }
    return l;
}
