/* list.h — mutable sequences (list.c, listsort.c).
 *
 * Free-threaded build: mutations take the list's lock (lock.h); single-item
 * reads (subscript, iteration, `in`, `index`) take none once the list is
 * shared between threads (or by its owner), and memory such a reader may
 * still see goes back through QSBR (list.c, "Shared lists").
 * Sorting is stable (a merge sort over the items).
 */
#ifndef GILT_LIST_H
#define GILT_LIST_H

#include "object.h"
#include "lock.h"

typedef struct ListObject {
    OBJECT_HEAD
    size_t size;
    size_t allocated;
    Object **items;
} ListObject;

#define LIST_CHECK(o) (IS_TYPE(o, ListType) || HAS_FLAG(o, TPFLAG_LIST_SUBCLASS))
/* Relaxed: callers may read it without the lock while a writer stores it
 * (the same plain load on x86). */
static inline size_t list_size(Object *l) {
    return __atomic_load_n(&((ListObject *)l)->size, __ATOMIC_RELAXED);
}

Object *list_new(size_t n);                    /* n slots set to NULL; fill with list_set_init */
static inline void list_set_init(Object *l, size_t i, Object *v) { ((ListObject *)l)->items[i] = v; } /* steals */
Object *list_from_array(Object *const *items, size_t n); /* borrowed */
int list_append(Object *l, Object *v);         /* borrowed v */
int list_extend(Object *l, Object *iterable);
Object *list_get(Object *l, int64_t i);        /* new ref; IndexError (negative not wrapped) */
int list_set(Object *l, int64_t i, Object *v); /* borrowed v */
/* l[i] = v, keeping the caller's reference to v (dropped when it fails). */
int list_set_owned(Object *l, int64_t i, Object *v);
/* For changing an item in place (the eval loop's `l[i] op= v` on an int or
 * float): true when `item` is l[i] (i < 0 counts from the end), nothing
 * but the list and the caller's one reference refers to it, and no other
 * thread can read it unlocked meanwhile (free-threaded build: l is not
 * shared, and its lock is now held). The caller then changes item and calls
 * list_item_release. False: nothing is held. */
bool list_item_exclusive_threaded(Object *l, int64_t i, Object *item);
/* Whether l[i] (i < 0 counts from the end) is item (caller: lock held or
 * no other thread). */
static inline __attribute__((always_inline)) bool
list_slot_holds_(ListObject *l, int64_t i, Object *item) {
    int64_t n = (int64_t)l->size;
    if (i < 0) i += n;
    return i >= 0 && i < n && l->items[i] == item;
}
static inline __attribute__((always_inline)) bool
list_item_exclusive(Object *self, int64_t i, Object *item) {
    if (threads_may_contend()) return list_item_exclusive_threaded(self, i, item);
    return list_slot_holds_((ListObject *)self, i, item) && obj_has_two_refs(item);
}
static inline __attribute__((always_inline)) void list_item_release(Object *l) {
    if (threads_may_contend()) OBJ_UNLOCK(l);
}
Object *list_as_tuple(Object *l);
Object *list_copy(Object *l);                  /* a new list, copied under l's lock */
/* Free-threaded build: let every thread read l's items without its lock
 * from now on (list.c, "Shared lists"); called by immortalize.c at the
 * first thread start for the lists of the shared world. */
void list_share(Object *l);
/* Sort in place; key may be NULL. 0 / -1. */
int list_sort(Object *l, Object *key, bool reverse);

/* Iterators over a list (list.c). The VM may step them inline: read
 * seq->items[index] while index < seq->size (FT build: under the list lock,
 * or via iternext), then index++. seq is NULL once exhausted. */
typedef struct ListIterObject {
    OBJECT_HEAD
    ListObject *seq;
    size_t index;          /* next position (reverse iterator: position + 1) */
} ListIterObject;
extern TypeObject ListIterType, ListRevIterType;
/* Internal to list.c/listsort.c: the merge sort over parallel arrays. */
int listsort_sort(Object **keys, Object **values, size_t n);

#endif
