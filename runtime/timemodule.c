/* timemodule.c — the time module: clocks (time, perf_counter, monotonic,
 * process_time and their _ns forms), sleep, and basic calendar functions
 * (localtime, gmtime, mktime, strftime, asctime, ctime).
 *
 * sleep releases the GIL while it waits and is interruptible: a signal
 * (Ctrl-C) ends nanosleep with EINTR, the pending signal is turned into
 * KeyboardInterrupt by the eval breaker, and otherwise the remaining time
 * is slept. struct_time is a read-only 9-item sequence with tm_* fields.
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include "gilt.h"

#define TIMEFUNC(name) \
    static Object *name(Object *self, Object *const *args, size_t nargs, Object *kwnames)

static double clock_seconds(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static Object *clock_ns(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return int_from_i64((int64_t)t.tv_sec * 1000000000 + t.tv_nsec);
}

TIMEFUNC(t_time) { return float_from_double(clock_seconds(CLOCK_REALTIME)); }
TIMEFUNC(t_time_ns) { return clock_ns(CLOCK_REALTIME); }
TIMEFUNC(t_monotonic) { return float_from_double(clock_seconds(CLOCK_MONOTONIC)); }
TIMEFUNC(t_monotonic_ns) { return clock_ns(CLOCK_MONOTONIC); }
TIMEFUNC(t_process_time) { return float_from_double(clock_seconds(CLOCK_PROCESS_CPUTIME_ID)); }
TIMEFUNC(t_process_time_ns) { return clock_ns(CLOCK_PROCESS_CPUTIME_ID); }
TIMEFUNC(t_thread_time) { return float_from_double(clock_seconds(CLOCK_THREAD_CPUTIME_ID)); }

TIMEFUNC(t_sleep) {
    if (arg_no_kw("sleep", kwnames) < 0 || arg_count("sleep", nargs, 1, 1) < 0) return NULL;
    if (!INT_CHECK(args[0]) && !FLOAT_CHECK(args[0]))
        return err_format(Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    double secs = float_as_double(args[0]);
    if (secs == -1.0 && err_occurred()) return NULL;
    if (isnan(secs)) return err_set(Exc_ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return err_set(Exc_ValueError, "sleep length must be non-negative");
    ThreadState *ts = ts_current();
    double deadline = clock_seconds(CLOCK_MONOTONIC) + secs;
    for (;;) {
        double left = deadline - clock_seconds(CLOCK_MONOTONIC);
        if (left <= 0) break;
        struct timespec req = {(time_t)left, (long)((left - floor(left)) * 1e9)};
        BLOCKING_BEGIN(ts);
        int rc = nanosleep(&req, NULL);
        int e = errno;
        BLOCKING_END(ts);
        if (rc == 0) break;
        if (e != EINTR) {
            errno = e;
            return err_from_errno(Exc_OSError, NULL);
        }
        /* Interrupted: let a pending signal become KeyboardInterrupt. */
        if (ts->eval_breaker && eval_breaker_handle(ts) < 0) return NULL;
    }
    RETURN_NONE;
}

/* time.struct_time: a read-only 9-item sequence with tm_* attributes. */
typedef struct StructTime {
    OBJECT_HEAD
    Object *items;              /* tuple of 9 ints */
} StructTime;

static const char *const tm_fields[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                                        "tm_sec", "tm_wday", "tm_yday", "tm_isdst"};

static void st_dealloc(Object *self) {
    XDECREF(((StructTime *)self)->items);
    obj_free(self);
}
static Object *st_field(Object *self, void *closure) {
    return NEWREF(tuple_get(((StructTime *)self)->items, (size_t)(uintptr_t)closure));
}
static int64_t st_len(Object *self) { return 9; }
static Object *st_getitem(Object *self, Object *key) {
    return obj_getitem(((StructTime *)self)->items, key);
}
static Object *st_iter(Object *self) { return obj_iter(((StructTime *)self)->items); }
static Object *st_richcompare(Object *a, Object *b, CompareOp op) {
    Object *ta = ((StructTime *)a)->items;
    Object *tb = IS_TYPE(b, TupleType) ? b : NULL;
    if (!tb && TYPE(b) == TYPE(a)) tb = ((StructTime *)b)->items;
    if (!tb) return NEWREF(OBJ_NOTIMPL);
    return obj_richcompare(ta, tb, op);
}
static Object *st_repr(Object *self) {
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "time.struct_time(");
    for (int i = 0; i < 9; i++) {
        sb_printf(&sb, "%s%s=", i ? ", " : "", tm_fields[i]);
        if (sb_append_repr(&sb, tuple_get(((StructTime *)self)->items, (size_t)i)) < 0) {
            sb_free(&sb);
            return NULL;
        }
    }
    sb_append_char(&sb, ')');
    return sb_finish(&sb);
}

