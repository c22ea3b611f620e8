# Classes, method calls, attribute reads and writes, properties.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def dot(self, other):
        return self.x * other.x + self.y * other.y
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)
class Particle:
    count = 0
    def __init__(self, i):
        self.pos = Vector(i, -i)
        self.vel = Vector(1, 2)
        Particle.count += 1
    def step(self):
        self.pos = self.pos.add(self.vel)
        return self.pos.norm1
def run(n, steps):
    ps = [Particle(i) for i in range(n)]
    total = 0
    for _ in range(steps):
        for p in ps:
            total += p.step()
            total += p.pos.dot(p.vel) & 7
    return total
print(run(1000, 1600), Particle.count)
