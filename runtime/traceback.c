/* traceback.c — traceback objects and their printing.
 *
 * A traceback is a chain of entries, outermost call first: exc.__traceback__
 * is the entry of the outermost frame the exception passed through and
 * tb_next leads inward to where it was raised. The VM records entries while
 * unwinding, innermost first, so exc_add_traceback puts each new entry in
 * front of the chain.
 *
 * Printing follows CPython 3.11: '  File "f", line N, in name', then the
 * source line stripped of indentation (read from the file; left out when
 * the file cannot be read, as for "<string>" or "<stdin>"). The column
 * markers (^^^ / ~~^~~) 3.11 adds under some source lines are deliberately
 * not printed. More than three identical consecutive entries are collapsed
 * into "[Previous line repeated N more times]", as CPython does for deep
 * recursion. tb_frame is always None: frames are not kept alive by
 * tracebacks.
 */
#include <string.h>
#include "gilt.h"
#include "exceptions.h"

#define TB(o) ((TracebackObject *)(o))

Object *traceback_new(Object *next, Object *code, int lineno, int col) {
    TracebackObject *tb = (TracebackObject *)obj_alloc(&TracebackType, sizeof(TracebackObject));
    if (!tb) return NULL;
    tb->next = XNEWREF(next);
    tb->code = XNEWREF(code);
    tb->lineno = lineno;
    tb->col = col;
    return (Object *)tb;
}

void exc_add_traceback(Object *exc, Object *code, int lineno, int col) {
    if (!exc || !EXC_CHECK(exc)) return;
    ExceptionObject *e = (ExceptionObject *)exc;
    Object *tb = traceback_new(e->traceback, code, lineno, col);
    if (!tb) {             /* out of memory: keep the traceback we have */
        err_clear();
        return;
    }
    SETREF(e->traceback, tb);
}

static void tb_dealloc(Object *self) {
    /* Long chains (deep recursion) are freed iteratively, so freeing a
     * traceback never recurses once per entry. */
    TracebackObject *tb = TB(self);
    Object *next = tb->next;
    CLEAR(tb->code);
    obj_free(self);
    while (next && IS_TYPE(next, TracebackType) && obj_can_free_directly(next)) {
        TracebackObject *n = TB(next);
        Object *after = n->next;
        n->next = NULL;
        CLEAR(n->code);
        obj_free(n);
        next = after;
    }
    XDECREF(next);
}

static int tb_traverse(Object *self, int (*visit)(Object *, void *), void *arg) {
    if (TB(self)->next) {
        int r = visit(TB(self)->next, arg);
        if (r) return r;
    }
    return TB(self)->code ? visit(TB(self)->code, arg) : 0;
}

static Object *tb_get_next(Object *self, void *c) {
    return NEWREF(TB(self)->next ? TB(self)->next : OBJ_NONE);
}
static int tb_set_next(Object *self, Object *value, void *c) {
    if (!value) { err_set(Exc_TypeError, "can't delete tb_next attribute"); return -1; }
    if (value == OBJ_NONE) value = NULL;
    else if (!IS_TYPE(value, TracebackType)) {
        err_format(Exc_TypeError, "expected traceback object or None, got '%T'", value);
        return -1;
    }
    for (Object *p = value; p; p = TB(p)->next)
        if (p == self) { err_set(Exc_ValueError, "traceback loop detected"); return -1; }
    SETREF(TB(self)->next, XNEWREF(value));
    return 0;
}
static Object *tb_get_lineno(Object *self, void *c) { return int_from_i64(TB(self)->lineno); }
static Object *tb_get_lasti(Object *self, void *c) { return int_from_i64(-1); }
static Object *tb_get_frame(Object *self, void *c) { RETURN_NONE; }
static Object *tb_get_code(Object *self, void *c) {
    return NEWREF(TB(self)->code ? TB(self)->code : OBJ_NONE);
}

static const GetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, "always None in gilt", NULL},
    {"tb_code", tb_get_code, NULL, "the code object of the entry (gilt only)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject TracebackType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "traceback",
    .basicsize = sizeof(TracebackObject),
    .base = &ObjectType,
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .getsets = tb_getsets,
};

/* ------------------------------------------------------------------ */
/* printing                                                             */

/* Line `lineno` of the file, stripped of surrounding whitespace, into buf;
 * false if the file or line is unavailable. */
static bool read_source_line(const char *filename, int lineno, char *buf, size_t size) {
    if (!filename || filename[0] == '<' || lineno <= 0) return false;
    FILE *f = fopen(filename, "r");
    if (!f) return false;
    int line = 1;
    int c;
    while (line < lineno && (c = getc(f)) != EOF)
        if (c == '\n') line++;
    bool ok = false;
    if (line == lineno) {
        size_t n = 0;
        bool started = false;
        while ((c = getc(f)) != EOF && c != '\n') {
            if (!started && (c == ' ' || c == '\t' || c == '\f')) continue;
            started = true;
            if (n + 1 < size) buf[n++] = (char)c;
        }
        while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t' || buf[n - 1] == '\r'))
            n--;
        buf[n] = '\0';
        ok = n > 0;
    }
    fclose(f);
    return ok;
}

void traceback_print_location(FILE *out, Object *filename, int lineno, Object *name) {
    const char *fn = filename && STR_CHECK(filename) ? str_data(filename) : "???";
    fprintf(out, "  File \"%s\", line %d", fn, lineno);
    if (name && STR_CHECK(name)) fprintf(out, ", in %s", str_data(name));
    fputc('\n', out);
    char line[4096];
    if (read_source_line(fn, lineno, line, sizeof line))
        fprintf(out, "    %s\n", line);
}

static bool same_place(TracebackObject *a, TracebackObject *b) {
    if (!a || !b || a->lineno != b->lineno) return false;
    if (a->code == b->code) return true;
    CodeObject *ca = (CodeObject *)a->code, *cb = (CodeObject *)b->code;
    if (!ca || !cb) return false;
    return str_eq(ca->filename, cb->filename) && str_eq(ca->name, cb->name);
}

/* CPython prints at most three identical entries in a row. */
#define TB_RECURSIVE_CUTOFF 3

static void print_repeat_note(FILE *out, long repeats) {
    long extra = repeats - TB_RECURSIVE_CUTOFF;
    if (extra > 0)
        fprintf(out, "  [Previous line repeated %ld more time%s]\n", extra,
                extra == 1 ? "" : "s");
}

void traceback_print(Object *tb, FILE *out) {
    TracebackObject *prev = NULL;
    long repeats = 0;
    for (Object *p = tb; p && IS_TYPE(p, TracebackType); p = TB(p)->next) {
        TracebackObject *t = TB(p);
        if (same_place(prev, t)) {
            repeats++;
        } else {
            print_repeat_note(out, repeats);
            repeats = 1;
        }
        prev = t;
        if (repeats > TB_RECURSIVE_CUTOFF) continue;
        CodeObject *co = (CodeObject *)t->code;
        traceback_print_location(out, co ? co->filename : NULL, t->lineno,
                                 co ? co->name : NULL);
    }
    print_repeat_note(out, repeats);
}
