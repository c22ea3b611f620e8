/* opcodes.h — every instruction of gilt's stack VM, declared once.
 *
 * An instruction is one 32-bit word: opcode in the low 8 bits, operand
 * (`arg`, unsigned) in the high 24. Instructions marked with cache 1 are
 * followed by one more word: the index of their inline-cache entry in the
 * code object's cache array (codegen numbers them 0, 1, 2, ...). Jump
 * operands are absolute word offsets into the code.
 *
 * The list below is expanded (X-macro) into the opcode enum, the name table,
 * the operand-kind and stack-effect tables, the disassembler and the
 * computed-goto table; nothing else spells an opcode name.
 *
 * Stack notation: [a, b] -> [c] means b is on top before, c after.
 * "Block" means an entry of the frame's block stack: {handler, level}; when
 * an exception is raised inside a block, the VM pops the value stack down to
 * `level`, pushes the exception instance and jumps to `handler`.
 *
 * X(name, operand kind, cache words, stack effect (an expression in arg and
 *   jump: jump is 1 when computing the effect on the branch), meaning)
 */
#ifndef GILT_OPCODES_H
#define GILT_OPCODES_H

#define OPCODE_LIST(X)                                                          \
  X(NOP,              NONE,  0, 0,            "do nothing")                     \
  X(POP_TOP,          NONE,  0, -1,           "[v] -> []")                      \
  X(DUP_TOP,          NONE,  0, 1,            "[v] -> [v, v]")                  \
  X(DUP_TOP_TWO,      NONE,  0, 2,            "[a, b] -> [a, b, a, b]")         \
  X(ROT_TWO,          NONE,  0, 0,            "[a, b] -> [b, a]")               \
  X(ROT_THREE,        NONE,  0, 0,            "[a, b, c] -> [c, a, b]")         \
  X(ROT_FOUR,         NONE,  0, 0,            "[a, b, c, d] -> [d, a, b, c]")   \
  X(PUSH_NULL,        NONE,  0, 1,            "push NULL (the self slot of a plain call)") \
  X(LOAD_CONST,       CONST, 0, 1,            "push consts[arg]")               \
  X(LOAD_FAST,        LOCAL, 0, 1,            "push local arg; UnboundLocalError if unset") \
  X(LOAD_FAST_BORROW, LOCAL, 0, 1,            "push local arg without a new reference, for the next instruction (compiler/borrow.c); arg & ARG_BORROW_NOS: the value below is borrowed too") \
  X(LOAD_CONST_BORROW, CONST, 0, 1,           "push consts[arg] without a new reference, for the next instruction (compiler/borrow.c)") \
  X(STORE_FAST,       LOCAL, 0, -1,           "[v] -> [], local arg = v")       \
  X(DELETE_FAST,      LOCAL, 0, 0,            "unset local arg (UnboundLocalError if unset)") \
  X(LOAD_DEREF,       DEREF, 0, 1,            "push contents of cell arg (cells then free vars); NameError/UnboundLocalError if empty") \
  X(STORE_DEREF,      DEREF, 0, -1,           "[v] -> [], cell arg contents = v") \
  X(DELETE_DEREF,     DEREF, 0, 0,            "empty cell arg")                 \
  X(LOAD_CLOSURE,     DEREF, 0, 1,            "push the cell object arg itself (for MAKE_FUNCTION)") \
  X(LOAD_CLASSDEREF,  DEREF, 0, 1,            "class body: push locals[name of cell arg] if present, else the cell's contents") \
  X(LOAD_GLOBAL,      NAME,  1, 1,            "push globals[names[arg]] or builtins[...]; NameError") \
  X(STORE_GLOBAL,     NAME,  0, -1,           "[v] -> [], globals[names[arg]] = v") \
  X(DELETE_GLOBAL,    NAME,  0, 0,            "del globals[names[arg]]")        \
  X(LOAD_NAME,        NAME,  0, 1,            "push locals/globals/builtins[names[arg]] (module and class bodies)") \
  X(STORE_NAME,       NAME,  0, -1,           "[v] -> [], locals[names[arg]] = v") \
  X(DELETE_NAME,      NAME,  0, 0,            "del locals[names[arg]]")         \
  X(LOAD_ATTR,        NAME,  1, 0,            "[o] -> [o.names[arg]]")          \
  X(STORE_ATTR,       NAME,  1, -2,           "[v, o] -> [], o.names[arg] = v") \
  X(DELETE_ATTR,      NAME,  0, -1,           "[o] -> [], del o.names[arg]")    \
  X(LOAD_METHOD,      NAME,  1, 1,            "[o] -> [func, o] if o.names[arg] is a plain method, else [o.names[arg], NULL]") \
  X(BINARY_SUBSCR,    NONE,  0, -1,           "[o, k] -> [o[k]]")               \
  X(STORE_SUBSCR,     NONE,  0, -3,           "[v, o, k] -> [], o[k] = v")      \
  X(DELETE_SUBSCR,    NONE,  0, -2,           "[o, k] -> [], del o[k]")         \
  X(BUILD_SLICE,      COUNT, 0, 1 - (arg),    "[start, stop(, step)] -> [slice]; arg is 2 or 3") \
  X(BINARY_OP,        BINOP, 0, -1,           "[a, b] -> [a op b]; arg is a BinOp (in-place forms included)") \
  X(UNARY_NEGATIVE,   NONE,  0, 0,            "[v] -> [-v]")                    \
  X(UNARY_POSITIVE,   NONE,  0, 0,            "[v] -> [+v]")                    \
  X(UNARY_INVERT,     NONE,  0, 0,            "[v] -> [~v]")                    \
  X(UNARY_NOT,        NONE,  0, 0,            "[v] -> [not v]")                 \
  X(COMPARE_OP,       CMP,   0, -1,           "[a, b] -> [a cmp b]; arg is a CompareOp") \
  X(IS_OP,            COUNT, 0, -1,           "[a, b] -> [a is b] (arg 1: is not)") \
  X(CONTAINS_OP,      COUNT, 0, -1,           "[a, b] -> [a in b] (arg 1: not in)") \
  X(JUMP,             JUMP,  0, 0,            "jump forward to arg")            \
  X(JUMP_BACKWARD,    JUMP,  0, 0,            "jump back to arg; a safe point (eval breaker checked)") \
  X(POP_JUMP_IF_FALSE, JUMP, 0, -1,           "[v] -> [], jump to arg if not v") \
  X(POP_JUMP_IF_TRUE, JUMP,  0, -1,           "[v] -> [], jump to arg if v")    \
  X(JUMP_IF_FALSE_OR_POP, JUMP, 0, (jump) ? 0 : -1, "jump to arg keeping v if not v, else pop v") \
  X(JUMP_IF_TRUE_OR_POP, JUMP, 0, (jump) ? 0 : -1, "jump to arg keeping v if v, else pop v") \
  X(GET_ITER,         NONE,  0, 0,            "[o] -> [iter(o)]")               \
  X(FOR_ITER,         JUMP,  0, (jump) ? -1 : 1, "[it] -> [it, next(it)]; when exhausted pop it and jump to arg") \
  X(BUILD_TUPLE,      COUNT, 0, 1 - (arg),    "[a1..an] -> [(a1, .., an)]")     \
  X(BUILD_LIST,       COUNT, 0, 1 - (arg),    "[a1..an] -> [[a1, .., an]]")     \
  X(BUILD_SET,        COUNT, 0, 1 - (arg),    "[a1..an] -> [{a1, .., an}]")     \
  X(BUILD_MAP,        COUNT, 0, 1 - 2 * (arg), "[k1, v1 .. kn, vn] -> [{k1: v1, ..}]") \
  X(BUILD_STRING,     COUNT, 0, 1 - (arg),    "[s1..sn] -> [s1 + .. + sn] (f-strings)") \
  X(LIST_APPEND,      COUNT, 0, -1,           "[.. l (arg-1 below v) .., v] -> [.., l, ..]; l.append(v) (comprehensions: arg is the distance from TOS, 1 = just below)") \
  X(SET_ADD,          COUNT, 0, -1,           "like LIST_APPEND for a set")     \
  X(MAP_ADD,          COUNT, 0, -2,           "[.. d .., k, v] -> [.. d ..]; d[k] = v (arg as LIST_APPEND, counted from k)") \
  X(LIST_EXTEND,      COUNT, 0, -1,           "[.. l .., it] -> [.. l ..]; l.extend(it)") \
  X(SET_UPDATE,       COUNT, 0, -1,           "[.. s .., it] -> [.. s ..]; s.update(it)") \
  X(DICT_UPDATE,      COUNT, 0, -1,           "[.. d .., m] -> [.. d ..]; d.update(m) ({**m} displays)") \
  X(DICT_MERGE,       COUNT, 0, -1,           "like DICT_UPDATE, but TypeError on a repeated key (f(**m))") \
  X(LIST_TO_TUPLE,    NONE,  0, 0,            "[l] -> [tuple(l)]")              \
  X(UNPACK_SEQUENCE,  COUNT, 0, (arg) - 1,    "[seq] -> [x_n .. x_1] (x_1 on top); ValueError on wrong length") \
  X(UNPACK_EX,        COUNT, 0, ((arg) & 0xff) + ((arg) >> 8), "[seq] -> [after.., list, before..] for a, *b, c = seq; arg = before | after << 8") \
  X(FORMAT_VALUE,     FLAGS, 0, ((arg) & 4) ? -1 : 0, "[v(, spec)] -> [format(conv(v), spec)]; arg & 3: 0 none, 1 str, 2 repr, 3 ascii; arg & 4: spec on stack") \
  X(CALL,             COUNT, 0, -1 - (int)call_nargs(arg), "[f, self_or_NULL, a1..an] -> [result]; self_or_NULL non-NULL means call f(self, a1..an); the last call_nborrowed(arg) args may be borrowed") \
  X(CALL_KW,          COUNT, 0, -2 - (arg),   "[f, self_or_NULL, a1..an, kwnames] -> [result]; the last len(kwnames) of the n args are keyword values") \
  X(CALL_EX,          FLAGS, 0, -2 - ((arg) & 1), "[f, self_or_NULL, args_tuple(, kwargs_dict)] -> [result]; arg & 1: kwargs present") \
  X(MAKE_FUNCTION,    FLAGS, 0, -((arg) & 1) - (((arg) >> 1) & 1) - (((arg) >> 2) & 1), \
                      "[(defaults tuple if arg&1), (kwdefaults dict if arg&2), (closure tuple of cells if arg&4), code] -> [function]") \
  X(RETURN_VALUE,     NONE,  0, -1,           "[v] -> return v to the caller") \
  X(RETURN_LOCAL,     LOCAL, 0, 0,            "return local arg to the caller, moving the frame's reference (`return x`); UnboundLocalError if unset") \
  X(LOAD_BUILD_CLASS, NONE,  0, 1,            "push builtins.__build_class__") \
  X(SETUP_FINALLY,    JUMP,  0, 0,            "push a block {handler arg, level = current stack depth}") \
  X(POP_BLOCK,        NONE,  0, 0,            "pop the top block")              \
  X(PUSH_EXC_INFO,    JUMP,  0, 1,            "[exc] -> [prev_handled, exc]; handled exception = exc; push block {handler arg, level = depth of prev_handled's slot + 1}") \
  X(POP_EXCEPT,       NONE,  0, -1,           "[prev_handled] -> []; handled exception = prev_handled") \
  X(POP_EXCEPT_AND_RERAISE, NONE, 0, -2,      "[prev_handled, exc] -> raise exc again after handled exception = prev_handled") \
  X(CHECK_EXC_MATCH,  NONE,  0, 0,            "[exc, type] -> [exc, isinstance(exc, type)] (type may be a tuple)") \
  X(RERAISE,          NONE,  0, -1,           "[exc] -> raise exc again, keeping its traceback") \
  X(RAISE_VARARGS,    COUNT, 0, -(arg),       "arg 0: re-raise the handled exception; 1: [exc] raise exc; 2: [exc, cause] raise exc from cause") \
  X(LOAD_ASSERTION_ERROR, NONE, 0, 1,         "push AssertionError")            \
  X(BEFORE_WITH,      NONE,  0, 1,            "[mgr] -> [mgr.__exit__ (bound), mgr.__enter__()]") \
  X(CALL_EXIT_NONE,   NONE,  0, -1,           "[exit] -> []; exit(None, None, None), result discarded") \
  X(WITH_EXCEPT_START, NONE, 0, 1,            "[exit, prev_handled, exc] -> [exit, prev_handled, exc, exit(type(exc), exc, exc.__traceback__)]") \
  X(YIELD_VALUE,      NONE,  0, 0,            "[v] -> [sent]: suspend the frame yielding v; on resume push the sent value") \
  X(GET_YIELD_FROM_ITER, NONE, 0, 0,          "[o] -> [iter(o)] (a coroutine stays itself inside a coroutine)") \
  X(YIELD_FROM,       NONE,  0, -1,           "[it, v] -> [result]: send v into it; if it yields y, suspend yielding y and run YIELD_FROM again on resume with the sent value; when it returns r, push r") \
  X(GET_AWAITABLE,    NONE,  0, 0,            "[o] -> [awaitable iterator of o] (coroutine, or o.__await__())") \
  X(GET_AITER,        NONE,  0, 0,            "[o] -> [o.__aiter__()]")         \
  X(GET_ANEXT,        NONE,  0, 1,            "[ait] -> [ait, awaitable of ait.__anext__()]") \
  X(END_ASYNC_FOR,    NONE,  0, -2,           "[ait, exc] -> []: if exc is StopAsyncIteration, swallow it, else re-raise exc") \
  X(BEFORE_ASYNC_WITH, NONE, 0, 1,            "[mgr] -> [mgr.__aexit__ (bound), mgr.__aenter__()]") \
  X(CALL_AEXIT_NONE,  NONE,  0, 0,            "[aexit] -> [aexit(None, None, None)] (an awaitable, then GET_AWAITABLE)") \
  X(IMPORT_NAME,      NAME,  0, -1,           "[level, fromlist] -> [__import__(names[arg], globals, None, fromlist, level)]") \
  X(IMPORT_FROM,      NAME,  0, 1,            "[m] -> [m, m.names[arg]] (ImportError if absent)") \
  X(IMPORT_STAR,      NONE,  0, -1,           "[m] -> []; copy m's public names into locals") \
  X(PRINT_EXPR,       NONE,  0, -1,           "[v] -> []; REPL echo: sys.displayhook(v)") \
  X(EXTENDED_ARG,     COUNT, 0, 0,            "reserved (operands above 2**24 are a compile error)") \
  X(COPY,             COUNT, 0, 1,            "[.. v (arg-1 items above it)] -> [.. v .., v]: push the arg-th item (1 = top) again") \
  X(GET_LEN,          NONE,  0, 1,            "[o] -> [o, len(o)]")             \
  X(MATCH_SEQUENCE,   NONE,  0, 1,            "[s] -> [s, bool]: may a sequence pattern match s? (list, tuple, range; not str/bytes)") \
  X(MATCH_MAPPING,    NONE,  0, 1,            "[s] -> [s, bool]: may a mapping pattern match s? (dict)") \
  X(MATCH_KEYS,       NONE,  0, 1,            "[s, keys] -> [s, keys, values tuple, or None if a key is missing]") \
  X(MATCH_CLASS,      COUNT, 0, -2,           "[s, cls, kwnames] -> [attributes tuple, or None]: class pattern with arg positional sub-patterns (vm/match.c)") \
  X(SETUP_ANNOTATIONS, NONE, 0, 0,            "locals['__annotations__'] = {} unless present (module/class bodies with annotations; vm/annotations.c)")

