/* lock.h — the per-object lock that guards container mutation.
 *
 * In the free-threaded build every mutable builtin container (list, dict,
 * set, bytearray, ...) takes its object's lock around a mutation, and around
 * reads that need a consistent view of more than one field. In the GIL build
 * the lock compiles to nothing: the GIL already serializes bytecode.
 *
 *   OBJ_LOCK(o); ... OBJ_UNLOCK(o);
 *
 * Rules: never call back into gilt code (a __eq__, a __hash__) while holding
 * a lock; take at most one object's lock at a time, or use OBJ_LOCK2 which
 * orders by address.
 */
#ifndef GILT_LOCK_H
#define GILT_LOCK_H

#include "object.h"

#if GILT_FT
void objlock_lock_slow(uint8_t *m);
/* Set once, before the first extra thread exists (vm/interp.h). Until then
 * no other thread can contend, so OBJ_LOCK skips the atomic (glibc's malloc
 * does the same with SINGLE_THREAD_P). Safe because no thread is started
 * while a lock is held (no gilt code runs under one, see the rules above):
 * a section entered unlocked is left before the flag can change, and from
 * then on every lock is real. OBJ_UNLOCK stays unconditional: storing 0 to
 * a free lock is harmless. */
extern bool vm_threads_started;
/* OBJ_LOCK for a caller that has just seen threads_may_contend() true. */
static inline void OBJ_LOCK_THREADED(void *o) {
    uint8_t *m = &((Object *)o)->ob_mutex;
    uint8_t expected = 0;
    if (!__atomic_compare_exchange_n(m, &expected, 1, false, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        objlock_lock_slow(m);
}
static inline void OBJ_LOCK(void *o) {
    if (__atomic_load_n(&vm_threads_started, __ATOMIC_RELAXED)) OBJ_LOCK_THREADED(o);
}
static inline void OBJ_UNLOCK(void *o) {
    __atomic_store_n(&((Object *)o)->ob_mutex, 0, __ATOMIC_RELEASE);
}
static inline void OBJ_LOCK2(void *a, void *b) {
    if (a == b) { OBJ_LOCK(a); return; }
    if ((uintptr_t)a < (uintptr_t)b) { OBJ_LOCK(a); OBJ_LOCK(b); }
    else { OBJ_LOCK(b); OBJ_LOCK(a); }
}
static inline void OBJ_UNLOCK2(void *a, void *b) {
    OBJ_UNLOCK(a);
    if (a != b) OBJ_UNLOCK(b);
}
/* An unlocked lock, for an object header built by hand rather than by
 * obj_alloc (e.g. a temporary on the C stack). */
static inline void obj_lock_init(void *o) { ((Object *)o)->ob_mutex = 0; }
/* True once a second thread may exist: until then no lock can be contended
 * (see vm_threads_started above). Always false in the GIL build. */
static inline __attribute__((always_inline)) bool threads_may_contend(void) {
    return __atomic_load_n(&vm_threads_started, __ATOMIC_RELAXED);
}
#else
#define OBJ_LOCK(o) ((void)(o))
#define OBJ_LOCK_THREADED(o) ((void)(o))
#define OBJ_UNLOCK(o) ((void)(o))
#define OBJ_LOCK2(a, b) ((void)(a), (void)(b))
#define OBJ_UNLOCK2(a, b) ((void)(a), (void)(b))
static inline void obj_lock_init(void *o) { (void)o; }
static inline bool threads_may_contend(void) { return false; }
#endif

/* ---- Containers read without their lock (list.c, dict.c, set.c) ----
 *
 * Whether a list's, dict's or set's single-item reads may skip the lock lives in
 * its ob_flags: PRIVATE, only the owner thread reads it so (its own writes
 * cannot race with its reads); SHARED, every thread does, for good. A
 * container becomes shared when another thread than its owner takes its
 * lock (container_note_access_threaded), and the immortalization walk
 * shares the ones it reaches (container_share). Never shared in the GIL
 * build, where the tests fold away. */
enum { CONTAINER_PRIVATE = 0, CONTAINER_SHARED = 1 };

static inline bool container_is_shared(const void *o) {
    return GILT_FT && __atomic_load_n(&((const Object *)o)->ob_flags, __ATOMIC_ACQUIRE) == CONTAINER_SHARED;
}

static inline void container_share(void *o) {
    if (GILT_FT) __atomic_store_n(&((Object *)o)->ob_flags, CONTAINER_SHARED, __ATOMIC_RELEASE);
}

/* Whether the calling thread may read o without its lock (threads run). */
static inline bool container_readable_unlocked(const void *o) {
    return container_is_shared(o) || obj_owned_by_current_thread(o);
}

/* Lock held, threads running, by a thread about to read or write o. */
static inline void container_note_access_threaded(void *o) {
    if (GILT_FT && !obj_owned_by_current_thread(o) && !container_is_shared(o)) container_share(o);
}

/* Whether a stored key and a lookup key with the same hash are equal, as
 * far as a reader without the lock can tell: 1 equal, 0 not, -1 it would
 * take gilt code (__eq__) to know — the reader then takes the lock
 * (runtime/unlocked_keys.c). */
int keys_equal_unlocked(Object *stored, Object *key);

/* OBJ_LOCK for a container about to be read or written under its lock:
 * another thread than its owner doing so shares it first (one test of
 * threads_may_contend for both). */
static inline void container_lock(void *o) {
    if (!threads_may_contend()) return;
    OBJ_LOCK_THREADED(o);
    container_note_access_threaded(o);
}

/* container_lock for two containers at once (OBJ_LOCK2's order). */
static inline void container_lock2(void *a, void *b) {
    if (!threads_may_contend()) return;
    OBJ_LOCK2(a, b);
    container_note_access_threaded(a);
    if (b != a) container_note_access_threaded(b);
}

#endif
