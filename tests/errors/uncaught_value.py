def parse(text):
    return int(text)


def load(items):
    total = 0
    for item in items:
        total += parse(item)
    return total


print(load(["1", "2", "three"]))
