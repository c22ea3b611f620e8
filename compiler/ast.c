/* ast.c — AST node allocation, kind names and the --ast dump.
 *
 * The dump prints one node per line, two spaces of indentation per level,
 * with scalar fields inline (`Name id='x' ctx=Load`) and list fields under a
 * `field:` label when a node has more than one kind of child.
 */
#include <string.h>
#include <inttypes.h>
#include "ast.h"
#include "scratch.h"

void nodelist_push(NodeList *l, Node *n) {
    SCRATCH_GROW(l->items, l->n, l->cap, l->n);
    l->items[l->n++] = n;
}

Node *ast_new(NodeKind kind, int line, int col) {
    Node *n = scratch_alloc(sizeof *n);
    n->kind = kind;
    n->line = n->end_line = line;
    n->col = n->end_col = col;
    return n;
}

static const char *const kind_names[N_KIND_COUNT_] = {
    "Module", "Interactive", "Expression",
    "FunctionDef", "ClassDef", "Return", "Delete", "Assign", "AugAssign",
    "AnnAssign", "For", "While", "If", "With", "Raise", "Try", "Assert",
    "Import", "ImportFrom", "Global", "Nonlocal", "Expr", "Pass", "Break",
    "Continue",
    "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict",
    "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await",
    "Yield", "YieldFrom", "Compare", "Call", "FormattedValue", "JoinedStr",
    "Constant", "Attribute", "Subscript", "Starred", "Name", "List", "Tuple",
    "Slice",
    "comprehension", "ExceptHandler", "arguments", "arg", "keyword",
    "alias", "withitem",
    "Match", "match_case", "MatchValue", "MatchSingleton", "MatchSequence",
    "MatchMapping", "MatchClass", "MatchStar", "MatchAs", "MatchOr",
};

const char *ast_kind_name(NodeKind kind) {
    return kind < N_KIND_COUNT_ ? kind_names[kind] : "?";
}

const char *ast_expr_description(Node *e) {
    switch (e->kind) {
    case N_Attribute: return "attribute";
    case N_Subscript: return "subscript";
    case N_Starred: return "starred";
    case N_Name: return "name";
    case N_List: return "list";
    case N_Tuple: return "tuple";
    case N_Lambda: return "lambda";
    case N_Call: return "function call";
    case N_BoolOp: case N_BinOp: case N_UnaryOp: return "expression";
    case N_GeneratorExp: return "generator expression";
    case N_Yield: case N_YieldFrom: return "yield expression";
    case N_Await: return "await expression";
    case N_ListComp: return "list comprehension";
    case N_SetComp: return "set comprehension";
    case N_DictComp: return "dict comprehension";
    case N_Dict: return "dict literal";
    case N_Set: return "set display";
    case N_JoinedStr: case N_FormattedValue: return "f-string expression";
    case N_Constant:
        switch (e->v.constant.value.kind) {
        case CONST_NONE: return "None";
        case CONST_TRUE: return "True";
        case CONST_FALSE: return "False";
        case CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case N_Compare: return "comparison";
    case N_IfExp: return "conditional expression";
    case N_NamedExpr: return "named expression";
    default: return "expression";
    }
}

/* ---- dump ------------------------------------------------------------------ */

static const char *const binop_symbols[] = {
    "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^",
};
static const char *const cmpop_symbols[] = {
    "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in",
};
static const char *const ctx_names[] = { "Load", "Store", "Del" };

typedef struct Dumper {
    FILE *out;
    int depth;
} Dumper;

#define DUMP_MAX_DEPTH 2000

static void print_escaped(FILE *out, const char *s, size_t n, char quote_prefix) {
    if (quote_prefix) fputc(quote_prefix, out);
    fputc('\'', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '\'') fprintf(out, "\\%c", c);
        else if (c == '\n') fputs("\\n", out);
        else if (c == '\t') fputs("\\t", out);
        else if (c == '\r') fputs("\\r", out);
        else if (c < 0x20 || c == 0x7f || (quote_prefix == 'b' && c >= 0x80)) fprintf(out, "\\x%02x", c);
        else fputc(c, out);
    }
    fputc('\'', out);
}

static void print_const(FILE *out, const AstConst *c) {
    switch (c->kind) {
    case CONST_NONE: fputs("None", out); break;
    case CONST_TRUE: fputs("True", out); break;
    case CONST_FALSE: fputs("False", out); break;
    case CONST_ELLIPSIS: fputs("Ellipsis", out); break;
    case CONST_INT:
        if (c->big) fputs(c->text, out);
        else fprintf(out, "%" PRId64, c->i);
        break;
    case CONST_FLOAT: fprintf(out, "%.17g%s", c->f, c->imaginary ? "j" : ""); break;
    case CONST_STR: print_escaped(out, c->text, c->len, 0); break;
    case CONST_BYTES: print_escaped(out, c->text, c->len, 'b'); break;
    }
}

