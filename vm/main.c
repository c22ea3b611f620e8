/* main.c — the `gilt` command.
 *
 *   gilt [options] script.py [args]   run a file (sys.argv = ['script.py', args...])
 *   gilt [options] -c 'code' [args]   run a string (sys.argv[0] == '-c')
 *   gilt [options] -m module [args]   run a module found on sys.path as __main__
 *   gilt [options] [-]                the program from stdin, or the REPL on a tty
 *
 * Options: -i (REPL after the program), --gil=on|off, --tokens, --ast,
 * --dis, --trace, --stats, --version/-V, -h/--help; -u -B -E -s -S -O -q
 * are accepted and ignored, as harmless python habits.
 *
 * `--gil=off` on the GIL build hands over: it execv's its sibling gilt-ft
 * (same directory as /proc/self/exe) with the same arguments, so users only
 * ever type `gilt`. `--gil=on` on gilt-ft turns its runtime GIL on.
 *
 * Exit status as python: 0; 1 for an uncaught exception (traceback on
 * stderr) or a syntax error; SystemExit's code; 2 for a usage error or a
 * script that cannot be opened; 130 after an uncaught KeyboardInterrupt.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "gilt.h"
#include "exceptions.h"
#include "fileio.h"
#include "repl.h"
#include "../compiler/compile.h"

extern void dis_code(Object *code, FILE *out) __attribute__((weak));

typedef enum { DUMP_NONE, DUMP_TOKENS, DUMP_AST, DUMP_DIS } DumpKind;

static const char usage_text[] =
    "usage: gilt [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd       program passed in as string (terminates option list)\n"
    "  -m mod       run library module as a script (terminates option list)\n"
    "  -i           inspect interactively after running script\n"
    "  -h, --help   print this help message and exit\n"
    "  -V, --version  print the gilt version and exit\n"
    "  --gil=on|off run with or without the global interpreter lock\n"
    "               (off runs the free-threaded build, gilt-ft)\n"
    "  --tokens     print the tokens of the program and exit\n"
    "  --ast        print the syntax tree of the program and exit\n"
    "  --dis        print the bytecode of the program and exit\n"
    "  --trace      trace every instruction as it runs\n"
    "  --stats      print reference-count, merge and GIL counters at exit\n"
    "  file         program read from script file\n"
    "  -            program read from stdin (default; interactive mode if a tty)\n"
    "  arg ...      arguments passed to program in sys.argv[1:]\n";

static void usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "usage: gilt [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                    "Try `gilt -h' for more information.\n");
    exit(2);
}

/* Re-run the same command line on gilt-ft. Only returns on failure. */
static void hand_over_to_ft(char **argv) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 16);
    if (n <= 0) {
        fprintf(stderr, "gilt: cannot find the free-threaded build: %s\n", strerror(errno));
        exit(2);
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    strcpy(slash ? slash + 1 : exe, "gilt-ft");
    fflush(stdout);
    execv(exe, argv);
    fprintf(stderr, "gilt: cannot run the free-threaded build '%s': %s\n", exe, strerror(errno));
    exit(2);
}

static char *read_all(FILE *f, size_t *len) {
    size_t cap = 8192, n = 0, r;
    char *buf = mem_alloc(cap);
    while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) buf = mem_realloc(buf, cap *= 2);
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static bool is_type_or_sub(Object *o, TypeObject *t) {
    return TYPE(o) == t || type_is_subtype(TYPE(o), t);
}

/* Report the pending exception; the exit status python would give. */
static int handle_uncaught(void) {
    Object *exc = err_fetch();
    if (!exc) return 0;
    if (is_type_or_sub(exc, Exc_SystemExit)) {
        int status = exc_system_exit_status(exc);
        DECREF(exc);
        return status;
    }
    bool interrupted = is_type_or_sub(exc, Exc_KeyboardInterrupt);
    err_restore(exc);
    err_print();
    return interrupted ? 130 : 1;
}

static int run_source(Object *dict, const char *src, size_t len, const char *filename) {
    Object *code = compile_source(src, len, filename, COMPILE_FILE);
    if (!code) return handle_uncaught();
    Object *r = eval_code(code, dict, dict);
    DECREF(code);
    if (!r) return handle_uncaught();
    DECREF(r);
    return 0;
}

