/* test_parser.c — Check suite for compiler/parser.c (AST shapes via the
 * --ast dump), the syntax errors of the whole compiler (CPython 3.11
 * messages and line numbers), compile_is_incomplete for the REPL, and
 * robustness against hostile input (deep nesting, NUL bytes, bad UTF-8). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gilt.h"
#include "compile.h"
#include "parser.h"

static Interp *interp;
static void setup(void) { if (!interp) interp = interp_create(0, NULL); }

/* The --ast dump of src, flattened to one line ("|" between nodes). */
static char *ast(const char *src) {
    static char out[8192];
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int rc = compile_dump_ast(src, strlen(src), "<test>", f);
    fclose(f);
    if (rc < 0) {
        err_clear();
        snprintf(out, sizeof out, "ERROR");
    } else {
        size_t j = 0;
        for (size_t i = 0; i < len && j + 2 < sizeof out; i++) {
            if (buf[i] == '\n') out[j++] = '|';
            else if (buf[i] == ' ' && (i == 0 || buf[i - 1] == '\n' || buf[i - 1] == ' ')) continue;
            else out[j++] = buf[i];
        }
        out[j] = 0;
    }
    free(buf);
    return out;
}

/* "Type: msg @line" of the error compiling src, or "OK". */
static char *compile_error(const char *src, CompileMode mode) {
    static char out[512];
    Object *code = compile_source(src, strlen(src), "<test>", mode);
    if (code) {
        DECREF(code);
        return "OK";
    }
    Object *exc = err_fetch();
    ck_assert_ptr_nonnull(exc);
    Object *msg = obj_getattr_cstr(exc, "msg");
    Object *lineno = obj_getattr_cstr(exc, "lineno");
    if (!msg || !lineno) {
        err_clear();
        Object *s = obj_str(exc);
        snprintf(out, sizeof out, "%s: %s", TYPE(exc)->name, s ? str_data(s) : "?");
        XDECREF(s);
    } else {
        snprintf(out, sizeof out, "%s: %s @%s", TYPE(exc)->name, str_data(msg),
                 str_data(obj_str(lineno)));
    }
    XDECREF(msg);
    XDECREF(lineno);
    DECREF(exc);
    return out;
}

START_TEST(expressions) {
    ck_assert_str_eq(ast("1 + 2 * 3"),
        "Module|body:|Expr|BinOp op=+|Constant value=1|BinOp op=*|Constant value=2|Constant value=3|");
    ck_assert_str_eq(ast("-x ** 2"), "Module|body:|Expr|UnaryOp op=-|BinOp op=**|Name id='x' ctx=Load|Constant value=2|");
    ck_assert_str_eq(ast("a < b <= c"),
        "Module|body:|Expr|Compare ops=<,<=|Name id='a' ctx=Load|comparators:|Name id='b' ctx=Load|Name id='c' ctx=Load|");
    ck_assert_str_eq(ast("not a in b"),
        "Module|body:|Expr|UnaryOp op=not|Compare ops=in|Name id='a' ctx=Load|comparators:|Name id='b' ctx=Load|");
    ck_assert_str_eq(ast("x if y else z"),
        "Module|body:|Expr|IfExp|test: Name id='y' ctx=Load|body: Name id='x' ctx=Load|orelse: Name id='z' ctx=Load|");
    ck_assert_str_eq(ast("a.b[1:2, ::3]"),
        "Module|body:|Expr|Subscript ctx=Load|value: Attribute attr='b' ctx=Load|Name id='a' ctx=Load|slice: Tuple ctx=Load|elts:|Slice|lower: Constant value=1|upper: Constant value=2|Slice|step: Constant value=3|");
}
END_TEST

START_TEST(strings_and_fstrings) {
    ck_assert_str_eq(ast("'a' \"b\" '\\x41\\n'"), "Module|body:|Expr|Constant value='abA\\n'|");
    ck_assert_str_eq(ast("b'\\x00z'"), "Module|body:|Expr|Constant value=b'\\x00z'|");
    ck_assert_str_eq(ast("f'a{x!r:>{w}}b{{'"),
        "Module|body:|Expr|JoinedStr|values:|Constant value='a'|FormattedValue conversion=!r|value: Name id='x' ctx=Load|format_spec: JoinedStr|values:|Constant value='>'|FormattedValue|value: Name id='w' ctx=Load|Constant value='b{'|");
    ck_assert_str_eq(ast("f'{x=}'"),
        "Module|body:|Expr|JoinedStr|values:|Constant value='x='|FormattedValue conversion=!r|value: Name id='x' ctx=Load|");
    ck_assert_str_eq(ast("f'{\"q\"}'"), "Module|body:|Expr|JoinedStr|values:|FormattedValue|value: Constant value='q'|");
}
END_TEST

