/* descr.c — descriptors: the objects in a class's dict that decide what
 * `obj.name` means.
 *
 *  - method descriptors (list.append) bind a C function to an instance;
 *  - member descriptors read and write a C field (and __slots__ entries);
 *  - getset descriptors call a C getter/setter (type.__name__);
 *  - slot wrappers expose a type's C slot as a dunder (int.__add__,
 *    object.__init__), so gilt code can call builtin behaviour explicitly
 *    and super() can reach it;
 *  - property, staticmethod and classmethod, as in Python.
 *
 * Every descriptor checks the type of the object it is applied to and
 * raises CPython's TypeError when it does not fit, so a misuse can never
 * read a C field of the wrong layout.
 */
#include <string.h>
#include "objimpl.h"

typedef struct {
    OBJECT_HEAD
    TypeObject *type;
    Object *name;
} DescrCommon;

static void descr_dealloc(Object *self) {
    DescrCommon *d = (DescrCommon *)self;
    XDECREF(d->type);
    XDECREF(d->name);
    obj_free(self);
}

static Object *descr_get_name(Object *self, void *c) {
    return NEWREF(((DescrCommon *)self)->name);
}

static Object *descr_get_qualname(Object *self, void *c) {
    DescrCommon *d = (DescrCommon *)self;
    return str_format("%s.%U", type_name(d->type), d->name);
}

static Object *descr_get_objclass(Object *self, void *c) {
    return NEWREF(((DescrCommon *)self)->type);
}

static const GetSetDef descr_common_getsets[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static Object *descr_alloc(TypeObject *kind, size_t size, TypeObject *type, const char *name) {
    DescrCommon *d = (DescrCommon *)obj_alloc(kind, size);
    d->type = (TypeObject *)NEWREF(type);
    d->name = NEWREF(intern_cstr(name));
    return (Object *)d;
}

/* Is obj acceptable as `self` for a descriptor of `type`? */
static int descr_check(DescrCommon *d, Object *obj, const char *what) {
    if (TYPE(obj) == d->type || type_is_subtype(TYPE(obj), d->type)) return 0;
    err_format(Exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
               d->name, type_name(d->type), type_name(TYPE(obj)));
    return -1;
}

/* ------------------------------------------------------------------------
 * Method descriptors
 * ------------------------------------------------------------------------ */


Object *methoddescr_new(TypeObject *type, const MethodDef *def) {
    MethodDescrObject *d =
        (MethodDescrObject *)descr_alloc(&MethodDescrType, sizeof *d, type, def->name);
    d->def = def;
    return (Object *)d;
}

static Object *methoddescr_get(Object *self, Object *obj, Object *type) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    if (d->def->flags & METH_CLASS) {
        Object *cls = type ? type : (obj ? (Object *)TYPE(obj) : NULL);
        if (!cls) return NEWREF(self);
        return cfunction_new(d->def, cls);
    }
    if (!obj) return NEWREF(self);
    if (descr_check((DescrCommon *)d, obj, "get") < 0) return NULL;
    return cfunction_new(d->def, obj);
}

/* CPython names a builtin method's class in the messages of its fixed
 * arity checks ("list.append() takes exactly one argument (2 given)", but
 * "pop expected at most 1 argument, got 2"). arg_count and arg_no_kw
 * (args.c) only know the method's name; a call through the class's
 * descriptor, the VM's way of calling a method, adds the class here, on the
 * error path only. */
static void qualify_arity_error(MethodDescrObject *d) {
    Object *e = err_peek();
    if (!e || TYPE(e) != (TypeObject *)Exc_TypeError) return;
    Object *args = ((ExceptionObject *)e)->args;
    if (!args || tuple_size(args) != 1 || !IS_TYPE(tuple_get(args, 0), StrType)) return;
    const char *msg = str_data(tuple_get(args, 0)), *name = str_data(d->name);
    size_t n = strlen(name);
    if (strncmp(msg, name, n) != 0 || strncmp(msg + n, "() takes ", 9) != 0) return;
    const char *rest = msg + n + 9;
    if (strncmp(rest, "no arguments", 12) != 0 && strncmp(rest, "exactly one argument", 20) != 0 &&
        strcmp(rest, "no keyword arguments") != 0)
        return;
    Object *old = err_fetch();
    err_format(Exc_TypeError, "%s.%s", type_name(d->type), msg);
    DECREF(old);
}

