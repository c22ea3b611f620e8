/* qsbr.c — quiescent-state-based reclamation (free-threaded build); see
 * qsbr.h for what it guarantees and who calls what.
 *
 * The write sequence `wr_seq` only grows. Each registered thread publishes
 * in `seq` the value of wr_seq it saw at its last quiescent state, or 0
 * while detached. A batch of deferred work is sealed with goal = wr_seq
 * after an increment; every thread that was attached then must later
 * report a quiescent state, which stores a seq >= goal. So once every
 * attached thread's seq is >= goal (detached threads hold no pointers),
 * no thread can still be reading what the batch holds.
 *
 * When a batch is sealed: once it holds QSBR_BATCH items, or as soon as
 * no other batch is in flight (so a lone dead object — a big list, a file
 * with __del__ — never waits for 255 more deaths). While one is in
 * flight, items gather; the report that completes the last one seals the
 * reporter's own gathered items and asks the others to report (and so to
 * seal theirs) if they hold any. Under a steady trickle that keeps one
 * round in flight at a time; in bulk, batches fill.
 *
 * Two kinds of work wait: raw blocks (arrays, tables) to free, which any
 * poll may free, and dead objects to deallocate, which only a poll at a
 * safe point may run (a deallocation runs arbitrary code, even __del__,
 * and qsbr_free is called with a container's lock held). Sealed batches
 * wait on one global list per kind under `qsbr_mutex` (sealing is rare:
 * once per QSBR_BATCH items); polls run under the same mutex and never on
 * a fast path.
 */
#include <pthread.h>
#include <stdlib.h>
#include "alloc.h"
#include "object.h"
#include "qsbr.h"
#include "../vm/interp.h"

#if GILT_FT

enum { QSBR_BATCH = 256 };
enum { KIND_BLOCK, KIND_OBJECT, NKINDS };

typedef struct QsbrBatch {
    struct QsbrBatch *next;
    uint64_t goal;
    size_t n;
    void *items[];
} QsbrBatch;

typedef struct QsbrThread {
    uint64_t seq;                 /* atomic: last quiescent wr_seq; 0 detached */
    uint32_t *eval_breaker;
    struct QsbrThread *next;      /* in qsbr_threads (qsbr_mutex)            */
    size_t n[NKINDS];             /* written by this thread only (atomic)    */
    void *pending[NKINDS][QSBR_BATCH];
} QsbrThread;

typedef struct Sealed {
    QsbrBatch *head, **tail;      /* oldest first: goals grow               */
} Sealed;

static uint64_t wr_seq = 1;                          /* atomic */
static pthread_mutex_t qsbr_mutex = PTHREAD_MUTEX_INITIALIZER;
static QsbrThread *qsbr_threads;                     /* qsbr_mutex */
/* Registered threads that are attached (seq != 0): while the caller is
 * the only one, nobody else can hold a pointer it loaded without a lock,
 * and deferred work can be done at once (alone()). */
static size_t qsbr_attached;                         /* atomic */
static Sealed sealed[NKINDS] = {
    {NULL, &sealed[KIND_BLOCK].head}, {NULL, &sealed[KIND_OBJECT].head},
};
static uint64_t sealed_total, done_total, batches_total;   /* qsbr_mutex: for --stats */
static size_t in_flight;              /* sealed batches not yet run; atomic, written under qsbr_mutex */
static _Thread_local QsbrThread *qsbr_self;

/* Ask every thread to report a quiescent state at its next safe point. */
static void request_reports_locked(void) {
    for (QsbrThread *t = qsbr_threads; t; t = t->next)
        if (t->eval_breaker) __atomic_fetch_or(t->eval_breaker, EB_QSBR, __ATOMIC_RELEASE);
}

/* The smallest sequence an attached thread has reported. */
static uint64_t min_seq_locked(void) {
    uint64_t min = UINT64_MAX;
    for (QsbrThread *t = qsbr_threads; t; t = t->next) {
        uint64_t s = __atomic_load_n(&t->seq, __ATOMIC_ACQUIRE);
        if (s && s < min) min = s;
    }
    return min;
}

/* Unlink the batches of one kind whose goal is <= min; the caller runs
 * them after unlocking. */
