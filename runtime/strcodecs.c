/* strcodecs.c — the UTF-16 and UTF-32 codecs behind str.encode and
 * bytes.decode (str.c handles UTF-8, ASCII and Latin-1 and dispatches
 * here).
 *
 * Encoding never fails: a gilt str holds valid UTF-8, so it has no lone
 * surrogates. "utf-16"/"utf-32" without a byte order write a little-endian
 * BOM first, as CPython does on this (little-endian) machine; decoding them
 * honours a leading BOM and otherwise reads little-endian. Decoding errors
 * (truncated data, lone surrogates, code points beyond U+10FFFF) are
 * handled by strict / ignore / replace / backslashreplace with CPython's
 * messages, which name the codec with its byte order ('utf-16-le').
 */
#include <string.h>
#include "gilt.h"
#include "strimpl.h"

static void put_unit(StrBuilder *sb, uint32_t v, int width, bool big_endian) {
    char b[4];
    for (int i = 0; i < width; i++) {
        int shift = big_endian ? 8 * (width - 1 - i) : 8 * i;
        b[i] = (char)((v >> shift) & 0xFF);
    }
    sb_append(sb, b, (size_t)width);
}

Object *codec_utf16_32_encode(Object *str, int width, int byteorder) {
    const char *s = str_data(str);
    size_t n = str_size(str);
    bool big = byteorder > 0;
    StrBuilder sb;
    sb_init(&sb);
    if (byteorder == 0) put_unit(&sb, 0xFEFF, width, false);
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = utf8_decode(s + i, &len);
        i += len;
        if (width == 4 || c < 0x10000) {
            put_unit(&sb, c, width, big);
        } else {
            c -= 0x10000;
            put_unit(&sb, 0xD800 | (c >> 10), 2, big);
            put_unit(&sb, 0xDC00 | (c & 0x3FF), 2, big);
        }
    }
    Object *r = bytes_from(sb.buf ? sb.buf : "", sb.len);
    sb_free(&sb);
    return r;
}

static uint32_t get_unit(const unsigned char *p, int width, bool big) {
    uint32_t v = 0;
    for (int i = 0; i < width; i++) {
        int shift = big ? 8 * (width - 1 - i) : 8 * i;
        v |= (uint32_t)p[i] << shift;
    }
    return v;
}

typedef enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_BACKSLASH } ErrorMode;

Object *codec_utf16_32_decode(const char *data, size_t n, int width, int byteorder,
                              const char *errors) {
    ErrorMode mode;
    if (!strcmp(errors, "strict")) mode = ERR_STRICT;
    else if (!strcmp(errors, "ignore")) mode = ERR_IGNORE;
    else if (!strcmp(errors, "replace")) mode = ERR_REPLACE;
    else if (!strcmp(errors, "backslashreplace")) mode = ERR_BACKSLASH;
    else return err_format(Exc_LookupError, "unknown error handler name '%s'", errors);
    const unsigned char *s = (const unsigned char *)data;
    size_t pos = 0;
    bool big = byteorder > 0;
    if (byteorder == 0 && n >= (size_t)width) {
        /* A BOM picks the order and is not part of the text. */
        if (get_unit(s, width, false) == 0xFEFF) { pos = (size_t)width; big = false; }
        else if (get_unit(s, width, true) == 0xFEFF) { pos = (size_t)width; big = true; }
    }
    char codec[16];
    snprintf(codec, sizeof codec, "utf-%d-%s", width * 8, big ? "be" : "le");
    StrBuilder sb;
    sb_init(&sb);
    while (pos < n) {
        const char *reason = NULL;
        size_t bad = 0;           /* bytes the error covers */
        if (n - pos < (size_t)width) {
            reason = "truncated data";
            bad = n - pos;
        } else if (width == 4) {
            uint32_t c = get_unit(s + pos, 4, big);
            if (c >= 0x110000) reason = "code point not in range(0x110000)";
            else if (c >= 0xD800 && c < 0xE000)
                reason = "code point in surrogate code point range(0xd800, 0xe000)";
            else { sb_append_codepoint(&sb, c); pos += 4; continue; }
            bad = 4;
        } else {
            uint32_t u = get_unit(s + pos, 2, big);
            if (u < 0xD800 || u >= 0xE000) { sb_append_codepoint(&sb, u); pos += 2; continue; }
            bad = 2;
            if (u >= 0xDC00) {
                reason = "illegal encoding";
            } else if (n - pos < 4) {
                reason = n - pos == 2 ? "unexpected end of data" : "illegal UTF-16 surrogate";
                if (n - pos == 3) bad = 2;
            } else {
                uint32_t lo = get_unit(s + pos + 2, 2, big);
                if (lo >= 0xDC00 && lo < 0xE000) {
                    sb_append_codepoint(&sb, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                    pos += 4;
                    continue;
                }
                reason = "illegal UTF-16 surrogate";
            }
        }
        switch (mode) {
        case ERR_STRICT: {
            sb_free(&sb);
            if (bad <= 1)
                return err_format(Exc_UnicodeDecodeError,
                                  "'%s' codec can't decode byte 0x%02x in position %zu: %s",
                                  codec, s[pos], pos, reason);
            return err_format(Exc_UnicodeDecodeError,
                              "'%s' codec can't decode bytes in position %zu-%zu: %s", codec,
                              pos, pos + bad - 1, reason);
        }
        case ERR_IGNORE: break;
        case ERR_REPLACE: sb_append_codepoint(&sb, 0xFFFD); break;
        case ERR_BACKSLASH:
            for (size_t k = 0; k < bad; k++) sb_printf(&sb, "\\x%02x", s[pos + k]);
            break;
        }
        pos += bad;
    }
    return sb_finish(&sb);
}
