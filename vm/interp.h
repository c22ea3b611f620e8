/* interp.h — the interpreter and per-thread state (interp.c, threadstate.c).
 *
 * All state that is not per-thread lives in one Interp; per-thread state
 * (the frame chain, the exception being raised and the one being handled,
 * the mimalloc heap, the BRC merge queue, the eval-breaker word) lives in
 * a ThreadState. The eval loop receives its ThreadState explicitly; runtime
 * code that is not handed one reads the calling thread's with ts_current()
 * (a thread-local pointer, as CPython's _PyThreadState_GET).
 */
#ifndef GILT_INTERP_H
#define GILT_INTERP_H

#include <pthread.h>
#include "object.h"

struct Frame;
struct ThreadState;

/* Bits of ThreadState.eval_breaker, checked at the VM's one safe point
 * (backward jumps and calls). */
enum {
    EB_GIL_DROP_REQUEST = 1u << 0,   /* another thread wants the GIL       */
    EB_BRC_MERGE        = 1u << 1,   /* objects queued for this owner      */
    EB_SIGNALS          = 1u << 2,   /* a signal (SIGINT) is pending       */
    EB_ASYNC_EXC        = 1u << 3,   /* an asynchronous exception is due   */
    EB_STOP_THE_WORLD   = 1u << 4,   /* pause at the safe point            */
    EB_QSBR             = 1u << 5,   /* report a quiescent state (qsbr.h)  */
};

typedef struct Interp {
    Object *modules;           /* sys.modules (dict)                        */
    Object *builtins;          /* the builtins module's dict               */
    Object *sysdict;           /* the sys module's dict                     */
    Object *main_module;
    bool gil_enabled;          /* a GIL serializes bytecode (always in the GIL build) */
    int verbose_stats;         /* --stats                                   */
    int trace;                 /* --trace                                   */
    int recursion_limit;       /* sys.setrecursionlimit, default 1000       */
    pthread_mutex_t threads_lock;
    struct ThreadState *threads;   /* linked list of live thread states     */
    struct ThreadState *main_thread;
    void *gil;                 /* vm/gil.c                                  */
    void *runtime_private;     /* per-subsystem data hung off here          */
} Interp;

/* A generator or coroutine runs with a handled-exception slot of its own
 * (ThreadState.handled, saved with it while it is suspended), as CPython's
 * gi_exc_state: an except block inside it saves and restores that slot
 * only. The slot of whoever resumed it waits meanwhile in a HandledLink on
 * gen_resume's C stack. The exception being handled is the innermost slot
 * that holds one (err_handled, errors.c). */
typedef struct HandledLink {
    Object *handled;
    struct HandledLink *outer;
} HandledLink;

typedef struct ThreadState {
    Interp *interp;
    struct ThreadState *next, *prev;   /* in interp->threads                */
    uintptr_t id;              /* BRC owner id (non-zero)                   */
    unsigned long ident;       /* threading.get_ident()                     */
    struct Frame *frame;       /* innermost executing frame                 */
    Object *curexc;            /* the exception being raised, or NULL       */
    Object *handled;           /* the exception this frame chain handles    */
    HandledLink *handled_outer; /* the slots of those that resumed generators */
    int recursion_depth;       /* gilt-level call depth                     */
    int c_recursion_depth;     /* C-level nesting (repr, compare, calls from C) */
    uint32_t eval_breaker;     /* atomic: EB_* bits                         */
    void *heap;                /* mi_heap_t* (FT build) or NULL             */
    void *brc;                 /* BRC merge queue (runtime/brc.c)           */
    bool holds_gil;
    void *stack_base;          /* for the C stack guard                     */
    void *stats;               /* --stats counters                          */
    Object *dict;              /* thread-local storage (threading.local)    */
    bool finishing;            /* atomic: its Python code is done, only its
                                  clean-up is left (_thread, interp_finalize) */
} ThreadState;

extern _Thread_local ThreadState *ts_current_;
static inline ThreadState *ts_current(void) { return ts_current_; }

/* Create the interpreter: types, builtins, sys, import machinery. */
Interp *interp_create(int argc, char **argv);
void interp_finalize(Interp *in);
/* Ask for the GIL on (1) or off (0) before interp_create; only the
 * free-threaded build can run without it (--gil=on|off, interp.c). */
void interp_request_gil(int on);
/* Make a ThreadState for the calling OS thread and make it current. */
ThreadState *ts_new(Interp *in);
void ts_delete(ThreadState *ts);

/* Install the SIGINT handler (KeyboardInterrupt in the main thread). */
void signals_init(void);
/* True while a SIGINT has arrived that the main thread has not yet turned
 * into KeyboardInterrupt (for blocking calls that see EINTR). */
bool signals_sigint_pending(void);
/* --stats: print reference-count, merge and GIL counters (at exit). */
void stats_print(Interp *in);

/* Run a check at the safe point; -1 if an exception (KeyboardInterrupt) is raised. */
int eval_breaker_handle(ThreadState *ts);

/* Set (once, never cleared) just before the first extra thread is created
 * (_thread.start_new_thread, before immortalize_shared_world). Until then
 * the free-threaded VM's inline caches may hold mortal values, as the GIL
 * build's do (vm/eval.c, cache_store); from then on those entries miss. */
extern bool vm_threads_started;

#endif