static const GetSetDef st_getsets[] = {
    {"tm_year", st_field, NULL, NULL, (void *)0}, {"tm_mon", st_field, NULL, NULL, (void *)1},
    {"tm_mday", st_field, NULL, NULL, (void *)2}, {"tm_hour", st_field, NULL, NULL, (void *)3},
    {"tm_min", st_field, NULL, NULL, (void *)4}, {"tm_sec", st_field, NULL, NULL, (void *)5},
    {"tm_wday", st_field, NULL, NULL, (void *)6}, {"tm_yday", st_field, NULL, NULL, (void *)7},
    {"tm_isdst", st_field, NULL, NULL, (void *)8},
    {NULL, NULL, NULL, NULL, NULL},
};

static TypeObject StructTimeType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "time.struct_time",
    .basicsize = sizeof(StructTime),
    .base = &ObjectType,
    .dealloc = st_dealloc,
    .repr = st_repr,
    .richcompare = st_richcompare,
    .len = st_len,
    .getitem = st_getitem,
    .iter = st_iter,
    .getsets = st_getsets,
};

static Object *tm_to_tuple(const struct tm *tm) {
    int wday = (tm->tm_wday + 6) % 7;   /* Python: Monday is 0 */
    int64_t v[9] = {tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
                    tm->tm_min, tm->tm_sec, wday, tm->tm_yday + 1, tm->tm_isdst};
    Object *t = tuple_new(9);
    if (!t) return NULL;
    for (int i = 0; i < 9; i++) {
        tuple_items(t)[i] = int_from_i64(v[i]);
        if (!tuple_items(t)[i]) { DECREF(t); return NULL; }
    }
    StructTime *st = (StructTime *)obj_alloc(&StructTimeType, sizeof(StructTime));
    if (!st) { DECREF(t); return NULL; }
    st->items = t;
    return (Object *)st;
}

static int tuple_to_tm(Object *o, struct tm *tm) {
    Object *t = obj_to_tuple(o);
    if (!t) return -1;
    if (tuple_size(t) != 9) {
        DECREF(t);
        err_set(Exc_TypeError, "time tuple must have exactly 9 elements");
        return -1;
    }
    int64_t v[9];
    for (int i = 0; i < 9; i++) {
        v[i] = obj_as_index(tuple_get(t, i));
        if (v[i] == -1 && err_occurred()) { DECREF(t); return -1; }
    }
    DECREF(t);
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)v[0] - 1900;
    tm->tm_mon = (int)v[1] - 1;
    tm->tm_mday = (int)v[2];
    tm->tm_hour = (int)v[3];
    tm->tm_min = (int)v[4];
    tm->tm_sec = (int)v[5];
    tm->tm_wday = (int)((v[6] + 1) % 7);
    tm->tm_yday = (int)v[7] - 1;
    tm->tm_isdst = (int)v[8];
    return 0;
}

static int seconds_arg(Object *const *args, size_t nargs, time_t *out) {
    if (nargs == 0 || args[0] == OBJ_NONE) { *out = time(NULL); return 0; }
    double d = float_as_double(args[0]);
    if (d == -1.0 && err_occurred()) return -1;
    *out = (time_t)floor(d);
    return 0;
}

