/* str.c — Python's str, stored as UTF-8.
 *
 * Every string knows its length in code points and whether it is pure
 * ASCII. ASCII strings index in O(1); other strings find a code point's
 * byte offset by scanning, eight bytes at a time (counting UTF-8 lead
 * bytes in a word), from whichever end is nearer. Iteration uses a str
 * iterator that walks byte offsets, so a for loop is linear.
 *
 * Guarantees:
 *  - contents are valid UTF-8 (str_from_utf8 checks; _unchecked trusts);
 *  - the empty string and the 128 one-character ASCII strings are static
 *    immortal singletons (indexing and iteration of ASCII never allocate);
 *  - hashes are cached and never -1; interned strings are immortal and
 *    unique per content; the intern table is guarded by a mutex in the
 *    free-threaded build;
 *  - concatenation and join are linear.
 * Case mapping and character classes are exact for ASCII and Latin-1 and
 * cover Latin Extended-A, Greek and Cyrillic; other scripts are treated
 * as caseless (full Unicode tables are not included). casefold == lower
 * except that 'ß' folds to 'ss'.
 */
#define _GNU_SOURCE   /* memmem */
#include <string.h>
#include "gilt.h"
#include "strimpl.h"
#include "mutex.h"

/* ---- static singletons ---- */

typedef struct { StrObject s; char room[8]; } SmallStr;
static SmallStr empty_str, ascii_chars[128];

static void small_init(SmallStr *o, const char *s, size_t n) {
    o->s.ob_type = &StrType;
    obj_make_immortal(o);
    o->s.hash = -1;
    o->s.length = n;
    o->s.size = n;
    o->s.is_ascii = 1;
    o->s.interned = 0;
    memcpy(o->s.data, s, n);
    o->s.data[n] = 0;
}

__attribute__((constructor)) static void str_setup(void) {
    small_init(&empty_str, "", 0);
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        small_init(&ascii_chars[c], &ch, 1);
    }
}

Object *str_empty(void) { return (Object *)&empty_str; }
Object *str_ascii_char(unsigned c) { return (Object *)&ascii_chars[c & 127]; }

/* ---- UTF-8 helpers ---- */

static inline size_t count_leads(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    size_t count = 0;
    while (p + 8 <= end) {
        uint64_t w;
        memcpy(&w, p, 8);
        uint64_t cont = w & ~(w << 1) & 0x8080808080808080ull;
        count += 8 - __builtin_popcountll(cont);
        p += 8;
    }
    for (; p < end; p++) count += (*p & 0xC0) != 0x80;
    return count;
}

size_t utf8_count(const char *s, size_t n) { return count_leads(s, n); }

/* Byte offset of code point i (0 <= i <= length). */
size_t str_offset(Object *o, size_t i) {
    StrObject *s = (StrObject *)o;
    if (s->is_ascii) return i;
    if (i >= s->length) return s->size;
    const unsigned char *base = (const unsigned char *)s->data;
    const unsigned char *p, *end = base + s->size;
    if (i > s->length / 2) {
        /* Walk backwards from the end: (length - i) lead bytes to pass. */
        size_t back = s->length - i;
        p = end;
        while (back) { p--; if ((*p & 0xC0) != 0x80) back--; }
        return p - base;
    }
    size_t remaining = i;
    p = base;
    while (p + 8 <= end) {
        uint64_t w;
        memcpy(&w, p, 8);
        uint64_t cont = w & ~(w << 1) & 0x8080808080808080ull;
        size_t leads = 8 - __builtin_popcountll(cont);
        if (leads > remaining) break;
        remaining -= leads;
        p += 8;
    }
    for (; p < end; p++) {
        if ((*p & 0xC0) != 0x80) {
            if (remaining == 0) break;
            remaining--;
        }
    }
    return p - base;
}

uint32_t utf8_decode(const char *s, size_t *len) {
    const unsigned char *p = (const unsigned char *)s;
    uint32_t c = p[0];
    if (c < 0x80) { *len = 1; return c; }
    if (c < 0xE0) { *len = 2; return ((c & 0x1F) << 6) | (p[1] & 0x3F); }
    if (c < 0xF0) { *len = 3; return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F); }
    *len = 4;
    return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

size_t utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Validate UTF-8: returns the length of the valid prefix; *reason says why
 * it stopped (NULL when all of it is valid) and *bad how many bytes form
 * the invalid sequence. */
size_t utf8_check(const char *s, size_t n, const char **reason, size_t *bad) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    *reason = NULL;
    *bad = 0;
    while (p < end) {
        /* Fast skip over ASCII words. */
        while (p + 8 <= end) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (w & 0x8080808080808080ull) break;
            p += 8;
        }
        if (p >= end) break;
        unsigned c = *p;
        if (c < 0x80) { p++; continue; }
        size_t need;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;   /* no surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            *reason = "invalid start byte"; *bad = 1;
            return p - (const unsigned char *)s;
        }
        for (size_t k = 1; k <= need; k++) {
            if (p + k >= end) {
                *reason = "unexpected end of data"; *bad = k;
                return p - (const unsigned char *)s;
            }
            unsigned b = p[k];
            unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
            if (b < l || b > h) {
                *reason = "invalid continuation byte"; *bad = k;
                return p - (const unsigned char *)s;
            }
        }
        p += need + 1;
    }
    return n;
}

/* ---- construction ---- */

