/* errors.c — raising, fetching and printing exceptions.
 *
 * The pending exception is one normalized instance in the calling thread's
 * state (ts->curexc). Raising an exception while another is being handled
 * (ts->handled) records the handled one as the new exception's __context__,
 * after cutting any path in the old exception's context chain that leads
 * back to the new one (so a chain never becomes a cycle).
 *
 * err_print / exc_print produce CPython 3.11's report: chained exceptions
 * first ("The above exception was the direct cause..." / "During handling
 * of the above exception..."), then "Traceback (most recent call last):",
 * the entries, and "Type: message". SyntaxErrors show file, line, the
 * source text and carets under offset..end_offset. The traceback column
 * markers of 3.11 (^^^^) are not printed; see traceback.c.
 */
#include <errno.h>
#include <string.h>
#include "gilt.h"
#include "exceptions.h"
#include "fileio.h"

static inline ThreadState *cur(void) { return ts_current(); }

/* ------------------------------------------------------------------ */
/* raising                                                              */

Object *err_handled(void) {
    ThreadState *ts = cur();
    Object *h = ts->handled;
    for (HandledLink *l = ts->handled_outer; !h || h == OBJ_NONE; l = l->outer) {
        if (!l) return NULL;
        h = l->handled;
    }
    return h;
}

void err_chain_context(Object *exc, Object *handled) {
    if (!handled || handled == exc || !EXC_CHECK(handled)) return;
    /* Cut a path back to exc so the context chain stays acyclic (a chain
     * a program made cyclic itself, through __context__, is walked only so
     * far). */
    int steps = 0;
    for (Object *o = handled; o && steps++ < 10000; o = ((ExceptionObject *)o)->context) {
        if (((ExceptionObject *)o)->context == exc) {
            exc_set_context(o, NULL);
            break;
        }
    }
    exc_set_context(exc, handled);
}

/* Make `exc` (owned) pending, chaining the handled exception as context. */
static void raise_owned(Object *exc) {
    ThreadState *ts = cur();
    err_chain_context(exc, err_handled());
    Object *old = ts->curexc;
    ts->curexc = exc;
    XDECREF(old);
}

Object *err_set_object(Object *exc) {
    Object *inst;
    if (EXC_TYPE_CHECK(exc)) {
        inst = obj_call0(exc);
        if (!inst) return NULL;
        if (!EXC_CHECK(inst)) {
            err_format(Exc_TypeError,
                       "calling %R should have returned an instance of BaseException, not %T",
                       exc, inst);
            DECREF(inst);
            return NULL;
        }
    } else if (EXC_CHECK(exc)) {
        inst = NEWREF(exc);
    } else {
        return err_set(Exc_TypeError, "exceptions must derive from BaseException");
    }
    raise_owned(inst);
    return NULL;
}

Object *err_set_value(TypeObject *type, Object *value) {
    Object *inst = value ? obj_call1((Object *)type, value) : obj_call0((Object *)type);
    if (!inst) return NULL;
    raise_owned(inst);
    return NULL;
}

Object *err_set(TypeObject *type, const char *msg) {
    Object *s = str_from_cstr(msg);
    if (!s) return NULL;
    err_set_value(type, s);
    DECREF(s);
    return NULL;
}

Object *err_vformat(TypeObject *type, const char *fmt, va_list ap) {
    Object *msg = str_vformat(fmt, ap);
    if (!msg) return NULL;
    err_set_value(type, msg);
    DECREF(msg);
    return NULL;
}

Object *err_format(TypeObject *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    err_vformat(type, fmt, ap);
    va_end(ap);
    return NULL;
}

Object *err_no_memory(void) {
    return err_set_value(Exc_MemoryError, NULL);
}

Object *err_from_errno(TypeObject *type, const char *filename) {
    int e = errno;
    Object *code = int_from_i64(e);
    Object *msg = str_from_cstr(strerror(e));
    Object *fn = filename ? str_from_cstr(filename) : NULL;
    if (code && msg && (!filename || fn)) {
        Object *args[3] = {code, msg, fn};
        Object *inst = obj_call((Object *)type, args, fn ? 3 : 2, NULL);
        if (inst) raise_owned(inst);
    }
    XDECREF(code);
    XDECREF(msg);
    XDECREF(fn);
    return NULL;
}

Object *err_stop_iteration(Object *value) {
    return err_set_value(Exc_StopIteration, value ? value : OBJ_NONE);
}

Object *err_syntax(TypeObject *type, const char *filename, int lineno, int col,
                   const char *text, const char *msg) {
    return err_syntax_range(type, filename, lineno, col, lineno, col, text, msg);
}