static QsbrBatch *take_ready_locked(int kind, uint64_t min) {
    Sealed *q = &sealed[kind];
    QsbrBatch *ready = NULL, **tail = &ready;
    while (q->head && q->head->goal <= min) {
        QsbrBatch *b = q->head;
        q->head = b->next;
        if (!q->head) q->tail = &q->head;
        b->next = NULL;
        *tail = b;
        tail = &b->next;
        done_total += b->n;
        __atomic_store_n(&in_flight, in_flight - 1, __ATOMIC_RELAXED);
    }
    return ready;
}

static void run_batches(int kind, QsbrBatch *b) {
    while (b) {
        QsbrBatch *next = b->next;
        for (size_t i = 0; i < b->n; i++) {
            if (kind == KIND_BLOCK) alloc_free(b->items[i]);
            else obj_dealloc(b->items[i]);
        }
        alloc_free(b);
        b = next;
    }
}

/* Move the calling thread's collected items of one kind to the sealed list. */
static void seal_locked(QsbrThread *self, int kind) {
    size_t n = self->n[kind];
    if (!n) return;
    QsbrBatch *b = alloc_malloc(NULL, sizeof *b + n * sizeof(void *));
    if (!b) abort();
    b->next = NULL;
    b->n = n;
    for (size_t i = 0; i < n; i++) b->items[i] = self->pending[kind][i];
    __atomic_store_n(&self->n[kind], 0, __ATOMIC_RELAXED);
    __atomic_store_n(&in_flight, in_flight + 1, __ATOMIC_RELAXED);
    sealed_total += n;
    batches_total++;
    /* Every thread attached now must pass a quiescent state after this. */
    b->goal = __atomic_add_fetch(&wr_seq, 1, __ATOMIC_SEQ_CST);
    *sealed[kind].tail = b;
    sealed[kind].tail = &b->next;
    request_reports_locked();
}

