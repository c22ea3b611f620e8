/* strmethods.c — the methods of str (split, join, strip, find, replace,
 * case mapping, predicates, padding, partition, encode, translate, ...).
 *
 * Searches run on the UTF-8 bytes (a match of valid UTF-8 inside valid
 * UTF-8 always starts on a character boundary) and convert byte offsets
 * to code-point indices only for the results that need them. ASCII
 * strings take byte-at-a-time fast paths throughout. Semantics and error
 * messages follow CPython 3.11; case mapping is as described in
 * unicodectype.c.
 */
#define _GNU_SOURCE   /* memmem */
#include <string.h>
#include "gilt.h"
#include "strimpl.h"

#define METHOD(fn) static Object *fn(Object *self, Object *const *args, size_t nargs, Object *kw)

static inline StrObject *S(Object *o) { return (StrObject *)o; }

/* ---- argument helpers ---- */

/* An optional slice bound: None/absent keeps *out. */
static int bound_arg(Object *o, int64_t *out) {
    if (!o || o == OBJ_NONE) return 0;
    int64_t v = obj_as_index(o);
    if (v == -1 && err_occurred()) {
        if (!err_matches(Exc_OverflowError)) {
            if (err_matches(Exc_TypeError)) {
                err_clear();
                err_set(Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
            }
            return -1;
        }
        err_clear();
        v = int_sign(o) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    }
    *out = v;
    return 0;
}

/* Resolve (start, end) code-point bounds for find-like methods. */
static int get_bounds(Object *const *args, size_t nargs, size_t first, size_t len,
                      int64_t *start, int64_t *end) {
    *start = 0;
    *end = (int64_t)len;
    if (nargs > first && bound_arg(args[first], start) < 0) return -1;
    if (nargs > first + 1 && bound_arg(args[first + 1], end) < 0) return -1;
    int64_t n = (int64_t)len;
    if (*end > n) *end = n;
    else if (*end < 0) { *end += n; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += n; if (*start < 0) *start = 0; }
    return 0;
}

static int need_str(Object *o, const char *what) {
    if (STR_CHECK(o)) return 0;
    err_format(Exc_TypeError, "%s must be str, not %s", what, type_name(TYPE(o)));
    return -1;
}

static int check_nargs(const char *name, size_t nargs, size_t min, size_t max, Object *kw) {
    return arg_no_kw(name, kw) < 0 ? -1 : arg_count(name, nargs, min, max);
}

static const char *memrmem_(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn > hn) return NULL;
    if (nn == 0) return h + hn;
    for (const char *p = h + hn - nn;; p--) {
        if (*p == *n && memcmp(p, n, nn) == 0) return p;
        if (p == h) return NULL;
    }
}

static inline size_t cp_index(Object *s, size_t byte_off) {
    return S(s)->is_ascii ? byte_off : utf8_count(str_data(s), byte_off);
}

/* ---- find / index / count ---- */

/* Returns the code-point index or -1; -2 on error. */
static int64_t do_find(Object *self, Object *const *args, size_t nargs, Object *kw,
                       const char *name, bool reverse) {
    if (arg_no_kw(name, kw) < 0 || arg_count_parsetuple(name, nargs, 1, 3) < 0) return -2;
    Object *sub = args[0];
    if (!STR_CHECK(sub)) {
        err_format(Exc_TypeError, "must be str, not %s", type_name(TYPE(sub)));
        return -2;
    }
    int64_t start, end;
    if (get_bounds(args, nargs, 1, str_length(self), &start, &end) < 0) return -2;
    if (start > end) return -1;
    if ((int64_t)str_length(sub) > end - start) return -1;
    size_t b0 = str_offset(self, (size_t)start), b1 = str_offset(self, (size_t)end);
    const char *h = str_data(self) + b0;
    const char *found = reverse ? memrmem_(h, b1 - b0, str_data(sub), str_size(sub))
                                : (str_size(sub) == 0 ? h : memmem(h, b1 - b0, str_data(sub), str_size(sub)));
    if (!found) return -1;
    return start + (int64_t)(S(self)->is_ascii ? (size_t)(found - h) : utf8_count(h, found - h));
}

METHOD(str_find_m) {
    int64_t r = do_find(self, args, nargs, kw, "find", false);
    return r == -2 ? NULL : int_from_i64(r);
}
METHOD(str_rfind_m) {
    int64_t r = do_find(self, args, nargs, kw, "rfind", true);
    return r == -2 ? NULL : int_from_i64(r);
}
METHOD(str_index_m) {
    int64_t r = do_find(self, args, nargs, kw, "index", false);
    if (r == -1) return err_set(Exc_ValueError, "substring not found");
    return r == -2 ? NULL : int_from_i64(r);
}
METHOD(str_rindex_m) {
    int64_t r = do_find(self, args, nargs, kw, "rindex", true);
    if (r == -1) return err_set(Exc_ValueError, "substring not found");
    return r == -2 ? NULL : int_from_i64(r);
}

