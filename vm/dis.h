/* dis.h — the disassembler (dis.c), generated from the opcode table. */
#ifndef GILT_DIS_H
#define GILT_DIS_H

#include <stdio.h>
#include "object.h"

/* Print the bytecode of a code object and, recursively, of the code objects
 * among its constants. */
void dis_code(Object *code, FILE *out);
/* The C module `dis` (dis.dis(x)). */
Object *dis_module_init(void);

#endif
