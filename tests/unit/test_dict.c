/* test_dict.c — unit tests for dict.c: insertion, lookup, deletion and
 * resizing with many keys, insertion order, version changes, the str-key
 * fast path, and KeyError; and keys_equal_unlocked (unlocked_keys.c), the
 * comparison lock-free dict and set readers use. Run on both builds by
 * `make unit`. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "gilt.h"

static void setup(void) {
    static bool ready;
    if (!ready) {
        char *argv[] = {"test_dict", NULL};
        interp_create(1, argv);
        ready = true;
    }
}

START_TEST(test_many_int_keys) {
    Object *d = dict_new();
    enum { N = 100000 };
    for (int64_t i = 0; i < N; i++) {
        Object *k = int_from_i64(i * 7), *v = int_from_i64(i);
        ck_assert_int_eq(dict_set(d, k, v), 0);
        DECREF(k);
        DECREF(v);
    }
    ck_assert_int_eq(dict_size(d), N);
    for (int64_t i = 0; i < N; i++) {
        Object *k = int_from_i64(i * 7), *v = NULL;
        ck_assert_int_eq(dict_lookup(d, k, &v), 1);
        ck_assert_int_eq(int_small(v), i);
        DECREF(v);
        DECREF(k);
    }
    /* delete the even ones, check the odd ones remain */
    for (int64_t i = 0; i < N; i += 2) {
        Object *k = int_from_i64(i * 7);
        ck_assert_int_eq(dict_del(d, k), 0);
        DECREF(k);
    }
    ck_assert_int_eq(dict_size(d), N / 2);
    for (int64_t i = 0; i < N; i++) {
        Object *k = int_from_i64(i * 7), *v = NULL;
        int r = dict_lookup(d, k, &v);
        ck_assert_int_eq(r, i % 2);
        XDECREF(v);
        DECREF(k);
    }
    Object *missing = int_from_i64(-1);
    ck_assert_int_eq(dict_del(d, missing), -1);
    ck_assert(err_matches(Exc_KeyError));
    err_clear();
    DECREF(missing);
    DECREF(d);
}
END_TEST

START_TEST(test_insertion_order) {
    Object *d = dict_new();
    const char *names[] = {"zeta", "alpha", "mid", "beta", "omega", "x", "y"};
    for (int i = 0; i < 7; i++) {
        Object *v = int_from_i64(i);
        dict_set_cstr(d, names[i], v);
        DECREF(v);
    }
    Object *k = str_from_cstr("mid");
    ck_assert_int_eq(dict_pop(d, k, NULL), 1);
    dict_set(d, k, OBJ_NONE);    /* re-inserted: goes to the end */
    DECREF(k);
    const char *expect[] = {"zeta", "alpha", "beta", "omega", "x", "y", "mid"};
    size_t pos = 0;
    Object *key, *value;
    int i = 0;
    while (dict_next(d, &pos, &key, &value)) {
        ck_assert(str_eq_cstr(key, expect[i]));
        i++;
    }
    ck_assert_int_eq(i, 7);
    DECREF(d);
}
END_TEST

START_TEST(test_versions) {
    Object *a = dict_new(), *b = dict_new();
    uint64_t va = dict_version(a), vb = dict_version(b);
    ck_assert(va != vb);
    dict_set_cstr(a, "x", OBJ_NONE);
    uint64_t va2 = dict_version(a);
    ck_assert(va2 != va);
    dict_set_cstr(a, "x", OBJ_TRUE);      /* replacing a value is a mutation */
    ck_assert(dict_version(a) != va2);
    uint64_t va3 = dict_version(a);
    Object *v = dict_get_cstr(a, "x");     /* a lookup is not */
    ck_assert(v == OBJ_TRUE);
    DECREF(v);
    ck_assert(dict_version(a) == va3);
    dict_set_cstr(b, "x", OBJ_TRUE);
    ck_assert(dict_version(b) != dict_version(a));
    dict_clear(a);
    ck_assert(dict_version(a) != va3);
    DECREF(a);
    DECREF(b);
}
END_TEST

