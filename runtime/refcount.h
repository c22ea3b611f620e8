/* refcount.h — the object header and reference counting, for both builds.
 *
 * This header (with runtime/build.h) is the one place where the GIL build and
 * the free-threaded build differ in how objects are counted.
 *
 * GIL build: a plain intptr_t count; every count change happens with the GIL
 * held, so it needs no atomics. Immortal objects start with a huge count that
 * can never reach zero.
 *
 * Free-threaded build: biased reference counting (Choi, Shull, Torrellas,
 * PACT 2018; PEP 703). Each object has an owner thread (ob_tid), a local
 * count only the owner touches (ob_ref_local, plain), and a shared count
 * other threads change atomically (ob_ref_shared; its two low bits hold the
 * merge state, the next one the read-unlocked mark (below), the count lives
 * above them and may go negative). A non-owner
 * whose decrement drives the shared count negative queues the object for its
 * owner (runtime/brc.c), which merges the two counts at its next safe point.
 * Immortal objects have ob_ref_local == UINT32_MAX and ob_tid == 0 and are
 * never counted.
 */
#ifndef GILT_REFCOUNT_H
#define GILT_REFCOUNT_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "build.h"

struct Object;
struct TypeObject;

/* The counting helpers are a few instructions each and run several times
 * per bytecode: always inline them, even into the eval loop, where GCC's
 * size heuristics would otherwise leave some as calls. */
#define RC_INLINE static inline __attribute__((always_inline))

/* Deallocate an object whose count reached zero (object.c). */
void obj_dealloc(struct Object *o);

#if GILT_FT

#define OBJECT_HEAD                                                         \
    uintptr_t ob_tid;          /* owning thread id; 0 = no owner (shared)  */ \
    uint32_t ob_ref_local;     /* owner-only count; UINT32_MAX = immortal   */ \
    uint8_t ob_mutex;          /* per-object lock for containers (lock.h)  */ \
    uint8_t ob_gc_bits;        /* reserved for the cycle collector          */ \
    uint16_t ob_flags;                                                        \
    intptr_t ob_ref_shared;    /* atomic: count << 3 | mark | merge state   */ \
    struct TypeObject *ob_type;

#define REFCNT_IMMORTAL_LOCAL UINT32_MAX
#define BRC_SHARED_SHIFT 3
#define BRC_STATE_MASK 3
#define BRC_MARKED 4          /* read without a lock: see obj_mark_read_unlocked */
#define BRC_UNMERGED 0
#define BRC_QUEUED 1
#define BRC_MERGED 2

/* Static objects (types, None, ...) are immortal from birth. */
#define OBJECT_HEAD_INIT(type) \
    .ob_tid = 0, .ob_ref_local = REFCNT_IMMORTAL_LOCAL, .ob_ref_shared = 0, \
    .ob_type = (type)

/* The current thread's id for ownership (set by ts_attach / brc).
 * local-exec: gilt's code is only ever linked into executables, so every
 * owner check reads the id with one %fs-relative load (no GOT lookup). */
extern _Thread_local uintptr_t brc_current_tid __attribute__((tls_model("local-exec")));

/* Slow paths, runtime/brc.c. */
void brc_decref_shared(struct Object *o);   /* non-owner decrement */
void brc_merge_zero(struct Object *o);      /* owner's local count hit 0, shared not */

typedef struct { OBJECT_HEAD } RcHeader_;

RC_INLINE bool obj_is_immortal(const void *p) {
    return __atomic_load_n(&((const RcHeader_ *)p)->ob_ref_local, __ATOMIC_RELAXED)
           == REFCNT_IMMORTAL_LOCAL;
}

/* INCREF tests the owner first: it is the common case, and it alone decides
 * the fast path. An immortal object never passes it, because immortal
 * objects have ob_tid 0 (OBJECT_HEAD_INIT, obj_make_immortal) and no thread
 * ever runs with id 0 (brc.c starts every thread at BRC_TID_UNREGISTERED
 * until it registers). So the owner's increment is load, compare, add —
 * no immortality test — and only a non-owner's increment looks at
 * ob_ref_local to skip immortals. DECREF tests immortality first instead,
 * for every thread (see DECREF_). ob_tid is read with a relaxed atomic
 * load, as a merge may set it to 0 while a non-owner reads it (either
 * value sends a non-owner the shared way). */
