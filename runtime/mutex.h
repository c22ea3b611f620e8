/* mutex.h — a mutex for process-wide runtime tables that only the
 * free-threaded build needs.
 *
 * Some runtime state is global rather than per object (the table of
 * interned strings, for one). In the GIL build every thread that touches
 * it holds the GIL, so it needs no lock of its own; in the free-threaded
 * build threads touch it at the same time. FtMutex is a real pthread mutex
 * in the free-threaded build and compiles to nothing in the GIL build:
 *
 *   static FtMutex table_lock = FT_MUTEX_INIT;
 *   ft_mutex_lock(&table_lock); ... ft_mutex_unlock(&table_lock);
 *
 * Like OBJ_LOCK (lock.h): hold it only around plain C work, never while
 * gilt code (a __hash__, an __eq__) may run.
 */
#ifndef GILT_MUTEX_H
#define GILT_MUTEX_H

#include "build.h"

#if GILT_FT
#include <pthread.h>

typedef struct FtMutex { pthread_mutex_t m; } FtMutex;
#define FT_MUTEX_INIT { PTHREAD_MUTEX_INITIALIZER }
static inline void ft_mutex_lock(FtMutex *m) { pthread_mutex_lock(&m->m); }
static inline void ft_mutex_unlock(FtMutex *m) { pthread_mutex_unlock(&m->m); }
#else
typedef struct FtMutex { char unused_; } FtMutex;
#define FT_MUTEX_INIT { 0 }
static inline void ft_mutex_lock(FtMutex *m) { (void)m; }
static inline void ft_mutex_unlock(FtMutex *m) { (void)m; }
#endif

#endif
