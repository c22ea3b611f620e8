/* borrow.h — the borrowed-operand pass over finished bytecode (borrow.c). */
#ifndef GILT_BORROW_H
#define GILT_BORROW_H

#include <stddef.h>
#include <stdint.h>

/* Rewrite, in place, each LOAD_FAST / LOAD_CONST whose value is consumed by
 * the very next instruction into its _BORROW form, and flag that consumer's
 * operand (ARG_BORROW_TOS / ARG_BORROW_NOS, vm/opcodes.h). `code` holds
 * resolved jump targets (absolute word offsets) and cache words. */
void borrow_operands(uint32_t *code, size_t ncode);

#endif
