/* dict.h — insertion-ordered hash tables (dict.c).
 *
 * Layout as CPython's compact dict: a sparse index table into a dense array
 * of (hash, key, value) entries. Each dict has a version number that changes
 * on every mutation (inline caches in the VM use it).
 * Free-threaded build: mutations take the dict's lock; lookups return new
 * references and take no lock once the dict is shared between threads
 * (dict.c, "Shared dicts").
 */
#ifndef GILT_DICT_H
#define GILT_DICT_H

#include "object.h"
#include "lock.h"

#define DICT_CHECK(o) (IS_TYPE(o, DictType) || HAS_FLAG(o, TPFLAG_DICT_SUBCLASS))

Object *dict_new(void);
/* 1 found (*out = new ref), 0 missing, -1 error (hash/eq raised). */
int dict_lookup(Object *d, Object *key, Object **out);
/* Lookup by an str key: new ref or NULL (no error is possible for a missing
 * key; an error only if a key's __eq__ raised — check err_occurred). */
Object *dict_get_str(Object *d, Object *key);
Object *dict_get_cstr(Object *d, const char *key);  /* new ref or NULL */
int dict_set(Object *d, Object *key, Object *value);  /* borrowed */
/* d[key] = value, keeping the caller's reference to value (dropped when
 * it fails): the eval loop's STORE_SUBSCR hands over its operand. */
int dict_set_owned(Object *d, Object *key, Object *value);
int dict_set_cstr(Object *d, const char *key, Object *value);
int dict_del(Object *d, Object *key);                 /* KeyError if absent */
/* Remove key if present; 1 removed (*out = value, new ref, if out), 0 absent. */
int dict_pop(Object *d, Object *key, Object **out);
typedef struct DictEntry {
    int64_t hash;
    Object *key;                 /* NULL: deleted entry */
    Object *value;
} DictEntry;

/* The first fields of every dict, so that the readers below inline into
 * the VM's caches (dict.c's DictObject starts with exactly these). */
typedef struct DictHead {
    OBJECT_HEAD
    size_t used;                 /* live entries                               */
    uint64_t version;
    size_t nentries;             /* entries filled so far (live or deleted)    */
    DictEntry *entries;
} DictHead;
/* len(d); a lock-free read. */
static inline int64_t dict_size(Object *d) {
    return (int64_t)__atomic_load_n(&((DictHead *)d)->used, __ATOMIC_RELAXED);
}
/* The version: it changes on every mutation, and no two states of any two
 * dicts share one. */
static inline uint64_t dict_version(Object *d) {
    return __atomic_load_n(&((DictHead *)d)->version, __ATOMIC_ACQUIRE);
}
/* dict_get_str for the VM's attribute caches: *hint is an entry number
 * where the key was found before (any value is safe; it is checked and
 * updated). Instances of a class keep their attributes in the same order,
 * so one hint per instruction usually hits with no hashing or probing.
 * The hit is inline: each LOAD_ATTR then has its own branches, which the
 * CPU predicts per site (one attribute usually holds one kind of value).
 *
 * Once threads run (free-threaded build), the hit is still inline when
 * this thread may read d without its lock (lock.h: d is its own, or
 * shared) and counting the value needs no atomic: the same test on the
 * table a lock-free reader loaded (dict.c, "Shared dicts": entries are
 * published last, and the count of filled entries is the word before
 * entry 0, written after the entry). Everything else goes to dict.c.
 *
 * The value's immortality is tested before its owner: an attribute holds
 * None, a bool or a small int about as often as an object, and with the
 * owner test first each of those took two jumps to a cold block
 * (docs/THREADS.md, "Wall clock against instructions"). */
Object *dict_get_str_hinted_slow(Object *d, Object *key, uint64_t *hint);
Object *dict_get_str_hinted_threaded(Object *d, Object *key, uint64_t *hint);
static inline size_t dict_entries_filled(const DictEntry *entries) {
    return __atomic_load_n((const size_t *)entries - 1, __ATOMIC_ACQUIRE);
}
static inline __attribute__((always_inline)) Object *
dict_get_str_hinted(Object *d, Object *key, uint64_t *hint) {
    const DictHead *h = (const DictHead *)d;
    uint64_t ix = __atomic_load_n(hint, __ATOMIC_RELAXED);
    if (threads_may_contend()) {
        if (container_readable_unlocked(d)) {
            DictEntry *e = __atomic_load_n(&h->entries, __ATOMIC_ACQUIRE);
            if (e && ix < dict_entries_filled(e) &&
                __atomic_load_n(&e[ix].key, __ATOMIC_ACQUIRE) == key) {
                Object *v = __atomic_load_n(&e[ix].value, __ATOMIC_ACQUIRE);
                if (v && (obj_is_immortal(v) || obj_incref_if_local(v))) return v;
            }
        }
        return dict_get_str_hinted_threaded(d, key, hint);
    }
    if (ix < h->nentries && h->entries[ix].key == key) {
        Object *v = h->entries[ix].value;
        INCREF_SOLE_THREAD(v);
        return v;
    }
    return dict_get_str_hinted_slow(d, key, hint);
}
/* Free-threaded build: let every thread look things up in d without its
 * lock from now on (dict.c, "Shared dicts"); called by immortalize.c at
 * the first thread start for the dicts of the shared world. */
void dict_share(Object *d);
/* Iterate: pos starts at 0; returns false when done. Borrowed key/value.
 * Not safe across mutation from other threads: use dict_items() there. */
bool dict_next(Object *d, size_t *pos, Object **key, Object **value);
Object *dict_keys_list(Object *d);
Object *dict_values_list(Object *d);
Object *dict_items_list(Object *d);   /* list of (k, v) tuples */
/* list(o) for an exact dict or a keys/values/items view: 1 and *out a new
 * list copied under the dict's one lock (an atomic snapshot, as CPython's
 * list(d) even while other threads mutate d); 0 if o is none of those;
 * -1 on error. */
int dict_snapshot_list(Object *o, Object **out);
int dict_update(Object *d, Object *other);       /* mapping or iterable of pairs */
int dict_merge(Object *d, Object *other, bool override);
Object *dict_copy(Object *d);
void dict_clear(Object *d);

/* Views and iterators (dict.c). */
extern TypeObject DictKeysType, DictValuesType, DictItemsType,
    DictKeyIterType, DictValueIterType, DictItemIterType,
    DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;

#endif
