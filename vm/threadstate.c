/* threadstate.c — per-thread interpreter state, the eval breaker, signals
 * and the --stats report.
 *
 * Every OS thread that runs gilt code has exactly one ThreadState, made by
 * ts_new on that thread and reachable through the thread-local ts_current_.
 * ts_new gives the thread its BRC owner id and merge queue (runtime/brc.c)
 * and, in the free-threaded build, its own mimalloc heap; ts_delete undoes
 * that on the same thread. Live states are linked into interp->threads under
 * interp->threads_lock.
 *
 * The eval loop calls eval_breaker_handle at its safe point when any EB_*
 * bit is set: it merges queued objects, yields the GIL on request and turns
 * a pending SIGINT into KeyboardInterrupt — in the main thread only, as
 * Python does. The SIGINT handler itself only sets a flag and the main
 * thread's EB_SIGNALS bit (both async-signal-safe); it is installed without
 * SA_RESTART so blocking calls in the main thread return EINTR and can come
 * to the safe point. Other threads block SIGINT (runtime/threadmodule.c) so
 * the kernel always delivers it to the main thread.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "gilt.h"
#include "brc.h"
#include "qsbr.h"
#include "alloc.h"
#include "freelist.h"
#include "frame.h"

_Thread_local ThreadState *ts_current_;

static volatile sig_atomic_t sigint_pending;
static ThreadState *volatile signal_main_ts;

/* Thread states are written on every call (frame, recursion depth): each
 * gets whole cache lines of its own, so two threads never write one line.
 * (Through alloc.h, so the checked builds' malloc sees the block reused.) */
enum { CACHE_LINE = 64 };

ThreadState *ts_new(Interp *in) {
    ThreadState *ts = alloc_zalloc_aligned(sizeof(ThreadState), CACHE_LINE);
    if (!ts) abort();
    int stack_marker;
    ts->interp = in;
    ts->ident = (unsigned long)pthread_self();
    ts->stack_base = &stack_marker;
    /* Owner id first: everything allocated from here on is owned by it. */
    ts->id = brc_thread_register(&ts->eval_breaker);
    qsbr_thread_register(&ts->eval_breaker);
    ts->heap = alloc_thread_heap_new();
    ts_current_ = ts;

    pthread_mutex_lock(&in->threads_lock);
    ts->prev = NULL;
    ts->next = in->threads;
    if (in->threads) in->threads->prev = ts;
    in->threads = ts;
    if (!in->main_thread) {
        in->main_thread = ts;
        signal_main_ts = ts;
    }
    pthread_mutex_unlock(&in->threads_lock);
    return ts;
}

void ts_delete(ThreadState *ts) {
    if (!ts) return;
    Interp *in = ts->interp;
    bool is_current = (ts == ts_current_);
    CLEAR(ts->dict);
    CLEAR(ts->curexc);
    CLEAR(ts->handled);

    pthread_mutex_lock(&in->threads_lock);
    if (ts->prev) ts->prev->next = ts->next;
    else if (in->threads == ts) in->threads = ts->next;
    if (ts->next) ts->next->prev = ts->prev;
    if (in->main_thread == ts) {
        in->main_thread = NULL;
        signal_main_ts = NULL;
    }
    pthread_mutex_unlock(&in->threads_lock);

    if (is_current) {
        /* Merge what others queued for us while we can still free it. */
        brc_thread_unregister();
        freelist_thread_exit();   /* after the merges: they may free ints */
        frame_thread_exit();      /* after the merges: a __del__ may push frames */
        qsbr_thread_unregister(); /* last: everything above may free shared blocks */
        gil_release(ts);
        /* Only the creating thread may delete its heap. */
        alloc_thread_heap_delete(ts->heap);
        ts_current_ = NULL;
    }
    alloc_free(ts);
}

/* ---- signals ---------------------------------------------------------- */

static void sigint_handler(int signo) {
    (void)signo;
    sigint_pending = 1;
    ThreadState *main_ts = signal_main_ts;
    if (main_ts)
        __atomic_fetch_or(&main_ts->eval_breaker, EB_SIGNALS, __ATOMIC_RELAXED);
}

void signals_init(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = sigint_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;             /* no SA_RESTART: blocking calls see EINTR */
    sigaction(SIGINT, &sa, NULL);
    /* As CPython: a write to a closed pipe raises BrokenPipeError instead
     * of killing the process. */
    signal(SIGPIPE, SIG_IGN);
}

int eval_breaker_handle(ThreadState *ts) {
    uint32_t bits = __atomic_load_n(&ts->eval_breaker, __ATOMIC_ACQUIRE);
    if (bits & EB_BRC_MERGE) {
        __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_BRC_MERGE, __ATOMIC_ACQ_REL);
        brc_merge_pending();
    }
    if (bits & EB_QSBR) {
        __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_QSBR, __ATOMIC_ACQ_REL);
        qsbr_quiescent();
    }
    if (bits & EB_GIL_DROP_REQUEST)
        gil_yield(ts);
    if (bits & (EB_ASYNC_EXC | EB_STOP_THE_WORLD))
        __atomic_fetch_and(&ts->eval_breaker,
                           ~(uint32_t)(EB_ASYNC_EXC | EB_STOP_THE_WORLD), __ATOMIC_RELAXED);
    if (bits & EB_SIGNALS) {
        __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_SIGNALS, __ATOMIC_ACQ_REL);
        if (ts == signal_main_ts && sigint_pending) {
            sigint_pending = 0;
            err_set_value(Exc_KeyboardInterrupt, NULL);
            return -1;
        }
    }
    return 0;
}

bool signals_sigint_pending(void) {
    return sigint_pending != 0;
}

/* ---- --stats ---------------------------------------------------------- */

void stats_print(Interp *in) {
    GilStats gs;
    gil_stats_get(&gs);
    FILE *out = stderr;
    fprintf(out, "--- gilt stats (%s build) ---\n", GILT_BUILD_NAME);
    brc_stats_print(out);
    if (GILT_FT) {
        uint64_t freed, waiting, batches;
        qsbr_stats(&freed, &waiting, &batches);
        fprintf(out, "qsbr: blocks and objects freed after a grace period %llu (in %llu batches), "
                     "still waiting %llu\n",
                (unsigned long long)freed, (unsigned long long)batches, (unsigned long long)waiting);
    }
    fprintf(out, "gil: %s, acquisitions %llu, forced switches %llu, wait %.3f s, "
                 "switch interval %.1f ms\n",
            in && in->gil_enabled ? "on" : "off",
            (unsigned long long)gs.acquisitions, (unsigned long long)gs.forced_switches,
            gs.wait_seconds, gil_get_switch_interval() * 1000.0);
}
