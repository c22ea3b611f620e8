/* bytearray.c — mutable byte strings.
 *
 * A bytearray owns a growable buffer (data/size/allocated, over-allocated
 * like list for amortized O(1) append). It reuses every read-only method
 * of bytes (bytes.c, through buf_view/make_like) and adds mutation: item
 * and slice assignment and deletion, append/extend/insert/pop/remove/
 * clear/reverse/copy, += and *=. In the free-threaded build each mutation
 * holds the object's lock (lock.h); no gilt code runs while it is held
 * (iterables and indices are converted before locking). Unhashable.
 */
#include <string.h>
#include "gilt.h"
#include "strimpl.h"
#include "bytesimpl.h"

#define METHOD(fn) static Object *fn(Object *self, Object *const *args, size_t nargs, Object *kw)
#define BA(o) ((ByteArrayObject *)(o))

/* Make room for `need` bytes (+ NUL); caller holds the lock. */
static void ba_reserve(ByteArrayObject *b, size_t need) {
    if (need + 1 <= b->allocated) return;
    size_t cap = need + (need >> 3) + 8;
    b->data = mem_realloc(b->data, cap);
    b->allocated = cap;
}

static void ba_set_contents(ByteArrayObject *b, const char *s, size_t n) {
    ba_reserve(b, n);
    if (n) memmove(b->data, s, n);
    b->size = n;
    b->data[n] = 0;
}

Object *bytearray_from(const char *s, size_t n) {
    ByteArrayObject *b = (ByteArrayObject *)obj_alloc(&ByteArrayType, sizeof(ByteArrayObject));
    b->data = NULL;
    b->size = b->allocated = 0;
    ba_set_contents(b, s, n);
    return (Object *)b;
}

static void ba_dealloc(Object *self) {
    mem_free(BA(self)->data);
    obj_free(self);
}

static Object *ba_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    char *data;
    size_t n;
    if (buf_construct("bytearray", args, nargs, kwnames, &data, &n) < 0) return NULL;
    ByteArrayObject *b = type == &ByteArrayType
        ? (ByteArrayObject *)obj_alloc(&ByteArrayType, sizeof(ByteArrayObject))
        : (ByteArrayObject *)obj_new_instance(type, 0);
    if (!b) { mem_free(data); return NULL; }
    /* buf_construct's buffer always has room for the NUL: adopt it. */
    b->data = data;
    b->size = n;
    b->allocated = n + 1;
    data[n] = 0;
    return (Object *)b;
}

static Object *ba_repr(Object *self) {
    StrBuilder sb;
    sb_init(&sb);
    const char *tn = type_name(TYPE(self));
    sb_append_cstr(&sb, tn);
    sb_append_char(&sb, '(');
    OBJ_LOCK(self);
    char *copy = mem_alloc(BA(self)->size + 1);
    size_t n = BA(self)->size;
    if (n) memcpy(copy, BA(self)->data, n);
    OBJ_UNLOCK(self);
    bytearray_repr_into(&sb, copy, n);
    mem_free(copy);
    sb_append_char(&sb, ')');
    return sb_finish(&sb);
}

static int64_t ba_hash(Object *self) {
    err_format(Exc_TypeError, "unhashable type: '%s'", type_name(TYPE(self)));
    return -1;
}

static int64_t ba_len(Object *self) { return (int64_t)BA(self)->size; }
static int ba_bool(Object *self) { return BA(self)->size != 0; }

/* Append raw bytes; the caller does not hold the lock. */
static void ba_append_raw(Object *self, const char *s, size_t n) {
    OBJ_LOCK(self);
    ByteArrayObject *b = BA(self);
    ba_reserve(b, b->size + n);
    if (n) memcpy(b->data + b->size, s, n);
    b->size += n;
    b->data[b->size] = 0;
    OBJ_UNLOCK(self);
}

