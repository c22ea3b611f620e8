# The order in which a dying list's or tuple's items are dropped shows in
# their __del__ methods: last item first, as in CPython.
class T:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
l = [T(1), T(2), T(3)]
del l
t = (T(4), T(5), T(6))
del t
l = [T(7), T(8), T(9)]
l.clear()
l = [T(10), T(11), T(12), T(13)]
l[1:3] = []
print("slice done")
l = [T(14), T(15)]
l *= 0
print("end")
