/* test_object.c — unit tests for the object model: classes made with
 * type_new_class, the C3 MRO of a diamond (and its inconsistency error),
 * attribute lookup through instances and classes, calling a slot wrapper
 * (int.__add__), isinstance with classes and tuples, and deallocating a
 * very deeply nested structure without overflowing the C stack. Run on
 * both builds by `make unit`. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "gilt.h"

static void setup(void) {
    static bool ready;
    if (!ready) {
        char *argv[] = {"test_object", NULL};
        interp_create(1, argv);
        ready = true;
    }
}

/* class <name>(*bases): <attr> = <value> */
static Object *make_class(const char *name, Object *bases, const char *attr, Object *value) {
    Object *ns = dict_new();
    if (attr) dict_set_cstr(ns, attr, value);
    Object *n = str_from_cstr(name);
    Object *cls = type_new_class(&TypeType, n, bases, ns, NULL, NULL);
    ck_assert_msg(cls != NULL, "class %s not created", name);
    DECREF(n);
    DECREF(ns);
    return cls;
}

static const char *mro_names(Object *cls, char *buf, size_t size) {
    Object *mro = ((TypeObject *)cls)->mro;
    buf[0] = 0;
    for (size_t i = 0; i < tuple_size(mro); i++) {
        if (i) strncat(buf, " ", size - strlen(buf) - 1);
        strncat(buf, type_name((TypeObject *)tuple_get(mro, i)), size - strlen(buf) - 1);
    }
    return buf;
}

START_TEST(test_diamond_mro) {
    Object *one = int_from_i64(1);
    Object *empty = tuple_new(0);
    Object *A = make_class("A", empty, "x", one);
    Object *ba = tuple_pack(1, A);
    Object *B = make_class("B", ba, NULL, NULL);
    Object *C = make_class("C", ba, "x", OBJ_NONE);
    Object *bc = tuple_pack(2, B, C);
    Object *D = make_class("D", bc, NULL, NULL);
    char buf[200];
    ck_assert_str_eq(mro_names(D, buf, sizeof buf), "D B C A object");
    /* C defines x, so D.x is C's None, not A's 1. */
    ck_assert_ptr_eq(type_lookup((TypeObject *)D, intern_cstr("x")), OBJ_NONE);
    /* class E(A, D) cannot be linearized. */
    Object *ad = tuple_pack(2, A, D);
    Object *ns = dict_new();
    Object *n = str_from_cstr("E");
    ck_assert_ptr_null(type_new_class(&TypeType, n, ad, ns, NULL, NULL));
    ck_assert(err_matches(Exc_TypeError));
    err_clear();
    DECREF(n);
    DECREF(ns);
    DECREF(ad);
    DECREF(bc);
    DECREF(ba);
    DECREF(empty);
}
END_TEST

START_TEST(test_instance_attributes) {
    Object *empty = tuple_new(0);
    Object *seven = int_from_i64(7);
    Object *A = make_class("A", empty, "cls_attr", seven);
    Object *a = obj_call0(A);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_eq(TYPE(a), (TypeObject *)A);
    Object *v = obj_getattr_cstr(a, "cls_attr");
    ck_assert_ptr_eq(v, seven);
    DECREF(v);
    Object *five = int_from_i64(5);
    ck_assert_int_eq(obj_setattr_cstr(a, "y", five), 0);
    v = obj_getattr_cstr(a, "y");
    ck_assert_int_eq(int_small(v), 5);
    DECREF(v);
    /* A missing attribute is an AttributeError; lookup_attr hides it. */
    ck_assert_ptr_null(obj_getattr_cstr(a, "missing"));
    ck_assert(err_matches(Exc_AttributeError));
    err_clear();
    ck_assert_ptr_null(obj_lookup_attr(a, intern_cstr("missing")));
    ck_assert(!err_occurred());
    /* Class attribute assignment is seen through the instance at once. */
    ck_assert_int_eq(obj_setattr_cstr(A, "cls_attr", five), 0);
    v = obj_getattr_cstr(a, "cls_attr");
    ck_assert_ptr_eq(v, five);
    DECREF(v);
    /* A() with arguments and no __init__ is an error. */
    ck_assert_ptr_null(obj_call1(A, five));
    ck_assert(err_matches(Exc_TypeError));
    err_clear();
    DECREF(a);
    DECREF(empty);
}
END_TEST

START_TEST(test_slot_wrapper) {
    Object *add = obj_getattr_cstr((Object *)&IntType, "__add__");
    ck_assert_ptr_nonnull(add);
    Object *two = int_from_i64(2), *three = int_from_i64(3);
    Object *r = obj_call2(add, two, three);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(int_small(r), 5);
    DECREF(r);
    /* Bound through an instance. */
    Object *bound = obj_getattr_cstr(two, "__add__");
    r = obj_call1(bound, three);
    ck_assert_int_eq(int_small(r), 5);
    DECREF(r);
    DECREF(bound);
    /* Wrong self type is a TypeError, not a crash. */
    Object *s = str_from_cstr("x");
    ck_assert_ptr_null(obj_call2(add, s, three));
    ck_assert(err_matches(Exc_TypeError));
    err_clear();
    DECREF(s);
    DECREF(add);
}
END_TEST

START_TEST(test_isinstance) {
    Object *empty = tuple_new(0);
    Object *A = make_class("A", empty, NULL, NULL);
    Object *ba = tuple_pack(1, A);
    Object *B = make_class("B", ba, NULL, NULL);
    Object *b = obj_call0(B);
    ck_assert_int_eq(obj_isinstance(b, A), 1);
    ck_assert_int_eq(obj_isinstance(b, (Object *)&ObjectType), 1);
    ck_assert_int_eq(obj_isinstance(b, (Object *)&IntType), 0);
    Object *tup = tuple_pack(2, (Object *)&IntType, A);
    ck_assert_int_eq(obj_isinstance(b, tup), 1);
    ck_assert_int_eq(obj_issubclass(B, A), 1);
    ck_assert_int_eq(obj_issubclass(A, B), 0);
    ck_assert_int_eq(obj_isinstance(b, b), -1);
    ck_assert(err_matches(Exc_TypeError));
    err_clear();
    DECREF(tup);
    DECREF(b);
    DECREF(ba);
    DECREF(empty);
}
END_TEST

START_TEST(test_deep_dealloc) {
    /* [[[[...]]]] a million deep: freeing it must not recurse that deep. */
    Object *inner = list_new(0);
    for (int i = 0; i < 1000000; i++) {
        Object *outer = list_new(0);
        list_append(outer, inner);
        DECREF(inner);
        inner = outer;
    }
    DECREF(inner);
}
END_TEST

int main(void) {
    Suite *s = suite_create("object");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_diamond_mro);
    tcase_add_test(tc, test_instance_attributes);
    tcase_add_test(tc, test_slot_wrapper);
    tcase_add_test(tc, test_isinstance);
    tcase_add_test(tc, test_deep_dealloc);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
