/* object.h — gilt's object model: the header every object starts with, the
 * type object and its slots, and the generic operations (object.c) that the
 * VM and every builtin use.
 *
 * Conventions (they hold everywhere in the runtime):
 *  - A function returning Object* returns a NEW reference, or NULL with an
 *    exception set (errors.h). Functions returning int return 0/1 for
 *    false/true or success and -1 with an exception set. Exceptions to this
 *    rule say "borrowed" in their comment.
 *  - Arguments are borrowed: a callee that keeps one INCREFs it.
 *  - Calls use a vector convention: args[0..nargs) positional, then the
 *    values of keyword arguments whose names are in the tuple kwnames
 *    (kwnames may be NULL). So len(args array) == nargs + len(kwnames).
 *  - Slots that a type does not support are NULL; object.c turns a NULL slot
 *    into the TypeError Python would raise.
 */
#ifndef GILT_OBJECT_H
#define GILT_OBJECT_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include "refcount.h"

typedef struct Object { OBJECT_HEAD } Object;
typedef struct TypeObject TypeObject;

#define TYPE(o) (((Object *)(o))->ob_type)

/* Binary operators. The in-place forms are the plain form + BINOP_INPLACE. */
typedef enum {
    BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_MATMUL, BINOP_TRUEDIV,
    BINOP_FLOORDIV, BINOP_MOD, BINOP_POW, BINOP_LSHIFT, BINOP_RSHIFT,
    BINOP_AND, BINOP_OR, BINOP_XOR,
    BINOP_COUNT_,
    BINOP_INPLACE = 16,
} BinOp;

/* Unary operators and the conversions that behave like them. */
typedef enum {
    UNOP_NEG, UNOP_POS, UNOP_INVERT, UNOP_ABS,
    UNOP_INT,    /* __int__   */
    UNOP_FLOAT,  /* __float__ */
    UNOP_INDEX,  /* __index__ */
    UNOP_COUNT_
} UnaryOp;

typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CompareOp;

/* The vector calling convention (see the header comment). */
typedef Object *(*VectorCallFunc)(Object *callable, Object *const *args,
                                  size_t nargs, Object *kwnames);
/* A C function exposed to gilt: self is the bound object (or module, or
 * NULL for a plain function). */
typedef Object *(*CFunction)(Object *self, Object *const *args, size_t nargs,
                             Object *kwnames);

enum {
    METH_DEFAULT = 0,
    METH_STATIC = 1,   /* no self                      */
    METH_CLASS = 2,    /* self is the class            */
};

typedef struct MethodDef {
    const char *name;
    CFunction func;
    int flags;
    const char *doc;
} MethodDef;

typedef enum {
    MEMBER_OBJECT,     /* Object* (None when NULL)     */
    MEMBER_OBJECT_EX,  /* Object*, AttributeError when NULL */
    MEMBER_INT64, MEMBER_DOUBLE, MEMBER_BOOL,
} MemberKind;

typedef struct MemberDef {
    const char *name;
    MemberKind kind;
    size_t offset;
    bool readonly;
    const char *doc;
} MemberDef;

typedef Object *(*Getter)(Object *self, void *closure);
typedef int (*Setter)(Object *self, Object *value, void *closure); /* value NULL: delete */

typedef struct GetSetDef {
    const char *name;
    Getter get;
    Setter set;
    const char *doc;
    void *closure;
} GetSetDef;

/* Type flags. */
enum {
    TPFLAG_BASETYPE    = 1u << 0,  /* may be subclassed                       */
    TPFLAG_HEAPTYPE    = 1u << 1,  /* created by a class statement / type()   */
    TPFLAG_READY       = 1u << 2,  /* type_ready has run                      */
    TPFLAG_INT_SUBCLASS   = 1u << 8,   /* fast isinstance checks, inherited   */
    TPFLAG_STR_SUBCLASS   = 1u << 9,
    TPFLAG_TUPLE_SUBCLASS = 1u << 10,
    TPFLAG_LIST_SUBCLASS  = 1u << 11,
    TPFLAG_DICT_SUBCLASS  = 1u << 12,
    TPFLAG_TYPE_SUBCLASS  = 1u << 13,
    TPFLAG_EXC_SUBCLASS   = 1u << 14,  /* BaseException and its subclasses    */
    TPFLAG_BYTES_SUBCLASS = 1u << 15,
    TPFLAG_IS_ABSTRACT    = 1u << 16,
};

