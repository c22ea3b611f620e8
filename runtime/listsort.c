/* listsort.c — the stable sort behind list.sort() and sorted().
 *
 * A simplified timsort: the input is cut into natural runs (ascending, or
 * strictly descending and then reversed in place), short runs are extended
 * to `minrun` items by binary insertion sort, and runs are merged pairwise
 * under timsort's stack invariants, so already-sorted and reverse-sorted
 * input costs O(n) comparisons and everything else O(n log n). Galloping
 * is left out; each merge first trims the parts of both runs that are
 * already in place by binary search.
 *
 * Only "<" is ever asked, and an item never moves past an equal one, so the
 * sort is stable. When all keys are of one simple type (small exact ints,
 * exact strs, exact floats) comparisons skip the generic protocol, as
 * CPython's pre-sort type check does.
 *
 * Errors: when a comparison raises, the sort stops asking and finishes
 * moving items without comparing, so the arrays always stay a permutation
 * of the input (nothing is lost or duplicated) and -1 is returned.
 */
#include <string.h>
#include "gilt.h"

typedef enum { KEYS_GENERIC, KEYS_INT, KEYS_STR, KEYS_FLOAT } KeyKind;

typedef struct SortState {
    Object **keys;        /* compared                                   */
    Object **values;      /* moved in step with keys; NULL if none      */
    KeyKind kind;
    bool failed;          /* a comparison raised: stop comparing         */
    Object **tmp_keys;    /* merge buffer                               */
    Object **tmp_values;
    size_t tmp_size;
} SortState;

/* keys[a] < keys[b]; after an error every answer is "no". */
static inline bool less(SortState *st, Object *a, Object *b) {
    switch (st->kind) {
    case KEYS_INT:
        return int_small(a) < int_small(b);
    case KEYS_FLOAT:
        return float_value(a) < float_value(b);
    case KEYS_STR: {
        /* UTF-8 byte order is code point order. */
        size_t na = str_size(a), nb = str_size(b);
        int c = memcmp(str_data(a), str_data(b), na < nb ? na : nb);
        return c < 0 || (c == 0 && na < nb);
    }
    default:
        if (st->failed) return false;
        int r = obj_richcompare_bool(a, b, CMP_LT);
        if (r < 0) { st->failed = true; return false; }
        return r;
    }
}

static KeyKind classify_keys(Object **keys, size_t n) {
    TypeObject *t = TYPE(keys[0]);
    if (t != &IntType && t != &StrType && t != &FloatType) return KEYS_GENERIC;
    for (size_t i = 0; i < n; i++) {
        if (TYPE(keys[i]) != t) return KEYS_GENERIC;
        if (t == &IntType && !int_is_small(keys[i])) return KEYS_GENERIC;
    }
    return t == &IntType ? KEYS_INT : t == &StrType ? KEYS_STR : KEYS_FLOAT;
}

static void reverse_range(SortState *st, size_t lo, size_t hi) {
    if (hi - lo < 2) return;
    for (size_t i = lo, j = hi - 1; i < j; i++, j--) {
        Object *k = st->keys[i]; st->keys[i] = st->keys[j]; st->keys[j] = k;
        if (st->values) {
            Object *v = st->values[i]; st->values[i] = st->values[j]; st->values[j] = v;
        }
    }
}

/* Sort [lo, hi) by binary insertion, knowing [lo, start) is sorted. */
static void binary_insertion(SortState *st, size_t lo, size_t hi, size_t start) {
    for (size_t i = start; i < hi; i++) {
        Object *key = st->keys[i];
        Object *value = st->values ? st->values[i] : NULL;
        size_t l = lo, r = i;
        while (l < r) {               /* first position whose key > key */
            size_t m = l + (r - l) / 2;
            if (less(st, key, st->keys[m])) r = m; else l = m + 1;
        }
        memmove(&st->keys[l + 1], &st->keys[l], (i - l) * sizeof(Object *));
        st->keys[l] = key;
        if (st->values) {
            memmove(&st->values[l + 1], &st->values[l], (i - l) * sizeof(Object *));
            st->values[l] = value;
        }
    }
}

/* Length of the run starting at lo (made ascending). */
static size_t count_run(SortState *st, size_t lo, size_t hi) {
    size_t i = lo + 1;
    if (i == hi) return 1;
    if (less(st, st->keys[i], st->keys[lo])) {
        /* strictly descending: safe to reverse without breaking stability */
        while (i + 1 < hi && less(st, st->keys[i + 1], st->keys[i])) i++;
        reverse_range(st, lo, i + 1);
    } else {
        while (i + 1 < hi && !less(st, st->keys[i + 1], st->keys[i])) i++;
    }
    return i + 1 - lo;
}

static size_t compute_minrun(size_t n) {
    size_t r = 0;
    while (n >= 64) { r |= n & 1; n >>= 1; }
    return n + r;
}

