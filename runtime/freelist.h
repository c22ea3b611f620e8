/* freelist.h — per-thread caches of freed int and float objects
 * (freelist.c).
 *
 * Loops make and drop an int or a float per arithmetic instruction; going
 * to mimalloc for each (allocate, zero, free) costs more than the
 * arithmetic. A freed exact int or float is instead pushed on a short
 * singly-linked list owned by the freeing thread (the link lives in the
 * dead object's first word) and handed out again by the next allocation of
 * the same type on that thread. No locks: each list is _Thread_local, and
 * a block freed by one thread and reused by another is fine because the
 * blocks are plain mimalloc memory (mi_free works from any thread).
 *
 * Guarantees: a list never holds more than FREELIST_MAX blocks; a thread's
 * lists are returned to mimalloc by freelist_thread_exit() (ts_delete).
 * Built with -DGILT_SYSTEM_MALLOC (sanitizers, valgrind) the lists are
 * disabled, so every object is a fresh malloc and use-after-free is seen.
 */
#ifndef GILT_FREELIST_H
#define GILT_FREELIST_H

#include <stdbool.h>
#include <stdint.h>
#include "alloc.h"

enum { FREELIST_MAX = 512 };

typedef struct FreeList {
    void *head;
    uint32_t count;
} FreeList;

extern _Thread_local FreeList freelist_int __attribute__((tls_model("local-exec")));
extern _Thread_local FreeList freelist_float __attribute__((tls_model("local-exec")));

/* A cached block, or NULL when the list is empty. Header not initialized. */
static inline void *freelist_pop(FreeList *fl) {
    void *p = fl->head;
    if (p) {
        fl->head = *(void **)p;
        fl->count--;
    }
    return p;
}

/* Keep a dead object's block for reuse; false if the list is full (or
 * disabled), and the caller frees it. */
static inline bool freelist_push(FreeList *fl, void *p) {
    if (ALLOC_IS_SYSTEM || fl->count >= FREELIST_MAX) return false;
    *(void **)p = fl->head;
    fl->head = p;
    fl->count++;
    return true;
}

/* Give the calling thread's cached blocks back to mimalloc. */
void freelist_thread_exit(void);

#endif