struct TypeObject {
    OBJECT_HEAD
    const char *name;          /* tp_name: "int", "collections.deque", ... */
    size_t basicsize;          /* instance size in bytes                    */
    size_t itemsize;           /* per-item size for variable-size objects   */
    uint32_t flags;
    uint32_t version;          /* changes when the type or a base changes; 0 = uncacheable */
    TypeObject *base;          /* the solid base (tp_base)                  */
    Object *bases;             /* tuple                                     */
    Object *mro;               /* tuple                                     */
    Object *dict;              /* the type's namespace (dict)               */
    Object *subclasses;        /* list of subclasses (for version changes)  */
    Object *name_obj;          /* __name__ (str)                            */
    Object *qualname;          /* __qualname__ (str)                        */
    size_t dictoffset;         /* offset of the instance __dict__ slot, 0 if none */
    const char *doc;

    /* lifetime */
    void (*dealloc)(Object *self);                 /* frees the object      */
    Object *(*new_)(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames);
    int (*init)(Object *self, Object *const *args, size_t nargs, Object *kwnames);

    /* basic protocol */
    Object *(*repr)(Object *self);
    Object *(*str)(Object *self);
    int64_t (*hash)(Object *self);                 /* -1 = error            */
    Object *(*richcompare)(Object *a, Object *b, CompareOp op); /* may return NotImplemented */
    Object *(*getattr)(Object *self, Object *name);  /* name is a str       */
    int (*setattr)(Object *self, Object *name, Object *value); /* NULL value: delete */
    VectorCallFunc call;
    int (*bool_)(Object *self);                    /* 0/1, -1 error         */

    /* numbers: a and b in either order; NotImplemented if unsupported */
    Object *(*binop)(Object *a, Object *b, BinOp op);
    Object *(*unaryop)(Object *self, UnaryOp op);

    /* containers */
    int64_t (*len)(Object *self);                  /* -1 = error            */
    Object *(*getitem)(Object *self, Object *key);
    int (*setitem)(Object *self, Object *key, Object *value); /* NULL value: delete */
    int (*contains)(Object *self, Object *item);   /* 0/1, -1 error         */
    Object *(*iter)(Object *self);
    Object *(*iternext)(Object *self);  /* NULL w/o exception = exhausted     */

    /* descriptors */
    Object *(*descr_get)(Object *descr, Object *obj, Object *type); /* obj may be NULL */
    int (*descr_set)(Object *descr, Object *obj, Object *value);    /* NULL value: delete */

    /* reserved for the cycle collector: visit each Object* the object owns */
    int (*traverse)(Object *self, int (*visit)(Object *, void *), void *arg);

    /* static description, turned into dict entries by type_ready */
    const MethodDef *methods;   /* NULL-name terminated */
    const MemberDef *members;
    const GetSetDef *getsets;
};

/* Immortal singletons (object.c). */
extern Object NoneObject, NotImplementedObject, EllipsisObject;
#define OBJ_NONE (&NoneObject)
#define OBJ_NOTIMPL (&NotImplementedObject)
#define OBJ_ELLIPSIS (&EllipsisObject)
#define RETURN_NONE return NEWREF(OBJ_NONE)

/* The core types. Each is defined (static, immortal) in its own file. */
extern TypeObject TypeType, ObjectType, NoneTypeType, NotImplementedTypeType,
    EllipsisTypeType, IntType, BoolType, FloatType, StrType, BytesType,
    ByteArrayType, TupleType, ListType, DictType, SetType, FrozenSetType,
    RangeType, SliceType, ModuleType, CFunctionType, MethodDescrType,
    MemberDescrType, GetSetDescrType, SlotWrapperType, PropertyType,
    StaticMethodType, ClassMethodType, SuperType;

/* ---- allocation (object.c; mimalloc, per-thread heap in the FT build) ---- */

/* Allocate `size` bytes for an object of `type` with its header set up
 * (count 1, owned by this thread). Other bytes are zeroed. */
