/* threadmodule.c — the `_thread` module: OS threads, locks, RLock and
 * thread-local data, the low-level layer under stdlib/threading.py.
 *
 * start_new_thread(func, args[, kwargs]) starts a detached pthread that gets
 * its own ThreadState (vm/threadstate.c), takes the GIL, calls func and
 * tears the state down again. An exception escaping func is handed to
 * `_thread._excepthook(exc)` when the threading module has installed one,
 * else printed as CPython does ("Exception ignored in thread started by:");
 * SystemExit ends the thread silently. New threads block SIGINT so that the
 * kernel delivers Ctrl-C to the main thread, which alone raises
 * KeyboardInterrupt.
 *
 * Locks are POSIX semaphores: acquire releases the GIL while it waits, and a
 * semaphore wait returns EINTR on a signal, so the main thread blocked on a
 * lock (and on join(), which is a lock) wakes up for Ctrl-C. RLock adds an
 * owner and a recursion count on top of the same primitive.
 *
 * Free-threaded build: when the first extra thread starts, the objects every
 * thread reads — modules, functions, code and constants, classes, and the
 * data module globals hold — are made immortal (immortalize.c), so calling
 * a shared function or reading a shared global does not bounce one shared
 * counter between cores (see docs/THREADS.md).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "gilt.h"
#include "alloc.h"
#include "immortalize.h"

#define TIMEOUT_MAX_SECONDS 9223372036.0

static Object *thread_module;        /* for _excepthook lookups (immortal)  */
static size_t thread_stack_size;     /* 0: the pthread default              */
static int64_t threads_running;      /* atomic: _thread._count()            */
static bool first_thread_started;

/* ---- waiting on a semaphore without the GIL --------------------------- */

/* Parse acquire(blocking=True, timeout=-1) into a timeout in seconds:
 * negative = forever, 0 = don't wait. 0 / -1. */
static int parse_acquire_args(const char *fname, Object *const *args, size_t nargs,
                              Object *kwnames, double *timeout) {
    static const char *const kwlist[] = {"blocking", "timeout", NULL};
    Object *vals[2] = {NULL, NULL};
    if (arg_bind(fname, args, nargs, kwnames, kwlist, 0, vals) < 0) return -1;
    int blocking = 1;
    if (vals[0]) {
        blocking = obj_is_true(vals[0]);
        if (blocking < 0) return -1;
    }
    double t = -1;
    if (vals[1]) {
        if (FLOAT_CHECK(vals[1])) t = float_as_double(vals[1]);
        else if (INT_CHECK(vals[1])) {
            t = int_as_double(vals[1]);
            if (t == -1 && err_occurred()) return -1;
        } else {
            err_format(Exc_TypeError, "'%T' object cannot be interpreted as an integer or float",
                       vals[1]);
            return -1;
        }
    }
    if (!blocking && t != -1) {
        err_set(Exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1) {
        err_set(Exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (t > TIMEOUT_MAX_SECONDS) {
        err_set(Exc_OverflowError, "timeout value is too large");
        return -1;
    }
    *timeout = blocking ? t : 0;
    return 0;
}

/* 1 acquired, 0 timed out, -1 an exception (KeyboardInterrupt) is set. */
static int sem_acquire_timed(sem_t *sem, double timeout) {
    if (sem_trywait(sem) == 0) return 1;
    if (timeout == 0) return 0;
    ThreadState *ts = ts_current();
    struct timespec deadline = {0, 0};
    if (timeout > 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        double whole = (double)(int64_t)timeout;
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
    }
    for (;;) {
        BLOCKING_BEGIN(ts);
        int rc = timeout < 0 ? sem_wait(sem)
                             : sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
        int saved_errno = errno;
        BLOCKING_END(ts);
        if (rc == 0) return 1;
        if (saved_errno == ETIMEDOUT) return 0;
        if (saved_errno != EINTR) {
            errno = saved_errno;
            err_from_errno(Exc_OSError, NULL);
            return -1;
        }
        /* A signal: Ctrl-C becomes KeyboardInterrupt in the main thread. */
        if (__atomic_load_n(&ts->eval_breaker, __ATOMIC_ACQUIRE) &&
            eval_breaker_handle(ts) < 0)
            return -1;
    }
}

/* ---- _thread.lock -------------------------------------------------------- */

typedef struct LockObject {
    OBJECT_HEAD
    sem_t sem;
    bool locked;                  /* atomic; for locked() and release checks */
} LockObject;

TypeObject LockType;

static Object *lock_create(void) {
    LockObject *l = (LockObject *)obj_alloc(&LockType, sizeof(LockObject));
    if (!l) return NULL;
    sem_init(&l->sem, 0, 1);
    l->locked = false;
    return (Object *)l;
}

static void lock_dealloc(Object *self) {
    sem_destroy(&((LockObject *)self)->sem);
    obj_free(self);
}

static Object *lock_acquire(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    LockObject *l = (LockObject *)self;
    double timeout;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &timeout) < 0) return NULL;
    int r = sem_acquire_timed(&l->sem, timeout);
    if (r < 0) return NULL;
    if (r) __atomic_store_n(&l->locked, true, __ATOMIC_RELAXED);
    RETURN_BOOL(r);
}

static Object *lock_release(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    LockObject *l = (LockObject *)self;
    if (arg_no_kw("release", kwnames) < 0 || arg_count("release", nargs, 0, 0) < 0)
        return NULL;
    /* Clearing the flag with an exchange makes a double release fail even
     * when two threads race to release. */
    if (!__atomic_exchange_n(&l->locked, false, __ATOMIC_ACQ_REL))
        return err_set(Exc_RuntimeError, "release unlocked lock");
    sem_post(&l->sem);
    RETURN_NONE;
}

static Object *lock_exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return lock_release(self, NULL, 0, NULL);
}