START_TEST(statements) {
    ck_assert_str_eq(ast("a = b = 1"),
        "Module|body:|Assign|targets:|Name id='a' ctx=Store|Name id='b' ctx=Store|value: Constant value=1|");
    ck_assert_str_eq(ast("a, *b = c"),
        "Module|body:|Assign|targets:|Tuple ctx=Store|elts:|Name id='a' ctx=Store|Starred ctx=Store|Name id='b' ctx=Store|value: Name id='c' ctx=Load|");
    ck_assert_str_eq(ast("x += 1"), "Module|body:|AugAssign op=+|target: Name id='x' ctx=Store|value: Constant value=1|");
    ck_assert_str_eq(ast("from ..m import a as b"), "Module|body:|ImportFrom module='m' level=2|names:|alias name='a' asname='b'|");
    ck_assert_str_eq(ast("def f(a, /, b=1, *c, d, **e): pass"),
        "Module|body:|FunctionDef name='f'|arguments|posonlyargs:|arg 'a'|args:|arg 'b'|vararg: arg 'c'|kwonlyargs:|arg 'd'|kw_defaults:|None|kwarg: arg 'e'|defaults:|Constant value=1|body:|Pass|");
    ck_assert_str_eq(ast("try:\n  pass\nexcept E as e:\n  pass\nfinally:\n  pass"),
        "Module|body:|Try|body:|Pass|handlers:|ExceptHandler name='e'|type: Name id='E' ctx=Load|body:|Pass|finalbody:|Pass|");
    /* match is a soft keyword: a statement only when the line ends in ':' */
    ck_assert_str_eq(ast("match x:\n case [a, *_] | {'k': a}:\n  pass"),
        "Module|body:|Match|subject: Name id='x' ctx=Load|cases:|match_case|pattern: MatchOr|patterns:|"
        "MatchSequence|patterns:|MatchAs name='a'|MatchStar|MatchMapping|keys:|Constant value='k'|patterns:|"
        "MatchAs name='a'|body:|Pass|");
    ck_assert_str_eq(ast("match = 1"), "Module|body:|Assign|targets:|Name id='match' ctx=Store|value: Constant value=1|");
    ck_assert_str_eq(ast("match(x).y: int"),
        "Module|body:|AnnAssign|target: Attribute attr='y' ctx=Store|Call|func: Name id='match' ctx=Load|args:|Name id='x' ctx=Load|annotation: Name id='int' ctx=Load|");
}
END_TEST

START_TEST(syntax_errors) {
    ck_assert_str_eq(compile_error("x = (1, 2", COMPILE_FILE), "SyntaxError: '(' was never closed @1");
    ck_assert_str_eq(compile_error("x = [1, 2\ny = 3\n", COMPILE_FILE), "SyntaxError: '[' was never closed @1");
    ck_assert_str_eq(compile_error("if x:\npass", COMPILE_FILE),
        "IndentationError: expected an indented block after 'if' statement on line 1 @2");
    ck_assert_str_eq(compile_error("  x", COMPILE_FILE), "IndentationError: unexpected indent @1");
    /* a block header at the end of the input: the header's line, as CPython */
    ck_assert_str_eq(compile_error("x = 1\nwhile True:\n", COMPILE_FILE),
        "IndentationError: expected an indented block after 'while' statement on line 2 @2");
    ck_assert_str_eq(compile_error("match x:\n    case [*a, *b]:\n        pass\n", COMPILE_FILE),
        "SyntaxError: multiple starred names in sequence pattern @2");
    ck_assert_str_eq(compile_error("1 = x", COMPILE_FILE),
        "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1");
    ck_assert_str_eq(compile_error("f() += 1", COMPILE_FILE),
        "SyntaxError: 'function call' is an illegal expression for augmented assignment @1");
    ck_assert_str_eq(compile_error("del f()", COMPILE_FILE), "SyntaxError: cannot delete function call @1");
    ck_assert_str_eq(compile_error("a b", COMPILE_FILE), "SyntaxError: invalid syntax @1");
    ck_assert_str_eq(compile_error("f(a=1, b)", COMPILE_FILE), "SyntaxError: positional argument follows keyword argument @1");
    ck_assert_str_eq(compile_error("f(a=1, a=2)", COMPILE_FILE), "SyntaxError: keyword argument repeated: a @1");
    ck_assert_str_eq(compile_error("def f(a, a): pass", COMPILE_FILE),
        "SyntaxError: duplicate argument 'a' in function definition @1");
    ck_assert_str_eq(compile_error("return 1", COMPILE_FILE), "SyntaxError: 'return' outside function @1");
    ck_assert_str_eq(compile_error("while 1:\n  pass\nbreak", COMPILE_FILE), "SyntaxError: 'break' outside loop @3");
    ck_assert_str_eq(compile_error("continue", COMPILE_FILE), "SyntaxError: 'continue' not properly in loop @1");
    ck_assert_str_eq(compile_error("nonlocal x", COMPILE_FILE),
        "SyntaxError: nonlocal declaration not allowed at module level @1");
    ck_assert_str_eq(compile_error("def f():\n  nonlocal zz", COMPILE_FILE),
        "SyntaxError: no binding for nonlocal 'zz' found @2");
    ck_assert_str_eq(compile_error("def f(x):\n  global x", COMPILE_FILE),
        "SyntaxError: name 'x' is parameter and global @2");
    ck_assert_str_eq(compile_error("def f():\n  await x", COMPILE_FILE),
        "SyntaxError: 'await' outside async function @2");
    ck_assert_str_eq(compile_error("yield 1", COMPILE_FILE), "SyntaxError: 'yield' outside function @1");
    ck_assert_str_eq(compile_error("f'{}'", COMPILE_FILE), "SyntaxError: f-string: empty expression not allowed @1");
    ck_assert_str_eq(compile_error("f'}'", COMPILE_FILE), "SyntaxError: f-string: single '}' is not allowed @1");
    ck_assert_str_eq(compile_error("b'\xc3\xa9'", COMPILE_FILE),
        "SyntaxError: bytes can only contain ASCII literal characters @1");
    ck_assert_str_eq(compile_error("1 2", COMPILE_EVAL), "SyntaxError: invalid syntax @1");
}
END_TEST

