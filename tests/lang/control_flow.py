# if/elif/else, for/while with else, break/continue, nested loops, pass.
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i == 8:
        break
    print("even", i)
else:
    print("never printed")
j = 0
while j < 3:
    j += 1
else:
    print("while-else ran", j)
for x in []:
    print("never")
else:
    print("empty for-else")
def classify(v):
    if v < 0:
        return "neg"
    elif v == 0:
        return "zero"
    elif v < 10:
        return "small"
    else:
        return "big"
print([classify(v) for v in (-5, 0, 3, 99)])
total = 0
for a in range(5):
    for b in range(5):
        if b > a:
            break
        if (a + b) % 2:
            continue
        total += a * b
print(total)
outer_done = False
for a in range(3):
    for b in range(3):
        if a * b == 2:
            outer_done = True
            break
    if outer_done:
        break
print(a, b)
k = 10
while True:
    k -= 3
    if k < 0:
        break
print(k)
if 0: print("no")
elif []: print("no")
else: print("falsy chain")
x = 5 if k else 6
print(x, "yes" if [0] else "no", "" or "default", 0 and 1, 1 and 2, None or 0 or "last")
for i in range(3): pass
print(i)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for c in "abc":
    for d in "xy":
        print(c + d, end=",")
print()
count = 0
for i in range(100000):
    if i % 3 == 0 or i % 5 == 0:
        count += i
print(count)