/* A new exact str of `size` bytes (uninitialized, NUL-terminated) whose
 * length and asciiness the caller sets, or lets str_finish_new compute. */
Object *str_new_raw(size_t size) {
    StrObject *o = (StrObject *)obj_alloc_unzeroed_tail(&StrType, offsetof(StrObject, data) + size + 1,
                                                        size + 1);
    o->hash = -1;
    o->size = size;
    o->data[size] = 0;
    return (Object *)o;
}

/* Compute length and is_ascii of a str built by str_new_raw; may replace
 * it by a singleton. */
Object *str_finish_new(Object *o) {
    StrObject *s = (StrObject *)o;
    if (s->size <= 1 && (s->size == 0 || (unsigned char)s->data[0] < 128)) {
        Object *r = s->size ? str_ascii_char((unsigned char)s->data[0]) : str_empty();
        DECREF(o);
        return r;
    }
    s->length = count_leads(s->data, s->size);
    s->is_ascii = s->length == s->size;
    return o;
}

/* From valid UTF-8 with known length (code points). */
Object *str_from_utf8_len(const char *s, size_t n, size_t length) {
    if (n == 0) return str_empty();
    if (n == 1 && (unsigned char)s[0] < 128) return str_ascii_char((unsigned char)s[0]);
    StrObject *o = (StrObject *)str_new_raw(n);
    memcpy(o->data, s, n);
    o->length = length;
    o->is_ascii = length == n;
    return (Object *)o;
}

Object *str_from_utf8_unchecked(const char *s, size_t n) {
    return str_from_utf8_len(s, n, count_leads(s, n));
}

static Object *decode_error(const char *codec, const char *s, size_t n, size_t pos, size_t badlen,
                            const char *reason) {
    (void)n;
    if (badlen <= 1)
        return err_format(Exc_UnicodeDecodeError,
                          "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                          codec, (unsigned char)s[pos], pos, reason);
    return err_format(Exc_UnicodeDecodeError,
                      "'%s' codec can't decode bytes in position %zu-%zu: %s",
                      codec, pos, pos + badlen - 1, reason);
}

Object *str_from_utf8(const char *s, size_t n) {
    const char *reason;
    size_t bad;
    size_t ok = utf8_check(s, n, &reason, &bad);
    if (reason) {
        size_t badlen = strcmp(reason, "invalid start byte") == 0 ? 1 : bad;
        if (strcmp(reason, "invalid continuation byte") == 0) badlen = bad;   /* bytes before the bad one */
        return decode_error("utf-8", s, n, ok, badlen, reason);
    }
    return str_from_utf8_unchecked(s, n);
}

Object *str_from_cstr(const char *s) { return str_from_utf8(s, strlen(s)); }

Object *str_from_codepoint(uint32_t cp) {
    if (cp < 128) return str_ascii_char(cp);
    char buf[4];
    size_t n = utf8_encode(cp, buf);
    return str_from_utf8_len(buf, n, 1);
}

static void str_dealloc(Object *self) { obj_free(self); }

/* ---- the builder ---- */

void sb_init(StrBuilder *sb) { sb->buf = NULL; sb->len = sb->cap = 0; }

static void sb_grow(StrBuilder *sb, size_t extra) {
    size_t need = sb->len + extra + 1;
    if (need <= sb->cap) return;
    size_t cap = sb->cap ? sb->cap * 2 : 64;
    while (cap < need) cap *= 2;
    sb->buf = mem_realloc(sb->buf, cap);
    sb->cap = cap;
}

void sb_append(StrBuilder *sb, const char *s, size_t n) {
    if (sb->len + n + 1 > sb->cap) sb_grow(sb, n);
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
}
void sb_append_cstr(StrBuilder *sb, const char *s) { sb_append(sb, s, strlen(s)); }
void sb_append_char(StrBuilder *sb, char c) {
    if (sb->len + 2 > sb->cap) sb_grow(sb, 1);
    sb->buf[sb->len++] = c;
}
void sb_append_codepoint(StrBuilder *sb, uint32_t cp) {
    char b[4];
    sb_append(sb, b, utf8_encode(cp, b));
}
void sb_printf(StrBuilder *sb, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        sb_grow(sb, (size_t)n);
        vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap2);
        sb->len += (size_t)n;
    }
    va_end(ap2);
}
int sb_append_str(StrBuilder *sb, Object *str) {
    if (!STR_CHECK(str)) { err_format(Exc_TypeError, "expected str, got %T", str); return -1; }
    sb_append(sb, str_data(str), str_size(str));
    return 0;
}
int sb_append_repr(StrBuilder *sb, Object *o) {
    Object *r = obj_repr(o);
    if (!r) return -1;
    sb_append(sb, str_data(r), str_size(r));
    DECREF(r);
    return 0;
}
Object *sb_finish(StrBuilder *sb) {
    Object *r = str_from_utf8_unchecked(sb->buf ? sb->buf : "", sb->len);
    sb_free(sb);
    return r;
}
void sb_free(StrBuilder *sb) { mem_free(sb->buf); sb->buf = NULL; sb->len = sb->cap = 0; }

