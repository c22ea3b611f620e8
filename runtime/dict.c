/* dict.c — insertion-ordered hash tables, their views and iterators.
 *
 * Layout (as CPython's compact dict): a sparse power-of-two index table of
 * int32 slots (EMPTY, DUMMY or an entry number) in front of a dense array
 * of (hash, key, value) entries kept in insertion order. Deleting leaves a
 * hole in the entries (key NULL) and a DUMMY in the index; a resize
 * compacts both. The table is allocated lazily, so an empty dict costs no
 * table at all. Probing is CPython's: i = i*5 + perturb + 1.
 *
 * Versions: every mutation gives the dict a new version number drawn from
 * one process-wide sequence (PEP 509), so no two states of any two dicts
 * share a number and an inline cache keyed on (dict, version) can never be
 * fooled. Each thread takes numbers from the sequence in chunks, so the
 * counter is not a shared hot spot in the free-threaded build.
 *
 * Fast paths: an exact str key compares by pointer, then by bytes (its
 * hash is cached in the string); exact small ints compare by value. Other
 * keys use __eq__, which can run arbitrary code: we hold a reference to the
 * stored key, release the lock for the call, and restart the probe if the
 * dict changed meanwhile (its version moved).
 *
 * Free-threaded build: mutations and lookups take the dict's lock; no gilt
 * code runs while it is held (hashes are computed first, replaced values
 * are DECREF'd after unlocking). Lookups return new references.
 *
 * Shared dicts (free-threaded): lookups read the table without the lock
 * once the dict is shared between threads (or by its owner), as lists do
 * (list.c, "Shared lists"): see lookup_unlocked. Tables and dropped keys
 * and values that such a reader may still see go back through QSBR.
 */
#include <string.h>
#include "gilt.h"
#include "reprguard.h"
#include "qsbr.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define DICT_MIN_LOG2 3          /* 8 index slots, 5 usable entries */
#define PERTURB_SHIFT 5

typedef struct DictObject {
    OBJECT_HEAD                  /* up to entries: dict.h's DictHead           */
    size_t used;                 /* live entries                               */
    uint64_t version;
    size_t nentries;             /* entries filled so far (live or deleted)    */
    DictEntry *entries;          /* the table (DictTable); published last      */
    uint8_t log2_size;           /* index table has 1 << log2_size slots       */
    size_t usable;               /* capacity of entries                        */
    int32_t *indices;            /* NULL until the first insertion             */
} DictObject;

#define D(o) ((DictObject *)(o))
_Static_assert(offsetof(DictObject, used) == offsetof(DictHead, used) &&
               offsetof(DictObject, version) == offsetof(DictHead, version) &&
               offsetof(DictObject, nentries) == offsetof(DictHead, nentries) &&
               offsetof(DictObject, entries) == offsetof(DictHead, entries),
               "DictObject must start with DictHead's fields");

/* ---- versions ---- */

static uint64_t version_sequence = 1024;  /* 0..1023 never handed out */
static _Thread_local uint64_t version_next, version_limit;

static inline uint64_t new_version(void) {
    if (version_next == version_limit) {
        enum { CHUNK = 1024 };
        version_next = __atomic_fetch_add(&version_sequence, CHUNK, __ATOMIC_RELAXED);
        version_limit = version_next + CHUNK;
    }
    return version_next++;
}

/* len() reads `used` without the lock (dict_size), so writers (lock held)
 * store it atomically: a plain store racing with that read is a C11 data
 * race (ThreadSanitizer reports it), even where it is benign. */
static inline void store_used(DictObject *d, size_t n) {
    __atomic_store_n(&d->used, n, __ATOMIC_RELAXED);
}

static inline void bump_version(DictObject *d) {
    __atomic_store_n(&d->version, new_version(), __ATOMIC_RELEASE);
}

/* ---- hashing ---- */

static inline int64_t key_hash(Object *key) {
    if (IS_TYPE(key, StrType)) {
        int64_t h = str_cached_hash(key);
        if (h != -1) return h;
        return str_hash(key);
    }
    return obj_hash(key);
}

/* ---- table management (lock held) ---- */

static inline size_t usable_for(uint8_t log2) { return ((size_t)1 << log2) * 2 / 3; }

static uint8_t log2_for_minsize(size_t minsize) {
    uint8_t log2 = DICT_MIN_LOG2;
    while (((size_t)1 << log2) < minsize) log2++;
    return log2;
}

/* log2 of a table that holds n entries without resizing. */
static uint8_t log2_for_entries(size_t n) { return log2_for_minsize((n * 3 + 1) / 2); }

/* A table is one block: the index slots, this header, then the entries.
 * A reader without the lock loads only d->entries (published last, with
 * release) and finds the rest from the header just before entry 0 (the
 * index slots end where the header starts), so it never combines the
 * fields of two tables. `nentries` repeats the dict's
 * count of filled entries for such readers (release, after the entry is
 * written): they never look past it, so the entries beyond need no
 * initializing. It is the word right before entry 0, where dict.h's
 * inline attribute read finds it (dict_entries_filled). */
typedef struct DictTable {
    uint8_t log2_size;
    size_t usable;
    size_t nentries;
    DictEntry entries[];
} DictTable;
_Static_assert(offsetof(DictTable, entries) == offsetof(DictTable, nentries) + sizeof(size_t),
               "dict_entries_filled (dict.h) reads the word before entry 0");

static inline DictTable *table_of_entries(DictEntry *entries) {
    return (DictTable *)((char *)entries - offsetof(DictTable, entries));
}
static inline DictTable *table_of(DictObject *d) { return table_of_entries(d->entries); }
static inline int32_t *table_indices(DictTable *t) {
    return (int32_t *)t - ((size_t)1 << t->log2_size);
}
/* The start of t's block, for freeing it. */
static inline void *table_block(DictTable *t) { return table_indices(t); }

/* Always inlined: at the commonest call, a new dict's first table, the
 * size is a constant and the memset becomes two stores. */
static inline __attribute__((always_inline)) DictTable *table_new(uint8_t log2) {
    size_t size = (size_t)1 << log2, usable = usable_for(log2);
    char *block = mem_alloc(size * sizeof(int32_t) + sizeof(DictTable) + usable * sizeof(DictEntry));
    DictTable *t = (DictTable *)(block + size * sizeof(int32_t));
    t->log2_size = log2;
    t->usable = usable;
    t->nentries = 0;
    memset(table_indices(t), 0xff, size * sizeof(int32_t));      /* all IX_EMPTY */
    return t;
}

/* Make t the dict's table, with n entries filled. The release store of
 * entries comes last: a reader that loads it sees the table complete. */
static void table_publish(DictObject *d, DictTable *t) {
    d->indices = table_indices(t);
    d->log2_size = t->log2_size;
    d->usable = t->usable;
    d->nentries = t->nentries;
    __atomic_store_n(&d->entries, t->entries, __ATOMIC_RELEASE);
}

static inline void alloc_table(DictObject *d, uint8_t log2) { table_publish(d, table_new(log2)); }