static Object *methoddescr_call(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    if (nargs < 1)
        return err_format(Exc_TypeError, "unbound method %s.%U() needs an argument",
                          type_name(d->type), d->name);
    Object *self_arg = args[0];
    if (d->def->flags & METH_CLASS) {
        /* Called through an instance (the VM's method call path): use its class. */
        if (!IS_INSTANCE(self_arg, TypeType) && type_is_subtype(TYPE(self_arg), d->type))
            self_arg = (Object *)TYPE(self_arg);
        if (!IS_INSTANCE(self_arg, TypeType) ||
            !type_is_subtype((TypeObject *)self_arg, d->type))
            return err_format(Exc_TypeError,
                              "descriptor '%U' for type '%s' needs a subtype of '%s' as arg 1",
                              d->name, type_name(d->type), type_name(d->type));
    } else if (descr_check((DescrCommon *)d, self_arg, "call") < 0) {
        return NULL;
    }
    Object *r = d->def->func(self_arg, args + 1, nargs - 1, kwnames);
    if (!r) qualify_arity_error(d);
    return r;
}

static Object *methoddescr_repr(Object *self) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    return str_format("<method '%U' of '%s' objects>", d->name, type_name(d->type));
}

static Object *methoddescr_get_doc(Object *self, void *c) {
    MethodDescrObject *d = (MethodDescrObject *)self;
    if (!d->def->doc) RETURN_NONE;
    return str_from_cstr(d->def->doc);
}

