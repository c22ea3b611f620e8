# dataclasses: generated __init__/__repr__/__eq__, defaults and
# default_factory, order=True, frozen=True, hashing rules, inheritance,
# __post_init__/InitVar, kw_only, fields/asdict/astuple/replace, errors.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         is_dataclass, FrozenInstanceError, InitVar, KW_ONLY,
                         MISSING, make_dataclass)
from typing import ClassVar, List


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(5), Point(y=3, x=4), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point.y, Point.__match_args__, Point.__hash__, is_dataclass(p), is_dataclass(Point), is_dataclass(3))
p.x = 10
print(p, p.x)
for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {'z': 2}), ((1,), {'x': 2})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)


@dataclass
class Inventory:
    name: str
    tags: List[str] = field(default_factory=list)
    count: int = field(default=1, repr=False)
    secret: str = field(default='s', compare=False)
    cache: dict = field(default_factory=dict, init=False, repr=False)
    total: ClassVar[int] = 0


a = Inventory('apple')
b = Inventory('apple')
a.tags.append('red')
print(a, b, a.tags is b.tags, a.count, a.cache)
print(Inventory('x', ['t'], 3, 'other') == Inventory('x', ['t'], 3, 's'))
print([f.name for f in fields(Inventory)], Inventory.total, hasattr(Inventory, 'tags'))
print([(f.name, f.init, f.repr, f.compare) for f in fields(a)])
print(fields(Point)[1].default, fields(Inventory)[1].default_factory is list,
      fields(Point)[0].default is MISSING, fields(Point)[0].type)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 0)]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9), max(vs))
try:
    Version(1) < (1, 0, 0)
except TypeError as e:
    print('TypeError', e)


@dataclass(frozen=True)
class Frozen:
    name: str
    value: float = 1.5


fz = Frozen('k')
print(fz, hash(fz) == hash(Frozen('k')), {fz: 1}[Frozen('k')])
try:
    fz.name = 'other'
except FrozenInstanceError as e:
    print('FrozenInstanceError', e, isinstance(e, AttributeError))
try:
    del fz.value
except FrozenInstanceError as e:
    print('FrozenInstanceError', e)
try:
    fz.new_attr = 1
except AttributeError as e:
    print('AttributeError', e)
print(replace(fz, value=2.5), fz)


@dataclass(unsafe_hash=True)
class Hashed:
    a: int
    b: int = field(default=0, hash=False)


print(hash(Hashed(1, 2)) == hash(Hashed(1, 3)), Hashed(1, 2) == Hashed(1, 3))


@dataclass(eq=False)
class NoEq:
    v: int


print(NoEq(1) == NoEq(1), NoEq(1).__hash__ is not None)


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Derived(Base):
    z: int = 2
    y: int = 5


print(Derived(0), Derived(0, 1, 2), [f.name for f in fields(Derived)])


@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 10

    def __post_init__(self, scale):
        self.b = self.a * scale


wp = WithPost(3)
print(wp, WithPost(2, 5), [f.name for f in fields(wp)], hasattr(wp, 'scale') and wp.scale)


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int


print(KW(1, c=3), KW(1, b=2, c=4))
try:
    KW(1, 2, 3)
except TypeError as e:
    print('TypeError', e)
try:
    KW(1)
except TypeError as e:
    print('TypeError', e)


@dataclass(kw_only=True)
class AllKw:
    a: int
    b: int = 2


print(AllKw(a=1), AllKw.__match_args__)


@dataclass
class Custom:
    v: int

    def __repr__(self):
        return 'Custom<%d>' % self.v

    def double(self):
        return Custom(self.v * 2)


print(Custom(4), Custom(4).double(), Custom(1) == Custom(1))


@dataclass
class Nested:
    name: str
    points: list
    mapping: dict
    inner: Point = None


n = Nested('n', [Point(1, 2), Point(3)], {'k': Point(0, 0)}, Point(9, 9))
print(asdict(n))
print(astuple(n))
print(asdict(Point(1, 2)), astuple(Point(1, 2)))
d = asdict(n)
d['points'][0]['x'] = 100
print(n.points[0].x)

for bad in ['mutable', 'order']:
    try:
        if bad == 'mutable':
            @dataclass
            class Bad:
                items: list = []
        else:
            @dataclass
            class Bad2:
                a: int = 1
                b: int
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    fields(3)
except TypeError as e:
    print('TypeError', e)
try:
    asdict(Point)
except TypeError as e:
    print('TypeError', e)

Pt3 = make_dataclass('Pt3', [('x', int), ('y', int, field(default=7))])
print(Pt3(1), Pt3(1, 2) == Pt3(1, 2))


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)


root = Node(1, [Node(2), Node(3, [Node(4)])])
print(root)
match Point(1, 2):
    case Point(1, y):
        print('matched y =', y)
