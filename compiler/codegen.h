/* codegen.h — from a resolved AST to code objects (codegen.c).
 *
 * Emits exactly the instructions of vm/opcodes.h with their documented
 * stack protocols (calls with a self-or-NULL slot, the block stack for
 * try/with, inline-cache words), computes each code object's stack size
 * and block depth by walking its control flow, and builds the constants
 * (deduplicated) as runtime objects. Errors are SyntaxErrors with CPython's
 * wording ('break' outside loop, ...), or a RecursionError for ASTs nested
 * too deeply.
 */
#ifndef GILT_CODEGEN_H
#define GILT_CODEGEN_H

#include "object.h"
#include "ast.h"
#include "symtable.h"
#include "parser.h"
#include "compile.h"

/* Returns a new CodeObject or NULL with *err filled (syntax errors) or an
 * exception already set (err->failed false: e.g. MemoryError). */
Object *codegen_module(Node *module, Scope *top, const char *filename, CompileMode mode,
                       SyntaxErrorInfo *err, const char *(*line_text)(void *, int), void *line_ctx);

#endif
