/* tuple.h — immutable sequences (tuple.c). The empty tuple is a singleton. */
#ifndef GILT_TUPLE_H
#define GILT_TUPLE_H

#include "object.h"

typedef struct TupleObject {
    OBJECT_HEAD
    int64_t hash;           /* -1 until computed */
    size_t size;
    Object *items[];
} TupleObject;

#define TUPLE_CHECK(o) (IS_TYPE(o, TupleType) || HAS_FLAG(o, TPFLAG_TUPLE_SUBCLASS))
static inline size_t tuple_size(Object *t) { return ((TupleObject *)t)->size; }
static inline Object **tuple_items(Object *t) { return ((TupleObject *)t)->items; }
static inline Object *tuple_get(Object *t, size_t i) { return ((TupleObject *)t)->items[i]; } /* borrowed */

/* A tuple of n slots, all NULL: fill each with tuple_items(t)[i] = ref (stolen). */
Object *tuple_new(size_t n);
Object *tuple_pack(size_t n, ...);            /* borrowed arguments */
Object *tuple_from_array(Object *const *items, size_t n); /* borrowed */
Object *tuple_slice(Object *t, size_t start, size_t stop);

typedef struct TupleIterObject {
    OBJECT_HEAD
    TupleObject *seq;      /* NULL once exhausted */
    size_t index;
} TupleIterObject;
extern TypeObject TupleIterType;

#endif