METHOD(str_count_m) {
    if (nargs == 0 && !kw) return err_set(Exc_TypeError, "count() takes at least 1 argument (0 given)");
    if (arg_no_kw("count", kw) < 0 || arg_count_parsetuple("count", nargs, 1, 3) < 0) return NULL;
    Object *sub = args[0];
    if (!STR_CHECK(sub)) return err_format(Exc_TypeError, "must be str, not %s", type_name(TYPE(sub)));
    int64_t start, end;
    if (get_bounds(args, nargs, 1, str_length(self), &start, &end) < 0) return NULL;
    if (start > end) return int_from_i64(0);
    if (str_size(sub) == 0) return int_from_i64(end - start + 1);
    size_t b0 = str_offset(self, (size_t)start), b1 = str_offset(self, (size_t)end);
    const char *p = str_data(self) + b0, *e = str_data(self) + b1;
    size_t n = str_size(sub), count = 0;
    while ((size_t)(e - p) >= n) {
        const char *f = memmem(p, e - p, str_data(sub), n);
        if (!f) break;
        count++;
        p = f + n;
    }
    return int_from_u64(count);
}

static Object *starts_ends(Object *self, Object *const *args, size_t nargs, Object *kw, bool ends) {
    const char *name = ends ? "endswith" : "startswith";
    if (arg_no_kw(name, kw) < 0 || arg_count_parsetuple(name, nargs, 1, 3) < 0) return NULL;
    int64_t start, end;
    if (get_bounds(args, nargs, 1, str_length(self), &start, &end) < 0) return NULL;
    Object *what = args[0];
    Object *const *cands = &what;
    size_t ncand = 1;
    if (TUPLE_CHECK(what)) { cands = tuple_items(what); ncand = tuple_size(what); }
    else if (!STR_CHECK(what))
        return err_format(Exc_TypeError, "%s first arg must be str or a tuple of str, not %s",
                          name, type_name(TYPE(what)));
    if (start > (int64_t)str_length(self)) RETURN_BOOL(0);
    size_t b0 = str_offset(self, (size_t)start);
    size_t b1 = start <= end ? str_offset(self, (size_t)end) : b0;
    bool empty_window = start > end;
    for (size_t i = 0; i < ncand; i++) {
        Object *c = cands[i];
        if (!STR_CHECK(c))
            return err_format(Exc_TypeError, "tuple for %s must only contain str, not %s",
                              name, type_name(TYPE(c)));
        size_t n = str_size(c);
        if (empty_window) { if (n == 0 && false) RETURN_BOOL(1); continue; }
        if (n > b1 - b0) continue;
        const char *at = ends ? str_data(self) + b1 - n : str_data(self) + b0;
        if (memcmp(at, str_data(c), n) == 0) RETURN_BOOL(1);
    }
    RETURN_BOOL(0);
}
METHOD(str_startswith_m) { return starts_ends(self, args, nargs, kw, false); }
METHOD(str_endswith_m) { return starts_ends(self, args, nargs, kw, true); }

/* ---- split family ---- */

static int64_t maxsplit_arg(Object *o) {
    if (!o) return -1;
    int64_t v = obj_as_index(o);
    if (v == -1 && err_occurred()) return -2;
    return v;
}

/* Is the code point at p whitespace? *len gets its byte length. */
static inline bool space_at(const char *p, size_t *len) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) { *len = 1; return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F); }
    uint32_t cp = utf8_decode(p, len);
    return ucs_isspace(cp);
}

static int append_piece(Object *list, const char *s, size_t n) {
    Object *piece = str_from_utf8_unchecked(s, n);
    int r = list_append(list, piece);
    DECREF(piece);
    return r;
}

