/* exceptions.c — the builtin exception classes.
 *
 * BaseException is a static type; every other builtin exception class is
 * made at start-up from the table below (name, base, and the few slots that
 * differ), readied, made immortal and stored in its Exc_* pointer and in the
 * builtins dict. All of them share the ExceptionObject layout (errors.h), so
 * a gilt `class MyError(ValueError): ...` works like any subclass: its
 * instances get the instance __dict__ at ExceptionObject.dict.
 *
 * Guarantees (as CPython 3.11): `args` is always a tuple; str() is '' for no
 * args, str(arg) for one, str(args) for more; repr is Name(args...);
 * KeyError's str is the key's repr; OSError(errno, strerror[, filename])
 * picks the subclass for the errno (ENOENT -> FileNotFoundError, ...) and
 * formats "[Errno 2] No such file or directory: 'x'"; SystemExit.code and
 * StopIteration.value follow from args.
 */
#include <errno.h>
#include <string.h>
#include "gilt.h"
#include "exceptions.h"

TypeObject *Exc_BaseException, *Exc_Exception, *Exc_SystemExit,
    *Exc_KeyboardInterrupt, *Exc_GeneratorExit, *Exc_StopIteration,
    *Exc_StopAsyncIteration, *Exc_ArithmeticError, *Exc_ZeroDivisionError,
    *Exc_OverflowError, *Exc_FloatingPointError, *Exc_AssertionError,
    *Exc_AttributeError, *Exc_BufferError, *Exc_EOFError, *Exc_ImportError,
    *Exc_ModuleNotFoundError, *Exc_LookupError, *Exc_IndexError, *Exc_KeyError,
    *Exc_MemoryError, *Exc_NameError, *Exc_UnboundLocalError, *Exc_OSError,
    *Exc_FileNotFoundError, *Exc_FileExistsError, *Exc_PermissionError,
    *Exc_IsADirectoryError, *Exc_NotADirectoryError, *Exc_TimeoutError,
    *Exc_InterruptedError, *Exc_BlockingIOError, *Exc_ConnectionError,
    *Exc_BrokenPipeError, *Exc_ConnectionResetError, *Exc_ConnectionRefusedError,
    *Exc_ChildProcessError, *Exc_ProcessLookupError,
    *Exc_ReferenceError, *Exc_RuntimeError, *Exc_NotImplementedError,
    *Exc_RecursionError, *Exc_SyntaxError, *Exc_IndentationError, *Exc_TabError,
    *Exc_SystemError, *Exc_TypeError, *Exc_ValueError, *Exc_UnicodeError,
    *Exc_UnicodeDecodeError, *Exc_UnicodeEncodeError, *Exc_Warning,
    *Exc_UserWarning, *Exc_DeprecationWarning, *Exc_RuntimeWarning,
    *Exc_BaseExceptionGroup, *Exc_ExceptionGroup;

/* Classes without an Exc_* pointer of their own. */
static TypeObject *Exc_ConnectionAbortedError, *Exc_UnicodeTranslateError,
    *Exc_SyntaxWarning, *Exc_FutureWarning, *Exc_PendingDeprecationWarning,
    *Exc_ImportWarning, *Exc_UnicodeWarning, *Exc_BytesWarning,
    *Exc_ResourceWarning, *Exc_EncodingWarning;

#define EXC(o) ((ExceptionObject *)(o))

/* ------------------------------------------------------------------ */
/* helpers                                                              */

Object *exc_get_dict(Object *exc) {
    ExceptionObject *e = EXC(exc);
    if (!e->dict) e->dict = dict_new();
    return e->dict;
}

static int exc_dict_set(Object *exc, const char *name, Object *value) {
    Object *d = exc_get_dict(exc);
    if (!d) return -1;
    return dict_set_cstr(d, name, value ? value : OBJ_NONE);
}

/* New reference to the dict entry `name`, or None. */
static Object *exc_dict_get(Object *exc, const char *name) {
    ExceptionObject *e = EXC(exc);
    Object *v = e->dict ? dict_get_cstr(e->dict, name) : NULL;
    return v ? v : NEWREF(OBJ_NONE);
}

void exc_set_context(Object *exc, Object *context) {
    Object *old = EXC(exc)->context;
    EXC(exc)->context = XNEWREF(context);
    XDECREF(old);
}

void exc_set_cause(Object *exc, Object *cause) {
    Object *old = EXC(exc)->cause;
    EXC(exc)->cause = XNEWREF(cause);
    EXC(exc)->suppress_context = true;
    XDECREF(old);
}

