/* osmodule.c — the os module and its path submodule (posixpath).
 *
 * os: getcwd, chdir, listdir, mkdir, makedirs, remove/unlink, rmdir,
 * rename/replace, stat, environ (a dict copied at import), getenv, putenv,
 * getpid, getppid, cpu_count, urandom, system, kill, _exit, and the
 * constants sep, linesep, curdir, pardir, name. os.path is the C module
 * posixpath: join, exists, isfile, isdir, basename, dirname, split,
 * splitext, abspath, normpath, isabs, getsize, realpath, expanduser.
 * `import os.path` works because importing os registers "os.path" in
 * sys.modules.
 *
 * Failures raise the OSError subclass for errno with the path as filename
 * ("[Errno 2] No such file or directory: 'x'"). Calls that may block
 * (system) release the GIL.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "gilt.h"

extern char **environ;

#define OSFUNC(name) \
    static Object *name(Object *self, Object *const *args, size_t nargs, Object *kwnames)

static const char *path_arg(const char *fname, Object *o) {
    if (STR_CHECK(o)) return str_data(o);
    if (BYTES_CHECK(o)) return bytes_data(o);
    err_format(Exc_TypeError, "%s: path should be string, bytes or os.PathLike, not %T", fname, o);
    return NULL;
}

/* ---- os.stat_result ---- */

typedef struct StatResult {
    OBJECT_HEAD
    int64_t st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size;
    double atime_s, mtime_s, ctime_s;   /* st_atime etc. are macros in <sys/stat.h> */
} StatResult;

static const MemberDef stat_members[] = {
    {"st_mode", MEMBER_INT64, offsetof(StatResult, st_mode), true, NULL},
    {"st_ino", MEMBER_INT64, offsetof(StatResult, st_ino), true, NULL},
    {"st_dev", MEMBER_INT64, offsetof(StatResult, st_dev), true, NULL},
    {"st_nlink", MEMBER_INT64, offsetof(StatResult, st_nlink), true, NULL},
    {"st_uid", MEMBER_INT64, offsetof(StatResult, st_uid), true, NULL},
    {"st_gid", MEMBER_INT64, offsetof(StatResult, st_gid), true, NULL},
    {"st_size", MEMBER_INT64, offsetof(StatResult, st_size), true, NULL},
    {"st_atime", MEMBER_DOUBLE, offsetof(StatResult, atime_s), true, NULL},
    {"st_mtime", MEMBER_DOUBLE, offsetof(StatResult, mtime_s), true, NULL},
    {"st_ctime", MEMBER_DOUBLE, offsetof(StatResult, ctime_s), true, NULL},
    {NULL, 0, 0, false, NULL},
};

static Object *stat_repr(Object *self) {
    StatResult *s = (StatResult *)self;
    return str_format("os.stat_result(st_mode=%lld, st_ino=%lld, st_dev=%lld, st_nlink=%lld, "
                      "st_uid=%lld, st_gid=%lld, st_size=%lld, st_atime=%lld, st_mtime=%lld, "
                      "st_ctime=%lld)",
                      (long long)s->st_mode, (long long)s->st_ino, (long long)s->st_dev,
                      (long long)s->st_nlink, (long long)s->st_uid, (long long)s->st_gid,
                      (long long)s->st_size, (long long)s->atime_s, (long long)s->mtime_s,
                      (long long)s->ctime_s);
}

static void stat_dealloc(Object *self) { obj_free(self); }

static TypeObject StatResultType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "os.stat_result",
    .basicsize = sizeof(StatResult),
    .base = &ObjectType,
    .dealloc = stat_dealloc,
    .repr = stat_repr,
    .members = stat_members,
};

static double ts_seconds(struct timespec t) { return (double)t.tv_sec + (double)t.tv_nsec * 1e-9; }

OSFUNC(os_stat) {
    if (arg_count("stat", nargs, 1, 1) < 0) return NULL;
    const char *p = path_arg("stat", args[0]);
    if (!p) return NULL;
    struct stat st;
    if (stat(p, &st) < 0) return err_from_errno(Exc_OSError, p);
    StatResult *s = (StatResult *)obj_alloc(&StatResultType, sizeof(StatResult));
    if (!s) return NULL;
    s->st_mode = st.st_mode;
    s->st_ino = (int64_t)st.st_ino;
    s->st_dev = (int64_t)st.st_dev;
    s->st_nlink = (int64_t)st.st_nlink;
    s->st_uid = st.st_uid;
    s->st_gid = st.st_gid;
    s->st_size = st.st_size;
    s->atime_s = ts_seconds(st.st_atim);
    s->mtime_s = ts_seconds(st.st_mtim);
    s->ctime_s = ts_seconds(st.st_ctim);
    return (Object *)s;
}

