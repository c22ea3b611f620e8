/* stackguard.c — where each thread's C stack ends (stackguard.h).
 *
 * The floor is the stack's lowest address plus a margin big enough for the
 * code that runs after the guard says no: raising the RecursionError,
 * unwinding, printing a traceback. A quarter of the stack, clamped between
 * 256 KiB and 2 MiB, leaves room even for sanitizer-sized frames while
 * keeping most of an 8 MiB main stack usable. Stacks grow down on every
 * platform gilt builds for (x86-64, AArch64).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include "stackguard.h"
#include "gilt.h"

_Thread_local uintptr_t stack_guard_floor = UINTPTR_MAX;

#define MARGIN_MIN ((size_t)256 << 10)
#define MARGIN_MAX ((size_t)2 << 20)

/* The floor for the calling thread, or 0 (no checking) when its stack
 * bounds are unknown. */
static uintptr_t compute_floor(void) {
    pthread_attr_t attr;
    void *low = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
    int rc = pthread_attr_getstack(&attr, &low, &size);
    pthread_attr_destroy(&attr);
    if (rc != 0 || !low || size == 0) return 0;
    size_t margin = size / 4;
    if (margin < MARGIN_MIN) margin = MARGIN_MIN;
    if (margin > MARGIN_MAX) margin = MARGIN_MAX;
    if (margin > size / 2) margin = size / 2;
    return (uintptr_t)low + margin;
}

int stack_guard_exhausted(const char *where) {
    if (stack_guard_floor == UINTPTR_MAX) {
        stack_guard_floor = compute_floor();
        if ((uintptr_t)__builtin_frame_address(0) >= stack_guard_floor) return 0;
    }
    err_format(Exc_RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
    return -1;
}
