/* scratch.h — the compiler's scratch memory: Boehm GC's collected heap.
 *
 * Tokens, AST nodes, symbol tables and the code generator's growing arrays
 * all come from here and are never freed by hand. Nothing in this heap may
 * be referenced only from mimalloc memory (Boehm cannot see it); pointers in
 * the other direction (scratch -> runtime objects) are fine, because Boehm
 * never manages runtime objects.
 */
#ifndef GILT_SCRATCH_H
#define GILT_SCRATCH_H

#define GC_THREADS
#define GC_NO_THREAD_REDIRECTS
#include <gc/gc.h>
#include <string.h>
#include <stdlib.h>

static inline void *scratch_alloc(size_t n) {
    void *p = GC_MALLOC(n ? n : 1);
    if (!p) abort();
    return p;
}

/* Memory that will never hold pointers (strings, instruction words). */
static inline void *scratch_alloc_atomic(size_t n) {
    void *p = GC_MALLOC_ATOMIC(n ? n : 1);
    if (!p) abort();
    memset(p, 0, n ? n : 1);
    return p;
}

static inline void *scratch_realloc(void *p, size_t n) {
    void *q = GC_REALLOC(p, n ? n : 1);
    if (!q) abort();
    return q;
}

static inline char *scratch_strndup(const char *s, size_t n) {
    char *p = scratch_alloc_atomic(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* Grow a scratch array of `elem`-sized items so index `need` fits. */
#define SCRATCH_GROW(arr, count, cap, need)                                  \
    do {                                                                     \
        if ((size_t)(need) >= (size_t)(cap)) {                               \
            size_t nc_ = (cap) ? (size_t)(cap) * 2 : 8;                      \
            while (nc_ <= (size_t)(need)) nc_ *= 2;                          \
            (arr) = scratch_realloc((arr), nc_ * sizeof(*(arr)));            \
            (cap) = nc_;                                                     \
        }                                                                    \
    } while (0)

#endif
