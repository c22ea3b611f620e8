/* symtable.c — pass 1 (collect name uses per scope) and pass 2 (resolve
 * them), following CPython 3.11's Python/symtable.c. See symtable.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "symtable.h"
#include "scratch.h"

#define SYMTABLE_MAX_DEPTH 2000

typedef struct Builder {
    Scope *cur;
    SyntaxErrorInfo *err;
    jmp_buf on_error;
    const char *(*line_text)(void *, int);
    void *line_ctx;
    int depth;
    int loop_depth_unused;
} Builder;

static _Noreturn void st_error(Builder *b, Node *at, const char *fmt, ...) {
    SyntaxErrorInfo *e = b->err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->failed = true;
    e->line = at ? at->line : 1;
    e->col = at ? at->col + 1 : 1;
    if (at && at->end_line > 0) {
        e->end_line = at->end_line;
        e->end_col = at->end_col + 1;
    }
    e->text = b->line_text ? b->line_text(b->line_ctx, e->line) : NULL;
    longjmp(b->on_error, 1);
}

static _Noreturn void st_too_deep(Builder *b, Node *at) {
    b->err->is_recursion = true;
    st_error(b, at, "maximum recursion depth exceeded during compilation");
}

static Scope *scope_new(Builder *b, ScopeKind kind, const char *name, int line) {
    Scope *s = scratch_alloc(sizeof *s);
    s->kind = kind;
    s->name = name;
    s->line = line;
    s->parent = b->cur;
    s->private_name = b->cur ? b->cur->private_name : NULL;
    if (kind == SCOPE_CLASS) s->private_name = name;
    if (b->cur) {
        Scope *p = b->cur;
        SCRATCH_GROW(p->children, p->nchildren, p->childcap, p->nchildren);
        p->children[p->nchildren++] = s;
        /* qualname: CPython's rules (`f.<locals>.g`, `C.m`) */
        if (p->kind == SCOPE_MODULE) {
            s->qualname = name;
        } else {
            const char *sep = p->kind == SCOPE_FUNCTION ? ".<locals>." : ".";
            size_t n = strlen(p->qualname) + strlen(sep) + strlen(name) + 1;
            char *q = scratch_alloc_atomic(n);
            snprintf(q, n, "%s%s%s", p->qualname, sep, name);
            s->qualname = q;
        }
    } else {
        s->qualname = name;
    }
    return s;
}

const char *symtable_mangle(const char *private_name, const char *name) {
    if (!private_name || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') return name;
    if (strchr(name, '.')) return name;
    while (*private_name == '_') private_name++;
    if (!*private_name) return name;
    size_t len = 1 + strlen(private_name) + n + 1;
    char *m = scratch_alloc_atomic(len);
    snprintf(m, len, "_%s%s", private_name, name);
    return m;
}

static void add_def(Builder *b, const char *name, int flag, Node *at) {
    Scope *s = b->cur;
    name = symtable_mangle(s->private_name, name);
    int old = strmap_get(&s->symbols, name, 0);
    if ((flag & DEF_PARAM) && (old & DEF_PARAM))
        st_error(b, at, "duplicate argument '%s' in function definition", name);
    strmap_put(&s->symbols, name, old | flag);
}

static void visit_expr(Builder *b, Node *e);
static void visit_stmts(Builder *b, NodeList *l);

static void visit_exprs(Builder *b, NodeList *l) {
    for (int i = 0; i < l->n; i++)
        if (l->items[i]) visit_expr(b, l->items[i]);
}

static void visit_params(Builder *b, Node *args) {
    NodeList *lists[] = { &args->v.arguments.posonlyargs, &args->v.arguments.args,
                          &args->v.arguments.kwonlyargs };
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < lists[l]->n; i++) add_def(b, lists[l]->items[i]->v.arg.arg, DEF_PARAM, lists[l]->items[i]);
    if (args->v.arguments.vararg) add_def(b, args->v.arguments.vararg->v.arg.arg, DEF_PARAM, args->v.arguments.vararg);
    if (args->v.arguments.kwarg) add_def(b, args->v.arguments.kwarg->v.arg.arg, DEF_PARAM, args->v.arguments.kwarg);
}

static void visit_defaults(Builder *b, Node *args) {
    visit_exprs(b, &args->v.arguments.defaults);
    visit_exprs(b, &args->v.arguments.kw_defaults);
}