void qsbr_thread_register(uint32_t *eval_breaker) {
    /* Its own cache lines: `seq` is written at every report. */
    QsbrThread *t = alloc_zalloc_aligned(sizeof(QsbrThread), 64);
    if (!t) abort();
    t->eval_breaker = eval_breaker;
    pthread_mutex_lock(&qsbr_mutex);
    __atomic_store_n(&t->seq, __atomic_load_n(&wr_seq, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
    t->next = qsbr_threads;
    qsbr_threads = t;
    __atomic_fetch_add(&qsbr_attached, 1, __ATOMIC_SEQ_CST);
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
    if (self->seq) __atomic_fetch_sub(&qsbr_attached, 1, __ATOMIC_SEQ_CST);
    /* The others' next reports run these: this thread touches no more
     * objects (its deallocations would need an owner id it gave up). */
    seal_locked(self, KIND_BLOCK);
    seal_locked(self, KIND_OBJECT);
    QsbrBatch *blocks = take_ready_locked(KIND_BLOCK, min_seq_locked());
    /* Batches that were waiting for our report may be ready now: have the
     * others look at their next safe point. */
    if (in_flight) request_reports_locked();
    pthread_mutex_unlock(&qsbr_mutex);
    run_batches(KIND_BLOCK, blocks);
    qsbr_self = NULL;
    alloc_free(self);
}

/* Nothing in flight any more: seal what the caller gathered meanwhile,
 * and have the others seal theirs at their next report. */
static void next_round_locked(QsbrThread *self) {
    if (in_flight) return;
    seal_locked(self, KIND_BLOCK);
    seal_locked(self, KIND_OBJECT);
    if (in_flight) return;       /* seal_locked asked everyone to report */
    /* Ask only the threads holding items, never ourselves: a thread that
     * cannot report yet (waiting for the GIL, or in a long C call) must
     * not make us come back here at every safe point. */
    for (QsbrThread *t = qsbr_threads; t; t = t->next) {
        if (t != self && t->eval_breaker &&
            (__atomic_load_n(&t->n[KIND_BLOCK], __ATOMIC_RELAXED) ||
             __atomic_load_n(&t->n[KIND_OBJECT], __ATOMIC_RELAXED)))
            __atomic_fetch_or(t->eval_breaker, EB_QSBR, __ATOMIC_RELEASE);
    }
}

void qsbr_quiescent(void) {
    QsbrThread *self = qsbr_self;
    if (!self) return;
    __atomic_store_n(&self->seq, __atomic_load_n(&wr_seq, __ATOMIC_ACQUIRE), __ATOMIC_RELEASE);
    pthread_mutex_lock(&qsbr_mutex);
    uint64_t min = min_seq_locked();
    QsbrBatch *blocks = take_ready_locked(KIND_BLOCK, min);
    QsbrBatch *objects = take_ready_locked(KIND_OBJECT, min);
    next_round_locked(self);
    pthread_mutex_unlock(&qsbr_mutex);
    run_batches(KIND_BLOCK, blocks);
    run_batches(KIND_OBJECT, objects);
}

void qsbr_detach(void) {
    QsbrThread *self = qsbr_self;
    if (!self || !self->seq) return;
    __atomic_store_n(&self->seq, 0, __ATOMIC_RELEASE);
    __atomic_fetch_sub(&qsbr_attached, 1, __ATOMIC_SEQ_CST);
}

void qsbr_attach(void) {
    QsbrThread *self = qsbr_self;
    if (!self || self->seq) return;
    /* Published before this thread loads any shared pointer again: a
     * sealer that reads our seq afterwards either sees us attached at the
     * current sequence or (earlier) detached, and both are right; a thread
     * testing alone() either counts us or unpublished its block before we
     * can load it (the fences pair). */
    __atomic_fetch_add(&qsbr_attached, 1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&self->seq, __atomic_load_n(&wr_seq, __ATOMIC_SEQ_CST), __ATOMIC_SEQ_CST);
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* Whether the calling thread is the only attached one: then nobody can be
 * reading what it lets go of (a detached thread holds no such pointer),
 * and a thread attaching after this test cannot load a pointer to what
 * the caller made unreachable before it. The fence orders that store
 * before the count is read (a store-load pair, as in qsbr_attach). With
 * the GIL on, the other threads wait detached, so this is the usual case. */
static inline bool alone(QsbrThread *self) {
    if (!self) return true;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    return __atomic_load_n(&qsbr_attached, __ATOMIC_SEQ_CST) <= 1;
}

/* Queue an item; seal the batch when full or when nothing is in flight
 * (see the header), freeing ready blocks of older batches on the way
 * (objects wait for a safe point). */
static void defer(QsbrThread *self, int kind, void *p) {
    size_t n = self->n[kind];
    self->pending[kind][n] = p;
    __atomic_store_n(&self->n[kind], n + 1, __ATOMIC_RELAXED);
    if (n + 1 < QSBR_BATCH && __atomic_load_n(&in_flight, __ATOMIC_RELAXED)) return;
    pthread_mutex_lock(&qsbr_mutex);
    seal_locked(self, kind);
    QsbrBatch *blocks = take_ready_locked(KIND_BLOCK, min_seq_locked());
    pthread_mutex_unlock(&qsbr_mutex);
    run_batches(KIND_BLOCK, blocks);
}

void qsbr_free(void *p) {
    QsbrThread *self = qsbr_self;
    if (alone(self)) alloc_free(p);
    else defer(self, KIND_BLOCK, p);
}

void qsbr_dealloc_later(Object *o) {
    QsbrThread *self = qsbr_self;
    if (alone(self)) obj_dealloc(o);
    else defer(self, KIND_OBJECT, o);
}

void qsbr_drain_alone(void) {
    QsbrThread *self = qsbr_self;
    if (!alone(self)) return;
    for (;;) {
        pthread_mutex_lock(&qsbr_mutex);
        if (self) {
            seal_locked(self, KIND_BLOCK);
            seal_locked(self, KIND_OBJECT);
        }
        QsbrBatch *blocks = take_ready_locked(KIND_BLOCK, UINT64_MAX);
        QsbrBatch *objects = take_ready_locked(KIND_OBJECT, UINT64_MAX);
        pthread_mutex_unlock(&qsbr_mutex);
        if (!blocks && !objects) return;
        run_batches(KIND_BLOCK, blocks);
        run_batches(KIND_OBJECT, objects);   /* may defer more: go round */
    }
}

void qsbr_stats(uint64_t *done, uint64_t *waiting, uint64_t *batches) {
    pthread_mutex_lock(&qsbr_mutex);
    *done = done_total;
    *batches = batches_total;
    *waiting = sealed_total - done_total;
    for (QsbrThread *t = qsbr_threads; t; t = t->next)   /* racy: statistics */
        *waiting += t->n[KIND_BLOCK] + t->n[KIND_OBJECT];
    pthread_mutex_unlock(&qsbr_mutex);
}

#endif