static Object *lock_locked(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    RETURN_BOOL(__atomic_load_n(&((LockObject *)self)->locked, __ATOMIC_RELAXED));
}

static Object *lock_repr(Object *self) {
    return str_format("<%s _thread.lock object at %p>",
                      ((LockObject *)self)->locked ? "locked" : "unlocked", (void *)self);
}

static const MethodDef lock_methods[] = {
    {"acquire", lock_acquire, 0, "acquire(blocking=True, timeout=-1) -> bool"},
    {"acquire_lock", lock_acquire, 0, NULL},
    {"__enter__", lock_acquire, 0, NULL},
    {"release", lock_release, 0, "release the lock; RuntimeError if unlocked"},
    {"release_lock", lock_release, 0, NULL},
    {"__exit__", lock_exit, 0, NULL},
    {"locked", lock_locked, 0, "whether the lock is held"},
    {"locked_lock", lock_locked, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject LockType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "_thread.lock",
    .basicsize = sizeof(LockObject),
    .dealloc = lock_dealloc,
    .repr = lock_repr,
    .methods = lock_methods,
};

/* ---- _thread.RLock ------------------------------------------------------- */

typedef struct RLockObject {
    OBJECT_HEAD
    sem_t sem;
    unsigned long owner;          /* get_ident() of the holder, 0 if free    */
    uint64_t count;               /* recursion depth, owner-only            */
} RLockObject;

TypeObject RLockType;

static unsigned long current_ident(void) { return (unsigned long)pthread_self(); }

static Object *rlock_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    RLockObject *r = (RLockObject *)obj_new_instance(type, 0);
    if (!r) return NULL;
    sem_init(&r->sem, 0, 1);
    return (Object *)r;
}

static void rlock_dealloc(Object *self) {
    sem_destroy(&((RLockObject *)self)->sem);
    obj_free(self);
}

static Object *rlock_acquire(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    double timeout;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &timeout) < 0) return NULL;
    unsigned long me = current_ident();
    if (__atomic_load_n(&r->owner, __ATOMIC_RELAXED) == me) {
        if (r->count == UINT64_MAX)
            return err_set(Exc_OverflowError, "Internal lock count overflowed");
        r->count++;
        RETURN_BOOL(1);
    }
    int got = sem_acquire_timed(&r->sem, timeout);
    if (got < 0) return NULL;
    if (got) {
        __atomic_store_n(&r->owner, me, __ATOMIC_RELAXED);
        r->count = 1;
    }
    RETURN_BOOL(got);
}

static Object *rlock_release(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0 || __atomic_load_n(&r->owner, __ATOMIC_RELAXED) != current_ident())
        return err_set(Exc_RuntimeError, "cannot release un-acquired lock");
    if (--r->count == 0) {
        __atomic_store_n(&r->owner, 0, __ATOMIC_RELAXED);
        sem_post(&r->sem);
    }
    RETURN_NONE;
}

static Object *rlock_exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return rlock_release(self, NULL, 0, NULL);
}