Object *obj_alloc(TypeObject *type, size_t size);
/* obj_alloc for an object of a static type whose last `tail` bytes the
 * caller fills at once (a str's or bytes' data): only the bytes before
 * them are zeroed. Zeroing a 10 kB str that is about to be copied into
 * doubled the cost of building it. */
Object *obj_alloc_unzeroed_tail(TypeObject *type, size_t size, size_t tail);
/* Allocate an instance of `type` (basicsize + nitems*itemsize), zeroed;
 * heap types get a NULL __dict__ slot. */
Object *obj_new_instance(TypeObject *type, size_t nitems);
void obj_free(void *p);                 /* free an object's memory          */
void *mem_alloc(size_t n);              /* plain memory; aborts on OOM      */
void *mem_calloc(size_t count, size_t size);
void *mem_realloc(void *p, size_t n);
void mem_free(void *p);
/* Same, but for sizes the program chose: MemoryError and NULL on failure
 * (the block, if any, stays valid when a realloc fails). */
void *mem_alloc_or_raise(size_t n);
void *mem_calloc_or_raise(size_t count, size_t size);
void *mem_realloc_or_raise(void *p, size_t n);
/* 0 if count * size bytes could be allocated on this machine at all, else
 * MemoryError and -1: the check for sizes a program asks for ([0] * n). */
int mem_check_size(size_t count, size_t size);

/* ---- generic operations (object.c) ---- */

Object *obj_repr(Object *o);
Object *obj_str(Object *o);
Object *obj_ascii(Object *o);
int64_t obj_hash(Object *o);                              /* -1 = error */
Object *obj_richcompare(Object *a, Object *b, CompareOp op);
int obj_richcompare_bool(Object *a, Object *b, CompareOp op); /* identity shortcut for EQ/NE */
int obj_eq(Object *a, Object *b);                        /* == as a C bool, -1 error */
int obj_is_true(Object *o);                              /* truth, -1 error */
Object *obj_binop(Object *a, Object *b, BinOp op);       /* both operands tried, in-place fallback */
Object *obj_unaryop(Object *o, UnaryOp op);
Object *obj_getattr(Object *o, Object *name);            /* name: str */
Object *obj_getattr_cstr(Object *o, const char *name);
/* Like obj_getattr, but a missing attribute returns NULL with no exception. */
Object *obj_lookup_attr(Object *o, Object *name);
int obj_setattr(Object *o, Object *name, Object *value); /* value NULL: delete */
int obj_setattr_cstr(Object *o, const char *name, Object *value);
int obj_hasattr_cstr(Object *o, const char *name);
Object *obj_generic_getattr(Object *o, Object *name);    /* object.__getattribute__ */
int obj_generic_setattr(Object *o, Object *name, Object *value);
Object *obj_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames);
Object *obj_call0(Object *callable);
Object *obj_call1(Object *callable, Object *a);
Object *obj_call2(Object *callable, Object *a, Object *b);
/* Call with a tuple of positional args and an optional dict of keywords. */
Object *obj_call_tuple_dict(Object *callable, Object *args_tuple, Object *kwargs_dict);
/* obj.name(*args), with the method looked up without binding when possible. */
Object *obj_call_method(Object *obj, const char *name, Object *const *args, size_t nargs);
int64_t obj_len(Object *o);                              /* -1 error */
Object *obj_getitem(Object *o, Object *key);
int obj_setitem(Object *o, Object *key, Object *value);
int obj_delitem(Object *o, Object *key);
int obj_contains(Object *container, Object *item);       /* `in`, -1 error */
Object *obj_iter(Object *o);                             /* iter(o) */
/* next(it): a new reference, or NULL. NULL without an exception set means the
 * iterator is exhausted (StopIteration is swallowed). */
Object *obj_next(Object *it);
int obj_isinstance(Object *o, Object *cls);              /* honours tuples, __instancecheck__ */
int obj_issubclass(Object *derived, Object *cls);
bool type_is_subtype(TypeObject *a, TypeObject *b);      /* by MRO, no hooks */
Object *obj_format(Object *o, Object *spec);             /* format(o, spec) */
/* Convert an int-like object (int or __index__) to int64_t; -1 with error set
 * on failure (check err_occurred) — OverflowError if it does not fit. */
