/* parser.c — Python 3.11 source to AST by recursive descent.
 *
 * One function per grammar rule, named after the rule in CPython's
 * Grammar/python.gram (expression, disjunction, ..., primary, atom). Tokens
 * are pulled from the lexer on demand into a growing array, so the parser
 * can look ahead freely. On the first error the parser records it and
 * longjmps back to parser_parse: all memory is Boehm scratch, so nothing
 * needs unwinding by hand.
 *
 * String literals are decoded here (escapes, adjacent concatenation,
 * f-strings: the replacement fields are parsed by a nested parser over the
 * field's text, as CPython 3.11 does).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <stdlib.h>
#include "parser.h"
#include "scratch.h"
#include "object.h"
#include "errors.h"

typedef struct Parser {
    Lexer lx;
    Token *toks;
    int ntoks, cap;
    int pos;
    ParseMode mode;
    const char *filename;
    SyntaxErrorInfo *err;
    jmp_buf on_error;
    int depth;
    int fstring_depth;       /* nesting of f-strings in format specs        */
    bool in_fstring;         /* this parser reads an f-string field          */
} Parser;

/* ---- errors ---------------------------------------------------------------- */

static _Noreturn void fail_at(Parser *p, bool indentation, int line, int col1, const char *fmt, ...) {
    SyntaxErrorInfo *e = p->err;
    if (!e->failed) {
        va_list ap;
        va_start(ap, fmt);
        char buf[200];
        vsnprintf(buf, sizeof buf, fmt, ap);
        va_end(ap);
        if (p->in_fstring && strncmp(buf, "f-string", 8) != 0)
            snprintf(e->msg, sizeof e->msg, "f-string: %s", buf);
        else
            snprintf(e->msg, sizeof e->msg, "%s", buf);
        e->failed = true;
        e->is_indentation = indentation;
        e->line = line;
        e->col = col1;
        if (!p->in_fstring) e->text = lexer_line_text(&p->lx, line - p->lx.line_offset);
    }
    longjmp(p->on_error, 1);
}

#define FAIL_TOK(p, t, ...) fail_at((p), false, (t)->line, (t)->col + 1, __VA_ARGS__)
#define FAIL_NODE(p, n, ...) (set_error_end((p), (n)), fail_at((p), false, (n)->line, (n)->col + 1, __VA_ARGS__))
#define FAIL_TOK_RANGE(p, t, ...) (set_error_end_tok((p), (t)), FAIL_TOK((p), (t), __VA_ARGS__))

/* Errors about a whole node or token are underlined over its extent; set
 * the end first, fail_at then fills in the rest (the first error wins). */
static void set_error_end(Parser *p, Node *n) {
    if (!p->err->failed && n->end_line > 0) {
        p->err->end_line = n->end_line;
        p->err->end_col = n->end_col + 1;
    }
}
static void set_error_end_tok(Parser *p, Token *t) {
    if (!p->err->failed) {
        p->err->end_line = t->end_line;
        p->err->end_col = t->end_col + 1;
    }
}

/* An error underlined from the start of `from` to the end of `to`. */
static _Noreturn void fail_span(Parser *p, Node *from, Node *to, const char *msg) {
    set_error_end(p, to);
    fail_at(p, false, from->line, from->col + 1, "%s", msg);
}

static _Noreturn void fail_recursion(Parser *p) {
    p->err->is_recursion = true;
    fail_at(p, false, p->toks[p->pos].line, p->toks[p->pos].col + 1, "too many nested expressions");
}

/* ---- tokens ---------------------------------------------------------------- */

static Token *tok_at(Parser *p, int i) {
    while (p->ntoks <= i) {
        if (p->ntoks > 0 && (p->toks[p->ntoks - 1].type == TOK_ENDMARKER ||
                             p->toks[p->ntoks - 1].type == TOK_ERROR))
            return &p->toks[p->ntoks - 1];
        if (p->ntoks >= p->cap) {
            /* Grow by copying, never by GC_REALLOC: callers hold Token
             * pointers across peeks (e.g. `t = peek(p)` then peek2(p)), and
             * a realloc would free the old block under them, after which a
             * new scratch allocation reuses (and zeroes) it. The old block
             * stays alive while such a pointer to it is on the stack. */
            int nc = p->cap ? p->cap * 2 : 64;
            Token *grown = scratch_alloc(nc * sizeof(Token));
            if (p->ntoks) memcpy(grown, p->toks, p->ntoks * sizeof(Token));
            p->toks = grown;
            p->cap = nc;
        }
        p->toks[p->ntoks++] = lexer_next(&p->lx);
    }
    Token *t = &p->toks[i];
    if (t->type == TOK_ERROR) {
        Lexer *lx = &p->lx;
        p->err->needs_more_input = lx->eof_in_construct;
        p->err->open_construct = lx->eof_in_construct;
        if (!p->err->failed) p->err->is_tab = lx->err_tab;
        fail_at(p, lx->err_indentation, lx->err_line, lx->err_col, "%s", lx->err_msg);
    }
    return t;
}

static Token *peek(Parser *p) { return tok_at(p, p->pos); }
static Token *peek2(Parser *p) { return tok_at(p, p->pos + 1); }
static Token *advance(Parser *p) { Token *t = peek(p); if (t->type != TOK_ENDMARKER) p->pos++; return t; }
static Token *prev_tok(Parser *p) { return &p->toks[p->pos > 0 ? p->pos - 1 : 0]; }

static bool tok_is_op(Token *t, OpToken op) { return t->type == TOK_OP && t->op == op; }
static bool tok_is_kw(Token *t, const char *kw) {
    return t->type == TOK_NAME && (int)strlen(kw) == t->len && memcmp(t->start, kw, t->len) == 0;
}
static bool at_op(Parser *p, OpToken op) { return tok_is_op(peek(p), op); }
static bool at_kw(Parser *p, const char *kw) { return tok_is_kw(peek(p), kw); }
static bool accept_op(Parser *p, OpToken op) {
    if (at_op(p, op)) { p->pos++; return true; }
    return false;
}
static bool accept_kw(Parser *p, const char *kw) {
    if (at_kw(p, kw)) { p->pos++; return true; }
    return false;
}

static _Noreturn void fail_invalid_syntax(Parser *p) {
    Token *t = peek(p);
    if (t->type == TOK_INDENT)
        fail_at(p, true, t->line, t->col + 1, "unexpected indent");
    if (t->type == TOK_DEDENT)
        fail_at(p, true, t->line, t->col + 1, "unindent does not match any outer indentation level");
    Lexer *lx = &p->lx;
    if (lx->paren_depth > 0 && t->line > lx->paren_lines[lx->paren_depth - 1] + lx->line_offset) {
        /* an unclosed bracket on an earlier line is the likelier culprit */
        int d = lx->paren_depth - 1;
        fail_at(p, false, lx->paren_lines[d] + lx->line_offset, lx->paren_cols[d] + 1,
                "'%c' was never closed", lx->paren_chars[d]);
    }
    if (t->type == TOK_ENDMARKER || (t->type == TOK_NEWLINE && p->lx.done)) {
        /* CPython reports EOF errors at the end of the last line. */
        Token *pt = prev_tok(p);
        fail_at(p, false, pt->end_line, pt->end_col + 1, "invalid syntax");
    }
    FAIL_TOK_RANGE(p, t, "invalid syntax");
}

static void expect_op(Parser *p, OpToken op, const char *what) {
    if (!accept_op(p, op)) {
        if (what) {
            Token *t = peek(p);
            if (t->type == TOK_NEWLINE || t->type == TOK_ENDMARKER || t->type == TOK_INDENT) {
                Token *pt = prev_tok(p);
                fail_at(p, false, pt->end_line, pt->end_col + 1, "expected '%s'", what);
            }
            FAIL_TOK(p, t, "expected '%s'", what);
        }
        fail_invalid_syntax(p);
    }
}

static char *tok_text(Token *t) { return scratch_strndup(t->start, t->len); }

static const char *expect_name(Parser *p) {
    Token *t = peek(p);
    if (t->type != TOK_NAME || lexer_is_keyword(t->start, t->len)) fail_invalid_syntax(p);
    p->pos++;
    return tok_text(t);
}

static bool at_name(Parser *p) {
    Token *t = peek(p);
    return t->type == TOK_NAME && !lexer_is_keyword(t->start, t->len);
}

static Node *new_node_at(NodeKind kind, Token *t) {
    Node *n = ast_new(kind, t->line, t->col);
    n->end_line = t->end_line;
    n->end_col = t->end_col;
    return n;
}

static void finish_node(Parser *p, Node *n) {
    Token *t = prev_tok(p);
    n->end_line = t->end_line;
    n->end_col = t->end_col;
}

static void enter(Parser *p) { if (++p->depth > PARSER_MAX_DEPTH) fail_recursion(p); }
static void leave(Parser *p) { p->depth--; }

/* The comma-separated lists that make a tuple without brackets (`a, *b`):
 * called at the comma after `first`, parses further items with `item`
 * until no comma follows, a trailing comma allowed before a token that
 * `at_end` accepts. */
static Node *tuple_after(Parser *p, Node *first, Node *(*item)(Parser *),
                         bool (*at_end)(Parser *)) {
    Node *tup = ast_new(N_Tuple, first->line, first->col);
    nodelist_push(&tup->v.seq.elts, first);
    while (accept_op(p, T_COMMA)) {
        if (at_end(p)) break;
        nodelist_push(&tup->v.seq.elts, item(p));
    }
    finish_node(p, tup);
    return tup;
}

static bool at_subscript_end(Parser *p) { return at_op(p, T_RSQB); }
static bool at_colon(Parser *p) { return at_op(p, T_COLON); }

/* Every starred production has this shape: `'*' operand` becomes a
 * Starred node, anything else is parsed by `otherwise`. */
static Node *starred_or(Parser *p, Node *(*operand)(Parser *), Node *(*otherwise)(Parser *)) {
    Token *t = peek(p);
    if (!tok_is_op(t, T_STAR)) return otherwise(p);
    p->pos++;
    Node *s = new_node_at(N_Starred, t);
    s->v.starred.value = operand(p);
    finish_node(p, s);
    return s;
}

/* ---- forward declarations ---------------------------------------------------- */

static Node *expression(Parser *p);
static Node *named_expression(Parser *p);
static Node *star_expressions(Parser *p);
static Node *star_named_expression(Parser *p);
static Node *bitwise_or(Parser *p);
static Node *disjunction(Parser *p);
static Node *primary(Parser *p);
static Node *yield_expr(Parser *p);
static Node *star_targets_list(Parser *p);
static void statement(Parser *p, NodeList *out);
static void compound_or_simple_statement(Parser *p, NodeList *out);
static Node *parse_arguments(Parser *p, bool is_lambda, OpToken closer);
static Node *strings(Parser *p);

/* ---- targets ------------------------------------------------------------------ */

typedef enum { TARGET_ASSIGN, TARGET_FOR, TARGET_DEL, TARGET_WITH, TARGET_COMP } TargetUse;

