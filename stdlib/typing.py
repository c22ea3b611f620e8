"""typing — enough of CPython 3.11's typing module for annotated code to
import and run: subscriptable stand-ins whose reprs match CPython's
('typing.List[int]', 'typing.Optional[str]', '~T'), TypeVar, Generic,
Protocol, NamedTuple (functional and class syntax), TypedDict, NewType,
cast, overload, final, get_origin/get_args/get_type_hints.

Nothing is checked at run time, as in CPython. Differences: aliases are
instances of one _GenericAlias class (not CPython's family of classes);
Generic[T] and Protocol[T] used as bases resolve to the plain Generic /
Protocol classes (via __mro_entries__), so __orig_bases__ holds the alias
but __parameters__ is not computed; isinstance() against an unsubscripted
alias (List, Dict, ...) checks its origin class, and against a Protocol is
a structural check of the protocol's methods only when @runtime_checkable.
TypedDict classes are plain dict subclasses.
"""

import collections as _collections

__all__ = ['Any', 'AnyStr', 'Callable', 'ClassVar', 'Dict', 'Final',
           'FrozenSet', 'Generator', 'Generic', 'Iterable', 'Iterator',
           'List', 'Literal', 'Mapping', 'NamedTuple', 'NewType', 'NoReturn',
           'Optional', 'Protocol', 'Sequence', 'Set', 'Tuple', 'Type',
           'TypeVar', 'TypedDict', 'Union', 'cast', 'overload',
           'TYPE_CHECKING', 'get_type_hints', 'get_origin', 'get_args']

TYPE_CHECKING = False


def _type_repr(obj):
    # How CPython's typing prints an argument.
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if obj is None:
        return 'None'
    if isinstance(obj, list):
        return '[%s]' % ', '.join(_type_repr(a) for a in obj)
    if callable(obj) and hasattr(obj, '__name__') and not isinstance(obj, (_SpecialForm, _GenericAlias, TypeVar)):
        return obj.__name__
    return repr(obj)


class _Final:
    __slots__ = ()


