/* function.c — function objects, bound methods and cells.
 *
 * A function pairs a code object with the globals it runs in, plus its
 * defaults, keyword-only defaults and closure. Calling one runs the eval
 * loop (eval_call_function); the eval loop itself calls functions without
 * going through here when it can (see CALL in eval.c).
 *
 * Functions are descriptors: looked up through an instance they bind into a
 * MethodObject (func, self). Calling a bound method prepends self.
 * Cells are the shared boxes behind closures (LOAD_DEREF / STORE_DEREF).
 */
#include <string.h>
#include "gilt.h"
#include "frame.h"


/* ---- functions ----------------------------------------------------------- */

Object *function_new(Object *code, Object *globals, Object *qualname) {
    CodeObject *co = (CodeObject *)code;
    FunctionObject *fn = (FunctionObject *)obj_alloc(&FunctionType, sizeof(FunctionObject));
    if (!fn) return NULL;
    fn->code = NEWREF(code);
    fn->globals = NEWREF(globals);
    /* builtins come from globals['__builtins__'] when present (a module or a
     * dict), else the interpreter's builtins */
    Object *b = dict_get_cstr(globals, "__builtins__");
    if (b && IS_INSTANCE(b, ModuleType)) {
        Object *d = NEWREF(module_dict(b));
        DECREF(b);
        b = d;
    }
    if (!b || !DICT_CHECK(b)) {
        XDECREF(b);
        b = NEWREF(ts_current()->interp->builtins);
    }
    fn->builtins = b;
    fn->name = NEWREF(co->name);
    fn->qualname = NEWREF(qualname ? qualname : co->qualname);
    fn->doc = co->docstring ? NEWREF(co->docstring) : NEWREF(OBJ_NONE);
    fn->module = dict_get_cstr(globals, "__name__");
    if (!fn->module) fn->module = NEWREF(OBJ_NONE);
    fn->vectorcall = eval_call_function;
    return (Object *)fn;
}

static void function_dealloc(Object *self) {
    FunctionObject *fn = (FunctionObject *)self;
    XDECREF(fn->code);
    XDECREF(fn->globals);
    XDECREF(fn->builtins);
    XDECREF(fn->name);
    XDECREF(fn->qualname);
    XDECREF(fn->defaults);
    XDECREF(fn->kwdefaults);
    XDECREF(fn->closure);
    XDECREF(fn->doc);
    XDECREF(fn->dict);
    XDECREF(fn->module);
    XDECREF(fn->annotations);
    obj_free(self);
}

static Object *function_repr(Object *self) {
    return str_format("<function %U at %p>", ((FunctionObject *)self)->qualname, self);
}

static Object *function_descr_get(Object *self, Object *obj, Object *type) {
    if (!obj || obj == OBJ_NONE) return NEWREF(self);
    return method_new(self, obj);
}

static Object *function_get_name(Object *self, void *c) {
    FunctionObject *fn = (FunctionObject *)self;
    return NEWREF(c ? fn->qualname : fn->name);
}
static int function_set_name(Object *self, Object *value, void *c) {
    FunctionObject *fn = (FunctionObject *)self;
    if (!value || !STR_CHECK(value)) {
        err_format(Exc_TypeError, "__%s__ must be set to a string object",
                   c ? "qualname" : "name");
        return -1;
    }
    INCREF(value);
    if (c) SETREF(fn->qualname, value);
    else SETREF(fn->name, value);
    return 0;
}

static Object *function_get_defaults(Object *self, void *c) {
    FunctionObject *fn = (FunctionObject *)self;
    Object *v = c ? fn->kwdefaults : fn->defaults;
    return NEWREF(v ? v : OBJ_NONE);
}
static int function_set_defaults(Object *self, Object *value, void *c) {
    FunctionObject *fn = (FunctionObject *)self;
    if (value == OBJ_NONE) value = NULL;
    if (value && (c ? !DICT_CHECK(value) : !TUPLE_CHECK(value))) {
        err_format(Exc_TypeError, c ? "__kwdefaults__ must be set to a dict object"
                                    : "__defaults__ must be set to a tuple object");
        return -1;
    }
    XINCREF(value);
    if (c) SETREF(fn->kwdefaults, value);
    else SETREF(fn->defaults, value);
    return 0;
}