/* ---- os functions ---- */

OSFUNC(os_getcwd) {
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) return err_from_errno(Exc_OSError, NULL);
    return str_from_cstr(buf);
}

OSFUNC(os_chdir) {
    if (arg_count("chdir", nargs, 1, 1) < 0) return NULL;
    const char *p = path_arg("chdir", args[0]);
    if (!p) return NULL;
    if (chdir(p) < 0) return err_from_errno(Exc_OSError, p);
    RETURN_NONE;
}

OSFUNC(os_listdir) {
    if (arg_count("listdir", nargs, 0, 1) < 0) return NULL;
    const char *p = nargs && args[0] != OBJ_NONE ? path_arg("listdir", args[0]) : ".";
    if (!p) return NULL;
    DIR *d = opendir(p);
    if (!d) return err_from_errno(Exc_OSError, p);
    Object *list = list_new(0);
    struct dirent *e;
    while (list && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        Object *s = str_from_cstr(e->d_name);
        if (!s || list_append(list, s) < 0) CLEAR(list);
        XDECREF(s);
    }
    closedir(d);
    return list;
}

OSFUNC(os_mkdir) {
    static const char *const kwlist[] = {"path", "mode", NULL};
    Object *a[2] = {0};
    if (arg_bind("mkdir", args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    const char *p = path_arg("mkdir", a[0]);
    if (!p) return NULL;
    int64_t mode = a[1] ? obj_as_index(a[1]) : 0777;
    if (mode == -1 && err_occurred()) return NULL;
    if (mkdir(p, (mode_t)mode) < 0) return err_from_errno(Exc_OSError, p);
    RETURN_NONE;
}

OSFUNC(os_makedirs) {
    static const char *const kwlist[] = {"name", "mode", "exist_ok", NULL};
    Object *a[3] = {0};
    if (arg_bind("makedirs", args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    const char *p = path_arg("makedirs", a[0]);
    if (!p) return NULL;
    int64_t mode = a[1] ? obj_as_index(a[1]) : 0777;
    if (mode == -1 && err_occurred()) return NULL;
    int exist_ok = a[2] ? obj_is_true(a[2]) : 0;
    if (exist_ok < 0) return NULL;
    size_t n = strlen(p);
    char *buf = mem_alloc(n + 1);
    memcpy(buf, p, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] != '/' && buf[i] != '\0') continue;
        char saved = buf[i];
        buf[i] = '\0';
        struct stat st;
        bool last = i == n || (saved == '/' && i + 1 == n);
        if (stat(buf, &st) < 0) {
            if (mkdir(buf, (mode_t)mode) < 0 && errno != EEXIST) {
                Object *r = err_from_errno(Exc_OSError, buf);
                mem_free(buf);
                return r;
            }
        } else if (last && !exist_ok) {
            errno = EEXIST;
            Object *r = err_from_errno(Exc_OSError, p);
            mem_free(buf);
            return r;
        }
        buf[i] = saved;
    }
    mem_free(buf);
    RETURN_NONE;
}

OSFUNC(os_remove) {
    if (arg_count("remove", nargs, 1, 1) < 0) return NULL;
    const char *p = path_arg("remove", args[0]);
    if (!p) return NULL;
    if (unlink(p) < 0) return err_from_errno(Exc_OSError, p);
    RETURN_NONE;
}

OSFUNC(os_rmdir) {
    if (arg_count("rmdir", nargs, 1, 1) < 0) return NULL;
    const char *p = path_arg("rmdir", args[0]);
    if (!p) return NULL;
    if (rmdir(p) < 0) return err_from_errno(Exc_OSError, p);
    RETURN_NONE;
}

OSFUNC(os_rename) {
    if (arg_count("rename", nargs, 2, 2) < 0) return NULL;
    const char *a = path_arg("rename", args[0]), *b = a ? path_arg("rename", args[1]) : NULL;
    if (!b) return NULL;
    if (rename(a, b) < 0) {
        int e = errno;
        Object *code = int_from_i64(e), *msg = str_from_cstr(strerror(e));
        Object *argv[5] = {code, msg, args[0], OBJ_NONE, args[1]};
        Object *exc = code && msg ? obj_call((Object *)Exc_OSError, argv, 5, NULL) : NULL;
        XDECREF(code);
        XDECREF(msg);
        if (exc) { err_set_object(exc); DECREF(exc); }
        return NULL;
    }
    RETURN_NONE;
}

OSFUNC(os_getenv) {
    static const char *const kwlist[] = {"key", "default", NULL};
    Object *a[2] = {0};
    if (arg_bind("getenv", args, nargs, kwnames, kwlist, 1, a) < 0) return NULL;
    if (!STR_CHECK(a[0])) return err_format(Exc_TypeError, "str expected, not %T", a[0]);
    /* As python: os.getenv reads os.environ (which the program may change). */
    Object *env = self ? obj_lookup_attr(self, intern_cstr("environ")) : NULL;
    if (env && DICT_CHECK(env)) {
        Object *v = dict_get_str(env, a[0]);
        DECREF(env);
        if (v) return v;
        if (err_occurred()) return NULL;
        return NEWREF(a[1] ? a[1] : OBJ_NONE);
    }
    XDECREF(env);
    err_clear();
    const char *v = getenv(str_data(a[0]));
    if (v) return str_from_cstr(v);
    return NEWREF(a[1] ? a[1] : OBJ_NONE);
}

OSFUNC(os_putenv) {
    if (arg_count("putenv", nargs, 2, 2) < 0) return NULL;
    if (!STR_CHECK(args[0]) || !STR_CHECK(args[1]))
        return err_set(Exc_TypeError, "putenv() arguments must be str");
    if (setenv(str_data(args[0]), str_data(args[1]), 1) < 0) return err_from_errno(Exc_OSError, NULL);
    RETURN_NONE;
}

OSFUNC(os_getpid) { return int_from_i64(getpid()); }
OSFUNC(os_getppid) { return int_from_i64(getppid()); }

OSFUNC(os_cpu_count) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) RETURN_NONE;
    return int_from_i64(n);
}

