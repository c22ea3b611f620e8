/* str.h — immutable Unicode strings stored as UTF-8 (str.c, strformat.c).
 *
 * `length` counts code points, `size` bytes; data is NUL-terminated. When
 * every character is ASCII (is_ascii), indexing is O(1); otherwise indexing
 * walks the UTF-8 (str.c keeps that fast for sequential access).
 * Identifiers are interned (intern_cstr / str_intern): interned strings are
 * immortal and compared by pointer first.
 */
#ifndef GILT_STR_H
#define GILT_STR_H

#include "object.h"

typedef struct StrObject {
    OBJECT_HEAD
    int64_t hash;           /* -1 until computed */
    size_t length;          /* code points */
    size_t size;            /* bytes of UTF-8, excluding the NUL */
    uint8_t is_ascii;
    uint8_t interned;
    char data[];            /* UTF-8, NUL-terminated */
} StrObject;

#define STR_CHECK(o) (IS_TYPE(o, StrType) || HAS_FLAG(o, TPFLAG_STR_SUBCLASS))
static inline const char *str_data(Object *o) { return ((StrObject *)o)->data; }
static inline size_t str_size(Object *o) { return ((StrObject *)o)->size; }
static inline size_t str_length(Object *o) { return ((StrObject *)o)->length; }

Object *str_from_cstr(const char *s);
/* From UTF-8 bytes; invalid UTF-8 raises UnicodeDecodeError. */
Object *str_from_utf8(const char *s, size_t n);
/* From bytes known to be valid UTF-8 (no check). */
Object *str_from_utf8_unchecked(const char *s, size_t n);
Object *str_from_codepoint(uint32_t cp);
Object *str_format(const char *fmt, ...);       /* printf + %R %S %T %U (see errors.h) */
Object *str_vformat(const char *fmt, va_list ap);
Object *str_concat(Object *a, Object *b);
Object *str_append_in_place(Object *s, Object *t);   /* see str.c */
Object *str_join(Object *sep, Object *iterable);
bool str_eq(Object *a, Object *b);               /* both str */
int str_compare(Object *a, Object *b);           /* -1, 0, 1 by code point */
bool str_eq_cstr(Object *s, const char *c);
int64_t str_hash(Object *o);
/* The hash if already computed, else -1. Relaxed: another thread may be
 * storing it (str_hash) at the same moment (the same plain load on x86). */
static inline int64_t str_cached_hash(Object *o) {
    return __atomic_load_n(&((StrObject *)o)->hash, __ATOMIC_RELAXED);
}
/* Intern *p in place (replacing it by the canonical, immortal string). */
void str_intern(Object **p);
Object *str_intern_cstr(const char *s);          /* = intern_cstr */
/* Python's repr() of a str. */
Object *str_repr(Object *o);
/* The mini-language of format specs, for str, int and float. */
Object *str_format_spec(Object *value, Object *spec);
/* `fmt % args` */
Object *str_percent_format(Object *fmt, Object *args);
/* str.format(*args, **kwargs) */
Object *str_format_method(Object *fmt, Object *const *args, size_t nargs, Object *kwnames);

/* A growable UTF-8 buffer for building strings. */
typedef struct StrBuilder {
    char *buf;
    size_t len, cap;
} StrBuilder;
void sb_init(StrBuilder *sb);
void sb_append(StrBuilder *sb, const char *s, size_t n);
void sb_append_cstr(StrBuilder *sb, const char *s);
void sb_append_char(StrBuilder *sb, char c);
void sb_append_codepoint(StrBuilder *sb, uint32_t cp);
void sb_printf(StrBuilder *sb, const char *fmt, ...);
int sb_append_str(StrBuilder *sb, Object *str);  /* an str object's bytes */
int sb_append_repr(StrBuilder *sb, Object *o);   /* repr(o), -1 on error */
Object *sb_finish(StrBuilder *sb);               /* to str, frees the buffer */
void sb_free(StrBuilder *sb);

#endif