static Object *split_impl(Object *self, Object *const *args, size_t nargs, Object *kw, bool right) {
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    Object *v[2] = {NULL, NULL};
    if (arg_bind(right ? "rsplit" : "split", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    int64_t maxsplit = maxsplit_arg(v[1]);
    if (maxsplit == -2) return NULL;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    Object *sep = v[0] && v[0] != OBJ_NONE ? v[0] : NULL;
    const char *s = str_data(self);
    size_t n = str_size(self);
    Object *list = list_new(0);
    if (!list) return NULL;
    if (!sep) {
        if (!right) {
            size_t i = 0, len;
            while (i < n) {
                while (i < n && space_at(s + i, &len)) i += len;
                if (i >= n) break;
                if (maxsplit == 0) {   /* the rest, trailing whitespace kept */
                    if (append_piece(list, s + i, n - i) < 0) goto fail;
                    break;
                }
                size_t j = i;
                while (j < n && !space_at(s + j, &len)) j += len;
                if (append_piece(list, s + i, j - i) < 0) goto fail;
                maxsplit--;
                i = j;
            }
        } else {
            size_t end = n, len;
            for (;;) {
                /* skip trailing whitespace */
                while (end > 0) {
                    size_t k = end - 1;
                    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
                    if (!space_at(s + k, &len)) break;
                    end = k;
                }
                if (end == 0) break;
                if (maxsplit == 0) {   /* the rest, leading whitespace kept */
                    if (append_piece(list, s, end) < 0) goto fail;
                    break;
                }
                size_t start = end;
                while (start > 0) {
                    size_t k = start - 1;
                    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
                    if (space_at(s + k, &len)) break;
                    start = k;
                }
                if (append_piece(list, s + start, end - start) < 0) goto fail;
                maxsplit--;
                end = start;
            }
            ListObject *l = (ListObject *)list;
            for (size_t a = 0, b = l->size ? l->size - 1 : 0; a < b; a++, b--) {
                Object *t = l->items[a]; l->items[a] = l->items[b]; l->items[b] = t;
            }
        }
        return list;
    }
    if (!STR_CHECK(sep)) {
        DECREF(list);
        return err_format(Exc_TypeError, "must be str or None, not %s", type_name(TYPE(sep)));
    }
    size_t m = str_size(sep);
    if (m == 0) { DECREF(list); return err_set(Exc_ValueError, "empty separator"); }
    const char *sp = str_data(sep);
    if (!right) {
        const char *p = s, *e = s + n;
        while (maxsplit-- > 0) {
            const char *f = memmem(p, e - p, sp, m);
            if (!f) break;
            if (append_piece(list, p, f - p) < 0) goto fail;
            p = f + m;
        }
        if (append_piece(list, p, e - p) < 0) goto fail;
    } else {
        size_t end = n;
        while (maxsplit-- > 0) {
            const char *f = memrmem_(s, end, sp, m);
            if (!f) break;
            if (append_piece(list, f + m, s + end - (f + m)) < 0) goto fail;
            end = f - s;
        }
        if (append_piece(list, s, end) < 0) goto fail;
        ListObject *l = (ListObject *)list;
        for (size_t a = 0, b = l->size - 1; a < b; a++, b--) {
            Object *t = l->items[a]; l->items[a] = l->items[b]; l->items[b] = t;
        }
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}
METHOD(str_split_m) { return split_impl(self, args, nargs, kw, false); }
METHOD(str_rsplit_m) { return split_impl(self, args, nargs, kw, true); }

METHOD(str_splitlines_m) {
    static const char *const kwlist[] = {"keepends", NULL};
    Object *v[1] = {NULL};
    if (arg_bind("splitlines", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    int keep = v[0] ? obj_is_true(v[0]) : 0;
    if (keep < 0) return NULL;
    const char *s = str_data(self);
    size_t n = str_size(self), i = 0;
    Object *list = list_new(0);
    while (i < n) {
        size_t start = i, eol_len = 0, len;
        while (i < n) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x80) {
                if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E)) { eol_len = 1; break; }
                if (c == '\r') { eol_len = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1; break; }
                i++;
                continue;
            }
            uint32_t cp = utf8_decode(s + i, &len);
            if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) { eol_len = len; break; }
            i += len;
        }
        size_t stop = i;
        i += eol_len;
        if (append_piece(list, s + start, (keep ? i : stop) - start) < 0) { DECREF(list); return NULL; }
    }
    return list;
}

METHOD(str_join_m) {
    if (check_nargs("join", nargs, 1, 1, kw) < 0) return NULL;
    return str_join(self, args[0]);
}

/* ---- strip ---- */

static bool cp_in(uint32_t cp, Object *chars) {
    const char *p = str_data(chars), *e = p + str_size(chars);
    while (p < e) {
        size_t len;
        if (utf8_decode(p, &len) == cp) return true;
        p += len;
    }
    return false;
}

static Object *strip_impl(Object *self, Object *const *args, size_t nargs, Object *kw, int which,
                          const char *name) {
    if (check_nargs(name, nargs, 0, 1, kw) < 0) return NULL;
    Object *chars = nargs && args[0] != OBJ_NONE ? args[0] : NULL;
    if (chars && !STR_CHECK(chars))
        return err_format(Exc_TypeError, "%s arg must be None or str", name);
    const char *s = str_data(self);
    size_t n = str_size(self), i = 0, j = n, len;
    if (which & 1) {
        while (i < n) {
            uint32_t cp = utf8_decode(s + i, &len);
            if (chars ? !cp_in(cp, chars) : !ucs_isspace(cp)) break;
            i += len;
        }
    }
    if (which & 2) {
        while (j > i) {
            size_t k = j - 1;
            while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
            uint32_t cp = utf8_decode(s + k, &len);
            if (chars ? !cp_in(cp, chars) : !ucs_isspace(cp)) break;
            j = k;
        }
    }
    if (i == 0 && j == n && IS_TYPE(self, StrType)) return NEWREF(self);
    return str_from_utf8_unchecked(s + i, j - i);
}
METHOD(str_strip_m) { return strip_impl(self, args, nargs, kw, 3, "strip"); }
METHOD(str_lstrip_m) { return strip_impl(self, args, nargs, kw, 1, "lstrip"); }
METHOD(str_rstrip_m) { return strip_impl(self, args, nargs, kw, 2, "rstrip"); }

/* ---- replace ---- */

