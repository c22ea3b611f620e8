/* symtable.h — Python's scoping rules over the AST (symtable.c).
 *
 * Pass 1 walks the AST and records, per scope (module, class, function,
 * lambda, comprehension), every name with how it is used (DEF_* flags).
 * Pass 2 resolves each name to where it lives (SYM_*), exactly as CPython
 * 3.11's symtable.c: local / global (declared or implicit) / free / cell,
 * class scopes not enclosing their methods, an implicit `__class__` cell
 * when a method uses `super` or `__class__`, comprehensions as functions.
 *
 * Each FunctionDef / Lambda / ClassDef / comprehension node gets its Scope
 * (node->v.*.scope); the code generator reads the resolved symbols there.
 */
#ifndef GILT_SYMTABLE_H
#define GILT_SYMTABLE_H

#include <stdbool.h>
#include "ast.h"
#include "strmap.h"
#include "parser.h"

enum {
    DEF_GLOBAL = 1 << 0,     /* `global x`                                  */
    DEF_LOCAL = 1 << 1,      /* assigned (bound) here                       */
    DEF_PARAM = 1 << 2,      /* a parameter                                 */
    DEF_NONLOCAL = 1 << 3,   /* `nonlocal x`                                */
    DEF_USE = 1 << 4,        /* read here                                   */
    DEF_FREE_CLASS = 1 << 5, /* free in a method and bound in this class    */
    DEF_IMPORT = 1 << 6,
    DEF_ANNOT = 1 << 7,      /* annotated (`x: int`)                        */
    DEF_COMP_ITER = 1 << 8,  /* a comprehension's iteration variable        */
    DEF_WALRUS = 1 << 9,     /* bound by an assignment expression (`:=`)     */
};
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

typedef enum {
    SYM_UNRESOLVED, SYM_LOCAL, SYM_GLOBAL_EXPLICIT, SYM_GLOBAL_IMPLICIT, SYM_FREE, SYM_CELL,
} SymScope;

typedef enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION } ScopeKind;

typedef struct Scope {
    ScopeKind kind;
    const char *name;        /* function/class name, "<lambda>", "<listcomp>", ... */
    const char *qualname;
    struct Scope *parent;
    StrMap symbols;          /* name -> DEF_* flags (insertion order)       */
    StrMap resolved;         /* name -> SymScope                            */
    StrMap decl_lines, decl_cols;       /* name -> line of its global/nonlocal statement */
    StrMap decl_end_lines, decl_end_cols; /* ... and where that statement ends */
    struct Scope **children;
    int nchildren, childcap;
    bool is_comprehension;
    bool is_generator, is_coroutine;  /* coroutine: async def / async comp   */
    bool is_async_def;
    bool needs_class_closure;         /* class body needs a __class__ cell   */
    bool has_return_value;
    int line;
    const char *private_name; /* class name for private-name mangling, or NULL */
} Scope;

/* Build and resolve the scopes of a module / expression / REPL AST.
 * Returns the module scope, or NULL with *err set (SyntaxError). */
Scope *symtable_build(Node *module, SyntaxErrorInfo *err, const char *(*line_text)(void *, int),
                      void *line_ctx);

/* Where `name` lives in scope s (SYM_GLOBAL_IMPLICIT when unknown). */
SymScope symtable_lookup(Scope *s, const char *name);
/* Private-name mangling: `__x` inside class C becomes `_C__x` (names that
 * end with `__`, contain a dot, or classes named only `_` are left alone).
 * Returns name itself when nothing changes. */
const char *symtable_mangle(const char *private_name, const char *name);
int symtable_flags(Scope *s, const char *name);

#endif
