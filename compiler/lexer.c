/* lexer.c — turns UTF-8 source text into Python tokens, one at a time.
 *
 * See lexer.h for the contract. The scanner works on bytes; non-ASCII code
 * points are decoded only where they matter (identifiers and the "invalid
 * character" message). Errors are recorded in the Lexer (message, line,
 * column) rather than raised, so the REPL's "is this incomplete?" question
 * can be answered without touching the exception state.
 */
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include "lexer.h"
#include "scratch.h"

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield", NULL,
};

bool lexer_is_keyword(const char *s, int n) {
    for (int i = 0; keywords[i]; i++)
        if ((int)strlen(keywords[i]) == n && memcmp(keywords[i], s, n) == 0) return true;
    return false;
}

const char *token_type_name(TokenType t) {
    switch (t) {
    case TOK_ENDMARKER: return "ENDMARKER";
    case TOK_NAME: return "NAME";
    case TOK_NUMBER: return "NUMBER";
    case TOK_STRING: return "STRING";
    case TOK_OP: return "OP";
    case TOK_NEWLINE: return "NEWLINE";
    case TOK_INDENT: return "INDENT";
    case TOK_DEDENT: return "DEDENT";
    case TOK_ERROR: return "ERRORTOKEN";
    }
    return "?";
}

void lexer_init(Lexer *lx, const char *src, size_t len, const char *filename) {
    memset(lx, 0, sizeof *lx);
    lx->src = lx->cur = lx->line_start = src;
    lx->end = src + len;
    lx->line = 1;
    lx->filename = filename;
    lx->at_line_start = true;
    /* A UTF-8 byte-order mark is skipped, as CPython does. */
    if (len >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB &&
        (unsigned char)src[2] == 0xBF)
        lx->cur = lx->line_start = src + 3;
}

char *lexer_line_text(Lexer *lx, int line) {
    const char *p = lx->src;
    for (int l = 1; l < line && p < lx->end; p++)
        if (*p == '\n') l++;
    const char *q = p;
    while (q < lx->end && *q != '\n' && *q != '\r') q++;
    return scratch_strndup(p, q - p);
}

static int column_of(Lexer *lx, const char *p) { return (int)(p - lx->line_start); }

static Token make_token(Lexer *lx, TokenType type, const char *start, int line, int col) {
    Token t;
    memset(&t, 0, sizeof t);
    t.type = type;
    t.start = start;
    t.len = (int)(lx->cur - start);
    t.line = line + lx->line_offset;
    t.col = col + (line == 1 ? lx->col_offset : 0);
    t.end_line = lx->line + lx->line_offset;
    t.end_col = column_of(lx, lx->cur) + (lx->line == 1 ? lx->col_offset : 0);
    return t;
}

/* Record an error at (line, 0-based col) and return the error token. */
static Token lex_error_at(Lexer *lx, bool indentation, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lx->err_msg, sizeof lx->err_msg, fmt, ap);
    va_end(ap);
    lx->failed = true;
    lx->err_indentation = indentation;
    lx->err_line = line + lx->line_offset;
    lx->err_col = col + 1 + (line == 1 ? lx->col_offset : 0);
    Token t;
    memset(&t, 0, sizeof t);
    t.type = TOK_ERROR;
    t.start = lx->cur;
    t.line = lx->err_line;
    t.col = col;
    return t;
}

static bool is_newline_char(char c) { return c == '\n' || c == '\r'; }

/* Consume one line ending (\n, \r\n or \r) at cur. */
static void consume_newline(Lexer *lx) {
    if (*lx->cur == '\r' && lx->cur + 1 < lx->end && lx->cur[1] == '\n') lx->cur++;
    lx->cur++;
    lx->line++;
    lx->line_start = lx->cur;
}

/* Decode one UTF-8 code point at p (validated by compile.c beforehand, but
 * stay safe on junk); *n gets its length. */
static unsigned decode_utf8(const char *p, const char *end, int *n) {
    unsigned char c = (unsigned char)*p;
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (p + len > end) len = (int)(end - p);
    unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int i = 1; i < len; i++) cp = (cp << 6) | ((unsigned char)p[i] & 0x3F);
    *n = len < 1 ? 1 : len;
    return cp;
}

/* Non-ASCII code points accepted in identifiers: the common letter blocks
 * (no Unicode database here; symbols such as '€' stay invalid). */
