# PENDING: needs the cycle collector and a `gc` module (planned, see
# DESIGN.md "Cycle collector"). Reference cycles are reclaimed by
# gc.collect(), running __del__ of the objects in them.
import gc
log = []
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        log.append(self.name)
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
print("before collect:", log)
gc.collect()
print("after collect:", sorted(log))
l = []
l.append(l)
del l
print(gc.collect() >= 1)
print(gc.isenabled(), callable(gc.disable), callable(gc.enable))
