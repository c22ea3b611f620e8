# copy: shallow/deep copies of containers and instances, memo, cycles,
# __copy__/__deepcopy__, __getstate__/__setstate__, __slots__, subclasses.
import copy
from collections import namedtuple

a = [1, [2, 3], {'k': [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d[1] is a[1], d[2]['k'] is a[2]['k'])
a[1].append(99)
print(s, d)

t = (1, 2, 3)
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
dt2 = copy.deepcopy(t2)
print(dt2, dt2 is t2, dt2[1] is t2[1])
fs = frozenset([1, 2])
print(copy.copy(fs) is fs, copy.deepcopy(fs) == fs)
st = {1, 2, 3}
print(copy.copy(st) == st, copy.copy(st) is st, sorted(copy.deepcopy(st)))
for atom in [None, 1, 2.5, 'x', b'y', True, len, int, range(3), Ellipsis]:
    print(repr(atom), copy.copy(atom) is atom, copy.deepcopy(atom) is atom)
ba = bytearray(b'abc')
print(copy.copy(ba), copy.copy(ba) is ba, copy.deepcopy(ba))

# shared references and cycles
shared = [1, 2]
outer = [shared, shared]
douter = copy.deepcopy(outer)
print(douter, douter[0] is douter[1], douter[0] is shared)
cyc = [1]
cyc.append(cyc)
dcyc = copy.deepcopy(cyc)
print(dcyc[1] is dcyc, dcyc is cyc, len(dcyc))
dd = {'self': None}
dd['self'] = dd
ddc = copy.deepcopy(dd)
print(ddc['self'] is ddc, ddc is dd)

memo = {}
x = [1, 2]
y1 = copy.deepcopy(x, memo)
y2 = copy.deepcopy(x, memo)
print(y1 is y2, id(x) in memo)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tags = ['p']

    def __repr__(self):
        return 'Point(%r, %r, %r)' % (self.x, self.y, self.tags)


p = Point(1, 2)
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.tags.append('changed')
print(p2, p3, p2.tags is p.tags, p3.tags is p.tags, type(p3).__name__)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('__copy__ called')
        return Custom(self.v + ['shallow'])

    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo) + ['deep'])


c = Custom([0])
print(copy.copy(c).v, copy.deepcopy(c).v)
cs = copy.deepcopy([c, c])
print(cs[0] is cs[1], cs[0].v)


class Stateful:
    def __init__(self):
        self.a = 1
        self.cache = 'big'

    def __getstate__(self):
        st = dict(self.__dict__)
        del st['cache']
        return st

    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = 'rebuilt'


sf = copy.deepcopy(Stateful())
print(sf.a, sf.cache)
sf2 = copy.copy(Stateful())
print(sf2.a, sf2.cache)


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = [1]


sl = Slotted()
sl2 = copy.copy(sl)
sl3 = copy.deepcopy(sl)
print(sl2.a, sl2.a is sl.a, sl3.a, sl3.a is sl.a, hasattr(sl3, 'b'))


class MyList(list):
    pass


class MyDict(dict):
    pass


ml = MyList([1, [2]])
ml.extra = 'e'
ml2 = copy.deepcopy(ml)
print(type(ml2).__name__, ml2, ml2[1] is ml[1], ml2.extra)
md = MyDict(a=[1])
md2 = copy.copy(md)
print(type(md2).__name__, md2, md2['a'] is md['a'])

P = namedtuple('P', 'x y')
np_ = P(1, [2])
np2 = copy.copy(np_)
np3 = copy.deepcopy(np_)
print(np2, np3, np3.y is np_.y, type(np3).__name__)


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None


root = Node('root')
kid = Node('kid')
kid.parent = root
root.children.append(kid)
r2 = copy.deepcopy(root)
print(r2.children[0].parent is r2, r2.children[0] is kid, r2.children[0].name)
print(copy.Error.__name__, issubclass(copy.Error, Exception))
