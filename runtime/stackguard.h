/* stackguard.h — a cheap check that the C stack has room left.
 *
 * Code that recurses in C through arbitrary objects (a map of a map of a
 * map..., the eval loop re-entered from C, repr/compare guards) calls
 * stack_guard_check() before recursing. It costs one thread-local load and
 * one compare. When the calling thread's stack is nearly used up — less than
 * a safety margin left — it raises RecursionError ("maximum recursion depth
 * exceeded<where>") and returns -1, so deep nesting becomes an exception,
 * never a segfault, whatever sys.setrecursionlimit says and however large
 * the frames are (sanitizer builds have much larger ones).
 *
 * The bounds of each thread's stack are read lazily (pthread_getattr_np)
 * on its first check.
 */
#ifndef GILT_STACKGUARD_H
#define GILT_STACKGUARD_H

#include <stdint.h>

/* Lowest safe stack address of this thread; UINTPTR_MAX until computed, so
 * the first check always takes the slow path. */
extern _Thread_local uintptr_t stack_guard_floor;

/* Slow path: computes the bounds on first use, else raises RecursionError. */
int stack_guard_exhausted(const char *where);

static inline int stack_guard_check(const char *where) {
    if (__builtin_expect((uintptr_t)__builtin_frame_address(0) < stack_guard_floor, 0))
        return stack_guard_exhausted(where);
    return 0;
}

#endif