/* Parameter and return annotations are evaluated where the def runs. */
static void visit_annotations(Builder *b, Node *def) {
    Node *args = def->v.funcdef.args;
    NodeList *lists[] = { &args->v.arguments.posonlyargs, &args->v.arguments.args,
                          &args->v.arguments.kwonlyargs };
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < lists[l]->n; i++)
            if (lists[l]->items[i]->v.arg.annotation) visit_expr(b, lists[l]->items[i]->v.arg.annotation);
    if (args->v.arguments.vararg && args->v.arguments.vararg->v.arg.annotation)
        visit_expr(b, args->v.arguments.vararg->v.arg.annotation);
    if (args->v.arguments.kwarg && args->v.arguments.kwarg->v.arg.annotation)
        visit_expr(b, args->v.arguments.kwarg->v.arg.annotation);
    if (def->v.funcdef.returns) visit_expr(b, def->v.funcdef.returns);
}

static const char *comprehension_name(NodeKind k) {
    switch (k) {
    case N_ListComp: return "<listcomp>";
    case N_SetComp: return "<setcomp>";
    case N_DictComp: return "<dictcomp>";
    default: return "<genexpr>";
    }
}

static const char *comprehension_what(NodeKind k) {
    switch (k) {
    case N_ListComp: return "list comprehension";
    case N_SetComp: return "set comprehension";
    case N_DictComp: return "dict comprehension";
    default: return "generator expression";
    }
}

/* The scope that owns code for `yield`/`await` checks; comprehension
 * scopes report their own kind. */
static void check_yield(Builder *b, Node *e) {
    Scope *s = b->cur;
    if (s->is_comprehension) {
        /* find the comprehension node kind from the name */
        const char *what = "generator expression";
        if (strcmp(s->name, "<listcomp>") == 0) what = "list comprehension";
        else if (strcmp(s->name, "<setcomp>") == 0) what = "set comprehension";
        else if (strcmp(s->name, "<dictcomp>") == 0) what = "dict comprehension";
        st_error(b, e, "'yield' inside %s", what);
    }
    if (s->kind != SCOPE_FUNCTION) st_error(b, e, "'yield' outside function");
    if (e->kind == N_YieldFrom && s->is_async_def) st_error(b, e, "'yield from' inside async function");
    s->is_generator = true;
}

static void visit_comprehension(Builder *b, Node *e) {
    NodeList *gens = &e->v.comp.generators;
    Node *first = gens->items[0];
    /* The outermost iterable is evaluated in the enclosing scope. */
    visit_expr(b, first->v.comprehension.iter);
    Scope *s = scope_new(b, SCOPE_FUNCTION, comprehension_name(e->kind), e->line);
    s->is_comprehension = true;
    e->v.comp.scope = s;
    Scope *saved = b->cur;
    b->cur = s;
    add_def(b, ".0", DEF_PARAM, e);
    bool is_async = false;
    for (int i = 0; i < gens->n; i++) {
        Node *g = gens->items[i];
        if (g->v.comprehension.is_async) is_async = true;
        if (i > 0) visit_expr(b, g->v.comprehension.iter);
        visit_expr(b, g->v.comprehension.target);
        visit_exprs(b, &g->v.comprehension.ifs);
    }
    if (e->v.comp.value) visit_expr(b, e->v.comp.value);
    visit_expr(b, e->v.comp.elt);
    b->cur = saved;
    if (e->kind == N_GeneratorExp) s->is_generator = true;
    if (is_async) s->is_coroutine = true;
    if (s->is_coroutine && e->kind != N_GeneratorExp) {
        /* An async list/set/dict comprehension is awaited where it is
         * built: only allowed inside an async function (or another async
         * comprehension). */
        Scope *p = saved;
        bool ok = (p->kind == SCOPE_FUNCTION && (p->is_async_def || (p->is_comprehension && p->is_coroutine)));
        if (p->is_comprehension && !ok) { p->is_coroutine = true; ok = true; }
        if (!ok) st_error(b, e, "asynchronous comprehension outside of an asynchronous function");
    }
    (void)comprehension_what;
}

