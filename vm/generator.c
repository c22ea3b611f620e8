/* generator.c — generators, coroutines and async generators: objects that
 * own a suspended frame and resume it on demand (PEP 255, 342, 380, 492,
 * 525).
 *
 * One struct serves all three types; what differs is the type object and a
 * few rules:
 *  - a generator is an iterator (__next__ = send(None));
 *  - a coroutine is not iterable; `await` drives it, and __await__ returns a
 *    small wrapper iterator (CoroWrapperType);
 *  - an async generator is driven by the awaitables that asend(), athrow()
 *    and aclose() return (AsyncGenAwaitableType). Its frame's YIELD_VALUE
 *    produces the value of the awaitable (raised as StopIteration), while
 *    values passed up by YIELD_FROM (the awaits inside it) go through to
 *    the event loop; the frame's `yielded_value` flag tells them apart.
 *
 * Resuming runs a fresh activation of the eval loop (the one place the VM
 * accepts C recursion). The exception being handled (sys.exc_info) is saved
 * with the generator across suspensions. StopIteration escaping the body
 * becomes RuntimeError, as PEP 479 says.
 */
#include "gilt.h"
#include "exceptions.h"
#include "frame.h"
#include "opcodes.h"

typedef struct GenObject {
    OBJECT_HEAD
    Frame *frame;              /* NULL once finished                         */
    Object *code;
    Object *name, *qualname;
    Object *exc_state;         /* handled exception saved while suspended    */
    bool running;
} GenObject;

extern TypeObject CoroWrapperType, AsyncGenAwaitableType;

static const char *gen_kind(GenObject *g) {
    if (IS_TYPE(g, CoroutineType)) return "coroutine";
    if (IS_TYPE(g, AsyncGenType)) return "async generator";
    return "generator";
}

Object *gen_new_from_frame(Frame *f) {
    CodeObject *co = f->code;
    TypeObject *t = (co->flags & CO_COROUTINE) ? &CoroutineType
                    : (co->flags & CO_ASYNC_GENERATOR) ? &AsyncGenType : &GeneratorType;
    GenObject *g = (GenObject *)obj_alloc(t, sizeof(GenObject));
    if (!g) {
        frame_clear(f);
        frame_free_heap(f);
        return NULL;
    }
    g->frame = f;
    f->gen = (Object *)g;
    g->code = NEWREF(co);
    Object *fn = f->func;
    g->name = NEWREF(fn ? ((FunctionObject *)fn)->name : co->name);
    g->qualname = NEWREF(fn ? ((FunctionObject *)fn)->qualname : co->qualname);
    return (Object *)g;
}

static void gen_finish_frame(GenObject *g) {
    Frame *f = g->frame;
    if (!f) return;
    g->frame = NULL;
    if (f->state != FRAME_DONE) frame_clear(f);
    frame_free_heap(f);
    CLEAR(g->exc_state);
}

/* Replace the pending StopIteration (or StopAsyncIteration) by a
 * RuntimeError chained to it (PEP 479). */
static void convert_stop_iteration(GenObject *g, const char *what) {
    Object *orig = err_fetch();
    err_format(Exc_RuntimeError, "%s raised %s", gen_kind(g), what);
    Object *rt = err_fetch();
    if (rt) {
        exc_set_cause(rt, orig);
        exc_set_context(rt, orig);
    }
    XDECREF(orig);
    err_restore(rt);
}

/* Resume g's frame. `value` (borrowed) is pushed as the result of the yield
 * the frame is suspended at, unless NULL; `throwflag` raises the pending
 * exception there instead. Yielded value (*done false), return value
 * (*done true), or NULL. */
