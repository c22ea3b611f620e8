/* cfunction.c — builtin functions and bound builtin methods.
 *
 * A CFunction pairs a static MethodDef with the object it is bound to (an
 * instance for `[].append`, the module for `len`, the class for
 * classmethods, NULL for static functions). Calling one goes straight to
 * the C function with the vector convention: no allocation, no argument
 * tuple, which keeps builtin calls cheap.
 */
#include "objimpl.h"

Object *cfunction_new(const MethodDef *def, Object *self) {
    CFunctionObject *f = (CFunctionObject *)obj_alloc(&CFunctionType, sizeof *f);
    f->def = def;
    f->self = XNEWREF(self);
    return (Object *)f;
}

static void cfunction_dealloc(Object *o) {
    CFunctionObject *f = (CFunctionObject *)o;
    XDECREF(f->self);
    obj_free(o);
}

static Object *cfunction_call(Object *callable, Object *const *args, size_t nargs,
                              Object *kwnames) {
    CFunctionObject *f = (CFunctionObject *)callable;
    return f->def->func(f->self, args, nargs, kwnames);
}

/* Functions of a module (and static ones) print as "built-in function". */
static bool is_plain_function(CFunctionObject *f) {
    return !f->self || IS_INSTANCE(f->self, ModuleType);
}

static Object *cfunction_repr(Object *o) {
    CFunctionObject *f = (CFunctionObject *)o;
    if (is_plain_function(f)) return str_format("<built-in function %s>", f->def->name);
    return str_format("<built-in method %s of %s object at %p>", f->def->name,
                      type_name(TYPE(f->self)), (void *)f->self);
}

static Object *cfunction_richcompare(Object *a, Object *b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || !IS_TYPE(b, CFunctionType)) return NEWREF(OBJ_NOTIMPL);
    CFunctionObject *x = (CFunctionObject *)a, *y = (CFunctionObject *)b;
    bool eq = x->def == y->def && x->self == y->self;
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static int64_t cfunction_hash(Object *o) {
    CFunctionObject *f = (CFunctionObject *)o;
    uint64_t h = (uint64_t)(uintptr_t)f->def * 1000003u ^ (uint64_t)(uintptr_t)f->self;
    int64_t r = (int64_t)(h >> 1);
    return r == -1 ? -2 : r;
}

static Object *cfunction_get_name(Object *o, void *c) {
    return str_from_cstr(((CFunctionObject *)o)->def->name);
}

static Object *cfunction_get_qualname(Object *o, void *c) {
    CFunctionObject *f = (CFunctionObject *)o;
    if (is_plain_function(f)) return str_from_cstr(f->def->name);
    TypeObject *t = IS_INSTANCE(f->self, TypeType) ? (TypeObject *)f->self : TYPE(f->self);
    return str_format("%s.%s", type_name(t), f->def->name);
}

static Object *cfunction_get_self(Object *o, void *c) {
    CFunctionObject *f = (CFunctionObject *)o;
    return NEWREF(f->self ? f->self : OBJ_NONE);
}

static Object *cfunction_get_doc(Object *o, void *c) {
    CFunctionObject *f = (CFunctionObject *)o;
    if (!f->def->doc) RETURN_NONE;
    return str_from_cstr(f->def->doc);
}

static Object *cfunction_get_module(Object *o, void *c) {
    CFunctionObject *f = (CFunctionObject *)o;
    if (f->self && IS_INSTANCE(f->self, ModuleType)) {
        Object *n = ((ModuleObject *)f->self)->name;
        if (n) return NEWREF(n);
    }
    RETURN_NONE;
}

static const GetSetDef cfunction_getsets[] = {
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunction_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {"__doc__", cfunction_get_doc, NULL, NULL, NULL},
    {"__module__", cfunction_get_module, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject CFunctionType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "builtin_function_or_method",
    .basicsize = sizeof(CFunctionObject),
    .dealloc = cfunction_dealloc,
    .repr = cfunction_repr,
    .hash = cfunction_hash,
    .richcompare = cfunction_richcompare,
    .call = cfunction_call,
    .getsets = cfunction_getsets,
};
