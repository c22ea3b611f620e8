/* codegen.c — the code generator: AST + symbol tables -> CodeObjects.
 *
 * One CodeUnit per function / class body / lambda / comprehension / module
 * collects instruction words (with the source line and column of each),
 * constants, names and local slots. Jumps name labels; labels are resolved
 * when the unit is finished. `break`, `continue` and `return` unwind the
 * enclosing constructs inline, guided by a stack of FBlocks (what the
 * statement is nested in: loops, try bodies, handlers, finally bodies,
 * with bodies), as CPython's compiler does.
 *
 * Runtime objects made here (constants, names, code objects) are recorded
 * in one list and released when compilation ends: code_new takes its own
 * references, so nothing leaks on success or on error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "codegen.h"
#include "borrow.h"
#include "scratch.h"
#include "gilt.h"
#include "opcodes.h"
#include "code.h"

#define CODEGEN_MAX_DEPTH 2000
#define MAX_FBLOCKS 40

typedef enum {
    FB_WHILE, FB_FOR, FB_ASYNC_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
    FB_HANDLER, FB_WITH, FB_ASYNC_WITH,
    FB_POP_VALUE,            /* a return value under a finally body run inline */
} FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    int continue_label, exit_label;
    NodeList *finalbody;     /* FB_FINALLY_TRY                              */
    const char *name;        /* FB_HANDLER: the `as` name                   */
} FBlock;

typedef struct CodeUnit {
    struct CodeUnit *parent;
    Scope *scope;
    bool optimized;          /* function-like: locals in slots              */
    bool is_class;
    uint32_t *code;
    int32_t *lines;
    uint16_t *cols;
    int ncode, codecap;
    Object **consts;
    int nconsts, constcap;
    StrMap const_index;      /* dedupe key -> const index                   */
    StrMap names, varnames, cellvars, freevars;
    int *labels;
    int nlabels, labelcap;
    int *fixups;             /* word positions whose arg is a label number  */
    int nfixups, fixupcap;
    int ncaches;
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
    int line, col;
    int firstlineno;
    Object *docstring;
} CodeUnit;

typedef struct Compiler {
    CodeUnit *u;
    const char *filename;
    Object *filename_obj;
    CompileMode mode;
    SyntaxErrorInfo *err;
    jmp_buf on_error;
    const char *(*line_text)(void *, int);
    void *line_ctx;
    Object **owned;          /* objects to release at the end               */
    int nowned, ownedcap;
    int depth;
    bool runtime_error;      /* an exception is already set                 */
} Compiler;

/* ---- errors and object ownership ------------------------------------------ */

static _Noreturn void cg_error(Compiler *c, int line, int col0, const char *fmt, ...) {
    SyntaxErrorInfo *e = c->err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->failed = true;
    e->line = line;
    e->col = col0 + 1;
    e->text = c->line_text ? c->line_text(c->line_ctx, line) : NULL;
    longjmp(c->on_error, 1);
}

/* Errors about a node are underlined over the node's extent. */
static void cg_error_end(Compiler *c, Node *n) {
    if (n->end_line > 0) {
        c->err->end_line = n->end_line;
        c->err->end_col = n->end_col + 1;
    }
}
#define CG_ERROR_AT(c, n, ...) (cg_error_end((c), (n)), cg_error((c), (n)->line, (n)->col, __VA_ARGS__))

static _Noreturn void cg_runtime_error(Compiler *c) {
    c->runtime_error = true;
    longjmp(c->on_error, 1);
}

static Object *own(Compiler *c, Object *o) {
    if (!o) cg_runtime_error(c);
    SCRATCH_GROW(c->owned, c->nowned, c->ownedcap, c->nowned);
    c->owned[c->nowned++] = o;
    return o;
}

static Object *interned(Compiler *c, const char *s) {
    Object *o = str_from_utf8(s, strlen(s));
    if (!o) cg_runtime_error(c);
    str_intern(&o);
    return own(c, o);
}

/* ---- emission ---------------------------------------------------------------- */

static void emit_word(Compiler *c, uint32_t w) {
    CodeUnit *u = c->u;
    if (u->ncode >= u->codecap) {
        int nc = u->codecap ? u->codecap * 2 : 64;
        uint32_t *code = scratch_alloc_atomic(nc * sizeof(uint32_t));
        int32_t *lines = scratch_alloc_atomic(nc * sizeof(int32_t));
        uint16_t *cols = scratch_alloc_atomic(nc * sizeof(uint16_t));
        if (u->ncode) {
            memcpy(code, u->code, u->ncode * sizeof(uint32_t));
            memcpy(lines, u->lines, u->ncode * sizeof(int32_t));
            memcpy(cols, u->cols, u->ncode * sizeof(uint16_t));
        }
        u->code = code; u->lines = lines; u->cols = cols;
        u->codecap = nc;
    }
    u->code[u->ncode] = w;
    u->lines[u->ncode] = u->line;
    u->cols[u->ncode] = (uint16_t)(u->col + 1 > 65535 ? 0 : u->col + 1);
    u->ncode++;
}

static void emit(Compiler *c, int op, unsigned arg) {
    if (arg > INSTR_ARG_MAX) cg_error(c, c->u->line, c->u->col, "too many constants or names in one code object");
    emit_word(c, INSTR(op, arg));
    if (opcode_cache_words[op]) emit_word(c, (uint32_t)c->u->ncaches++);
}

static void emit0(Compiler *c, int op) { emit(c, op, 0); }

static int new_label(Compiler *c) {
    CodeUnit *u = c->u;
    SCRATCH_GROW(u->labels, u->nlabels, u->labelcap, u->nlabels);
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void bind_label(Compiler *c, int label) { c->u->labels[label] = c->u->ncode; }

/* A jump to `label`; a plain JUMP to an already bound (earlier) label
 * becomes JUMP_BACKWARD, the VM's safe point. */
static void emit_jump(Compiler *c, int op, int label) {
    CodeUnit *u = c->u;
    if (op == OP_JUMP && u->labels[label] >= 0 && u->labels[label] <= u->ncode) op = OP_JUMP_BACKWARD;
    SCRATCH_GROW(u->fixups, u->nfixups, u->fixupcap, u->nfixups);
    u->fixups[u->nfixups++] = u->ncode;
    emit_word(c, INSTR(op, (unsigned)label));
}

/* ---- constants ------------------------------------------------------------------- */

static int add_const_keyed(Compiler *c, const char *key, Object *o) {
    CodeUnit *u = c->u;
    if (key) {
        int k = strmap_get(&u->const_index, key, -1);
        if (k >= 0) return k;
    }
    SCRATCH_GROW(u->consts, u->nconsts, u->constcap, u->nconsts);
    u->consts[u->nconsts] = o;
    if (key) strmap_put(&u->const_index, key, u->nconsts);
    return u->nconsts++;
}

static bool is_identifier_like(const char *s, size_t n) {
    if (n == 0 || n > 40) return false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || (ch >= '0' && ch <= '9')))
            return false;
    }
    return true;
}

/* The dedupe key of a constant, or NULL when it should not be shared. */
static char *const_key(const AstConst *k) {
    char buf[64];
    switch (k->kind) {
    case CONST_NONE: return "N";
    case CONST_TRUE: return "T";
    case CONST_FALSE: return "F";
    case CONST_ELLIPSIS: return "E";
    case CONST_INT:
        if (k->big) {
            char *s = scratch_alloc_atomic(strlen(k->text) + 3);
            sprintf(s, "I:%s", k->text);
            return s;
        }
        snprintf(buf, sizeof buf, "i:%lld", (long long)k->i);
        return scratch_strndup(buf, strlen(buf));
    case CONST_FLOAT: {
        uint64_t bits;
        memcpy(&bits, &k->f, sizeof bits);
        snprintf(buf, sizeof buf, "f:%llx", (unsigned long long)bits);
        return scratch_strndup(buf, strlen(buf));
    }
    case CONST_STR: case CONST_BYTES: {
        if (memchr(k->text, 0, k->len)) return NULL;
        char *s = scratch_alloc_atomic(k->len + 3);
        s[0] = k->kind == CONST_STR ? 's' : 'b';
        s[1] = ':';
        memcpy(s + 2, k->text, k->len);
        return s;
    }
    }
    return NULL;
}

static Object *const_object(Compiler *c, const AstConst *k) {
    Object *o = NULL;
    switch (k->kind) {
    case CONST_NONE: return OBJ_NONE;
    case CONST_TRUE: return OBJ_TRUE;
    case CONST_FALSE: return OBJ_FALSE;
    case CONST_ELLIPSIS: return OBJ_ELLIPSIS;
    case CONST_INT:
        o = k->big ? int_from_string(k->text, strlen(k->text), 0) : int_from_i64(k->i);
        break;
    case CONST_FLOAT: o = float_from_double(k->f); break;
    case CONST_STR:
        o = str_from_utf8(k->text, k->len);
        if (o && is_identifier_like(k->text, k->len)) str_intern(&o);
        break;
    case CONST_BYTES: o = bytes_from(k->text, k->len); break;
    }
    return own(c, o);
}

static int add_const(Compiler *c, const AstConst *k) {
    char *key = const_key(k);
    if (key) {
        int idx = strmap_get(&c->u->const_index, key, -1);
        if (idx >= 0) return idx;
    }
    return add_const_keyed(c, key, const_object(c, k));
}

static int add_const_none(Compiler *c) {
    AstConst k = { .kind = CONST_NONE };
    return add_const(c, &k);
}

static int add_const_str(Compiler *c, const char *s) {
    AstConst k = { .kind = CONST_STR, .text = s, .len = strlen(s) };
    return add_const(c, &k);
}

static int add_const_int(Compiler *c, int64_t v) {
    AstConst k = { .kind = CONST_INT, .i = v };
    return add_const(c, &k);
}

/* A tuple constant of interned strings (kwnames, import fromlists). */
static int add_const_name_tuple(Compiler *c, const char **names, int n) {
    size_t len = 2;
    for (int i = 0; i < n; i++) len += strlen(names[i]) + 1;
    char *key = scratch_alloc_atomic(len + 1);
    strcpy(key, "t:");
    for (int i = 0; i < n; i++) { strcat(key, names[i]); strcat(key, ","); }
    int idx = strmap_get(&c->u->const_index, key, -1);
    if (idx >= 0) return idx;
    Object *t = own(c, tuple_new(n));
    for (int i = 0; i < n; i++) tuple_items(t)[i] = NEWREF(interned(c, names[i]));
    return add_const_keyed(c, key, t);
}

static void load_const_index(Compiler *c, int idx) { emit(c, OP_LOAD_CONST, idx); }

static const char *mangle(Compiler *c, const char *name);
static int name_index(Compiler *c, const char *name) { return strmap_intern(&c->u->names, name); }
/* An attribute name, mangled inside classes. */
static int attr_index(Compiler *c, const char *name) { return name_index(c, mangle(c, name)); }

/* ---- units -------------------------------------------------------------------------- */

static void enter_unit(Compiler *c, Scope *scope, int firstline) {
    CodeUnit *u = scratch_alloc(sizeof *u);
    u->parent = c->u;
    u->scope = scope;
    u->optimized = scope && scope->kind == SCOPE_FUNCTION;
    u->is_class = scope && scope->kind == SCOPE_CLASS;
    u->line = firstline;
    u->firstlineno = firstline;
    c->u = u;
    if (!scope) return;
    /* cells: names resolved CELL (+ __class__ for classes that need it);
     * free: names resolved FREE, and class-bound names free in methods */
    for (int k = 0; k < scope->resolved.n; k++) {
        const char *name = scope->resolved.keys[k];
        int where = scope->resolved.values[k];
        if (where == SYM_CELL) strmap_intern(&u->cellvars, name);
    }
    if (scope->needs_class_closure) strmap_intern(&u->cellvars, "__class__");
    for (int k = 0; k < scope->resolved.n; k++) {
        const char *name = scope->resolved.keys[k];
        int where = scope->resolved.values[k];
        int flags = strmap_get(&scope->symbols, name, 0);
        if (where == SYM_FREE || (u->is_class && (flags & DEF_FREE_CLASS)))
            strmap_intern(&u->freevars, name);
    }
}

static void leave_unit(Compiler *c) { c->u = c->u->parent; }

/* Index of a cell or free variable in the frame's cells array. */
static int deref_index(Compiler *c, CodeUnit *u, const char *name) {
    int k = strmap_get(&u->cellvars, name, -1);
    if (k >= 0) return k;
    k = strmap_get(&u->freevars, name, -1);
    if (k >= 0) return u->cellvars.n + k;
    cg_error(c, u->line, u->col, "internal compiler error: no cell for '%s'", name);
}

/* ---- stack depth and block depth -------------------------------------------------- */