METHOD(str_replace_m) {
    if (check_nargs("replace", nargs, 2, 3, kw) < 0) return NULL;
    Object *old = args[0], *new_ = args[1];
    if (!STR_CHECK(old))
        return err_format(Exc_TypeError, "replace() argument 1 must be str, not %s", type_name(TYPE(old)));
    if (!STR_CHECK(new_))
        return err_format(Exc_TypeError, "replace() argument 2 must be str, not %s", type_name(TYPE(new_)));
    int64_t count = -1;
    if (nargs > 2) { count = obj_as_index(args[2]); if (count == -1 && err_occurred()) return NULL; }
    if (count < 0) count = INT64_MAX;
    const char *s = str_data(self);
    size_t n = str_size(self), m = str_size(old);
    StrBuilder sb;
    sb_init(&sb);
    if (m == 0) {
        /* Insert `new` before every character and at the end. */
        size_t i = 0, len;
        while (count > 0 && i <= n) {
            sb_append(&sb, str_data(new_), str_size(new_));
            count--;
            if (i == n) { i++; break; }
            utf8_decode(s + i, &len);
            sb_append(&sb, s + i, len);
            i += len;
        }
        if (i < n) sb_append(&sb, s + i, n - i);
        return sb_finish(&sb);
    }
    const char *p = s, *e = s + n;
    bool any = false;
    while (count > 0) {
        const char *f = memmem(p, e - p, str_data(old), m);
        if (!f) break;
        any = true;
        sb_append(&sb, p, f - p);
        sb_append(&sb, str_data(new_), str_size(new_));
        p = f + m;
        count--;
    }
    if (!any && IS_TYPE(self, StrType)) { sb_free(&sb); return NEWREF(self); }
    sb_append(&sb, p, e - p);
    return sb_finish(&sb);
}

/* ---- case mapping ---- */

typedef enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE } CaseOp;

static void append_mapped(StrBuilder *sb, const uint32_t *cps, int n) {
    for (int k = 0; k < n; k++) sb_append_codepoint(sb, cps[k]);
}

/* The code point before byte offset i of UTF-8 text s (i > 0). */
static uint32_t prev_codepoint(const char *s, size_t *i) {
    size_t j = *i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
    size_t len;
    uint32_t c = utf8_decode(s + j, &len);
    *i = j;
    return c;
}

/* Capital sigma lowers to final sigma when a cased letter precedes it and
 * none follows, case-ignorable characters skipped on both sides (Unicode's
 * Final_Sigma condition, as CPython's handle_capital_sigma). start is the
 * sigma's byte offset, end the offset just past it. */
static uint32_t lower_sigma(const char *s, size_t n, size_t start, size_t end) {
    size_t j = start;
    bool cased_before = false;
    while (j > 0) {
        uint32_t c = prev_codepoint(s, &j);
        if (ucs_iscaseignorable(c)) continue;
        cased_before = ucs_iscased(c);
        break;
    }
    if (!cased_before) return 0x3C3;
    for (size_t k = end; k < n;) {
        size_t len;
        uint32_t c = utf8_decode(s + k, &len);
        k += len;
        if (ucs_iscaseignorable(c)) continue;
        if (ucs_iscased(c)) return 0x3C3;
        break;
    }
    return 0x3C2;
}

/* Full lowercase of the code point c at bytes [start, end) of s. */
static void append_lower(StrBuilder *sb, const char *s, size_t n, size_t start, size_t end,
                         uint32_t c) {
    if (c == 0x3A3) { sb_append_codepoint(sb, lower_sigma(s, n, start, end)); return; }
    uint32_t m[UCS_MAX_EXPANSION];
    append_mapped(sb, m, ucs_full_lower(c, m));
}

static Object *case_map(Object *self, CaseOp op) {
    const char *s = str_data(self);
    size_t n = str_size(self);
    StrBuilder sb;
    sb_init(&sb);
    bool prev_cased = false;
    if (S(self)->is_ascii && op != CASE_TITLE && op != CASE_CAPITALIZE) {
        Object *r = str_new_raw(n);
        char *d = S(r)->data;
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            if (op == CASE_UPPER) d[i] = lo ? c - 32 : c;
            else if (op == CASE_SWAP) d[i] = lo ? c - 32 : up ? c + 32 : c;
            else d[i] = up ? c + 32 : c;
        }
        S(r)->length = n;
        S(r)->is_ascii = 1;
        return r;
    }
    uint32_t m[UCS_MAX_EXPANSION];
    for (size_t i = 0; i < n;) {
        size_t len, start = i;
        uint32_t c = utf8_decode(s + i, &len);
        i += len;
        switch (op) {
        case CASE_UPPER: append_mapped(&sb, m, ucs_full_upper(c, m)); break;
        case CASE_LOWER: append_lower(&sb, s, n, start, i, c); break;
        case CASE_FOLD: append_mapped(&sb, m, ucs_full_fold(c, m)); break;
        case CASE_SWAP:
            if (ucs_isupper(c)) append_lower(&sb, s, n, start, i, c);
            else if (ucs_islower(c)) append_mapped(&sb, m, ucs_full_upper(c, m));
            else sb_append_codepoint(&sb, c);
            break;
        case CASE_TITLE:
            if (prev_cased) append_lower(&sb, s, n, start, i, c);
            else append_mapped(&sb, m, ucs_full_title(c, m));
            prev_cased = ucs_iscased(c);
            break;
        case CASE_CAPITALIZE:
            if (start == 0) append_mapped(&sb, m, ucs_full_title(c, m));
            else append_lower(&sb, s, n, start, i, c);
            break;
        }
    }
    return sb_finish(&sb);
}

