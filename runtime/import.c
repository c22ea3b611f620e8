/* import.c — the import system.
 *
 * `import a.b.c` imports a, then a.b, then a.b.c, each once: a module is
 * looked up in sys.modules, then among the C modules (a static table plus
 * the ones registered with import_register_builtin), then as NAME/__init__.py
 * (a package, whose __path__ is [that directory]) or NAME.py in each
 * directory of sys.path (for a top-level name) or of the parent package's
 * __path__. A source module is entered in sys.modules *before* its body
 * runs, so circular imports see the partially initialized module, and is
 * removed again if the body raises. Each submodule becomes an attribute of
 * its parent. Relative imports resolve against __package__ (or __name__).
 *
 * Error messages are CPython's: "No module named 'x'" (ModuleNotFoundError,
 * with .name), "cannot import name 'y' from 'x' (/path/x.py)".
 *
 * Not done: an import lock per module (two threads importing the same new
 * module at once may both run its body), bytecode caching, __all__ for
 * submodules in `from pkg import *`.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "gilt.h"
#include "exceptions.h"
#include "../compiler/compile.h"

/* Modules of other engineers' files. _thread is a strong reference: a weak
 * one would not pull runtime/threadmodule.o out of libgilt.a, leaving
 * `import _thread` unresolvable. dis stays optional at link time (a missing
 * one is simply not importable). */
extern Object *thread_module_init(void);
extern Object *dis_module_init(void) __attribute__((weak));

static const BuiltinModule static_modules[] = {
    {"math", math_module_init},
    {"time", time_module_init},
    {"os", os_module_init},
    {"posixpath", posixpath_module_init},
};

static BuiltinModule *registered;
static size_t nregistered, registered_cap;

void import_register_builtin(const char *name, ModuleInitFunc init) {
    if (nregistered == registered_cap) {
        registered_cap = registered_cap ? registered_cap * 2 : 8;
        registered = mem_realloc(registered, registered_cap * sizeof *registered);
    }
    registered[nregistered].name = name;
    registered[nregistered].init = init;
    nregistered++;
}

static ModuleInitFunc find_builtin(const char *name) {
    for (size_t i = 0; i < nregistered; i++)
        if (!strcmp(registered[i].name, name)) return registered[i].init;
    for (size_t i = 0; i < sizeof static_modules / sizeof *static_modules; i++)
        if (!strcmp(static_modules[i].name, name)) return static_modules[i].init;
    if (!strcmp(name, "_thread")) return thread_module_init;
    if (!strcmp(name, "dis") && dis_module_init) return dis_module_init;
    return NULL;
}

static Object *modules_dict(void) { return ts_current()->interp->modules; }

/* Modules whose bodies are running (for the circular-import message). */
#define MAX_INITIALIZING 256
static Object *initializing[MAX_INITIALIZING];
static int ninitializing;

static bool is_initializing(Object *m) {
    for (int i = 0; i < ninitializing; i++)
        if (initializing[i] == m) return true;
    return false;
}

/* ------------------------------------------------------------------ */
/* running source files                                                 */

/* The whole file in mimalloc memory (NUL-terminated), or NULL with OSError. */
static char *read_source(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_from_errno(Exc_OSError, path);
        return NULL;
    }
    size_t cap = 8192, n = 0;
    char *buf = mem_alloc(cap);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            cap *= 2;
            buf = mem_realloc(buf, cap);
        }
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

static Object *builtins_module(void) {
    Object *b = dict_get_cstr(modules_dict(), "builtins");
    return b ? b : NEWREF(ts_current()->interp->builtins);
}