static int dump(DumpKind kind, const char *src, size_t len, const char *filename) {
    int rc;
    if (kind == DUMP_TOKENS) {
        rc = compile_dump_tokens(src, len, filename, stdout);
    } else if (kind == DUMP_AST) {
        rc = compile_dump_ast(src, len, filename, stdout);
    } else {
        Object *code = compile_source(src, len, filename, COMPILE_FILE);
        rc = code ? 0 : -1;
        if (code && dis_code) dis_code(code, stdout);
        else if (code) fprintf(stderr, "gilt: --dis is not available in this build\n");
        XDECREF(code);
    }
    fflush(stdout);
    return rc < 0 ? handle_uncaught() : 0;
}

static Object *make_main_module(Interp *in) {
    Object *m = module_new("__main__");
    if (!m) return NULL;
    Object *d = module_dict(m);
    Object *b = dict_get_cstr(in->modules, "builtins");
    dict_set_cstr(d, "__builtins__", b ? b : in->builtins);
    XDECREF(b);
    static const char *const nones[] = {"__doc__", "__package__", "__spec__", "__loader__"};
    for (size_t i = 0; i < sizeof nones / sizeof *nones; i++)
        dict_set_cstr(d, nones[i], OBJ_NONE);
    Object *ann = dict_new();
    if (ann) { dict_set_cstr(d, "__annotations__", ann); DECREF(ann); }
    dict_set_cstr(in->modules, "__main__", m);
    in->main_module = m;
    return m;
}

static void set_path0(Interp *in, const char *dir) {
    Object *path = dict_get_cstr(in->sysdict, "path");
    Object *s = str_from_cstr(dir);
    if (path && s && LIST_CHECK(path) && list_size(path) > 0) list_set(path, 0, s);
    XDECREF(path);
    XDECREF(s);
}

