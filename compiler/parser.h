/* parser.h — recursive-descent parser for Python 3.11 syntax (parser.c).
 *
 * Builds the AST of ast.h from the lexer's tokens. Errors do not raise:
 * they are described in a SyntaxErrorInfo (CPython 3.11's messages), which
 * compile.c turns into a SyntaxError / IndentationError, or which
 * compile_is_incomplete inspects (`needs_more_input`).
 *
 * Guarantees: any input terminates; nesting deeper than PARSER_MAX_DEPTH
 * ends in an error (is_recursion), never in a C stack overflow.
 */
#ifndef GILT_PARSER_H
#define GILT_PARSER_H

#include <stddef.h>
#include <stdbool.h>
#include "ast.h"
#include "lexer.h"

typedef enum { PARSE_FILE, PARSE_EVAL, PARSE_SINGLE } ParseMode;

#define PARSER_MAX_DEPTH 1000

typedef struct SyntaxErrorInfo {
    bool failed;
    bool is_indentation;     /* IndentationError                            */
    bool is_tab;             /* TabError (with is_indentation)               */
    bool is_recursion;       /* RecursionError (nesting too deep)           */
    bool needs_more_input;   /* the error is at end of input (REPL)          */
    bool open_construct;     /* EOF inside brackets / a string / after '\\' */
    int line, col;           /* 1-based                                      */
    int end_line, end_col;   /* 1-based, exclusive; 0: a single point (line, col) */
    char msg[256];
    const char *text;        /* the source line, or NULL                     */
} SyntaxErrorInfo;

/* Parse; returns the Module / Expression / Interactive node, or NULL with
 * *err filled in. */
Node *parser_parse(const char *src, size_t len, const char *filename, ParseMode mode,
                   SyntaxErrorInfo *err);

/* Raise the exception `err` describes; returns NULL. */
void *syntax_error_raise(const SyntaxErrorInfo *err, const char *filename);

#endif