OSFUNC(os_urandom) {
    if (arg_count("urandom", nargs, 1, 1) < 0) return NULL;
    int64_t n = obj_as_index(args[0]);
    if (n == -1 && err_occurred()) return NULL;
    if (n < 0) return err_set(Exc_ValueError, "negative argument not allowed");
    if (mem_check_size((size_t)n, 1) < 0) return NULL;
    char *buf = mem_alloc_or_raise((size_t)n + 1);
    if (!buf) return NULL;
    size_t got = 0;
    while (got < (size_t)n) {
        ssize_t r = getrandom(buf + got, (size_t)n - got, 0);
        if (r < 0) {
            if (errno == EINTR) continue;
            mem_free(buf);
            return err_from_errno(Exc_OSError, NULL);
        }
        got += (size_t)r;
    }
    Object *b = bytes_from(buf, (size_t)n);
    mem_free(buf);
    return b;
}

OSFUNC(os_system) {
    if (arg_count("system", nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0])) return err_format(Exc_TypeError, "system() argument must be str, not %T", args[0]);
    ThreadState *ts = ts_current();
    BLOCKING_BEGIN(ts);
    int r = system(str_data(args[0]));
    BLOCKING_END(ts);
    return int_from_i64(r);
}

OSFUNC(os_kill) {
    if (arg_count("kill", nargs, 2, 2) < 0) return NULL;
    int64_t pid = obj_as_index(args[0]), sig = pid == -1 && err_occurred() ? 0 : obj_as_index(args[1]);
    if (err_occurred()) return NULL;
    if (kill((pid_t)pid, (int)sig) < 0) return err_from_errno(Exc_OSError, NULL);
    RETURN_NONE;
}

OSFUNC(os__exit) {
    if (arg_count("_exit", nargs, 1, 1) < 0) return NULL;
    int64_t n = obj_as_index(args[0]);
    if (n == -1 && err_occurred()) return NULL;
    _exit((int)n);
}

