/* compile.c — the compiler's entry points (compile.h): source text in,
 * code object out, via lexer.c -> parser.c -> symtable.c -> codegen.c.
 *
 * Boehm GC: compile_init runs GC_INIT once from the main thread (which stays
 * registered); any other thread registers itself only for the duration of
 * one compile_* call, so Boehm never stops threads that are running
 * bytecode. The source is checked first for NUL bytes and invalid UTF-8,
 * which CPython reports before tokenizing.
 */
#include <stdio.h>
#include <string.h>
#include "scratch.h"
#include "compile.h"
#include "lexer.h"
#include "parser.h"
#include "symtable.h"
#include "codegen.h"
#include "gilt.h"

void compile_init(void) {
    GC_INIT();
    GC_allow_register_threads();
}

/* Registers the calling thread with Boehm if it is not; returns whether it
 * did (so the caller unregisters it afterwards). */
static bool gc_thread_enter(void) {
    if (GC_thread_is_registered()) return false;
    struct GC_stack_base sb;
    if (GC_get_stack_base(&sb) != GC_SUCCESS) return false;
    GC_register_my_thread(&sb);
    return true;
}

static void gc_thread_leave(bool registered) {
    if (registered) GC_unregister_my_thread();
}

typedef struct SourceText {
    const char *src;
    size_t len;
} SourceText;

static const char *source_line_text(void *ctx, int line) {
    SourceText *st = ctx;
    const char *p = st->src, *end = st->src + st->len;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n') l++;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r') q++;
    return scratch_strndup(p, q - p);
}

/* NUL bytes and invalid UTF-8 are errors before any token is read. */
static bool check_encoding(const char *src, size_t len, SyntaxErrorInfo *err) {
    int line = 1;
    const unsigned char *s = (const unsigned char *)src;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c == 0) {
            memset(err, 0, sizeof *err);
            err->failed = true;
            err->line = line;
            err->col = 0;
            snprintf(err->msg, sizeof err->msg, "source code cannot contain null bytes");
            return false;
        }
        if (c == '\n') line++;
        if (c < 0x80) { i++; continue; }
        int n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool ok = n > 0 && i + n <= len && !(n == 2 && c < 0xC2);
        for (int k = 1; ok && k < n; k++) ok = (s[i + k] & 0xC0) == 0x80;
        if (ok && n == 3) {
            unsigned cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) ok = false;
        }
        if (ok && n == 4) {
            unsigned cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
            if (cp < 0x10000 || cp > 0x10FFFF) ok = false;
        }
        if (!ok) {
            memset(err, 0, sizeof *err);
            err->failed = true;
            err->line = line;
            err->col = 0;
            snprintf(err->msg, sizeof err->msg,
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                     c, i, n == 0 ? "invalid start byte" : "invalid continuation byte");
            return false;
        }
        i += n;
    }
    return true;
}

static ParseMode parse_mode_for(CompileMode mode) {
    switch (mode) {
    case COMPILE_EVAL: return PARSE_EVAL;
    case COMPILE_SINGLE: return PARSE_SINGLE;
    default: return PARSE_FILE;
    }
}

Object *compile_source(const char *src, size_t len, const char *filename, CompileMode mode) {
    bool registered = gc_thread_enter();
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Object *code = NULL;
    SourceText text = { src, len };
    if (!check_encoding(src, len, &err)) {
        syntax_error_raise(&err, filename);
        goto done;
    }
    Node *tree = parser_parse(src, len, filename, parse_mode_for(mode), &err);
    if (!tree) {
        syntax_error_raise(&err, filename);
        goto done;
    }
    Scope *top = symtable_build(tree, &err, source_line_text, &text);
    if (!top) {
        syntax_error_raise(&err, filename);
        goto done;
    }
    code = codegen_module(tree, top, filename, mode, &err, source_line_text, &text);
    if (!code && err.failed) syntax_error_raise(&err, filename);
done:
    gc_thread_leave(registered);
    return code;
}

/* Is the last line of src blank? The REPL passes every line with its
 * newline ("if x:\n    y\n"), so one final newline is not a line of its
 * own: the entry ends with a blank line only once "\n\n" (plus spaces). */
