/* annotations.c — SETUP_ANNOTATIONS: module and class bodies that contain
 * annotated assignments (`x: int = 1`) record each simple target's
 * annotation in the body's `__annotations__` dict, as Python 3.11 does
 * (function bodies never evaluate their variable annotations). The code
 * generator emits SETUP_ANNOTATIONS once at the top of such a body and a
 * plain `__annotations__[name] = annotation` store per annotation.
 *
 * The namespace may be any mapping (a metaclass's __prepare__), so a
 * non-dict is used through getitem/setitem.
 */
#include "gilt.h"
#include "annotations.h"

int annotations_setup(Object *locals) {
    if (!locals) {
        err_set(Exc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    Object *key = str_intern_cstr("__annotations__");
    if (IS_TYPE(locals, DictType)) {
        Object *existing = NULL;
        int found = dict_lookup(locals, key, &existing);
        if (found < 0) return -1;
        if (found) {
            DECREF(existing);
            return 0;
        }
    } else {
        Object *existing = obj_getitem(locals, key);
        if (existing) {
            DECREF(existing);
            return 0;
        }
        if (!err_matches(Exc_KeyError)) return -1;
        err_clear();
    }
    Object *fresh = dict_new();
    if (!fresh) return -1;
    int rc = IS_TYPE(locals, DictType) ? dict_set(locals, key, fresh) : obj_setitem(locals, key, fresh);
    DECREF(fresh);
    return rc;
}
