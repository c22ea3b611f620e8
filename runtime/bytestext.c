/* bytestext.c — the text-like methods that bytes and bytearray share beyond
 * the core ones in bytes.c: ASCII case (capitalize, title and the
 * islower/isupper/istitle predicates), padding (center, ljust, rjust, zfill,
 * expandtabs), rsplit, splitlines, removeprefix/removesuffix, and
 * translate/maketrans.
 *
 * Like bytes.c these see the receiver through buf_view() and build results
 * of the receiver's kind (make_like), so one method table serves both
 * types. Only ASCII letters have case, as in CPython; messages follow
 * CPython 3.11.
 */
#include <string.h>
#include "gilt.h"
#include "strimpl.h"
#include "bytesimpl.h"

#define METHOD(fn) Object *fn(Object *self, Object *const *args, size_t nargs, Object *kw)

static bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static char to_upper(char c) { return is_lower((unsigned char)c) ? (char)(c - 32) : c; }
static char to_lower(char c) { return is_upper((unsigned char)c) ? (char)(c + 32) : c; }
static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static void view(Object *self, const char **s, size_t *n) { buf_view(self, s, n); }

/* A mutable copy of the receiver's bytes, for the case maps. */
static char *copy_of(Object *self, size_t *n) {
    const char *s;
    view(self, &s, n);
    char *t = mem_alloc(*n + 1);
    memcpy(t, s, *n);
    return t;
}

static Object *finish_copy(Object *self, char *t, size_t n) {
    Object *r = make_like(self, t, n);
    mem_free(t);
    return r;
}

/* ---- case ---- */

METHOD(buf_capitalize) {
    if (arg_no_kw("capitalize", kw) < 0 || arg_count("capitalize", nargs, 0, 0) < 0) return NULL;
    size_t n;
    char *t = copy_of(self, &n);
    for (size_t i = 0; i < n; i++) t[i] = i == 0 ? to_upper(t[i]) : to_lower(t[i]);
    return finish_copy(self, t, n);
}

METHOD(buf_title) {
    if (arg_no_kw("title", kw) < 0 || arg_count("title", nargs, 0, 0) < 0) return NULL;
    size_t n;
    char *t = copy_of(self, &n);
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        bool cased = is_upper(c) || is_lower(c);
        t[i] = prev_cased ? to_lower(t[i]) : to_upper(t[i]);
        prev_cased = cased;
    }
    return finish_copy(self, t, n);
}

/* islower/isupper: some cased byte, and none of the other case. */
static Object *case_predicate(Object *self, size_t nargs, Object *kw, const char *name, bool upper) {
    if (arg_no_kw(name, kw) < 0 || arg_count(name, nargs, 0, 0) < 0) return NULL;
    const char *s;
    size_t n;
    view(self, &s, &n);
    bool cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (upper ? is_lower(c) : is_upper(c)) RETURN_BOOL(0);
        if (upper ? is_upper(c) : is_lower(c)) cased = true;
    }
    RETURN_BOOL(cased);
}
METHOD(buf_islower) { (void)args; return case_predicate(self, nargs, kw, "islower", false); }
METHOD(buf_isupper) { (void)args; return case_predicate(self, nargs, kw, "isupper", true); }

METHOD(buf_istitle) {
    if (arg_no_kw("istitle", kw) < 0 || arg_count("istitle", nargs, 0, 0) < 0) return NULL;
    const char *s;
    size_t n;
    view(self, &s, &n);
    bool prev_cased = false, any = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_upper(c)) {
            if (prev_cased) RETURN_BOOL(0);
            prev_cased = any = true;
        } else if (is_lower(c)) {
            if (!prev_cased) RETURN_BOOL(0);
            prev_cased = any = true;
        } else {
            prev_cased = false;
        }
    }
    RETURN_BOOL(any);
}

/* ---- padding ---- */

static Object *padded(Object *self, size_t left, size_t right, char fill) {
    const char *s;
    size_t n;
    view(self, &s, &n);
    if (mem_check_size(left + right, 1) < 0) return NULL;
    char *t = mem_alloc(left + n + right + 1);
    memset(t, fill, left);
    memcpy(t + left, s, n);
    memset(t + left + n, fill, right);
    return finish_copy(self, t, left + n + right);
}