static int run_source(const char *path, Object *dict) {
    size_t len;
    char *src = read_source(path, &len);
    if (!src) return -1;
    Object *b = dict_get_cstr(dict, "__builtins__");
    if (b) {
        DECREF(b);
    } else {
        b = builtins_module();
        int r = dict_set_cstr(dict, "__builtins__", b);
        DECREF(b);
        if (r < 0) { mem_free(src); return -1; }
    }
    Object *code = compile_source(src, len, path, COMPILE_FILE);
    mem_free(src);
    if (!code) return -1;
    Object *r = eval_code(code, dict, dict);
    DECREF(code);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

int import_run_file(const char *path, Object *module) {
    return run_source(path, module_dict(module));
}

static Object *load_source_module(Object *fullname, const char *path, const char *pkgdir) {
    Object *m = module_new(str_data(fullname));
    if (!m) return NULL;
    Object *d = module_dict(m);
    Object *file = str_from_cstr(path);
    int rc = file ? dict_set_cstr(d, "__file__", file) : -1;
    XDECREF(file);
    /* __package__: the package itself, or the parent of a plain module. */
    Object *pkg;
    if (pkgdir) {
        pkg = NEWREF(fullname);
    } else {
        const char *dot = strrchr(str_data(fullname), '.');
        pkg = dot ? str_from_utf8(str_data(fullname), (size_t)(dot - str_data(fullname)))
                  : str_from_cstr("");
    }
    if (rc == 0) rc = pkg ? dict_set_cstr(d, "__package__", pkg) : -1;
    XDECREF(pkg);
    if (rc == 0) rc = dict_set_cstr(d, "__spec__", OBJ_NONE);
    if (rc == 0) rc = dict_set_cstr(d, "__loader__", OBJ_NONE);
    if (rc == 0 && pkgdir) {
        Object *dir = str_from_cstr(pkgdir);
        Object *list = dir ? list_from_array(&dir, 1) : NULL;
        rc = list ? dict_set_cstr(d, "__path__", list) : -1;
        XDECREF(dir);
        XDECREF(list);
    }
    if (rc < 0 || dict_set(modules_dict(), fullname, m) < 0) {
        DECREF(m);
        return NULL;
    }
    if (ninitializing < MAX_INITIALIZING) initializing[ninitializing++] = m;
    rc = run_source(path, d);
    for (int i = ninitializing - 1; i >= 0; i--)
        if (initializing[i] == m) {
            initializing[i] = initializing[--ninitializing];
            break;
        }
    if (rc < 0) {
        Object *saved = err_fetch();
        if (dict_pop(modules_dict(), fullname, NULL) < 0) err_clear();
        err_restore(saved);
        DECREF(m);
        return NULL;
    }
    /* The body may have replaced its sys.modules entry; honour that. */
    Object *final = dict_get_str(modules_dict(), fullname);
    if (final) {
        DECREF(m);
        return final;
    }
    return m;
}

/* ------------------------------------------------------------------ */
/* finding                                                              */

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Search `paths` (a list of directory strings) for `shortname`. On success
 * fills file (and pkgdir for a package, else pkgdir[0] = 0). */
static bool find_in_paths(Object *paths, const char *shortname, char *file, size_t fsize,
                          char *pkgdir, size_t psize) {
    if (!paths || !LIST_CHECK(paths)) return false;
    for (size_t i = 0; i < list_size(paths); i++) {
        Object *dir = list_get(paths, (int64_t)i);
        if (!dir) { err_clear(); break; }
        if (!STR_CHECK(dir)) { DECREF(dir); continue; }
        const char *d = str_size(dir) ? str_data(dir) : ".";
        snprintf(pkgdir, psize, "%s/%s", d, shortname);
        snprintf(file, fsize, "%s/__init__.py", pkgdir);
        if (is_file(file)) { DECREF(dir); return true; }
        snprintf(file, fsize, "%s/%s.py", d, shortname);
        DECREF(dir);
        if (is_file(file)) { pkgdir[0] = '\0'; return true; }
    }
    pkgdir[0] = '\0';
    return false;
}

static Object *module_not_found(Object *fullname, const char *extra) {
    Object *msg = extra ? str_format("No module named %R; %s", fullname, extra)
                        : str_format("No module named %R", fullname);
    if (!msg) return NULL;
    Object *kwn = tuple_pack(1, intern_cstr("name"));
    Object *argv[2] = {msg, fullname};
    Object *exc = kwn ? obj_call((Object *)Exc_ModuleNotFoundError, argv, 1, kwn) : NULL;
    XDECREF(kwn);
    DECREF(msg);
    if (exc) {
        err_set_object(exc);
        DECREF(exc);
    }
    return NULL;
}

/* Import one module whose parent (NULL for top level) is already imported. */
static Object *load_module(Object *fullname, Object *parent) {
    const char *full = str_data(fullname);
    const char *dot = strrchr(full, '.');
    const char *shortname = dot ? dot + 1 : full;
    Object *m = NULL;
    Object *paths;
    if (!parent) {
        ModuleInitFunc init = find_builtin(full);
        if (init) {
            m = init();
            if (!m) return NULL;
            if (dict_set(modules_dict(), fullname, m) < 0) { DECREF(m); return NULL; }
            return m;
        }
        paths = dict_get_cstr(ts_current()->interp->sysdict, "path");
        if (!paths) return err_set(Exc_ImportError, "sys.path is missing");
    } else {
        paths = obj_lookup_attr(parent, intern_cstr("__path__"));
        if (!paths) {
            if (err_occurred()) return NULL;
            Object *pname = str_from_utf8(full, (size_t)(dot - full));
            Object *extra = pname ? str_format("%R is not a package", pname) : NULL;
            if (extra) module_not_found(fullname, str_data(extra));
            XDECREF(pname);
            XDECREF(extra);
            return NULL;
        }
    }
    char file[4096], pkgdir[4096];
    bool found = find_in_paths(paths, shortname, file, sizeof file, pkgdir, sizeof pkgdir);
    DECREF(paths);
    if (err_occurred()) return NULL;
    if (!found) return module_not_found(fullname, NULL);
    m = load_source_module(fullname, file, pkgdir[0] ? pkgdir : NULL);
    if (m && parent && obj_setattr(parent, intern_cstr(shortname), m) < 0) CLEAR(m);
    return m;
}

/* Import every prefix of the dotted name; the last module (new ref). */
static Object *import_dotted(Object *absname) {
    Object *m = dict_get_str(modules_dict(), absname);
    if (m && m != OBJ_NONE) return m;
    if (m) {                       /* sys.modules[name] = None blocks it */
        DECREF(m);
        return module_not_found(absname, NULL);
    }
    if (err_occurred()) return NULL;
    const char *s = str_data(absname);
    size_t n = str_size(absname);
    Object *parent = NULL;
    for (size_t end = 0; end <= n; end++) {
        if (end < n && s[end] != '.') continue;
        Object *prefix = end == n ? NEWREF(absname) : str_from_utf8(s, end);
        if (!prefix) { XDECREF(parent); return NULL; }
        Object *mod = dict_get_str(modules_dict(), prefix);
        if (!mod) mod = load_module(prefix, parent);
        else if (mod == OBJ_NONE) { DECREF(mod); mod = module_not_found(prefix, NULL); }
        DECREF(prefix);
        XDECREF(parent);
        if (!mod) return NULL;
        parent = mod;
    }
    return parent;
}

Object *import_module_cstr(const char *name) {
    Object *s = str_from_cstr(name);
    if (!s) return NULL;
    Object *m = import_dotted(s);
    DECREF(s);
    return m;
}

/* The package that a relative import in `globals` is relative to. */
static Object *resolve_package(Object *globals) {
    Object *pkg = globals ? dict_get_cstr(globals, "__package__") : NULL;
    if (pkg && STR_CHECK(pkg)) return pkg;
    XDECREF(pkg);
    Object *name = globals ? dict_get_cstr(globals, "__name__") : NULL;
    if (!name || !STR_CHECK(name)) {
        XDECREF(name);
        return err_set(Exc_ImportError, "attempted relative import with no known parent package");
    }
    Object *path = dict_get_cstr(globals, "__path__");
    if (path) {
        DECREF(path);
        return name;
    }
    const char *dot = strrchr(str_data(name), '.');
    Object *r = dot ? str_from_utf8(str_data(name), (size_t)(dot - str_data(name)))
                    : str_from_cstr("");
    DECREF(name);
    return r;
}

static Object *absolute_name(Object *name, Object *globals, int level) {
    if (level == 0) {
        if (str_size(name) == 0) return err_set(Exc_ValueError, "Empty module name");
        return NEWREF(name);
    }
    Object *pkg = resolve_package(globals);
    if (!pkg) return NULL;
    if (str_size(pkg) == 0) {
        DECREF(pkg);
        return err_set(Exc_ImportError, "attempted relative import with no known parent package");
    }
    const char *p = str_data(pkg);
    size_t len = str_size(pkg);
    for (int i = 1; i < level; i++) {
        while (len > 0 && p[len - 1] != '.') len--;
        if (len == 0) {
            DECREF(pkg);
            return err_set(Exc_ImportError, "attempted relative import beyond top-level package");
        }
        len--;
    }
    Object *base = str_from_utf8(p, len);
    DECREF(pkg);
    if (!base || str_size(name) == 0) return base;
    Object *r = str_format("%U.%U", base, name);
    DECREF(base);
    return r;
}

Object *import_name(Object *name, Object *globals, Object *fromlist, int level) {
    Object *absname = absolute_name(name, globals, level);
    if (!absname) return NULL;
    Object *m = import_dotted(absname);
    if (!m) { DECREF(absname); return NULL; }
    int has_from = fromlist ? obj_is_true(fromlist) : 0;
    if (has_from < 0) { DECREF(absname); DECREF(m); return NULL; }
    if (has_from) {
        /* from pkg import sub: import submodules not yet attributes. */
        Object *path = obj_lookup_attr(m, intern_cstr("__path__"));
        if (path) {
            DECREF(path);
            Object *items = obj_to_list(fromlist);
            for (size_t i = 0; items && i < list_size(items); i++) {
                Object *item = list_get(items, (int64_t)i);
                if (!item) break;
                if (STR_CHECK(item) && !str_eq_cstr(item, "*")) {
                    Object *attr = obj_lookup_attr(m, item);
                    if (attr) {
                        DECREF(attr);
                    } else if (!err_occurred()) {
                        Object *sub = str_format("%U.%U", absname, item);
                        Object *sm = sub ? import_dotted(sub) : NULL;
                        if (!sm && err_matches(Exc_ModuleNotFoundError)) err_clear();
                        XDECREF(sm);
                        XDECREF(sub);
                    }
                }
                DECREF(item);
                if (err_occurred()) break;
            }
            XDECREF(items);
            if (err_occurred()) { DECREF(absname); DECREF(m); return NULL; }
        } else if (err_occurred()) {
            DECREF(absname); DECREF(m);
            return NULL;
        }
        DECREF(absname);
        return m;
    }
    /* `import a.b.c` binds a: return the top-level package. */
    Object *result = m;
    if (level == 0) {
        const char *dot = strchr(str_data(name), '.');
        if (dot) {
            Object *top = str_from_utf8(str_data(name), (size_t)(dot - str_data(name)));
            result = top ? dict_get_str(modules_dict(), top) : NULL;
            XDECREF(top);
            DECREF(m);
            if (!result && !err_occurred()) err_set(Exc_KeyError, "top-level module missing");
        }
    }
    DECREF(absname);
    return result;
}

Object *import_from(Object *module, Object *name) {
    Object *v = obj_lookup_attr(module, name);
    if (v || err_occurred()) return v;
    Object *modname = obj_lookup_attr(module, intern_cstr("__name__"));
    if (!modname) {
        if (!err_occurred()) err_format(Exc_ImportError, "cannot import name %R", name);
        return NULL;
    }
    if (STR_CHECK(modname)) {
        Object *full = str_format("%U.%U", modname, name);
        v = full ? dict_get_str(modules_dict(), full) : NULL;
        XDECREF(full);
        if (v) { DECREF(modname); return v; }
    }
    Object *file = obj_lookup_attr(module, intern_cstr("__file__"));
    if (!file) err_clear();
    Object *where = file && STR_CHECK(file) ? NEWREF(file) : str_from_cstr("unknown location");
    Object *msg = is_initializing(module)
        ? str_format("cannot import name %R from partially initialized module %R "
                     "(most likely due to a circular import) (%U)", name, modname, where)
        : str_format("cannot import name %R from %R (%U)", name, modname, where);
    if (msg) {
        Object *kwn = tuple_pack(1, intern_cstr("name"));
        Object *argv[2] = {msg, modname};
        Object *exc = kwn ? obj_call((Object *)Exc_ImportError, argv, 1, kwn) : NULL;
        XDECREF(kwn);
        if (exc) { err_set_object(exc); DECREF(exc); }
        DECREF(msg);
    }
    XDECREF(file);
    XDECREF(where);
    DECREF(modname);
    return NULL;
}

int import_run_module_as_main(const char *name, Object *main_module) {
    Object *full = str_from_cstr(name);
    if (!full) return -1;
    Object *parent = NULL;
    const char *dot = strrchr(name, '.');
    if (dot) {
        Object *pname = str_from_utf8(name, (size_t)(dot - name));
        parent = pname ? import_dotted(pname) : NULL;
        XDECREF(pname);
        if (!parent) { DECREF(full); return -1; }
    }
    Object *paths = parent ? obj_lookup_attr(parent, intern_cstr("__path__"))
                           : dict_get_cstr(ts_current()->interp->sysdict, "path");
    char file[4096], pkgdir[2048];
    bool found = paths && find_in_paths(paths, dot ? dot + 1 : name, file, sizeof file,
                                        pkgdir, sizeof pkgdir);
    XDECREF(paths);
    XDECREF(parent);
    if (!found) {
        if (!err_occurred()) module_not_found(full, NULL);
        DECREF(full);
        return -1;
    }
    if (pkgdir[0]) {
        /* A package runs its __main__ submodule. */
        Object *pkg = import_dotted(full);
        XDECREF(pkg);
        if (!pkg) { DECREF(full); return -1; }
        snprintf(file, sizeof file, "%s/__main__.py", pkgdir);
        if (!is_file(file)) {
            fprintf(stderr, "gilt: No module named %s.__main__; '%s' is a package and cannot be directly executed\n",
                    name, name);
            DECREF(full);
            Object *one = int_from_i64(1);
            err_set_value(Exc_SystemExit, one);
            XDECREF(one);
            return -1;
        }
    }
    DECREF(full);
    Object *d = module_dict(main_module);
    Object *f = str_from_cstr(file);
    if (!f || dict_set_cstr(d, "__file__", f) < 0) { XDECREF(f); return -1; }
    Object *argv = dict_get_cstr(ts_current()->interp->sysdict, "argv");
    if (argv && LIST_CHECK(argv) && list_size(argv) > 0) list_set(argv, 0, f);
    XDECREF(argv);
    DECREF(f);
    return run_source(file, d);
}
