# enum: Enum/IntEnum/StrEnum/Flag/IntFlag, auto, unique, aliases, lookups,
# reprs/str/format as 3.11 prints them, methods and properties on members,
# tuple values with __init__, custom __new__, _missing_, functional API,
# and the error messages.
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1          # alias of RED

    def describe(self):
        return '%s is %d' % (self.name, self.value)

    @property
    def lower(self):
        return self.name.lower()

    @classmethod
    def default(cls):
        return cls.GREEN


print(list(Color), len(Color))
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, Color(1).name)
print(Color.RED.describe(), Color.BLUE.lower, Color.default())
print(type(Color.RED), isinstance(Color.GREEN, Color), type(Color), repr(Color))
print(Color.RED in Color, Color.RED == Color.RED, Color.RED != Color.BLUE, Color.RED == 1)
print(list(Color.__members__), [m.name for m in reversed(Color)])
print(f'{Color.RED}', format(Color.GREEN), '{}'.format(Color.BLUE), f'{Color.RED:>12}|')
print(hash(Color.RED) == hash(Color.CRIMSON), {Color.RED: 'r'}[Color.CRIMSON])
print(Color._member_names_, sorted(Color._value2member_map_))
print(bool(Color.RED), Color.RED is Color(Color.RED))
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
try:
    Color['PINK']
except KeyError as e:
    print('KeyError', e)
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError', e)
try:
    del Color.RED
except AttributeError as e:
    print('AttributeError', e)
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print('TypeError', e)
try:
    class MoreColor(Color):
        PINK = 4
except TypeError as e:
    print('TypeError', e)
try:
    class Dup(Enum):
        A = 1
        A = 2
except TypeError as e:
    print('TypeError', e)
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
        UNO = 1
except ValueError as e:
    print('ValueError', e)


@unique
class Weekday(Enum):
    MON = auto()
    TUE = auto()
    WED = auto()


print(list(Weekday), Weekday.WED.value)


class Mixed(Enum):
    A = 10
    B = auto()
    C = 'text'
    D = (1, 2)


print(list(Mixed), Mixed((1, 2)), Mixed('text'))


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = auto()


print(Number.ONE, repr(Number.TWO), str(Number.THREE), format(Number.ONE, '03d'), f'{Number.TWO}')
print(Number.ONE + 1, Number.TWO * 3, Number.THREE == 3, Number(2), sorted([Number.THREE, Number.ONE]))
print(isinstance(Number.ONE, int), Number.ONE < Number.TWO, int(Number.THREE), [1, 2, 3][Number.ONE])
print(Number.TWO.name, Number.TWO.value, type(Number.TWO.value))


class Shape(StrEnum):
    CIRCLE = auto()
    SQUARE = 'sq'


print(Shape.CIRCLE, repr(Shape.CIRCLE), Shape.SQUARE == 'sq', Shape('sq'), Shape.CIRCLE.upper())
print(f'[{Shape.SQUARE}]', Shape.CIRCLE.value)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3))
print(repr(Planet.MERCURY))


class Coord(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj

    X = (0, 'horizontal')
    Y = (1, 'vertical')


print(Coord.X.value, Coord.Y.label, Coord(1), repr(Coord.X))


class Lenient(Enum):
    A = 'a'
    B = 'b'

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Lenient('A'), Lenient('b'))
try:
    Lenient('z')
except ValueError as e:
    print('ValueError', e)


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), list(rw))
print(repr(Perm.R & Perm.X), Perm(6) is rw, repr(~Perm.R), len(rw))


class Open(IntFlag):
    READ = auto()
    WRITE = auto()
    APPEND = auto()


print(list(Open), Open.READ | Open.WRITE, repr(Open.READ | Open.APPEND), Open.WRITE == 2, Open.APPEND + 0)

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal))
Pairs = Enum('Pairs', [('X', 10), ('Y', 20)])
print(list(Pairs), Pairs(20))
FromDict = Enum('FromDict', {'ONE': 'one', 'TWO': 'two'})
print(list(FromDict))
Nums = IntEnum('Nums', 'A B', start=5)
print(list(Nums), Nums.B + 0)


class Status(Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'

    def __str__(self):
        return self.value.upper()


print(Status.ACTIVE, f'{Status.INACTIVE}', repr(Status.ACTIVE))
s = Status('active')
if s is Status.ACTIVE:
    print('identity ok')
match s:
    case Status.ACTIVE:
        print('matched ACTIVE')
    case _:
        print('no match')
counts = {}
for c in [Color.RED, Color.BLUE, Color.RED, Color.CRIMSON]:
    counts[c] = counts.get(c, 0) + 1
print(counts)
