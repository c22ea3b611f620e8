/* compile.h — the compiler's one entry point: source text in, code object
 * out (compile.c drives lexer.c, parser.c, symtable.c and codegen.c).
 *
 * All scratch (tokens, AST, symbol tables) lives in Boehm GC's heap and is
 * never freed by hand; the finished code objects are runtime objects made
 * with code_new. The calling thread is registered with Boehm only while it
 * compiles.
 */
#ifndef GILT_COMPILE_H
#define GILT_COMPILE_H

#include <stdio.h>
#include "object.h"

typedef enum {
    COMPILE_FILE,     /* a module: statements                                */
    COMPILE_EVAL,     /* a single expression (eval())                        */
    COMPILE_SINGLE,   /* one REPL entry: expression statements are echoed (PRINT_EXPR) */
} CompileMode;

/* Initialize Boehm GC (once, from the main thread, before anything else). */
void compile_init(void);
/* Compile; returns a CodeObject, or NULL with SyntaxError/IndentationError set
 * (filename, lineno, offset, text). */
Object *compile_source(const char *src, size_t len, const char *filename, CompileMode mode);
/* For the REPL: 1 if `src` is an incomplete statement that needs more lines
 * (open brackets, a trailing ':' block, a continuation backslash, an open
 * triple-quoted string), 0 if complete or definitely erroneous. `src` is the
 * entry's lines, each ending in '\n'; a compound statement (even a one-line
 * `for x in y: f(x)`) stays incomplete until its last line is blank. */
int compile_is_incomplete(const char *src, size_t len);
/* Teaching dumps (--tokens, --ast). 0 on success, -1 with SyntaxError set. */
int compile_dump_tokens(const char *src, size_t len, const char *filename, FILE *out);
int compile_dump_ast(const char *src, size_t len, const char *filename, FILE *out);

#endif
