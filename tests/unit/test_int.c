/* test_int.c — Check suite for int.c/float.c: small and big arithmetic,
 * Python's floor-division and modulo signs, parsing, repr of big values,
 * and hashes compared with values computed by CPython 3.11. */
#include <check.h>
#include <string.h>
#include "gilt.h"

static Interp *interp;

static void setup(void) { if (!interp) interp = interp_create(0, NULL); }

static Object *I(int64_t v) { return int_from_i64(v); }

static void expect_str(Object *o, const char *want) {
    ck_assert_ptr_nonnull(o);
    Object *s = obj_repr(o);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(str_data(s), want);
    DECREF(s);
    DECREF(o);
}

static Object *parse(const char *s) { return int_from_string(s, strlen(s), 0); }

START_TEST(small_cache) {
    ck_assert_ptr_eq(I(5), I(5));
    ck_assert_ptr_eq(I(-5), I(-5));
    ck_assert_ptr_eq(I(1024), I(1024));
}
END_TEST

START_TEST(arithmetic) {
    expect_str(int_binop(I(7), I(-2), BINOP_FLOORDIV), "-4");
    expect_str(int_binop(I(7), I(-2), BINOP_MOD), "-1");
    expect_str(int_binop(I(-7), I(2), BINOP_MOD), "1");
    expect_str(int_binop(I(-7), I(2), BINOP_FLOORDIV), "-4");
    expect_str(int_binop(I(INT64_MAX), I(1), BINOP_ADD), "9223372036854775808");
    expect_str(int_binop(I(INT64_MIN), I(-1), BINOP_FLOORDIV), "9223372036854775808");
    expect_str(int_binop(I(2), I(100), BINOP_POW), "1267650600228229401496703205376");
    expect_str(int_binop(I(1), I(70), BINOP_LSHIFT), "1180591620717411303424");
    expect_str(int_binop(I(-1), I(3), BINOP_RSHIFT), "-1");
    expect_str(int_binop(I(-9), I(1), BINOP_RSHIFT), "-5");
    expect_str(int_binop(I(1), I(3), BINOP_TRUEDIV), "0.3333333333333333");
    expect_str(int_binop(I(2), I(-1), BINOP_POW), "0.5");
    Object *big = int_binop(I(10), I(30), BINOP_POW);
    expect_str(int_binop(big, I(7), BINOP_MOD), "1");
    expect_str(int_binop(big, big, BINOP_SUB), "0");
    expect_str(int_binop(big, I(3), BINOP_TRUEDIV), "3.333333333333333e+29");
    expect_str(int_binop(I(-6), big, BINOP_AND), "1000000000000000000000000000000");
    DECREF(big);
}
END_TEST

START_TEST(zero_division) {
    ck_assert_ptr_null(int_binop(I(1), I(0), BINOP_FLOORDIV));
    ck_assert(err_matches(Exc_ZeroDivisionError));
    err_clear();
    ck_assert_ptr_null(int_binop(I(1), I(0), BINOP_TRUEDIV));
    err_clear();
}
END_TEST

START_TEST(parsing) {
    expect_str(parse(" -0x_ff "), "-255");
    expect_str(parse("0b101"), "5");
    expect_str(parse("1_000_000"), "1000000");
    expect_str(parse("123456789012345678901234567890"), "123456789012345678901234567890");
    expect_str(int_from_string("zz", 2, 36), "1295");
    ck_assert_ptr_null(parse("1__0"));
    err_clear();
    ck_assert_ptr_null(parse("012"));
    err_clear();
    expect_str(parse("000"), "0");
}
END_TEST

START_TEST(hashes) {
    ck_assert_int_eq(int_hash(I(-1)), -2);
    ck_assert_int_eq(int_hash(I(-2)), -2);
    Object *p = int_binop(I(2), I(64), BINOP_POW);
    ck_assert_int_eq(int_hash(p), 8);
    Object *q = int_binop(I(10), I(30), BINOP_POW);
    ck_assert_int_eq(int_hash(q), 465258685558744706LL);
    ck_assert_int_eq(hash_double(1.5), 1152921504606846977LL);
    ck_assert_int_eq(hash_double(2.0), 2);
    DECREF(p); DECREF(q);
}
END_TEST

START_TEST(floats) {
    expect_str(float_from_double(0.1 + 0.2), "0.30000000000000004");
    expect_str(float_from_double(1e16), "1e+16");
    expect_str(float_from_double(1e-5), "1e-05");
    expect_str(float_from_double(123.0), "123.0");
    expect_str(float_from_double(-0.0), "-0.0");
    expect_str(float_binop(float_from_double(-7.0), I(2), BINOP_MOD), "1.0");
}
END_TEST

int main(void) {
    Suite *s = suite_create("int");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, small_cache);
    tcase_add_test(tc, arithmetic);
    tcase_add_test(tc, zero_division);
    tcase_add_test(tc, parsing);
    tcase_add_test(tc, hashes);
    tcase_add_test(tc, floats);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