static Object *gen_resume(GenObject *g, Object *value, int throwflag, bool *done) {
    *done = false;
    Frame *f = g->frame;
    if (g->running) {
        if (throwflag) err_clear();
        if (IS_TYPE(g, AsyncGenType))
            return err_set(Exc_RuntimeError, "anext(): asynchronous generator is already running");
        return err_format(Exc_ValueError, "%s already executing", gen_kind(g));
    }
    if (!f || f->state == FRAME_DONE) {
        if (throwflag) return NULL;
        if (IS_TYPE(g, CoroutineType))
            return err_set(Exc_RuntimeError, "cannot reuse already awaited coroutine");
        *done = true;
        return NEWREF(OBJ_NONE);
    }
    if (f->state == FRAME_CREATED && !throwflag && value && value != OBJ_NONE)
        return err_format(Exc_TypeError, "can't send non-None value to a just-started %s",
                          gen_kind(g));
    if (f->state == FRAME_SUSPENDED && !throwflag && value) *f->sp++ = NEWREF(value);

    ThreadState *ts = ts_current();
    HandledLink caller = {ts->handled, ts->handled_outer};
    ts->handled_outer = &caller;
    ts->handled = g->exc_state;
    g->exc_state = NULL;
    /* a thrown exception is raised inside the generator: its context is
     * what the generator itself is handling (as CPython: not its caller's) */
    if (throwflag && err_peek()) err_chain_context(err_peek(), ts->handled);
    g->running = true;
    Object *r = eval_resume_frame(ts, f, throwflag);
    g->running = false;
    g->exc_state = ts->handled;
    ts->handled = caller.handled;
    ts->handled_outer = caller.outer;

    if (f->state == FRAME_SUSPENDED) return r;
    /* finished: returned or raised */
    gen_finish_frame(g);
    if (r) {
        *done = true;
        return r;
    }
    if (err_matches(Exc_StopIteration))
        convert_stop_iteration(g, "StopIteration");
    else if (IS_TYPE(g, AsyncGenType) && err_matches(Exc_StopAsyncIteration))
        convert_stop_iteration(g, "StopAsyncIteration");
    return NULL;
}

Object *gen_send_ex(Object *gen, Object *value, bool *done) {
    return gen_resume((GenObject *)gen, value, 0, done);
}

/* Close a delegate iterator (yield from) when GeneratorExit passes through. */
static int close_delegate(Object *it) {
    if (IS_TYPE(it, GeneratorType) || IS_TYPE(it, CoroutineType)) {
        Object *r = gen_close(it);
        if (!r) return -1;
        DECREF(r);
        return 0;
    }
    Object *m = obj_lookup_attr(it, intern_cstr("close"));
    if (!m) return err_occurred() ? -1 : 0;
    Object *r = obj_call0(m);
    DECREF(m);
    if (!r) return -1;
    DECREF(r);
    return 0;
}

static Object *gen_throw_ex(GenObject *g, Object *exc, bool *done) {
    Frame *f = g->frame;
    *done = false;
    if (f && f->state == FRAME_SUSPENDED && !g->running && !f->yielded_value &&
        INSTR_OP(*f->ip) == OP_YIELD_FROM) {
        Object *it = f->sp[-1];
        if (obj_isinstance(exc, (Object *)Exc_GeneratorExit) > 0) {
            g->running = true;
            int rc = close_delegate(it);
            g->running = false;
            if (rc < 0) return gen_resume(g, NULL, 1, done);
        } else {
            Object *r;
            bool idone = false;
            g->running = true;
            if (IS_TYPE(it, GeneratorType) || IS_TYPE(it, CoroutineType)) {
                r = gen_throw_ex((GenObject *)it, exc, &idone);
            } else {
                Object *m = obj_lookup_attr(it, intern_cstr("throw"));
                if (!m) {
                    g->running = false;
                    if (err_occurred()) return gen_resume(g, NULL, 1, done);
                    goto throw_here;
                }
                r = obj_call1(m, exc);
                DECREF(m);
                if (!r && err_matches(Exc_StopIteration)) {
                    Object *stop = err_fetch();
                    ExceptionObject *e = (ExceptionObject *)stop;
                    r = e->value ? NEWREF(e->value)
                        : (e->args && tuple_size(e->args) ? NEWREF(tuple_get(e->args, 0))
                                                          : NEWREF(OBJ_NONE));
                    DECREF(stop);
                    idone = true;
                }
            }
            g->running = false;
            if (r && !idone) {
                f->yielded_value = 0;
                return r;
            }
            /* the delegate is finished: drop it from the stack */
            Object *itv = *--f->sp;
            DECREF(itv);
            if (r) {
                *f->sp++ = r;
                f->ip++;
                return gen_resume(g, NULL, 0, done);
            }
            return gen_resume(g, NULL, 1, done);
        }
    }
throw_here:
    err_restore(NEWREF(exc));
    return gen_resume(g, NULL, 1, done);
}

