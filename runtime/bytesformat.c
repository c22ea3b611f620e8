/* bytesformat.c — bytes % args and bytearray % args (PEP 461).
 *
 * The format is walked here: %s and %b take bytes-like objects (or ones
 * with __bytes__) as they are, %r and %a take ascii(arg), %c an int below
 * 256 or a single byte, and the numeric conversions (d i u o x X e E f F
 * g G) are each handed to str's %-formatter with the same flags, width and
 * precision, whose ASCII result is copied in. Arguments are a tuple, a
 * mapping (for %(key)s, keys looked up as bytes) or a single object, with
 * CPython's errors for too few or too many.
 */
#include <string.h>
#include "gilt.h"
#include "strimpl.h"
#include "bytesimpl.h"

typedef struct {
    Object *const *items;   /* positional arguments */
    size_t count, next;
    Object *mapping;        /* for %(key)s, or NULL */
} FormatArgs;

static Object *next_arg(FormatArgs *fa) {
    if (fa->next >= fa->count) return err_set(Exc_TypeError, "not enough arguments for format string");
    return NEWREF(fa->items[fa->next++]);
}

/* The bytes %s/%b shows for o: itself if bytes-like, else __bytes__(). */
static Object *bytes_of(Object *o) {
    const char *d;
    size_t n;
    if (buf_view(o, &d, &n)) return bytes_from(d, n);
    if (!STR_CHECK(o) && type_lookup_cstr(TYPE(o), "__bytes__"))
        return obj_call_method(o, "__bytes__", NULL, 0);
    return err_format(Exc_TypeError,
                      "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                      type_name(TYPE(o)));
}

/* Append d[0..n) padded to width; left-justified with the '-' flag. */
static void append_padded(StrBuilder *sb, const char *d, size_t n, int64_t width, bool left) {
    size_t pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    if (!left) for (size_t i = 0; i < pad; i++) sb_append_char(sb, ' ');
    sb_append(sb, d, n);
    if (left) for (size_t i = 0; i < pad; i++) sb_append_char(sb, ' ');
}

/* A '*' width or precision: the next argument, an int. */
static int star_value(FormatArgs *fa, int64_t *out) {
    Object *v = next_arg(fa);
    if (!v) return -1;
    if (!INT_CHECK(v)) {
        DECREF(v);
        err_set(Exc_TypeError, "* wants int");
        return -1;
    }
    *out = int_as_i64(v);
    DECREF(v);
    return *out == -1 && err_occurred() ? -1 : 0;
}

Object *buf_percent(Object *self, Object *args) {
    const char *s;
    size_t n;
    buf_view(self, &s, &n);
    FormatArgs fa = {NULL, 0, 0, NULL};
    Object *single[1];
    const char *dummy;
    size_t dummyn;
    if (TUPLE_CHECK(args)) {
        fa.items = tuple_items(args);
        fa.count = tuple_size(args);
    } else {
        single[0] = args;
        fa.items = single;
        fa.count = 1;
        if (TYPE(args)->getitem && !STR_CHECK(args) && !buf_view(args, &dummy, &dummyn))
            fa.mapping = args;
    }
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < n;) {
        const char *pct = memchr(s + i, '%', n - i);
        if (!pct) { sb_append(&sb, s + i, n - i); break; }
        sb_append(&sb, s + i, (size_t)(pct - (s + i)));
        i = (size_t)(pct - s) + 1;
        if (i >= n) { err_set(Exc_ValueError, "incomplete format"); goto fail; }
        if (s[i] == '%') { sb_append_char(&sb, '%'); i++; continue; }
        Object *arg = NULL;
        if (s[i] == '(') {
            if (!fa.mapping) { err_set(Exc_TypeError, "format requires a mapping"); goto fail; }
            size_t start = ++i;
            int depth = 1;
            while (i < n && depth) {
                if (s[i] == '(') depth++;
                else if (s[i] == ')') depth--;
                i++;
            }
            if (depth) { err_set(Exc_ValueError, "incomplete format key"); goto fail; }
            Object *key = bytes_from(s + start, i - 1 - start);
            if (!key) goto fail;
            arg = obj_getitem(fa.mapping, key);
            DECREF(key);
            if (!arg) goto fail;
        }
        /* flags, width, precision, length modifier */
        char flags[8];
        size_t nflags = 0;
        bool left = false;
        while (i < n && s[i] && strchr("-+ #0", s[i])) {
            if (s[i] == '-') left = true;
            if (nflags < sizeof flags - 1) flags[nflags++] = s[i];
            i++;
        }
        flags[nflags] = 0;
        int64_t width = -1, prec = -1;
        if (i < n && s[i] == '*') {
            i++;
            if (star_value(&fa, &width) < 0) goto fail_arg;
            if (width < 0) { left = true; width = width == INT64_MIN ? INT64_MAX : -width; if (nflags < sizeof flags - 1) { flags[nflags++] = '-'; flags[nflags] = 0; } }
        } else {
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (width > (INT64_MAX - 9) / 10) { err_set(Exc_ValueError, "width too big"); goto fail_arg; }
                width = (width < 0 ? 0 : width * 10) + (s[i++] - '0');
            }
        }
        /* A width no machine can hold is a MemoryError, not a padding loop
         * that runs until the process is killed. */
        if (width > 0 && mem_check_size((size_t)width, 1) < 0) goto fail_arg;
        if (i < n && s[i] == '.') {
            i++;
            prec = 0;
            if (i < n && s[i] == '*') {
                i++;
                if (star_value(&fa, &prec) < 0) goto fail_arg;
                if (prec > INT32_MAX) { err_set(Exc_OverflowError, "Python int too large to convert to C int"); goto fail_arg; }
            } else {
                while (i < n && s[i] >= '0' && s[i] <= '9') {
                    if (prec > (INT32_MAX - 9) / 10) { err_set(Exc_ValueError, "prec too big"); goto fail_arg; }
                    prec = prec * 10 + (s[i++] - '0');
                }
            }
        }
        while (i < n && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L')) i++;
        if (i >= n) { err_set(Exc_ValueError, "incomplete format"); goto fail_arg; }
        char conv = s[i++];
        bool known = conv && strchr("sbracdiuoxXeEfFgG", conv);
        if (known && !arg && !(arg = next_arg(&fa))) goto fail;
        switch (conv) {
        case 's': case 'b': case 'r': case 'a': {
            Object *b;
            if (conv == 'r' || conv == 'a') {
                Object *t = obj_ascii(arg);
                b = t ? bytes_from(str_data(t), str_size(t)) : NULL;
                XDECREF(t);
            } else {
                b = bytes_of(arg);
            }
            if (!b) goto fail_arg;
            if (!BYTES_CHECK(b)) {
                err_format(Exc_TypeError, "__bytes__ returned non-bytes (type %s)", type_name(TYPE(b)));
                DECREF(b);
                goto fail_arg;
            }
            size_t len = bytes_size(b);
            if (prec >= 0 && (size_t)prec < len) len = (size_t)prec;
            append_padded(&sb, bytes_data(b), len, width, left);
            DECREF(b);
            break;
        }
        case 'c': {
            char c;
            const char *d;
            size_t dn;
            if (INT_CHECK(arg)) {
                int64_t v = int_is_small(arg) ? int_small(arg) : -1;
                if (v < 0 || v > 255) { err_set(Exc_OverflowError, "%c arg not in range(256)"); goto fail_arg; }
                c = (char)v;
            } else if (buf_view(arg, &d, &dn) && dn == 1) {
                c = d[0];
            } else {
                err_set(Exc_TypeError, "%c requires an integer in range(256) or a single byte");
                goto fail_arg;
            }
            append_padded(&sb, &c, 1, width, left);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            char spec[64];
            int k = snprintf(spec, sizeof spec, "%%%s", flags);
            if (width >= 0) k += snprintf(spec + k, sizeof spec - (size_t)k, "%lld", (long long)width);
            if (prec >= 0) k += snprintf(spec + k, sizeof spec - (size_t)k, ".%lld", (long long)prec);
            snprintf(spec + k, sizeof spec - (size_t)k, "%c", conv);
            Object *fmt = str_from_cstr(spec);
            Object *one = fmt ? tuple_pack(1, arg) : NULL;
            Object *r = one ? str_percent_format(fmt, one) : NULL;
            XDECREF(fmt);
            XDECREF(one);
            if (!r) goto fail_arg;
            sb_append(&sb, str_data(r), str_size(r));
            DECREF(r);
            break;
        }
        default:
            XDECREF(arg);
            arg = NULL;
            if ((unsigned char)conv >= 0x20 && (unsigned char)conv < 0x7F)
                err_format(Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                           conv, (unsigned)(unsigned char)conv, i - 1);
            else
                err_format(Exc_ValueError, "unsupported format character '\\x%02x' (0x%x) at index %zu",
                           (unsigned)(unsigned char)conv, (unsigned)(unsigned char)conv, i - 1);
            goto fail;
        }
        DECREF(arg);
        continue;
    fail_arg:
        XDECREF(arg);
        goto fail;
    }
    if (!fa.mapping && fa.next < fa.count) {
        err_set(Exc_TypeError, "not all arguments converted during bytes formatting");
        goto fail;
    }
    Object *r = IS_INSTANCE(self, ByteArrayType) ? bytearray_from(sb.buf ? sb.buf : "", sb.len)
                                                 : bytes_from(sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    return r;
fail:
    sb_free(&sb);
    return NULL;
}
