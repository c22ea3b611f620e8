/* test_refcount.c — reference counting on both builds.
 *
 * GIL build: plain counts, immortal objects. Free-threaded build also
 * exercises biased reference counting across two pthreads: a non-owner
 * decrement that queues the object for its owner, the owner's merge at its
 * safe point, merge-on-zero, an owner that exits before the last decrement,
 * and many threads hammering one object. Every test checks that the object
 * is freed exactly once, and only when its last reference goes.
 *
 * Only brc_thread_register is needed as set-up: no interpreter.
 */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include "gilt.h"
#include "brc.h"

#include "counted_object.h"

static uint32_t main_breaker;

static void setup(void) {
    static bool registered;
    if (!registered) {
        brc_thread_register(&main_breaker);
        registered = true;
    }
    frees = 0;
}

START_TEST(test_plain_count) {
    Object *o = new_object();
    ck_assert_int_eq(obj_refcount(o), 1);
    INCREF(o);
    INCREF(o);
    ck_assert_int_eq(obj_refcount(o), 3);
    DECREF(o);
    DECREF(o);
    ck_assert_int_eq(frees, 0);
    DECREF(o);
    ck_assert_int_eq(frees, 1);
}
END_TEST

START_TEST(test_immortal) {
    Object *o = new_object();
    obj_make_immortal(o);
    ck_assert(obj_is_immortal(o));
    for (int i = 0; i < 1000; i++) DECREF(o);
    INCREF(o);
    ck_assert_int_eq(frees, 0);
    ck_assert(obj_is_immortal(OBJ_NONE));
    DECREF(OBJ_NONE);
    ck_assert(obj_is_immortal(OBJ_NONE));
}
END_TEST

#if GILT_FT

typedef void (*ThreadBody)(Object *o);

typedef struct {
    ThreadBody body;
    Object *o;
    bool unregister;
} Job;

static void *job_main(void *arg) {
    Job *job = arg;
    brc_thread_register(NULL);
    job->body(job->o);
    if (job->unregister) brc_thread_unregister();
    return NULL;
}

static void spawn_and_join(void *(*start)(void *), Job job) {
    pthread_t t;
    pthread_create(&t, NULL, start, &job);
    pthread_join(t, NULL);
}

static void run_in_thread(ThreadBody body, Object *o) {
    spawn_and_join(job_main, (Job){body, o, true});
}

static void *unregistered_main(void *arg) {
    Job *job = arg;
    job->body(job->o);
    return NULL;
}

static void run_in_thread_unregistered(ThreadBody body, Object *o) {
    spawn_and_join(unregistered_main, (Job){body, o, false});
}

static void incref_body(Object *o) { INCREF(o); }
static void decref_body(Object *o) { DECREF(o); }
static void inc_dec_body(Object *o) { INCREF(o); DECREF(o); }

START_TEST(test_merge_on_zero) {
    /* Owner holds one reference, another thread adds one; the owner drops
     * its reference (local hits zero, shared does not: merge), then the
     * other thread's decrement frees it through the shared count. */
    Object *o = new_object();
    run_in_thread(incref_body, o);
    ck_assert_int_eq(obj_refcount(o), 2);
    DECREF(o);
    ck_assert_int_eq(frees, 0);
    ck_assert_uint_eq(o->ob_tid, 0);
    run_in_thread(decref_body, o);
    ck_assert_int_eq(frees, 1);
}
END_TEST

START_TEST(test_queue_and_owner_merge) {
    /* The owner hands its only reference to another thread, which drops
     * it: the object is queued for the owner, not freed; the owner frees it
     * at its safe point. */
    main_breaker = 0;
    Object *o = new_object();
    run_in_thread(inc_dec_body, o);          /* balanced: nothing queued */
    ck_assert_int_eq(frees, 0);
    ck_assert_uint_eq(main_breaker & EB_BRC_MERGE, 0);
    run_in_thread(decref_body, o);           /* the handed-over reference */
    ck_assert_int_eq(frees, 0);
    ck_assert_uint_eq(main_breaker & EB_BRC_MERGE, EB_BRC_MERGE);
    ck_assert_int_eq(o->ob_ref_shared & BRC_STATE_MASK, BRC_QUEUED);
    brc_merge_pending();
    ck_assert_int_eq(frees, 1);
}
END_TEST

