/* annotations.h — the `__annotations__` dict of module and class bodies
 * (annotations.c), behind the SETUP_ANNOTATIONS opcode. */
#ifndef GILT_ANNOTATIONS_H
#define GILT_ANNOTATIONS_H

#include "object.h"

/* Make locals['__annotations__'] a new dict unless it is already there
 * (a REPL session keeps adding to one dict). 0, or -1 with an exception. */
int annotations_setup(Object *locals);

#endif
