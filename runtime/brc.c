/* brc.c — the slow paths of biased reference counting (free-threaded build).
 *
 * refcount.h counts on the fast paths: the owner thread changes ob_ref_local
 * with plain stores, every other thread changes ob_ref_shared atomically.
 * This file handles the moments when the two halves must meet:
 *
 *  - A non-owner decrement that finds the shared count at exactly zero (and
 *    the object neither queued nor merged) cannot tell whether the object is
 *    dead: only the owner knows its local count. Instead of decrementing, it
 *    marks the object QUEUED and pushes it on the owner's merge queue; the
 *    queue entry carries that pending -1. Further non-owner decrements just
 *    drive the shared count below zero.
 *  - The owner, at its next safe point (EB_BRC_MERGE), folds local + shared
 *    - 1 into the shared count, marks the object MERGED and gives up
 *    ownership (ob_tid = 0); from then on every thread counts on the shared
 *    word, and the decrement that takes it to zero frees the object.
 *  - When the owner's own local count hits zero: if the shared word is 0 the
 *    object is dead (the common case, no atomics beyond one load); otherwise
 *    the owner marks it MERGED with the shared count as the total.
 *
 * Owners are found by id in a small table of buckets, each with a mutex that
 * also guards the queues of the threads hashed to it (as CPython's brc.c).
 * Ids are never reused. A thread that exits first drains its queue, then
 * leaves the table; an object it still owns is merged on the spot by the
 * non-owner whose decrement would have queued it (its local count can no
 * longer change, and the bucket mutex orders us after the owner's last
 * store). Objects allocated before their thread registered carry
 * BRC_TID_UNREGISTERED and are treated the same way.
 *
 * The GIL build has no shared counts: only thread ids and empty stats.
 */
#include <pthread.h>
#include <stdlib.h>
#include "alloc.h"
#include "object.h"
#include "brc.h"
#include "qsbr.h"
#include "../vm/interp.h"

static uintptr_t brc_next_tid = 1;       /* atomic; 0 means "no owner" */

#if GILT_FT

/* Ids no live thread has: a thread runs with BRC_TID_UNREGISTERED until it
 * registers and with BRC_TID_DETACHED after it unregisters. Neither is 0,
 * the id of immortal and merged objects, which refcount.h relies on: no
 * thread may ever take the owner's fast path on them. */
#define BRC_TID_UNREGISTERED (UINTPTR_MAX - 1)
#define BRC_TID_DETACHED UINTPTR_MAX

_Thread_local uintptr_t brc_current_tid = BRC_TID_UNREGISTERED;
#define BRC_BUCKETS 64

typedef struct BrcThread {
    uintptr_t tid;
    uint32_t *eval_breaker;
    struct BrcThread *next;      /* in its bucket                          */
    Object **queue;              /* guarded by the bucket mutex            */
    size_t queue_len, queue_cap;
    BrcStats stats;              /* written by this thread only            */
} BrcThread;

typedef struct BrcBucket {
    pthread_mutex_t mutex;
    BrcThread *threads;
} BrcBucket;

static BrcBucket brc_buckets[BRC_BUCKETS] = {
    [0 ... BRC_BUCKETS - 1] = { PTHREAD_MUTEX_INITIALIZER, NULL },
};
static _Thread_local BrcThread *brc_self;

/* Counters of exited threads and of threads that never registered. */
static BrcStats brc_retired_stats;
static pthread_mutex_t brc_stats_mutex = PTHREAD_MUTEX_INITIALIZER;

static inline BrcBucket *bucket_for(uintptr_t tid) {
    return &brc_buckets[tid % BRC_BUCKETS];
}

#define COUNT(field) do { if (brc_self) brc_self->stats.field++; } while (0)

/* Fold the local count (plus `extra`) into the shared word, mark it MERGED
 * and drop ownership. Only the owner, or anyone once the owner is gone, may
 * call this. Returns the merged total. */