/* ---- hashing and interning ---- */

static inline uint64_t mix64(uint64_t x) {
    x ^= x >> 32; x *= 0xd6e8feb86659fd93ull;
    x ^= x >> 32; x *= 0xd6e8feb86659fd93ull;
    x ^= x >> 32;
    return x;
}

static int64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
    const char *p = s, *end = s + n;
    while (p + 8 <= end) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
        p += 8;
    }
    uint64_t tail = 0;
    size_t rest = end - p;
    if (rest) { memcpy(&tail, p, rest); h = (h ^ tail) * 0x100000001b3ull; }
    int64_t r = (int64_t)mix64(h);
    return r == -1 ? -2 : r;
}

int64_t bytes_hash_data(const char *s, size_t n) { return hash_bytes(s, n); }

int64_t str_hash(Object *o) {
    StrObject *s = (StrObject *)o;
    int64_t h = __atomic_load_n(&s->hash, __ATOMIC_RELAXED);
    if (h != -1) return h;
    h = hash_bytes(s->data, s->size);
    __atomic_store_n(&s->hash, h, __ATOMIC_RELAXED);
    return h;
}

static struct {
    FtMutex lock;
    StrObject **slots;
    size_t cap, count;
} intern_table = { FT_MUTEX_INIT, NULL, 0, 0 };

/* Find the slot for (s, n, h); caller holds the lock. */
static StrObject **intern_slot(const char *s, size_t n, int64_t h) {
    size_t mask = intern_table.cap - 1, i = (size_t)h & mask;
    for (;;) {
        StrObject *e = intern_table.slots[i];
        if (!e || (e->hash == h && e->size == n && memcmp(e->data, s, n) == 0))
            return &intern_table.slots[i];
        i = (i + 1) & mask;
    }
}

static void intern_grow(void) {
    size_t old_cap = intern_table.cap;
    StrObject **old = intern_table.slots;
    intern_table.cap = old_cap ? old_cap * 2 : 1024;
    intern_table.slots = mem_calloc(intern_table.cap, sizeof(StrObject *));
    for (size_t i = 0; i < old_cap; i++) {
        StrObject *e = old[i];
        if (e) *intern_slot(e->data, e->size, e->hash) = e;
    }
    mem_free(old);
}

/* The canonical string for the contents of `candidate` (or of s/n when
 * candidate is NULL): borrowed, immortal. */
static Object *intern_lookup_or_add(Object *candidate, const char *s, size_t n) {
    /* "" and one ASCII character already have an immortal singleton (every
     * s[i] and iteration returns it): it is the canonical string, so an
     * attribute named `x` is interned like any other identifier and its
     * lookups reach the method cache and inline caches. */
    if (n == 0) candidate = str_empty();
    else if (n == 1 && (unsigned char)s[0] < 128) candidate = str_ascii_char((unsigned char)s[0]);
    int64_t h = candidate ? str_hash(candidate) : hash_bytes(s, n);
    ft_mutex_lock(&intern_table.lock);
    if ((intern_table.count + 1) * 3 >= intern_table.cap * 2) intern_grow();
    StrObject **slot = intern_slot(s, n, h);
    if (!*slot) {
        StrObject *o;
        if (candidate) { o = (StrObject *)candidate; INCREF(o); }
        else {
            o = (StrObject *)str_new_raw(n);
            memcpy(o->data, s, n);
            o->length = count_leads(s, n);
            o->is_ascii = o->length == n;
            o->hash = h;
        }
        obj_make_immortal(o);
        o->interned = 1;
        *slot = o;
        intern_table.count++;
    }
    Object *r = (Object *)*slot;
    ft_mutex_unlock(&intern_table.lock);
    return r;
}

Object *intern_cstr(const char *s) { return intern_lookup_or_add(NULL, s, strlen(s)); }
Object *str_intern_cstr(const char *s) { return intern_cstr(s); }

void str_intern(Object **p) {
    Object *s = *p;
    if (!IS_TYPE(s, StrType) || ((StrObject *)s)->interned) return;
    Object *canon = intern_lookup_or_add(s, str_data(s), str_size(s));
    if (canon != s) { *p = canon; DECREF(s); }
}

/* ---- comparison ---- */

bool str_eq(Object *a, Object *b) {
    if (a == b) return true;
    StrObject *x = (StrObject *)a, *y = (StrObject *)b;
    if (x->size != y->size) return false;
    if (x->interned && y->interned && IS_TYPE(a, StrType) && IS_TYPE(b, StrType)) return false;
    int64_t hx = str_cached_hash(a), hy = str_cached_hash(b);
    if (hx != -1 && hy != -1 && hx != hy) return false;
    return memcmp(x->data, y->data, x->size) == 0;
}

bool str_eq_cstr(Object *s, const char *c) {
    size_t n = strlen(c);
    return str_size(s) == n && memcmp(str_data(s), c, n) == 0;
}

int str_compare(Object *a, Object *b) {
    size_t na = str_size(a), nb = str_size(b);
    int c = memcmp(str_data(a), str_data(b), na < nb ? na : nb);
    if (c) return c < 0 ? -1 : 1;
    return (na > nb) - (na < nb);
}

