/* match.c — structural pattern matching at run time (PEP 634): the checks
 * behind MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS.
 *
 * The compiler (codegen.c) turns each pattern into plain stack code; only
 * the parts that need to look inside objects live here. The rules and the
 * error messages are CPython 3.11's (ceval.c match_keys / match_class).
 */
#include "gilt.h"
#include "match.h"

bool match_is_sequence(Object *o) {
    return LIST_CHECK(o) || TUPLE_CHECK(o) || IS_INSTANCE(o, RangeType);
}

bool match_is_mapping(Object *o) {
    return DICT_CHECK(o);
}

/* Is `key` equal to one of items[0..n)? 1 yes, 0 no, -1 error. */
static int seen_before(Object *const *items, size_t n, Object *key) {
    for (size_t i = 0; i < n; i++) {
        int eq = obj_eq(items[i], key);
        if (eq != 0) return eq;
    }
    return 0;
}

Object *match_keys(Object *subject, Object *keys) {
    size_t n = tuple_size(keys);
    Object *values = tuple_new(n);
    if (!values) return NULL;
    for (size_t i = 0; i < n; i++) tuple_items(values)[i] = NULL;
    Object *get = NULL;
    /* The marker get() returns for a missing key: the keys tuple itself,
     * which no mapping can hold as a value without having been given it. */
    Object *missing = keys;
    bool exact_dict = IS_TYPE(subject, DictType);
    if (!exact_dict) {
        get = obj_getattr_cstr(subject, "get");
        if (!get) goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        Object *key = tuple_get(keys, i);
        int dup = seen_before(tuple_items(keys), i, key);
        if (dup < 0) goto fail;
        if (dup) {
            err_format(Exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        Object *value = NULL;
        if (exact_dict) {
            int found = dict_lookup(subject, key, &value);
            if (found < 0) goto fail;
            if (!found) goto no_match;
        } else {
            value = obj_call2(get, key, missing);
            if (!value) goto fail;
            if (value == missing) {
                DECREF(value);
                goto no_match;
            }
        }
        tuple_items(values)[i] = value;
    }
    XDECREF(get);
    return values;
no_match:
    XDECREF(get);
    DECREF(values);
    RETURN_NONE;
fail:
    XDECREF(get);
    DECREF(values);
    return NULL;
}

/* Types whose instances match `cls(x)` as a whole (CPython's
 * Py_TPFLAGS_MATCH_SELF), subclasses included. */
static bool matches_self(TypeObject *t) {
    static TypeObject *const self_types[] = {
        &BoolType, &ByteArrayType, &BytesType, &DictType, &FloatType, &FrozenSetType,
        &IntType, &ListType, &SetType, &StrType, &TupleType,
    };
    for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++)
        if (t == self_types[i] || type_is_subtype(t, self_types[i])) return true;
    return false;
}

/* Appends subject.name to attrs[*n] unless the name was used already.
 * 1 found, 0 no such attribute, -1 error. */
static int take_attribute(Object *subject, TypeObject *cls, Object *name, Object **attrs,
                          Object **names, size_t *n) {
    for (size_t i = 0; i < *n; i++) {
        if (names[i] && str_eq(names[i], name)) {
            err_format(Exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                       type_name(cls), name);
            return -1;
        }
    }
    Object *value = obj_getattr(subject, name);
    if (!value) {
        if (!err_matches(Exc_AttributeError)) return -1;
        err_clear();
        return 0;
    }
    names[*n] = name;
    attrs[(*n)++] = value;
    return 1;
}

Object *match_class(Object *subject, Object *cls, Object *kwnames, unsigned npos) {
    if (!HAS_FLAG(cls, TPFLAG_TYPE_SUBCLASS) && !IS_TYPE(cls, TypeType))
        return err_set(Exc_TypeError, "called match pattern must be a type");
    TypeObject *type = (TypeObject *)cls;
    int inst = obj_isinstance(subject, cls);
    if (inst < 0) return NULL;
    if (!inst) RETURN_NONE;
    size_t nkw = tuple_size(kwnames), total = npos + nkw, n = 0;
    Object *result = tuple_new(total);
    if (!result) return NULL;
    Object **attrs = tuple_items(result);
    for (size_t i = 0; i < total; i++) attrs[i] = NULL;
    Object **names = mem_calloc_or_raise(total ? total : 1, sizeof(Object *));
    Object *match_args = NULL;
    if (!names) goto fail;
    if (npos > 0) {
        match_args = obj_lookup_attr(cls, str_intern_cstr("__match_args__"));
        if (!match_args && err_occurred()) goto fail;
        size_t allowed;
        bool self_match = false;
        if (match_args) {
            if (!TUPLE_CHECK(match_args)) {
                err_format(Exc_TypeError, "%s.__match_args__ must be a tuple (got %T)",
                           type_name(type), match_args);
                goto fail;
            }
            allowed = tuple_size(match_args);
        } else {
            self_match = matches_self(type);
            allowed = self_match ? 1 : 0;
        }
        if (npos > allowed) {
            err_format(Exc_TypeError, "%s() accepts %zu positional sub-pattern%s (%u given)",
                       type_name(type), allowed, allowed == 1 ? "" : "s", npos);
            goto fail;
        }
        if (self_match) {
            attrs[n++] = NEWREF(subject);
        } else {
            for (unsigned i = 0; i < npos; i++) {
                Object *name = tuple_get(match_args, i);
                if (!STR_CHECK(name)) {
                    err_format(Exc_TypeError, "__match_args__ elements must be strings (got %T)", name);
                    goto fail;
                }
                int r = take_attribute(subject, type, name, attrs, names, &n);
                if (r < 0) goto fail;
                if (r == 0) goto no_match;
            }
        }
    }
    for (size_t i = 0; i < nkw; i++) {
        int r = take_attribute(subject, type, tuple_get(kwnames, i), attrs, names, &n);
        if (r < 0) goto fail;
        if (r == 0) goto no_match;
    }
    XDECREF(match_args);
    mem_free(names);
    return result;
no_match:
    XDECREF(match_args);
    mem_free(names);
    DECREF(result);
    RETURN_NONE;
fail:
    XDECREF(match_args);
    mem_free(names);
    DECREF(result);
    return NULL;
}
