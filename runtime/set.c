/* set.c — set and frozenset.
 *
 * The table is CPython's setobject.c layout and probing, step for step:
 * open addressing over (key, hash) entries, LINEAR_PROBES neighbouring slots
 * tried before a perturbed jump, a dummy marker for deleted slots, an
 * 8-entry table inside the object for small sets, and the same resize
 * policy (grow at 3/5 full to 4x used, 2x past 50000). Because ints hash to
 * themselves (and strs as CPython when hashes agree), iteration order
 * matches python3's: print({3, 1, 2}) shows {1, 2, 3}.
 *
 * Mutation during comparison: a user __eq__ may change the set; like
 * CPython we hold our own reference to the stored key and restart the probe
 * if the set was modified meanwhile (tracked by a mutation counter).
 * Free-threaded build: the set's lock guards every change to the table;
 * it is released around __eq__ calls and before dropping references.
 * Membership tests (`x in s`) read a shared set without it: see "Shared
 * sets" below.
 */
#include <string.h>
#include "gilt.h"
#include "reprguard.h"
#include "qsbr.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct SetEntry {
    Object *key;      /* NULL: never used; &set_dummy: deleted */
    int64_t hash;     /* -1 for dummies */
} SetEntry;

typedef struct SetObject {
    OBJECT_HEAD
    size_t fill;          /* active + dummy entries */
    size_t used;          /* active entries */
    size_t mask;          /* table size - 1 */
    SetEntry *table;      /* smalltable or a heap table (table_alloc) */
    int64_t hash;         /* frozenset: cached hash, -1 until computed */
    size_t finger;        /* where pop() looks next */
    uint64_t mutations;   /* changes on every table write: restart detection */
    SetEntry smalltable[SET_MINSIZE];
} SetObject;

#define S(o) ((SetObject *)(o))

/* len() reads `used` without the lock (set_size), so writers (lock held)
 * store it atomically: a plain store racing with that read is a C11 data
 * race (ThreadSanitizer reports it), even where it is benign. */
static inline void set_store_used(SetObject *so, size_t n) {
    __atomic_store_n(&so->used, n, __ATOMIC_RELAXED);
}

static Object set_dummy = {OBJECT_HEAD_INIT(&ObjectType)};
#define DUMMY (&set_dummy)

#define ANYSET_CHECK(o) SET_CHECK(o)

/* ---- Shared sets: membership without the lock (free-threaded build) ----
 *
 * `x in s` on a set that several threads test would otherwise write the
 * lock's cache line on every test. As for lists and dicts (list.c, dict.c),
 * a set's owner reads it without the lock while it is PRIVATE, and every
 * thread does once it is SHARED (lock.h: another thread than the owner
 * took its lock, or the first thread start reached it). Writers always
 * lock, and at any time
 *   - store every entry whole: the hash first, then the key with release
 *     (entry_store), so a reader that sees a key sees its hash too, or a
 *     newer one (a slot may be reused: a reader then compares the key it
 *     loaded, never trusting the hash alone);
 *   - build a new table completely before publishing it, and find its
 *     size in the table itself (a header entry before entry 0, or the
 *     inline smalltable's fixed size), not in the set's `mask`, which may
 *     belong to another table than the one a reader loaded.
 * While the set is shared they also
 *   - never rewrite a table in place (resize, clear): the new table is a
 *     fresh heap table, even when it would fit the inline smalltable, and
 *     the old heap table goes back through QSBR (runtime/qsbr.h);
 *   - mark every key they drop (discard, pop, clear) before dropping or
 *     handing on the set's reference (obj_mark_read_unlocked), so the
 *     key's memory outlives any reader comparing with it.
 * A reader compares keys by identity, or with keys_equal_unlocked (lock.h:
 * exact strs by their bytes, small exact ints by value); anything else (a
 * user __eq__, a float, a torn probe) takes the lock. A membership test
 * needs no reference to the key it finds, so a reader counts nothing. */
static inline bool set_is_shared(SetObject *so) { return container_is_shared(so); }

void set_share(Object *self) {
    if (IS_TYPE(self, SetType)) container_share(self);
}

static SetEntry *table_alloc(size_t size) {
    SetEntry *block = mem_calloc(size + 1, sizeof(SetEntry));
    block[0].hash = (int64_t)(size - 1);     /* the header entry: the mask */
    return block + 1;
}

static inline size_t table_mask(SetObject *so, SetEntry *table) {
    return table == so->smalltable ? SET_MINSIZE - 1 : (size_t)table[-1].hash;
}

/* Free a heap table the set no longer uses (see above). `shared` is the
 * set's state when it let the table go, read under its lock. */
static void table_free(SetEntry *table, bool shared) {
    if (shared) qsbr_free(table - 1);
    else mem_free(table - 1);
}

static inline void table_publish(SetObject *so, SetEntry *table, size_t mask) {
    so->mask = mask;
    __atomic_store_n(&so->table, table, __ATOMIC_RELEASE);
}

static inline void entry_store(SetEntry *entry, Object *key, int64_t hash) {
    __atomic_store_n(&entry->hash, hash, __ATOMIC_RELAXED);
    __atomic_store_n(&entry->key, key, __ATOMIC_RELEASE);
}

/* A key the set lets go of (lock held, reference not yet dropped). */
static inline void mark_dropped(SetObject *so, Object *key) {
    if (set_is_shared(so)) obj_mark_read_unlocked(key);
}

