/* code.c — code objects (see code.h): construction from the compiler's
 * CodeSpec, line lookup, and the `code` type's attributes.
 *
 * code_new copies every array, so the compiler's scratch (Boehm heap) is
 * never referenced from a code object, and allocates the zeroed inline
 * caches the VM fills while running (frame.h, InlineCache).
 */
#include <string.h>
#include "gilt.h"
#include "frame.h"
#include "function.h"
#include "str.h"
#include "tuple.h"


static void *copy_array(const void *src, size_t count, size_t elem) {
    if (!src || count == 0) return NULL;
    void *dst = mem_alloc(count * elem);
    memcpy(dst, src, count * elem);
    return dst;
}

static Object *empty_tuple_ref(void) { return tuple_new(0); }

/* Code objects made while the program has one thread (free-threaded build):
 * their caches may hold mortal values until code_drop_mortal_cache_values.
 * Only that one thread touches the list, and only until then. */
static CodeObject *unthreaded_codes;
static bool unthreaded_list_closed;

static void unthreaded_link(CodeObject *co) {
    if (!GILT_FT || unthreaded_list_closed || !co->caches) return;
    co->unthreaded_next = unthreaded_codes;
    if (unthreaded_codes) unthreaded_codes->unthreaded_prev = co;
    unthreaded_codes = co;
}

static void unthreaded_unlink(CodeObject *co) {
    if (co->unthreaded_prev) co->unthreaded_prev->unthreaded_next = co->unthreaded_next;
    else if (unthreaded_codes == co) unthreaded_codes = co->unthreaded_next;
    if (co->unthreaded_next) co->unthreaded_next->unthreaded_prev = co->unthreaded_prev;
    co->unthreaded_prev = co->unthreaded_next = NULL;
}

void code_drop_mortal_cache_values(void) {
    if (unthreaded_list_closed) return;
    unthreaded_list_closed = true;
    while (unthreaded_codes) {
        CodeObject *co = unthreaded_codes;
        InlineCache *caches = co->caches;
        /* Every entry with a value, immortal or not: a stale entry's value
         * may already be freed, so it must not be looked at. The entries
         * that matter refill on their next miss, with immortal values. */
        for (uint32_t i = 0; i < co->ncaches; i++)
            if (caches[i].value)
                memset(&caches[i], 0, sizeof caches[i]);   /* an empty entry: a miss */
        unthreaded_unlink(co);
    }
}

Object *code_new(const CodeSpec *spec) {
    if (!(CodeType.flags & TPFLAG_READY) && vm_types_init() < 0) return NULL;
    CodeObject *co = (CodeObject *)obj_alloc(&CodeType, sizeof(CodeObject));
    if (!co) return NULL;
    co->ncode = spec->ncode;
    co->code = copy_array(spec->code, spec->ncode, sizeof(uint32_t));
    if (!co->code) co->code = mem_calloc(1, sizeof(uint32_t));
    co->lines = copy_array(spec->lines, spec->ncode, sizeof(int32_t));
    co->cols = copy_array(spec->cols, spec->ncode, sizeof(uint16_t));
    co->consts = spec->consts ? NEWREF(spec->consts) : empty_tuple_ref();
    co->names = spec->names ? NEWREF(spec->names) : empty_tuple_ref();
    co->varnames = spec->varnames ? NEWREF(spec->varnames) : empty_tuple_ref();
    co->cellvars = spec->cellvars ? NEWREF(spec->cellvars) : empty_tuple_ref();
    co->freevars = spec->freevars ? NEWREF(spec->freevars) : empty_tuple_ref();
    co->nlocals = (uint32_t)tuple_size(co->varnames);
    co->ncellvars = (uint32_t)tuple_size(co->cellvars);
    co->nfreevars = (uint32_t)tuple_size(co->freevars);
    co->cell2arg = NULL;
    if (spec->cell2arg && co->ncellvars) {
        for (uint32_t i = 0; i < co->ncellvars; i++)
            if (spec->cell2arg[i] >= 0) {
                co->cell2arg = copy_array(spec->cell2arg, co->ncellvars, sizeof(int32_t));
                break;
            }
    }
    co->argcount = spec->argcount;
    co->posonlyargcount = spec->posonlyargcount;
    co->kwonlyargcount = spec->kwonlyargcount;
    co->stacksize = spec->stacksize + 2;   /* slack for the exception pushed by unwinding */
    co->maxblocks = spec->maxblocks;
    co->flags = spec->flags;
    co->ncaches = spec->ncaches;
    co->caches = spec->ncaches ? mem_calloc(spec->ncaches, sizeof(InlineCache)) : NULL;
    co->name = spec->name ? NEWREF(spec->name) : NEWREF(intern_cstr("?"));
    co->qualname = spec->qualname ? NEWREF(spec->qualname) : NEWREF(co->name);
    co->filename = spec->filename ? NEWREF(spec->filename) : NEWREF(intern_cstr("<unknown>"));
    co->firstlineno = spec->firstlineno;
    co->docstring = XNEWREF(spec->docstring);
    unthreaded_link(co);
    return (Object *)co;
}

