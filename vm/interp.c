/* interp.c — creating and finalizing the interpreter.
 *
 * interp_create brings the runtime up in dependency order: Boehm GC for the
 * compiler, the calling thread's ThreadState (so objects have an owner),
 * the GIL, small ints and the core types, the builtins module and the
 * exception classes in it, then sys and the module table. The GIL is always
 * on in the GIL build; in the free-threaded build it is off unless
 * `--gil=on` (interp_request_gil) or PYTHON_GIL=1 asks for it.
 *
 * interp_finalize lets non-daemon threads finish (threading._shutdown, if
 * threading was imported), flushes the standard streams and prints the
 * --stats report.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "gilt.h"
#include "fileio.h"
#include "brc.h"
#include "../compiler/compile.h"

static int gil_requested = -1;    /* -1: the build's default */

void interp_request_gil(int on) { gil_requested = on; }

static bool want_gil(void) {
    if (!GIL_OPTIONAL) return true;
    if (gil_requested >= 0) return gil_requested;
    const char *env = getenv("PYTHON_GIL");
    return env && !strcmp(env, "1");
}

static void fatal(const char *what) {
    fprintf(stderr, "gilt: fatal error during start-up: %s\n", what);
    if (ts_current() && ts_current()->curexc) err_print();
    exit(1);
}

Interp *interp_create(int argc, char **argv) {
    compile_init();
    Interp *in = mem_calloc(1, sizeof *in);
    pthread_mutex_init(&in->threads_lock, NULL);
    in->recursion_limit = 1000;
    ts_new(in);
    gil_init(in, want_gil());

    if (int_init() < 0) fatal("int_init");
    if (types_init() < 0) fatal("types_init");

    Object *builtins = builtins_module_init();
    if (!builtins) fatal("the builtins module");
    in->builtins = module_dict(builtins);
    if (exceptions_init(in->builtins) < 0) fatal("the exception classes");

    in->modules = dict_new();
    if (!in->modules) fatal("sys.modules");
    Object *sys = sys_module_init(argc, argv);
    if (!sys) fatal("the sys module");
    in->sysdict = module_dict(sys);
    if (module_add(sys, "modules", in->modules) < 0 ||
        dict_set_cstr(in->modules, "builtins", builtins) < 0 ||
        dict_set_cstr(in->modules, "sys", sys) < 0)
        fatal("sys.modules");
    /* Every thread reads these; they live as long as the process. */
    obj_make_immortal(builtins);
    obj_make_immortal(in->builtins);
    obj_make_immortal(sys);
    obj_make_immortal(in->sysdict);
    obj_make_immortal(in->modules);
    DECREF(builtins);
    DECREF(sys);

    signals_init();
    return in;
}

/* Threads whose Python code has finished (joined, or returned after
 * threading._shutdown) still drop their last references in C; wait for
 * them, briefly, so that those objects are finalized before exit, as
 * when the same objects are dropped by the main thread. Daemon threads
 * still running are not waited for. */
static void wait_for_finishing_threads(Interp *in, ThreadState *ts) {
    for (int waited_ms = 0; waited_ms < 1000; waited_ms++) {
        bool finishing = false;
        pthread_mutex_lock(&in->threads_lock);
        for (ThreadState *t = in->threads; t; t = t->next)
            if (t != ts && __atomic_load_n(&t->finishing, __ATOMIC_ACQUIRE)) finishing = true;
        pthread_mutex_unlock(&in->threads_lock);
        if (!finishing) return;
        BLOCKING_BEGIN(ts);
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
        BLOCKING_END(ts);
    }
}

void interp_finalize(Interp *in) {
    Object *saved = err_fetch();
    Object *threading = dict_get_cstr(in->modules, "threading");
    if (threading) {
        Object *shutdown = obj_lookup_attr(threading, intern_cstr("_shutdown"));
        if (shutdown) {
            Object *r = obj_call0(shutdown);
            if (r) DECREF(r);
            else err_print();
            DECREF(shutdown);
        }
        err_clear();
        DECREF(threading);
    }
    /* Like CPython, drop __main__'s globals so their objects' __del__ runs
     * before exit; only when no other thread is left to see them vanish. */
    ThreadState *ts = ts_current();
    wait_for_finishing_threads(in, ts);
    pthread_mutex_lock(&in->threads_lock);
    bool alone = ts && in->threads == ts && !ts->next;
    pthread_mutex_unlock(&in->threads_lock);
    if (alone) {
        /* What the other threads left us: references they dropped on our
         * objects (BRC queue), and deaths waiting for a grace period. */
        brc_merge_pending();
        qsbr_drain_alone();
        if (in->main_module) {
            module_clear_dict(in->main_module);
            err_clear();
        }
    }
    fileio_flush_std();
    fflush(stdout);
    fflush(stderr);
    if (in->verbose_stats) stats_print(in);
    err_restore(saved);
}