static void visit_named_expr_target(Builder *b, Node *e) {
    const char *name = symtable_mangle(b->cur->private_name, e->v.namedexpr.target->v.name.id);
    if (!b->cur->is_comprehension) {
        add_def(b, name, DEF_LOCAL | DEF_WALRUS, e);
        return;
    }
    /* Inside comprehensions the target binds in the nearest enclosing
     * non-comprehension scope (PEP 572). */
    Scope *s = b->cur;
    while (s->is_comprehension) {
        if (strmap_get(&s->symbols, name, 0) & DEF_COMP_ITER)
            st_error(b, e, "assignment expression cannot rebind comprehension iteration variable '%s'", name);
        s = s->parent;
    }
    if (s->kind == SCOPE_CLASS)
        st_error(b, e, "assignment expression within a comprehension cannot be used in a class body");
    int mark = s->kind == SCOPE_FUNCTION ? DEF_NONLOCAL : DEF_GLOBAL;
    for (Scope *c = b->cur; c != s; c = c->parent)
        strmap_put(&c->symbols, name, strmap_get(&c->symbols, name, 0) | mark | DEF_USE);
    strmap_put(&s->symbols, name, strmap_get(&s->symbols, name, 0) | DEF_LOCAL | DEF_WALRUS);
}

static void visit_expr(Builder *b, Node *e) {
    if (++b->depth > SYMTABLE_MAX_DEPTH) st_too_deep(b, e);
    switch (e->kind) {
    case N_Name: {
        const char *id = e->v.name.id;
        if (e->v.name.ctx == CTX_LOAD) {
            add_def(b, id, DEF_USE, e);
            if (b->cur->kind == SCOPE_FUNCTION && strcmp(id, "super") == 0)
                add_def(b, "__class__", DEF_USE, e);
        } else {
            int flag = DEF_LOCAL;
            add_def(b, id, flag, e);
        }
        break;
    }
    case N_BoolOp: visit_exprs(b, &e->v.boolop.values); break;
    case N_NamedExpr:
        visit_expr(b, e->v.namedexpr.value);
        visit_named_expr_target(b, e);
        break;
    case N_BinOp: visit_expr(b, e->v.binop.left); visit_expr(b, e->v.binop.right); break;
    case N_UnaryOp: visit_expr(b, e->v.unaryop.operand); break;
    case N_Lambda: {
        visit_defaults(b, e->v.lambda.args);
        Scope *s = scope_new(b, SCOPE_FUNCTION, "<lambda>", e->line);
        e->v.lambda.scope = s;
        Scope *saved = b->cur;
        b->cur = s;
        visit_params(b, e->v.lambda.args);
        visit_expr(b, e->v.lambda.body);
        b->cur = saved;
        break;
    }
    case N_IfExp:
        visit_expr(b, e->v.ifexp.test);
        visit_expr(b, e->v.ifexp.body);
        visit_expr(b, e->v.ifexp.orelse);
        break;
    case N_Dict: visit_exprs(b, &e->v.dict.keys); visit_exprs(b, &e->v.dict.values); break;
    case N_Set: case N_List: case N_Tuple: visit_exprs(b, &e->v.seq.elts); break;
    case N_ListComp: case N_SetComp: case N_DictComp: case N_GeneratorExp:
        visit_comprehension(b, e);
        break;
    case N_Await: {
        Scope *s = b->cur;
        if (s->kind != SCOPE_FUNCTION) st_error(b, e, "'await' outside function");
        if (s->is_comprehension) {
            /* await in a comprehension makes it asynchronous */
            Scope *outer = s;
            while (outer->is_comprehension) outer = outer->parent;
            if (!(outer->kind == SCOPE_FUNCTION && outer->is_async_def) &&
                strcmp(s->name, "<genexpr>") != 0)
                st_error(b, e, "asynchronous comprehension outside of an asynchronous function");
            s->is_coroutine = true;
        } else if (!s->is_async_def) {
            st_error(b, e, "'await' outside async function");
        }
        visit_expr(b, e->v.expr.value);
        break;
    }
    case N_Yield: case N_YieldFrom:
        check_yield(b, e);
        if (e->v.expr.value) visit_expr(b, e->v.expr.value);
        break;
    case N_Compare: visit_expr(b, e->v.compare.left); visit_exprs(b, &e->v.compare.comparators); break;
    case N_Call:
        visit_expr(b, e->v.call.func);
        visit_exprs(b, &e->v.call.args);
        for (int i = 0; i < e->v.call.keywords.n; i++) visit_expr(b, e->v.call.keywords.items[i]->v.keyword.value);
        break;
    case N_FormattedValue:
        visit_expr(b, e->v.formatted.value);
        if (e->v.formatted.format_spec) visit_expr(b, e->v.formatted.format_spec);
        break;
    case N_JoinedStr: visit_exprs(b, &e->v.joinedstr.values); break;
    case N_Constant: break;
    case N_Attribute: visit_expr(b, e->v.attribute.value); break;
    case N_Subscript: visit_expr(b, e->v.subscript.value); visit_expr(b, e->v.subscript.slice); break;
    case N_Starred: visit_expr(b, e->v.starred.value); break;
    case N_Slice:
        if (e->v.slice.lower) visit_expr(b, e->v.slice.lower);
        if (e->v.slice.upper) visit_expr(b, e->v.slice.upper);
        if (e->v.slice.step) visit_expr(b, e->v.slice.step);
        break;
    default: break;
    }
    b->depth--;
}