static bool is_identifier_codepoint(unsigned cp) {
    if (cp < 0x80) return false;
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return true;
    if (cp >= 0xC0 && cp <= 0x2AF) return cp != 0xD7 && cp != 0xF7;
    if (cp >= 0x370 && cp <= 0x3FF) return cp != 0x37E && cp != 0x387;
    if (cp >= 0x400 && cp <= 0x52F) return true;          /* Cyrillic        */
    if (cp >= 0x531 && cp <= 0x587) return true;          /* Armenian        */
    if (cp >= 0x5D0 && cp <= 0x5EA) return true;          /* Hebrew          */
    if (cp >= 0x620 && cp <= 0x64A) return true;          /* Arabic          */
    if (cp >= 0x900 && cp <= 0xDFF) return true;          /* Indic scripts   */
    if (cp >= 0x1E00 && cp <= 0x1FFF) return true;        /* Latin ext, Greek ext */
    if (cp >= 0x3040 && cp <= 0x30FF) return true;        /* kana            */
    if (cp >= 0x3400 && cp <= 0x9FFF) return true;        /* CJK             */
    if (cp >= 0xAC00 && cp <= 0xD7A3) return true;        /* Hangul          */
    if (cp >= 0xF900 && cp <= 0xFAFF) return true;
    if (cp >= 0x20000 && cp <= 0x2FFFF) return true;
    return false;
}

static bool is_ident_start_ascii(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_ident_char_ascii(char c) { return is_ident_start_ascii(c) || is_digit(c); }

/* Is there an identifier character (ASCII or accepted non-ASCII) at p? */
static bool ident_char_at(Lexer *lx, const char *p) {
    if (p >= lx->end) return false;
    if ((unsigned char)*p < 0x80) return is_ident_char_ascii(*p);
    int n;
    return is_identifier_codepoint(decode_utf8(p, lx->end, &n));
}

/* str.isprintable() for the characters a stray one in source is likely to
 * be: controls, spaces other than ' ' (no-break, em, ideographic...),
 * format characters (zero-width, bidi marks, BOM) and private use. */
static bool is_printable_codepoint(unsigned cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
    if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F)) return false;
    if ((cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF) return false;
    if ((cp >= 0xD800 && cp <= 0xF8FF) || (cp >= 0xFFF9 && cp <= 0xFFFB)) return false;
    return cp < 0xF0000;
}

static Token invalid_character(Lexer *lx, const char *p) {
    int n;
    unsigned cp = decode_utf8(p, lx->end, &n);
    char buf[8] = {0};
    memcpy(buf, p, n > 4 ? 4 : n);
    if (!is_printable_codepoint(cp))
        return lex_error_at(lx, false, lx->line, column_of(lx, p),
                            "invalid non-printable character U+%04X", cp);
    return lex_error_at(lx, false, lx->line, column_of(lx, p),
                        "invalid character '%s' (U+%04X)", buf, cp);
}

/* ---- strings ------------------------------------------------------------ */

/* Is [p, q) a valid string prefix (r, u, b, f, br, rb, fr, rf in any case)? */
static bool valid_string_prefix(const char *p, int n) {
    if (n == 0) return true;
    if (n > 2) return false;
    bool r = false, b = false, f = false, u = false;
    for (int i = 0; i < n; i++) {
        char c = p[i] | 0x20;
        if (c == 'r' && !r) r = true;
        else if (c == 'b' && !b) b = true;
        else if (c == 'f' && !f) f = true;
        else if (c == 'u' && !u) u = true;
        else return false;
    }
    if (u && n > 1) return false;
    if (b && f) return false;
    return true;
}

/* cur is at the opening quote; scan to just past the closing quote. */
static Token scan_string(Lexer *lx, const char *tok_start, int line, int col) {
    char quote = *lx->cur;
    bool triple = lx->cur + 2 < lx->end && lx->cur[1] == quote && lx->cur[2] == quote;
    lx->cur += triple ? 3 : 1;
    for (;;) {
        if (lx->cur >= lx->end) {
            if (triple) {
                lx->eof_in_construct = true;
                int last = lx->cur > lx->src && is_newline_char(lx->cur[-1]) ? lx->line - 1 : lx->line;
                return lex_error_at(lx, false, line, col,
                    "unterminated triple-quoted string literal (detected at line %d)",
                    last + lx->line_offset);
            }
            return lex_error_at(lx, false, line, col,
                "unterminated string literal (detected at line %d)", lx->line + lx->line_offset);
        }
        char c = *lx->cur;
        if (c == '\\') {
            lx->cur++;
            if (lx->cur < lx->end) {
                if (is_newline_char(*lx->cur)) consume_newline(lx);
                else lx->cur++;
            }
            continue;
        }
        if (is_newline_char(c)) {
            if (!triple)
                return lex_error_at(lx, false, line, col,
                    "unterminated string literal (detected at line %d)", lx->line + lx->line_offset);
            consume_newline(lx);
            continue;
        }
        if (c == quote) {
            if (!triple) { lx->cur++; break; }
            if (lx->cur + 2 < lx->end && lx->cur[1] == quote && lx->cur[2] == quote) {
                lx->cur += 3;
                break;
            }
        }
        lx->cur++;
    }
    return make_token(lx, TOK_STRING, tok_start, line, col);
}

