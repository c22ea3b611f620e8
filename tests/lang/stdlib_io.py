# io: StringIO and BytesIO — write/read/getvalue/seek/tell/readline/
# readlines/iteration/truncate/with/closed errors; print(file=...) and
# redirect_stdout into a StringIO.
import io
import sys
from contextlib import redirect_stdout

s = io.StringIO()
print(s.write('hello\n'), s.write('world'), s.tell())
print(repr(s.getvalue()))
print(s.seek(0), repr(s.read()), s.tell(), repr(s.read()))
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(2)
s.write('LL')
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write('!')
print(repr(s.getvalue()))
print(s.seek(0, 2), s.seek(0, 1))
try:
    s.seek(1, 1)
except OSError as e:
    print('OSError', e)
try:
    s.seek(-1)
except ValueError as e:
    print('ValueError', e)
try:
    s.write(5)
except TypeError as e:
    print('TypeError', e)
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed)
s.close()
print(s.closed)
for op in [lambda: s.getvalue(), lambda: s.write('x'), lambda: s.read(), lambda: s.tell()]:
    try:
        op()
    except ValueError as e:
        print('ValueError', e)

s2 = io.StringIO('line one\nline two\n\nlast')
print(s2.tell(), repr(s2.read(4)))
s2.seek(0)
print(list(s2))
s2.seek(0)
print(s2.readlines())
s2.seek(0)
print(s2.readlines(10))
s2.seek(0)
for i, line in enumerate(s2):
    print(i, repr(line))
print(repr(s2.readline(3)))
s3 = io.StringIO('abc')
s3.write('X')
print(repr(s3.getvalue()))
s3.seek(0, io.SEEK_END)
s3.write('def')
print(repr(s3.getvalue()))
s3.writelines(['1', '2', '3'])
print(repr(s3.getvalue()))

with io.StringIO() as buf:
    print('a', 1, [2], sep='-', end='!\n', file=buf)
    print('second line', file=buf)
    print(file=buf)
    val = buf.getvalue()
print(repr(val), buf.closed)

out = io.StringIO()
with redirect_stdout(out):
    print('captured')
    print(1, 2, 3)
    sys.stdout.write('direct\n')
print(repr(out.getvalue()))

old = sys.stdout
sys.stdout = io.StringIO()
print('swap')
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))

big = io.StringIO()
for i in range(1000):
    big.write(str(i))
print(len(big.getvalue()), big.getvalue()[-10:])

nl = io.StringIO(newline=None)
nl.write('a\r\nb\rc\n')
print(repr(nl.getvalue()))
nl2 = io.StringIO('x\r\ny', newline='')
print(repr(nl2.getvalue()), nl2.readline())

# BytesIO
b = io.BytesIO()
print(b.write(b'hello'), b.write(bytearray(b' world')), b.tell())
print(b.getvalue())
b.seek(0)
print(b.read(5), b.read(1), b.read(), b.read())
b.seek(-5, 2)
print(b.tell(), b.read(2))
b.seek(-100, 1)
print(b.tell())
b.seek(1)
b.write(b'EY')
print(b.getvalue())
b.seek(15)
b.write(b'!')
print(b.getvalue())
print(b.truncate(5), b.getvalue())
try:
    b.write('str')
except TypeError as e:
    print('TypeError', e)
try:
    b.seek(-1)
except ValueError as e:
    print('ValueError', e)
b2 = io.BytesIO(b'one\ntwo\nthree')
print(b2.readline(), b2.readline(2), b2.readlines())
b2.seek(0)
print(list(b2))
ba = bytearray(4)
b2.seek(0)
print(b2.readinto(ba), ba)
with io.BytesIO(b'ctx') as bb:
    print(bb.read())
print(bb.closed)
try:
    bb.read()
except ValueError as e:
    print('ValueError', e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
print(isinstance(sys.stdout, io.TextIOWrapper))
