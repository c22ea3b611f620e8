/* bytes.c — immutable byte strings, and the read-only methods that bytes
 * and bytearray share.
 *
 * Shared methods see their receiver through buf_view(), which accepts a
 * bytes or a bytearray, and build results of the receiver's own kind
 * (make_like), so bytearray.c reuses this whole method table and only adds
 * mutation. A bytes object's data is NUL-terminated for convenience; its
 * hash is cached. The bytes iterator works for both kinds, re-reading the
 * size each step so a bytearray that shrinks mid-iteration is safe.
 * Semantics and messages follow CPython 3.11 (decode: utf-8, ascii,
 * latin-1 with strict/ignore/replace).
 */
#define _GNU_SOURCE   /* memmem */
#include <string.h>
#include "gilt.h"
#include "strimpl.h"
#include "bytesimpl.h"

#define METHOD(fn) static Object *fn(Object *self, Object *const *args, size_t nargs, Object *kw)

/* ---- construction ---- */

Object *bytes_from(const char *s, size_t n) {
    static BytesObject *empty;
    if (n == 0 && empty) return NEWREF(empty);
    BytesObject *o = (BytesObject *)obj_alloc_unzeroed_tail(&BytesType, offsetof(BytesObject, data) + n + 1,
                                                            n + 1);
    o->hash = -1;
    o->size = n;
    if (n) memcpy(o->data, s, n);
    o->data[n] = 0;
    if (n == 0) {
        /* A benign race in the free-threaded build at worst makes two. */
        obj_make_immortal(o);
        empty = o;
    }
    return (Object *)o;
}

/* An uninitialized bytes of n bytes to fill. */
Object *bytes_new_raw(size_t n) {
    BytesObject *o = (BytesObject *)obj_alloc(&BytesType, offsetof(BytesObject, data) + n + 1);
    o->hash = -1;
    o->size = n;
    o->data[n] = 0;
    return (Object *)o;
}

bool buf_view(Object *o, const char **data, size_t *size) {
    if (BYTES_CHECK(o)) { *data = bytes_data(o); *size = bytes_size(o); return true; }
    if (IS_INSTANCE(o, ByteArrayType)) {
        ByteArrayObject *b = (ByteArrayObject *)o;
        *data = b->data ? b->data : "";
        *size = b->size;
        return true;
    }
    return false;
}

static int need_buf(Object *o, const char **data, size_t *size) {
    if (buf_view(o, data, size)) return 0;
    err_format(Exc_TypeError, "a bytes-like object is required, not '%s'", type_name(TYPE(o)));
    return -1;
}

Object *make_like(Object *self, const char *s, size_t n) {
    if (IS_INSTANCE(self, ByteArrayType)) return bytearray_from(s, n);
    return bytes_from(s, n);
}

static void bytes_dealloc(Object *self) { obj_free(self); }

/* ---- repr ---- */

/* escape_apostrophe: bytearray's repr escapes ' even inside "..."
 * (bytearray(b"\'")), a CPython quirk kept for identical output. */
static void repr_bytes(StrBuilder *sb, const char *s, size_t n, bool escape_apostrophe) {
    bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    sb_append_char(sb, 'b');
    sb_append_char(sb, quote);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)quote || c == '\\' || (escape_apostrophe && c == '\'')) {
            sb_append_char(sb, '\\');
            sb_append_char(sb, (char)c);
        }
        else if (c == '\t') sb_append(sb, "\\t", 2);
        else if (c == '\n') sb_append(sb, "\\n", 2);
        else if (c == '\r') sb_append(sb, "\\r", 2);
        else if (c < 0x20 || c >= 0x7F) sb_printf(sb, "\\x%02x", c);
        else sb_append_char(sb, (char)c);
    }
    sb_append_char(sb, quote);
}

void bytes_repr_into(StrBuilder *sb, const char *s, size_t n) { repr_bytes(sb, s, n, false); }
void bytearray_repr_into(StrBuilder *sb, const char *s, size_t n) { repr_bytes(sb, s, n, true); }

Object *bytes_repr(Object *o) {
    StrBuilder sb;
    sb_init(&sb);
    bytes_repr_into(&sb, bytes_data(o), bytes_size(o));
    return sb_finish(&sb);
}

/* ---- slots ---- */

static int64_t bytes_hash(Object *self) {
    BytesObject *b = (BytesObject *)self;
    if (b->hash == -1) b->hash = bytes_hash_data(b->data, b->size);
    return b->hash;
}