static void set_context(Parser *p, Node *e, ExprContext ctx, TargetUse use, bool top) {
    switch (e->kind) {
    case N_Name:
        if (ctx != CTX_LOAD && strcmp(e->v.name.id, "__debug__") == 0)
            FAIL_NODE(p, e, "cannot %s __debug__", ctx == CTX_DEL ? "delete" : "assign to");
        e->v.name.ctx = ctx;
        return;
    case N_Attribute: e->v.attribute.ctx = ctx; return;
    case N_Subscript: e->v.subscript.ctx = ctx; return;
    case N_Starred:
        if (ctx == CTX_DEL) FAIL_NODE(p, e, "cannot delete starred");
        if (top) FAIL_NODE(p, e, "starred assignment target must be in a list or tuple");
        e->v.starred.ctx = ctx;
        set_context(p, e->v.starred.value, ctx, use, false);
        return;
    case N_Tuple: case N_List: {
        e->v.seq.ctx = ctx;
        int stars = 0;
        for (int i = 0; i < e->v.seq.elts.n; i++) {
            Node *x = e->v.seq.elts.items[i];
            if (x->kind == N_Starred) stars++;
            set_context(p, x, ctx, use, false);
        }
        if (stars > 1) FAIL_NODE(p, e, "multiple starred expressions in assignment");
        return;
    }
    default:
        break;
    }
    const char *what = ast_expr_description(e);
    if (ctx == CTX_DEL) FAIL_NODE(p, e, "cannot delete %s", what);
    bool named_const = e->kind == N_Constant && (e->v.constant.value.kind == CONST_NONE ||
                                                 e->v.constant.value.kind == CONST_TRUE ||
                                                 e->v.constant.value.kind == CONST_FALSE);
    if (use == TARGET_ASSIGN && top && !named_const && (e->parenthesized || e->kind != N_IfExp) && (e->parenthesized ||
        (e->kind != N_Lambda &&
        e->kind != N_BoolOp && e->kind != N_Compare && e->kind != N_NamedExpr &&
        !(e->kind == N_UnaryOp && e->v.unaryop.op == UNARY_NOT) && e->kind != N_Yield &&
        e->kind != N_YieldFrom)))
        FAIL_NODE(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
    FAIL_NODE(p, e, "cannot assign to %s", what);
}

/* ---- constants ------------------------------------------------------------------- */

static Node *make_const(Token *t, ConstKind kind) {
    Node *n = new_node_at(N_Constant, t);
    n->v.constant.value.kind = kind;
    return n;
}

static Node *number(Parser *p) {
    Token *t = advance(p);
    char *text = scratch_alloc_atomic(t->len + 1);
    int n = 0;
    bool is_float = false, is_imag = false;
    bool prefixed = t->len > 1 && t->start[0] == '0' && strchr("xXoObB", t->start[1]);
    for (int i = 0; i < t->len; i++) {
        char c = t->start[i];
        if (c == '_') continue;
        if (!prefixed && (c == '.' || c == 'e' || c == 'E')) is_float = true;
        if (c == 'j' || c == 'J') { is_imag = true; continue; }
        text[n++] = c;
    }
    text[n] = 0;
    Node *node = make_const(t, is_float || is_imag ? CONST_FLOAT : CONST_INT);
    AstConst *c = &node->v.constant.value;
    c->imaginary = is_imag;
    if (is_float || is_imag) {
        c->f = strtod(text, NULL);
        return node;
    }
    int base = 10;
    const char *digits = text;
    if (prefixed) {
        char k = text[1] | 0x20;
        base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
        digits = text + 2;
    }
    errno = 0;
    unsigned long long v = strtoull(digits, NULL, base);
    if (errno == ERANGE || v > (unsigned long long)INT64_MAX) {
        c->big = true;
        c->text = text;
        c->len = n;
    } else {
        c->i = (int64_t)v;
    }
    return node;
}

/* ---- string literals ------------------------------------------------------------- */

typedef struct StrBuf { char *data; size_t len, cap; } StrBuf;

static void sbuf_add(StrBuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->len + n + 1) nc *= 2;
        char *d = scratch_alloc_atomic(nc);
        if (b->len) memcpy(d, b->data, b->len);
        b->data = d;
        b->cap = nc;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}
static void sbuf_char(StrBuf *b, char c) { sbuf_add(b, &c, 1); }
static void sbuf_codepoint(StrBuf *b, unsigned cp) {
    char u[4];
    int n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    sbuf_add(b, u, n);
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Decode the escapes of a non-raw literal body into b. */
static void decode_escapes(Parser *p, Token *t, const char *s, size_t n, bool is_bytes, StrBuf *b) {
    const char *codec = is_bytes ? "(value error)" : "(unicode error) 'unicodeescape' codec";
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c != '\\') {
            if (is_bytes && (unsigned char)c >= 0x80)
                FAIL_TOK(p, t, "bytes can only contain ASCII literal characters");
            size_t j = i;
            while (j < n && s[j] != '\\' && !(is_bytes && (unsigned char)s[j] >= 0x80)) j++;
            sbuf_add(b, s + i, j - i);
            i = j;
            continue;
        }
        if (i + 1 >= n) { sbuf_char(b, '\\'); i++; continue; }
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\r': if (i < n && s[i] == '\n') i++; break;
        case '\\': sbuf_char(b, '\\'); break;
        case '\'': sbuf_char(b, '\''); break;
        case '"': sbuf_char(b, '"'); break;
        case 'a': sbuf_char(b, '\a'); break;
        case 'b': sbuf_char(b, '\b'); break;
        case 'f': sbuf_char(b, '\f'); break;
        case 'n': sbuf_char(b, '\n'); break;
        case 'r': sbuf_char(b, '\r'); break;
        case 't': sbuf_char(b, '\t'); break;
        case 'v': sbuf_char(b, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = e - '0';
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + (s[i++] - '0');
            if (is_bytes) sbuf_char(b, (char)(v & 0xFF));
            else sbuf_codepoint(b, v);
            break;
        }
        case 'x': case 'u': case 'U': {
            if (is_bytes && e != 'x') { sbuf_char(b, '\\'); sbuf_char(b, e); break; }
            int need = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            unsigned v = 0;
            for (int k = 0; k < need; k++) {
                int h = i < n ? hexval(s[i]) : -1;
                if (h < 0)
                    FAIL_TOK(p, t, "%s can't decode bytes in position %d-%d: truncated \\%c%s escape",
                             codec, 0, k + 1, e, e == 'x' ? "XX" : e == 'u' ? "XXXX" : "XXXXXXXX");
                v = v * 16 + h;
                i++;
            }
            if (is_bytes) sbuf_char(b, (char)v);
            else {
                if (v > 0x10FFFF)
                    FAIL_TOK(p, t, "%s can't decode bytes in position 0-9: illegal Unicode character", codec);
                sbuf_codepoint(b, v);
            }
            break;
        }
        case 'N':
            if (!is_bytes)
                FAIL_TOK(p, t, "gilt does not support \\N{...} escapes");
            /* fall through */
        default:
            /* Unknown escapes keep their backslash (a warning in CPython). */
            sbuf_char(b, '\\');
            i--;
            break;
        }
    }
}

typedef struct StrPrefix { bool raw, is_bytes, is_f; } StrPrefix;

/* Split a STRING token into prefix flags and body. */
static void split_string_token(Token *t, StrPrefix *pf, const char **body, size_t *blen) {
    const char *s = t->start;
    memset(pf, 0, sizeof *pf);
    int i = 0;
    while (s[i] != '\'' && s[i] != '"') {
        char c = s[i] | 0x20;
        if (c == 'r') pf->raw = true;
        else if (c == 'b') pf->is_bytes = true;
        else if (c == 'f') pf->is_f = true;
        i++;
    }
    char q = s[i];
    int qlen = (i + 2 < t->len && s[i + 1] == q && s[i + 2] == q && t->len - i >= 6) ? 3 : 1;
    *body = s + i + qlen;
    *blen = t->len - i - 2 * qlen;
}

static Node *parse_fstring_expr(Parser *p, Token *t, const char *text, size_t n);

static void add_literal(Parser *p, NodeList *values, Token *t, StrBuf *lit) {
    if (lit->len == 0) return;
    Node *last = values->n ? values->items[values->n - 1] : NULL;
    if (last && last->kind == N_Constant) {
        StrBuf b = { 0 };
        sbuf_add(&b, last->v.constant.value.text, last->v.constant.value.len);
        sbuf_add(&b, lit->data, lit->len);
        last->v.constant.value.text = b.data;
        last->v.constant.value.len = b.len;
    } else {
        Node *c = make_const(t, CONST_STR);
        c->v.constant.value.text = lit->data;
        c->v.constant.value.len = lit->len;
        nodelist_push(values, c);
    }
    memset(lit, 0, sizeof *lit);
}

/* CPython 3.11 checks f-strings after reading the whole run of adjacent
 * literals, so their errors point at the token after that run. */
static Token *token_after_strings(Parser *p) {
    int i = p->pos;
    while (tok_at(p, i)->type == TOK_STRING) i++;
    return tok_at(p, i);
}
#define FAIL_FSTRING(p, ...) FAIL_TOK((p), token_after_strings(p), __VA_ARGS__)

