"""dataclasses — @dataclass, field, fields, asdict, astuple, replace,
is_dataclass, FrozenInstanceError, InitVar, KW_ONLY, MISSING
(CPython 3.11's behaviour and messages for the common API).

CPython generates __init__ and friends as source text and exec()s it; gilt
builds them as closures over the list of fields instead, so the generated
__init__ binds its arguments itself and raises CPython's messages
("Point.__init__() missing 1 required positional argument: 'y'"). The
observable results are the same: field order (bases first), defaults kept
as class attributes, default_factory, __post_init__ (with InitVar values),
order=True comparisons, frozen=True (FrozenInstanceError on assignment),
the __hash__ rules of eq/frozen/unsafe_hash, __match_args__, kw_only.

Differences: no slots=True and no weakref_slot; the generated methods have
no inspectable signature; a ClassVar is recognised when annotated with
typing.ClassVar (or a string starting with 'ClassVar').
"""

import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return 'MISSING'


MISSING = _MissingType()


class _KwOnlyType:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KwOnlyType()


class InitVar:
    """Annotation for init-only pseudo-fields passed to __post_init__."""

    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = getattr(self.type, '__name__', None) or repr(self.type)
        return 'dataclasses.InitVar[%s]' % name

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash',
                 'init', 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,'
                'repr=%r,hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory,
                   self.init, self.repr, self.hash, self.compare,
                   self.metadata, self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe one field: its default or default_factory and its flags."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith('ClassVar') or annotation.startswith('typing.ClassVar')
    try:
        import typing
    except ImportError:
        return False
    return (annotation is getattr(typing, 'ClassVar', None)
            or getattr(annotation, '__origin__', None) is getattr(typing, 'ClassVar', None))


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return annotation.startswith('InitVar') or annotation.startswith('dataclasses.InitVar')
    return annotation is InitVar or isinstance(annotation, InitVar)


def _get_field(cls, name, annotation, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        f._field_type = _FIELD_INITVAR
    if f._field_type != _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type == _FIELD and f.default is not MISSING:
        if type(f.default) in (list, dict, set):
            raise ValueError('mutable default %s for field %s is not allowed: '
                             'use default_factory' % (type(f.default), name))
    return f


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _tuple_of(fields_, obj):
    return tuple([getattr(obj, f.name) for f in fields_])


def _make_init(cls, all_fields, has_post_init, frozen):
    init_fields = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword_only = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in positional:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default argument' % f.name)
    qualname = cls.__qualname__ + '.__init__'
    names = [f.name for f in init_fields]
    # Fields not in __init__ still get their default or factory value.
    no_init = [f for f in all_fields if f._field_type == _FIELD and not f.init]
    initvars = [f.name for f in all_fields if f._field_type == _FIELD_INITVAR]
    setter = object.__setattr__

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            _raise_too_many(qualname, positional, len(args))
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for key, value in kwargs.items():
            if key not in names:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (qualname, key))
            if key in values:
                raise TypeError("%s() got multiple values for argument '%s'" % (qualname, key))
            values[key] = value
        missing_pos = [f.name for f in positional if f.name not in values
                       and f.default is MISSING and f.default_factory is MISSING]
        if missing_pos:
            _raise_missing(qualname, missing_pos, 'positional')
        missing_kw = [f.name for f in keyword_only if f.name not in values
                      and f.default is MISSING and f.default_factory is MISSING]
        if missing_kw:
            _raise_missing(qualname, missing_kw, 'keyword-only')
        for f in init_fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            else:
                value = f.default
            if f._field_type == _FIELD:
                if frozen:
                    setter(self, f.name, value)
                else:
                    setattr(self, f.name, value)
            values[f.name] = value
        for f in no_init:
            if f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            if frozen:
                setter(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*[values[name] for name in initvars])

    __init__.__qualname__ = qualname
    return __init__


def _raise_too_many(qualname, positional, given):
    required = len([f for f in positional if f.default is MISSING
                    and f.default_factory is MISSING])
    if required == len(positional):
        takes = '%d positional argument%s' % (required + 1, '' if required == 0 else 's')
    else:
        takes = 'from %d to %d positional arguments' % (required + 1, len(positional) + 1)
    raise TypeError('%s() takes %s but %d were given' % (qualname, takes, given + 1))


