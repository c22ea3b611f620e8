/* sysmodule.c — the sys module: argv, path, modules, the standard streams,
 * version information, exit, exc_info, recursion limit, switch interval and
 * the hooks (displayhook, excepthook).
 *
 * sys.modules is the interpreter's module table (interp->modules), set by
 * interp_create. sys.path starts as ['', <stdlib dir>]; the command line
 * (main.c) replaces path[0] with the script's directory. The standard
 * streams are gilt file objects (fileio.c): stdout is line-buffered on a
 * terminal and block-buffered otherwise, stderr writes through.
 */
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "gilt.h"
#include "exceptions.h"
#include "fileio.h"

#define SYSFUNC(name) \
    static Object *name(Object *self, Object *const *args, size_t nargs, Object *kwnames)

static Interp *interp(void) { return ts_current()->interp; }

SYSFUNC(sys_exit) {
    if (arg_no_kw("exit", kwnames) < 0 || arg_count("exit", nargs, 0, 1) < 0) return NULL;
    return err_set_value(Exc_SystemExit, nargs ? args[0] : NULL);
}

SYSFUNC(sys_getrecursionlimit) {
    return int_from_i64(interp()->recursion_limit);
}

SYSFUNC(sys_setrecursionlimit) {
    if (arg_no_kw("setrecursionlimit", kwnames) < 0 ||
        arg_count("setrecursionlimit", nargs, 1, 1) < 0)
        return NULL;
    if (FLOAT_CHECK(args[0]))
        return err_set(Exc_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t n = obj_as_index(args[0]);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 1) return err_set(Exc_ValueError, "recursion limit must be greater or equal than 1");
    if (n > INT_MAX) n = INT_MAX;
    interp()->recursion_limit = (int)n;
    RETURN_NONE;
}

SYSFUNC(sys_getrefcount) {
    if (arg_count("getrefcount", nargs, 1, 1) < 0) return NULL;
    intptr_t n = obj_refcount(args[0]);
    /* Immortal objects report a large fixed number, like CPython 3.12+. */
    if (n == INTPTR_MAX) n = 4294967295;
    return int_from_i64((int64_t)n);
}

SYSFUNC(sys_getsizeof) {
    if (arg_count("getsizeof", nargs, 1, 2) < 0) return NULL;
    TypeObject *t = TYPE(args[0]);
    size_t size = t->basicsize;
    if (t->itemsize) {
        int64_t n = t->len ? t->len(args[0]) : 0;
        if (n < 0) { err_clear(); n = 0; }
        size += (size_t)n * t->itemsize;
    }
    if (STR_CHECK(args[0])) size += str_size(args[0]) + 1;
    else if (LIST_CHECK(args[0])) size += ((ListObject *)args[0])->allocated * sizeof(Object *);
    return int_from_u64(size);
}

SYSFUNC(sys_exc_info) {
    Object *h = err_handled();
    if (!h) return tuple_pack(3, OBJ_NONE, OBJ_NONE, OBJ_NONE);
    Object *tb = EXC_CHECK(h) ? ((ExceptionObject *)h)->traceback : NULL;
    return tuple_pack(3, (Object *)TYPE(h), h, tb ? tb : OBJ_NONE);
}

SYSFUNC(sys_exception) {
    Object *h = err_handled();
    return NEWREF(h ? h : OBJ_NONE);
}

SYSFUNC(sys_intern) {
    if (arg_count("intern", nargs, 1, 1) < 0) return NULL;
    if (!IS_TYPE(args[0], StrType))
        return err_format(Exc_TypeError, "intern() argument must be str, not %T", args[0]);
    Object *s = NEWREF(args[0]);
    str_intern(&s);
    return s;
}

SYSFUNC(sys_displayhook) {
    if (arg_count("displayhook", nargs, 1, 1) < 0) return NULL;
    Object *v = args[0];
    if (v == OBJ_NONE) RETURN_NONE;
    Interp *in = interp();
    /* builtins._ is cleared first so repr() can't see a stale value. */
    if (dict_set_cstr(in->builtins, "_", OBJ_NONE) < 0) return NULL;
    Object *out = dict_get_cstr(in->sysdict, "stdout");
    if (!out || out == OBJ_NONE) {
        XDECREF(out);
        return err_set(Exc_RuntimeError, "lost sys.stdout");
    }
    Object *r = obj_repr(v);
    int rc = -1;
    if (r) {
        Object *line = str_format("%U\n", r);
        if (line) {
            if (IS_TYPE(out, TextFileType)) {
                rc = fileio_write_text(out, str_data(line), str_size(line));
            } else {
                Object *w = obj_call_method(out, "write", &line, 1);
                rc = w ? 0 : -1;
                XDECREF(w);
            }
            DECREF(line);
        }
        DECREF(r);
    }
    DECREF(out);
    if (rc < 0) return NULL;
    if (dict_set_cstr(in->builtins, "_", v) < 0) return NULL;
    RETURN_NONE;
}