Object *buf_richcompare(Object *a, Object *b, CompareOp op) {
    const char *x, *y;
    size_t nx, ny;
    if (!buf_view(a, &x, &nx) || !buf_view(b, &y, &ny)) return NEWREF(OBJ_NOTIMPL);
    if ((op == CMP_EQ || op == CMP_NE) && nx != ny) RETURN_BOOL(op == CMP_NE);
    int c = memcmp(x, y, nx < ny ? nx : ny);
    if (c == 0) c = (nx > ny) - (nx < ny);
    switch (op) {
    case CMP_LT: RETURN_BOOL(c < 0);
    case CMP_LE: RETURN_BOOL(c <= 0);
    case CMP_EQ: RETURN_BOOL(c == 0);
    case CMP_NE: RETURN_BOOL(c != 0);
    case CMP_GT: RETURN_BOOL(c > 0);
    default: RETURN_BOOL(c >= 0);
    }
}

Object *buf_repeat(Object *self, Object *n) {
    const char *s;
    size_t size;
    buf_view(self, &s, &size);
    int64_t k = obj_as_index(n);
    if (k == -1 && err_occurred()) return NULL;
    if (k <= 0 || size == 0) return make_like(self, "", 0);
    /* CPython: bytes past its ssize_t is OverflowError, bytearray MemoryError */
    if ((uint64_t)k > (uint64_t)INT64_MAX / size && BYTES_CHECK(self))
        return err_set(Exc_OverflowError, "repeated bytes are too long");
    if ((uint64_t)k > (SIZE_MAX / 4) / size || mem_check_size(size, (size_t)k) < 0)
        return err_no_memory();
    char *tmp = mem_alloc(size * k);
    for (int64_t i = 0; i < k; i++) memcpy(tmp + i * size, s, size);
    Object *r = make_like(self, tmp, size * k);
    mem_free(tmp);
    return r;
}

static Object *bytes_binop(Object *a, Object *b, BinOp op) {
    switch (op & ~BINOP_INPLACE) {
    case BINOP_ADD: {
        const char *x, *y;
        size_t nx, ny;
        if (!BYTES_CHECK(a)) return NEWREF(OBJ_NOTIMPL);
        if (!buf_view(b, &y, &ny)) {
            if (TYPE(b)->flags & TPFLAG_HEAPTYPE) return NEWREF(OBJ_NOTIMPL);
            return err_format(Exc_TypeError, "can't concat %s to bytes", type_name(TYPE(b)));
        }
        buf_view(a, &x, &nx);
        Object *r = bytes_new_raw(nx + ny);
        memcpy(((BytesObject *)r)->data, x, nx);
        memcpy(((BytesObject *)r)->data + nx, y, ny);
        return r;
    }
    case BINOP_MUL: {
        Object *s = BYTES_CHECK(a) ? a : b, *n = s == a ? b : a;
        if (!INT_CHECK(n) && !(TYPE(n)->unaryop && type_lookup_cstr(TYPE(n), "__index__"))) {
            if (TYPE(n)->flags & TPFLAG_HEAPTYPE) return NEWREF(OBJ_NOTIMPL);
            return err_format(Exc_TypeError, "can't multiply sequence by non-int of type '%s'", type_name(TYPE(n)));
        }
        return buf_repeat(s, n);
    }
    case BINOP_MOD:
        if (BYTES_CHECK(a)) return buf_percent(a, b);
        break;
    default: break;
    }
    return NEWREF(OBJ_NOTIMPL);
}

static int64_t bytes_len(Object *self) { return (int64_t)bytes_size(self); }

Object *buf_getitem(Object *self, Object *key) {
    const char *s;
    size_t n;
    buf_view(self, &s, &n);
    bool is_ba = IS_INSTANCE(self, ByteArrayType);
    if (IS_TYPE(key, SliceType)) {
        int64_t start, stop, step, len;
        if (slice_indices(key, (int64_t)n, &start, &stop, &step, &len) < 0) return NULL;
        if (len <= 0) return make_like(self, "", 0);
        if (step == 1) return make_like(self, s + start, (size_t)len);
        char *tmp = mem_alloc((size_t)len);
        for (int64_t k = 0, i = start; k < len; k++, i += step) tmp[k] = s[i];
        Object *r = make_like(self, tmp, (size_t)len);
        mem_free(tmp);
        return r;
    }
    if (!INT_CHECK(key) && !(TYPE(key)->unaryop && type_lookup_cstr(TYPE(key), "__index__")))
        return err_format(Exc_TypeError, "%s indices must be integers or slices, not %s",
                          is_ba ? "bytearray" : "byte", type_name(TYPE(key)));
    int64_t i = obj_as_index(key);
    if (i == -1 && err_occurred()) return NULL;
    if (i < 0) i += (int64_t)n;
    if (i < 0 || (uint64_t)i >= n)
        return err_set(Exc_IndexError, is_ba ? "bytearray index out of range" : "index out of range");
    return int_from_i64((unsigned char)s[i]);
}