OSFUNC(os_fspath) {
    if (arg_count("fspath", nargs, 1, 1) < 0) return NULL;
    if (STR_CHECK(args[0]) || BYTES_CHECK(args[0])) return NEWREF(args[0]);
    if (type_lookup_cstr(TYPE(args[0]), "__fspath__"))
        return obj_call_method(args[0], "__fspath__", NULL, 0);
    return err_format(Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", args[0]);
}

static const MethodDef os_methods[] = {
    {"getcwd", os_getcwd, 0, "Return a unicode string representing the current working directory."},
    {"chdir", os_chdir, 0, "Change the current working directory to the specified path."},
    {"listdir", os_listdir, 0, "Return a list containing the names of the files in the directory."},
    {"mkdir", os_mkdir, 0, "Create a directory."},
    {"makedirs", os_makedirs, 0, "Super-mkdir; create a leaf directory and all intermediate ones."},
    {"remove", os_remove, 0, "Remove a file (same as unlink())."},
    {"unlink", os_remove, 0, "Remove a file (same as remove())."},
    {"rmdir", os_rmdir, 0, "Remove a directory."},
    {"rename", os_rename, 0, "Rename a file or directory."},
    {"replace", os_rename, 0, "Rename a file or directory, overwriting the destination."},
    {"stat", os_stat, 0, "Perform a stat system call on the given path."},
    {"getenv", os_getenv, 0, "Get an environment variable, return None if it doesn't exist."},
    {"putenv", os_putenv, 0, "Change or add an environment variable."},
    {"getpid", os_getpid, 0, "Return the current process id."},
    {"getppid", os_getppid, 0, "Return the parent's process id."},
    {"cpu_count", os_cpu_count, 0, "Return the number of CPUs in the system; return None if indeterminable."},
    {"urandom", os_urandom, 0, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"system", os_system, 0, "Execute the command in a subshell."},
    {"kill", os_kill, 0, "Kill a process with a signal."},
    {"_exit", os__exit, 0, "Exit to the system with specified status, without normal exit processing."},
    {"fspath", os_fspath, 0, "Return the file system path representation of the object."},
    {NULL, NULL, 0, NULL},
};

/* ---- posixpath ---- */

static Object *str_arg(const char *fname, Object *o) {
    if (STR_CHECK(o)) return o;
    err_format(Exc_TypeError, "%s() argument must be str, not '%T'", fname, o);
    return NULL;
}

OSFUNC(pp_join) {
    if (nargs < 1) return err_set(Exc_TypeError, "join() missing 1 required positional argument: 'a'");
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < nargs; i++) {
        if (!str_arg("join", args[i])) { sb_free(&sb); return NULL; }
        const char *p = str_data(args[i]);
        size_t n = str_size(args[i]);
        if (n && p[0] == '/') sb.len = 0;
        else if (sb.len && sb.buf[sb.len - 1] != '/') sb_append_char(&sb, '/');
        sb_append(&sb, p, n);
    }
    return sb_finish(&sb);
}

static Object *test_stat(Object *const *args, size_t nargs, const char *name, int kind) {
    if (arg_count(name, nargs, 1, 1) < 0) return NULL;
    if (!STR_CHECK(args[0]) && !BYTES_CHECK(args[0])) RETURN_BOOL(0);
    const char *p = STR_CHECK(args[0]) ? str_data(args[0]) : bytes_data(args[0]);
    struct stat st;
    if (stat(p, &st) < 0) RETURN_BOOL(0);
    if (kind == 1) RETURN_BOOL(S_ISREG(st.st_mode));
    if (kind == 2) RETURN_BOOL(S_ISDIR(st.st_mode));
    RETURN_BOOL(1);
}

OSFUNC(pp_exists) { return test_stat(args, nargs, "exists", 0); }
OSFUNC(pp_isfile) { return test_stat(args, nargs, "isfile", 1); }
OSFUNC(pp_isdir) { return test_stat(args, nargs, "isdir", 2); }

OSFUNC(pp_getsize) {
    if (arg_count("getsize", nargs, 1, 1) < 0) return NULL;
    const char *p = path_arg("getsize", args[0]);
    if (!p) return NULL;
    struct stat st;
    if (stat(p, &st) < 0) return err_from_errno(Exc_OSError, p);
    return int_from_i64(st.st_size);
}

OSFUNC(pp_isabs) {
    if (arg_count("isabs", nargs, 1, 1) < 0 || !str_arg("isabs", args[0])) return NULL;
    RETURN_BOOL(str_data(args[0])[0] == '/');
}