static Object *rlock_is_owned(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    RETURN_BOOL(r->count > 0 && __atomic_load_n(&r->owner, __ATOMIC_RELAXED) == current_ident());
}

/* Condition.wait support: give the lock up completely, returning the state
 * (count, owner) that _acquire_restore puts back. */
static Object *rlock_release_save(Object *self, Object *const *args, size_t nargs,
                                  Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    if (r->count == 0)
        return err_set(Exc_RuntimeError, "cannot release un-acquired lock");
    Object *count = int_from_u64(r->count);
    Object *owner = int_from_u64(r->owner);
    Object *state = (count && owner) ? tuple_pack(2, count, owner) : NULL;
    XDECREF(count);
    XDECREF(owner);
    if (!state) return NULL;
    r->count = 0;
    __atomic_store_n(&r->owner, 0, __ATOMIC_RELAXED);
    sem_post(&r->sem);
    return state;
}

static Object *rlock_acquire_restore(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    if (arg_count("_acquire_restore", nargs, 1, 1) < 0) return NULL;
    Object *state = args[0];
    if (!TUPLE_CHECK(state) || tuple_size(state) != 2)
        return err_set(Exc_TypeError, "_acquire_restore() argument must be a 2-tuple");
    for (size_t i = 0; i < 2; i++) {
        if (!INT_CHECK(tuple_get(state, i)))
            return err_format(Exc_TypeError,
                              "_acquire_restore() argument 1, item %zu must be int, not %s", i,
                              type_name(TYPE(tuple_get(state, i))));
    }
    int64_t count = int_as_i64(tuple_get(state, 0));
    if (count == -1 && err_occurred()) return NULL;
    int got = sem_acquire_timed(&r->sem, -1);
    if (got < 0) return NULL;
    __atomic_store_n(&r->owner, current_ident(), __ATOMIC_RELAXED);
    r->count = (uint64_t)count;
    RETURN_NONE;
}

static Object *rlock_recursion_count(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    RLockObject *r = (RLockObject *)self;
    bool mine = __atomic_load_n(&r->owner, __ATOMIC_RELAXED) == current_ident();
    return int_from_u64(mine ? r->count : 0);
}

static Object *rlock_repr(Object *self) {
    RLockObject *r = (RLockObject *)self;
    return str_format("<%s %s object owner=%lu count=%llu at %p>",
                      r->count ? "locked" : "unlocked", TYPE(self)->name,
                      r->owner, (unsigned long long)r->count, (void *)self);
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, 0, "acquire(blocking=True, timeout=-1) -> bool"},
    {"__enter__", rlock_acquire, 0, NULL},
    {"release", rlock_release, 0, NULL},
    {"__exit__", rlock_exit, 0, NULL},
    {"_is_owned", rlock_is_owned, 0, NULL},
    {"_release_save", rlock_release_save, 0, NULL},
    {"_acquire_restore", rlock_acquire_restore, 0, NULL},
    {"_recursion_count", rlock_recursion_count, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject RLockType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "_thread.RLock",
    .basicsize = sizeof(RLockObject),
    .flags = TPFLAG_BASETYPE,
    .dealloc = rlock_dealloc,
    .new_ = rlock_new,
    .repr = rlock_repr,
    .methods = rlock_methods,
};

/* ---- _thread._local ------------------------------------------------------
 * Each thread keeps, in ts->dict, a dict from a local object's serial number
 * to that thread's attribute dict for it. Serial numbers are never reused,
 * so a new local object can never see a dead one's data. A thread's dicts
 * go away with the thread; the entry of a dead local object in a thread
 * that is still running stays until that thread exits. */

typedef struct LocalObject {
    OBJECT_HEAD
    uint64_t serial;
    Object *init_args;            /* tuple: replayed into __init__ per thread */
    Object *init_kwargs;          /* dict or NULL                           */
} LocalObject;

TypeObject LocalType;
static uint64_t local_next_serial = 1;

/* The calling thread's attribute dict for `self` (borrowed), created on
 * first use; *created tells whether it is new. NULL on error. */
static Object *local_thread_dict(LocalObject *self, bool *created) {
    ThreadState *ts = ts_current();
    *created = false;
    if (!ts->dict && !(ts->dict = dict_new())) return NULL;
    Object *key = int_from_u64(self->serial);
    if (!key) return NULL;
    Object *d = NULL;
    int found = dict_lookup(ts->dict, key, &d);
    if (found == 0) {
        d = dict_new();
        if (!d || dict_set(ts->dict, key, d) < 0) {
            XDECREF(d);
            DECREF(key);
            return NULL;
        }
        *created = true;
    }
    DECREF(key);
    if (found < 0) return NULL;
    DECREF(d);                    /* ts->dict keeps it alive */
    return d;
}