int buf_contains(Object *self, Object *item) {
    const char *s, *t;
    size_t n, m;
    buf_view(self, &s, &n);
    if (INT_CHECK(item)) {
        int64_t v = int_is_small(item) ? int_small(item) : -1;
        if (v < 0 || v > 255) { err_set(Exc_ValueError, "byte must be in range(0, 256)"); return -1; }
        return memchr(s, (int)v, n) != NULL;
    }
    if (need_buf(item, &t, &m) < 0) return -1;
    if (m == 0) return 1;
    return memmem(s, n, t, m) != NULL;
}

static int bytes_bool(Object *self) { return bytes_size(self) != 0; }

/* ---- iterator (bytes and bytearray) ---- */

typedef struct { OBJECT_HEAD Object *seq; size_t index; } BytesIterObject;

Object *buf_iter(Object *self) {
    BytesIterObject *it = (BytesIterObject *)obj_alloc(&BytesIterType, sizeof(BytesIterObject));
    it->seq = NEWREF(self);
    it->index = 0;
    return (Object *)it;
}

static Object *bytesiter_next(Object *self) {
    BytesIterObject *it = (BytesIterObject *)self;
    if (!it->seq) return NULL;
    const char *s = "";
    size_t n = 0;
    buf_view(it->seq, &s, &n);
    if (it->index >= n) { CLEAR(it->seq); return NULL; }
    return int_from_i64((unsigned char)s[it->index++]);
}

static void bytesiter_dealloc(Object *self) {
    XDECREF(((BytesIterObject *)self)->seq);
    obj_free(self);
}

static Object *bytesiter_iter(Object *self) { return NEWREF(self); }

TypeObject BytesIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIterObject),
    .dealloc = bytesiter_dealloc,
    .iter = bytesiter_iter,
    .iternext = bytesiter_next,
};

/* ---- constructor helpers ---- */

