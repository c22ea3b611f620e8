# struct: pack/unpack/calcsize for every format character and byte order,
# native alignment, floats bit for bit (d, f, e), strings, errors.
import struct

for fmt in ['b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N',
            'e', 'f', 'd', 's', 'p', 'x', 'c', 'P']:
    sizes = []
    for order in '@=<>!':
        try:
            sizes.append(struct.calcsize(order + fmt))
        except struct.error as e:
            sizes.append(str(e))
    print(fmt, sizes)
for fmt in ['@bhiqd', '=bhiqd', '@b0i', '@3s2xi', '@?l', 'ci', '<ci', 'hhh', '2h3x5s',
            'qb', 'bq', ' i  h ', '10s', '0s', '@hi0q', '!4B']:
    print(repr(fmt), struct.calcsize(fmt))

print(struct.pack('<bBhHiIqQ', -1, 255, -2, 65535, -3, 2 ** 32 - 1, -4, 2 ** 64 - 1))
print(struct.pack('>bBhHiIqQ', -1, 255, -2, 65535, -3, 2 ** 32 - 1, -4, 2 ** 64 - 1))
print(struct.pack('!hl', 258, -2))
print(struct.pack('@bi', 1, 2), struct.pack('=bi', 1, 2), struct.pack('@ih', 1, 2))
print(struct.pack('<lL', -5, 7), struct.pack('@l', -5), struct.pack('<?x?', True, 0))
print(struct.pack('3s', b'abcdef'), struct.pack('5s', b'ab'), struct.pack('4p', b'abcdef'), struct.pack('c', b'z'))
print(struct.unpack('<bBhHiIqQ', struct.pack('<bBhHiIqQ', -1, 255, -2, 65535, -3, 2 ** 32 - 1, -4, 2 ** 64 - 1)))
print(struct.unpack('>hH', b'\xff\xfe\x01\x02'), struct.unpack('<i', b'\x01\x02\x03\x84'))
print(struct.unpack('3s3p?c', b'abc\x05ab\x02q'), struct.unpack('@bi', struct.pack('@bi', -7, 9)))
print(struct.pack('i', True), struct.pack('?', 'x'), struct.pack('?', []))

doubles = [0.0, -0.0, 1.0, -1.5, 0.1, 1e300, -1e-300, 5e-324, 2.2250738585072014e-308,
           1.7976931348623157e308, float('inf'), float('-inf'), 3.141592653589793, 123456.789]
for x in doubles:
    packed = struct.pack('<d', x)
    back = struct.unpack('<d', packed)[0]
    print(repr(x), packed.hex(), struct.pack('>d', x).hex(), repr(back), back == x)
nanp = struct.pack('<d', float('nan'))
print(nanp.hex(), struct.unpack('<d', nanp)[0])
singles = [0.0, -0.0, 1.0, 0.1, -2.5, 1e-40, 1e-46, 3.4028234663852886e38, 16777217.0,
           1e10, float('inf'), 1.401298464324817e-45, 0.3333333333333333, 2.0 ** -126]
for x in singles:
    packed = struct.pack('<f', x)
    print(repr(x), packed.hex(), struct.pack('>f', x).hex(), repr(struct.unpack('<f', packed)[0]))
halves = [0.0, 1.0, -2.0, 0.1, 65504.0, 6.1e-05, 5.96e-08, 1e-9, 0.333, 2049.0, 2051.0, float('-inf')]
for x in halves:
    packed = struct.pack('<e', x)
    print(repr(x), packed.hex(), repr(struct.unpack('<e', packed)[0]))
print(struct.pack('f', 1e39).hex(), struct.pack('f', -1e39).hex(), struct.pack('d', 7).hex())
for fmt, value in [('<f', 1e39), ('<e', 65520.0), ('>e', 1e6)]:
    try:
        struct.pack(fmt, value)
    except OverflowError as e:
        print('OverflowError', e)

bad = [('b', 200), ('B', -1), ('B', 256), ('h', 40000), ('H', -1), ('i', 2 ** 31), ('I', -1),
       ('l', 2 ** 63), ('<l', 2 ** 31), ('L', -1), ('<L', 2 ** 32), ('q', 2 ** 63), ('Q', -1),
       ('<q', 2 ** 63), ('<Q', 2 ** 64), ('>h', -40000), ('>H', -1), ('>I', -1), ('>i', 2 ** 31),
       ('>q', 2 ** 63), ('!l', -2 ** 40), ('=i', 2 ** 31), ('<b', 200), ('<H', -1), ('<I', -1),
       ('c', b'ab'), ('c', 1), ('s', 1), ('i', 'x'), ('i', 1.5), ('<i', None), ('d', 'x'),
       ('>n', 1), ('y', 1), ('3', 1)]
for fmt, value in bad:
    try:
        struct.pack(fmt, value)
        print(fmt, 'ok?')
    except struct.error as e:
        print(fmt, 'struct.error', e)
for args in [('ii', 1), ('i', 1, 2)]:
    try:
        struct.pack(*args)
    except struct.error as e:
        print('struct.error', e)
try:
    struct.unpack('i', b'abc')
except struct.error as e:
    print('struct.error', e)
try:
    struct.unpack_from('i', b'abc', 1)
except struct.error as e:
    print('struct.error', e)
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 2), struct.unpack_from('<h', b'\x00\x01\x02\x03', -2))
print(list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))
try:
    list(struct.iter_unpack('<hb', b'\x01\x00'))
except struct.error as e:
    print('struct.error', e)
buf = bytearray(8)
struct.pack_into('<hh', buf, 2, 1, -1)
print(buf)
s = struct.Struct('<Ihd')
print(s.size, s.format, s.pack(1, 2, 3.5), s.unpack(s.pack(7, -8, 0.25)), s.unpack_from(bytearray(s.pack(1, 1, 1.0))))


class Idx:
    def __index__(self):
        return 7


print(struct.pack('b', Idx()), struct.pack('<d', Idx() .__index__()))
record = struct.pack('<4sHHI', b'GILT', 1, 2, 1024)
magic, major, minor, length = struct.unpack('<4sHHI', record)
print(magic, major, minor, length, issubclass(struct.error, Exception), struct.error.__name__)
