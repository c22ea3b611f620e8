/* dis.c — the disassembler (`gilt --dis`, the `dis` module, --trace).
 *
 * Everything it knows about instructions comes from the tables generated
 * from OPCODE_LIST (opcodes.c): names, operand kinds and cache words; no
 * opcode name is spelled here. The layout follows CPython's dis:
 *
 *     line  >>  offset  OPNAME                 arg (resolved operand)
 *
 * with the line number printed where it changes, `>>` on jump targets,
 * offsets in instruction words, and nested code objects disassembled after
 * their parent.
 */
#include <stdlib.h>
#include <string.h>
#include "gilt.h"
#include "compile.h"
#include "dis.h"
#include "frame.h"
#include "opcodes.h"

static const char *const binop_symbols[BINOP_COUNT_] = {
    "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
};
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

/* Append the resolved operand of an instruction to sb; false if none. */
static bool operand_text(CodeObject *co, int op, uint32_t arg, StrBuilder *sb) {
    switch (opcode_operand_kind[op]) {
    case OPK_CONST:
        if (arg < tuple_size(co->consts)) {
            if (sb_append_repr(sb, tuple_get(co->consts, arg)) < 0) {
                err_clear();
                sb_append_cstr(sb, "?");
            }
            return true;
        }
        return false;
    case OPK_LOCAL:
        if (arg < tuple_size(co->varnames)) {
            sb_append_str(sb, tuple_get(co->varnames, arg));
            return true;
        }
        return false;
    case OPK_DEREF:
        if (arg < co->ncellvars) {
            sb_append_str(sb, tuple_get(co->cellvars, arg));
            return true;
        }
        if (arg - co->ncellvars < co->nfreevars) {
            sb_append_str(sb, tuple_get(co->freevars, arg - co->ncellvars));
            return true;
        }
        return false;
    case OPK_NAME:
        if (arg < tuple_size(co->names)) {
            sb_append_str(sb, tuple_get(co->names, arg));
            return true;
        }
        return false;
    case OPK_JUMP:
        sb_printf(sb, "to %u", arg);
        return true;
    case OPK_BINOP: {
        uint32_t base = arg & ~(uint32_t)BINOP_INPLACE;
        if (base >= BINOP_COUNT_) return false;
        sb_append_cstr(sb, binop_symbols[base]);
        if (arg & BINOP_INPLACE) sb_append_char(sb, '=');
        return true;
    }
    case OPK_CMP:
        if (arg < 6) {
            sb_append_cstr(sb, cmp_symbols[arg]);
            return true;
        }
        return false;
    case OPK_FLAGS:
        if (op == OP_FORMAT_VALUE) {
            static const char *const conv[] = {"", "str", "repr", "ascii"};
            const char *c = conv[arg & 3];
            if (!*c && !(arg & 4)) return false;
            sb_append_cstr(sb, c);
            if (arg & 4) sb_append_cstr(sb, *c ? ", with format" : "with format");
            return true;
        }
        return false;
    default:
        return false;
    }
}

void dis_instruction(CodeObject *co, uint32_t offset, int lineno, bool is_target, FILE *out) {
    uint32_t word = co->code[offset];
    int op = (int)INSTR_OP(word);
    uint32_t arg = op < OP_COUNT_ ? instr_plain_arg(op, INSTR_ARG(word)) : INSTR_ARG(word);
    char linebuf[16];
    if (lineno >= 0) snprintf(linebuf, sizeof linebuf, "%3d", lineno);
    else strcpy(linebuf, "   ");
    if (op >= OP_COUNT_) {
        fprintf(out, "%s    %s %4u <%d>\n", linebuf, is_target ? ">>" : "  ", offset, op);
        return;
    }
    StrBuilder sb;
    sb_init(&sb);
    sb_printf(&sb, "%s    %s %4u %-20s", linebuf, is_target ? ">>" : "  ", offset, opcode_names[op]);
    if (opcode_operand_kind[op] != OPK_NONE) {
        sb_printf(&sb, " %5u", arg);
        size_t before = sb.len;
        sb_append_cstr(&sb, " (");
        if (operand_text(co, op, arg, &sb)) sb_append_char(&sb, ')');
        else sb.len = before;
    }
    while (sb.len > 0 && sb.buf[sb.len - 1] == ' ') sb.len--;
    fwrite(sb.buf, 1, sb.len, out);
    fputc('\n', out);
    sb_free(&sb);
}

static void dis_one(CodeObject *co, FILE *out) {
    uint32_t n = co->ncode;
    bool *targets = mem_calloc(n ? n : 1, sizeof(bool));
    for (uint32_t i = 0; i < n; i++) {
        int op = (int)INSTR_OP(co->code[i]);
        if (op < OP_COUNT_ && opcode_operand_kind[op] == OPK_JUMP) {
            uint32_t t = INSTR_ARG(co->code[i]);
            if (t < n) targets[t] = true;
        }
        if (op < OP_COUNT_) i += opcode_cache_words[op];
    }
    int last_line = -1;
    for (uint32_t i = 0; i < n; i++) {
        int line = code_line_at(co, i);
        int shown = -1;
        if (line != last_line) {
            if (i > 0) fputc('\n', out);
            shown = line;
            last_line = line;
        }
        dis_instruction(co, i, shown, targets[i], out);
        int op = (int)INSTR_OP(co->code[i]);
        if (op < OP_COUNT_) i += opcode_cache_words[op];
    }
    mem_free(targets);
}