#define CASE_METHOD(fn, name, op) \
    METHOD(fn) { if (check_nargs(name, nargs, 0, 0, kw) < 0) return NULL; return case_map(self, op); }
CASE_METHOD(str_upper_m, "upper", CASE_UPPER)
CASE_METHOD(str_lower_m, "lower", CASE_LOWER)
CASE_METHOD(str_swapcase_m, "swapcase", CASE_SWAP)
CASE_METHOD(str_casefold_m, "casefold", CASE_FOLD)
CASE_METHOD(str_title_m, "title", CASE_TITLE)
CASE_METHOD(str_capitalize_m, "capitalize", CASE_CAPITALIZE)

/* ---- predicates ---- */

static Object *all_chars(Object *self, bool (*pred)(uint32_t)) {
    const char *s = str_data(self);
    size_t n = str_size(self);
    if (n == 0) RETURN_BOOL(0);
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = utf8_decode(s + i, &len);
        if (!pred(c)) RETURN_BOOL(0);
        i += len;
    }
    RETURN_BOOL(1);
}

static bool is_alnum_cp(uint32_t c) { return ucs_isalpha(c) || ucs_isnumeric(c); }

#define PRED_METHOD(fn, name, pred) \
    METHOD(fn) { if (check_nargs(name, nargs, 0, 0, kw) < 0) return NULL; return all_chars(self, pred); }
PRED_METHOD(str_isalpha_m, "isalpha", ucs_isalpha)
PRED_METHOD(str_isdigit_m, "isdigit", ucs_isdigit)
PRED_METHOD(str_isdecimal_m, "isdecimal", ucs_isdecimal)
PRED_METHOD(str_isnumeric_m, "isnumeric", ucs_isnumeric)
PRED_METHOD(str_isspace_m, "isspace", ucs_isspace)
PRED_METHOD(str_isalnum_m, "isalnum", is_alnum_cp)

METHOD(str_isprintable_m) {
    if (check_nargs("isprintable", nargs, 0, 0, kw) < 0) return NULL;
    if (str_size(self) == 0) RETURN_BOOL(1);
    return all_chars(self, ucs_isprintable);
}

METHOD(str_isascii_m) {
    if (check_nargs("isascii", nargs, 0, 0, kw) < 0) return NULL;
    RETURN_BOOL(S(self)->is_ascii);
}

static Object *case_pred(Object *self, bool want_upper) {
    const char *s = str_data(self);
    size_t n = str_size(self);
    bool cased = false;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = utf8_decode(s + i, &len);
        i += len;
        /* A titlecase letter (ǅ) is neither all-upper nor all-lower. */
        if (ucs_istitle(c) || (want_upper ? ucs_islower(c) : ucs_isupper(c))) RETURN_BOOL(0);
        if (want_upper ? ucs_isupper(c) : ucs_islower(c)) cased = true;
    }
    RETURN_BOOL(cased);
}
METHOD(str_isupper_m) { if (check_nargs("isupper", nargs, 0, 0, kw) < 0) return NULL; return case_pred(self, true); }
METHOD(str_islower_m) { if (check_nargs("islower", nargs, 0, 0, kw) < 0) return NULL; return case_pred(self, false); }

METHOD(str_istitle_m) {
    if (check_nargs("istitle", nargs, 0, 0, kw) < 0) return NULL;
    const char *s = str_data(self);
    size_t n = str_size(self);
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = utf8_decode(s + i, &len);
        i += len;
        if (ucs_isupper(c) || ucs_istitle(c)) {
            if (prev_cased) RETURN_BOOL(0);
            prev_cased = cased = true;
        } else if (ucs_islower(c)) {
            if (!prev_cased) RETURN_BOOL(0);
            prev_cased = cased = true;
        } else prev_cased = false;
    }
    RETURN_BOOL(cased);
}

METHOD(str_isidentifier_m) {
    if (check_nargs("isidentifier", nargs, 0, 0, kw) < 0) return NULL;
    const char *s = str_data(self);
    size_t n = str_size(self);
    if (n == 0) RETURN_BOOL(0);
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = utf8_decode(s + i, &len);
        bool ok = c == '_' || (i == 0 ? ucs_isidstart(c) : ucs_isidcontinue(c));
        if (!ok) RETURN_BOOL(0);
        i += len;
    }
    RETURN_BOOL(1);
}

/* ---- padding ---- */

