/* strformat.c — every way of turning values into formatted text:
 *
 *  - the format-spec mini-language (format(x, spec), f-strings) for str,
 *    int and float: [[fill]align][sign][z][#][0][width][,|_][.prec][type];
 *  - str.format / str.format_map (fields with indices, attributes, keys,
 *    !r/!s/!a conversions and nested specs);
 *  - printf-style `fmt % args` (with %(name)s mappings);
 *  - str_format/str_vformat: C printf plus %R %S %T %U, for err_format.
 *
 * Numbers are laid out by the same two routines whichever syntax asked
 * for them, so '%5.2f' % x and f'{x:5.2f}' always agree. Float digits
 * come from the C library's correctly rounded printf, as CPython's do.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "gilt.h"
#include "strimpl.h"

/* ---- spec parsing ---- */

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

int format_spec_parse(Object *spec, FormatSpec *f) {
    f->fill = ' ';
    f->align = 0;
    f->sign = 0;
    f->alternate = f->zero = f->no_neg_zero = false;
    f->width = -1;
    f->grouping = 0;
    f->precision = -1;
    f->type = 0;
    const char *s = str_data(spec), *end = s + str_size(spec);
    size_t len;
    bool fill_given = false;
    if (s < end) {
        uint32_t first = utf8_decode(s, &len);
        if (s + len < end && is_align((unsigned char)s[len])) {
            f->fill = first; f->align = s[len]; s += len + 1;
            fill_given = true;
        } else if (is_align(first)) {
            f->align = (char)first; s++;
        }
    }
    if (s < end && (*s == '+' || *s == '-' || *s == ' ')) f->sign = *s++;
    if (s < end && *s == 'z') { f->no_neg_zero = true; s++; }
    if (s < end && *s == '#') { f->alternate = true; s++; }
    if (s < end && *s == '0') {
        /* CPython's '0' flag: zero fill unless a fill was given; for
         * numbers without an alignment it also means '=' (see
         * effective_align), a str keeps its default '<'. */
        f->zero = true;
        if (!fill_given) f->fill = '0';
        s++;
    }
    if (s < end && *s >= '0' && *s <= '9') {
        int64_t w = 0;
        while (s < end && *s >= '0' && *s <= '9') {
            if (w > (INT64_MAX - 9) / 10) { err_set(Exc_ValueError, "Too many decimal digits in format string"); return -1; }
            w = w * 10 + (*s++ - '0');
        }
        if (mem_check_size((size_t)w, 1) < 0) return -1;
        f->width = w;
    }
    if (s < end && (*s == ',' || *s == '_')) {
        f->grouping = *s++;
        if (s < end && (*s == ',' || *s == '_')) { err_set(Exc_ValueError, "Cannot specify both ',' and '_'."); return -1; }
    }
    if (s < end && *s == '.') {
        s++;
        if (s >= end || *s < '0' || *s > '9') { err_set(Exc_ValueError, "Format specifier missing precision"); return -1; }
        int64_t p = 0;
        while (s < end && *s >= '0' && *s <= '9') {
            if (p > (INT64_MAX - 9) / 10) { err_set(Exc_ValueError, "Too many decimal digits in format string"); return -1; }
            p = p * 10 + (*s++ - '0');
        }
        f->precision = p;
    }
    if (s < end) {
        if (end - s > 1) { err_set(Exc_ValueError, "Invalid format specifier"); return -1; }
        f->type = *s;
    }
    return 0;
}

/* ---- layout ---- */

/* The alignment in force: the spec's, else '=' for a zero-padded number
 * (default '>'), else the type's default. */
static char effective_align(const FormatSpec *f, char default_align) {
    if (f->align) return f->align;
    return f->zero && default_align == '>' ? '=' : default_align;
}

/* Whether grouped digits are zero-extended to the width (CPython: fill '0'
 * with '=' alignment). */
static bool zero_extends(const FormatSpec *f) {
    return f->fill == '0' && effective_align(f, '>') == '=' && f->width > 0;
}

static void append_fill(StrBuilder *sb, uint32_t fill, size_t n) {
    if (fill < 0x80) { for (size_t i = 0; i < n; i++) sb_append_char(sb, (char)fill); return; }
    for (size_t i = 0; i < n; i++) sb_append_codepoint(sb, fill);
}

/* Pad a laid-out value (`prefix` = sign and base prefix, `body` = the
 * rest; both UTF-8 with known code-point lengths) to the spec's width. */
static void emit_padded(StrBuilder *sb, const FormatSpec *f, char default_align,
                        const char *prefix, size_t plen, const char *body, size_t blen, size_t body_cps) {
    size_t total = plen + body_cps;
    size_t pad = f->width > 0 && (size_t)f->width > total ? (size_t)f->width - total : 0;
    char align = effective_align(f, default_align);
    size_t left = 0, right = 0;
    switch (align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=':
        sb_append(sb, prefix, plen);
        append_fill(sb, f->fill, pad);
        sb_append(sb, body, blen);
        return;
    default: left = pad; break;
    }
    append_fill(sb, f->fill, left);
    sb_append(sb, prefix, plen);
    sb_append(sb, body, blen);
    append_fill(sb, f->fill, right);
}

