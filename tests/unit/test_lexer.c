/* test_lexer.c — Check suite for compiler/lexer.c: token streams
 * (INDENT/DEDENT, implicit joining, strings, numbers, operators) and the
 * tokenizer's error messages, which follow CPython 3.11. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include "gilt.h"
#include "compile.h"
#include "lexer.h"

static void setup(void) {
    static bool done;
    if (!done) { compile_init(); done = true; }
}

/* The token stream as "TYPE:text TYPE:text ..." (text only for NAME, NUMBER,
 * STRING and OP), or "ERR:<message>@line:col" at the first error. */
static char *tokens(const char *src) {
    static char out[4096];
    Lexer lx;
    lexer_init(&lx, src, strlen(src), "<test>");
    out[0] = 0;
    for (int guard = 0; guard < 500; guard++) {
        Token t = lexer_next(&lx);
        char buf[256];
        if (t.type == TOK_ERROR) {
            snprintf(buf, sizeof buf, "ERR:%s@%d:%d", lx.err_msg, lx.err_line, lx.err_col);
            strcat(out, buf);
            return out;
        }
        if (t.type == TOK_NAME || t.type == TOK_NUMBER || t.type == TOK_STRING || t.type == TOK_OP)
            snprintf(buf, sizeof buf, "%s:%.*s ", token_type_name(t.type), t.len, t.start);
        else
            snprintf(buf, sizeof buf, "%s ", token_type_name(t.type));
        strcat(out, buf);
        if (t.type == TOK_ENDMARKER) break;
    }
    return out;
}