/* Split at the last '/': head keeps its slashes only when it is all slashes. */
static Object *split_pair(Object *path, bool want_head, bool want_tail) {
    const char *p = str_data(path);
    size_t n = str_size(path);
    const char *slash = strrchr(p, '/');
    size_t cut = slash ? (size_t)(slash - p) + 1 : 0;
    size_t hend = cut;
    bool all_slash = true;
    for (size_t i = 0; i < cut; i++) if (p[i] != '/') all_slash = false;
    if (!all_slash) while (hend > 0 && p[hend - 1] == '/') hend--;
    Object *head = str_from_utf8(p, hend);
    Object *tail = str_from_utf8(p + cut, n - cut);
    if (!head || !tail) { XDECREF(head); XDECREF(tail); return NULL; }
    if (want_head && !want_tail) { DECREF(tail); return head; }
    if (want_tail && !want_head) { DECREF(head); return tail; }
    Object *t = tuple_pack(2, head, tail);
    DECREF(head);
    DECREF(tail);
    return t;
}

OSFUNC(pp_split) {
    if (arg_count("split", nargs, 1, 1) < 0 || !str_arg("split", args[0])) return NULL;
    return split_pair(args[0], true, true);
}
OSFUNC(pp_dirname) {
    if (arg_count("dirname", nargs, 1, 1) < 0 || !str_arg("dirname", args[0])) return NULL;
    return split_pair(args[0], true, false);
}
OSFUNC(pp_basename) {
    if (arg_count("basename", nargs, 1, 1) < 0 || !str_arg("basename", args[0])) return NULL;
    return split_pair(args[0], false, true);
}

OSFUNC(pp_splitext) {
    if (arg_count("splitext", nargs, 1, 1) < 0 || !str_arg("splitext", args[0])) return NULL;
    const char *p = str_data(args[0]);
    size_t n = str_size(args[0]);
    const char *slash = strrchr(p, '/');
    size_t base = slash ? (size_t)(slash - p) + 1 : 0;
    const char *dot = strrchr(p + base, '.');
    size_t cut = n;
    if (dot) {
        /* Leading dots of the name (".bashrc") are not an extension. */
        size_t d = (size_t)(dot - p);
        bool only_dots_before = true;
        for (size_t i = base; i < d; i++) if (p[i] != '.') only_dots_before = false;
        if (!only_dots_before) cut = d;
    }
    Object *a = str_from_utf8(p, cut), *b = str_from_utf8(p + cut, n - cut);
    Object *t = a && b ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return t;
}

static Object *normalize(const char *p) {
    size_t n = strlen(p);
    if (n == 0) return str_from_cstr(".");
    bool absolute = p[0] == '/';
    int initial_slashes = absolute ? (n > 1 && p[1] == '/' && (n == 2 || p[2] != '/') ? 2 : 1) : 0;
    /* Components on a stack of (start, len). */
    size_t cap = n / 2 + 2, count = 0;
    const char **starts = mem_alloc(cap * sizeof *starts);
    size_t *lens = mem_alloc(cap * sizeof *lens);
    for (size_t i = 0; i < n;) {
        while (i < n && p[i] == '/') i++;
        size_t j = i;
        while (j < n && p[j] != '/') j++;
        size_t len = j - i;
        if (len == 0 || (len == 1 && p[i] == '.')) { i = j; continue; }
        if (len == 2 && p[i] == '.' && p[i + 1] == '.') {
            if (count > 0 && !(lens[count - 1] == 2 && starts[count - 1][0] == '.' &&
                               starts[count - 1][1] == '.')) {
                count--;
                i = j;
                continue;
            }
            if (absolute) { i = j; continue; }
        }
        starts[count] = p + i;
        lens[count++] = len;
        i = j;
    }
    StrBuilder sb;
    sb_init(&sb);
    for (int k = 0; k < initial_slashes; k++) sb_append_char(&sb, '/');
    for (size_t k = 0; k < count; k++) {
        if (k) sb_append_char(&sb, '/');
        sb_append(&sb, starts[k], lens[k]);
    }
    if (sb.len == 0) sb_append_char(&sb, '.');
    mem_free(starts);
    mem_free(lens);
    return sb_finish(&sb);
}

OSFUNC(pp_normpath) {
    if (arg_count("normpath", nargs, 1, 1) < 0 || !str_arg("normpath", args[0])) return NULL;
    return normalize(str_data(args[0]));
}

