/* frame.h — activation records of the VM (frame.c), and the inline-cache
 * entries the eval loop keeps in code objects.
 *
 * A frame is one allocation: the Frame header followed by
 *     localsplus[0 .. nlocals)                  local variable slots
 *     localsplus[nlocals .. + ncells)           cell objects (cellvars, freevars)
 *     localsplus[.. + stacksize)                the value stack
 *     then maxblocks TryBlock entries            the block stack
 * with every size taken from the code object.
 *
 * Ordinary calls take frames from a per-thread chunked stack (frame_push /
 * frame_pop, strictly last-in first-out, a pointer bump each way). Frames of
 * generators and coroutines outlive the call that made them, so they are
 * allocated on the heap (frame_new_heap) and freed by their generator.
 *
 * Ownership: a frame owns a reference to `func` when it has one, and then
 * borrows code/globals/builtins from it; without a function (module and
 * class bodies run by eval_code) it owns code, globals and builtins itself.
 * It owns `locals` (a mapping, or NULL for function frames), every non-NULL
 * local slot and cell, and every value-stack entry below `sp`.
 */
#ifndef GILT_FRAME_H
#define GILT_FRAME_H

#include "object.h"
#include "code.h"
#include "interp.h"
#include "lock.h"

typedef struct TryBlock {
    uint32_t handler;          /* word offset of the handler                 */
    uint32_t level;            /* value-stack depth to unwind to             */
} TryBlock;

enum {
    FRAME_CREATED,             /* not yet started (fresh generator)          */
    FRAME_RUNNING,
    FRAME_SUSPENDED,           /* a generator stopped at a yield             */
    FRAME_DONE,                /* returned or raised; slots cleared          */
};

typedef struct Frame {
    struct Frame *back;        /* the caller's frame (NULL at the bottom)    */
    CodeObject *code;
    Object *func;              /* owned FunctionObject, or NULL              */
    Object *globals;           /* dict                                       */
    Object *builtins;          /* dict                                       */
    Object *locals;            /* owned mapping for module/class bodies      */
    uint32_t *ip;              /* where execution resumes                    */
    uint32_t *instr;           /* the instruction running (line numbers)     */
    Object **sp;               /* value stack top (saved at calls/yields)    */
    Object **stack;            /* value stack base                           */
    Object **cells;            /* localsplus + nlocals                       */
    TryBlock *blocks;
    uint32_t nblocks;
    uint8_t is_entry;          /* returning from it leaves the C eval loop   */
    uint8_t on_heap;           /* generator frame (frame_new_heap)           */
    uint8_t state;             /* FRAME_*                                    */
    uint8_t owns_code;         /* code/globals/builtins owned (func NULL)    */
    uint8_t yielded_value;     /* last suspension was YIELD_VALUE (1) or a
                                  value passed up by YIELD_FROM (0)          */
    Object *gen;               /* borrowed: the generator running this frame */
    Object *localsplus[];
} Frame;

/* Inline cache entry (one per cached instruction, in CodeObject.caches). */
typedef struct InlineCache {
    uint32_t seq;              /* odd while a thread rewrites the entry      */
    uint32_t kind;             /* what the entry means (eval.c)              */
    const void *key;           /* globals dict or type the entry is valid for */
    uint64_t version;          /* its dict or type version                   */
    uint64_t version2;         /* builtins dict version (LOAD_GLOBAL)        */
    Object *value;             /* borrowed: valid while the versions match   */
} InlineCache;

/* The per-thread frame stack: chunks used last-in first-out. */
typedef struct FrameChunk {
    struct FrameChunk *prev, *next;
    char *top;                 /* first free byte                           */
    char *limit;               /* one past the last usable byte             */
    _Alignas(16) char data[];
} FrameChunk;
extern _Thread_local FrameChunk *frame_current_chunk;

/* Bytes a frame for `code` needs. */
static inline size_t frame_size(CodeObject *code) {
    size_t slots = (size_t)code->nlocals + code->ncellvars + code->nfreevars + code->stacksize;
    size_t n = sizeof(Frame) + slots * sizeof(Object *) + code->maxblocks * sizeof(TryBlock);
    return (n + 15) & ~(size_t)15;
}

/* Point the slot arrays into the frame's one allocation and reset the
 * header, field by field (cheaper than a memset on every call). */
static inline void frame_layout_from(Frame *f, CodeObject *code, size_t first_unset) {
    size_t ncells = (size_t)code->ncellvars + code->nfreevars;
    size_t nslots = (size_t)code->nlocals + ncells;
    f->back = NULL;
    f->code = code;
    f->func = f->globals = f->builtins = f->locals = NULL;
    f->ip = f->instr = code->code;
    f->cells = f->localsplus + code->nlocals;
    f->stack = f->cells + ncells;
    f->sp = f->stack;
    f->blocks = (TryBlock *)(f->stack + code->stacksize);
    f->nblocks = 0;
    f->is_entry = f->on_heap = f->owns_code = f->yielded_value = 0;
    f->state = FRAME_CREATED;
    f->gen = NULL;
    for (size_t i = first_unset; i < nslots; i++) f->localsplus[i] = NULL;
}

