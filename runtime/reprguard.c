/* reprguard.c — per-thread stack of objects whose repr is being built
 * (see reprguard.h). The stack is short (as deep as the nesting of the
 * containers being printed), so a linear scan is the fastest lookup. */
#include "reprguard.h"

static _Thread_local Object **repr_stack;
static _Thread_local size_t repr_depth, repr_capacity;

int repr_enter(Object *o) {
    for (size_t i = 0; i < repr_depth; i++)
        if (repr_stack[i] == o) return 1;
    if (repr_depth == repr_capacity) {
        size_t cap = repr_capacity ? repr_capacity * 2 : 16;
        repr_stack = mem_realloc(repr_stack, cap * sizeof *repr_stack);
        repr_capacity = cap;
    }
    repr_stack[repr_depth++] = o;
    return 0;
}

void repr_leave(Object *o) {
    /* Normally o is on top; search from the top to be robust anyway. */
    for (size_t i = repr_depth; i-- > 0;) {
        if (repr_stack[i] == o) {
            for (size_t j = i + 1; j < repr_depth; j++) repr_stack[j - 1] = repr_stack[j];
            repr_depth--;
            return;
        }
    }
}