static int fill_arg(Object *const *args, size_t nargs, size_t idx, uint32_t *fill) {
    *fill = ' ';
    if (nargs <= idx) return 0;
    Object *f = args[idx];
    if (!STR_CHECK(f)) {
        err_format(Exc_TypeError, "The fill character must be a unicode character, not %s", type_name(TYPE(f)));
        return -1;
    }
    if (str_length(f) != 1) {
        err_set(Exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    size_t len;
    *fill = utf8_decode(str_data(f), &len);
    return 0;
}

static Object *pad(Object *self, size_t left, size_t right, uint32_t fill) {
    if (left == 0 && right == 0 && IS_TYPE(self, StrType)) return NEWREF(self);
    StrBuilder sb;
    sb_init(&sb);
    char fb[4];
    size_t fl = utf8_encode(fill, fb);
    if (mem_check_size(left + right, fl) < 0) return NULL;
    for (size_t i = 0; i < left; i++) sb_append(&sb, fb, fl);
    sb_append(&sb, str_data(self), str_size(self));
    for (size_t i = 0; i < right; i++) sb_append(&sb, fb, fl);
    return sb_finish(&sb);
}

static Object *justify(Object *self, Object *const *args, size_t nargs, Object *kw, int how, const char *name) {
    if (check_nargs(name, nargs, 1, 2, kw) < 0) return NULL;
    int64_t width = obj_as_index(args[0]);
    if (width == -1 && err_occurred()) return NULL;
    uint32_t fill;
    if (fill_arg(args, nargs, 1, &fill) < 0) return NULL;
    int64_t len = (int64_t)str_length(self);
    if (width <= len) return pad(self, 0, 0, fill);
    size_t marg = (size_t)(width - len);
    if (how == 0) return pad(self, 0, marg, fill);
    if (how == 2) return pad(self, marg, 0, fill);
    size_t left = marg / 2 + (marg & (size_t)width & 1);
    return pad(self, left, marg - left, fill);
}
METHOD(str_ljust_m) { return justify(self, args, nargs, kw, 0, "ljust"); }
METHOD(str_center_m) { return justify(self, args, nargs, kw, 1, "center"); }
METHOD(str_rjust_m) { return justify(self, args, nargs, kw, 2, "rjust"); }

METHOD(str_zfill_m) {
    if (check_nargs("zfill", nargs, 1, 1, kw) < 0) return NULL;
    int64_t width = obj_as_index(args[0]);
    if (width == -1 && err_occurred()) return NULL;
    int64_t len = (int64_t)str_length(self);
    if (width <= len) return pad(self, 0, 0, ' ');
    size_t fill = (size_t)(width - len);
    if (mem_check_size(fill, 1) < 0) return NULL;
    const char *s = str_data(self);
    size_t n = str_size(self);
    StrBuilder sb;
    sb_init(&sb);
    size_t i = 0;
    if (n && (s[0] == '+' || s[0] == '-')) { sb_append_char(&sb, s[0]); i = 1; }
    for (size_t k = 0; k < fill; k++) sb_append_char(&sb, '0');
    sb_append(&sb, s + i, n - i);
    return sb_finish(&sb);
}

METHOD(str_expandtabs_m) {
    static const char *const kwlist[] = {"tabsize", NULL};
    Object *v[1] = {NULL};
    if (arg_bind("expandtabs", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    int64_t tab = 8;
    if (v[0]) { tab = obj_as_index(v[0]); if (tab == -1 && err_occurred()) return NULL; }
    if (tab > INT32_MAX || tab < INT32_MIN)   /* CPython takes a C int */
        return err_set(Exc_OverflowError, "Python int too large to convert to C int");
    const char *s = str_data(self);
    size_t n = str_size(self), col = 0;
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = utf8_decode(s + i, &len);
        if (c == '\t') {
            if (tab > 0) {
                size_t spaces = (size_t)tab - col % (size_t)tab;
                for (size_t k = 0; k < spaces; k++) sb_append_char(&sb, ' ');
                col += spaces;
            }
        } else {
            sb_append(&sb, s + i, len);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        i += len;
    }
    return sb_finish(&sb);
}

/* ---- partition ---- */

static Object *partition_impl(Object *self, Object *sep, bool right) {
    if (!STR_CHECK(sep)) return err_format(Exc_TypeError, "must be str, not %s", type_name(TYPE(sep)));
    size_t m = str_size(sep);
    if (m == 0) return err_set(Exc_ValueError, "empty separator");
    const char *s = str_data(self);
    size_t n = str_size(self);
    const char *f = right ? memrmem_(s, n, str_data(sep), m) : memmem(s, n, str_data(sep), m);
    Object *a, *b, *c;
    if (!f) {
        Object *whole = IS_TYPE(self, StrType) ? NEWREF(self) : str_from_utf8_unchecked(s, n);
        if (right) { a = str_empty(); b = str_empty(); c = whole; }
        else { a = whole; b = str_empty(); c = str_empty(); }
    } else {
        a = str_from_utf8_unchecked(s, f - s);
        b = NEWREF(sep);
        c = str_from_utf8_unchecked(f + m, s + n - (f + m));
    }
    Object *t = tuple_pack(3, a, b, c);
    DECREF(a); DECREF(b); DECREF(c);
    return t;
}
METHOD(str_partition_m) {
    if (check_nargs("partition", nargs, 1, 1, kw) < 0) return NULL;
    return partition_impl(self, args[0], false);
}
METHOD(str_rpartition_m) {
    if (check_nargs("rpartition", nargs, 1, 1, kw) < 0) return NULL;
    return partition_impl(self, args[0], true);
}

METHOD(str_removeprefix_m) {
    if (check_nargs("removeprefix", nargs, 1, 1, kw) < 0) return NULL;
    if (need_str(args[0], "removeprefix() argument") < 0) return NULL;
    size_t m = str_size(args[0]);
    if (m <= str_size(self) && memcmp(str_data(self), str_data(args[0]), m) == 0 && m)
        return str_from_utf8_unchecked(str_data(self) + m, str_size(self) - m);
    return str_from_utf8_len(str_data(self), str_size(self), str_length(self));
}
METHOD(str_removesuffix_m) {
    if (check_nargs("removesuffix", nargs, 1, 1, kw) < 0) return NULL;
    if (need_str(args[0], "removesuffix() argument") < 0) return NULL;
    size_t m = str_size(args[0]), n = str_size(self);
    if (m && m <= n && memcmp(str_data(self) + n - m, str_data(args[0]), m) == 0)
        return str_from_utf8_unchecked(str_data(self), n - m);
    return str_from_utf8_len(str_data(self), n, str_length(self));
}

/* ---- encode, translate ---- */

METHOD(str_encode_m) {
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    Object *v[2] = {NULL, NULL};
    if (arg_bind("encode", args, nargs, kw, kwlist, 0, v) < 0) return NULL;
    if (v[0] && need_str(v[0], "encode() argument 'encoding'") < 0) return NULL;
    if (v[1] && need_str(v[1], "encode() argument 'errors'") < 0) return NULL;
    return str_encode(self, v[0] ? str_data(v[0]) : "utf-8", v[1] ? str_data(v[1]) : "strict");
}

METHOD(str_maketrans_m) {
    /* Static method: args are (x[, y[, z]]). */
    if (check_nargs("maketrans", nargs, 1, 3, kw) < 0) return NULL;
    Object *d = dict_new();
    if (!d) return NULL;
    if (nargs == 1) {
        Object *x = args[0];
        if (!DICT_CHECK(x)) {
            DECREF(d);
            return err_set(Exc_TypeError, "if you give only one argument to maketrans it must be a dict");
        }
        size_t pos = 0;
        Object *k, *v;
        while (dict_next(x, &pos, &k, &v)) {
            Object *key;
            if (STR_CHECK(k)) {
                if (str_length(k) != 1) {
                    DECREF(d);
                    return err_set(Exc_ValueError, "string keys in translate table must be of length 1");
                }
                size_t len;
                key = int_from_i64(utf8_decode(str_data(k), &len));
            } else if (INT_CHECK(k)) key = NEWREF(k);
            else {
                DECREF(d);
                return err_set(Exc_TypeError, "keys in translate table must be strings or integers");
            }
            int r = dict_set(d, key, v);
            DECREF(key);
            if (r < 0) { DECREF(d); return NULL; }
        }
        return d;
    }
    Object *x = args[0], *y = args[1];
    if (!STR_CHECK(x) || !STR_CHECK(y)) {
        DECREF(d);
        return err_set(Exc_TypeError, "maketrans() argument must be str");
    }
    if (str_length(x) != str_length(y)) {
        DECREF(d);
        return err_set(Exc_ValueError, "the first two maketrans arguments must have equal length");
    }
    const char *p = str_data(x), *q = str_data(y);
    for (size_t i = 0; i < str_length(x); i++) {
        size_t l1, l2;
        Object *k = int_from_i64(utf8_decode(p, &l1));
        Object *v = int_from_i64(utf8_decode(q, &l2));
        p += l1; q += l2;
        dict_set(d, k, v);
        DECREF(k); DECREF(v);
    }
    if (nargs == 3) {
        Object *z = args[2];
        if (!STR_CHECK(z)) { DECREF(d); return err_set(Exc_TypeError, "maketrans() argument 3 must be str"); }
        p = str_data(z);
        for (size_t i = 0; i < str_length(z); i++) {
            size_t l;
            Object *k = int_from_i64(utf8_decode(p, &l));
            p += l;
            dict_set(d, k, OBJ_NONE);
            DECREF(k);
        }
    }
    return d;
}

METHOD(str_translate_m) {
    if (check_nargs("translate", nargs, 1, 1, kw) < 0) return NULL;
    Object *table = args[0];
    const char *s = str_data(self);
    size_t n = str_size(self);
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = utf8_decode(s + i, &len);
        Object *key = int_from_i64(c);
        Object *v = obj_getitem(table, key);
        DECREF(key);
        if (!v) {
            if (!err_matches(Exc_LookupError)) { sb_free(&sb); return NULL; }
            err_clear();
            sb_append(&sb, s + i, len);
        } else if (v == OBJ_NONE) {
            DECREF(v);
        } else if (INT_CHECK(v)) {
            int64_t cp = int_as_i64(v);
            DECREF(v);
            if (cp < 0 || cp > 0x10FFFF) {
                sb_free(&sb);
                return err_set(Exc_ValueError, "character mapping must be in range(0x110000)");
            }
            sb_append_codepoint(&sb, (uint32_t)cp);
        } else if (STR_CHECK(v)) {
            sb_append(&sb, str_data(v), str_size(v));
            DECREF(v);
        } else {
            DECREF(v);
            sb_free(&sb);
            return err_set(Exc_TypeError, "character mapping must return integer, None or str");
        }
        i += len;
    }
    return sb_finish(&sb);
}

/* ---- formatting ---- */

METHOD(str_format_m) { return str_format_method(self, args, nargs, kw); }

Object *str_format_with_mapping(Object *fmt, Object *mapping);
METHOD(str_format_map_m) {
    if (check_nargs("format_map", nargs, 1, 1, kw) < 0) return NULL;
    return str_format_with_mapping(self, args[0]);
}

METHOD(str_dunder_format_m) {
    if (check_nargs("__format__", nargs, 1, 1, kw) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return err_format(Exc_TypeError, "__format__() argument must be str, not %s", type_name(TYPE(args[0])));
    return str_format_spec(self, args[0]);
}

METHOD(str_getnewargs_m) {
    Object *v = str_from_utf8_len(str_data(self), str_size(self), str_length(self));
    Object *t = tuple_pack(1, v);
    DECREF(v);
    return t;
}

const MethodDef str_methods[] = {
    {"find", str_find_m, METH_DEFAULT, "Return the lowest index where substring sub is found."},
    {"rfind", str_rfind_m, METH_DEFAULT, "Return the highest index where substring sub is found."},
    {"index", str_index_m, METH_DEFAULT, "Like find() but raise ValueError when not found."},
    {"rindex", str_rindex_m, METH_DEFAULT, "Like rfind() but raise ValueError when not found."},
    {"count", str_count_m, METH_DEFAULT, "Number of non-overlapping occurrences of sub."},
    {"startswith", str_startswith_m, METH_DEFAULT, NULL},
    {"endswith", str_endswith_m, METH_DEFAULT, NULL},
    {"split", str_split_m, METH_DEFAULT, "Return a list of the substrings, split by sep."},
    {"rsplit", str_rsplit_m, METH_DEFAULT, NULL},
    {"splitlines", str_splitlines_m, METH_DEFAULT, NULL},
    {"join", str_join_m, METH_DEFAULT, "Concatenate any number of strings."},
    {"strip", str_strip_m, METH_DEFAULT, NULL},
    {"lstrip", str_lstrip_m, METH_DEFAULT, NULL},
    {"rstrip", str_rstrip_m, METH_DEFAULT, NULL},
    {"replace", str_replace_m, METH_DEFAULT, NULL},
    {"upper", str_upper_m, METH_DEFAULT, NULL},
    {"lower", str_lower_m, METH_DEFAULT, NULL},
    {"swapcase", str_swapcase_m, METH_DEFAULT, NULL},
    {"casefold", str_casefold_m, METH_DEFAULT, NULL},
    {"title", str_title_m, METH_DEFAULT, NULL},
    {"capitalize", str_capitalize_m, METH_DEFAULT, NULL},
    {"isalpha", str_isalpha_m, METH_DEFAULT, NULL},
    {"isdigit", str_isdigit_m, METH_DEFAULT, NULL},
    {"isdecimal", str_isdecimal_m, METH_DEFAULT, NULL},
    {"isnumeric", str_isnumeric_m, METH_DEFAULT, NULL},
    {"isspace", str_isspace_m, METH_DEFAULT, NULL},
    {"isalnum", str_isalnum_m, METH_DEFAULT, NULL},
    {"isprintable", str_isprintable_m, METH_DEFAULT, NULL},
    {"isascii", str_isascii_m, METH_DEFAULT, NULL},
    {"isupper", str_isupper_m, METH_DEFAULT, NULL},
    {"islower", str_islower_m, METH_DEFAULT, NULL},
    {"istitle", str_istitle_m, METH_DEFAULT, NULL},
    {"isidentifier", str_isidentifier_m, METH_DEFAULT, NULL},
    {"ljust", str_ljust_m, METH_DEFAULT, NULL},
    {"rjust", str_rjust_m, METH_DEFAULT, NULL},
    {"center", str_center_m, METH_DEFAULT, NULL},
    {"zfill", str_zfill_m, METH_DEFAULT, NULL},
    {"expandtabs", str_expandtabs_m, METH_DEFAULT, NULL},
    {"partition", str_partition_m, METH_DEFAULT, NULL},
    {"rpartition", str_rpartition_m, METH_DEFAULT, NULL},
    {"removeprefix", str_removeprefix_m, METH_DEFAULT, NULL},
    {"removesuffix", str_removesuffix_m, METH_DEFAULT, NULL},
    {"encode", str_encode_m, METH_DEFAULT, NULL},
    {"maketrans", str_maketrans_m, METH_STATIC, NULL},
    {"translate", str_translate_m, METH_DEFAULT, NULL},
    {"format", str_format_m, METH_DEFAULT, "Return a formatted version of the string."},
    {"format_map", str_format_map_m, METH_DEFAULT, NULL},
    {"__format__", str_dunder_format_m, METH_DEFAULT, NULL},
    {"__getnewargs__", str_getnewargs_m, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL}
};