Object *err_syntax_range(TypeObject *type, const char *filename, int lineno, int col,
                         int end_lineno, int end_col, const char *text, const char *msg) {
    Object *m = str_from_cstr(msg);
    Object *loc = tuple_new(6);
    if (!m || !loc) goto fail;
    Object **items = tuple_items(loc);
    items[0] = filename ? str_from_cstr(filename) : NEWREF(OBJ_NONE);
    items[1] = int_from_i64(lineno);
    items[2] = int_from_i64(col);
    items[3] = text ? str_from_utf8(text, strlen(text)) : NEWREF(OBJ_NONE);
    if (!items[3]) { err_clear(); items[3] = NEWREF(OBJ_NONE); }
    items[4] = int_from_i64(end_lineno);
    items[5] = int_from_i64(end_col);
    for (int i = 0; i < 6; i++)
        if (!items[i]) goto fail;
    Object *inst = obj_call2((Object *)type, m, loc);
    if (inst) raise_owned(inst);
fail:
    XDECREF(m);
    XDECREF(loc);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* inspecting                                                           */

bool err_occurred(void) { return cur()->curexc != NULL; }

Object *err_peek(void) { return cur()->curexc; }

bool err_matches(TypeObject *type) {
    Object *e = cur()->curexc;
    return e && (TYPE(e) == type || type_is_subtype(TYPE(e), type));
}

Object *err_fetch(void) {
    ThreadState *ts = cur();
    Object *e = ts->curexc;
    ts->curexc = NULL;
    return e;
}

void err_restore(Object *exc) {
    ThreadState *ts = cur();
    Object *old = ts->curexc;
    ts->curexc = exc;
    XDECREF(old);
}

void err_clear(void) {
    ThreadState *ts = cur();
    Object *old = ts->curexc;
    ts->curexc = NULL;
    XDECREF(old);
}

/* ------------------------------------------------------------------ */
/* printing                                                             */

/* Borrowed attribute from an exception's instance dict. */
static Object *dict_attr(Object *exc, const char *name) {
    Object *d = ((ExceptionObject *)exc)->dict;
    if (!d) return NULL;
    Object *v = dict_get_cstr(d, name);
    if (v) DECREF(v);   /* the dict keeps it alive while we print */
    return v;
}

static size_t utf8_count_chars(const char *s, size_t n) {
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) chars++;
    return chars;
}

/* A SyntaxError position field as a C long; -1 when it does not fit (as
 * CPython's PyLong_AsLongAndOverflow), never leaving an error set. */
static long int_field_as_long(Object *v) {
    int64_t n = int_as_i64(v);
    if (n == -1 && err_occurred()) err_clear();
    return (long)n;
}

/* The "  File ..., line N" / text / caret block of a SyntaxError. */
static void print_syntax_error_location(Object *exc, FILE *out) {
    Object *fn = dict_attr(exc, "filename");
    Object *line = dict_attr(exc, "lineno");
    Object *text = dict_attr(exc, "text");
    Object *off = dict_attr(exc, "offset");
    Object *end_line = dict_attr(exc, "end_lineno");
    Object *end_off = dict_attr(exc, "end_offset");
    if (!fn || !STR_CHECK(fn)) return;
    long lineno = line && INT_CHECK(line) ? int_field_as_long(line) : 0;
    fprintf(out, "  File \"%s\", line %ld\n", str_data(fn), lineno);
    if (!text || !STR_CHECK(text)) return;
    const char *t = str_data(text);
    size_t len = str_size(text);
    size_t lead = 0;
    while (lead < len && (t[lead] == ' ' || t[lead] == '\t' || t[lead] == '\f')) lead++;
    size_t end = len;
    while (end > lead && (t[end - 1] == '\n' || t[end - 1] == '\r' || t[end - 1] == ' '))
        end--;
    fprintf(out, "    %.*s\n", (int)(end - lead), t + lead);
    long col = off && INT_CHECK(off) ? int_field_as_long(off) : 0;
    /* As CPython: no caret when the column falls in the stripped indent. */
    if (col <= 0 || col - 1 < (long)lead) return;
    /* The offset counts characters from 1; convert to a display column in
     * the stripped text (UTF-8 continuation bytes take no column). */
    long caret = 0;
    size_t pos = 0;
    for (long c = 1; c < col && pos < len; pos++) {
        if (((unsigned char)t[pos] & 0xC0) == 0x80) continue;
        c++;
        if (pos >= lead) caret++;
    }
    if ((long)(end - lead) < caret) caret = (long)(end - lead);
    /* CPython 3.11 underlines offset..end_offset with carets (one when the
     * end is unknown or not after the start); an error spanning lines is
     * underlined to the end of the first line's text. */
    long ncarets = 1;
    long end_col = end_off && INT_CHECK(end_off) ? int_field_as_long(end_off) : -1;
    long end_lineno = end_line && INT_CHECK(end_line) ? int_field_as_long(end_line) : lineno;
    if (end_col > 0 && end_lineno > lineno) end_col = (long)utf8_count_chars(t, len);
    if (end_col > col && end_lineno >= lineno) {
        long line_chars = (long)utf8_count_chars(t, len);
        if (end_col > line_chars + 1) end_col = line_chars + 1;
        ncarets = end_col > col ? end_col - col : 1;
    }
    fprintf(out, "    %*s", (int)caret, "");
    for (long i = 0; i < ncarets; i++) fputc('^', out);
    fputc('\n', out);
}