START_TEST(simple_statement) {
    ck_assert_str_eq(tokens("x = 1 + 2\n"),
        "NAME:x OP:= NUMBER:1 OP:+ NUMBER:2 NEWLINE ENDMARKER ");
    /* no trailing newline: one is supplied */
    ck_assert_str_eq(tokens("x"), "NAME:x NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(indentation) {
    ck_assert_str_eq(tokens("if x:\n    y\n\n    # c\n    z\nw\n"),
        "NAME:if NAME:x OP:: NEWLINE INDENT NAME:y NEWLINE NAME:z NEWLINE DEDENT NAME:w NEWLINE ENDMARKER ");
    ck_assert_str_eq(tokens("if a:\n  if b:\n    c"),
        "NAME:if NAME:a OP:: NEWLINE INDENT NAME:if NAME:b OP:: NEWLINE INDENT NAME:c NEWLINE DEDENT DEDENT ENDMARKER ");
    /* a tab advances to the next multiple of 8, but a level written once
     * with a tab and once with spaces mixes them (TabError, as CPython) */
    ck_assert_str_eq(tokens("if a:\n\tb\n\tc\n"),
        "NAME:if NAME:a OP:: NEWLINE INDENT NAME:b NEWLINE NAME:c NEWLINE DEDENT ENDMARKER ");
    ck_assert_str_eq(tokens("if a:\n\tb\n        c\n"),
        "NAME:if NAME:a OP:: NEWLINE INDENT NAME:b NEWLINE ERR:inconsistent use of tabs and spaces in indentation@3:1");
    ck_assert_str_eq(tokens("if True:\n    x\n  y\n"),
        "NAME:if NAME:True OP:: NEWLINE INDENT NAME:x NEWLINE ERR:unindent does not match any outer indentation level@3:4");
}
END_TEST

START_TEST(joining) {
    ck_assert_str_eq(tokens("f(1,\n  2)\n"), "NAME:f OP:( NUMBER:1 OP:, NUMBER:2 OP:) NEWLINE ENDMARKER ");
    ck_assert_str_eq(tokens("a = 1 + \\\n  2\n"), "NAME:a OP:= NUMBER:1 OP:+ NUMBER:2 NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(operators) {
    ck_assert_str_eq(tokens("a **= b // c >>= d != e := f ... ->"),
        "NAME:a OP:**= NAME:b OP:// NAME:c OP:>>= NAME:d OP:!= NAME:e OP::= NAME:f OP:... OP:-> NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(numbers) {
    ck_assert_str_eq(tokens("1_000 0x_ff 0o17 0b101 1.5 .5 1e10 1_0.5e-3"),
        "NUMBER:1_000 NUMBER:0x_ff NUMBER:0o17 NUMBER:0b101 NUMBER:1.5 NUMBER:.5 NUMBER:1e10 NUMBER:1_0.5e-3 NEWLINE ENDMARKER ");
    ck_assert_str_eq(tokens("1abc"), "ERR:invalid decimal literal@1:1");
    ck_assert_str_eq(tokens("0b2"), "ERR:invalid digit '2' in binary literal@1:3");
    ck_assert_str_eq(tokens("01"),
        "ERR:leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers@1:1");
    ck_assert_str_eq(tokens("1__0"), "ERR:invalid decimal literal@1:2");
    /* CPython's columns: the number's last character before a letter, a
     * sign with no exponent digits, the character before a bare 'e' */
    ck_assert_str_eq(tokens("12abc"), "ERR:invalid decimal literal@1:2");
    ck_assert_str_eq(tokens("3.rsplit"), "ERR:invalid decimal literal@1:2");
    ck_assert_str_eq(tokens("1.5e3q"), "ERR:invalid decimal literal@1:5");
    ck_assert_str_eq(tokens("1e+"), "ERR:invalid decimal literal@1:3");
    ck_assert_str_eq(tokens("1.5e"), "ERR:invalid decimal literal@1:3");
}
END_TEST

START_TEST(strings) {
    ck_assert_str_eq(tokens("'a' \"b\" r'\\'' b'x' f'{x}' '''t\nq'''"),
        "STRING:'a' STRING:\"b\" STRING:r'\\'' STRING:b'x' STRING:f'{x}' STRING:'''t\nq''' NEWLINE ENDMARKER ");
    ck_assert_str_eq(tokens("x = 'abc"), "NAME:x OP:= ERR:unterminated string literal (detected at line 1)@1:5");
    ck_assert_str_eq(tokens("'''abc\n\n"), "ERR:unterminated triple-quoted string literal (detected at line 2)@1:1");
}
END_TEST

START_TEST(brackets) {
    ck_assert_str_eq(tokens(")"), "ERR:unmatched ')'@1:1");
    ck_assert_str_eq(tokens("(]"), "OP:( ERR:closing parenthesis ']' does not match opening parenthesis '('@1:2");
    ck_assert_str_eq(tokens("x = (\n"), "NAME:x OP:= OP:( ERR:'(' was never closed@1:5");
    char deep[300];
    memset(deep, '(', 250);
    deep[250] = 0;
    ck_assert_ptr_nonnull(strstr(tokens(deep), "ERR:too many nested parentheses@1:201"));
}
END_TEST

START_TEST(bad_characters) {
    ck_assert_str_eq(tokens("a \xe2\x82\xac"), "NAME:a ERR:invalid character '\xe2\x82\xac' (U+20AC)@1:3");
    ck_assert_str_eq(tokens("x $"), "NAME:x ERR:invalid syntax@1:3");
    ck_assert_str_eq(tokens("\\"), "ERR:unexpected EOF while parsing@1:2");
    /* non-ASCII letters are identifiers */
    ck_assert_str_eq(tokens("caf\xc3\xa9 = 1"), "NAME:caf\xc3\xa9 OP:= NUMBER:1 NEWLINE ENDMARKER ");
}
END_TEST

START_TEST(never_reads_past_end) {
    /* source without a terminating NUL: the lexer must stop at len */
    char buf[8] = { 'a', ' ', '=', ' ', '\'', 'x', 'x', 'x' };
    Lexer lx;
    lexer_init(&lx, buf, 5, "<t>");
    Token t;
    int n = 0;
    do { t = lexer_next(&lx); n++; } while (t.type != TOK_ERROR && t.type != TOK_ENDMARKER && n < 20);
    ck_assert_int_eq(t.type, TOK_ERROR);
}
END_TEST

int main(void) {
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, simple_statement);
    tcase_add_test(tc, indentation);
    tcase_add_test(tc, joining);
    tcase_add_test(tc, operators);
    tcase_add_test(tc, numbers);
    tcase_add_test(tc, strings);
    tcase_add_test(tc, brackets);
    tcase_add_test(tc, bad_characters);
    tcase_add_test(tc, never_reads_past_end);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