static bool is_terminator(int op) {
    return op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_RETURN_VALUE ||
           op == OP_RETURN_LOCAL || op == OP_RERAISE ||
           op == OP_RAISE_VARARGS || op == OP_POP_EXCEPT_AND_RERAISE;
}

typedef struct FlowItem { int pc, depth, blocks; } FlowItem;

static void compute_depths(Compiler *c, CodeUnit *u, uint32_t *stacksize, uint32_t *maxblocks) {
    int n = u->ncode;
    int *seen = scratch_alloc_atomic((n + 1) * sizeof(int));
    for (int i = 0; i <= n; i++) seen[i] = -1;
    FlowItem *work = NULL;
    int nwork = 0, workcap = 0;
    int maxdepth = 0, maxb = 0;
    SCRATCH_GROW(work, nwork, workcap, nwork);
    work[nwork++] = (FlowItem){ 0, 0, 0 };
#define PUSH_WORK(PC, D, B)                                              \
    do {                                                                  \
        SCRATCH_GROW(work, nwork, workcap, nwork);                        \
        work[nwork++] = (FlowItem){ (PC), (D), (B) };                     \
    } while (0)
    while (nwork > 0) {
        FlowItem it = work[--nwork];
        int pc = it.pc, d = it.depth, b = it.blocks;
        while (pc < n) {
            if (seen[pc] >= 0) break;
            seen[pc] = d;
            if (d > maxdepth) maxdepth = d;
            if (b > maxb) maxb = b;
            uint32_t w = u->code[pc];
            int op = INSTR_OP(w);
            unsigned arg = INSTR_ARG(w);
            int size = 1 + opcode_cache_words[op];
            if (op == OP_SETUP_FINALLY) {
                PUSH_WORK((int)arg, d + 1, b);
                b++;
            } else if (op == OP_PUSH_EXC_INFO) {
                PUSH_WORK((int)arg, d + 1, b);
                d += 1;
                b++;
            } else if (op == OP_POP_BLOCK) {
                b--;
            } else if (opcode_operand_kind[op] == OPK_JUMP) {
                PUSH_WORK((int)arg, d + opcode_stack_effect(op, arg, 1), b);
                if (op == OP_JUMP || op == OP_JUMP_BACKWARD) break;
                d += opcode_stack_effect(op, arg, 0);
            } else {
                d += opcode_stack_effect(op, arg, 0);
            }
            if (d > maxdepth) maxdepth = d;
            if (is_terminator(op)) break;
            pc += size;
        }
    }
#undef PUSH_WORK
    (void)c;
    *stacksize = (uint32_t)maxdepth;
    *maxblocks = (uint32_t)maxb;
}

static Object *str_tuple_from_map(Compiler *c, StrMap *m) {
    Object *t = own(c, tuple_new(m->n));
    for (int i = 0; i < m->n; i++) tuple_items(t)[i] = NEWREF(interned(c, m->keys[i]));
    return t;
}

/* Finish the current unit into a CodeObject (owned by the compiler). */
static Object *finish_unit(Compiler *c, const char *name, const char *qualname, uint32_t flags,
                           int argcount, int posonly, int kwonly) {
    CodeUnit *u = c->u;
    for (int i = 0; i < u->nfixups; i++) {
        int pos = u->fixups[i];
        uint32_t w = u->code[pos];
        int target = u->labels[INSTR_ARG(w)];
        if (target < 0) cg_error(c, u->line, 0, "internal compiler error: unbound label");
        u->code[pos] = INSTR(INSTR_OP(w), (unsigned)target);
    }
    borrow_operands(u->code, (size_t)u->ncode);
    CodeSpec spec;
    memset(&spec, 0, sizeof spec);
    spec.code = u->code;
    spec.ncode = u->ncode;
    spec.lines = u->lines;
    spec.cols = u->cols;
    Object *consts = own(c, tuple_new(u->nconsts));
    for (int i = 0; i < u->nconsts; i++) tuple_items(consts)[i] = NEWREF(u->consts[i]);
    spec.consts = consts;
    spec.names = str_tuple_from_map(c, &u->names);
    spec.varnames = str_tuple_from_map(c, &u->varnames);
    spec.cellvars = str_tuple_from_map(c, &u->cellvars);
    spec.freevars = str_tuple_from_map(c, &u->freevars);
    int32_t *cell2arg = NULL;
    if (u->cellvars.n) {
        bool any = false;
        cell2arg = scratch_alloc_atomic(u->cellvars.n * sizeof(int32_t));
        int nargs = argcount + kwonly + ((flags & CO_VARARGS) ? 1 : 0) + ((flags & CO_VARKEYWORDS) ? 1 : 0);
        for (int i = 0; i < u->cellvars.n; i++) {
            int k = strmap_get(&u->varnames, u->cellvars.keys[i], -1);
            cell2arg[i] = (k >= 0 && k < nargs) ? k : -1;
            if (cell2arg[i] >= 0) any = true;
        }
        if (!any) cell2arg = NULL;
    }
    spec.cell2arg = cell2arg;
    spec.argcount = argcount;
    spec.posonlyargcount = posonly;
    spec.kwonlyargcount = kwonly;
    compute_depths(c, u, &spec.stacksize, &spec.maxblocks);
    spec.flags = flags;
    spec.ncaches = u->ncaches;
    spec.name = interned(c, name);
    spec.qualname = own(c, str_from_utf8(qualname, strlen(qualname)));
    spec.filename = c->filename_obj;
    spec.docstring = u->docstring;
    spec.firstlineno = u->firstlineno;
    return own(c, code_new(&spec));
}

/* ---- names ------------------------------------------------------------------------ */

typedef enum { NAME_LOAD, NAME_STORE, NAME_DEL } NameAction;

static const char *mangle(Compiler *c, const char *name) {
    return c->u->scope ? symtable_mangle(c->u->scope->private_name, name) : name;
}

static void compile_name(Compiler *c, const char *name, NameAction act) {
    CodeUnit *u = c->u;
    name = mangle(c, name);
    SymScope where = u->scope ? symtable_lookup(u->scope, name) : SYM_GLOBAL_IMPLICIT;
    static const int fast_ops[] = { OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST };
    static const int deref_ops[] = { OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF };
    static const int global_ops[] = { OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL };
    static const int name_ops[] = { OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME };
    switch (where) {
    case SYM_FREE:
        if (u->is_class && act == NAME_LOAD) {
            emit(c, OP_LOAD_CLASSDEREF, deref_index(c, u, name));
            return;
        }
        if (u->is_class && strmap_has(&u->freevars, name) && act != NAME_LOAD &&
            (strmap_get(&u->scope->symbols, name, 0) & DEF_FREE_CLASS)) {
            emit(c, name_ops[act], name_index(c, name));
            return;
        }
        emit(c, deref_ops[act], deref_index(c, u, name));
        return;
    case SYM_CELL:
        emit(c, deref_ops[act], deref_index(c, u, name));
        return;
    case SYM_LOCAL:
        if (u->optimized) {
            emit(c, fast_ops[act], strmap_intern(&u->varnames, name));
            return;
        }
        emit(c, name_ops[act], name_index(c, name));
        return;
    case SYM_GLOBAL_EXPLICIT:
        emit(c, global_ops[act], name_index(c, name));
        return;
    default:
        emit(c, u->optimized ? global_ops[act] : name_ops[act], name_index(c, name));
        return;
    }
}

/* ---- expressions ------------------------------------------------------------------------ */

static void visit_expr(Compiler *c, Node *e);
static void visit_stmts(Compiler *c, NodeList *l);
static void compile_store(Compiler *c, Node *target);

static void set_location(Compiler *c, Node *n) {
    c->u->line = n->line;
    c->u->col = n->col;
}

static bool is_const(Node *e) { return e->kind == N_Constant; }

/* gilt has no complex type: an imaginary literal compiles to a call of
 * `complex(0.0, imag)`, which fails at run time unless a `complex` is
 * defined, while code that never evaluates it still compiles and runs. */
static void compile_imaginary(Compiler *c, const AstConst *k) {
    compile_name(c, "complex", NAME_LOAD);
    emit0(c, OP_PUSH_NULL);
    AstConst zero = { .kind = CONST_FLOAT, .f = 0.0 };
    AstConst imag = { .kind = CONST_FLOAT, .f = k->f };
    load_const_index(c, add_const(c, &zero));
    load_const_index(c, add_const(c, &imag));
    emit(c, OP_CALL, 2);
}

static bool const_is_true(const AstConst *k) {
    switch (k->kind) {
    case CONST_NONE: case CONST_FALSE: return false;
    case CONST_TRUE: case CONST_ELLIPSIS: return true;
    case CONST_INT: return k->big || k->i != 0;
    case CONST_FLOAT: return k->f != 0.0;
    case CONST_STR: case CONST_BYTES: return k->len != 0;
    }
    return true;
}

/* Is e a constant, or a tuple built only of constants (foldable)? */
static bool is_constant_tree(Node *e) {
    if (e->kind == N_Constant) return !e->v.constant.value.imaginary;
    if (e->kind == N_Tuple && e->v.seq.ctx == CTX_LOAD) {
        for (int i = 0; i < e->v.seq.elts.n; i++)
            if (!is_constant_tree(e->v.seq.elts.items[i])) return false;
        return true;
    }
    return false;
}

static Object *constant_tree_object(Compiler *c, Node *e) {
    if (e->kind == N_Constant) return const_object(c, &e->v.constant.value);
    int n = e->v.seq.elts.n;
    Object *t = own(c, tuple_new(n));
    for (int i = 0; i < n; i++) tuple_items(t)[i] = NEWREF(constant_tree_object(c, e->v.seq.elts.items[i]));
    return t;
}

static void load_constant_tree(Compiler *c, Node *e) {
    if (e->kind == N_Constant) {
        load_const_index(c, add_const(c, &e->v.constant.value));
        return;
    }
    load_const_index(c, add_const_keyed(c, NULL, constant_tree_object(c, e)));
}

static void compile_jump_if(Compiler *c, Node *e, bool cond, int label);

static void compile_compare_op(Compiler *c, CmpOpKind op) {
    switch (op) {
    case CMPOP_EQ: emit(c, OP_COMPARE_OP, CMP_EQ); break;
    case CMPOP_NE: emit(c, OP_COMPARE_OP, CMP_NE); break;
    case CMPOP_LT: emit(c, OP_COMPARE_OP, CMP_LT); break;
    case CMPOP_LE: emit(c, OP_COMPARE_OP, CMP_LE); break;
    case CMPOP_GT: emit(c, OP_COMPARE_OP, CMP_GT); break;
    case CMPOP_GE: emit(c, OP_COMPARE_OP, CMP_GE); break;
    case CMPOP_IS: emit(c, OP_IS_OP, 0); break;
    case CMPOP_IS_NOT: emit(c, OP_IS_OP, 1); break;
    case CMPOP_IN: emit(c, OP_CONTAINS_OP, 0); break;
    case CMPOP_NOT_IN: emit(c, OP_CONTAINS_OP, 1); break;
    }
}

static void compile_compare(Compiler *c, Node *e) {
    visit_expr(c, e->v.compare.left);
    int n = e->v.compare.nops;
    if (n == 1) {
        visit_expr(c, e->v.compare.comparators.items[0]);
        set_location(c, e);
        compile_compare_op(c, e->v.compare.ops[0]);
        return;
    }
    /* a < b < c: b is evaluated once; stop at the first false result */
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < n - 1; i++) {
        visit_expr(c, e->v.compare.comparators.items[i]);
        set_location(c, e);
        emit0(c, OP_DUP_TOP);
        emit0(c, OP_ROT_THREE);
        compile_compare_op(c, e->v.compare.ops[i]);
        emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    visit_expr(c, e->v.compare.comparators.items[n - 1]);
    set_location(c, e);
    compile_compare_op(c, e->v.compare.ops[n - 1]);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, cleanup);
    emit0(c, OP_ROT_TWO);
    emit0(c, OP_POP_TOP);
    bind_label(c, end);
}