static void set_stop_iteration(Object *value) {
    if (value == OBJ_NONE) err_set_value(Exc_StopIteration, NULL);
    else err_stop_iteration(value);
}

Object *gen_throw(Object *gen, Object *exc) {
    bool done;
    Object *r = gen_throw_ex((GenObject *)gen, exc, &done);
    if (r && done) {
        set_stop_iteration(r);
        DECREF(r);
        return NULL;
    }
    return r;
}

Object *gen_close(Object *gen) {
    GenObject *g = (GenObject *)gen;
    Frame *f = g->frame;
    if (!f || f->state == FRAME_DONE) RETURN_NONE;
    if (f->state == FRAME_CREATED) {
        gen_finish_frame(g);
        RETURN_NONE;
    }
    Object *exc = obj_call0((Object *)Exc_GeneratorExit);
    if (!exc) return NULL;
    bool done;
    Object *r = gen_throw_ex(g, exc, &done);
    DECREF(exc);
    if (r) {
        DECREF(r);
        if (!done)
            return err_format(Exc_RuntimeError, "%s ignored GeneratorExit", gen_kind(g));
        RETURN_NONE;
    }
    if (err_matches(Exc_GeneratorExit) || err_matches(Exc_StopIteration)) {
        err_clear();
        RETURN_NONE;
    }
    return NULL;
}

/* throw(type[, value[, tb]]) arguments to one exception instance. */
static Object *make_throw_exception(Object *const *args, size_t nargs) {
    if (nargs < 1 || nargs > 3)
        return err_format(Exc_TypeError, "throw expected at least 1 argument, got %zu", nargs);
    Object *typ = args[0];
    Object *val = nargs > 1 && args[1] != OBJ_NONE ? args[1] : NULL;
    if (nargs > 2 && args[2] != OBJ_NONE && !IS_TYPE(args[2], TracebackType))
        return err_set(Exc_TypeError, "throw() third argument must be a traceback object");
    if (EXC_TYPE_CHECK(typ)) {
        if (!val) return obj_call0(typ);
        if (EXC_CHECK(val) && obj_isinstance(val, typ) > 0) return NEWREF(val);
        if (TUPLE_CHECK(val)) return obj_call(typ, tuple_items(val), tuple_size(val), NULL);
        return obj_call1(typ, val);
    }
    if (EXC_CHECK(typ)) {
        if (val) return err_set(Exc_TypeError, "instance exception may not have a separate value");
        return NEWREF(typ);
    }
    return err_format(Exc_TypeError,
                      "exceptions must be classes or instances deriving from BaseException, not %T",
                      typ);
}

/* ---- methods shared by generators and coroutines ------------------------- */

static Object *gen_iternext(Object *self) {
    bool done;
    Object *r = gen_send_ex(self, OBJ_NONE, &done);
    if (r && done) {
        if (r != OBJ_NONE) err_stop_iteration(r);
        DECREF(r);
        return NULL;
    }
    return r;
}

static Object *gen_m_send(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("send", kwnames) < 0 || arg_count("send", nargs, 1, 1) < 0) return NULL;
    bool done;
    Object *r = gen_send_ex(self, args[0], &done);
    if (r && done) {
        set_stop_iteration(r);
        DECREF(r);
        return NULL;
    }
    return r;
}

static Object *gen_m_throw(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("throw", kwnames) < 0) return NULL;
    Object *exc = make_throw_exception(args, nargs);
    if (!exc) return NULL;
    Object *r = gen_throw(self, exc);
    DECREF(exc);
    return r;
}

static Object *gen_m_close(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("close", kwnames) < 0 || arg_count("close", nargs, 0, 0) < 0) return NULL;
    return gen_close(self);
}

static Object *gen_iter_self(Object *self) { return NEWREF(self); }

static Object *gen_repr(Object *self) {
    GenObject *g = (GenObject *)self;
    const char *kind = IS_TYPE(g, AsyncGenType) ? "async_generator" : type_name(TYPE(self));
    return str_format("<%s object %U at %p>", kind, g->qualname, self);
}