static void declare_global_or_nonlocal(Builder *b, Node *st, bool is_global) {
    Scope *s = b->cur;
    const char *what = is_global ? "global" : "nonlocal";
    for (int i = 0; i < st->v.global.n; i++) {
        const char *name = symtable_mangle(s->private_name, st->v.global.names[i]);
        int old = strmap_get(&s->symbols, name, 0);
        if (old & DEF_PARAM) st_error(b, st, "name '%s' is parameter and %s", name, what);
        if (old & DEF_ANNOT) st_error(b, st, "annotated name '%s' can't be %s", name, what);
        if (old & (DEF_LOCAL | DEF_IMPORT)) st_error(b, st, "name '%s' is assigned to before %s declaration", name, what);
        if (old & DEF_USE) st_error(b, st, "name '%s' is used prior to %s declaration", name, what);
        if (!is_global && (old & DEF_GLOBAL)) st_error(b, st, "name '%s' is nonlocal and global", name);
        if (is_global && (old & DEF_NONLOCAL)) st_error(b, st, "name '%s' is nonlocal and global", name);
        strmap_put(&s->symbols, name, old | (is_global ? DEF_GLOBAL : DEF_NONLOCAL));
        strmap_put(&s->decl_lines, name, st->line);
        strmap_put(&s->decl_cols, name, st->col);
        strmap_put(&s->decl_end_lines, name, st->end_line);
        strmap_put(&s->decl_end_cols, name, st->end_col);
    }
}

/* Patterns bind their capture names and evaluate value patterns, class
 * names and mapping keys as ordinary expressions. */
static void visit_pattern(Builder *b, Node *pat) {
    if (++b->depth > SYMTABLE_MAX_DEPTH) st_too_deep(b, pat);
    switch (pat->kind) {
    case N_MatchValue: visit_expr(b, pat->v.match_value.value); break;
    case N_MatchSingleton: break;
    case N_MatchSequence: case N_MatchOr:
        for (int i = 0; i < pat->v.match_seq.patterns.n; i++) visit_pattern(b, pat->v.match_seq.patterns.items[i]);
        break;
    case N_MatchMapping:
        visit_exprs(b, &pat->v.match_mapping.keys);
        for (int i = 0; i < pat->v.match_mapping.patterns.n; i++)
            visit_pattern(b, pat->v.match_mapping.patterns.items[i]);
        if (pat->v.match_mapping.rest) add_def(b, pat->v.match_mapping.rest, DEF_LOCAL, pat);
        break;
    case N_MatchClass:
        visit_expr(b, pat->v.match_class.cls);
        for (int i = 0; i < pat->v.match_class.patterns.n; i++) visit_pattern(b, pat->v.match_class.patterns.items[i]);
        for (int i = 0; i < pat->v.match_class.kwd_patterns.n; i++)
            visit_pattern(b, pat->v.match_class.kwd_patterns.items[i]);
        break;
    case N_MatchStar: case N_MatchAs:
        if (pat->v.match_as.pattern) visit_pattern(b, pat->v.match_as.pattern);
        if (pat->v.match_as.name) add_def(b, pat->v.match_as.name, DEF_LOCAL, pat);
        break;
    default: break;
    }
    b->depth--;
}