RC_INLINE bool obj_owned_by_me_(const RcHeader_ *o) {
    return __builtin_expect(__atomic_load_n(&o->ob_tid, __ATOMIC_RELAXED) == brc_current_tid, 1);
}

/* The owner changes its local count. Only the owner ever writes
 * ob_ref_local; other threads only read it, to spot immortals (whose count
 * never changes). So a plain read-modify-write is enough, and lets the
 * compiler emit one `add $1, mem` — the GIL build's cost — instead of a
 * separate load and store. ThreadSanitizer cannot know that a reader only
 * ever looks for a value the owner never writes, so its builds keep the
 * relaxed atomic load and store (same ordering, more instructions). */
#if defined(__SANITIZE_THREAD__)
RC_INLINE bool immortal_test_(const RcHeader_ *o) { return obj_is_immortal(o); }
RC_INLINE uint32_t owner_local_add_(RcHeader_ *o, int32_t delta) {
    uint32_t local = __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) + (uint32_t)delta;
    __atomic_store_n(&o->ob_ref_local, local, __ATOMIC_RELAXED);
    return local;
}
#else
/* The immortality test INCREF's non-owners, DECREF and the "probably
 * immortal" sites make. Its volatile read keeps the compiler from loading
 * ob_ref_local once for both the test and the owner's count, which would
 * turn the owner's `sub $1, mem` back into three instructions. */
RC_INLINE bool immortal_test_(const RcHeader_ *o) {
    return *(const volatile uint32_t *)&o->ob_ref_local == REFCNT_IMMORTAL_LOCAL;
}
RC_INLINE uint32_t owner_local_add_(RcHeader_ *o, int32_t delta) {
    return o->ob_ref_local += (uint32_t)delta;
}
#endif
#if defined(__x86_64__) && !defined(__SANITIZE_THREAD__)
RC_INLINE bool owner_local_dec_is_zero_(RcHeader_ *o) {
    bool zero;
    __asm__("subl $1, %0" : "+m"(o->ob_ref_local), "=@ccz"(zero));
    return zero;
}
#else
RC_INLINE bool owner_local_dec_is_zero_(RcHeader_ *o) { return owner_local_add_(o, -1) == 0; }
#endif

RC_INLINE void INCREF_(void *p) {
    RcHeader_ *o = p;
    if (obj_owned_by_me_(o)) {
        owner_local_add_(o, 1);
    } else if (!immortal_test_(o)) {
        __atomic_fetch_add(&o->ob_ref_shared, (intptr_t)1 << BRC_SHARED_SHIFT,
                           __ATOMIC_RELAXED);
    }
}

/* DECREF tests immortality first, as CPython 3.13's free-threaded build
 * does. Drops of immortal objects are common where increments are not
 * (None returned and discarded, True/False after a test, small ints an
 * operator made): owner-first sent each of those through two taken jumps to
 * a cold block, and cost the free-threaded build about 10% of wall time on
 * bench/scaling_shared.py at one thread, where instruction counts moved by
 * 2% (docs/THREADS.md, "Wall clock against instructions"). */
RC_INLINE void DECREF_(void *p) {
    RcHeader_ *o = p;
    if (__builtin_expect(immortal_test_(o), 0)) return;
    if (obj_owned_by_me_(o)) {
        if (owner_local_dec_is_zero_(o)) {
            /* Nobody else ever counted it (or their counts cancelled out):
             * it is dead, and freeing it needs no atomics beyond this load. */
            if (__builtin_expect(__atomic_load_n(&o->ob_ref_shared, __ATOMIC_ACQUIRE) == 0, 1)) {
                obj_dealloc((struct Object *)o);
            } else {
                brc_merge_zero((struct Object *)o);
            }
        }
    } else {
        brc_decref_shared((struct Object *)o);
    }
}