/* ---- numbers ------------------------------------------------------------ */

/* Digits allowed by `is_ok`, with single underscores between them. Returns
 * false (error recorded) on a misplaced underscore. */
static bool scan_digits(Lexer *lx, bool (*is_ok)(char), const char *kind) {
    for (;;) {
        while (lx->cur < lx->end && is_ok(*lx->cur)) lx->cur++;
        if (lx->cur < lx->end && *lx->cur == '_') {
            lx->cur++;
            if (lx->cur >= lx->end || !is_ok(*lx->cur)) {
                lex_error_at(lx, false, lx->line, column_of(lx, lx->cur - 1), "invalid %s literal", kind);
                return false;
            }
            continue;
        }
        return true;
    }
}

static bool is_hex(char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
static bool is_oct(char c) { return c >= '0' && c <= '7'; }
static bool is_bin(char c) { return c == '0' || c == '1'; }

static Token scan_number(Lexer *lx, const char *start, int line, int col) {
    const char *p = lx->cur;
    if (*p == '0' && p + 1 < lx->end && strchr("xXoObB", p[1]) && p[1]) {
        char kind = p[1] | 0x20;
        bool (*ok)(char) = kind == 'x' ? is_hex : kind == 'o' ? is_oct : is_bin;
        const char *name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
        lx->cur += 2;
        if (lx->cur < lx->end && *lx->cur == '_') lx->cur++;
        if (lx->cur >= lx->end || !ok(*lx->cur)) {
            if (lx->cur < lx->end && is_digit(*lx->cur))
                return lex_error_at(lx, false, line, column_of(lx, lx->cur),
                                    "invalid digit '%c' in %s literal", *lx->cur, name);
            /* CPython points at the last character it accepted */
            return lex_error_at(lx, false, line, column_of(lx, lx->cur - 1), "invalid %s literal", name);
        }
        if (!scan_digits(lx, ok, name)) return (Token){.type = TOK_ERROR};
        if (lx->cur < lx->end && is_digit(*lx->cur))
            return lex_error_at(lx, false, line, column_of(lx, lx->cur),
                                "invalid digit '%c' in %s literal", *lx->cur, name);
        if (ident_char_at(lx, lx->cur))
            return lex_error_at(lx, false, line, column_of(lx, lx->cur - 1), "invalid %s literal", name);
        return make_token(lx, TOK_NUMBER, start, line, col);
    }
    bool is_float = false;
    if (*p != '.') {
        if (!scan_digits(lx, is_digit, "decimal")) return (Token){.type = TOK_ERROR};
    }
    bool leading_zero_int = false;
    if (*start == '0') {
        for (const char *q = start; q < lx->cur; q++)
            if (*q != '0' && *q != '_') { leading_zero_int = true; break; }
    }
    if (lx->cur < lx->end && *lx->cur == '.') {
        is_float = true;
        lx->cur++;
        if (lx->cur < lx->end && is_digit(*lx->cur) && !scan_digits(lx, is_digit, "decimal"))
            return (Token){.type = TOK_ERROR};
    }
    if (lx->cur < lx->end && (*lx->cur | 0x20) == 'e') {
        const char *e = lx->cur++;
        bool signed_exponent = lx->cur < lx->end && (*lx->cur == '+' || *lx->cur == '-');
        if (signed_exponent) lx->cur++;
        if (lx->cur >= lx->end || !is_digit(*lx->cur)) {
            /* CPython points at a sign with no digits after it, and at the
             * character before an 'e' with neither */
            int at = column_of(lx, signed_exponent ? lx->cur - 1 : e - 1);
            return lex_error_at(lx, false, line, at, "invalid decimal literal");
        }
        if (!scan_digits(lx, is_digit, "decimal")) return (Token){.type = TOK_ERROR};
        is_float = true;
    }
    if (lx->cur < lx->end && (*lx->cur | 0x20) == 'j') {
        lx->cur++;
        is_float = true;
    }
    if (!is_float && leading_zero_int)
        return lex_error_at(lx, false, line, col,
            "leading zeros in decimal integer literals are not permitted; "
            "use an 0o prefix for octal integers");
    /* a letter right after the number (3abc, 1.x): CPython points at the
     * last character of the number */
    if (ident_char_at(lx, lx->cur))
        return lex_error_at(lx, false, line, column_of(lx, lx->cur - 1), "invalid decimal literal");
    return make_token(lx, TOK_NUMBER, start, line, col);
}

/* ---- operators ---------------------------------------------------------- */

typedef struct { const char *text; OpToken op; } OpSpelling;

static const OpSpelling three_char_ops[] = {
    {"**=", T_DOUBLESTAREQUAL}, {"//=", T_DOUBLESLASHEQUAL}, {">>=", T_RIGHTSHIFTEQUAL},
    {"<<=", T_LEFTSHIFTEQUAL}, {"...", T_ELLIPSIS}, {NULL, 0},
};
static const OpSpelling two_char_ops[] = {
    {"!=", T_NOTEQUAL}, {"%=", T_PERCENTEQUAL}, {"&=", T_AMPEREQUAL}, {"**", T_DOUBLESTAR},
    {"*=", T_STAREQUAL}, {"+=", T_PLUSEQUAL}, {"-=", T_MINEQUAL}, {"->", T_RARROW},
    {"//", T_DOUBLESLASH}, {"/=", T_SLASHEQUAL}, {":=", T_COLONEQUAL}, {"<<", T_LEFTSHIFT},
    {"<=", T_LESSEQUAL}, {"==", T_EQEQUAL}, {">=", T_GREATEREQUAL}, {">>", T_RIGHTSHIFT},
    {"@=", T_ATEQUAL}, {"^=", T_CIRCUMFLEXEQUAL}, {"|=", T_VBAREQUAL}, {NULL, 0},
};

static OpToken one_char_op(char c) {
    switch (c) {
    case '(': return T_LPAR; case ')': return T_RPAR; case '[': return T_LSQB;
    case ']': return T_RSQB; case '{': return T_LBRACE; case '}': return T_RBRACE;
    case ':': return T_COLON; case ',': return T_COMMA; case ';': return T_SEMI;
    case '+': return T_PLUS; case '-': return T_MINUS; case '*': return T_STAR;
    case '/': return T_SLASH; case '|': return T_VBAR; case '&': return T_AMPER;
    case '<': return T_LESS; case '>': return T_GREATER; case '=': return T_EQUAL;
    case '.': return T_DOT; case '%': return T_PERCENT; case '~': return T_TILDE;
    case '^': return T_CIRCUMFLEX; case '@': return T_AT;
    }
    return OP_NONE_;
}

static char closing_for(char open) { return open == '(' ? ')' : open == '[' ? ']' : '}'; }

static Token scan_operator(Lexer *lx, int line, int col) {
    const char *start = lx->cur;
    size_t left = lx->end - lx->cur;
    OpToken op = OP_NONE_;
    int n = 0;
    for (int i = 0; left >= 3 && three_char_ops[i].text; i++)
        if (memcmp(start, three_char_ops[i].text, 3) == 0) { op = three_char_ops[i].op; n = 3; break; }
    for (int i = 0; !op && left >= 2 && two_char_ops[i].text; i++)
        if (memcmp(start, two_char_ops[i].text, 2) == 0) { op = two_char_ops[i].op; n = 2; break; }
    if (!op) { op = one_char_op(*start); n = 1; }
    if (!op) {
        if (*start == '!' || *start == '$' || *start == '?' || *start == '`')
            return lex_error_at(lx, false, line, col, "invalid syntax");
        return invalid_character(lx, start);
    }
    char c = *start;
    if (n == 1 && (c == '(' || c == '[' || c == '{')) {
        if (lx->paren_depth >= LEXER_MAX_PAREN)
            return lex_error_at(lx, false, line, col, "too many nested parentheses");
        lx->paren_chars[lx->paren_depth] = c;
        lx->paren_lines[lx->paren_depth] = line;
        lx->paren_cols[lx->paren_depth] = col;
        lx->paren_depth++;
    } else if (n == 1 && (c == ')' || c == ']' || c == '}')) {
        if (lx->paren_depth == 0)
            return lex_error_at(lx, false, line, col, "unmatched '%c'", c);
        char open = lx->paren_chars[lx->paren_depth - 1];
        if (closing_for(open) != c) {
            int open_line = lx->paren_lines[lx->paren_depth - 1];
            if (open_line != line)
                return lex_error_at(lx, false, line, col,
                    "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                    c, open, open_line + lx->line_offset);
            return lex_error_at(lx, false, line, col,
                "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
        }
        lx->paren_depth--;
    }
    lx->cur += n;
    Token t = make_token(lx, TOK_OP, start, line, col);
    t.op = op;
    return t;
}

/* ---- indentation --------------------------------------------------------- */

static int tab_error(Lexer *lx, Token *tok) {
    *tok = lex_error_at(lx, true, lx->line, 0, "inconsistent use of tabs and spaces in indentation");
    lx->err_tab = true;
    return 1;
}

/* At the start of a logical line: measure the indentation, skip blank and
 * comment-only lines. Returns 1 with *tok set when an INDENT/DEDENT/error
 * token must be produced, 0 to go on scanning the line. */
static int handle_line_start(Lexer *lx, Token *tok) {
    for (;;) {
        int col = 0, altcol = 0;
        const char *p = lx->cur;
        while (p < lx->end) {
            if (*p == ' ') { col++; altcol++; }
            else if (*p == '\t') { col = (col / 8 + 1) * 8; altcol++; }
            else if (*p == '\f') { col = altcol = 0; }
            else break;
            p++;
        }
        if (p >= lx->end) { lx->cur = p; return 0; }       /* EOF: no indent change */
        if (*p == '#' || is_newline_char(*p)) {            /* blank line */
            while (p < lx->end && !is_newline_char(*p)) p++;
            lx->cur = p;
            if (p >= lx->end) return 0;
            consume_newline(lx);
            continue;
        }
        if (*p == '\\' && p + 1 < lx->end && is_newline_char(p[1])) {
            /* A continuation right after the indentation: the line goes on
             * on the next physical line; its indentation is this one's. */
        }
        lx->cur = p;
        lx->at_line_start = false;
        int cur_indent = lx->indent_stack[lx->indent_depth];
        int cur_alt = lx->alt_indent_stack[lx->indent_depth];
        if ((col == cur_indent) != (altcol == cur_alt) || (col > cur_indent) != (altcol > cur_alt))
            return tab_error(lx, tok);
        if (col > cur_indent) {
            if (lx->indent_depth >= LEXER_MAX_INDENT) {
                *tok = lex_error_at(lx, true, lx->line, col, "too many levels of indentation");
                return 1;
            }
            lx->indent_depth++;
            lx->indent_stack[lx->indent_depth] = col;
            lx->alt_indent_stack[lx->indent_depth] = altcol;
            *tok = make_token(lx, TOK_INDENT, p, lx->line, 0);
            return 1;
        }
        if (col < cur_indent) {
            int pops = 0, d = lx->indent_depth;
            while (d > 0 && lx->indent_stack[d] > col) { d--; pops++; }
            if (lx->indent_stack[d] != col) {
                const char *eol = p;
                while (eol < lx->end && !is_newline_char(*eol)) eol++;
                *tok = lex_error_at(lx, true, lx->line, column_of(lx, eol),
                                    "unindent does not match any outer indentation level");
                return 1;
            }
            if (lx->alt_indent_stack[d] != altcol) return tab_error(lx, tok);
            lx->indent_depth = d;
            lx->pending_dedents = pops - 1;
            *tok = make_token(lx, TOK_DEDENT, p, lx->line, col);
            return 1;
        }
        return 0;
    }
}

Token lexer_next(Lexer *lx) {
    Token tok;
    if (lx->failed) {
        memset(&tok, 0, sizeof tok);
        tok.type = TOK_ERROR;
        tok.line = lx->err_line;
        return tok;
    }
    if (lx->pending_dedents > 0) {
        lx->pending_dedents--;
        return make_token(lx, TOK_DEDENT, lx->cur, lx->line, column_of(lx, lx->cur));
    }
    for (;;) {
        if (lx->at_line_start && lx->paren_depth == 0) {
            if (handle_line_start(lx, &tok)) return tok;
            lx->at_line_start = false;
        }
        while (lx->cur < lx->end && (*lx->cur == ' ' || *lx->cur == '\t' || *lx->cur == '\f'))
            lx->cur++;
        if (lx->cur < lx->end && *lx->cur == '#')
            while (lx->cur < lx->end && !is_newline_char(*lx->cur)) lx->cur++;
        if (lx->cur >= lx->end) {
            if (lx->paren_depth > 0) {
                lx->eof_in_construct = true;
                int d = lx->paren_depth - 1;
                return lex_error_at(lx, false, lx->paren_lines[d], lx->paren_cols[d],
                                    "'%c' was never closed", lx->paren_chars[d]);
            }
            if (lx->pending_newline_needed) {
                lx->pending_newline_needed = false;
                return make_token(lx, TOK_NEWLINE, lx->cur, lx->line, column_of(lx, lx->cur));
            }
            /* As Python's tokenize: the closing DEDENTs and ENDMARKER sit
             * on the line after the last one (which may lack its '\n'). */
            int eof_line = lx->cur > lx->src && is_newline_char(lx->cur[-1]) ? lx->line : lx->line + 1;
            if (lx->indent_depth > 0) {
                lx->indent_depth--;
                return make_token(lx, TOK_DEDENT, lx->cur, eof_line, 0);
            }
            lx->done = true;
            return make_token(lx, TOK_ENDMARKER, lx->cur, eof_line, 0);
        }
        char c = *lx->cur;
        if (is_newline_char(c)) {
            const char *nl = lx->cur;
            int line = lx->line, col = column_of(lx, nl);
            consume_newline(lx);
            if (lx->paren_depth > 0) continue;
            lx->at_line_start = true;
            if (lx->pending_newline_needed) {
                lx->pending_newline_needed = false;
                Token t = make_token(lx, TOK_NEWLINE, nl, line, col);
                t.len = 1;
                t.end_line = line + lx->line_offset;
                t.end_col = col + 1;
                return t;
            }
            continue;
        }
        if (c == '\\') {
            if (lx->cur + 1 >= lx->end) {
                lx->eof_in_construct = true;
                lx->cur++;
                return lex_error_at(lx, false, lx->line, column_of(lx, lx->cur),
                                    "unexpected EOF while parsing");
            }
            if (!is_newline_char(lx->cur[1]))
                return lex_error_at(lx, false, lx->line, column_of(lx, lx->cur) + 1,
                                    "unexpected character after line continuation character");
            lx->cur++;
            int bs_line = lx->line, bs_col = column_of(lx, lx->cur);
            consume_newline(lx);
            if (lx->cur >= lx->end) {
                /* reported just after the backslash, as CPython does */
                lx->eof_in_construct = true;
                return lex_error_at(lx, false, bs_line, bs_col, "unexpected EOF while parsing");
            }
            continue;
        }
        break;
    }
    const char *start = lx->cur;
    int line = lx->line, col = column_of(lx, start);
    lx->pending_newline_needed = true;
    char c = *start;
    if (is_digit(c) || (c == '.' && start + 1 < lx->end && is_digit(start[1])))
        return scan_number(lx, start, line, col);
    if (c == '"' || c == '\'') return scan_string(lx, start, line, col);
    if (is_ident_start_ascii(c) || (unsigned char)c >= 0x80) {
        const char *p = start;
        while (p < lx->end) {
            if ((unsigned char)*p < 0x80) {
                if (!is_ident_char_ascii(*p)) break;
                p++;
            } else {
                int n;
                unsigned cp = decode_utf8(p, lx->end, &n);
                if (!is_identifier_codepoint(cp)) {
                    if (p == start) return invalid_character(lx, p);
                    break;
                }
                p += n;
            }
        }
        if (p < lx->end && (*p == '"' || *p == '\'') && valid_string_prefix(start, (int)(p - start))) {
            lx->cur = p;
            return scan_string(lx, start, line, col);
        }
        if (p < lx->end && (unsigned char)*p >= 0x80) {
            int n;
            unsigned cp = decode_utf8(p, lx->end, &n);
            if (!is_identifier_codepoint(cp)) return invalid_character(lx, p);
        }
        lx->cur = p;
        return make_token(lx, TOK_NAME, start, line, col);
    }
    if ((unsigned char)c < 0x20 && c != '\t' && c != '\f')
        return lex_error_at(lx, false, line, col, "invalid non-printable character U+%04X",
                            (unsigned)(unsigned char)c);
    return scan_operator(lx, line, col);
}
