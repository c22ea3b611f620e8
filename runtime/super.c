/* super.c — super(): attribute lookup that starts after a given class in
 * the MRO of an object's type.
 *
 * super(type, obj) binds found descriptors to obj (or, when obj is itself a
 * subclass of type, to that class: super(B, cls).method for classmethods).
 * The zero-argument form asks the VM for the current frame's first argument
 * and its __class__ cell (vm_super_args).
 */
#include "objimpl.h"

typedef struct {
    OBJECT_HEAD
    TypeObject *type;       /* the class named in super(type, obj)   */
    Object *obj;            /* the instance or class, or NULL        */
    TypeObject *obj_type;   /* whose MRO is searched                 */
} SuperObject;

static void super_dealloc(Object *self) {
    SuperObject *s = (SuperObject *)self;
    XDECREF(s->type);
    XDECREF(s->obj);
    XDECREF(s->obj_type);
    obj_free(self);
}

/* The type whose MRO super() walks for (type, obj). */
static TypeObject *super_check(TypeObject *type, Object *obj) {
    if (IS_INSTANCE(obj, TypeType) && type_is_subtype((TypeObject *)obj, type))
        return (TypeObject *)obj;
    if (type_is_subtype(TYPE(obj), type)) return TYPE(obj);
    /* An object may claim a different class through __class__. */
    Object *cls = obj_lookup_attr(obj, ID(__class__));
    if (cls) {
        bool ok = IS_INSTANCE(cls, TypeType) && cls != (Object *)TYPE(obj) &&
                  type_is_subtype((TypeObject *)cls, type);
        DECREF(cls);
        if (ok) return (TypeObject *)cls;
    } else if (err_occurred()) {
        return NULL;
    }
    err_set(Exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static Object *super_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("super", kwnames) < 0) return NULL;
    if (nargs > 2) return err_format(Exc_TypeError, "super() takes at most 2 arguments (%zu given)", nargs);
    TypeObject *start;
    Object *obj = NULL;
    if (nargs == 0) {
        if (vm_super_args(&start, &obj) < 0) return NULL;
    } else {
        if (!IS_INSTANCE(args[0], TypeType))
            return err_format(Exc_TypeError, "super() argument 1 must be a type, not %s",
                              type_name(TYPE(args[0])));
        start = (TypeObject *)args[0];
        obj = nargs == 2 ? args[1] : NULL;
        if (obj == OBJ_NONE) obj = NULL;
    }
    TypeObject *obj_type = NULL;
    if (obj) {
        obj_type = super_check(start, obj);
        if (!obj_type) return NULL;
    }
    SuperObject *s = (SuperObject *)obj_new_instance(type, 0);
    s->type = (TypeObject *)NEWREF(start);
    s->obj = XNEWREF(obj);
    s->obj_type = (TypeObject *)XNEWREF(obj_type);
    return (Object *)s;
}

static int super_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return 0;
}

static Object *super_getattro(Object *self, Object *name) {
    SuperObject *s = (SuperObject *)self;
    TypeObject *start = s->obj_type;
    /* super().__class__ is the super object's own class. */
    if (!start || str_eq_cstr(name, "__class__")) return obj_generic_getattr(self, name);
    Object *mro = start->mro;
    if (mro) {
        size_t n = tuple_size(mro), i = 0;
        while (i + 1 < n && tuple_get(mro, i) != (Object *)s->type) i++;
        for (i++; i < n; i++) {
            TypeObject *t = (TypeObject *)tuple_get(mro, i);
            if (!t->dict) continue;
            Object *res = dict_get_str(t->dict, name);
            if (!res) {
                if (err_occurred()) return NULL;
                continue;
            }
            Object *(*get)(Object *, Object *, Object *) = TYPE(res)->descr_get;
            if (get) {
                Object *bound = get(res, s->obj == (Object *)start ? NULL : s->obj,
                                    (Object *)start);
                DECREF(res);
                return bound;
            }
            return res;
        }
    }
    return obj_generic_getattr(self, name);
}

static Object *super_descr_get(Object *self, Object *obj, Object *type) {
    SuperObject *s = (SuperObject *)self;
    if (!obj || s->obj) return NEWREF(self);
    Object *argv[2] = {(Object *)s->type, obj};
    return obj_call((Object *)TYPE(self), argv, 2, NULL);
}

static Object *super_repr(Object *self) {
    SuperObject *s = (SuperObject *)self;
    if (s->obj_type)
        return str_format("<super: <class '%s'>, <%s object>>", type_name(s->type),
                          type_name(s->obj_type));
    return str_format("<super: <class '%s'>, NULL>", type_name(s->type));
}

static const MemberDef super_members[] = {
    {"__thisclass__", MEMBER_OBJECT, offsetof(SuperObject, type), true, "the class invoking super()"},
    {"__self__", MEMBER_OBJECT, offsetof(SuperObject, obj), true, "the instance invoking super(); may be None"},
    {"__self_class__", MEMBER_OBJECT, offsetof(SuperObject, obj_type), true, "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, false, NULL},
};

TypeObject SuperType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "super",
    .basicsize = sizeof(SuperObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "super() -> same as super(__class__, <first argument>)",
    .dealloc = super_dealloc,
    .new_ = super_new,
    .init = super_init,
    .repr = super_repr,
    .getattr = super_getattro,
    .descr_get = super_descr_get,
    .members = super_members,
};
