/* repl.h — the interactive loop (repl.c). */
#ifndef GILT_REPL_H
#define GILT_REPL_H

#include "interp.h"

/* Run the REPL on the __main__ module until EOF or exit(); returns the exit
 * status. `inspect` is set for `gilt -i script.py` (the script already ran). */
int repl_main(Interp *in, int inspect);

#endif
