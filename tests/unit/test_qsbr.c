/* test_qsbr.c — objects read without a lock, and QSBR (runtime/qsbr.c).
 *
 * Free-threaded build: a marked object (obj_mark_read_unlocked) whose last
 * reference goes is dead at once for lock-free readers (obj_try_incref
 * fails) but deallocated only after every other attached thread has
 * reported a quiescent state or detached; a reader whose try-increment
 * comes first keeps it alive; the only attached thread deallocates at
 * once. GIL build: qsbr_dealloc_later deallocates at once.
 *
 * Set-up without an interpreter: brc_thread_register and
 * qsbr_thread_register on each thread.
 */
#include <check.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include "gilt.h"
#include "brc.h"
#include "qsbr.h"

#include "counted_object.h"

static uint32_t main_breaker;

static void setup(void) {
    static bool registered;
    if (!registered) {
        brc_thread_register(&main_breaker);
        qsbr_thread_register(&main_breaker);
        registered = true;
    }
    frees = 0;
}

START_TEST(test_alone_deallocates_at_once) {
    /* No other thread is registered: nobody can be reading. */
    Object *o = new_object();
    obj_mark_read_unlocked(o);
    DECREF(o);
    ck_assert_int_eq(frees, 1);
}
END_TEST

#if GILT_FT

/* A second registered thread that stays attached and reports a quiescent
 * state (or, for `detach`, detaches) each time it is told to, until told
 * to leave. */
typedef struct {
    sem_t ready, report, reported;
    uint32_t breaker;
    bool detach, leave;
} Peer;

static void *peer_main(void *arg) {
    Peer *p = arg;
    brc_thread_register(&p->breaker);
    qsbr_thread_register(&p->breaker);
    sem_post(&p->ready);
    for (;;) {
        sem_wait(&p->report);
        if (p->leave) break;
        if (p->detach) qsbr_detach();
        else qsbr_quiescent();
        sem_post(&p->reported);
    }
    qsbr_thread_unregister();
    brc_thread_unregister();
    return NULL;
}

static void peer_start(Peer *p, pthread_t *t, bool detach) {
    sem_init(&p->ready, 0, 0);
    sem_init(&p->report, 0, 0);
    sem_init(&p->reported, 0, 0);
    p->breaker = 0;
    p->detach = detach;
    p->leave = false;
    pthread_create(t, NULL, peer_main, p);
    sem_wait(&p->ready);
}

static void peer_report(Peer *p) {
    sem_post(&p->report);
    sem_wait(&p->reported);
}

static void peer_stop(Peer *p, pthread_t t) {
    p->leave = true;
    sem_post(&p->report);
    pthread_join(t, NULL);
}

/* More deaths than one batch holds (qsbr.c seals at 256), so that both
 * ways of sealing a batch (full, and nothing else in flight) happen. */
enum { N = 300, ROUNDS = 8 };

static void kill_marked(Object **objs) {
    for (int i = 0; i < N; i++) {
        objs[i] = new_object();
        obj_mark_read_unlocked(objs[i]);
        ck_assert(obj_is_read_unlocked(objs[i]));
    }
    for (int i = 0; i < N; i++) DECREF(objs[i]);
}

START_TEST(test_marked_death_waits_for_peer) {
    Peer peer;
    pthread_t t;
    peer_start(&peer, &t, false);
    Object *objs[N];
    main_breaker = 0;
    kill_marked(objs);
    /* Dead to readers at once, but the memory and the object stay. */
    ck_assert_int_eq(frees, 0);
    ck_assert(!brc_try_incref_shared(objs[0]));
    ck_assert(!brc_try_incref_shared(objs[N - 1]));
    ck_assert_uint_eq(main_breaker & EB_QSBR, EB_QSBR);   /* asked to report */
    ck_assert_uint_eq(peer.breaker & EB_QSBR, EB_QSBR);
    qsbr_quiescent();                  /* our reports alone are not enough */
    qsbr_quiescent();
    ck_assert_int_eq(frees, 0);
    /* Each round of reports from both runs what was sealed before it. */
    for (int round = 0; round < ROUNDS && frees < N; round++) {
        peer_report(&peer);
        qsbr_quiescent();
    }
    ck_assert_int_eq(frees, N);
    peer_stop(&peer, t);
}
END_TEST

START_TEST(test_detached_peer_holds_nothing) {
    /* A detached peer (blocked in a system call, or waiting for the GIL)
     * holds no pointer read without a lock: the only attached thread may
     * deallocate at once, as if alone. */
    Peer peer;
    pthread_t t;
    peer_start(&peer, &t, true);
    peer_report(&peer);                /* detaches */
    Object *objs[N];
    kill_marked(objs);
    ck_assert_int_eq(frees, N);
    peer_stop(&peer, t);
}
END_TEST

START_TEST(test_batch_waits_for_peer_that_detaches_later) {
    /* Deaths deferred while the peer was attached are run once it
     * detaches, at our next report. */
    Peer peer;
    pthread_t t;
    peer_start(&peer, &t, true);       /* attached until its first report */
    Object *objs[N];
    kill_marked(objs);
    ck_assert_int_eq(frees, 0);
    peer_report(&peer);                /* detaches */
    for (int round = 0; round < ROUNDS && frees < N; round++) qsbr_quiescent();
    ck_assert_int_eq(frees, N);
    peer_stop(&peer, t);
}
END_TEST

static Object *shared_obj;
static void *try_incref_main(void *arg) {
    (void)arg;
    brc_thread_register(NULL);
    ck_assert(obj_try_incref(shared_obj));
    brc_thread_unregister();
    return NULL;
}

START_TEST(test_reader_first_keeps_it_alive) {
    /* A reader's try-increment before the owner's last decrement wins: the
     * object lives on, counted in its shared word, and dies with the
     * reader's reference. */
    shared_obj = new_object();
    obj_mark_read_unlocked(shared_obj);
    pthread_t t;
    pthread_create(&t, NULL, try_incref_main, NULL);
    pthread_join(t, NULL);
    DECREF(shared_obj);                /* the owner's reference */
    ck_assert_int_eq(frees, 0);
    ck_assert_int_eq(obj_refcount(shared_obj), 1);
    ck_assert(brc_try_incref_shared(shared_obj));   /* alive: may be counted */
    DECREF(shared_obj);
    DECREF(shared_obj);                /* the reader's: alone now, so at once */
    ck_assert_int_eq(frees, 1);
}
END_TEST

#endif

static Suite *qsbr_suite(void) {
    Suite *s = suite_create("qsbr");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_alone_deallocates_at_once);
#if GILT_FT
    tcase_add_test(tc, test_marked_death_waits_for_peer);
    tcase_add_test(tc, test_detached_peer_holds_nothing);
    tcase_add_test(tc, test_batch_waits_for_peer_that_detaches_later);
    tcase_add_test(tc, test_reader_first_keeps_it_alive);
#endif
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    SRunner *sr = srunner_create(qsbr_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
