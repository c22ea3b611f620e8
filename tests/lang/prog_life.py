# A small program: Conway's game of life on a torus, printed as text,
# using sets of coordinate tuples, string building and a generation loop.
W, H = 20, 10
def parse(rows):
    return {(x, y) for y, row in enumerate(rows) for x, c in enumerate(row) if c == "#"}
def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}
def render(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))
glider = parse([".#.", "..#", "###"])
blinker = {(x + 10, 5) for x in range(3)}
world = glider | blinker
for gen in range(8):
    print(f"generation {gen}: {len(world)} alive")
    print(render(world))
    world = step(world)
for gen in range(8, 200):
    world = step(world)
print("generation 200:", len(world), sorted(world)[:6])
