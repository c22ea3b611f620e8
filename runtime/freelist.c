/* freelist.c — the per-thread int and float free lists (freelist.h). */
#include "gilt.h"
#include "freelist.h"

_Thread_local FreeList freelist_int;
_Thread_local FreeList freelist_float;

static void drain(FreeList *fl) {
    void *p;
    while ((p = freelist_pop(fl)) != NULL) obj_free(p);
}

void freelist_thread_exit(void) {
    drain(&freelist_int);
    drain(&freelist_float);
}