static inline void frame_layout(Frame *f, CodeObject *code) { frame_layout_from(f, code, 0); }

Frame *frame_push_slow(CodeObject *code);

/* Free this thread's frame chunks; called once no frame of the thread is
 * live any more (its ThreadState is being deleted), so an exiting thread
 * does not leave its frame stack behind. */
void frame_thread_exit(void);

/* A frame for `code` on this thread's frame stack; slots zeroed, header set
 * up except func/globals/builtins/locals, which the caller fills (aborts
 * on out-of-memory). */
static inline Frame *frame_push(CodeObject *code) {
    size_t need = frame_size(code);
    FrameChunk *c = frame_current_chunk;
    if (__builtin_expect(c != NULL && (size_t)(c->limit - c->top) >= need, 1)) {
        Frame *f = (Frame *)c->top;
        c->top += need;
        frame_layout(f, code);
        return f;
    }
    return frame_push_slow(code);
}

/* frame_push for a caller that fills local slots [0, nargs) itself at once
 * (they are left uninitialized here). */
static inline Frame *frame_push_args(CodeObject *code, size_t nargs) {
    size_t need = frame_size(code);
    FrameChunk *c = frame_current_chunk;
    if (__builtin_expect(c != NULL && (size_t)(c->limit - c->top) >= need, 1)) {
        Frame *f = (Frame *)c->top;
        c->top += need;
        frame_layout_from(f, code, nargs);
        return f;
    }
    return frame_push_slow(code);
}

/* Release the most recently pushed frame's memory (after frame_clear). */
static inline void frame_pop(Frame *f) {
    FrameChunk *c = frame_current_chunk;
    c->top = (char *)f;
    /* Leaving a chunk empty: continue in the previous one (its top already
     * sits past the frames still live there). */
    if (c->top == c->data && c->prev) frame_current_chunk = c->prev;
}

/* frame_clear's body, always inlined with a constant sole_thread (when
 * threads_may_contend() is false, refcount.h's _SOLE_THREAD forms), so
 * each of frame_clear's two calls is specialized. */
static inline __attribute__((always_inline)) void frame_clear_(Frame *f, bool sole_thread) {
    CodeObject *code = f->code;
    size_t nslots = (size_t)code->nlocals + code->ncellvars + code->nfreevars;
    for (size_t i = 0; i < nslots; i++) {
        Object *v = f->localsplus[i];
        if (v) {
            f->localsplus[i] = NULL;
            if (sole_thread) DECREF_SOLE_THREAD(v);
            else DECREF(v);
        }
    }
    while (f->sp > f->stack) {
        Object *v = *--f->sp;
        XDECREF(v);
    }
    f->nblocks = 0;
    if (f->locals) CLEAR(f->locals);
    if (f->func) {
        Object *func = f->func;
        f->func = NULL;
        if (sole_thread) DECREF_SOLE_THREAD(func);
        else DECREF(func);
    } else if (f->owns_code) {
        f->owns_code = 0;
        XDECREF(f->globals);
        XDECREF(f->builtins);
        DECREF(code);
    }
    f->globals = f->builtins = NULL;
    f->state = FRAME_DONE;
}

/* Drop every reference the frame holds (slots, stack, func/code/...).
 * One test of threads_may_contend (lock.h) for all of them. */
static inline __attribute__((always_inline)) void frame_clear(Frame *f) {
    if (threads_may_contend()) frame_clear_(f, false);
    else frame_clear_(f, true);
}

/* A frame that lives on the heap (generators); freed with frame_free_heap. */
Frame *frame_new_heap(CodeObject *code);
void frame_free_heap(Frame *f);
/* Source line of the instruction the frame is running. */
int frame_line(Frame *f);

/* eval.c: run a class body (a function made from the body's code) with
 * `ns` as its locals. On success *class_cell is the body's __class__ cell
 * (new reference) or NULL. */
Object *eval_class_body(Object *func, Object *ns, Object **class_cell);
/* generator.c: a generator/coroutine/async generator running frame `f`
 * (which it takes over). */
Object *gen_new_from_frame(Frame *f);
/* eval.c: resume a frame (generators): `throwflag` set means the pending
 * exception is raised at the frame's current instruction. Returns the
 * yielded or returned value (f->state tells which), or NULL. */
Object *eval_resume_frame(ThreadState *ts, Frame *f, int throwflag);
/* eval.c: the internal iterator-send used by YIELD_FROM and the generator
 * types: send `v` into `it`; *done set when `it` finished (the result is its
 * return value). */
Object *vm_send(Object *it, Object *v, bool *done);
/* eval.c: the awaitable iterator of `o` (GET_AWAITABLE). */
Object *vm_get_awaitable(Object *o);
/* eval.c: print one instruction of `co` at `offset` like dis does
 * (dis.c implements it; the tracer uses it). */
void dis_instruction(CodeObject *co, uint32_t offset, int lineno, bool is_target, FILE *out);

#endif