/* Jump to label when the truth of e equals cond; fall through otherwise. */
static void compile_jump_if(Compiler *c, Node *e, bool cond, int label) {
    switch (e->kind) {
    case N_UnaryOp:
        if (e->v.unaryop.op == UNARY_NOT) {
            compile_jump_if(c, e->v.unaryop.operand, !cond, label);
            return;
        }
        break;
    case N_BoolOp: {
        bool is_and = e->v.boolop.op == BOOL_AND;
        NodeList *vals = &e->v.boolop.values;
        if (is_and != cond) {
            /* (and, jump if false) or (or, jump if true): any value decides */
            for (int i = 0; i < vals->n; i++) compile_jump_if(c, vals->items[i], cond, label);
        } else {
            int skip = new_label(c);
            for (int i = 0; i < vals->n - 1; i++) compile_jump_if(c, vals->items[i], !cond, skip);
            compile_jump_if(c, vals->items[vals->n - 1], cond, label);
            bind_label(c, skip);
        }
        return;
    }
    case N_Constant:
        if (const_is_true(&e->v.constant.value) == cond) emit_jump(c, OP_JUMP, label);
        return;
    default:
        break;
    }
    visit_expr(c, e);
    emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

static bool has_starred(NodeList *l) {
    for (int i = 0; i < l->n; i++)
        if (l->items[i]->kind == N_Starred) return true;
    return false;
}

/* Push a sequence display: list (kind 0), tuple (1) or set (2). */
static void compile_sequence(Compiler *c, NodeList *elts, int kind) {
    int build = kind == 2 ? OP_BUILD_SET : OP_BUILD_LIST;
    if (!has_starred(elts)) {
        if (kind == 0 && elts->n >= 3) {
            bool all_const = true;
            for (int i = 0; i < elts->n && all_const; i++) all_const = is_constant_tree(elts->items[i]) && is_const(elts->items[i]);
            if (all_const) {
                /* [1, 2, 3] -> BUILD_LIST 0; LOAD_CONST (1, 2, 3); LIST_EXTEND */
                Object *t = own(c, tuple_new(elts->n));
                for (int i = 0; i < elts->n; i++)
                    tuple_items(t)[i] = NEWREF(const_object(c, &elts->items[i]->v.constant.value));
                emit(c, OP_BUILD_LIST, 0);
                load_const_index(c, add_const_keyed(c, NULL, t));
                emit(c, OP_LIST_EXTEND, 1);
                return;
            }
        }
        for (int i = 0; i < elts->n; i++) visit_expr(c, elts->items[i]);
        emit(c, kind == 1 ? OP_BUILD_TUPLE : build, elts->n);
        return;
    }
    int lead = 0;
    while (lead < elts->n && elts->items[lead]->kind != N_Starred) visit_expr(c, elts->items[lead++]);
    emit(c, build, lead);
    for (int i = lead; i < elts->n; i++) {
        Node *x = elts->items[i];
        if (x->kind == N_Starred) {
            visit_expr(c, x->v.starred.value);
            emit(c, kind == 2 ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            visit_expr(c, x);
            emit(c, kind == 2 ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (kind == 1) emit0(c, OP_LIST_TO_TUPLE);
}

static void compile_dict(Compiler *c, Node *e) {
    NodeList *keys = &e->v.dict.keys, *vals = &e->v.dict.values;
    int i = 0, pending = 0;
    bool built = false;
    for (; i < keys->n; i++) {
        if (!keys->items[i]) {
            if (!built) { emit(c, OP_BUILD_MAP, pending); built = true; }
            else if (pending) { emit(c, OP_BUILD_MAP, pending); emit(c, OP_DICT_UPDATE, 1); }
            pending = 0;
            visit_expr(c, vals->items[i]);
            emit(c, OP_DICT_UPDATE, 1);
            continue;
        }
        visit_expr(c, keys->items[i]);
        visit_expr(c, vals->items[i]);
        pending++;
    }
    if (!built) emit(c, OP_BUILD_MAP, pending);
    else if (pending) { emit(c, OP_BUILD_MAP, pending); emit(c, OP_DICT_UPDATE, 1); }
}

/* Arguments of a call whose first `pushed` positional values are already on
 * the stack above [callable, self_or_NULL]. */
static void compile_call_args(Compiler *c, Node *at, int pushed, NodeList *args, NodeList *keywords) {
    bool dynamic = has_starred(args);
    for (int i = 0; i < keywords->n; i++)
        if (!keywords->items[i]->v.keyword.arg) dynamic = true;
    if (!dynamic) {
        for (int i = 0; i < args->n; i++) visit_expr(c, args->items[i]);
        set_location(c, at);
        if (keywords->n) {
            const char **names = scratch_alloc(keywords->n * sizeof(char *));
            for (int i = 0; i < keywords->n; i++) {
                visit_expr(c, keywords->items[i]->v.keyword.value);
                names[i] = keywords->items[i]->v.keyword.arg;
            }
            set_location(c, at);
            load_const_index(c, add_const_name_tuple(c, names, keywords->n));
            emit(c, OP_CALL_KW, pushed + args->n + keywords->n);
        } else {
            if ((unsigned)(pushed + args->n) > CALL_NARGS_MAX)
                cg_error(c, c->u->line, c->u->col,
                         "too many arguments in one call (gilt allows at most 65535)");
            emit(c, OP_CALL, pushed + args->n);
        }
        return;
    }
    /* f(*a, **k): positional args into a tuple, keywords into a dict */
    int lead = 0;
    while (lead < args->n && args->items[lead]->kind != N_Starred) visit_expr(c, args->items[lead++]);
    emit(c, OP_BUILD_LIST, pushed + lead);
    for (int i = lead; i < args->n; i++) {
        Node *x = args->items[i];
        if (x->kind == N_Starred) {
            visit_expr(c, x->v.starred.value);
            emit(c, OP_LIST_EXTEND, 1);
        } else {
            visit_expr(c, x);
            emit(c, OP_LIST_APPEND, 1);
        }
    }
    emit0(c, OP_LIST_TO_TUPLE);
    if (keywords->n) {
        emit(c, OP_BUILD_MAP, 0);
        for (int i = 0; i < keywords->n; i++) {
            Node *k = keywords->items[i];
            if (k->v.keyword.arg) {
                load_const_index(c, add_const_str(c, k->v.keyword.arg));
                visit_expr(c, k->v.keyword.value);
                emit(c, OP_BUILD_MAP, 1);
            } else {
                visit_expr(c, k->v.keyword.value);
            }
            emit(c, OP_DICT_MERGE, 1);
        }
        set_location(c, at);
        emit(c, OP_CALL_EX, 1);
    } else {
        set_location(c, at);
        emit(c, OP_CALL_EX, 0);
    }
}

static void compile_call(Compiler *c, Node *e) {
    Node *f = e->v.call.func;
    if (f->kind == N_Attribute) {
        visit_expr(c, f->v.attribute.value);
        c->u->line = f->end_line;
        emit(c, OP_LOAD_METHOD, attr_index(c, f->v.attribute.attr));
    } else {
        visit_expr(c, f);
        emit0(c, OP_PUSH_NULL);
    }
    compile_call_args(c, e, 0, &e->v.call.args, &e->v.call.keywords);
}

static void compile_slice_part(Compiler *c, Node *x) {
    if (x) visit_expr(c, x);
    else load_const_index(c, add_const_none(c));
}

static void compile_subscript_key(Compiler *c, Node *s) {
    if (s->kind == N_Slice) {
        compile_slice_part(c, s->v.slice.lower);
        compile_slice_part(c, s->v.slice.upper);
        if (s->v.slice.step) {
            visit_expr(c, s->v.slice.step);
            emit(c, OP_BUILD_SLICE, 3);
        } else {
            emit(c, OP_BUILD_SLICE, 2);
        }
        return;
    }
    visit_expr(c, s);
}

/* What is done to an attribute or subscript `t`: read, assign or delete. */
typedef enum { ACCESS_LOAD, ACCESS_STORE, ACCESS_DELETE } Access;

/* Push t's object (and for a subscript its key), then the op for `how`;
 * a store takes the value from below them. */
static void compile_item_access(Compiler *c, Node *t, Access how) {
    static const uint8_t attr_ops[] = { OP_LOAD_ATTR, OP_STORE_ATTR, OP_DELETE_ATTR };
    static const uint8_t subscr_ops[] = { OP_BINARY_SUBSCR, OP_STORE_SUBSCR, OP_DELETE_SUBSCR };
    if (t->kind == N_Attribute) {
        visit_expr(c, t->v.attribute.value);
        set_location(c, t);
        emit(c, attr_ops[how], attr_index(c, t->v.attribute.attr));
    } else {
        visit_expr(c, t->v.subscript.value);
        compile_subscript_key(c, t->v.subscript.slice);
        set_location(c, t);
        emit0(c, subscr_ops[how]);
    }
}

static void compile_formatted(Compiler *c, Node *e) {
    visit_expr(c, e->v.formatted.value);
    int flags = 0;
    switch (e->v.formatted.conversion) {
    case 's': flags = 1; break;
    case 'r': flags = 2; break;
    case 'a': flags = 3; break;
    default: break;
    }
    if (e->v.formatted.format_spec) {
        visit_expr(c, e->v.formatted.format_spec);
        flags |= 4;
    }
    emit(c, OP_FORMAT_VALUE, flags);
}

static void compile_joinedstr(Compiler *c, Node *e) {
    NodeList *vals = &e->v.joinedstr.values;
    if (vals->n == 0) {
        load_const_index(c, add_const_str(c, ""));
        return;
    }
    for (int i = 0; i < vals->n; i++) visit_expr(c, vals->items[i]);
    if (vals->n > 1) emit(c, OP_BUILD_STRING, vals->n);
    else if (vals->items[0]->kind == N_FormattedValue) { /* already a str */ }
}

/* Build a function object for scope s from the current unit: defaults,
 * kwdefaults, closure, code; leaves the function on the stack. */
static void make_closure(Compiler *c, Object *code, Node *args, CodeUnit *child_unit_cells) {
    int flags = 0;
    if (args && args->v.arguments.defaults.n) {
        NodeList *d = &args->v.arguments.defaults;
        bool all_const = true;
        for (int i = 0; i < d->n; i++) all_const = all_const && is_constant_tree(d->items[i]);
        if (all_const) {
            Object *t = own(c, tuple_new(d->n));
            for (int i = 0; i < d->n; i++) tuple_items(t)[i] = NEWREF(constant_tree_object(c, d->items[i]));
            load_const_index(c, add_const_keyed(c, NULL, t));
        } else {
            for (int i = 0; i < d->n; i++) visit_expr(c, d->items[i]);
            emit(c, OP_BUILD_TUPLE, d->n);
        }
        flags |= 1;
    }
    if (args) {
        int n = 0;
        for (int i = 0; i < args->v.arguments.kwonlyargs.n; i++) {
            Node *def = args->v.arguments.kw_defaults.items[i];
            if (!def) continue;
            load_const_index(c, add_const_str(c, mangle(c, args->v.arguments.kwonlyargs.items[i]->v.arg.arg)));
            visit_expr(c, def);
            n++;
        }
        if (n) {
            emit(c, OP_BUILD_MAP, n);
            flags |= 2;
        }
    }
    StrMap *frees = &child_unit_cells->freevars;
    if (frees->n) {
        for (int i = 0; i < frees->n; i++) emit(c, OP_LOAD_CLOSURE, deref_index(c, c->u, frees->keys[i]));
        emit(c, OP_BUILD_TUPLE, frees->n);
        flags |= 4;
    }
    load_const_index(c, add_const_keyed(c, NULL, code));
    emit(c, OP_MAKE_FUNCTION, flags);
}

static uint32_t function_flags(Scope *s, Node *args, CodeUnit *parent) {
    uint32_t flags = CO_OPTIMIZED | CO_NEWLOCALS;
    if (args && args->v.arguments.vararg) flags |= CO_VARARGS;
    if (args && args->v.arguments.kwarg) flags |= CO_VARKEYWORDS;
    if (parent && parent->scope && parent->scope->kind == SCOPE_FUNCTION) flags |= CO_NESTED;
    if (s->is_coroutine && s->is_generator) flags |= CO_ASYNC_GENERATOR;
    else if (s->is_coroutine) flags |= CO_COROUTINE;
    else if (s->is_generator) flags |= CO_GENERATOR;
    return flags;
}

/* Register the parameters as the first local slots, in frame order. */
static void add_params(Compiler *c, Node *args, int *argcount, int *posonly, int *kwonly) {
    CodeUnit *u = c->u;
    *posonly = args->v.arguments.posonlyargs.n;
    *argcount = *posonly + args->v.arguments.args.n;
    *kwonly = args->v.arguments.kwonlyargs.n;
    for (int i = 0; i < args->v.arguments.posonlyargs.n; i++)
        strmap_intern(&u->varnames, mangle(c, args->v.arguments.posonlyargs.items[i]->v.arg.arg));
    for (int i = 0; i < args->v.arguments.args.n; i++)
        strmap_intern(&u->varnames, mangle(c, args->v.arguments.args.items[i]->v.arg.arg));
    for (int i = 0; i < args->v.arguments.kwonlyargs.n; i++)
        strmap_intern(&u->varnames, mangle(c, args->v.arguments.kwonlyargs.items[i]->v.arg.arg));
    if (args->v.arguments.vararg) strmap_intern(&u->varnames, mangle(c, args->v.arguments.vararg->v.arg.arg));
    if (args->v.arguments.kwarg) strmap_intern(&u->varnames, mangle(c, args->v.arguments.kwarg->v.arg.arg));
}

static void compile_lambda(Compiler *c, Node *e) {
    Scope *s = e->v.lambda.scope;
    CodeUnit *parent = c->u;
    enter_unit(c, s, e->line);
    int argcount, posonly, kwonly;
    add_params(c, e->v.lambda.args, &argcount, &posonly, &kwonly);
    set_location(c, e->v.lambda.body);
    visit_expr(c, e->v.lambda.body);
    if (s->is_generator) {
        emit0(c, OP_POP_TOP);
        load_const_index(c, add_const_none(c));
    }
    emit0(c, OP_RETURN_VALUE);
    CodeUnit *child = c->u;
    Object *code = finish_unit(c, "<lambda>", s->qualname, function_flags(s, e->v.lambda.args, parent),
                               argcount, posonly, kwonly);
    leave_unit(c);
    set_location(c, e);
    make_closure(c, code, e->v.lambda.args, child);
}

static void comprehension_generator(Compiler *c, Node *e, int gen_index, int depth);

static void compile_comprehension(Compiler *c, Node *e) {
    Scope *s = e->v.comp.scope;
    CodeUnit *parent = c->u;
    Node *first = e->v.comp.generators.items[0];
    enter_unit(c, s, e->line);
    strmap_intern(&c->u->varnames, ".0");
    set_location(c, e);
    bool is_genexp = e->kind == N_GeneratorExp;
    if (e->kind == N_ListComp) emit(c, OP_BUILD_LIST, 0);
    else if (e->kind == N_SetComp) emit(c, OP_BUILD_SET, 0);
    else if (e->kind == N_DictComp) emit(c, OP_BUILD_MAP, 0);
    comprehension_generator(c, e, 0, is_genexp ? 0 : 1);
    if (is_genexp) load_const_index(c, add_const_none(c));
    emit0(c, OP_RETURN_VALUE);
    CodeUnit *child = c->u;
    uint32_t flags = function_flags(s, NULL, parent);
    Object *code = finish_unit(c, s->name, s->qualname, flags, 1, 0, 0);
    leave_unit(c);
    set_location(c, e);
    make_closure(c, code, NULL, child);
    emit0(c, OP_PUSH_NULL);
    visit_expr(c, first->v.comprehension.iter);
    set_location(c, e);
    emit0(c, first->v.comprehension.is_async ? OP_GET_AITER : OP_GET_ITER);
    emit(c, OP_CALL, 1);
    if (s->is_coroutine && !is_genexp) {
        emit0(c, OP_GET_AWAITABLE);
        load_const_index(c, add_const_none(c));
        emit0(c, OP_YIELD_FROM);
    }
}

/* One `for` clause of a comprehension; `depth` counts the values below
 * the element on the stack down to the result (list/set/dict). */
static void comprehension_generator(Compiler *c, Node *e, int gen_index, int depth) {
    NodeList *gens = &e->v.comp.generators;
    Node *g = gens->items[gen_index];
    int start = new_label(c), end = new_label(c), except = -1;
    if (gen_index == 0) {
        emit(c, OP_LOAD_FAST, strmap_intern(&c->u->varnames, ".0"));
    } else {
        visit_expr(c, g->v.comprehension.iter);
        emit0(c, g->v.comprehension.is_async ? OP_GET_AITER : OP_GET_ITER);
    }
    bind_label(c, start);
    if (g->v.comprehension.is_async) {
        except = new_label(c);
        emit_jump(c, OP_SETUP_FINALLY, except);
        emit0(c, OP_GET_ANEXT);
        load_const_index(c, add_const_none(c));
        emit0(c, OP_YIELD_FROM);
        emit0(c, OP_POP_BLOCK);
    } else {
        emit_jump(c, OP_FOR_ITER, end);
    }
    compile_store(c, g->v.comprehension.target);
    for (int i = 0; i < g->v.comprehension.ifs.n; i++)
        compile_jump_if(c, g->v.comprehension.ifs.items[i], false, start);
    if (gen_index + 1 < gens->n) {
        comprehension_generator(c, e, gen_index + 1, depth + 1);
    } else {
        switch (e->kind) {
        case N_ListComp:
            visit_expr(c, e->v.comp.elt);
            emit(c, OP_LIST_APPEND, depth + 1);
            break;
        case N_SetComp:
            visit_expr(c, e->v.comp.elt);
            emit(c, OP_SET_ADD, depth + 1);
            break;
        case N_DictComp:
            visit_expr(c, e->v.comp.elt);
            visit_expr(c, e->v.comp.value);
            emit(c, OP_MAP_ADD, depth + 1);
            break;
        default:
            visit_expr(c, e->v.comp.elt);
            emit0(c, OP_YIELD_VALUE);
            emit0(c, OP_POP_TOP);
            break;
        }
    }
    emit_jump(c, OP_JUMP, start);
    if (g->v.comprehension.is_async) {
        bind_label(c, except);
        emit0(c, OP_END_ASYNC_FOR);
    }
    bind_label(c, end);
}

static void fold_negative(Compiler *c, Node *e) {
    AstConst k = e->v.unaryop.operand->v.constant.value;
    if (k.kind == CONST_FLOAT) k.f = -k.f;
    else if (k.big) {
        char *t = scratch_alloc_atomic(strlen(k.text) + 2);
        t[0] = '-';
        strcpy(t + 1, k.text);
        k.text = t;
    } else {
        k.i = -k.i;
    }
    load_const_index(c, add_const(c, &k));
}

static void visit_expr(Compiler *c, Node *e) {
    if (++c->depth > CODEGEN_MAX_DEPTH) {
        c->err->is_recursion = true;
        CG_ERROR_AT(c, e, "maximum recursion depth exceeded during compilation");
    }
    int saved_line = c->u->line, saved_col = c->u->col;
    set_location(c, e);
    switch (e->kind) {
    case N_Constant:
        if (e->v.constant.value.imaginary) compile_imaginary(c, &e->v.constant.value);
        else load_const_index(c, add_const(c, &e->v.constant.value));
        break;
    case N_Name: compile_name(c, e->v.name.id, NAME_LOAD); break;
    case N_BoolOp: {
        int end = new_label(c);
        NodeList *vals = &e->v.boolop.values;
        for (int i = 0; i < vals->n - 1; i++) {
            visit_expr(c, vals->items[i]);
            emit_jump(c, e->v.boolop.op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end);
        }
        visit_expr(c, vals->items[vals->n - 1]);
        bind_label(c, end);
        break;
    }
    case N_NamedExpr:
        visit_expr(c, e->v.namedexpr.value);
        emit0(c, OP_DUP_TOP);
        compile_store(c, e->v.namedexpr.target);
        break;
    case N_BinOp:
        visit_expr(c, e->v.binop.left);
        visit_expr(c, e->v.binop.right);
        set_location(c, e);
        emit(c, OP_BINARY_OP, e->v.binop.op);
        break;
    case N_UnaryOp: {
        Node *x = e->v.unaryop.operand;
        if (e->v.unaryop.op == UNARY_NEG && x->kind == N_Constant && !x->v.constant.value.imaginary &&
            (x->v.constant.value.kind == CONST_FLOAT ||
             (x->v.constant.value.kind == CONST_INT && (x->v.constant.value.big || x->v.constant.value.i >= 0)))) {
            fold_negative(c, e);
            break;
        }
        visit_expr(c, x);
        set_location(c, e);
        switch (e->v.unaryop.op) {
        case UNARY_NOT: emit0(c, OP_UNARY_NOT); break;
        case UNARY_NEG: emit0(c, OP_UNARY_NEGATIVE); break;
        case UNARY_POS: emit0(c, OP_UNARY_POSITIVE); break;
        case UNARY_INVERT: emit0(c, OP_UNARY_INVERT); break;
        }
        break;
    }
    case N_Lambda: compile_lambda(c, e); break;
    case N_IfExp: {
        int else_l = new_label(c), end = new_label(c);
        compile_jump_if(c, e->v.ifexp.test, false, else_l);
        visit_expr(c, e->v.ifexp.body);
        emit_jump(c, OP_JUMP, end);
        bind_label(c, else_l);
        visit_expr(c, e->v.ifexp.orelse);
        bind_label(c, end);
        break;
    }
    case N_Dict: compile_dict(c, e); break;
    case N_Set: compile_sequence(c, &e->v.seq.elts, 2); break;
    case N_List: compile_sequence(c, &e->v.seq.elts, 0); break;
    case N_Tuple:
        if (is_constant_tree(e)) load_constant_tree(c, e);
        else compile_sequence(c, &e->v.seq.elts, 1);
        break;
    case N_ListComp: case N_SetComp: case N_DictComp: case N_GeneratorExp:
        compile_comprehension(c, e);
        break;
    case N_Await:
        visit_expr(c, e->v.expr.value);
        set_location(c, e);
        emit0(c, OP_GET_AWAITABLE);
        load_const_index(c, add_const_none(c));
        emit0(c, OP_YIELD_FROM);
        break;
    case N_Yield:
        if (e->v.expr.value) visit_expr(c, e->v.expr.value);
        else load_const_index(c, add_const_none(c));
        set_location(c, e);
        emit0(c, OP_YIELD_VALUE);
        break;
    case N_YieldFrom:
        visit_expr(c, e->v.expr.value);
        set_location(c, e);
        emit0(c, OP_GET_YIELD_FROM_ITER);
        load_const_index(c, add_const_none(c));
        emit0(c, OP_YIELD_FROM);
        break;
    case N_Compare: compile_compare(c, e); break;
    case N_Call: compile_call(c, e); break;
    case N_FormattedValue: compile_formatted(c, e); break;
    case N_JoinedStr: compile_joinedstr(c, e); break;
    case N_Attribute: case N_Subscript: compile_item_access(c, e, ACCESS_LOAD); break;
    case N_Slice:
        compile_subscript_key(c, e);
        break;
    case N_Starred:
        CG_ERROR_AT(c, e, "can't use starred expression here");
    default:
        CG_ERROR_AT(c, e, "invalid syntax");
    }
    c->u->line = saved_line;
    c->u->col = saved_col;
    c->depth--;
}

/* ---- stores ------------------------------------------------------------------------- */

static void compile_unpack_targets(Compiler *c, Node *target) {
    NodeList *elts = &target->v.seq.elts;
    int star = -1;
    for (int i = 0; i < elts->n; i++)
        if (elts->items[i]->kind == N_Starred) star = i;
    if (star >= 0) {
        int before = star, after = elts->n - star - 1;
        if (before > 255 || after > 65535) CG_ERROR_AT(c, target, "too many expressions in star-unpacking assignment");
        emit(c, OP_UNPACK_EX, before | (after << 8));
    } else {
        emit(c, OP_UNPACK_SEQUENCE, elts->n);
    }
    for (int i = 0; i < elts->n; i++) {
        Node *x = elts->items[i];
        compile_store(c, x->kind == N_Starred ? x->v.starred.value : x);
    }
}

static void compile_store(Compiler *c, Node *t) {
    int saved_line = c->u->line, saved_col = c->u->col;
    set_location(c, t);
    switch (t->kind) {
    case N_Name: compile_name(c, t->v.name.id, NAME_STORE); break;
    case N_Attribute: case N_Subscript: compile_item_access(c, t, ACCESS_STORE); break;
    case N_Tuple: case N_List: compile_unpack_targets(c, t); break;
    case N_Starred: CG_ERROR_AT(c, t, "starred assignment target must be in a list or tuple");
    default: CG_ERROR_AT(c, t, "cannot assign to %s", ast_expr_description(t));
    }
    c->u->line = saved_line;
    c->u->col = saved_col;
}

static void compile_delete(Compiler *c, Node *t) {
    set_location(c, t);
    switch (t->kind) {
    case N_Name: compile_name(c, t->v.name.id, NAME_DEL); break;
    case N_Attribute: case N_Subscript: compile_item_access(c, t, ACCESS_DELETE); break;
    case N_Tuple: case N_List:
        for (int i = 0; i < t->v.seq.elts.n; i++) compile_delete(c, t->v.seq.elts.items[i]);
        break;
    default: CG_ERROR_AT(c, t, "cannot delete %s", ast_expr_description(t));
    }
}

/* ---- fblocks and unwinding ---------------------------------------------------------- */

static FBlock *push_fblock(Compiler *c, Node *at, FBlockKind kind, int cont, int exit) {
    CodeUnit *u = c->u;
    if (u->nfblocks >= MAX_FBLOCKS) CG_ERROR_AT(c, at, "too many statically nested blocks");
    FBlock *f = &u->fblocks[u->nfblocks++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->continue_label = cont;
    f->exit_label = exit;
    return f;
}

static void pop_fblock(Compiler *c) { c->u->nfblocks--; }

static void emit_clear_handler_name(Compiler *c, const char *name) {
    load_const_index(c, add_const_none(c));
    compile_name(c, name, NAME_STORE);
    compile_name(c, name, NAME_DEL);
}

/* Emit the code that leaves fblock f (not popping it from the stack of
 * fblocks). preserve_tos: a return value sits on top of the stack. */
static void unwind_fblock(Compiler *c, FBlock *f, bool preserve_tos) {
    switch (f->kind) {
    case FB_WHILE: break;
    case FB_FOR: case FB_ASYNC_FOR:
        if (preserve_tos) emit0(c, OP_ROT_TWO);
        emit0(c, OP_POP_TOP);
        break;
    case FB_TRY_EXCEPT: emit0(c, OP_POP_BLOCK); break;
    case FB_FINALLY_TRY: {
        emit0(c, OP_POP_BLOCK);
        /* run the finally body with this block (and those above) gone */
        CodeUnit *u = c->u;
        int saved_n = u->nfblocks;
        FBlock saved[MAX_FBLOCKS];
        memcpy(saved, u->fblocks, sizeof saved);
        NodeList *finalbody = f->finalbody;
        u->nfblocks = (int)(f - u->fblocks);
        /* A return's value waits under the finally body; a break,
         * continue or return there drops it first (FB_POP_VALUE, which
         * takes f's place: it is restored below). */
        if (preserve_tos) push_fblock(c, NULL, FB_POP_VALUE, -1, -1);
        visit_stmts(c, finalbody);
        memcpy(u->fblocks, saved, sizeof saved);
        u->nfblocks = saved_n;
        break;
    }
    case FB_FINALLY_END:
        if (preserve_tos) emit0(c, OP_ROT_TWO);
        emit0(c, OP_POP_TOP);
        emit0(c, OP_POP_BLOCK);
        if (preserve_tos) emit0(c, OP_ROT_TWO);
        emit0(c, OP_POP_EXCEPT);
        break;
    case FB_HANDLER:
        if (f->name) emit0(c, OP_POP_BLOCK);   /* the name-clearing block */
        emit0(c, OP_POP_BLOCK);
        if (preserve_tos) emit0(c, OP_ROT_TWO);
        emit0(c, OP_POP_EXCEPT);
        if (f->name) emit_clear_handler_name(c, f->name);
        break;
    case FB_WITH:
        emit0(c, OP_POP_BLOCK);
        if (preserve_tos) emit0(c, OP_ROT_TWO);
        emit0(c, OP_CALL_EXIT_NONE);
        break;
    case FB_POP_VALUE:
        if (preserve_tos) emit0(c, OP_ROT_TWO);
        emit0(c, OP_POP_TOP);
        break;
    case FB_ASYNC_WITH:
        emit0(c, OP_POP_BLOCK);
        if (preserve_tos) emit0(c, OP_ROT_TWO);
        emit0(c, OP_CALL_AEXIT_NONE);
        emit0(c, OP_GET_AWAITABLE);
        load_const_index(c, add_const_none(c));
        emit0(c, OP_YIELD_FROM);
        emit0(c, OP_POP_TOP);
        break;
    }
}

static bool is_loop(FBlock *f) { return f->kind == FB_WHILE || f->kind == FB_FOR || f->kind == FB_ASYNC_FOR; }

static void compile_break_continue(Compiler *c, Node *st, bool is_break) {
    CodeUnit *u = c->u;
    int i = u->nfblocks - 1;
    while (i >= 0 && !is_loop(&u->fblocks[i])) i--;
    if (i < 0) {
        if (is_break) CG_ERROR_AT(c, st, "'break' outside loop");
        CG_ERROR_AT(c, st, "'continue' not properly in loop");
    }
    for (int j = u->nfblocks - 1; j > i; j--) unwind_fblock(c, &u->fblocks[j], false);
    FBlock *loop = &u->fblocks[i];
    set_location(c, st);
    if (is_break) {
        unwind_fblock(c, loop, false);
        emit_jump(c, OP_JUMP, loop->exit_label);
    } else {
        emit_jump(c, OP_JUMP, loop->continue_label);
    }
}

static void compile_return(Compiler *c, Node *st) {
    CodeUnit *u = c->u;
    Scope *s = u->scope;
    if (!s || s->kind != SCOPE_FUNCTION) CG_ERROR_AT(c, st, "'return' outside function");
    if (st->v.ret.value && s->is_coroutine && s->is_generator)
        CG_ERROR_AT(c, st, "'return' with value in async generator");
    bool preserve = st->v.ret.value != NULL;
    int before = u->ncode;
    if (preserve) visit_expr(c, st->v.ret.value);
    for (int j = u->nfblocks - 1; j >= 0; j--) unwind_fblock(c, &u->fblocks[j], preserve);
    set_location(c, st);
    if (!preserve) load_const_index(c, add_const_none(c));
    /* `return x` with nothing to unwind in between: the frame is about to
     * drop its reference to x anyway, so RETURN_LOCAL hands that one to the
     * caller instead of counting x up here and down in frame_clear. */
    if (preserve && st->v.ret.value->kind == N_Name && u->ncode == before + 1 &&
        INSTR_OP(u->code[before]) == OP_LOAD_FAST) {
        u->code[before] = INSTR(OP_RETURN_LOCAL, INSTR_ARG(u->code[before]));
        return;
    }
    emit0(c, OP_RETURN_VALUE);
}

/* ---- statements ------------------------------------------------------------------------- */

static void visit_stmt(Compiler *c, Node *st);

static void compile_if(Compiler *c, Node *st) {
    Node *test = st->v.ifstmt.test;
    if (test->kind == N_Constant) {
        if (const_is_true(&test->v.constant.value)) visit_stmts(c, &st->v.ifstmt.body);
        else visit_stmts(c, &st->v.ifstmt.orelse);
        return;
    }
    int end = new_label(c);
    if (st->v.ifstmt.orelse.n) {
        int else_l = new_label(c);
        compile_jump_if(c, test, false, else_l);
        visit_stmts(c, &st->v.ifstmt.body);
        emit_jump(c, OP_JUMP, end);
        bind_label(c, else_l);
        visit_stmts(c, &st->v.ifstmt.orelse);
    } else {
        compile_jump_if(c, test, false, end);
        visit_stmts(c, &st->v.ifstmt.body);
    }
    bind_label(c, end);
}

static void compile_while(Compiler *c, Node *st) {
    int top = new_label(c), else_l = new_label(c), exit = new_label(c);
    Node *test = st->v.whileloop.test;
    bool always = test->kind == N_Constant && const_is_true(&test->v.constant.value);
    bool never = test->kind == N_Constant && !always;
    if (never) {
        visit_stmts(c, &st->v.whileloop.orelse);
        return;
    }
    bind_label(c, top);
    if (!always) compile_jump_if(c, test, false, else_l);
    push_fblock(c, st, FB_WHILE, top, exit);
    visit_stmts(c, &st->v.whileloop.body);
    pop_fblock(c);
    set_location(c, st);
    emit_jump(c, OP_JUMP, top);
    bind_label(c, else_l);
    visit_stmts(c, &st->v.whileloop.orelse);
    bind_label(c, exit);
}

static void compile_for(Compiler *c, Node *st) {
    int top = new_label(c), end = new_label(c), exit = new_label(c);
    visit_expr(c, st->v.forloop.iter);
    set_location(c, st);
    if (st->v.forloop.is_async) {
        emit0(c, OP_GET_AITER);
        bind_label(c, top);
        emit_jump(c, OP_SETUP_FINALLY, end);
        emit0(c, OP_GET_ANEXT);
        load_const_index(c, add_const_none(c));
        emit0(c, OP_YIELD_FROM);
        emit0(c, OP_POP_BLOCK);
        compile_store(c, st->v.forloop.target);
        push_fblock(c, st, FB_ASYNC_FOR, top, exit);
        visit_stmts(c, &st->v.forloop.body);
        pop_fblock(c);
        set_location(c, st);
        emit_jump(c, OP_JUMP, top);
        bind_label(c, end);
        emit0(c, OP_END_ASYNC_FOR);
    } else {
        emit0(c, OP_GET_ITER);
        bind_label(c, top);
        emit_jump(c, OP_FOR_ITER, end);
        compile_store(c, st->v.forloop.target);
        push_fblock(c, st, FB_FOR, top, exit);
        visit_stmts(c, &st->v.forloop.body);
        pop_fblock(c);
        set_location(c, st);
        emit_jump(c, OP_JUMP, top);
        bind_label(c, end);
    }
    visit_stmts(c, &st->v.forloop.orelse);
    bind_label(c, exit);
}

static void compile_try_except(Compiler *c, Node *st) {
    int handler = new_label(c), cleanup = new_label(c), else_l = new_label(c), end = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, handler);
    push_fblock(c, st, FB_TRY_EXCEPT, -1, -1);
    visit_stmts(c, &st->v.trystmt.body);
    pop_fblock(c);
    emit0(c, OP_POP_BLOCK);
    emit_jump(c, OP_JUMP, else_l);
    bind_label(c, handler);
    emit_jump(c, OP_PUSH_EXC_INFO, cleanup);
    NodeList *hs = &st->v.trystmt.handlers;
    bool last_was_bare = false;
    for (int i = 0; i < hs->n; i++) {
        Node *h = hs->items[i];
        set_location(c, h);
        int next = new_label(c);
        last_was_bare = h->v.handler.type == NULL;
        if (h->v.handler.type) {
            visit_expr(c, h->v.handler.type);
            emit0(c, OP_CHECK_EXC_MATCH);
            emit_jump(c, OP_POP_JUMP_IF_FALSE, next);
        }
        /* `except E as name:` clears name however the body ends (CPython
         * wraps the body in try/finally: name = None; del name), so the
         * exception's traceback does not keep the frame alive. */
        int clear_on_raise = new_label(c);
        if (h->v.handler.name) {
            compile_name(c, h->v.handler.name, NAME_STORE);
            emit_jump(c, OP_SETUP_FINALLY, clear_on_raise);
        } else {
            emit0(c, OP_POP_TOP);
        }
        FBlock *f = push_fblock(c, h, FB_HANDLER, -1, -1);
        f->name = h->v.handler.name;
        visit_stmts(c, &h->v.handler.body);
        pop_fblock(c);
        if (h->v.handler.name) emit0(c, OP_POP_BLOCK);
        emit0(c, OP_POP_BLOCK);
        emit0(c, OP_POP_EXCEPT);
        if (h->v.handler.name) emit_clear_handler_name(c, h->v.handler.name);
        emit_jump(c, OP_JUMP, end);
        if (h->v.handler.name) {
            /* [prev_handled, new exc]: clear the name, re-raise to `cleanup` */
            bind_label(c, clear_on_raise);
            emit_clear_handler_name(c, h->v.handler.name);
            emit0(c, OP_RERAISE);
        }
        bind_label(c, next);
    }
    if (!last_was_bare) emit0(c, OP_RERAISE);
    bind_label(c, cleanup);
    emit0(c, OP_POP_EXCEPT_AND_RERAISE);
    bind_label(c, else_l);
    visit_stmts(c, &st->v.trystmt.orelse);
    bind_label(c, end);
}

static void compile_try(Compiler *c, Node *st) {
    if (st->v.trystmt.finalbody.n == 0) {
        compile_try_except(c, st);
        return;
    }
    int final_handler = new_label(c), cleanup = new_label(c), end = new_label(c);
    emit_jump(c, OP_SETUP_FINALLY, final_handler);
    FBlock *f = push_fblock(c, st, FB_FINALLY_TRY, -1, -1);
    f->finalbody = &st->v.trystmt.finalbody;
    if (st->v.trystmt.handlers.n) compile_try_except(c, st);
    else visit_stmts(c, &st->v.trystmt.body);
    pop_fblock(c);
    emit0(c, OP_POP_BLOCK);
    visit_stmts(c, &st->v.trystmt.finalbody);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, final_handler);
    emit_jump(c, OP_PUSH_EXC_INFO, cleanup);
    push_fblock(c, st, FB_FINALLY_END, -1, -1);
    visit_stmts(c, &st->v.trystmt.finalbody);
    pop_fblock(c);
    emit0(c, OP_RERAISE);
    bind_label(c, cleanup);
    emit0(c, OP_POP_EXCEPT_AND_RERAISE);
    bind_label(c, end);
}

static void emit_await_none(Compiler *c) {
    emit0(c, OP_GET_AWAITABLE);
    load_const_index(c, add_const_none(c));
    emit0(c, OP_YIELD_FROM);
}

static void compile_with_item(Compiler *c, Node *st, int index) {
    bool is_async = st->v.with.is_async;
    Node *item = st->v.with.items.items[index];
    int handler = new_label(c), cleanup = new_label(c), suppress = new_label(c), end = new_label(c);
    visit_expr(c, item->v.withitem.context_expr);
    set_location(c, item->v.withitem.context_expr);
    if (is_async) {
        emit0(c, OP_BEFORE_ASYNC_WITH);
        emit_await_none(c);
    } else {
        emit0(c, OP_BEFORE_WITH);
    }
    /* The `as` target is stored before the block is set up: the block's
     * level must be [exit] (SETUP_FINALLY records the current depth). */
    if (item->v.withitem.optional_vars) compile_store(c, item->v.withitem.optional_vars);
    else emit0(c, OP_POP_TOP);
    emit_jump(c, OP_SETUP_FINALLY, handler);
    push_fblock(c, st, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1);
    if (index + 1 < st->v.with.items.n) compile_with_item(c, st, index + 1);
    else visit_stmts(c, &st->v.with.body);
    pop_fblock(c);
    set_location(c, st);
    emit0(c, OP_POP_BLOCK);
    if (is_async) {
        emit0(c, OP_CALL_AEXIT_NONE);
        emit_await_none(c);
        emit0(c, OP_POP_TOP);
    } else {
        emit0(c, OP_CALL_EXIT_NONE);
    }
    emit_jump(c, OP_JUMP, end);
    bind_label(c, handler);                 /* [exit, exc] */
    emit_jump(c, OP_PUSH_EXC_INFO, cleanup); /* [exit, prev, exc] */
    emit0(c, OP_WITH_EXCEPT_START);         /* [exit, prev, exc, res] */
    if (is_async) emit_await_none(c);
    emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress);
    emit0(c, OP_RERAISE);
    bind_label(c, suppress);                /* [exit, prev, exc] */
    emit0(c, OP_POP_TOP);
    emit0(c, OP_POP_BLOCK);
    emit0(c, OP_POP_EXCEPT);
    emit0(c, OP_POP_TOP);
    emit_jump(c, OP_JUMP, end);
    bind_label(c, cleanup);
    emit0(c, OP_POP_EXCEPT_AND_RERAISE);
    bind_label(c, end);
}

/* The docstring of a body, or NULL. */
static Node *docstring_of(NodeList *body) {
    if (body->n == 0) return NULL;
    Node *first = body->items[0];
    if (first->kind == N_Expr && first->v.expr.value->kind == N_Constant &&
        first->v.expr.value->v.constant.value.kind == CONST_STR)
        return first->v.expr.value;
    return NULL;
}

static void compile_decorators_prefix(Compiler *c, NodeList *decorators) {
    for (int i = 0; i < decorators->n; i++) {
        visit_expr(c, decorators->items[i]);
        emit0(c, OP_PUSH_NULL);
    }
}

static void compile_decorators_apply(Compiler *c, NodeList *decorators) {
    for (int i = 0; i < decorators->n; i++) emit(c, OP_CALL, 1);
}

static int push_annotation(Compiler *c, Node *arg) {
    if (!arg || !arg->v.arg.annotation) return 0;
    load_const_index(c, add_const_str(c, mangle(c, arg->v.arg.arg)));
    visit_expr(c, arg->v.arg.annotation);
    return 1;
}

/* f.__annotations__ = {...} for a def with annotations, evaluated at
 * definition time as in Python 3.11: [f] -> [f]. */
static void compile_annotations(Compiler *c, Node *def) {
    Node *args = def->v.funcdef.args;
    bool any = def->v.funcdef.returns != NULL || (args->v.arguments.vararg && args->v.arguments.vararg->v.arg.annotation) ||
               (args->v.arguments.kwarg && args->v.arguments.kwarg->v.arg.annotation);
    NodeList *lists[] = { &args->v.arguments.posonlyargs, &args->v.arguments.args,
                          &args->v.arguments.kwonlyargs };
    for (int l = 0; l < 3 && !any; l++)
        for (int i = 0; i < lists[l]->n; i++)
            if (lists[l]->items[i]->v.arg.annotation) any = true;
    if (!any) return;
    emit0(c, OP_DUP_TOP);
    int n = 0;
    for (int l = 0; l < 2; l++)
        for (int i = 0; i < lists[l]->n; i++) n += push_annotation(c, lists[l]->items[i]);
    n += push_annotation(c, args->v.arguments.vararg);
    for (int i = 0; i < lists[2]->n; i++) n += push_annotation(c, lists[2]->items[i]);
    n += push_annotation(c, args->v.arguments.kwarg);
    if (def->v.funcdef.returns) {
        load_const_index(c, add_const_str(c, "return"));
        visit_expr(c, def->v.funcdef.returns);
        n++;
    }
    emit(c, OP_BUILD_MAP, n);
    emit0(c, OP_ROT_TWO);
    emit(c, OP_STORE_ATTR, name_index(c, "__annotations__"));
}

static void compile_function_def(Compiler *c, Node *st) {
    Scope *s = st->v.funcdef.scope;
    CodeUnit *parent = c->u;
    compile_decorators_prefix(c, &st->v.funcdef.decorators);
    int firstline = st->v.funcdef.decorators.n ? st->v.funcdef.decorators.items[0]->line : st->line;
    enter_unit(c, s, firstline);
    int argcount, posonly, kwonly;
    add_params(c, st->v.funcdef.args, &argcount, &posonly, &kwonly);
    Node *doc = docstring_of(&st->v.funcdef.body);
    NodeList body = st->v.funcdef.body;
    if (doc) {
        c->u->docstring = const_object(c, &doc->v.constant.value);
        body.items++;
        body.n--;
    }
    visit_stmts(c, &body);
    Node *last = body.n ? body.items[body.n - 1] : NULL;
    if (!last || last->kind != N_Return) {
        if (last) c->u->line = last->line;
        load_const_index(c, add_const_none(c));
        emit0(c, OP_RETURN_VALUE);
    }
    CodeUnit *child = c->u;
    Object *code = finish_unit(c, st->v.funcdef.name, s->qualname,
                               function_flags(s, st->v.funcdef.args, parent), argcount, posonly, kwonly);
    leave_unit(c);
    set_location(c, st);
    make_closure(c, code, st->v.funcdef.args, child);
    compile_annotations(c, st);
    compile_decorators_apply(c, &st->v.funcdef.decorators);
    compile_name(c, st->v.funcdef.name, NAME_STORE);
}

static bool body_has_annotations(NodeList *body);

static void compile_class_def(Compiler *c, Node *st) {
    Scope *s = st->v.classdef.scope;
    compile_decorators_prefix(c, &st->v.classdef.decorators);
    int firstline = st->v.classdef.decorators.n ? st->v.classdef.decorators.items[0]->line : st->line;
    enter_unit(c, s, firstline);
    set_location(c, st);
    compile_name(c, "__name__", NAME_LOAD);
    compile_name(c, "__module__", NAME_STORE);
    load_const_index(c, add_const_str(c, s->qualname));
    compile_name(c, "__qualname__", NAME_STORE);
    NodeList body = st->v.classdef.body;
    if (body_has_annotations(&body)) emit0(c, OP_SETUP_ANNOTATIONS);
    Node *doc = docstring_of(&body);
    if (doc) {
        set_location(c, doc);
        load_const_index(c, add_const(c, &doc->v.constant.value));
        compile_name(c, "__doc__", NAME_STORE);
        c->u->docstring = const_object(c, &doc->v.constant.value);
        body.items++;
        body.n--;
    }
    visit_stmts(c, &body);
    if (s->needs_class_closure) {
        emit(c, OP_LOAD_CLOSURE, deref_index(c, c->u, "__class__"));
    } else {
        load_const_index(c, add_const_none(c));
    }
    emit0(c, OP_RETURN_VALUE);
    CodeUnit *child = c->u;
    Object *code = finish_unit(c, st->v.classdef.name, s->qualname, CO_CLASS_BODY, 0, 0, 0);
    leave_unit(c);
    set_location(c, st);
    emit0(c, OP_LOAD_BUILD_CLASS);
    emit0(c, OP_PUSH_NULL);
    make_closure(c, code, NULL, child);
    load_const_index(c, add_const_str(c, st->v.classdef.name));
    compile_call_args(c, st, 2, &st->v.classdef.bases, &st->v.classdef.keywords);
    compile_decorators_apply(c, &st->v.classdef.decorators);
    compile_name(c, st->v.classdef.name, NAME_STORE);
}

static void compile_import(Compiler *c, Node *st) {
    for (int i = 0; i < st->v.import.names.n; i++) {
        Node *a = st->v.import.names.items[i];
        const char *name = a->v.alias.name;
        load_const_index(c, add_const_int(c, 0));
        load_const_index(c, add_const_none(c));
        emit(c, OP_IMPORT_NAME, name_index(c, name));
        const char *dot = strchr(name, '.');
        if (a->v.alias.asname) {
            if (dot) {
                /* import a.b.c as d: d = the innermost module */
                const char *part = dot + 1;
                for (;;) {
                    const char *next = strchr(part, '.');
                    char *comp = scratch_strndup(part, next ? (size_t)(next - part) : strlen(part));
                    emit(c, OP_IMPORT_FROM, name_index(c, comp));
                    if (!next) break;
                    emit0(c, OP_ROT_TWO);
                    emit0(c, OP_POP_TOP);
                    part = next + 1;
                }
                compile_name(c, a->v.alias.asname, NAME_STORE);
                emit0(c, OP_POP_TOP);
            } else {
                compile_name(c, a->v.alias.asname, NAME_STORE);
            }
        } else {
            compile_name(c, dot ? scratch_strndup(name, dot - name) : name, NAME_STORE);
        }
    }
}

static void compile_import_from(Compiler *c, Node *st) {
    NodeList *names = &st->v.importfrom.names;
    const char **list = scratch_alloc(names->n * sizeof(char *));
    for (int i = 0; i < names->n; i++) list[i] = names->items[i]->v.alias.name;
    load_const_index(c, add_const_int(c, st->v.importfrom.level));
    load_const_index(c, add_const_name_tuple(c, list, names->n));
    emit(c, OP_IMPORT_NAME, name_index(c, st->v.importfrom.module ? st->v.importfrom.module : ""));
    if (names->n == 1 && strcmp(list[0], "*") == 0) {
        emit0(c, OP_IMPORT_STAR);
        return;
    }
    for (int i = 0; i < names->n; i++) {
        Node *a = names->items[i];
        emit(c, OP_IMPORT_FROM, name_index(c, a->v.alias.name));
        compile_name(c, a->v.alias.asname ? a->v.alias.asname : a->v.alias.name, NAME_STORE);
    }
    emit0(c, OP_POP_TOP);
}

/* True when evaluating e twice gives the same object, with no side effect
 * in between: a constant, or a function's fast local that no assignment
 * expression binds (only this frame's own stores rebind a fast local, and
 * the one way to store in the middle of an expression is `:=`). */
static bool reloadable(Compiler *c, Node *e) {
    if (e->kind == N_Constant) return true;
    if (e->kind != N_Name || !c->u->optimized || !c->u->scope) return false;
    const char *name = mangle(c, e->v.name.id);
    return symtable_lookup(c->u->scope, name) == SYM_LOCAL &&
           !(strmap_get(&c->u->scope->symbols, name, 0) & DEF_WALRUS);
}

/* The value and the operator of `target op= value`. */
static void compile_inplace_op(Compiler *c, Node *st, int op) {
    visit_expr(c, st->v.augassign.value);
    set_location(c, st);
    emit(c, OP_BINARY_OP, op);
}

/* `x.a op= v` and `x[k] op= v` evaluate x (and k) once. When they are
 * reloadable, loading them again for the store is the same thing, and
 * cheaper than DUP_TOP(_TWO) + ROT: each load sits right before the
 * instruction that consumes it, so compiler/borrow.c turns both uses into
 * borrowed operands and nothing is counted (`v[0] += dt * a` in a loop). */
static void compile_augassign(Compiler *c, Node *st) {
    Node *t = st->v.augassign.target;
    int op = st->v.augassign.op | BINOP_INPLACE;
    switch (t->kind) {
    case N_Name: {
        CodeUnit *u = c->u;
        compile_name(c, t->v.name.id, NAME_LOAD);
        uint32_t load = u->code[u->ncode - 1];
        compile_inplace_op(c, st, op);
        compile_name(c, t->v.name.id, NAME_STORE);
        /* a fast local: the result may replace its value in place
         * (BINOP_STORES_BACK, vm/opcodes.h) */
        uint32_t store = u->code[u->ncode - 1], *binop = &u->code[u->ncode - 2];
        if (INSTR_OP(load) == OP_LOAD_FAST && INSTR_OP(store) == OP_STORE_FAST &&
            INSTR_ARG(store) == INSTR_ARG(load) && INSTR_OP(*binop) == OP_BINARY_OP)
            *binop |= INSTR(0, BINOP_STORES_BACK);
        break;
    }
    case N_Attribute: {
        Node *obj = t->v.attribute.value;
        bool reload = reloadable(c, obj);
        visit_expr(c, obj);
        if (!reload) emit0(c, OP_DUP_TOP);
        emit(c, OP_LOAD_ATTR, attr_index(c, t->v.attribute.attr));
        compile_inplace_op(c, st, op);
        if (reload) visit_expr(c, obj);
        else emit0(c, OP_ROT_TWO);
        set_location(c, st);
        emit(c, OP_STORE_ATTR, attr_index(c, t->v.attribute.attr));
        break;
    }
    case N_Subscript: {
        Node *obj = t->v.subscript.value, *key = t->v.subscript.slice;
        bool reload = reloadable(c, obj) && reloadable(c, key);
        visit_expr(c, obj);
        compile_subscript_key(c, key);
        if (!reload) emit0(c, OP_DUP_TOP_TWO);
        emit0(c, OP_BINARY_SUBSCR);
        compile_inplace_op(c, st, op);
        if (reload) {
            /* the result may replace a list item in place
             * (BINOP_SUBSCR_STORES_BACK, vm/opcodes.h) */
            uint32_t *binop = &c->u->code[c->u->ncode - 1];
            if (INSTR_OP(*binop) == OP_BINARY_OP) *binop |= INSTR(0, BINOP_SUBSCR_STORES_BACK);
            visit_expr(c, obj);
            compile_subscript_key(c, key);
        } else {
            emit0(c, OP_ROT_THREE);
        }
        set_location(c, st);
        emit0(c, OP_STORE_SUBSCR);
        break;
    }
    default:
        CG_ERROR_AT(c, t, "'%s' is an illegal expression for augmented assignment", ast_expr_description(t));
    }
}

static void compile_assign(Compiler *c, Node *st) {
    NodeList *targets = &st->v.assign.targets;
    Node *value = st->v.assign.value;
    /* a, b = b, a: no tuple is built */
    if (targets->n == 1 && value->kind == N_Tuple && targets->items[0]->kind == N_Tuple) {
        NodeList *ve = &value->v.seq.elts, *te = &targets->items[0]->v.seq.elts;
        if (ve->n == te->n && (ve->n == 2 || ve->n == 3) && !has_starred(ve) && !has_starred(te)) {
            for (int i = 0; i < ve->n; i++) visit_expr(c, ve->items[i]);
            set_location(c, st);
            if (ve->n == 2) emit0(c, OP_ROT_TWO);
            else { emit0(c, OP_ROT_THREE); emit0(c, OP_ROT_TWO); }
            for (int i = 0; i < te->n; i++) compile_store(c, te->items[i]);
            return;
        }
    }
    visit_expr(c, value);
    for (int i = 0; i < targets->n; i++) {
        if (i + 1 < targets->n) emit0(c, OP_DUP_TOP);
        compile_store(c, targets->items[i]);
    }
}

/* ---- the match statement ------------------------------------------------------------ */

/* Patterns compile to straight-line tests (after CPython's compiler): the
 * value being matched is on top of the stack, each test jumps away on
 * failure, and a successful pattern has consumed its value. A failure may
 * happen with extra items above the case's base (the items of a sequence
 * being matched, a mapping's keys...): it jumps to fail_pop[k], a chain
 * of POP_TOPs emitted after the case that removes exactly those k items.
 * Capture names are bound as soon as their sub-pattern matches (PEP 634
 * leaves bindings after a failed match unspecified). */
typedef struct PatternCtx {
    int *fail_pop;           /* fail_pop[k]: pop k items, then fail          */
    int nfail, failcap;
    int on_top;              /* items above the base, subject included       */
} PatternCtx;

static int fail_label(Compiler *c, PatternCtx *pc, int pops) {
    while (pc->nfail <= pops) {
        SCRATCH_GROW(pc->fail_pop, pc->nfail, pc->failcap, pc->nfail);
        pc->fail_pop[pc->nfail++] = new_label(c);
    }
    return pc->fail_pop[pops];
}

/* [v] -> []: jump to the failure path (popping what remains) when v is false. */
static void pattern_fail_if_false(Compiler *c, PatternCtx *pc) {
    pc->on_top--;
    emit_jump(c, OP_POP_JUMP_IF_FALSE, fail_label(c, pc, pc->on_top));
}

/* The failure chain: fail_pop[k] .. fail_pop[1] each pop one item; the
 * code after it runs with the base stack, as fail_pop[0]. */
static void emit_fail_pops(Compiler *c, PatternCtx *pc) {
    for (int k = pc->nfail - 1; k >= 0; k--) {
        bind_label(c, pc->fail_pop[k]);
        if (k > 0) emit0(c, OP_POP_TOP);
    }
}

static void pattern_store(Compiler *c, PatternCtx *pc, const char *name) {
    if (name) compile_name(c, name, NAME_STORE);
    else emit0(c, OP_POP_TOP);
    pc->on_top--;
}

/* Names a pattern binds, in order (for the duplicate and or-pattern checks). */
typedef struct NameSet { const char **names; int n, cap; } NameSet;

static void collect_pattern_names(Compiler *c, Node *pat, NameSet *out) {
    const char *name = NULL;
    switch (pat->kind) {
    case N_MatchSequence: case N_MatchOr: {
        int count = pat->kind == N_MatchOr ? 1 : pat->v.match_seq.patterns.n;
        for (int i = 0; i < count; i++) collect_pattern_names(c, pat->v.match_seq.patterns.items[i], out);
        return;
    }
    case N_MatchMapping:
        for (int i = 0; i < pat->v.match_mapping.patterns.n; i++)
            collect_pattern_names(c, pat->v.match_mapping.patterns.items[i], out);
        name = pat->v.match_mapping.rest;
        break;
    case N_MatchClass:
        for (int i = 0; i < pat->v.match_class.patterns.n; i++)
            collect_pattern_names(c, pat->v.match_class.patterns.items[i], out);
        for (int i = 0; i < pat->v.match_class.kwd_patterns.n; i++)
            collect_pattern_names(c, pat->v.match_class.kwd_patterns.items[i], out);
        break;
    case N_MatchAs: case N_MatchStar:
        if (pat->v.match_as.pattern) collect_pattern_names(c, pat->v.match_as.pattern, out);
        name = pat->v.match_as.name;
        break;
    default:
        return;
    }
    if (!name) return;
    for (int i = 0; i < out->n; i++)
        if (strcmp(out->names[i], name) == 0)
            CG_ERROR_AT(c, pat, "multiple assignments to name '%s' in pattern", name);
    SCRATCH_GROW(out->names, out->n, out->cap, out->n);
    out->names[out->n++] = name;
}

static bool same_name_set(NameSet *a, NameSet *b) {
    if (a->n != b->n) return false;
    for (int i = 0; i < a->n; i++) {
        bool found = false;
        for (int j = 0; j < b->n && !found; j++) found = strcmp(a->names[i], b->names[j]) == 0;
        if (!found) return false;
    }
    return true;
}

/* A pattern that always matches (a capture, `_`, or an or-pattern with
 * one); the name of its capture (NULL for a wildcard) in *capture. */
static bool pattern_irrefutable(Node *pat, const char **capture) {
    if (pat->kind == N_MatchAs) {
        if (!pat->v.match_as.pattern) {
            *capture = pat->v.match_as.name;
            return true;
        }
        return pattern_irrefutable(pat->v.match_as.pattern, capture);
    }
    if (pat->kind == N_MatchOr) {
        NodeList *alts = &pat->v.match_seq.patterns;
        for (int i = 0; i < alts->n; i++)
            if (pattern_irrefutable(alts->items[i], capture)) return true;
    }
    return false;
}

static _Noreturn void unreachable_error(Compiler *c, Node *pat, const char *capture) {
    if (capture) CG_ERROR_AT(c, pat, "name capture '%s' makes remaining patterns unreachable", capture);
    CG_ERROR_AT(c, pat, "wildcard makes remaining patterns unreachable");
}

static void compile_pattern(Compiler *c, Node *pat, PatternCtx *pc);

static void compile_pattern_sequence(Compiler *c, Node *pat, PatternCtx *pc) {
    NodeList *items = &pat->v.match_seq.patterns;
    int n = items->n, star = -1;
    for (int i = 0; i < n; i++) {
        if (items->items[i]->kind != N_MatchStar) continue;
        if (star >= 0) CG_ERROR_AT(c, pat, "multiple starred names in sequence pattern");
        star = i;
    }
    emit0(c, OP_MATCH_SEQUENCE);
    pc->on_top++;
    pattern_fail_if_false(c, pc);
    if (star < 0 || n > 1) {
        emit0(c, OP_GET_LEN);
        load_const_index(c, add_const_int(c, star < 0 ? n : n - 1));
        emit(c, OP_COMPARE_OP, star < 0 ? CMP_EQ : CMP_GE);
        pc->on_top++;
        pattern_fail_if_false(c, pc);
    }
    if (star < 0) {
        emit(c, OP_UNPACK_SEQUENCE, n);
    } else {
        int after = n - 1 - star;
        if (star > 255 || after > 65535)
            CG_ERROR_AT(c, pat, "too many sub-patterns in sequence pattern");
        emit(c, OP_UNPACK_EX, (unsigned)star | ((unsigned)after << 8));
    }
    pc->on_top += n - 1;
    for (int i = 0; i < n; i++) {
        Node *item = items->items[i];
        if (item->kind == N_MatchStar) pattern_store(c, pc, item->v.match_as.name);
        else compile_pattern(c, item, pc);
    }
}

static void compile_pattern_mapping(Compiler *c, Node *pat, PatternCtx *pc) {
    NodeList *keys = &pat->v.match_mapping.keys;
    int k = keys->n;
    const char *rest = pat->v.match_mapping.rest;
    emit0(c, OP_MATCH_MAPPING);
    pc->on_top++;
    pattern_fail_if_false(c, pc);
    if (k == 0) {
        if (rest) {
            /* rest = dict(subject) */
            emit(c, OP_BUILD_MAP, 0);
            emit0(c, OP_ROT_TWO);
            emit(c, OP_DICT_UPDATE, 1);
        }
        pattern_store(c, pc, rest);
        return;
    }
    emit0(c, OP_GET_LEN);
    load_const_index(c, add_const_int(c, k));
    emit(c, OP_COMPARE_OP, CMP_GE);
    pc->on_top++;
    pattern_fail_if_false(c, pc);
    for (int i = 0; i < k; i++) {
        Node *key = keys->items[i];
        if (key->kind != N_Constant && key->kind != N_Attribute && key->kind != N_UnaryOp &&
            key->kind != N_BinOp)
            CG_ERROR_AT(c, key, "mapping pattern keys may only match literals and attribute lookups");
        visit_expr(c, key);
    }
    emit(c, OP_BUILD_TUPLE, k);
    emit0(c, OP_MATCH_KEYS);
    pc->on_top += 2;                     /* keys, values */
    emit0(c, OP_DUP_TOP);
    load_const_index(c, add_const_none(c));
    emit(c, OP_IS_OP, 1);
    pc->on_top++;
    pattern_fail_if_false(c, pc);
    emit(c, OP_UNPACK_SEQUENCE, k);
    pc->on_top += k - 1;
    for (int i = 0; i < k; i++) compile_pattern(c, pat->v.match_mapping.patterns.items[i], pc);
    /* [subject, keys] */
    if (rest) {
        /* rest = dict(subject) without the matched keys */
        emit0(c, OP_ROT_TWO);
        emit(c, OP_BUILD_MAP, 0);
        emit0(c, OP_ROT_TWO);
        emit(c, OP_DICT_UPDATE, 1);      /* [keys, rest] */
        emit0(c, OP_ROT_TWO);
        emit(c, OP_UNPACK_SEQUENCE, k);  /* [rest, key_k .. key_1] */
        for (int i = 0; i < k; i++) {
            emit(c, OP_COPY, k - i + 1);
            emit0(c, OP_ROT_TWO);
            emit0(c, OP_DELETE_SUBSCR);
        }
        pc->on_top--;
        pattern_store(c, pc, rest);
    } else {
        emit0(c, OP_POP_TOP);
        emit0(c, OP_POP_TOP);
        pc->on_top -= 2;
    }
}

static void compile_pattern_class(Compiler *c, Node *pat, PatternCtx *pc) {
    int npos = pat->v.match_class.patterns.n, nkw = pat->v.match_class.nkwd;
    const char **kw = pat->v.match_class.kwd_attrs;
    for (int i = 0; i < nkw; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(kw[i], kw[j]) == 0)
                CG_ERROR_AT(c, pat->v.match_class.kwd_patterns.items[i],
                            "attribute name repeated in class pattern: %s", kw[i]);
    visit_expr(c, pat->v.match_class.cls);
    load_const_index(c, add_const_name_tuple(c, kw, nkw));
    set_location(c, pat);
    emit(c, OP_MATCH_CLASS, npos);       /* [attributes or None] */
    emit0(c, OP_DUP_TOP);
    load_const_index(c, add_const_none(c));
    emit(c, OP_IS_OP, 1);
    pc->on_top++;
    pattern_fail_if_false(c, pc);
    emit(c, OP_UNPACK_SEQUENCE, npos + nkw);
    pc->on_top += npos + nkw - 1;
    for (int i = 0; i < npos; i++) compile_pattern(c, pat->v.match_class.patterns.items[i], pc);
    for (int i = 0; i < nkw; i++) compile_pattern(c, pat->v.match_class.kwd_patterns.items[i], pc);
}

static void compile_pattern_or(Compiler *c, Node *pat, PatternCtx *pc) {
    NodeList *alts = &pat->v.match_seq.patterns;
    for (int i = 0; i < alts->n - 1; i++) {
        const char *capture = NULL;
        if (pattern_irrefutable(alts->items[i], &capture)) unreachable_error(c, alts->items[i], capture);
    }
    NameSet first = { 0 };
    collect_pattern_names(c, alts->items[0], &first);
    for (int i = 1; i < alts->n; i++) {
        NameSet other = { 0 };
        collect_pattern_names(c, alts->items[i], &other);
        if (!same_name_set(&first, &other))
            CG_ERROR_AT(c, alts->items[i], "alternative patterns bind different names");
    }
    int end = new_label(c);
    for (int i = 0; i < alts->n - 1; i++) {
        /* try this alternative on a copy; on failure the copy's leftovers
         * are popped and the next alternative sees the subject again */
        emit0(c, OP_DUP_TOP);
        PatternCtx alt = { .on_top = 1 };
        compile_pattern(c, alts->items[i], &alt);
        emit0(c, OP_POP_TOP);
        emit_jump(c, OP_JUMP, end);
        emit_fail_pops(c, &alt);
    }
    compile_pattern(c, alts->items[alts->n - 1], pc);
    bind_label(c, end);
}

static void compile_pattern(Compiler *c, Node *pat, PatternCtx *pc) {
    if (++c->depth > CODEGEN_MAX_DEPTH) {
        c->err->is_recursion = true;
        CG_ERROR_AT(c, pat, "maximum recursion depth exceeded during compilation");
    }
    set_location(c, pat);
    switch (pat->kind) {
    case N_MatchValue:
        visit_expr(c, pat->v.match_value.value);
        emit(c, OP_COMPARE_OP, CMP_EQ);
        pattern_fail_if_false(c, pc);
        break;
    case N_MatchSingleton:
        visit_expr(c, pat->v.match_value.value);
        emit(c, OP_IS_OP, 0);
        pattern_fail_if_false(c, pc);
        break;
    case N_MatchAs:
        if (pat->v.match_as.pattern) {
            emit0(c, OP_DUP_TOP);
            pc->on_top++;
            compile_pattern(c, pat->v.match_as.pattern, pc);
        }
        pattern_store(c, pc, pat->v.match_as.name);
        break;
    case N_MatchStar:
        CG_ERROR_AT(c, pat, "can't use starred name here");
    case N_MatchSequence: compile_pattern_sequence(c, pat, pc); break;
    case N_MatchMapping: compile_pattern_mapping(c, pat, pc); break;
    case N_MatchClass: compile_pattern_class(c, pat, pc); break;
    case N_MatchOr: compile_pattern_or(c, pat, pc); break;
    default: CG_ERROR_AT(c, pat, "invalid pattern");
    }
    c->depth--;
}

static void compile_match(Compiler *c, Node *st) {
    visit_expr(c, st->v.match.subject);
    NodeList *cases = &st->v.match.cases;
    int end = new_label(c);
    for (int i = 0; i < cases->n; i++) {
        Node *mc = cases->items[i];
        Node *pat = mc->v.match_case.pattern;
        const char *capture = NULL;
        if (i < cases->n - 1 && !mc->v.match_case.guard && pattern_irrefutable(pat, &capture))
            unreachable_error(c, pat, capture);
        NameSet names = { 0 };
        collect_pattern_names(c, pat, &names);
        /* [subject] -> match a copy; the subject stays for later cases */
        set_location(c, pat);
        emit0(c, OP_DUP_TOP);
        PatternCtx pc = { .on_top = 1 };
        compile_pattern(c, pat, &pc);
        if (mc->v.match_case.guard) compile_jump_if(c, mc->v.match_case.guard, false, fail_label(c, &pc, 0));
        set_location(c, mc);
        emit0(c, OP_POP_TOP);
        visit_stmts(c, &mc->v.match_case.body);
        emit_jump(c, OP_JUMP, end);
        emit_fail_pops(c, &pc);
    }
    set_location(c, st);
    emit0(c, OP_POP_TOP);
    bind_label(c, end);
}

/* ---- annotated assignments ---------------------------------------------------------- */

/* Does a module or class body hold an annotated assignment (outside nested
 * functions and classes)? Then it starts with SETUP_ANNOTATIONS. */
static bool body_has_annotations(NodeList *body) {
    for (int i = 0; i < body->n; i++) {
        Node *st = body->items[i];
        switch (st->kind) {
        case N_AnnAssign: return true;
        case N_For:
            if (body_has_annotations(&st->v.forloop.body) || body_has_annotations(&st->v.forloop.orelse)) return true;
            break;
        case N_While: case N_If:
            if (body_has_annotations(&st->v.ifstmt.body) || body_has_annotations(&st->v.ifstmt.orelse)) return true;
            break;
        case N_With:
            if (body_has_annotations(&st->v.with.body)) return true;
            break;
        case N_Try:
            if (body_has_annotations(&st->v.trystmt.body) || body_has_annotations(&st->v.trystmt.orelse) ||
                body_has_annotations(&st->v.trystmt.finalbody))
                return true;
            for (int h = 0; h < st->v.trystmt.handlers.n; h++)
                if (body_has_annotations(&st->v.trystmt.handlers.items[h]->v.handler.body)) return true;
            break;
        case N_Match:
            for (int k = 0; k < st->v.match.cases.n; k++)
                if (body_has_annotations(&st->v.match.cases.items[k]->v.match_case.body)) return true;
            break;
        default: break;
        }
    }
    return false;
}

/* `target: annotation [= value]`. As CPython 3.11: the value is assigned
 * first; in a module or class body the annotation is then evaluated, and
 * for a simple name stored in __annotations__; in a function it is never
 * evaluated. A complex target without a value still evaluates its object
 * (and subscript) expressions. */
static void compile_annassign(Compiler *c, Node *st) {
    Node *target = st->v.annassign.target;
    if (st->v.annassign.value) {
        visit_expr(c, st->v.annassign.value);
        compile_store(c, target);
    } else if (target->kind == N_Attribute) {
        visit_expr(c, target->v.attribute.value);
        emit0(c, OP_POP_TOP);
    } else if (target->kind == N_Subscript) {
        visit_expr(c, target->v.subscript.value);
        emit0(c, OP_POP_TOP);
        compile_subscript_key(c, target->v.subscript.slice);
        emit0(c, OP_POP_TOP);
    }
    if (c->u->optimized) return;
    set_location(c, st);
    visit_expr(c, st->v.annassign.annotation);
    if (st->v.annassign.simple && target->kind == N_Name) {
        emit(c, OP_LOAD_NAME, name_index(c, "__annotations__"));
        load_const_index(c, add_const_str(c, mangle(c, target->v.name.id)));
        emit0(c, OP_STORE_SUBSCR);
    } else {
        emit0(c, OP_POP_TOP);
    }
}

static void visit_stmt(Compiler *c, Node *st) {
    if (++c->depth > CODEGEN_MAX_DEPTH) {
        c->err->is_recursion = true;
        CG_ERROR_AT(c, st, "maximum recursion depth exceeded during compilation");
    }
    set_location(c, st);
    switch (st->kind) {
    case N_FunctionDef: compile_function_def(c, st); break;
    case N_ClassDef: compile_class_def(c, st); break;
    case N_Return: compile_return(c, st); break;
    case N_Delete:
        for (int i = 0; i < st->v.del.targets.n; i++) compile_delete(c, st->v.del.targets.items[i]);
        break;
    case N_Assign: compile_assign(c, st); break;
    case N_AugAssign: compile_augassign(c, st); break;
    case N_AnnAssign: compile_annassign(c, st); break;
    case N_For: compile_for(c, st); break;
    case N_While: compile_while(c, st); break;
    case N_If: compile_if(c, st); break;
    case N_With: compile_with_item(c, st, 0); break;
    case N_Match: compile_match(c, st); break;
    case N_Raise: {
        int n = 0;
        if (st->v.raise.exc) { visit_expr(c, st->v.raise.exc); n++; }
        if (st->v.raise.cause) { visit_expr(c, st->v.raise.cause); n++; }
        set_location(c, st);
        emit(c, OP_RAISE_VARARGS, n);
        break;
    }
    case N_Try: compile_try(c, st); break;
    case N_Assert: {
        int end = new_label(c);
        compile_jump_if(c, st->v.assert.test, true, end);
        set_location(c, st);
        emit0(c, OP_LOAD_ASSERTION_ERROR);
        if (st->v.assert.msg) {
            emit0(c, OP_PUSH_NULL);
            visit_expr(c, st->v.assert.msg);
            set_location(c, st);
            emit(c, OP_CALL, 1);
        }
        emit(c, OP_RAISE_VARARGS, 1);
        bind_label(c, end);
        break;
    }
    case N_Import: compile_import(c, st); break;
    case N_ImportFrom: compile_import_from(c, st); break;
    case N_Global: case N_Nonlocal: case N_Pass: break;
    case N_Expr: {
        Node *v = st->v.expr.value;
        if (c->mode == COMPILE_SINGLE && c->u->parent == NULL) {
            visit_expr(c, v);
            emit0(c, OP_PRINT_EXPR);
            break;
        }
        if (v->kind == N_Constant) break;   /* docstrings, `...` */
        visit_expr(c, v);
        emit0(c, OP_POP_TOP);
        break;
    }
    case N_Break: compile_break_continue(c, st, true); break;
    case N_Continue: compile_break_continue(c, st, false); break;
    default: CG_ERROR_AT(c, st, "invalid syntax");
    }
    c->depth--;
}

static void visit_stmts(Compiler *c, NodeList *l) {
    for (int i = 0; i < l->n; i++) visit_stmt(c, l->items[i]);
}

/* ---- entry -------------------------------------------------------------------------------- */

Object *codegen_module(Node *module, Scope *top, const char *filename, CompileMode mode,
                       SyntaxErrorInfo *err, const char *(*line_text)(void *, int), void *line_ctx) {
    Compiler *c = scratch_alloc(sizeof *c);
    c->filename = filename;
    c->mode = mode;
    c->err = err;
    c->line_text = line_text;
    c->line_ctx = line_ctx;
    Object *result = NULL;
    if (setjmp(c->on_error)) {
        for (int i = 0; i < c->nowned; i++) DECREF(c->owned[i]);
        return NULL;
    }
    c->filename_obj = own(c, str_from_utf8(filename, strlen(filename)));
    enter_unit(c, top, 1);
    c->u->optimized = false;
    if (module->kind == N_Expression) {
        visit_expr(c, module->v.expression.body);
        emit0(c, OP_RETURN_VALUE);
    } else {
        NodeList body = module->v.module.body;
        if (body_has_annotations(&body)) emit0(c, OP_SETUP_ANNOTATIONS);
        Node *doc = mode == COMPILE_FILE ? docstring_of(&body) : NULL;
        if (doc) {
            set_location(c, doc);
            load_const_index(c, add_const(c, &doc->v.constant.value));
            compile_name(c, "__doc__", NAME_STORE);
            body.items++;
            body.n--;
        }
        visit_stmts(c, &body);
        if (body.n) c->u->line = body.items[body.n - 1]->line;
        load_const_index(c, add_const_none(c));
        emit0(c, OP_RETURN_VALUE);
    }
    Object *code = finish_unit(c, "<module>", "<module>", CO_MODULE, 0, 0, 0);
    result = NEWREF(code);
    for (int i = 0; i < c->nowned; i++) DECREF(c->owned[i]);
    return result;
}