/* In a thread that has not seen `self` yet, run the subclass's __init__
 * with the original arguments, as CPython's threading.local does. */
static Object *local_dict_for(LocalObject *self) {
    bool created;
    Object *d = local_thread_dict(self, &created);
    if (!d || !created || TYPE(self) == &LocalType) return d;
    Object *init = type_lookup_cstr_ref(TYPE(self), "__init__");
    bool own_init = init && TYPE(init) != &SlotWrapperType;
    XDECREF(init);
    if (own_init) {
        Object *bound = obj_getattr_cstr((Object *)self, "__init__");
        if (!bound) return NULL;
        Object *r = obj_call_tuple_dict(bound, self->init_args, self->init_kwargs);
        DECREF(bound);
        if (!r) return NULL;
        DECREF(r);
    }
    return d;
}

static Object *local_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    if (type == &LocalType && (nargs || nkw))
        return err_set(Exc_TypeError, "Initialization arguments are not supported");
    LocalObject *self = (LocalObject *)obj_new_instance(type, 0);
    if (!self) return NULL;
    self->serial = __atomic_fetch_add(&local_next_serial, 1, __ATOMIC_RELAXED);
    self->init_args = tuple_from_array(args, nargs);
    if (!self->init_args) goto fail;
    if (nkw) {
        self->init_kwargs = dict_new();
        if (!self->init_kwargs) goto fail;
        for (size_t i = 0; i < nkw; i++) {
            if (dict_set(self->init_kwargs, tuple_get(kwnames, i), args[nargs + i]) < 0)
                goto fail;
        }
    }
    /* The creating thread's dict exists from the start, so the __init__
     * that type.__call__ runs next fills it instead of running twice. */
    bool created;
    if (!local_thread_dict(self, &created)) goto fail;
    return (Object *)self;
fail:
    DECREF(self);
    return NULL;
}

static void local_dealloc(Object *o) {
    LocalObject *self = (LocalObject *)o;
    ThreadState *ts = ts_current();
    if (ts && ts->dict) {
        Object *key = int_from_u64(self->serial);
        if (key) {
            if (dict_pop(ts->dict, key, NULL) < 0) err_clear();
            DECREF(key);
        }
    }
    XDECREF(self->init_args);
    XDECREF(self->init_kwargs);
    TypeObject *t = TYPE(o);
    if (t->dictoffset) {
        Object **dp = (Object **)((char *)o + t->dictoffset);
        CLEAR(*dp);
    }
    obj_free(o);
    if (t->flags & TPFLAG_HEAPTYPE) DECREF(t);
}

/* Does o's class define `name` as a data descriptor (a property)? */
static bool class_has_data_descr(Object *o, Object *name) {
    Object *cls_attr = type_lookup_ref(TYPE(o), name);
    bool r = cls_attr && TYPE(cls_attr)->descr_set;
    XDECREF(cls_attr);
    return r;
}

static Object *local_getattr(Object *o, Object *name) {
    LocalObject *self = (LocalObject *)o;
    Object *d = local_dict_for(self);
    if (!d) return NULL;
    if (str_eq_cstr(name, "__dict__")) return NEWREF(d);
    /* Data descriptors (properties) on the class win, as for any object. */
    if (class_has_data_descr(o, name)) return obj_generic_getattr(o, name);
    Object *v = dict_get_str(d, name);
    if (v) return v;
    if (err_occurred()) return NULL;
    return obj_generic_getattr(o, name);
}

static int local_setattr(Object *o, Object *name, Object *value) {
    LocalObject *self = (LocalObject *)o;
    if (str_eq_cstr(name, "__dict__")) {
        err_format(Exc_AttributeError, "'%s' object attribute '__dict__' is read-only",
                   TYPE(o)->name);
        return -1;
    }
    if (class_has_data_descr(o, name)) return obj_generic_setattr(o, name, value);
    Object *d = local_dict_for(self);
    if (!d) return -1;
    if (value) return dict_set(d, name, value);
    if (dict_pop(d, name, NULL) == 0) {
        err_format(Exc_AttributeError, "'%s' object has no attribute '%U'", type_name(TYPE(o)),
                   name);
        return -1;
    }
    return err_occurred() ? -1 : 0;
}

