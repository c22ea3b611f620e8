/* match.h — the runtime side of the match statement (match.c), called by
 * the MATCH_* opcodes of vm/eval.c.
 *
 * Each function follows the usual convention: a new reference (or a C
 * value >= 0) on success, NULL / -1 with an exception set on failure.
 * "No match" is not a failure: the object functions return None for it.
 */
#ifndef GILT_MATCH_H
#define GILT_MATCH_H

#include "object.h"

/* Does a sequence pattern apply to o? (list, tuple, range and their
 * subclasses; never str, bytes or bytearray.) */
bool match_is_sequence(Object *o);
/* Does a mapping pattern apply to o? (dict and its subclasses.) */
bool match_is_mapping(Object *o);
/* The values of `keys` (a tuple) in `subject`, as a tuple, or None when a
 * key is missing. Lookups use subject.get(key, <marker>) as CPython does, so
 * a defaultdict's __missing__ never runs. ValueError on a repeated key. */
Object *match_keys(Object *subject, Object *keys);
/* The class pattern cls(p1..p_npos, k1=.., kn=..) against subject: a tuple
 * of the npos positional attributes (from cls.__match_args__, or subject
 * itself for int/str/list/... with one sub-pattern) followed by the
 * attributes named in `kwnames` (a tuple of str), or None when subject is
 * not an instance of cls or lacks an attribute. TypeError for a cls that is
 * not a class, a bad __match_args__, too many positional sub-patterns or an
 * attribute given twice. */
Object *match_class(Object *subject, Object *cls, Object *kwnames, unsigned npos);

#endif