static void gen_dealloc(Object *self) {
    GenObject *g = (GenObject *)self;
    Frame *f = g->frame;
    /* A generator suspended inside try/finally or with: run its cleanup by
     * closing it, as CPython's finalizer does. */
    if (f && f->state == FRAME_SUSPENDED && f->nblocks > 0 && !IS_TYPE(g, AsyncGenType)) {
        Object *pending = err_fetch();
        Object *r = gen_close(self);
        if (r) {
            DECREF(r);
        } else {
            /* as CPython: report, do not propagate, an error from cleanup */
            Object *rep = gen_repr(self);
            fprintf(stderr, "Exception ignored in: %s\n", rep ? str_data(rep) : "<generator>");
            XDECREF(rep);
            err_print();
        }
        err_restore(pending);
    }
    gen_finish_frame(g);
    XDECREF(g->code);
    XDECREF(g->name);
    XDECREF(g->qualname);
    XDECREF(g->exc_state);
    obj_free(self);
}

static Object *gen_get_running(Object *self, void *c) {
    return bool_from(((GenObject *)self)->running);
}
static Object *gen_get_code(Object *self, void *c) {
    return NEWREF(((GenObject *)self)->code);
}
static Object *gen_get_name(Object *self, void *c) {
    GenObject *g = (GenObject *)self;
    return NEWREF(c ? g->qualname : g->name);
}
static int gen_set_name(Object *self, Object *value, void *c) {
    GenObject *g = (GenObject *)self;
    if (!value || !STR_CHECK(value)) {
        err_format(Exc_TypeError, "__%s__ must be set to a string object", c ? "qualname" : "name");
        return -1;
    }
    INCREF(value);
    if (c) SETREF(g->qualname, value);
    else SETREF(g->name, value);
    return 0;
}
static Object *gen_get_suspended(Object *self, void *c) {
    GenObject *g = (GenObject *)self;
    return bool_from(g->frame && g->frame->state == FRAME_SUSPENDED);
}
static Object *gen_get_yieldfrom(Object *self, void *c) {
    GenObject *g = (GenObject *)self;
    Frame *f = g->frame;
    if (f && f->state == FRAME_SUSPENDED && !f->yielded_value && INSTR_OP(*f->ip) == OP_YIELD_FROM)
        return NEWREF(f->sp[-1]);
    RETURN_NONE;
}

static const MethodDef gen_methods[] = {
    {"send", gen_m_send, METH_DEFAULT, "send(arg) -> send 'arg' into generator"},
    {"throw", gen_m_throw, METH_DEFAULT, "throw(typ[,val[,tb]]) -> raise exception in generator"},
    {"close", gen_m_close, METH_DEFAULT, "close() -> raise GeneratorExit inside generator."},
    {NULL},
};

#define GEN_GETSETS(prefix)                                                        \
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},                          \
    {"__qualname__", gen_get_name, gen_set_name, NULL, (void *)1},                 \
    {prefix "_running", gen_get_running, NULL, NULL, NULL},                        \
    {prefix "_code", gen_get_code, NULL, NULL, NULL},                              \
    {prefix "_suspended", gen_get_suspended, NULL, NULL, NULL}

static const GetSetDef gen_getsets[] = {
    GEN_GETSETS("gi"),
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL},
};

TypeObject GeneratorType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "generator",
    .basicsize = sizeof(GenObject),
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .getattr = obj_generic_getattr,
    .iter = gen_iter_self,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .getsets = gen_getsets,
};

/* ---- coroutines ----------------------------------------------------------- */

typedef struct CoroWrapper {
    OBJECT_HEAD
    Object *coro;
} CoroWrapper;

static Object *coro_m_await(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    CoroWrapper *w = (CoroWrapper *)obj_alloc(&CoroWrapperType, sizeof(CoroWrapper));
    if (!w) return NULL;
    w->coro = NEWREF(self);
    return (Object *)w;
}

static const MethodDef coro_methods[] = {
    {"send", gen_m_send, METH_DEFAULT, "send(arg) -> send 'arg' into coroutine"},
    {"throw", gen_m_throw, METH_DEFAULT, "throw(typ[,val[,tb]]) -> raise exception in coroutine"},
    {"close", gen_m_close, METH_DEFAULT, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_m_await, METH_DEFAULT, "Return an iterator to be used in await expression."},
    {NULL},
};

