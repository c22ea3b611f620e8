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
static inline void OBJ_LOCK(void *o) {
    uint8_t *m = &((Object *)o)->ob_mutex;
    uint8_t expected = 0;
    if (!__atomic_compare_exchange_n(m, &expected, 1, false, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        objlock_lock_slow(m);
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
#else
#define OBJ_LOCK(o) ((void)(o))
#define OBJ_UNLOCK(o) ((void)(o))
#define OBJ_LOCK2(a, b) ((void)(a), (void)(b))
#define OBJ_UNLOCK2(a, b) ((void)(a), (void)(b))
#endif

#endif