/* For a caller that has just seen threads_may_contend() (lock.h) false:
 * until a second thread has ever started, every mortal object is this
 * thread's and has no shared count (obj_has_refs_ below), so only
 * immortality needs a test. The owner's increment then costs a compare and
 * an add, and the owner's decrement skips the owner test and, at zero, the
 * shared count. */
RC_INLINE void INCREF_SOLE_THREAD_(void *p) {
    RcHeader_ *o = p;
    if (!immortal_test_(o)) owner_local_add_(o, 1);
}
RC_INLINE void DECREF_SOLE_THREAD_(void *p) {
    RcHeader_ *o = p;
    if (__builtin_expect(immortal_test_(o), 0)) return;
    if (owner_local_dec_is_zero_(o)) obj_dealloc((struct Object *)o);
}

/* For a site whose object is usually immortal (a global once threads run):
 * the immortality test first, two instructions for those, and the owner's
 * count after it. Everywhere else INCREF tests the owner first. */
RC_INLINE void INCREF_PROBABLY_IMMORTAL_(void *p) {
    if (!immortal_test_(p)) INCREF_(p);
}

/* Make an object immortal: it is never counted or freed afterwards. It
 * loses its owner (ob_tid 0), which keeps it off every owner's fast path.
 * Called by the owner, or before any other thread can see the object. */
static inline void obj_make_immortal(void *p) {
    RcHeader_ *o = p;
    __atomic_store_n(&o->ob_ref_local, REFCNT_IMMORTAL_LOCAL, __ATOMIC_RELAXED);
    __atomic_store_n(&o->ob_ref_shared, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
}

/* Total count, for sys.getrefcount and tests (approximate under races). */
static inline intptr_t obj_refcount(const void *p) {
    const RcHeader_ *o = p;
    if (obj_is_immortal(o)) return INTPTR_MAX;
    return (intptr_t)__atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) +
           (__atomic_load_n(&o->ob_ref_shared, __ATOMIC_RELAXED) >> BRC_SHARED_SHIFT);
}

/* Give an object whose count reached zero (inside its dealloc) one
 * reference again, owned by the calling thread: for running __del__, which
 * may store the object somewhere (resurrect it). */
static inline void obj_resurrect(void *p) {
    RcHeader_ *o = p;
    /* Dropping a read-unlocked mark is safe: a marked object is only
     * deallocated once no reader can hold a pointer to it (qsbr.h). */
    o->ob_tid = brc_current_tid;
    __atomic_store_n(&o->ob_ref_shared, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&o->ob_ref_local, 1, __ATOMIC_RELAXED);
}

/* True when the caller's reference is the only one, so the object may be
 * changed in place (the eval loop reuses temporary ints and floats): owned
 * by this thread, local count 1, and no other thread ever counted it.
 * The owner test is needed: only the owner reads its own local count
 * reliably — another thread may see a stale 1 while the owner has since
 * handed out more references (ThreadSanitizer caught exactly that in
 * tests/lang/threads_class_rebind.py when the test was left out). */
extern bool vm_threads_started;   /* vm/interp.h */
RC_INLINE bool obj_has_refs_(const RcHeader_ *o, uint32_t n) {
    /* The local count first: it alone rejects most objects (a list item,
     * a named variable) in one compare. Until a second thread has ever
     * started it alone decides: every mortal object is this thread's, and
     * only another thread (or a list or dict shared between threads, see
     * below) ever makes a shared count. Once threads run, the owner and the
     * shared count are tested too. The shared count is read with acquire:
     * it pairs with the release of a non-owner's last decrement
     * (brc_decref_shared), so whatever that thread read of the object is
     * done before the caller overwrites it (ThreadSanitizer saw the race
     * in tests/lang/threads_dict_snapshot.py; on x86 the acquire costs
     * nothing). */
    if (__atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) != n) return false;
    if (!__atomic_load_n(&vm_threads_started, __ATOMIC_RELAXED)) return true;
    return __atomic_load_n(&o->ob_tid, __ATOMIC_RELAXED) == brc_current_tid &&
           __atomic_load_n(&o->ob_ref_shared, __ATOMIC_ACQUIRE) == 0;
}
RC_INLINE bool obj_is_unique(const void *p) { return obj_has_refs_(p, 1); }