class _SpecialForm(_Final):
    """Any, Union, Optional, ClassVar, ...: a name that may be subscripted."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError('%s is not subscriptable' % self)
        return self._getitem(self, params)

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate %r' % self)

    def __instancecheck__(self, obj):
        raise TypeError('%s cannot be used with isinstance()' % self)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_Final):
    """List[int], Dict[str, int], Optional[int], Callable[[int], str], ..."""

    def __init__(self, origin, args, name=None, form=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._form = form

    def __repr__(self):
        if self._form == 'Optional':
            args = self.__args__
            other = args[1] if args[0] is type(None) else args[0]
            return 'typing.Optional[%s]' % _type_repr(other)
        if self._form == 'Callable' and len(self.__args__) >= 1:
            params = self.__args__[:-1]
            result = self.__args__[-1]
            if len(params) == 1 and params[0] is ...:
                inner = '...'
            else:
                inner = '[%s]' % ', '.join(_type_repr(a) for a in params)
            return 'typing.Callable[%s, %s]' % (inner, _type_repr(result))
        name = self._name or _type_repr(self.__origin__)
        if not self.__args__:
            return 'typing.%s[()]' % name
        return 'typing.%s[%s]' % (name, ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self.__origin__ is Union and other.__origin__ is Union:
            return set(self.__args__) == set(other.__args__)
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, params):
        # Substituting type variables: Dict[str, T][int] -> Dict[str, int].
        if not isinstance(params, tuple):
            params = (params,)
        tvars = [a for a in self.__args__ if isinstance(a, TypeVar)]
        if len(tvars) != len(params):
            raise TypeError('Too %s arguments for %r' %
                            ('many' if len(params) > len(tvars) else 'few', self))
        mapping = dict(zip(tvars, params))
        return _GenericAlias(self.__origin__,
                             tuple(mapping.get(a, a) for a in self.__args__),
                             self._name, self._form)

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, type):
            return (origin,)
        raise TypeError('Cannot subclass %r' % self)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialGenericAlias(_Final):
    """The unsubscripted List, Dict, ...: stands for its origin class."""

    def __init__(self, origin, name, nparams):
        self.__origin__ = origin
        self._name = name
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Tuple' or self._name == 'Callable':
            pass
        elif self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too %s arguments for %r; actual %d, expected %d'
                            % ('many' if len(params) > self._nparams else 'few',
                               self, len(params), self._nparams))
        if self._name == 'Callable':
            if len(params) != 2:
                raise TypeError('Callable must be used as Callable[[arg, ...], result].')
            args, result = params
            if result is None:
                result = type(None)
            if args is ...:
                return _GenericAlias(self.__origin__, (..., result), 'Callable', 'Callable')
            args = tuple(type(None) if a is None else a for a in args)
            return _GenericAlias(self.__origin__, args + (result,), 'Callable', 'Callable')
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self._name in ('Tuple', 'Callable'):
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __or__(self, other):
        return Union[self, other]


def _any_getitem(self, params):
    raise TypeError('typing.Any is not subscriptable')


def _union_getitem(self, params):
    if params == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(params, tuple):
        params = (params,)
    flat = []
    for p in params:
        if p is None:
            p = type(None)
        if isinstance(p, _GenericAlias) and p.__origin__ is Union:
            candidates = p.__args__
        else:
            candidates = (p,)
        for c in candidates:
            if c not in flat:
                flat.append(c)
    if len(flat) == 1:
        return flat[0]
    if len(flat) == 2 and type(None) in flat:
        # Printed as Optional[X] whichever side None was on, as in CPython.
        alias = _GenericAlias(Union, tuple(flat), 'Union')
        alias._form = 'Optional'
        return alias
    return _GenericAlias(Union, tuple(flat), 'Union')


def _optional_getitem(self, params):
    if isinstance(params, tuple):
        raise TypeError('typing.Optional requires a single type.')
    return Union[params, None]


def _single_getitem(self, params):
    if isinstance(params, tuple) and len(params) != 1:
        raise TypeError('%s accepts only single type.' % self)
    if isinstance(params, tuple):
        params = params[0]
    return _GenericAlias(self, (params,), self._name)


def _literal_getitem(self, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _GenericAlias(self, params, 'Literal')


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    alias = _GenericAlias(params[0], (params[0],), 'Annotated')
    alias.__metadata__ = params[1:]
    return alias


Any = _SpecialForm('Any', _any_getitem)
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
ClassVar = _SpecialForm('ClassVar', _single_getitem)
Final = _SpecialForm('Final', _single_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
Annotated = _SpecialForm('Annotated', _annotated_getitem)
TypeAlias = _SpecialForm('TypeAlias')
Concatenate = _SpecialForm('Concatenate', _literal_getitem)
TypeGuard = _SpecialForm('TypeGuard', _single_getitem)
Required = _SpecialForm('Required', _single_getitem)
NotRequired = _SpecialForm('NotRequired', _single_getitem)


def _generator_type():
    def gen():
        yield
    return type(gen())


List = _SpecialGenericAlias(list, 'List', 1)
Dict = _SpecialGenericAlias(dict, 'Dict', 2)
Set = _SpecialGenericAlias(set, 'Set', 1)
FrozenSet = _SpecialGenericAlias(frozenset, 'FrozenSet', 1)
Tuple = _SpecialGenericAlias(tuple, 'Tuple', -1)
Type = _SpecialGenericAlias(type, 'Type', 1)
Callable = _SpecialGenericAlias(object, 'Callable', -1)
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, 'DefaultDict', 2)
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, 'OrderedDict', 2)
Counter = _SpecialGenericAlias(_collections.Counter, 'Counter', 1)
Deque = _SpecialGenericAlias(_collections.deque, 'Deque', 1)
ChainMap = _SpecialGenericAlias(_collections.ChainMap, 'ChainMap', 2)
Text = str


class _AbstractStandIn:
    # The collections.abc names (Iterable, Mapping, ...) have no classes in
    # gilt; their aliases only need to subscript and print.
    pass


def _abc_alias(name, nparams):
    return _SpecialGenericAlias(_AbstractStandIn, name, nparams)


Iterable = _abc_alias('Iterable', 1)
Iterator = _abc_alias('Iterator', 1)
Generator = _abc_alias('Generator', 3)
AsyncIterable = _abc_alias('AsyncIterable', 1)
AsyncIterator = _abc_alias('AsyncIterator', 1)
AsyncGenerator = _abc_alias('AsyncGenerator', 2)
Awaitable = _abc_alias('Awaitable', 1)
Coroutine = _abc_alias('Coroutine', 3)
Sequence = _abc_alias('Sequence', 1)
MutableSequence = _abc_alias('MutableSequence', 1)
Mapping = _abc_alias('Mapping', 2)
MutableMapping = _abc_alias('MutableMapping', 2)
AbstractSet = _abc_alias('AbstractSet', 1)
MutableSet = _abc_alias('MutableSet', 1)
Collection = _abc_alias('Collection', 1)
Container = _abc_alias('Container', 1)
Reversible = _abc_alias('Reversible', 1)
Hashable = _abc_alias('Hashable', 0)
Sized = _abc_alias('Sized', 0)
KeysView = _abc_alias('KeysView', 1)
ItemsView = _abc_alias('ItemsView', 2)
ValuesView = _abc_alias('ValuesView', 1)
ContextManager = _abc_alias('ContextManager', 1)
AsyncContextManager = _abc_alias('AsyncContextManager', 1)
SupportsInt = _abc_alias('SupportsInt', 0)
SupportsFloat = _abc_alias('SupportsFloat', 0)
SupportsIndex = _abc_alias('SupportsIndex', 0)
SupportsAbs = _abc_alias('SupportsAbs', 1)
IO = _abc_alias('IO', 1)
TextIO = _abc_alias('TextIO', 0)
BinaryIO = _abc_alias('BinaryIO', 0)


class TypeVar(_Final):
    """A type variable: T = TypeVar('T'); repr '~T' ('+T'/'-T' if variant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


AnyStr = TypeVar('AnyStr', bytes, str)


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant,
                         contravariant=contravariant)