static void visit_stmt(Builder *b, Node *st) {
    if (++b->depth > SYMTABLE_MAX_DEPTH) st_too_deep(b, st);
    Scope *s = b->cur;
    switch (st->kind) {
    case N_FunctionDef: {
        add_def(b, st->v.funcdef.name, DEF_LOCAL, st);
        visit_defaults(b, st->v.funcdef.args);
        visit_annotations(b, st);
        visit_exprs(b, &st->v.funcdef.decorators);
        Scope *f = scope_new(b, SCOPE_FUNCTION, st->v.funcdef.name, st->line);
        f->is_async_def = st->v.funcdef.is_async;
        f->is_coroutine = st->v.funcdef.is_async;
        st->v.funcdef.scope = f;
        b->cur = f;
        visit_params(b, st->v.funcdef.args);
        visit_stmts(b, &st->v.funcdef.body);
        b->cur = s;
        break;
    }
    case N_ClassDef: {
        add_def(b, st->v.classdef.name, DEF_LOCAL, st);
        visit_exprs(b, &st->v.classdef.bases);
        for (int i = 0; i < st->v.classdef.keywords.n; i++)
            visit_expr(b, st->v.classdef.keywords.items[i]->v.keyword.value);
        visit_exprs(b, &st->v.classdef.decorators);
        Scope *c = scope_new(b, SCOPE_CLASS, st->v.classdef.name, st->line);
        st->v.classdef.scope = c;
        b->cur = c;
        visit_stmts(b, &st->v.classdef.body);
        b->cur = s;
        break;
    }
    case N_Return:
        if (s->kind != SCOPE_FUNCTION) st_error(b, st, "'return' outside function");
        if (st->v.ret.value) {
            s->has_return_value = true;
            if (s->is_async_def && s->is_generator)
                st_error(b, st, "'return' with value in async generator");
            visit_expr(b, st->v.ret.value);
        }
        break;
    case N_Delete: visit_exprs(b, &st->v.del.targets); break;
    case N_Assign:
        visit_exprs(b, &st->v.assign.targets);
        visit_expr(b, st->v.assign.value);
        break;
    case N_AugAssign:
        visit_expr(b, st->v.augassign.target);
        if (st->v.augassign.target->kind == N_Name)
            add_def(b, st->v.augassign.target->v.name.id, DEF_USE, st);
        visit_expr(b, st->v.augassign.value);
        break;
    case N_AnnAssign: {
        Node *t = st->v.annassign.target;
        if (t->kind == N_Name) {
            int old = strmap_get(&s->symbols, t->v.name.id, 0);
            if (old & (DEF_GLOBAL | DEF_NONLOCAL)) {
                if (st->v.annassign.simple)
                    st_error(b, st, "annotated name '%s' can't be %s", t->v.name.id,
                             (old & DEF_GLOBAL) ? "global" : "nonlocal");
            }
            if (st->v.annassign.simple) add_def(b, t->v.name.id, DEF_ANNOT | (st->v.annassign.value ? DEF_LOCAL : 0), st);
            else if (st->v.annassign.value) visit_expr(b, t);
        } else {
            visit_expr(b, t);
        }
        if (st->v.annassign.value) visit_expr(b, st->v.annassign.value);
        break;
    }
    case N_For:
        visit_expr(b, st->v.forloop.target);
        visit_expr(b, st->v.forloop.iter);
        visit_stmts(b, &st->v.forloop.body);
        visit_stmts(b, &st->v.forloop.orelse);
        if (st->v.forloop.is_async && !(s->kind == SCOPE_FUNCTION && s->is_async_def))
            st_error(b, st, "'async for' outside async function");
        break;
    case N_While: case N_If:
        visit_expr(b, st->v.ifstmt.test);
        visit_stmts(b, &st->v.ifstmt.body);
        visit_stmts(b, &st->v.ifstmt.orelse);
        break;
    case N_Match:
        visit_expr(b, st->v.match.subject);
        for (int i = 0; i < st->v.match.cases.n; i++) {
            Node *c = st->v.match.cases.items[i];
            visit_pattern(b, c->v.match_case.pattern);
            if (c->v.match_case.guard) visit_expr(b, c->v.match_case.guard);
            visit_stmts(b, &c->v.match_case.body);
        }
        break;
    case N_With:
        for (int i = 0; i < st->v.with.items.n; i++) {
            Node *item = st->v.with.items.items[i];
            visit_expr(b, item->v.withitem.context_expr);
            if (item->v.withitem.optional_vars) visit_expr(b, item->v.withitem.optional_vars);
        }
        visit_stmts(b, &st->v.with.body);
        if (st->v.with.is_async && !(s->kind == SCOPE_FUNCTION && s->is_async_def))
            st_error(b, st, "'async with' outside async function");
        break;
    case N_Raise:
        if (st->v.raise.exc) visit_expr(b, st->v.raise.exc);
        if (st->v.raise.cause) visit_expr(b, st->v.raise.cause);
        break;
    case N_Try:
        visit_stmts(b, &st->v.trystmt.body);
        for (int i = 0; i < st->v.trystmt.handlers.n; i++) {
            Node *h = st->v.trystmt.handlers.items[i];
            if (h->v.handler.type) visit_expr(b, h->v.handler.type);
            if (h->v.handler.name) add_def(b, h->v.handler.name, DEF_LOCAL, h);
            visit_stmts(b, &h->v.handler.body);
        }
        visit_stmts(b, &st->v.trystmt.orelse);
        visit_stmts(b, &st->v.trystmt.finalbody);
        break;
    case N_Assert:
        visit_expr(b, st->v.assert.test);
        if (st->v.assert.msg) visit_expr(b, st->v.assert.msg);
        break;
    case N_Import:
        for (int i = 0; i < st->v.import.names.n; i++) {
            Node *a = st->v.import.names.items[i];
            const char *name = a->v.alias.asname;
            if (!name) {
                const char *dot = strchr(a->v.alias.name, '.');
                name = dot ? scratch_strndup(a->v.alias.name, dot - a->v.alias.name) : a->v.alias.name;
            }
            add_def(b, name, DEF_IMPORT | DEF_LOCAL, st);
        }
        break;
    case N_ImportFrom:
        for (int i = 0; i < st->v.importfrom.names.n; i++) {
            Node *a = st->v.importfrom.names.items[i];
            if (strcmp(a->v.alias.name, "*") == 0) {
                if (s->kind != SCOPE_MODULE) st_error(b, a, "import * only allowed at module level");
                continue;
            }
            add_def(b, a->v.alias.asname ? a->v.alias.asname : a->v.alias.name, DEF_IMPORT | DEF_LOCAL, st);
        }
        break;
    case N_Global: declare_global_or_nonlocal(b, st, true); break;
    case N_Nonlocal:
        if (s->kind == SCOPE_MODULE) st_error(b, st, "nonlocal declaration not allowed at module level");
        declare_global_or_nonlocal(b, st, false);
        break;
    case N_Expr: visit_expr(b, st->v.expr.value); break;
    default: break;
    }
    b->depth--;
}