int64_t obj_as_index(Object *o);
Object *obj_index(Object *o);                            /* operator.index(o) */
Object *obj_dir(Object *o);
const char *type_name(TypeObject *t);                    /* short name, borrowed */
/* The first `n` items of an iterable into a new list; n = -1 for all. */
Object *obj_to_list(Object *iterable);
Object *obj_to_tuple(Object *iterable);
/* C-level recursion guard for code that recurses through arbitrary objects
 * (repr, comparison, isinstance): -1 with RecursionError "maximum recursion
 * depth exceeded<where>" when too deep; pair each 0 with obj_leave_recursion. */
int obj_enter_recursion(const char *where);
void obj_leave_recursion(void);
/* Address of o's instance __dict__ pointer (may hold NULL), or NULL if o's
 * type has none. Use this rather than reading dictoffset directly. */
Object **obj_dict_ptr(Object *o);
/* The dict at *dp (from obj_dict_ptr), created on first use: a new
 * reference, or NULL on memory error. Safe against a racing creator. */
Object *obj_instance_dict_ref(Object **dp);

#define IS_TYPE(o, t) (TYPE(o) == &(t))
#define IS_INSTANCE(o, t) (TYPE(o) == &(t) || type_is_subtype(TYPE(o), &(t)))
#define HAS_FLAG(o, f) ((TYPE(o)->flags & (f)) != 0)

/* ---- types (typeobject.c) ---- */

/* Fill in a static type: inherit slots from base, build dict from
 * methods/members/getsets, compute mro. Idempotent. 0 / -1. */
int type_ready(TypeObject *t);
/* Find an attribute along the MRO without descriptors; borrowed, NULL if absent. */
Object *type_lookup(TypeObject *t, Object *name);
Object *type_lookup_cstr(TypeObject *t, const char *name);
/* The same as a new reference (NULL if absent, no error set). Use these
 * whenever the value is used, not only tested for presence or identity: in
 * the free-threaded build another thread may rebind the class attribute and
 * free a borrowed value before the caller's INCREF. */
Object *type_lookup_ref(TypeObject *t, Object *name);
Object *type_lookup_cstr_ref(TypeObject *t, const char *name);
/* type(name, bases, dict) */
Object *type_new_class(TypeObject *meta, Object *name, Object *bases, Object *dict,
                       Object *kwnames_for_init_subclass, Object *const *kwvalues);
/* Invalidate caches: bump t's version and its subclasses' (on class attr writes). */
void type_modified(TypeObject *t);
/* Ready every core type (base classes first); called once at start-up. */
int types_init(void);
/* Interned str for a C string, immortal; borrowed. Fast for identifiers. */
Object *intern_cstr(const char *s);

/* ---- modules (module.c) ---- */
typedef struct ModuleObject {
    OBJECT_HEAD
    Object *dict;
    Object *name;
} ModuleObject;
Object *module_new(const char *name);
Object *module_dict(Object *m);                         /* borrowed */
int module_add(Object *m, const char *name, Object *value); /* steals nothing */
int module_add_methods(Object *m, const MethodDef *methods);
/* At exit: set the module's globals to None (CPython's order), running the
 * __del__ of what only they kept alive. */
void module_clear_dict(Object *module);

/* ---- C functions (cfunction.c) ---- */
Object *cfunction_new(const MethodDef *def, Object *self);

/* ---- argument helpers (args.c) ---- */
/* Bind args/kwnames to the names in kwlist (NULL-terminated); the first
 * `nrequired` are required, the others are left NULL in out[] when absent.
 * Names starting with '$' are keyword-only, with '/' prefix positional-only
 * (the prefix is not part of the name). Borrowed refs in out. 0 / -1. */
int arg_bind(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
             const char *const *kwlist, size_t nrequired, Object **out);
/* TypeError unless kwnames is NULL or empty. */
int arg_no_kw(const char *fname, Object *kwnames);
/* TypeError unless min <= nargs <= max. */
int arg_count(const char *fname, size_t nargs, size_t min, size_t max);
/* arg_count with the messages of CPython's PyArg_ParseTuple ("find() takes
 * at least 1 argument (0 given)"), which the find, index, count,
 * startswith and endswith methods of str and bytes still have there. */
int arg_count_parsetuple(const char *fname, size_t nargs, size_t min, size_t max);

#include "errors.h"

#endif