Object *exc_type_display_name(TypeObject *t) {
    Object *qual = t->qualname ? t->qualname : t->name_obj;
    Object *mod = t->dict ? dict_get_cstr(t->dict, "__module__") : NULL;
    Object *result;
    if (!qual) {
        const char *dot = strrchr(t->name, '.');
        result = str_from_cstr(dot ? dot + 1 : t->name);
        if (!mod && dot) return str_from_cstr(t->name);
    } else {
        result = NEWREF(qual);
    }
    if (mod && STR_CHECK(mod) && !str_eq_cstr(mod, "builtins") &&
        !str_eq_cstr(mod, "__main__") && result) {
        Object *full = str_format("%U.%U", mod, result);
        DECREF(result);
        result = full;
    }
    XDECREF(mod);
    return result;
}

Object *exc_str_safe(Object *exc) {
    Object *s = obj_str(exc);
    if (!s) {
        err_clear();
        s = str_from_cstr("<exception str() failed>");
    }
    return s;
}

/* ------------------------------------------------------------------ */
/* BaseException                                                        */

static Object *base_new(TypeObject *type, Object *const *args, size_t nargs,
                        Object *kwnames) {
    ExceptionObject *e = (ExceptionObject *)obj_new_instance(type, 0);
    if (!e) return NULL;
    e->args = tuple_from_array(args, nargs);
    if (!e->args) { DECREF(e); return NULL; }
    return (Object *)e;
}

static int set_args(Object *self, Object *const *args, size_t nargs) {
    Object *t = tuple_from_array(args, nargs);
    if (!t) return -1;
    SETREF(EXC(self)->args, t);
    return 0;
}

static int base_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (kwnames && tuple_size(kwnames) > 0) {
        err_format(Exc_TypeError, "%s() takes no keyword arguments",
                   type_name(TYPE(self)));
        return -1;
    }
    return set_args(self, args, nargs);
}

static void base_dealloc(Object *self) {
    ExceptionObject *e = EXC(self);
    CLEAR(e->dict);
    CLEAR(e->args);
    CLEAR(e->traceback);
    CLEAR(e->cause);
    CLEAR(e->context);
    CLEAR(e->value);
    obj_free(self);
}

static int base_traverse(Object *self, int (*visit)(Object *, void *), void *arg) {
    ExceptionObject *e = EXC(self);
    Object *fields[] = {e->dict, e->args, e->traceback, e->cause, e->context, e->value};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r) return r;
        }
    return 0;
}

static Object *base_str(Object *self) {
    Object *args = EXC(self)->args;
    size_t n = args ? tuple_size(args) : 0;
    if (n == 0) return str_from_cstr("");
    if (n == 1) return obj_str(tuple_get(args, 0));
    return obj_str(args);
}

static Object *base_repr(Object *self) {
    Object *args = EXC(self)->args;
    size_t n = args ? tuple_size(args) : 0;
    const char *name = type_name(TYPE(self));
    if (n == 1) return str_format("%s(%R)", name, tuple_get(args, 0));
    if (n == 0) return str_format("%s()", name);
    return str_format("%s%R", name, args);
}

static Object *base_with_traceback(Object *self, Object *const *args, size_t nargs,
                                   Object *kwnames) {
    if (arg_no_kw("with_traceback", kwnames) < 0 ||
        arg_count("with_traceback", nargs, 1, 1) < 0)
        return NULL;
    Object *tb = args[0];
    if (tb == OBJ_NONE) tb = NULL;
    else if (!IS_TYPE(tb, TracebackType))
        return err_set(Exc_TypeError, "__traceback__ must be a traceback or None");
    SETREF(EXC(self)->traceback, XNEWREF(tb));
    return NEWREF(self);
}