SYSFUNC(sys_excepthook) {
    if (arg_count("excepthook", nargs, 3, 3) < 0) return NULL;
    exc_print(args[1], stderr);
    RETURN_NONE;
}

SYSFUNC(sys_setswitchinterval) {
    if (arg_count("setswitchinterval", nargs, 1, 1) < 0) return NULL;
    double d = float_as_double(args[0]);
    if (d == -1.0 && err_occurred()) return NULL;
    if (d <= 0) return err_set(Exc_ValueError, "switch interval must be strictly positive");
    gil_set_switch_interval(d);
    RETURN_NONE;
}

SYSFUNC(sys_getswitchinterval) {
    return float_from_double(gil_get_switch_interval());
}

SYSFUNC(sys_is_gil_enabled) {
    RETURN_BOOL(interp()->gil_enabled);
}

SYSFUNC(sys_getdefaultencoding) { return str_from_cstr("utf-8"); }

static const MethodDef sys_methods[] = {
    {"exit", sys_exit, 0, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, "Return the current value of the recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, 0, "Set the maximum depth of the gilt interpreter stack to n."},
    {"getrefcount", sys_getrefcount, 0, "Return the reference count of object."},
    {"getsizeof", sys_getsizeof, 0, "Return the size of object in bytes (approximate)."},
    {"exc_info", sys_exc_info, 0, "Return current exception information: (type, value, traceback)."},
    {"exception", sys_exception, 0, "Return the current exception."},
    {"intern", sys_intern, 0, "Intern the given string."},
    {"displayhook", sys_displayhook, 0, "Print an object to sys.stdout and also save it in builtins._"},
    {"excepthook", sys_excepthook, 0, "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"setswitchinterval", sys_setswitchinterval, 0, "Set the ideal thread switching delay inside the interpreter."},
    {"getswitchinterval", sys_getswitchinterval, 0, "Return the current thread switch interval."},
    {"_is_gil_enabled", sys_is_gil_enabled, 0, "Return True if the GIL is currently enabled."},
    {"getdefaultencoding", sys_getdefaultencoding, 0, "Return the current default encoding."},
    {"getfilesystemencoding", sys_getdefaultencoding, 0, "Return the file system encoding."},
    {NULL, NULL, 0, NULL},
};

/* The stdlib directory: GILT_STDLIB_DIR when it exists, else ../stdlib
 * next to the executable (an installed or moved tree). */
static Object *stdlib_dir(void) {
    struct stat st;
#ifdef GILT_STDLIB_DIR
    if (stat(GILT_STDLIB_DIR, &st) == 0 && S_ISDIR(st.st_mode))
        return str_from_cstr(GILT_STDLIB_DIR);
#endif
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char path[PATH_MAX + 16];
            snprintf(path, sizeof path, "%s/../stdlib", exe);
            if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return str_from_cstr(path);
        }
    }
#ifdef GILT_STDLIB_DIR
    return str_from_cstr(GILT_STDLIB_DIR);
#else
    return str_from_cstr("stdlib");
#endif
}

static int add_owned(Object *m, const char *name, Object *v) {
    if (!v) return -1;
    int r = module_add(m, name, v);
    DECREF(v);
    return r;
}