static intptr_t brc_explicit_merge(Object *o, intptr_t extra) {
    intptr_t shared = __atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED);
    intptr_t total, merged;
    do {
        /* >> on a negative intptr_t is arithmetic with gcc; the count may be
         * negative here, the total never is. */
        total = (shared >> BRC_SHARED_SHIFT) + (intptr_t)o->ob_ref_local + extra;
        merged = total * ((intptr_t)1 << BRC_SHARED_SHIFT) + BRC_MERGED + (shared & BRC_MARKED);
    } while (!__atomic_compare_exchange_n(&o->ob_ref_shared, &shared, merged, false,
                                          __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    __atomic_store_n(&o->ob_ref_local, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
    return total;
}

/* A shared word that says the object is dead: MERGED with count 0 (the
 * read-unlocked mark aside). Every death through this file ends there. */
static inline bool shared_word_dead(intptr_t shared) {
    return (shared & ~(intptr_t)BRC_MARKED) == BRC_MERGED;
}

/* An object whose count reached zero: a marked one (a lock-free reader
 * may still hold a pointer to it, refcount.h) waits for QSBR; its shared
 * word already says MERGED with count 0, so no reader can revive it. */
static void brc_free_dead(Object *o) {
    if (__atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED) & BRC_MARKED) qsbr_dealloc_later(o);
    else obj_dealloc(o);
}

static void brc_queue_push(BrcThread *t, Object *o) {
    if (t->queue_len == t->queue_cap) {
        size_t cap = t->queue_cap ? t->queue_cap * 2 : 64;
        /* Through alloc.h: the checked builds' malloc then sees the owner's
         * free and a pusher's reuse of the block (mimalloc hides both). */
        t->queue = alloc_realloc(NULL, t->queue, cap * sizeof *t->queue);
        if (!t->queue) abort();
        t->queue_cap = cap;
    }
    t->queue[t->queue_len++] = o;
}

/* Hand `o` (marked QUEUED, carrying one pending decrement) to its owner. */
static void brc_queue_object(Object *o) {
    uintptr_t tid = __atomic_load_n(&o->ob_tid, __ATOMIC_RELAXED);
    BrcBucket *b = bucket_for(tid);
    pthread_mutex_lock(&b->mutex);
    BrcThread *owner = b->threads;
    while (owner && owner->tid != tid) owner = owner->next;
    if (!owner) {
        /* The owner exited (or never existed: ob_tid 0 from start-up). */
        intptr_t total = brc_explicit_merge(o, -1);
        pthread_mutex_unlock(&b->mutex);
        COUNT(dead_owner_merges);
        if (total == 0) {
            COUNT(shared_frees);
            brc_free_dead(o);
        }
        return;
    }
    brc_queue_push(owner, o);
    if (owner->eval_breaker)
        __atomic_fetch_or(owner->eval_breaker, EB_BRC_MERGE, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&b->mutex);
    COUNT(queued);
}

void brc_decref_shared(Object *o) {
    COUNT(shared_decrefs);
    intptr_t shared = __atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED);
    intptr_t next;
    bool queue;
    do {
        /* Count 0, not queued, not merged: only the owner can decide. */
        queue = (shared & ~(intptr_t)BRC_MARKED) == 0;
        next = queue ? shared | BRC_QUEUED : shared - ((intptr_t)1 << BRC_SHARED_SHIFT);
    } while (!__atomic_compare_exchange_n(&o->ob_ref_shared, &shared, next, false,
                                          __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    if (queue) {
        brc_queue_object(o);
    } else if (shared_word_dead(next)) {
        COUNT(shared_frees);
        brc_free_dead(o);
    }
}

/* The owner's local count hit zero while the shared word was not zero
 * (refcount.h frees the object itself when both are zero): other threads
 * counted it, or it is marked (refcount.h, "Objects read without a lock"),
 * in which case the CAS below is what tells lock-free readers it died. */
void brc_merge_zero(Object *o) {
    intptr_t shared = __atomic_load_n(&o->ob_ref_shared, __ATOMIC_ACQUIRE);
    if (shared == 0) {
        /* Other threads' counts cancelled out since the caller looked. */
        obj_dealloc(o);
        return;
    }
    COUNT(zero_merges);
    __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
    intptr_t merged;
    do {
        /* Clearing QUEUED is right: the queue entry still carries its -1
         * and the merge at our next safe point applies it. */
        merged = (shared & ~(intptr_t)BRC_STATE_MASK) | BRC_MERGED;
    } while (!__atomic_compare_exchange_n(&o->ob_ref_shared, &shared, merged, false,
                                          __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE));
    if (shared_word_dead(merged)) {
        COUNT(shared_frees);
        brc_free_dead(o);
    }
}

/* obj_try_incref's non-owner half: count one more reference in the shared
 * word unless the object is dead (shared_word_dead: every death of a
 * marked object ends in that state, by a CAS or an atomic decrement).
 * Any other state belongs to a live object: its owner still holds a local
 * count, or will merge ours. */
bool brc_try_incref_shared(Object *o) {
    intptr_t shared = __atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED);
    do {
        if (shared_word_dead(shared)) return false;
    } while (!__atomic_compare_exchange_n(&o->ob_ref_shared, &shared,
                                          shared + ((intptr_t)1 << BRC_SHARED_SHIFT), false,
                                          __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    return true;
}

void brc_merge_pending(void) {
    BrcThread *self = brc_self;
    if (!self) return;
    BrcBucket *b = bucket_for(self->tid);
    for (;;) {
        pthread_mutex_lock(&b->mutex);
        Object **items = self->queue;
        size_t n = self->queue_len;
        self->queue = NULL;
        self->queue_len = self->queue_cap = 0;
        pthread_mutex_unlock(&b->mutex);
        if (n == 0) {
            alloc_free(items);
            return;
        }
        /* Deallocations below may run arbitrary DECREFs; new entries that
         * arrive meanwhile are picked up by the next round. */
        for (size_t i = 0; i < n; i++) {
            self->stats.owner_merges++;
            if (brc_explicit_merge(items[i], -1) == 0) {
                self->stats.shared_frees++;
                brc_free_dead(items[i]);
            }
        }
        alloc_free(items);
    }
}

uintptr_t brc_thread_register(uint32_t *eval_breaker) {
    /* Own cache lines: the stats are written by this thread on every slow
     * path, the queue by others under the bucket mutex. */
    BrcThread *t = alloc_zalloc_aligned(sizeof(BrcThread), 64);
    if (!t) abort();
    t->tid = __atomic_fetch_add(&brc_next_tid, 1, __ATOMIC_RELAXED);
    t->eval_breaker = eval_breaker;
    BrcBucket *b = bucket_for(t->tid);
    pthread_mutex_lock(&b->mutex);
    t->next = b->threads;
    b->threads = t;
    pthread_mutex_unlock(&b->mutex);
    brc_self = t;
    brc_current_tid = t->tid;
    return t->tid;
}

static void stats_add(BrcStats *to, const BrcStats *from) {
    to->shared_decrefs += from->shared_decrefs;
    to->queued += from->queued;
    to->owner_merges += from->owner_merges;
    to->zero_merges += from->zero_merges;
    to->dead_owner_merges += from->dead_owner_merges;
    to->shared_frees += from->shared_frees;
}

void brc_thread_unregister(void) {
    BrcThread *self = brc_self;
    if (!self) return;
    BrcBucket *b = bucket_for(self->tid);
    for (;;) {
        brc_merge_pending();
        pthread_mutex_lock(&b->mutex);
        if (self->queue_len == 0) {
            /* Pushes happen under this mutex, so none can follow removal. */
            BrcThread **link = &b->threads;
            while (*link != self) link = &(*link)->next;
            *link = self->next;
            pthread_mutex_unlock(&b->mutex);
            break;
        }
        pthread_mutex_unlock(&b->mutex);
    }
    pthread_mutex_lock(&brc_stats_mutex);
    stats_add(&brc_retired_stats, &self->stats);
    pthread_mutex_unlock(&brc_stats_mutex);
    brc_self = NULL;
    brc_current_tid = BRC_TID_DETACHED;
    alloc_free(self->queue);
    alloc_free(self);
}

void brc_stats_get(BrcStats *out) {
    pthread_mutex_lock(&brc_stats_mutex);
    *out = brc_retired_stats;
    pthread_mutex_unlock(&brc_stats_mutex);
    /* Live threads' counters are read racily: they are only statistics. */
    for (int i = 0; i < BRC_BUCKETS; i++) {
        BrcBucket *b = &brc_buckets[i];
        pthread_mutex_lock(&b->mutex);
        for (BrcThread *t = b->threads; t; t = t->next) stats_add(out, &t->stats);
        pthread_mutex_unlock(&b->mutex);
    }
}

void brc_stats_print(FILE *out) {
    BrcStats rc;
    brc_stats_get(&rc);
    fprintf(out, "refcount: non-owner decrefs %llu, queued for owner %llu, "
                 "owner merges %llu\n",
            (unsigned long long)rc.shared_decrefs, (unsigned long long)rc.queued,
            (unsigned long long)rc.owner_merges);
    fprintf(out, "refcount: merges on local zero %llu, merges for exited owners %llu\n",
            (unsigned long long)rc.zero_merges, (unsigned long long)rc.dead_owner_merges);
    fprintf(out, "refcount: frees through the shared count %llu\n",
            (unsigned long long)rc.shared_frees);
}

#else /* GIL build: plain counts, nothing to merge. */

uintptr_t brc_thread_register(uint32_t *eval_breaker) {
    (void)eval_breaker;
    return __atomic_fetch_add(&brc_next_tid, 1, __ATOMIC_RELAXED);
}
void brc_thread_unregister(void) {}
void brc_merge_pending(void) {}
void brc_stats_get(BrcStats *out) { *out = (BrcStats){0}; }
void brc_stats_print(FILE *out) {
    fprintf(out, "refcount: plain counts (GIL build), nothing shared to merge\n");
}

#endif
