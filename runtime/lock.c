/* lock.c — the slow path of the per-object container lock (lock.h).
 *
 * The lock is one byte in the object header: 0 free, 1 held. OBJ_LOCK tries
 * a single compare-and-swap inline; when that fails we get here. Critical
 * sections guarded by this lock are short (a few loads and stores on a
 * container, never a call into gilt code), so we first spin for a little
 * while, then yield the CPU so that a preempted holder can run, and after a
 * long wait sleep briefly so that a waiter does not burn a core.
 * A byte cannot be a futex word, which is why waiting is yield/sleep based.
 * Guarantees: mutual exclusion with acquire/release ordering; no fairness.
 */
#include <sched.h>
#include <time.h>
#include "lock.h"

#if GILT_FT

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static inline bool try_acquire(uint8_t *m) {
    uint8_t expected = 0;
    return __atomic_compare_exchange_n(m, &expected, 1, false, __ATOMIC_ACQUIRE,
                                       __ATOMIC_RELAXED);
}

void objlock_lock_slow(uint8_t *m) {
    enum { SPINS = 200, YIELDS = 1000 };
    for (unsigned attempt = 0;; attempt++) {
        /* Read before trying the CAS: spinning on a plain load keeps the
         * cache line shared instead of bouncing it between waiters. */
        if (__atomic_load_n(m, __ATOMIC_RELAXED) == 0 && try_acquire(m))
            return;
        if (attempt < SPINS) {
            cpu_relax();
        } else if (attempt < SPINS + YIELDS) {
            sched_yield();
        } else {
            struct timespec pause = {0, 50 * 1000};  /* 50 us */
            nanosleep(&pause, NULL);
        }
    }
}

#else
/* The GIL build has no object locks; keep the translation unit non-empty. */
typedef int lock_c_unused_in_gil_build;
#endif
