/* qsbr.h — quiescent-state-based reclamation: memory freed only once no
 * thread can still be reading it (free-threaded build; qsbr.c).
 *
 * Lists and dicts are read without their lock (list.c, dict.c): a reader
 * loads the array, then an item pointer, then takes a reference. A writer
 * may meanwhile replace the array or drop the item, so neither may go back
 * to the allocator while a reader is between its load and its reference.
 * QSBR gives that guarantee cheaply: a thread is *quiescent* whenever it
 * holds no such pointer — at the eval loop's safe point, and while it is
 * detached for a blocking call. A block handed to qsbr_free() is freed
 * after every attached thread has passed a quiescent state since then
 * (the scheme of CPython 3.13's Python/qsbr.c, built on a global write
 * sequence and one observed-sequence word per thread). A dead object a
 * reader may still hold (refcount.h, "Objects read without a lock") waits
 * the same way, whole: it is deallocated, at a safe point, only then.
 *
 *   qsbr_thread_register(&ts->eval_breaker)   per thread (ts_new)
 *   qsbr_thread_unregister()                  when it exits (ts_delete)
 *   qsbr_quiescent()                          at the safe point (EB_QSBR)
 *   qsbr_detach() / qsbr_attach()             around blocking calls (gil.h)
 *   qsbr_free(p)                              instead of alloc_free(p)
 *   qsbr_dealloc_later(o)                     instead of obj_dealloc(o),
 *                                             for a dead marked object
 *   qsbr_drain_alone()                        at exit, when one thread is left
 *
 * Cost: nothing on any fast path. Freed blocks collect in a per-thread
 * batch; a batch (sealed when full, or when no other is in flight: see
 * qsbr.c) advances the write sequence once and asks every thread
 * (EB_QSBR) to report at its next safe point; the last report runs it. While the caller is the only attached thread (the others
 * blocked, or waiting for the GIL), qsbr_free frees at once.
 * In the GIL build the GIL already excludes concurrent readers: qsbr_free
 * is alloc_free and the rest does nothing.
 */
#ifndef GILT_QSBR_H
#define GILT_QSBR_H

#include <stdint.h>
#include "build.h"

struct Object;

#if GILT_FT
void qsbr_thread_register(uint32_t *eval_breaker);
void qsbr_thread_unregister(void);
void qsbr_quiescent(void);
void qsbr_detach(void);
void qsbr_attach(void);
void qsbr_free(void *p);
void qsbr_dealloc_later(struct Object *o);
void qsbr_drain_alone(void);
/* For --stats: blocks freed and objects deallocated after their grace
 * period, those still waiting, and the batches they went in. */
void qsbr_stats(uint64_t *done, uint64_t *waiting, uint64_t *batches);
#else
#include "alloc.h"
static inline void qsbr_thread_register(uint32_t *eval_breaker) { (void)eval_breaker; }
static inline void qsbr_thread_unregister(void) {}
static inline void qsbr_quiescent(void) {}
static inline void qsbr_detach(void) {}
static inline void qsbr_attach(void) {}
static inline void qsbr_free(void *p) { alloc_free(p); }
void obj_dealloc(struct Object *o);
static inline void qsbr_dealloc_later(struct Object *o) { obj_dealloc(o); }
static inline void qsbr_drain_alone(void) {}
static inline void qsbr_stats(uint64_t *done, uint64_t *waiting, uint64_t *batches) {
    *done = *waiting = *batches = 0;
}
#endif

#endif