static inline int64_t key_hash(Object *key) {
    if (IS_TYPE(key, StrType)) {
        int64_t h = str_cached_hash(key);
        return h != -1 ? h : str_hash(key);
    }
    return obj_hash(key);
}

/* ---- table (lock held) ---- */

/* An empty smalltable, for a set no other thread can be reading (new, or
 * a private temporary). */
static void reset_table(SetObject *so) {
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->fill = 0;
    set_store_used(so, 0);
}

static void insert_clean(SetEntry *table, size_t mask, Object *key, int64_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        if (!entry->key) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (!entry->key) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry_store(entry, key, hash);
        return;
    }
}

static void table_resize_locked(SetObject *so, size_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    bool shared = set_is_shared(so);
    SetEntry *oldtable = so->table;
    size_t oldmask = so->mask;
    SetEntry small_copy[SET_MINSIZE];
    bool was_small = oldtable == so->smalltable;
    SetEntry *newtable;
    if (newsize == SET_MINSIZE && !shared) {
        if (was_small) {
            memcpy(small_copy, so->smalltable, sizeof small_copy);
            oldtable = small_copy;
        }
        newtable = so->smalltable;
        memset(newtable, 0, sizeof so->smalltable);
    } else {
        newtable = table_alloc(newsize);
    }
    for (size_t i = 0; i <= oldmask; i++) {
        Object *key = oldtable[i].key;
        if (key && key != DUMMY) insert_clean(newtable, newsize - 1, key, oldtable[i].hash);
    }
    table_publish(so, newtable, newsize - 1);
    so->fill = so->used;
    so->mutations++;
    if (!was_small) table_free(oldtable, shared);
}

/* Index of key's slot or of the empty slot ending its probe (key absent:
 * table[i].key == NULL), or -2 on error. With `locked`, the caller holds
 * the lock, which is dropped around __eq__; without, so is a frozenset. */
