/* function.h — function objects, bound methods and cells (function.c), and
 * the entry points that run gilt code (eval.c). */
#ifndef GILT_FUNCTION_H
#define GILT_FUNCTION_H

#include "object.h"
#include "code.h"

typedef struct FunctionObject {
    OBJECT_HEAD
    Object *code;              /* CodeObject                                */
    Object *globals;           /* dict                                      */
    Object *builtins;          /* dict                                      */
    Object *name, *qualname;   /* str                                       */
    Object *defaults;          /* tuple or NULL                             */
    Object *kwdefaults;        /* dict or NULL                              */
    Object *closure;           /* tuple of cells or NULL                    */
    Object *doc;
    Object *dict;              /* __dict__ (attributes on functions)        */
    Object *module;            /* __module__                                */
    Object *annotations;
    VectorCallFunc vectorcall;
} FunctionObject;

typedef struct MethodObject {  /* a bound method */
    OBJECT_HEAD
    Object *func;
    Object *self;
} MethodObject;

typedef struct CellObject {
    OBJECT_HEAD
    Object *ref;               /* NULL when empty                           */
} CellObject;

extern TypeObject FunctionType, MethodType, CellType, GeneratorType,
    CoroutineType, AsyncGenType;

Object *function_new(Object *code, Object *globals, Object *qualname);
Object *method_new(Object *func, Object *self);
Object *cell_new(Object *contents);

/* Run a module-level (or class body, or REPL) code object with the given
 * globals and locals dicts (locals may be the same dict). New ref or NULL. */
Object *eval_code(Object *code, Object *globals, Object *locals);
/* Call a gilt function from C (a fresh eval loop activation). */
Object *eval_call_function(Object *func, Object *const *args, size_t nargs, Object *kwnames);

/* Generators and coroutines (generator.c). `send` into gen: returns the
 * yielded value (*done = false), or the return value (*done = true), or
 * NULL with an exception. */
Object *gen_send_ex(Object *gen, Object *value, bool *done);
Object *gen_throw(Object *gen, Object *exc);
Object *gen_close(Object *gen);

/* Ready the VM's types (code, function, method, cell, generators); idempotent,
 * and code_new calls it on first use. 0 / -1. */
int vm_types_init(void);

/* builtins.__build_class__(func, name, *bases, metaclass=..., **kw) (build_class.c). */
Object *builtin_build_class(Object *self, Object *const *args, size_t nargs, Object *kwnames);

/* For zero-argument super(): the current frame's first argument and its
 * __class__ cell contents. 0 / -1 (RuntimeError). */
int vm_super_args(TypeObject **type, Object **obj);
/* The globals dict of the innermost gilt frame (borrowed), or NULL. */
Object *vm_current_globals(void);
Object *vm_current_locals(void);    /* new ref: dict of locals (locals()) */

#endif