TypeObject LocalType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "_thread._local",
    .basicsize = sizeof(LocalObject),
    .flags = TPFLAG_BASETYPE,
    .dealloc = local_dealloc,
    .new_ = local_new,
    .getattr = local_getattr,
    .setattr = local_setattr,
};

/* ---- threads ------------------------------------------------------------ */

typedef struct BootState {
    Interp *interp;
    Object *func, *args, *kwargs;
} BootState;

static void report_uncaught(Object *func) {
    Object *exc = err_fetch();
    if (!exc) return;
    if (obj_isinstance(exc, (Object *)Exc_SystemExit) == 1) {
        DECREF(exc);
        return;
    }
    Object *hook = thread_module ? obj_lookup_attr(thread_module, intern_cstr("_excepthook"))
                                 : NULL;
    if (!hook && err_occurred()) err_clear();
    if (hook && hook != OBJ_NONE) {
        Object *r = obj_call1(hook, exc);
        DECREF(hook);
        if (r) {
            DECREF(r);
            DECREF(exc);
            return;
        }
        err_print();              /* the hook itself failed */
    } else {
        XDECREF(hook);
    }
    fflush(stdout);
    Object *fr = obj_repr(func);
    fprintf(stderr, "Exception ignored in thread started by: %s\n",
            fr ? str_data(fr) : "<function>");
    if (!fr) err_clear();
    XDECREF(fr);
    exc_print(exc, stderr);
    DECREF(exc);
}

static void *thread_entry(void *arg) {
    BootState *boot = arg;
    ThreadState *ts = ts_new(boot->interp);
    gil_acquire(ts);
    Object *r = obj_call_tuple_dict(boot->func, boot->args, boot->kwargs);
    if (r) DECREF(r);
    else report_uncaught(boot->func);
    /* threading's join() has returned by now: what is left is dropping the
     * last references (interp_finalize waits for it). */
    __atomic_store_n(&ts->finishing, true, __ATOMIC_RELEASE);
    DECREF(boot->func);
    DECREF(boot->args);
    XDECREF(boot->kwargs);
    alloc_free(boot);
    ts_delete(ts);                /* drops the GIL */
    /* Last: _thread._count() reaches 0 only once the thread has let go of
     * everything (its references, its QSBR registration). */
    __atomic_fetch_sub(&threads_running, 1, __ATOMIC_RELEASE);
    return NULL;
}

