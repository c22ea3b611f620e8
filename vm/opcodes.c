/* opcodes.c — the tables generated from OPCODE_LIST (opcodes.h). */
#include <stdint.h>
#include "opcodes.h"

const char *const opcode_names[] = {
#define X(name, kind, cache, effect, doc) #name,
    OPCODE_LIST(X)
#undef X
};

const unsigned char opcode_operand_kind[] = {
#define X(name, kind, cache, effect, doc) OPK_##kind,
    OPCODE_LIST(X)
#undef X
};

const unsigned char opcode_cache_words[] = {
#define X(name, kind, cache, effect, doc) cache,
    OPCODE_LIST(X)
#undef X
};

const char *const opcode_docs[] = {
#define X(name, kind, cache, effect, doc) doc,
    OPCODE_LIST(X)
#undef X
};

int opcode_stack_effect(int op, unsigned arg, int jump) {
    (void)arg; (void)jump;
    switch (op) {
#define X(name, kind, cache, effect, doc) case OP_##name: return (effect);
    OPCODE_LIST(X)
#undef X
    }
    return 0;
}
