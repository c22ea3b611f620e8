/* qsbr.c — quiescent-state-based reclamation (free-threaded build); see
 * qsbr.h for what it guarantees and who calls what.
 *
 * The write sequence `wr_seq` only grows. Each registered thread publishes
 * in `seq` the value of wr_seq it saw at its last quiescent state, or 0
 * while detached. A batch of freed blocks is sealed with goal = wr_seq
 * after an increment; every thread that was attached then must later
 * report a quiescent state, which stores a seq >= goal. So once every
 * attached thread's seq is >= goal (detached threads hold no pointers),
 * no thread can still be reading what the batch holds.
 *
 * Sealed batches wait on one global list under `qsbr_mutex` (sealing is
 * rare: once per QSBR_BATCH frees); the poll that frees them runs at safe
 * points under the same mutex, so registration, sealing and polling are
 * simple to reason about and never on a fast path.
 */
#include <pthread.h>
#include <stdlib.h>
#include "alloc.h"
#include "qsbr.h"
#include "../vm/interp.h"

#if GILT_FT

enum { QSBR_BATCH = 256 };

typedef struct QsbrThread {
    uint64_t seq;                 /* atomic: last quiescent wr_seq; 0 detached */
    uint32_t *eval_breaker;
    struct QsbrThread *next;      /* in qsbr_threads (qsbr_mutex)            */
    size_t nfree;                 /* this thread only                        */
    void *free[QSBR_BATCH];
} QsbrThread;

typedef struct QsbrBatch {
    struct QsbrBatch *next;
    uint64_t goal;
    size_t n;
    void *blocks[];
} QsbrBatch;

static uint64_t wr_seq = 1;                          /* atomic */
static pthread_mutex_t qsbr_mutex = PTHREAD_MUTEX_INITIALIZER;
static QsbrThread *qsbr_threads;                     /* qsbr_mutex */
static size_t qsbr_nthreads;                         /* atomic; written under qsbr_mutex */
static QsbrBatch *sealed_head, **sealed_tail = &sealed_head;   /* qsbr_mutex, oldest first */
static uint64_t sealed_total, freed_total;           /* qsbr_mutex: for --stats */
static _Thread_local QsbrThread *qsbr_self;

/* Ask every thread to report a quiescent state at its next safe point. */
static void request_reports_locked(void) {
    for (QsbrThread *t = qsbr_threads; t; t = t->next)
        if (t->eval_breaker) __atomic_fetch_or(t->eval_breaker, EB_QSBR, __ATOMIC_RELEASE);
}

/* Free every sealed batch whose goal every attached thread has reached.
 * Batches are sealed with growing goals, so they leave from the front. */
static void poll_locked(void) {
    uint64_t min = UINT64_MAX;
    for (QsbrThread *t = qsbr_threads; t; t = t->next) {
        uint64_t s = __atomic_load_n(&t->seq, __ATOMIC_ACQUIRE);
        if (s && s < min) min = s;
    }
    while (sealed_head && sealed_head->goal <= min) {
        QsbrBatch *b = sealed_head;
        sealed_head = b->next;
        if (!sealed_head) sealed_tail = &sealed_head;
        for (size_t i = 0; i < b->n; i++) alloc_free(b->blocks[i]);
        freed_total += b->n;
        alloc_free(b);
    }
}

/* Move the calling thread's collected blocks to the sealed list. */
static void seal_locked(QsbrThread *self) {
    if (!self->nfree) return;
    QsbrBatch *b = alloc_malloc(NULL, sizeof *b + self->nfree * sizeof(void *));
    if (!b) abort();
    b->next = NULL;
    b->n = self->nfree;
    for (size_t i = 0; i < b->n; i++) b->blocks[i] = self->free[i];
    self->nfree = 0;
    sealed_total += b->n;
    /* Every thread attached now must pass a quiescent state after this. */
    b->goal = __atomic_add_fetch(&wr_seq, 1, __ATOMIC_SEQ_CST);
    *sealed_tail = b;
    sealed_tail = &b->next;
    request_reports_locked();
}

void qsbr_thread_register(uint32_t *eval_breaker) {
    /* Its own cache line: `seq` is written at every report. */
    QsbrThread *t = alloc_zalloc_aligned(sizeof(QsbrThread), 64);
    if (!t) abort();
    t->eval_breaker = eval_breaker;
    pthread_mutex_lock(&qsbr_mutex);
    __atomic_store_n(&t->seq, __atomic_load_n(&wr_seq, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
    t->next = qsbr_threads;
    qsbr_threads = t;
    __atomic_store_n(&qsbr_nthreads, qsbr_nthreads + 1, __ATOMIC_SEQ_CST);
    pthread_mutex_unlock(&qsbr_mutex);
    qsbr_self = t;
}

void qsbr_thread_unregister(void) {
    QsbrThread *self = qsbr_self;
    if (!self) return;
    pthread_mutex_lock(&qsbr_mutex);
    QsbrThread **link = &qsbr_threads;
    while (*link != self) link = &(*link)->next;
    *link = self->next;
    __atomic_store_n(&qsbr_nthreads, qsbr_nthreads - 1, __ATOMIC_SEQ_CST);
    seal_locked(self);          /* the others' next reports free it */
    poll_locked();
    pthread_mutex_unlock(&qsbr_mutex);
    qsbr_self = NULL;
    alloc_free(self);
}

void qsbr_quiescent(void) {
    QsbrThread *self = qsbr_self;
    if (!self) return;
    __atomic_store_n(&self->seq, __atomic_load_n(&wr_seq, __ATOMIC_ACQUIRE), __ATOMIC_RELEASE);
    pthread_mutex_lock(&qsbr_mutex);
    poll_locked();
    pthread_mutex_unlock(&qsbr_mutex);
}

void qsbr_detach(void) {
    QsbrThread *self = qsbr_self;
    if (self) __atomic_store_n(&self->seq, 0, __ATOMIC_RELEASE);
}

void qsbr_attach(void) {
    QsbrThread *self = qsbr_self;
    if (!self) return;
    /* Published before this thread loads any shared pointer again: a
     * sealer that reads our seq afterwards either sees us attached at the
     * current sequence or (earlier) detached, and both are right. */
    __atomic_store_n(&self->seq, __atomic_load_n(&wr_seq, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

void qsbr_free(void *p) {
    QsbrThread *self = qsbr_self;
    /* Alone, nobody can be reading it; a thread registering after this
     * test cannot have loaded a pointer to a block already unreachable. */
    if (!self || __atomic_load_n(&qsbr_nthreads, __ATOMIC_SEQ_CST) <= 1) {
        alloc_free(p);
        return;
    }
    self->free[self->nfree++] = p;
    if (self->nfree == QSBR_BATCH) {
        pthread_mutex_lock(&qsbr_mutex);
        seal_locked(self);
        poll_locked();          /* older batches whose reports are all in */
        pthread_mutex_unlock(&qsbr_mutex);
    }
}

void qsbr_stats(uint64_t *freed, uint64_t *waiting) {
    pthread_mutex_lock(&qsbr_mutex);
    *freed = freed_total;
    *waiting = sealed_total - freed_total;
    for (QsbrThread *t = qsbr_threads; t; t = t->next) *waiting += t->nfree;   /* racy: statistics */
    pthread_mutex_unlock(&qsbr_mutex);
}

#endif
