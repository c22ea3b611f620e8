"""enum — Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique
(CPython 3.11's behaviour, reprs and messages for the common API).

Members are created once, when the class statement finishes: EnumType's
__prepare__ hands the class body an _EnumDict that records member names in
order and resolves auto() values as they are assigned; EnumType.__new__
then builds the class without them and creates one instance per distinct
value (later names with an equal value become aliases). Lookup by value
(Color(1)) goes through _value2member_map_, then a linear scan for
unhashable values, then the _missing_ hook.

As in 3.11: repr is '<Color.RED: 1>'; str() and format() give 'Color.RED'
for Enum (also with a mixed-in data type) and the plain value for IntEnum,
StrEnum and IntFlag; `x in Color` with a non-member raises TypeError.

Differences: __members__ is a fresh dict, not a mappingproxy; no pickling
support (__reduce_ex__), no _ignore_, _order_ is not checked, no
boundary= options on Flag (Flag members combine with | & ^ ~ and iterate
over their canonical single-bit members); the functional API takes
names and module only (qualname/type/start are accepted but start is the
only one honoured).
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique']


class auto:
    """Stand-in for a member value; replaced by _generate_next_value_."""

    _auto_counter = 0

    def __init__(self):
        self.value = _auto_null

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


class _EnumDict(dict):
    """The class-body namespace: tracks member names and resolves auto()."""

    def __init__(self):
        dict.__init__(self)
        self._member_names = []
        self._last_values = []
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _is_sunder(key):
            if key == '_generate_next_value_':
                self._generate_next_value = value
        elif _is_dunder(key) or _is_descriptor(value):
            if key in self._member_names:
                raise TypeError('%r already defined as %r' % (key, self[key]))
        else:
            if key in self._member_names:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, auto):
                if value.value is _auto_null:
                    gen = self._generate_next_value
                    if isinstance(gen, staticmethod):
                        gen = gen.__func__
                    value.value = gen(key, 1, len(self._member_names),
                                      self._last_values[:])
                value = value.value
            self._member_names.append(key)
            self._last_values.append(value)
        dict.__setitem__(self, key, value)


def _find_member_type(bases):
    # The data type mixed into the enum (int for IntEnum), else object.
    for base in bases:
        for klass in base.__mro__:
            if klass is object:
                continue
            if isinstance(klass, EnumType):
                if klass._member_type_ is not object:
                    return klass._member_type_
                continue
            return klass
    return object


def _find_generate_next_value(bases):
    for base in bases:
        for klass in base.__mro__:
            gen = klass.__dict__.get('_generate_next_value_')
            if gen is not None:
                return gen
    return None


class EnumType(type):
    """Metaclass of all enumerations."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError('<enum %r> cannot extend %r' % (cls, base))
        enum_dict = _EnumDict()
        enum_dict._generate_next_value = _find_generate_next_value(bases)
        return enum_dict

    def __new__(metacls, cls, bases, classdict, **kwds):
        member_names = list(getattr(classdict, '_member_names', ()))
        plain = {}
        for key, value in classdict.items():
            if key not in member_names:
                plain[key] = value
        member_values = [classdict[name] for name in member_names]
        # A __new__ in an enum body creates the members; afterwards lookups
        # by value must use Enum.__new__ (the Enum class itself keeps its own).
        custom_new = None
        if Enum is not None and '__new__' in plain:
            custom_new = plain['__new__']
            if isinstance(custom_new, staticmethod):
                custom_new = custom_new.__func__
            plain['_new_member_'] = custom_new
        if Enum is not None:
            # Even where a data type's __new__ comes first in the MRO (int
            # for IntEnum), calling the class looks members up.
            plain['__new__'] = Enum.__new__
        enum_class = type.__new__(metacls, cls, bases, plain, **kwds)
        member_type = _find_member_type(bases)
        if custom_new is None:
            for base in bases:
                for klass in base.__mro__:
                    candidate = klass.__dict__.get('_new_member_')
                    if candidate is not None:
                        custom_new = candidate
                        break
                if custom_new is not None:
                    break
        setattr_ = type.__setattr__
        setattr_(enum_class, '_member_type_', member_type)
        setattr_(enum_class, '_member_names_', [])
        setattr_(enum_class, '_member_map_', {})
        setattr_(enum_class, '_value2member_map_', {})
        setattr_(enum_class, '_unhashable_values_', [])
        if '__repr__' not in plain and member_type is not object:
            setattr_(enum_class, '_value_repr_', member_type.__repr__)
        metacls._fix_data_type_methods(enum_class, bases, plain, member_type)
        has_init = '__init__' in plain or any(
            '__init__' in k.__dict__ for b in bases for k in b.__mro__
            if k is not object and k is not Enum and isinstance(k, EnumType)
            and k is not ReprEnum)
        for name, value in zip(member_names, member_values):
            enum_class._add_member(name, value, custom_new, member_type, has_init)
        if Flag is not None and issubclass(enum_class, Flag):
            enum_class._flag_setup()
        return enum_class

    @staticmethod
    def _fix_data_type_methods(enum_class, bases, plain, member_type):
        # Direct subclasses of ReprEnum (IntEnum, StrEnum, IntFlag) use the
        # data type's str() and format(); everything else keeps the enum's
        # repr/str/format even where the mixed-in type comes first in the MRO.
        if ReprEnum is not None and ReprEnum in bases:
            if '__format__' not in plain:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
            if '__str__' not in plain:
                if '__str__' in member_type.__dict__:
                    method = member_type.__str__
                else:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)
        if not bases or member_type is object:
            return
        first_enum = bases[-1]
        for name in ('__repr__', '__str__', '__format__'):
            if name in plain:
                continue
            for klass in enum_class.__mro__:
                if name in klass.__dict__:
                    break
            if klass is object or not isinstance(klass, EnumType):
                type.__setattr__(enum_class, name, getattr(first_enum, name))

    def _add_member(cls, name, value, custom_new, member_type, has_init):
        if isinstance(value, tuple) and member_type is not tuple:
            args = value
        else:
            args = (value,)
        if custom_new is not None:
            member = custom_new(cls, *args)
        elif member_type is object:
            member = object.__new__(cls)
        else:
            member = member_type.__new__(cls, *args)
        if not hasattr(member, '_value_'):
            if member_type is object:
                member._value_ = value
            else:
                member._value_ = member_type(*args)
        value = member._value_
        member._name_ = name
        member.__objclass__ = cls
        if has_init:
            member.__init__(*args)
        canonical = cls._lookup_value(value)
        if canonical is not None:
            member = canonical           # an alias of an earlier member
        else:
            cls._member_names_.append(name)
            try:
                cls._value2member_map_.setdefault(value, member)
            except TypeError:
                cls._unhashable_values_.append(member)
        cls._member_map_[name] = member
        type.__setattr__(cls, name, member)

    def _lookup_value(cls, value):
        try:
            return cls._value2member_map_.get(value)
        except TypeError:
            for member in cls._unhashable_values_:
                if member._value_ == value:
                    return member
            return None

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, start=start)

    def _create_(cls, class_name, names, *, module=None, start=1):
        metacls = cls.__class__
        bases = (cls,)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original = names
            names = []
            last_values = []
            gen = classdict._generate_next_value
            if isinstance(gen, staticmethod):
                gen = gen.__func__
            for count, name in enumerate(original):
                value = gen(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = list(names.items())
        for item in names:
            if isinstance(item, str):
                classdict[item] = names[item]
            else:
                classdict[item[0]] = item[1]
        if module is None:
            module = '__main__'
        classdict['__module__'] = module
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % name)
        type.__setattr__(cls, name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, name))
        type.__delattr__(cls, name)


