/* iterobject.h — range, slice, and the builtin iterator types:
 * enumerate, zip, map, filter, reversed, and the sequence iterator used for
 * objects that only define __getitem__ (iterobject.c, range.c, slice.c). */
#ifndef GILT_ITEROBJECT_H
#define GILT_ITEROBJECT_H

#include "object.h"

extern TypeObject EnumerateType, ZipType, MapType, FilterType, ReversedType,
    SeqIterType, CallIterType;

typedef struct SliceObject {
    OBJECT_HEAD
    Object *start, *stop, *step;   /* never NULL: None when absent */
} SliceObject;

Object *slice_new(Object *start, Object *stop, Object *step);  /* borrowed, NULL = None */
/* Resolve a slice against a sequence length: 0 / -1. *slicelen = item count. */
int slice_indices(Object *slice, int64_t length, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *slicelen);
Object *range_new(int64_t start, int64_t stop, int64_t step);
Object *seqiter_new(Object *seq);             /* iterates seq[0], seq[1], ... */
Object *calliter_new(Object *callable, Object *sentinel); /* iter(f, sentinel) */

/* range objects and their iterator (range.c). The VM may step a
 * RangeIterObject inline: while remaining > 0 { v = next; next += step;
 * remaining--; }. */
typedef struct RangeObject {
    OBJECT_HEAD
    int64_t start, stop, step, length;
    /* NULL, or when any of the four does not fit int64_t (range(10**20)):
     * the tuple (start, stop, step, length) of ints, and the int64_t fields
     * are not to be read. */
    Object *big;
} RangeObject;
typedef struct RangeIterObject {
    OBJECT_HEAD
    int64_t next, step;
    uint64_t remaining;
} RangeIterObject;
extern TypeObject RangeIterType;
/* The iterator's next value, if any (its __next__ and the VM's FOR_ITER).
 * Two threads stepping one iterator at once (misuse) may see the same
 * value twice, but never run it past its end: the count is read once and
 * the stored count computed from that read, so it cannot wrap below 0. */
static inline bool range_iter_step(RangeIterObject *it, int64_t *out) {
    uint64_t remaining = __atomic_load_n(&it->remaining, __ATOMIC_RELAXED);
    if (remaining == 0) return false;
    int64_t next = __atomic_load_n(&it->next, __ATOMIC_RELAXED);
    __atomic_store_n(&it->remaining, remaining - 1, __ATOMIC_RELAXED);
    /* The last step may overflow int64 past stop: only advance if needed. */
    if (remaining > 1) __atomic_store_n(&it->next, next + it->step, __ATOMIC_RELAXED);
    *out = next;
    return true;
}
extern TypeObject LongRangeIterType;   /* over ranges beyond int64_t */

/* Turn a subscript into an index: 1 and *out set for an int or __index__
 * object, 0 if key is neither (the caller raises its own TypeError, e.g.
 * "list indices must be integers or slices, not str"), -1 on error. */
int index_from_key(Object *key, int64_t *out);
/* The count of `seq * n` (either operand order): 1 and *out set (negative
 * counts become 0), 0 when n is a user-defined type that should get its
 * chance at the operator (return NotImplemented), -1 on error ("can't
 * multiply sequence by non-int of type 'float'", OverflowError). */
int seq_repeat_count(Object *n, int64_t *out);

/* Ready the auxiliary types of the container modules (iterators, dict
 * views, ...): call once at start-up after types_init (iterobject.c). */
int container_types_init(void);

#endif
