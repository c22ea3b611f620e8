/* lexer.h — Python 3.11 tokens from UTF-8 source text (lexer.c).
 *
 * The lexer runs on demand: the parser asks for tokens one at a time and
 * keeps them in a growing array, so a syntax error early in a file is
 * reported before a tokenizer error later in it (as CPython does).
 *
 * It produces INDENT/DEDENT from leading whitespace (tabs advance to the
 * next multiple of 8), joins lines inside brackets and after a backslash,
 * skips comments and blank lines, and reports CPython's messages for bad
 * input (unterminated strings, invalid characters, unmatched brackets,
 * inconsistent dedents, more than 200 nested brackets). A STRING token is
 * the whole literal including its prefix and quotes; the parser decodes it.
 *
 * Guarantees: the lexer never reads past the end of the source (which need
 * not be NUL-terminated) and always terminates; after an error every further
 * request returns the ERRORTOKEN.
 */
#ifndef GILT_LEXER_H
#define GILT_LEXER_H

#include <stddef.h>
#include <stdbool.h>

typedef enum {
    TOK_ENDMARKER, TOK_NAME, TOK_NUMBER, TOK_STRING, TOK_OP, TOK_NEWLINE,
    TOK_INDENT, TOK_DEDENT, TOK_ERROR,
} TokenType;

/* Operators and delimiters: the `op` field of a TOK_OP token. */
typedef enum {
    OP_NONE_,
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE, T_COLON, T_COMMA,
    T_SEMI, T_PLUS, T_MINUS, T_STAR, T_SLASH, T_VBAR, T_AMPER, T_LESS,
    T_GREATER, T_EQUAL, T_DOT, T_PERCENT, T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL,
    T_GREATEREQUAL, T_TILDE, T_CIRCUMFLEX, T_LEFTSHIFT, T_RIGHTSHIFT,
    T_DOUBLESTAR, T_PLUSEQUAL, T_MINEQUAL, T_STAREQUAL, T_SLASHEQUAL,
    T_PERCENTEQUAL, T_AMPEREQUAL, T_VBAREQUAL, T_CIRCUMFLEXEQUAL,
    T_LEFTSHIFTEQUAL, T_RIGHTSHIFTEQUAL, T_DOUBLESTAREQUAL, T_DOUBLESLASH,
    T_DOUBLESLASHEQUAL, T_AT, T_ATEQUAL, T_RARROW, T_ELLIPSIS, T_COLONEQUAL,
    T_EXCLAMATION, /* only inside f-string replacement fields */
    T_OPCOUNT_
} OpToken;

typedef struct Token {
    TokenType type;
    OpToken op;              /* for TOK_OP                                   */
    const char *start;       /* points into the source                       */
    int len;
    int line, col;           /* 1-based line, 0-based byte column            */
    int end_line, end_col;
} Token;

#define LEXER_MAX_PAREN 200
#define LEXER_MAX_INDENT 100

typedef struct Lexer {
    const char *src, *end, *cur;
    const char *line_start;  /* start of the current physical line          */
    int line;
    const char *filename;
    int line_offset;         /* added to reported lines (f-string sub-lexers)*/
    int col_offset;          /* added to columns on the first line           */
    bool at_line_start;
    bool pending_newline_needed; /* a logical line has tokens              */
    int indent_stack[LEXER_MAX_INDENT + 1];
    int alt_indent_stack[LEXER_MAX_INDENT + 1]; /* tabs counted as 1 column: a
                             * level that differs in one measure but not the
                             * other mixes tabs and spaces (TabError)          */
    int indent_depth;
    int pending_dedents;
    int paren_depth;
    char paren_chars[LEXER_MAX_PAREN + 1];
    int paren_lines[LEXER_MAX_PAREN + 1];
    int paren_cols[LEXER_MAX_PAREN + 1];
    bool done;               /* ENDMARKER produced                           */
    bool failed;             /* an error was raised                          */
    bool eof_in_construct;   /* the error is "needs more input" (REPL)       */
    bool inside_fstring;     /* '!' is an operator                           */
    /* The error, recorded without raising so compile_is_incomplete can ask. */
    int err_line, err_col;
    bool err_indentation;
    bool err_tab;            /* TabError (implies err_indentation)           */
    char err_msg[200];
} Lexer;

void lexer_init(Lexer *lx, const char *src, size_t len, const char *filename);
/* Next token; on error the token is TOK_ERROR and lx->err_* describe it. */
Token lexer_next(Lexer *lx);
/* The text of source line `line` (1-based, local to this lexer), scratch. */
char *lexer_line_text(Lexer *lx, int line);
const char *token_type_name(TokenType t);
/* Is `s` (len n) a Python keyword? (hard keywords only) */
bool lexer_is_keyword(const char *s, int n);

#endif