static Object *function_get_code(Object *self, void *c) {
    return NEWREF(((FunctionObject *)self)->code);
}
static int function_set_code(Object *self, Object *value, void *c) {
    FunctionObject *fn = (FunctionObject *)self;
    if (!value || !IS_TYPE(value, CodeType)) {
        err_set(Exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    uint32_t nfree = ((CodeObject *)value)->nfreevars;
    uint32_t have = fn->closure ? (uint32_t)tuple_size(fn->closure) : 0;
    if (nfree != have) {
        err_format(Exc_ValueError, "%U() requires a code object with %u free vars, not %u",
                   fn->name, have, nfree);
        return -1;
    }
    SETREF(fn->code, NEWREF(value));
    return 0;
}

static Object *function_get_annotations(Object *self, void *c) {
    FunctionObject *fn = (FunctionObject *)self;
    if (!fn->annotations) {
        fn->annotations = dict_new();
        if (!fn->annotations) return NULL;
    }
    return NEWREF(fn->annotations);
}
static int function_set_annotations(Object *self, Object *value, void *c) {
    FunctionObject *fn = (FunctionObject *)self;
    if (value == OBJ_NONE) value = NULL;
    if (value && !DICT_CHECK(value)) {
        err_set(Exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    XINCREF(value);
    SETREF(fn->annotations, value);
    return 0;
}

static Object *function_get_closure(Object *self, void *c) {
    FunctionObject *fn = (FunctionObject *)self;
    return NEWREF(fn->closure ? fn->closure : OBJ_NONE);
}

static const GetSetDef function_getsets[] = {
    {"__name__", function_get_name, function_set_name, NULL, NULL},
    {"__qualname__", function_get_name, function_set_name, NULL, (void *)1},
    {"__defaults__", function_get_defaults, function_set_defaults, NULL, NULL},
    {"__kwdefaults__", function_get_defaults, function_set_defaults, NULL, (void *)1},
    {"__code__", function_get_code, function_set_code, NULL, NULL},
    {"__annotations__", function_get_annotations, function_set_annotations, NULL, NULL},
    {"__closure__", function_get_closure, NULL, NULL, NULL},
    {NULL},
};

static const MemberDef function_members[] = {
    {"__doc__", MEMBER_OBJECT, offsetof(FunctionObject, doc), false, NULL},
    {"__module__", MEMBER_OBJECT, offsetof(FunctionObject, module), false, NULL},
    {"__globals__", MEMBER_OBJECT, offsetof(FunctionObject, globals), true, NULL},
    {"__builtins__", MEMBER_OBJECT, offsetof(FunctionObject, builtins), true, NULL},
    {NULL},
};

static int function_traverse(Object *self, int (*visit)(Object *, void *), void *arg) {
    FunctionObject *fn = (FunctionObject *)self;
    Object *fields[] = {fn->code, fn->globals, fn->defaults, fn->kwdefaults,
                        fn->closure, fn->doc, fn->dict, fn->module, fn->annotations};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i] && visit(fields[i], arg)) return 1;
    return 0;
}

TypeObject FunctionType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "function",
    .basicsize = sizeof(FunctionObject),
    .dictoffset = offsetof(FunctionObject, dict),
    .dealloc = function_dealloc,
    .repr = function_repr,
    .call = eval_call_function,
    .getattr = obj_generic_getattr,
    .setattr = obj_generic_setattr,
    .descr_get = function_descr_get,
    .traverse = function_traverse,
    .getsets = function_getsets,
    .members = function_members,
};

/* ---- bound methods ------------------------------------------------------- */

Object *method_new(Object *func, Object *self) {
    MethodObject *m = (MethodObject *)obj_alloc(&MethodType, sizeof(MethodObject));
    if (!m) return NULL;
    m->func = NEWREF(func);
    m->self = NEWREF(self);
    return (Object *)m;
}

static void method_dealloc(Object *self) {
    MethodObject *m = (MethodObject *)self;
    XDECREF(m->func);
    XDECREF(m->self);
    obj_free(self);
}

/* Call func(self, *args): the arguments are copied behind self into a small
 * on-stack array (a heap one for long calls). */
static Object *method_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames) {
    MethodObject *m = (MethodObject *)callable;
    size_t total = nargs + (kwnames ? tuple_size(kwnames) : 0);
    Object *small[9];
    Object **buf = total + 1 <= 9 ? small : mem_alloc((total + 1) * sizeof(Object *));
    buf[0] = m->self;
    if (total) memcpy(buf + 1, args, total * sizeof(Object *));
    Object *res = IS_TYPE(m->func, FunctionType)
                      ? eval_call_function(m->func, buf, nargs + 1, kwnames)
                      : obj_call(m->func, buf, nargs + 1, kwnames);
    if (buf != small) mem_free(buf);
    return res;
}

