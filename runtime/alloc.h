/* alloc.h — the one place that chooses the allocator behind runtime memory.
 *
 * object.c (obj_alloc, mem_*) allocates only through these wrappers, and
 * everything else — GMP's hooks in int.c included — goes through mem_*.
 *
 * Normally the allocator is mimalloc, with a per-thread heap in the
 * free-threaded build (`heap` is an mi_heap_t*, or NULL for the default
 * heap). Built with -DGILT_SYSTEM_MALLOC (the sanitizer and valgrind
 * builds), the wrappers call the C library's malloc family instead and
 * ignore `heap`, so AddressSanitizer and valgrind see every object and can
 * report overflows, use-after-free and uninitialized reads in them.
 *
 * Guarantees, both ways: alloc_zalloc returns zeroed memory; alloc_realloc
 * with n == 0 still returns a live block (never frees and returns NULL);
 * alloc_usable_size of a live block never changes while it lives.
 *
 * Per-thread heaps: ALLOC_THREAD_HEAPS says whether each thread gets one
 * (free-threaded build on mimalloc). alloc_thread_heap_new() makes the
 * calling thread's heap, or returns NULL (the default heap) when there are
 * none; alloc_thread_heap_delete(heap) must run on the thread that made it.
 */
#ifndef GILT_ALLOC_H
#define GILT_ALLOC_H

#include <stddef.h>
#include "build.h"

#ifdef GILT_SYSTEM_MALLOC
/* Callers that cache freed blocks (freelist.h) turn that off when this is
 * set, so the checkers see every reuse. */
#define ALLOC_IS_SYSTEM 1
#include <stdlib.h>
#include <string.h>
#include <malloc.h>

static inline void *alloc_malloc(void *heap, size_t n) {
    (void)heap;
    return malloc(n ? n : 1);
}
static inline void *alloc_zalloc(void *heap, size_t n) {
    (void)heap;
    return calloc(1, n ? n : 1);
}
static inline void *alloc_calloc(void *heap, size_t count, size_t size) {
    (void)heap;
    return calloc(count ? count : 1, size ? size : 1);
}
static inline void *alloc_realloc(void *heap, void *p, size_t n) {
    (void)heap;
    return realloc(p, n ? n : 1);   /* realloc(p, 0) would free p */
}
static inline void alloc_free(void *p) { free(p); }
static inline size_t alloc_usable_size(void *p) { return malloc_usable_size(p); }
/* Zeroed, `align`-aligned (a power of two); n is rounded up to a multiple
 * of align. For per-thread records that must not share a cache line. */
static inline void *alloc_zalloc_aligned(size_t n, size_t align) {
    n = (n + align - 1) & ~(align - 1);
    /* posix_memalign, not aligned_alloc: valgrind's replacement of the
     * malloc family (also in libmimalloc, which exports it) covers
     * posix_memalign but not aligned_alloc, and a block from the real
     * aligned_alloc freed through valgrind's free is an "invalid free". */
    void *p = NULL;
    if (posix_memalign(&p, align < sizeof(void *) ? sizeof(void *) : align, n) != 0) return NULL;
    memset(p, 0, n);
    return p;
}

#define ALLOC_THREAD_HEAPS 0
static inline void *alloc_thread_heap_new(void) { return NULL; }
static inline void alloc_thread_heap_delete(void *heap) { (void)heap; }

#else
#define ALLOC_IS_SYSTEM 0
#include <mimalloc.h>

static inline void *alloc_malloc(void *heap, size_t n) {
    return heap ? mi_heap_malloc((mi_heap_t *)heap, n) : mi_malloc(n);
}
static inline void *alloc_zalloc(void *heap, size_t n) {
    return heap ? mi_heap_zalloc((mi_heap_t *)heap, n) : mi_zalloc(n);
}
static inline void *alloc_calloc(void *heap, size_t count, size_t size) {
    return heap ? mi_heap_calloc((mi_heap_t *)heap, count, size) : mi_calloc(count, size);
}
static inline void *alloc_realloc(void *heap, void *p, size_t n) {
    return heap ? mi_heap_realloc((mi_heap_t *)heap, p, n) : mi_realloc(p, n);
}
static inline void alloc_free(void *p) { mi_free(p); }
static inline size_t alloc_usable_size(void *p) { return mi_usable_size(p); }
static inline void *alloc_zalloc_aligned(size_t n, size_t align) {
    return mi_zalloc_aligned((n + align - 1) & ~(align - 1), align);
}

/* The GIL build allocates from the default heap: one thread runs at a time. */
#define ALLOC_THREAD_HEAPS GILT_FT
static inline void *alloc_thread_heap_new(void) {
    return ALLOC_THREAD_HEAPS ? mi_heap_new() : NULL;
}
/* Live blocks move to the thread's default heap and stay valid (mi_free
 * works from any thread). */
static inline void alloc_thread_heap_delete(void *heap) {
    if (heap) mi_heap_delete((mi_heap_t *)heap);
}

#endif
#endif