Object *sys_module_init(int argc, char **argv) {
    Object *m = module_new("sys");
    if (!m) return NULL;
    if (module_add_methods(m, sys_methods) < 0) goto fail;
    type_ready(&TextFileType);
    type_ready(&BinaryFileType);

    Object *av = list_new(0);
    if (!av) goto fail;
    for (int i = 0; i < argc; i++) {
        Object *s = str_from_cstr(argv[i]);
        if (!s || list_append(av, s) < 0) { XDECREF(s); DECREF(av); goto fail; }
        DECREF(s);
    }
    if (argc == 0) {
        Object *empty = str_from_cstr("");
        list_append(av, empty);
        XDECREF(empty);
    }
    if (add_owned(m, "argv", av) < 0) goto fail;
    Object *orig = list_from_array(NULL, 0);
    if (add_owned(m, "orig_argv", orig) < 0) goto fail;

    Object *empty = str_from_cstr(""), *lib = stdlib_dir();
    Object *path = empty && lib ? list_from_array((Object *[]){empty, lib}, 2) : NULL;
    XDECREF(empty);
    XDECREF(lib);
    if (add_owned(m, "path", path) < 0) goto fail;

    Object *in = fileio_from_fd(0, "<stdin>", "r", isatty(0), false);
    Object *out = fileio_from_fd(1, "<stdout>", "w", isatty(1), false);
    Object *err = fileio_from_fd(2, "<stderr>", "w", true, false);
    if (!in || !out || !err) { XDECREF(in); XDECREF(out); XDECREF(err); goto fail; }
    fileio_set_std(out, err);
    if (module_add(m, "stdin", in) < 0 || module_add(m, "stdout", out) < 0 ||
        module_add(m, "stderr", err) < 0 || module_add(m, "__stdin__", in) < 0 ||
        module_add(m, "__stdout__", out) < 0 || module_add(m, "__stderr__", err) < 0) {
        DECREF(in); DECREF(out); DECREF(err);
        goto fail;
    }
    /* The std streams live as long as the interpreter. */
    obj_make_immortal(in);
    obj_make_immortal(out);
    obj_make_immortal(err);

    char version[128];
    snprintf(version, sizeof version, "3.11.0 (gilt %s, %s build)", GILT_VERSION, GILT_BUILD_NAME);
    if (add_owned(m, "version", str_from_cstr(version)) < 0) goto fail;
    Object *major = int_from_i64(3), *minor = int_from_i64(11), *micro = int_from_i64(0);
    Object *level = str_from_cstr("final");
    Object *vi = tuple_pack(5, major, minor, micro, level, micro);
    XDECREF(major); XDECREF(minor); XDECREF(level);
    if (add_owned(m, "version_info", vi) < 0) { XDECREF(micro); goto fail; }
    DECREF(micro);
    if (add_owned(m, "hexversion", int_from_i64(0x030B00F0)) < 0) goto fail;

    Object *impl = module_new("sys.implementation");
    if (!impl) goto fail;
    Object *gv = str_from_cstr(GILT_VERSION);
    if (add_owned(impl, "name", str_from_cstr("gilt")) < 0 ||
        add_owned(impl, "version", gv) < 0 || module_add(impl, "cache_tag", OBJ_NONE) < 0 ||
        add_owned(impl, "build", str_from_cstr(GILT_BUILD_NAME)) < 0) {
        DECREF(impl);
        goto fail;
    }
    if (add_owned(m, "implementation", impl) < 0) goto fail;

    if (add_owned(m, "platform", str_from_cstr("linux")) < 0 ||
        add_owned(m, "byteorder", str_from_cstr(
            __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big")) < 0 ||
        add_owned(m, "maxsize", int_from_i64(INT64_MAX)) < 0 ||
        add_owned(m, "maxunicode", int_from_i64(0x10FFFF)) < 0 ||
        add_owned(m, "api_version", int_from_i64(1013)) < 0 ||
        add_owned(m, "builtin_module_names", tuple_new(0)) < 0 ||
        add_owned(m, "warnoptions", list_new(0)) < 0 ||
        add_owned(m, "abiflags", str_from_cstr(GILT_FT ? "t" : "")) < 0)
        goto fail;

    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = '\0';
    if (add_owned(m, "executable", str_from_cstr(exe)) < 0) goto fail;
    if (add_owned(m, "prefix", str_from_cstr("/usr/local")) < 0) goto fail;

    /* The original hooks, for code that restores them. */
    Object *d = module_dict(m);
    Object *hook = dict_get_cstr(d, "displayhook");
    if (hook) { dict_set_cstr(d, "__displayhook__", hook); DECREF(hook); }
    hook = dict_get_cstr(d, "excepthook");
    if (hook) { dict_set_cstr(d, "__excepthook__", hook); DECREF(hook); }
    return m;
fail:
    DECREF(m);
    return NULL;
}
