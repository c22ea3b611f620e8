/* strmap.h — a small string-keyed hash map in scratch memory, used by the
 * symbol tables and the code generator (name -> index, and name sets).
 *
 * Keys are NUL-terminated strings compared by content; the map remembers
 * insertion order (keys[0..n)), which the code generator relies on to
 * number locals and names in the order they first appear.
 */
#ifndef GILT_STRMAP_H
#define GILT_STRMAP_H

#include <string.h>
#include <stdint.h>
#include "scratch.h"

typedef struct StrMap {
    const char **keys;       /* insertion order                             */
    int *values;
    int n, cap;
    int *slots;              /* open addressing: index into keys, -1 empty  */
    int nslots;
} StrMap;

static inline uint32_t strmap_hash(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; }
    return h;
}

static inline int strmap_find_slot(const StrMap *m, const char *key) {
    uint32_t mask = (uint32_t)m->nslots - 1;
    uint32_t i = strmap_hash(key) & mask;
    for (;;) {
        int k = m->slots[i];
        if (k < 0 || strcmp(m->keys[k], key) == 0) return (int)i;
        i = (i + 1) & mask;
    }
}

/* Index of key in insertion order, or -1. */
static inline int strmap_index(const StrMap *m, const char *key) {
    if (m->nslots == 0) return -1;
    return m->slots[strmap_find_slot(m, key)];
}

static inline int strmap_get(const StrMap *m, const char *key, int missing) {
    int k = strmap_index(m, key);
    return k < 0 ? missing : m->values[k];
}

static inline bool strmap_has(const StrMap *m, const char *key) { return strmap_index(m, key) >= 0; }

static inline void strmap_rehash(StrMap *m, int nslots) {
    m->slots = scratch_alloc_atomic(nslots * sizeof(int));
    memset(m->slots, 0xff, nslots * sizeof(int));
    m->nslots = nslots;
    for (int k = 0; k < m->n; k++) m->slots[strmap_find_slot(m, m->keys[k])] = k;
}

/* Set key's value (adding the key at the end if new); returns its index. */
static inline int strmap_put(StrMap *m, const char *key, int value) {
    if ((m->n + 1) * 2 > m->nslots) strmap_rehash(m, m->nslots ? m->nslots * 2 : 16);
    int s = strmap_find_slot(m, key);
    int k = m->slots[s];
    if (k >= 0) { m->values[k] = value; return k; }
    if (m->n >= m->cap) {
        int nc = m->cap ? m->cap * 2 : 8;
        const char **keys = scratch_alloc(nc * sizeof(char *));
        int *values = scratch_alloc_atomic(nc * sizeof(int));
        if (m->n) {
            memcpy(keys, m->keys, m->n * sizeof(char *));
            memcpy(values, m->values, m->n * sizeof(int));
        }
        m->keys = keys;
        m->values = values;
        m->cap = nc;
    }
    m->keys[m->n] = key;
    m->values[m->n] = value;
    m->slots[s] = m->n;
    return m->n++;
}

/* Add key with the next index as its value if absent; returns its value. */
static inline int strmap_intern(StrMap *m, const char *key) {
    int k = strmap_index(m, key);
    if (k >= 0) return m->values[k];
    int idx = strmap_put(m, key, m->n);   /* may reallocate m->values */
    return m->values[idx];
}

/* Remove by rebuilding without key (rare: name sets of the symbol table). */
static inline void strmap_remove(StrMap *m, const char *key) {
    int k = strmap_index(m, key);
    if (k < 0) return;
    for (int i = k; i + 1 < m->n; i++) {
        m->keys[i] = m->keys[i + 1];
        m->values[i] = m->values[i + 1];
    }
    m->n--;
    strmap_rehash(m, m->nslots);
}

static inline StrMap strmap_copy(const StrMap *m) {
    StrMap c = { 0 };
    for (int k = 0; k < m->n; k++) strmap_put(&c, m->keys[k], m->values[k]);
    return c;
}

#endif