/* Collect the bytes of bytes(x)/bytearray(x) (not str) into *out (mem_alloc'd). */
int buf_from_object(Object *x, char **out, size_t *outn) {
    const char *d;
    size_t n;
    if (buf_view(x, &d, &n)) {
        *out = mem_alloc(n + 1);
        memcpy(*out, d, n);
        *outn = n;
        return 0;
    }
    if (INT_CHECK(x) || (TYPE(x)->unaryop && type_lookup_cstr(TYPE(x), "__index__"))) {
        int64_t k = obj_as_index(x);
        if (k == -1 && err_occurred()) {
            if (err_matches(Exc_OverflowError)) {
                err_clear();
                err_set(Exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            }
            return -1;
        }
        if (k < 0) { err_set(Exc_ValueError, "negative count"); return -1; }
        if (mem_check_size((size_t)k, 1) < 0) return -1;
        *out = mem_calloc_or_raise(1, (size_t)k + 1);
        if (!*out) return -1;
        *outn = (size_t)k;
        return 0;
    }
    Object *it = obj_iter(x);
    if (!it) {
        if (err_matches(Exc_TypeError)) {
            err_clear();
            err_format(Exc_TypeError, "cannot convert '%s' object to bytes", type_name(TYPE(x)));
        }
        return -1;
    }
    StrBuilder sb;
    sb_init(&sb);
    Object *v;
    while ((v = obj_next(it))) {
        int64_t b = obj_as_index(v);
        DECREF(v);
        if (b == -1 && err_occurred()) { sb_free(&sb); DECREF(it); return -1; }
        if (b < 0 || b > 255) {
            sb_free(&sb); DECREF(it);
            err_set(Exc_ValueError, "bytes must be in range(0, 256)");
            return -1;
        }
        sb_append_char(&sb, (char)b);
    }
    DECREF(it);
    if (err_occurred()) { sb_free(&sb); return -1; }
    *outn = sb.len;
    *out = sb.buf ? sb.buf : mem_alloc(1);
    return 0;
}

/* The (source, encoding, errors) arguments shared by bytes() and bytearray(). */
int buf_construct(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                  char **out, size_t *outn) {
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    Object *v[3] = {NULL, NULL, NULL};
    if (arg_bind(fname, args, nargs, kwnames, kwlist, 0, v) < 0) return -1;
    if (!v[0]) {
        if (v[1] || v[2]) { err_set(Exc_TypeError, v[1] ? "encoding without a string argument" : "errors without a string argument"); return -1; }
        *out = mem_alloc(1); *outn = 0; return 0;
    }
    if (STR_CHECK(v[0])) {
        if (!v[1]) { err_set(Exc_TypeError, "string argument without an encoding"); return -1; }
        if (!STR_CHECK(v[1]) || (v[2] && !STR_CHECK(v[2]))) { err_set(Exc_TypeError, "encoding must be str"); return -1; }
        Object *b = str_encode(v[0], str_data(v[1]), v[2] ? str_data(v[2]) : "strict");
        if (!b) return -1;
        *outn = bytes_size(b);
        *out = mem_alloc(*outn + 1);
        memcpy(*out, bytes_data(b), *outn);
        DECREF(b);
        return 0;
    }
    if (v[1]) { err_set(Exc_TypeError, "encoding without a string argument"); return -1; }
    if (v[2]) { err_set(Exc_TypeError, "errors without a string argument"); return -1; }
    return buf_from_object(v[0], out, outn);
}

static Object *bytes_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs == 1 && !kwnames && !BYTES_CHECK(args[0]) && !STR_CHECK(args[0])) {
        Object *meth = type_lookup_cstr(TYPE(args[0]), "__bytes__");
        if (meth) {
            Object *r = obj_call_method(args[0], "__bytes__", NULL, 0);
            if (!r) return NULL;
            if (!BYTES_CHECK(r)) {
                Object *e = err_format(Exc_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(TYPE(r)));
                DECREF(r);
                return e;
            }
            if (type == &BytesType) return r;
            Object *w = bytes_from(bytes_data(r), bytes_size(r));
            DECREF(r);
            r = w;
        }
    }
    if (type == &BytesType && nargs == 1 && !kwnames && IS_TYPE(args[0], BytesType)) return NEWREF(args[0]);
    char *data;
    size_t n;
    if (buf_construct("bytes", args, nargs, kwnames, &data, &n) < 0) return NULL;
    Object *r;
    if (type == &BytesType) r = bytes_from(data, n);
    else {
        BytesObject *o = (BytesObject *)obj_new_instance(type, n + 1);
        if (o) { o->hash = -1; o->size = n; memcpy(o->data, data, n); o->data[n] = 0; }
        r = (Object *)o;
    }
    mem_free(data);
    return r;
}

/* ---- shared methods ---- */

static int bounds(Object *const *args, size_t nargs, size_t first, size_t len, int64_t *start, int64_t *end) {
    *start = 0;
    *end = (int64_t)len;
    for (int k = 0; k < 2; k++) {
        if (nargs > first + k && args[first + k] != OBJ_NONE) {
            int64_t v = obj_as_index(args[first + k]);
            if (v == -1 && err_occurred()) return -1;
            if (k == 0) *start = v; else *end = v;
        }
    }
    int64_t n = (int64_t)len;
    if (*end > n) *end = n;
    else if (*end < 0) { *end += n; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += n; if (*start < 0) *start = 0; }
    return 0;
}

/* The needle of find/count/index: bytes-like or an int byte. */
static int needle(Object *o, char *one, const char **d, size_t *n) {
    if (INT_CHECK(o)) {
        int64_t v = int_is_small(o) ? int_small(o) : -1;
        if (v < 0 || v > 255) { err_set(Exc_ValueError, "byte must be in range(0, 256)"); return -1; }
        *one = (char)v; *d = one; *n = 1;
        return 0;
    }
    if (buf_view(o, d, n)) return 0;
    err_format(Exc_TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(TYPE(o)));
    return -1;
}

static const char *rmemmem(const char *h, size_t hn, const char *nd, size_t nn) {
    if (nn > hn) return NULL;
    if (nn == 0) return h + hn;
    for (const char *p = h + hn - nn;; p--) {
        if (memcmp(p, nd, nn) == 0) return p;
        if (p == h) return NULL;
    }
}

