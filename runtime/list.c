/* list.c — mutable sequences: the list type, its methods and iterators.
 *
 * Storage is an over-allocated array (CPython's growth rule: about 1/8
 * extra plus a little), so append is amortized O(1).
 *
 * Free-threaded build: every mutation holds the list's lock (lock.h), and
 * so do reads of an ordinary list, so that `items` and `size` are always
 * seen consistently even while another thread grows the array. Frozen
 * lists (below) are read without it. While the lock is held we never run gilt code:
 * comparisons happen with the item INCREF'd and the lock released, and
 * references dropped by a mutation are DECREF'd after unlocking (a __del__
 * may touch this very list). In the GIL build the lock calls vanish.
 *
 * A user __eq__ may mutate the list being searched: searches re-check the
 * size on every step and hold their own reference to the item compared.
 */
#include <string.h>
#include "gilt.h"
#include "reprguard.h"
#include "qsbr.h"

#define L(o) ((ListObject *)(o))

/* len() reads size without the lock (list_len), so writers (lock held)
 * store it atomically: a plain store racing with that read is a data race
 * in C11 terms (and ThreadSanitizer reports it), even where it is benign. */
static inline void list_store_size(ListObject *l, size_t n) {
    __atomic_store_n(&l->size, n, __ATOMIC_RELEASE);
}

/* ---- Item arrays ----
 *
 * Every item array carries its capacity in the word before item 0, so a
 * reader without the lock can bound its index by the array it actually
 * loaded: the list's size and its array pointer may come from different
 * moments. */
static Object **items_alloc(size_t cap) {
    Object **block = mem_calloc(cap + 1, sizeof(Object *));
    block[0] = (Object *)(uintptr_t)cap;
    return block + 1;
}

/* Resize a private array in place (a shared one is never: see below). */
static Object **items_realloc(Object **items, size_t cap) {
    Object **block = mem_realloc(items - 1, (cap + 1) * sizeof(Object *));
    block[0] = (Object *)(uintptr_t)cap;
    return block + 1;
}

static inline size_t items_capacity(Object **items) { return (size_t)(uintptr_t)items[-1]; }

static void items_free(Object **items) {
    if (items) mem_free(items - 1);
}

/* ---- Shared lists: reads without the lock (free-threaded build) ----
 *
 * A list is read by `l[i]`, iteration, `in` and `index` one item at a
 * time. Taking the lock for each would write the lock's cache line, so
 * threads reading one list would bounce it between cores; instead those
 * reads load the size, the array and the item without the lock and take
 * a reference with obj_try_incref (list_item_unlocked). Who may do that
 * is the container state of lock.h: only the owner thread while the list
 * is PRIVATE, every thread once another thread than the owner has taken
 * its lock to read an item or to change it (or the first thread start has
 * shared it: list_share) and it is SHARED. Writers always lock. While
 * the list is shared they also
 *   - never reallocate an array in place: a new array gets the items (and
 *     zeros after them), is published, and the old one goes back through
 *     QSBR (runtime/qsbr.h), as a reader may still be reading it;
 *   - mark every item they remove before dropping or handing on the
 *     list's reference (obj_mark_read_unlocked), so that the item's memory,
 *     too, outlives any reader that loaded it just before.
 * A reader that finds its item dead (try-increment fails), the array
 * gone or the index beyond what it can see falls back to the lock. While
 * the list is private, only its owner reads it so, and the owner is never
 * writing at the same time; another thread's first write makes it shared
 * before any store. */
static inline bool list_is_shared(ListObject *l) { return container_is_shared(l); }

/* Lock held, by a thread about to read or write l (lock.h). */
static inline void list_note_access_locked(ListObject *l) {
    if (threads_may_contend()) container_note_access_threaded(l);
}

/* Item i without the lock (see above): true with *out a new reference;
 * false when this thread may not read l so, or i is not (visibly) inside
 * the list, or the item died meanwhile — the caller then locks. */
static inline bool list_item_unlocked(ListObject *l, size_t i, Object **out) {
#if GILT_FT
    if (!container_readable_unlocked(l)) return false;
    /* The size first: seeing a size, we see the array and items stored
     * before it (release); a newer array holds them too, or zeros. */
    if (i >= __atomic_load_n(&l->size, __ATOMIC_ACQUIRE)) return false;
    Object **items = __atomic_load_n(&l->items, __ATOMIC_ACQUIRE);
    if (!items || i >= items_capacity(items)) return false;
    Object *v = __atomic_load_n(&items[i], __ATOMIC_ACQUIRE);
    if (!v || !obj_try_incref(v)) return false;
    *out = v;
    return true;
#else
    (void)l; (void)i; (void)out;
    return false;
#endif
}

void list_share(Object *self) {
    if (IS_TYPE(self, ListType)) container_share(self);
}

/* Item i as a new reference, or NULL (no exception set) past the end. */
static inline Object *item_ref_or_null(ListObject *l, size_t i) {
    Object *v;
    if (threads_may_contend() && list_item_unlocked(l, i, &v)) return v;
    OBJ_LOCK(l);
    list_note_access_locked(l);
    v = i < l->size ? NEWREF(l->items[i]) : NULL;
    OBJ_UNLOCK(l);
    return v;
}

/* Free an array the list no longer uses (lock held or list dead). */
static inline void list_free_array(ListObject *l, Object **items) {
    if (!items) return;
    if (list_is_shared(l)) qsbr_free(items - 1);
    else items_free(items);
}

/* Drop an array of owned references (after the lock is released), last
 * item first as CPython does, so __del__ methods run in the same order. */
