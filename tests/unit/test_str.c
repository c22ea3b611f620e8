/* test_str.c — Check suite for str.c/strmethods.c/strformat.c: UTF-8
 * lengths and indexing, repr escapes, split/join/replace, format specs and
 * % formatting, compared with python3's results. */
#include <check.h>
#include <string.h>
#include "gilt.h"

static Interp *interp;
static void setup(void) { if (!interp) interp = interp_create(0, NULL); }

static Object *S(const char *s) { return str_from_cstr(s); }

static void expect(Object *o, const char *want) {
    ck_assert_ptr_nonnull(o);
    ck_assert_str_eq(str_data(o), want);
    DECREF(o);
}

static Object *call(Object *self, const char *name, size_t n, Object *a, Object *b) {
    Object *args[2] = {a, b};
    return obj_call_method(self, name, args, n);
}

START_TEST(utf8) {
    Object *s = S("h\xc3\xa9llo \xf0\x9f\x98\x80!");
    ck_assert_int_eq(str_length(s), 8);
    Object *k = int_from_i64(6);
    expect(obj_getitem(s, k), "\xf0\x9f\x98\x80");
    DECREF(k);
    k = int_from_i64(-1);
    expect(obj_getitem(s, k), "!");
    DECREF(k);
    expect(str_repr(s), "'h\xc3\xa9llo \xf0\x9f\x98\x80!'");
    DECREF(s);
}
END_TEST

START_TEST(repr) {
    expect(str_repr(S("a'b")), "\"a'b\"");
    expect(str_repr(S("a'b\"")), "'a\\'b\"'");
    expect(str_repr(S("\t\n\x01\x7f\\")), "'\\t\\n\\x01\\x7f\\\\'");
    expect(str_repr(S("\xc2\xa0")), "'\\xa0'");
}
END_TEST

START_TEST(methods) {
    Object *s = S(" a  b c ");
    Object *l = call(s, "split", 0, NULL, NULL);
    ck_assert_int_eq(list_size(l), 3);
    Object *sep = S("-");
    expect(str_join(sep, l), "a-b-c");
    DECREF(l);
    expect(call(s, "strip", 0, NULL, NULL), "a  b c");
    Object *a = S(" "), *b = S("_");
    expect(call(s, "replace", 2, a, b), "_a__b_c_");
    DECREF(s); DECREF(sep); DECREF(a); DECREF(b);
    s = S("a,b,,c");
    sep = S(",");
    l = call(s, "split", 1, sep, NULL);
    ck_assert_int_eq(list_size(l), 4);
    DECREF(l); DECREF(s); DECREF(sep);
    expect(call(S("hello world"), "title", 0, NULL, NULL), "Hello World");
    expect(call(S("stra\xc3\x9f" "e"), "upper", 0, NULL, NULL), "STRASSE");
}
END_TEST

START_TEST(format_specs) {
    Object *i = int_from_i64(1234567);
    expect(str_format_spec(i, S(",")), "1,234,567");
    expect(str_format_spec(i, S("_x")), "12_d687");
    expect(str_format_spec(i, S(">12")), "     1234567");
    expect(str_format_spec(i, S("#x")), "0x12d687");
    Object *f = float_from_double(3.14159);
    expect(str_format_spec(f, S(".2f")), "3.14");
    expect(str_format_spec(f, S("10.3e")), " 3.142e+00");
    expect(str_format_spec(f, S(".3")), "3.14");
    expect(str_format_spec(S("ab"), S("*^6")), "**ab**");
    Object *t = tuple_pack(2, i, f);
    expect(str_percent_format(S("%d|%8.3f|%-4s|"), tuple_pack(3, i, f, S("x"))), "1234567|   3.142|x   |");
    DECREF(t); DECREF(i); DECREF(f);
}
END_TEST

int main(void) {
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, utf8);
    tcase_add_test(tc, repr);
    tcase_add_test(tc, methods);
    tcase_add_test(tc, format_specs);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