static Object *base_add_note(Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
    if (arg_no_kw("add_note", kwnames) < 0 || arg_count("add_note", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return err_format(Exc_TypeError, "note must be a str, not '%T'", args[0]);
    Object *d = exc_get_dict(self);
    if (!d) return NULL;
    Object *notes = dict_get_cstr(d, "__notes__");
    if (!notes) {
        notes = list_new(0);
        if (!notes || dict_set_cstr(d, "__notes__", notes) < 0) { XDECREF(notes); return NULL; }
    }
    if (!LIST_CHECK(notes)) {
        DECREF(notes);
        return err_set(Exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    int r = list_append(notes, args[0]);
    DECREF(notes);
    if (r < 0) return NULL;
    RETURN_NONE;
}

static Object *get_args(Object *self, void *c) {
    return NEWREF(EXC(self)->args);
}
static int set_args_attr(Object *self, Object *value, void *c) {
    if (!value) { err_set(Exc_TypeError, "args may not be deleted"); return -1; }
    Object *t = obj_to_tuple(value);
    if (!t) return -1;
    SETREF(EXC(self)->args, t);
    return 0;
}
static Object *get_traceback(Object *self, void *c) {
    return NEWREF(EXC(self)->traceback ? EXC(self)->traceback : OBJ_NONE);
}
static int set_traceback(Object *self, Object *value, void *c) {
    if (!value) { err_set(Exc_TypeError, "__traceback__ may not be deleted"); return -1; }
    if (value == OBJ_NONE) value = NULL;
    else if (!IS_TYPE(value, TracebackType)) {
        err_set(Exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    SETREF(EXC(self)->traceback, XNEWREF(value));
    return 0;
}
static Object *get_cause(Object *self, void *c) {
    return NEWREF(EXC(self)->cause ? EXC(self)->cause : OBJ_NONE);
}
static int set_cause(Object *self, Object *value, void *c) {
    if (!value) { err_set(Exc_TypeError, "__cause__ may not be deleted"); return -1; }
    if (value == OBJ_NONE) value = NULL;
    else if (!EXC_CHECK(value)) {
        err_set(Exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    exc_set_cause(self, value);
    return 0;
}
static Object *get_context(Object *self, void *c) {
    return NEWREF(EXC(self)->context ? EXC(self)->context : OBJ_NONE);
}
static int set_context(Object *self, Object *value, void *c) {
    if (!value) { err_set(Exc_TypeError, "__context__ may not be deleted"); return -1; }
    if (value == OBJ_NONE) value = NULL;
    else if (!EXC_CHECK(value)) {
        err_set(Exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    exc_set_context(self, value);
    return 0;
}
static Object *get_suppress(Object *self, void *c) {
    RETURN_BOOL(EXC(self)->suppress_context);
}
static int set_suppress(Object *self, Object *value, void *c) {
    if (!value) { err_set(Exc_TypeError, "__suppress_context__ may not be deleted"); return -1; }
    int t = obj_is_true(value);
    if (t < 0) return -1;
    EXC(self)->suppress_context = t;
    return 0;
}

static const MethodDef base_methods[] = {
    {"with_traceback", base_with_traceback, METH_DEFAULT,
     "Set self.__traceback__ to tb and return self."},
    {"add_note", base_add_note, METH_DEFAULT, "Add a note to the exception"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef base_getsets[] = {
    {"args", get_args, set_args_attr, NULL, NULL},
    {"__traceback__", get_traceback, set_traceback, NULL, NULL},
    {"__cause__", get_cause, set_cause, "exception cause", NULL},
    {"__context__", get_context, set_context, "exception context", NULL},
    {"__suppress_context__", get_suppress, set_suppress, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static TypeObject BaseExceptionType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "BaseException",
    .basicsize = sizeof(ExceptionObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_EXC_SUBCLASS,
    .base = &ObjectType,
    .dictoffset = offsetof(ExceptionObject, dict),
    .doc = "Common base class for all exceptions",
    .dealloc = base_dealloc,
    .new_ = base_new,
    .init = base_init,
    .repr = base_repr,
    .str = base_str,
    .traverse = base_traverse,
    .methods = base_methods,
    .getsets = base_getsets,
};

/* ------------------------------------------------------------------ */
/* the specialised classes                                              */

/* StopIteration(value): .value is args[0] or None. */
static int stopiteration_init(Object *self, Object *const *args, size_t nargs,
                              Object *kwnames) {
    if (base_init(self, args, nargs, kwnames) < 0) return -1;
    SETREF(EXC(self)->value, NEWREF(nargs ? args[0] : OBJ_NONE));
    return 0;
}
static Object *get_value(Object *self, void *c) {
    return NEWREF(EXC(self)->value ? EXC(self)->value : OBJ_NONE);
}
static int set_value(Object *self, Object *value, void *c) {
    SETREF(EXC(self)->value, XNEWREF(value));
    return 0;
}
static const GetSetDef stopiteration_getsets[] = {
    {"value", get_value, set_value, "generator return value", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* SystemExit(code): code is None, the single arg, or the args tuple. */
static int systemexit_init(Object *self, Object *const *args, size_t nargs,
                           Object *kwnames) {
    if (base_init(self, args, nargs, kwnames) < 0) return -1;
    Object *code = nargs == 0 ? NEWREF(OBJ_NONE)
                 : nargs == 1 ? NEWREF(args[0]) : NEWREF(EXC(self)->args);
    SETREF(EXC(self)->value, code);
    return 0;
}
static const GetSetDef systemexit_getsets[] = {
    {"code", get_value, set_value, "exception code", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* KeyError shows the key's repr, so that KeyError('') reads as ''. */
static Object *keyerror_str(Object *self) {
    Object *args = EXC(self)->args;
    if (args && tuple_size(args) == 1) return obj_repr(tuple_get(args, 0));
    return base_str(self);
}

/* Keyword arguments some classes accept (name=, path=, obj=) go to the
 * instance dict; anything else is the usual TypeError. */
static int init_with_keywords(Object *self, Object *const *args, size_t nargs,
                              Object *kwnames, const char *const *allowed) {
    if (set_args(self, args, nargs) < 0) return -1;
    for (const char *const *a = allowed; *a; a++)
        if (exc_dict_set(self, *a, NULL) < 0) return -1;
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Object *key = tuple_get(kwnames, i);
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            if (str_eq_cstr(key, *a)) ok = true;
        if (!ok) {
            err_format(Exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                       key, type_name(TYPE(self)));
            return -1;
        }
        if (dict_set(exc_get_dict(self), key, args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static int importerror_init(Object *self, Object *const *args, size_t nargs,
                            Object *kwnames) {
    static const char *const allowed[] = {"name", "path", NULL};
    if (init_with_keywords(self, args, nargs, kwnames, allowed) < 0) return -1;
    return exc_dict_set(self, "msg", nargs == 1 ? args[0] : NULL);
}

static int attributeerror_init(Object *self, Object *const *args, size_t nargs,
                               Object *kwnames) {
    static const char *const allowed[] = {"name", "obj", NULL};
    return init_with_keywords(self, args, nargs, kwnames, allowed);
}

static int nameerror_init(Object *self, Object *const *args, size_t nargs,
                          Object *kwnames) {
    static const char *const allowed[] = {"name", NULL};
    return init_with_keywords(self, args, nargs, kwnames, allowed);
}

/* ---- OSError ---- */

static TypeObject *oserror_subclass_for_errno(int64_t err) {
    switch (err) {
    case ENOENT: return Exc_FileNotFoundError;
    case EEXIST: return Exc_FileExistsError;
    case EACCES: case EPERM: return Exc_PermissionError;
    case EISDIR: return Exc_IsADirectoryError;
    case ENOTDIR: return Exc_NotADirectoryError;
    case ETIMEDOUT: return Exc_TimeoutError;
    case EINTR: return Exc_InterruptedError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return Exc_BlockingIOError;
    case EPIPE: case ESHUTDOWN: return Exc_BrokenPipeError;
    case ECONNRESET: return Exc_ConnectionResetError;
    case ECONNREFUSED: return Exc_ConnectionRefusedError;
    case ECONNABORTED: return Exc_ConnectionAbortedError;
    case ECHILD: return Exc_ChildProcessError;
    case ESRCH: return Exc_ProcessLookupError;
    default: return NULL;
    }
}

static Object *oserror_new(TypeObject *type, Object *const *args, size_t nargs,
                           Object *kwnames) {
    if (type == Exc_OSError && nargs >= 2 && INT_CHECK(args[0]) && int_is_small(args[0])) {
        TypeObject *sub = oserror_subclass_for_errno(int_small(args[0]));
        if (sub) type = sub;
    }
    return base_new(type, args, nargs, kwnames);
}

static int oserror_init(Object *self, Object *const *args, size_t nargs,
                        Object *kwnames) {
    if (base_init(self, args, nargs, kwnames) < 0) return -1;
    bool structured = nargs >= 2 && nargs <= 5;
    if (exc_dict_set(self, "errno", structured ? args[0] : NULL) < 0 ||
        exc_dict_set(self, "strerror", structured ? args[1] : NULL) < 0 ||
        exc_dict_set(self, "filename", structured && nargs >= 3 ? args[2] : NULL) < 0 ||
        exc_dict_set(self, "filename2", structured && nargs >= 5 ? args[4] : NULL) < 0)
        return -1;
    /* As CPython: with a filename, args keeps only (errno, strerror). */
    if (structured && nargs >= 3) return set_args(self, args, 2);
    return 0;
}

static Object *oserror_str(Object *self) {
    Object *err = exc_dict_get(self, "errno");
    Object *msg = exc_dict_get(self, "strerror");
    Object *fn = exc_dict_get(self, "filename");
    Object *fn2 = exc_dict_get(self, "filename2");
    Object *r;
    if (fn != OBJ_NONE && fn2 != OBJ_NONE)
        r = str_format("[Errno %S] %S: %R -> %R", err, msg, fn, fn2);
    else if (fn != OBJ_NONE)
        r = str_format("[Errno %S] %S: %R", err, msg, fn);
    else if (err != OBJ_NONE && msg != OBJ_NONE)
        r = str_format("[Errno %S] %S", err, msg);
    else
        r = base_str(self);
    DECREF(err); DECREF(msg); DECREF(fn); DECREF(fn2);
    return r;
}

/* ---- SyntaxError ---- */

static int syntaxerror_init(Object *self, Object *const *args, size_t nargs,
                            Object *kwnames) {
    if (base_init(self, args, nargs, kwnames) < 0) return -1;
    static const char *const fields[] = {"filename", "lineno", "offset", "text",
                                         "end_lineno", "end_offset", NULL};
    if (exc_dict_set(self, "msg", nargs >= 1 ? args[0] : NULL) < 0 ||
        exc_dict_set(self, "print_file_and_line", NULL) < 0)
        return -1;
    Object *info = nargs == 2 ? args[1] : NULL;
    if (info && !TUPLE_CHECK(info)) {
        err_set(Exc_TypeError, "SyntaxError details must be a tuple");
        return -1;
    }
    if (info && (tuple_size(info) < 4 || tuple_size(info) > 6)) {
        err_set(Exc_IndexError, "tuple index out of range");
        return -1;
    }
    for (size_t i = 0; fields[i]; i++) {
        Object *v = info && i < tuple_size(info) ? tuple_get(info, i) : NULL;
        if (exc_dict_set(self, fields[i], v) < 0) return -1;
    }
    return 0;
}

static Object *syntaxerror_str(Object *self) {
    Object *msg = exc_dict_get(self, "msg");
    Object *fn = exc_dict_get(self, "filename");
    Object *line = exc_dict_get(self, "lineno");
    Object *msgstr = msg == OBJ_NONE ? base_str(self) : obj_str(msg);
    Object *r = msgstr;
    if (msgstr) {
        const char *base = NULL;
        if (STR_CHECK(fn)) {
            const char *slash = strrchr(str_data(fn), '/');
            base = slash ? slash + 1 : str_data(fn);
        }
        bool have_line = INT_CHECK(line);
        /* CPython prints the line as a C long, -1 when it does not fit. */
        if (have_line && int_as_i64(line) == -1 && err_occurred()) {
            err_clear();
            SETREF(line, int_from_i64(-1));   /* a small int: never fails */
        }
        if (base && have_line) r = str_format("%U (%s, line %S)", msgstr, base, line);
        else if (base) r = str_format("%U (%s)", msgstr, base);
        else if (have_line) r = str_format("%U (line %S)", msgstr, line);
        if (r != msgstr) DECREF(msgstr);
    }
    DECREF(msg); DECREF(fn); DECREF(line);
    return r;
}

/* ---- UnicodeDecodeError / UnicodeEncodeError ---- */

static int unicodeerror_init(Object *self, Object *const *args, size_t nargs,
                             Object *kwnames) {
    if (base_init(self, args, nargs, kwnames) < 0) return -1;
    if (nargs != 5) return 0;
    /* CPython reads start and end as C ssize_t at construction. */
    for (int i = 2; i < 4; i++) {
        if (INT_CHECK(args[i]) && int_as_i64(args[i]) == -1 && err_occurred()) {
            err_clear();
            err_set(Exc_OverflowError, "Python int too large to convert to C ssize_t");
            return -1;
        }
    }
    static const char *const fields[] = {"encoding", "object", "start", "end", "reason"};
    for (int i = 0; i < 5; i++)
        if (exc_dict_set(self, fields[i], args[i]) < 0) return -1;
    return 0;
}

static Object *unicodeerror_str(Object *self) {
    Object *args = EXC(self)->args;
    if (!args || tuple_size(args) != 5) return base_str(self);
    Object *enc = tuple_get(args, 0), *obj = tuple_get(args, 1);
    Object *start = tuple_get(args, 2), *end = tuple_get(args, 3);
    Object *reason = tuple_get(args, 4);
    bool decode = type_is_subtype(TYPE(self), Exc_UnicodeDecodeError);
    if (!INT_CHECK(start) || !INT_CHECK(end)) return base_str(self);
    int64_t s = int_as_i64(start), e = int_as_i64(end);
    if (err_occurred()) {   /* args replaced after construction by huge ints */
        err_clear();
        return base_str(self);
    }
    if (decode && BYTES_CHECK(obj) && s >= 0 && (size_t)s < bytes_size(obj)) {
        unsigned char b = (unsigned char)bytes_data(obj)[s];
        if (e == s + 1)
            return str_format("%R codec can't decode byte 0x%02x in position %lld: %S",
                              enc, b, (long long)s, reason);
        return str_format("%R codec can't decode bytes in position %lld-%lld: %S",
                          enc, (long long)s, (long long)(e - 1), reason);
    }
    if (!decode && STR_CHECK(obj) && e == s + 1)
        return str_format("%R codec can't encode character at position %lld: %S",
                          enc, (long long)s, reason);
    return str_format("%R codec can't %s characters in position %lld-%lld: %S", enc,
                      decode ? "decode" : "encode", (long long)s, (long long)(e - 1), reason);
}

/* ---- ExceptionGroup (the basics: message, exceptions) ---- */

static int group_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (base_init(self, args, nargs, kwnames) < 0) return -1;
    if (nargs != 2) {
        err_format(Exc_TypeError, "%s() takes exactly 2 arguments (%zu given)",
                   type_name(TYPE(self)), nargs);
        return -1;
    }
    if (!STR_CHECK(args[0])) {
        err_set(Exc_TypeError, "argument 1 must be str");
        return -1;
    }
    Object *excs = obj_to_tuple(args[1]);
    if (!excs) return -1;
    if (tuple_size(excs) == 0) {
        DECREF(excs);
        err_set(Exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
        return -1;
    }
    int r = exc_dict_set(self, "message", args[0]);
    if (r == 0) r = exc_dict_set(self, "exceptions", excs);
    DECREF(excs);
    return r;
}

static Object *group_str(Object *self) {
    Object *msg = exc_dict_get(self, "message");
    Object *excs = exc_dict_get(self, "exceptions");
    size_t n = TUPLE_CHECK(excs) ? tuple_size(excs) : 0;
    Object *r = str_format("%S (%zu sub-exception%s)", msg, n, n == 1 ? "" : "s");
    DECREF(msg); DECREF(excs);
    return r;
}

/* ------------------------------------------------------------------ */
/* the class table                                                      */

typedef struct ExcSpec {
    TypeObject **slot;
    const char *name;
    TypeObject **base;
    const char *doc;
    int (*init)(Object *, Object *const *, size_t, Object *);
    Object *(*str)(Object *);
    Object *(*new_)(TypeObject *, Object *const *, size_t, Object *);
    const GetSetDef *getsets;
} ExcSpec;

static const ExcSpec exc_table[] = {
    {&Exc_Exception, "Exception", &Exc_BaseException, "Common base class for all non-exit exceptions."},
    {&Exc_SystemExit, "SystemExit", &Exc_BaseException, "Request to exit from the interpreter.",
     systemexit_init, NULL, NULL, systemexit_getsets},
    {&Exc_KeyboardInterrupt, "KeyboardInterrupt", &Exc_BaseException, "Program interrupted by user."},
    {&Exc_GeneratorExit, "GeneratorExit", &Exc_BaseException, "Request that a generator exit."},
    {&Exc_BaseExceptionGroup, "BaseExceptionGroup", &Exc_BaseException, "A combination of multiple unrelated exceptions.",
     group_init, group_str},
    {&Exc_StopIteration, "StopIteration", &Exc_Exception, "Signal the end from iterator.__next__().",
     stopiteration_init, NULL, NULL, stopiteration_getsets},
    {&Exc_StopAsyncIteration, "StopAsyncIteration", &Exc_Exception, "Signal the end from iterator.__anext__()."},
    {&Exc_ArithmeticError, "ArithmeticError", &Exc_Exception, "Base class for arithmetic errors."},
    {&Exc_ZeroDivisionError, "ZeroDivisionError", &Exc_ArithmeticError, "Second argument to a division or modulo operation was zero."},
    {&Exc_OverflowError, "OverflowError", &Exc_ArithmeticError, "Result too large to be represented."},
    {&Exc_FloatingPointError, "FloatingPointError", &Exc_ArithmeticError, "Floating point operation failed."},
    {&Exc_AssertionError, "AssertionError", &Exc_Exception, "Assertion failed."},
    {&Exc_AttributeError, "AttributeError", &Exc_Exception, "Attribute not found.", attributeerror_init},
    {&Exc_BufferError, "BufferError", &Exc_Exception, "Buffer error."},
    {&Exc_EOFError, "EOFError", &Exc_Exception, "Read beyond end of file."},
    {&Exc_ExceptionGroup, "ExceptionGroup", &Exc_Exception, "A combination of multiple unrelated exceptions.",
     group_init, group_str},
    {&Exc_ImportError, "ImportError", &Exc_Exception, "Import can't find module, or can't find name in module.",
     importerror_init},
    {&Exc_ModuleNotFoundError, "ModuleNotFoundError", &Exc_ImportError, "Module not found.", importerror_init},
    {&Exc_LookupError, "LookupError", &Exc_Exception, "Base class for lookup errors."},
    {&Exc_IndexError, "IndexError", &Exc_LookupError, "Sequence index out of range."},
    {&Exc_KeyError, "KeyError", &Exc_LookupError, "Mapping key not found.", NULL, keyerror_str},
    {&Exc_MemoryError, "MemoryError", &Exc_Exception, "Out of memory."},
    {&Exc_NameError, "NameError", &Exc_Exception, "Name not found globally.", nameerror_init},
    {&Exc_UnboundLocalError, "UnboundLocalError", &Exc_NameError, "Local name referenced but not bound to a value.",
     nameerror_init},
    {&Exc_OSError, "OSError", &Exc_Exception, "Base class for I/O related errors.",
     oserror_init, oserror_str, oserror_new},
    {&Exc_BlockingIOError, "BlockingIOError", &Exc_OSError, "I/O operation would block."},
    {&Exc_ChildProcessError, "ChildProcessError", &Exc_OSError, "Child process error."},
    {&Exc_ConnectionError, "ConnectionError", &Exc_OSError, "Connection error."},
    {&Exc_BrokenPipeError, "BrokenPipeError", &Exc_ConnectionError, "Broken pipe."},
    {&Exc_ConnectionAbortedError, "ConnectionAbortedError", &Exc_ConnectionError, "Connection aborted."},
    {&Exc_ConnectionRefusedError, "ConnectionRefusedError", &Exc_ConnectionError, "Connection refused."},
    {&Exc_ConnectionResetError, "ConnectionResetError", &Exc_ConnectionError, "Connection reset."},
    {&Exc_FileExistsError, "FileExistsError", &Exc_OSError, "File already exists."},
    {&Exc_FileNotFoundError, "FileNotFoundError", &Exc_OSError, "File not found."},
    {&Exc_InterruptedError, "InterruptedError", &Exc_OSError, "Interrupted by signal."},
    {&Exc_IsADirectoryError, "IsADirectoryError", &Exc_OSError, "Operation doesn't work on directories."},
    {&Exc_NotADirectoryError, "NotADirectoryError", &Exc_OSError, "Operation only works on directories."},
    {&Exc_PermissionError, "PermissionError", &Exc_OSError, "Not enough permissions."},
    {&Exc_ProcessLookupError, "ProcessLookupError", &Exc_OSError, "Process not found."},
    {&Exc_TimeoutError, "TimeoutError", &Exc_OSError, "Timeout expired."},
    {&Exc_ReferenceError, "ReferenceError", &Exc_Exception, "Weak ref proxy used after referent went away."},
    {&Exc_RuntimeError, "RuntimeError", &Exc_Exception, "Unspecified run-time error."},
    {&Exc_NotImplementedError, "NotImplementedError", &Exc_RuntimeError, "Method or function hasn't been implemented yet."},
    {&Exc_RecursionError, "RecursionError", &Exc_RuntimeError, "Recursion limit exceeded."},
    {&Exc_SyntaxError, "SyntaxError", &Exc_Exception, "Invalid syntax.", syntaxerror_init, syntaxerror_str},
    {&Exc_IndentationError, "IndentationError", &Exc_SyntaxError, "Improper indentation."},
    {&Exc_TabError, "TabError", &Exc_IndentationError, "Improper mixture of spaces and tabs."},
    {&Exc_SystemError, "SystemError", &Exc_Exception, "Internal error in the gilt interpreter."},
    {&Exc_TypeError, "TypeError", &Exc_Exception, "Inappropriate argument type."},
    {&Exc_ValueError, "ValueError", &Exc_Exception, "Inappropriate argument value (of correct type)."},
    {&Exc_UnicodeError, "UnicodeError", &Exc_ValueError, "Unicode related error."},
    {&Exc_UnicodeDecodeError, "UnicodeDecodeError", &Exc_UnicodeError, "Unicode decoding error.",
     unicodeerror_init, unicodeerror_str},
    {&Exc_UnicodeEncodeError, "UnicodeEncodeError", &Exc_UnicodeError, "Unicode encoding error.",
     unicodeerror_init, unicodeerror_str},
    {&Exc_UnicodeTranslateError, "UnicodeTranslateError", &Exc_UnicodeError, "Unicode translation error."},
    {&Exc_Warning, "Warning", &Exc_Exception, "Base class for warning categories."},
    {&Exc_UserWarning, "UserWarning", &Exc_Warning, "Base class for warnings generated by user code."},
    {&Exc_DeprecationWarning, "DeprecationWarning", &Exc_Warning, "Base class for warnings about deprecated features."},
    {&Exc_PendingDeprecationWarning, "PendingDeprecationWarning", &Exc_Warning, "Base class for warnings about features which will be deprecated in the future."},
    {&Exc_SyntaxWarning, "SyntaxWarning", &Exc_Warning, "Base class for warnings about dubious syntax."},
    {&Exc_RuntimeWarning, "RuntimeWarning", &Exc_Warning, "Base class for warnings about dubious runtime behavior."},
    {&Exc_FutureWarning, "FutureWarning", &Exc_Warning, "Base class for warnings about constructs that will change semantically in the future."},
    {&Exc_ImportWarning, "ImportWarning", &Exc_Warning, "Base class for warnings about probable mistakes in module imports"},
    {&Exc_UnicodeWarning, "UnicodeWarning", &Exc_Warning, "Base class for warnings about Unicode related problems."},
    {&Exc_BytesWarning, "BytesWarning", &Exc_Warning, "Base class for warnings about bytes and buffer related problems."},
    {&Exc_ResourceWarning, "ResourceWarning", &Exc_Warning, "Base class for warnings about resource usage."},
    {&Exc_EncodingWarning, "EncodingWarning", &Exc_Warning, "Base class for warnings about encodings."},
};

/* Build one class: a TypeObject that inherits everything it does not set
 * from its base (type_ready copies NULL slots down). */
static TypeObject *make_exception_class(const ExcSpec *spec) {
    TypeObject *base = *spec->base;
    TypeObject *t = (TypeObject *)obj_alloc(&TypeType, sizeof(TypeObject));
    if (!t) return NULL;
    obj_make_immortal(t);
    t->name = spec->name;
    t->basicsize = base->basicsize;
    t->flags = TPFLAG_BASETYPE | TPFLAG_EXC_SUBCLASS;
    t->base = base;
    t->dictoffset = base->dictoffset;
    t->doc = spec->doc;
    t->init = spec->init;
    t->str = spec->str;
    t->new_ = spec->new_;
    t->getsets = spec->getsets;
    if (type_ready(t) < 0) return NULL;
    return t;
}

int exceptions_init(Object *builtins_dict) {
    if (type_ready(&BaseExceptionType) < 0) return -1;
    Exc_BaseException = &BaseExceptionType;
    if (dict_set_cstr(builtins_dict, "BaseException", (Object *)Exc_BaseException) < 0)
        return -1;
    for (size_t i = 0; i < sizeof exc_table / sizeof *exc_table; i++) {
        TypeObject *t = make_exception_class(&exc_table[i]);
        if (!t) return -1;
        *exc_table[i].slot = t;
        if (dict_set_cstr(builtins_dict, exc_table[i].name, (Object *)t) < 0) return -1;
    }
    /* Historical aliases CPython keeps. */
    if (dict_set_cstr(builtins_dict, "IOError", (Object *)Exc_OSError) < 0 ||
        dict_set_cstr(builtins_dict, "EnvironmentError", (Object *)Exc_OSError) < 0)
        return -1;
    return type_ready(&TracebackType);
}