static int64_t lookkey(SetObject *so, Object *key, int64_t hash, bool locked) {
restart:;
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) return entry - so->table;
            if (entry->hash == hash) {
                Object *startkey = entry->key;
                if (startkey == key) return entry - so->table;
                if (IS_TYPE(startkey, StrType) && IS_TYPE(key, StrType)) {
                    if (str_size(startkey) == str_size(key) &&
                        memcmp(str_data(startkey), str_data(key), str_size(key)) == 0)
                        return entry - so->table;
                } else if (startkey != DUMMY) {
                    uint64_t mutations = so->mutations;
                    INCREF(startkey);
                    if (locked) OBJ_UNLOCK(so);
                    int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                    DECREF(startkey);
                    if (locked) OBJ_LOCK(so);
                    if (cmp < 0) return -2;
                    if (so->mutations != mutations) goto restart;
                    if (cmp > 0) return entry - so->table;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static inline int64_t lookkey_locked(SetObject *so, Object *key, int64_t hash) {
    return lookkey(so, key, hash, true);
}

/* Add key (borrowed) with its hash: 0 / -1. */
static int add_entry(SetObject *so, Object *key, int64_t hash) {
    container_lock(so);
restart:;
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *freeslot = NULL;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                if (freeslot) {
                    entry_store(freeslot, NEWREF(key), hash);
                    set_store_used(so, so->used + 1);
                    so->mutations++;
                    OBJ_UNLOCK(so);
                    return 0;
                }
                entry_store(entry, NEWREF(key), hash);
                so->fill++;
                set_store_used(so, so->used + 1);
                so->mutations++;
                if (so->fill * 5 >= mask * 3)
                    table_resize_locked(so, so->used > 50000 ? so->used * 2 : so->used * 4);
                OBJ_UNLOCK(so);
                return 0;
            }
            if (entry->hash == hash) {
                Object *startkey = entry->key;
                if (startkey == key) { OBJ_UNLOCK(so); return 0; }
                if (IS_TYPE(startkey, StrType) && IS_TYPE(key, StrType)) {
                    if (str_size(startkey) == str_size(key) &&
                        memcmp(str_data(startkey), str_data(key), str_size(key)) == 0) {
                        OBJ_UNLOCK(so);
                        return 0;
                    }
                } else {
                    uint64_t mutations = so->mutations;
                    INCREF(startkey);
                    OBJ_UNLOCK(so);
                    int cmp = obj_richcompare_bool(startkey, key, CMP_EQ);
                    DECREF(startkey);
                    OBJ_LOCK(so);
                    if (cmp < 0) { OBJ_UNLOCK(so); return -1; }
                    if (so->mutations != mutations) goto restart;
                    if (cmp > 0) { OBJ_UNLOCK(so); return 0; }
                    mask = so->mask;
                }
            } else if (entry->hash == -1 && entry->key == DUMMY) {
                if (!freeslot) freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int add_key(SetObject *so, Object *key) {
    int64_t hash = key_hash(key);
    if (hash == -1) return -1;
    return add_entry(so, key, hash);
}

enum { UNLOCKED_ABSENT = 0, UNLOCKED_FOUND = 1, UNLOCKED_TAKE_LOCK = 2 };

/* Membership without the lock (see "Shared sets"). The probe follows
 * lookkey's; a reader whose view is torn by writers so badly that it
 * walks far past any real probe length gives up and takes the lock. */
static int lookkey_unlocked(SetObject *so, Object *key, int64_t hash) {
    SetEntry *table = __atomic_load_n(&so->table, __ATOMIC_ACQUIRE);
    size_t mask = table_mask(so, table), perturb = (size_t)hash, i = (size_t)hash & mask;
    for (size_t jumps = 0; jumps <= mask; jumps++) {
        SetEntry *entry = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            Object *k = __atomic_load_n(&entry->key, __ATOMIC_ACQUIRE);
            if (!k) return UNLOCKED_ABSENT;
            if (k == key) return UNLOCKED_FOUND;
            if (k != DUMMY && __atomic_load_n(&entry->hash, __ATOMIC_RELAXED) == hash) {
                int eq = keys_equal_unlocked(k, key);
                if (eq != 0) return eq > 0 ? UNLOCKED_FOUND : UNLOCKED_TAKE_LOCK;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
    return UNLOCKED_TAKE_LOCK;
}

/* 1 found, 0 absent, -1 error. A frozenset never changes once built, so
 * testing membership needs no lock; a set's owner, or any thread once the
 * set is shared, tries without it first (see "Shared sets"). */
static int contains_entry(SetObject *so, Object *key, int64_t hash) {
    if (IS_INSTANCE(so, FrozenSetType)) {
        int64_t ix = lookkey(so, key, hash, false);
        return ix < 0 ? -1 : so->table[ix].key != NULL;
    }
    if (threads_may_contend() && container_readable_unlocked(so)) {
        int r = lookkey_unlocked(so, key, hash);
        if (r != UNLOCKED_TAKE_LOCK) return r;
    }
    container_lock(so);
    int64_t ix = lookkey_locked(so, key, hash);
    int r = ix < 0 ? -1 : so->table[ix].key != NULL;
    OBJ_UNLOCK(so);
    return r;
}

/* 1 removed, 0 absent, -1 error. */
static int discard_entry(SetObject *so, Object *key, int64_t hash) {
    container_lock(so);
    int64_t ix = lookkey_locked(so, key, hash);
    if (ix < 0) { OBJ_UNLOCK(so); return -1; }
    SetEntry *entry = &so->table[ix];
    if (!entry->key) { OBJ_UNLOCK(so); return 0; }
    Object *old = entry->key;
    mark_dropped(so, old);
    entry_store(entry, DUMMY, -1);
    set_store_used(so, so->used - 1);
    so->mutations++;
    OBJ_UNLOCK(so);
    DECREF(old);
    return 1;
}

/* A set or frozenset key that is unhashable is looked up as a frozenset,
 * as python does for `{1} in s`. Returns a new reference to the key to use
 * and its hash, or NULL. */
static Object *lookup_key(Object *key, int64_t *hash) {
    *hash = key_hash(key);
    if (*hash != -1) return NEWREF(key);
    if (!IS_INSTANCE(key, SetType) || !err_matches(Exc_TypeError)) return NULL;
    err_clear();
    Object *frozen = frozenset_new(key);
    if (!frozen) return NULL;
    *hash = key_hash(frozen);
    if (*hash == -1) { DECREF(frozen); return NULL; }
    return frozen;
}

/* Live entries as an owned array (keys INCREF'd), in table order. */
static SetEntry *snapshot(SetObject *so, size_t *n) {
    container_lock(so);
    SetEntry *copy = mem_alloc((so->used ? so->used : 1) * sizeof(SetEntry));
    size_t k = 0;
    for (size_t i = 0; i <= so->mask; i++) {
        Object *key = so->table[i].key;
        if (key && key != DUMMY) {
            copy[k].key = NEWREF(key);
            copy[k].hash = so->table[i].hash;
            k++;
        }
    }
    OBJ_UNLOCK(so);
    *n = k;
    return copy;
}

static void free_snapshot(SetEntry *s, size_t n) {
    for (size_t i = 0; i < n; i++) DECREF(s[i].key);
    mem_free(s);
}

int set_snapshot_list(Object *o, Object **out) {
    if (!IS_TYPE(o, SetType) && !IS_TYPE(o, FrozenSetType)) return 0;
    size_t n;
    SetEntry *s = snapshot(S(o), &n);
    Object *l = list_new(n);
    if (l) {
        for (size_t i = 0; i < n; i++) list_set_init(l, i, s[i].key);   /* moves the ref */
        mem_free(s);
    } else {
        free_snapshot(s, n);
    }
    *out = l;
    return l ? 1 : -1;
}

/* ---- building ---- */

static SetObject *alloc_set(TypeObject *type) {
    SetObject *so = (SetObject *)(type == &SetType || type == &FrozenSetType
                                      ? obj_alloc(type, sizeof(SetObject))
                                      : obj_new_instance(type, 0));
    if (!so) return NULL;
    reset_table(so);
    so->hash = -1;
    return so;
}

static int set_merge(SetObject *so, SetObject *other) {
    if (so == other) return 0;
    container_lock2(so, other);
    if (other->used == 0) { OBJ_UNLOCK2(so, other); return 0; }
    if ((so->fill + other->used) * 5 >= so->mask * 3)
        table_resize_locked(so, (so->used + other->used) * 2);
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* Same size, no dummies: copy the table as is. */
        for (size_t i = 0; i <= other->mask; i++) {
            Object *key = other->table[i].key;
            if (key) entry_store(&so->table[i], NEWREF(key), other->table[i].hash);
        }
        so->fill = other->fill;
        set_store_used(so, other->used);
        so->mutations++;
        OBJ_UNLOCK2(so, other);
        return 0;
    }
    if (so->fill == 0) {
        /* Our table is empty: no duplicates are possible. */
        so->fill = other->used;
        set_store_used(so, other->used);
        for (size_t i = 0; i <= other->mask; i++) {
            Object *key = other->table[i].key;
            if (key && key != DUMMY) insert_clean(so->table, so->mask, NEWREF(key), other->table[i].hash);
        }
        so->mutations++;
        OBJ_UNLOCK2(so, other);
        return 0;
    }
    OBJ_UNLOCK2(so, other);
    size_t n;
    SetEntry *s = snapshot(other, &n);
    int r = 0;
    for (size_t i = 0; i < n && r == 0; i++) r = add_entry(so, s[i].key, s[i].hash);
    free_snapshot(s, n);
    return r;
}

static int update_internal(SetObject *so, Object *other) {
    if (ANYSET_CHECK(other)) return set_merge(so, S(other));
    Object *keys;
    int snap = dict_snapshot_list(other, &keys);   /* dict or dict view */
    if (snap < 0) return -1;
    if (snap > 0) {
        size_t n = list_size(keys);
        container_lock(so);
        if ((so->fill + n) * 5 >= so->mask * 3) table_resize_locked(so, (so->used + n) * 2);
        OBJ_UNLOCK(so);
        int r = 0;
        for (size_t i = 0; i < n && r == 0; i++)
            r = add_key(so, ((ListObject *)keys)->items[i]);
        DECREF(keys);
        return r;
    }
    Object *it = obj_iter(other);
    if (!it) return -1;
    Object *key;
    int r = 0;
    while ((key = obj_next(it))) {
        r = add_key(so, key);
        DECREF(key);
        if (r < 0) break;
    }
    DECREF(it);
    if (r == 0 && err_occurred()) r = -1;
    return r;
}

static Object *make_new_set(TypeObject *type, Object *iterable) {
    SetObject *so = alloc_set(type);
    if (!so) return NULL;
    if (iterable && update_internal(so, iterable) < 0) {
        DECREF(so);
        return NULL;
    }
    return (Object *)so;
}

/* A new set of so's base kind (set or frozenset), as CPython's
 * make_new_set_basetype. */
static Object *make_new_set_basetype(TypeObject *type, Object *iterable) {
    bool is_set = type == &SetType || type_is_subtype(type, &SetType);
    return make_new_set(is_set ? &SetType : &FrozenSetType, iterable);
}

Object *set_new(Object *iterable) { return make_new_set(&SetType, iterable); }
Object *frozenset_new(Object *iterable) { return make_new_set(&FrozenSetType, iterable); }

int set_add(Object *s, Object *key) { return add_key(S(s), key); }

int set_discard(Object *s, Object *key) {
    int64_t hash;
    Object *k = lookup_key(key, &hash);
    if (!k) return -1;
    int r = discard_entry(S(s), k, hash);
    DECREF(k);
    return r;
}

int set_contains(Object *s, Object *key) {
    int64_t hash;
    Object *k = lookup_key(key, &hash);
    if (!k) return -1;
    int r = contains_entry(S(s), k, hash);
    DECREF(k);
    return r;
}

int64_t set_size(Object *s) { return (int64_t)__atomic_load_n(&S(s)->used, __ATOMIC_RELAXED); }

bool set_next(Object *s, size_t *pos, Object **key, int64_t *hash) {
    SetObject *so = S(s);
    size_t i = *pos;
    while (i <= so->mask && (!so->table[i].key || so->table[i].key == DUMMY)) i++;
    if (i > so->mask) { *pos = i; return false; }
    if (key) *key = so->table[i].key;
    if (hash) *hash = so->table[i].hash;
    *pos = i + 1;
    return true;
}

/* Replace so's contents by other's (other, a private temporary, is left
 * empty). A shared so gets a fresh table (see "Shared sets"). */
static void take_contents(SetObject *so, SetObject *other) {
    container_lock2(so, other);
    bool shared = set_is_shared(so);
    SetEntry *oldtable = so->table;
    size_t oldmask = so->mask;
    SetEntry small_copy[SET_MINSIZE];
    bool was_small = oldtable == so->smalltable;
    if (was_small) {
        memcpy(small_copy, so->smalltable, sizeof small_copy);
        oldtable = small_copy;
    }
    SetEntry *newtable = other->table;
    if (newtable == other->smalltable) {
        newtable = shared ? table_alloc(SET_MINSIZE) : so->smalltable;
        memcpy(newtable, other->smalltable, sizeof other->smalltable);
    }
    table_publish(so, newtable, other->mask);
    so->fill = other->fill;
    set_store_used(so, other->used);
    so->mutations++;
    reset_table(other);
    other->mutations++;
    OBJ_UNLOCK2(so, other);
    for (size_t i = 0; i <= oldmask; i++) {
        Object *key = oldtable[i].key;
        if (!key || key == DUMMY) continue;
        if (shared) obj_mark_read_unlocked(key);   /* before the set's reference goes */
        DECREF(key);
    }
    if (!was_small) table_free(oldtable, shared);
}

static void set_clear_internal(SetObject *so) {
    SetObject empty = {0};
    reset_table(&empty);
    empty.ob_type = &SetType;
    obj_lock_init(&empty);
    take_contents(so, &empty);
}

/* ---- set algebra ---- */

static Object *set_copy(SetObject *so) { return make_new_set_basetype(TYPE(so), (Object *)so); }

static Object *set_intersection(SetObject *so, Object *other) {
    if ((Object *)so == other) return set_copy(so);
    SetObject *result = S(make_new_set_basetype(TYPE(so), NULL));
    if (ANYSET_CHECK(other)) {
        SetObject *a = so, *b = S(other);
        if (set_size((Object *)b) > set_size((Object *)a)) { SetObject *t = a; a = b; b = t; }
        size_t n;
        SetEntry *s = snapshot(b, &n);
        int r = 0;
        for (size_t i = 0; i < n && r >= 0; i++) {
            r = contains_entry(a, s[i].key, s[i].hash);
            if (r > 0) r = add_entry(result, s[i].key, s[i].hash);
        }
        free_snapshot(s, n);
        if (r < 0) { DECREF(result); return NULL; }
        return (Object *)result;
    }
    Object *it = obj_iter(other);
    if (!it) { DECREF(result); return NULL; }
    Object *key;
    int r = 0;
    while ((key = obj_next(it))) {
        int64_t hash = key_hash(key);
        r = hash == -1 ? -1 : contains_entry(so, key, hash);
        if (r > 0) r = add_entry(result, key, hash);
        DECREF(key);
        if (r < 0) break;
    }
    DECREF(it);
    if (r < 0 || err_occurred()) { DECREF(result); return NULL; }
    return (Object *)result;
}

static int difference_update_one(SetObject *so, Object *other) {
    if ((Object *)so == other) { set_clear_internal(so); return 0; }
    if (ANYSET_CHECK(other)) {
        size_t n;
        SetEntry *s = snapshot(S(other), &n);
        int r = 0;
        for (size_t i = 0; i < n && r >= 0; i++) r = discard_entry(so, s[i].key, s[i].hash);
        free_snapshot(s, n);
        return r < 0 ? -1 : 0;
    }
    Object *it = obj_iter(other);
    if (!it) return -1;
    Object *key;
    int r = 0;
    while ((key = obj_next(it))) {
        r = set_discard((Object *)so, key);
        DECREF(key);
        if (r < 0) break;
    }
    DECREF(it);
    return (r < 0 || err_occurred()) ? -1 : 0;
}

static Object *set_difference(SetObject *so, Object *other) {
    int64_t other_size;
    if (ANYSET_CHECK(other)) other_size = set_size(other);
    else if (IS_TYPE(other, DictType)) other_size = dict_size(other);
    else other_size = -1;
    if (other_size < 0 || (set_size((Object *)so) >> 2) > other_size) {
        Object *result = set_copy(so);
        if (!result) return NULL;
        if (difference_update_one(S(result), other) < 0) { DECREF(result); return NULL; }
        return result;
    }
    SetObject *result = S(make_new_set_basetype(TYPE(so), NULL));
    size_t n;
    SetEntry *s = snapshot(so, &n);
    int r = 0;
    for (size_t i = 0; i < n && r >= 0; i++) {
        if (ANYSET_CHECK(other)) r = contains_entry(S(other), s[i].key, s[i].hash);
        else r = obj_contains(other, s[i].key);
        if (r == 0) r = add_entry(result, s[i].key, s[i].hash);
        else if (r > 0) r = 0;
    }
    free_snapshot(s, n);
    if (r < 0) { DECREF(result); return NULL; }
    return (Object *)result;
}

static int symmetric_difference_update(SetObject *so, Object *other) {
    if ((Object *)so == other) { set_clear_internal(so); return 0; }
    SetObject *otherset;
    if (ANYSET_CHECK(other)) otherset = (SetObject *)NEWREF(other);
    else {
        otherset = S(make_new_set(&SetType, other));
        if (!otherset) return -1;
    }
    size_t n;
    SetEntry *s = snapshot(otherset, &n);
    int r = 0;
    for (size_t i = 0; i < n && r >= 0; i++) {
        r = discard_entry(so, s[i].key, s[i].hash);
        if (r == 0) r = add_entry(so, s[i].key, s[i].hash);
    }
    free_snapshot(s, n);
    DECREF(otherset);
    return r < 0 ? -1 : 0;
}

static Object *set_symmetric_difference(SetObject *so, Object *other) {
    SetObject *result = S(make_new_set_basetype(TYPE(so), other));
    if (!result) return NULL;
    if (symmetric_difference_update(result, (Object *)so) < 0) { DECREF(result); return NULL; }
    return (Object *)result;
}

/* 1 if so <= other (other a set). */
static int set_issubset_of(SetObject *so, SetObject *other) {
    if (set_size((Object *)so) > set_size((Object *)other)) return 0;
    size_t n;
    SetEntry *s = snapshot(so, &n);
    int r = 1;
    for (size_t i = 0; i < n && r == 1; i++) r = contains_entry(other, s[i].key, s[i].hash);
    free_snapshot(s, n);
    return r;
}

/* ---- protocol ---- */

static void set_dealloc(Object *self) {
    SetObject *so = S(self);
    for (size_t i = 0; i <= so->mask; i++) {
        Object *key = so->table[i].key;
        if (key && key != DUMMY) DECREF(key);
    }
    if (so->table != so->smalltable) table_free(so->table, false);   /* dead: nobody reads it */
    obj_free(self);
}

static Object *set_repr(Object *self) {
    SetObject *so = S(self);
    const char *name = TYPE(self)->name;
    if (so->used == 0) return str_format("%s()", name);
    int guard = repr_enter(self);
    if (guard < 0) return NULL;
    if (guard > 0) return str_format("%s(...)", name);
    size_t n;
    SetEntry *s = snapshot(so, &n);
    StrBuilder sb;
    sb_init(&sb);
    bool plain = IS_TYPE(self, SetType);
    if (!plain) { sb_append_cstr(&sb, name); sb_append_char(&sb, '('); }
    sb_append_char(&sb, '{');
    int r = 0;
    for (size_t i = 0; i < n && r == 0; i++) {
        if (i) sb_append(&sb, ", ", 2);
        r = sb_append_repr(&sb, s[i].key);
    }
    free_snapshot(s, n);
    repr_leave(self);
    if (r < 0) { sb_free(&sb); return NULL; }
    sb_append_char(&sb, '}');
    if (!plain) sb_append_char(&sb, ')');
    return sb_finish(&sb);
}

static int64_t set_unhashable(Object *self) {
    err_format(Exc_TypeError, "unhashable type: '%T'", self);
    return -1;
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static int64_t frozenset_hash(Object *self) {
    SetObject *so = S(self);
    int64_t cached = __atomic_load_n(&so->hash, __ATOMIC_RELAXED);
    if (cached != -1) return cached;
    uint64_t hash = 0;
    for (size_t i = 0; i <= so->mask; i++) hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1) hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) hash = 590923713UL;
    __atomic_store_n(&so->hash, (int64_t)hash, __ATOMIC_RELAXED);
    return (int64_t)hash;
}

static Object *set_richcompare(Object *a, Object *b, CompareOp op) {
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b)) return NEWREF(OBJ_NOTIMPL);
    int64_t la = set_size(a), lb = set_size(b);
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (la != lb) r = 0;
        else if (IS_TYPE(a, FrozenSetType) && IS_TYPE(b, FrozenSetType) &&
                 S(a)->hash != -1 && S(b)->hash != -1 && S(a)->hash != S(b)->hash) r = 0;
        else r = set_issubset_of(S(a), S(b));
        if (r >= 0 && op == CMP_NE) r = !r;
        break;
    case CMP_LE: r = set_issubset_of(S(a), S(b)); break;
    case CMP_GE: r = set_issubset_of(S(b), S(a)); break;
    case CMP_LT: r = la < lb ? set_issubset_of(S(a), S(b)) : 0; break;
    default: r = la > lb ? set_issubset_of(S(b), S(a)) : 0; break;
    }
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

static int64_t set_len(Object *self) { return set_size(self); }
static int set_bool(Object *self) { return set_size(self) != 0; }

static Object *set_binop(Object *a, Object *b, BinOp op) {
    bool inplace = op & BINOP_INPLACE;
    BinOp base = op & ~BINOP_INPLACE;
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b)) return NEWREF(OBJ_NOTIMPL);
    if (inplace && !IS_INSTANCE(a, SetType)) return NEWREF(OBJ_NOTIMPL);
    SetObject *so = S(a);
    Object *result;
    switch (base) {
    case BINOP_OR:
        if (inplace) { if (update_internal(so, b) < 0) return NULL; return NEWREF(a); }
        result = set_copy(so);
        if (result && a != b && update_internal(S(result), b) < 0) { DECREF(result); return NULL; }
        return result;
    case BINOP_AND:
        result = set_intersection(so, b);
        if (!result || !inplace) return result;
        take_contents(so, S(result));
        DECREF(result);
        return NEWREF(a);
    case BINOP_SUB:
        if (inplace) { if (difference_update_one(so, b) < 0) return NULL; return NEWREF(a); }
        return set_difference(so, b);
    case BINOP_XOR:
        if (inplace) { if (symmetric_difference_update(so, b) < 0) return NULL; return NEWREF(a); }
        return set_symmetric_difference(so, b);
    default:
        return NEWREF(OBJ_NOTIMPL);
    }
}