static Object *str_richcompare(Object *a, Object *b, CompareOp op) {
    if (!STR_CHECK(a) || !STR_CHECK(b)) return NEWREF(OBJ_NOTIMPL);
    if (op == CMP_EQ) RETURN_BOOL(str_eq(a, b));
    if (op == CMP_NE) RETURN_BOOL(!str_eq(a, b));
    int c = str_compare(a, b);
    switch (op) {
    case CMP_LT: RETURN_BOOL(c < 0);
    case CMP_LE: RETURN_BOOL(c <= 0);
    case CMP_GT: RETURN_BOOL(c > 0);
    default: RETURN_BOOL(c >= 0);
    }
}

static int64_t str_hash_slot(Object *self) { return str_hash(self); }

/* ---- repr ---- */


/* Append the repr of a str's contents (with quotes) to sb; ascii_only
 * escapes every non-ASCII character (ascii()). */
void str_repr_into(StrBuilder *sb, Object *o, bool ascii_only) {
    const char *s = str_data(o);
    size_t n = str_size(o);
    bool has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    sb_grow(sb, n + 2);
    sb_append_char(sb, quote);
    const char *p = s, *end = s + n;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c < 0x7F) {
            if (c == (unsigned char)quote || c == '\\') sb_append_char(sb, '\\');
            sb_append_char(sb, (char)c);
            p++;
            continue;
        }
        size_t len;
        uint32_t cp = utf8_decode(p, &len);
        if (cp == '\n') sb_append(sb, "\\n", 2);
        else if (cp == '\r') sb_append(sb, "\\r", 2);
        else if (cp == '\t') sb_append(sb, "\\t", 2);
        else if (cp < 0x80 || (!ascii_only && !ucs_isprintable(cp)) || (ascii_only && cp >= 0x80)) {
            if (cp < 0x100) sb_printf(sb, "\\x%02x", cp);
            else if (cp < 0x10000) sb_printf(sb, "\\u%04x", cp);
            else sb_printf(sb, "\\U%08x", cp);
        } else {
            sb_append(sb, p, len);
        }
        p += len;
    }
    sb_append_char(sb, quote);
}

Object *str_repr(Object *o) {
    StrBuilder sb;
    sb_init(&sb);
    str_repr_into(&sb, o, false);
    return sb_finish(&sb);
}

static Object *str_str(Object *self) {
    if (IS_TYPE(self, StrType)) return NEWREF(self);
    return str_from_utf8_len(str_data(self), str_size(self), str_length(self));
}

/* ---- concatenation, repetition, join ---- */

Object *str_concat(Object *a, Object *b) {
    size_t na = str_size(a), nb = str_size(b);
    if (nb == 0 && IS_TYPE(a, StrType)) return NEWREF(a);
    if (na == 0 && IS_TYPE(b, StrType)) return NEWREF(b);
    StrObject *r = (StrObject *)str_new_raw(na + nb);
    memcpy(r->data, str_data(a), na);
    memcpy(r->data + na, str_data(b), nb);
    r->length = str_length(a) + str_length(b);
    r->is_ascii = ((StrObject *)a)->is_ascii && ((StrObject *)b)->is_ascii;
    return (Object *)r;
}

/* s + t written into s itself, for `s += t` in the eval loop when s is a
 * local's exact str that nothing else refers to (as CPython does, so that
 * building a str piece by piece in a loop is linear, not quadratic): s's
 * block grows (the allocator often extends it where it is) and t is
 * copied after it. Returns s's new address, or NULL with MemoryError set
 * and s unchanged. An interned str never comes here: interned strs are
 * immortal, which the caller's uniqueness test rules out. */
Object *str_append_in_place(Object *s, Object *t) {
    StrObject *a = (StrObject *)s;
    size_t na = a->size, nb = str_size(t);
    if (nb > PTRDIFF_MAX - offsetof(StrObject, data) - 1 - na) {
        err_no_memory();
        return NULL;
    }
    bool t_ascii = ((StrObject *)t)->is_ascii;
    size_t t_length = str_length(t);
    StrObject *r = mem_realloc_or_raise(a, offsetof(StrObject, data) + na + nb + 1);
    if (!r) return NULL;
    memcpy(r->data + na, str_data(t), nb);
    r->data[na + nb] = 0;
    r->size = na + nb;
    r->length += t_length;
    r->is_ascii = r->is_ascii && t_ascii;
    r->hash = -1;
    return (Object *)r;
}

static Object *str_repeat(Object *s, int64_t n) {
    if (n <= 0 || str_size(s) == 0) return str_empty();
    if (n == 1 && IS_TYPE(s, StrType)) return NEWREF(s);
    size_t sz = str_size(s);
    if ((uint64_t)n > (uint64_t)INT64_MAX / sz)
        return err_set(Exc_OverflowError, "repeated string is too long");
    if (mem_check_size(sz, (size_t)n) < 0) return NULL;
    StrObject *r = (StrObject *)str_new_raw(sz * n);
    if (sz == 1) memset(r->data, str_data(s)[0], n);
    else {
        memcpy(r->data, str_data(s), sz);
        size_t done = sz, total = sz * n;
        while (done < total) {   /* doubling copies */
            size_t k = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, k);
            done += k;
        }
    }
    r->length = str_length(s) * n;
    r->is_ascii = ((StrObject *)s)->is_ascii;
    return (Object *)r;
}

