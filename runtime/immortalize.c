/* immortalize.c — the shared world becomes immortal at the first thread
 * start (free-threaded build).
 *
 * Under biased reference counting an object is cheap to count only for the
 * thread that made it; every other thread's INCREF/DECREF is an atomic on
 * the object's header, and when two cores do that to the same object the
 * cache line bounces between them on every access. Objects that all
 * threads read — the functions they call, the code and constants those
 * run, classes and their methods, modules, and the data module globals
 * hold — would make every thread pay that on every call and every global
 * read. And LOAD_GLOBAL's inline cache (vm/eval.c) only holds immortal
 * values in the free-threaded build, so a mortal global is also looked up
 * in the dict, under its lock, every time.
 *
 * So when _thread.start_new_thread starts the first extra thread, before
 * it exists, everything reachable from sys.modules and the builtins dict
 * through the following is made immortal (never counted, never freed):
 *
 *   modules and their dicts; classes (dict, mro, bases); functions (code,
 *   defaults, keyword defaults, closure cells, globals, __dict__); code
 *   objects, their constants and names; builtin functions and descriptors,
 *   staticmethod/classmethod/property and what they wrap; bound methods;
 *   and plain data: int, float, str, bytes, tuple, list, dict, set,
 *   frozenset, range, slice, and instances of classes without __del__
 *   (their __dict__, and the items when they subclass a container).
 *
 * CPython 3.13 immortalizes code constants and interned strings and gives
 * functions, classes and modules deferred counts; gilt, having no cycle
 * collector to reclaim deferred objects, immortalizes those too — and the
 * module-level data as well, so that threads reading a shared dict or a
 * shared instance scale. The price: those objects are never freed (an item
 * removed from an immortal list later is leaked, not freed), and objects
 * created after the first thread start are counted normally, and so are
 * the ones reachable only through the thread being started (its callable,
 * the object it is bound to — threading's Thread, registered in
 * threading._limbo at that moment — and its arguments): data a program
 * hands to its first thread is not made immortal, as it is not for the
 * second. Objects with a finalizer (__del__, files, generators, locks and
 * other resources) are left alone so that they still close when dropped.
 *
 * Every dict, list and set the walk reaches is also shared (dict_share,
 * list_share, set_share): all threads read it without taking its lock,
 * which would write the lock's cache line on every read.
 *
 * The walk uses an explicit work list (no C recursion, so deep data is
 * fine); marking before pushing makes every object visited once. The roots
 * are walked even when immortal already: interp.c makes builtins and sys
 * immortal at start-up, and stopping there would leave `len` and `range`
 * mortal.
 */
#include <stdlib.h>
#include "gilt.h"
#include "immortalize.h"
#include "objimpl.h"

#if GILT_FT

typedef struct WorkList {
    Object **items;
    size_t len, cap;
    Object *const *private_roots;    /* never made immortal nor walked into */
    size_t nprivate;
} WorkList;

/* Plain data whose dealloc only releases memory: safe to never free. */
static bool is_plain_data_type(TypeObject *t) {
    return t == &IntType || t == &FloatType || t == &StrType || t == &BytesType ||
           t == &TupleType || t == &ListType || t == &DictType || t == &SetType ||
           t == &FrozenSetType || t == &RangeType || t == &SliceType ||
           t == &ObjectType;
}

/* The kinds of objects the walk makes immortal. */
static bool is_shareable(Object *o) {
    TypeObject *t = TYPE(o);
    if (IS_INSTANCE(o, TypeType)) return true;
    if (t == &FunctionType || t == &CodeType || t == &ModuleType || t == &CellType ||
        t == &MethodType || t == &CFunctionType || t == &MethodDescrType ||
        t == &MemberDescrType || t == &GetSetDescrType || t == &SlotWrapperType ||
        t == &StaticMethodType || t == &ClassMethodType || t == &PropertyType)
        return true;
    if (is_plain_data_type(t)) return true;
    if (t->flags & TPFLAG_HEAPTYPE) {
        /* An instance of a class: fine unless it has a finalizer or its
         * builtin base holds a resource (a file, a lock, a generator). */
        if (t->flags & (TPFLAG_HAS_DEL | TPFLAG_EXC_SUBCLASS)) return false;
        return is_plain_data_type(type_static_base(t));
    }
    return false;
}

static void push(WorkList *w, Object *o) {
    if (!o) return;
    for (size_t i = 0; i < w->nprivate; i++)
        if (o == w->private_roots[i]) return;
    /* Static types are immortal from birth, and so is their dict's content
     * (typeobject.c), but their dicts still need sharing: every attribute
     * lookup that misses a class's own dict goes on to `object`'s. */
    if (IS_INSTANCE(o, TypeType) && obj_is_immortal(o) && ((TypeObject *)o)->dict)
        dict_share(((TypeObject *)o)->dict);
    if (obj_is_immortal(o) || !is_shareable(o)) return;
    obj_make_immortal(o);
    if (w->len == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 256;
        /* Bookkeeping of a one-off walk, not a runtime object. */
        w->items = mem_realloc(w->items, w->cap * sizeof *w->items);
    }
    w->items[w->len++] = o;
}

