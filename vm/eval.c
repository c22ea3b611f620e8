/* eval.c — the eval loop: runs code objects, one instruction word at a time,
 * on a value stack per frame (opcodes.h documents every instruction).
 *
 * Guarantees:
 *  - gilt-to-gilt calls do not recurse on the C stack: CALL of a function
 *    pushes a frame and the same C loop continues in it; RETURN_VALUE pops
 *    back. Only calls that come from C (a builtin calling a key function, a
 *    __repr__ slot) and generator resumption start a new activation of the
 *    loop, and those are counted in ts->c_recursion_depth.
 *  - deep recursion ends in RecursionError (interp->recursion_limit), never a
 *    C stack overflow.
 *  - an exception unwinds the block stack of the frame it is raised in, then
 *    the frames of this activation, adding one traceback entry per frame;
 *    at the activation's entry frame the loop returns NULL.
 *  - the one safe point (backward jumps and calls) polls ts->eval_breaker.
 *
 * Speed: dispatch is computed goto (GCC labels as values) unless
 * GILT_SWITCH_DISPATCH is defined; small-int and float arithmetic and
 * comparisons, list/tuple/dict subscripts and truth tests of bools run
 * inline (a temporary int or float operand is reused for the result);
 * LOAD_GLOBAL is cached by the dict versions of globals and builtins and
 * LOAD_ATTR/LOAD_METHOD/STORE_ATTR by the type version. Cache entries are
 * published under a sequence counter, so threads of the free-threaded build
 * never see a torn entry; there, once a second thread has started, only
 * immortal values are cached (see cache_store; before that, as in the GIL
 * build, any value). LOAD_ATTR of an instance attribute keeps the entry
 * number where it last found the name (dict_get_str_hinted). With computed
 * goto, --trace swaps the dispatch table instead of testing a flag per
 * instruction.
 */
#include <string.h>
#include "gilt.h"
#include "exceptions.h"
#include "stackguard.h"
#include "fileio.h"
#include "frame.h"
#include "opcodes.h"
#include "match.h"
#include "annotations.h"
#include "objimpl.h"   /* TPFLAG_VAR_DICT for instance_dict */

#ifndef GILT_SWITCH_DISPATCH
#define USE_COMPUTED_GOTO 1
#else
#define USE_COMPUTED_GOTO 0
#endif

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

/* Nesting of C activations of the loop before RecursionError. Each one costs
 * a few hundred bytes of C stack plus whatever C function called back in. */
enum { C_RECURSION_LIMIT = 4000 };

/* Inline-cache kinds of attribute instructions. */
enum {
    AC_EMPTY,
    AC_INSTANCE_DICT,      /* not on the type: only the instance dict        */
    AC_CLASS_VALUE,        /* on the type, not a data descriptor             */
    AC_DATA_DESCR,         /* a data descriptor on the type (property, slot) */
    AC_METHOD,             /* LOAD_METHOD: a plain function on the type      */
    AC_STORE_DICT,         /* STORE_ATTR: store straight into the dict       */
};

/* ---- inline caches --------------------------------------------------------
 * Every thread running a code object shares its caches, so an entry's words
 * are published under a sequence counter (a seqlock, like type_lookup's
 * method cache): a writer makes the counter odd, writes, and makes it even
 * again; a reader copies the words and trusts them only if the counter was
 * even and unchanged. On x86 the reads are plain loads, so the GIL build
 * pays nothing for it. A stale entry is only a miss. */

#define CACHE_GET(c, field) __atomic_load_n(&(c)->field, __ATOMIC_RELAXED)

static inline uint32_t cache_begin(InlineCache *c) {
    return __atomic_load_n(&c->seq, __ATOMIC_ACQUIRE);
}

static inline bool cache_valid(InlineCache *c, uint32_t seq) {
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return !(seq & 1) && __atomic_load_n(&c->seq, __ATOMIC_RELAXED) == seq;
}

bool vm_threads_started;

static void cache_store(InlineCache *c, const void *key, uint64_t version, uint64_t version2,
                        Object *value, uint32_t kind) {
    /* A borrowed value is only safe to hand out while nothing can free it.
     * With the GIL, the version check proves it is still referenced. Without
     * it another thread may rebind the name and drop the last reference in
     * the instant between our check and INCREF (think `counter += 1` in
     * threads), so only immortal values (functions, classes, modules once
     * threads run; None, small ints, interned strings) are cached there.
     * While the program has only ever had one thread the GIL build's
     * reasoning holds, so mortal values are cached too; the first thread
     * start empties those entries before that thread exists
     * (code_drop_mortal_cache_values), so readers need no test of their
     * own. */
    if (GILT_FT && value && !obj_is_immortal(value) &&
        __atomic_load_n(&vm_threads_started, __ATOMIC_RELAXED))
        return;
    uint32_t s = __atomic_load_n(&c->seq, __ATOMIC_RELAXED);
    /* Already holding exactly this? Then leave the line alone: some slow
     * paths store on every run (STORE_ATTR on an instance that has no
     * dict yet), and writing a code object's shared cache line from
     * several threads bounces it, and its neighbours' entries, between
     * cores on every instruction that reads them. */
    if (!(s & 1) && CACHE_GET(c, key) == key && CACHE_GET(c, version) == version &&
        CACHE_GET(c, version2) == version2 && CACHE_GET(c, value) == value &&
        CACHE_GET(c, kind) == kind)
        return;
    if ((s & 1) || !__atomic_compare_exchange_n(&c->seq, &s, s + 1, false, __ATOMIC_ACQUIRE,
                                                __ATOMIC_RELAXED))
        return;   /* another thread is filling it */
    __atomic_store_n(&c->key, key, __ATOMIC_RELAXED);
    __atomic_store_n(&c->version, version, __ATOMIC_RELAXED);
    __atomic_store_n(&c->version2, version2, __ATOMIC_RELAXED);
    __atomic_store_n(&c->value, value, __ATOMIC_RELAXED);
    __atomic_store_n(&c->kind, kind, __ATOMIC_RELAXED);
    __atomic_store_n(&c->seq, s + 2, __ATOMIC_RELEASE);
}

static inline uint32_t type_version(TypeObject *tp) {
    return __atomic_load_n(&tp->version, __ATOMIC_RELAXED);
}

/* ---- small helpers ------------------------------------------------------ */

static Object *local_name(CodeObject *co, uint32_t i) { return tuple_get(co->varnames, i); }

static Object *cell_name(CodeObject *co, uint32_t i) {
    return i < co->ncellvars ? tuple_get(co->cellvars, i)
                             : tuple_get(co->freevars, i - co->ncellvars);
}

static void raise_unbound_local(Object *name) {
    err_format(Exc_UnboundLocalError,
               "cannot access local variable '%U' where it is not associated with a value", name);
}

static void raise_unbound_deref(CodeObject *co, uint32_t i) {
    if (i < co->ncellvars)
        raise_unbound_local(cell_name(co, i));
    else
        err_format(Exc_NameError,
                   "cannot access free variable '%U' where it is not associated with a value"
                   " in enclosing scope", cell_name(co, i));
}

static Object *instance_dict(Object *o, TypeObject *tp) {
    if (tp->dictoffset) return *(Object **)((char *)o + tp->dictoffset);
    /* Subclasses of variable-size builtins (tuple, str, int, bytes) keep
     * the dict at the end of the object: only obj_dict_ptr finds it. */
    if (UNLIKELY(tp->flags & TPFLAG_VAR_DICT)) {
        Object **dp = obj_dict_ptr(o);
        return dp ? *dp : NULL;
    }
    return NULL;
}

/* The description of a callable used in call errors, as CPython's
 * _PyObject_FunctionStr: "mod.qualname()" ("qualname()" for builtins). */
static Object *callable_desc(Object *fn) {
    Object *qual = obj_lookup_attr(fn, intern_cstr("__qualname__"));
    if (!qual || !STR_CHECK(qual)) {
        XDECREF(qual);
        err_clear();
        return obj_str(fn);
    }
    Object *mod = obj_lookup_attr(fn, intern_cstr("__module__"));
    err_clear();
    Object *r;
    if (mod && STR_CHECK(mod) && !str_eq_cstr(mod, "builtins"))
        r = str_format("%U.%U()", mod, qual);
    else
        r = str_format("%U()", qual);
    XDECREF(mod);
    DECREF(qual);
    return r;
}

/* ---- argument binding ----------------------------------------------------- */

static void format_missing(FunctionObject *fn, const char *kind, Object **names, size_t n) {
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) sb_append_cstr(&sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_append_char(&sb, '\'');
        sb_append_str(&sb, names[i]);
        sb_append_char(&sb, '\'');
    }
    Object *list = sb_finish(&sb);
    if (!list) return;
    err_format(Exc_TypeError, "%U() missing %zu required %s argument%s: %U", fn->qualname, n,
               kind, n == 1 ? "" : "s", list);
    DECREF(list);
}