int code_line_at(CodeObject *co, uint32_t offset) {
    if (!co->lines || co->ncode == 0) return co->firstlineno;
    if (offset >= co->ncode) offset = co->ncode - 1;
    return co->lines[offset];
}

static void code_dealloc(Object *self) {
    CodeObject *co = (CodeObject *)self;
    unthreaded_unlink(co);
    mem_free(co->code);
    mem_free(co->lines);
    mem_free(co->cols);
    mem_free(co->cell2arg);
    mem_free(co->caches);
    XDECREF(co->consts);
    XDECREF(co->names);
    XDECREF(co->varnames);
    XDECREF(co->cellvars);
    XDECREF(co->freevars);
    XDECREF(co->name);
    XDECREF(co->qualname);
    XDECREF(co->filename);
    XDECREF(co->docstring);
    obj_free(self);
}

static Object *code_repr(Object *self) {
    CodeObject *co = (CodeObject *)self;
    return str_format("<code object %U at %p, file \"%U\", line %d>", co->name, self,
                      co->filename, co->firstlineno);
}

static Object *code_get_flags(Object *self, void *c) {
    return int_from_i64(((CodeObject *)self)->flags);
}
static Object *code_get_argcount(Object *self, void *c) {
    CodeObject *co = (CodeObject *)self;
    switch ((intptr_t)c) {
    case 0: return int_from_i64(co->argcount);
    case 1: return int_from_i64(co->posonlyargcount);
    case 2: return int_from_i64(co->kwonlyargcount);
    case 3: return int_from_i64(co->nlocals);
    case 4: return int_from_i64(co->stacksize);
    default: return int_from_i64(co->firstlineno);
    }
}
/* co_code as bytes of the little-endian instruction words. */
static Object *code_get_code(Object *self, void *c) {
    CodeObject *co = (CodeObject *)self;
    return bytes_from((const char *)co->code, co->ncode * sizeof(uint32_t));
}

static const GetSetDef code_getsets[] = {
    {"co_flags", code_get_flags, NULL, NULL, NULL},
    {"co_argcount", code_get_argcount, NULL, NULL, (void *)0},
    {"co_posonlyargcount", code_get_argcount, NULL, NULL, (void *)1},
    {"co_kwonlyargcount", code_get_argcount, NULL, NULL, (void *)2},
    {"co_nlocals", code_get_argcount, NULL, NULL, (void *)3},
    {"co_stacksize", code_get_argcount, NULL, NULL, (void *)4},
    {"co_firstlineno", code_get_argcount, NULL, NULL, (void *)5},
    {"co_code", code_get_code, NULL, NULL, NULL},
    {NULL},
};

static const MemberDef code_members[] = {
    {"co_consts", MEMBER_OBJECT, offsetof(CodeObject, consts), true, NULL},
    {"co_names", MEMBER_OBJECT, offsetof(CodeObject, names), true, NULL},
    {"co_varnames", MEMBER_OBJECT, offsetof(CodeObject, varnames), true, NULL},
    {"co_cellvars", MEMBER_OBJECT, offsetof(CodeObject, cellvars), true, NULL},
    {"co_freevars", MEMBER_OBJECT, offsetof(CodeObject, freevars), true, NULL},
    {"co_name", MEMBER_OBJECT, offsetof(CodeObject, name), true, NULL},
    {"co_qualname", MEMBER_OBJECT, offsetof(CodeObject, qualname), true, NULL},
    {"co_filename", MEMBER_OBJECT, offsetof(CodeObject, filename), true, NULL},
    {NULL},
};

TypeObject CodeType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "code",
    .basicsize = sizeof(CodeObject),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .getattr = obj_generic_getattr,
    .members = code_members,
    .getsets = code_getsets,
};
