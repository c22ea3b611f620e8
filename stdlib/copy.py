"""copy — shallow and deep copies (CPython 3.11's copy/deepcopy/replace-free API).

Differences from CPython: there is no copyreg and no __reduce_ex__ protocol.
Instead, after the built-in containers (list, dict, set, frozenset, tuple,
bytearray) and the immutable atoms, an object is copied by:

  1. its __copy__ / __deepcopy__(memo) method, when the class defines one;
  2. otherwise cls.__new__(cls), then its state: __getstate__() when the
     class defines it (else its __dict__ and any __slots__ values), handed to
     __setstate__(state) when defined, else stored into the new __dict__ and
     slots directly. The state is deep-copied first for deepcopy.

This covers ordinary instances, dataclasses, namedtuples (tuple subclasses
are rebuilt with cls(*items) / cls._make) and subclasses of the built-in
containers. The memo dict maps id(original) -> copy, so shared and cyclic
references are preserved; like CPython it also keeps the originals alive in
memo[id(memo)].
"""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

# Types whose instances are immutable and therefore copies of themselves.
_ATOMIC = (type(None), type(Ellipsis), type(NotImplemented), int, float,
           bool, str, bytes, type, range, type(len), type(lambda: None),
           property, slice)

try:
    _ATOMIC = _ATOMIC + (complex,)      # gilt may not have complex numbers
except NameError:
    pass


def _is_atomic(x):
    cls = type(x)
    for t in _ATOMIC:
        if cls is t:
            return True
    return isinstance(x, type)


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is frozenset or cls is tuple:
        return x
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) -> copy."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple or cls is frozenset:
        items = [deepcopy(a, memo) for a in x]
        # A tuple that copied into itself element by element (through a
        # cycle) is already in the memo; return that one.
        if d in memo:
            return memo[d]
        same = True
        for old, new in zip(x, items):
            if old is not new:
                same = False
                break
        y = x if same else cls(items)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    # If x is its own copy, don't memoize it (CPython does the same).
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # Originals must outlive the memo so their ids are not reused.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (klass.__name__.lstrip('_'), name)
            names.append(name)
    return names


def _get_state(x, cls):
    getstate = getattr(cls, '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return getstate(x)
    state = getattr(x, '__dict__', None)
    slotnames = _slot_names(cls)
    if slotnames:
        slotstate = {}
        for name in slotnames:
            try:
                slotstate[name] = getattr(x, name)
            except AttributeError:
                pass
        return (state or None, slotstate)
    return state or None


def _reconstruct(x, memo):
    cls = type(x)
    deep = memo is not None
    if isinstance(x, tuple):
        # namedtuples and other tuple subclasses: rebuild from the items.
        items = [deepcopy(a, memo) for a in x] if deep else list(x)
        if hasattr(cls, '_make'):
            y = cls._make(items)
        else:
            y = tuple.__new__(cls, items)
        if deep:
            memo[id(x)] = y
        state = getattr(x, '__dict__', None)
        if state:
            y.__dict__.update(deepcopy(state, memo) if deep else state)
        return y
    try:
        y = cls.__new__(cls)
    except TypeError:
        raise Error('un(%scopyable object of type %s' % ('deep' if deep else 'shallow', cls))
    if deep:
        memo[id(x)] = y
    # Contents of built-in container subclasses.
    if isinstance(x, list):
        for a in x:
            y.append(deepcopy(a, memo) if deep else a)
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            dict.__setitem__(y, key, value)
    elif isinstance(x, set):
        for a in x:
            y.add(deepcopy(a, memo) if deep else a)
    state = _get_state(x, cls)
    if state is None:
        return y
    if deep:
        state = deepcopy(state, memo)
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return y
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y_dict = y.__dict__
        for key, value in state.items():
            y_dict[key] = value
    if slotstate:
        for key, value in slotstate.items():
            object.__setattr__(y, key, value)
    return y