/* True when exactly two references exist, both the calling thread's (the
 * eval loop: a local's and the stack's, see BINARY_OP). As obj_is_unique,
 * only the owner can know. */
RC_INLINE bool obj_has_two_refs(const void *p) { return obj_has_refs_(p, 2); }

/* True when the caller may free the object itself, without DECREF, because
 * its reference is provably the last (used to free long chains without
 * recursion). Conservative here: always false, so callers fall back to
 * DECREF, which handles shared and queued counts. */
RC_INLINE bool obj_can_free_directly(const void *p) { (void)p; return false; }

/* Header for a freshly allocated object owned by the calling thread. */
RC_INLINE void obj_init_header(void *p, struct TypeObject *type) {
    RcHeader_ *o = p;
    o->ob_tid = brc_current_tid;
    o->ob_ref_local = 1;
    o->ob_mutex = 0;
    o->ob_gc_bits = 0;
    o->ob_flags = 0;
    o->ob_ref_shared = 0;
    o->ob_type = type;
}


/* ---- Objects read without a lock (qsbr.h, list.c, dict.c) ----
 *
 * A thread reading a shared list or dict without its lock loads an item
 * pointer and only then counts it; meanwhile a writer may drop the item.
 * Every item a writer drops from such a container is first marked: the
 * BRC_MARKED bit of its shared word (obj_mark_read_unlocked). That makes
 * the shared word non-zero for good, so the owner's fast path above never
 * frees a marked object: its last decrement goes to brc.c, which marks it
 * dead in the shared word with a CAS (MERGED, count 0: a reader's
 * try-increment and that CAS cannot both succeed) and hands it to QSBR,
 * which deallocates it only once no thread can still be holding a pointer
 * loaded before (qsbr_dealloc_later). Unmarked objects die as before, and
 * no fast path tests anything new. */
RC_INLINE bool obj_is_read_unlocked(const void *p) {
    return __atomic_load_n(&((const RcHeader_ *)p)->ob_ref_shared, __ATOMIC_RELAXED) & BRC_MARKED;
}

/* Whether the calling thread owns the object (immortal ones have no owner). */
RC_INLINE bool obj_owned_by_current_thread(const void *p) { return obj_owned_by_me_(p); }

/* Called with a reference held (so the object is alive), before dropping it. */
RC_INLINE void obj_mark_read_unlocked(void *p) {
    RcHeader_ *o = p;
    if (!obj_is_read_unlocked(o) && !obj_is_immortal(o))
        __atomic_fetch_or(&o->ob_ref_shared, BRC_MARKED, __ATOMIC_RELEASE);
}

bool brc_try_incref_shared(struct Object *o);   /* brc.c */

/* obj_try_incref's cheap half, for a caller that keeps its fast path free
 * of calls: true (and counted) if the object is immortal or this thread's;
 * false means "use obj_try_incref". */
RC_INLINE bool obj_incref_if_local(void *p) {
    RcHeader_ *o = p;
    if (obj_owned_by_me_(o)) {
        owner_local_add_(o, 1);
        return true;
    }
    return immortal_test_(o);
}

/* Take a reference to an object just loaded from a container without its
 * lock; false if it has died meanwhile (its memory is still readable: see
 * above) and the caller must look again under the lock. The owner needs
 * no check: only the owner frees an object it owns, and it is busy here. */
RC_INLINE bool obj_try_incref(void *p) {
    return obj_incref_if_local(p) || brc_try_incref_shared((struct Object *)p);
}

#else /* GIL build */

#define OBJECT_HEAD                                                     \
    intptr_t ob_refcnt;                                                 \
    uint8_t ob_gc_bits;        /* reserved for the cycle collector */   \
    uint8_t ob_pad_[3];                                                 \
    uint32_t ob_flags;                                                  \
    struct TypeObject *ob_type;