static void print_exception_line(Object *exc, FILE *out) {
    TypeObject *t = TYPE(exc);
    Object *name = exc_type_display_name(t);
    const char *n = name ? str_data(name) : t->name;
    if (type_is_subtype(t, Exc_SyntaxError) || t == Exc_SyntaxError) {
        Object *msg = dict_attr(exc, "msg");
        Object *s = msg && msg != OBJ_NONE ? obj_str(msg) : exc_str_safe(exc);
        if (!s) { err_clear(); s = str_from_cstr(""); }
        if (s && str_size(s)) fprintf(out, "%s: %s\n", n, str_data(s));
        else fprintf(out, "%s\n", n);
        XDECREF(s);
    } else {
        Object *s = exc_str_safe(exc);
        if (s && str_size(s)) fprintf(out, "%s: %s\n", n, str_data(s));
        else fprintf(out, "%s\n", n);
        XDECREF(s);
    }
    XDECREF(name);
    Object *notes = dict_attr(exc, "__notes__");
    if (notes && LIST_CHECK(notes)) {
        for (size_t i = 0; i < list_size(notes); i++) {
            Object *note = list_get(notes, (int64_t)i);
            if (!note) { err_clear(); break; }
            Object *s = STR_CHECK(note) ? NEWREF(note) : obj_repr(note);
            if (s) fprintf(out, "%s\n", str_data(s));
            else err_clear();
            XDECREF(s);
            DECREF(note);
        }
    }
}

#define MAX_CHAIN 64

static void print_one(Object *exc, FILE *out, Object **seen, int nseen) {
    ExceptionObject *e = (ExceptionObject *)exc;
    if (nseen < MAX_CHAIN) {
        seen[nseen++] = exc;
        Object *next = NULL;
        const char *sep = NULL;
        if (e->cause && e->cause != OBJ_NONE) {
            next = e->cause;
            sep = "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (e->context && e->context != OBJ_NONE && !e->suppress_context) {
            next = e->context;
            sep = "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
        bool already = false;
        for (int i = 0; i < nseen; i++)
            if (seen[i] == next) already = true;
        if (next && EXC_CHECK(next) && !already) {
            print_one(next, out, seen, nseen);
            fputs(sep, out);
        }
    }
    if (e->traceback) {
        fputs("Traceback (most recent call last):\n", out);
        traceback_print(e->traceback, out);
    }
    if (type_is_subtype(TYPE(exc), Exc_SyntaxError) || TYPE(exc) == Exc_SyntaxError)
        print_syntax_error_location(exc, out);
    print_exception_line(exc, out);
}

void exc_print(Object *exc, FILE *out) {
    if (!exc) return;
    /* Keep the report after anything already printed to stdout. */
    fileio_flush_std();
    if (!EXC_CHECK(exc)) {
        Object *r = obj_repr(exc);
        fprintf(out, "%s\n", r ? str_data(r) : "<unprintable exception>");
        if (!r) err_clear();
        XDECREF(r);
        return;
    }
    Object *saved = err_fetch();
    Object *seen[MAX_CHAIN];
    print_one(exc, out, seen, 0);
    fflush(out);
    err_clear();
    err_restore(saved);
}

void err_print(void) {
    Object *exc = err_fetch();
    if (!exc) return;
    /* sys.excepthook, when the program replaced it. */
    Interp *in = cur()->interp;
    Object *hook = in && in->sysdict ? dict_get_cstr(in->sysdict, "excepthook") : NULL;
    Object *dflt = in && in->sysdict ? dict_get_cstr(in->sysdict, "__excepthook__") : NULL;
    if (hook && hook != dflt) {
        Object *tb = ((ExceptionObject *)exc)->traceback;
        Object *args[3] = {(Object *)TYPE(exc), exc, tb ? tb : OBJ_NONE};
        Object *r = obj_call(hook, args, 3, NULL);
        if (r) {
            DECREF(r);
        } else {
            Object *hook_exc = err_fetch();
            fileio_flush_std();
            fputs("Error in sys.excepthook:\n", stderr);
            exc_print(hook_exc, stderr);
            fputs("\nOriginal exception was:\n", stderr);
            exc_print(exc, stderr);
            XDECREF(hook_exc);
        }
    } else {
        exc_print(exc, stderr);
    }
    XDECREF(hook);
    XDECREF(dflt);
    DECREF(exc);
}

int exc_system_exit_status(Object *exc) {
    Object *code = EXC_CHECK(exc) ? ((ExceptionObject *)exc)->value : NULL;
    if (!code || code == OBJ_NONE) return 0;
    if (INT_CHECK(code)) {
        int64_t v = int_as_i64(code);
        if (v == -1 && err_occurred()) { err_clear(); return 1; }
        return (int)v;
    }
    fileio_flush_std();
    Object *s = obj_str(code);
    if (s) fprintf(stderr, "%s\n", str_data(s));
    else err_clear();
    XDECREF(s);
    return 1;
}
