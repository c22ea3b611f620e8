/* test_list.c — unit tests for list.c and listsort.c: append/insert/pop
 * through the C API and the methods, slicing, and sort stability with a
 * key. Run on both builds by `make unit`. */
#include <check.h>
#include <stdlib.h>
#include "gilt.h"

static void setup(void) {
    static bool ready;
    if (!ready) {
        char *argv[] = {"test_list", NULL};
        interp_create(1, argv);
        ready = true;
    }
}

static Object *call(Object *self, const char *name, Object *const *args, size_t n) {
    Object *r = obj_call_method(self, name, args, n);
    ck_assert_msg(r != NULL, "method %s failed", name);
    return r;
}

START_TEST(test_append_insert_pop) {
    Object *l = list_new(0);
    for (int i = 0; i < 10000; i++) {
        Object *v = int_from_i64(i);
        ck_assert_int_eq(list_append(l, v), 0);
        DECREF(v);
    }
    ck_assert_int_eq(list_size(l), 10000);
    Object *v = list_get(l, 9999);
    ck_assert_int_eq(int_small(v), 9999);
    DECREF(v);
    Object *args[2] = {int_from_i64(0), int_from_i64(-1)};
    DECREF(call(l, "insert", args, 2));
    v = list_get(l, 0);
    ck_assert_int_eq(int_small(v), -1);
    DECREF(v);
    Object *popped = call(l, "pop", NULL, 0);
    ck_assert_int_eq(int_small(popped), 9999);
    DECREF(popped);
    popped = call(l, "pop", args, 1);
    ck_assert_int_eq(int_small(popped), -1);
    DECREF(popped);
    ck_assert_int_eq(list_size(l), 9999);
    ck_assert(list_get(l, 9999) == NULL);
    ck_assert(err_matches(Exc_IndexError));
    err_clear();
    DECREF(args[0]);
    DECREF(args[1]);
    DECREF(l);
}
END_TEST

START_TEST(test_slices) {
    Object *l = list_new(0);
    for (int i = 0; i < 10; i++) {
        Object *v = int_from_i64(i);
        list_append(l, v);
        DECREF(v);
    }
    Object *two = int_from_i64(2);
    Object *s = slice_new(NULL, NULL, two);
    Object *evens = obj_getitem(l, s);
    ck_assert_int_eq(list_size(evens), 5);
    ck_assert_int_eq(obj_delitem(l, s), 0);
    ck_assert_int_eq(list_size(l), 5);
    Object *v = list_get(l, 0);
    ck_assert_int_eq(int_small(v), 1);
    DECREF(v);
    DECREF(evens);
    DECREF(s);
    DECREF(two);
    DECREF(l);
}
END_TEST

/* key function: the item's first tuple element */
static Object *first_item(Object *self, Object *const *args, size_t nargs, Object *kw) {
    return NEWREF(tuple_get(args[0], 0));
}

START_TEST(test_sort_stable_with_key) {
    enum { N = 2000 };
    Object *l = list_new(0);
    /* (k, original position) with many equal keys */
    for (int i = 0; i < N; i++) {
        Object *k = int_from_i64((i * 7919) % 13), *p = int_from_i64(i);
        Object *t = tuple_pack(2, k, p);
        list_append(l, t);
        DECREF(t);
        DECREF(k);
        DECREF(p);
    }
    static const MethodDef def = {"first", first_item, METH_STATIC, NULL};
    Object *key = cfunction_new(&def, NULL);
    ck_assert_int_eq(list_sort(l, key, false), 0);
    for (int i = 1; i < N; i++) {
        Object *a = list_get(l, i - 1), *b = list_get(l, i);
        int64_t ka = int_small(tuple_get(a, 0)), kb = int_small(tuple_get(b, 0));
        ck_assert(ka <= kb);
        if (ka == kb) ck_assert(int_small(tuple_get(a, 1)) < int_small(tuple_get(b, 1)));
        DECREF(a);
        DECREF(b);
    }
    /* reverse=True keeps equal keys in their original order too */
    ck_assert_int_eq(list_sort(l, key, true), 0);
    for (int i = 1; i < N; i++) {
        Object *a = list_get(l, i - 1), *b = list_get(l, i);
        int64_t ka = int_small(tuple_get(a, 0)), kb = int_small(tuple_get(b, 0));
        ck_assert(ka >= kb);
        if (ka == kb) ck_assert(int_small(tuple_get(a, 1)) < int_small(tuple_get(b, 1)));
        DECREF(a);
        DECREF(b);
    }
    DECREF(key);
    DECREF(l);
}
END_TEST

START_TEST(test_sort_plain) {
    Object *l = list_new(0);
    uint64_t x = 12345;
    for (int i = 0; i < 5000; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        Object *v = int_from_i64((int64_t)(x >> 40));
        list_append(l, v);
        DECREF(v);
    }
    ck_assert_int_eq(list_sort(l, NULL, false), 0);
    for (int i = 1; i < 5000; i++) {
        Object *a = list_get(l, i - 1), *b = list_get(l, i);
        ck_assert(int_small(a) <= int_small(b));
        DECREF(a);
        DECREF(b);
    }
    DECREF(l);
}
END_TEST

int main(void) {
    Suite *s = suite_create("list");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_append_insert_pop);
    tcase_add_test(tc, test_slices);
    tcase_add_test(tc, test_sort_stable_with_key);
    tcase_add_test(tc, test_sort_plain);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