Object *str_join(Object *sep, Object *iterable) {
    Object *seq;
    /* A list another thread may change while we read it is copied first
     * (obj_to_list copies under its lock). */
    if (IS_TYPE(iterable, TupleType) || (IS_TYPE(iterable, ListType) && !threads_may_contend()))
        seq = NEWREF(iterable);
    else { seq = obj_to_list(iterable); if (!seq) return NULL; }
    size_t n;
    Object **items;
    if (IS_TYPE(seq, ListType)) { n = list_size(seq); items = ((ListObject *)seq)->items; }
    else { n = tuple_size(seq); items = tuple_items(seq); }
    if (n == 1 && IS_TYPE(items[0], StrType)) {
        Object *r = NEWREF(items[0]);
        DECREF(seq);
        return r;
    }
    size_t total = 0, length = 0;
    bool ascii = ((StrObject *)sep)->is_ascii;
    for (size_t i = 0; i < n; i++) {
        Object *it = items[i];
        if (!STR_CHECK(it)) {
            err_format(Exc_TypeError, "sequence item %zu: expected str instance, %s found",
                       i, type_name(TYPE(it)));
            DECREF(seq);
            return NULL;
        }
        total += str_size(it);
        length += str_length(it);
        ascii &= ((StrObject *)it)->is_ascii;
    }
    if (n > 1) { total += str_size(sep) * (n - 1); length += str_length(sep) * (n - 1); }
    if (total == 0) { DECREF(seq); return str_empty(); }
    StrObject *r = (StrObject *)str_new_raw(total);
    char *p = r->data;
    size_t sepn = str_size(sep);
    const char *seps = str_data(sep);
    /* A list could be mutated by nothing here: no gilt code runs. */
    for (size_t i = 0; i < n; i++) {
        if (i && sepn) { memcpy(p, seps, sepn); p += sepn; }
        memcpy(p, str_data(items[i]), str_size(items[i]));
        p += str_size(items[i]);
    }
    r->length = length;
    r->is_ascii = ascii;
    DECREF(seq);
    return (Object *)r;
}

/* Substring by code point range [start, stop) (already clamped). */
Object *str_substring(Object *s, size_t start, size_t stop) {
    if (start >= stop) return str_empty();
    if (start == 0 && stop == str_length(s) && IS_TYPE(s, StrType)) return NEWREF(s);
    size_t b0 = str_offset(s, start);
    size_t b1 = ((StrObject *)s)->is_ascii ? stop : b0 + (str_offset(s, stop) - b0);
    return str_from_utf8_len(str_data(s) + b0, b1 - b0, stop - start);
}

/* ---- slots ---- */

static bool is_builtin_operand(Object *o) { return !(TYPE(o)->flags & TPFLAG_HEAPTYPE); }

static Object *str_binop(Object *a, Object *b, BinOp op) {
    switch (op & ~BINOP_INPLACE) {
    case BINOP_ADD:
        if (STR_CHECK(a) && STR_CHECK(b)) return str_concat(a, b);
        if (STR_CHECK(a) && is_builtin_operand(b))
            return err_format(Exc_TypeError, "can only concatenate str (not \"%s\") to str",
                              type_name(TYPE(b)));
        break;
    case BINOP_MUL: {
        Object *s = STR_CHECK(a) ? a : b, *n = s == a ? b : a;
        if (INT_CHECK(n)) {
            if (!int_is_small(n)) {
                if (int_sign(n) <= 0) return str_empty();
                return err_set(Exc_OverflowError, "cannot fit 'int' into an index-sized integer");
            }
            return str_repeat(s, int_small(n));
        }
        if (is_builtin_operand(n) && !TYPE(n)->unaryop)
            return err_format(Exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                              type_name(TYPE(n)));
        if (is_builtin_operand(n) || type_lookup_cstr(TYPE(n), "__index__")) {
            if (!type_lookup_cstr(TYPE(n), "__index__"))
                return err_format(Exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                                  type_name(TYPE(n)));
            int64_t k = obj_as_index(n);
            if (k == -1 && err_occurred()) return NULL;
            return str_repeat(s, k);
        }
        break;
    }
    case BINOP_MOD:
        if (STR_CHECK(a)) return str_percent_format(a, b);
        break;
    default: break;
    }
    return NEWREF(OBJ_NOTIMPL);
}

static int64_t str_len_slot(Object *self) { return (int64_t)str_length(self); }