/* Insert separators every `group` digits into digits[0..n), padding with
 * leading zeros until the grouped text is at least min_len long. */
static void group_digits(StrBuilder *out, const char *digits, size_t n, char sep, int group, size_t min_len) {
    size_t total = n;
    for (;;) {
        size_t glen = total + (total - 1) / group;
        if (glen >= min_len) break;
        total++;
    }
    for (size_t i = 0; i < total; i++) {
        size_t from_end = total - i;
        char c = i < total - n ? '0' : digits[i - (total - n)];
        sb_append_char(out, c);
        if (from_end > 1 && (from_end - 1) % group == 0) sb_append_char(out, sep);
    }
}

/* ---- strings ---- */

static int format_str_into(StrBuilder *sb, Object *s, const FormatSpec *f) {
    if (f->type && f->type != 's') {
        err_format(Exc_ValueError, "Unknown format code '%c' for object of type 'str'", f->type);
        return -1;
    }
    if (f->sign) { err_set(Exc_ValueError, "Sign not allowed in string format specifier"); return -1; }
    if (f->alternate) { err_set(Exc_ValueError, "Alternate form (#) not allowed in string format specifier"); return -1; }
    if (f->grouping) { err_format(Exc_ValueError, "Cannot specify '%c' with 's'.", f->grouping); return -1; }
    if (f->align == '=') { err_set(Exc_ValueError, "'=' alignment not allowed in string format specifier"); return -1; }
    size_t cps = str_length(s), bytes = str_size(s);
    if (f->precision >= 0 && (size_t)f->precision < cps) {
        cps = (size_t)f->precision;
        bytes = str_offset(s, cps);
    }
    emit_padded(sb, f, '<', "", 0, str_data(s), bytes, cps);
    return 0;
}

/* ---- floats ---- */

/* Digits of v (finite, >= 0) rounded to p significant digits: fills
 * digits (no trailing-zero stripping) and returns the decimal exponent
 * of the first digit. */
static int sig_digits(double v, int p, char *digits, int *nd) {
    char tmp[512];
    if (p < 1) p = 1;
    if (p > 400) p = 400;
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
    int k = 0;
    const char *q = tmp;
    for (; *q && *q != 'e'; q++) if (*q >= '0' && *q <= '9') digits[k++] = *q;
    *nd = k;
    return atoi(q + 1);
}

/* Python's 'g' / None-with-precision layout of |v|. */
static void layout_general(StrBuilder *out, double v, int p, bool alternate, bool add_dot0, bool upper) {
    char digits[512];
    int nd;
    if (p == 0) p = 1;
    int exp10 = sig_digits(v, p, digits, &nd);
    if (!alternate) while (nd > 1 && digits[nd - 1] == '0') nd--;
    int decpt = exp10 + 1;
    /* Zero has decpt 1 like any one-digit number: format(0.0, '.1') is
     * '0e+00' in CPython. */
    bool use_exp = decpt <= -4 || decpt > (add_dot0 ? p - 1 : p);
    if (use_exp) {
        sb_append_char(out, digits[0]);
        if (nd > 1 || alternate) sb_append_char(out, '.');
        sb_append(out, digits + 1, nd - 1);
        sb_printf(out, "%c%c%02d", upper ? 'E' : 'e', exp10 < 0 ? '-' : '+', abs(exp10));
        return;
    }
    if (decpt <= 0) {
        sb_append(out, "0.", 2);
        for (int i = 0; i < -decpt; i++) sb_append_char(out, '0');
        sb_append(out, digits, nd);
    } else if (decpt >= nd) {
        sb_append(out, digits, nd);
        for (int i = nd; i < decpt; i++) sb_append_char(out, '0');
        if (add_dot0) sb_append(out, ".0", 2);
        else if (alternate) sb_append_char(out, '.');
    } else {
        sb_append(out, digits, decpt);
        sb_append_char(out, '.');
        sb_append(out, digits + decpt, nd - decpt);
    }
}