static int64_t find_impl(Object *self, Object *const *args, size_t nargs, const char *name, bool rev) {
    if (arg_count_parsetuple(name, nargs, 1, 3) < 0) return -2;
    const char *s, *nd;
    size_t n, m;
    char one;
    buf_view(self, &s, &n);
    if (needle(args[0], &one, &nd, &m) < 0) return -2;
    int64_t start, end;
    if (bounds(args, nargs, 1, n, &start, &end) < 0) return -2;
    if (start > end || (int64_t)m > end - start) return -1;
    const char *f = rev ? rmemmem(s + start, end - start, nd, m)
                        : (m == 0 ? s + start : memmem(s + start, end - start, nd, m));
    return f ? f - s : -1;
}
METHOD(b_find) { int64_t r = find_impl(self, args, nargs, "find", false); return r == -2 ? NULL : int_from_i64(r); }
METHOD(b_rfind) { int64_t r = find_impl(self, args, nargs, "rfind", true); return r == -2 ? NULL : int_from_i64(r); }
METHOD(b_index) {
    int64_t r = find_impl(self, args, nargs, "index", false);
    if (r == -1) return err_set(Exc_ValueError, "subsection not found");
    return r == -2 ? NULL : int_from_i64(r);
}
METHOD(b_rindex) {
    int64_t r = find_impl(self, args, nargs, "rindex", true);
    if (r == -1) return err_set(Exc_ValueError, "subsection not found");
    return r == -2 ? NULL : int_from_i64(r);
}

METHOD(b_count) {
    if (arg_count_parsetuple("count", nargs, 1, 3) < 0) return NULL;
    const char *s, *nd;
    size_t n, m;
    char one;
    buf_view(self, &s, &n);
    if (needle(args[0], &one, &nd, &m) < 0) return NULL;
    int64_t start, end;
    if (bounds(args, nargs, 1, n, &start, &end) < 0) return NULL;
    if (start > end) return int_from_i64(0);
    if (m == 0) return int_from_i64(end - start + 1);
    const char *p = s + start, *e = s + end;
    int64_t c = 0;
    while ((size_t)(e - p) >= m) {
        const char *f = memmem(p, e - p, nd, m);
        if (!f) break;
        c++;
        p = f + m;
    }
    return int_from_i64(c);
}

static Object *affix(Object *self, Object *const *args, size_t nargs, bool ends) {
    const char *name = ends ? "endswith" : "startswith";
    if (arg_count_parsetuple(name, nargs, 1, 3) < 0) return NULL;
    const char *s;
    size_t n;
    buf_view(self, &s, &n);
    int64_t start, end;
    if (bounds(args, nargs, 1, n, &start, &end) < 0) return NULL;
    Object *what = args[0];
    Object *const *c = &what;
    size_t nc = 1;
    if (TUPLE_CHECK(what)) { c = tuple_items(what); nc = tuple_size(what); }
    for (size_t i = 0; i < nc; i++) {
        const char *d;
        size_t m;
        if (!buf_view(c[i], &d, &m))
            return err_format(Exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                              name, type_name(TYPE(c[i])));
        if (start > end || (int64_t)m > end - start) continue;
        if (memcmp(ends ? s + end - m : s + start, d, m) == 0) RETURN_BOOL(1);
    }
    RETURN_BOOL(0);
}
METHOD(b_startswith) { return affix(self, args, nargs, false); }
METHOD(b_endswith) { return affix(self, args, nargs, true); }