static Object *str_getitem(Object *self, Object *key) {
    StrObject *s = (StrObject *)self;
    if (INT_CHECK(key) || (!IS_TYPE(key, SliceType) && TYPE(key)->unaryop)) {
        int64_t i = obj_as_index(key);
        if (i == -1 && err_occurred()) {
            if (err_matches(Exc_OverflowError)) {
                err_clear();
                return err_set(Exc_IndexError, "cannot fit 'int' into an index-sized integer");
            }
            if (!INT_CHECK(key) && err_matches(Exc_TypeError)) {
                err_clear();
                return err_format(Exc_TypeError, "string indices must be integers, not '%s'",
                                  type_name(TYPE(key)));
            }
            return NULL;
        }
        if (i < 0) i += (int64_t)s->length;
        if (i < 0 || (size_t)i >= s->length) return err_set(Exc_IndexError, "string index out of range");
        if (s->is_ascii) return str_ascii_char((unsigned char)s->data[i]);
        size_t off = str_offset(self, (size_t)i), len;
        uint32_t cp = utf8_decode(s->data + off, &len);
        return str_from_codepoint(cp);
    }
    if (IS_TYPE(key, SliceType)) {
        int64_t start, stop, step, n;
        if (slice_indices(key, (int64_t)s->length, &start, &stop, &step, &n) < 0) return NULL;
        if (n <= 0) return str_empty();
        if (step == 1) return str_substring(self, (size_t)start, (size_t)stop);
        StrBuilder sb;
        sb_init(&sb);
        if (s->is_ascii) {
            sb_grow(&sb, (size_t)n);
            for (int64_t k = 0, i = start; k < n; k++, i += step) sb.buf[sb.len++] = s->data[i];
            Object *r = str_from_utf8_len(sb.buf, sb.len, sb.len);
            sb_free(&sb);
            return r;
        }
        /* Decode once into offsets, then pick. */
        size_t *offs = mem_alloc((s->length + 1) * sizeof(size_t));
        size_t k = 0;
        for (size_t b = 0; b < s->size; b++)
            if (((unsigned char)s->data[b] & 0xC0) != 0x80) offs[k++] = b;
        offs[k] = s->size;
        for (int64_t j = 0, i = start; j < n; j++, i += step)
            sb_append(&sb, s->data + offs[i], offs[i + 1] - offs[i]);
        mem_free(offs);
        Object *r = str_from_utf8_len(sb.buf ? sb.buf : "", sb.len, (size_t)n);
        sb_free(&sb);
        return r;
    }
    return err_format(Exc_TypeError, "string indices must be integers, not '%s'", type_name(TYPE(key)));
}

static int str_contains(Object *self, Object *item) {
    if (!STR_CHECK(item)) {
        err_format(Exc_TypeError, "'in <string>' requires string as left operand, not %s",
                   type_name(TYPE(item)));
        return -1;
    }
    size_t n = str_size(item);
    if (n == 0) return 1;
    return memmem(str_data(self), str_size(self), str_data(item), n) != NULL;
}

static int str_bool(Object *self) { return str_size(self) != 0; }

/* ---- iterator ---- */

typedef struct {
    OBJECT_HEAD
    Object *str;
    size_t offset;
} StrIterObject;

static Object *str_iter(Object *self) {
    StrIterObject *it = (StrIterObject *)obj_alloc(&StrIterType, sizeof(StrIterObject));
    it->str = NEWREF(self);
    it->offset = 0;
    return (Object *)it;
}

static Object *striter_next(Object *self) {
    StrIterObject *it = (StrIterObject *)self;
    Object *s = it->str;
    if (!s) return NULL;
    size_t off = it->offset;
    if (off >= str_size(s)) { CLEAR(it->str); return NULL; }
    unsigned char c = (unsigned char)str_data(s)[off];
    if (c < 0x80) { it->offset = off + 1; return str_ascii_char(c); }
    size_t len;
    uint32_t cp = utf8_decode(str_data(s) + off, &len);
    it->offset = off + len;
    return str_from_codepoint(cp);
}

static void striter_dealloc(Object *self) {
    StrIterObject *it = (StrIterObject *)self;
    XDECREF(it->str);
    obj_free(self);
}

static Object *striter_iter(Object *self) { return NEWREF(self); }

static int striter_traverse(Object *self, int (*visit)(Object *, void *), void *arg) {
    StrIterObject *it = (StrIterObject *)self;
    return it->str ? visit(it->str, arg) : 0;
}

static Object *striter_length_hint(Object *self, Object *const *args, size_t nargs, Object *kw) {
    StrIterObject *it = (StrIterObject *)self;
    if (!it->str) return int_from_i64(0);
    return int_from_u64(count_leads(str_data(it->str) + it->offset, str_size(it->str) - it->offset));
}

static const MethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL}
};

TypeObject StrIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIterObject),
    .dealloc = striter_dealloc,
    .iter = striter_iter,
    .iternext = striter_next,
    .traverse = striter_traverse,
    .methods = striter_methods,
};

/* ---- constructor ---- */

