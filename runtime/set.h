/* set.h — set and frozenset (set.c), with CPython's table layout and
 * probing so iteration order matches python3 for ints. */
#ifndef GILT_SET_H
#define GILT_SET_H

#include "object.h"

#define SET_CHECK(o) (IS_INSTANCE(o, SetType) || IS_INSTANCE(o, FrozenSetType))
Object *set_new(Object *iterable);        /* iterable may be NULL */
Object *frozenset_new(Object *iterable);
int set_add(Object *s, Object *key);
int set_discard(Object *s, Object *key);  /* 1 removed, 0 absent */
int set_contains(Object *s, Object *key);
int64_t set_size(Object *s);
/* Iterate: borrowed keys; false when done. */
bool set_next(Object *s, size_t *pos, Object **key, int64_t *hash);
/* list(o) for an exact set or frozenset: 1 and *out a new list copied under
 * the set's lock (an atomic snapshot under concurrent mutation); 0 if o is
 * neither; -1 on error. */
int set_snapshot_list(Object *o, Object **out);
/* Let every thread test membership without the lock (free-threaded
 * build; see set.c, "Shared sets"): for the first thread start's walk. */
void set_share(Object *s);
extern TypeObject SetIterType;

#endif