static int set_contains_slot(Object *self, Object *key) { return set_contains(self, key); }

/* ---- construction ---- */

static Object *set_new_(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (type == &SetType && kwnames && tuple_size(kwnames))
        return err_set(Exc_TypeError, "set() takes no keyword arguments");
    return (Object *)alloc_set(type);
}

static int set_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_set(Exc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        err_format(Exc_TypeError, "set expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    if (set_size(self)) set_clear_internal(S(self));
    if (nargs == 1) return update_internal(S(self), args[0]);
    return 0;
}

static Object *frozenset_new_(TypeObject *type, Object *const *args, size_t nargs,
                              Object *kwnames) {
    if (type == &FrozenSetType && kwnames && tuple_size(kwnames))
        return err_set(Exc_TypeError, "frozenset() takes no keyword arguments");
    if (nargs > 1)
        return err_format(Exc_TypeError, "frozenset expected at most 1 argument, got %zu", nargs);
    if (nargs == 1 && type == &FrozenSetType && IS_TYPE(args[0], FrozenSetType))
        return NEWREF(args[0]);
    return make_new_set(type, nargs ? args[0] : NULL);
}

/* ---- methods ---- */

#define METHOD(name) static Object *name(Object *self, Object *const *args, size_t nargs, \
                                         Object *kwnames)