/* center/ljust/rjust: how is 0 left-justify, 1 center, 2 right-justify. */
static Object *justify(Object *self, Object *const *args, size_t nargs, Object *kw,
                       const char *name, int how) {
    if (arg_no_kw(name, kw) < 0 || arg_count(name, nargs, 1, 2) < 0) return NULL;
    int64_t width = obj_as_index(args[0]);
    if (width == -1 && err_occurred()) return NULL;
    char fill = ' ';
    if (nargs == 2) {
        const char *f;
        size_t fn;
        if (!buf_view(args[1], &f, &fn) || fn != 1)
            return err_format(Exc_TypeError,
                              "%s() argument 2 must be a byte string of length 1, not %s", name,
                              type_name(TYPE(args[1])));
        fill = f[0];
    }
    const char *s;
    size_t n;
    view(self, &s, &n);
    if (width <= (int64_t)n) return make_like(self, s, n);
    size_t marg = (size_t)width - n;
    if (how == 0) return padded(self, 0, marg, fill);
    if (how == 2) return padded(self, marg, 0, fill);
    size_t left = marg / 2 + (marg & (size_t)width & 1);
    return padded(self, left, marg - left, fill);
}
METHOD(buf_ljust) { return justify(self, args, nargs, kw, "ljust", 0); }
METHOD(buf_center) { return justify(self, args, nargs, kw, "center", 1); }
METHOD(buf_rjust) { return justify(self, args, nargs, kw, "rjust", 2); }

METHOD(buf_zfill) {
    if (arg_no_kw("zfill", kw) < 0 || arg_count("zfill", nargs, 1, 1) < 0) return NULL;
    int64_t width = obj_as_index(args[0]);
    if (width == -1 && err_occurred()) return NULL;
    const char *s;
    size_t n;
    view(self, &s, &n);
    if (width <= (int64_t)n) return make_like(self, s, n);
    size_t fill = (size_t)width - n;
    if (mem_check_size(fill, 1) < 0) return NULL;
    char *t = mem_alloc((size_t)width + 1);
    memset(t, '0', fill);
    memcpy(t + fill, s, n);
    /* A leading sign moves in front of the zeros. */
    if (n && (s[0] == '+' || s[0] == '-')) { t[0] = s[0]; t[fill] = '0'; }
    return finish_copy(self, t, (size_t)width);
}

