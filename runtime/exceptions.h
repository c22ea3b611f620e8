/* exceptions.h — helpers around exception instances (exceptions.c) and
 * traceback objects (traceback.c) that the error machinery (errors.c), the
 * VM and the sys module share. The classes themselves are declared in
 * errors.h. */
#ifndef GILT_EXCEPTIONS_H
#define GILT_EXCEPTIONS_H

#include "object.h"

#define EXC_CHECK(o) HAS_FLAG(o, TPFLAG_EXC_SUBCLASS)
#define EXC_TYPE_CHECK(o) \
    (HAS_FLAG(o, TPFLAG_TYPE_SUBCLASS) && (((TypeObject *)(o))->flags & TPFLAG_EXC_SUBCLASS))

/* The instance __dict__ of an exception, created on demand (borrowed). */
Object *exc_get_dict(Object *exc);
/* str(exc), falling back to "<exception str() failed>"; never NULL. */
Object *exc_str_safe(Object *exc);
/* "ValueError", or "mod.Error" for classes outside builtins/__main__ (new ref). */
Object *exc_type_display_name(TypeObject *t);
/* Replace exc.__context__ (borrowed value, may be NULL). */
void exc_set_context(Object *exc, Object *context);
void exc_set_cause(Object *exc, Object *cause);

/* ---- traceback objects (traceback.c) ---- */
typedef struct TracebackObject {
    OBJECT_HEAD
    Object *next;       /* the next entry inward (tb_next), or NULL     */
    Object *code;       /* the CodeObject the entry is in                */
    int lineno;
    int col;            /* 1-based, 0 if unknown                         */
} TracebackObject;

extern TypeObject TracebackType;
Object *traceback_new(Object *next, Object *code, int lineno, int col);
/* Print entries, outermost first, the way CPython 3.11 does (repeated
 * lines collapsed). */
void traceback_print(Object *tb, FILE *out);
/* Write '  File "f", line N, in name' plus the source line if readable. */
void traceback_print_location(FILE *out, Object *filename, int lineno, Object *name);

#endif