#define ONE_ARG(fname) \
    if (arg_no_kw(fname, kwnames) < 0 || arg_count(fname, nargs, 1, 1) < 0) return NULL
#define NO_ARGS(fname) \
    if (arg_no_kw(fname, kwnames) < 0 || arg_count(fname, nargs, 0, 0) < 0) return NULL

METHOD(set_add_m) {
    ONE_ARG("add");
    if (set_add(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

METHOD(set_remove_m) {
    ONE_ARG("remove");
    int r = set_discard(self, args[0]);
    if (r < 0) return NULL;
    if (r == 0) { err_set_value(Exc_KeyError, args[0]); return NULL; }
    RETURN_NONE;
}

METHOD(set_discard_m) {
    ONE_ARG("discard");
    if (set_discard(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

METHOD(set_pop_m) {
    NO_ARGS("pop");
    SetObject *so = S(self);
    container_lock(so);
    if (so->used == 0) {
        OBJ_UNLOCK(so);
        return err_set(Exc_KeyError, "pop from an empty set");
    }
    SetEntry *entry = so->table + (so->finger & so->mask);
    SetEntry *limit = so->table + so->mask;
    while (!entry->key || entry->key == DUMMY) {
        entry++;
        if (entry > limit) entry = so->table;
    }
    Object *key = entry->key;
    mark_dropped(so, key);
    entry_store(entry, DUMMY, -1);
    set_store_used(so, so->used - 1);
    so->mutations++;
    so->finger = (size_t)(entry - so->table) + 1;
    OBJ_UNLOCK(so);
    return key;
}

METHOD(set_clear_m) {
    NO_ARGS("clear");
    set_clear_internal(S(self));
    RETURN_NONE;
}

METHOD(set_copy_m) {
    NO_ARGS("copy");
    if (IS_TYPE(self, FrozenSetType)) return NEWREF(self);
    return set_copy(S(self));
}

/* The in-place methods taking any number of iterables (update,
 * difference_update): apply `op` to self with each in turn. */
static Object *apply_each(Object *self, Object *const *args, size_t nargs, Object *kwnames,
                          const char *name, int (*op)(SetObject *, Object *)) {
    if (arg_no_kw(name, kwnames) < 0) return NULL;
    for (size_t i = 0; i < nargs; i++)
        if (op(S(self), args[i]) < 0) return NULL;
    RETURN_NONE;
}

METHOD(set_update_m) { return apply_each(self, args, nargs, kwnames, "update", update_internal); }

METHOD(set_union_m) {
    if (arg_no_kw("union", kwnames) < 0) return NULL;
    Object *result = set_copy(S(self));
    if (!result) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (args[i] == self) continue;
        if (update_internal(S(result), args[i]) < 0) { DECREF(result); return NULL; }
    }
    return result;
}

METHOD(set_intersection_m) {
    if (arg_no_kw("intersection", kwnames) < 0) return NULL;
    if (nargs == 0) return set_copy(S(self));
    Object *result = NEWREF(self);
    for (size_t i = 0; i < nargs; i++) {
        Object *next = set_intersection(S(result), args[i]);
        DECREF(result);
        if (!next) return NULL;
        result = next;
    }
    return result;
}

METHOD(set_intersection_update_m) {
    Object *result = set_intersection_m(self, args, nargs, kwnames);
    if (!result) return NULL;
    take_contents(S(self), S(result));
    DECREF(result);
    RETURN_NONE;
}

METHOD(set_difference_m) {
    if (arg_no_kw("difference", kwnames) < 0) return NULL;
    if (nargs == 0) return set_copy(S(self));
    Object *result = set_difference(S(self), args[0]);
    for (size_t i = 1; result && i < nargs; i++) {
        if (difference_update_one(S(result), args[i]) < 0) CLEAR(result);
    }
    return result;
}

METHOD(set_difference_update_m) {
    return apply_each(self, args, nargs, kwnames, "difference_update", difference_update_one);
}

METHOD(set_symmetric_difference_m) {
    ONE_ARG("symmetric_difference");
    return set_symmetric_difference(S(self), args[0]);
}

METHOD(set_symmetric_difference_update_m) {
    ONE_ARG("symmetric_difference_update");
    if (symmetric_difference_update(S(self), args[0]) < 0) return NULL;
    RETURN_NONE;
}

METHOD(set_issubset_m) {
    ONE_ARG("issubset");
    if (ANYSET_CHECK(args[0])) {
        int r = set_issubset_of(S(self), S(args[0]));
        if (r < 0) return NULL;
        RETURN_BOOL(r);
    }
    Object *tmp = set_new(args[0]);
    if (!tmp) return NULL;
    int r = set_issubset_of(S(self), S(tmp));
    DECREF(tmp);
    if (r < 0) return NULL;
    RETURN_BOOL(r);
}

METHOD(set_issuperset_m) {
    ONE_ARG("issuperset");
    if (ANYSET_CHECK(args[0])) {
        int r = set_issubset_of(S(args[0]), S(self));
        if (r < 0) return NULL;
        RETURN_BOOL(r);
    }
    Object *it = obj_iter(args[0]);
    if (!it) return NULL;
    Object *key;
    int r = 1;
    while ((key = obj_next(it))) {
        r = set_contains(self, key);
        DECREF(key);
        if (r <= 0) break;
    }
    DECREF(it);
    if (r < 0 || err_occurred()) return NULL;
    RETURN_BOOL(r);
}

METHOD(set_isdisjoint_m) {
    ONE_ARG("isdisjoint");
    Object *other = args[0];
    if (other == self) RETURN_BOOL(set_size(self) == 0);
    Object *small = other, *big = self;
    if (ANYSET_CHECK(other) && set_size(other) > set_size(self)) { small = self; big = other; }
    Object *it = obj_iter(small);
    if (!it) return NULL;
    Object *key;
    int r = 0;
    while ((key = obj_next(it))) {
        r = set_contains(big, key);
        DECREF(key);
        if (r != 0) break;
    }
    DECREF(it);
    if (r < 0 || err_occurred()) return NULL;
    RETURN_BOOL(r == 0);
}

METHOD(set_sizeof_m) {
    SetObject *so = S(self);
    size_t extra = so->table != so->smalltable ? (so->mask + 2) * sizeof(SetEntry) : 0;  /* + header */
    return int_from_i64((int64_t)(sizeof(SetObject) + extra));
}

static Object *set_iter(Object *self);

static const MethodDef set_methods[] = {
    {"add", set_add_m, 0, "Add an element to a set."},
    {"remove", set_remove_m, 0, "Remove an element from a set; it must be a member."},
    {"discard", set_discard_m, 0, "Remove an element from a set if it is a member."},
    {"pop", set_pop_m, 0, "Remove and return an arbitrary set element."},
    {"clear", set_clear_m, 0, "Remove all elements from this set."},
    {"copy", set_copy_m, 0, "Return a shallow copy of a set."},
    {"update", set_update_m, 0, "Update a set with the union of itself and others."},
    {"union", set_union_m, 0, "Return the union of sets as a new set."},
    {"intersection", set_intersection_m, 0, "Return the intersection of sets as a new set."},
    {"intersection_update", set_intersection_update_m, 0, NULL},
    {"difference", set_difference_m, 0, "Return the difference of sets as a new set."},
    {"difference_update", set_difference_update_m, 0, NULL},
    {"symmetric_difference", set_symmetric_difference_m, 0, NULL},
    {"symmetric_difference_update", set_symmetric_difference_update_m, 0, NULL},
    {"issubset", set_issubset_m, 0, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_m, 0, "Report whether this set contains another set."},
    {"isdisjoint", set_isdisjoint_m, 0, "Return True if two sets have a null intersection."},
    {"__sizeof__", set_sizeof_m, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef frozenset_methods[] = {
    {"copy", set_copy_m, 0, "Return a shallow copy of a set."},
    {"union", set_union_m, 0, "Return the union of sets as a new set."},
    {"intersection", set_intersection_m, 0, "Return the intersection of sets as a new set."},
    {"difference", set_difference_m, 0, "Return the difference of sets as a new set."},
    {"symmetric_difference", set_symmetric_difference_m, 0, NULL},
    {"issubset", set_issubset_m, 0, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_m, 0, "Report whether this set contains another set."},
    {"isdisjoint", set_isdisjoint_m, 0, "Return True if two sets have a null intersection."},
    {"__sizeof__", set_sizeof_m, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- iterator ---- */

typedef struct SetIterObject {
    OBJECT_HEAD
    SetObject *set;        /* NULL once exhausted */
    size_t pos;
    size_t used;           /* the set's size when iteration started */
    size_t remaining;
} SetIterObject;

static Object *set_iter(Object *self) {
    SetIterObject *it = (SetIterObject *)obj_alloc(&SetIterType, sizeof(SetIterObject));
    it->set = (SetObject *)NEWREF(self);
    it->pos = 0;
    it->used = it->remaining = set_size(self);
    return (Object *)it;
}

static Object *setiter_next(Object *self) {
    SetIterObject *it = (SetIterObject *)self;
    SetObject *so = it->set;
    if (!so) return NULL;
    container_lock(so);
    if (so->used != it->used) {
        OBJ_UNLOCK(so);
        it->used = (size_t)-1;
        return err_set(Exc_RuntimeError, "Set changed size during iteration");
    }
    size_t i = it->pos;
    while (i <= so->mask && (!so->table[i].key || so->table[i].key == DUMMY)) i++;
    if (i > so->mask || it->remaining == 0) {
        OBJ_UNLOCK(so);
        it->set = NULL;
        DECREF(so);
        return NULL;
    }
    it->pos = i + 1;
    it->remaining--;
    Object *key = NEWREF(so->table[i].key);
    OBJ_UNLOCK(so);
    return key;
}

static Object *iter_self(Object *self) { return NEWREF(self); }

static void setiter_dealloc(Object *self) {
    XDECREF(((SetIterObject *)self)->set);
    obj_free(self);
}

METHOD(setiter_length_hint) {
    SetIterObject *it = (SetIterObject *)self;
    bool live = it->set && it->used == it->set->used;
    return int_from_i64(live ? (int64_t)it->remaining : 0);
}

static const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject SetIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "set_iterator",
    .basicsize = sizeof(SetIterObject),
    .dealloc = setiter_dealloc,
    .iter = iter_self,
    .iternext = setiter_next,
    .methods = setiter_methods,
};

TypeObject SetType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "set",
    .basicsize = sizeof(SetObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "set() -> new empty set object\nset(iterable) -> new set object",
    .dealloc = set_dealloc,
    .new_ = set_new_,
    .init = set_init,
    .repr = set_repr,
    .hash = set_unhashable,
    .richcompare = set_richcompare,
    .bool_ = set_bool,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .methods = set_methods,
};

TypeObject FrozenSetType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "frozenset",
    .basicsize = sizeof(SetObject),
    .flags = TPFLAG_BASETYPE,
    .doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object",
    .dealloc = set_dealloc,
    .new_ = frozenset_new_,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .bool_ = set_bool,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains_slot,
    .iter = set_iter,
    .methods = frozenset_methods,
};
