/* borrow.c — borrowed operands: a peephole pass over finished bytecode.
 *
 * LOAD_FAST and LOAD_CONST push a new reference and the instruction that
 * consumes the value drops it again, so `self.x` or `a + b` count each
 * operand up and down for nothing. In the GIL build that is an add and a
 * subtract; in the free-threaded build each is an ownership test as well
 * (biased reference counting, runtime/refcount.h), which made these pairs the
 * largest single cost of free threading in the eval loop.
 *
 * The pair is unnecessary when the consumer comes right after the load: the
 * frame's local (or the code object's constant) keeps the value alive while
 * the consumer runs, because only this frame's own STORE_FAST/DELETE_FAST
 * can rebind a fast local, and it is busy running the consumer. So the pass
 * rewrites the load into LOAD_FAST_BORROW / LOAD_CONST_BORROW (no INCREF)
 * and flags the consumer's operand with ARG_BORROW_TOS (the top operand was
 * borrowed) or ARG_BORROW_NOS (the one below it), and the consumer then
 * skips the DECREF. Two loads in a row feeding a two-operand consumer
 * (`a + b`, `x[0]`, `self.x = x`) are both borrowed. A CALL borrows the
 * run of loads that pushed its last arguments (`f(x, 1)`, `len(items)`),
 * up to 63 of them: the callee's frame counts the ones it keeps, and the
 * cleanup after a builtin skips them.
 *
 * What keeps this safe (vm/eval.c holds the other half):
 *  - The consumer must not be a jump target: on another path its operand
 *    might have come from somewhere else, counted. For a borrowed second
 *    operand the load in between must not be a target either.
 *  - A borrowed value is on the stack only between its load and its
 *    consumer. The exception unwinder drops whatever the stack holds, so the
 *    consumer, when it fails, clears borrowed slots first; and a
 *    LOAD_FAST_BORROW that raises UnboundLocalError on top of a borrowed
 *    value (its own operand carries ARG_BORROW_NOS) clears that slot.
 *  - Consumers that reuse a temporary operand for their result (BINARY_OP
 *    on a uniquely referenced int or float) never reuse a borrowed one: its
 *    only reference is the local's.
 *
 * The flags live in operand bits 22 and 23, so an operand that needs them
 * (2**22 names or locals) is simply left alone.
 */
#include <stdbool.h>
#include "borrow.h"
#include "scratch.h"
#include "opcodes.h"

static int borrowed_form(int op) {
    switch (op) {
    case OP_LOAD_FAST: return OP_LOAD_FAST_BORROW;
    case OP_LOAD_CONST: return OP_LOAD_CONST_BORROW;
    default: return -1;
    }
}

/* Turn the load at `pos` into its borrowed form; false if it is not a load
 * that can be borrowed. */
static bool borrow_load(uint32_t *code, size_t pos) {
    int op = (int)INSTR_OP(code[pos]);
    uint32_t arg = INSTR_ARG(code[pos]);
    int borrowed = borrowed_form(op);
    if (borrowed < 0 || (arg & ARG_BORROW_MASK)) return false;
    code[pos] = INSTR(borrowed, arg);
    return true;
}

/* A CALL (instruction number k) borrows the run of loads right before it
 * that pushed its last arguments: `f(x, 1)`, `obj.m(y)`, `len(items)`. The
 * run's first load may be a jump target (a path reaching it has pushed
 * nothing of the run yet); the loads after it and the CALL may not. Each
 * borrowed LOAD_FAST_BORROW above another borrowed value is flagged
 * ARG_BORROW_NOS: if the local is unbound, the VM finds the run's CALL and
 * clears the borrowed slots below (vm/eval.c, clear_borrowed_run). */
static void borrow_call_arguments(uint32_t *code, const size_t *starts, size_t k,
                                  const bool *is_target) {
    size_t at = starts[k];
    uint32_t nargs = INSTR_ARG(code[at]);
    if (is_target[at] || call_nborrowed(nargs) != 0) return;
    size_t run = 0;                      /* loads borrowed so far, from the CALL back */
    while (run < nargs && run < CALL_BORROW_MAX && run < k) {
        size_t load = starts[k - 1 - run];
        if (run > 0 && is_target[starts[k - run]]) break;
        if (!borrow_load(code, load)) break;
        run++;
    }
    /* `obj.m(args)` with every argument borrowed: the method's self slot,
     * right below them, can be borrowed too, from a load before the
     * LOAD_METHOD (flagged ARG_BORROW_TOS: it then leaves its owner
     * uncounted in that slot, or drops nothing when the slot stays NULL). */
    if (run == nargs && run < CALL_BORROW_MAX && k >= run + 2) {
        size_t method = starts[k - 1 - run];
        size_t after = run > 0 ? starts[k - run] : at;
        if (INSTR_OP(code[method]) == OP_LOAD_METHOD && !is_target[method] &&
            !is_target[after] && !(INSTR_ARG(code[method]) & ARG_BORROW_MASK) &&
            borrow_load(code, starts[k - 2 - run])) {
            code[method] |= INSTR(0, ARG_BORROW_TOS);
            run++;
        }
    }
    if (run == 0) return;
    /* every borrowed local load but the run's first has borrowed values below */
    for (size_t j = 0; j + 1 < run; j++) {
        size_t load = starts[k - 1 - j];
        if (INSTR_OP(code[load]) == OP_LOAD_FAST_BORROW) code[load] |= INSTR(0, ARG_BORROW_NOS);
    }
    code[at] = INSTR(OP_CALL, nargs | ((uint32_t)run << CALL_BORROW_SHIFT));
}

void borrow_operands(uint32_t *code, size_t ncode) {
    if (ncode == 0) return;
    bool *is_target = scratch_alloc_atomic(ncode * sizeof(bool));
    size_t *starts = scratch_alloc_atomic(ncode * sizeof(size_t));
    size_t ninstr = 0;
    for (size_t i = 0; i < ncode; i++) is_target[i] = false;
    for (size_t i = 0; i < ncode; i++) {
        int op = (int)INSTR_OP(code[i]);
        starts[ninstr++] = i;
        if (op >= OP_COUNT_) continue;
        if (opcode_operand_kind[op] == OPK_JUMP && INSTR_ARG(code[i]) < ncode)
            is_target[INSTR_ARG(code[i])] = true;
        i += opcode_cache_words[op];
    }
    for (size_t k = 1; k < ninstr; k++) {
        size_t at = starts[k];
        int op = (int)INSTR_OP(code[at]);
        if (op >= OP_COUNT_) continue;
        if (op == OP_CALL) {
            borrow_call_arguments(code, starts, k, is_target);
            continue;
        }
        int n = opcode_borrowable_operands(op);
        uint32_t arg = INSTR_ARG(code[at]);
        if (n == 0 || is_target[at] || (arg & ARG_BORROW_MASK)) continue;
        /* the top operand: the instruction just before */
        size_t top = starts[k - 1];
        if (!borrow_load(code, top)) continue;
        arg |= ARG_BORROW_TOS;
        /* the operand below it: the instruction before that */
        if (n == 2 && k >= 2 && !is_target[top] && borrow_load(code, starts[k - 2])) {
            arg |= ARG_BORROW_NOS;
            /* a local may be unbound: its load must then clear the slot below */
            if (INSTR_OP(code[top]) == OP_LOAD_FAST_BORROW) code[top] |= INSTR(0, ARG_BORROW_NOS);
        }
        code[at] = INSTR(op, arg);
    }
}