/* Mark a dict's keys and values (push marks at once), then let threads
 * read it without its lock (dict.c). */
static void push_dict_contents(WorkList *w, Object *d) {
    size_t pos = 0;
    Object *key, *value;
    while (dict_next(d, &pos, &key, &value)) {
        push(w, key);
        push(w, value);
    }
    dict_share(d);
}

/* A container (or a dict already immortal): mark it, walk its items. */
static void push_container(WorkList *w, Object *o) {
    if (!o) return;
    if (!obj_is_immortal(o)) obj_make_immortal(o);
    if (DICT_CHECK(o)) push_dict_contents(w, o);
}

static void push_attr(WorkList *w, Object *o, const char *name) {
    Object *v = obj_lookup_attr(o, intern_cstr(name));
    if (!v) {
        err_clear();
        return;
    }
    DECREF(v);   /* o keeps it alive; it is about to become immortal */
    push(w, v);
}

/* Push everything `o` refers to that threads will load. */
static void visit(WorkList *w, Object *o) {
    TypeObject *t = TYPE(o);
    if (IS_INSTANCE(o, TypeType)) {
        TypeObject *cls = (TypeObject *)o;
        if (cls->dict) push_container(w, cls->dict);
        push(w, cls->mro);
        push(w, cls->bases);
        push(w, cls->name_obj);
        return;
    }
    if (t == &FunctionType) {
        FunctionObject *f = (FunctionObject *)o;
        push(w, f->code);
        push(w, f->defaults);
        push(w, f->kwdefaults);
        push(w, f->closure);
        push(w, f->dict);
        push(w, f->name);
        push(w, f->qualname);
        if (f->globals) push_container(w, f->globals);
    } else if (t == &CodeType) {
        CodeObject *co = (CodeObject *)o;
        push(w, co->consts);
        push(w, co->names);
    } else if (t == &ModuleType) {
        Object *d = module_dict(o);
        if (d) push_container(w, d);
    } else if (t == &CellType) {
        push(w, ((CellObject *)o)->ref);
    } else if (t == &MethodType) {
        push(w, ((MethodObject *)o)->func);
        push(w, ((MethodObject *)o)->self);
    } else if (t == &CFunctionType) {
        push(w, ((CFunctionObject *)o)->self);
    } else if (t == &StaticMethodType || t == &ClassMethodType) {
        push_attr(w, o, "__func__");
    } else if (t == &PropertyType) {
        push_attr(w, o, "fget");
        push_attr(w, o, "fset");
        push_attr(w, o, "fdel");
    }
    /* Containers, and instances of classes that subclass them. */
    if (TUPLE_CHECK(o)) {
        size_t n = tuple_size(o);
        for (size_t i = 0; i < n; i++) push(w, tuple_get(o, i));
    } else if (LIST_CHECK(o)) {
        ListObject *l = (ListObject *)o;
        for (size_t i = 0; i < l->size; i++) push(w, l->items[i]);
        list_share(o);
    } else if (DICT_CHECK(o)) {
        push_dict_contents(w, o);
    } else if (SET_CHECK(o)) {
        size_t pos = 0;
        Object *item;
        int64_t hash;
        while (set_next(o, &pos, &item, &hash)) push(w, item);
        set_share(o);
    }
    if (t->flags & TPFLAG_HEAPTYPE) {
        Object **dp = obj_dict_ptr(o);
        if (dp && *dp) push_container(w, *dp);
    }
}

void immortalize_shared_world(Interp *in, Object *const *private_roots, size_t nprivate) {
    if (!in->modules) return;
    WorkList w = {.private_roots = private_roots, .nprivate = nprivate};
    size_t pos = 0;
    Object *name, *mod;
    push_container(&w, in->modules);
    /* Roots: walked whether or not they are immortal already. */
    while (dict_next(in->modules, &pos, &name, &mod)) {
        push(&w, mod);
        if (IS_INSTANCE(mod, ModuleType) && module_dict(mod))
            push_container(&w, module_dict(mod));
    }
    if (in->builtins) push_container(&w, in->builtins);
    while (w.len > 0) visit(&w, w.items[--w.len]);
    mem_free(w.items);
}

#else

void immortalize_shared_world(Interp *in, Object *const *private_roots, size_t nprivate) {
    (void)in; (void)private_roots; (void)nprivate;
}

#endif