/* Parse f-string content s[0..n) into values (Constant / FormattedValue). */
static void fstring_content(Parser *p, Token *t, const char *s, size_t n, bool raw, NodeList *values) {
    StrBuf raw_lit = { 0 };
    size_t i = 0;
    if (p->fstring_depth > 2) FAIL_FSTRING(p, "f-string: expressions nested too deeply");
    while (i < n) {
        char c = s[i];
        if (c == '{' && i + 1 < n && s[i + 1] == '{') { sbuf_char(&raw_lit, '{'); i += 2; continue; }
        if (c == '}' && i + 1 < n && s[i + 1] == '}') { sbuf_char(&raw_lit, '}'); i += 2; continue; }
        if (c == '}') FAIL_FSTRING(p, "f-string: single '}' is not allowed");
        if (c == '\\' && !raw && i + 1 < n) {
            sbuf_add(&raw_lit, s + i, 2);
            i += 2;
            continue;
        }
        if (c != '{') { sbuf_char(&raw_lit, c); i++; continue; }
        /* flush the literal text before the field */
        if (raw_lit.len) {
            StrBuf dec = { 0 };
            if (raw) sbuf_add(&dec, raw_lit.data, raw_lit.len);
            else decode_escapes(p, t, raw_lit.data, raw_lit.len, false, &dec);
            add_literal(p, values, t, &dec);
            memset(&raw_lit, 0, sizeof raw_lit);
        }
        /* a replacement field: find where its expression ends */
        size_t j = i + 1, k = j;
        int nesting = 0;
        char quote = 0;
        bool quote_triple = false;
        for (; k < n; k++) {
            char ch = s[k];
            if (ch == '\\') FAIL_FSTRING(p, "f-string expression part cannot include a backslash");
            if (quote) {
                if (ch == quote) {
                    if (!quote_triple) quote = 0;
                    else if (k + 2 < n && s[k + 1] == quote && s[k + 2] == quote) { quote = 0; k += 2; }
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                quote = ch;
                quote_triple = k + 2 < n && s[k + 1] == ch && s[k + 2] == ch;
                if (quote_triple) k += 2;
                continue;
            }
            if (ch == '#') FAIL_FSTRING(p, "f-string expression part cannot include '#'");
            if (ch == '(' || ch == '[' || ch == '{') { nesting++; continue; }
            if (ch == ')' || ch == ']') {
                if (nesting == 0) FAIL_FSTRING(p, "f-string: unmatched '%c'", ch);
                nesting--;
                continue;
            }
            if (ch == '}') {
                if (nesting == 0) break;
                nesting--;
                continue;
            }
            if (nesting == 0) {
                if (ch == '!' && !(k + 1 < n && s[k + 1] == '=')) break;
                if (ch == ':') break;
                if (ch == '=' && !(k + 1 < n && s[k + 1] == '=') &&
                    !(k > j && strchr("=!<>", s[k - 1])))
                    break;
            }
        }
        if (quote) FAIL_FSTRING(p, "f-string: unterminated string");
        if (k >= n) FAIL_FSTRING(p, "f-string: expecting '}'");
        size_t expr_end = k;
        bool blank = true;
        for (size_t q = j; q < expr_end; q++)
            if (s[q] != ' ' && s[q] != '\t' && s[q] != '\n' && s[q] != '\r') blank = false;
        if (blank) FAIL_FSTRING(p, "f-string: empty expression not allowed");
        Node *value = parse_fstring_expr(p, t, s + j, expr_end - j);
        bool debug = false;
        if (s[k] == '=') {
            debug = true;
            k++;
            while (k < n && (s[k] == ' ' || s[k] == '\t')) k++;
            StrBuf dbg = { 0 };
            sbuf_add(&dbg, s + j, k - j);
            add_literal(p, values, t, &dbg);
        }
        int conversion = -1;
        if (k < n && s[k] == '!') {
            k++;
            if (k >= n || (s[k] != 's' && s[k] != 'r' && s[k] != 'a'))
                FAIL_FSTRING(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            conversion = s[k];
            k++;
            if (k >= n || (s[k] != ':' && s[k] != '}')) FAIL_FSTRING(p, "f-string: expecting '}'");
        }
        Node *spec = NULL;
        if (k < n && s[k] == ':') {
            k++;
            size_t spec_start = k;
            int depth = 0;
            for (; k < n; k++) {
                if (s[k] == '{') depth++;
                else if (s[k] == '}') {
                    if (depth == 0) break;
                    depth--;
                }
            }
            if (k >= n) FAIL_FSTRING(p, "f-string: expecting '}'");
            spec = new_node_at(N_JoinedStr, t);
            p->fstring_depth++;
            fstring_content(p, t, s + spec_start, k - spec_start, raw, &spec->v.joinedstr.values);
            p->fstring_depth--;
        }
        if (k >= n || s[k] != '}') FAIL_FSTRING(p, "f-string: expecting '}'");
        if (debug && conversion < 0 && !spec) conversion = 'r';
        Node *fv = new_node_at(N_FormattedValue, t);
        fv->v.formatted.value = value;
        fv->v.formatted.conversion = conversion;
        fv->v.formatted.format_spec = spec;
        nodelist_push(values, fv);
        i = k + 1;
    }
    if (raw_lit.len) {
        StrBuf dec = { 0 };
        if (raw) sbuf_add(&dec, raw_lit.data, raw_lit.len);
        else decode_escapes(p, t, raw_lit.data, raw_lit.len, false, &dec);
        add_literal(p, values, t, &dec);
    }
}

/* Adjacent string literals, concatenated; f-strings make a JoinedStr. */
static Node *strings(Parser *p) {
    Token *first = peek(p);
    bool any_f = false, any_bytes = false, any_str = false;
    NodeList values = { 0 };
    StrBuf plain = { 0 };
    Node *result = NULL;
    while (peek(p)->type == TOK_STRING) {
        Token *t = advance(p);
        StrPrefix pf;
        const char *body;
        size_t blen;
        split_string_token(t, &pf, &body, &blen);
        if (pf.is_bytes) any_bytes = true; else any_str = true;
        if (any_bytes && any_str) {
            /* reported where the parser stands after the literals */
            while (peek(p)->type == TOK_STRING) p->pos++;
            FAIL_TOK(p, peek(p), "cannot mix bytes and nonbytes literals");
        }
        if (pf.is_f) {
            any_f = true;
            add_literal(p, &values, t, &plain);
            fstring_content(p, t, body, blen, pf.raw, &values);
            continue;
        }
        StrBuf dec = { 0 };
        if (pf.raw) {
            if (pf.is_bytes)
                for (size_t i = 0; i < blen; i++)
                    if ((unsigned char)body[i] >= 0x80)
                        FAIL_TOK(p, t, "bytes can only contain ASCII literal characters");
            sbuf_add(&dec, body, blen);
        } else {
            decode_escapes(p, t, body, blen, pf.is_bytes, &dec);
        }
        if (any_f) add_literal(p, &values, t, &dec);
        else sbuf_add(&plain, dec.data ? dec.data : "", dec.len);
    }
    if (any_f) {
        result = new_node_at(N_JoinedStr, first);
        result->v.joinedstr.values = values;
    } else {
        result = make_const(first, any_bytes ? CONST_BYTES : CONST_STR);
        result->v.constant.value.text = plain.data ? plain.data : "";
        result->v.constant.value.len = plain.len;
    }
    finish_node(p, result);
    return result;
}

/* Parse the expression of an f-string field with a nested parser. */
static Node *parse_fstring_expr(Parser *p, Token *t, const char *text, size_t n) {
    char *src = scratch_alloc_atomic(n + 3);
    src[0] = '(';
    memcpy(src + 1, text, n);
    src[n + 1] = ')';
    Parser *sub = scratch_alloc(sizeof *sub);
    lexer_init(&sub->lx, src, n + 2, p->filename);
    sub->lx.line_offset = t->line - 1;
    sub->mode = PARSE_EVAL;
    sub->filename = p->filename;
    sub->err = p->err;
    sub->in_fstring = true;
    sub->depth = p->depth;
    sub->fstring_depth = p->fstring_depth + 1;
    if (setjmp(sub->on_error)) {
        if (!p->err->text) p->err->text = lexer_line_text(&p->lx, t->line - p->lx.line_offset);
        longjmp(p->on_error, 1);
    }
    Node *e = star_expressions(sub);
    if (peek(sub)->type == TOK_NEWLINE) sub->pos++;
    if (peek(sub)->type != TOK_ENDMARKER) fail_invalid_syntax(sub);
    return e;
}

/* ---- atoms and primaries ------------------------------------------------------------ */

static Node *comprehension_tail(Parser *p, NodeKind kind, Node *elt, Node *value, Token *start);

static bool at_comp_for(Parser *p) {
    return at_kw(p, "for") || (at_kw(p, "async") && tok_is_kw(peek2(p), "for"));
}

/* `{k: }`: CPython's message for a missing value. */
static void check_dict_value_present(Parser *p, Token *colon) {
    if (at_op(p, T_RBRACE) || at_op(p, T_COMMA))
        FAIL_TOK(p, colon, "expression expected after dictionary key and ':'");
}

/* Inside brackets, two expressions in a row (`[1 2]`, `f(a b)`) are most
 * likely a missing comma; CPython says so, underlining both. `prev` is the
 * last element parsed; called where a closing bracket or comma is due. */
static void check_missing_comma(Parser *p, Node *prev) {
    Token *t = peek(p);
    bool starts_expr = t->type == TOK_NUMBER || t->type == TOK_STRING ||
        (t->type == TOK_NAME && (!lexer_is_keyword(t->start, t->len) || tok_is_kw(t, "None") ||
                                 tok_is_kw(t, "True") || tok_is_kw(t, "False") ||
                                 tok_is_kw(t, "lambda") || tok_is_kw(t, "not") ||
                                 tok_is_kw(t, "await"))) ||
        (t->type == TOK_OP && (t->op == T_LPAR || t->op == T_LSQB || t->op == T_LBRACE ||
                               t->op == T_TILDE || t->op == T_ELLIPSIS));
    if (!starts_expr || !prev) return;
    /* an unclosed bracket on an earlier line is the likelier culprit */
    Lexer *lx = &p->lx;
    if (lx->paren_depth > 0 && t->line > lx->paren_lines[lx->paren_depth - 1] + lx->line_offset) return;
    /* `print "x"`-like NAME STRING pairs keep the generic message */
    if (prev->kind == N_Name && t->type == TOK_STRING) return;
    if (prev->kind == N_Starred || prev->kind == N_NamedExpr || prev->kind == N_Lambda ||
        prev->kind == N_IfExp || prev->kind == N_GeneratorExp)
        return;
    Node *next = expression(p);
    fail_span(p, prev, next, "invalid syntax. Perhaps you forgot a comma?");
}

static Node *atom(Parser *p) {
    Token *t = peek(p);
    switch (t->type) {
    case TOK_NUMBER: return number(p);
    case TOK_STRING: return strings(p);
    case TOK_NAME: {
        if (tok_is_kw(t, "None")) { p->pos++; return make_const(t, CONST_NONE); }
        if (tok_is_kw(t, "True")) { p->pos++; return make_const(t, CONST_TRUE); }
        if (tok_is_kw(t, "False")) { p->pos++; return make_const(t, CONST_FALSE); }
        if (lexer_is_keyword(t->start, t->len)) fail_invalid_syntax(p);
        p->pos++;
        Node *n = new_node_at(N_Name, t);
        n->v.name.id = tok_text(t);
        return n;
    }
    case TOK_OP: break;
    default: fail_invalid_syntax(p);
    }
    if (t->op == T_ELLIPSIS) { p->pos++; return make_const(t, CONST_ELLIPSIS); }
    if (t->op == T_LPAR) {
        p->pos++;
        if (accept_op(p, T_RPAR)) {
            Node *n = new_node_at(N_Tuple, t);
            finish_node(p, n);
            n->parenthesized = true;
            return n;
        }
        if (at_kw(p, "yield")) {
            Node *y = yield_expr(p);
            expect_op(p, T_RPAR, NULL);
            y->parenthesized = true;
            return y;
        }
        Node *first = star_named_expression(p);
        if (at_comp_for(p)) {
            if (first->kind == N_Starred) FAIL_NODE(p, first, "iterable unpacking cannot be used in comprehension");
            Node *g = comprehension_tail(p, N_GeneratorExp, first, NULL, t);
            expect_op(p, T_RPAR, NULL);
            finish_node(p, g);
            g->parenthesized = true;
            return g;
        }
        if (at_op(p, T_COMMA)) {
            Node *tup = new_node_at(N_Tuple, t);
            nodelist_push(&tup->v.seq.elts, first);
            while (accept_op(p, T_COMMA)) {
                if (at_op(p, T_RPAR)) break;
                nodelist_push(&tup->v.seq.elts, star_named_expression(p));
            }
            if (!at_op(p, T_RPAR)) check_missing_comma(p, tup->v.seq.elts.items[tup->v.seq.elts.n - 1]);
            expect_op(p, T_RPAR, NULL);
            finish_node(p, tup);
            tup->parenthesized = true;
            return tup;
        }
        if (!at_op(p, T_RPAR)) {
            if (first->kind == N_Starred) FAIL_NODE(p, first, "cannot use starred expression here");
            check_missing_comma(p, first);
            fail_invalid_syntax(p);
        }
        p->pos++;
        if (first->kind == N_Starred) FAIL_NODE(p, first, "cannot use starred expression here");
        first->parenthesized = true;
        return first;
    }
    if (t->op == T_LSQB) {
        p->pos++;
        Node *list = new_node_at(N_List, t);
        if (accept_op(p, T_RSQB)) { finish_node(p, list); return list; }
        Node *first = star_named_expression(p);
        if (at_comp_for(p)) {
            if (first->kind == N_Starred) FAIL_NODE(p, first, "iterable unpacking cannot be used in comprehension");
            Node *c = comprehension_tail(p, N_ListComp, first, NULL, t);
            expect_op(p, T_RSQB, NULL);
            finish_node(p, c);
            return c;
        }
        nodelist_push(&list->v.seq.elts, first);
        while (accept_op(p, T_COMMA)) {
            if (at_op(p, T_RSQB)) break;
            nodelist_push(&list->v.seq.elts, star_named_expression(p));
        }
        if (!at_op(p, T_RSQB)) check_missing_comma(p, list->v.seq.elts.items[list->v.seq.elts.n - 1]);
        expect_op(p, T_RSQB, NULL);
        finish_node(p, list);
        return list;
    }
    if (t->op == T_LBRACE) {
        p->pos++;
        if (accept_op(p, T_RBRACE)) {
            Node *d = new_node_at(N_Dict, t);
            finish_node(p, d);
            return d;
        }
        Node *first_key = NULL, *first_value = NULL;
        bool is_dict;
        if (accept_op(p, T_DOUBLESTAR)) {
            first_value = bitwise_or(p);
            is_dict = true;
        } else {
            Node *e = star_named_expression(p);
            Token *colon = peek(p);
            if (accept_op(p, T_COLON)) {
                if (e->kind == N_Starred) FAIL_TOK_RANGE(p, colon, "invalid syntax");
                first_key = e;
                check_dict_value_present(p, colon);
                first_value = expression(p);
                is_dict = true;
            } else {
                first_key = e;
                is_dict = false;
            }
        }
        if (is_dict) {
            if (first_key && at_comp_for(p)) {
                Node *c = comprehension_tail(p, N_DictComp, first_key, first_value, t);
                expect_op(p, T_RBRACE, NULL);
                finish_node(p, c);
                return c;
            }
            Node *d = new_node_at(N_Dict, t);
            nodelist_push(&d->v.dict.keys, first_key);
            nodelist_push(&d->v.dict.values, first_value);
            while (accept_op(p, T_COMMA)) {
                if (at_op(p, T_RBRACE)) break;
                if (accept_op(p, T_DOUBLESTAR)) {
                    nodelist_push(&d->v.dict.keys, NULL);
                    nodelist_push(&d->v.dict.values, bitwise_or(p));
                } else {
                    Node *k = expression(p);
                    if (!at_op(p, T_COLON)) FAIL_NODE(p, k, "':' expected after dictionary key");
                    check_dict_value_present(p, advance(p));
                    nodelist_push(&d->v.dict.keys, k);
                    nodelist_push(&d->v.dict.values, expression(p));
                }
            }
            expect_op(p, T_RBRACE, NULL);
            finish_node(p, d);
            return d;
        }
        if (at_comp_for(p)) {
            if (first_key->kind == N_Starred) FAIL_NODE(p, first_key, "iterable unpacking cannot be used in comprehension");
            Node *c = comprehension_tail(p, N_SetComp, first_key, NULL, t);
            expect_op(p, T_RBRACE, NULL);
            finish_node(p, c);
            return c;
        }
        Node *set = new_node_at(N_Set, t);
        nodelist_push(&set->v.seq.elts, first_key);
        while (accept_op(p, T_COMMA)) {
            if (at_op(p, T_RBRACE)) break;
            nodelist_push(&set->v.seq.elts, star_named_expression(p));
        }
        if (!at_op(p, T_RBRACE)) check_missing_comma(p, set->v.seq.elts.items[set->v.seq.elts.n - 1]);
        expect_op(p, T_RBRACE, NULL);
        finish_node(p, set);
        return set;
    }
    fail_invalid_syntax(p);
}

static Node *comprehension_tail(Parser *p, NodeKind kind, Node *elt, Node *value, Token *start) {
    Node *c = new_node_at(kind, start);
    c->v.comp.elt = elt;
    c->v.comp.value = value;
    while (at_comp_for(p)) {
        Token *ft = peek(p);
        Node *gen = new_node_at(N_comprehension, ft);
        if (accept_kw(p, "async")) gen->v.comprehension.is_async = true;
        p->pos++;   /* 'for' */
        Node *target = star_targets_list(p);
        set_context(p, target, CTX_STORE, TARGET_COMP, true);
        if (!accept_kw(p, "in")) fail_invalid_syntax(p);
        gen->v.comprehension.target = target;
        gen->v.comprehension.iter = disjunction(p);
        while (accept_kw(p, "if")) nodelist_push(&gen->v.comprehension.ifs, disjunction(p));
        nodelist_push(&c->v.comp.generators, gen);
    }
    return c;
}

/* slice: [expr] ':' [expr] [':' [expr]] | named_expression | starred */
static Node *slice_item(Parser *p) {
    Token *t = peek(p);
    Node *lower = NULL;
    if (!at_op(p, T_COLON)) {
        if (at_op(p, T_STAR)) {
            p->pos++;
            Node *s = new_node_at(N_Starred, t);
            s->v.starred.value = bitwise_or(p);
            finish_node(p, s);
            return s;
        }
        lower = named_expression(p);
        if (!at_op(p, T_COLON)) return lower;
    }
    p->pos++;   /* ':' */
    Node *s = new_node_at(N_Slice, t);
    s->v.slice.lower = lower;
    if (!at_op(p, T_COLON) && !at_op(p, T_COMMA) && !at_op(p, T_RSQB)) s->v.slice.upper = expression(p);
    if (accept_op(p, T_COLON)) {
        if (!at_op(p, T_COMMA) && !at_op(p, T_RSQB)) s->v.slice.step = expression(p);
    }
    finish_node(p, s);
    return s;
}

static void call_arguments(Parser *p, Node *call) {
    bool seen_keyword = false, seen_double_star = false;
    while (!at_op(p, T_RPAR)) {
        Token *t = peek(p);
        if (accept_op(p, T_STAR)) {
            if (seen_double_star)
                FAIL_TOK(p, t, "iterable argument unpacking follows keyword argument unpacking");
            Node *s = new_node_at(N_Starred, t);
            s->v.starred.value = expression(p);
            finish_node(p, s);
            nodelist_push(&call->v.call.args, s);
        } else if (accept_op(p, T_DOUBLESTAR)) {
            Node *k = new_node_at(N_keyword, t);
            k->v.keyword.value = expression(p);
            finish_node(p, k);
            nodelist_push(&call->v.call.keywords, k);
            seen_double_star = true;
        } else if (t->type == TOK_NAME && tok_is_op(peek2(p), T_EQUAL)) {
            if (tok_is_kw(t, "True") || tok_is_kw(t, "False") || tok_is_kw(t, "None")) {
                set_error_end_tok(p, peek2(p));   /* CPython underlines `True=` */
                FAIL_TOK(p, t, "cannot assign to %.*s", t->len, t->start);
            }
            if (lexer_is_keyword(t->start, t->len)) fail_invalid_syntax(p);
            p->pos += 2;
            Node *k = new_node_at(N_keyword, t);
            k->v.keyword.arg = tok_text(t);
            k->v.keyword.value = expression(p);
            finish_node(p, k);
            for (int i = 0; i < call->v.call.keywords.n; i++) {
                const char *other = call->v.call.keywords.items[i]->v.keyword.arg;
                if (other && strcmp(other, k->v.keyword.arg) == 0)
                    FAIL_NODE(p, k, "keyword argument repeated: %s", other);
            }
            nodelist_push(&call->v.call.keywords, k);
            seen_keyword = true;
        } else {
            Node *e = named_expression(p);
            if (at_comp_for(p)) {
                Node *g = comprehension_tail(p, N_GeneratorExp, e, NULL, t);
                finish_node(p, g);
                if (call->v.call.args.n || call->v.call.keywords.n || !at_op(p, T_RPAR))
                    FAIL_NODE(p, g, "Generator expression must be parenthesized");
                e = g;
            } else if (at_op(p, T_EQUAL)) {
                FAIL_NODE(p, e, "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            /* CPython reports these at the token after the argument */
            if (seen_double_star) FAIL_TOK(p, peek(p), "positional argument follows keyword argument unpacking");
            if (seen_keyword) FAIL_TOK(p, peek(p), "positional argument follows keyword argument");
            nodelist_push(&call->v.call.args, e);
            if (!at_op(p, T_COMMA) && !at_op(p, T_RPAR)) check_missing_comma(p, e);
        }
        if (!accept_op(p, T_COMMA)) break;
    }
    expect_op(p, T_RPAR, NULL);
}

static Node *primary_trailers(Parser *p, Node *e) {
    for (;;) {
        Token *t = peek(p);
        if (tok_is_op(t, T_DOT)) {
            p->pos++;
            Node *a = ast_new(N_Attribute, e->line, e->col);
            a->v.attribute.value = e;
            a->v.attribute.attr = expect_name(p);
            finish_node(p, a);
            e = a;
        } else if (tok_is_op(t, T_LPAR)) {
            p->pos++;
            Node *c = ast_new(N_Call, e->line, e->col);
            c->v.call.func = e;
            enter(p);
            call_arguments(p, c);
            leave(p);
            finish_node(p, c);
            e = c;
        } else if (tok_is_op(t, T_LSQB)) {
            p->pos++;
            enter(p);
            Node *s = ast_new(N_Subscript, e->line, e->col);
            s->v.subscript.value = e;
            Node *first = slice_item(p);
            if (at_op(p, T_COMMA)) {
                first = tuple_after(p, first, slice_item, at_subscript_end);
            } else if (first->kind == N_Starred) {
                Node *tup = ast_new(N_Tuple, first->line, first->col);
                nodelist_push(&tup->v.seq.elts, first);
                first = tup;
            }
            s->v.subscript.slice = first;
            expect_op(p, T_RSQB, NULL);
            leave(p);
            finish_node(p, s);
            e = s;
        } else {
            return e;
        }
    }
}

static Node *primary(Parser *p) {
    return primary_trailers(p, atom(p));
}

/* await_primary: 'await' primary | primary */
static Node *await_primary(Parser *p) {
    Token *t = peek(p);
    if (tok_is_kw(t, "await")) {
        p->pos++;
        Node *a = new_node_at(N_Await, t);
        a->v.expr.value = primary(p);
        finish_node(p, a);
        return a;
    }
    return primary(p);
}

static Node *factor(Parser *p);

static Node *power(Parser *p) {
    Node *base = await_primary(p);
    Token *t = peek(p);
    if (tok_is_op(t, T_DOUBLESTAR)) {
        p->pos++;
        Node *b = ast_new(N_BinOp, base->line, base->col);
        b->v.binop.left = base;
        b->v.binop.op = BINOP_POW;
        b->v.binop.right = factor(p);
        finish_node(p, b);
        return b;
    }
    return base;
}

static Node *factor(Parser *p) {
    Token *t = peek(p);
    if (t->type == TOK_OP && (t->op == T_PLUS || t->op == T_MINUS || t->op == T_TILDE)) {
        p->pos++;
        enter(p);
        Node *u = new_node_at(N_UnaryOp, t);
        u->v.unaryop.op = t->op == T_PLUS ? UNARY_POS : t->op == T_MINUS ? UNARY_NEG : UNARY_INVERT;
        u->v.unaryop.operand = factor(p);
        leave(p);
        finish_node(p, u);
        return u;
    }
    return power(p);
}

static Node *make_binop(Parser *p, Node *left, int op, Node *right) {
    Node *b = ast_new(N_BinOp, left->line, left->col);
    b->v.binop.left = left;
    b->v.binop.op = op;
    b->v.binop.right = right;
    finish_node(p, b);
    return b;
}

static Node *term(Parser *p) {
    Node *left = factor(p);
    for (;;) {
        Token *t = peek(p);
        int op;
        if (t->type != TOK_OP) return left;
        switch (t->op) {
        case T_STAR: op = BINOP_MUL; break;
        case T_SLASH: op = BINOP_TRUEDIV; break;
        case T_DOUBLESLASH: op = BINOP_FLOORDIV; break;
        case T_PERCENT: op = BINOP_MOD; break;
        case T_AT: op = BINOP_MATMUL; break;
        default: return left;
        }
        p->pos++;
        left = make_binop(p, left, op, factor(p));
    }
}

static Node *sum(Parser *p) {
    Node *left = term(p);
    for (;;) {
        Token *t = peek(p);
        if (tok_is_op(t, T_PLUS)) { p->pos++; left = make_binop(p, left, BINOP_ADD, term(p)); }
        else if (tok_is_op(t, T_MINUS)) { p->pos++; left = make_binop(p, left, BINOP_SUB, term(p)); }
        else return left;
    }
}

static Node *shift_expr(Parser *p) {
    Node *left = sum(p);
    for (;;) {
        Token *t = peek(p);
        if (tok_is_op(t, T_LEFTSHIFT)) { p->pos++; left = make_binop(p, left, BINOP_LSHIFT, sum(p)); }
        else if (tok_is_op(t, T_RIGHTSHIFT)) { p->pos++; left = make_binop(p, left, BINOP_RSHIFT, sum(p)); }
        else return left;
    }
}

static Node *bitwise_and(Parser *p) {
    Node *left = shift_expr(p);
    while (accept_op(p, T_AMPER)) left = make_binop(p, left, BINOP_AND, shift_expr(p));
    return left;
}

static Node *bitwise_xor(Parser *p) {
    Node *left = bitwise_and(p);
    while (accept_op(p, T_CIRCUMFLEX)) left = make_binop(p, left, BINOP_XOR, bitwise_and(p));
    return left;
}

static Node *bitwise_or(Parser *p) {
    Node *left = bitwise_xor(p);
    while (accept_op(p, T_VBAR)) left = make_binop(p, left, BINOP_OR, bitwise_xor(p));
    return left;
}

/* The comparison operator at the current token, consuming it; -1 if none. */
static int comparison_operator(Parser *p) {
    Token *t = peek(p);
    if (t->type == TOK_OP) {
        int op = -1;
        switch (t->op) {
        case T_EQEQUAL: op = CMPOP_EQ; break;
        case T_NOTEQUAL: op = CMPOP_NE; break;
        case T_LESS: op = CMPOP_LT; break;
        case T_LESSEQUAL: op = CMPOP_LE; break;
        case T_GREATER: op = CMPOP_GT; break;
        case T_GREATEREQUAL: op = CMPOP_GE; break;
        default: return -1;
        }
        p->pos++;
        return op;
    }
    if (tok_is_kw(t, "in")) { p->pos++; return CMPOP_IN; }
    if (tok_is_kw(t, "not") && tok_is_kw(peek2(p), "in")) { p->pos += 2; return CMPOP_NOT_IN; }
    if (tok_is_kw(t, "is")) {
        p->pos++;
        if (accept_kw(p, "not")) return CMPOP_IS_NOT;
        return CMPOP_IS;
    }
    return -1;
}

static Node *comparison(Parser *p) {
    Node *left = bitwise_or(p);
    int op = comparison_operator(p);
    if (op < 0) return left;
    Node *c = ast_new(N_Compare, left->line, left->col);
    c->v.compare.left = left;
    int cap = 4;
    c->v.compare.ops = scratch_alloc_atomic(cap * sizeof(CmpOpKind));
    do {
        if (c->v.compare.nops == cap) {
            cap *= 2;
            CmpOpKind *ops = scratch_alloc_atomic(cap * sizeof(CmpOpKind));
            memcpy(ops, c->v.compare.ops, c->v.compare.nops * sizeof(CmpOpKind));
            c->v.compare.ops = ops;
        }
        c->v.compare.ops[c->v.compare.nops++] = op;
        nodelist_push(&c->v.compare.comparators, bitwise_or(p));
    } while ((op = comparison_operator(p)) >= 0);
    finish_node(p, c);
    return c;
}

static Node *inversion(Parser *p) {
    Token *t = peek(p);
    if (tok_is_kw(t, "not")) {
        p->pos++;
        enter(p);
        Node *u = new_node_at(N_UnaryOp, t);
        u->v.unaryop.op = UNARY_NOT;
        u->v.unaryop.operand = inversion(p);
        leave(p);
        finish_node(p, u);
        return u;
    }
    return comparison(p);
}

static Node *boolop_chain(Parser *p, Node *first, BoolOpKind op, const char *kw, Node *(*next)(Parser *)) {
    if (!at_kw(p, kw)) return first;
    Node *b = ast_new(N_BoolOp, first->line, first->col);
    b->v.boolop.op = op;
    nodelist_push(&b->v.boolop.values, first);
    while (accept_kw(p, kw)) nodelist_push(&b->v.boolop.values, next(p));
    finish_node(p, b);
    return b;
}

static Node *conjunction(Parser *p) { return boolop_chain(p, inversion(p), BOOL_AND, "and", inversion); }
static Node *disjunction(Parser *p) { return boolop_chain(p, conjunction(p), BOOL_OR, "or", conjunction); }

static Node *lambdef(Parser *p) {
    Token *t = advance(p);   /* 'lambda' */
    Node *l = new_node_at(N_Lambda, t);
    l->v.lambda.args = parse_arguments(p, true, T_COLON);
    expect_op(p, T_COLON, NULL);
    l->v.lambda.body = expression(p);
    finish_node(p, l);
    return l;
}

static Node *expression(Parser *p) {
    enter(p);
    Node *result;
    if (at_kw(p, "lambda")) {
        result = lambdef(p);
    } else {
        Node *body = disjunction(p);
        if (at_kw(p, "if")) {
            p->pos++;
            Node *test = disjunction(p);
            if (!accept_kw(p, "else")) fail_span(p, body, test, "expected 'else' after 'if' expression");
            Node *e = ast_new(N_IfExp, body->line, body->col);
            e->v.ifexp.test = test;
            e->v.ifexp.body = body;
            e->v.ifexp.orelse = expression(p);
            finish_node(p, e);
            result = e;
        } else {
            result = body;
        }
    }
    leave(p);
    return result;
}

static Node *named_expression(Parser *p) {
    Token *t = peek(p);
    if (t->type == TOK_NAME && tok_is_op(peek2(p), T_COLONEQUAL)) {
        if (lexer_is_keyword(t->start, t->len)) FAIL_TOK_RANGE(p, t, "cannot use assignment expressions with %.*s", t->len, t->start);
        p->pos += 2;
        Node *n = new_node_at(N_NamedExpr, t);
        Node *target = new_node_at(N_Name, t);
        target->v.name.id = tok_text(t);
        target->v.name.ctx = CTX_STORE;
        n->v.namedexpr.target = target;
        n->v.namedexpr.value = expression(p);
        finish_node(p, n);
        return n;
    }
    Node *e = expression(p);
    if (at_op(p, T_COLONEQUAL))
        FAIL_NODE(p, e, "cannot use assignment expressions with %s", ast_expr_description(e));
    return e;
}

/* star_named_expression: '*' bitwise_or | named_expression */
static Node *star_named_expression(Parser *p) {
    return starred_or(p, bitwise_or, named_expression);
}

/* star_expression: '*' bitwise_or | expression */
static Node *star_expression(Parser *p) { return starred_or(p, bitwise_or, expression); }

static bool at_expression_end(Parser *p) {
    Token *t = peek(p);
    if (t->type == TOK_NEWLINE || t->type == TOK_ENDMARKER) return true;
    if (t->type == TOK_OP) {
        switch (t->op) {
        case T_RPAR: case T_RSQB: case T_RBRACE: case T_EQUAL: case T_SEMI: case T_COLON:
        case T_PLUSEQUAL: case T_MINEQUAL: case T_STAREQUAL: case T_SLASHEQUAL:
        case T_PERCENTEQUAL: case T_AMPEREQUAL: case T_VBAREQUAL: case T_CIRCUMFLEXEQUAL:
        case T_LEFTSHIFTEQUAL: case T_RIGHTSHIFTEQUAL: case T_DOUBLESTAREQUAL:
        case T_DOUBLESLASHEQUAL: case T_ATEQUAL:
            return true;
        default: return false;
        }
    }
    return tok_is_kw(t, "in") || tok_is_kw(t, "for") || tok_is_kw(t, "if") || tok_is_kw(t, "else");
}

/* star_expressions: a tuple when there is a comma */
static Node *star_expressions(Parser *p) {
    Node *first = star_expression(p);
    if (!at_op(p, T_COMMA)) return first;
    return tuple_after(p, first, star_expression, at_expression_end);
}

/* Targets for `for`, comprehensions and `with ... as`: star_targets,
 * parsed below the comparison level so that `in` ends them. */
static Node *star_target(Parser *p) { return starred_or(p, star_target, bitwise_or); }

static bool at_star_targets_end(Parser *p) {
    return at_kw(p, "in") || at_op(p, T_EQUAL) || at_op(p, T_COLON) || at_op(p, T_RPAR);
}

static Node *star_targets_list(Parser *p) {
    Node *first = star_target(p);
    if (!at_op(p, T_COMMA)) return first;
    return tuple_after(p, first, star_target, at_star_targets_end);
}

static Node *yield_expr(Parser *p) {
    Token *t = advance(p);   /* 'yield' */
    if (accept_kw(p, "from")) {
        Node *y = new_node_at(N_YieldFrom, t);
        y->v.expr.value = expression(p);
        finish_node(p, y);
        return y;
    }
    Node *y = new_node_at(N_Yield, t);
    if (!at_expression_end(p)) y->v.expr.value = star_expressions(p);
    finish_node(p, y);
    return y;
}

static Node *yield_or_star_expressions(Parser *p) {
    if (at_kw(p, "yield")) return yield_expr(p);
    return star_expressions(p);
}

/* ---- function parameters --------------------------------------------------------- */

static bool names_equal_arg(Node *a, const char *name) { return a && strcmp(a->v.arg.arg, name) == 0; }

static void check_duplicate_arg(Parser *p, Node *args, Node *arg) {
    const char *name = arg->v.arg.arg;
    NodeList *lists[] = { &args->v.arguments.posonlyargs, &args->v.arguments.args,
                          &args->v.arguments.kwonlyargs };
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < lists[l]->n; i++)
            if (names_equal_arg(lists[l]->items[i], name))
                FAIL_NODE(p, arg, "duplicate argument '%s' in function definition", name);
    if (names_equal_arg(args->v.arguments.vararg, name) || names_equal_arg(args->v.arguments.kwarg, name))
        FAIL_NODE(p, arg, "duplicate argument '%s' in function definition", name);
}

static Node *param(Parser *p, bool is_lambda) {
    Token *t = peek(p);
    Node *a = new_node_at(N_arg, t);
    a->v.arg.arg = expect_name(p);
    if (!is_lambda && accept_op(p, T_COLON)) a->v.arg.annotation = expression(p);
    return a;
}

static Node *parse_arguments(Parser *p, bool is_lambda, OpToken closer) {
    Node *args = new_node_at(N_arguments, peek(p));
    bool seen_star = false, seen_default = false, seen_slash = false;
    Token *star_tok = NULL;
    while (!at_op(p, closer)) {
        Token *t = peek(p);
        if (args->v.arguments.kwarg) FAIL_TOK(p, t, "arguments cannot follow var-keyword argument");
        if (accept_op(p, T_SLASH)) {
            if (seen_slash) FAIL_TOK(p, t, "/ may appear only once");
            if (seen_star) FAIL_TOK(p, t, "/ must be ahead of *");
            if (args->v.arguments.args.n == 0) FAIL_TOK(p, t, "at least one argument must precede /");
            args->v.arguments.posonlyargs = args->v.arguments.args;
            memset(&args->v.arguments.args, 0, sizeof(NodeList));
            seen_slash = true;
        } else if (accept_op(p, T_STAR)) {
            if (seen_star) FAIL_TOK(p, t, "* argument may appear only once");
            seen_star = true;
            star_tok = t;
            if (at_name(p)) {
                Node *a = param(p, is_lambda);
                check_duplicate_arg(p, args, a);
                args->v.arguments.vararg = a;
            } else if (!at_op(p, T_COMMA)) {
                FAIL_TOK(p, t, "named arguments must follow bare *");
            }
        } else if (accept_op(p, T_DOUBLESTAR)) {
            Node *a = param(p, is_lambda);
            check_duplicate_arg(p, args, a);
            args->v.arguments.kwarg = a;
        } else {
            Node *a = param(p, is_lambda);
            check_duplicate_arg(p, args, a);
            Node *def = NULL;
            if (accept_op(p, T_EQUAL)) def = expression(p);
            if (seen_star) {
                nodelist_push(&args->v.arguments.kwonlyargs, a);
                nodelist_push(&args->v.arguments.kw_defaults, def);
            } else {
                if (def) {
                    seen_default = true;
                    nodelist_push(&args->v.arguments.defaults, def);
                } else if (seen_default) {
                    FAIL_NODE(p, a, "non-default argument follows default argument");
                }
                nodelist_push(&args->v.arguments.args, a);
            }
        }
        if (!accept_op(p, T_COMMA)) break;
    }
    if (seen_star && !args->v.arguments.vararg && args->v.arguments.kwonlyargs.n == 0)
        FAIL_TOK(p, star_tok, "named arguments must follow bare *");
    return args;
}

/* ---- statements ------------------------------------------------------------------ */

/* A block header is the last thing in the input. CPython points at the
 * end of the input's last line: in a REPL entry that is the header line
 * (the entry's closing blank line is not part of it); in a source file the
 * last physical line, with offset 0 (no caret) when the source was read
 * from a file (our cue: a file name not of the form "<...>"), else just
 * past the line's end, as compile() reports it. */
static _Noreturn void fail_missing_block_at_eof(Parser *p, Token *newline, Token *endmarker,
                                                const char *what, int header_line) {
    int line, col1;
    if (p->mode == PARSE_SINGLE) {
        line = newline->line;
        col1 = newline->col + 1;
    } else {
        line = endmarker->line > 1 ? endmarker->line - 1 : 1;
        const char *text = lexer_line_text(&p->lx, line - p->lx.line_offset);
        bool from_file = p->filename && p->filename[0] != '<';
        col1 = from_file ? 0 : (int)strlen(text) + 1;
    }
    fail_at(p, true, line, col1, "expected an indented block after %s on line %d", what,
            header_line);
}

static void block(Parser *p, NodeList *body, const char *what, int line) {
    if (!at_op(p, T_COLON)) {
        Token *t = peek(p);
        if (t->type == TOK_NEWLINE || t->type == TOK_ENDMARKER) {
            Token *pt = prev_tok(p);
            fail_at(p, false, pt->end_line, pt->end_col + 1, "expected ':'");
        }
        FAIL_TOK(p, t, "expected ':'");
    }
    p->pos++;
    Token *t = peek(p);
    if (t->type == TOK_NEWLINE) {
        p->pos++;
        Token *ind = peek(p);
        if (ind->type != TOK_INDENT) {
            /* At end of input the lexer closes enclosing blocks with DEDENTs
             * before ENDMARKER: a nested block the REPL must wait for. */
            int k = p->pos;
            while (tok_at(p, k)->type == TOK_DEDENT) k++;
            if (tok_at(p, k)->type == TOK_ENDMARKER) {
                p->err->needs_more_input = true;
                fail_missing_block_at_eof(p, t, tok_at(p, k), what, line);
            }
            fail_at(p, true, ind->line, ind->col + 1,
                    "expected an indented block after %s on line %d", what, line);
        }
        p->pos++;
        enter(p);
        while (peek(p)->type != TOK_DEDENT && peek(p)->type != TOK_ENDMARKER) statement(p, body);
        leave(p);
        if (peek(p)->type == TOK_DEDENT) p->pos++;
        return;
    }
    /* simple statements on the same line */
    statement(p, body);
}

static void simple_stmts(Parser *p, NodeList *out);

/* `if x = 1:` — CPython's hint, underlining `x = 1`. */
static void check_assignment_in_test(Parser *p, Node *test) {
    if (!at_op(p, T_EQUAL)) return;
    p->pos++;
    Node *value = bitwise_or(p);
    fail_span(p, test, value, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
}

static Node *if_stmt(Parser *p, Token *kw, const char *what) {
    Node *n = new_node_at(N_If, kw);
    n->v.ifstmt.test = named_expression(p);
    check_assignment_in_test(p, n->v.ifstmt.test);
    block(p, &n->v.ifstmt.body, what, kw->line);
    Token *t = peek(p);
    if (tok_is_kw(t, "elif")) {
        p->pos++;
        nodelist_push(&n->v.ifstmt.orelse, if_stmt(p, t, "'elif' statement"));
    } else if (tok_is_kw(t, "else")) {
        p->pos++;
        block(p, &n->v.ifstmt.orelse, "'else' statement", t->line);
    }
    finish_node(p, n);
    return n;
}

static Node *while_stmt(Parser *p, Token *kw) {
    Node *n = new_node_at(N_While, kw);
    n->v.whileloop.test = named_expression(p);
    check_assignment_in_test(p, n->v.whileloop.test);
    block(p, &n->v.whileloop.body, "'while' statement", kw->line);
    Token *t = peek(p);
    if (tok_is_kw(t, "else")) {
        p->pos++;
        block(p, &n->v.whileloop.orelse, "'else' statement", t->line);
    }
    return n;
}

static Node *for_stmt(Parser *p, Token *kw, bool is_async) {
    Node *n = new_node_at(N_For, kw);
    n->v.forloop.is_async = is_async;
    Node *target = star_targets_list(p);
    set_context(p, target, CTX_STORE, TARGET_FOR, true);
    n->v.forloop.target = target;
    if (!accept_kw(p, "in")) fail_invalid_syntax(p);
    n->v.forloop.iter = star_expressions(p);
    block(p, &n->v.forloop.body, "'for' statement", kw->line);
    Token *t = peek(p);
    if (tok_is_kw(t, "else")) {
        p->pos++;
        block(p, &n->v.forloop.orelse, "'else' statement", t->line);
    }
    return n;
}

static Node *with_item(Parser *p) {
    Node *item = new_node_at(N_withitem, peek(p));
    item->v.withitem.context_expr = expression(p);
    if (accept_kw(p, "as")) {
        Node *target = star_target(p);
        set_context(p, target, CTX_STORE, TARGET_WITH, true);
        item->v.withitem.optional_vars = target;
    }
    return item;
}

static Node *with_stmt(Parser *p, Token *kw, bool is_async) {
    Node *n = new_node_at(N_With, kw);
    n->v.with.is_async = is_async;
    /* `with (a as b, c as d):` — parenthesized items (3.9+). Decide by
     * scanning for `as` at depth 1 before the matching ')' and a ':' after. */
    bool parenthesized = false;
    if (at_op(p, T_LPAR)) {
        int depth = 0, i = p->pos;
        for (;; i++) {
            Token *t = tok_at(p, i);
            if (t->type == TOK_ENDMARKER || t->type == TOK_NEWLINE) break;
            if (t->type == TOK_OP && (t->op == T_LPAR || t->op == T_LSQB || t->op == T_LBRACE)) depth++;
            else if (t->type == TOK_OP && (t->op == T_RPAR || t->op == T_RSQB || t->op == T_RBRACE)) {
                if (--depth == 0) {
                    parenthesized = tok_is_op(tok_at(p, i + 1), T_COLON);
                    break;
                }
            }
        }
        if (parenthesized) {
            /* `with (a, b):` with no `as` is a tuple expression in CPython
             * too only when it is not followed by ':'; treat as items. */
            p->pos++;
            while (!at_op(p, T_RPAR)) {
                nodelist_push(&n->v.with.items, with_item(p));
                if (!accept_op(p, T_COMMA)) break;
            }
            expect_op(p, T_RPAR, NULL);
        }
    }
    if (!parenthesized) {
        do nodelist_push(&n->v.with.items, with_item(p));
        while (accept_op(p, T_COMMA));
    }
    block(p, &n->v.with.body, "'with' statement", kw->line);
    return n;
}

static Node *try_stmt(Parser *p, Token *kw) {
    Node *n = new_node_at(N_Try, kw);
    block(p, &n->v.trystmt.body, "'try' statement", kw->line);
    int bare_index = -1;      /* token index of a bare `except` */
    while (at_kw(p, "except")) {
        Token *t = advance(p);
        if (bare_index >= 0) {
            /* CPython underlines the bare `except:` itself */
            set_error_end_tok(p, tok_at(p, bare_index + 1));
            FAIL_TOK(p, tok_at(p, bare_index), "default 'except:' must be last");
        }
        if (at_op(p, T_STAR)) FAIL_TOK(p, peek(p), "except* is not supported");
        Node *h = new_node_at(N_ExceptHandler, t);
        if (!at_op(p, T_COLON)) {
            Node *type = expression(p);
            if (at_op(p, T_COMMA)) {
                Node *tup = ast_new(N_Tuple, type->line, type->col);
                nodelist_push(&tup->v.seq.elts, type);
                while (accept_op(p, T_COMMA)) {
                    if (at_op(p, T_COLON) || at_kw(p, "as")) break;
                    nodelist_push(&tup->v.seq.elts, expression(p));
                }
                if (at_kw(p, "as"))
                    FAIL_NODE(p, tup, "multiple exception types must be parenthesized");
                type = tup;
            }
            h->v.handler.type = type;
            if (accept_kw(p, "as")) h->v.handler.name = expect_name(p);
        } else {
            bare_index = p->pos - 1;
        }
        block(p, &h->v.handler.body, "'except' statement", t->line);
        nodelist_push(&n->v.trystmt.handlers, h);
    }
    Token *t = peek(p);
    if (tok_is_kw(t, "else")) {
        if (n->v.trystmt.handlers.n == 0) fail_invalid_syntax(p);
        p->pos++;
        block(p, &n->v.trystmt.orelse, "'else' statement", t->line);
    }
    t = peek(p);
    if (tok_is_kw(t, "finally")) {
        p->pos++;
        block(p, &n->v.trystmt.finalbody, "'finally' statement", t->line);
    }
    if (n->v.trystmt.handlers.n == 0 && n->v.trystmt.finalbody.n == 0) {
        Token *e = peek(p);
        FAIL_TOK(p, e, "expected 'except' or 'finally' block");
    }
    return n;
}

static Node *funcdef(Parser *p, Token *kw, bool is_async, NodeList *decorators) {
    Node *n = new_node_at(N_FunctionDef, kw);
    n->v.funcdef.is_async = is_async;
    n->v.funcdef.name = expect_name(p);
    if (decorators) n->v.funcdef.decorators = *decorators;
    expect_op(p, T_LPAR, "(");
    n->v.funcdef.args = parse_arguments(p, false, T_RPAR);
    expect_op(p, T_RPAR, NULL);
    if (accept_op(p, T_RARROW)) n->v.funcdef.returns = expression(p);
    block(p, &n->v.funcdef.body, "function definition", kw->line);
    return n;
}

static Node *classdef(Parser *p, Token *kw, NodeList *decorators) {
    Node *n = new_node_at(N_ClassDef, kw);
    n->v.classdef.name = expect_name(p);
    if (decorators) n->v.classdef.decorators = *decorators;
    if (accept_op(p, T_LPAR)) {
        Node *call = new_node_at(N_Call, kw);
        call_arguments(p, call);
        n->v.classdef.bases = call->v.call.args;
        n->v.classdef.keywords = call->v.call.keywords;
    }
    block(p, &n->v.classdef.body, "class definition", kw->line);
    return n;
}

static const char *dotted_name(Parser *p) {
    StrBuf b = { 0 };
    const char *first = expect_name(p);
    sbuf_add(&b, first, strlen(first));
    while (accept_op(p, T_DOT)) {
        const char *part = expect_name(p);
        sbuf_char(&b, '.');
        sbuf_add(&b, part, strlen(part));
    }
    return b.data;
}

static Node *import_stmt(Parser *p, Token *kw) {
    Node *n = new_node_at(N_Import, kw);
    do {
        Node *a = new_node_at(N_alias, peek(p));
        a->v.alias.name = dotted_name(p);
        if (accept_kw(p, "as")) a->v.alias.asname = expect_name(p);
        nodelist_push(&n->v.import.names, a);
    } while (accept_op(p, T_COMMA));
    return n;
}

static Node *from_stmt(Parser *p, Token *kw) {
    Node *n = new_node_at(N_ImportFrom, kw);
    int level = 0;
    for (;;) {
        if (accept_op(p, T_DOT)) level++;
        else if (accept_op(p, T_ELLIPSIS)) level += 3;
        else break;
    }
    if (!at_kw(p, "import")) n->v.importfrom.module = dotted_name(p);
    else if (level == 0) fail_invalid_syntax(p);
    n->v.importfrom.level = level;
    if (!accept_kw(p, "import")) fail_invalid_syntax(p);
    Token *t = peek(p);
    if (tok_is_op(t, T_STAR)) {
        p->pos++;
        Node *a = new_node_at(N_alias, t);
        a->v.alias.name = "*";
        nodelist_push(&n->v.importfrom.names, a);
        return n;
    }
    bool paren = accept_op(p, T_LPAR);
    do {
        if (paren && at_op(p, T_RPAR)) break;
        Node *a = new_node_at(N_alias, peek(p));
        a->v.alias.name = expect_name(p);
        if (accept_kw(p, "as")) a->v.alias.asname = expect_name(p);
        nodelist_push(&n->v.importfrom.names, a);
    } while (accept_op(p, T_COMMA));
    if (paren) expect_op(p, T_RPAR, NULL);
    else if (n->v.importfrom.names.n && at_op(p, T_COMMA)) fail_invalid_syntax(p);
    if (n->v.importfrom.names.n == 0) fail_invalid_syntax(p);
    return n;
}

static Node *global_stmt(Parser *p, Token *kw, NodeKind kind) {
    Node *n = new_node_at(kind, kw);
    int cap = 4;
    n->v.global.names = scratch_alloc(cap * sizeof(char *));
    do {
        if (n->v.global.n == cap) {
            cap *= 2;
            n->v.global.names = scratch_realloc(n->v.global.names, cap * sizeof(char *));
        }
        n->v.global.names[n->v.global.n++] = expect_name(p);
    } while (accept_op(p, T_COMMA));
    return n;
}

static int augassign_op(Token *t) {
    if (t->type != TOK_OP) return -1;
    switch (t->op) {
    case T_PLUSEQUAL: return BINOP_ADD;
    case T_MINEQUAL: return BINOP_SUB;
    case T_STAREQUAL: return BINOP_MUL;
    case T_ATEQUAL: return BINOP_MATMUL;
    case T_SLASHEQUAL: return BINOP_TRUEDIV;
    case T_DOUBLESLASHEQUAL: return BINOP_FLOORDIV;
    case T_PERCENTEQUAL: return BINOP_MOD;
    case T_DOUBLESTAREQUAL: return BINOP_POW;
    case T_LEFTSHIFTEQUAL: return BINOP_LSHIFT;
    case T_RIGHTSHIFTEQUAL: return BINOP_RSHIFT;
    case T_AMPEREQUAL: return BINOP_AND;
    case T_VBAREQUAL: return BINOP_OR;
    case T_CIRCUMFLEXEQUAL: return BINOP_XOR;
    default: return -1;
    }
}

static Node *expression_statement(Parser *p) {
    Token *start = peek(p);
    Node *first = yield_or_star_expressions(p);
    Token *t = peek(p);
    if (tok_is_op(t, T_COLON)) {
        /* annotated assignment: the annotation is parsed and ignored */
        if (first->kind == N_Tuple && !first->parenthesized)
            FAIL_TOK(p, start, "only single target (not tuple) can be annotated");
        if (first->kind == N_List) FAIL_NODE(p, first, "only single target (not list) can be annotated");
        if (first->kind != N_Name && first->kind != N_Attribute && first->kind != N_Subscript)
            FAIL_NODE(p, first, "illegal target for annotation");
        p->pos++;
        Node *n = new_node_at(N_AnnAssign, start);
        set_context(p, first, CTX_STORE, TARGET_ASSIGN, true);
        n->v.annassign.target = first;
        n->v.annassign.annotation = expression(p);
        n->v.annassign.simple = first->kind == N_Name && !first->parenthesized;
        if (accept_op(p, T_EQUAL)) n->v.annassign.value = yield_or_star_expressions(p);
        return n;
    }
    int aug = augassign_op(t);
    if (aug >= 0) {
        if (first->kind != N_Name && first->kind != N_Attribute && first->kind != N_Subscript)
            FAIL_NODE(p, first, "'%s' is an illegal expression for augmented assignment",
                      ast_expr_description(first));
        p->pos++;
        set_context(p, first, CTX_STORE, TARGET_ASSIGN, true);
        Node *n = new_node_at(N_AugAssign, start);
        n->v.augassign.target = first;
        n->v.augassign.op = aug;
        n->v.augassign.value = yield_or_star_expressions(p);
        return n;
    }
    if (tok_is_op(t, T_EQUAL)) {
        Node *n = new_node_at(N_Assign, start);
        Node *value = first;
        NodeList targets = { 0 };
        while (accept_op(p, T_EQUAL)) {
            nodelist_push(&targets, value);
            value = yield_or_star_expressions(p);
        }
        for (int i = 0; i < targets.n; i++) {
            Node *tg = targets.items[i];
            if (tg->kind == N_Starred) FAIL_NODE(p, tg, "starred assignment target must be in a list or tuple");
            set_context(p, tg, CTX_STORE, targets.n == 1 ? TARGET_ASSIGN : TARGET_FOR, true);
        }
        if (value->kind == N_Starred) FAIL_NODE(p, value, "can't use starred expression here");
        n->v.assign.targets = targets;
        n->v.assign.value = value;
        return n;
    }
    if (first->kind == N_Starred) FAIL_NODE(p, first, "can't use starred expression here");
    /* `print "x"`: CPython's friendlier message */
    if (first->kind == N_Name && (t->type == TOK_STRING || t->type == TOK_NAME || t->type == TOK_NUMBER) &&
        (strcmp(first->v.name.id, "print") == 0 || strcmp(first->v.name.id, "exec") == 0)) {
        /* underlined through the end of what follows the name */
        Node *rest = star_expressions(p);
        set_error_end(p, rest);
        fail_at(p, false, first->line, first->col + 1,
                "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                first->v.name.id, first->v.name.id);
    }
    Node *n = new_node_at(N_Expr, start);
    n->v.expr.value = first;
    return n;
}

static Node *simple_stmt(Parser *p) {
    Token *t = peek(p);
    Node *n;
    if (t->type == TOK_NAME) {
        if (tok_is_kw(t, "pass")) { p->pos++; return new_node_at(N_Pass, t); }
        if (tok_is_kw(t, "break")) { p->pos++; return new_node_at(N_Break, t); }
        if (tok_is_kw(t, "continue")) { p->pos++; return new_node_at(N_Continue, t); }
        if (tok_is_kw(t, "return")) {
            p->pos++;
            n = new_node_at(N_Return, t);
            if (!at_expression_end(p)) n->v.ret.value = star_expressions(p);
            finish_node(p, n);
            return n;
        }
        if (tok_is_kw(t, "raise")) {
            p->pos++;
            n = new_node_at(N_Raise, t);
            if (!at_expression_end(p)) {
                n->v.raise.exc = expression(p);
                if (accept_kw(p, "from")) n->v.raise.cause = expression(p);
            }
            return n;
        }
        if (tok_is_kw(t, "global")) { p->pos++; return global_stmt(p, t, N_Global); }
        if (tok_is_kw(t, "nonlocal")) { p->pos++; return global_stmt(p, t, N_Nonlocal); }
        if (tok_is_kw(t, "del")) {
            p->pos++;
            n = new_node_at(N_Delete, t);
            do {
                if (at_expression_end(p)) break;
                Node *target = star_target(p);
                set_context(p, target, CTX_DEL, TARGET_DEL, true);
                nodelist_push(&n->v.del.targets, target);
            } while (accept_op(p, T_COMMA));
            if (n->v.del.targets.n == 0) fail_invalid_syntax(p);
            return n;
        }
        if (tok_is_kw(t, "assert")) {
            p->pos++;
            n = new_node_at(N_Assert, t);
            n->v.assert.test = expression(p);
            if (accept_op(p, T_COMMA)) n->v.assert.msg = expression(p);
            return n;
        }
        if (tok_is_kw(t, "import")) { p->pos++; return import_stmt(p, t); }
        if (tok_is_kw(t, "from")) { p->pos++; return from_stmt(p, t); }
    }
    return expression_statement(p);
}

static void simple_stmts(Parser *p, NodeList *out) {
    for (;;) {
        Node *st = simple_stmt(p);
        finish_node(p, st);
        nodelist_push(out, st);
        if (!accept_op(p, T_SEMI)) break;
        if (peek(p)->type == TOK_NEWLINE) break;
    }
    Token *t = peek(p);
    if (t->type == TOK_NEWLINE) { p->pos++; return; }
    if (t->type == TOK_ENDMARKER) return;
    fail_invalid_syntax(p);
}

/* A compound statement ends where its last nested statement ends. */
static void finish_compound(Node *n) {
    NodeList *tail = NULL;
    switch (n->kind) {
    case N_FunctionDef: tail = &n->v.funcdef.body; break;
    case N_ClassDef: tail = &n->v.classdef.body; break;
    case N_For: tail = n->v.forloop.orelse.n ? &n->v.forloop.orelse : &n->v.forloop.body; break;
    case N_While: tail = n->v.whileloop.orelse.n ? &n->v.whileloop.orelse : &n->v.whileloop.body; break;
    case N_If: tail = n->v.ifstmt.orelse.n ? &n->v.ifstmt.orelse : &n->v.ifstmt.body; break;
    case N_With: tail = &n->v.with.body; break;
    case N_Try:
        tail = n->v.trystmt.finalbody.n ? &n->v.trystmt.finalbody
             : n->v.trystmt.orelse.n ? &n->v.trystmt.orelse
             : n->v.trystmt.handlers.n ? &n->v.trystmt.handlers : &n->v.trystmt.body;
        break;
    case N_ExceptHandler: tail = &n->v.handler.body; break;
    case N_Match: tail = &n->v.match.cases; break;
    case N_match_case: tail = &n->v.match_case.body; break;
    default: return;
    }
    if (!tail->n) return;
    Node *last = tail->items[tail->n - 1];
    finish_compound(last);
    n->end_line = last->end_line;
    n->end_col = last->end_col;
}

/* ---- the match statement (PEP 634) ---------------------------------------------- */

/* `match` and `case` are soft keywords: `match` starts a match statement
 * only when the logical line, read to its end, looks like a match header:
 * something that can start an expression follows, and the line ends with a
 * ':' outside brackets (`match = {1: 2}` and `match(x).y: int` do not). */
static bool at_match_statement(Parser *p) {
    if (!at_kw(p, "match")) return false;
    Token *next = peek2(p);
    if (next->type == TOK_NEWLINE || next->type == TOK_ENDMARKER) return false;
    if (next->type == TOK_OP) {
        switch (next->op) {
        case T_LPAR: case T_LSQB: case T_LBRACE: case T_MINUS: case T_PLUS: case T_TILDE:
        case T_STAR: case T_ELLIPSIS:
            break;
        default:
            return false;
        }
    } else if (next->type == TOK_NAME && lexer_is_keyword(next->start, next->len) &&
               !tok_is_kw(next, "None") && !tok_is_kw(next, "True") && !tok_is_kw(next, "False") &&
               !tok_is_kw(next, "not") && !tok_is_kw(next, "lambda") && !tok_is_kw(next, "await")) {
        return false;
    }
    int depth = 0;
    Token *last = NULL;
    for (int i = p->pos + 1;; i++) {
        Token *t = tok_at(p, i);
        if (t->type == TOK_ENDMARKER || (t->type == TOK_NEWLINE && depth == 0)) break;
        if (t->type == TOK_OP) {
            if (t->op == T_LPAR || t->op == T_LSQB || t->op == T_LBRACE) depth++;
            else if ((t->op == T_RPAR || t->op == T_RSQB || t->op == T_RBRACE) && depth > 0) depth--;
        }
        last = t;
    }
    return last && tok_is_op(last, T_COLON) && depth == 0;
}

static Node *pattern(Parser *p);
static Node *closed_pattern(Parser *p);

static bool at_soft_name(Parser *p, const char *name) {
    Token *t = peek(p);
    return t->type == TOK_NAME && t->len == (int)strlen(name) && memcmp(t->start, name, t->len) == 0;
}

/* pattern_capture_target: a NAME other than `_` */
static const char *capture_target(Parser *p) {
    Token *t = peek(p);
    if (at_soft_name(p, "_")) FAIL_TOK_RANGE(p, t, "cannot use '_' as a target");
    return expect_name(p);
}

static Node *pattern_node(NodeKind kind, Token *t) { return new_node_at(kind, t); }

/* signed_number, and complex literals `1 + 2j` / `-1 - 2j` */
static Node *number_pattern_value(Parser *p) {
    Token *start = peek(p);
    Node *value;
    if (accept_op(p, T_MINUS)) {
        if (peek(p)->type != TOK_NUMBER) fail_invalid_syntax(p);
        Node *u = new_node_at(N_UnaryOp, start);
        u->v.unaryop.op = UNARY_NEG;
        u->v.unaryop.operand = number(p);
        finish_node(p, u);
        value = u;
    } else {
        value = number(p);
    }
    if (at_op(p, T_PLUS) || at_op(p, T_MINUS)) {
        Node *real = value->kind == N_UnaryOp ? value->v.unaryop.operand : value;
        if (real->v.constant.value.imaginary)
            FAIL_NODE(p, value, "real number required in complex literal");
        int op = at_op(p, T_PLUS) ? BINOP_ADD : BINOP_SUB;
        p->pos++;
        if (peek(p)->type != TOK_NUMBER) fail_invalid_syntax(p);
        Node *imag = number(p);
        if (!imag->v.constant.value.imaginary)
            FAIL_NODE(p, imag, "imaginary number required in complex literal");
        value = make_binop(p, value, op, imag);
    }
    return value;
}

/* name_or_attr: NAME ('.' NAME)* as a Name / Attribute expression */
static Node *name_or_attr(Parser *p) {
    Token *t = peek(p);
    Node *e = new_node_at(N_Name, t);
    e->v.name.id = expect_name(p);
    while (at_op(p, T_DOT)) {
        p->pos++;
        Node *a = ast_new(N_Attribute, e->line, e->col);
        a->v.attribute.value = e;
        a->v.attribute.attr = expect_name(p);
        finish_node(p, a);
        e = a;
    }
    return e;
}

/* `*name`, `*_` or a plain pattern: one item of a sequence pattern.
 * *starred (if given) says which it was. */
static Node *maybe_star_pattern(Parser *p, bool *starred) {
    Token *t = peek(p);
    bool star = accept_op(p, T_STAR);
    if (starred) *starred = star;
    if (!star) return pattern(p);
    Node *item = pattern_node(N_MatchStar, t);
    if (at_soft_name(p, "_")) p->pos++;
    else item->v.match_as.name = capture_target(p);
    finish_node(p, item);
    return item;
}

/* A sequence of patterns up to `closer` (']' or ')'); star patterns allowed. */
static void sequence_items(Parser *p, OpToken closer, Node *seq) {
    while (!at_op(p, closer)) {
        nodelist_push(&seq->v.match_seq.patterns, maybe_star_pattern(p, NULL));
        if (!accept_op(p, T_COMMA)) break;
    }
    expect_op(p, closer, NULL);
}

static Node *mapping_pattern(Parser *p, Token *open) {
    Node *m = pattern_node(N_MatchMapping, open);
    while (!at_op(p, T_RBRACE)) {
        Token *t = peek(p);
        if (accept_op(p, T_DOUBLESTAR)) {
            m->v.match_mapping.rest = capture_target(p);
            accept_op(p, T_COMMA);
            if (!at_op(p, T_RBRACE)) fail_invalid_syntax(p);
            break;
        }
        Node *key;
        if (t->type == TOK_NUMBER || tok_is_op(t, T_MINUS)) key = number_pattern_value(p);
        else if (t->type == TOK_STRING) key = strings(p);
        else if (tok_is_kw(t, "None")) { p->pos++; key = make_const(t, CONST_NONE); }
        else if (tok_is_kw(t, "True")) { p->pos++; key = make_const(t, CONST_TRUE); }
        else if (tok_is_kw(t, "False")) { p->pos++; key = make_const(t, CONST_FALSE); }
        else if (t->type == TOK_NAME && tok_is_op(peek2(p), T_DOT)) key = name_or_attr(p);
        else fail_invalid_syntax(p);
        if (key->kind == N_JoinedStr) FAIL_NODE(p, key, "patterns may only match literals and attribute lookups");
        expect_op(p, T_COLON, NULL);
        nodelist_push(&m->v.match_mapping.keys, key);
        nodelist_push(&m->v.match_mapping.patterns, pattern(p));
        if (!accept_op(p, T_COMMA)) break;
    }
    expect_op(p, T_RBRACE, NULL);
    finish_node(p, m);
    return m;
}

static Node *class_pattern(Parser *p, Node *cls) {
    Node *c = ast_new(N_MatchClass, cls->line, cls->col);
    c->v.match_class.cls = cls;
    int cap = 0;
    while (!at_op(p, T_RPAR)) {
        Token *t = peek(p);
        if (t->type == TOK_NAME && tok_is_op(peek2(p), T_EQUAL)) {
            const char *attr = expect_name(p);
            p->pos++;   /* '=' */
            if (c->v.match_class.nkwd == cap) {
                cap = cap ? cap * 2 : 4;
                const char **grown = scratch_alloc(cap * sizeof(char *));
                if (c->v.match_class.nkwd)
                    memcpy(grown, c->v.match_class.kwd_attrs, c->v.match_class.nkwd * sizeof(char *));
                c->v.match_class.kwd_attrs = grown;
            }
            c->v.match_class.kwd_attrs[c->v.match_class.nkwd++] = attr;
            nodelist_push(&c->v.match_class.kwd_patterns, pattern(p));
        } else {
            Node *pat = pattern(p);
            if (c->v.match_class.nkwd)
                FAIL_NODE(p, pat, "positional patterns follow keyword patterns");
            nodelist_push(&c->v.match_class.patterns, pat);
        }
        if (!accept_op(p, T_COMMA)) break;
    }
    expect_op(p, T_RPAR, NULL);
    finish_node(p, c);
    return c;
}

static Node *closed_pattern(Parser *p) {
    Token *t = peek(p);
    enter(p);
    Node *result;
    if (t->type == TOK_NUMBER || tok_is_op(t, T_MINUS)) {
        result = pattern_node(N_MatchValue, t);
        result->v.match_value.value = number_pattern_value(p);
    } else if (t->type == TOK_STRING) {
        result = pattern_node(N_MatchValue, t);
        Node *s = strings(p);
        if (s->kind == N_JoinedStr) FAIL_NODE(p, s, "patterns may only match literals and attribute lookups");
        result->v.match_value.value = s;
    } else if (tok_is_kw(t, "None") || tok_is_kw(t, "True") || tok_is_kw(t, "False")) {
        p->pos++;
        result = pattern_node(N_MatchSingleton, t);
        result->v.match_value.value =
            make_const(t, tok_is_kw(t, "None") ? CONST_NONE : tok_is_kw(t, "True") ? CONST_TRUE : CONST_FALSE);
    } else if (t->type == TOK_NAME) {
        Node *e = name_or_attr(p);
        if (at_op(p, T_LPAR)) {
            p->pos++;
            result = class_pattern(p, e);
        } else if (e->kind == N_Attribute) {
            result = pattern_node(N_MatchValue, t);
            result->v.match_value.value = e;
        } else {
            result = pattern_node(N_MatchAs, t);
            if (strcmp(e->v.name.id, "_") != 0) result->v.match_as.name = e->v.name.id;
        }
    } else if (tok_is_op(t, T_LSQB)) {
        p->pos++;
        result = pattern_node(N_MatchSequence, t);
        sequence_items(p, T_RSQB, result);
    } else if (tok_is_op(t, T_LPAR)) {
        p->pos++;
        if (accept_op(p, T_RPAR)) {
            result = pattern_node(N_MatchSequence, t);
        } else {
            /* a group `(p)` or a tuple `(p,)` / `(p, q)` / `(*r,)` */
            bool starred;
            Node *first = maybe_star_pattern(p, &starred);
            if (!starred && accept_op(p, T_RPAR)) {
                result = first;
            } else {
                result = pattern_node(N_MatchSequence, t);
                nodelist_push(&result->v.match_seq.patterns, first);
                if (accept_op(p, T_COMMA)) sequence_items(p, T_RPAR, result);
                else expect_op(p, T_RPAR, NULL);
            }
        }
    } else if (tok_is_op(t, T_LBRACE)) {
        p->pos++;
        result = mapping_pattern(p, t);
    } else {
        fail_invalid_syntax(p);
    }
    if (result->kind != N_MatchClass) finish_node(p, result);
    leave(p);
    return result;
}

/* or_pattern ['as' NAME] */
static Node *pattern(Parser *p) {
    Token *t = peek(p);
    Node *first = closed_pattern(p);
    Node *result = first;
    if (at_op(p, T_VBAR)) {
        result = pattern_node(N_MatchOr, t);
        nodelist_push(&result->v.match_seq.patterns, first);
        while (accept_op(p, T_VBAR)) nodelist_push(&result->v.match_seq.patterns, closed_pattern(p));
        finish_node(p, result);
    }
    if (at_kw(p, "as")) {
        p->pos++;
        Token *nt = peek(p);
        if (nt->type != TOK_NAME || lexer_is_keyword(nt->start, nt->len) ||
            tok_is_op(peek2(p), T_DOT) || tok_is_op(peek2(p), T_LPAR) || tok_is_op(peek2(p), T_LSQB))
            FAIL_TOK(p, nt, "invalid pattern target");
        Node *as = pattern_node(N_MatchAs, t);
        as->v.match_as.pattern = result;
        as->v.match_as.name = capture_target(p);
        finish_node(p, as);
        result = as;
    }
    return result;
}

/* patterns: an open sequence `a, *b` (a tuple-like sequence) or one pattern */
static Node *case_patterns(Parser *p) {
    Token *t = peek(p);
    bool starred;
    Node *first = maybe_star_pattern(p, &starred);
    if (!starred && !at_op(p, T_COMMA)) return first;
    Node *seq = pattern_node(N_MatchSequence, t);
    nodelist_push(&seq->v.match_seq.patterns, first);
    while (accept_op(p, T_COMMA)) {
        if (at_op(p, T_COLON) || at_kw(p, "if")) break;
        nodelist_push(&seq->v.match_seq.patterns, maybe_star_pattern(p, NULL));
    }
    finish_node(p, seq);
    return seq;
}

static Node *match_stmt(Parser *p, Token *kw) {
    Node *n = new_node_at(N_Match, kw);
    /* subject_expr: star_named_expression ',' ... | named_expression */
    Node *first = star_named_expression(p);
    if (at_op(p, T_COMMA)) {
        first = tuple_after(p, first, star_named_expression, at_colon);
    } else if (first->kind == N_Starred) {
        FAIL_NODE(p, first, "cannot use starred expression here");
    }
    n->v.match.subject = first;
    expect_op(p, T_COLON, ":");
    Token *nl = peek(p);
    if (nl->type != TOK_NEWLINE) fail_invalid_syntax(p);
    p->pos++;
    Token *ind = peek(p);
    if (ind->type != TOK_INDENT) {
        int k = p->pos;
        while (tok_at(p, k)->type == TOK_DEDENT) k++;
        if (tok_at(p, k)->type == TOK_ENDMARKER) {
            p->err->needs_more_input = true;
            fail_missing_block_at_eof(p, nl, tok_at(p, k), "'match' statement", kw->line);
        }
        fail_at(p, true, ind->line, ind->col + 1,
                "expected an indented block after 'match' statement on line %d", kw->line);
    }
    p->pos++;
    enter(p);
    while (peek(p)->type != TOK_DEDENT && peek(p)->type != TOK_ENDMARKER) {
        Token *ct = peek(p);
        if (!tok_is_kw(ct, "case")) fail_invalid_syntax(p);
        p->pos++;
        Node *c = new_node_at(N_match_case, ct);
        c->v.match_case.pattern = case_patterns(p);
        if (accept_kw(p, "if")) c->v.match_case.guard = named_expression(p);
        block(p, &c->v.match_case.body, "'case' statement", ct->line);
        finish_compound(c);
        nodelist_push(&n->v.match.cases, c);
    }
    leave(p);
    if (peek(p)->type == TOK_DEDENT) p->pos++;
    if (n->v.match.cases.n == 0) fail_invalid_syntax(p);
    return n;
}

static void statement(Parser *p, NodeList *out) {
    int before = out->n;
    compound_or_simple_statement(p, out);
    if (out->n > before) finish_compound(out->items[out->n - 1]);
}

static void compound_or_simple_statement(Parser *p, NodeList *out) {
    Token *t = peek(p);
    if (t->type == TOK_INDENT) fail_at(p, true, t->line, t->col + 1, "unexpected indent");
    if (t->type == TOK_OP && t->op == T_AT) {
        NodeList decorators = { 0 };
        while (accept_op(p, T_AT)) {
            nodelist_push(&decorators, named_expression(p));
            if (peek(p)->type != TOK_NEWLINE) fail_invalid_syntax(p);
            p->pos++;
        }
        Token *k = peek(p);
        if (k->type == TOK_ENDMARKER) p->err->needs_more_input = true;
        if (tok_is_kw(k, "def")) { p->pos++; nodelist_push(out, funcdef(p, k, false, &decorators)); return; }
        if (tok_is_kw(k, "class")) { p->pos++; nodelist_push(out, classdef(p, k, &decorators)); return; }
        if (tok_is_kw(k, "async") && tok_is_kw(peek2(p), "def")) {
            p->pos += 2;
            nodelist_push(out, funcdef(p, k, true, &decorators));
            return;
        }
        fail_invalid_syntax(p);
    }
    if (t->type == TOK_NAME) {
        if (tok_is_kw(t, "if")) { p->pos++; nodelist_push(out, if_stmt(p, t, "'if' statement")); return; }
        if (tok_is_kw(t, "while")) { p->pos++; nodelist_push(out, while_stmt(p, t)); return; }
        if (tok_is_kw(t, "for")) { p->pos++; nodelist_push(out, for_stmt(p, t, false)); return; }
        if (tok_is_kw(t, "try")) { p->pos++; nodelist_push(out, try_stmt(p, t)); return; }
        if (tok_is_kw(t, "with")) { p->pos++; nodelist_push(out, with_stmt(p, t, false)); return; }
        if (tok_is_kw(t, "def")) { p->pos++; nodelist_push(out, funcdef(p, t, false, NULL)); return; }
        if (tok_is_kw(t, "class")) { p->pos++; nodelist_push(out, classdef(p, t, NULL)); return; }
        if (at_match_statement(p)) { p->pos++; nodelist_push(out, match_stmt(p, t)); return; }
        if (tok_is_kw(t, "async")) {
            Token *n = peek2(p);
            if (tok_is_kw(n, "def")) { p->pos += 2; nodelist_push(out, funcdef(p, t, true, NULL)); return; }
            if (tok_is_kw(n, "for")) { p->pos += 2; nodelist_push(out, for_stmt(p, t, true)); return; }
            if (tok_is_kw(n, "with")) { p->pos += 2; nodelist_push(out, with_stmt(p, t, true)); return; }
            fail_invalid_syntax(p);
        }
        if (tok_is_kw(t, "else") || tok_is_kw(t, "elif") || tok_is_kw(t, "except") ||
            tok_is_kw(t, "finally"))
            fail_invalid_syntax(p);
    }
    simple_stmts(p, out);
}

/* ---- entry points ------------------------------------------------------------------ */

Node *parser_parse(const char *src, size_t len, const char *filename, ParseMode mode,
                   SyntaxErrorInfo *err) {
    memset(err, 0, sizeof *err);
    Parser *p = scratch_alloc(sizeof *p);
    lexer_init(&p->lx, src, len, filename);
    p->mode = mode;
    p->filename = filename;
    p->err = err;
    if (setjmp(p->on_error)) return NULL;
    if (mode == PARSE_EVAL) {
        /* eval() ignores leading spaces and tabs */
        while (p->lx.cur < p->lx.end && (*p->lx.cur == ' ' || *p->lx.cur == '\t')) p->lx.cur++;
        Node *m = ast_new(N_Expression, 1, 0);
        if (peek(p)->type == TOK_ENDMARKER) fail_invalid_syntax(p);
        m->v.expression.body = star_expressions(p);
        while (peek(p)->type == TOK_NEWLINE) p->pos++;
        if (peek(p)->type != TOK_ENDMARKER) fail_invalid_syntax(p);
        return m;
    }
    Node *m = ast_new(mode == PARSE_SINGLE ? N_Interactive : N_Module, 1, 0);
    while (peek(p)->type != TOK_ENDMARKER) {
        if (peek(p)->type == TOK_NEWLINE) { p->pos++; continue; }
        statement(p, &m->v.module.body);
    }
    return m;
}

void *syntax_error_raise(const SyntaxErrorInfo *e, const char *filename) {
    if (e->is_recursion) {
        err_set(Exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return NULL;
    }
    bool ranged = e->end_line > 0;
    TypeObject *type = e->is_tab ? Exc_TabError
                     : e->is_indentation ? Exc_IndentationError : Exc_SyntaxError;
    err_syntax_range(type, filename,
                     e->line, e->col, ranged ? e->end_line : e->line,
                     ranged ? e->end_col : e->col, e->text, e->msg);
    return NULL;
}
