/* frame.c — allocating, clearing and releasing frames (see frame.h).
 *
 * Ordinary frames come from a per-thread stack of chunks: pushing is a
 * pointer bump in the current chunk (a new chunk when it is full) and
 * popping moves the pointer back. Chunks are kept once allocated, so a
 * recursion that crosses a chunk boundary over and over does not allocate.
 * The chunks are plain memory (mem_alloc): frames are not objects.
 */
#include <string.h>
#include "frame.h"
#include "function.h"

enum { FRAME_CHUNK_BYTES = 256 * 1024 };

typedef struct FrameChunk {
    struct FrameChunk *prev, *next;
    char *top;                 /* first free byte                           */
    char *limit;               /* one past the last usable byte             */
    _Alignas(16) char data[];
} FrameChunk;

static _Thread_local FrameChunk *current_chunk;

size_t frame_size(CodeObject *code) {
    size_t slots = (size_t)code->nlocals + code->ncellvars + code->nfreevars + code->stacksize;
    size_t n = sizeof(Frame) + slots * sizeof(Object *) + code->maxblocks * sizeof(TryBlock);
    return (n + 15) & ~(size_t)15;
}

static FrameChunk *chunk_new(FrameChunk *prev, size_t need) {
    size_t bytes = need + sizeof(FrameChunk) > FRAME_CHUNK_BYTES
                       ? need + sizeof(FrameChunk) : FRAME_CHUNK_BYTES;
    FrameChunk *c = mem_alloc(bytes);
    c->prev = prev;
    c->next = NULL;
    c->top = c->data;
    c->limit = (char *)c + bytes;
    if (prev) prev->next = c;
    return c;
}

/* Point the slot arrays into the frame's one allocation. */
static void frame_layout(Frame *f, CodeObject *code) {
    memset(f, 0, sizeof(Frame));
    size_t ncells = (size_t)code->ncellvars + code->nfreevars;
    size_t nslots = (size_t)code->nlocals + ncells;
    memset(f->localsplus, 0, nslots * sizeof(Object *));
    f->code = code;
    f->cells = f->localsplus + code->nlocals;
    f->stack = f->cells + ncells;
    f->sp = f->stack;
    f->blocks = (TryBlock *)(f->stack + code->stacksize);
    f->ip = code->code;
    f->instr = code->code;
    f->state = FRAME_CREATED;
}

Frame *frame_push(CodeObject *code) {
    size_t need = frame_size(code);
    FrameChunk *c = current_chunk;
    if (!c) c = current_chunk = chunk_new(NULL, need);
    while ((size_t)(c->limit - c->top) < need) {
        FrameChunk *next = c->next;
        if (next && (size_t)(next->limit - next->data) < need) {
            /* a cached chunk too small for this frame: replace it */
            next->prev = NULL;
            c->next = next->next;
            if (next->next) next->next->prev = c;
            mem_free(next);
            next = NULL;
        }
        if (!next) {
            FrameChunk *after = c->next;
            next = chunk_new(c, need);
            next->next = after;
            if (after) after->prev = next;
        }
        next->top = next->data;
        c = current_chunk = next;
    }
    Frame *f = (Frame *)c->top;
    c->top += need;
    frame_layout(f, code);
    return f;
}

void frame_pop(Frame *f) {
    FrameChunk *c = current_chunk;
    c->top = (char *)f;
    /* Leaving a chunk empty: continue in the previous one (its top already
     * sits past the frames still live there). */
    if (c->top == c->data && c->prev) current_chunk = c->prev;
}

Frame *frame_new_heap(CodeObject *code) {
    Frame *f = mem_alloc(frame_size(code));
    frame_layout(f, code);
    f->on_heap = 1;
    return f;
}

void frame_free_heap(Frame *f) { mem_free(f); }

void frame_clear(Frame *f) {
    CodeObject *code = f->code;
    size_t nslots = (size_t)code->nlocals + code->ncellvars + code->nfreevars;
    for (size_t i = 0; i < nslots; i++) CLEAR(f->localsplus[i]);
    while (f->sp > f->stack) {
        Object *v = *--f->sp;
        XDECREF(v);
    }
    f->nblocks = 0;
    CLEAR(f->locals);
    if (f->func) {
        CLEAR(f->func);
    } else if (f->owns_code) {
        f->owns_code = 0;
        XDECREF(f->globals);
        XDECREF(f->builtins);
        DECREF(code);
    }
    f->globals = f->builtins = NULL;
    f->state = FRAME_DONE;
}

int frame_line(Frame *f) {
    return code_line_at(f->code, (uint32_t)(f->instr - f->code->code));
}