static const GetSetDef coro_getsets[] = {
    GEN_GETSETS("cr"),
    {"cr_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL},
};

TypeObject CoroutineType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "coroutine",
    .basicsize = sizeof(GenObject),
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .getattr = obj_generic_getattr,
    .methods = coro_methods,
    .getsets = coro_getsets,
};

static void wrapper_dealloc(Object *self) {
    XDECREF(((CoroWrapper *)self)->coro);
    obj_free(self);
}
static Object *wrapper_iternext(Object *self) { return gen_iternext(((CoroWrapper *)self)->coro); }
static Object *wrapper_send(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return gen_m_send(((CoroWrapper *)self)->coro, args, nargs, kwnames);
}
static Object *wrapper_throw(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return gen_m_throw(((CoroWrapper *)self)->coro, args, nargs, kwnames);
}
static Object *wrapper_close(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return gen_m_close(((CoroWrapper *)self)->coro, args, nargs, kwnames);
}

static const MethodDef wrapper_methods[] = {
    {"send", wrapper_send, METH_DEFAULT, NULL},
    {"throw", wrapper_throw, METH_DEFAULT, NULL},
    {"close", wrapper_close, METH_DEFAULT, NULL},
    {NULL},
};

TypeObject CoroWrapperType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "coroutine_wrapper",
    .basicsize = sizeof(CoroWrapper),
    .dealloc = wrapper_dealloc,
    .getattr = obj_generic_getattr,
    .iter = gen_iter_self,
    .iternext = wrapper_iternext,
    .methods = wrapper_methods,
};

/* ---- async generators ------------------------------------------------------ */

enum { AW_ASEND, AW_ATHROW, AW_ACLOSE };
enum { AW_INIT, AW_ITER, AW_DONE };

typedef struct AsyncGenAwaitable {
    OBJECT_HEAD
    Object *agen;
    Object *value;             /* the value to send, or the exception to throw */
    int mode, state;
} AsyncGenAwaitable;

static Object *awaitable_new(Object *agen, Object *value, int mode) {
    AsyncGenAwaitable *a =
        (AsyncGenAwaitable *)obj_alloc(&AsyncGenAwaitableType, sizeof(AsyncGenAwaitable));
    if (!a) return NULL;
    a->agen = NEWREF(agen);
    a->value = XNEWREF(value);
    a->mode = mode;
    a->state = AW_INIT;
    return (Object *)a;
}

static void awaitable_dealloc(Object *self) {
    AsyncGenAwaitable *a = (AsyncGenAwaitable *)self;
    XDECREF(a->agen);
    XDECREF(a->value);
    obj_free(self);
}

/* Turn what the async generator's frame did into the awaitable's step:
 * an async `yield v` completes the awaitable with v (StopIteration(v)),
 * a value from an inner await passes through, a return ends iteration. */
static Object *awaitable_unwrap(AsyncGenAwaitable *a, Object *r, bool done) {
    GenObject *g = (GenObject *)a->agen;
    if (!r) {
        a->state = AW_DONE;
        if (a->mode == AW_ACLOSE &&
            (err_matches(Exc_StopAsyncIteration) || err_matches(Exc_GeneratorExit))) {
            err_clear();
            err_set_value(Exc_StopIteration, NULL);
        }
        return NULL;
    }
    if (done) {
        DECREF(r);
        a->state = AW_DONE;
        if (a->mode == AW_ACLOSE) err_set_value(Exc_StopIteration, NULL);
        else err_set_value(Exc_StopAsyncIteration, NULL);
        return NULL;
    }
    if (g->frame && g->frame->yielded_value) {
        a->state = AW_DONE;
        if (a->mode == AW_ACLOSE) {
            DECREF(r);
            return err_set(Exc_RuntimeError, "async generator ignored GeneratorExit");
        }
        set_stop_iteration(r);
        DECREF(r);
        return NULL;
    }
    return r;
}

