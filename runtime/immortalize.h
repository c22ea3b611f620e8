/* immortalize.h — making the objects every thread reads immortal when the
 * first extra thread starts (free-threaded build; immortalize.c).
 */
#ifndef GILT_IMMORTALIZE_H
#define GILT_IMMORTALIZE_H

#include "../vm/interp.h"

/* Make immortal everything reachable from sys.modules and the builtins
 * that threads share: modules, classes, functions, code and constants,
 * descriptors, and the plain data module globals hold — except the
 * private roots (the thread being started: its callable, the object that
 * callable is bound to, its arguments) and what is reachable only through
 * them. Must run while the calling thread is the only one (it writes
 * counts non-atomically). A no-op in the GIL build. */
void immortalize_shared_world(Interp *in, Object *const *private_roots, size_t nprivate);

#endif