static void ensure_tmp(SortState *st, size_t n) {
    if (st->tmp_size >= n) return;
    mem_free(st->tmp_keys);
    mem_free(st->tmp_values);
    st->tmp_keys = mem_alloc(n * sizeof(Object *));
    st->tmp_values = st->values ? mem_alloc(n * sizeof(Object *)) : NULL;
    st->tmp_size = n;
}

static void move_items(SortState *st, Object **dk, Object **dv, Object **sk, Object **sv,
                       size_t n) {
    memmove(dk, sk, n * sizeof(Object *));
    if (st->values) memmove(dv, sv, n * sizeof(Object *));
}

/* Merge the adjacent sorted runs [lo, mid) and [mid, hi). */
static void merge(SortState *st, size_t lo, size_t mid, size_t hi) {
    Object **k = st->keys, **v = st->values;
    /* Items of the left run <= right[0] are already in place. */
    {
        size_t l = lo, r = mid;
        while (l < r) {
            size_t m = l + (r - l) / 2;
            if (less(st, k[mid], k[m])) r = m; else l = m + 1;
        }
        lo = l;
    }
    if (lo == mid) return;
    /* Items of the right run >= left[last] are already in place. */
    {
        size_t l = mid, r = hi;
        while (l < r) {
            size_t m = l + (r - l) / 2;
            if (less(st, k[m], k[mid - 1])) l = m + 1; else r = m;
        }
        hi = l;
    }
    if (hi == mid) return;
    size_t nl = mid - lo, nr = hi - mid;
    if (nl <= nr) {
        /* Copy the left run out and merge forwards. */
        ensure_tmp(st, nl);
        move_items(st, st->tmp_keys, st->tmp_values, k + lo, v ? v + lo : NULL, nl);
        size_t a = 0, b = mid, d = lo;
        while (a < nl && b < hi) {
            if (less(st, k[b], st->tmp_keys[a])) {
                k[d] = k[b]; if (v) v[d] = v[b];
                b++;
            } else {
                k[d] = st->tmp_keys[a]; if (v) v[d] = st->tmp_values[a];
                a++;
            }
            d++;
        }
        move_items(st, k + d, v ? v + d : NULL, st->tmp_keys + a,
                   v ? st->tmp_values + a : NULL, nl - a);
    } else {
        /* Copy the right run out and merge backwards. */
        ensure_tmp(st, nr);
        move_items(st, st->tmp_keys, st->tmp_values, k + mid, v ? v + mid : NULL, nr);
        size_t a = mid, b = nr, d = hi;     /* a, b, d: one past the next item */
        while (a > lo && b > 0) {
            if (less(st, st->tmp_keys[b - 1], k[a - 1])) {
                d--; a--;
                k[d] = k[a]; if (v) v[d] = v[a];
            } else {
                d--; b--;
                k[d] = st->tmp_keys[b]; if (v) v[d] = st->tmp_values[b];
            }
        }
        move_items(st, k + lo, v ? v + lo : NULL, st->tmp_keys,
                   v ? st->tmp_values : NULL, b);
    }
}

typedef struct Run { size_t start, len; } Run;

int listsort_sort(Object **keys, Object **values, size_t n) {
    if (n < 2) return 0;
    SortState st = {keys, values, classify_keys(keys, n), false, NULL, NULL, 0};
    Run stack[128];
    size_t depth = 0;
    size_t minrun = compute_minrun(n);
    size_t lo = 0;
    while (lo < n) {
        size_t len = count_run(&st, lo, n);
        if (len < minrun) {
            size_t forced = n - lo < minrun ? n - lo : minrun;
            binary_insertion(&st, lo, lo + forced, lo + len);
            len = forced;
        }
        stack[depth++] = (Run){lo, len};
        lo += len;
        /* Restore timsort's invariants on the run lengths (the corrected
         * rule: also look one level deeper). */
        while (depth > 1) {
            size_t i = depth - 2;
            if ((i > 0 && stack[i - 1].len <= stack[i].len + stack[i + 1].len) ||
                (i > 1 && stack[i - 2].len <= stack[i - 1].len + stack[i].len)) {
                if (stack[i - 1].len < stack[i + 1].len) i--;
            } else if (stack[i].len > stack[i + 1].len) {
                break;
            }
            merge(&st, stack[i].start, stack[i + 1].start,
                  stack[i + 1].start + stack[i + 1].len);
            stack[i].len += stack[i + 1].len;
            for (size_t j = i + 1; j + 1 < depth; j++) stack[j] = stack[j + 1];
            depth--;
        }
    }
    while (depth > 1) {
        size_t i = depth - 2;
        if (i > 0 && stack[i - 1].len < stack[i + 1].len) i--;
        merge(&st, stack[i].start, stack[i + 1].start, stack[i + 1].start + stack[i + 1].len);
        stack[i].len += stack[i + 1].len;
        for (size_t j = i + 1; j + 1 < depth; j++) stack[j] = stack[j + 1];
        depth--;
    }
    mem_free(st.tmp_keys);
    mem_free(st.tmp_values);
    return st.failed ? -1 : 0;
}
