/* build_class.c — builtins.__build_class__, what a class statement runs.
 *
 *   class C(B1, B2, metaclass=M, **kw): body
 * compiles to __build_class__(body_function, "C", B1, B2, metaclass=M, **kw),
 * which, as CPython does:
 *  1. resolves __mro_entries__ on bases that are not classes;
 *  2. picks the metaclass: the explicit one, else type(first base), else
 *     type; then the most derived of it and the metaclasses of all bases
 *     (TypeError on a conflict);
 *  3. makes the namespace with metaclass.__prepare__(name, bases, **kw) if
 *     the metaclass has one, else a fresh dict;
 *  4. runs the body with that namespace as its locals;
 *  5. calls metaclass(name, bases, namespace, **kw);
 *  6. fills the body's __class__ cell (zero-argument super()) with the class.
 */
#include "gilt.h"
#include "frame.h"

static TypeObject *calculate_metaclass(TypeObject *meta, Object *bases) {
    TypeObject *winner = meta;
    for (size_t i = 0; i < tuple_size(bases); i++) {
        TypeObject *t = TYPE(tuple_get(bases, i));
        if (type_is_subtype(winner, t)) continue;
        if (type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        err_set(Exc_TypeError,
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Replace bases that define __mro_entries__ (PEP 560). New ref. */
static Object *resolve_bases(Object *bases) {
    bool any = false;
    for (size_t i = 0; i < tuple_size(bases); i++) {
        Object *b = tuple_get(bases, i);
        if (!HAS_FLAG(b, TPFLAG_TYPE_SUBCLASS) && !IS_TYPE(b, TypeType) &&
            obj_hasattr_cstr(b, "__mro_entries__")) {
            any = true;
            break;
        }
    }
    if (!any) return NEWREF(bases);
    Object *out = list_new(0);
    if (!out) return NULL;
    for (size_t i = 0; i < tuple_size(bases); i++) {
        Object *b = tuple_get(bases, i);
        if (HAS_FLAG(b, TPFLAG_TYPE_SUBCLASS) || IS_TYPE(b, TypeType) ||
            !obj_hasattr_cstr(b, "__mro_entries__")) {
            if (list_append(out, b) < 0) goto fail;
            continue;
        }
        Object *entries = obj_call_method(b, "__mro_entries__", &bases, 1);
        if (!entries) goto fail;
        if (!TUPLE_CHECK(entries)) {
            DECREF(entries);
            err_set(Exc_TypeError, "__mro_entries__ must return a tuple");
            goto fail;
        }
        int rc = list_extend(out, entries);
        DECREF(entries);
        if (rc < 0) goto fail;
    }
    Object *t = list_as_tuple(out);
    DECREF(out);
    return t;
fail:
    DECREF(out);
    return NULL;
}

Object *builtin_build_class(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs < 2) return err_set(Exc_TypeError, "__build_class__: not enough arguments");
    Object *func = args[0], *name = args[1];
    if (!IS_TYPE(func, FunctionType)) return err_set(Exc_TypeError, "__build_class__: func must be a function");
    if (!STR_CHECK(name)) return err_set(Exc_TypeError, "__build_class__: name is not a string");

    /* split keywords: metaclass= and the rest (passed on) */
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    Object *meta = NULL;
    Object *kw_rest_names = NULL;
    Object *kw_rest_values[64];
    size_t nrest = 0;
    if (nkw > 64) return err_set(Exc_TypeError, "__build_class__: too many keyword arguments");
    for (size_t i = 0; i < nkw; i++) {
        Object *k = tuple_get(kwnames, i);
        if (str_eq_cstr(k, "metaclass")) meta = args[nargs + i];
        else kw_rest_values[nrest++] = args[nargs + i];
    }
    if (nrest) {
        kw_rest_names = tuple_new(nrest);
        if (!kw_rest_names) return NULL;
        size_t j = 0;
        for (size_t i = 0; i < nkw; i++) {
            Object *k = tuple_get(kwnames, i);
            if (!str_eq_cstr(k, "metaclass")) tuple_items(kw_rest_names)[j++] = NEWREF(k);
        }
    }

    Object *orig_bases = tuple_from_array(args + 2, nargs - 2);
    Object *bases = orig_bases ? resolve_bases(orig_bases) : NULL;
    Object *ns = NULL, *cls = NULL, *cell = NULL, *body_result = NULL;
    if (!bases) goto done;

    bool is_class_meta;
    if (!meta) {
        meta = tuple_size(bases) ? (Object *)TYPE(tuple_get(bases, 0)) : (Object *)&TypeType;
        is_class_meta = true;
    } else {
        is_class_meta = HAS_FLAG(meta, TPFLAG_TYPE_SUBCLASS) || IS_TYPE(meta, TypeType);
    }
    if (is_class_meta) {
        TypeObject *winner = calculate_metaclass((TypeObject *)meta, bases);
        if (!winner) goto done;
        meta = (Object *)winner;
    }
    INCREF(meta);

    /* the namespace */
    Object *prepare = obj_lookup_attr(meta, intern_cstr("__prepare__"));
    if (prepare) {
        Object *pargs[2 + 64];
        pargs[0] = name;
        pargs[1] = bases;
        for (size_t i = 0; i < nrest; i++) pargs[2 + i] = kw_rest_values[i];
        ns = obj_call(prepare, pargs, 2, kw_rest_names);
        DECREF(prepare);
        if (!ns) goto done_meta;
    } else {
        if (err_occurred()) goto done_meta;
        ns = dict_new();
        if (!ns) goto done_meta;
    }
    if (!DICT_CHECK(ns) && !TYPE(ns)->getitem) {
        err_format(Exc_TypeError, "%s.__prepare__() must return a mapping, not %T",
                   HAS_FLAG(meta, TPFLAG_TYPE_SUBCLASS) ? type_name((TypeObject *)meta) : "<metaclass>",
                   ns);
        goto done_meta;
    }

    body_result = eval_class_body(func, ns, &cell);
    if (!body_result) goto done_meta;

    if (bases != orig_bases) {
        Object *k = intern_cstr("__orig_bases__");
        int rc = DICT_CHECK(ns) ? dict_set(ns, k, orig_bases) : obj_setitem(ns, k, orig_bases);
        if (rc < 0) goto done_meta;
    }
    {
        Object *margs[3 + 64];
        margs[0] = name;
        margs[1] = bases;
        margs[2] = ns;
        for (size_t i = 0; i < nrest; i++) margs[3 + i] = kw_rest_values[i];
        cls = obj_call(meta, margs, 3, kw_rest_names);
    }
    if (cls && !cell && IS_TYPE(body_result, CellType)) cell = NEWREF(body_result);
    if (cls && cell) {
        CellObject *c = (CellObject *)cell;
        if (!c->ref) c->ref = NEWREF(cls);
    }
done_meta:
    DECREF(meta);
done:
    XDECREF(body_result);
    XDECREF(cell);
    XDECREF(ns);
    XDECREF(bases);
    XDECREF(orig_bases);
    XDECREF(kw_rest_names);
    return cls;
}