static void decref_array(Object **items, size_t n) {
    while (n > 0) XDECREF(items[--n]);
}

/* Items the list let go of (NULLs skipped): in a shared list a reader may
 * have loaded them just before, so they are marked before the list's
 * references are dropped or handed on (refcount.h). */
static inline void mark_removed(ListObject *l, Object *const *items, size_t n) {
    if (!list_is_shared(l)) return;
    for (size_t i = 0; i < n; i++)
        if (items[i]) obj_mark_read_unlocked(items[i]);
}

/* decref_array for references the list let go of. */
static inline void drop_removed(ListObject *l, Object **items, size_t n) {
    mark_removed(l, items, n);
    decref_array(items, n);
}

/* One of them; inline, not through decref_array's loop: it is on the
 * path of every `l[i] = v`. */
static inline void drop_removed1(ListObject *l, Object *v) {
    if (!v) return;
    mark_removed(l, &v, 1);
    DECREF(v);
}

/* Stores into the live array (lock held). A reader without the lock may
 * load any slot at any moment, so in a shared list every slot is written
 * whole, with an atomic store: memmove and memcpy promise no such thing
 * (ASan's memmove copies byte by byte, and a reader saw a pointer torn
 * between two items). Release, so the reader that loads the item with
 * acquire also sees the object it points to fully built. */
static inline void item_store(ListObject *l, size_t i, Object *v) {
    __atomic_store_n(&l->items[i], v, __ATOMIC_RELEASE);
}

/* memmove within the live array, pointer by pointer while shared. */
static void items_move(ListObject *l, size_t dst, size_t src, size_t n) {
    Object **a = l->items;
    if (!list_is_shared(l)) {
        memmove(a + dst, a + src, n * sizeof(Object *));
    } else if (dst < src) {
        for (size_t k = 0; k < n; k++) item_store(l, dst + k, a[src + k]);
    } else {
        for (size_t k = n; k-- > 0;) item_store(l, dst + k, a[src + k]);
    }
}

/* ---- storage (callers hold the lock) ---- */

/* Point the list at a new array of `cap` slots holding its first `keep`
 * items (the rest zero); the old one is freed (see list_free_array). */
static void list_move_to_new_array(ListObject *l, size_t cap, size_t keep) {
    Object **old = l->items;
    Object **items = cap ? items_alloc(cap) : NULL;
    if (keep) memcpy(items, old, keep * sizeof(Object *));
    __atomic_store_n(&l->items, items, __ATOMIC_RELEASE);
    l->allocated = cap;
    list_free_array(l, old);
}

/* Make room for `newsize` items and set size; new slots are uninitialized
 * (zero in a shared list). */
static void list_resize_locked(ListObject *l, size_t newsize) {
    if (newsize <= l->allocated && newsize >= (l->allocated >> 1)) {
        list_store_size(l, newsize);
        return;
    }
    size_t want = (newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - l->size > want - newsize && newsize > l->size)
        want = (newsize + 3) & ~(size_t)3;
    if (newsize == 0) want = 0;
    if (list_is_shared(l) || !l->items || !want) {
        /* A shared list's old array may still be read (see above). Shrinking,
         * keep only what stays; growing, the size is stored after. */
        list_move_to_new_array(l, want, newsize < l->size ? newsize : l->size);
    } else {
        l->items = items_realloc(l->items, want);
        l->allocated = want;
    }
    list_store_size(l, newsize);
}

/* Empty the list; the items are dropped after the lock is released (a
 * __del__ may touch this very list). */
static void list_clear(ListObject *l) {
    container_lock(l);
    size_t n = l->size;
    Object **old = l->items;
    list_store_size(l, 0);
    __atomic_store_n(&l->items, NULL, __ATOMIC_RELEASE);
    l->allocated = 0;
    OBJ_UNLOCK(l);
    drop_removed(l, old, n);
    list_free_array(l, old);
}

/* ---- public API ---- */

Object *list_new(size_t n) {
    ListObject *l = (ListObject *)obj_alloc(&ListType, sizeof(ListObject));
    if (n) {
        l->items = items_alloc(n);
        l->allocated = n;
    }
    l->size = n;
    return (Object *)l;
}

Object *list_from_array(Object *const *items, size_t n) {
    Object *l = list_new(n);
    for (size_t i = 0; i < n; i++) L(l)->items[i] = NEWREF(items[i]);
    return l;
}

static int list_append_slow(ListObject *l, Object *v) {
    container_lock(l);
    size_t n = l->size;
    list_resize_locked(l, n + 1);
    item_store(l, n, NEWREF(v));
    OBJ_UNLOCK(l);
    return 0;
}

int list_append(Object *self, Object *v) {
    ListObject *l = L(self);
    container_lock(l);
    if (l->size < l->allocated) {
        item_store(l, l->size, NEWREF(v));
        list_store_size(l, l->size + 1);
        OBJ_UNLOCK(l);
        return 0;
    }
    OBJ_UNLOCK(l);
    return list_append_slow(l, v);
}

/* Append n borrowed references. */
static void list_append_array(ListObject *l, Object *const *src, size_t n) {
    container_lock(l);
    size_t old = l->size;
    list_resize_locked(l, old + n);
    for (size_t i = 0; i < n; i++) item_store(l, old + i, NEWREF(src[i]));
    OBJ_UNLOCK(l);
}