void dis_code(Object *code, FILE *out) {
    CodeObject *co = (CodeObject *)code;
    dis_one(co, out);
    for (size_t i = 0; i < tuple_size(co->consts); i++) {
        Object *c = tuple_get(co->consts, i);
        if (!IS_TYPE(c, CodeType)) continue;
        CodeObject *inner = (CodeObject *)c;
        fprintf(out, "\nDisassembly of <code object %s at %p, file \"%s\", line %d>:\n",
                str_data(inner->name), (void *)inner, str_data(inner->filename),
                inner->firstlineno);
        dis_code(c, out);
    }
}

/* ---- the dis module ------------------------------------------------------ */

/* The code object behind x, if it has one (new ref); NULL without error
 * when it has none. */
static Object *code_of(Object *x) {
    if (IS_TYPE(x, MethodType)) x = ((MethodObject *)x)->func;
    if (IS_TYPE(x, FunctionType)) return NEWREF(((FunctionObject *)x)->code);
    if (IS_TYPE(x, CodeType)) return NEWREF(x);
    if (IS_TYPE(x, StaticMethodType) || IS_TYPE(x, ClassMethodType)) {
        Object *f = obj_lookup_attr(x, intern_cstr("__func__"));
        if (!f) return NULL;
        Object *c = IS_TYPE(f, FunctionType) ? NEWREF(((FunctionObject *)f)->code) : NULL;
        DECREF(f);
        return c;
    }
    return NULL;
}

static int write_to_stdout(const char *buf, size_t len) {
    Object *s = str_from_utf8(buf, len);
    if (!s) return -1;
    Interp *in = ts_current()->interp;
    Object *out = in->sysdict ? dict_get_cstr(in->sysdict, "stdout") : NULL;
    if (!out || out == OBJ_NONE) {
        XDECREF(out);
        fwrite(buf, 1, len, stdout);
        DECREF(s);
        return 0;
    }
    Object *r = obj_call_method(out, "write", &s, 1);
    DECREF(out);
    DECREF(s);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static int dis_class(Object *cls, FILE *out) {
    Object *d = ((TypeObject *)cls)->dict;
    Object *items = d ? dict_items_list(d) : NULL;
    if (!items) return d ? -1 : 0;
    if (list_sort(items, NULL, false) < 0) {
        /* unorderable values: fall back to definition order */
        err_clear();
    }
    for (size_t i = 0; i < list_size(items); i++) {
        Object *pair = ((ListObject *)items)->items[i];
        Object *code = code_of(tuple_get(pair, 1));
        if (!code) {
            if (err_occurred()) err_clear();
            continue;
        }
        fprintf(out, "Disassembly of %s:\n", str_data(tuple_get(pair, 0)));
        dis_code(code, out);
        fputc('\n', out);
        DECREF(code);
    }
    DECREF(items);
    return 0;
}

static Object *dis_dis(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    static const char *const kwlist[] = {"x", NULL};
    Object *x = NULL;
    if (arg_bind("dis", args, nargs, kwnames, kwlist, 0, &x) < 0) return NULL;
    if (!x) return err_set(Exc_TypeError, "dis() needs an object to disassemble");
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out) return err_no_memory();
    int rc = 0;
    Object *code = code_of(x);
    if (code) {
        dis_code(code, out);
        DECREF(code);
    } else if (err_occurred()) {
        rc = -1;
    } else if (STR_CHECK(x)) {
        code = compile_source(str_data(x), str_size(x), "<dis>", COMPILE_FILE);
        if (code) {
            dis_code(code, out);
            DECREF(code);
        } else {
            rc = -1;
        }
    } else if (HAS_FLAG(x, TPFLAG_TYPE_SUBCLASS) || IS_TYPE(x, TypeType)) {
        rc = dis_class(x, out);
    } else {
        err_format(Exc_TypeError, "don't know how to disassemble %s objects", type_name(TYPE(x)));
        rc = -1;
    }
    fclose(out);
    if (rc == 0) rc = write_to_stdout(buf, len);
    free(buf);   /* open_memstream's buffer comes from libc malloc */
    if (rc < 0) return NULL;
    RETURN_NONE;
}

static const MethodDef dis_methods[] = {
    {"dis", dis_dis, METH_DEFAULT, "Disassemble a function, method, class, code object or source string."},
    {NULL},
};

Object *dis_module_init(void) {
    Object *m = module_new("dis");
    if (!m) return NULL;
    if (module_add_methods(m, dis_methods) < 0) goto fail;
    Object *names = list_new(OP_COUNT_);
    if (!names) goto fail;
    for (int i = 0; i < OP_COUNT_; i++) {
        Object *s = str_from_cstr(opcode_names[i]);
        if (!s) {
            DECREF(names);
            goto fail;
        }
        list_set_init(names, i, s);
    }
    int rc = module_add(m, "opname", names);
    DECREF(names);
    if (rc < 0) goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
