/* gil.h — the global interpreter lock (gil.c) and the one idiom every
 * blocking call uses to release it.
 *
 *   BLOCKING_BEGIN(ts);
 *   n = read(fd, buf, len);          // no gilt objects touched in here
 *   BLOCKING_END(ts);
 *
 * In the GIL build (and in the free-threaded build run with --gil=on) this
 * releases the GIL so other threads run while this one waits; with no GIL
 * it only marks the thread as detached (safe points do not wait for it).
 */
#ifndef GILT_GIL_H
#define GILT_GIL_H

#include "interp.h"
#include "../runtime/qsbr.h"

/* Whether this build can run without the GIL at all (--gil=off,
 * PYTHON_GIL=0): only the free-threaded one can; the GIL build always
 * takes it. */
#define GIL_OPTIONAL GILT_FT

void gil_init(Interp *in, bool enabled);
void gil_acquire(ThreadState *ts);
void gil_release(ThreadState *ts);
/* Called at the safe point when EB_GIL_DROP_REQUEST is set. */
void gil_yield(ThreadState *ts);
void gil_set_switch_interval(double seconds);
double gil_get_switch_interval(void);

/* Counters for --stats (gil.c): acquisitions that had to take the lock,
 * forced switches (a holder dropped on request and waited for a taker), and
 * the total time threads spent waiting for the GIL, in seconds. */
typedef struct GilStats {
    uint64_t acquisitions;
    uint64_t forced_switches;
    double wait_seconds;
} GilStats;
void gil_stats_get(GilStats *out);

/* Detached from QSBR too (runtime/qsbr.h): a blocked thread holds no
 * pointer read without a lock, so nobody waits for its reports. */
#define BLOCKING_BEGIN(ts) (gil_release(ts), qsbr_detach())
#define BLOCKING_END(ts) (gil_acquire(ts), qsbr_attach())

#endif