static Object *ba_binop(Object *a, Object *b, BinOp op) {
    bool inplace = (op & BINOP_INPLACE) != 0;
    switch (op & ~BINOP_INPLACE) {
    case BINOP_ADD: {
        const char *x, *y;
        size_t nx, ny;
        if (!IS_INSTANCE(a, ByteArrayType)) return NEWREF(OBJ_NOTIMPL);
        if (!buf_view(b, &y, &ny)) {
            if (TYPE(b)->flags & TPFLAG_HEAPTYPE) return NEWREF(OBJ_NOTIMPL);
            return err_format(Exc_TypeError, "can't concat %s to bytearray", type_name(TYPE(b)));
        }
        if (inplace) {
            if (a == b) {
                char *tmp = mem_alloc(ny + 1);
                memcpy(tmp, y, ny);
                ba_append_raw(a, tmp, ny);
                mem_free(tmp);
            } else {
                ba_append_raw(a, y, ny);
            }
            return NEWREF(a);
        }
        buf_view(a, &x, &nx);
        Object *r = bytearray_from(x, nx);
        ba_append_raw(r, y, ny);
        return r;
    }
    case BINOP_MUL: {
        Object *s = IS_INSTANCE(a, ByteArrayType) ? a : b, *n = s == a ? b : a;
        if (!INT_CHECK(n) && !(TYPE(n)->unaryop && type_lookup_cstr(TYPE(n), "__index__"))) {
            if (TYPE(n)->flags & TPFLAG_HEAPTYPE) return NEWREF(OBJ_NOTIMPL);
            return err_format(Exc_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(TYPE(n)));
        }
        Object *r = buf_repeat(s, n);
        if (!r || !inplace || s != a) return r;
        OBJ_LOCK(a);
        ba_set_contents(BA(a), BA(r)->data, BA(r)->size);
        OBJ_UNLOCK(a);
        DECREF(r);
        return NEWREF(a);
    }
    case BINOP_MOD:
        if (IS_INSTANCE(a, ByteArrayType)) return buf_percent(a, b);
        break;
    default: break;
    }
    return NEWREF(OBJ_NOTIMPL);
}

static int byte_value(Object *v, int *out) {
    if (!INT_CHECK(v) && !(TYPE(v)->unaryop && type_lookup_cstr(TYPE(v), "__index__"))) {
        err_format(Exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(TYPE(v)));
        return -1;
    }
    int64_t b = obj_as_index(v);
    if (b == -1 && err_occurred()) {
        if (err_matches(Exc_OverflowError)) { err_clear(); err_set(Exc_ValueError, "byte must be in range(0, 256)"); }
        return -1;
    }
    if (b < 0 || b > 255) { err_set(Exc_ValueError, "byte must be in range(0, 256)"); return -1; }
    *out = (int)b;
    return 0;
}