int main(int argc, char **argv) {
    const char *command = NULL, *module = NULL, *script = NULL;
    bool inspect = false, trace = false, stats = false, show_version = false;
    int gil = -1;
    DumpKind dump_kind = DUMP_NONE;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !strcmp(a, "-")) break;
        if (!strcmp(a, "--")) { i++; break; }
        if (!strncmp(a, "-c", 2)) {
            if (a[2]) command = a + 2;
            else if (i + 1 < argc) command = argv[++i];
            else usage_error("Argument expected for the -c option\n", "");
            i++;
            break;
        }
        if (!strncmp(a, "-m", 2) && strncmp(a, "--", 2)) {
            if (a[2]) module = a + 2;
            else if (i + 1 < argc) module = argv[++i];
            else usage_error("Argument expected for the -m option\n", "");
            i++;
            break;
        }
        if (!strcmp(a, "-i")) inspect = true;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "-?")) {
            fputs(usage_text, stdout);
            return 0;
        } else if (!strcmp(a, "-V") || !strcmp(a, "--version")) show_version = true;
        else if (!strcmp(a, "--gil=on")) gil = 1;
        else if (!strcmp(a, "--gil=off")) gil = 0;
        else if (!strcmp(a, "--gil") && i + 1 < argc &&
                 (!strcmp(argv[i + 1], "on") || !strcmp(argv[i + 1], "off")))
            gil = !strcmp(argv[++i], "on");
        else if (!strcmp(a, "--tokens")) dump_kind = DUMP_TOKENS;
        else if (!strcmp(a, "--ast")) dump_kind = DUMP_AST;
        else if (!strcmp(a, "--dis")) dump_kind = DUMP_DIS;
        else if (!strcmp(a, "--trace")) trace = true;
        else if (!strcmp(a, "--stats")) stats = true;
        else if (!strcmp(a, "-X") || !strcmp(a, "-W")) { if (i + 1 < argc) i++; }
        else if (strlen(a) == 2 && strchr("uBEsSOqd", a[1])) { /* accepted, ignored */ }
        else usage_error("Unknown option: %s\n", a);
    }
    if (!GIL_OPTIONAL && gil == 0) hand_over_to_ft(argv);
    if (gil >= 0) interp_request_gil(gil);
    if (show_version) {
        printf("gilt %s (%s build)\n", GILT_VERSION, GILT_BUILD_NAME);
        return 0;
    }

    /* sys.argv: what follows the program, led by its name. */
    if (!command && !module && i < argc && strcmp(argv[i], "-")) script = argv[i];
    int nargs = argc - i;
    char **sysargv = mem_alloc(sizeof(char *) * (size_t)(nargs + 2));
    int sysargc = 0;
    if (command) sysargv[sysargc++] = "-c";
    else if (module) sysargv[sysargc++] = "-m";
    else if (i >= argc) sysargv[sysargc++] = "";
    for (int k = i; k < argc; k++) sysargv[sysargc++] = argv[k];
    sysargv[sysargc] = NULL;

    Interp *in = interp_create(sysargc, sysargv);
    in->trace = trace;
    in->verbose_stats = stats;
    Object *main_module = make_main_module(in);
    if (!main_module) return handle_uncaught();
    Object *dict = module_dict(main_module);

    int status = 0;
    bool interactive = false;
    if (command) {
        set_path0(in, "");
        status = dump_kind ? dump(dump_kind, command, strlen(command), "<string>")
                           : run_source(dict, command, strlen(command), "<string>");
    } else if (module) {
        char cwd[PATH_MAX];
        set_path0(in, getcwd(cwd, sizeof cwd) ? cwd : "");
        if (import_run_module_as_main(module, main_module) < 0) {
            if (err_matches(Exc_ModuleNotFoundError)) {
                /* python's wording here has no quotes: "No module named x" */
                Object *exc = err_fetch();
                Object *name = obj_getattr_cstr(exc, "name");
                if (!name) err_clear();
                fileio_flush_std();
                fprintf(stderr, "gilt: No module named %s\n",
                        name && STR_CHECK(name) ? str_data(name) : module);
                XDECREF(name);
                DECREF(exc);
                status = 1;
            } else {
                status = handle_uncaught();
            }
        }
    } else if (script) {
        FILE *f = fopen(script, "rb");
        if (!f) {
            int e = errno;
            char cwd[PATH_MAX];
            if (script[0] == '/' || !getcwd(cwd, sizeof cwd))
                fprintf(stderr, "gilt: can't open file '%s': [Errno %d] %s\n", script, e, strerror(e));
            else
                fprintf(stderr, "gilt: can't open file '%s/%s': [Errno %d] %s\n", cwd, script, e,
                        strerror(e));
            return 2;
        }
        size_t len;
        char *src = read_all(f, &len);
        fclose(f);
        char real[PATH_MAX];
        if (realpath(script, real)) {
            char *slash = strrchr(real, '/');
            if (slash == real) slash[1] = '\0';
            else if (slash) *slash = '\0';
            set_path0(in, real);
        }
        /* As python 3.9+: the script's path made absolute (cwd joined, not
         * normalized) names it in __file__ and in tracebacks. */
        char cwd[PATH_MAX];
        size_t need = strlen(script) + PATH_MAX + 2;
        char *filename = mem_alloc(need);
        if (script[0] != '/' && getcwd(cwd, sizeof cwd))
            snprintf(filename, need, "%s/%s", cwd, script);
        else
            snprintf(filename, need, "%s", script);
        Object *file = str_from_cstr(filename);
        if (file) { dict_set_cstr(dict, "__file__", file); DECREF(file); }
        status = dump_kind ? dump(dump_kind, src, len, filename)
                           : run_source(dict, src, len, filename);
        mem_free(filename);
        mem_free(src);
    } else if (isatty(0) && !dump_kind) {
        interactive = true;
    } else {
        size_t len;
        char *src = read_all(stdin, &len);
        status = dump_kind ? dump(dump_kind, src, len, "<stdin>") : run_source(dict, src, len, "<stdin>");
        mem_free(src);
    }
    if ((interactive || inspect) && !dump_kind) {
        if (!interactive) fileio_flush_std();
        status = repl_main(in, inspect && !interactive);
    }
    interp_finalize(in);
    /* Leave without tearing down objects: threads may still be running
     * (daemon threads), and the OS frees everything at once. */
    fflush(stdout);
    fflush(stderr);
    return status;
}