START_TEST(test_str_fast_path) {
    Object *d = dict_new();
    Object *interned = intern_cstr("spam");
    Object *fresh = str_from_cstr("spam");   /* equal, different object */
    Object *one = int_from_i64(1);
    dict_set(d, interned, one);
    Object *v = dict_get_str(d, fresh);
    ck_assert(v == one);
    DECREF(v);
    v = dict_get_str(d, interned);
    ck_assert(v == one);
    DECREF(v);
    Object *other = str_from_cstr("eggs");
    ck_assert(dict_get_str(d, other) == NULL);
    ck_assert(!err_occurred());
    /* many str keys force resizes */
    char buf[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        Object *k = str_from_cstr(buf), *iv = int_from_i64(i);
        dict_set(d, k, iv);
        DECREF(k);
        DECREF(iv);
    }
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        Object *got = dict_get_cstr(d, buf);
        ck_assert(got && int_small(got) == i);
        DECREF(got);
    }
    DECREF(one);
    DECREF(fresh);
    DECREF(other);
    DECREF(d);
}
END_TEST

START_TEST(test_copy_and_update) {
    Object *d = dict_new();
    for (int i = 0; i < 50; i++) {
        Object *k = int_from_i64(i);
        dict_set(d, k, k);
        DECREF(k);
    }
    Object *c = dict_copy(d);
    ck_assert_int_eq(dict_size(c), 50);
    Object *e = dict_new();
    ck_assert_int_eq(dict_update(e, c), 0);
    ck_assert_int_eq(dict_size(e), 50);
    Object *items = dict_items_list(e);
    ck_assert_int_eq(list_size(items), 50);
    DECREF(items);
    DECREF(c);
    DECREF(d);
    DECREF(e);
}
END_TEST

/* What a reader without the lock may decide alone: equal exact strs and
 * small exact ints (equal but not identical objects), unequal ones, a str
 * against an int; and what it must leave to __eq__ under the lock: big
 * ints, bools (True == 1), floats (1.0 == 1), anything else. */
START_TEST(test_keys_equal_unlocked) {
    Object *a = str_from_cstr("alpha"), *a2 = str_from_cstr("alpha"), *b = str_from_cstr("alphb");
    Object *i = int_from_i64(123456), *i2 = int_from_i64(123456), *j = int_from_i64(123457);
    const char *huge = "123456789012345678901234567890";
    Object *big = int_from_string(huge, strlen(huge), 10);
    Object *big2 = int_from_string(huge, strlen(huge), 10);
    Object *f = float_from_double(123456.0);
    ck_assert_ptr_ne(a, a2);
    ck_assert_ptr_ne(i, i2);
    ck_assert_int_eq(keys_equal_unlocked(a, a2), 1);
    ck_assert_int_eq(keys_equal_unlocked(a, b), 0);
    ck_assert_int_eq(keys_equal_unlocked(i, i2), 1);
    ck_assert_int_eq(keys_equal_unlocked(i, j), 0);
    ck_assert_int_eq(keys_equal_unlocked(a, i), 0);
    ck_assert_int_eq(keys_equal_unlocked(i, a), 0);
    ck_assert_int_eq(keys_equal_unlocked(big, big2), -1);
    ck_assert_int_eq(keys_equal_unlocked(big, i), -1);
    ck_assert_int_eq(keys_equal_unlocked(i, f), -1);
    ck_assert_int_eq(keys_equal_unlocked(OBJ_TRUE, int_from_i64(1)), -1);
    Object *objs[] = {a, a2, b, i, i2, j, big, big2, f};
    for (size_t k = 0; k < sizeof objs / sizeof objs[0]; k++) DECREF(objs[k]);
}
END_TEST

int main(void) {
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_many_int_keys);
    tcase_add_test(tc, test_insertion_order);
    tcase_add_test(tc, test_versions);
    tcase_add_test(tc, test_str_fast_path);
    tcase_add_test(tc, test_copy_and_update);
    tcase_add_test(tc, test_keys_equal_unlocked);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