METHOD(buf_expandtabs) {
    static const char *const kwlist[] = {"tabsize", NULL};
    Object *v[1] = {NULL};
    if (arg_bind("expandtabs", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    int64_t tabsize = 8;
    if (v[0]) { tabsize = obj_as_index(v[0]); if (tabsize == -1 && err_occurred()) return NULL; }
    if (tabsize > INT32_MAX || tabsize < INT32_MIN)   /* CPython takes a C int */
        return err_set(Exc_OverflowError, "Python int too large to convert to C int");
    const char *s;
    size_t n;
    view(self, &s, &n);
    StrBuilder sb;
    sb_init(&sb);
    size_t column = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\t') {
            if (tabsize > 0) {
                size_t spaces = (size_t)tabsize - column % (size_t)tabsize;
                for (size_t k = 0; k < spaces; k++) sb_append_char(&sb, ' ');
                column += spaces;
            }
        } else {
            sb_append_char(&sb, c);
            column = (c == '\n' || c == '\r') ? 0 : column + 1;
        }
    }
    Object *r = make_like(self, sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    return r;
}

/* ---- splitting ---- */

static int append_part(Object *list, Object *self, const char *s, size_t n) {
    Object *p = make_like(self, s, n);
    if (!p) return -1;
    int r = list_append(list, p);
    DECREF(p);
    return r;
}

static const char *last_occurrence(const char *h, size_t hn, const char *nd, size_t nn) {
    if (nn > hn) return NULL;
    for (const char *p = h + hn - nn;; p--) {
        if (memcmp(p, nd, nn) == 0) return p;
        if (p == h) return NULL;
    }
}

METHOD(buf_rsplit) {
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    Object *v[2] = {NULL, NULL};
    if (arg_bind("rsplit", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    int64_t maxsplit = -1;
    if (v[1]) { maxsplit = obj_as_index(v[1]); if (maxsplit == -1 && err_occurred()) return NULL; }
    if (maxsplit < 0) maxsplit = INT64_MAX;
    const char *s, *sep = NULL;
    size_t n, m = 0;
    view(self, &s, &n);
    if (v[0] && v[0] != OBJ_NONE) {
        if (!buf_view(v[0], &sep, &m))
            return err_format(Exc_TypeError, "a bytes-like object is required, not '%s'",
                              type_name(TYPE(v[0])));
        if (m == 0) return err_set(Exc_ValueError, "empty separator");
    }
    Object *list = list_new(0);
    if (!list) return NULL;
    if (!sep) {
        size_t j = n;
        while (j > 0) {
            while (j > 0 && is_space((unsigned char)s[j - 1])) j--;
            if (j == 0) break;
            size_t i = j;
            if (maxsplit-- <= 0) {
                i = 0;   /* the rest, leading whitespace and all */
            } else {
                while (i > 0 && !is_space((unsigned char)s[i - 1])) i--;
            }
            if (append_part(list, self, s + i, j - i) < 0) goto fail;
            j = i;
        }
    } else {
        size_t end = n;
        while (maxsplit-- > 0) {
            const char *f = last_occurrence(s, end, sep, m);
            if (!f) break;
            size_t at = (size_t)(f - s);
            if (append_part(list, self, s + at + m, end - at - m) < 0) goto fail;
            end = at;
        }
        if (append_part(list, self, s, end) < 0) goto fail;
    }
    {   /* parts were found right to left */
        ListObject *l = (ListObject *)list;
        for (size_t a = 0, b = l->size; a + 1 < b; a++, b--) {
            Object *tmp = l->items[a];
            l->items[a] = l->items[b - 1];
            l->items[b - 1] = tmp;
        }
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}

METHOD(buf_splitlines) {
    static const char *const kwlist[] = {"keepends", NULL};
    Object *v[1] = {NULL};
    if (arg_bind("splitlines", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    int keepends = 0;
    if (v[0]) { keepends = obj_is_true(v[0]); if (keepends < 0) return NULL; }
    const char *s;
    size_t n;
    view(self, &s, &n);
    Object *list = list_new(0);
    if (!list) return NULL;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r') j++;
        size_t eol = j;
        if (j < n) {
            j += (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? 2 : 1;
            if (keepends) eol = j;
        }
        if (append_part(list, self, s + i, eol - i) < 0) { DECREF(list); return NULL; }
        i = j;
    }
    return list;
}

/* ---- affixes ---- */

static Object *remove_affix(Object *self, Object *const *args, size_t nargs, Object *kw,
                            const char *name, bool suffix) {
    if (arg_no_kw(name, kw) < 0 || arg_count(name, nargs, 1, 1) < 0) return NULL;
    const char *s, *a;
    size_t n, m;
    view(self, &s, &n);
    if (!buf_view(args[0], &a, &m))
        return err_format(Exc_TypeError, "a bytes-like object is required, not '%s'",
                          type_name(TYPE(args[0])));
    if (m <= n && memcmp(suffix ? s + n - m : s, a, m) == 0)
        return make_like(self, suffix ? s : s + m, n - m);
    if (IS_TYPE(self, BytesType)) return NEWREF(self);
    return make_like(self, s, n);
}
METHOD(buf_removeprefix) { return remove_affix(self, args, nargs, kw, "removeprefix", false); }
METHOD(buf_removesuffix) { return remove_affix(self, args, nargs, kw, "removesuffix", true); }

/* ---- translate ---- */

METHOD(buf_translate) {
    static const char *const kwlist[] = {"/table", "delete", NULL};
    Object *v[2] = {NULL, NULL};
    if (arg_bind("translate", args, nargs, kw, kwlist, 1, v) < 0) return NULL;
    const char *table = NULL, *del = NULL;
    size_t tn = 0, dn = 0;
    if (v[0] != OBJ_NONE) {
        if (!buf_view(v[0], &table, &tn))
            return err_format(Exc_TypeError, "a bytes-like object is required, not '%s'",
                              type_name(TYPE(v[0])));
        if (tn != 256)
            return err_set(Exc_ValueError, "translation table must be 256 characters long");
    }
    if (v[1] && !buf_view(v[1], &del, &dn))
        return err_format(Exc_TypeError, "a bytes-like object is required, not '%s'",
                          type_name(TYPE(v[1])));
    bool deleted[256] = {false};
    for (size_t i = 0; i < dn; i++) deleted[(unsigned char)del[i]] = true;
    const char *s;
    size_t n;
    view(self, &s, &n);
    char *t = mem_alloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (deleted[c]) continue;
        t[k++] = table ? table[c] : (char)c;
    }
    return finish_copy(self, t, k);
}

/* bytes.maketrans(frm, to): a static method, so there is no self. */
METHOD(buf_maketrans) {
    (void)self;
    if (arg_no_kw("maketrans", kw) < 0 || arg_count("maketrans", nargs, 2, 2) < 0) return NULL;
    const char *from, *to;
    size_t fn, tn;
    for (int k = 0; k < 2; k++) {
        if (!buf_view(args[k], k ? &to : &from, k ? &tn : &fn))
            return err_format(Exc_TypeError, "a bytes-like object is required, not '%s'",
                              type_name(TYPE(args[k])));
    }
    if (fn != tn) return err_set(Exc_ValueError, "maketrans arguments must have same length");
    char table[256];
    for (int i = 0; i < 256; i++) table[i] = (char)i;
    for (size_t i = 0; i < fn; i++) table[(unsigned char)from[i]] = to[i];
    return bytes_from(table, 256);
}