#define REFCNT_IMMORTAL ((intptr_t)1 << 60)
#define OBJECT_HEAD_INIT(type) .ob_refcnt = REFCNT_IMMORTAL, .ob_type = (type)

typedef struct { OBJECT_HEAD } RcHeader_;

RC_INLINE bool obj_is_immortal(const void *p) {
    return ((const RcHeader_ *)p)->ob_refcnt >= (REFCNT_IMMORTAL >> 1);
}
RC_INLINE void INCREF_(void *p) { ((RcHeader_ *)p)->ob_refcnt++; }
RC_INLINE void DECREF_(void *p) {
    RcHeader_ *o = p;
    if (--o->ob_refcnt == 0) obj_dealloc((struct Object *)o);
}
static inline void obj_make_immortal(void *p) {
    ((RcHeader_ *)p)->ob_refcnt = REFCNT_IMMORTAL;
}
static inline intptr_t obj_refcount(const void *p) {
    const RcHeader_ *o = p;
    return obj_is_immortal(o) ? INTPTR_MAX : o->ob_refcnt;
}
static inline void obj_resurrect(void *p) { ((RcHeader_ *)p)->ob_refcnt = 1; }
RC_INLINE bool obj_is_unique(const void *p) { return ((const RcHeader_ *)p)->ob_refcnt == 1; }
RC_INLINE bool obj_has_two_refs(const void *p) { return ((const RcHeader_ *)p)->ob_refcnt == 2; }
RC_INLINE bool obj_can_free_directly(const void *p) { return obj_is_unique(p); }
RC_INLINE void obj_init_header(void *p, struct TypeObject *type) {
    RcHeader_ *o = p;
    o->ob_refcnt = 1;
    o->ob_gc_bits = 0;
    o->ob_flags = 0;
    o->ob_type = type;
}

/* Every count changes with one instruction here: nothing to reorder, and
 * no owner to test. */
#define INCREF_PROBABLY_IMMORTAL_ INCREF_
#define INCREF_SOLE_THREAD_ INCREF_
#define DECREF_SOLE_THREAD_ DECREF_

/* Under the GIL nothing reads a container while another thread writes it. */
RC_INLINE bool obj_is_read_unlocked(const void *p) { (void)p; return false; }
RC_INLINE bool obj_owned_by_current_thread(const void *p) { (void)p; return true; }
RC_INLINE void obj_mark_read_unlocked(void *p) { (void)p; }
RC_INLINE bool obj_try_incref(void *p) { INCREF_(p); return true; }
RC_INLINE bool obj_incref_if_local(void *p) { INCREF_(p); return true; }

#endif

/* The names everyone uses. All take any object pointer. */
#define INCREF(o) INCREF_((void *)(o))
#define DECREF(o) DECREF_((void *)(o))
#define INCREF_PROBABLY_IMMORTAL(o) INCREF_PROBABLY_IMMORTAL_((void *)(o))
#define INCREF_SOLE_THREAD(o) INCREF_SOLE_THREAD_((void *)(o))
#define DECREF_SOLE_THREAD(o) DECREF_SOLE_THREAD_((void *)(o))
#define XINCREF(o) do { void *x_ = (void *)(o); if (x_) INCREF_(x_); } while (0)
#define XDECREF(o) do { void *x_ = (void *)(o); if (x_) DECREF_(x_); } while (0)
/* Drop the reference held in lvalue p and set p to NULL (safe if re-entered). */
#define CLEAR(p) do { void *x_ = (void *)(p); (p) = NULL; if (x_) DECREF_(x_); } while (0)
/* Replace the reference held in lvalue p by v (v already owned). */
#define SETREF(p, v) do { void *x_ = (void *)(p); (p) = (v); if (x_) DECREF_(x_); } while (0)

RC_INLINE struct Object *NEWREF(void *o) { INCREF_(o); return (struct Object *)o; }
RC_INLINE struct Object *XNEWREF(void *o) { if (o) INCREF_(o); return (struct Object *)o; }

#endif