START_TEST(test_queue_survivor) {
    /* Queued while the owner still holds another reference: the merge must
     * keep it alive, and the owner's last decrement then frees it. */
    Object *o = new_object();
    INCREF(o);                               /* local 2 */
    run_in_thread(decref_body, o);           /* queued, one pending -1 */
    brc_merge_pending();
    ck_assert_int_eq(frees, 0);
    ck_assert_int_eq(obj_refcount(o), 1);
    DECREF(o);                               /* merged: shared path */
    ck_assert_int_eq(frees, 1);
}
END_TEST

static Object *orphan;
static void create_body(Object *unused) {
    (void)unused;
    orphan = new_object();
    INCREF(orphan);                          /* two references, both handed out */
}

START_TEST(test_owner_exits_first) {
    /* Thread A creates the object and exits; B's decrements find no owner
     * and merge on the spot; the last one frees it. */
    run_in_thread(create_body, NULL);
    ck_assert_int_eq(frees, 0);
    DECREF(orphan);
    ck_assert_int_eq(frees, 0);
    ck_assert_int_eq(obj_refcount(orphan), 1);
    DECREF(orphan);
    ck_assert_int_eq(frees, 1);
}
END_TEST

static void hammer_body(Object *o) {
    for (int i = 0; i < 200000; i++) {
        INCREF(o);
        if (i % 3 == 0) INCREF(o), DECREF(o);
        DECREF(o);
    }
}

START_TEST(test_many_threads) {
    Object *o = new_object();
    enum { N = 6 };
    pthread_t t[N];
    Job jobs[N];
    for (int i = 0; i < N; i++) {
        jobs[i] = (Job){hammer_body, o, true};
        pthread_create(&t[i], NULL, job_main, &jobs[i]);
    }
    for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
    brc_merge_pending();
    ck_assert_int_eq(frees, 0);
    ck_assert_int_eq(obj_refcount(o), 1);
    DECREF(o);
    brc_merge_pending();
    ck_assert_int_eq(frees, 1);
}
END_TEST

START_TEST(test_immortal_owner_not_counted) {
    /* The owner's fast path never tests immortality: an object made
     * immortal by its owner must leave that path (ob_tid 0), or the owner's
     * increments would wrap its marker count to 0 and free it. */
    Object *o = new_object();
    ck_assert_uint_eq(o->ob_tid, brc_current_tid);
    obj_make_immortal(o);
    ck_assert_uint_eq(o->ob_tid, 0);
    for (int i = 0; i < 10; i++) INCREF(o);
    ck_assert(obj_is_immortal(o));
    for (int i = 0; i < 20; i++) DECREF(o);
    ck_assert(obj_is_immortal(o));
    ck_assert_int_eq(frees, 0);
}
END_TEST

START_TEST(test_unregistered_thread_owns_nothing_shared) {
    /* A thread that has not registered must not pass for the owner of
     * immortal objects (ob_tid 0). */
    run_in_thread_unregistered(decref_body, OBJ_NONE);
    ck_assert(obj_is_immortal(OBJ_NONE));
}
END_TEST

START_TEST(test_immortal_across_threads) {
    Object *o = new_object();
    obj_make_immortal(o);
    run_in_thread(decref_body, o);
    run_in_thread(hammer_body, o);
    brc_merge_pending();
    ck_assert_int_eq(frees, 0);
    ck_assert(obj_is_immortal(o));
}
END_TEST

#endif

static Suite *refcount_suite(void) {
    Suite *s = suite_create("refcount");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_plain_count);
    tcase_add_test(tc, test_immortal);
#if GILT_FT
    tcase_add_test(tc, test_merge_on_zero);
    tcase_add_test(tc, test_queue_and_owner_merge);
    tcase_add_test(tc, test_queue_survivor);
    tcase_add_test(tc, test_owner_exits_first);
    tcase_add_test(tc, test_many_threads);
    tcase_add_test(tc, test_immortal_owner_not_counted);
    tcase_add_test(tc, test_unregistered_thread_owns_nothing_shared);
    tcase_add_test(tc, test_immortal_across_threads);
#endif
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(refcount_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