static int format_double_into(StrBuilder *sb, double v, const FormatSpec *f, const char *tname) {
    char type = f->type;
    int64_t prec = f->precision;
    bool percent = false;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    case '%': percent = true; v *= 100; type = 'f'; break;
    default:
        err_format(Exc_ValueError, "Unknown format code '%c' for object of type '%s'", type, tname);
        return -1;
    }
    if (f->grouping && type == 'n') {
        err_format(Exc_ValueError, "Cannot specify '%c' with 'n'.", f->grouping);
        return -1;
    }
    /* C formats a double's precision as an int, and so does CPython. */
    if (prec > INT_MAX) {
        err_set(Exc_ValueError, "precision too big");
        return -1;
    }
    bool neg = signbit(v) && !isnan(v);
    double a = fabs(v);
    StrBuilder body;
    sb_init(&body);
    bool upper = type == 'E' || type == 'F' || type == 'G';
    if (isinf(a) || isnan(a)) {
        sb_append_cstr(&body, isnan(a) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    } else {
        if (f->no_neg_zero && neg) {
            /* 'z': a value that rounds to zero prints without the sign. */
            char t[512];
            int p = prec < 0 ? 6 : (int)(prec > 400 ? 400 : prec);
            if (type == 'f' || type == 'F') snprintf(t, sizeof t, "%.*f", p, a);
            else snprintf(t, sizeof t, "%.*e", p, a);
            bool allzero = true;
            for (char *c = t; *c && *c != 'e'; c++) if (*c >= '1' && *c <= '9') allzero = false;
            if (allzero || a == 0) neg = false;
        }
        if (type == 0 && prec < 0) {
            char buf[40];
            float_repr_into(a, buf, sizeof buf);
            char *e = strchr(buf, 'e');
            if (f->alternate && e && !memchr(buf, '.', (size_t)(e - buf))) {
                /* '#': the decimal point stays even with no digits after it. */
                sb_append(&body, buf, (size_t)(e - buf));
                sb_append_char(&body, '.');
                sb_append_cstr(&body, e);
            } else {
                sb_append_cstr(&body, buf);
            }
        } else if (type == 0) {
            layout_general(&body, a, (int)prec, f->alternate, true, false);
        } else if (type == 'g' || type == 'G' || type == 'n') {
            layout_general(&body, a, prec < 0 ? 6 : (int)prec, f->alternate, false, type == 'G');
        } else {
            char spec[16];
            int p = prec < 0 ? 6 : (int)prec;
            /* 'f' of 1e308 has 309 digits before the point */
            if (mem_check_size((size_t)p + 400, 1) < 0) { sb_free(&body); return -1; }
            snprintf(spec, sizeof spec, "%%%s.*%c", f->alternate ? "#" : "", type);
            int n = snprintf(NULL, 0, spec, p, a);
            if (n < 0) { sb_free(&body); err_no_memory(); return -1; }
            char *t = mem_alloc_or_raise((size_t)n + 1);
            if (!t) { sb_free(&body); return -1; }
            snprintf(t, (size_t)n + 1, spec, p, a);
            sb_append(&body, t, (size_t)n);
            mem_free(t);
        }
    }
    if (percent) sb_append_char(&body, '%');
    char sign[2] = {0, 0};
    if (neg) sign[0] = '-';
    else if (f->sign == '+') sign[0] = '+';
    else if (f->sign == ' ') sign[0] = ' ';
    size_t slen = sign[0] ? 1 : 0;
    const char *btxt = body.buf ? body.buf : "";
    size_t blen = body.len;
    if (f->grouping && isfinite(a)) {
        size_t intlen = 0;
        while (intlen < blen && btxt[intlen] >= '0' && btxt[intlen] <= '9') intlen++;
        StrBuilder g;
        sb_init(&g);
        size_t min_len = 0;
        if (zero_extends(f) && (size_t)f->width > slen + (blen - intlen))
            min_len = (size_t)f->width - slen - (blen - intlen);
        group_digits(&g, btxt, intlen, f->grouping, 3, min_len);
        sb_append(&g, btxt + intlen, blen - intlen);
        sb_free(&body);
        body = g;
        btxt = body.buf;
        blen = body.len;
    }
    /* Zero padding applies to inf and nan too (CPython 3.11: '000000000inf'). */
    emit_padded(sb, f, '>', sign, slen, btxt, blen, blen);
    sb_free(&body);
    return 0;
}

/* ---- ints ---- */