/* Operand kinds, for the disassembler. */
enum {
    OPK_NONE, OPK_CONST, OPK_LOCAL, OPK_DEREF, OPK_NAME, OPK_JUMP, OPK_COUNT,
    OPK_BINOP, OPK_CMP, OPK_FLAGS,
};

typedef enum {
#define X(name, kind, cache, effect, doc) OP_##name,
    OPCODE_LIST(X)
#undef X
    OP_COUNT_
} Opcode;

#define INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_OP(w) ((w) & 0xffu)
#define INSTR_ARG(w) ((w) >> 8)
#define INSTR_ARG_MAX 0xffffffu

/* Borrowed operands (compiler/borrow.c). A LOAD_FAST_BORROW or
 * LOAD_CONST_BORROW pushes a value without counting it, and the instruction
 * right after it, which consumes the value, has a flag in its operand saying
 * not to drop it: ARG_BORROW_TOS for the top of the stack, ARG_BORROW_NOS
 * for the one below. Only LOAD_ATTR, STORE_ATTR, BINARY_OP, COMPARE_OP,
 * BINARY_SUBSCR and STORE_SUBSCR take the flags, and LOAD_METHOD when the
 * CALL it feeds borrows its self slot (CALL has its own form, below); they
 * mask them off their operand, never drop a borrowed operand, and leave
 * no borrowed value on the stack when they fail. */