static void too_many_positional(FunctionObject *fn, size_t given, Object **locals) {
    CodeObject *co = (CodeObject *)fn->code;
    size_t ndefs = fn->defaults ? tuple_size(fn->defaults) : 0;
    size_t kwonly_given = 0;
    for (uint32_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (locals[i]) kwonly_given++;
    char sig[64], kwsig[96] = "";
    int plural;
    if (ndefs) {
        snprintf(sig, sizeof sig, "from %zu to %u", co->argcount - ndefs, co->argcount);
        plural = 1;
    } else {
        snprintf(sig, sizeof sig, "%u", co->argcount);
        plural = co->argcount != 1;
    }
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    err_format(Exc_TypeError, "%U() takes %s positional argument%s but %zu%s %s given",
               fn->qualname, sig, plural ? "s" : "", given, kwsig,
               given == 1 && !kwonly_given ? "was" : "were");
}

/* Bind borrowed args to the frame's argument slots (new references), with
 * Python's rules and messages. 0 / -1. */
static int bind_arguments(Frame *f, FunctionObject *fn, Object *const *args, size_t nargs,
                          Object *kwnames) {
    CodeObject *co = (CodeObject *)fn->code;
    Object **locals = f->localsplus;
    size_t n = co->argcount, kwonly = co->kwonlyargcount;
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    Object *kwdict = NULL;
    size_t star_index = n + kwonly;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new();
        if (!kwdict) return -1;
        locals[star_index + ((co->flags & CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t ncopy = nargs < n ? nargs : n;
    for (size_t i = 0; i < ncopy; i++) locals[i] = NEWREF(args[i]);
    if (co->flags & CO_VARARGS) {
        Object *t = tuple_from_array(args + ncopy, nargs - ncopy);
        if (!t) return -1;
        locals[star_index] = t;
    }
    /* keywords */
    Object *const *varnames = tuple_items(co->varnames);
    for (size_t k = 0; k < nkw; k++) {
        Object *key = tuple_get(kwnames, k);
        Object *value = args[nargs + k];
        size_t j, end = n + kwonly;
        for (j = co->posonlyargcount; j < end; j++)
            if (varnames[j] == key) break;
        if (j == end)
            for (j = co->posonlyargcount; j < end; j++)
                if (str_eq(varnames[j], key)) break;
        if (j == end) {
            if (kwdict) {
                if (dict_set(kwdict, key, value) < 0) return -1;
                continue;
            }
            /* name every positional-only parameter passed by keyword */
            StrBuilder sb;
            sb_init(&sb);
            for (size_t p = 0; p < co->posonlyargcount; p++)
                for (size_t q = 0; q < nkw; q++)
                    if (str_eq(varnames[p], tuple_get(kwnames, q))) {
                        if (sb.len) sb_append_cstr(&sb, ", ");
                        sb_append_str(&sb, varnames[p]);
                        break;
                    }
            if (sb.len) {
                Object *list = sb_finish(&sb);
                if (list) {
                    err_format(Exc_TypeError,
                               "%U() got some positional-only arguments passed as keyword "
                               "arguments: '%U'", fn->qualname, list);
                    DECREF(list);
                }
                return -1;
            }
            sb_free(&sb);
            err_format(Exc_TypeError, "%U() got an unexpected keyword argument '%U'",
                       fn->qualname, key);
            return -1;
        }
        if (locals[j]) {
            err_format(Exc_TypeError, "%U() got multiple values for argument '%U'",
                       fn->qualname, key);
            return -1;
        }
        locals[j] = NEWREF(value);
    }
    if (nargs > n && !(co->flags & CO_VARARGS)) {
        too_many_positional(fn, nargs, locals);
        return -1;
    }
    /* defaults and missing positionals */
    if (nargs < n) {
        size_t ndefs = fn->defaults ? tuple_size(fn->defaults) : 0;
        size_t first_default = n - ndefs;
        Object *missing[64];
        size_t nmissing = 0;
        for (size_t i = nargs; i < n; i++) {
            if (locals[i]) continue;
            if (i >= first_default) {
                locals[i] = NEWREF(tuple_get(fn->defaults, i - first_default));
            } else if (nmissing < 64) {
                missing[nmissing++] = varnames[i];
            }
        }
        if (nmissing) {
            format_missing(fn, "positional", missing, nmissing);
            return -1;
        }
    }
    if (kwonly) {
        Object *missing[64];
        size_t nmissing = 0;
        for (size_t i = n; i < n + kwonly; i++) {
            if (locals[i]) continue;
            Object *d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, varnames[i]) : NULL;
            if (d) {
                locals[i] = d;
            } else {
                if (err_occurred()) return -1;
                if (nmissing < 64) missing[nmissing++] = varnames[i];
            }
        }
        if (nmissing) {
            format_missing(fn, "keyword-only", missing, nmissing);
            return -1;
        }
    }
    return 0;
}

/* Create the cells of a fresh frame: new cells for cellvars (an argument
 * moved into its cell), the closure's cells for freevars. */
static int init_cells(Frame *f, FunctionObject *fn) {
    CodeObject *co = f->code;
    for (uint32_t i = 0; i < co->ncellvars; i++) {
        Object *init = NULL;
        if (co->cell2arg && co->cell2arg[i] >= 0) {
            init = f->localsplus[co->cell2arg[i]];
            f->localsplus[co->cell2arg[i]] = NULL;
        }
        Object *cell = cell_new(init);
        XDECREF(init);
        if (!cell) return -1;
        f->cells[i] = cell;
    }
    if (co->nfreevars) {
        if (!fn || !fn->closure || tuple_size(fn->closure) < co->nfreevars) {
            err_set(Exc_SystemError, "closure missing for a function with free variables");
            return -1;
        }
        for (uint32_t i = 0; i < co->nfreevars; i++)
            f->cells[co->ncellvars + i] = NEWREF(tuple_get(fn->closure, i));
    }
    return 0;
}

static int recursion_check(ThreadState *ts) {
    if (UNLIKELY(ts->recursion_depth >= ts->interp->recursion_limit)) {
        err_set(Exc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    return 0;
}

/* A frame running function `fn` on this thread's frame stack, arguments
 * bound (borrowed in) and cells made; recursion_depth counted. NULL on
 * error (nothing left allocated). */
static Frame *function_frame(ThreadState *ts, FunctionObject *fn, Object *const *args,
                             size_t nargs, Object *kwnames) {
    if (recursion_check(ts) < 0) return NULL;
    CodeObject *co = (CodeObject *)fn->code;
    Frame *f = frame_push(co);
    f->func = NEWREF(fn);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    if (bind_arguments(f, fn, args, nargs, kwnames) < 0 ||
        ((co->ncellvars || co->nfreevars) && init_cells(f, fn) < 0)) {
        frame_clear(f);
        frame_pop(f);
        return NULL;
    }
    ts->recursion_depth++;
    return f;
}

/* A generator, coroutine or async generator for a call of `fn`. */
static Object *make_generator(FunctionObject *fn, Object *const *args, size_t nargs,
                              Object *kwnames) {
    CodeObject *co = (CodeObject *)fn->code;
    Frame *f = frame_new_heap(co);
    f->func = NEWREF(fn);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    if (bind_arguments(f, fn, args, nargs, kwnames) < 0 ||
        ((co->ncellvars || co->nfreevars) && init_cells(f, fn) < 0)) {
        frame_clear(f);
        frame_free_heap(f);
        return NULL;
    }
    return gen_new_from_frame(f);
}

/* ---- pieces of instructions that are not on the hot path ------------------- */

/* raise exc [from cause]: exc and cause borrowed; sets the pending error. */
static void do_raise(ThreadState *ts, Object *exc, Object *cause) {
    Object *inst;
    if (EXC_TYPE_CHECK(exc)) {
        inst = obj_call0(exc);
        if (!inst) return;
        if (!EXC_CHECK(inst)) {
            err_format(Exc_TypeError,
                       "calling %R should have returned an instance of BaseException, not %T",
                       exc, inst);
            DECREF(inst);
            return;
        }
    } else if (EXC_CHECK(exc)) {
        inst = NEWREF(exc);
    } else {
        err_set(Exc_TypeError, "exceptions must derive from BaseException");
        return;
    }
    if (cause) {
        Object *c;
        if (cause == OBJ_NONE) {
            c = NULL;
        } else if (EXC_TYPE_CHECK(cause)) {
            c = obj_call0(cause);
            if (!c) { DECREF(inst); return; }
        } else if (EXC_CHECK(cause)) {
            c = NEWREF(cause);
        } else {
            DECREF(inst);
            err_set(Exc_TypeError, "exception causes must derive from BaseException");
            return;
        }
        exc_set_cause(inst, c);   /* also sets __suppress_context__ */
        ((ExceptionObject *)inst)->suppress_context = true;
        XDECREF(c);
    }
    err_chain_context(inst, err_handled());
    err_restore(inst);
}

static int check_exc_match_type(Object *t) {
    if (TUPLE_CHECK(t)) {
        for (size_t i = 0; i < tuple_size(t); i++)
            if (!EXC_TYPE_CHECK(tuple_get(t, i))) goto bad;
        return 0;
    }
    if (EXC_TYPE_CHECK(t)) return 0;
bad:
    err_set(Exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

static Object *value_of_stop_iteration(Object *exc) {
    ExceptionObject *e = (ExceptionObject *)exc;
    if (e->value) return NEWREF(e->value);
    if (e->args && TUPLE_CHECK(e->args) && tuple_size(e->args) > 0)
        return NEWREF(tuple_get(e->args, 0));
    return NEWREF(OBJ_NONE);
}

Object *vm_send(Object *it, Object *v, bool *done) {
    if (IS_TYPE(it, GeneratorType) || IS_TYPE(it, CoroutineType))
        return gen_send_ex(it, v, done);
    *done = false;
    Object *r;
    if (v == OBJ_NONE && TYPE(it)->iternext)
        r = TYPE(it)->iternext(it);
    else
        r = obj_call_method(it, "send", &v, 1);
    if (r) return r;
    if (!err_occurred()) {
        *done = true;
        return NEWREF(OBJ_NONE);
    }
    if (err_matches(Exc_StopIteration)) {
        Object *exc = err_fetch();
        r = value_of_stop_iteration(exc);
        DECREF(exc);
        *done = true;
        return r;
    }
    return NULL;
}

Object *vm_get_awaitable(Object *o) {
    if (IS_TYPE(o, CoroutineType)) return NEWREF(o);
    Object *m = type_lookup_cstr(TYPE(o), "__await__");
    if (!m) return err_format(Exc_TypeError, "object %T can't be used in 'await' expression", o);
    Object *r = obj_call_method(o, "__await__", NULL, 0);
    if (!r) return NULL;
    if (IS_TYPE(r, CoroutineType)) {
        DECREF(r);
        return err_set(Exc_TypeError, "__await__() returned a coroutine");
    }
    if (!TYPE(r)->iternext) {
        err_format(Exc_TypeError, "__await__() returned non-iterator of type '%T'", r);
        DECREF(r);
        return NULL;
    }
    return r;
}

/* Look a special method up on the type and bind it to o (BEFORE_WITH). */
static Object *special_bound(Object *o, const char *name) {
    Object *m = type_lookup_cstr_ref(TYPE(o), name);
    if (!m || !TYPE(m)->descr_get) return m;
    Object *bound = TYPE(m)->descr_get(m, o, (Object *)TYPE(o));
    DECREF(m);
    return bound;
}

/* Unpack `seq` into dst[0..n) with dst[n-1] the first item (so pushing the
 * region leaves the first item on top). */
static int unpack_iterable(Object *seq, size_t n, Object **dst) {
    if (IS_TYPE(seq, ListType) && threads_may_contend()) {
        /* Another thread may resize it while we copy: unpack a snapshot. */
        Object *snapshot = list_as_tuple(seq);
        int r = unpack_iterable(snapshot, n, dst);
        DECREF(snapshot);
        return r;
    }
    if (IS_TYPE(seq, TupleType) || IS_TYPE(seq, ListType)) {
        size_t size = IS_TYPE(seq, TupleType) ? tuple_size(seq) : list_size(seq);
        Object **items = IS_TYPE(seq, TupleType) ? tuple_items(seq) : ((ListObject *)seq)->items;
        if (size == n) {
            for (size_t i = 0; i < n; i++) dst[n - 1 - i] = NEWREF(items[i]);
            return 0;
        }
        if (size < n)
            err_format(Exc_ValueError, "not enough values to unpack (expected %zu, got %zu)", n, size);
        else
            err_format(Exc_ValueError, "too many values to unpack (expected %zu)", n);
        return -1;
    }
    if (!TYPE(seq)->iter && !TYPE(seq)->getitem) {
        err_format(Exc_TypeError, "cannot unpack non-iterable %T object", seq);
        return -1;
    }
    Object *it = obj_iter(seq);
    if (!it) return -1;
    size_t i;
    for (i = 0; i < n; i++) {
        Object *v = obj_next(it);
        if (!v) {
            if (!err_occurred())
                err_format(Exc_ValueError, "not enough values to unpack (expected %zu, got %zu)", n, i);
            goto fail;
        }
        dst[n - 1 - i] = v;
    }
    Object *extra = obj_next(it);
    if (extra) {
        DECREF(extra);
        err_format(Exc_ValueError, "too many values to unpack (expected %zu)", n);
        goto fail;
    }
    if (err_occurred()) goto fail;
    DECREF(it);
    return 0;
fail:
    for (size_t k = 0; k < i; k++) DECREF(dst[n - 1 - k]);
    DECREF(it);
    return -1;
}

static Object *vm_import_from(Object *m, Object *name) {
    Object *v = obj_lookup_attr(m, name);
    if (v || err_occurred()) return v;
    /* a submodule imported as a side effect of the parent: sys.modules */
    Object *modname = obj_lookup_attr(m, intern_cstr("__name__"));
    if (modname && STR_CHECK(modname)) {
        Object *full = str_format("%U.%U", modname, name);
        if (full) {
            v = dict_get_str(ts_current()->interp->modules, full);
            DECREF(full);
            if (v) {
                DECREF(modname);
                return v;
            }
        }
    }
    err_clear();
    Object *file = obj_lookup_attr(m, intern_cstr("__file__"));
    err_clear();
    if (modname && STR_CHECK(modname)) {
        if (file && STR_CHECK(file))
            err_format(Exc_ImportError, "cannot import name '%U' from '%U' (%U)", name, modname, file);
        else
            err_format(Exc_ImportError, "cannot import name '%U' from '%U' (unknown location)",
                       name, modname);
    } else {
        err_format(Exc_ImportError, "cannot import name '%U'", name);
    }
    XDECREF(modname);
    XDECREF(file);
    return NULL;
}

static int store_mapping(Object *mapping, Object *key, Object *value) {
    if (IS_TYPE(mapping, DictType)) return dict_set(mapping, key, value);
    return obj_setitem(mapping, key, value);
}

static int import_star(Frame *f, Object *m) {
    if (!f->locals) {
        err_set(Exc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    Object *all = obj_lookup_attr(m, intern_cstr("__all__"));
    Object *names;
    bool public_only = false;
    if (all) {
        names = obj_to_list(all);
        DECREF(all);
    } else {
        if (err_occurred()) return -1;
        Object *d = obj_lookup_attr(m, intern_cstr("__dict__"));
        if (!d) {
            if (!err_occurred())
                err_set(Exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        names = DICT_CHECK(d) ? dict_keys_list(d) : obj_to_list(d);
        DECREF(d);
        public_only = true;
    }
    if (!names) return -1;
    int rc = 0;
    for (size_t i = 0; i < list_size(names) && rc == 0; i++) {
        Object *name = ((ListObject *)names)->items[i];
        if (!STR_CHECK(name)) {
            err_format(Exc_TypeError, "Item in %s.__all__ must be str, not %T", "module", name);
            rc = -1;
            break;
        }
        if (public_only && str_data(name)[0] == '_') continue;
        Object *v = obj_getattr(m, name);
        if (!v) { rc = -1; break; }
        rc = store_mapping(f->locals, name, v);
        DECREF(v);
    }
    DECREF(names);
    return rc;
}

static int print_expr(Object *v) {
    Interp *in = ts_current()->interp;
    Object *hook = in->sysdict ? dict_get_cstr(in->sysdict, "displayhook") : NULL;
    if (hook) {
        Object *r = obj_call1(hook, v);
        DECREF(hook);
        if (!r) return -1;
        DECREF(r);
        return 0;
    }
    if (err_occurred()) return -1;
    if (v == OBJ_NONE) return 0;
    Object *r = obj_repr(v);
    if (!r) return -1;
    fwrite(str_data(r), 1, str_size(r), stdout);
    fputc('\n', stdout);
    DECREF(r);
    return dict_set_cstr(in->builtins, "_", v);
}

/* d.update(m) for {**m}, or the stricter merge of f(**m). */
static int dict_merge_into(Object *d, Object *m, Object *callable, bool strict) {
    if (!strict) {
        if (!DICT_CHECK(m) && !obj_hasattr_cstr(m, "keys")) {
            err_format(Exc_TypeError, "'%s' object is not a mapping", type_name(TYPE(m)));
            return -1;
        }
        return dict_update(d, m);
    }
    Object *keys;
    if (DICT_CHECK(m)) {
        keys = dict_keys_list(m);
    } else {
        Object *k = obj_lookup_attr(m, intern_cstr("keys"));
        if (!k) {
            if (!err_occurred()) {
                Object *desc = callable ? callable_desc(callable) : NULL;
                if (desc) {
                    err_format(Exc_TypeError, "%U argument after ** must be a mapping, not %T", desc, m);
                    DECREF(desc);
                } else {
                    err_format(Exc_TypeError, "argument after ** must be a mapping, not %T", m);
                }
            }
            return -1;
        }
        Object *r = obj_call0(k);
        DECREF(k);
        if (!r) return -1;
        keys = obj_to_list(r);
        DECREF(r);
    }
    if (!keys) return -1;
    int rc = 0;
    for (size_t i = 0; i < list_size(keys); i++) {
        Object *key = ((ListObject *)keys)->items[i];
        if (!STR_CHECK(key)) {
            err_set(Exc_TypeError, "keywords must be strings");
            rc = -1;
            break;
        }
        Object *old = NULL;
        int has = dict_lookup(d, key, &old);
        if (has < 0) { rc = -1; break; }
        if (has) {
            DECREF(old);
            Object *desc = callable ? callable_desc(callable) : NULL;
            if (desc) {
                err_format(Exc_TypeError, "%U got multiple values for keyword argument '%U'", desc, key);
                DECREF(desc);
            } else {
                err_format(Exc_TypeError, "got multiple values for keyword argument '%U'", key);
            }
            rc = -1;
            break;
        }
        Object *v = obj_getitem(m, key);
        if (!v) { rc = -1; break; }
        rc = dict_set(d, key, v);
        DECREF(v);
        if (rc < 0) break;
    }
    DECREF(keys);
    return rc;
}

static Object *format_value(Object *v, uint32_t flags, Object *spec) {
    Object *conv;
    switch (flags & 3) {
    case 1: conv = obj_str(v); break;
    case 2: conv = obj_repr(v); break;
    case 3: conv = obj_ascii(v); break;
    default: conv = NEWREF(v); break;
    }
    if (!conv) return NULL;
    if (!spec && IS_TYPE(conv, StrType)) return conv;
    Object *empty = NULL;
    if (!spec) spec = empty = str_from_cstr("");
    Object *r = obj_format(conv, spec);
    DECREF(conv);
    XDECREF(empty);
    return r;
}

/* --trace: the value stack, then the instruction about to run; a header
 * line whenever execution moves to another code object (a call or a
 * return), so the reader sees which function each instruction belongs to. */
static void trace_instruction(Frame *f, Object **sp, uint32_t *instr) {
    static _Thread_local CodeObject *last_traced_code;
    FILE *out = stderr;
    fileio_flush_std();           /* keep the program's output in step */
    if (f->code != last_traced_code) {
        last_traced_code = f->code;
        fprintf(out, "--- %s ---\n", STR_CHECK(f->code->qualname) ? str_data(f->code->qualname) : "?");
    }
    fputs("          [", out);
    for (Object **p = f->stack; p < sp; p++) {
        fputs(p == f->stack ? " " : ", ", out);
        if (!*p) {
            fputs("NULL", out);
            continue;
        }
        Object *r = obj_repr(*p);
        if (r) {
            if (str_size(r) > 60) {
                fwrite(str_data(r), 1, 57, out);
                fputs("...", out);
            } else {
                fwrite(str_data(r), 1, str_size(r), out);
            }
            DECREF(r);
        } else {
            err_clear();
            fprintf(out, "<%s>", type_name(TYPE(*p)));
        }
    }
    fputs(" ]\n", out);
    uint32_t off = (uint32_t)(instr - f->code->code);
    dis_instruction(f->code, off, -1, false, out);
}

/* ---- the loop ------------------------------------------------------------ */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(ptrdiff_t)(n)])

#define LOAD_FRAME()                                   \
    do {                                               \
        co = f->code;                                  \
        ip = f->ip;                                    \
        sp = f->sp;                                    \
        locals = f->localsplus;                        \
        consts = tuple_items(co->consts);              \
        names = tuple_items(co->names);                \
        caches = (InlineCache *)co->caches;            \
    } while (0)

#define SAVE_FRAME()                                   \
    do {                                               \
        f->ip = ip;                                    \
        f->sp = sp;                                    \
        f->instr = this_instr;                         \
    } while (0)

/* With computed goto, tracing costs nothing when off: while tracing, every
 * opcode's target is trace_hook (opcode_targets = trace_targets), which
 * traces and then jumps to the real target. The switch build tests. */
#if USE_COMPUTED_GOTO
#define TRACE_CHECK() ((void)0)
#else
#define TRACE_CHECK() \
    do { if (UNLIKELY(tracing)) trace_instruction(f, sp, this_instr); } while (0)
#endif

#define FETCH()                                        \
    do {                                               \
        this_instr = ip;                               \
        word = *ip++;                                  \
        oparg = INSTR_ARG(word);                       \
        TRACE_CHECK();                                 \
    } while (0)

#if USE_COMPUTED_GOTO
#define TARGET(name) TARGET_##name:
#define DISPATCH()                                     \
    do {                                               \
        FETCH();                                       \
        goto *opcode_targets[INSTR_OP(word)];          \
    } while (0)
#else
#define TARGET(name) case OP_##name:
#define DISPATCH() goto dispatch_top
#endif

#define CHECK_EVAL_BREAKER()                                                   \
    do {                                                                       \
        if (UNLIKELY(__atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED))) {  \
            SAVE_FRAME();                                                      \
            if (eval_breaker_handle(ts) < 0) goto error;                       \
        }                                                                      \
    } while (0)

#define JUMP_TO(target) (ip = co->code + (target))

/* Borrowed operands (compiler/borrow.c, vm/opcodes.h). A consumer splits its
 * operand into the flags and the real operand, drops only the operands it
 * owns, and before failing clears the stack slot (depth 1 = top) of a
 * borrowed operand still there, so the unwinder does not drop it. */
#define TAKE_BORROW_FLAGS()                                            \
    const uint32_t borrow = oparg & ARG_BORROW_MASK;                   \
    oparg &= ~ARG_BORROW_MASK
#define DROP_OPERAND(v, flag) \
    do { if (!(borrow & (flag))) DECREF(v); } while (0)
#define CLEAR_BORROWED_SLOT(depth, flag) \
    do { if (borrow & (flag)) sp[-(depth)] = NULL; } while (0)

/* In-place results. When the next instruction (`ip`) is a STORE_FAST, the
 * value its local holds now is about to be dropped; if nothing else refers
 * to it, an instruction may write its int or float result into that very
 * object and skip the STORE_FAST (so --trace shows none after it): `x += y`
 * (BINARY_OP), `for i in range(n)` (FOR_ITER); `s += t` on strs appends
 * to s's own block (str_append_in_place), which may move, so the local is
 * stored again. Always inlined: as calls
 * they made GCC spill registers across the whole eval loop. */

/* The value of the local the next instruction stores into, or NULL. */
static inline __attribute__((always_inline)) Object *
value_stored_over(const uint32_t *ip, Object *const *locals) {
    return INSTR_OP(*ip) == OP_STORE_FAST ? locals[INSTR_ARG(*ip)] : NULL;
}

/* BINARY_OP flagged BINOP_STORES_BACK: its left operand `a` is still the
 * value stored over, referred to by nothing else (only the local when the
 * operand was borrowed; the local and the stack otherwise). */
static inline __attribute__((always_inline)) bool
result_stores_back(const uint32_t *ip, Object *const *locals, Object *a, uint32_t borrow) {
    if (value_stored_over(ip, locals) != a) return false;
    return (borrow & ARG_BORROW_NOS) ? obj_is_unique(a) : obj_has_two_refs(a);
}

/* The value a LOAD_FAST(_BORROW) or LOAD_CONST(_BORROW) instruction would
 * push, or NULL for any other instruction or an unbound local. */
static inline __attribute__((always_inline)) Object *
value_loaded_by(uint32_t instr, Object *const *locals, Object *const *consts) {
    switch (INSTR_OP(instr)) {
    case OP_LOAD_FAST: return locals[INSTR_ARG(instr)];
    case OP_LOAD_FAST_BORROW: return locals[INSTR_ARG(instr) & ~ARG_BORROW_NOS];
    case OP_LOAD_CONST:
    case OP_LOAD_CONST_BORROW: return consts[INSTR_ARG(instr)];
    default: return NULL;
    }
}

/* BINARY_OP flagged BINOP_SUBSCR_STORES_BACK (`x[k] op= y`): the next three
 * instructions load x and k again and store the result into x[k]. When x
 * is an exact list, k a small int, and x[k] is still the left operand `a`
 * (the BINARY_SUBSCR before loaded it) with no reference but the list's and
 * the stack's, the result may be written into a instead: storing a new
 * object there and dropping a would leave the same value behind, and
 * nothing else can tell the difference. Returns the list, held for the
 * change (list_item_exclusive; the caller releases it), or NULL. */
static inline __attribute__((always_inline)) Object *
subscr_result_stores_back(const uint32_t *ip, Object *const *locals, Object *const *consts,
                          Object *a, uint32_t borrow) {
    if (borrow & ARG_BORROW_NOS) return NULL;
    Object *list = value_loaded_by(ip[0], locals, consts);
    Object *key = value_loaded_by(ip[1], locals, consts);
    if (!list || !key || INSTR_OP(ip[2]) != OP_STORE_SUBSCR || !IS_TYPE(list, ListType) ||
        !IS_TYPE(key, IntType) || !int_is_small(key))
        return NULL;
    return list_item_exclusive(list, int_small(key), a) ? list : NULL;
}

/* A LOAD_FAST_BORROW flagged ARG_BORROW_NOS found its local unbound, with
 * borrowed values of the same consumer below it on the stack (`ip`: the
 * next instruction, `sp`: the stack without the failed load's value). The
 * unwinder drops what the stack holds, so clear those slots first. How many
 * there are: the consumer's borrowed count, less the failed load and the
 * borrowed loads still ahead of it (compiler/borrow.c). */
static void clear_borrowed_run(const uint32_t *ip, Object **sp) {
    uint32_t ahead = 0;
    for (;; ip++) {
        int op = (int)INSTR_OP(*ip);
        if (op != OP_LOAD_FAST_BORROW && op != OP_LOAD_CONST_BORROW) break;
        ahead++;
    }
    uint32_t arg = INSTR_ARG(*ip);
    uint32_t borrowed = INSTR_OP(*ip) == OP_CALL ? call_nborrowed(arg)
                        : (uint32_t)__builtin_popcount(arg & ARG_BORROW_MASK);
    for (uint32_t i = 1; i + ahead < borrowed; i++) sp[-(int)i] = NULL;
}

static Object *eval_frame(ThreadState *ts, Frame *entry, int throwflag) {
#if USE_COMPUTED_GOTO
    static void *const dispatch_table[] = {
#define X(name, kind, cache, effect, doc) &&TARGET_##name,
        OPCODE_LIST(X)
#undef X
    };
    static void *const trace_targets[256] = { [0 ... 255] = &&trace_hook };
    _Static_assert(OP_COUNT_ <= 256, "opcode numbers fit the trace table");
#endif
    Frame *f = entry;
    CodeObject *co;
    uint32_t *ip, *this_instr, word, oparg;
    Object **sp, **locals;
    Object *const *consts;
    Object *const *names;
    InlineCache *caches;
    Object *res = NULL;
    const bool tracing = ts->interp->trace != 0;
#if USE_COMPUTED_GOTO
    void *const *const opcode_targets = tracing ? trace_targets : dispatch_table;
#endif

    entry->back = ts->frame;
    entry->is_entry = 1;
    entry->state = FRAME_RUNNING;
    ts->frame = entry;
    LOAD_FRAME();
    this_instr = f->instr;
    word = oparg = 0;
    (void)word;
    /* Entered from C (calls from C code, generators): bounded by count and
     * by the bytes of C stack left (stackguard.h). */
    if (UNLIKELY(++ts->c_recursion_depth > C_RECURSION_LIMIT) ||
        UNLIKELY(stack_guard_check(NULL) < 0)) {
        if (!throwflag) err_set(Exc_RecursionError, "maximum recursion depth exceeded");
        goto exception_unwind;
    }
    if (throwflag) goto error;

dispatch_top: __attribute__((unused));
    FETCH();
#if USE_COMPUTED_GOTO
    goto *opcode_targets[INSTR_OP(word)];
trace_hook:
    trace_instruction(f, sp, this_instr);
    goto *dispatch_table[INSTR_OP(word)];
#endif
    switch (INSTR_OP(word)) {

    TARGET(NOP) DISPATCH();

    TARGET(EXTENDED_ARG) DISPATCH();

    TARGET(POP_TOP) {
        Object *v = POP();
        XDECREF(v);
        DISPATCH();
    }

    TARGET(DUP_TOP) {
        Object *v = TOP();
        XINCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(DUP_TOP_TWO) {
        Object *a = SECOND(), *b = TOP();
        XINCREF(a);
        XINCREF(b);
        PUSH(a);
        PUSH(b);
        DISPATCH();
    }

    TARGET(ROT_TWO) {
        Object *t = TOP();
        TOP() = SECOND();
        SECOND() = t;
        DISPATCH();
    }

    TARGET(ROT_THREE) {
        Object *c = TOP();
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = c;
        DISPATCH();
    }

    TARGET(ROT_FOUR) {
        Object *d = TOP();
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = d;
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        Object *v = consts[oparg];
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        Object *v = locals[oparg];
        if (UNLIKELY(!v)) {
            raise_unbound_local(local_name(co, oparg));
            goto error;
        }
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    /* Borrowed operands (compiler/borrow.c): the next instruction consumes
     * the value and knows not to drop it. */
    TARGET(LOAD_FAST_BORROW) {
        Object *v = locals[oparg & ~ARG_BORROW_NOS];
        if (UNLIKELY(!v)) {
            /* the value below is borrowed for the same consumer: the
             * unwinder must not drop it */
            if (oparg & ARG_BORROW_NOS) clear_borrowed_run(ip, sp);
            raise_unbound_local(local_name(co, oparg & ~ARG_BORROW_NOS));
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_CONST_BORROW) {
        PUSH(consts[oparg]);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        Object *v = POP();
        Object *old = locals[oparg];
        locals[oparg] = v;
        XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        Object *old = locals[oparg];
        if (!old) {
            raise_unbound_local(local_name(co, oparg));
            goto error;
        }
        locals[oparg] = NULL;
        DECREF(old);
        DISPATCH();
    }

    /* Cells may be shared by closures running in several threads: the
     * cell's lock (nothing in the GIL build) makes read+INCREF and swap
     * atomic, so a value is never freed under a reader. */
    TARGET(LOAD_DEREF) {
        CellObject *cell = (CellObject *)f->cells[oparg];
        OBJ_LOCK(cell);
        Object *v = cell->ref;
        XINCREF(v);
        OBJ_UNLOCK(cell);
        if (UNLIKELY(!v)) {
            raise_unbound_deref(co, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        Object *v = POP();
        CellObject *cell = (CellObject *)f->cells[oparg];
        OBJ_LOCK(cell);
        Object *old = cell->ref;
        cell->ref = v;
        OBJ_UNLOCK(cell);
        XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        CellObject *cell = (CellObject *)f->cells[oparg];
        OBJ_LOCK(cell);
        Object *old = cell->ref;
        cell->ref = NULL;
        OBJ_UNLOCK(cell);
        if (!old) {
            raise_unbound_deref(co, oparg);
            goto error;
        }
        DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        Object *cell = f->cells[oparg];
        INCREF(cell);
        PUSH(cell);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        Object *name = cell_name(co, oparg);
        Object *v = NULL;
        if (f->locals) {
            if (IS_TYPE(f->locals, DictType)) {
                v = dict_get_str(f->locals, name);
                if (!v && err_occurred()) goto error;
            } else {
                v = obj_getitem(f->locals, name);
                if (!v) {
                    if (!err_matches(Exc_KeyError)) goto error;
                    err_clear();
                }
            }
        }
        if (!v) {
            CellObject *cell = (CellObject *)f->cells[oparg];
            OBJ_LOCK(cell);
            v = cell->ref;
            XINCREF(v);
            OBJ_UNLOCK(cell);
            if (!v) {
                raise_unbound_deref(co, oparg);
                goto error;
            }
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        Object *name = names[oparg];
        InlineCache *c = &caches[*ip++];
        Object *v;
        uint32_t seq = cache_begin(c);
        if (CACHE_GET(c, key) == f->globals && CACHE_GET(c, version) == dict_version(f->globals) &&
            CACHE_GET(c, version2) == dict_version(f->builtins)) {
            v = CACHE_GET(c, value);
            if (LIKELY(cache_valid(c, seq))) {
                INCREF_PROBABLY_IMMORTAL(v);   /* always, once threads run */
                PUSH(v);
                DISPATCH();
            }
        }
        /* versions read before the lookup: if a dict changes meanwhile,
         * the entry is stale from the start, never wrong */
        uint64_t gv = dict_version(f->globals), bv = dict_version(f->builtins);
        v = dict_get_str(f->globals, name);
        if (!v) {
            if (err_occurred()) goto error;
            v = dict_get_str(f->builtins, name);
            if (!v) {
                if (!err_occurred()) err_format(Exc_NameError, "name '%U' is not defined", name);
                goto error;
            }
        }
        cache_store(c, f->globals, gv, bv, v, AC_EMPTY);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        Object *v = POP();
        int rc = dict_set(f->globals, names[oparg], v);
        DECREF(v);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        Object *name = names[oparg];
        if (dict_pop(f->globals, name, NULL) <= 0) {
            if (!err_occurred()) err_format(Exc_NameError, "name '%U' is not defined", name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        Object *name = names[oparg];
        Object *v = NULL;
        if (f->locals) {
            if (IS_TYPE(f->locals, DictType)) {
                v = dict_get_str(f->locals, name);
                if (!v && err_occurred()) goto error;
            } else {
                v = obj_getitem(f->locals, name);
                if (!v) {
                    if (!err_matches(Exc_KeyError)) goto error;
                    err_clear();
                }
            }
        }
        if (!v && f->locals != f->globals) {
            v = dict_get_str(f->globals, name);
            if (!v && err_occurred()) goto error;
        }
        if (!v) {
            v = dict_get_str(f->builtins, name);
            if (!v) {
                if (!err_occurred()) err_format(Exc_NameError, "name '%U' is not defined", name);
                goto error;
            }
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        Object *v = POP();
        if (!f->locals) {
            DECREF(v);
            err_format(Exc_SystemError, "no locals found when storing %R", names[oparg]);
            goto error;
        }
        int rc = store_mapping(f->locals, names[oparg], v);
        DECREF(v);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        Object *name = names[oparg];
        if (!f->locals) {
            err_format(Exc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        int rc = IS_TYPE(f->locals, DictType) ? dict_pop(f->locals, name, NULL)
                                              : (obj_delitem(f->locals, name) < 0 ? 0 : 1);
        if (rc <= 0) {
            if (rc == 0 && err_occurred() && !err_matches(Exc_KeyError)) goto error;
            err_clear();
            err_format(Exc_NameError, "name '%U' is not defined", name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        TAKE_BORROW_FLAGS();
        Object *owner = TOP();
        Object *name = names[oparg];
        InlineCache *c = &caches[*ip++];
        TypeObject *tp = TYPE(owner);
        Object *v;
        uint32_t seq = cache_begin(c);
        if (CACHE_GET(c, key) == tp && CACHE_GET(c, version) == type_version(tp)) {
            uint32_t kind = CACHE_GET(c, kind);
            Object *cached = CACHE_GET(c, value);
            if (!cache_valid(c, seq)) kind = AC_EMPTY;
            switch (kind) {
            case AC_INSTANCE_DICT: {
                Object *d = instance_dict(owner, tp);
                if (d) {
                    /* version2 is free here: it keeps the entry hint */
                    v = dict_get_str_hinted(d, name, &c->version2);
                    if (v) goto load_attr_done;
                    if (err_occurred()) goto load_attr_error;
                }
                break;
            }
            case AC_CLASS_VALUE: {
                Object *d = instance_dict(owner, tp);
                if (d) {
                    v = dict_get_str(d, name);
                    if (v) goto load_attr_done;
                    if (err_occurred()) goto load_attr_error;
                }
                Object *descr = cached;
                if (TYPE(descr)->descr_get) {
                    v = TYPE(descr)->descr_get(descr, owner, (Object *)tp);
                    if (!v) goto load_attr_error;
                } else {
                    v = NEWREF(descr);
                }
                goto load_attr_done;
            }
            case AC_DATA_DESCR: {
                Object *descr = cached;
                v = TYPE(descr)->descr_get(descr, owner, (Object *)tp);
                if (!v) goto load_attr_error;
                goto load_attr_done;
            }
            default:
                break;
            }
        }
        if (tp == &ModuleType) {
            v = dict_get_str(((ModuleObject *)owner)->dict, name);
            if (v) goto load_attr_done;
            if (err_occurred()) goto load_attr_error;
        }
        v = obj_getattr(owner, name);
        if (!v) goto load_attr_error;
        {
            uint32_t version = type_version(tp);
            if (version != 0 && tp->getattr == obj_generic_getattr) {
                /* a reference: cache_store reads its header, and another
                 * thread may rebind the class attribute meanwhile */
                Object *descr = type_lookup_ref(tp, name);
                uint32_t kind = AC_EMPTY;
                if (!descr) {
                    if (tp->dictoffset) kind = AC_INSTANCE_DICT;
                } else if (TYPE(descr)->descr_get && TYPE(descr)->descr_set) {
                    kind = AC_DATA_DESCR;
                } else {
                    kind = AC_CLASS_VALUE;
                }
                cache_store(c, tp, version, 0, descr, kind);
                XDECREF(descr);
            }
        }
    load_attr_done:
        sp[-1] = v;
        DROP_OPERAND(owner, ARG_BORROW_TOS);
        DISPATCH();
    load_attr_error:
        CLEAR_BORROWED_SLOT(1, ARG_BORROW_TOS);
        goto error;
    }

    TARGET(STORE_ATTR) {
        TAKE_BORROW_FLAGS();
        Object *owner = POP();
        Object *v = POP();
        Object *name = names[oparg];
        InlineCache *c = &caches[*ip++];
        TypeObject *tp = TYPE(owner);
        int rc;
        uint32_t seq = cache_begin(c);
        if (CACHE_GET(c, key) == tp && CACHE_GET(c, version) == type_version(tp) &&
            CACHE_GET(c, kind) == AC_STORE_DICT && cache_valid(c, seq)) {
            /* the dict keeps the stack's reference to v, unless v was
             * borrowed: either way nothing is left to drop */
            Object *d = instance_dict(owner, tp);
            if (d) {
                rc = (borrow & ARG_BORROW_NOS) ? dict_set(d, name, v) : dict_set_owned(d, name, v);
                goto store_attr_stored;
            }
            Object **dp = obj_dict_ptr(owner);
            if (dp) {
                /* the first store into a fresh instance (self.x in __init__) */
                d = obj_instance_dict_ref(dp);
                rc = d ? dict_set(d, name, v) : -1;
                XDECREF(d);
                goto store_attr_done;
            }
        }
        uint32_t version = type_version(tp);
        rc = obj_setattr(owner, name, v);
        if (rc == 0 && version != 0 && tp->setattr == obj_generic_setattr && tp->dictoffset) {
            Object *descr = type_lookup_ref(tp, name);
            if (!descr || !TYPE(descr)->descr_set)
                cache_store(c, tp, version, 0, NULL, AC_STORE_DICT);
            XDECREF(descr);
        }
    store_attr_done:
        DROP_OPERAND(v, ARG_BORROW_NOS);
    store_attr_stored:
        DROP_OPERAND(owner, ARG_BORROW_TOS);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        Object *owner = POP();
        int rc = obj_setattr(owner, names[oparg], NULL);
        DECREF(owner);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        /* a borrowed owner (ARG_BORROW_TOS): the CALL this feeds knows the
         * self slot is borrowed, and nothing here drops the owner */
        TAKE_BORROW_FLAGS();
        Object *owner = TOP();
        Object *name = names[oparg];
        InlineCache *c = &caches[*ip++];
        TypeObject *tp = TYPE(owner);
        Object *v;
        uint32_t seq = cache_begin(c);
        if (CACHE_GET(c, key) == tp && CACHE_GET(c, version) == type_version(tp) &&
            CACHE_GET(c, kind) == AC_METHOD) {
            Object *cached = CACHE_GET(c, value);
            if (LIKELY(cache_valid(c, seq))) {
                Object *d = instance_dict(owner, tp);
                /* version2 remembers a dict version seen without `name`:
                 * versions are unique across all dicts and states, so a
                 * match is this very dict, unchanged since (think of a
                 * shared instance whose method is called in a loop). */
                uint64_t dv;
                if (!d || dict_size(d) == 0 ||
                    (dv = dict_version(d)) == CACHE_GET(c, version2)) {
                    v = cached;
                    goto load_method_found;
                }
                v = dict_get_str(d, name);
                if (v) goto load_method_plain;
                if (err_occurred()) goto load_method_error;
                /* Once threads run, only for a shared (immortal) dict: a
                 * write per call would bounce this line between threads
                 * that each call methods on their own instances. */
                if (!threads_may_contend() || obj_is_immortal(d))
                    __atomic_store_n(&c->version2, dv, __ATOMIC_RELAXED);
                v = cached;
                goto load_method_found;
            }
        }
        uint32_t version = type_version(tp);
        if (tp->getattr == obj_generic_getattr) {
            Object *descr = type_lookup_ref(tp, name);
            if (descr && (IS_TYPE(descr, FunctionType) || IS_TYPE(descr, MethodDescrType))) {
                Object *d = instance_dict(owner, tp);
                if (d) {
                    v = dict_get_str(d, name);
                    if (v || err_occurred()) DECREF(descr);
                    if (v) goto load_method_plain;
                    if (err_occurred()) goto load_method_error;
                }
                if (version != 0) cache_store(c, tp, version, 0, descr, AC_METHOD);
                v = descr;
                goto load_method_owned;
            }
            XDECREF(descr);
        }
        v = obj_getattr(owner, name);
        if (!v) goto load_method_error;
    load_method_plain:
        sp[-1] = v;
        DROP_OPERAND(owner, ARG_BORROW_TOS);
        PUSH(NULL);
        DISPATCH();
    load_method_error:
        CLEAR_BORROWED_SLOT(1, ARG_BORROW_TOS);
        goto error;
    load_method_found:
        INCREF(v);
    load_method_owned:
        sp[-1] = v;
        PUSH(owner);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        TAKE_BORROW_FLAGS();
        Object *key = POP();
        Object *container = TOP();
        Object *v;
        if (IS_TYPE(key, IntType) && int_is_small(key)) {
            int64_t i = int_small(key);
            if (IS_TYPE(container, ListType)) {
                int64_t n = (int64_t)list_size(container);
                if (i < 0) i += n;
                /* Free-threaded: inline only while no other thread can
                 * resize the list under us (vm_threads_started). */
                if (i >= 0 && i < n &&
                    (!GILT_FT || !__atomic_load_n(&vm_threads_started, __ATOMIC_RELAXED))) {
                    v = ((ListObject *)container)->items[i];
                    INCREF(v);
                    goto subscr_done;
                }
                if (GILT_FT && i >= 0) {
                    v = list_get(container, i);
                    if (!v) {
                        if (err_matches(Exc_IndexError)) {
                            err_clear();
                            err_set(Exc_IndexError, "list index out of range");
                        }
                        goto subscr_error;
                    }
                    goto subscr_done;
                }
            } else if (IS_TYPE(container, TupleType)) {
                int64_t n = (int64_t)tuple_size(container);
                if (i < 0) i += n;
                if (i >= 0 && i < n) {
                    v = tuple_get(container, i);
                    INCREF(v);
                    goto subscr_done;
                }
            }
        } else if (IS_TYPE(container, DictType)) {
            int found = dict_lookup(container, key, &v);
            if (found > 0) goto subscr_done;
            if (found < 0) goto subscr_error;
            err_set_value(Exc_KeyError, key);
            goto subscr_error;
        }
        v = obj_getitem(container, key);
        if (!v) goto subscr_error;
    subscr_done:
        DROP_OPERAND(key, ARG_BORROW_TOS);
        sp[-1] = v;
        DROP_OPERAND(container, ARG_BORROW_NOS);
        DISPATCH();
    subscr_error:
        DROP_OPERAND(key, ARG_BORROW_TOS);
        CLEAR_BORROWED_SLOT(1, ARG_BORROW_NOS);
        goto error;
    }

    TARGET(STORE_SUBSCR) {
        TAKE_BORROW_FLAGS();
        Object *key = POP();
        Object *container = POP();
        Object *v = POP();
        int rc;
        if (IS_TYPE(container, ListType) && IS_TYPE(key, IntType) && int_is_small(key)) {
            int64_t i = int_small(key), n = (int64_t)list_size(container);
            if (i < 0) i += n;
            if (i >= 0 && i < n) {
                /* the container keeps the stack's reference to v */
                rc = list_set_owned(container, i, v);
                goto store_subscr_stored;
            }
        } else if (IS_TYPE(container, DictType)) {
            rc = dict_set_owned(container, key, v);
            goto store_subscr_stored;
        }
        rc = obj_setitem(container, key, v);
        DECREF(v);
    store_subscr_stored:
        DROP_OPERAND(key, ARG_BORROW_TOS);
        DROP_OPERAND(container, ARG_BORROW_NOS);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        Object *key = POP();
        Object *container = POP();
        int rc = obj_delitem(container, key);
        DECREF(key);
        DECREF(container);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        Object *step = oparg == 3 ? POP() : NULL;
        Object *stop = POP();
        Object *start = POP();
        Object *s = slice_new(start, stop, step);
        DECREF(start);
        DECREF(stop);
        XDECREF(step);
        if (!s) goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        TAKE_BORROW_FLAGS();
        Object *b = POP();
        Object *a = TOP();
        Object *r;
        if (IS_TYPE(a, IntType) && IS_TYPE(b, IntType) && int_is_small(a) && int_is_small(b)) {
            int64_t x = int_small(a), y = int_small(b), z;
            switch (oparg & BINOP_PLAIN_MASK) {
            case BINOP_ADD:
                if (!__builtin_add_overflow(x, y, &z)) goto int_result;
                break;
            case BINOP_SUB:
                if (!__builtin_sub_overflow(x, y, &z)) goto int_result;
                break;
            case BINOP_MUL:
                if (!__builtin_mul_overflow(x, y, &z)) goto int_result;
                break;
            case BINOP_FLOORDIV:
                if (y != 0 && !(x == INT64_MIN && y == -1)) {
                    z = x / y;
                    if ((x % y != 0) && ((x < 0) != (y < 0))) z--;
                    goto int_result;
                }
                break;
            case BINOP_MOD:
                if (y != 0 && y != -1) {
                    z = x % y;
                    if (z != 0 && ((z < 0) != (y < 0))) z += y;
                    goto int_result;
                }
                break;
            case BINOP_TRUEDIV:
                if (y != 0 && x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) &&
                    y < (1LL << 53)) {
                    r = float_from_double((double)x / (double)y);
                    goto binop_done;
                }
                break;
            case BINOP_AND: z = x & y; goto int_result;
            case BINOP_OR: z = x | y; goto int_result;
            case BINOP_XOR: z = x ^ y; goto int_result;
            case BINOP_RSHIFT:
                if (y >= 0) {
                    z = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;
                    goto int_result;
                }
                break;
            case BINOP_LSHIFT:
                if (y >= 0 && y < 62 && x >= -(1LL << (62 - y)) && x < (1LL << (62 - y))) {
                    z = (int64_t)((uint64_t)x << y);
                    goto int_result;
                }
                break;
            default:
                break;
            }
            goto binop_generic;
        int_result:
            /* A temporary operand (only the stack refers to it) is reused
             * for the result instead of allocating; values in the small-int
             * cache range always come from the cache. */
            if (!int_value_is_cached(z)) {
                if (!(borrow & ARG_BORROW_NOS) && obj_is_unique(a)) {
                    ((IntObject *)a)->small = z;
                    DROP_OPERAND(b, ARG_BORROW_TOS);
                    DISPATCH();
                }
                if (!(borrow & ARG_BORROW_TOS) && obj_is_unique(b)) {
                    ((IntObject *)b)->small = z;
                    sp[-1] = b;
                    DROP_OPERAND(a, ARG_BORROW_NOS);
                    DISPATCH();
                }
                /* one test for both flags: this path is hot in every loop */
                if (oparg & (BINOP_STORES_BACK | BINOP_SUBSCR_STORES_BACK)) {
                    if ((oparg & BINOP_STORES_BACK) && result_stores_back(ip, locals, a, borrow)) {
                        ((IntObject *)a)->small = z;
                        goto binop_stored_back;
                    }
                    Object *list;
                    if ((oparg & BINOP_SUBSCR_STORES_BACK) &&
                        (list = subscr_result_stores_back(ip, locals, consts, a, borrow))) {
                        ((IntObject *)a)->small = z;
                        list_item_release(list);
                        goto binop_subscr_stored_back;
                    }
                }
            }
            r = int_from_i64(z);
            goto binop_done;
        }
        if (IS_TYPE(a, FloatType) || IS_TYPE(b, FloatType)) {
            double x, y;
            if (IS_TYPE(a, FloatType)) x = float_value(a);
            else if (IS_TYPE(a, IntType) && int_is_small(a) && int_small(a) > -(1LL << 53) &&
                     int_small(a) < (1LL << 53)) x = (double)int_small(a);
            else goto binop_generic;
            if (IS_TYPE(b, FloatType)) y = float_value(b);
            else if (IS_TYPE(b, IntType) && int_is_small(b) && int_small(b) > -(1LL << 53) &&
                     int_small(b) < (1LL << 53)) y = (double)int_small(b);
            else goto binop_generic;
            double z;
            switch (oparg & BINOP_PLAIN_MASK) {
            case BINOP_ADD: z = x + y; goto float_result;
            case BINOP_SUB: z = x - y; goto float_result;
            case BINOP_MUL: z = x * y; goto float_result;
            case BINOP_TRUEDIV:
                if (y != 0.0) {
                    z = x / y;
                    goto float_result;
                }
                break;
            default:
                break;
            }
            goto binop_generic;
        float_result:
            /* reuse a temporary, as for ints above */
            if (!(borrow & ARG_BORROW_NOS) && IS_TYPE(a, FloatType) && obj_is_unique(a)) {
                ((FloatObject *)a)->value = z;
                DROP_OPERAND(b, ARG_BORROW_TOS);
                DISPATCH();
            }
            if ((oparg & BINOP_SUBSCR_STORES_BACK) && IS_TYPE(a, FloatType)) {
                Object *list = subscr_result_stores_back(ip, locals, consts, a, borrow);
                if (list) {
                    ((FloatObject *)a)->value = z;
                    list_item_release(list);
                    goto binop_subscr_stored_back;
                }
            }
            if (!(borrow & ARG_BORROW_TOS) && IS_TYPE(b, FloatType) && obj_is_unique(b)) {
                ((FloatObject *)b)->value = z;
                sp[-1] = b;
                DROP_OPERAND(a, ARG_BORROW_NOS);
                DISPATCH();
            }
            if ((oparg & BINOP_STORES_BACK) && IS_TYPE(a, FloatType) &&
                result_stores_back(ip, locals, a, borrow)) {
                ((FloatObject *)a)->value = z;
                goto binop_stored_back;
            }
            r = float_from_double(z);
            goto binop_done;
        }
    binop_generic:
        if ((oparg & BINOP_PLAIN_MASK) == BINOP_ADD && IS_TYPE(a, StrType) &&
            IS_TYPE(b, StrType)) {
            /* `s += t` on a str only the local refers to: append in place
             * (the block may move; a != b, or t would move with it) */
            if ((oparg & BINOP_STORES_BACK) && a != b && result_stores_back(ip, locals, a, borrow)) {
                Object *grown = str_append_in_place(a, b);
                if (!grown) {
                    r = NULL;
                    goto binop_done;
                }
                locals[INSTR_ARG(*ip)] = a = grown;
                goto binop_stored_back;
            }
            r = str_concat(a, b);
        } else
            r = obj_binop(a, b, (BinOp)(oparg & BINOP_OPERATOR_MASK));
    binop_done:
        if (!(borrow & ARG_BORROW_TOS)) DECREF(b);
        if (!r) {
            CLEAR_BORROWED_SLOT(1, ARG_BORROW_NOS);
            goto error;
        }
        sp[-1] = r;
        DROP_OPERAND(a, ARG_BORROW_NOS);
        DISPATCH();
    binop_stored_back:
        /* a (the local's value) now holds the result: drop the operands'
         * stack references and skip the STORE_FAST */
        DROP_OPERAND(b, ARG_BORROW_TOS);
        DROP_OPERAND(a, ARG_BORROW_NOS);
        sp--;
        ip++;
        DISPATCH();
    binop_subscr_stored_back:
        /* the list item a now holds the result: drop the operands' stack
         * references (the list keeps a) and skip the reload and the store */
        DROP_OPERAND(b, ARG_BORROW_TOS);
        DECREF(a);
        sp--;
        ip += 3;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        Object *v = TOP();
        Object *r;
        if (IS_TYPE(v, IntType) && int_is_small(v) && int_small(v) != INT64_MIN)
            r = int_from_i64(-int_small(v));
        else if (IS_TYPE(v, FloatType))
            r = float_from_double(-float_value(v));
        else
            r = obj_unaryop(v, UNOP_NEG);
        if (!r) goto error;
        sp[-1] = r;
        DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        Object *v = TOP();
        Object *r = obj_unaryop(v, UNOP_POS);
        if (!r) goto error;
        sp[-1] = r;
        DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        Object *v = TOP();
        Object *r = obj_unaryop(v, UNOP_INVERT);
        if (!r) goto error;
        sp[-1] = r;
        DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        Object *v = TOP();
        int t = v == OBJ_TRUE ? 1 : v == OBJ_FALSE || v == OBJ_NONE ? 0 : obj_is_true(v);
        if (t < 0) goto error;
        sp[-1] = bool_from(!t);
        DECREF(v);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        TAKE_BORROW_FLAGS();
        Object *b = POP();
        Object *a = TOP();
        int t;
        if (IS_TYPE(a, IntType) && IS_TYPE(b, IntType) && int_is_small(a) && int_is_small(b)) {
            int64_t x = int_small(a), y = int_small(b);
            switch (oparg) {
            case CMP_LT: t = x < y; break;
            case CMP_LE: t = x <= y; break;
            case CMP_EQ: t = x == y; break;
            case CMP_NE: t = x != y; break;
            case CMP_GT: t = x > y; break;
            default: t = x >= y; break;
            }
            goto compare_bool;
        }
        if (IS_TYPE(a, FloatType) && IS_TYPE(b, FloatType)) {
            double x = float_value(a), y = float_value(b);
            switch (oparg) {
            case CMP_LT: t = x < y; break;
            case CMP_LE: t = x <= y; break;
            case CMP_EQ: t = x == y; break;
            case CMP_NE: t = x != y; break;
            case CMP_GT: t = x > y; break;
            default: t = x >= y; break;
            }
            goto compare_bool;
        }
        {
            Object *r = obj_richcompare(a, b, (CompareOp)oparg);
            DROP_OPERAND(b, ARG_BORROW_TOS);
            if (!r) {
                CLEAR_BORROWED_SLOT(1, ARG_BORROW_NOS);
                goto error;
            }
            sp[-1] = r;
            DROP_OPERAND(a, ARG_BORROW_NOS);
            DISPATCH();
        }
    compare_bool:
        DROP_OPERAND(b, ARG_BORROW_TOS);
        DROP_OPERAND(a, ARG_BORROW_NOS);
        /* fuse with a following conditional jump: no bool pushed */
        {
            uint32_t next = *ip;
            if (INSTR_OP(next) == OP_POP_JUMP_IF_FALSE) {
                sp--;
                ip++;
                if (!t) JUMP_TO(INSTR_ARG(next));
                DISPATCH();
            }
            if (INSTR_OP(next) == OP_POP_JUMP_IF_TRUE) {
                sp--;
                ip++;
                if (t) JUMP_TO(INSTR_ARG(next));
                DISPATCH();
            }
        }
        sp[-1] = bool_from(t);
        DISPATCH();
    }

    TARGET(IS_OP) {
        Object *b = POP();
        Object *a = TOP();
        int t = (a == b) ^ (int)oparg;
        DECREF(b);
        DECREF(a);
        sp[-1] = bool_from(t);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        Object *b = POP();
        Object *a = TOP();
        int t = obj_contains(b, a);
        DECREF(b);
        if (t < 0) goto error;
        DECREF(a);
        sp[-1] = bool_from(t ^ (int)oparg);
        DISPATCH();
    }

    TARGET(JUMP) {
        JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        JUMP_TO(oparg);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        Object *v = POP();
        if (v == OBJ_FALSE || v == OBJ_NONE) {
            JUMP_TO(oparg);
        } else if (v != OBJ_TRUE) {
            int t = obj_is_true(v);
            DECREF(v);
            if (t < 0) goto error;
            if (!t) JUMP_TO(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        Object *v = POP();
        if (v == OBJ_TRUE) {
            JUMP_TO(oparg);
        } else if (v != OBJ_FALSE && v != OBJ_NONE) {
            int t = obj_is_true(v);
            DECREF(v);
            if (t < 0) goto error;
            if (t) JUMP_TO(oparg);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        Object *v = TOP();
        int t = v == OBJ_TRUE ? 1 : v == OBJ_FALSE || v == OBJ_NONE ? 0 : obj_is_true(v);
        if (t < 0) goto error;
        if (!t) {
            JUMP_TO(oparg);
        } else {
            sp--;
            DECREF(v);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        Object *v = TOP();
        int t = v == OBJ_TRUE ? 1 : v == OBJ_FALSE || v == OBJ_NONE ? 0 : obj_is_true(v);
        if (t < 0) goto error;
        if (t) {
            JUMP_TO(oparg);
        } else {
            sp--;
            DECREF(v);
        }
        DISPATCH();
    }

    TARGET(GET_ITER) {
        Object *o = TOP();
        Object *it = obj_iter(o);
        if (!it) goto error;
        sp[-1] = it;
        DECREF(o);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        Object *it = TOP();
        Object *v;
        if (IS_TYPE(it, RangeIterType)) {
            /* range's iterator steps inline (iterobject.h). When the next
             * instruction stores into a local whose int nothing else
             * refers to (`for i in range(n)`: last round's i), the new
             * value goes into that int and the STORE_FAST is skipped. */
            int64_t next;
            if (range_iter_step((RangeIterObject *)it, &next)) {
                Object *old = int_value_is_cached(next) ? NULL : value_stored_over(ip, locals);
                if (old && IS_TYPE(old, IntType) && int_is_small(old) && obj_is_unique(old)) {
                    ((IntObject *)old)->small = next;
                    ip++;
                    DISPATCH();
                }
                PUSH(int_from_i64(next));
                DISPATCH();
            }
        }
        /* A list iterator steps inline while no other thread can change
         * the list (list.h); at the end, and once threads run, its
         * iternext does (it also lets go of the list). */
        if (IS_TYPE(it, ListIterType) && !threads_may_contend()) {
            ListIterObject *li = (ListIterObject *)it;
            if (li->seq && li->index < li->seq->size) {
                v = li->seq->items[li->index++];
                INCREF(v);
                PUSH(v);
                DISPATCH();
            }
        }
        Object *(*next)(Object *) = TYPE(it)->iternext;
        v = next ? next(it) : obj_next(it);
        if (LIKELY(v != NULL)) {
            PUSH(v);
            DISPATCH();
        }
        if (err_occurred()) {
            if (!err_matches(Exc_StopIteration)) goto error;
            err_clear();
        }
        sp--;
        DECREF(it);
        JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        Object *t = tuple_new(oparg);
        if (!t) goto error;
        Object **items = tuple_items(t);
        sp -= oparg;
        memcpy(items, sp, oparg * sizeof(Object *));
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        Object *l = list_new(oparg);
        if (!l) goto error;
        sp -= oparg;
        for (uint32_t i = 0; i < oparg; i++) list_set_init(l, i, sp[i]);
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        Object *s = set_new(NULL);
        int rc = s ? 0 : -1;
        for (uint32_t i = 0; i < oparg; i++) {
            Object *v = sp[(int)i - (int)oparg];
            if (rc == 0 && set_add(s, v) < 0) rc = -1;
            DECREF(v);
        }
        sp -= oparg;
        if (rc < 0) {
            XDECREF(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        Object *d = dict_new();
        int rc = d ? 0 : -1;
        Object **base = sp - 2 * oparg;
        for (uint32_t i = 0; i < oparg; i++) {
            if (rc == 0 && dict_set(d, base[2 * i], base[2 * i + 1]) < 0) rc = -1;
            DECREF(base[2 * i]);
            DECREF(base[2 * i + 1]);
        }
        sp = base;
        if (rc < 0) {
            XDECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        StrBuilder sb;
        sb_init(&sb);
        Object **base = sp - oparg;
        int rc = 0;
        for (uint32_t i = 0; i < oparg; i++) {
            if (rc == 0 && sb_append_str(&sb, base[i]) < 0) rc = -1;
            DECREF(base[i]);
        }
        sp = base;
        if (rc < 0) {
            sb_free(&sb);
            goto error;
        }
        Object *s = sb_finish(&sb);
        if (!s) goto error;
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        Object *v = POP();
        int rc = list_append(PEEK(oparg), v);
        DECREF(v);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        Object *v = POP();
        int rc = set_add(PEEK(oparg), v);
        DECREF(v);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        Object *v = POP();
        Object *k = POP();
        int rc = dict_set(PEEK(oparg), k, v);
        DECREF(k);
        DECREF(v);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        Object *it = POP();
        int rc;
        if (!TYPE(it)->iter && !TYPE(it)->getitem) {
            /* f(*x) builds its argument list with LIST_EXTEND, then
             * LIST_TO_TUPLE and CALL_EX (or the kwargs dict first): word
             * the error as a call error then, naming f as CPython does. */
            uint32_t n1 = ip[0], n2 = INSTR_OP(n1) == OP_LIST_TO_TUPLE ? ip[1] : 0;
            Object *desc = NULL;
            if (INSTR_OP(n1) == OP_LIST_TO_TUPLE &&
                (INSTR_OP(n2) == OP_CALL_EX ||
                 (INSTR_OP(n2) == OP_BUILD_MAP && INSTR_ARG(n2) == 0)) &&
                sp - f->stack >= (ptrdiff_t)oparg + 2 && PEEK(oparg + 2))
                desc = callable_desc(PEEK(oparg + 2));
            if (desc) {
                err_format(Exc_TypeError, "%U argument after * must be an iterable, not %T", desc, it);
                DECREF(desc);
            } else {
                err_clear();
                err_format(Exc_TypeError, "Value after * must be an iterable, not %T", it);
            }
            rc = -1;
        } else {
            rc = list_extend(PEEK(oparg), it);
        }
        DECREF(it);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        Object *it = POP();
        Object *s = PEEK(oparg);
        Object *iter = obj_iter(it);
        DECREF(it);
        if (!iter) goto error;
        Object *v;
        int rc = 0;
        while ((v = obj_next(iter))) {
            rc = set_add(s, v);
            DECREF(v);
            if (rc < 0) break;
        }
        DECREF(iter);
        if (rc < 0 || err_occurred()) goto error;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        Object *m = POP();
        int rc = dict_merge_into(PEEK(oparg), m, NULL, false);
        DECREF(m);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        Object *m = POP();
        Object *callable = (sp - f->stack) >= (ptrdiff_t)oparg + 3 ? PEEK(oparg + 3) : NULL;
        int rc = dict_merge_into(PEEK(oparg), m, callable, true);
        DECREF(m);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        Object *l = TOP();
        Object *t = list_as_tuple(l);
        if (!t) goto error;
        sp[-1] = t;
        DECREF(l);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        Object *seq = POP();
        if (IS_TYPE(seq, TupleType) && tuple_size(seq) == oparg && obj_is_unique(seq)) {
            /* a fresh tuple (from d.items(), enumerate, zip, a function's
             * `return a, b`): its items move to the stack, and only the
             * emptied tuple is freed */
            Object **items = tuple_items(seq);
            for (size_t i = 0; i < oparg; i++) {
                sp[oparg - 1 - i] = items[i];
                items[i] = NULL;
            }
            DECREF(seq);
            sp += oparg;
            DISPATCH();
        }
        int rc = unpack_iterable(seq, oparg, sp);
        DECREF(seq);
        if (rc < 0) goto error;
        sp += oparg;
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        size_t before = oparg & 0xff, after = oparg >> 8;
        Object *seq = POP();
        Object *l;
        if (!TYPE(seq)->iter && !TYPE(seq)->getitem) {
            err_format(Exc_TypeError, "cannot unpack non-iterable %T object", seq);
            l = NULL;
        } else {
            l = obj_to_list(seq);
        }
        DECREF(seq);
        if (!l) goto error;
        size_t n = list_size(l);
        if (n < before + after) {
            err_format(Exc_ValueError, "not enough values to unpack (expected at least %zu, got %zu)",
                       before + after, n);
            DECREF(l);
            goto error;
        }
        Object **items = ((ListObject *)l)->items;
        for (size_t i = 0; i < after; i++) PUSH(NEWREF(items[n - 1 - i]));
        Object *mid = list_from_array(items + before, n - before - after);
        if (!mid) {
            DECREF(l);
            goto error;
        }
        PUSH(mid);
        for (size_t i = before; i-- > 0;) PUSH(NEWREF(items[i]));
        DECREF(l);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        Object *spec = (oparg & 4) ? POP() : NULL;
        Object *v = TOP();
        Object *r = format_value(v, oparg, spec);
        XDECREF(spec);
        if (!r) goto error;
        sp[-1] = r;
        DECREF(v);
        DISPATCH();
    }

    TARGET(CALL) {
        size_t nargs_total = call_nargs(oparg);
        /* the topmost arguments that were pushed borrowed (compiler/borrow.c):
         * the callee's frame counts them, the cleanup skips them */
        size_t nborrowed = call_nborrowed(oparg);
        Object *kwnames = NULL;
        size_t nkw = 0;
        goto do_call;

    TARGET(CALL_KW)
        kwnames = POP();
        nkw = tuple_size(kwnames);
        nargs_total = oparg;
        nborrowed = 0;

    do_call: {
        Object **base = sp - nargs_total - 2;
        Object *callable = base[0];
        Object **args = base + 2;
        size_t npos = nargs_total - nkw;
        Object *r;
        if (base[1]) {
            args = base + 1;
            npos++;
        } else if (IS_TYPE(callable, MethodType)) {
            MethodObject *m = (MethodObject *)callable;
            /* a NULL self slot counted as borrowed (LOAD_METHOD found a
             * plain attribute) is about to hold a counted self */
            if (nborrowed > nargs_total) nborrowed = nargs_total;
            base[1] = NEWREF(m->self);
            base[0] = NEWREF(m->func);
            DECREF(callable);
            callable = base[0];
            args = base + 1;
            npos++;
        }
        if (IS_TYPE(callable, FunctionType)) {
            FunctionObject *fn = (FunctionObject *)callable;
            CodeObject *fco = (CodeObject *)fn->code;
            if (!(fco->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
                Frame *nf;
                if (!kwnames && npos == fco->argcount && fco->kwonlyargcount == 0 &&
                    !(fco->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
                    if (recursion_check(ts) < 0) {
                        sp -= nborrowed;
                        goto error;
                    }
                    /* the common case: the frame takes over the stack's
                     * references to the function and the arguments, and
                     * takes its own to the borrowed ones */
                    nf = frame_push_args(fco, npos);
                    nf->func = callable;
                    nf->globals = fn->globals;
                    nf->builtins = fn->builtins;
                    for (size_t i = 0; i < npos; i++) nf->localsplus[i] = args[i];
                    if (nborrowed) {
                        /* (a NULL self slot below the arguments may be
                         * counted among the borrowed: not an argument) */
                        size_t first = nborrowed < npos ? npos - nborrowed : 0;
                        for (size_t i = first; i < npos; i++) INCREF(args[i]);
                    }
                    sp = base;
                    if ((fco->ncellvars || fco->nfreevars) && init_cells(nf, fn) < 0) {
                        frame_clear(nf);
                        frame_pop(nf);
                        goto error;
                    }
                    ts->recursion_depth++;
                } else {
                    nf = function_frame(ts, fn, args, npos, kwnames);
                    sp -= nborrowed;
                    while (sp > base) {
                        Object *x = POP();
                        XDECREF(x);
                    }
                    XDECREF(kwnames);
                    if (!nf) goto error;
                }
                SAVE_FRAME();
                nf->back = f;
                nf->state = FRAME_RUNNING;
                f = nf;
                ts->frame = f;
                LOAD_FRAME();
                /* the safe point of a call is the callee's entry (as
                 * CPython's RESUME): an interrupt is raised in the callee */
                this_instr = ip;
                CHECK_EVAL_BREAKER();
                DISPATCH();
            }
        }
        r = obj_call(callable, args, npos, kwnames);
        sp -= nborrowed;
        while (sp > base + 1) {
            Object *x = POP();
            XDECREF(x);
        }
        DECREF(POP());
        XDECREF(kwnames);
        if (!r) goto error;
        PUSH(r);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }
    }

    TARGET(CALL_EX) {
        Object *kwargs = (oparg & 1) ? POP() : NULL;
        Object *cargs = POP();
        Object *self = POP();
        Object *callable = TOP();
        Object *r = NULL;
        Object *argtuple = NULL, *kwnames = NULL;
        Object **buf = NULL;
        if (!TUPLE_CHECK(cargs)) {
            if (!TYPE(cargs)->iter && !TYPE(cargs)->getitem) {
                Object *desc = callable_desc(callable);
                if (desc) {
                    err_format(Exc_TypeError, "%U argument after * must be an iterable, not %T",
                               desc, cargs);
                    DECREF(desc);
                }
                goto call_ex_done;
            }
            argtuple = obj_to_tuple(cargs);
            if (!argtuple) goto call_ex_done;
        } else {
            argtuple = NEWREF(cargs);
        }
        if (kwargs && !DICT_CHECK(kwargs)) {
            Object *d = dict_new();
            if (!d || dict_merge_into(d, kwargs, callable, true) < 0) {
                XDECREF(d);
                goto call_ex_done;
            }
            SETREF(kwargs, d);
        }
        {
            size_t npos = tuple_size(argtuple) + (self ? 1 : 0);
            size_t nkw = kwargs ? (size_t)dict_size(kwargs) : 0;
            buf = mem_alloc((npos + nkw + 1) * sizeof(Object *));
            size_t k = 0;
            if (self) buf[k++] = self;
            for (size_t i = 0; i < tuple_size(argtuple); i++) buf[k++] = tuple_get(argtuple, i);
            if (nkw) {
                kwnames = tuple_new(nkw);
                if (!kwnames) goto call_ex_done;
                size_t pos = 0, j = 0;
                Object *key, *value;
                while (j < nkw && dict_next(kwargs, &pos, &key, &value)) {
                    tuple_items(kwnames)[j++] = NEWREF(key);
                    buf[k++] = value;
                }
            }
            if (IS_TYPE(callable, FunctionType) &&
                !(((CodeObject *)((FunctionObject *)callable)->code)->flags &
                  (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
                Frame *nf = function_frame(ts, (FunctionObject *)callable, buf, npos, kwnames);
                mem_free(buf);
                XDECREF(kwnames);
                DECREF(argtuple);
                XDECREF(kwargs);
                DECREF(cargs);
                XDECREF(self);
                sp--;
                DECREF(callable);
                if (!nf) goto error;
                SAVE_FRAME();
                nf->back = f;
                nf->state = FRAME_RUNNING;
                f = nf;
                ts->frame = f;
                LOAD_FRAME();
                /* the safe point of a call is the callee's entry (as
                 * CPython's RESUME): an interrupt is raised in the callee */
                this_instr = ip;
                CHECK_EVAL_BREAKER();
                DISPATCH();
            }
            r = obj_call(callable, buf, npos, kwnames);
        }
    call_ex_done:
        mem_free(buf);
        XDECREF(kwnames);
        XDECREF(argtuple);
        XDECREF(kwargs);
        DECREF(cargs);
        XDECREF(self);
        sp--;
        DECREF(callable);
        if (!r) goto error;
        PUSH(r);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        Object *code = POP();
        Object *closure = (oparg & 4) ? POP() : NULL;
        Object *kwdefaults = (oparg & 2) ? POP() : NULL;
        Object *defaults = (oparg & 1) ? POP() : NULL;
        FunctionObject *fn = (FunctionObject *)function_new(code, f->globals,
                                                            ((CodeObject *)code)->qualname);
        DECREF(code);
        if (!fn) {
            XDECREF(closure);
            XDECREF(kwdefaults);
            XDECREF(defaults);
            goto error;
        }
        fn->closure = closure;
        fn->kwdefaults = kwdefaults;
        fn->defaults = defaults;
        PUSH((Object *)fn);
        DISPATCH();
    }

    /* Leave this frame with retval (a new reference): to eval_frame's
     * caller when this is the entry frame, else to the calling frame. */
#define RETURN_FROM_FRAME(retval)                                           \
    do {                                                                    \
        if (f == entry) {                                                   \
            res = (retval);                                                 \
            f->sp = sp;                                                     \
            goto exit_return;                                               \
        }                                                                   \
        Frame *back = f->back;                                              \
        f->sp = sp;                                                         \
        frame_clear(f);                                                     \
        frame_pop(f);                                                       \
        ts->recursion_depth--;                                              \
        f = back;                                                           \
        ts->frame = f;                                                      \
        LOAD_FRAME();                                                       \
        PUSH(retval);                                                       \
        DISPATCH();                                                         \
    } while (0)

    TARGET(RETURN_VALUE) {
        Object *retval = POP();
        RETURN_FROM_FRAME(retval);
    }

    TARGET(RETURN_LOCAL) {
        Object *retval = locals[oparg];
        if (UNLIKELY(!retval)) {
            raise_unbound_local(local_name(co, oparg));
            goto error;
        }
        /* the frame's reference goes to the caller: frame_clear skips
         * the emptied slot */
        locals[oparg] = NULL;
        RETURN_FROM_FRAME(retval);
    }

    TARGET(LOAD_BUILD_CLASS) {
        Object *bc = dict_get_cstr(f->builtins, "__build_class__");
        if (!bc) {
            if (!err_occurred()) err_set(Exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(SETUP_FINALLY) {
        TryBlock *b = &f->blocks[f->nblocks++];
        b->handler = oparg;
        b->level = (uint32_t)(sp - f->stack);
        DISPATCH();
    }

    TARGET(POP_BLOCK) {
        f->nblocks--;
        DISPATCH();
    }

    TARGET(PUSH_EXC_INFO) {
        Object *exc = POP();
        PUSH(ts->handled);              /* the stack takes over that reference */
        ts->handled = NEWREF(exc);
        PUSH(exc);
        TryBlock *b = &f->blocks[f->nblocks++];
        b->handler = oparg;
        b->level = (uint32_t)(sp - f->stack) - 1;
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        Object *prev = POP();
        Object *old = ts->handled;
        ts->handled = prev;
        XDECREF(old);
        DISPATCH();
    }

    TARGET(POP_EXCEPT_AND_RERAISE) {
        Object *exc = POP();
        Object *prev = POP();
        Object *old = ts->handled;
        ts->handled = prev;
        XDECREF(old);
        err_restore(exc);
        goto exception_unwind;
    }

    TARGET(CHECK_EXC_MATCH) {
        Object *type = TOP();
        Object *exc = SECOND();
        if (check_exc_match_type(type) < 0) goto error;
        int t = obj_isinstance(exc, type);
        if (t < 0) goto error;
        sp[-1] = bool_from(t);
        DECREF(type);
        DISPATCH();
    }

    TARGET(RERAISE) {
        Object *exc = POP();
        err_restore(exc);
        goto exception_unwind;
    }

    TARGET(RAISE_VARARGS) {
        if (oparg == 0) {
            Object *h = err_handled();
            if (!h) {
                err_set(Exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            err_restore(NEWREF(h));
            goto exception_unwind;
        }
        Object *cause = oparg == 2 ? POP() : NULL;
        Object *exc = POP();
        do_raise(ts, exc, cause);
        DECREF(exc);
        XDECREF(cause);
        goto error;
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(NEWREF(Exc_AssertionError));
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        Object *mgr = TOP();
        Object *enter = special_bound(mgr, "__enter__");
        if (!enter) {
            if (!err_occurred())
                err_format(Exc_TypeError,
                           "'%s' object does not support the context manager protocol",
                           type_name(TYPE(mgr)));
            goto error;
        }
        Object *exit = special_bound(mgr, "__exit__");
        if (!exit) {
            DECREF(enter);
            if (!err_occurred())
                err_format(Exc_TypeError,
                           "'%s' object does not support the context manager protocol "
                           "(missed __exit__ method)", type_name(TYPE(mgr)));
            goto error;
        }
        sp[-1] = exit;
        DECREF(mgr);
        Object *r = obj_call0(enter);
        DECREF(enter);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(CALL_EXIT_NONE) {
        Object *exit = POP();
        Object *args[3] = {OBJ_NONE, OBJ_NONE, OBJ_NONE};
        Object *r = obj_call(exit, args, 3, NULL);
        DECREF(exit);
        if (!r) goto error;
        DECREF(r);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        Object *exc = TOP();
        Object *exit = PEEK(3);
        Object *tb = ((ExceptionObject *)exc)->traceback;
        Object *args[3] = {(Object *)TYPE(exc), exc, tb ? tb : OBJ_NONE};
        Object *r = obj_call(exit, args, 3, NULL);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        Object *v = POP();
        f->yielded_value = 1;
        SAVE_FRAME();
        f->state = FRAME_SUSPENDED;
        res = v;
        goto exit_yield;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        Object *o = TOP();
        if (IS_TYPE(o, CoroutineType)) {
            if (!(co->flags & CO_COROUTINE)) {
                err_set(Exc_TypeError,
                        "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
            DISPATCH();
        }
        if (IS_TYPE(o, GeneratorType)) DISPATCH();
        Object *it = obj_iter(o);
        if (!it) goto error;
        sp[-1] = it;
        DECREF(o);
        DISPATCH();
    }

    TARGET(YIELD_FROM) {
        Object *v = POP();
        Object *it = TOP();
        bool done;
        SAVE_FRAME();
        Object *r = vm_send(it, v, &done);
        DECREF(v);
        if (!r) goto error;
        if (done) {
            sp[-1] = r;
            DECREF(it);
            DISPATCH();
        }
        /* pass the value up; resume re-runs this instruction */
        f->yielded_value = 0;
        f->ip = this_instr;
        f->sp = sp;
        f->instr = this_instr;
        f->state = FRAME_SUSPENDED;
        res = r;
        goto exit_yield;
    }

    TARGET(GET_AWAITABLE) {
        Object *o = TOP();
        Object *a = vm_get_awaitable(o);
        if (!a) goto error;
        sp[-1] = a;
        DECREF(o);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        Object *o = TOP();
        if (!type_lookup_cstr(TYPE(o), "__aiter__")) {
            err_format(Exc_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                       type_name(TYPE(o)));
            goto error;
        }
        Object *ait = obj_call_method(o, "__aiter__", NULL, 0);
        if (!ait) goto error;
        if (!type_lookup_cstr(TYPE(ait), "__anext__")) {
            err_format(Exc_TypeError,
                       "'async for' received an object from __aiter__ that does not implement "
                       "__anext__: %s", type_name(TYPE(ait)));
            DECREF(ait);
            goto error;
        }
        sp[-1] = ait;
        DECREF(o);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        Object *ait = TOP();
        if (!type_lookup_cstr(TYPE(ait), "__anext__")) {
            err_format(Exc_TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                       type_name(TYPE(ait)));
            goto error;
        }
        Object *n = obj_call_method(ait, "__anext__", NULL, 0);
        if (!n) goto error;
        Object *a = vm_get_awaitable(n);
        DECREF(n);
        if (!a) goto error;
        PUSH(a);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        Object *exc = POP();
        if (EXC_CHECK(exc) && obj_isinstance(exc, (Object *)Exc_StopAsyncIteration) > 0) {
            DECREF(exc);
            Object *ait = POP();
            DECREF(ait);
            DISPATCH();
        }
        err_restore(exc);
        goto exception_unwind;
    }

    TARGET(BEFORE_ASYNC_WITH) {
        Object *mgr = TOP();
        Object *enter = special_bound(mgr, "__aenter__");
        if (!enter) {
            if (!err_occurred())
                err_format(Exc_TypeError,
                           "'%s' object does not support the asynchronous context manager protocol",
                           type_name(TYPE(mgr)));
            goto error;
        }
        Object *exit = special_bound(mgr, "__aexit__");
        if (!exit) {
            DECREF(enter);
            if (!err_occurred())
                err_format(Exc_TypeError,
                           "'%s' object does not support the asynchronous context manager "
                           "protocol (missed __aexit__ method)", type_name(TYPE(mgr)));
            goto error;
        }
        sp[-1] = exit;
        DECREF(mgr);
        Object *r = obj_call0(enter);
        DECREF(enter);
        if (!r) goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(CALL_AEXIT_NONE) {
        Object *exit = TOP();
        Object *args[3] = {OBJ_NONE, OBJ_NONE, OBJ_NONE};
        Object *r = obj_call(exit, args, 3, NULL);
        if (!r) goto error;
        sp[-1] = r;
        DECREF(exit);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        Object *fromlist = POP();
        Object *level = POP();
        int lvl = INT_CHECK(level) ? (int)int_as_i64(level) : 0;
        SAVE_FRAME();
        Object *m = import_name(names[oparg], f->globals, fromlist, lvl);
        DECREF(fromlist);
        DECREF(level);
        if (!m) goto error;
        PUSH(m);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        Object *v = vm_import_from(TOP(), names[oparg]);
        if (!v) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        Object *m = POP();
        int rc = import_star(f, m);
        DECREF(m);
        if (rc < 0) goto error;
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        Object *v = POP();
        int rc = print_expr(v);
        DECREF(v);
        if (rc < 0) goto error;
        DISPATCH();
    }

    /* ---- pattern matching (the work is in vm/match.c) ---- */

    TARGET(COPY) {
        Object *v = PEEK(oparg);
        INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(GET_LEN) {
        int64_t n = obj_len(TOP());
        if (n < 0) goto error;
        Object *len = int_from_i64(n);
        if (!len) goto error;
        PUSH(len);
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        Object *is_seq = bool_from(match_is_sequence(TOP()));
        PUSH(is_seq);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        Object *is_map = bool_from(match_is_mapping(TOP()));
        PUSH(is_map);
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        Object *values = match_keys(SECOND(), TOP());
        if (!values) goto error;
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        Object *kwnames = POP(), *cls = POP(), *subject = TOP();
        Object *attrs = match_class(subject, cls, kwnames, oparg);
        DECREF(kwnames);
        DECREF(cls);
        if (!attrs) goto error;
        sp[-1] = attrs;
        DECREF(subject);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        if (annotations_setup(f->locals) < 0) goto error;
        DISPATCH();
    }

#if !USE_COMPUTED_GOTO
    default:
        err_format(Exc_SystemError, "unknown opcode %u", INSTR_OP(word));
        goto error;
#endif
    }

error:
    /* An exception is pending: record where, then look for a handler. */
    {
        Object *exc = err_peek();
        if (!exc) {
            err_set(Exc_SystemError, "error return without exception set");
            exc = err_peek();
        }
        uint32_t off = (uint32_t)(this_instr - co->code);
        exc_add_traceback(exc, (Object *)co, code_line_at(co, off),
                          co->cols && off < co->ncode ? co->cols[off] : 0);
    }
exception_unwind:
    if (f->nblocks > 0) {
        TryBlock b = f->blocks[--f->nblocks];
        Object **level = f->stack + b.level;
        while (sp > level) {
            Object *v = POP();
            XDECREF(v);
        }
        PUSH(err_fetch());
        JUMP_TO(b.handler);
        DISPATCH();
    }
    f->sp = sp;
    if (f != entry) {
        Frame *back = f->back;
        frame_clear(f);
        frame_pop(f);
        ts->recursion_depth--;
        f = back;
        ts->frame = f;
        LOAD_FRAME();
        this_instr = f->instr;
        goto error;
    }
    f->state = FRAME_DONE;
    frame_clear(f);
    res = NULL;
    goto exit_frame;

exit_return:
    f->state = FRAME_DONE;
    frame_clear(f);
exit_yield:
exit_frame:
    ts->c_recursion_depth--;
    ts->frame = entry->back;
    return res;
}

/* ---- entry points ------------------------------------------------------- */

Object *eval_call_function(Object *func, Object *const *args, size_t nargs, Object *kwnames) {
    ThreadState *ts = ts_current();
    FunctionObject *fn = (FunctionObject *)func;
    CodeObject *co = (CodeObject *)fn->code;
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
        return make_generator(fn, args, nargs, kwnames);
    Frame *f = function_frame(ts, fn, args, nargs, kwnames);
    if (!f) return NULL;
    Object *r = eval_frame(ts, f, 0);
    ts->recursion_depth--;
    frame_pop(f);
    return r;
}

/* The builtins dict a module-level frame uses: globals['__builtins__']
 * (module or dict), else the interpreter's. New reference. */
static Object *builtins_for(Object *globals) {
    Object *b = dict_get_cstr(globals, "__builtins__");
    if (b && IS_INSTANCE(b, ModuleType)) {
        Object *d = NEWREF(module_dict(b));
        DECREF(b);
        return d;
    }
    if (b && DICT_CHECK(b)) return b;
    XDECREF(b);
    err_clear();
    return NEWREF(ts_current()->interp->builtins);
}

Object *eval_code(Object *code, Object *globals, Object *locals) {
    ThreadState *ts = ts_current();
    CodeObject *co = (CodeObject *)code;
    if (co->nfreevars) return err_set(Exc_TypeError, "code object passed to exec() may not contain free variables");
    if (recursion_check(ts) < 0) return NULL;
    Frame *f = frame_push(co);
    f->owns_code = 1;
    INCREF(code);
    f->globals = NEWREF(globals);
    f->builtins = builtins_for(globals);
    f->locals = NEWREF(locals ? locals : globals);
    if (co->ncellvars && init_cells(f, NULL) < 0) {
        frame_clear(f);
        frame_pop(f);
        return NULL;
    }
    ts->recursion_depth++;
    Object *r = eval_frame(ts, f, 0);
    ts->recursion_depth--;
    frame_pop(f);
    return r;
}

Object *eval_class_body(Object *func, Object *ns, Object **class_cell) {
    ThreadState *ts = ts_current();
    FunctionObject *fn = (FunctionObject *)func;
    CodeObject *co = (CodeObject *)fn->code;
    *class_cell = NULL;
    if (recursion_check(ts) < 0) return NULL;
    Frame *f = frame_push(co);
    f->func = NEWREF(fn);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    f->locals = NEWREF(ns);
    if ((co->ncellvars || co->nfreevars) && init_cells(f, fn) < 0) {
        frame_clear(f);
        frame_pop(f);
        return NULL;
    }
    for (uint32_t i = 0; i < co->ncellvars; i++)
        if (str_eq_cstr(tuple_get(co->cellvars, i), "__class__")) {
            *class_cell = NEWREF(f->cells[i]);
            break;
        }
    ts->recursion_depth++;
    Object *r = eval_frame(ts, f, 0);
    ts->recursion_depth--;
    frame_pop(f);
    if (!r) CLEAR(*class_cell);
    return r;
}

Object *eval_resume_frame(ThreadState *ts, Frame *f, int throwflag) {
    if (recursion_check(ts) < 0) {
        if (throwflag) err_clear();
        return NULL;
    }
    ts->recursion_depth++;
    Object *r = eval_frame(ts, f, throwflag);
    ts->recursion_depth--;
    return r;
}

/* ---- frame introspection for builtins ------------------------------------ */

/* The innermost frame that runs gilt code with a function (super()). */
int vm_super_args(TypeObject **type, Object **obj) {
    ThreadState *ts = ts_current();
    Frame *f = ts->frame;
    if (!f || !f->func) {
        err_set(Exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    CodeObject *co = f->code;
    if (co->argcount == 0 && !(co->flags & CO_VARARGS)) {
        err_set(Exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    Object *first = f->localsplus[0];
    if (co->cell2arg)
        for (uint32_t i = 0; i < co->ncellvars; i++)
            if (co->cell2arg[i] == 0) first = ((CellObject *)f->cells[i])->ref;
    if (!first && (co->flags & CO_VARARGS) && co->argcount == 0) {
        Object *t = f->localsplus[co->kwonlyargcount];
        if (t && TUPLE_CHECK(t) && tuple_size(t) > 0) first = tuple_get(t, 0);
    }
    if (!first) {
        err_set(Exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (uint32_t i = 0; i < co->nfreevars; i++) {
        if (!str_eq_cstr(tuple_get(co->freevars, i), "__class__")) continue;
        Object *cls = ((CellObject *)f->cells[co->ncellvars + i])->ref;
        if (!cls) {
            err_set(Exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!HAS_FLAG(cls, TPFLAG_TYPE_SUBCLASS) && !IS_TYPE(cls, TypeType)) {
            err_format(Exc_RuntimeError, "super(): __class__ is not a type (%T)", cls);
            return -1;
        }
        *type = (TypeObject *)cls;
        *obj = first;
        return 0;
    }
    err_set(Exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

Object *vm_current_globals(void) {
    ThreadState *ts = ts_current();
    return ts && ts->frame ? ts->frame->globals : NULL;
}

Object *vm_current_locals(void) {
    ThreadState *ts = ts_current();
    Frame *f = ts ? ts->frame : NULL;
    if (!f) return err_set(Exc_SystemError, "no current frame");
    if (f->locals) return NEWREF(f->locals);
    CodeObject *co = f->code;
    Object *d = dict_new();
    if (!d) return NULL;
    for (uint32_t i = 0; i < co->nlocals; i++) {
        Object *v = f->localsplus[i];
        if (v && dict_set(d, tuple_get(co->varnames, i), v) < 0) goto fail;
    }
    for (uint32_t i = 0; i < co->ncellvars + co->nfreevars; i++) {
        Object *cell = f->cells[i];
        Object *v = cell ? ((CellObject *)cell)->ref : NULL;
        if (v && dict_set(d, cell_name(co, i), v) < 0) goto fail;
    }
    return d;
fail:
    DECREF(d);
    return NULL;
}