OSFUNC(pp_abspath) {
    if (arg_count("abspath", nargs, 1, 1) < 0 || !str_arg("abspath", args[0])) return NULL;
    const char *p = str_data(args[0]);
    if (p[0] == '/') return normalize(p);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return err_from_errno(Exc_OSError, NULL);
    size_t n = strlen(cwd) + strlen(p) + 2;
    char *buf = mem_alloc(n);
    snprintf(buf, n, "%s/%s", cwd, p);
    Object *r = normalize(buf);
    mem_free(buf);
    return r;
}

OSFUNC(pp_realpath) {
    if (arg_count("realpath", nargs, 1, 1) < 0 || !str_arg("realpath", args[0])) return NULL;
    char buf[PATH_MAX];
    if (realpath(str_data(args[0]), buf)) return str_from_cstr(buf);
    return pp_abspath(self, args, nargs, kwnames);
}

OSFUNC(pp_expanduser) {
    if (arg_count("expanduser", nargs, 1, 1) < 0 || !str_arg("expanduser", args[0])) return NULL;
    const char *p = str_data(args[0]);
    const char *home = getenv("HOME");
    if (p[0] != '~' || (p[1] && p[1] != '/') || !home) return NEWREF(args[0]);
    return str_format("%s%s", home, p + 1);
}

static const MethodDef posixpath_methods[] = {
    {"join", pp_join, 0, "Join two or more pathname components."},
    {"exists", pp_exists, 0, "Test whether a path exists."},
    {"isfile", pp_isfile, 0, "Test whether a path is a regular file."},
    {"isdir", pp_isdir, 0, "Return true if the pathname refers to an existing directory."},
    {"getsize", pp_getsize, 0, "Return the size of a file, reported by os.stat()."},
    {"isabs", pp_isabs, 0, "Test whether a path is absolute."},
    {"split", pp_split, 0, "Split a pathname into (head, tail)."},
    {"dirname", pp_dirname, 0, "Returns the directory component of a pathname."},
    {"basename", pp_basename, 0, "Returns the final component of a pathname."},
    {"splitext", pp_splitext, 0, "Split the extension from a pathname."},
    {"normpath", pp_normpath, 0, "Normalize path, eliminating double slashes, etc."},
    {"abspath", pp_abspath, 0, "Return an absolute path."},
    {"realpath", pp_realpath, 0, "Return the canonical path of the specified filename."},
    {"expanduser", pp_expanduser, 0, "Expand ~ to the home directory."},
    {NULL, NULL, 0, NULL},
};

static int add_str(Object *m, const char *name, const char *value) {
    Object *v = str_from_cstr(value);
    int r = v ? module_add(m, name, v) : -1;
    XDECREF(v);
    return r;
}

Object *posixpath_module_init(void) {
    Object *m = module_new("posixpath");
    if (!m) return NULL;
    if (module_add_methods(m, posixpath_methods) < 0 || add_str(m, "sep", "/") < 0 ||
        add_str(m, "curdir", ".") < 0 || add_str(m, "pardir", "..") < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}

Object *os_module_init(void) {
    type_ready(&StatResultType);
    Object *m = module_new("os");
    if (!m) return NULL;
    if (module_add_methods(m, os_methods) < 0 || add_str(m, "sep", "/") < 0 ||
        add_str(m, "linesep", "\n") < 0 || add_str(m, "curdir", ".") < 0 ||
        add_str(m, "pardir", "..") < 0 || add_str(m, "name", "posix") < 0 ||
        add_str(m, "devnull", "/dev/null") < 0 || add_str(m, "extsep", ".") < 0 ||
        add_str(m, "pathsep", ":") < 0)
        goto fail;
    Object *env = dict_new();
    if (!env) goto fail;
    for (char **e = environ; *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Object *k = str_from_utf8(*e, (size_t)(eq - *e)), *v = str_from_cstr(eq + 1);
        if (!k || !v) { err_clear(); XDECREF(k); XDECREF(v); continue; }
        dict_set(env, k, v);
        DECREF(k);
        DECREF(v);
    }
    int r = module_add(m, "environ", env);
    DECREF(env);
    if (r < 0) goto fail;
    Object *path = import_module_cstr("posixpath");
    if (!path) goto fail;
    r = module_add(m, "path", path);
    /* So that `import os.path` finds it. */
    Object *modules = ts_current()->interp->modules;
    if (r == 0) r = dict_set_cstr(modules, "os.path", path);
    DECREF(path);
    if (r < 0) goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
