/* frame.c — the slow paths of frame allocation (see frame.h, which has the
 * inline fast paths: push, pop, clear).
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

_Thread_local FrameChunk *frame_current_chunk;

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

Frame *frame_push_slow(CodeObject *code) {
    size_t need = frame_size(code);
    FrameChunk *c = frame_current_chunk;
    if (!c) c = frame_current_chunk = chunk_new(NULL, need);
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
        c = frame_current_chunk = next;
    }
    Frame *f = (Frame *)c->top;
    c->top += need;
    frame_layout(f, code);
    return f;
}

void frame_thread_exit(void) {
    FrameChunk *c = frame_current_chunk;
    frame_current_chunk = NULL;
    if (!c) return;
    while (c->prev) c = c->prev;
    while (c) {
        FrameChunk *next = c->next;
        mem_free(c);
        c = next;
    }
}

Frame *frame_new_heap(CodeObject *code) {
    Frame *f = mem_alloc(frame_size(code));
    frame_layout(f, code);
    f->on_heap = 1;
    return f;
}

void frame_free_heap(Frame *f) { mem_free(f); }

int frame_line(Frame *f) {
    return code_line_at(f->code, (uint32_t)(f->instr - f->code->code));
}
