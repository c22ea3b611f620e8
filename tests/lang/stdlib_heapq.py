# heapq: push/pop/heapify/replace/pushpop/merge/nlargest/nsmallest; the heap
# list's layout must equal CPython's exactly.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 0, 6]:
    heapq.heappush(h, x)
    print('push', x, h)
out = []
while h:
    out.append(heapq.heappop(h))
print('popped', out)

data = [9, 4, 7, 1, -2, 6, 5, 3, 8, 0, 2]
heapq.heapify(data)
print('heapify', data)
print('replace', heapq.heapreplace(data, 10), data)
print('pushpop small', heapq.heappushpop(data, -5), data)
print('pushpop big', heapq.heappushpop(data, 4), data)
print('pushpop empty', heapq.heappushpop([], 3))

try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
try:
    heapq.heapreplace([], 1)
except IndexError as e:
    print('IndexError', e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print('TypeError', e)

# tuples as priority entries
tasks = []
for prio, name in [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'a2'), (5, 'e')]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])

# heap sort of many values
import random
rng = random.Random(12345)
vals = [rng.randrange(1000) for _ in range(200)]
h = list(vals)
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(len(h))] == sorted(vals))

print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([1, 3, 5], [], [2, 4], [0, 10, 11, 12])))
print(list(heapq.merge()))
print(list(heapq.merge([5, 3, 1], [6, 4, 2], reverse=True)))
print(list(heapq.merge(['a', 'bbb'], ['cc', 'dddd'], key=len)))
print(list(heapq.merge([(1, 'x'), (2, 'x')], [(1, 'y'), (2, 'y')], key=lambda t: t[0])))
print(list(heapq.merge([(3, 'x'), (1, 'x')], [(3, 'y'), (1, 'y')], key=lambda t: t[0], reverse=True)))
print(list(heapq.merge(iter([1, 2]), (x for x in [0, 3]))))

nums = [5, 1, 8, 3, 9, 2, 8, 7]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums))
print(heapq.nlargest(1, nums), heapq.nsmallest(1, nums))
print(heapq.nlargest(0, nums), heapq.nsmallest(-1, nums))
print(heapq.nlargest(20, nums), heapq.nsmallest(20, nums))
print(heapq.nlargest(1, []), heapq.nsmallest(1, []))
words = ['pear', 'fig', 'banana', 'kiwi', 'apple', 'date']
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(2, words, key=len))
print(heapq.nsmallest(3, iter(nums)), heapq.nlargest(3, (n * 2 for n in nums)))
print(heapq.nsmallest(3, [(2, 'b'), (1, 'z'), (1, 'a')], key=lambda t: t[0]))