EnumMeta = EnumType
# Defined below; EnumType.__new__ checks for them while bootstrapping.
Enum = ReprEnum = Flag = None


class Enum(metaclass=EnumType):
    """Generic enumeration: subclass it and assign member values."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        member = cls._lookup_value(value)
        if member is not None:
            return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result))
        raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = sorted(last_values)[-1]
        except TypeError:
            last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        v_repr = getattr(self.__class__, '_value_repr_', None) or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__',
                'name', 'value']

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ReprEnum(Enum):
    """Only changes repr(); str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """Enum whose members are also ints."""


class StrEnum(str, ReprEnum):
    """Enum whose members are also strs; auto() gives the lower-cased name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        member = str.__new__(cls, *values)
        member._value_ = str(*values)
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Members combine with | & ^ ~; auto() gives powers of two."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for value in last_values:
            if isinstance(value, int):
                high = max(high, _high_bit(value))
        return 2 ** (high + 1)

    @classmethod
    def _flag_setup(cls):
        flag_mask = 0
        for member in cls._member_map_.values():
            if isinstance(member._value_, int):
                flag_mask |= member._value_
        type.__setattr__(cls, '_flag_mask_', flag_mask)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mask = cls.__dict__.get('_flag_mask_', 0)
        if value < 0:
            value = value & mask
        if value & ~mask:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        # A pseudo-member for a combination of flags, cached like CPython.
        member_type = cls._member_type_
        if member_type is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = member_type.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_bits(value)]
        pseudo._name_ = '|'.join(names) if names else None
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_bits(cls, value):
        for name in cls._member_names_:
            member = cls._member_map_[name]
            v = member._value_
            if v and v & (v - 1) == 0 and v & value:
                yield member

    def __iter__(self):
        return iter(list(self.__class__._iter_bits(self._value_)))

    def __len__(self):
        return bin(self._value_).count('1')

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self.__class__._flag_mask_ & ~self._value_)

    def __repr__(self):
        v_repr = getattr(self.__class__, '_value_repr_', None) or repr
        if self._name_ is None:
            return '<%s: %s>' % (self.__class__.__name__, v_repr(self._value_))
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (self.__class__.__name__, self._value_)
        return '%s.%s' % (self.__class__.__name__, self._name_)


class IntFlag(int, ReprEnum, Flag):
    """Flag whose members are also ints."""

    def __or__(self, other):
        if isinstance(other, int):
            return self.__class__(self._value_ | int(other))
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, int):
            return self.__class__(self._value_ & int(other))
        return NotImplemented

    def __xor__(self, other):
        if isinstance(other, int):
            return self.__class__(self._value_ ^ int(other))
        return NotImplemented

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def unique(enumeration):
    """Class decorator: raise ValueError if any value has an alias."""
    duplicates = []
    for name, member in enumeration._member_map_.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        details = ', '.join('%s -> %s' % (alias, name) for alias, name in duplicates)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration
