"""struct — pack and unpack binary records (CPython 3.11's struct API:
pack, unpack, unpack_from, pack_into, iter_unpack, calcsize, Struct, error).

Formats: x c b B ? h H i I l L q Q n N P e f d s p, with a leading byte
order @ (native sizes and alignment, the default), = or < (little-endian,
standard sizes), > or ! (big-endian, standard sizes). The host is taken to
be x86-64/AArch64 Linux: little-endian, C long and size_t of 8 bytes.

Integers go through int.to_bytes/int.from_bytes. Floats are encoded
without C help: math.frexp/ldexp give the exact binary exponent and
mantissa, so doubles round-trip bit for bit, and 'f'/'e' round to nearest
even like the C conversions (standard sizes raise OverflowError when a
finite value does not fit; native 'f' gives inf, as CPython's C cast does).
Error messages copy CPython's, including its per-table quirks (e.g. '<H'
says "ushort format requires ..." while '>H' says "argument out of range").
"""

import math as _math

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


error.__module__ = 'struct'

# Native sizes (the C types on an LP64 little-endian host) and standard sizes.
_NATIVE_SIZE = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2,
                'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'n': 8,
                'N': 8, 'P': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
_STANDARD_SIZE = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2,
                  'i': 4, 'I': 4, 'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2,
                  'f': 4, 'd': 8, 's': 1, 'p': 1}
_SIGNED = 'bhilqn'
_UNSIGNED = 'BHILQNP'

_cache = {}


class _Item:
    __slots__ = ('code', 'count', 'offset', 'size')

    def __init__(self, code, count, offset, size):
        self.code = code
        self.count = count
        self.offset = offset
        self.size = size


class _Layout:
    # A parsed format: the items with their offsets, the total size, the
    # number of values it packs, and the byte order.
    __slots__ = ('items', 'size', 'nvalues', 'order', 'native')

    def __init__(self, fmt):
        if isinstance(fmt, (bytes, bytearray)):
            fmt = bytes(fmt).decode('ascii')
        if not isinstance(fmt, str):
            raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                            % type(fmt).__name__)
        pos = 0
        native = True
        order = 'little'
        if fmt and fmt[0] in '@=<>!':
            native = fmt[0] == '@'
            order = 'big' if fmt[0] in '>!' else 'little'
            pos = 1
        sizes = _NATIVE_SIZE if native else _STANDARD_SIZE
        items = []
        offset = 0
        nvalues = 0
        n = len(fmt)
        while pos < n:
            ch = fmt[pos]
            if ch.isspace():
                pos += 1
                continue
            count = 1
            if '0' <= ch <= '9':
                start = pos
                while pos < n and '0' <= fmt[pos] <= '9':
                    pos += 1
                if pos >= n:
                    raise error('repeat count given without format specifier')
                count = int(fmt[start:pos])
                ch = fmt[pos]
            pos += 1
            size = sizes.get(ch)
            if size is None:
                raise error('bad char in struct format')
            if native and size > 1 and ch not in 'sp':
                offset = (offset + size - 1) // size * size
            if ch in 'sp':
                items.append(_Item(ch, count, offset, count))
                offset += count
                nvalues += 1
            elif ch == 'x':
                offset += count
            else:
                for _ in range(count):
                    items.append(_Item(ch, 1, offset, size))
                    offset += size
                nvalues += count
        self.items = items
        self.size = offset
        self.nvalues = nvalues
        self.order = order
        self.native = native


def _layout(fmt):
    layout = _cache.get(fmt)
    if layout is None:
        layout = _Layout(fmt)
        if len(_cache) > 200:
            _cache.clear()
        _cache[fmt] = layout
    return layout


def _range_message(code, size, native, order):
    if code == 'b':
        return 'byte format requires -128 <= number <= 127'
    if code == 'B':
        return 'ubyte format requires 0 <= number <= 255'
    bits = size * 8
    if code in _SIGNED:
        lo, hi = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    else:
        lo, hi = 0, (1 << bits) - 1
    described = "'%s' format requires %d <= number <= %d" % (code, lo, hi)
    if order == 'little':
        # Native and little-endian tables share CPython's native functions
        # wherever the sizes agree.
        if code == 'h':
            return 'short format requires -32768 <= number <= 32767'
        if code == 'H':
            return 'ushort format requires 0 <= number <= 65535'
        if code == 'i':
            return described
        if code in 'lL' and not native:
            return described
        return 'argument out of range'
    if code in 'qQ':
        return 'int too large to convert'
    if code in _SIGNED:
        return described
    return 'argument out of range'