class Generic:
    """Base for generic classes: class Stack(Generic[T]) works."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError('Parameters to %s[...] must all be type variables '
                                    'or parameter specification variables.' % cls.__name__)
        return _GenericAlias(cls, params, None)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        # Record the TypeVars of the Generic[...] / Protocol[...] bases.
        params = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            if isinstance(base, _GenericAlias):
                for a in base.__args__:
                    if isinstance(a, TypeVar) and a not in params:
                        params.append(a)
        cls.__parameters__ = tuple(params)


def _generic_repr_name(cls):
    if cls.__module__ == 'typing':
        return 'typing.' + cls.__qualname__
    return '%s.%s' % (cls.__module__, cls.__qualname__)


# Aliases of user generic classes print as '__main__.Stack[int]'.
_plain_alias_repr = _GenericAlias.__repr__


def _alias_repr(self):
    origin = self.__origin__
    if self._name is None and isinstance(origin, type):
        if not self.__args__:
            return '%s[()]' % _generic_repr_name(origin)
        return '%s[%s]' % (_generic_repr_name(origin),
                           ', '.join(_type_repr(a) for a in self.__args__))
    return _plain_alias_repr(self)


_GenericAlias.__repr__ = _alias_repr


class Protocol(Generic):
    """Base for structural types; isinstance works with @runtime_checkable."""

    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    """Let isinstance(obj, cls) check for the protocol's methods."""
    members = [name for name, value in cls.__dict__.items()
               if not name.startswith('_') or name in ('__call__', '__iter__', '__len__')]
    cls._protocol_members = members
    return cls