START_TEST(hostile_input) {
    Object *nul = compile_source("x = 1\0", 6, "<test>", COMPILE_FILE);
    ck_assert_ptr_null(nul);
    ck_assert(err_matches(Exc_SyntaxError));
    err_clear();
    ck_assert_ptr_nonnull(strstr(compile_error("x = '\xff'", COMPILE_FILE), "can't decode byte 0xff"));
    /* 10,000 nested brackets: a SyntaxError, not a crash */
    size_t n = 10000;
    char *deep = malloc(2 * n + 2);
    memset(deep, '(', n);
    memset(deep + n, ')', n);
    deep[2 * n] = 0;
    ck_assert_str_eq(compile_error(deep, COMPILE_FILE), "SyntaxError: too many nested parentheses @1");
    /* 100,000 unary minus signs and a 100,000-term sum: errors, not crashes */
    char *neg = malloc(100002);
    memset(neg, '-', 100000);
    strcpy(neg + 100000, "1");
    ck_assert_ptr_nonnull(strstr(compile_error(neg, COMPILE_FILE), "RecursionError"));
    char *sum = malloc(200002);
    for (int i = 0; i < 100000; i++) { sum[2 * i] = '1'; sum[2 * i + 1] = '+'; }
    strcpy(sum + 199999, "1");
    ck_assert_ptr_nonnull(strstr(compile_error(sum, COMPILE_FILE), "RecursionError"));
    free(deep);
    free(neg);
    free(sum);
    /* truncated sources */
    const char *prog = "def f(a, b=[1, {2: 'x'}]):\n    return f'{a!r:>{b}}' + \"\"\"t\"\"\"\n";
    for (size_t k = 0; k < strlen(prog); k++) {
        char *cut = strndup(prog, k);
        Object *code = compile_source(cut, k, "<cut>", COMPILE_FILE);
        if (code) DECREF(code); else err_clear();
        free(cut);
    }
}
END_TEST

START_TEST(incomplete) {
    ck_assert_int_eq(compile_is_incomplete("x = (1,", 7), 1);
    ck_assert_int_eq(compile_is_incomplete("s = '''abc", 10), 1);
    ck_assert_int_eq(compile_is_incomplete("x = 1 + \\", 9), 1);
    ck_assert_int_eq(compile_is_incomplete("if x:", 5), 1);
    ck_assert_int_eq(compile_is_incomplete("if x:\n", 6), 1);
    ck_assert_int_eq(compile_is_incomplete("if x:\n  y = 1\n", 14), 1);
    ck_assert_int_eq(compile_is_incomplete("if x:\n  y = 1\n\n", 15), 0);
    ck_assert_int_eq(compile_is_incomplete("for i in r: f(i)\n", 17), 1);
    ck_assert_int_eq(compile_is_incomplete("x = 1\n", 6), 0);
    ck_assert_int_eq(compile_is_incomplete("x = 1", 5), 0);
    ck_assert_int_eq(compile_is_incomplete("x = ", 4), 0);
    ck_assert_int_eq(compile_is_incomplete("@dec", 4), 1);
}
END_TEST

int main(void) {
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, expressions);
    tcase_add_test(tc, strings_and_fstrings);
    tcase_add_test(tc, statements);
    tcase_add_test(tc, syntax_errors);
    tcase_add_test(tc, hostile_input);
    tcase_add_test(tc, incomplete);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