static Object *str_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    Object *v[3] = {NULL, NULL, NULL};
    if (arg_bind("str", args, nargs, kwnames, kwlist, 0, v) < 0) return NULL;
    Object *r;
    if (!v[0]) r = str_empty();
    else if (!v[1] && !v[2]) r = obj_str(v[0]);
    else {
        const char *enc = "utf-8", *errs = "strict";
        if (v[1]) {
            if (!STR_CHECK(v[1])) return err_format(Exc_TypeError, "str() argument 'encoding' must be str, not %T", v[1]);
            enc = str_data(v[1]);
        }
        if (v[2]) {
            if (!STR_CHECK(v[2])) return err_format(Exc_TypeError, "str() argument 'errors' must be str, not %T", v[2]);
            errs = str_data(v[2]);
        }
        const char *data; size_t n;
        if (BYTES_CHECK(v[0])) { data = bytes_data(v[0]); n = bytes_size(v[0]); }
        else if (IS_INSTANCE(v[0], ByteArrayType)) {
            data = ((ByteArrayObject *)v[0])->data; n = ((ByteArrayObject *)v[0])->size;
            if (!data) data = "";
        } else if (STR_CHECK(v[0])) return err_set(Exc_TypeError, "decoding str is not supported");
        else return err_format(Exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                               type_name(TYPE(v[0])));
        r = str_decode(data, n, enc, errs);
    }
    if (!r || type == &StrType) return r;
    if (!STR_CHECK(r)) return r;
    size_t n = str_size(r);
    StrObject *o = (StrObject *)obj_new_instance(type, n + 1);
    if (!o) { DECREF(r); return NULL; }
    memcpy(o->data, str_data(r), n + 1);
    o->size = n;
    o->length = str_length(r);
    o->is_ascii = ((StrObject *)r)->is_ascii;
    o->hash = -1;
    DECREF(r);
    return (Object *)o;
}

/* ---- codecs ---- */

typedef enum {
    ENC_UTF8, ENC_ASCII, ENC_LATIN1,
    ENC_UTF16, ENC_UTF16LE, ENC_UTF16BE, ENC_UTF32, ENC_UTF32LE, ENC_UTF32BE,  /* strcodecs.c */
    ENC_UNKNOWN
} Encoding;

static Encoding lookup_encoding(const char *name) {
    char norm[32];
    size_t k = 0;
    for (const char *p = name; *p && k < sizeof norm - 1; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c == '_' || c == ' ') c = '-';
        norm[k++] = c;
    }
    norm[k] = 0;
    if (!strcmp(norm, "utf-8") || !strcmp(norm, "utf8") || !strcmp(norm, "u8") ||
        !strcmp(norm, "utf")) return ENC_UTF8;
    if (!strcmp(norm, "ascii") || !strcmp(norm, "us-ascii") || !strcmp(norm, "646")) return ENC_ASCII;
    if (!strcmp(norm, "latin-1") || !strcmp(norm, "latin1") || !strcmp(norm, "iso-8859-1") ||
        !strcmp(norm, "iso8859-1") || !strcmp(norm, "l1") || !strcmp(norm, "8859") ||
        !strcmp(norm, "cp819") || !strcmp(norm, "latin")) return ENC_LATIN1;
    static const struct { const char *name; Encoding enc; } wide[] = {
        {"utf-16", ENC_UTF16}, {"utf16", ENC_UTF16}, {"u16", ENC_UTF16},
        {"utf-16-le", ENC_UTF16LE}, {"utf-16le", ENC_UTF16LE},
        {"utf-16-be", ENC_UTF16BE}, {"utf-16be", ENC_UTF16BE},
        {"utf-32", ENC_UTF32}, {"utf32", ENC_UTF32}, {"u32", ENC_UTF32},
        {"utf-32-le", ENC_UTF32LE}, {"utf-32le", ENC_UTF32LE},
        {"utf-32-be", ENC_UTF32BE}, {"utf-32be", ENC_UTF32BE},
    };
    for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
        if (!strcmp(norm, wide[i].name)) return wide[i].enc;
    return ENC_UNKNOWN;
}

static Object *unknown_handler(const char *errors) {
    return err_format(Exc_LookupError, "unknown error handler name '%s'", errors);
}

/* UTF-16/32 flavours: unit width and byte order (0 = BOM, -1 LE, 1 BE). */
static bool wide_encoding(Encoding enc, int *width, int *order) {
    switch (enc) {
    case ENC_UTF16: *width = 2; *order = 0; return true;
    case ENC_UTF16LE: *width = 2; *order = -1; return true;
    case ENC_UTF16BE: *width = 2; *order = 1; return true;
    case ENC_UTF32: *width = 4; *order = 0; return true;
    case ENC_UTF32LE: *width = 4; *order = -1; return true;
    case ENC_UTF32BE: *width = 4; *order = 1; return true;
    default: return false;
    }
}

/* Append the backslashreplace form of the undecodable bytes s[0..n). */
static void append_byte_escapes(StrBuilder *sb, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) sb_printf(sb, "\\x%02x", (unsigned char)s[i]);
}

