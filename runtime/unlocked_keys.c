/* unlocked_keys.c — comparing two keys without a lock (dict.c, set.c).
 *
 * A thread that reads a shared dict or set without its lock finds a stored
 * key with the hash it is looking for that is not the very key it holds.
 * Whether the two are equal it may settle alone only when no gilt code
 * runs (no __eq__) and neither key can change: exact strs, compared by
 * their bytes, and small exact ints, compared by value. The stored key
 * stays readable even if a writer drops it meanwhile (writers mark the
 * keys they drop, refcount.h, and QSBR delays their deallocation), and
 * neither strs nor ints ever change once another reference exists (the
 * eval loop reuses only uniquely referenced ints in place).
 *
 * Out of line on purpose: it runs only on a hash match with a key that is
 * not identical, and its memcmp call would make every inlined probe loop
 * save registers. */
#include <string.h>
#include "gilt.h"

int keys_equal_unlocked(Object *stored, Object *key) {
    TypeObject *ts = TYPE(stored), *tk = TYPE(key);
    bool s_str = ts == &StrType, k_str = tk == &StrType;
    if (s_str && k_str)
        return str_size(stored) == str_size(key) &&
               memcmp(str_data(stored), str_data(key), str_size(key)) == 0;
    bool s_int = ts == &IntType && int_is_small(stored);
    bool k_int = tk == &IntType && int_is_small(key);
    if (s_int && k_int) return int_small(stored) == int_small(key);
    if ((s_str || s_int) && (k_str || k_int)) return 0;   /* a str never equals an int */
    return -1;
}