TIMEFUNC(t_localtime) {
    if (arg_count("localtime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    struct tm tm;
    if (seconds_arg(args, nargs, &t) < 0) return NULL;
    if (!localtime_r(&t, &tm)) return err_set(Exc_OverflowError, "timestamp out of range for platform time_t");
    return tm_to_tuple(&tm);
}

TIMEFUNC(t_gmtime) {
    if (arg_count("gmtime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    struct tm tm;
    if (seconds_arg(args, nargs, &t) < 0) return NULL;
    if (!gmtime_r(&t, &tm)) return err_set(Exc_OverflowError, "timestamp out of range for platform time_t");
    return tm_to_tuple(&tm);
}

TIMEFUNC(t_mktime) {
    if (arg_count("mktime", nargs, 1, 1) < 0) return NULL;
    struct tm tm;
    if (tuple_to_tm(args[0], &tm) < 0) return NULL;
    time_t t = mktime(&tm);
    if (t == (time_t)-1) return err_set(Exc_OverflowError, "mktime argument out of range");
    return float_from_double((double)t);
}

TIMEFUNC(t_strftime) {
    if (arg_count("strftime", nargs, 1, 2) < 0) return NULL;
    if (!STR_CHECK(args[0]))
        return err_format(Exc_TypeError, "strftime() argument 1 must be str, not %T", args[0]);
    struct tm tm;
    if (nargs == 2) {
        if (tuple_to_tm(args[1], &tm) < 0) return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    if (str_size(args[0]) == 0) return str_from_cstr("");
    for (size_t cap = 256; cap < 65536; cap *= 4) {
        char *buf = mem_alloc(cap);
        size_t n = strftime(buf, cap, str_data(args[0]), &tm);
        if (n > 0) {
            Object *r = str_from_utf8(buf, n);
            mem_free(buf);
            return r;
        }
        mem_free(buf);
    }
    return str_from_cstr("");
}

static Object *asctime_of(const struct tm *tm) {
    char buf[64];
    strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", tm);
    return str_from_cstr(buf);
}

TIMEFUNC(t_asctime) {
    if (arg_count("asctime", nargs, 0, 1) < 0) return NULL;
    struct tm tm;
    if (nargs == 1) {
        if (tuple_to_tm(args[0], &tm) < 0) return NULL;
    } else {
        time_t t = time(NULL);
        localtime_r(&t, &tm);
    }
    return asctime_of(&tm);
}

TIMEFUNC(t_ctime) {
    if (arg_count("ctime", nargs, 0, 1) < 0) return NULL;
    time_t t;
    struct tm tm;
    if (seconds_arg(args, nargs, &t) < 0) return NULL;
    localtime_r(&t, &tm);
    return asctime_of(&tm);
}

static const MethodDef time_methods[] = {
    {"time", t_time, 0, "Return the current time in seconds since the Epoch."},
    {"time_ns", t_time_ns, 0, "Return the current time in nanoseconds since the Epoch."},
    {"perf_counter", t_monotonic, 0, "Performance counter for benchmarking."},
    {"perf_counter_ns", t_monotonic_ns, 0, "Performance counter for benchmarking as nanoseconds."},
    {"monotonic", t_monotonic, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", t_monotonic_ns, 0, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"process_time", t_process_time, 0, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", t_process_time_ns, 0, NULL},
    {"thread_time", t_thread_time, 0, "Thread time for profiling."},
    {"sleep", t_sleep, 0, "Delay execution for a given number of seconds."},
    {"localtime", t_localtime, 0, NULL},
    {"gmtime", t_gmtime, 0, NULL},
    {"mktime", t_mktime, 0, NULL},
    {"strftime", t_strftime, 0, NULL},
    {"asctime", t_asctime, 0, NULL},
    {"ctime", t_ctime, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Object *time_module_init(void) {
    Object *m = module_new("time");
    if (!m) return NULL;
    if (module_add_methods(m, time_methods) < 0) { DECREF(m); return NULL; }
    tzset();
    if (type_ready(&StructTimeType) < 0 || module_add(m, "struct_time", (Object *)&StructTimeType) < 0) {
        DECREF(m);
        return NULL;
    }
    Object *tz = int_from_i64(timezone);
    if (!tz || module_add(m, "timezone", tz) < 0) { XDECREF(tz); DECREF(m); return NULL; }
    DECREF(tz);
    return m;
}
