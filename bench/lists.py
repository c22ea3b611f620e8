# List building, indexing, slicing, sorting and comprehensions.
def build(n):
    out = []
    for i in range(n):
        out.append((i * 7919) % 10007)
    return out
checksum = 0
for rep in range(25):
    data = build(100000)
    squares = [x * x for x in data if x % 2]
    data.sort()
    rev = sorted(squares, reverse=True)
    chunk = data[1000:5000:3]
    checksum += data[500] + rev[0] + len(chunk) + sum(chunk) + len(squares)
    pairs = [(x, -x) for x in chunk]
    pairs.sort(key=lambda p: p[1])
    checksum += pairs[0][0]
print(checksum)