def _as_int(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise error('required argument is not an integer')
    return index(value)


def _as_float(value):
    if isinstance(value, float):
        return value
    if isinstance(value, int):
        return float(value)
    conv = getattr(type(value), '__float__', None)
    if conv is None:
        raise error('required argument is not a float')
    return conv(value)


# ---- IEEE 754 encoding ----------------------------------------------------------

def _float_bits(x, exp_bits, mant_bits, code, allow_overflow):
    # The bits of x in a binary format with the given field widths, rounded
    # to nearest even.
    bias = (1 << (exp_bits - 1)) - 1
    max_exp = (1 << exp_bits) - 1
    sign = 1 if _math.copysign(1.0, x) < 0 else 0
    if x != x:
        return (sign << (exp_bits + mant_bits)) | (max_exp << mant_bits) | (1 << (mant_bits - 1))
    x = abs(x)
    if x == _math.inf:
        return (sign << (exp_bits + mant_bits)) | (max_exp << mant_bits)
    if x == 0.0:
        return sign << (exp_bits + mant_bits)
    m, e = _math.frexp(x)            # x == m * 2**e, 0.5 <= m < 1
    biased = e - 1 + bias
    if biased >= 1:
        r = round(_math.ldexp(m, mant_bits + 1))
        if r == 1 << (mant_bits + 1):
            r >>= 1
            biased += 1
        bits = (biased << mant_bits) | (r - (1 << mant_bits))
    else:
        # Subnormal; rounding up into the smallest normal is still correct.
        bits = round(_math.ldexp(x, bias - 1 + mant_bits))
        biased = 0
    if biased >= max_exp:
        if not allow_overflow:
            raise OverflowError('float too large to pack with %s format' % code)
        bits = max_exp << mant_bits
    return (sign << (exp_bits + mant_bits)) | bits


def _bits_float(bits, exp_bits, mant_bits):
    bias = (1 << (exp_bits - 1)) - 1
    max_exp = (1 << exp_bits) - 1
    sign = -1.0 if bits >> (exp_bits + mant_bits) else 1.0
    exp = (bits >> mant_bits) & max_exp
    mant = bits & ((1 << mant_bits) - 1)
    if exp == max_exp:
        if mant:
            return _math.copysign(_math.nan, sign)
        return sign * _math.inf
    if exp == 0:
        return sign * _math.ldexp(mant, 1 - bias - mant_bits)
    return sign * _math.ldexp(mant | (1 << mant_bits), exp - bias - mant_bits)


_FLOAT_FIELDS = {'e': (5, 10), 'f': (8, 23), 'd': (11, 52)}


# ---- packing ---------------------------------------------------------------------

def _pack_layout(layout, values, buf, base):
    if len(values) != layout.nvalues:
        raise error('pack expected %d items for packing (got %d)'
                    % (layout.nvalues, len(values)))
    order = layout.order
    index = 0
    for item in layout.items:
        code = item.code
        value = values[index]
        index += 1
        start = base + item.offset
        if code in 'sp':
            if not isinstance(value, (bytes, bytearray)):
                raise error("argument for '%s' must be a bytes object" % code)
            if code == 's':
                data = bytes(value[:item.count])
            else:
                n = min(len(value), item.count - 1, 255)
                if item.count == 0:
                    data = b''
                else:
                    data = bytes([max(n, 0)]) + bytes(value[:max(n, 0)])
            buf[start:start + len(data)] = data
        elif code == 'c':
            if not isinstance(value, (bytes, bytearray)) or len(value) != 1:
                raise error('char format requires a bytes object of length 1')
            buf[start] = value[0]
        elif code == '?':
            buf[start] = 1 if value else 0
        elif code in 'efd':
            exp_bits, mant_bits = _FLOAT_FIELDS[code]
            bits = _float_bits(_as_float(value), exp_bits, mant_bits, code,
                               layout.native and code != 'e')
            buf[start:start + item.size] = bits.to_bytes(item.size, order)
        else:
            number = _as_int(value)
            size = item.size
            if code in _SIGNED:
                limit = 1 << (size * 8 - 1)
                ok = -limit <= number < limit
            else:
                ok = 0 <= number < (1 << (size * 8))
            if not ok:
                raise error(_range_message(code, size, layout.native, order))
            buf[start:start + size] = number.to_bytes(size, order, signed=code in _SIGNED)


def _unpack_layout(layout, data, base):
    order = layout.order
    out = []
    for item in layout.items:
        code = item.code
        start = base + item.offset
        end = start + item.size
        if code == 's':
            out.append(bytes(data[start:end]))
        elif code == 'p':
            if item.count == 0:
                out.append(b'')
            else:
                n = min(data[start], item.count - 1)
                out.append(bytes(data[start + 1:start + 1 + n]))
        elif code == 'c':
            out.append(bytes(data[start:end]))
        elif code == '?':
            out.append(data[start] != 0)
        elif code in 'efd':
            exp_bits, mant_bits = _FLOAT_FIELDS[code]
            out.append(_bits_float(int.from_bytes(bytes(data[start:end]), order),
                                   exp_bits, mant_bits))
        else:
            out.append(int.from_bytes(bytes(data[start:end]), order,
                                      signed=code in _SIGNED))
    return tuple(out)


def _buffer(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


class Struct:
    """A compiled format: pack/unpack without re-parsing it."""

    def __init__(self, format):
        self._layout = _Layout(format)
        self.format = format if isinstance(format, str) else bytes(format).decode('ascii')
        self.size = self._layout.size

    def pack(self, *values):
        buf = bytearray(self.size)
        _pack_layout(self._layout, values, buf, 0)
        return bytes(buf)

    def pack_into(self, buffer, offset, *values):
        _pack_into(self._layout, buffer, offset, values)

    def unpack(self, buffer):
        return _unpack(self._layout, buffer)

    def unpack_from(self, buffer, offset=0):
        return _unpack_from(self._layout, buffer, offset)

    def iter_unpack(self, buffer):
        return _iter_unpack(self._layout, buffer)

    def __repr__(self):
        return 'Struct(%r)' % self.format


def _unpack(layout, buffer):
    data = _buffer(buffer)
    if len(data) != layout.size:
        raise error('unpack requires a buffer of %d bytes' % layout.size)
    return _unpack_layout(layout, data, 0)


def _unpack_from(layout, buffer, offset):
    data = _buffer(buffer)
    if offset < 0:
        if offset + len(data) < 0:
            raise error('offset %d out of range for %d-byte buffer' % (offset, len(data)))
        offset += len(data)
    if len(data) - offset < layout.size:
        if offset > len(data):
            raise error('offset %d out of range for %d-byte buffer' % (offset, len(data)))
        raise error('unpack_from requires a buffer of at least %d bytes for unpacking '
                    '%d bytes at offset %d (actual buffer size is %d)'
                    % (layout.size + offset, layout.size, offset, len(data)))
    return _unpack_layout(layout, data, offset)


def _iter_unpack(layout, buffer):
    data = _buffer(buffer)
    if layout.size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    if len(data) % layout.size:
        raise error('iterative unpacking requires a buffer of a multiple of %d bytes'
                    % layout.size)
    return (_unpack_layout(layout, data, pos) for pos in range(0, len(data), layout.size))


def _pack_into(layout, buffer, offset, values):
    if not isinstance(buffer, bytearray):
        raise TypeError('argument must be read-write bytes-like object, not %s'
                        % type(buffer).__name__)
    if offset < 0:
        if offset + len(buffer) < 0:
            raise error('offset %d out of range for %d-byte buffer' % (offset, len(buffer)))
        offset += len(buffer)
    if len(buffer) - offset < layout.size:
        raise error('pack_into requires a buffer of at least %d bytes for packing %d '
                    'bytes at offset %d (actual buffer size is %d)'
                    % (layout.size + offset, layout.size, offset, len(buffer)))
    _pack_layout(layout, values, buffer, offset)


def calcsize(format):
    """The size in bytes of the record described by format."""
    return _layout(format).size


def pack(format, *values):
    """Pack values into bytes according to format."""
    layout = _layout(format)
    buf = bytearray(layout.size)
    _pack_layout(layout, values, buf, 0)
    return bytes(buf)


def pack_into(format, buffer, offset, *values):
    _pack_into(_layout(format), buffer, offset, values)


def unpack(format, buffer):
    """Unpack bytes (exactly calcsize(format) long) into a tuple."""
    return _unpack(_layout(format), buffer)


def unpack_from(format, buffer, offset=0):
    return _unpack_from(_layout(format), buffer, offset)


def iter_unpack(format, buffer):
    return _iter_unpack(_layout(format), buffer)