Object *str_decode(const char *s, size_t n, const char *encoding, const char *errors) {
    Encoding enc = lookup_encoding(encoding);
    if (enc == ENC_UNKNOWN) return err_format(Exc_LookupError, "unknown encoding: %s", encoding);
    int width, order;
    if (wide_encoding(enc, &width, &order)) return codec_utf16_32_decode(s, n, width, order, errors);
    bool strict = !strcmp(errors, "strict"), ignore = !strcmp(errors, "ignore"),
         replace = !strcmp(errors, "replace"), backslash = !strcmp(errors, "backslashreplace");
    const char *codec = enc == ENC_UTF8 ? "utf-8" : enc == ENC_ASCII ? "ascii" : "latin-1";
    if (enc == ENC_LATIN1) {
        StrBuilder sb;
        sb_init(&sb);
        for (size_t i = 0; i < n; i++) sb_append_codepoint(&sb, (unsigned char)s[i]);
        return sb_finish(&sb);
    }
    if (enc == ENC_ASCII) {
        size_t i = 0;
        while (i < n && (unsigned char)s[i] < 0x80) i++;
        if (i == n) return str_from_utf8_len(s, n, n);
        if (strict) return decode_error(codec, s, n, i, 1, "ordinal not in range(128)");
        if (!ignore && !replace && !backslash) return unknown_handler(errors);
        StrBuilder sb;
        sb_init(&sb);
        for (size_t j = 0; j < n; j++) {
            if ((unsigned char)s[j] < 0x80) sb_append_char(&sb, s[j]);
            else if (replace) sb_append_codepoint(&sb, 0xFFFD);
            else if (backslash) append_byte_escapes(&sb, s + j, 1);
        }
        return sb_finish(&sb);
    }
    const char *reason;
    size_t bad;
    size_t ok = utf8_check(s, n, &reason, &bad);
    if (!reason) return str_from_utf8_unchecked(s, n);
    if (strict) return str_from_utf8(s, n);
    if (!ignore && !replace && !backslash) return unknown_handler(errors);
    StrBuilder sb;
    sb_init(&sb);
    size_t pos = 0;
    while (reason) {
        sb_append(&sb, s + pos, ok);
        pos += ok;
        size_t skip = bad ? bad : 1;
        if (pos + skip > n) skip = n - pos;
        if (replace) sb_append_codepoint(&sb, 0xFFFD);
        else if (backslash) append_byte_escapes(&sb, s + pos, skip);
        pos += bad ? bad : 1;
        if (pos > n) pos = n;
        ok = utf8_check(s + pos, n - pos, &reason, &bad);
    }
    sb_append(&sb, s + pos, n - pos);
    return sb_finish(&sb);
}

Object *str_encode(Object *str, const char *encoding, const char *errors) {
    Encoding enc = lookup_encoding(encoding);
    if (enc == ENC_UNKNOWN) return err_format(Exc_LookupError, "unknown encoding: %s", encoding);
    int width, order;
    if (wide_encoding(enc, &width, &order)) return codec_utf16_32_encode(str, width, order);
    StrObject *s = (StrObject *)str;
    if (enc == ENC_UTF8 || s->is_ascii) return bytes_from(s->data, s->size);
    unsigned limit = enc == ENC_ASCII ? 0x80 : 0x100;
    const char *codec = enc == ENC_ASCII ? "ascii" : "latin-1";
    bool strict = !strcmp(errors, "strict"), ignore = !strcmp(errors, "ignore"),
         replace = !strcmp(errors, "replace"), backslash = !strcmp(errors, "backslashreplace"),
         xmlref = !strcmp(errors, "xmlcharrefreplace");
    StrBuilder sb;
    sb_init(&sb);
    size_t idx = 0;
    for (size_t off = 0; off < s->size; idx++) {
        size_t len;
        uint32_t cp = utf8_decode(s->data + off, &len);
        off += len;
        if (cp < limit) { sb_append_char(&sb, (char)cp); continue; }
        if (strict) {
            /* Report the whole run of unencodable characters, as Python. */
            size_t first = idx, last = idx, o2 = off;
            while (o2 < s->size) {
                size_t l2;
                uint32_t c2 = utf8_decode(s->data + o2, &l2);
                if (c2 < limit) break;
                last++; o2 += l2;
            }
            sb_free(&sb);
            char range[32];
            snprintf(range, sizeof range, "%u", limit);
            if (first == last) {
                char esc[16];
                if (cp < 0x100) snprintf(esc, sizeof esc, "\\x%02x", cp);
                else if (cp < 0x10000) snprintf(esc, sizeof esc, "\\u%04x", cp);
                else snprintf(esc, sizeof esc, "\\U%08x", cp);
                return err_format(Exc_UnicodeEncodeError,
                                  "'%s' codec can't encode character '%s' in position %zu: ordinal not in range(%s)",
                                  codec, esc, first, range);
            }
            return err_format(Exc_UnicodeEncodeError,
                              "'%s' codec can't encode characters in position %zu-%zu: ordinal not in range(%s)",
                              codec, first, last, range);
        }
        if (ignore) continue;
        if (replace) { sb_append_char(&sb, '?'); continue; }
        if (xmlref) { sb_printf(&sb, "&#%u;", cp); continue; }
        if (backslash) {
            if (cp < 0x100) sb_printf(&sb, "\\x%02x", cp);
            else if (cp < 0x10000) sb_printf(&sb, "\\u%04x", cp);
            else sb_printf(&sb, "\\U%08x", cp);
            continue;
        }
        sb_free(&sb);
        return unknown_handler(errors);
    }
    Object *r = bytes_from(sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    return r;
}

/* ---- the type (methods live in strmethods.c) ---- */

TypeObject StrType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "str",
    .basicsize = offsetof(StrObject, data),
    .itemsize = 1,
    .flags = TPFLAG_BASETYPE | TPFLAG_STR_SUBCLASS,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
    .dealloc = str_dealloc,
    .new_ = str_new,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .bool_ = str_bool,
    .binop = str_binop,
    .len = str_len_slot,
    .getitem = str_getitem,
    .contains = str_contains,
    .iter = str_iter,
    .methods = str_methods,
};