def _raise_missing(qualname, missing, kind):
    quoted = ["'%s'" % name for name in missing]
    if len(quoted) == 1:
        listed = quoted[0]
    elif len(quoted) == 2:
        listed = '%s and %s' % (quoted[0], quoted[1])
    else:
        listed = ', '.join(quoted[:-1]) + ', and ' + quoted[-1]
    raise TypeError('%s() missing %d required %s argument%s: %s'
                    % (qualname, len(missing), kind, '' if len(missing) == 1 else 's', listed))


_repr_running = set()


def _make_repr(cls, repr_fields):
    qualname = cls.__qualname__

    def __repr__(self):
        # Recursive references print as '...', like reprlib.recursive_repr.
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            parts = ['%s=%r' % (f.name, getattr(self, f.name)) for f in repr_fields]
        finally:
            _repr_running.discard(key)
        return '%s(%s)' % (self.__class__.__qualname__, ', '.join(parts))

    __repr__.__qualname__ = qualname + '.__repr__'
    return __repr__


def _make_compare(name, op, compare_fields):
    def method(self, other):
        if other.__class__ is self.__class__:
            return op(_tuple_of(compare_fields, self), _tuple_of(compare_fields, other))
        return NotImplemented
    method.__name__ = name
    return method


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only):
    all_fields = {}
    has_dataclass_bases = False
    any_frozen_base = False
    all_frozen_bases = None
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            base_frozen = base.__dict__['__dataclass_params__'].frozen
            any_frozen_base = any_frozen_base or base_frozen
            all_frozen_bases = all_frozen_bases and base_frozen
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    annotations = cls.__dict__.get('__annotations__', {})
    own_fields = []
    kw_only_now = kw_only
    for name, annotation in annotations.items():
        if annotation is KW_ONLY or annotation == 'KW_ONLY' or annotation == 'dataclasses.KW_ONLY':
            kw_only_now = True
            continue
        own_fields.append(_get_field(cls, name, annotation, kw_only_now))
    for f in own_fields:
        all_fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError('%r is a field but has no type annotation' % name)

    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order,
                                                unsafe_hash, frozen)
    field_list = [f for f in all_fields.values() if f._field_type == _FIELD]
    has_post_init = hasattr(cls, '__post_init__')

    if init:
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, list(all_fields.values()), has_post_init, frozen))
    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(cls, [f for f in field_list if f.repr]))
    compare_fields = [f for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _make_compare('__eq__', _eq, compare_fields))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, op in (('__lt__', _lt), ('__le__', _le), ('__gt__', _gt), ('__ge__', _ge)):
            if _set_new_attribute(cls, name, _make_compare(name, op, compare_fields)):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider '
                                'using functools.total_ordering' % (name, cls.__name__))
    if frozen:
        for name, fn in (('__setattr__', _frozen_setattr(cls, all_fields)),
                         ('__delattr__', _frozen_delattr(cls, all_fields))):
            if _set_new_attribute(cls, name, fn):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (name, cls.__name__))

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        cls.__hash__ = _make_hash(hash_fields)
    elif not has_explicit_hash:
        if eq and frozen:
            cls.__hash__ = _make_hash(hash_fields)
        elif eq:
            cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        cls.__doc__ = cls.__name__ + '(...)'
    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in field_list if f.init and not f.kw_only))
    return cls


def _make_hash(hash_fields):
    def __hash__(self):
        return hash(_tuple_of(hash_fields, self))
    return __hash__


def _frozen_setattr(cls, all_fields):
    def __setattr__(self, name, value):
        if type(self) is cls or name in all_fields:
            raise FrozenInstanceError('cannot assign to field %r' % name)
        super(cls, self).__setattr__(name, value)
    return __setattr__


def _frozen_delattr(cls, all_fields):
    def __delattr__(self, name):
        if type(self) is cls or name in all_fields:
            raise FrozenInstanceError('cannot delete field %r' % name)
        super(cls, self).__delattr__(name)
    return __delattr__


def _eq(a, b):
    return a == b


def _lt(a, b):
    return a < b


def _le(a, b):
    return a <= b


def _gt(a, b):
    return a > b


def _ge(a, b):
    return a >= b


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add generated special methods to a class with annotated fields."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass (or instance), in order."""
    try:
        all_fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in all_fields.values() if f._field_type == _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a dataclass instance as a tuple, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    """A new instance of obj's class with some fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type == _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type == _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    """Build a dataclass from (name[, type[, Field]]) specifications."""
    namespace = {} if namespace is None else dict(namespace)
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            namespace[name] = spec
        annotations[name] = tp
    namespace['__annotations__'] = annotations
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, **kwargs)
