/* repl_complete.h — Tab completion for the REPL (repl_complete.c). */
#ifndef GILT_REPL_COMPLETE_H
#define GILT_REPL_COMPLETE_H

#include "interp.h"

/* Hook completion into GNU readline for a session whose names live in
 * `globals` (the __main__ dict, borrowed for the session's lifetime). */
void repl_complete_install(Interp *in, Object *globals);

#endif
