/* module.c — module objects: a name and a namespace dict.
 *
 * Attribute access on a module reads its dict (ModuleType's dictoffset
 * points at it, so the generic attribute code and the VM's caches treat it
 * like any instance dict). A missing attribute falls back to a module-level
 * __getattr__ (PEP 562) and otherwise raises
 * AttributeError("module 'm' has no attribute 'x'").
 */
#include <string.h>
#include "objimpl.h"

static int module_init_dict(ModuleObject *m, Object *name, Object *doc) {
    if (!m->dict) {
        m->dict = dict_new();
        if (!m->dict) return -1;
    }
    if (dict_set(m->dict, ID(__name__), name) < 0 ||
        dict_set(m->dict, ID(__doc__), doc ? doc : OBJ_NONE) < 0 ||
        dict_set(m->dict, ID(__package__), OBJ_NONE) < 0 ||
        dict_set(m->dict, ID(__loader__), OBJ_NONE) < 0 ||
        dict_set(m->dict, ID(__spec__), OBJ_NONE) < 0)
        return -1;
    INCREF(name);
    SETREF(m->name, name);
    return 0;
}

Object *module_new(const char *name) {
    Object *n = str_from_cstr(name);
    if (!n) return NULL;
    ModuleObject *m = (ModuleObject *)obj_new_instance(&ModuleType, 0);
    if (module_init_dict(m, n, NULL) < 0) {
        DECREF(n);
        DECREF(m);
        return NULL;
    }
    DECREF(n);
    return (Object *)m;
}

Object *module_dict(Object *m) { return ((ModuleObject *)m)->dict; }

int module_add(Object *m, const char *name, Object *value) {
    return dict_set_cstr(((ModuleObject *)m)->dict, name, value);
}

int module_add_methods(Object *m, const MethodDef *methods) {
    for (; methods->name; methods++) {
        Object *f = cfunction_new(methods, m);
        if (!f) return -1;
        int r = module_add(m, methods->name, f);
        DECREF(f);
        if (r < 0) return -1;
    }
    return 0;
}

static Object *module_tp_new(TypeObject *type, Object *const *args, size_t nargs,
                             Object *kwnames) {
    ModuleObject *m = (ModuleObject *)obj_new_instance(type, 0);
    m->dict = dict_new();
    if (!m->dict) { DECREF(m); return NULL; }
    return (Object *)m;
}

static int module_tp_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"name", "doc", NULL};
    Object *a[2] = {NULL, NULL};
    if (arg_bind("module", args, nargs, kwnames, kwlist, 1, a) < 0) return -1;
    if (!STR_CHECK(a[0])) {
        err_format(Exc_TypeError, "module.__init__() argument 'name' must be str, not %s",
                   type_name(TYPE(a[0])));
        return -1;
    }
    return module_init_dict((ModuleObject *)self, a[0], a[1]);
}

static void module_dealloc(Object *self) {
    ModuleObject *m = (ModuleObject *)self;
    CLEAR(m->dict);
    CLEAR(m->name);
    obj_free(self);
}

static Object *module_name_for_errors(ModuleObject *m) {
    Object *n = m->dict ? dict_get_str(m->dict, ID(__name__)) : NULL;
    if (n && STR_CHECK(n)) return n;
    XDECREF(n);
    return NULL;
}

static Object *module_getattro(Object *self, Object *name) {
    Object *r = obj_generic_getattr(self, name);
    if (r || !err_matches(Exc_AttributeError)) return r;
    ModuleObject *m = (ModuleObject *)self;
    Object *hook = m->dict ? dict_get_str(m->dict, ID(__getattr__)) : NULL;
    if (hook) {
        err_clear();
        r = obj_call1(hook, name);
        DECREF(hook);
        return r;
    }
    err_clear();
    Object *mn = module_name_for_errors(m);
    if (mn) {
        err_format(Exc_AttributeError, "module '%U' has no attribute '%U'", mn, name);
        DECREF(mn);
    } else {
        err_format(Exc_AttributeError, "module has no attribute '%U'", name);
    }
    return NULL;
}

static Object *module_repr(Object *self) {
    ModuleObject *m = (ModuleObject *)self;
    Object *name = module_name_for_errors(m);
    Object *file = m->dict ? dict_get_str(m->dict, ID(__file__)) : NULL;
    Object *r;
    if (!name) name = str_from_cstr("?");
    if (file && STR_CHECK(file)) r = str_format("<module %R from %R>", name, file);
    else r = str_format("<module %R (built-in)>", name);
    XDECREF(file);
    DECREF(name);
    return r;
}

static Object *module_get_dict(Object *self, void *c) {
    ModuleObject *m = (ModuleObject *)self;
    if (!m->dict) m->dict = dict_new();
    return XNEWREF(m->dict);
}

static Object *module_dir(Object *self, Object *const *args, size_t nargs, Object *kw) {
    ModuleObject *m = (ModuleObject *)self;
    Object *d = m->dict;
    if (d) {
        Object *f = dict_get_str(d, ID(__dir__));
        if (f) {
            Object *r = obj_call0(f);
            DECREF(f);
            return r;
        }
        return dict_keys_list(d);
    }
    return list_new(0);
}

static const MethodDef module_methods[] = {
    {"__dir__", module_dir, METH_DEFAULT, "Implement dir(module)."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject ModuleType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "module",
    .basicsize = sizeof(ModuleObject),
    .flags = TPFLAG_BASETYPE,
    .dictoffset = offsetof(ModuleObject, dict),
    .doc = "Create a module object.",
    .dealloc = module_dealloc,
    .new_ = module_tp_new,
    .init = module_tp_init,
    .repr = module_repr,
    .getattr = module_getattro,
    .setattr = obj_generic_setattr,
    .methods = module_methods,
    .getsets = module_getsets,
};

/* Interpreter exit: set a module's globals to None so the objects only they
 * hold die now and their __del__ runs, as CPython's _PyModule_ClearDict
 * does — names with a single leading underscore first, then everything but
 * __builtins__, each pass in definition order. The keys are snapshotted so
 * a __del__ that adds globals does not disturb the walk. */
void module_clear_dict(Object *module) {
    Object *dict = module_dict(module);
    if (!dict) return;
    Object *keys = dict_keys_list(dict);
    if (!keys) { err_clear(); return; }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < list_size(keys); i++) {
            Object *k = ((ListObject *)keys)->items[i];
            if (!STR_CHECK(k)) continue;
            const char *s = str_data(k);
            bool single_underscore = s[0] == '_' && s[1] != '_';
            if (pass == 0 ? !single_underscore : !strcmp(s, "__builtins__")) continue;
            if (dict_set(dict, k, OBJ_NONE) < 0) err_clear();
        }
    }
    DECREF(keys);
}
