/* objimpl.h — internals shared by the object-model files (object.c,
 * typeobject.c, descr.c, super.c, cfunction.c, module.c). Not part of the
 * public contract: other modules use object.h.
 *
 * What lives here:
 *  - ID(name): the interned str for an identifier, looked up once per call
 *    site and then read from a static (interned strings are immortal).
 *  - the private type flag for classes whose instance __dict__ cannot sit at
 *    a fixed offset (subclasses of variable-size builtins such as tuple and
 *    str): their dict pointer lives in the last word of the allocation.
 *  - constructors for the descriptor objects type_ready puts in type dicts.
 */
#ifndef GILT_OBJIMPL_H
#define GILT_OBJIMPL_H

#include "gilt.h"

/* The interned str for an identifier; cached per call site. Safe to race:
 * every thread computes the same immortal pointer. */
#define ID(name)                                                            \
    ({                                                                      \
        static Object *id_cache_;                                           \
        Object *id_v_ = __atomic_load_n(&id_cache_, __ATOMIC_RELAXED);      \
        if (!id_v_) {                                                       \
            id_v_ = intern_cstr(#name);                                     \
            __atomic_store_n(&id_cache_, id_v_, __ATOMIC_RELAXED);          \
        }                                                                   \
        id_v_;                                                              \
    })

/* Heap class derived from a variable-size builtin: the instance dict is the
 * last pointer-sized word of the object's memory block (dictoffset is 0 so
 * code that reads dictoffset directly simply sees "no fixed dict"). */
#define TPFLAG_VAR_DICT (1u << 24)
/* Heap class whose MRO defines __del__ (kept by type_fixup_slots). */
#define TPFLAG_HAS_DEL (1u << 25)
/* ob_gc_bits: __del__ has run for this object (it runs at most once, as
 * PEP 442 has it, even if the object is resurrected). */
#define GCBIT_FINALIZED 1u

/* The kinds of slot wrapper (descr.c): which slot a dunder calls. */
typedef enum {
    SW_REPR, SW_STR, SW_HASH, SW_RICHCMP, SW_GETATTRIBUTE, SW_SETATTR,
    SW_DELATTR, SW_CALL, SW_BOOL, SW_BINOP, SW_RBINOP, SW_IBINOP, SW_UNARY,
    SW_LEN, SW_GETITEM, SW_SETITEM, SW_DELITEM, SW_CONTAINS, SW_ITER,
    SW_NEXT, SW_GET, SW_SET, SW_DELETE, SW_INIT,
} SlotKind;

/* A wrapper descriptor: int.__add__, object.__init__, ... (descr.c). */
typedef struct SlotWrapperObject {
    OBJECT_HEAD
    TypeObject *type;       /* the type whose C slot it calls */
    Object *name;           /* interned dunder name */
    SlotKind kind;
    int op;                 /* BinOp / UnaryOp / CompareOp for those kinds */
} SlotWrapperObject;

/* A method descriptor: list.append (descr.c). */
typedef struct MethodDescrObject {
    OBJECT_HEAD
    TypeObject *type;
    Object *name;
    const MethodDef *def;
} MethodDescrObject;

/* A builtin function or bound builtin method (cfunction.c). */
typedef struct CFunctionObject {
    OBJECT_HEAD
    const MethodDef *def;
    Object *self;           /* bound object, module, or NULL */
} CFunctionObject;

/* The MethodDef behind every builtin type's __new__ (typeobject.c). */
extern const MethodDef type_new_wrapper_def;

/* descr.c */
Object *slotwrapper_new(TypeObject *type, const char *name, SlotKind kind, int op);
Object *methoddescr_new(TypeObject *type, const MethodDef *def);
Object *memberdescr_new(TypeObject *type, const MemberDef *def);
Object *getsetdescr_new(TypeObject *type, const GetSetDef *def);
Object *staticmethod_new(Object *callable);
Object *classmethod_new(Object *callable);
bool descr_is_slotwrapper(Object *o);

/* typeobject.c */
/* Recompute the slot functions of a heap type (and its subclasses) from its
 * dunder methods, after class creation or a class attribute assignment. */
void type_fixup_slots(TypeObject *t);
Object *object_generic_new(TypeObject *type, Object *const *args, size_t nargs,
                           Object *kwnames);
/* The static (non-heap) type whose layout a heap type extends. */
TypeObject *type_static_base(TypeObject *t);
/* typeslots.c: the __new__ dispatcher of classes that define __new__. */
Object *slot_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames);

/* object.c */
Object *obj_default_repr(Object *o);   /* <mod.Name object at 0x...> */

#endif