static void visit_stmts(Builder *b, NodeList *l) {
    for (int i = 0; i < l->n; i++) visit_stmt(b, l->items[i]);
}

/* ---- pass 2: resolution (CPython's analyze_block) -------------------------- */

static void set_union(StrMap *dst, const StrMap *src) {
    for (int k = 0; k < src->n; k++) strmap_put(dst, src->keys[k], 1);
}

static void analyze_name(Builder *b, Scope *s, StrMap *scopes, const char *name, int flags,
                         StrMap *bound, StrMap *local, StrMap *free, StrMap *global) {
    if (flags & DEF_GLOBAL) {
        strmap_put(scopes, name, SYM_GLOBAL_EXPLICIT);
        strmap_put(global, name, 1);
        if (bound) strmap_remove(bound, name);
        return;
    }
    if (flags & DEF_NONLOCAL) {
        if (!bound || !strmap_has(bound, name)) {
            Node fake = { .line = strmap_get(&s->decl_lines, name, s->line),
                          .col = strmap_get(&s->decl_cols, name, 0),
                          .end_line = strmap_get(&s->decl_end_lines, name, 0),
                          .end_col = strmap_get(&s->decl_end_cols, name, 0) };
            b->err->failed = false;
            st_error(b, &fake, "no binding for nonlocal '%s' found", name);
        }
        strmap_put(scopes, name, SYM_FREE);
        strmap_put(free, name, 1);
        return;
    }
    if (flags & DEF_BOUND) {
        strmap_put(scopes, name, SYM_LOCAL);
        strmap_put(local, name, 1);
        strmap_remove(global, name);
        return;
    }
    if (bound && strmap_has(bound, name)) {
        strmap_put(scopes, name, SYM_FREE);
        strmap_put(free, name, 1);
        return;
    }
    strmap_put(scopes, name, SYM_GLOBAL_IMPLICIT);
}

