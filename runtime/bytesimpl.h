/* bytesimpl.h — what bytes.c shares with bytearray.c: views of either kind
 * of buffer, results of the receiver's kind, and the shared slots and
 * read-only methods. Internal to the bytes modules. */
#ifndef GILT_BYTESIMPL_H
#define GILT_BYTESIMPL_H

#include "bytes.h"
#include "str.h"

extern TypeObject BytesIterType;
extern const MethodDef buf_shared_methods[];

/* data/size of a bytes or bytearray; false for anything else. */
bool buf_view(Object *o, const char **data, size_t *size);
/* A bytes or bytearray (like self) holding s[0..n). */
Object *make_like(Object *self, const char *s, size_t n);
Object *bytes_new_raw(size_t n);
void bytes_repr_into(StrBuilder *sb, const char *s, size_t n);
void bytearray_repr_into(StrBuilder *sb, const char *s, size_t n);   /* escapes ' always */
Object *buf_richcompare(Object *a, Object *b, CompareOp op);
Object *buf_repeat(Object *self, Object *n);
Object *buf_percent(Object *self, Object *args);
Object *buf_getitem(Object *self, Object *key);
int buf_contains(Object *self, Object *item);
Object *buf_iter(Object *self);
/* The bytes bytes(x) would hold (x not a str); *out from mem_alloc. */
int buf_from_object(Object *x, char **out, size_t *outn);
/* bytes()/bytearray() arguments (source, encoding, errors). */
int buf_construct(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
                  char **out, size_t *outn);

/* bytestext.c: the rest of the shared text-like methods. */
#define BUF_METHOD_DECL(fn) Object *fn(Object *self, Object *const *args, size_t nargs, Object *kw)
BUF_METHOD_DECL(buf_capitalize); BUF_METHOD_DECL(buf_title);
BUF_METHOD_DECL(buf_islower); BUF_METHOD_DECL(buf_isupper); BUF_METHOD_DECL(buf_istitle);
BUF_METHOD_DECL(buf_ljust); BUF_METHOD_DECL(buf_center); BUF_METHOD_DECL(buf_rjust);
BUF_METHOD_DECL(buf_zfill); BUF_METHOD_DECL(buf_expandtabs);
BUF_METHOD_DECL(buf_rsplit); BUF_METHOD_DECL(buf_splitlines);
BUF_METHOD_DECL(buf_removeprefix); BUF_METHOD_DECL(buf_removesuffix);
BUF_METHOD_DECL(buf_translate); BUF_METHOD_DECL(buf_maketrans);
#undef BUF_METHOD_DECL

#endif