def cast(typ, val):
    """Return val unchanged (a hint for type checkers)."""
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            'You should not call an overloaded function. A series of @overload-decorated '
            'functions outside a stub module should always be followed by an '
            'implementation that is not @overload-ed.')
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def assert_never(arg):
    raise AssertionError('Expected code to be unreachable, but got: %r' % (arg,))


def reveal_type(obj):
    import sys
    print('Runtime type is %r' % type(obj).__name__, file=sys.stderr)
    return obj


def get_origin(tp):
    """List[int] -> list, Union[int, str] -> Union, int -> None."""
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        if getattr(tp, '_name', None) == 'Annotated':
            return Annotated
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """List[int] -> (int,), Callable[[int], str] -> ([int], str)."""
    if isinstance(tp, _GenericAlias):
        if getattr(tp, '_name', None) == 'Annotated':
            return (tp.__origin__,) + tp.__metadata__
        args = tp.__args__
        if tp._form == 'Callable' and not (len(args) == 2 and args[0] is ...):
            return (list(args[:-1]), args[-1])
        return args
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of obj (and its bases, for a class), strings evaluated."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            module = __import__(base.__module__) if globalns is None else None
            ns = globalns if globalns is not None else getattr(module, '__dict__', {})
            for name, value in ann.items():
                hints[name] = _eval_hint(value, ns, localns)
        return hints
    ann = getattr(obj, '__annotations__', None) or {}
    ns = globalns if globalns is not None else getattr(obj, '__globals__', {})
    for name, value in ann.items():
        value = _eval_hint(value, ns, localns)
        if value is None:
            value = type(None)
        hints[name] = value
    return hints


def _eval_hint(value, globalns, localns):
    if isinstance(value, str):
        return eval(value, globalns, localns)
    return value


def NewType(name, tp):
    """A callable that returns its argument, named like a distinct type."""
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


# ---- NamedTuple --------------------------------------------------------------

class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get('_root', False):
            return type.__new__(mcls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        field_names = list(types)
        defaults = []
        for name in field_names:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                raise TypeError('Non-default namedtuple field %s cannot follow '
                                'default field%s %s' % (name, 's' if len(defaults) > 1 else '',
                                                        ', '.join(field_names[:len(defaults)])))
        nt = _collections.namedtuple(typename, field_names, defaults=defaults,
                                     module=ns.get('__module__', '__main__'))
        nt.__annotations__ = dict(types)
        for key, value in ns.items():
            if key in ('__module__', '__qualname__', '__annotations__', '_root'):
                continue
            if key in ('_make', '_asdict', '_replace', '_fields', '_field_defaults',
                       '__new__', '__init__', '__slots__', '__getnewargs__'):
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in field_names:
                setattr(nt, key, value)
        return nt

    def __call__(cls, typename, fields=None, /, **kwargs):
        # Functional syntax: NamedTuple('P', [('x', int), ('y', int)]).
        if fields is None:
            fields = list(kwargs.items())
        names = [name for name, tp in fields]
        nt = _collections.namedtuple(typename, names, module='__main__')
        nt.__annotations__ = dict(fields)
        return nt


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed version of collections.namedtuple (class or functional syntax)."""
    _root = True


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        if ns.get('_root', False):
            return type.__new__(mcls, name, (dict,), ns)
        cls = type.__new__(mcls, name, (dict,), dict(ns))
        cls.__total__ = total
        return cls

    def __call__(cls, *args, **kwargs):
        if cls is TypedDict and args and isinstance(args[0], str):
            name = args[0]
            fields = args[1] if len(args) > 1 else kwargs
            ns = {'__annotations__': dict(fields)}
            return _TypedDictMeta.__new__(_TypedDictMeta, name, (dict,), ns)
        return dict(*args, **kwargs)


class TypedDict(metaclass=_TypedDictMeta):
    """Dicts with a fixed set of keys; instances are plain dicts."""
    _root = True
