/* strimpl.h — internals shared by the string and bytes modules (str.c,
 * strmethods.c, strformat.c, unicodectype.c, bytes.c, bytearray.c). Not part
 * of the public runtime API: other modules use str.h / bytes.h.
 */
#ifndef GILT_STRIMPL_H
#define GILT_STRIMPL_H

#include "str.h"

extern TypeObject StrIterType;
extern const MethodDef str_methods[];

Object *str_empty(void);                       /* borrowed-immortal ""      */
Object *str_ascii_char(unsigned c);            /* borrowed-immortal chr(c)  */
Object *str_new_raw(size_t size);              /* exact str, data to fill   */
Object *str_finish_new(Object *o);             /* compute length/is_ascii   */
Object *str_from_utf8_len(const char *s, size_t n, size_t length);
Object *str_substring(Object *s, size_t start, size_t stop);   /* code points */
size_t str_offset(Object *s, size_t i);        /* byte offset of code point i */
void str_repr_into(StrBuilder *sb, Object *o, bool ascii_only);

uint32_t utf8_decode(const char *s, size_t *len);   /* s valid UTF-8 */
size_t utf8_encode(uint32_t cp, char *out);         /* 1..4 bytes    */
size_t utf8_count(const char *s, size_t n);         /* code points   */
size_t utf8_check(const char *s, size_t n, const char **reason, size_t *bad);

Object *str_decode(const char *s, size_t n, const char *encoding, const char *errors);
Object *str_encode(Object *str, const char *encoding, const char *errors);
/* UTF-16 (width 2) / UTF-32 (width 4); byteorder 0 = BOM, -1 LE, 1 BE (strcodecs.c). */
Object *codec_utf16_32_encode(Object *str, int width, int byteorder);
Object *codec_utf16_32_decode(const char *s, size_t n, int width, int byteorder,
                              const char *errors);
int64_t bytes_hash_data(const char *s, size_t n);

/* Character classes and case mapping (unicodectype.c): each answers as
 * the str method of the same name does on a one-character string. */
bool ucs_isprintable(uint32_t c);
bool ucs_isspace(uint32_t c);
bool ucs_isalpha(uint32_t c);
bool ucs_isdecimal(uint32_t c);
bool ucs_isdigit(uint32_t c);
bool ucs_isnumeric(uint32_t c);
bool ucs_isupper(uint32_t c);
bool ucs_islower(uint32_t c);
bool ucs_istitle(uint32_t c);          /* category Lt */
bool ucs_iscased(uint32_t c);
bool ucs_iscaseignorable(uint32_t c);
bool ucs_islinebreak(uint32_t c);      /* str.splitlines boundaries */
bool ucs_isidstart(uint32_t c);        /* may start an identifier ('_' too) */
bool ucs_isidcontinue(uint32_t c);
int ucs_decimal_value(uint32_t c);     /* -1 if none */
int ucs_digit_value(uint32_t c);       /* -1 if none */
uint32_t ucs_toupper(uint32_t c);      /* simple (one code point) mappings */
uint32_t ucs_tolower(uint32_t c);
uint32_t ucs_totitle(uint32_t c);
/* Full mappings: up to UCS_MAX_EXPANSION code points into out, count back. */
#define UCS_MAX_EXPANSION 3
int ucs_full_upper(uint32_t c, uint32_t out[UCS_MAX_EXPANSION]);
int ucs_full_lower(uint32_t c, uint32_t out[UCS_MAX_EXPANSION]);
int ucs_full_title(uint32_t c, uint32_t out[UCS_MAX_EXPANSION]);
int ucs_full_fold(uint32_t c, uint32_t out[UCS_MAX_EXPANSION]);
/* Non-ASCII numeric text made ASCII for int()/float() (mem_alloc'd). */
char *ucs_numeric_ascii(const char *s, size_t n, size_t *outn);

/* Format-spec helpers (strformat.c). */
typedef struct FormatSpec {
    uint32_t fill;
    char align;          /* 0, '<', '>', '^', '=' */
    char sign;           /* 0, '+', '-', ' ' */
    bool alternate;      /* '#' */
    bool zero;           /* '0' before width */
    bool no_neg_zero;    /* 'z' */
    int64_t width;       /* -1 = none */
    char grouping;       /* 0, ',', '_' */
    int64_t precision;   /* -1 = none */
    char type;           /* 0 = none */
} FormatSpec;
int format_spec_parse(Object *spec, FormatSpec *out);

#endif