static const GetSetDef methoddescr_getsets[] = {
    {"__doc__", methoddescr_get_doc, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject MethodDescrType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "method_descriptor",
    .basicsize = sizeof(MethodDescrObject),
    .dealloc = descr_dealloc,
    .repr = methoddescr_repr,
    .call = methoddescr_call,
    .descr_get = methoddescr_get,
    .getsets = methoddescr_getsets,
    .base = NULL,
};

/* ------------------------------------------------------------------------
 * Member descriptors
 * ------------------------------------------------------------------------ */

typedef struct {
    OBJECT_HEAD
    TypeObject *type;
    Object *name;
    const MemberDef *def;
} MemberDescrObject;

Object *memberdescr_new(TypeObject *type, const MemberDef *def) {
    MemberDescrObject *d =
        (MemberDescrObject *)descr_alloc(&MemberDescrType, sizeof *d, type, def->name);
    d->def = def;
    return (Object *)d;
}

static Object *memberdescr_get(Object *self, Object *obj, Object *type) {
    MemberDescrObject *d = (MemberDescrObject *)self;
    if (!obj) return NEWREF(self);
    if (descr_check((DescrCommon *)d, obj, "get") < 0) return NULL;
    char *addr = (char *)obj + d->def->offset;
    switch (d->def->kind) {
    case MEMBER_OBJECT: {
        Object *v = __atomic_load_n((Object **)addr, __ATOMIC_ACQUIRE);
        return NEWREF(v ? v : OBJ_NONE);
    }
    case MEMBER_OBJECT_EX: {
        Object *v = __atomic_load_n((Object **)addr, __ATOMIC_ACQUIRE);
        if (!v)
            return err_format(Exc_AttributeError, "'%s' object has no attribute '%U'",
                              type_name(TYPE(obj)), d->name);
        return NEWREF(v);
    }
    case MEMBER_INT64: return int_from_i64(*(int64_t *)addr);
    case MEMBER_DOUBLE: return float_from_double(*(double *)addr);
    case MEMBER_BOOL: return bool_from(*(bool *)addr);
    }
    return err_set(Exc_SystemError, "bad member kind");
}

static int memberdescr_set(Object *self, Object *obj, Object *value) {
    MemberDescrObject *d = (MemberDescrObject *)self;
    if (descr_check((DescrCommon *)d, obj, "set") < 0) return -1;
    if (d->def->readonly) {
        err_format(Exc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = (char *)obj + d->def->offset;
    switch (d->def->kind) {
    case MEMBER_OBJECT:
    case MEMBER_OBJECT_EX: {
        Object **slot = (Object **)addr;
        if (!value && d->def->kind == MEMBER_OBJECT_EX && !*slot) {
            err_format(Exc_AttributeError, "'%s' object has no attribute '%U'",
                       type_name(TYPE(obj)), d->name);
            return -1;
        }
        XINCREF(value);
        Object *old = __atomic_exchange_n(slot, value, __ATOMIC_ACQ_REL);
        XDECREF(old);
        return 0;
    }
    default:
        break;
    }
    if (!value) {
        err_set(Exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (d->def->kind) {
    case MEMBER_INT64: {
        if (!INT_CHECK(value)) {
            err_set(Exc_TypeError, "attribute value type must be int");
            return -1;
        }
        int64_t v = int_as_i64(value);
        if (v == -1 && err_occurred()) return -1;
        *(int64_t *)addr = v;
        return 0;
    }
    case MEMBER_DOUBLE: {
        double v = float_as_double(value);
        if (v == -1.0 && err_occurred()) return -1;
        *(double *)addr = v;
        return 0;
    }
    case MEMBER_BOOL:
        if (value != OBJ_TRUE && value != OBJ_FALSE) {
            err_set(Exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(bool *)addr = value == OBJ_TRUE;
        return 0;
    default:
        err_set(Exc_SystemError, "bad member kind");
        return -1;
    }
}

static Object *memberdescr_repr(Object *self) {
    MemberDescrObject *d = (MemberDescrObject *)self;
    return str_format("<member '%U' of '%s' objects>", d->name, type_name(d->type));
}

static Object *memberdescr_get_doc(Object *self, void *c) {
    MemberDescrObject *d = (MemberDescrObject *)self;
    if (!d->def->doc) RETURN_NONE;
    return str_from_cstr(d->def->doc);
}

static const GetSetDef memberdescr_getsets[] = {
    {"__doc__", memberdescr_get_doc, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject MemberDescrType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "member_descriptor",
    .basicsize = sizeof(MemberDescrObject),
    .dealloc = descr_dealloc,
    .repr = memberdescr_repr,
    .descr_get = memberdescr_get,
    .descr_set = memberdescr_set,
    .getsets = memberdescr_getsets,
};

/* ------------------------------------------------------------------------
 * Getset descriptors
 * ------------------------------------------------------------------------ */

typedef struct {
    OBJECT_HEAD
    TypeObject *type;
    Object *name;
    const GetSetDef *def;
} GetSetDescrObject;

Object *getsetdescr_new(TypeObject *type, const GetSetDef *def) {
    GetSetDescrObject *d =
        (GetSetDescrObject *)descr_alloc(&GetSetDescrType, sizeof *d, type, def->name);
    d->def = def;
    return (Object *)d;
}

static Object *getsetdescr_get(Object *self, Object *obj, Object *type) {
    GetSetDescrObject *d = (GetSetDescrObject *)self;
    if (!obj) return NEWREF(self);
    if (descr_check((DescrCommon *)d, obj, "get") < 0) return NULL;
    if (!d->def->get)
        return err_format(Exc_AttributeError, "attribute '%U' of '%s' objects is not readable",
                          d->name, type_name(d->type));
    return d->def->get(obj, d->def->closure);
}

static int getsetdescr_set(Object *self, Object *obj, Object *value) {
    GetSetDescrObject *d = (GetSetDescrObject *)self;
    if (descr_check((DescrCommon *)d, obj, "set") < 0) return -1;
    if (!d->def->set) {
        err_format(Exc_AttributeError, "attribute '%U' of '%s' objects is not writable",
                   d->name, type_name(d->type));
        return -1;
    }
    return d->def->set(obj, value, d->def->closure);
}

static Object *getsetdescr_repr(Object *self) {
    GetSetDescrObject *d = (GetSetDescrObject *)self;
    return str_format("<attribute '%U' of '%s' objects>", d->name, type_name(d->type));
}

static Object *getsetdescr_get_doc(Object *self, void *c) {
    GetSetDescrObject *d = (GetSetDescrObject *)self;
    if (!d->def->doc) RETURN_NONE;
    return str_from_cstr(d->def->doc);
}

static const GetSetDef getsetdescr_getsets[] = {
    {"__doc__", getsetdescr_get_doc, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject GetSetDescrType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "getset_descriptor",
    .basicsize = sizeof(GetSetDescrObject),
    .dealloc = descr_dealloc,
    .repr = getsetdescr_repr,
    .descr_get = getsetdescr_get,
    .descr_set = getsetdescr_set,
    .getsets = getsetdescr_getsets,
};

/* ------------------------------------------------------------------------
 * Slot wrappers
 * ------------------------------------------------------------------------ */

Object *slotwrapper_new(TypeObject *type, const char *name, SlotKind kind, int op) {
    SlotWrapperObject *w =
        (SlotWrapperObject *)descr_alloc(&SlotWrapperType, sizeof *w, type, name);
    w->kind = kind;
    w->op = op;
    return (Object *)w;
}

bool descr_is_slotwrapper(Object *o) { return o && IS_TYPE(o, SlotWrapperType); }

static Object *slotwrapper_get(Object *self, Object *obj, Object *type) {
    if (!obj) return NEWREF(self);
    if (descr_check((DescrCommon *)self, obj, "get") < 0) return NULL;
    return method_new(self, obj);
}

static Object *int_result(int64_t v) {
    if (v == -1 && err_occurred()) return NULL;
    return int_from_i64(v);
}

static Object *status_result(int r) {
    if (r < 0) return NULL;
    RETURN_NONE;
}

static Object *slotwrapper_call(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    SlotWrapperObject *w = (SlotWrapperObject *)self;
    TypeObject *t = w->type;
    if (nargs < 1)
        return err_format(Exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                          w->name, type_name(t));
    Object *obj = args[0];
    if (TYPE(obj) != t && !type_is_subtype(TYPE(obj), t))
        return err_format(Exc_TypeError,
                          "descriptor '%U' requires a '%s' object but received a '%s'", w->name,
                          type_name(t), type_name(TYPE(obj)));
    args++;
    nargs--;
    if (w->kind == SW_INIT) {
        return status_result(t->init(obj, args, nargs, kwnames));
    }
    if (w->kind == SW_CALL) return t->call(obj, args, nargs, kwnames);
    if (kwnames && tuple_size(kwnames))
        return err_format(Exc_TypeError, "wrapper %U() takes no keyword arguments", w->name);

    /* Expected positional count per kind. */
    size_t want;
    switch (w->kind) {
    case SW_SETATTR: case SW_SETITEM: case SW_SET: want = 2; break;
    case SW_GETATTRIBUTE: case SW_DELATTR: case SW_RICHCMP: case SW_BINOP: case SW_RBINOP:
    case SW_IBINOP: case SW_GETITEM: case SW_DELITEM: case SW_CONTAINS: case SW_DELETE:
        want = 1; break;
    case SW_GET: want = nargs == 1 ? 1 : 2; break;
    default: want = 0; break;
    }
    if (w->kind == SW_BINOP || w->kind == SW_RBINOP) {
        /* pow(a, b, mod) reaches __pow__ with a third argument we ignore
         * when it is None. */
        if (w->op == BINOP_POW && nargs == 2 && args[1] == OBJ_NONE) nargs = 1;
    }
    if (nargs != want)
        return err_format(Exc_TypeError, "expected %zu argument%s, got %zu", want,
                          want == 1 ? "" : "s", nargs);
    switch (w->kind) {
    case SW_REPR: return t->repr(obj);
    case SW_STR: return t->str(obj);
    case SW_HASH: return int_result(t->hash(obj));
    case SW_GETATTRIBUTE:
        if (!STR_CHECK(args[0]))
            return err_format(Exc_TypeError, "attribute name must be string, not '%s'",
                              type_name(TYPE(args[0])));
        return t->getattr(obj, args[0]);
    case SW_SETATTR:
    case SW_DELATTR:
        if (!STR_CHECK(args[0]))
            return err_format(Exc_TypeError, "attribute name must be string, not '%s'",
                              type_name(TYPE(args[0])));
        return status_result(t->setattr(obj, args[0], w->kind == SW_SETATTR ? args[1] : NULL));
    case SW_RICHCMP: return t->richcompare(obj, args[0], (CompareOp)w->op);
    case SW_BOOL: {
        int r = t->bool_(obj);
        if (r < 0) return NULL;
        RETURN_BOOL(r);
    }
    case SW_BINOP: return t->binop(obj, args[0], (BinOp)w->op);
    case SW_RBINOP: return t->binop(args[0], obj, (BinOp)w->op);
    case SW_IBINOP: return t->binop(obj, args[0], (BinOp)(w->op | BINOP_INPLACE));
    case SW_UNARY: return t->unaryop(obj, (UnaryOp)w->op);
    case SW_LEN: return int_result(t->len(obj));
    case SW_GETITEM: return t->getitem(obj, args[0]);
    case SW_SETITEM: return status_result(t->setitem(obj, args[0], args[1]));
    case SW_DELITEM: return status_result(t->setitem(obj, args[0], NULL));
    case SW_CONTAINS: {
        int r = t->contains(obj, args[0]);
        if (r < 0) return NULL;
        RETURN_BOOL(r);
    }
    case SW_ITER: return t->iter(obj);
    case SW_NEXT: {
        Object *r = t->iternext(obj);
        if (!r && !err_occurred()) err_set_value(Exc_StopIteration, NULL);
        return r;
    }
    case SW_GET: {
        Object *inst = args[0] == OBJ_NONE ? NULL : args[0];
        Object *type = nargs > 1 && args[1] != OBJ_NONE ? args[1] : NULL;
        if (!inst && !type)
            return err_set(Exc_TypeError, "__get__(None, None) is invalid");
        return t->descr_get(obj, inst, type);
    }
    case SW_SET: return status_result(t->descr_set(obj, args[0], args[1]));
    case SW_DELETE: return status_result(t->descr_set(obj, args[0], NULL));
    default:
        return err_set(Exc_SystemError, "bad slot wrapper");
    }
}

static Object *slotwrapper_repr(Object *self) {
    SlotWrapperObject *w = (SlotWrapperObject *)self;
    return str_format("<slot wrapper '%U' of '%s' objects>", w->name, type_name(w->type));
}

TypeObject SlotWrapperType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "wrapper_descriptor",
    .basicsize = sizeof(SlotWrapperObject),
    .dealloc = descr_dealloc,
    .repr = slotwrapper_repr,
    .call = slotwrapper_call,
    .descr_get = slotwrapper_get,
    .getsets = descr_common_getsets,
};

/* ------------------------------------------------------------------------
 * property
 * ------------------------------------------------------------------------ */

typedef struct {
    OBJECT_HEAD
    Object *fget, *fset, *fdel, *doc;
    Object *name;           /* from __set_name__, for error messages */
} PropertyObject;

static void property_dealloc(Object *self) {
    PropertyObject *p = (PropertyObject *)self;
    XDECREF(p->fget);
    XDECREF(p->fset);
    XDECREF(p->fdel);
    XDECREF(p->doc);
    XDECREF(p->name);
    obj_free(self);
}

static Object *property_name(PropertyObject *p) {
    if (p->name) return NEWREF(p->name);
    if (p->fget) {
        Object *n = obj_lookup_attr(p->fget, ID(__name__));
        if (n || err_occurred()) return n;
    }
    return NULL;
}

static Object *property_error(PropertyObject *p, Object *obj, const char *what) {
    Object *name = property_name(p);
    if (!name && err_occurred()) return NULL;
    /* CPython names the class by its qualified name here (f.<locals>.C). */
    TypeObject *t = TYPE(obj);
    Object *tname = t->qualname && STR_CHECK(t->qualname) ? NEWREF(t->qualname)
                                                          : str_from_cstr(type_name(t));
    if (!tname) { XDECREF(name); return NULL; }
    if (name) {
        err_format(Exc_AttributeError, "property %R of '%U' object has no %s", name, tname, what);
        DECREF(name);
    } else {
        err_format(Exc_AttributeError, "property of '%U' object has no %s", tname, what);
    }
    DECREF(tname);
    return NULL;
}

static Object *property_get(Object *self, Object *obj, Object *type) {
    PropertyObject *p = (PropertyObject *)self;
    if (!obj || obj == OBJ_NONE) return NEWREF(self);
    if (!p->fget || p->fget == OBJ_NONE) return property_error(p, obj, "getter");
    return obj_call1(p->fget, obj);
}

static int property_set(Object *self, Object *obj, Object *value) {
    PropertyObject *p = (PropertyObject *)self;
    Object *f = value ? p->fset : p->fdel;
    if (!f || f == OBJ_NONE) {
        property_error(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    Object *r = value ? obj_call2(f, obj, value) : obj_call1(f, obj);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Object *property_new(TypeObject *type, Object *const *args, size_t nargs,
                            Object *kwnames) {
    return obj_new_instance(type, 0);
}

static int property_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    Object *a[4] = {NULL, NULL, NULL, NULL};
    if (arg_bind("property", args, nargs, kwnames, kwlist, 0, a) < 0) return -1;
    PropertyObject *p = (PropertyObject *)self;
    for (int i = 0; i < 3; i++)
        if (a[i] == OBJ_NONE) a[i] = NULL;
    XINCREF(a[0]);
    SETREF(p->fget, a[0]);
    XINCREF(a[1]);
    SETREF(p->fset, a[1]);
    XINCREF(a[2]);
    SETREF(p->fdel, a[2]);
    Object *doc = a[3] && a[3] != OBJ_NONE ? NEWREF(a[3]) : NULL;
    if (!doc && p->fget) {
        doc = obj_lookup_attr(p->fget, ID(__doc__));
        if (!doc && err_occurred()) return -1;
        if (doc == OBJ_NONE) CLEAR(doc);
    }
    SETREF(p->doc, doc);
    return 0;
}

/* getter/setter/deleter: a copy with one accessor replaced. */
static Object *property_copy(Object *self, Object *fget, Object *fset, Object *fdel) {
    PropertyObject *p = (PropertyObject *)self;
    Object *argv[4] = {fget ? fget : OBJ_NONE, fset ? fset : OBJ_NONE, fdel ? fdel : OBJ_NONE,
                       p->doc ? p->doc : OBJ_NONE};
    Object *np = obj_call((Object *)TYPE(self), argv, 4, NULL);
    if (np && p->name && IS_INSTANCE(np, PropertyType)) {
        PropertyObject *q = (PropertyObject *)np;
        INCREF(p->name);
        SETREF(q->name, p->name);
    }
    return np;
}

static Object *property_getter(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("getter", nargs, 1, 1) < 0) return NULL;
    PropertyObject *p = (PropertyObject *)self;
    return property_copy(self, args[0], p->fset, p->fdel);
}

static Object *property_setter(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("setter", nargs, 1, 1) < 0) return NULL;
    PropertyObject *p = (PropertyObject *)self;
    return property_copy(self, p->fget, args[0], p->fdel);
}

static Object *property_deleter(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("deleter", nargs, 1, 1) < 0) return NULL;
    PropertyObject *p = (PropertyObject *)self;
    return property_copy(self, p->fget, p->fset, args[0]);
}

static Object *property_set_name(Object *self, Object *const *args, size_t nargs, Object *kw) {
    if (arg_count("__set_name__", nargs, 2, 2) < 0) return NULL;
    PropertyObject *p = (PropertyObject *)self;
    INCREF(args[1]);
    SETREF(p->name, args[1]);
    RETURN_NONE;
}

static Object *property_isabstract(Object *self, void *c) {
    PropertyObject *p = (PropertyObject *)self;
    Object *fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (!fs[i]) continue;
        Object *v = obj_lookup_attr(fs[i], ID(__isabstractmethod__));
        if (!v) {
            if (err_occurred()) return NULL;
            continue;
        }
        int t = obj_is_true(v);
        DECREF(v);
        if (t < 0) return NULL;
        if (t) return NEWREF(OBJ_TRUE);
    }
    return NEWREF(OBJ_FALSE);
}

static Object *property_get_doc(Object *self, void *c) {
    PropertyObject *p = (PropertyObject *)self;
    return NEWREF(p->doc ? p->doc : OBJ_NONE);
}

static int property_set_doc(Object *self, Object *value, void *c) {
    PropertyObject *p = (PropertyObject *)self;
    XINCREF(value);
    SETREF(p->doc, value);
    return 0;
}

static const MethodDef property_methods[] = {
    {"getter", property_getter, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, METH_DEFAULT, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static const MemberDef property_members[] = {
    {"fget", MEMBER_OBJECT, offsetof(PropertyObject, fget), true, NULL},
    {"fset", MEMBER_OBJECT, offsetof(PropertyObject, fset), true, NULL},
    {"fdel", MEMBER_OBJECT, offsetof(PropertyObject, fdel), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const GetSetDef property_getsets[] = {
    {"__isabstractmethod__", property_isabstract, NULL, NULL, NULL},
    {"__doc__", property_get_doc, property_set_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject PropertyType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "property",
    .basicsize = sizeof(PropertyObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "Property attribute.",
    .dealloc = property_dealloc,
    .new_ = property_new,
    .init = property_init,
    .descr_get = property_get,
    .descr_set = property_set,
    .methods = property_methods,
    .members = property_members,
    .getsets = property_getsets,
};

/* ------------------------------------------------------------------------
 * staticmethod and classmethod
 * ------------------------------------------------------------------------ */

typedef struct {
    OBJECT_HEAD
    Object *dict;           /* __dict__ (functools.wraps copies into it) */
    Object *callable;
} FuncWrapperObject;

static void funcwrapper_dealloc(Object *self) {
    FuncWrapperObject *w = (FuncWrapperObject *)self;
    XDECREF(w->callable);
    XDECREF(w->dict);
    obj_free(self);
}

static Object *funcwrapper_make(TypeObject *type, Object *callable) {
    FuncWrapperObject *w = (FuncWrapperObject *)obj_new_instance(type, 0);
    w->callable = NEWREF(callable);
    return (Object *)w;
}

Object *staticmethod_new(Object *callable) { return funcwrapper_make(&StaticMethodType, callable); }
Object *classmethod_new(Object *callable) { return funcwrapper_make(&ClassMethodType, callable); }

static Object *funcwrapper_new(TypeObject *type, Object *const *args, size_t nargs,
                               Object *kwnames) {
    if (arg_no_kw(type_name(type), kwnames) < 0) return NULL;
    if (nargs != 1)
        return err_format(Exc_TypeError, "%s expected 1 argument, got %zu", type_name(type), nargs);
    return funcwrapper_make(type, args[0]);
}

static int funcwrapper_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return 0;
}

static Object *staticmethod_get(Object *self, Object *obj, Object *type) {
    return NEWREF(((FuncWrapperObject *)self)->callable);
}

static Object *staticmethod_call(Object *self, Object *const *args, size_t nargs,
                                 Object *kwnames) {
    return obj_call(((FuncWrapperObject *)self)->callable, args, nargs, kwnames);
}

static Object *classmethod_get(Object *self, Object *obj, Object *type) {
    Object *cls = type ? type : (Object *)TYPE(obj);
    return method_new(((FuncWrapperObject *)self)->callable, cls);
}

static Object *funcwrapper_repr(Object *self) {
    return str_format("<%s(%R)>", type_name(TYPE(self)), ((FuncWrapperObject *)self)->callable);
}

static Object *funcwrapper_isabstract(Object *self, void *c) {
    Object *v = obj_lookup_attr(((FuncWrapperObject *)self)->callable, ID(__isabstractmethod__));
    if (!v) return err_occurred() ? NULL : NEWREF(OBJ_FALSE);
    return v;
}

static Object *funcwrapper_attr(Object *self, void *c) {
    return obj_getattr(((FuncWrapperObject *)self)->callable, intern_cstr((const char *)c));
}

static const MemberDef funcwrapper_members[] = {
    {"__func__", MEMBER_OBJECT, offsetof(FuncWrapperObject, callable), true, NULL},
    {"__wrapped__", MEMBER_OBJECT, offsetof(FuncWrapperObject, callable), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static const GetSetDef funcwrapper_getsets[] = {
    {"__isabstractmethod__", funcwrapper_isabstract, NULL, NULL, NULL},
    {"__doc__", funcwrapper_attr, NULL, NULL, "__doc__"},
    {"__name__", funcwrapper_attr, NULL, NULL, "__name__"},
    {"__qualname__", funcwrapper_attr, NULL, NULL, "__qualname__"},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject StaticMethodType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "staticmethod",
    .basicsize = sizeof(FuncWrapperObject),
    .flags = TPFLAG_BASETYPE,
    .dictoffset = offsetof(FuncWrapperObject, dict),
    .doc = "staticmethod(function) -> method",
    .dealloc = funcwrapper_dealloc,
    .new_ = funcwrapper_new,
    .init = funcwrapper_init,
    .repr = funcwrapper_repr,
    .call = staticmethod_call,
    .descr_get = staticmethod_get,
    .members = funcwrapper_members,
    .getsets = funcwrapper_getsets,
};

TypeObject ClassMethodType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "classmethod",
    .basicsize = sizeof(FuncWrapperObject),
    .flags = TPFLAG_BASETYPE,
    .dictoffset = offsetof(FuncWrapperObject, dict),
    .doc = "classmethod(function) -> method",
    .dealloc = funcwrapper_dealloc,
    .new_ = funcwrapper_new,
    .init = funcwrapper_init,
    .repr = funcwrapper_repr,
    .descr_get = classmethod_get,
    .members = funcwrapper_members,
    .getsets = funcwrapper_getsets,
};