static Object *thread_start_new_thread(Object *self, Object *const *args, size_t nargs,
                                       Object *kwnames) {
    if (arg_no_kw("start_new_thread", kwnames) < 0) return NULL;
    if (nargs < 2 || nargs > 3)
        return err_format(Exc_TypeError, "start_new_thread expected at %s %d arguments, got %zu",
                          nargs < 2 ? "least" : "most", nargs < 2 ? 2 : 3, nargs);
    Object *func = args[0], *fargs = args[1], *fkw = nargs == 3 ? args[2] : NULL;
    if (!TYPE(func)->call) return err_set(Exc_TypeError, "first arg must be callable");
    if (!TUPLE_CHECK(fargs)) return err_set(Exc_TypeError, "2nd arg must be a tuple");
    if (fkw && !DICT_CHECK(fkw)) return err_set(Exc_TypeError, "optional 3rd arg must be a dictionary");

    ThreadState *ts = ts_current();
    if (!first_thread_started) {
        first_thread_started = true;
        __atomic_store_n(&vm_threads_started, true, __ATOMIC_SEQ_CST);
        /* What only the new thread will use stays mortal (immortalize.h). */
        Object *private_roots[] = {
            func, IS_TYPE(func, MethodType) ? ((MethodObject *)func)->self : NULL, fargs, fkw,
        };
        immortalize_shared_world(ts->interp, private_roots,
                                 sizeof private_roots / sizeof *private_roots);
        code_drop_mortal_cache_values();
    }
    BootState *boot = alloc_malloc(NULL, sizeof *boot);
    if (!boot) return err_no_memory();
    boot->interp = ts->interp;
    boot->func = NEWREF(func);
    boot->args = NEWREF(fargs);
    boot->kwargs = fkw ? NEWREF(fkw) : NULL;

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (thread_stack_size) pthread_attr_setstacksize(&attr, thread_stack_size);
    /* The child inherits this mask: SIGINT goes to the main thread only. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    __atomic_fetch_add(&threads_running, 1, __ATOMIC_RELAXED);
    pthread_t tid;
    int rc = pthread_create(&tid, &attr, thread_entry, boot);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        __atomic_fetch_sub(&threads_running, 1, __ATOMIC_RELAXED);
        DECREF(boot->func);
        DECREF(boot->args);
        XDECREF(boot->kwargs);
        alloc_free(boot);
        return err_set(Exc_RuntimeError, "can't start new thread");
    }
    return int_from_u64((uint64_t)tid);
}

static Object *thread_allocate_lock(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (arg_no_kw("allocate_lock", kwnames) < 0 || arg_count("allocate_lock", nargs, 0, 0) < 0)
        return NULL;
    return lock_create();
}

static Object *thread_get_ident(Object *self, Object *const *args, size_t nargs,
                                Object *kwnames) {
    return int_from_u64((uint64_t)current_ident());
}

static Object *thread_get_native_id(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    return int_from_i64((int64_t)syscall(SYS_gettid));
}

static Object *thread_count(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return int_from_i64(__atomic_load_n(&threads_running, __ATOMIC_RELAXED));
}

static Object *thread_stack_size_fn(Object *self, Object *const *args, size_t nargs,
                                    Object *kwnames) {
    if (arg_count("stack_size", nargs, 0, 1) < 0) return NULL;
    size_t old = thread_stack_size;
    if (nargs == 1) {
        int64_t n = obj_as_index(args[0]);
        if (n == -1 && err_occurred()) return NULL;
        if (n != 0 && n < 32768)
            return err_set(Exc_ValueError, "size not valid: 32768 bytes");
        if (n < 0) return err_set(Exc_ValueError, "size must be 0 or a positive value");
        thread_stack_size = (size_t)n;
    }
    return int_from_u64(old);
}

static Object *thread_interrupt_main(Object *self, Object *const *args, size_t nargs,
                                     Object *kwnames) {
    /* As if Ctrl-C was pressed: the main thread raises KeyboardInterrupt. */
    /* Process-directed, so it reaches the main thread: the others block it. */
    kill(getpid(), SIGINT);
    RETURN_NONE;
}

static Object *thread_exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return err_set_value(Exc_SystemExit, NULL);
}

static const MethodDef thread_functions[] = {
    {"start_new_thread", thread_start_new_thread, 0,
     "start_new_thread(function, args[, kwargs]) -> ident"},
    {"start_new", thread_start_new_thread, 0, NULL},
    {"allocate_lock", thread_allocate_lock, 0, "allocate_lock() -> lock"},
    {"allocate", thread_allocate_lock, 0, NULL},
    {"get_ident", thread_get_ident, 0, "the current thread's identifier"},
    {"get_native_id", thread_get_native_id, 0, "the kernel's id for this thread"},
    {"_count", thread_count, 0, "threads started by start_new_thread still running"},
    {"stack_size", thread_stack_size_fn, 0, "stack_size([size]) -> old size"},
    {"interrupt_main", thread_interrupt_main, 0, "raise KeyboardInterrupt in the main thread"},
    {"exit", thread_exit, 0, "raise SystemExit"},
    {"exit_thread", thread_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Object *thread_module_init(void) {
    if (type_ready(&LockType) < 0 || type_ready(&RLockType) < 0 || type_ready(&LocalType) < 0)
        return NULL;
    Object *m = module_new("_thread");
    if (!m) return NULL;
    Object *timeout_max = float_from_double(TIMEOUT_MAX_SECONDS);
    if (module_add_methods(m, thread_functions) < 0 || !timeout_max ||
        module_add(m, "LockType", (Object *)&LockType) < 0 ||
        module_add(m, "lock", (Object *)&LockType) < 0 ||
        module_add(m, "RLock", (Object *)&RLockType) < 0 ||
        module_add(m, "_local", (Object *)&LocalType) < 0 ||
        module_add(m, "error", (Object *)Exc_RuntimeError) < 0 ||
        module_add(m, "TIMEOUT_MAX", timeout_max) < 0) {
        XDECREF(timeout_max);
        DECREF(m);
        return NULL;
    }
    DECREF(timeout_max);
    /* Threads look the module up when they die; it lives as long as the
     * process anyway (sys.modules holds it). */
    obj_make_immortal(m);
    thread_module = m;
    return m;
}
