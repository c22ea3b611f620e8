/* ast.h — the abstract syntax tree (ast.c: constructors and the --ast dump).
 *
 * Node kinds and fields follow Python's `ast` module, so `gilt --ast` reads
 * like `ast.dump`. Every node lives in Boehm's scratch heap. Constants are
 * not runtime objects yet: they are plain descriptions (AstConst) that the
 * code generator turns into objects, so a failed parse leaves nothing to
 * free.
 */
#ifndef GILT_AST_H
#define GILT_AST_H

#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct Node Node;
struct Scope;

typedef struct NodeList {
    Node **items;
    int n, cap;
} NodeList;

void nodelist_push(NodeList *l, Node *n);

typedef enum {
    /* statements */
    N_Module, N_Interactive, N_Expression,
    N_FunctionDef, N_ClassDef, N_Return, N_Delete, N_Assign, N_AugAssign,
    N_AnnAssign, N_For, N_While, N_If, N_With, N_Raise, N_Try, N_Assert,
    N_Import, N_ImportFrom, N_Global, N_Nonlocal, N_Expr, N_Pass, N_Break,
    N_Continue,
    /* expressions */
    N_BoolOp, N_NamedExpr, N_BinOp, N_UnaryOp, N_Lambda, N_IfExp, N_Dict,
    N_Set, N_ListComp, N_SetComp, N_DictComp, N_GeneratorExp, N_Await,
    N_Yield, N_YieldFrom, N_Compare, N_Call, N_FormattedValue, N_JoinedStr,
    N_Constant, N_Attribute, N_Subscript, N_Starred, N_Name, N_List, N_Tuple,
    N_Slice,
    /* helpers */
    N_comprehension, N_ExceptHandler, N_arguments, N_arg, N_keyword,
    N_alias, N_withitem,
    /* structural pattern matching (match statement, its cases, patterns) */
    N_Match, N_match_case, N_MatchValue, N_MatchSingleton, N_MatchSequence,
    N_MatchMapping, N_MatchClass, N_MatchStar, N_MatchAs, N_MatchOr,
    N_KIND_COUNT_
} NodeKind;

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprContext;
typedef enum { BOOL_AND, BOOL_OR } BoolOpKind;
typedef enum { UNARY_NOT, UNARY_NEG, UNARY_POS, UNARY_INVERT } UnaryOpKind;
typedef enum {
    CMPOP_EQ, CMPOP_NE, CMPOP_LT, CMPOP_LE, CMPOP_GT, CMPOP_GE,
    CMPOP_IS, CMPOP_IS_NOT, CMPOP_IN, CMPOP_NOT_IN,
} CmpOpKind;

typedef enum {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS, CONST_INT,
    CONST_FLOAT, CONST_STR, CONST_BYTES,
} ConstKind;

typedef struct AstConst {
    ConstKind kind;
    bool big;                /* CONST_INT too large for int64: use `text`    */
    bool imaginary;          /* CONST_FLOAT written with a j suffix (1j)     */
    int64_t i;
    double f;
    const char *text;        /* STR/BYTES data (len bytes), or big-int digits */
    size_t len;
} AstConst;