static int dump_node(Dumper *d, Node *n, const char *label);

static void indent(Dumper *d) {
    for (int i = 0; i < d->depth; i++) fputs("  ", d->out);
}

static int dump_list(Dumper *d, const char *label, NodeList *l) {
    if (l->n == 0) return 0;
    indent(d);
    fprintf(d->out, "%s:\n", label);
    d->depth++;
    for (int i = 0; i < l->n; i++) {
        if (!l->items[i]) {
            indent(d);
            fputs("None\n", d->out);
        } else if (dump_node(d, l->items[i], NULL) < 0) {
            return -1;
        }
    }
    d->depth--;
    return 0;
}

static int dump_child(Dumper *d, Node *n, const char *label) {
    if (!n) return 0;
    return dump_node(d, n, label);
}

static int dump_node(Dumper *d, Node *n, const char *label) {
    if (d->depth > DUMP_MAX_DEPTH) return -1;
    FILE *out = d->out;
    indent(d);
    if (label) fprintf(out, "%s: ", label);
    fputs(ast_kind_name(n->kind), out);
    switch (n->kind) {
    case N_FunctionDef:
        fprintf(out, " name='%s'%s", n->v.funcdef.name, n->v.funcdef.is_async ? " async" : "");
        break;
    case N_ClassDef: fprintf(out, " name='%s'", n->v.classdef.name); break;
    case N_AugAssign: fprintf(out, " op=%s", binop_symbols[n->v.augassign.op]); break;
    case N_For: if (n->v.forloop.is_async) fputs(" async", out); break;
    case N_With: if (n->v.with.is_async) fputs(" async", out); break;
    case N_ImportFrom:
        fprintf(out, " module=%s%s%s level=%d", n->v.importfrom.module ? "'" : "",
                n->v.importfrom.module ? n->v.importfrom.module : "None",
                n->v.importfrom.module ? "'" : "", n->v.importfrom.level);
        break;
    case N_Global: case N_Nonlocal:
        for (int i = 0; i < n->v.global.n; i++) fprintf(out, " '%s'", n->v.global.names[i]);
        break;
    case N_BoolOp: fputs(n->v.boolop.op == BOOL_AND ? " op=and" : " op=or", out); break;
    case N_BinOp: fprintf(out, " op=%s", binop_symbols[n->v.binop.op]); break;
    case N_UnaryOp: {
        static const char *const names[] = { "not", "-", "+", "~" };
        fprintf(out, " op=%s", names[n->v.unaryop.op]);
        break;
    }
    case N_Compare:
        fputs(" ops=", out);
        for (int i = 0; i < n->v.compare.nops; i++)
            fprintf(out, "%s%s", i ? "," : "", cmpop_symbols[n->v.compare.ops[i]]);
        break;
    case N_FormattedValue:
        if (n->v.formatted.conversion > 0) fprintf(out, " conversion=!%c", n->v.formatted.conversion);
        break;
    case N_Constant: fputs(" value=", out); print_const(out, &n->v.constant.value); break;
    case N_Attribute:
        fprintf(out, " attr='%s' ctx=%s", n->v.attribute.attr, ctx_names[n->v.attribute.ctx]);
        break;
    case N_Subscript: fprintf(out, " ctx=%s", ctx_names[n->v.subscript.ctx]); break;
    case N_Starred: fprintf(out, " ctx=%s", ctx_names[n->v.starred.ctx]); break;
    case N_Name: fprintf(out, " id='%s' ctx=%s", n->v.name.id, ctx_names[n->v.name.ctx]); break;
    case N_List: case N_Tuple: fprintf(out, " ctx=%s", ctx_names[n->v.seq.ctx]); break;
    case N_comprehension: if (n->v.comprehension.is_async) fputs(" async", out); break;
    case N_ExceptHandler: if (n->v.handler.name) fprintf(out, " name='%s'", n->v.handler.name); break;
    case N_arg: fprintf(out, " '%s'", n->v.arg.arg); break;
    case N_keyword: fprintf(out, " arg=%s", n->v.keyword.arg ? n->v.keyword.arg : "**"); break;
    case N_alias:
        fprintf(out, " name='%s'", n->v.alias.name);
        if (n->v.alias.asname) fprintf(out, " asname='%s'", n->v.alias.asname);
        break;
    case N_MatchMapping: if (n->v.match_mapping.rest) fprintf(out, " rest='%s'", n->v.match_mapping.rest); break;
    case N_MatchClass:
        for (int i = 0; i < n->v.match_class.nkwd; i++) fprintf(out, " kwd='%s'", n->v.match_class.kwd_attrs[i]);
        break;
    case N_MatchStar: case N_MatchAs:
        if (n->v.match_as.name) fprintf(out, " name='%s'", n->v.match_as.name);
        break;
    default: break;
    }
    fputc('\n', out);
    d->depth++;
    int r = 0;
    switch (n->kind) {
    case N_Module: case N_Interactive: r = dump_list(d, "body", &n->v.module.body); break;
    case N_Expression: r = dump_child(d, n->v.expression.body, NULL); break;
    case N_FunctionDef:
        r = dump_list(d, "decorators", &n->v.funcdef.decorators);
        if (!r) r = dump_child(d, n->v.funcdef.args, NULL);
        if (!r) r = dump_child(d, n->v.funcdef.returns, "returns");
        if (!r) r = dump_list(d, "body", &n->v.funcdef.body);
        break;
    case N_ClassDef:
        r = dump_list(d, "decorators", &n->v.classdef.decorators);
        if (!r) r = dump_list(d, "bases", &n->v.classdef.bases);
        if (!r) r = dump_list(d, "keywords", &n->v.classdef.keywords);
        if (!r) r = dump_list(d, "body", &n->v.classdef.body);
        break;
    case N_Return: r = dump_child(d, n->v.ret.value, NULL); break;
    case N_Delete: r = dump_list(d, "targets", &n->v.del.targets); break;
    case N_Assign:
        r = dump_list(d, "targets", &n->v.assign.targets);
        if (!r) r = dump_child(d, n->v.assign.value, "value");
        break;
    case N_AugAssign:
        r = dump_child(d, n->v.augassign.target, "target");
        if (!r) r = dump_child(d, n->v.augassign.value, "value");
        break;
    case N_AnnAssign:
        r = dump_child(d, n->v.annassign.target, "target");
        if (!r) r = dump_child(d, n->v.annassign.annotation, "annotation");
        if (!r) r = dump_child(d, n->v.annassign.value, "value");
        break;
    case N_For:
        r = dump_child(d, n->v.forloop.target, "target");
        if (!r) r = dump_child(d, n->v.forloop.iter, "iter");
        if (!r) r = dump_list(d, "body", &n->v.forloop.body);
        if (!r) r = dump_list(d, "orelse", &n->v.forloop.orelse);
        break;
    case N_While: case N_If:
        r = dump_child(d, n->v.ifstmt.test, "test");
        if (!r) r = dump_list(d, "body", &n->v.ifstmt.body);
        if (!r) r = dump_list(d, "orelse", &n->v.ifstmt.orelse);
        break;
    case N_With:
        r = dump_list(d, "items", &n->v.with.items);
        if (!r) r = dump_list(d, "body", &n->v.with.body);
        break;
    case N_Raise:
        r = dump_child(d, n->v.raise.exc, "exc");
        if (!r) r = dump_child(d, n->v.raise.cause, "cause");
        break;
    case N_Try:
        r = dump_list(d, "body", &n->v.trystmt.body);
        if (!r) r = dump_list(d, "handlers", &n->v.trystmt.handlers);
        if (!r) r = dump_list(d, "orelse", &n->v.trystmt.orelse);
        if (!r) r = dump_list(d, "finalbody", &n->v.trystmt.finalbody);
        break;
    case N_Assert:
        r = dump_child(d, n->v.assert.test, "test");
        if (!r) r = dump_child(d, n->v.assert.msg, "msg");
        break;
    case N_Import: r = dump_list(d, "names", &n->v.import.names); break;
    case N_ImportFrom: r = dump_list(d, "names", &n->v.importfrom.names); break;
    case N_Expr: case N_Await: case N_Yield: case N_YieldFrom:
        r = dump_child(d, n->v.expr.value, NULL);
        break;
    case N_BoolOp: r = dump_list(d, "values", &n->v.boolop.values); break;
    case N_NamedExpr:
        r = dump_child(d, n->v.namedexpr.target, "target");
        if (!r) r = dump_child(d, n->v.namedexpr.value, "value");
        break;
    case N_BinOp:
        r = dump_child(d, n->v.binop.left, NULL);
        if (!r) r = dump_child(d, n->v.binop.right, NULL);
        break;
    case N_UnaryOp: r = dump_child(d, n->v.unaryop.operand, NULL); break;
    case N_Lambda:
        r = dump_child(d, n->v.lambda.args, NULL);
        if (!r) r = dump_child(d, n->v.lambda.body, "body");
        break;
    case N_IfExp:
        r = dump_child(d, n->v.ifexp.test, "test");
        if (!r) r = dump_child(d, n->v.ifexp.body, "body");
        if (!r) r = dump_child(d, n->v.ifexp.orelse, "orelse");
        break;
    case N_Dict:
        r = dump_list(d, "keys", &n->v.dict.keys);
        if (!r) r = dump_list(d, "values", &n->v.dict.values);
        break;
    case N_Set: case N_List: case N_Tuple: r = dump_list(d, "elts", &n->v.seq.elts); break;
    case N_Match:
        r = dump_child(d, n->v.match.subject, "subject");
        if (!r) r = dump_list(d, "cases", &n->v.match.cases);
        break;
    case N_match_case:
        r = dump_child(d, n->v.match_case.pattern, "pattern");
        if (!r) r = dump_child(d, n->v.match_case.guard, "guard");
        if (!r) r = dump_list(d, "body", &n->v.match_case.body);
        break;
    case N_MatchValue: case N_MatchSingleton: r = dump_child(d, n->v.match_value.value, NULL); break;
    case N_MatchSequence: case N_MatchOr: r = dump_list(d, "patterns", &n->v.match_seq.patterns); break;
    case N_MatchMapping:
        r = dump_list(d, "keys", &n->v.match_mapping.keys);
        if (!r) r = dump_list(d, "patterns", &n->v.match_mapping.patterns);
        break;
    case N_MatchClass:
        r = dump_child(d, n->v.match_class.cls, "cls");
        if (!r) r = dump_list(d, "patterns", &n->v.match_class.patterns);
        if (!r) r = dump_list(d, "kwd_patterns", &n->v.match_class.kwd_patterns);
        break;
    case N_MatchAs: r = dump_child(d, n->v.match_as.pattern, NULL); break;
    case N_ListComp: case N_SetComp: case N_GeneratorExp: case N_DictComp:
        r = dump_child(d, n->v.comp.elt, n->kind == N_DictComp ? "key" : "elt");
        if (!r) r = dump_child(d, n->v.comp.value, "value");
        if (!r) r = dump_list(d, "generators", &n->v.comp.generators);
        break;
    case N_Compare:
        r = dump_child(d, n->v.compare.left, NULL);
        if (!r) r = dump_list(d, "comparators", &n->v.compare.comparators);
        break;
    case N_Call:
        r = dump_child(d, n->v.call.func, "func");
        if (!r) r = dump_list(d, "args", &n->v.call.args);
        if (!r) r = dump_list(d, "keywords", &n->v.call.keywords);
        break;
    case N_FormattedValue:
        r = dump_child(d, n->v.formatted.value, "value");
        if (!r) r = dump_child(d, n->v.formatted.format_spec, "format_spec");
        break;
    case N_JoinedStr: r = dump_list(d, "values", &n->v.joinedstr.values); break;
    case N_Attribute: r = dump_child(d, n->v.attribute.value, NULL); break;
    case N_Subscript:
        r = dump_child(d, n->v.subscript.value, "value");
        if (!r) r = dump_child(d, n->v.subscript.slice, "slice");
        break;
    case N_Starred: r = dump_child(d, n->v.starred.value, NULL); break;
    case N_Slice:
        r = dump_child(d, n->v.slice.lower, "lower");
        if (!r) r = dump_child(d, n->v.slice.upper, "upper");
        if (!r) r = dump_child(d, n->v.slice.step, "step");
        break;
    case N_comprehension:
        r = dump_child(d, n->v.comprehension.target, "target");
        if (!r) r = dump_child(d, n->v.comprehension.iter, "iter");
        if (!r) r = dump_list(d, "ifs", &n->v.comprehension.ifs);
        break;
    case N_ExceptHandler:
        r = dump_child(d, n->v.handler.type, "type");
        if (!r) r = dump_list(d, "body", &n->v.handler.body);
        break;
    case N_arguments:
        r = dump_list(d, "posonlyargs", &n->v.arguments.posonlyargs);
        if (!r) r = dump_list(d, "args", &n->v.arguments.args);
        if (!r) r = dump_child(d, n->v.arguments.vararg, "vararg");
        if (!r) r = dump_list(d, "kwonlyargs", &n->v.arguments.kwonlyargs);
        if (!r) r = dump_list(d, "kw_defaults", &n->v.arguments.kw_defaults);
        if (!r) r = dump_child(d, n->v.arguments.kwarg, "kwarg");
        if (!r) r = dump_list(d, "defaults", &n->v.arguments.defaults);
        break;
    case N_keyword: r = dump_child(d, n->v.keyword.value, NULL); break;
    case N_arg: r = dump_child(d, n->v.arg.annotation, "annotation"); break;
    case N_withitem:
        r = dump_child(d, n->v.withitem.context_expr, NULL);
        if (!r) r = dump_child(d, n->v.withitem.optional_vars, "as");
        break;
    default: break;
    }
    d->depth--;
    return r;
}

int ast_dump(Node *n, FILE *out) {
    Dumper d = { out, 0 };
    return dump_node(&d, n, NULL);
}
