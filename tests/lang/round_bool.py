# round(), math.trunc/floor/ceil of an int subclass answer a plain int, as
# int's own __round__/__trunc__/__floor__/__ceil__ do: round(True) is 1,
# not True.
import math

class Count(int):
    pass

for x in (True, False, Count(7), 15, -3):
    for r in (round(x), round(x, 0), round(x, 2), round(x, -1), round(x, None),
              math.trunc(x), math.floor(x), math.ceil(x)):
        print(type(r).__name__, r, end="  ")
    print()