#define ARG_BORROW_TOS (1u << 23)
#define ARG_BORROW_NOS (1u << 22)
#define ARG_BORROW_MASK (ARG_BORROW_TOS | ARG_BORROW_NOS)

/* BINARY_OP's operand: the operator (a BinOp, in-place forms included),
 * and BINOP_STORES_BACK when the compiler saw `x op= y` with x a fast
 * local: the left operand was loaded from x and the next instruction is
 * x's STORE_FAST, so a result may be written into the operand in place
 * (vm/eval.c, result_stores_back). */
#define BINOP_STORES_BACK (1u << 8)
/* BINOP_SUBSCR_STORES_BACK: the compiler saw `x[k] op= y` with x and k
 * reloadable: the next three instructions load x and k again and
 * STORE_SUBSCR the result, so for a list item only the list and the stack
 * refer to, the result may be written into the item in place
 * (vm/eval.c, subscr_result_stores_back). */
#define BINOP_SUBSCR_STORES_BACK (1u << 9)
#define BINOP_OPERATOR_MASK 31u   /* the BinOp, in-place flag included */
#define BINOP_PLAIN_MASK 15u      /* the BinOp without its in-place flag */

/* CALL takes its borrowed operands differently: its arguments are loaded
 * by a run of loads right before it, and it is told how many of the topmost
 * stack slots that run borrowed (with `obj.m(...)`, the self slot that a
 * LOAD_METHOD flagged ARG_BORROW_TOS filled from a borrowed owner counts as
 * one of them). Its operand holds the argument count in bits 0-15 and the
 * borrowed count in bits 16-21, so the eval loop decodes both with a mask
 * and a shift; the compiler refuses a call with more arguments. */
