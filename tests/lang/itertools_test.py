# itertools: infinite iterators consumed with islice, combinatorics, grouping.
import itertools as it
from itertools import islice, count, cycle, repeat, chain
print(list(islice(count(5), 4)), list(islice(count(0, 3), 5)), list(islice(cycle("ab"), 5)), list(repeat("x", 3)))
print(list(chain([1, 2], "ab", range(2))), list(chain.from_iterable([[1], [2, 3]])), list(islice(range(10), 2, 8, 2)))
print(list(it.product("ab", repeat=2)), list(it.product([1, 2], "xy")))
print(list(it.permutations([1, 2, 3])), list(it.permutations("abc", 2)))
print(list(it.combinations(range(4), 2)), list(it.combinations_with_replacement("ab", 2)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)))
for k, grp in it.groupby("aaabbcaa"):
    print(k, list(grp))
print([(k, len(list(g))) for k, g in it.groupby(sorted([3, 1, 3, 2, 1, 3]))])
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.filterfalse(lambda x: x % 2, range(7))), list(it.pairwise("abcd")))
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b), list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(len(list(it.permutations(range(6)))), sum(1 for _ in it.combinations(range(20), 3)))