struct Node {
    NodeKind kind;
    int line, col;           /* 1-based line, 0-based column                 */
    int end_line, end_col;
    bool parenthesized;      /* written inside ( ) (annotations, genexps)    */
    union {
        struct { NodeList body; } module;       /* Module, Interactive       */
        struct { Node *body; } expression;      /* Expression (eval mode)   */
        struct {
            const char *name; Node *args; NodeList body, decorators;
            Node *returns;   /* return annotation or NULL */
            bool is_async; struct Scope *scope;
        } funcdef;                              /* FunctionDef              */
        struct {
            const char *name; NodeList bases, keywords, body, decorators;
            struct Scope *scope;
        } classdef;
        struct { Node *value; } ret;            /* Return (value may be NULL) */
        struct { NodeList targets; } del;       /* Delete                   */
        struct { NodeList targets; Node *value; } assign;
        struct { Node *target; int op; Node *value; } augassign; /* op: BinOp */
        struct { Node *target, *annotation, *value; bool simple; } annassign;
        struct { Node *target, *iter; NodeList body, orelse; bool is_async; } forloop;
        struct { Node *test; NodeList body, orelse; } whileloop;
        struct { Node *test; NodeList body, orelse; } ifstmt;
        struct { NodeList items, body; bool is_async; } with;
        struct { Node *exc, *cause; } raise;
        struct { NodeList body, handlers, orelse, finalbody; } trystmt;
        struct { Node *test, *msg; } assert;
        struct { NodeList names; } import;      /* of alias                 */
        struct { const char *module; NodeList names; int level; } importfrom;
        struct { const char **names; int n; } global; /* Global, Nonlocal  */
        struct { Node *value; } expr;           /* Expr, Await, Yield, YieldFrom */
        struct { BoolOpKind op; NodeList values; } boolop;
        struct { Node *target, *value; } namedexpr;
        struct { Node *left; int op; Node *right; } binop;   /* op: BinOp   */
        struct { UnaryOpKind op; Node *operand; } unaryop;
        struct { Node *args, *body; struct Scope *scope; } lambda;
        struct { Node *test, *body, *orelse; } ifexp;
        struct { NodeList keys, values; } dict; /* key NULL: **value        */
        struct { NodeList elts; ExprContext ctx; } seq; /* Set, List, Tuple */
        struct {
            Node *elt, *value;       /* DictComp: elt is the key            */
            NodeList generators; struct Scope *scope;
        } comp;                                 /* *Comp, GeneratorExp      */
        struct { Node *left; int nops; CmpOpKind *ops; NodeList comparators; } compare;
        struct { Node *func; NodeList args, keywords; } call;
        struct { Node *value; int conversion; Node *format_spec; } formatted; /* conversion: -1 or 's','r','a' */
        struct { NodeList values; } joinedstr;
        struct { AstConst value; } constant;
        struct { Node *value; const char *attr; ExprContext ctx; } attribute;
        struct { Node *value, *slice; ExprContext ctx; } subscript;
        struct { Node *value; ExprContext ctx; } starred;
        struct { const char *id; ExprContext ctx; } name;
        struct { Node *lower, *upper, *step; } slice;
        struct { Node *target, *iter; NodeList ifs; bool is_async; } comprehension;
        struct { Node *type; const char *name; NodeList body; } handler;
        struct {
            NodeList posonlyargs, args, kwonlyargs; /* of arg              */
            Node *vararg, *kwarg;                   /* arg or NULL         */
            NodeList kw_defaults;                   /* NULL entries allowed */
            NodeList defaults;
        } arguments;
        struct { const char *arg; Node *annotation; } arg;
        struct { const char *arg; Node *value; } keyword; /* arg NULL: **value */
        struct { const char *name, *asname; } alias;
        struct { Node *context_expr, *optional_vars; } withitem;
        struct { Node *subject; NodeList cases; } match;          /* Match  */
        struct { Node *pattern, *guard; NodeList body; } match_case;
        /* MatchValue: value (an expression); MatchSingleton: value (a
         * None/True/False Constant) */
        struct { Node *value; } match_value;
        struct { NodeList patterns; } match_seq;   /* MatchSequence, MatchOr */
        struct {
            NodeList keys, patterns;               /* keys: expressions     */
            const char *rest;                      /* **rest or NULL        */
        } match_mapping;
        struct {
            Node *cls; NodeList patterns;
            const char **kwd_attrs; int nkwd; NodeList kwd_patterns;
        } match_class;
        /* MatchAs: pattern NULL and name NULL is the wildcard `_`;
         * MatchStar: name NULL is `*_` */
        struct { Node *pattern; const char *name; } match_as;
    } v;
};

Node *ast_new(NodeKind kind, int line, int col);
const char *ast_kind_name(NodeKind kind);
/* The --ast dump: one node per line, indented by depth. -1 if too deep. */
int ast_dump(Node *n, FILE *out);
/* Human name of an expression kind for error messages ("function call",
 * "literal", ...), as CPython's _PyPegen_get_expr_name. */
const char *ast_expr_description(Node *e);

#endif