/* The first EMPTY or DUMMY slot for hash in t (the key is known absent). */
static inline size_t find_free_slot(DictTable *t, int32_t *indices, int64_t hash) {
    size_t mask = ((size_t)1 << t->log2_size) - 1;
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    while (indices[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Append an entry to t for a key known to be absent (room must exist) and
 * index it; steals key and value; returns the new count of entries. The
 * entry is written before the count and the index that lead to it
 * (release), and its value before its key, so a reader that finds the
 * key finds the value. */
static inline size_t table_insert_clean(DictTable *t, int32_t *indices, int64_t hash, Object *key,
                                        Object *value) {
    size_t ix = t->nentries;
    DictEntry *e = &t->entries[ix];
    e->hash = hash;
    __atomic_store_n(&e->value, value, __ATOMIC_RELAXED);
    __atomic_store_n(&e->key, key, __ATOMIC_RELEASE);
    __atomic_store_n(&t->nentries, ix + 1, __ATOMIC_RELEASE);
    __atomic_store_n(&indices[find_free_slot(t, indices, hash)], (int32_t)ix, __ATOMIC_RELEASE);
    return ix + 1;
}

static inline void insert_clean(DictObject *d, int64_t hash, Object *key, Object *value) {
    d->nentries = table_insert_clean(table_of(d), d->indices, hash, key, value);
}

/* ---- Shared dicts: lookups without the lock (free-threaded build) ----
 *
 * The same scheme as lists (list.c, "Shared lists"), with the same
 * container state (lock.h): PRIVATE, only the owner thread reads without
 * the lock; SHARED, once another thread has taken the lock, everyone does.
 * Writers always lock. While a dict is shared, a replaced table
 * goes back through QSBR, and every key and value it lets go of is marked
 * (obj_mark_read_unlocked) before its reference is dropped, so a reader
 * that loaded one just before can still look at it and find it dead.
 * Entries are written whole before their index (table_insert_clean), and
 * never moved within a table. A reader that meets anything it cannot
 * settle alone — a same-hash key that keys_equal_unlocked (lock.h) cannot
 * compare, a value that died, a torn probe — takes the lock instead. */
static inline bool dict_is_shared(DictObject *d) { return container_is_shared(d); }

void dict_share(Object *dobj) { container_share(dobj); }

/* Free a table the dict no longer uses (lock held), given its entries. */
static inline void free_table(DictObject *d, DictEntry *entries) {
    if (!entries) return;
    void *block = table_block(table_of_entries(entries));
    if (dict_is_shared(d)) qsbr_free(block);
    else mem_free(block);
}

/* A key and a value the dict let go of (either may be NULL): in a shared
 * dict a reader may have loaded them just before, so they are marked
 * before the dict's references are dropped or handed on (refcount.h). */
static inline void mark_entry(DictObject *d, Object *key, Object *value) {
    if (!dict_is_shared(d)) return;
    if (key) obj_mark_read_unlocked(key);
    if (value) obj_mark_read_unlocked(value);
}

static inline void drop_entry(DictObject *d, Object *key, Object *value) {
    mark_entry(d, key, value);
    XDECREF(key);
    XDECREF(value);
}

static void resize_locked(DictObject *d, uint8_t log2) {
    DictTable *t = table_new(log2);
    int32_t *indices = table_indices(t);
    DictEntry *old = d->entries;
    size_t n = d->nentries;
    for (size_t i = 0; i < n; i++)
        if (old[i].key) table_insert_clean(t, indices, old[i].hash, old[i].key, old[i].value);
    table_publish(d, t);
    free_table(d, old);
}

enum { UNLOCKED_ABSENT = 0, UNLOCKED_FOUND = 1, UNLOCKED_TAKE_LOCK = -1 };

/* Whether this thread may read d without its lock. */
static inline bool may_read_unlocked(DictObject *d) {
    return GILT_FT && threads_may_contend() && container_readable_unlocked(d);
}

/* Look key up without the lock (see above; the caller checked
 * may_read_unlocked). UNLOCKED_FOUND with *out a new reference (and
 * *entry_out its entry, if asked), UNLOCKED_ABSENT, or UNLOCKED_TAKE_LOCK.
 * Keys compare by identity, or as exact strs or small exact ints by value
 * (keys_equal_unlocked; a dropped key's memory stays readable, see
 * above); anything else needs __eq__.
 * An index read leads to an entry already written (table_insert_clean), so
 * it needs no bounds check. Always inlined into its few callers, so the
 * common probe (first slot, same key) costs no call of its own. */
static inline __attribute__((always_inline)) int
lookup_unlocked(DictObject *d, Object *key, int64_t hash, Object **out, uint64_t *entry_out) {
    DictEntry *entries = __atomic_load_n(&d->entries, __ATOMIC_ACQUIRE);
    if (!entries) return UNLOCKED_ABSENT;
    DictTable *t = table_of_entries(entries);
    int32_t *indices = table_indices(t);
    size_t mask = ((size_t)1 << t->log2_size) - 1;
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (size_t probes = 0; probes <= mask; probes++) {
        int32_t ix = __atomic_load_n(&indices[i], __ATOMIC_ACQUIRE);
        if (ix == IX_EMPTY) return UNLOCKED_ABSENT;
        if (ix >= 0) {
            DictEntry *e = &entries[ix];
            Object *k = __atomic_load_n(&e->key, __ATOMIC_ACQUIRE);
            int same = k == key;
            if (!same && k && e->hash == hash) {
                same = keys_equal_unlocked(k, key);
                if (same < 0) return UNLOCKED_TAKE_LOCK;
            }
            if (same) {
                Object *v = __atomic_load_n(&e->value, __ATOMIC_ACQUIRE);
                if (!v || !obj_try_incref(v)) return UNLOCKED_TAKE_LOCK;
                *out = v;
                if (entry_out) *entry_out = (uint64_t)ix;
                return UNLOCKED_FOUND;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return UNLOCKED_TAKE_LOCK;           /* probed every slot: torn by writers */
}

static inline bool fast_keys_equal(Object *a, Object *b, int *known) {
    TypeObject *t = TYPE(a);
    if (t != TYPE(b)) return (*known = 0), false;
    if (t == &StrType) {
        *known = 1;
        return str_size(a) == str_size(b) && memcmp(str_data(a), str_data(b), str_size(a)) == 0;
    }
    if (t == &IntType && int_is_small(a) && int_is_small(b)) {
        *known = 1;
        return int_small(a) == int_small(b);
    }
    *known = 0;
    return false;
}

/* Find key (lock held; may release and retake it to run __eq__).
 * Returns the entry number, -1 when absent, -2 on error. */
static int64_t lookup_locked(DictObject *d, Object *key, int64_t hash) {
restart:
    if (!d->indices) return -1;
    size_t mask = ((size_t)1 << d->log2_size) - 1;
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        int32_t ix = d->indices[i];
        if (ix == IX_EMPTY) return -1;
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->key == key) return ix;
            if (e->hash == hash) {
                int known;
                bool eq = fast_keys_equal(e->key, key, &known);
                if (known) {
                    if (eq) return ix;
                } else {
                    Object *stored = NEWREF(e->key);
                    uint64_t version = d->version;
                    OBJ_UNLOCK(d);
                    int cmp = obj_richcompare_bool(stored, key, CMP_EQ);
                    DECREF(stored);
                    OBJ_LOCK(d);
                    if (cmp < 0) return -2;
                    if (d->version != version) goto restart;
                    if (cmp) return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* d[key] = value with a precomputed hash: borrowed key, and the caller's
 * reference to value, which the dict keeps (or drops, on an error). */
static int insert_owned(DictObject *d, Object *key, int64_t hash, Object *value) {
    container_lock(d);
    int64_t ix = lookup_locked(d, key, hash);
    if (ix == -2) {
        OBJ_UNLOCK(d);
        DECREF(value);
        return -1;
    }
    if (ix >= 0) {
        Object *old = d->entries[ix].value;
        __atomic_store_n(&d->entries[ix].value, value, __ATOMIC_RELEASE);
        bump_version(d);
        OBJ_UNLOCK(d);
        drop_entry(d, NULL, old);
        return 0;
    }
    if (!d->indices) alloc_table(d, DICT_MIN_LOG2);
    else if (d->nentries == d->usable) resize_locked(d, log2_for_minsize(d->used * 3));
    insert_clean(d, hash, NEWREF(key), value);
    store_used(d, d->used + 1);
    bump_version(d);
    OBJ_UNLOCK(d);
    return 0;
}

/* The same with a borrowed value. */
static int insert(DictObject *d, Object *key, int64_t hash, Object *value) {
    return insert_owned(d, key, hash, NEWREF(value));
}

/* Remove entry ix (lock held); returns the entry so the caller can drop
 * its key and value after unlocking (drop_entry, or mark them if it hands
 * them on: see "Shared dicts"). */
static DictEntry remove_entry_locked(DictObject *d, int64_t ix) {
    DictEntry e = d->entries[ix];
    size_t mask = ((size_t)1 << d->log2_size) - 1;
    size_t perturb = (size_t)e.hash, i = (size_t)e.hash & mask;
    while (d->indices[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    __atomic_store_n(&d->indices[i], IX_DUMMY, __ATOMIC_RELAXED);
    __atomic_store_n(&d->entries[ix].key, NULL, __ATOMIC_RELAXED);
    __atomic_store_n(&d->entries[ix].value, NULL, __ATOMIC_RELAXED);
    store_used(d, d->used - 1);
    bump_version(d);
    return e;
}

/* ---- public API ---- */

Object *dict_new(void) {
    DictObject *d = (DictObject *)obj_alloc(&DictType, sizeof(DictObject));
    d->version = new_version();
    return (Object *)d;
}

static Object *dict_new_presized(size_t n) {
    DictObject *d = D(dict_new());
    if (n > 5) alloc_table(d, log2_for_entries(n));
    return (Object *)d;
}

/* 1 found (*out new ref), 0 absent, -1 error. Always inlined: it is the
 * body of dict_lookup (d.get, d[k], k in d), where GCC left it a call with
 * a full stack frame in the free-threaded build. */
static inline __attribute__((always_inline)) int
lookup_hashed(DictObject *d, Object *key, int64_t hash, Object **out) {
    if (may_read_unlocked(d)) {
        int r = lookup_unlocked(d, key, hash, out, NULL);
        if (r != UNLOCKED_TAKE_LOCK) return r;
    }
    container_lock(d);
    int64_t ix = lookup_locked(d, key, hash);
    if (ix < 0) {
        OBJ_UNLOCK(d);
        return ix == -1 ? 0 : -1;
    }
    *out = NEWREF(d->entries[ix].value);
    OBJ_UNLOCK(d);
    return 1;
}

int dict_lookup(Object *d, Object *key, Object **out) {
    int64_t hash = key_hash(key);
    if (hash == -1) return -1;
    return lookup_hashed(D(d), key, hash, out);
}

Object *dict_get_str(Object *dobj, Object *key) {
    DictObject *d = D(dobj);
    int64_t hash = str_cached_hash(key);
    if (hash == -1) hash = str_hash(key);
    if (may_read_unlocked(d)) {
        Object *v;
        int r = lookup_unlocked(d, key, hash, &v, NULL);
        if (r != UNLOCKED_TAKE_LOCK) return r == UNLOCKED_FOUND ? v : NULL;
    }
    container_lock(d);
    if (!d->indices) { OBJ_UNLOCK(d); return NULL; }
    /* Inline probe for the common case: an interned key found by pointer. */
    size_t mask = ((size_t)1 << d->log2_size) - 1;
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        int32_t ix = d->indices[i];
        if (ix == IX_EMPTY) break;
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->key == key ||
                (e->hash == hash && IS_TYPE(e->key, StrType) && str_size(e->key) == str_size(key) &&
                 memcmp(str_data(e->key), str_data(key), str_size(key)) == 0)) {
                Object *v = NEWREF(e->value);
                OBJ_UNLOCK(d);
                return v;
            }
            if (e->hash == hash && !IS_TYPE(e->key, StrType)) {
                /* A non-str key with the same hash: take the general path. */
                int64_t found = lookup_locked(d, key, hash);
                Object *v = found >= 0 ? NEWREF(d->entries[found].value) : NULL;
                OBJ_UNLOCK(d);
                return v;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    OBJ_UNLOCK(d);
    return NULL;
}

Object *dict_get_cstr(Object *d, const char *key) { return dict_get_str(d, intern_cstr(key)); }

/* dict_get_str_hinted past a missed hint: probe, and remember where the
 * key was found. */
static __attribute__((noinline)) Object *lookup_str_rehint(DictObject *d, Object *key, uint64_t *hint) {
    int64_t hash = str_cached_hash(key);
    if (hash == -1) hash = str_hash(key);
    /* Free (lock.h) while single-threaded, but a key's __eq__ may start a
     * thread, after which lookup_locked's relock is real. */
    container_lock(d);
    int64_t ix = lookup_locked(d, key, hash);
    Object *v = NULL;
    if (ix >= 0) {
        __atomic_store_n(hint, (uint64_t)ix, __ATOMIC_RELAXED);
        v = NEWREF(d->entries[ix].value);
    }
    OBJ_UNLOCK(d);
    return v;                                    /* NULL: absent, or __eq__ raised */
}

/* The hinted read of a dict, once threads may run: the hit under the
 * lock, else a full lookup that learns the entry. */
static __attribute__((noinline)) Object *lookup_str_hinted_locked(DictObject *d, Object *key,
                                                                  uint64_t *hint, uint64_t h) {
    container_lock(d);
    bool hit = h < d->nentries && d->entries[h].key == key;
    Object *v = hit ? NEWREF(d->entries[h].value) : NULL;
    OBJ_UNLOCK(d);
    return hit ? v : lookup_str_rehint(d, key, hint);
}

/* A hint that missed in a dict read without the lock (or hit a value
 * that needs obj_try_incref): probe, and learn the entry. */
static __attribute__((noinline)) Object *rehint_unlocked(DictObject *d, Object *key, uint64_t *hint) {
    int64_t hash = str_cached_hash(key);
    if (hash == -1) hash = str_hash(key);
    Object *v;
    uint64_t entry;
    switch (lookup_unlocked(d, key, hash, &v, &entry)) {
    case UNLOCKED_FOUND:
        /* a write to the code object's cache line: only when it changes */
        if (__atomic_load_n(hint, __ATOMIC_RELAXED) != entry)
            __atomic_store_n(hint, entry, __ATOMIC_RELAXED);
        return v;
    case UNLOCKED_ABSENT: return NULL;
    default: return lookup_str_hinted_locked(d, key, hint, __atomic_load_n(hint, __ATOMIC_RELAXED));
    }
}

/* dict_get_str_hinted's miss once threads may run (its hit is inline in
 * dict.h): the dict is one this thread may not read without the lock, the
 * hint missed, or the value needs obj_try_incref. */
Object *dict_get_str_hinted_threaded(Object *dobj, Object *key, uint64_t *hint) {
    DictObject *d = D(dobj);
    if (!container_readable_unlocked(d))
        return lookup_str_hinted_locked(d, key, hint, __atomic_load_n(hint, __ATOMIC_RELAXED));
    return rehint_unlocked(d, key, hint);
}

/* dict_get_str_hinted's miss while one thread runs. */
Object *dict_get_str_hinted_slow(Object *dobj, Object *key, uint64_t *hint) {
    return lookup_str_rehint(D(dobj), key, hint);
}

int dict_set(Object *d, Object *key, Object *value) {
    return dict_set_owned(d, key, NEWREF(value));
}

int dict_set_owned(Object *d, Object *key, Object *value) {
    int64_t hash = key_hash(key);
    if (hash == -1) {
        DECREF(value);
        return -1;
    }
    return insert_owned(D(d), key, hash, value);
}

int dict_set_cstr(Object *d, const char *key, Object *value) {
    return dict_set(d, intern_cstr(key), value);
}

int dict_pop(Object *dobj, Object *key, Object **out) {
    DictObject *d = D(dobj);
    int64_t hash = key_hash(key);
    if (hash == -1) return -1;
    container_lock(d);
    if (d->used == 0) { OBJ_UNLOCK(d); return 0; }
    int64_t ix = lookup_locked(d, key, hash);
    if (ix < 0) { OBJ_UNLOCK(d); return ix == -1 ? 0 : -1; }
    DictEntry e = remove_entry_locked(d, ix);
    OBJ_UNLOCK(d);
    mark_entry(d, e.key, e.value);
    DECREF(e.key);
    if (out) *out = e.value;     /* handed on */
    else DECREF(e.value);
    return 1;
}

int dict_del(Object *d, Object *key) {
    int r = dict_pop(d, key, NULL);
    if (r == 0) { err_set_value(Exc_KeyError, key); return -1; }
    return r < 0 ? -1 : 0;
}

bool dict_next(Object *dobj, size_t *pos, Object **key, Object **value) {
    DictObject *d = D(dobj);
    size_t i = *pos;
    while (i < d->nentries && !d->entries[i].key) i++;
    if (i >= d->nentries) { *pos = i; return false; }
    if (key) *key = d->entries[i].key;
    if (value) *value = d->entries[i].value;
    *pos = i + 1;
    return true;
}

enum { WANT_KEYS = 1, WANT_VALUES = 2, WANT_ITEMS = 3 };

static Object *entries_to_list(DictObject *d, int want) {
    OBJ_LOCK(d);
    Object *l = list_new(d->used);
    size_t k = 0;
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (!e->key) continue;
        Object *v;
        if (want == WANT_KEYS) v = NEWREF(e->key);
        else if (want == WANT_VALUES) v = NEWREF(e->value);
        else v = tuple_pack(2, e->key, e->value);
        list_set_init(l, k++, v);
    }
    OBJ_UNLOCK(d);
    return l;
}

Object *dict_keys_list(Object *d) { return entries_to_list(D(d), WANT_KEYS); }
Object *dict_values_list(Object *d) { return entries_to_list(D(d), WANT_VALUES); }
Object *dict_items_list(Object *d) { return entries_to_list(D(d), WANT_ITEMS); }

void dict_clear(Object *dobj) {
    DictObject *d = D(dobj);
    container_lock(d);
    DictEntry *entries = d->entries;
    size_t n = d->nentries;
    __atomic_store_n(&d->entries, NULL, __ATOMIC_RELEASE);
    d->indices = NULL;
    store_used(d, 0);
    d->nentries = d->usable = 0;
    d->log2_size = 0;
    bump_version(d);
    OBJ_UNLOCK(d);
    for (size_t i = 0; i < n; i++)
        if (entries[i].key) drop_entry(d, entries[i].key, entries[i].value);
    free_table(d, entries);
}

/* A snapshot of the live entries (new references), for iterating a dict
 * while calling code that may mutate it. */
static DictEntry *snapshot(DictObject *d, size_t *n) {
    OBJ_LOCK(d);
    DictEntry *copy = mem_alloc((d->used ? d->used : 1) * sizeof(DictEntry));
    size_t k = 0;
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (!e->key) continue;
        copy[k].hash = e->hash;
        copy[k].key = NEWREF(e->key);
        copy[k].value = NEWREF(e->value);
        k++;
    }
    OBJ_UNLOCK(d);
    *n = k;
    return copy;
}

static void free_snapshot(DictEntry *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        DECREF(s[i].key);
        DECREF(s[i].value);
    }
    mem_free(s);
}

Object *dict_copy(Object *dobj) {
    DictObject *d = D(dobj);
    OBJ_LOCK(d);
    DictObject *r = D(dict_new_presized(d->used));
    if (d->used && !r->indices) alloc_table(r, DICT_MIN_LOG2);
    for (size_t i = 0; i < d->nentries; i++) {
        DictEntry *e = &d->entries[i];
        if (e->key) insert_clean(r, e->hash, NEWREF(e->key), NEWREF(e->value));
    }
    r->used = d->used;
    OBJ_UNLOCK(d);
    return (Object *)r;
}

/* Is `o` a dict whose iteration we may do ourselves (no __iter__/keys override)? */
static bool is_plain_dict(Object *o) {
    if (IS_TYPE(o, DictType)) return true;
    if (!DICT_CHECK(o)) return false;
    return TYPE(o)->iter == DictType.iter &&
           type_lookup_cstr(TYPE(o), "keys") == type_lookup_cstr(&DictType, "keys");
}

int dict_merge(Object *dobj, Object *other, bool override) {
    DictObject *d = D(dobj);
    if (is_plain_dict(other)) {
        if (other == dobj) return 0;
        size_t n;
        DictEntry *s = snapshot(D(other), &n);
        int r = 0;
        for (size_t i = 0; i < n && r == 0; i++) {
            if (!override) {
                Object *existing;
                int found = lookup_hashed(d, s[i].key, s[i].hash, &existing);
                if (found < 0) { r = -1; break; }
                if (found) { DECREF(existing); continue; }
            }
            r = insert(d, s[i].key, s[i].hash, s[i].value);
        }
        free_snapshot(s, n);
        return r;
    }
    /* A general mapping: for k in other.keys(): d[k] = other[k] */
    Object *keys = obj_call_method(other, "keys", NULL, 0);
    if (!keys) return -1;
    Object *it = obj_iter(keys);
    DECREF(keys);
    if (!it) return -1;
    Object *key;
    int r = 0;
    while ((key = obj_next(it))) {
        int64_t hash = key_hash(key);
        if (hash == -1) { r = -1; DECREF(key); break; }
        if (!override) {
            Object *existing;
            int found = lookup_hashed(d, key, hash, &existing);
            if (found) {
                if (found > 0) DECREF(existing);
                DECREF(key);
                if (found < 0) { r = -1; break; }
                continue;
            }
        }
        Object *value = obj_getitem(other, key);
        if (!value) { DECREF(key); r = -1; break; }
        r = insert(d, key, hash, value);
        DECREF(key);
        DECREF(value);
        if (r < 0) break;
    }
    DECREF(it);
    if (r == 0 && err_occurred()) r = -1;
    return r;
}

/* d.update(iterable of pairs) */
static int dict_merge_pairs(Object *d, Object *iterable) {
    Object *it = obj_iter(iterable);
    if (!it) return -1;
    Object *item;
    int64_t n = 0;
    int r = 0;
    for (; (item = obj_next(it)); n++) {
        Object *pair = (TUPLE_CHECK(item) || LIST_CHECK(item)) ? NEWREF(item) : NULL;
        if (!pair) {
            bool iterable_item = TYPE(item)->iter || type_lookup_cstr(TYPE(item), "__iter__");
            if (iterable_item) pair = obj_to_tuple(item);
            if (!pair) {
                if (!iterable_item || err_matches(Exc_TypeError)) {
                    err_clear();
                    err_format(Exc_TypeError,
                               "cannot convert dictionary update sequence element #%lld to a sequence",
                               (long long)n);
                }
                DECREF(item);
                r = -1;
                break;
            }
        }
        DECREF(item);
        size_t len = TUPLE_CHECK(pair) ? tuple_size(pair) : list_size(pair);
        if (len != 2) {
            err_format(Exc_ValueError,
                       "dictionary update sequence element #%lld has length %zu; 2 is required",
                       (long long)n, len);
            DECREF(pair);
            r = -1;
            break;
        }
        Object *k, *v;
        if (TUPLE_CHECK(pair)) { k = NEWREF(tuple_get(pair, 0)); v = NEWREF(tuple_get(pair, 1)); }
        else {
            k = list_get(pair, 0);
            v = k ? list_get(pair, 1) : NULL;
            if (!v) { XDECREF(k); DECREF(pair); r = -1; break; }
        }
        r = dict_set(d, k, v);
        DECREF(k);
        DECREF(v);
        DECREF(pair);
        if (r < 0) break;
    }
    DECREF(it);
    if (r == 0 && err_occurred()) r = -1;
    return r;
}

int dict_update(Object *d, Object *other) {
    if (DICT_CHECK(other)) return dict_merge(d, other, true);
    int has_keys = obj_hasattr_cstr(other, "keys");
    if (has_keys < 0) return -1;
    if (has_keys) return dict_merge(d, other, true);
    return dict_merge_pairs(d, other);
}

/* ---- protocol ---- */

static void dict_dealloc(Object *self) {
    DictObject *d = D(self);
    for (size_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key) {
            DECREF(d->entries[i].key);
            DECREF(d->entries[i].value);
        }
    }
    if (d->entries) mem_free(table_block(table_of(d)));   /* dead: nobody reads it */
    obj_free(self);
}

static Object *dict_repr(Object *self) {
    DictObject *d = D(self);
    if (d->used == 0) return str_from_cstr("{}");
    int guard = repr_enter(self);
    if (guard < 0) return NULL;
    if (guard > 0) return str_from_cstr("{...}");
    size_t n;
    DictEntry *s = snapshot(d, &n);
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, '{');
    int r = 0;
    for (size_t i = 0; i < n && r == 0; i++) {
        if (i) sb_append(&sb, ", ", 2);
        r = sb_append_repr(&sb, s[i].key);
        if (r == 0) {
            sb_append(&sb, ": ", 2);
            r = sb_append_repr(&sb, s[i].value);
        }
    }
    free_snapshot(s, n);
    repr_leave(self);
    if (r < 0) { sb_free(&sb); return NULL; }
    sb_append_char(&sb, '}');
    return sb_finish(&sb);
}

static int64_t dict_unhashable(Object *self) {
    err_format(Exc_TypeError, "unhashable type: '%T'", self);
    return -1;
}

static int dict_equal(DictObject *a, DictObject *b) {
    if (a->used != b->used) return 0;
    size_t n;
    DictEntry *s = snapshot(a, &n);
    int result = 1;
    for (size_t i = 0; i < n; i++) {
        Object *bv;
        int found = lookup_hashed(b, s[i].key, s[i].hash, &bv);
        if (found <= 0) { result = found; break; }
        int eq = obj_richcompare_bool(s[i].value, bv, CMP_EQ);
        DECREF(bv);
        if (eq <= 0) { result = eq; break; }
    }
    free_snapshot(s, n);
    return result;
}

static Object *dict_richcompare(Object *a, Object *b, CompareOp op) {
    if (!DICT_CHECK(a) || !DICT_CHECK(b) || (op != CMP_EQ && op != CMP_NE))
        return NEWREF(OBJ_NOTIMPL);
    int eq = a == b ? 1 : dict_equal(D(a), D(b));
    if (eq < 0) return NULL;
    RETURN_BOOL(op == CMP_EQ ? eq : !eq);
}

static int64_t dict_len(Object *self) { return dict_size(self); }
static int dict_bool(Object *self) { return dict_size(self) != 0; }

static Object *dict_subscript(Object *self, Object *key) {
    int64_t hash = key_hash(key);
    if (hash == -1) return NULL;
    Object *v;
    int found = lookup_hashed(D(self), key, hash, &v);
    if (found > 0) return v;
    if (found < 0) return NULL;
    if (!IS_TYPE(self, DictType)) {
        Object *missing = type_lookup_cstr(TYPE(self), "__missing__");
        if (missing) return obj_call_method(self, "__missing__", &key, 1);
    }
    err_set_value(Exc_KeyError, key);
    return NULL;
}

static int dict_ass_sub(Object *self, Object *key, Object *value) {
    if (value) return dict_set(self, key, value);
    return dict_del(self, key);
}

static int dict_contains(Object *self, Object *key) {
    Object *v;
    int r = dict_lookup(self, key, &v);
    if (r > 0) DECREF(v);
    return r;
}

static Object *dict_binop(Object *a, Object *b, BinOp op) {
    if ((op & ~BINOP_INPLACE) != BINOP_OR) return NEWREF(OBJ_NOTIMPL);
    if (op & BINOP_INPLACE) {
        if (!DICT_CHECK(a)) return NEWREF(OBJ_NOTIMPL);
        if (dict_update(a, b) < 0) return NULL;
        return NEWREF(a);
    }
    if (!DICT_CHECK(a) || !DICT_CHECK(b)) return NEWREF(OBJ_NOTIMPL);
    Object *r = dict_copy(a);   /* a plain dict even for subclasses, as CPython */
    if (dict_merge(r, b, true) < 0) { DECREF(r); return NULL; }
    return r;
}

/* ---- construction ---- */

static Object *dict_new_(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (type == &DictType) return dict_new();
    DictObject *d = (DictObject *)obj_new_instance(type, 0);
    if (d) d->version = new_version();
    return (Object *)d;
}

/* Store keyword arguments into d. */
static int update_from_kwargs(Object *d, Object *const *args, size_t nargs, Object *kwnames) {
    if (!kwnames) return 0;
    for (size_t i = 0; i < tuple_size(kwnames); i++)
        if (dict_set(d, tuple_get(kwnames, i), args[nargs + i]) < 0) return -1;
    return 0;
}

static int dict_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (nargs > 1) {
        err_format(Exc_TypeError, "dict expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    if (nargs == 1 && dict_update(self, args[0]) < 0) return -1;
    return update_from_kwargs(self, args, nargs, kwnames);
}

/* ---- methods ---- */

#define METHOD(name) static Object *name(Object *self, Object *const *args, size_t nargs, \
                                         Object *kwnames)

METHOD(dict_get_m) {
    if (arg_no_kw("get", kwnames) < 0 || arg_count("get", nargs, 1, 2) < 0) return NULL;
    Object *v;
    int r = dict_lookup(self, args[0], &v);
    if (r > 0) return v;
    if (r < 0) return NULL;
    return NEWREF(nargs > 1 ? args[1] : OBJ_NONE);
}

METHOD(dict_setdefault_m) {
    if (arg_no_kw("setdefault", kwnames) < 0 || arg_count("setdefault", nargs, 1, 2) < 0)
        return NULL;
    DictObject *d = D(self);
    Object *key = args[0], *dflt = nargs > 1 ? args[1] : OBJ_NONE;
    int64_t hash = key_hash(key);
    if (hash == -1) return NULL;
    OBJ_LOCK(d);
    int64_t ix = lookup_locked(d, key, hash);
    if (ix == -2) { OBJ_UNLOCK(d); return NULL; }
    if (ix >= 0) {
        Object *v = NEWREF(d->entries[ix].value);
        OBJ_UNLOCK(d);
        return v;
    }
    OBJ_UNLOCK(d);
    if (insert(d, key, hash, dflt) < 0) return NULL;
    return NEWREF(dflt);
}

METHOD(dict_pop_m) {
    if (arg_no_kw("pop", kwnames) < 0 || arg_count("pop", nargs, 1, 2) < 0) return NULL;
    Object *v;
    int r = dict_pop(self, args[0], &v);
    if (r > 0) return v;
    if (r < 0) return NULL;
    if (nargs > 1) return NEWREF(args[1]);
    err_set_value(Exc_KeyError, args[0]);
    return NULL;
}

METHOD(dict_popitem_m) {
    if (arg_no_kw("popitem", kwnames) < 0 || arg_count("popitem", nargs, 0, 0) < 0) return NULL;
    DictObject *d = D(self);
    container_lock(d);
    if (d->used == 0) {
        OBJ_UNLOCK(d);
        return err_set(Exc_KeyError, "popitem(): dictionary is empty");
    }
    size_t i = d->nentries;
    while (i > 0 && !d->entries[i - 1].key) i--;
    DictEntry e = remove_entry_locked(d, (int64_t)(i - 1));
    /* The tail holds only holes now: reuse it, unless a reader without the
     * lock may still look at those entries (they are never reused then). */
    if (!dict_is_shared(d)) d->nentries = table_of(d)->nentries = i - 1;
    OBJ_UNLOCK(d);
    mark_entry(d, e.key, e.value);   /* handed on in the tuple */
    Object *t = tuple_new(2);
    tuple_items(t)[0] = e.key;
    tuple_items(t)[1] = e.value;
    return t;
}

METHOD(dict_update_m) {
    if (nargs > 1)
        return err_format(Exc_TypeError, "update expected at most 1 argument, got %zu", nargs);
    if (nargs == 1 && dict_update(self, args[0]) < 0) return NULL;
    if (update_from_kwargs(self, args, nargs, kwnames) < 0) return NULL;
    RETURN_NONE;
}

METHOD(dict_copy_m) {
    if (arg_no_kw("copy", kwnames) < 0 || arg_count("copy", nargs, 0, 0) < 0) return NULL;
    return dict_copy(self);
}

METHOD(dict_clear_m) {
    if (arg_no_kw("clear", kwnames) < 0 || arg_count("clear", nargs, 0, 0) < 0) return NULL;
    dict_clear(self);
    RETURN_NONE;
}

/* dict.fromkeys(iterable, value=None), a classmethod: self is the class. */
METHOD(dict_fromkeys_m) {
    if (arg_no_kw("fromkeys", kwnames) < 0 || arg_count("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    Object *value = nargs > 1 ? args[1] : OBJ_NONE;
    Object *d = self == (Object *)&DictType ? dict_new() : obj_call0(self);
    if (!d) return NULL;
    Object *it = obj_iter(args[0]);
    if (!it) { DECREF(d); return NULL; }
    bool plain = IS_TYPE(d, DictType);
    Object *key;
    int r = 0;
    while ((key = obj_next(it))) {
        r = plain ? dict_set(d, key, value) : obj_setitem(d, key, value);
        DECREF(key);
        if (r < 0) break;
    }
    DECREF(it);
    if (r < 0 || err_occurred()) { DECREF(d); return NULL; }
    return d;
}

static Object *dict_view_new(Object *d, TypeObject *type);
static Object *dict_iter_new(Object *d, TypeObject *type);

METHOD(dict_keys_m) { return dict_view_new(self, &DictKeysType); }
METHOD(dict_values_m) { return dict_view_new(self, &DictValuesType); }
METHOD(dict_items_m) { return dict_view_new(self, &DictItemsType); }
METHOD(dict_reversed_m) { return dict_iter_new(self, &DictRevKeyIterType); }

METHOD(dict_sizeof_m) {
    DictObject *d = D(self);
    size_t table = d->indices ? sizeof(DictTable) + ((size_t)1 << d->log2_size) * 4 + d->usable * sizeof(DictEntry) : 0;
    return int_from_i64((int64_t)(sizeof(DictObject) + table));
}

static const MethodDef dict_methods[] = {
    {"get", dict_get_m, 0, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault_m, 0, "Insert key with a value of default if key is not in the dictionary."},
    {"pop", dict_pop_m, 0, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", dict_popitem_m, 0, "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", dict_keys_m, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", dict_values_m, 0, "D.values() -> an object providing a view on D's values"},
    {"items", dict_items_m, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"update", dict_update_m, 0, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"copy", dict_copy_m, 0, "D.copy() -> a shallow copy of D"},
    {"clear", dict_clear_m, 0, "D.clear() -> None.  Remove all items from D."},
    {"fromkeys", dict_fromkeys_m, METH_CLASS, "Create a new dictionary with keys from iterable and values set to value."},
    {"__reversed__", dict_reversed_m, 0, "Return a reverse iterator over the dict keys."},
    {"__sizeof__", dict_sizeof_m, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- iterators ---- */

typedef struct DictIterObject {
    OBJECT_HEAD
    DictObject *dict;       /* NULL once exhausted */
    size_t pos;             /* next entry (reverse: one past it) */
    size_t used;            /* the dict's size when iteration started */
    size_t remaining;       /* items left to produce */
} DictIterObject;

static Object *dict_iter_new(Object *d, TypeObject *type) {
    DictIterObject *it = (DictIterObject *)obj_alloc(type, sizeof(DictIterObject));
    DictObject *dict = D(d);
    it->dict = (DictObject *)NEWREF(d);
    OBJ_LOCK(dict);
    it->used = dict->used;
    it->remaining = dict->used;
    bool reverse = type == &DictRevKeyIterType || type == &DictRevValueIterType ||
                   type == &DictRevItemIterType;
    it->pos = reverse ? dict->nentries : 0;
    OBJ_UNLOCK(dict);
    return (Object *)it;
}

static Object *dict_iter(Object *self) { return dict_iter_new(self, &DictKeyIterType); }

/* The next live entry's key and value (new refs) or false at the end or
 * on error (error set when the dict changed size). */
static bool dictiter_step(DictIterObject *it, bool reverse, Object **key, Object **value) {
    DictObject *d = it->dict;
    if (!d) return false;
    OBJ_LOCK(d);
    if (d->used != it->used) {
        OBJ_UNLOCK(d);
        it->used = (size_t)-1;  /* keep failing */
        err_set(Exc_RuntimeError, "dictionary changed size during iteration");
        return false;
    }
    DictEntry *e = NULL;
    if (reverse) {
        size_t i = it->pos < d->nentries ? it->pos : d->nentries;
        while (i > 0 && !d->entries[i - 1].key) i--;
        if (i > 0) { e = &d->entries[i - 1]; it->pos = i - 1; }
    } else {
        size_t i = it->pos;
        while (i < d->nentries && !d->entries[i].key) i++;
        if (i < d->nentries) { e = &d->entries[i]; it->pos = i + 1; }
    }
    if (!e) {
        OBJ_UNLOCK(d);
        it->dict = NULL;
        DECREF(d);
        return false;
    }
    if (it->remaining == 0) {
        OBJ_UNLOCK(d);
        it->dict = NULL;
        DECREF(d);
        err_set(Exc_RuntimeError, "dictionary keys changed during iteration");
        return false;
    }
    it->remaining--;
    *key = NEWREF(e->key);
    *value = NEWREF(e->value);
    OBJ_UNLOCK(d);
    return true;
}

static Object *dictiter_next_key(Object *self) {
    Object *k, *v;
    if (!dictiter_step((DictIterObject *)self, false, &k, &v)) return NULL;
    DECREF(v);
    return k;
}
static Object *dictiter_next_value(Object *self) {
    Object *k, *v;
    if (!dictiter_step((DictIterObject *)self, false, &k, &v)) return NULL;
    DECREF(k);
    return v;
}
static Object *make_pair(Object *k, Object *v) {
    Object *t = tuple_new(2);
    tuple_items(t)[0] = k;
    tuple_items(t)[1] = v;
    return t;
}
static Object *dictiter_next_item(Object *self) {
    Object *k, *v;
    if (!dictiter_step((DictIterObject *)self, false, &k, &v)) return NULL;
    return make_pair(k, v);
}
static Object *dictiter_prev_key(Object *self) {
    Object *k, *v;
    if (!dictiter_step((DictIterObject *)self, true, &k, &v)) return NULL;
    DECREF(v);
    return k;
}
static Object *dictiter_prev_value(Object *self) {
    Object *k, *v;
    if (!dictiter_step((DictIterObject *)self, true, &k, &v)) return NULL;
    DECREF(k);
    return v;
}
static Object *dictiter_prev_item(Object *self) {
    Object *k, *v;
    if (!dictiter_step((DictIterObject *)self, true, &k, &v)) return NULL;
    return make_pair(k, v);
}

static Object *iter_self(Object *self) { return NEWREF(self); }

static void dictiter_dealloc(Object *self) {
    XDECREF(((DictIterObject *)self)->dict);
    obj_free(self);
}

METHOD(dictiter_length_hint) {
    DictIterObject *it = (DictIterObject *)self;
    bool live = it->dict && it->used == it->dict->used;
    return int_from_i64(live ? (int64_t)it->remaining : 0);
}

static const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(cname, pyname, next)          \
    TypeObject cname = {                             \
        OBJECT_HEAD_INIT(&TypeType),                 \
        .name = pyname,                              \
        .basicsize = sizeof(DictIterObject),         \
        .dealloc = dictiter_dealloc,                 \
        .iter = iter_self,                           \
        .iternext = next,                            \
        .methods = dictiter_methods,                 \
    }

DICT_ITER_TYPE(DictKeyIterType, "dict_keyiterator", dictiter_next_key);
DICT_ITER_TYPE(DictValueIterType, "dict_valueiterator", dictiter_next_value);
DICT_ITER_TYPE(DictItemIterType, "dict_itemiterator", dictiter_next_item);
DICT_ITER_TYPE(DictRevKeyIterType, "dict_reversekeyiterator", dictiter_prev_key);
DICT_ITER_TYPE(DictRevValueIterType, "dict_reversevalueiterator", dictiter_prev_value);
DICT_ITER_TYPE(DictRevItemIterType, "dict_reverseitemiterator", dictiter_prev_item);

/* ---- views ---- */

typedef struct DictViewObject {
    OBJECT_HEAD
    Object *dict;
} DictViewObject;

#define VIEW_DICT(o) (((DictViewObject *)(o))->dict)

int dict_snapshot_list(Object *o, Object **out) {
    TypeObject *t = TYPE(o);
    Object *d;
    int want;
    if (t == &DictType) { d = o; want = WANT_KEYS; }
    else if (t == &DictKeysType) { d = VIEW_DICT(o); want = WANT_KEYS; }
    else if (t == &DictValuesType) { d = VIEW_DICT(o); want = WANT_VALUES; }
    else if (t == &DictItemsType) { d = VIEW_DICT(o); want = WANT_ITEMS; }
    else return 0;
    *out = entries_to_list(D(d), want);
    return *out ? 1 : -1;
}

static Object *dict_view_new(Object *d, TypeObject *type) {
    DictViewObject *v = (DictViewObject *)obj_alloc(type, sizeof(DictViewObject));
    v->dict = NEWREF(d);
    return (Object *)v;
}

static void dictview_dealloc(Object *self) {
    DECREF(VIEW_DICT(self));
    obj_free(self);
}

static int64_t dictview_len(Object *self) { return dict_size(VIEW_DICT(self)); }

static Object *dictkeys_iter(Object *self) { return dict_iter_new(VIEW_DICT(self), &DictKeyIterType); }
static Object *dictvalues_iter(Object *self) { return dict_iter_new(VIEW_DICT(self), &DictValueIterType); }
static Object *dictitems_iter(Object *self) { return dict_iter_new(VIEW_DICT(self), &DictItemIterType); }

METHOD(dictkeys_reversed) { return dict_iter_new(VIEW_DICT(self), &DictRevKeyIterType); }
METHOD(dictvalues_reversed) { return dict_iter_new(VIEW_DICT(self), &DictRevValueIterType); }
METHOD(dictitems_reversed) { return dict_iter_new(VIEW_DICT(self), &DictRevItemIterType); }

static int dictkeys_contains(Object *self, Object *key) { return dict_contains(VIEW_DICT(self), key); }

static int dictitems_contains(Object *self, Object *item) {
    if (!TUPLE_CHECK(item) || tuple_size(item) != 2) return 0;
    Object *v;
    int r = dict_lookup(VIEW_DICT(self), tuple_get(item, 0), &v);
    if (r <= 0) return r;
    r = obj_richcompare_bool(v, tuple_get(item, 1), CMP_EQ);
    DECREF(v);
    return r;
}

static Object *dictview_repr(Object *self) {
    int guard = repr_enter(self);
    if (guard < 0) return NULL;
    if (guard > 0) return str_from_cstr("...");
    Object *list = obj_to_list(self);
    Object *r = list ? str_format("%s(%R)", TYPE(self)->name, list) : NULL;
    XDECREF(list);
    repr_leave(self);
    return r;
}

static bool is_setlike(Object *o) {
    return SET_CHECK(o) || IS_TYPE(o, DictKeysType) || IS_TYPE(o, DictItemsType);
}

/* Every item of a is in b: 1/0/-1. */
static int all_contained_in(Object *a, Object *b) {
    Object *it = obj_iter(a);
    if (!it) return -1;
    Object *x;
    int r = 1;
    while ((x = obj_next(it))) {
        r = obj_contains(b, x);
        DECREF(x);
        if (r <= 0) break;
    }
    DECREF(it);
    if (r == 1 && err_occurred()) r = -1;
    return r;
}

static Object *dictview_richcompare(Object *a, Object *b, CompareOp op) {
    if (!is_setlike(a) || !is_setlike(b)) return NEWREF(OBJ_NOTIMPL);
    int64_t la = obj_len(a), lb = obj_len(b);
    if (la < 0 || lb < 0) return NULL;
    int r;
    switch (op) {
    case CMP_EQ: case CMP_NE:
        r = la == lb ? all_contained_in(a, b) : 0;
        if (r >= 0 && op == CMP_NE) r = !r;
        break;
    case CMP_LT: r = la < lb ? all_contained_in(a, b) : 0; break;
    case CMP_LE: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case CMP_GT: r = la > lb ? all_contained_in(b, a) : 0; break;
    default: r = la >= lb ? all_contained_in(b, a) : 0; break;
    }
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

/* keys/items views support & | - ^ producing sets, like CPython. */
static Object *dictview_binop(Object *a, Object *b, BinOp op) {
    const char *method;
    switch (op & ~BINOP_INPLACE) {
    case BINOP_AND: method = "intersection_update"; break;
    case BINOP_OR: method = "update"; break;
    case BINOP_SUB: method = "difference_update"; break;
    case BINOP_XOR: method = "symmetric_difference_update"; break;
    default: return NEWREF(OBJ_NOTIMPL);
    }
    Object *left = a, *right = b;
    bool a_view = IS_TYPE(a, DictKeysType) || IS_TYPE(a, DictItemsType);
    if (!a_view) {
        /* We are the right operand: x - view differs from view - x; the
         * symmetric operators can swap. */
        if ((op & ~BINOP_INPLACE) == BINOP_SUB) {
            Object *s = set_new(a);
            if (!s) return NULL;
            Object *r = obj_call_method(s, method, &b, 1);
            if (!r) { DECREF(s); return NULL; }
            DECREF(r);
            return s;
        }
        left = b;
        right = a;
    }
    Object *s = set_new(left);
    if (!s) return NULL;
    Object *r = obj_call_method(s, method, &right, 1);
    if (!r) { DECREF(s); return NULL; }
    DECREF(r);
    return s;
}

METHOD(dictview_isdisjoint) {
    if (arg_no_kw("isdisjoint", kwnames) < 0 || arg_count("isdisjoint", nargs, 1, 1) < 0)
        return NULL;
    Object *it = obj_iter(args[0]);
    if (!it) return NULL;
    Object *x;
    int r = 0;
    while ((x = obj_next(it))) {
        r = obj_contains(self, x);
        DECREF(x);
        if (r != 0) break;
    }
    DECREF(it);
    if (r < 0 || err_occurred()) return NULL;
    RETURN_BOOL(r == 0);
}

static Object *dictview_mapping(Object *self, void *closure) {
    return NEWREF(VIEW_DICT(self));
}

static const GetSetDef dictview_getsets[] = {
    {"mapping", dictview_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const MethodDef dictkeys_methods[] = {
    {"isdisjoint", dictview_isdisjoint, 0, NULL},
    {"__reversed__", dictkeys_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};
static const MethodDef dictitems_methods[] = {
    {"isdisjoint", dictview_isdisjoint, 0, NULL},
    {"__reversed__", dictitems_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};
static const MethodDef dictvalues_methods[] = {
    {"__reversed__", dictvalues_reversed, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static int64_t view_unhashable(Object *self) {
    err_format(Exc_TypeError, "unhashable type: '%T'", self);
    return -1;
}

TypeObject DictKeysType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "dict_keys",
    .basicsize = sizeof(DictViewObject),
    .dealloc = dictview_dealloc,
    .repr = dictview_repr,
    .hash = view_unhashable,
    .richcompare = dictview_richcompare,
    .binop = dictview_binop,
    .len = dictview_len,
    .contains = dictkeys_contains,
    .iter = dictkeys_iter,
    .methods = dictkeys_methods,
    .getsets = dictview_getsets,
};

TypeObject DictItemsType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "dict_items",
    .basicsize = sizeof(DictViewObject),
    .dealloc = dictview_dealloc,
    .repr = dictview_repr,
    .hash = view_unhashable,
    .richcompare = dictview_richcompare,
    .binop = dictview_binop,
    .len = dictview_len,
    .contains = dictitems_contains,
    .iter = dictitems_iter,
    .methods = dictitems_methods,
    .getsets = dictview_getsets,
};

TypeObject DictValuesType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "dict_values",
    .basicsize = sizeof(DictViewObject),
    .dealloc = dictview_dealloc,
    .repr = dictview_repr,
    .len = dictview_len,
    .iter = dictvalues_iter,
    .methods = dictvalues_methods,
    .getsets = dictview_getsets,
};

TypeObject DictType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "dict",
    .basicsize = sizeof(DictObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_DICT_SUBCLASS,
    .doc = "dict() -> new empty dictionary",
    .dealloc = dict_dealloc,
    .new_ = dict_new_,
    .init = dict_init,
    .repr = dict_repr,
    .hash = dict_unhashable,
    .richcompare = dict_richcompare,
    .bool_ = dict_bool,
    .binop = dict_binop,
    .len = dict_len,
    .getitem = dict_subscript,
    .setitem = dict_ass_sub,
    .contains = dict_contains,
    .iter = dict_iter,
    .methods = dict_methods,
};
