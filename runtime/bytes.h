/* bytes.h — immutable bytes and mutable bytearray (bytes.c, bytearray.c). */
#ifndef GILT_BYTES_H
#define GILT_BYTES_H

#include "object.h"

typedef struct BytesObject {
    OBJECT_HEAD
    int64_t hash;
    size_t size;
    char data[];            /* NUL-terminated for convenience */
} BytesObject;

typedef struct ByteArrayObject {
    OBJECT_HEAD
    size_t size, allocated;
    char *data;
} ByteArrayObject;

#define BYTES_CHECK(o) (IS_TYPE(o, BytesType) || HAS_FLAG(o, TPFLAG_BYTES_SUBCLASS))
static inline const char *bytes_data(Object *o) { return ((BytesObject *)o)->data; }
static inline size_t bytes_size(Object *o) { return ((BytesObject *)o)->size; }
Object *bytes_from(const char *s, size_t n);
Object *bytes_repr(Object *o);
Object *bytearray_from(const char *s, size_t n);

#endif