#define CALL_NARGS_MAX 0xffffu
#define CALL_BORROW_SHIFT 16
#define CALL_BORROW_MAX 63u
static inline uint32_t call_nargs(uint32_t arg) { return arg & CALL_NARGS_MAX; }
static inline uint32_t call_nborrowed(uint32_t arg) {
    return (arg >> CALL_BORROW_SHIFT) & CALL_BORROW_MAX;
}

/* How many operands (from the top) an instruction accepts borrowed: 0, 1
 * or 2. Those above 0 carry the ARG_BORROW_* flags in their operand. */
static inline int opcode_borrowable_operands(int op) {
    switch (op) {
    case OP_LOAD_ATTR:
        return 1;
    case OP_STORE_ATTR:
    case OP_BINARY_OP:
    case OP_COMPARE_OP:
    case OP_BINARY_SUBSCR:
    case OP_STORE_SUBSCR:
        return 2;
    default:
        return 0;
    }
}

/* The operand without its borrow flags (for the disassembler). */
static inline uint32_t instr_plain_arg(int op, uint32_t arg) {
    if (op == OP_CALL) return call_nargs(arg);
    if (op == OP_BINARY_OP) return arg & BINOP_OPERATOR_MASK;
    if (op == OP_LOAD_METHOD) return arg & ~ARG_BORROW_MASK;
    if (opcode_borrowable_operands(op) > 0 || op == OP_LOAD_FAST_BORROW)
        return arg & ~ARG_BORROW_MASK;
    return arg;
}

/* Tables generated from OPCODE_LIST (vm/opcodes.c). */
extern const char *const opcode_names[];
extern const unsigned char opcode_operand_kind[];
extern const unsigned char opcode_cache_words[];
extern const char *const opcode_docs[];
/* Stack effect of one instruction; `jump` selects the branch-taken effect. */
int opcode_stack_effect(int op, unsigned arg, int jump);

#endif
