/* gil.c — the global interpreter lock: CPython 3.2's "new GIL".
 *
 * A mutex + condition variable guard one `locked` flag. A thread that wants
 * the GIL waits on the condition for at most the switch interval (5 ms by
 * default, sys.setswitchinterval); if no switch happened meanwhile it sets
 * EB_GIL_DROP_REQUEST in the holder's eval breaker. The holder notices at its
 * next safe point (gil_yield), drops the GIL and — forced switching — waits
 * until some other thread has actually taken it, so the requester is not
 * beaten to the lock by the thread that just dropped it.
 *
 * Guarantees: at most one thread holds an enabled GIL; a CPU-bound holder
 * gives way within about one switch interval of a request; gil_acquire and
 * gil_release are idempotent for a thread that already holds / does not
 * hold it. With the GIL disabled (the free-threaded build's default) both
 * are no-ops: threads run bytecode in parallel.
 *
 * There is one GIL per process (one Interp); Interp.gil points at it.
 */
#include <errno.h>
#include <time.h>
#include "gil.h"

typedef struct Gil {
    pthread_mutex_t mutex;
    pthread_cond_t released;      /* signalled when the GIL is dropped     */
    pthread_cond_t taken;         /* signalled when a thread takes it      */
    bool enabled;
    bool locked;
    ThreadState *holder;          /* valid while locked                    */
    uint64_t switch_number;       /* bumped by every acquisition           */
    int waiters;                  /* threads inside gil_acquire's wait     */
    GilStats stats;               /* guarded by mutex                      */
} Gil;

static Gil the_gil = {
    .mutex = PTHREAD_MUTEX_INITIALIZER,
};
static bool gil_conds_ready;
static double switch_interval = 0.005;   /* seconds */

static uint64_t monotonic_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

void gil_init(Interp *in, bool enabled) {
    Gil *g = &the_gil;
    if (!gil_conds_ready) {
        pthread_condattr_t attr;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
        pthread_cond_init(&g->released, &attr);
        pthread_cond_init(&g->taken, &attr);
        pthread_condattr_destroy(&attr);
        gil_conds_ready = true;
    }
    g->enabled = enabled;
    in->gil = g;
    in->gil_enabled = enabled;
    /* The thread that creates the interpreter runs first. */
    ThreadState *ts = ts_current();
    if (ts && enabled) gil_acquire(ts);
}

static inline Gil *gil_of(ThreadState *ts) {
    Gil *g = ts && ts->interp ? ts->interp->gil : NULL;
    return g && g->enabled ? g : NULL;
}

void gil_acquire(ThreadState *ts) {
    Gil *g = gil_of(ts);
    if (!g || ts->holds_gil) return;
    pthread_mutex_lock(&g->mutex);
    if (g->locked) {
        uint64_t start = monotonic_ns();
        g->waiters++;
        while (g->locked) {
            uint64_t seen = g->switch_number;
            uint64_t deadline = monotonic_ns() + (uint64_t)(switch_interval * 1e9);
            struct timespec ts_deadline = {
                .tv_sec = (time_t)(deadline / 1000000000u),
                .tv_nsec = (long)(deadline % 1000000000u),
            };
            int rc = pthread_cond_timedwait(&g->released, &g->mutex, &ts_deadline);
            /* A whole interval passed without any switch: ask the holder. */
            if (rc == ETIMEDOUT && g->locked && g->switch_number == seen && g->holder)
                __atomic_fetch_or(&g->holder->eval_breaker, EB_GIL_DROP_REQUEST,
                                  __ATOMIC_RELAXED);
        }
        g->waiters--;
        g->stats.wait_seconds += (double)(monotonic_ns() - start) / 1e9;
    }
    g->locked = true;
    g->holder = ts;
    g->switch_number++;
    g->stats.acquisitions++;
    ts->holds_gil = true;
    pthread_cond_broadcast(&g->taken);
    pthread_mutex_unlock(&g->mutex);
    /* A request aimed at this thread's previous turn is stale now. */
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_GIL_DROP_REQUEST, __ATOMIC_RELAXED);
}

/* Drop the GIL; the caller holds g->mutex. */
static void gil_drop_locked(Gil *g, ThreadState *ts) {
    g->locked = false;
    g->holder = NULL;
    ts->holds_gil = false;
    pthread_cond_signal(&g->released);
}

void gil_release(ThreadState *ts) {
    Gil *g = gil_of(ts);
    if (!g || !ts->holds_gil) return;
    pthread_mutex_lock(&g->mutex);
    gil_drop_locked(g, ts);
    pthread_mutex_unlock(&g->mutex);
}

void gil_yield(ThreadState *ts) {
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_GIL_DROP_REQUEST, __ATOMIC_RELAXED);
    Gil *g = gil_of(ts);
    if (!g || !ts->holds_gil) return;
    pthread_mutex_lock(&g->mutex);
    if (g->waiters == 0) {           /* the requester is gone: keep going */
        pthread_mutex_unlock(&g->mutex);
        return;
    }
    /* At the safe point, waiting: quiescent for QSBR until we run again,
     * so batches need not wait for our next turn (qsbr.h). */
    qsbr_detach();
    gil_drop_locked(g, ts);
    /* Forced switching: let a waiter take it before we compete again. */
    uint64_t n = g->switch_number;
    while (g->switch_number == n && g->waiters > 0)
        pthread_cond_wait(&g->taken, &g->mutex);
    if (g->switch_number != n) g->stats.forced_switches++;
    pthread_mutex_unlock(&g->mutex);
    gil_acquire(ts);
    qsbr_attach();
}

void gil_set_switch_interval(double seconds) {
    if (seconds > 0) switch_interval = seconds;
}

double gil_get_switch_interval(void) { return switch_interval; }

void gil_stats_get(GilStats *out) {
    Gil *g = &the_gil;
    pthread_mutex_lock(&g->mutex);
    *out = g->stats;
    pthread_mutex_unlock(&g->mutex);
}