static Object *awaitable_send(AsyncGenAwaitable *a, Object *v) {
    bool done;
    Object *r;
    if (a->state == AW_DONE) {
        if (a->mode == AW_ASEND)
            return err_set(Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return err_set(Exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    }
    if (a->state == AW_INIT) {
        a->state = AW_ITER;
        if (a->mode == AW_ASEND) {
            r = gen_send_ex(a->agen, (!v || v == OBJ_NONE) && a->value ? a->value : v, &done);
        } else {
            Object *exc = a->mode == AW_ACLOSE ? obj_call0((Object *)Exc_GeneratorExit)
                                               : NEWREF(a->value);
            if (!exc) return NULL;
            r = gen_throw_ex((GenObject *)a->agen, exc, &done);
            DECREF(exc);
        }
    } else {
        r = gen_send_ex(a->agen, v ? v : OBJ_NONE, &done);
    }
    return awaitable_unwrap(a, r, done);
}

static Object *awaitable_iternext(Object *self) {
    return awaitable_send((AsyncGenAwaitable *)self, OBJ_NONE);
}
static Object *awaitable_m_send(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("send", kwnames) < 0 || arg_count("send", nargs, 1, 1) < 0) return NULL;
    return awaitable_send((AsyncGenAwaitable *)self, args[0]);
}
static Object *awaitable_m_throw(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    AsyncGenAwaitable *a = (AsyncGenAwaitable *)self;
    if (arg_no_kw("throw", kwnames) < 0) return NULL;
    if (a->state == AW_DONE)
        return err_set(Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    Object *exc = make_throw_exception(args, nargs);
    if (!exc) return NULL;
    bool done;
    a->state = AW_ITER;
    Object *r = gen_throw_ex((GenObject *)a->agen, exc, &done);
    DECREF(exc);
    return awaitable_unwrap(a, r, done);
}
static Object *awaitable_m_close(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    ((AsyncGenAwaitable *)self)->state = AW_DONE;
    RETURN_NONE;
}
static Object *awaitable_m_await(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return NEWREF(self);
}

static const MethodDef awaitable_methods[] = {
    {"send", awaitable_m_send, METH_DEFAULT, NULL},
    {"throw", awaitable_m_throw, METH_DEFAULT, NULL},
    {"close", awaitable_m_close, METH_DEFAULT, NULL},
    {"__await__", awaitable_m_await, METH_DEFAULT, NULL},
    {NULL},
};

TypeObject AsyncGenAwaitableType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "async_generator_asend",
    .basicsize = sizeof(AsyncGenAwaitable),
    .dealloc = awaitable_dealloc,
    .getattr = obj_generic_getattr,
    .iter = gen_iter_self,
    .iternext = awaitable_iternext,
    .methods = awaitable_methods,
};

static Object *agen_m_asend(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("asend", kwnames) < 0 || arg_count("asend", nargs, 1, 1) < 0) return NULL;
    return awaitable_new(self, args[0], AW_ASEND);
}
static Object *agen_m_anext(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return awaitable_new(self, OBJ_NONE, AW_ASEND);
}
static Object *agen_m_aiter(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    return NEWREF(self);
}
static Object *agen_m_athrow(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("athrow", kwnames) < 0) return NULL;
    Object *exc = make_throw_exception(args, nargs);
    if (!exc) return NULL;
    Object *a = awaitable_new(self, exc, AW_ATHROW);
    DECREF(exc);
    return a;
}
static Object *agen_m_aclose(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("aclose", kwnames) < 0 || arg_count("aclose", nargs, 0, 0) < 0) return NULL;
    return awaitable_new(self, NULL, AW_ACLOSE);
}

static const MethodDef agen_methods[] = {
    {"asend", agen_m_asend, METH_DEFAULT, "asend(v) -> send 'v' in generator."},
    {"athrow", agen_m_athrow, METH_DEFAULT, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", agen_m_aclose, METH_DEFAULT, "aclose() -> raise GeneratorExit inside generator."},
    {"__anext__", agen_m_anext, METH_DEFAULT, "Return a value or raise StopAsyncIteration."},
    {"__aiter__", agen_m_aiter, METH_DEFAULT, "Return an awaitable, that resolves in asynchronous iterator."},
    {NULL},
};

static const GetSetDef agen_getsets[] = {
    GEN_GETSETS("ag"),
    {"ag_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL},
};

TypeObject AsyncGenType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "async_generator",
    .basicsize = sizeof(GenObject),
    .dealloc = gen_dealloc,
    .repr = gen_repr,
    .getattr = obj_generic_getattr,
    .methods = agen_methods,
    .getsets = agen_getsets,
};