int list_extend(Object *self, Object *iterable) {
    ListObject *l = L(self);
    if (TUPLE_CHECK(iterable)) {
        list_append_array(l, tuple_items(iterable), tuple_size(iterable));
        return 0;
    }
    if (LIST_CHECK(iterable)) {
        ListObject *src = L(iterable);
        OBJ_LOCK2(l, src);
        list_note_access_locked(l);
        size_t n = src->size, old = l->size;
        list_resize_locked(l, old + n);
        /* src may be l itself: its first n items are still in place. */
        for (size_t i = 0; i < n; i++) item_store(l, old + i, NEWREF(src->items[i]));
        OBJ_UNLOCK2(l, src);
        return 0;
    }
    if (IS_TYPE(iterable, RangeType)) {
        /* list(range(n)): one allocation, and MemoryError up front for a
         * range no memory could hold (CPython sizes by its length too). */
        RangeObject *r = (RangeObject *)iterable;
        int64_t n = obj_len(iterable);
        if (n < 0) return -1;
        if (mem_check_size(l->size + (size_t)n, sizeof(Object *)) < 0) return -1;
        if (r->big) goto generic;   /* int64 fields unused: iterate */
        container_lock(l);
        size_t old = l->size;
        list_resize_locked(l, old + (size_t)n);
        for (int64_t i = 0; i < n; i++) item_store(l, old + i, int_from_i64(r->start + i * r->step));
        OBJ_UNLOCK(l);
        return 0;
    }
    /* A dict, dict view, set or frozenset: copied under its one lock, so
     * list(d) is an atomic snapshot while other threads mutate d (per-item
     * iteration would raise "changed size during iteration"). */
    Object *snap;
    int snapped = dict_snapshot_list(iterable, &snap);
    if (snapped == 0) snapped = set_snapshot_list(iterable, &snap);
    if (snapped < 0) return -1;
    if (snapped > 0) {
        list_append_array(l, L(snap)->items, L(snap)->size);
        DECREF(snap);
        return 0;
    }
generic:;
    Object *it = obj_iter(iterable);
    if (!it) return -1;
    Object *item;
    while ((item = obj_next(it))) {
        list_append(self, item);
        DECREF(item);
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

Object *list_get(Object *self, int64_t i) {
    Object *v = i < 0 ? NULL : item_ref_or_null(L(self), (size_t)i);
    return v ? v : err_set(Exc_IndexError, "list index out of range");
}

int list_set_owned(Object *self, int64_t i, Object *v) {
    ListObject *l = L(self);
    container_lock(l);
    if (i < 0 || (uint64_t)i >= l->size) {
        OBJ_UNLOCK(l);
        DECREF(v);
        err_set(Exc_IndexError, "list assignment index out of range");
        return -1;
    }
    Object *old = l->items[i];
    item_store(l, i, v);
    OBJ_UNLOCK(l);
    drop_removed1(l, old);
    return 0;
}

int list_set(Object *self, int64_t i, Object *v) { return list_set_owned(self, i, NEWREF(v)); }

/* Under the lock, with the list this thread's and private: a reader on
 * another thread takes the lock too, so it counts the item (which the
 * refcount test then sees) either before this or after the caller's
 * change. A shared list's readers, and a private list's owner, read
 * without the lock and could already hold the pointer uncounted. */
bool list_item_exclusive_threaded(Object *self, int64_t i, Object *item) {
    ListObject *l = L(self);
    OBJ_LOCK_THREADED(l);
    if (list_slot_holds_(l, i, item) && obj_owned_by_current_thread(l) && !list_is_shared(l) &&
        obj_has_two_refs(item))
        return true;
    OBJ_UNLOCK(l);
    return false;
}

Object *list_as_tuple(Object *self) {
    ListObject *l = L(self);
    OBJ_LOCK(l);
    size_t n = l->size;
    Object *t = tuple_new(n);
    for (size_t i = 0; i < n; i++) tuple_items(t)[i] = NEWREF(l->items[i]);
    OBJ_UNLOCK(l);
    return t;
}

/* A new exact list holding items [start, stop) with a step. */
static Object *list_slice_locked(ListObject *l, int64_t start, int64_t step, int64_t n) {
    Object *r = list_new(n);
    for (int64_t k = 0, i = start; k < n; k++, i += step)
        L(r)->items[k] = NEWREF(l->items[i]);
    return r;
}

Object *list_copy(Object *self) {
    ListObject *l = L(self);
    OBJ_LOCK(l);
    Object *r = list_slice_locked(l, 0, 1, l->size);
    OBJ_UNLOCK(l);
    return r;
}

/* The item at i for a search step, as a new reference, or NULL past the end. */
static Object *item_or_null(ListObject *l, size_t i) { return item_ref_or_null(l, i); }

/* ---- protocol ---- */

static void list_dealloc(Object *self) {
    ListObject *l = L(self);
    decref_array(l->items, l->size);
    items_free(l->items);        /* dead: nobody can be reading it */
    obj_free(self);
}

static Object *list_repr(Object *self) {
    ListObject *l = L(self);
    if (l->size == 0) return str_from_cstr("[]");
    int guard = repr_enter(self);
    if (guard < 0) return NULL;
    if (guard > 0) return str_from_cstr("[...]");
    StrBuilder sb;
    sb_init(&sb);
    sb_append_char(&sb, '[');
    Object *item;
    for (size_t i = 0; (item = item_or_null(l, i)); i++) {
        if (i) sb_append(&sb, ", ", 2);
        int r = sb_append_repr(&sb, item);
        DECREF(item);
        if (r < 0) {
            sb_free(&sb);
            repr_leave(self);
            return NULL;
        }
    }
    sb_append_char(&sb, ']');
    repr_leave(self);
    return sb_finish(&sb);
}

static int64_t list_unhashable(Object *self) {
    err_format(Exc_TypeError, "unhashable type: '%T'", self);
    return -1;
}

static Object *list_richcompare(Object *a, Object *b, CompareOp op) {
    if (!LIST_CHECK(a) || !LIST_CHECK(b)) return NEWREF(OBJ_NOTIMPL);
    ListObject *la = L(a), *lb = L(b);
    if ((op == CMP_EQ || op == CMP_NE) && la->size != lb->size) RETURN_BOOL(op == CMP_NE);
    size_t i;
    for (i = 0;; i++) {
        Object *x = item_or_null(la, i);
        Object *y = x ? item_or_null(lb, i) : NULL;
        if (!x || !y) { XDECREF(x); break; }
        int eq = obj_richcompare_bool(x, y, CMP_EQ);
        if (eq == 1) { DECREF(x); DECREF(y); continue; }
        if (eq < 0) { DECREF(x); DECREF(y); return NULL; }
        /* the first differing items decide */
        Object *r;
        if (op == CMP_EQ) r = NEWREF(OBJ_FALSE);
        else if (op == CMP_NE) r = NEWREF(OBJ_TRUE);
        else r = obj_richcompare(x, y, op);
        DECREF(x);
        DECREF(y);
        return r;
    }
    size_t na = la->size, nb = lb->size;
    bool r;
    switch (op) {
    case CMP_LT: r = na < nb; break;
    case CMP_LE: r = na <= nb; break;
    case CMP_EQ: r = na == nb; break;
    case CMP_NE: r = na != nb; break;
    case CMP_GT: r = na > nb; break;
    default: r = na >= nb; break;
    }
    RETURN_BOOL(r);
}

static int64_t list_len(Object *self) {
    return (int64_t)__atomic_load_n(&L(self)->size, __ATOMIC_RELAXED);
}

static Object *list_getitem(Object *self, Object *key) {
    ListObject *l = L(self);
    if (INT_CHECK(key) && int_is_small(key)) {
        int64_t i = int_small(key);
        if (i < 0) i += list_len(self);
        Object *v = i < 0 ? NULL : item_ref_or_null(l, (size_t)i);
        return v ? v : err_set(Exc_IndexError, "list index out of range");
    }
    if (IS_TYPE(key, SliceType)) {
        int64_t start, stop, step, n;
        OBJ_LOCK(l);
        size_t len = l->size;
        OBJ_UNLOCK(l);
        /* slice_indices may call __index__: resolve it unlocked. */
        if (slice_indices(key, (int64_t)len, &start, &stop, &step, &n) < 0) return NULL;
        OBJ_LOCK(l);
        if (l->size < len) {
            /* Another thread shrank the list meanwhile: keep to what is left. */
            int64_t size = (int64_t)l->size;
            if (step > 0) n = start >= size ? 0 : (n < (size - 1 - start) / step + 1 ? n : (size - 1 - start) / step + 1);
            else if (start >= size) n = 0;
        }
        Object *r = list_slice_locked(l, start, step, n);
        OBJ_UNLOCK(l);
        return r;
    }
    int64_t i;
    int r = index_from_key(key, &i);
    if (r < 0) return NULL;
    if (r == 0)
        return err_format(Exc_TypeError, "list indices must be integers or slices, not %T", key);
    if (i < 0) i += (int64_t)list_len(self);
    return list_get(self, i);
}

/* Turn the right side of a slice assignment into an owned array of items. */
static Object **sequence_items(Object *self, Object *v, size_t *n, const char *errmsg) {
    Object *seq;
    if (v == self || !(LIST_CHECK(v) || TUPLE_CHECK(v))) {
        if (v != self && !type_lookup_cstr(TYPE(v), "__iter__") &&
            !type_lookup_cstr(TYPE(v), "__getitem__") && !TYPE(v)->iter) {
            err_set(Exc_TypeError, errmsg);
            return NULL;
        }
        seq = obj_to_list(v);
        if (!seq) {
            if (err_matches(Exc_TypeError) && !TYPE(v)->iter &&
                !type_lookup_cstr(TYPE(v), "__iter__")) {
                err_clear();
                err_set(Exc_TypeError, errmsg);
            }
            return NULL;
        }
    } else {
        seq = NEWREF(v);
    }
    Object **items;
    if (TUPLE_CHECK(seq)) {
        *n = tuple_size(seq);
        items = mem_alloc((*n ? *n : 1) * sizeof(Object *));
        for (size_t i = 0; i < *n; i++) items[i] = NEWREF(tuple_get(seq, i));
    } else {
        ListObject *src = L(seq);
        OBJ_LOCK(src);
        *n = src->size;
        items = mem_alloc((*n ? *n : 1) * sizeof(Object *));
        for (size_t i = 0; i < *n; i++) items[i] = NEWREF(src->items[i]);
        OBJ_UNLOCK(src);
    }
    DECREF(seq);
    return items;
}

/* a[lo:hi] = items (n owned references, stolen); items NULL with n 0 deletes. */
static void list_replace_range(ListObject *l, size_t lo, size_t hi, Object **items, size_t n) {
    container_lock(l);
    if (hi > l->size) hi = l->size;
    if (lo > hi) lo = hi;
    size_t removed = hi - lo;
    Object **old = NULL;
    if (removed) {
        old = mem_alloc(removed * sizeof(Object *));
        memcpy(old, l->items + lo, removed * sizeof(Object *));
    }
    size_t oldsize = l->size;
    size_t tail = oldsize - hi;
    if (n > removed) {
        list_resize_locked(l, oldsize + n - removed);
        items_move(l, lo + n, hi, tail);
    } else if (n < removed) {
        items_move(l, lo + n, hi, tail);
        list_resize_locked(l, oldsize - (removed - n));
    }
    for (size_t k = 0; k < n; k++) item_store(l, lo + k, items[k]);
    OBJ_UNLOCK(l);
    if (old) {
        drop_removed(l, old, removed);
        mem_free(old);
    }
}

static int list_ass_slice(Object *self, Object *slice, Object *value) {
    ListObject *l = L(self);
    int64_t start, stop, step, n;
    if (slice_indices(slice, list_len(self), &start, &stop, &step, &n) < 0) return -1;
    if (step == 1) {
        size_t count = 0;
        Object **items = NULL;
        if (value) {
            items = sequence_items(self, value, &count, "can only assign an iterable");
            if (!items) return -1;
        }
        if (stop < start) stop = start;
        list_replace_range(l, start, stop, items, count);
        mem_free(items);
        return 0;
    }
    if (!value) {
        /* Delete an extended slice: compact the survivors. */
        if (n <= 0) return 0;
        if (step < 0) {  /* same positions, walked forwards */
            start = start + step * (n - 1);
            step = -step;
        }
        Object **garbage = mem_alloc(n * sizeof(Object *));
        container_lock(l);
        size_t size = l->size, dst = start, g = 0;
        for (size_t i = start; i < size; i++) {
            if (g < (size_t)n && i == (size_t)start + g * (size_t)step) garbage[g++] = l->items[i];
            else item_store(l, dst++, l->items[i]);
        }
        list_resize_locked(l, dst);
        OBJ_UNLOCK(l);
        drop_removed(l, garbage, g);
        mem_free(garbage);
        return 0;
    }
    size_t count;
    Object **items = sequence_items(self, value, &count, "must assign iterable to extended slice");
    if (!items) return -1;
    if ((int64_t)count != n) {
        decref_array(items, count);
        mem_free(items);
        err_format(Exc_ValueError,
                   "attempt to assign sequence of size %zu to extended slice of size %lld",
                   count, (long long)n);
        return -1;
    }
    container_lock(l);
    int64_t last = start + step * (n - 1);
    int64_t lowest = n ? (last < start ? last : start) : 0;
    int64_t highest = n ? (last < start ? start : last) : -1;
    if (lowest < 0 || highest >= (int64_t)l->size) {
        /* The list shrank while the items were gathered (another thread). */
        OBJ_UNLOCK(l);
        decref_array(items, count);
        mem_free(items);
        err_set(Exc_RuntimeError, "list changed size during slice assignment");
        return -1;
    }
    for (int64_t k = 0, i = start; k < n; k++, i += step) {
        Object *old = l->items[i];
        item_store(l, i, items[k]);
        items[k] = old;     /* collect the old items to drop unlocked */
    }
    OBJ_UNLOCK(l);
    drop_removed(l, items, count);
    mem_free(items);
    return 0;
}

static int list_setitem(Object *self, Object *key, Object *value) {
    ListObject *l = L(self);
    if (IS_TYPE(key, SliceType)) return list_ass_slice(self, key, value);
    int64_t i;
    if (INT_CHECK(key) && int_is_small(key)) {
        i = int_small(key);
    } else {
        int r = index_from_key(key, &i);
        if (r < 0) return -1;
        if (r == 0) {
            err_format(Exc_TypeError, "list indices must be integers or slices, not %T", key);
            return -1;
        }
    }
    container_lock(l);
    if (i < 0) i += (int64_t)l->size;
    if (i < 0 || (uint64_t)i >= l->size) {
        OBJ_UNLOCK(l);
        err_set(Exc_IndexError, "list assignment index out of range");
        return -1;
    }
    Object *old = l->items[i];
    if (value) {
        item_store(l, i, NEWREF(value));
    } else {
        items_move(l, i, i + 1, l->size - i - 1);
        list_resize_locked(l, l->size - 1);
    }
    OBJ_UNLOCK(l);
    drop_removed1(l, old);
    return 0;
}

static int list_contains(Object *self, Object *item) {
    ListObject *l = L(self);
    Object *x;
    for (size_t i = 0; (x = item_or_null(l, i)); i++) {
        int r = obj_richcompare_bool(x, item, CMP_EQ);
        DECREF(x);
        if (r != 0) return r;
    }
    return 0;
}

static int list_bool(Object *self) { return list_len(self) != 0; }

static Object *list_repeat(Object *self, int64_t count) {
    ListObject *l = L(self);
    OBJ_LOCK(l);
    size_t n = l->size;
    if (n == 0 || count <= 0) { OBJ_UNLOCK(l); return list_new(0); }
    if ((uint64_t)count > (uint64_t)(INT64_MAX / 8) / n ||
        mem_check_size(n * (size_t)count, sizeof(Object *)) < 0) {
        OBJ_UNLOCK(l);
        return err_no_memory();
    }
    Object *r = list_new(n * (size_t)count);
    Object **dst = L(r)->items;
    for (int64_t c = 0; c < count; c++)
        for (size_t i = 0; i < n; i++) *dst++ = NEWREF(l->items[i]);
    OBJ_UNLOCK(l);
    return r;
}

static Object *list_inplace_repeat(Object *self, int64_t count) {
    ListObject *l = L(self);
    container_lock(l);
    size_t n = l->size;
    if (count <= 0 || n == 0) {
        OBJ_UNLOCK(l);
        list_clear(l);
        return NEWREF(self);
    }
    if ((uint64_t)count > (uint64_t)(INT64_MAX / 8) / n ||
        mem_check_size(n * (size_t)count, sizeof(Object *)) < 0) {
        OBJ_UNLOCK(l);
        return err_no_memory();
    }
    list_resize_locked(l, n * (size_t)count);
    for (int64_t c = 1; c < count; c++)
        for (size_t i = 0; i < n; i++) item_store(l, c * n + i, NEWREF(l->items[i]));
    OBJ_UNLOCK(l);
    return NEWREF(self);
}

static Object *list_binop(Object *a, Object *b, BinOp op) {
    bool inplace = op & BINOP_INPLACE;
    BinOp base = op & ~BINOP_INPLACE;
    if (base == BINOP_ADD) {
        if (!LIST_CHECK(a)) return NEWREF(OBJ_NOTIMPL);
        if (inplace) {
            if (list_extend(a, b) < 0) return NULL;
            return NEWREF(a);
        }
        if (!LIST_CHECK(b)) {
            if (TYPE(b)->flags & TPFLAG_HEAPTYPE) return NEWREF(OBJ_NOTIMPL);
            return err_format(Exc_TypeError, "can only concatenate list (not \"%T\") to list", b);
        }
        ListObject *la = L(a), *lb = L(b);
        OBJ_LOCK2(la, lb);
        size_t na = la->size, nb = lb->size;
        Object *r = list_new(na + nb);
        for (size_t i = 0; i < na; i++) L(r)->items[i] = NEWREF(la->items[i]);
        for (size_t i = 0; i < nb; i++) L(r)->items[na + i] = NEWREF(lb->items[i]);
        OBJ_UNLOCK2(la, lb);
        return r;
    }
    if (base == BINOP_MUL) {
        Object *seq = LIST_CHECK(a) ? a : b;
        Object *n = seq == a ? b : a;
        if (LIST_CHECK(n) && seq == b) return NEWREF(OBJ_NOTIMPL);
        int64_t count;
        int r = seq_repeat_count(n, &count);
        if (r <= 0) return r == 0 ? NEWREF(OBJ_NOTIMPL) : NULL;
        if (inplace && seq == a) return list_inplace_repeat(seq, count);
        return list_repeat(seq, count);
    }
    return NEWREF(OBJ_NOTIMPL);
}

/* ---- construction ---- */

static Object *list_new_(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (type == &ListType) return list_new(0);
    ListObject *l = (ListObject *)obj_new_instance(type, 0);
    return (Object *)l;
}

static int list_init(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (kwnames && tuple_size(kwnames)) {
        err_set(Exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        err_format(Exc_TypeError, "list expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    /* __init__ on an existing list starts it over. */
    ListObject *l = L(self);
    if (l->size) list_replace_range(l, 0, l->size, NULL, 0);
    if (nargs == 1) return list_extend(self, args[0]);
    return 0;
}

/* ---- methods ---- */

#define METHOD(name) static Object *name(Object *self, Object *const *args, size_t nargs, \
                                         Object *kwnames)

METHOD(list_append_m) {
    if (arg_no_kw("append", kwnames) < 0 || arg_count("append", nargs, 1, 1) < 0) return NULL;
    list_append(self, args[0]);
    RETURN_NONE;
}

METHOD(list_extend_m) {
    if (arg_no_kw("extend", kwnames) < 0 || arg_count("extend", nargs, 1, 1) < 0) return NULL;
    if (list_extend(self, args[0]) < 0) return NULL;
    RETURN_NONE;
}

METHOD(list_insert_m) {
    if (arg_no_kw("insert", kwnames) < 0 || arg_count("insert", nargs, 2, 2) < 0) return NULL;
    int64_t i;
    int r = index_from_key(args[0], &i);
    if (r == 0)
        return err_format(Exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          args[0]);
    if (r < 0) {
        /* CPython reads the index as a C ssize_t: no clamping of huge ints. */
        if (!err_matches(Exc_IndexError)) return NULL;
        err_clear();
        return err_set(Exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    ListObject *l = L(self);
    container_lock(l);
    int64_t n = (int64_t)l->size;
    if (i < 0) { i += n; if (i < 0) i = 0; }
    if (i > n) i = n;
    list_resize_locked(l, n + 1);
    items_move(l, i + 1, i, n - i);
    item_store(l, i, NEWREF(args[1]));
    OBJ_UNLOCK(l);
    RETURN_NONE;
}

METHOD(list_pop_m) {
    if (arg_no_kw("pop", kwnames) < 0 || arg_count("pop", nargs, 0, 1) < 0) return NULL;
    int64_t i = -1;
    if (nargs == 1) {
        int r = index_from_key(args[0], &i);
        if (r == 0)
            return err_format(Exc_TypeError, "'%T' object cannot be interpreted as an integer",
                              args[0]);
        if (r < 0) return NULL;
    }
    ListObject *l = L(self);
    container_lock(l);
    int64_t n = (int64_t)l->size;
    if (n == 0) {
        OBJ_UNLOCK(l);
        return err_set(Exc_IndexError, "pop from empty list");
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        OBJ_UNLOCK(l);
        return err_set(Exc_IndexError, "pop index out of range");
    }
    Object *v = l->items[i];
    items_move(l, i, i + 1, n - i - 1);
    list_resize_locked(l, n - 1);
    OBJ_UNLOCK(l);
    mark_removed(l, &v, 1);      /* handed on to the caller */
    return v;
}

/* Position of the first item == x in [lo, hi), -1 if none, -2 on error. */
static int64_t list_find(ListObject *l, Object *x, size_t lo, size_t hi) {
    Object *item;
    for (size_t i = lo; i < hi && (item = item_or_null(l, i)); i++) {
        int r = obj_richcompare_bool(item, x, CMP_EQ);
        DECREF(item);
        if (r < 0) return -2;
        if (r) return (int64_t)i;
    }
    return -1;
}

METHOD(list_remove_m) {
    if (arg_no_kw("remove", kwnames) < 0 || arg_count("remove", nargs, 1, 1) < 0) return NULL;
    ListObject *l = L(self);
    int64_t i = list_find(l, args[0], 0, SIZE_MAX);
    if (i == -2) return NULL;
    if (i == -1) return err_set(Exc_ValueError, "list.remove(x): x not in list");
    container_lock(l);
    Object *old = NULL;
    if ((size_t)i < l->size) {
        old = l->items[i];
        items_move(l, i, i + 1, l->size - i - 1);
        list_resize_locked(l, l->size - 1);
    }
    OBJ_UNLOCK(l);
    drop_removed1(l, old);
    RETURN_NONE;
}

/* Clamp an optional start/stop argument of index() like CPython. */
static int clamp_arg(Object *arg, int64_t n, int64_t *out) {
    int64_t v;
    int r = index_from_key(arg, &v);
    if (r == 0) {
        err_set(Exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    if (r < 0) {
        if (!err_matches(Exc_IndexError)) return -1;
        err_clear();
        v = int_sign(arg) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    }
    if (v < 0) { v += n; if (v < 0) v = 0; }
    *out = v;
    return 0;
}

METHOD(list_index_m) {
    if (arg_no_kw("index", kwnames) < 0 || arg_count("index", nargs, 1, 3) < 0) return NULL;
    int64_t n = list_len(self), lo = 0, hi = INT64_MAX;
    if (nargs > 1 && clamp_arg(args[1], n, &lo) < 0) return NULL;
    if (nargs > 2 && clamp_arg(args[2], n, &hi) < 0) return NULL;
    int64_t i = list_find(L(self), args[0], (size_t)lo, (size_t)hi);
    if (i == -2) return NULL;
    if (i == -1) return err_format(Exc_ValueError, "%R is not in list", args[0]);
    return int_from_i64(i);
}

METHOD(list_count_m) {
    if (arg_no_kw("count", kwnames) < 0 || arg_count("count", nargs, 1, 1) < 0) return NULL;
    ListObject *l = L(self);
    int64_t count = 0;
    Object *item;
    for (size_t i = 0; (item = item_or_null(l, i)); i++) {
        int r = obj_richcompare_bool(item, args[0], CMP_EQ);
        DECREF(item);
        if (r < 0) return NULL;
        count += r;
    }
    return int_from_i64(count);
}

/* Reverse in place, each slot stored whole (see item_store): also used on
 * a shared list's live array by list.reverse. */
static void reverse_array(Object **a, size_t n) {
    for (size_t i = 0, j = n ? n - 1 : 0; i < j; i++, j--) {
        Object *t = a[i];
        __atomic_store_n(&a[i], a[j], __ATOMIC_RELEASE);
        __atomic_store_n(&a[j], t, __ATOMIC_RELEASE);
    }
}

int list_sort(Object *self, Object *key, bool reverse) {
    ListObject *l = L(self);
    /* Empty the list while sorting, so that mutation by a key function or
     * a comparison is detected and cannot corrupt the array we sort. */
    container_lock(l);
    Object **items = l->items;
    size_t n = l->size, allocated = l->allocated;
    list_store_size(l, 0);
    __atomic_store_n(&l->items, NULL, __ATOMIC_RELEASE);
    if (list_is_shared(l) && items) {
        /* Readers may still be reading the array: sort a copy of it. */
        Object **copy = items_alloc(allocated);
        memcpy(copy, items, n * sizeof(Object *));
        list_free_array(l, items);
        items = copy;
    }
    l->allocated = 0;
    OBJ_UNLOCK(l);

    int result = 0;
    Object **keys = NULL;
    if (key && key != OBJ_NONE && n) {
        keys = mem_alloc(n * sizeof(Object *));
        for (size_t i = 0; i < n; i++) {
            keys[i] = obj_call1(key, items[i]);
            if (!keys[i]) {
                decref_array(keys, i);
                mem_free(keys);
                keys = NULL;
                result = -1;
                break;
            }
        }
    }
    if (result == 0 && n > 1) {
        /* Reversing before and after keeps equal items in their original
         * order, as python's reverse=True does. */
        if (reverse) {
            reverse_array(items, n);
            if (keys) reverse_array(keys, n);
        }
        result = listsort_sort(keys ? keys : items, keys ? items : NULL, n);
        if (reverse) {
            reverse_array(items, n);
            if (keys) reverse_array(keys, n);
        }
    }
    if (keys) {
        decref_array(keys, n);
        mem_free(keys);
    }
    container_lock(l);
    Object **intruders = l->items;
    size_t nintruders = l->size;
    bool modified = intruders != NULL || nintruders != 0;
    __atomic_store_n(&l->items, items, __ATOMIC_RELEASE);
    list_store_size(l, n);
    l->allocated = allocated;
    OBJ_UNLOCK(l);
    if (intruders) {
        drop_removed(l, intruders, nintruders);
        list_free_array(l, intruders);
    }
    if (modified && result == 0) {
        err_set(Exc_ValueError, "list modified during sort");
        return -1;
    }
    return result;
}

METHOD(list_sort_m) {
    if (nargs) return err_set(Exc_TypeError, "sort() takes no positional arguments");
    static const char *const kwlist[] = {"$key", "$reverse", NULL};
    Object *out[2] = {NULL, NULL};
    if (arg_bind("sort", args, nargs, kwnames, kwlist, 0, out) < 0) return NULL;
    int reverse = 0;
    if (out[1]) {
        reverse = obj_is_true(out[1]);
        if (reverse < 0) return NULL;
    }
    if (list_sort(self, out[0], reverse) < 0) return NULL;
    RETURN_NONE;
}

METHOD(list_reverse_m) {
    if (arg_no_kw("reverse", kwnames) < 0 || arg_count("reverse", nargs, 0, 0) < 0) return NULL;
    ListObject *l = L(self);
    container_lock(l);
    reverse_array(l->items, l->size);
    OBJ_UNLOCK(l);
    RETURN_NONE;
}

METHOD(list_copy_m) {
    if (arg_no_kw("copy", kwnames) < 0 || arg_count("copy", nargs, 0, 0) < 0) return NULL;
    return list_copy(self);
}

METHOD(list_clear_m) {
    if (arg_no_kw("clear", kwnames) < 0 || arg_count("clear", nargs, 0, 0) < 0) return NULL;
    list_clear(L(self));
    RETURN_NONE;
}

static Object *list_reversed_iter(Object *self);

METHOD(list_reversed_m) { return list_reversed_iter(self); }

METHOD(list_sizeof_m) {
    return int_from_i64((int64_t)(sizeof(ListObject) + L(self)->allocated * sizeof(Object *)));
}

static const MethodDef list_methods[] = {
    {"append", list_append_m, 0, "Append object to the end of the list."},
    {"extend", list_extend_m, 0, "Extend list by appending elements from the iterable."},
    {"insert", list_insert_m, 0, "Insert object before index."},
    {"pop", list_pop_m, 0, "Remove and return item at index (default last)."},
    {"remove", list_remove_m, 0, "Remove first occurrence of value."},
    {"index", list_index_m, 0, "Return first index of value."},
    {"count", list_count_m, 0, "Return number of occurrences of value."},
    {"sort", list_sort_m, 0, "Sort the list in ascending order and return None."},
    {"reverse", list_reverse_m, 0, "Reverse *IN PLACE*."},
    {"copy", list_copy_m, 0, "Return a shallow copy of the list."},
    {"clear", list_clear_m, 0, "Remove all items from list."},
    {"__reversed__", list_reversed_m, 0, "Return a reverse iterator over the list."},
    {"__sizeof__", list_sizeof_m, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- iterators ---- */

static Object *new_listiter(TypeObject *type, Object *list, size_t index) {
    ListIterObject *it = (ListIterObject *)obj_alloc(type, sizeof(ListIterObject));
    it->seq = (ListObject *)NEWREF(list);
    it->index = index;
    return (Object *)it;
}

static Object *list_iter(Object *self) { return new_listiter(&ListIterType, self, 0); }

static Object *list_reversed_iter(Object *self) {
    return new_listiter(&ListRevIterType, self, list_len(self));
}

/* One step of a forward or a reverse iterator: the next item, or NULL at
 * the end, where the iterator lets go of the list. Index and size are read
 * under the list's lock, since another thread may shrink it meanwhile. */
static inline Object *listiter_step(ListIterObject *it, bool forward) {
    ListObject *seq = it->seq;
    if (!seq) return NULL;
    size_t index = it->index;  /* read once: the iterator itself may be shared */
    Object *v;
    if (threads_may_contend() &&
        (forward ? list_item_unlocked(seq, index, &v)
                 : index > 0 && list_item_unlocked(seq, index - 1, &v))) {
        it->index = forward ? index + 1 : index - 1;
        return v;
    }
    OBJ_LOCK(seq);
    list_note_access_locked(seq);
    bool more = forward ? it->index < seq->size : it->index > 0 && it->index <= seq->size;
    if (more) {
        Object *v = NEWREF(seq->items[forward ? it->index++ : --it->index]);
        OBJ_UNLOCK(seq);
        return v;
    }
    OBJ_UNLOCK(seq);
    it->seq = NULL;
    DECREF(seq);
    return NULL;
}

static Object *listiter_next(Object *self) { return listiter_step((ListIterObject *)self, true); }

static Object *listreviter_next(Object *self) {
    return listiter_step((ListIterObject *)self, false);
}

static Object *iter_self(Object *self) { return NEWREF(self); }

static void listiter_dealloc(Object *self) {
    XDECREF(((ListIterObject *)self)->seq);
    obj_free(self);
}

METHOD(listiter_length_hint) {
    ListIterObject *it = (ListIterObject *)self;
    if (!it->seq) return int_from_i64(0);
    size_t n = list_len((Object *)it->seq);
    return int_from_i64(it->index < n ? (int64_t)(n - it->index) : 0);
}

METHOD(listreviter_length_hint) {
    ListIterObject *it = (ListIterObject *)self;
    if (!it->seq || it->index > list_size((Object *)it->seq)) return int_from_i64(0);
    return int_from_i64((int64_t)it->index);
}

static const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};
static const MethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject ListIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "list_iterator",
    .basicsize = sizeof(ListIterObject),
    .dealloc = listiter_dealloc,
    .iter = iter_self,
    .iternext = listiter_next,
    .methods = listiter_methods,
};

TypeObject ListRevIterType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListIterObject),
    .dealloc = listiter_dealloc,
    .iter = iter_self,
    .iternext = listreviter_next,
    .methods = listreviter_methods,
};

TypeObject ListType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "list",
    .basicsize = sizeof(ListObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_LIST_SUBCLASS,
    .doc = "Built-in mutable sequence.",
    .dealloc = list_dealloc,
    .new_ = list_new_,
    .init = list_init,
    .repr = list_repr,
    .hash = list_unhashable,
    .richcompare = list_richcompare,
    .bool_ = list_bool,
    .binop = list_binop,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .iter = list_iter,
    .methods = list_methods,
};