static bool is_ws(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static Object *strip_impl(Object *self, Object *const *args, size_t nargs, int which) {
    if (arg_count(which == 3 ? "strip" : which == 1 ? "lstrip" : "rstrip", nargs, 0, 1) < 0) return NULL;
    const char *s, *chars = NULL;
    size_t n, cn = 0;
    buf_view(self, &s, &n);
    if (nargs && args[0] != OBJ_NONE && need_buf(args[0], &chars, &cn) < 0) return NULL;
    size_t i = 0, j = n;
#define STRIPPABLE(c) (chars ? memchr(chars, (c), cn) != NULL : is_ws((unsigned char)(c)))
    if (which & 1) while (i < j && STRIPPABLE(s[i])) i++;
    if (which & 2) while (j > i && STRIPPABLE(s[j - 1])) j--;
#undef STRIPPABLE
    return make_like(self, s + i, j - i);
}
METHOD(b_strip) { return strip_impl(self, args, nargs, 3); }
METHOD(b_lstrip) { return strip_impl(self, args, nargs, 1); }
METHOD(b_rstrip) { return strip_impl(self, args, nargs, 2); }

static int append_part(Object *list, Object *self, const char *s, size_t n) {
    Object *p = make_like(self, s, n);
    int r = list_append(list, p);
    DECREF(p);
    return r;
}

METHOD(b_split) {
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    Object *v[2] = {NULL, NULL};
    if (arg_bind("split", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    int64_t maxsplit = -1;
    if (v[1]) { maxsplit = obj_as_index(v[1]); if (maxsplit == -1 && err_occurred()) return NULL; }
    if (maxsplit < 0) maxsplit = INT64_MAX;
    const char *s, *sep = NULL;
    size_t n, m = 0;
    buf_view(self, &s, &n);
    if (v[0] && v[0] != OBJ_NONE) {
        if (need_buf(v[0], &sep, &m) < 0) return NULL;
        if (m == 0) return err_set(Exc_ValueError, "empty separator");
    }
    Object *list = list_new(0);
    if (!sep) {
        size_t i = 0;
        while (i < n) {
            while (i < n && is_ws((unsigned char)s[i])) i++;
            if (i >= n) break;
            size_t j = i;
            if (maxsplit-- <= 0) {
                j = n;
                while (j > i && is_ws((unsigned char)s[j - 1])) j--;
            } else {
                while (j < n && !is_ws((unsigned char)s[j])) j++;
            }
            if (append_part(list, self, s + i, j - i) < 0) { DECREF(list); return NULL; }
            i = j;
        }
        return list;
    }
    const char *p = s, *e = s + n;
    while (maxsplit-- > 0) {
        const char *f = memmem(p, e - p, sep, m);
        if (!f) break;
        if (append_part(list, self, p, f - p) < 0) { DECREF(list); return NULL; }
        p = f + m;
    }
    if (append_part(list, self, p, e - p) < 0) { DECREF(list); return NULL; }
    return list;
}

METHOD(b_join) {
    if (arg_count("join", nargs, 1, 1) < 0) return NULL;
    Object *seq = obj_to_list(args[0]);
    if (!seq) return NULL;
    const char *sep;
    size_t sn;
    buf_view(self, &sep, &sn);
    StrBuilder sb;
    sb_init(&sb);
    ListObject *l = (ListObject *)seq;
    for (size_t i = 0; i < l->size; i++) {
        const char *d;
        size_t n;
        if (!buf_view(l->items[i], &d, &n)) {
            sb_free(&sb);
            Object *e = err_format(Exc_TypeError, "sequence item %zu: expected a bytes-like object, %s found",
                                   i, type_name(TYPE(l->items[i])));
            DECREF(seq);
            return e;
        }
        if (i) sb_append(&sb, sep, sn);
        sb_append(&sb, d, n);
    }
    DECREF(seq);
    Object *r = make_like(self, sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    return r;
}

METHOD(b_replace) {
    if (arg_count("replace", nargs, 2, 3) < 0) return NULL;
    const char *s, *old, *new_;
    size_t n, on, nn;
    buf_view(self, &s, &n);
    if (need_buf(args[0], &old, &on) < 0 || need_buf(args[1], &new_, &nn) < 0) return NULL;
    int64_t count = -1;
    if (nargs > 2) { count = obj_as_index(args[2]); if (count == -1 && err_occurred()) return NULL; }
    if (count < 0) count = INT64_MAX;
    StrBuilder sb;
    sb_init(&sb);
    if (on == 0) {
        size_t i = 0;
        for (; i <= n && count > 0; i++, count--) {
            sb_append(&sb, new_, nn);
            if (i < n) sb_append_char(&sb, s[i]);
        }
        if (i < n) sb_append(&sb, s + i, n - i);
    } else {
        const char *p = s, *e = s + n;
        while (count-- > 0) {
            const char *f = memmem(p, e - p, old, on);
            if (!f) break;
            sb_append(&sb, p, f - p);
            sb_append(&sb, new_, nn);
            p = f + on;
        }
        sb_append(&sb, p, e - p);
    }
    Object *r = make_like(self, sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    return r;
}

static Object *map_case(Object *self, int mode) {
    const char *s;
    size_t n;
    buf_view(self, &s, &n);
    char *t = mem_alloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        t[i] = mode == 0 ? (lo ? c - 32 : c) : mode == 1 ? (up ? c + 32 : c) : (lo ? c - 32 : up ? c + 32 : c);
    }
    Object *r = make_like(self, t, n);
    mem_free(t);
    return r;
}
METHOD(b_upper) { return map_case(self, 0); }
METHOD(b_lower) { return map_case(self, 1); }
METHOD(b_swapcase) { return map_case(self, 2); }

static Object *all_bytes(Object *self, int kind) {
    const char *s;
    size_t n;
    buf_view(self, &s, &n);
    if (n == 0) RETURN_BOOL(kind == 4);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok;
        switch (kind) {
        case 0: ok = c >= '0' && c <= '9'; break;
        case 1: ok = (c | 32) >= 'a' && (c | 32) <= 'z'; break;
        case 2: ok = ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9'); break;
        case 3: ok = is_ws(c); break;
        default: ok = c < 0x80; break;
        }
        if (!ok) RETURN_BOOL(0);
    }
    RETURN_BOOL(1);
}
METHOD(b_isdigit) { return all_bytes(self, 0); }
METHOD(b_isalpha) { return all_bytes(self, 1); }
METHOD(b_isalnum) { return all_bytes(self, 2); }
METHOD(b_isspace) { return all_bytes(self, 3); }
METHOD(b_isascii) { return all_bytes(self, 4); }

METHOD(b_decode) {
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    Object *v[2] = {NULL, NULL};
    if (arg_bind("decode", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    if ((v[0] && !STR_CHECK(v[0])) || (v[1] && !STR_CHECK(v[1])))
        return err_set(Exc_TypeError, "decode() argument must be str");
    const char *s;
    size_t n;
    buf_view(self, &s, &n);
    return str_decode(s, n, v[0] ? str_data(v[0]) : "utf-8", v[1] ? str_data(v[1]) : "strict");
}

METHOD(b_hex) {
    if (arg_count("hex", nargs, 0, 2) < 0) return NULL;
    const char *s;
    size_t n;
    buf_view(self, &s, &n);
    const char *sep = NULL;
    int64_t per = 1;
    if (nargs >= 1) {
        if (STR_CHECK(args[0])) {
            if (str_length(args[0]) != 1) return err_set(Exc_ValueError, "sep must be length 1.");
            sep = str_data(args[0]);
        } else {
            const char *d;
            size_t m;
            if (!buf_view(args[0], &d, &m) || m != 1) return err_set(Exc_ValueError, "sep must be length 1.");
            sep = d;
        }
        if (nargs == 2) { per = obj_as_index(args[1]); if (per == -1 && err_occurred()) return NULL; }
    }
    StrBuilder sb;
    sb_init(&sb);
    size_t group = per < 0 ? (size_t)-per : (size_t)per;
    if (group == 0) group = 1;
    for (size_t i = 0; i < n; i++) {
        if (sep && i) {
            /* per > 0 groups from the right, per < 0 from the left. */
            bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
            if (boundary) sb_append_char(&sb, sep[0]);
        }
        sb_printf(&sb, "%02x", (unsigned char)s[i]);
    }
    return sb_finish(&sb);
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

METHOD(b_fromhex) {
    if (arg_count("fromhex", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return err_format(Exc_TypeError, "fromhex() argument must be str, not %s", type_name(TYPE(args[0])));
    const char *s = str_data(args[0]);
    size_t n = str_size(args[0]);
    StrBuilder sb;
    sb_init(&sb);
    size_t i = 0;
    while (i < n) {
        if (is_ws((unsigned char)s[i])) { i++; continue; }
        int hi = hexval(s[i]);
        int lo = i + 1 < n ? hexval(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            sb_free(&sb);
            return err_format(Exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zu",
                              hi < 0 ? i : i + 1);
        }
        sb_append_char(&sb, (char)(hi * 16 + lo));
        i += 2;
    }
    Object *r;
    if ((TypeObject *)self == &ByteArrayType) r = bytearray_from(sb.buf ? sb.buf : "", sb.len);
    else r = bytes_from(sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    if (r && (TypeObject *)self != &BytesType && (TypeObject *)self != &ByteArrayType) {
        Object *w = obj_call1(self, r);
        DECREF(r);
        return w;
    }
    return r;
}

static Object *partition(Object *self, Object *const *args, size_t nargs, bool rev) {
    if (arg_count(rev ? "rpartition" : "partition", nargs, 1, 1) < 0) return NULL;
    const char *s, *sep;
    size_t n, m;
    buf_view(self, &s, &n);
    if (need_buf(args[0], &sep, &m) < 0) return NULL;
    if (m == 0) return err_set(Exc_ValueError, "empty separator");
    const char *f = rev ? rmemmem(s, n, sep, m) : memmem(s, n, sep, m);
    Object *a, *b, *c;
    if (!f) {
        a = rev ? make_like(self, "", 0) : make_like(self, s, n);
        b = make_like(self, "", 0);
        c = rev ? make_like(self, s, n) : make_like(self, "", 0);
    } else {
        a = make_like(self, s, f - s);
        b = make_like(self, sep, m);
        c = make_like(self, f + m, s + n - (f + m));
    }
    Object *t = tuple_pack(3, a, b, c);
    DECREF(a); DECREF(b); DECREF(c);
    return t;
}
METHOD(b_partition) { return partition(self, args, nargs, false); }
METHOD(b_rpartition) { return partition(self, args, nargs, true); }

METHOD(b_getnewargs) {
    const char *s;
    size_t n;
    buf_view(self, &s, &n);
    Object *b = bytes_from(s, n);
    Object *t = tuple_pack(1, b);
    DECREF(b);
    return t;
}

const MethodDef buf_shared_methods[] = {
    {"decode", b_decode, METH_DEFAULT, "Decode the bytes using the codec registered for encoding."},
    {"hex", b_hex, METH_DEFAULT, NULL},
    {"fromhex", b_fromhex, METH_CLASS, NULL},
    {"find", b_find, METH_DEFAULT, NULL},
    {"rfind", b_rfind, METH_DEFAULT, NULL},
    {"index", b_index, METH_DEFAULT, NULL},
    {"rindex", b_rindex, METH_DEFAULT, NULL},
    {"count", b_count, METH_DEFAULT, NULL},
    {"startswith", b_startswith, METH_DEFAULT, NULL},
    {"endswith", b_endswith, METH_DEFAULT, NULL},
    {"strip", b_strip, METH_DEFAULT, NULL},
    {"lstrip", b_lstrip, METH_DEFAULT, NULL},
    {"rstrip", b_rstrip, METH_DEFAULT, NULL},
    {"split", b_split, METH_DEFAULT, NULL},
    {"join", b_join, METH_DEFAULT, NULL},
    {"replace", b_replace, METH_DEFAULT, NULL},
    {"upper", b_upper, METH_DEFAULT, NULL},
    {"lower", b_lower, METH_DEFAULT, NULL},
    {"swapcase", b_swapcase, METH_DEFAULT, NULL},
    {"isdigit", b_isdigit, METH_DEFAULT, NULL},
    {"isalpha", b_isalpha, METH_DEFAULT, NULL},
    {"isalnum", b_isalnum, METH_DEFAULT, NULL},
    {"isspace", b_isspace, METH_DEFAULT, NULL},
    {"isascii", b_isascii, METH_DEFAULT, NULL},
    {"partition", b_partition, METH_DEFAULT, NULL},
    {"rpartition", b_rpartition, METH_DEFAULT, NULL},
    {"__getnewargs__", b_getnewargs, METH_DEFAULT, NULL},
    {"capitalize", buf_capitalize, METH_DEFAULT, NULL},
    {"title", buf_title, METH_DEFAULT, NULL},
    {"islower", buf_islower, METH_DEFAULT, NULL},
    {"isupper", buf_isupper, METH_DEFAULT, NULL},
    {"istitle", buf_istitle, METH_DEFAULT, NULL},
    {"ljust", buf_ljust, METH_DEFAULT, NULL},
    {"center", buf_center, METH_DEFAULT, NULL},
    {"rjust", buf_rjust, METH_DEFAULT, NULL},
    {"zfill", buf_zfill, METH_DEFAULT, NULL},
    {"expandtabs", buf_expandtabs, METH_DEFAULT, NULL},
    {"rsplit", buf_rsplit, METH_DEFAULT, NULL},
    {"splitlines", buf_splitlines, METH_DEFAULT, NULL},
    {"removeprefix", buf_removeprefix, METH_DEFAULT, NULL},
    {"removesuffix", buf_removesuffix, METH_DEFAULT, NULL},
    {"translate", buf_translate, METH_DEFAULT, NULL},
    {"maketrans", buf_maketrans, METH_STATIC, NULL},
    {NULL, NULL, 0, NULL}
};

TypeObject BytesType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "bytes",
    .basicsize = offsetof(BytesObject, data),
    .itemsize = 1,
    .flags = TPFLAG_BASETYPE | TPFLAG_BYTES_SUBCLASS,
    .doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes",
    .dealloc = bytes_dealloc,
    .new_ = bytes_new,
    .repr = bytes_repr,
    .str = bytes_repr,
    .hash = bytes_hash,
    .richcompare = buf_richcompare,
    .bool_ = bytes_bool,
    .binop = bytes_binop,
    .len = bytes_len,
    .getitem = buf_getitem,
    .contains = buf_contains,
    .iter = buf_iter,
    .methods = buf_shared_methods,
};
