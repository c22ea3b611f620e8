/* counted_object.h — a minimal object type for the reference-counting
 * unit tests (test_refcount.c, test_qsbr.c): its dealloc counts how many
 * instances were freed, so a test can check that an object is freed
 * exactly once, and only when its last reference goes.
 *
 * Each test file includes this once; `frees` is reset by its fixture.
 */
#ifndef GILT_TEST_COUNTED_OBJECT_H
#define GILT_TEST_COUNTED_OBJECT_H

#include "gilt.h"

static int frees;

typedef struct { OBJECT_HEAD } CountedObject;

static void counted_dealloc(Object *o) {
    __atomic_fetch_add(&frees, 1, __ATOMIC_SEQ_CST);
    obj_free(o);
}

static TypeObject CountedType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "counted_object",
    .basicsize = sizeof(CountedObject),
    .dealloc = counted_dealloc,
};

static Object *new_object(void) { return obj_alloc(&CountedType, sizeof(CountedObject)); }

#endif