static void analyze_block(Builder *b, Scope *s, StrMap *bound, StrMap *free, StrMap *global);

static void analyze_block(Builder *b, Scope *s, StrMap *bound, StrMap *free, StrMap *global) {
    StrMap local = { 0 }, scopes = { 0 }, newglobal = { 0 }, newfree = { 0 }, newbound = { 0 };
    if (s->kind == SCOPE_CLASS) {
        set_union(&newglobal, global);
        if (bound) set_union(&newbound, bound);
    }
    for (int k = 0; k < s->symbols.n; k++)
        analyze_name(b, s, &scopes, s->symbols.keys[k], s->symbols.values[k], bound, &local, free, global);
    if (s->kind != SCOPE_CLASS) {
        if (s->kind == SCOPE_FUNCTION) set_union(&newbound, &local);
        if (bound) set_union(&newbound, bound);
        set_union(&newglobal, global);
    } else {
        strmap_put(&newbound, "__class__", 1);
    }
    StrMap allfree = { 0 };
    for (int i = 0; i < s->nchildren; i++) {
        StrMap child_bound = strmap_copy(&newbound);
        StrMap child_free = strmap_copy(&newfree);
        StrMap child_global = strmap_copy(&newglobal);
        analyze_block(b, s->children[i], &child_bound, &child_free, &child_global);
        set_union(&allfree, &child_free);
    }
    set_union(&newfree, &allfree);
    if (s->kind == SCOPE_FUNCTION) {
        /* names local here and free in a child become cells */
        for (int k = 0; k < scopes.n; k++) {
            if (scopes.values[k] == SYM_LOCAL && strmap_has(&newfree, scopes.keys[k])) {
                scopes.values[k] = SYM_CELL;
                strmap_remove(&newfree, scopes.keys[k]);
            }
        }
    } else if (s->kind == SCOPE_CLASS) {
        if (strmap_has(&newfree, "__class__")) {
            s->needs_class_closure = true;
            strmap_remove(&newfree, "__class__");
        }
    }
    /* update_symbols */
    for (int k = 0; k < scopes.n; k++) strmap_put(&s->resolved, scopes.keys[k], scopes.values[k]);
    for (int k = 0; k < newfree.n; k++) {
        const char *name = newfree.keys[k];
        int flags = strmap_get(&s->symbols, name, -1);
        if (flags >= 0) {
            if (s->kind == SCOPE_CLASS && (flags & (DEF_BOUND | DEF_GLOBAL)))
                strmap_put(&s->symbols, name, flags | DEF_FREE_CLASS);
            continue;
        }
        if (bound && !strmap_has(bound, name)) continue;
        strmap_put(&s->symbols, name, 0);
        strmap_put(&s->resolved, name, SYM_FREE);
    }
    set_union(free, &newfree);
}

Scope *symtable_build(Node *module, SyntaxErrorInfo *err, const char *(*line_text)(void *, int),
                      void *line_ctx) {
    Builder *b = scratch_alloc(sizeof *b);
    b->err = err;
    b->line_text = line_text;
    b->line_ctx = line_ctx;
    if (setjmp(b->on_error)) return NULL;
    Scope *top = scope_new(b, SCOPE_MODULE, "<module>", 1);
    b->cur = top;
    if (module->kind == N_Expression) visit_expr(b, module->v.expression.body);
    else visit_stmts(b, &module->v.module.body);
    StrMap free = { 0 }, global = { 0 };
    analyze_block(b, top, NULL, &free, &global);
    return top;
}

SymScope symtable_lookup(Scope *s, const char *name) {
    return (SymScope)strmap_get(&s->resolved, name, SYM_GLOBAL_IMPLICIT);
}

int symtable_flags(Scope *s, const char *name) {
    return strmap_get(&s->symbols, name, 0);
}