static int ba_setitem(Object *self, Object *key, Object *value) {
    ByteArrayObject *b = BA(self);
    if (IS_TYPE(key, SliceType)) {
        char *src = NULL;
        size_t srcn = 0;
        if (value) {
            if (INT_CHECK(value)) {
                err_set(Exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
                return -1;
            }
            if (buf_from_object(value, &src, &srcn) < 0) return -1;
        }
        OBJ_LOCK(self);
        int64_t start, stop, step, len;
        if (slice_indices(key, (int64_t)b->size, &start, &stop, &step, &len) < 0) {
            OBJ_UNLOCK(self);
            mem_free(src);
            return -1;
        }
        if (step == 1 || (!value && len <= 0)) {
            if (stop < start) stop = start;
            size_t old = (size_t)(stop - start), tail = b->size - (size_t)stop;
            size_t newsize = b->size - old + srcn;
            ba_reserve(b, newsize);
            memmove(b->data + start + srcn, b->data + stop, tail);
            if (srcn) memcpy(b->data + start, src, srcn);
            b->size = newsize;
            b->data[newsize] = 0;
        } else if (!value) {
            /* Delete an extended slice: keep the bytes not selected. */
            size_t w = 0;
            int64_t next = step > 0 ? start : start + (len - 1) * step, k = 0;
            int64_t pstep = step > 0 ? step : -step;
            for (size_t i = 0; i < b->size; i++) {
                if (k < len && (int64_t)i == next) { k++; next += pstep; continue; }
                b->data[w++] = b->data[i];
            }
            b->size = w;
            b->data[w] = 0;
        } else {
            if ((size_t)len != srcn) {
                OBJ_UNLOCK(self);
                mem_free(src);
                err_format(Exc_ValueError, "attempt to assign bytes of size %zu to extended slice of size %lld",
                           srcn, (long long)len);
                return -1;
            }
            for (int64_t k = 0, i = start; k < len; k++, i += step) b->data[i] = src[k];
        }
        OBJ_UNLOCK(self);
        mem_free(src);
        return 0;
    }
    if (!INT_CHECK(key) && !(TYPE(key)->unaryop && type_lookup_cstr(TYPE(key), "__index__"))) {
        err_format(Exc_TypeError, "bytearray indices must be integers or slices, not %s", type_name(TYPE(key)));
        return -1;
    }
    int64_t i = obj_as_index(key);
    if (i == -1 && err_occurred()) return -1;
    int v = 0;
    if (value && byte_value(value, &v) < 0) return -1;
    OBJ_LOCK(self);
    if (i < 0) i += (int64_t)b->size;
    if (i < 0 || (size_t)i >= b->size) {
        OBJ_UNLOCK(self);
        err_set(Exc_IndexError, value ? "bytearray index out of range" : "bytearray index out of range");
        return -1;
    }
    if (value) b->data[i] = (char)v;
    else {
        memmove(b->data + i, b->data + i + 1, b->size - i - 1);
        b->size--;
        b->data[b->size] = 0;
    }
    OBJ_UNLOCK(self);
    return 0;
}

/* ---- mutating methods ---- */

METHOD(ba_append_m) {
    if (arg_count("append", nargs, 1, 1) < 0) return NULL;
    int v;
    if (byte_value(args[0], &v) < 0) return NULL;
    char c = (char)v;
    ba_append_raw(self, &c, 1);
    RETURN_NONE;
}

METHOD(ba_extend_m) {
    if (arg_count("extend", nargs, 1, 1) < 0) return NULL;
    if (STR_CHECK(args[0])) return err_set(Exc_TypeError, "expected iterable of integers; got: 'str'");
    char *data;
    size_t n;
    if (buf_from_object(args[0], &data, &n) < 0) return NULL;
    ba_append_raw(self, data, n);
    mem_free(data);
    RETURN_NONE;
}

METHOD(ba_insert_m) {
    if (arg_count("insert", nargs, 2, 2) < 0) return NULL;
    int64_t i = obj_as_index(args[0]);
    if (i == -1 && err_occurred()) return NULL;
    int v;
    if (byte_value(args[1], &v) < 0) return NULL;
    OBJ_LOCK(self);
    ByteArrayObject *b = BA(self);
    int64_t n = (int64_t)b->size;
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    ba_reserve(b, b->size + 1);
    memmove(b->data + i + 1, b->data + i, b->size - i);
    b->data[i] = (char)v;
    b->size++;
    b->data[b->size] = 0;
    OBJ_UNLOCK(self);
    RETURN_NONE;
}

METHOD(ba_pop_m) {
    if (arg_count("pop", nargs, 0, 1) < 0) return NULL;
    int64_t i = -1;
    if (nargs) { i = obj_as_index(args[0]); if (i == -1 && err_occurred()) return NULL; }
    OBJ_LOCK(self);
    ByteArrayObject *b = BA(self);
    if (b->size == 0) { OBJ_UNLOCK(self); return err_set(Exc_IndexError, "pop from empty bytearray"); }
    if (i < 0) i += (int64_t)b->size;
    if (i < 0 || (size_t)i >= b->size) { OBJ_UNLOCK(self); return err_set(Exc_IndexError, "pop index out of range"); }
    unsigned char c = (unsigned char)b->data[i];
    memmove(b->data + i, b->data + i + 1, b->size - i - 1);
    b->size--;
    b->data[b->size] = 0;
    OBJ_UNLOCK(self);
    return int_from_i64(c);
}

METHOD(ba_remove_m) {
    if (arg_count("remove", nargs, 1, 1) < 0) return NULL;
    int v;
    if (byte_value(args[0], &v) < 0) return NULL;
    OBJ_LOCK(self);
    ByteArrayObject *b = BA(self);
    char *p = b->size ? memchr(b->data, v, b->size) : NULL;
    if (!p) { OBJ_UNLOCK(self); return err_set(Exc_ValueError, "value not found in bytearray"); }
    size_t i = p - b->data;
    memmove(b->data + i, b->data + i + 1, b->size - i - 1);
    b->size--;
    b->data[b->size] = 0;
    OBJ_UNLOCK(self);
    RETURN_NONE;
}

METHOD(ba_clear_m) {
    if (arg_count("clear", nargs, 0, 0) < 0) return NULL;
    OBJ_LOCK(self);
    BA(self)->size = 0;
    if (BA(self)->data) BA(self)->data[0] = 0;
    OBJ_UNLOCK(self);
    RETURN_NONE;
}

METHOD(ba_reverse_m) {
    if (arg_count("reverse", nargs, 0, 0) < 0) return NULL;
    OBJ_LOCK(self);
    ByteArrayObject *b = BA(self);
    for (size_t i = 0, j = b->size ? b->size - 1 : 0; i < j; i++, j--) {
        char t = b->data[i]; b->data[i] = b->data[j]; b->data[j] = t;
    }
    OBJ_UNLOCK(self);
    RETURN_NONE;
}

METHOD(ba_copy_m) {
    if (arg_count("copy", nargs, 0, 0) < 0) return NULL;
    OBJ_LOCK(self);
    Object *r = bytearray_from(BA(self)->data ? BA(self)->data : "", BA(self)->size);
    OBJ_UNLOCK(self);
    return r;
}

static const MethodDef ba_own_methods[] = {
    {"append", ba_append_m, METH_DEFAULT, "Append a single item to the end of the bytearray."},
    {"extend", ba_extend_m, METH_DEFAULT, NULL},
    {"insert", ba_insert_m, METH_DEFAULT, NULL},
    {"pop", ba_pop_m, METH_DEFAULT, NULL},
    {"remove", ba_remove_m, METH_DEFAULT, NULL},
    {"clear", ba_clear_m, METH_DEFAULT, NULL},
    {"reverse", ba_reverse_m, METH_DEFAULT, NULL},
    {"copy", ba_copy_m, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL}
};

/* The method table: our own entries followed by the shared bytes ones,
 * joined before main so type_ready sees a single NULL-terminated table. */
__attribute__((constructor)) static void bytearray_setup(void) {
    size_t own = 0, shared = 0;
    while (ba_own_methods[own].name) own++;
    while (buf_shared_methods[shared].name) shared++;
    MethodDef *all = mem_calloc(own + shared + 1, sizeof(MethodDef));
    memcpy(all, ba_own_methods, own * sizeof(MethodDef));
    memcpy(all + own, buf_shared_methods, shared * sizeof(MethodDef));
    ByteArrayType.methods = all;
}

TypeObject ByteArrayType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "bytearray",
    .basicsize = sizeof(ByteArrayObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "bytearray(iterable_of_ints) -> bytearray",
    .dealloc = ba_dealloc,
    .new_ = ba_new,
    .repr = ba_repr,
    .str = ba_repr,
    .hash = ba_hash,
    .richcompare = buf_richcompare,
    .bool_ = ba_bool,
    .binop = ba_binop,
    .len = ba_len,
    .getitem = buf_getitem,
    .setitem = ba_setitem,
    .contains = buf_contains,
    .iter = buf_iter,
    .methods = ba_own_methods,
};