/* min_digits > 0: %-format precision for integers (zero-extend). */
static int format_int_into(StrBuilder *sb, Object *v, const FormatSpec *f, int64_t min_digits) {
    char type = f->type ? f->type : 'd';
    int base;
    bool float_type = strchr("eEfFgG%", type) != NULL;
    if (!float_type && min_digits < 0) {
        /* format() checks these before the type's own rules, as CPython. */
        if (f->precision >= 0 && strchr("dnxXobc", type)) {
            err_set(Exc_ValueError, "Precision not allowed in integer format specifier");
            return -1;
        }
        if (f->no_neg_zero && strchr("dnxXobc", type)) {
            err_set(Exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
            return -1;
        }
    }
    switch (type) {
    case 'd': case 'n': base = 10; break;
    case 'x': case 'X': base = 16; break;
    case 'o': base = 8; break;
    case 'b': base = 2; break;
    case 'c': {
        if (f->sign) { err_set(Exc_ValueError, "Sign not allowed with integer format specifier 'c'"); return -1; }
        if (f->alternate) { err_set(Exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'"); return -1; }
        if (!int_is_small(v)) { err_set(Exc_OverflowError, "Python int too large to convert to C long"); return -1; }
        int64_t cp = int_small(v);
        if (cp < 0 || cp > 0x10FFFF) { err_set(Exc_OverflowError, "%c arg not in range(0x110000)"); return -1; }
        char b[4];
        size_t n = utf8_encode((uint32_t)cp, b);
        emit_padded(sb, f, '>', "", 0, b, n, 1);
        return 0;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = int_as_double(v);
        if (d == -1.0 && err_occurred()) return -1;
        return format_double_into(sb, d, f, "int");
    }
    default:
        err_format(Exc_ValueError, "Unknown format code '%c' for object of type 'int'", type);
        return -1;
    }
    if (f->precision >= 0 && min_digits < 0) {
        err_set(Exc_ValueError, "Precision not allowed in integer format specifier");
        return -1;
    }
    if (f->grouping == ',' && base != 10) {
        err_format(Exc_ValueError, "Cannot specify ',' with '%c'.", type);
        return -1;
    }
    if (f->grouping && type == 'n') {
        err_format(Exc_ValueError, "Cannot specify '%c' with 'n'.", f->grouping);
        return -1;
    }
    bool neg = int_sign(v) < 0;
    Object *absv = obj_unaryop(v, UNOP_ABS);
    if (!absv) return -1;
    Object *text = int_to_string(absv, base);
    DECREF(absv);
    if (!text) return -1;
    const char *digits = str_data(text) + (base == 10 ? 0 : 2);
    size_t nd = str_size(text) - (base == 10 ? 0 : 2);
    char prefix[8];
    size_t plen = 0;
    if (neg) prefix[plen++] = '-';
    else if (f->sign == '+') prefix[plen++] = '+';
    else if (f->sign == ' ') prefix[plen++] = ' ';
    if (f->alternate && base != 10) {
        prefix[plen++] = '0';
        prefix[plen++] = base == 16 ? type : base == 8 ? 'o' : 'b';
    }
    StrBuilder body;
    sb_init(&body);
    if (f->grouping) {
        size_t min_len = 0;
        if (zero_extends(f) && (size_t)f->width > plen)
            min_len = (size_t)f->width - plen;
        group_digits(&body, digits, nd, f->grouping, base == 10 ? 3 : 4, min_len);
    } else {
        for (int64_t i = (int64_t)nd; i < min_digits; i++) sb_append_char(&body, '0');
        sb_append(&body, digits, nd);
    }
    if (type == 'X')
        for (size_t i = 0; i < body.len; i++)
            if (body.buf[i] >= 'a' && body.buf[i] <= 'f') body.buf[i] -= 32;
    emit_padded(sb, f, '>', prefix, plen, body.buf ? body.buf : "", body.len, body.len);
    sb_free(&body);
    DECREF(text);
    return 0;
}

/* ---- entry points for format() ---- */

static int format_value_into(StrBuilder *sb, Object *value, const FormatSpec *f) {
    if (STR_CHECK(value)) return format_str_into(sb, value, f);
    if (INT_CHECK(value)) return format_int_into(sb, value, f, -1);
    if (FLOAT_CHECK(value)) return format_double_into(sb, float_value(value), f, "float");
    err_format(Exc_TypeError, "unsupported format string passed to %s.__format__", type_name(TYPE(value)));
    return -1;
}

Object *str_format_spec(Object *value, Object *spec) {
    if (str_size(spec) == 0) {
        if (IS_TYPE(value, StrType)) return NEWREF(value);
        return obj_str(value);
    }
    FormatSpec f;
    if (format_spec_parse(spec, &f) < 0) return NULL;
    StrBuilder sb;
    sb_init(&sb);
    if (format_value_into(&sb, value, &f) < 0) { sb_free(&sb); return NULL; }
    return sb_finish(&sb);
}

Object *float_format_spec(double v, Object *spec) {
    FormatSpec f;
    if (format_spec_parse(spec, &f) < 0) return NULL;
    StrBuilder sb;
    sb_init(&sb);
    if (format_double_into(&sb, v, &f, "float") < 0) { sb_free(&sb); return NULL; }
    return sb_finish(&sb);
}

/* ---- str.format ---- */

typedef struct {
    Object *const *args;
    size_t nargs;
    Object *kwnames;     /* tuple or NULL */
    Object *mapping;     /* format_map, or NULL */
    int auto_index;      /* next automatic index; -1 once manual numbering is used */
    bool manual;
} FormatArgs;

static Object *lookup_kw(FormatArgs *fa, const char *name, size_t n) {
    Object *key = str_from_utf8_unchecked(name, n);
    if (!key) return NULL;
    Object *r = NULL;
    if (fa->mapping) {
        r = obj_getitem(fa->mapping, key);
    } else {
        if (fa->kwnames) {
            for (size_t i = 0; i < tuple_size(fa->kwnames); i++) {
                if (str_eq(tuple_get(fa->kwnames, i), key)) { r = NEWREF(fa->args[fa->nargs + i]); break; }
            }
        }
        if (!r) err_set_value(Exc_KeyError, key);
    }
    DECREF(key);
    return r;
}

/* The all-digit field name or index s[0..n) as a number; CPython's limit
 * is its ssize_t. */
static int field_number(const char *s, size_t n, int64_t *out) {
    int64_t v = 0;
    for (size_t k = 0; k < n; k++) {
        if (v > (INT64_MAX - 9) / 10) {
            err_set(Exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (s[k] - '0');
    }
    *out = v;
    return 0;
}

static Object *resolve_field(FormatArgs *fa, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[') i++;
    Object *obj;
    if (i == 0) {
        if (fa->manual) return err_set(Exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
        size_t idx = (size_t)fa->auto_index++;
        if (fa->mapping || idx >= fa->nargs)
            return err_format(Exc_IndexError, "Replacement index %zu out of range for positional args tuple", idx);
        obj = NEWREF(fa->args[idx]);
    } else {
        bool numeric = true;
        for (size_t k = 0; k < i; k++) if (s[k] < '0' || s[k] > '9') numeric = false;
        if (numeric) {
            if (fa->auto_index > 0) return err_set(Exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
            fa->manual = true;
            int64_t number;
            if (field_number(s, i, &number) < 0) return NULL;
            size_t idx = (size_t)number;
            if (fa->mapping || idx >= fa->nargs)
                return err_format(Exc_IndexError, "Replacement index %zu out of range for positional args tuple", idx);
            obj = NEWREF(fa->args[idx]);
        } else {
            obj = lookup_kw(fa, s, i);
            if (!obj) return NULL;
        }
    }
    while (i < n) {
        if (s[i] == '.') {
            size_t j = ++i;
            while (i < n && s[i] != '.' && s[i] != '[') i++;
            if (i == j) { DECREF(obj); return err_set(Exc_ValueError, "Empty attribute in format string"); }
            Object *name = str_from_utf8_unchecked(s + j, i - j);
            Object *next = obj_getattr(obj, name);
            DECREF(name);
            DECREF(obj);
            if (!next) return NULL;
            obj = next;
        } else if (s[i] == '[') {
            size_t j = ++i;
            while (i < n && s[i] != ']') i++;
            if (i >= n) { DECREF(obj); return err_set(Exc_ValueError, "Missing ']' in format string"); }
            if (i == j) { DECREF(obj); return err_set(Exc_ValueError, "Empty attribute in format string"); }
            bool numeric = true;
            for (size_t k = j; k < i; k++) if (s[k] < '0' || s[k] > '9') numeric = false;
            int64_t number = 0;
            if (numeric && field_number(s + j, i - j, &number) < 0) { DECREF(obj); return NULL; }
            Object *key = numeric ? int_from_i64(number) : str_from_utf8_unchecked(s + j, i - j);
            Object *next = obj_getitem(obj, key);
            DECREF(key);
            DECREF(obj);
            if (!next) return NULL;
            obj = next;
            i++;
            if (i < n && s[i] != '.' && s[i] != '[') {
                DECREF(obj);
                return err_set(Exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            break;
        }
    }
    return obj;
}

static int format_string_into(StrBuilder *sb, FormatArgs *fa, const char *s, size_t n, int depth);

static int render_field(StrBuilder *sb, FormatArgs *fa, const char *s, size_t n, int depth) {
    /* s[0..n) is the text between the braces: name[!conv][:spec] */
    size_t i = 0;
    int bracket = 0;
    while (i < n) {
        if (s[i] == '[') bracket = 1;
        else if (s[i] == ']') bracket = 0;
        else if (!bracket && (s[i] == '!' || s[i] == ':')) break;
        i++;
    }
    Object *value = resolve_field(fa, s, i);
    if (!value) return -1;
    if (i < n && s[i] == '!') {
        if (i + 1 >= n) { DECREF(value); err_set(Exc_ValueError, "end of string while looking for conversion specifier"); return -1; }
        char conv = s[i + 1];
        if (i + 2 < n && s[i + 2] != ':') { DECREF(value); err_set(Exc_ValueError, "expected ':' after conversion specifier"); return -1; }
        Object *c;
        if (conv == 'r') c = obj_repr(value);
        else if (conv == 's') c = obj_str(value);
        else if (conv == 'a') c = obj_ascii(value);
        else { DECREF(value); err_format(Exc_ValueError, "Unknown conversion specifier %c", conv); return -1; }
        DECREF(value);
        if (!c) return -1;
        value = c;
        i += 2;
    }
    Object *spec;
    if (i < n && s[i] == ':') {
        const char *sp = s + i + 1;
        size_t sn = n - i - 1;
        if (memchr(sp, '{', sn)) {
            if (depth >= 2) { DECREF(value); err_set(Exc_ValueError, "Max string recursion exceeded"); return -1; }
            StrBuilder inner;
            sb_init(&inner);
            if (format_string_into(&inner, fa, sp, sn, depth + 1) < 0) { sb_free(&inner); DECREF(value); return -1; }
            spec = sb_finish(&inner);
        } else {
            spec = str_from_utf8_unchecked(sp, sn);
        }
    } else {
        spec = NEWREF(str_empty());
    }
    Object *text;
    if (str_size(spec) == 0 && IS_TYPE(value, StrType)) text = NEWREF(value);
    else text = obj_format(value, spec);
    DECREF(spec);
    DECREF(value);
    if (!text) return -1;
    sb_append(sb, str_data(text), str_size(text));
    DECREF(text);
    return 0;
}

static int format_string_into(StrBuilder *sb, FormatArgs *fa, const char *s, size_t n, int depth) {
    size_t i = 0;
    while (i < n) {
        const char *open = memchr(s + i, '{', n - i);
        const char *close = memchr(s + i, '}', n - i);
        if (close && (!open || close < open)) {
            if (close + 1 < s + n && close[1] == '}') {
                sb_append(sb, s + i, close - (s + i) + 1);
                i = close - s + 2;
                continue;
            }
            err_set(Exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (!open) { sb_append(sb, s + i, n - i); break; }
        sb_append(sb, s + i, open - (s + i));
        i = open - s + 1;
        if (i < n && s[i] == '{') { sb_append_char(sb, '{'); i++; continue; }
        /* Find the matching '}', honouring nested braces in the spec. */
        size_t j = i;
        int level = 1;
        while (j < n) {
            if (s[j] == '{') level++;
            else if (s[j] == '}' && --level == 0) break;
            j++;
        }
        if (j >= n) {
            /* CPython's wording depends on how far the field got: nothing
             * after '{', a name only (brackets skipped), or into a
             * conversion or spec. */
            const char *msg = "Single '{' encountered in format string";
            if (i < n) {
                msg = "expected '}' before end of string";
                bool in_brackets = false;
                for (size_t k = i; k < n; k++) {
                    if (s[k] == '[') in_brackets = true;
                    else if (s[k] == ']') in_brackets = false;
                    else if (!in_brackets && (s[k] == ':' || s[k] == '!')) {
                        msg = s[k] == '!' && k + 1 == n
                            ? "end of string while looking for conversion specifier"
                            : "unmatched '{' in format spec";
                        break;
                    }
                }
            }
            err_set(Exc_ValueError, msg);
            return -1;
        }
        if (render_field(sb, fa, s + i, j - i, depth) < 0) return -1;
        i = j + 1;
    }
    return 0;
}

Object *str_format_method(Object *fmt, Object *const *args, size_t nargs, Object *kwnames) {
    FormatArgs fa = { args, nargs, kwnames && tuple_size(kwnames) ? kwnames : NULL, NULL, 0, false };
    StrBuilder sb;
    sb_init(&sb);
    if (format_string_into(&sb, &fa, str_data(fmt), str_size(fmt), 0) < 0) { sb_free(&sb); return NULL; }
    return sb_finish(&sb);
}

Object *str_format_with_mapping(Object *fmt, Object *mapping) {
    FormatArgs fa = { NULL, 0, NULL, mapping, 0, false };
    StrBuilder sb;
    sb_init(&sb);
    if (format_string_into(&sb, &fa, str_data(fmt), str_size(fmt), 0) < 0) { sb_free(&sb); return NULL; }
    return sb_finish(&sb);
}

/* ---- printf-style % ---- */

Object *str_percent_format(Object *fmt, Object *args) {
    const char *s = str_data(fmt), *end = s + str_size(fmt);
    Object *const *items;
    size_t nitems, next = 0;
    Object *single = args;
    bool is_tuple = TUPLE_CHECK(args);
    if (is_tuple) { items = tuple_items(args); nitems = tuple_size(args); }
    else { items = &single; nitems = 1; }
    Object *mapping = (!is_tuple && !STR_CHECK(args) && TYPE(args)->getitem) ? args : NULL;
    bool used_mapping = false;
    StrBuilder sb;
    sb_init(&sb);
    while (s < end) {
        const char *pct = memchr(s, '%', end - s);
        if (!pct) { sb_append(&sb, s, end - s); break; }
        sb_append(&sb, s, pct - s);
        const char *p = pct + 1;
        Object *key_value = NULL;
        if (p < end && *p == '(') {
            if (!mapping) { err_set(Exc_TypeError, "format requires a mapping"); goto fail; }
            int depth = 1;
            const char *k = ++p;
            while (p < end && depth) { if (*p == '(') depth++; else if (*p == ')') depth--; if (depth) p++; }
            if (p >= end) { err_set(Exc_ValueError, "incomplete format key"); goto fail; }
            Object *key = str_from_utf8_unchecked(k, p - k);
            key_value = obj_getitem(mapping, key);
            DECREF(key);
            if (!key_value) goto fail;
            used_mapping = true;
            p++;
        }
        FormatSpec f = { ' ', 0, 0, false, false, false, -1, 0, -1, 0 };
        bool left = false;
        for (; p < end; p++) {
            if (*p == '-') left = true;
            else if (*p == '+') f.sign = '+';
            else if (*p == ' ') { if (f.sign != '+') f.sign = ' '; }
            else if (*p == '#') f.alternate = true;
            else if (*p == '0') f.zero = true;
            else break;
        }
        if (p < end && *p == '*') {
            if (next >= nitems) { XDECREF(key_value); err_set(Exc_TypeError, "not enough arguments for format string"); goto fail; }
            if (!INT_CHECK(items[next])) { XDECREF(key_value); err_set(Exc_TypeError, "* wants int"); goto fail; }
            f.width = int_as_i64(items[next++]);
            if (f.width == -1 && err_occurred()) {
                XDECREF(key_value);
                err_clear();
                err_set(Exc_OverflowError, "Python int too large to convert to C ssize_t");
                goto fail;
            }
            /* CPython negates the C value: -2**63 stays negative, so no padding. */
            if (f.width < 0) { left = true; f.width = f.width == INT64_MIN ? 0 : -f.width; }
            if (mem_check_size((size_t)f.width, 1) < 0) { XDECREF(key_value); goto fail; }
            p++;
        } else {
            if (p < end && *p >= '0' && *p <= '9') f.width = 0;
            while (p < end && *p >= '0' && *p <= '9') {
                if (f.width > (INT64_MAX - 9) / 10) { XDECREF(key_value); err_set(Exc_ValueError, "width too big"); goto fail; }
                f.width = f.width * 10 + (*p++ - '0');
            }
            if (f.width > 0 && mem_check_size((size_t)f.width, 1) < 0) { XDECREF(key_value); goto fail; }
        }
        if (p < end && *p == '.') {
            p++;
            f.precision = 0;
            if (p < end && *p == '*') {
                if (next >= nitems) { XDECREF(key_value); err_set(Exc_TypeError, "not enough arguments for format string"); goto fail; }
                if (!INT_CHECK(items[next])) { XDECREF(key_value); err_set(Exc_TypeError, "* wants int"); goto fail; }
                /* CPython reads '*' precision as a C int. */
                f.precision = int_as_i64(items[next++]);
                if ((f.precision == -1 && err_occurred()) || f.precision > INT_MAX || f.precision < INT_MIN) {
                    XDECREF(key_value);
                    err_clear();
                    err_set(Exc_OverflowError, "Python int too large to convert to C int");
                    goto fail;
                }
                if (f.precision < 0) f.precision = 0;
                p++;
            } else {
                while (p < end && *p >= '0' && *p <= '9') {
                    if (f.precision > (INT_MAX - 9) / 10) { XDECREF(key_value); err_set(Exc_ValueError, "precision too big"); goto fail; }
                    f.precision = f.precision * 10 + (*p++ - '0');
                }
            }
        }
        while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) p++;
        if (p >= end) { XDECREF(key_value); err_set(Exc_ValueError, "incomplete format"); goto fail; }
        char conv = *p++;
        if (conv == '%') {
            XDECREF(key_value);
            sb_append_char(&sb, '%');
            s = p;
            continue;
        }
        Object *arg;
        if (key_value) arg = key_value;
        else {
            if (next >= nitems) { err_set(Exc_TypeError, "not enough arguments for format string"); goto fail; }
            arg = NEWREF(items[next++]);
        }
        if (left) { f.align = '<'; f.zero = false; }
        else f.align = '>';
        int rc = 0;
        switch (conv) {
        case 's': case 'r': case 'a': {
            Object *t = conv == 's' ? obj_str(arg) : conv == 'r' ? obj_repr(arg) : obj_ascii(arg);
            if (!t) { rc = -1; break; }
            FormatSpec sf = f;
            sf.sign = 0; sf.alternate = false; sf.fill = ' ';
            rc = format_str_into(&sb, t, &sf);
            DECREF(t);
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            Object *iv;
            if (INT_CHECK(arg)) iv = NEWREF(arg);
            else if ((conv == 'd' || conv == 'i' || conv == 'u') && (FLOAT_CHECK(arg) || (TYPE(arg)->unaryop && type_lookup_cstr(TYPE(arg), "__int__")))) {
                iv = obj_unaryop(arg, UNOP_INT);
            } else if (TYPE(arg)->unaryop && type_lookup_cstr(TYPE(arg), "__index__")) {
                iv = obj_index(arg);
            } else {
                if (conv == 'd' || conv == 'i' || conv == 'u')
                    err_format(Exc_TypeError, "%%%c format: a real number is required, not %s", conv, type_name(TYPE(arg)));
                else
                    err_format(Exc_TypeError, "%%%c format: an integer is required, not %s", conv, type_name(TYPE(arg)));
                rc = -1;
                break;
            }
            if (!iv) { rc = -1; break; }
            FormatSpec nf = f;
            nf.type = (conv == 'i' || conv == 'u') ? 'd' : conv;
            if (f.zero && !left) { nf.fill = '0'; nf.align = '='; }
            int64_t mind = f.precision;
            nf.precision = -1;
            rc = format_int_into(&sb, iv, &nf, mind < 0 ? 0 : mind);
            DECREF(iv);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double d = float_as_double(arg);
            if (d == -1.0 && err_occurred()) { rc = -1; break; }
            FormatSpec nf = f;
            nf.type = conv;
            if (f.zero && !left) { nf.fill = '0'; nf.align = '='; }
            rc = format_double_into(&sb, d, &nf, "float");
            break;
        }
        case 'c': {
            uint32_t cp;
            if (STR_CHECK(arg)) {
                if (str_length(arg) != 1) { err_set(Exc_TypeError, "%c requires int or char"); rc = -1; break; }
                size_t l;
                cp = utf8_decode(str_data(arg), &l);
            } else if (INT_CHECK(arg)) {
                int64_t v = int_is_small(arg) ? int_small(arg) : -1;
                if (v < 0 || v > 0x10FFFF) { err_set(Exc_OverflowError, "%c arg not in range(0x110000)"); rc = -1; break; }
                cp = (uint32_t)v;
            } else { err_set(Exc_TypeError, "%c requires int or char"); rc = -1; break; }
            char b[4];
            size_t n = utf8_encode(cp, b);
            FormatSpec cf = f;
            cf.fill = ' ';
            emit_padded(&sb, &cf, '>', "", 0, b, n, 1);
            break;
        }
        default:
            if ((unsigned char)conv < 0x80)
                err_format(Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                           conv, (unsigned)(unsigned char)conv, utf8_count(str_data(fmt), p - 1 - str_data(fmt)));
            else
                err_format(Exc_ValueError, "unsupported format character at index %zu",
                           utf8_count(str_data(fmt), p - 1 - str_data(fmt)));
            rc = -1;
        }
        DECREF(arg);
        if (rc < 0) goto fail;
        s = p;
    }
    if (next < nitems && !mapping && !used_mapping) {
        err_set(Exc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    if (next < nitems && mapping && is_tuple) {
        err_set(Exc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    return sb_finish(&sb);
fail:
    sb_free(&sb);
    return NULL;
}

/* ---- C-level printf with object conversions ---- */

Object *str_vformat(const char *fmt, va_list ap) {
    StrBuilder sb;
    sb_init(&sb);
    const char *p = fmt;
    while (*p) {
        const char *pct = strchr(p, '%');
        if (!pct) { sb_append_cstr(&sb, p); break; }
        sb_append(&sb, p, pct - p);
        const char *q = pct + 1;
        /* Object conversions. */
        if (*q == 'R' || *q == 'S' || *q == 'T' || *q == 'U') {
            Object *o = va_arg(ap, Object *);
            if (*q == 'T') sb_append_cstr(&sb, o ? type_name(TYPE(o)) : "NULL");
            else if (!o) sb_append_cstr(&sb, "<NULL>");
            else if (*q == 'U') sb_append(&sb, str_data(o), str_size(o));
            else {
                Object *t = *q == 'R' ? obj_repr(o) : obj_str(o);
                if (!t) { sb_free(&sb); return NULL; }
                sb_append(&sb, str_data(t), str_size(t));
                DECREF(t);
            }
            p = q + 1;
            continue;
        }
        if (*q == '%') { sb_append_char(&sb, '%'); p = q + 1; continue; }
        /* A C conversion: copy the spec and hand one argument to snprintf. */
        char spec[32];
        size_t k = 0;
        spec[k++] = '%';
        int star_args[2];
        int nstars = 0;
        while (*q && strchr("-+ #0", *q) && k < 20) spec[k++] = *q++;
        if (*q == '*') { star_args[nstars++] = va_arg(ap, int); spec[k++] = *q++; }
        while (*q >= '0' && *q <= '9' && k < 20) spec[k++] = *q++;
        if (*q == '.') {
            spec[k++] = *q++;
            if (*q == '*') { star_args[nstars++] = va_arg(ap, int); spec[k++] = *q++; }
            while (*q >= '0' && *q <= '9' && k < 24) spec[k++] = *q++;
        }
        int lmod = 0;   /* 0 int, 1 long, 2 long long, 3 size_t, 4 intmax, 5 ptrdiff, 6 long double */
        if (*q == 'h') { spec[k++] = *q++; if (*q == 'h') spec[k++] = *q++; }
        else if (*q == 'l') { spec[k++] = *q++; lmod = 1; if (*q == 'l') { spec[k++] = *q++; lmod = 2; } }
        else if (*q == 'z') { spec[k++] = *q++; lmod = 3; }
        else if (*q == 'j') { spec[k++] = *q++; lmod = 4; }
        else if (*q == 't') { spec[k++] = *q++; lmod = 5; }
        else if (*q == 'L') { spec[k++] = *q++; lmod = 6; }
        char conv = *q;
        if (!conv) { spec[k] = 0; sb_append_cstr(&sb, spec); break; }
        spec[k++] = *q++;
        spec[k] = 0;
        char buf[512];
        int a0 = nstars > 0 ? star_args[0] : 0, a1 = nstars > 1 ? star_args[1] : 0;
#define EMIT(val) do { \
            if (nstars == 0) snprintf(buf, sizeof buf, spec, val); \
            else if (nstars == 1) snprintf(buf, sizeof buf, spec, a0, val); \
            else snprintf(buf, sizeof buf, spec, a0, a1, val); } while (0)
        switch (conv) {
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            switch (lmod) {
            case 1: EMIT(va_arg(ap, long)); break;
            case 2: EMIT(va_arg(ap, long long)); break;
            case 3: EMIT(va_arg(ap, size_t)); break;
            case 4: EMIT(va_arg(ap, intmax_t)); break;
            case 5: EMIT(va_arg(ap, ptrdiff_t)); break;
            default: EMIT(va_arg(ap, int)); break;
            }
            break;
        case 'c': EMIT(va_arg(ap, int)); break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            if (lmod == 6) EMIT(va_arg(ap, long double)); else EMIT(va_arg(ap, double));
            break;
        case 'p': EMIT(va_arg(ap, void *)); break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (nstars == 0 && k == 2) { sb_append_cstr(&sb, str ? str : "(null)"); buf[0] = 0; }
            else EMIT(str ? str : "(null)");
            break;
        }
        default:
            snprintf(buf, sizeof buf, "%s", spec);
            break;
        }
#undef EMIT
        sb_append_cstr(&sb, buf);
        p = q;
    }
    return sb_finish(&sb);
}

Object *str_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Object *r = str_vformat(fmt, ap);
    va_end(ap);
    return r;
}
