/* reprguard.h — the recursion guard for repr() of containers (reprguard.c).
 *
 * repr([x]) where x contains the list itself must print '[...]' instead of
 * recursing forever. A container calls repr_enter(self) before formatting
 * its items: 0 means go ahead (and call repr_leave(self) afterwards), 1
 * means self is already being formatted further up this thread's stack
 * (print the '...' form), -1 is an error. The set of objects in progress is
 * per thread, so two threads printing the same list do not interfere.
 */
#ifndef GILT_REPRGUARD_H
#define GILT_REPRGUARD_H

#include "object.h"

int repr_enter(Object *o);
void repr_leave(Object *o);

#endif
