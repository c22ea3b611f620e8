/* code.h — code objects: the compiler's output and the VM's input (code.c).
 *
 * A code object is immutable once made, except for its inline caches, which
 * the VM fills while running (they are only hints: a stale entry is detected
 * by its version check and refilled).
 *
 * Frame slot layout (shared by compiler and VM):
 *   locals[0 .. nlocals)                 arguments first, in order:
 *        positional (argcount, of which posonlyargcount are positional-only),
 *        keyword-only (kwonlyargcount), then *args if CO_VARARGS, then
 *        **kwargs if CO_VARKEYWORDS, then the other local variables.
 *   cells[0 .. ncellvars + nfreevars)   cell objects: first the cells this
 *        code creates (cellvars), then the ones it receives in its function's
 *        closure (freevars). LOAD_DEREF i indexes this array.
 * A cellvar that is also an argument has cell2arg[i] = that argument's local
 * index (else -1): the VM moves the argument into the new cell at entry.
 */
#ifndef GILT_CODE_H
#define GILT_CODE_H

#include "object.h"

enum {
    CO_OPTIMIZED   = 1 << 0,   /* locals in slots (functions)               */
    CO_NEWLOCALS   = 1 << 1,   /* a fresh locals dict is not needed          */
    CO_VARARGS     = 1 << 2,
    CO_VARKEYWORDS = 1 << 3,
    CO_NESTED      = 1 << 4,
    CO_GENERATOR   = 1 << 5,
    CO_COROUTINE   = 1 << 7,
    CO_ASYNC_GENERATOR = 1 << 9,
    CO_CLASS_BODY  = 1 << 10,  /* a class body (locals are the namespace)   */
    CO_MODULE      = 1 << 11,  /* a module / REPL / eval body               */
};

typedef struct CodeObject {
    OBJECT_HEAD
    uint32_t *code;            /* instruction words (opcodes.h)              */
    uint32_t ncode;
    int32_t *lines;            /* source line of each word                   */
    uint16_t *cols;            /* 1-based source column of each word (0: unknown) */
    Object *consts;            /* tuple                                      */
    Object *names;             /* tuple of interned str (globals, attributes) */
    Object *varnames;          /* tuple of str: the local slot names         */
    Object *cellvars;          /* tuple of str                               */
    Object *freevars;          /* tuple of str                               */
    int32_t *cell2arg;         /* ncellvars entries, or NULL if none map     */
    uint32_t argcount, posonlyargcount, kwonlyargcount;
    uint32_t nlocals, ncellvars, nfreevars;
    uint32_t stacksize;        /* max value-stack depth                      */
    uint32_t maxblocks;        /* max block-stack depth                      */
    uint32_t flags;            /* CO_*                                       */
    uint32_t ncaches;          /* inline cache entries                       */
    void *caches;              /* VM-owned, allocated by code_new            */
    Object *name;              /* str                                        */
    Object *qualname;          /* str                                        */
    Object *filename;          /* str                                        */
    int firstlineno;
    Object *docstring;         /* str or NULL                                */
    /* Free-threaded build: code objects made before the first thread start,
     * linked so code_drop_mortal_cache_values can reach their caches. */
    struct CodeObject *unthreaded_prev, *unthreaded_next;
} CodeObject;

extern TypeObject CodeType;

/* Everything the compiler fills in, handed to code_new (which copies the
 * arrays and takes new references to the objects). */
typedef struct CodeSpec {
    const uint32_t *code; uint32_t ncode;
    const int32_t *lines; const uint16_t *cols;
    Object *consts, *names, *varnames, *cellvars, *freevars;
    const int32_t *cell2arg;
    uint32_t argcount, posonlyargcount, kwonlyargcount;
    uint32_t stacksize, maxblocks, flags, ncaches;
    Object *name, *qualname, *filename, *docstring;
    int firstlineno;
} CodeSpec;

Object *code_new(const CodeSpec *spec);
/* Free-threaded build, called once, when the first extra thread is about
 * to start (the caller is the only thread): empties every inline cache
 * entry that holds a value (it may be mortal). Before that moment the caches may hold
 * mortal values like the GIL build's (nothing can free one between the
 * version check and the INCREF); from then on only immortal ones are
 * stored (eval.c, cache_store), so the readers need no check of their own. */
void code_drop_mortal_cache_values(void);
/* Source line of the instruction at word offset `offset`. */
int code_line_at(CodeObject *co, uint32_t offset);

#endif
