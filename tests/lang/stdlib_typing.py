# typing: annotations importing and running, alias reprs, Union/Optional
# flattening, TypeVar/Generic, NamedTuple, Protocol, TypedDict, NewType,
# cast, get_origin/get_args/get_type_hints.
from typing import (Any, List, Dict, Optional, Union, Callable, Tuple, Set,
                    TypeVar, Generic, NamedTuple, Protocol, Iterable, Iterator,
                    Sequence, Mapping, ClassVar, Final, Literal, Type, cast,
                    overload, TYPE_CHECKING, NewType, TypedDict, get_origin,
                    get_args, get_type_hints, runtime_checkable, FrozenSet)
import typing

print(Any, List, Dict, Optional, Union, Callable)
print(List[int], Dict[str, int], Tuple[int, ...], Tuple[int, str], Set[bytes], FrozenSet[int])
print(Optional[int], Union[int, str], Union[int, None], Union[int, Union[str, float]], Union[int])
print(Union[int, int, str], Optional[Union[int, str]], Union[None, int])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Iterable[int], Iterator[str], Sequence[float], Mapping[str, List[int]], Type[int])
print(ClassVar[int], Final[str], Literal['a', 1], Literal[True])
T = TypeVar('T')
K = TypeVar('K', str, bytes)
V_co = TypeVar('V_co', covariant=True)
print(T, K, V_co, List[T], Dict[str, T], Dict[K, T][str, int])
print(Union[int, str] == Union[str, int], List[int] == List[int], List[int] == List[str])
print(get_origin(List[int]), get_origin(Union[int, str]) is Union, get_origin(int))
print(get_args(Dict[str, int]), get_args(Optional[int]), get_args(Callable[[int], str]), get_args(int))
print(TYPE_CHECKING, cast(int, 'not an int'), cast('List[int]', [1]))
print(isinstance([], List), isinstance({}, Dict), isinstance(3, List))


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s.items, Stack.__parameters__, type(s).__name__)


class Pair(Generic[K, T]):
    pass


print(Pair.__parameters__, isinstance(Pair(), Pair))


def greet(name: str, times: int = 1, *, loud: Optional[bool] = None) -> List[str]:
    return [name.upper() if loud else name] * times


print(greet('hi', 2), greet('yo', loud=True))
print(get_type_hints(greet))


def process(data: Dict[str, List[int]], cb: Callable[[int], int] = abs) -> Tuple[int, ...]:
    return tuple(cb(x) for v in data.values() for x in v)


print(process({'a': [-1, 2], 'b': [-3]}))


class Employee(NamedTuple):
    name: str
    id: int = 3

    def describe(self) -> str:
        return '%s #%d' % (self.name, self.id)


e = Employee('guido')
print(e, e.id, e.describe(), Employee('x', 5), e._fields, e._asdict(), isinstance(e, tuple))
print(Employee.__annotations__, e._replace(id=9))
Point = NamedTuple('Point', [('x', int), ('y', int)])
p = Point(1, 2)
print(p, p.x + p.y, Point._fields, Point.__annotations__)
x, y = p
print(x, y)


class Greeter(Protocol):
    def greet(self) -> str: ...


class English:
    def greet(self) -> str:
        return 'hello'


def use(g: Greeter) -> str:
    return g.greet()


print(use(English()))


class Movie(TypedDict):
    title: str
    year: int


m = Movie(title='Blade Runner', year=1982)
print(m, type(m).__name__, m['year'])
UserId = NewType('UserId', int)
uid = UserId(524313)
print(uid, type(uid).__name__, UserId.__name__)


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2


print(f(2), f('ab'))


class Config:
    name: str
    debug: bool = False
    limit: ClassVar[int] = 10
    tags: 'List[str]'


print(get_type_hints(Config))
try:
    Union[()]
except TypeError as e:
    print('TypeError', e)
try:
    isinstance(1, List[int])
except TypeError as e:
    print('TypeError', e)