static bool ends_with_blank_line(const char *src, size_t len) {
    if (len && src[len - 1] == '\n') len--;
    if (len && src[len - 1] == '\r') len--;
    const char *nl = NULL;
    for (size_t i = len; i > 0; i--)
        if (src[i - 1] == '\n') { nl = src + i - 1; break; }
    if (!nl) return false;
    for (const char *p = nl + 1; p < src + len; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\f') return false;
    return true;
}

static bool is_compound(Node *st) {
    switch (st->kind) {
    case N_FunctionDef: case N_ClassDef: case N_For: case N_While: case N_If:
    case N_With: case N_Try: case N_Match:
        return true;
    default:
        return false;
    }
}

int compile_is_incomplete(const char *src, size_t len) {
    bool registered = gc_thread_enter();
    int result = 0;
    SyntaxErrorInfo err;
    if (!check_encoding(src, len, &err)) goto done;
    Node *tree = parser_parse(src, len, "<stdin>", PARSE_SINGLE, &err);
    bool blank_end = ends_with_blank_line(src, len);
    if (!tree) {
        if (err.open_construct) result = 1;
        else if (err.needs_more_input) result = !blank_end;
        goto done;
    }
    NodeList *body = &tree->v.module.body;
    if (body->n && is_compound(body->items[body->n - 1]) && !blank_end) {
        /* a one-line compound statement (`if x: y`) also waits for a blank line */
        result = 1;
    }
done:
    gc_thread_leave(registered);
    return result;
}

static void print_token_text(FILE *out, const Token *t) {
    fputc('\'', out);
    for (int i = 0; i < t->len; i++) {
        unsigned char c = (unsigned char)t->start[i];
        if (c == '\\' || c == '\'') fprintf(out, "\\%c", c);
        else if (c == '\n') fputs("\\n", out);
        else if (c == '\r') fputs("\\r", out);
        else if (c == '\t') fputs("\\t", out);
        else if (c < 0x20) fprintf(out, "\\x%02x", c);
        else fputc(c, out);
    }
    fputc('\'', out);
}

static int dump_tokens(const char *src, size_t len, const char *filename, FILE *out) {
    Lexer *lx = scratch_alloc(sizeof *lx);
    lexer_init(lx, src, len, filename);
    for (;;) {
        Token t = lexer_next(lx);
        if (t.type == TOK_ERROR) {
            SyntaxErrorInfo err;
            memset(&err, 0, sizeof err);
            err.failed = true;
            err.is_indentation = lx->err_indentation;
            err.line = lx->err_line;
            err.col = lx->err_col;
            err.text = lexer_line_text(lx, lx->err_line);
            snprintf(err.msg, sizeof err.msg, "%s", lx->err_msg);
            syntax_error_raise(&err, filename);
            return -1;
        }
        fprintf(out, "%d:%d %s", t.line, t.col, token_type_name(t.type));
        if (t.type == TOK_NAME || t.type == TOK_NUMBER || t.type == TOK_STRING || t.type == TOK_OP) {
            fputc(' ', out);
            print_token_text(out, &t);
        }
        fputc('\n', out);
        if (t.type == TOK_ENDMARKER) return 0;
    }
}

static int dump_ast(const char *src, size_t len, const char *filename, FILE *out) {
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Node *tree = parser_parse(src, len, filename, PARSE_FILE, &err);
    if (!tree) {
        syntax_error_raise(&err, filename);
        return -1;
    }
    if (ast_dump(tree, out) < 0) {
        err_set(Exc_RecursionError, "maximum recursion depth exceeded while dumping the AST");
        return -1;
    }
    return 0;
}

/* What --tokens and --ast share: register with the collector for the
 * scratch memory, and reject badly encoded source as compiling would. */
static int run_dump(int (*dump)(const char *, size_t, const char *, FILE *),
                    const char *src, size_t len, const char *filename, FILE *out) {
    bool registered = gc_thread_enter();
    int result = -1;
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    if (check_encoding(src, len, &err)) result = dump(src, len, filename, out);
    else syntax_error_raise(&err, filename);
    gc_thread_leave(registered);
    return result;
}

int compile_dump_tokens(const char *src, size_t len, const char *filename, FILE *out) {
    return run_dump(dump_tokens, src, len, filename, out);
}

int compile_dump_ast(const char *src, size_t len, const char *filename, FILE *out) {
    return run_dump(dump_ast, src, len, filename, out);
}