static Object *method_repr(Object *self) {
    MethodObject *m = (MethodObject *)self;
    Object *name = obj_lookup_attr(m->func, intern_cstr("__qualname__"));
    if (!name) {
        if (err_occurred()) return NULL;
        name = obj_lookup_attr(m->func, intern_cstr("__name__"));
        if (!name && err_occurred()) return NULL;
    }
    Object *res = str_format("<bound method %S of %R>", name ? name : intern_cstr("?"), m->self);
    XDECREF(name);
    return res;
}

/* Attributes the method does not have itself come from its function
 * (m.__name__, m.__doc__, ...). */
static Object *method_getattr(Object *self, Object *name) {
    Object *v = obj_generic_getattr(self, name);
    if (v || !err_matches(Exc_AttributeError)) return v;
    err_clear();
    return obj_getattr(((MethodObject *)self)->func, name);
}

static Object *method_richcompare(Object *a, Object *b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || !IS_TYPE(a, MethodType) || !IS_TYPE(b, MethodType))
        return NEWREF(OBJ_NOTIMPL);
    MethodObject *x = (MethodObject *)a, *y = (MethodObject *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = obj_eq(x->func, y->func);
        if (eq < 0) return NULL;
    }
    return bool_from(op == CMP_EQ ? eq : !eq);
}

static int64_t method_hash(Object *self) {
    MethodObject *m = (MethodObject *)self;
    int64_t h = obj_hash(m->func);
    if (h == -1) return -1;
    int64_t r = h ^ (int64_t)((uintptr_t)m->self >> 4);
    return r == -1 ? -2 : r;
}

static Object *method_descr_get(Object *self, Object *obj, Object *type) {
    return NEWREF(self);
}

static const MemberDef method_members[] = {
    {"__func__", MEMBER_OBJECT, offsetof(MethodObject, func), true, NULL},
    {"__self__", MEMBER_OBJECT, offsetof(MethodObject, self), true, NULL},
    {NULL},
};

TypeObject MethodType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "method",
    .basicsize = sizeof(MethodObject),
    .dealloc = method_dealloc,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .getattr = method_getattr,
    .call = method_call,
    .descr_get = method_descr_get,
    .members = method_members,
};

/* ---- cells --------------------------------------------------------------- */

Object *cell_new(Object *contents) {
    CellObject *c = (CellObject *)obj_alloc(&CellType, sizeof(CellObject));
    if (!c) return NULL;
    c->ref = XNEWREF(contents);
    return (Object *)c;
}

static void cell_dealloc(Object *self) {
    XDECREF(((CellObject *)self)->ref);
    obj_free(self);
}

static Object *cell_repr(Object *self) {
    CellObject *c = (CellObject *)self;
    if (!c->ref) return str_format("<cell at %p: empty>", self);
    return str_format("<cell at %p: %s object at %p>", self, type_name(TYPE(c->ref)), c->ref);
}

static Object *cell_get_contents(Object *self, void *c) {
    CellObject *cell = (CellObject *)self;
    if (!cell->ref) return err_set(Exc_ValueError, "Cell is empty");
    return NEWREF(cell->ref);
}
static int cell_set_contents(Object *self, Object *value, void *c) {
    CellObject *cell = (CellObject *)self;
    XINCREF(value);
    SETREF(cell->ref, value);
    return 0;
}

static const GetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL},
};

TypeObject CellType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "cell",
    .basicsize = sizeof(CellObject),
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .getattr = obj_generic_getattr,
    .getsets = cell_getsets,
};

/* ---- start-up ------------------------------------------------------------- */

extern TypeObject CoroWrapperType, AsyncGenAwaitableType;

/* Ready the VM's types (idempotent; code_new calls it on first use). */
int vm_types_init(void) {
    TypeObject *types[] = {&CodeType, &FunctionType, &MethodType, &CellType,
                           &GeneratorType, &CoroutineType, &AsyncGenType,
                           &CoroWrapperType, &AsyncGenAwaitableType};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (type_ready(types[i]) < 0) return -1;
    return 0;
}
