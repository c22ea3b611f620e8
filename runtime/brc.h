/* brc.h — biased reference counting: thread registration, the owner's merge
 * queue and the counters behind --stats (brc.c).
 *
 * refcount.h holds the inline fast paths; this header is what the thread
 * machinery (vm/threadstate.c) and tests need around them:
 *
 *   brc_thread_register(&ts->eval_breaker)   once per OS thread, before it
 *                                            allocates or counts anything
 *   brc_merge_pending()                      at a safe point, when the
 *                                            EB_BRC_MERGE bit is set
 *   brc_thread_unregister()                  when the thread is done with
 *                                            gilt objects for good
 *
 * Thread ids handed out here are never reused, so an object whose owner has
 * exited can never be mistaken for one owned by a newer thread. In the GIL
 * build the functions exist but only hand out ids: there are no shared counts.
 */
#ifndef GILT_BRC_H
#define GILT_BRC_H

#include <stdint.h>
#include <stdio.h>

/* Give the calling thread a fresh owner id (returned, and stored in
 * brc_current_tid) and a merge queue. `eval_breaker` (may be NULL, e.g. in
 * unit tests) gets EB_BRC_MERGE when another thread queues an object. */
uintptr_t brc_thread_register(uint32_t *eval_breaker);
/* Merge every queued object until the queue stays empty, then forget the
 * thread. Objects it still owns keep their (now dead) owner id; a later
 * non-owner decrement that would queue one merges it on the spot. After
 * this the thread must not touch gilt objects. */
void brc_thread_unregister(void);
/* The owner's half of the protocol: fold each queued object's local count
 * into its shared count, mark it merged and free it if the total is zero. */
void brc_merge_pending(void);

/* Counters, summed over live and exited threads. Only slow paths count, so
 * the fast owner path stays a plain increment (see docs/THREADS.md). */
typedef struct BrcStats {
    uint64_t shared_decrefs;   /* decrements by a non-owner thread          */
    uint64_t queued;           /* objects handed to their owner's queue     */
    uint64_t owner_merges;     /* queued objects merged at a safe point     */
    uint64_t zero_merges;      /* owner's local count hit 0, shared count not */
    uint64_t dead_owner_merges;/* merged at once: the owner had exited      */
    uint64_t shared_frees;     /* freed through the shared count            */
} BrcStats;
void brc_stats_get(BrcStats *out);
/* The --stats lines about reference counting, for this build. */
void brc_stats_print(FILE *out);

#endif
