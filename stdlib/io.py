"""io — in-memory streams (StringIO, BytesIO) and the names of the file
classes that open() returns.

StringIO and BytesIO follow CPython 3.11's behaviour and error messages:
the position starts at 0 even with an initial value, writing past the end
pads with NULs, a closed stream raises "I/O operation on closed file.", and
relative seeks on a StringIO must have offset 0. Both work with print(...,
file=...), contextlib.redirect_stdout, iteration and `with`.

Differences from CPython: StringIO supports newline='\n' (the default), ''
and None (None turns '\r\n' and '\r' into '\n' on write; '\r' as a line end
on read is not recognised); there is no getbuffer() and no memoryview;
the classes are plain gilt classes, not subclasses of an IOBase hierarchy.
Real files are gilt's own C file objects; io.TextIOWrapper and
io.BufferedReader/BufferedWriter name their types so isinstance works.
"""

import sys as _sys

__all__ = ['StringIO', 'BytesIO', 'UnsupportedOperation', 'open',
           'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'TextIOWrapper',
           'DEFAULT_BUFFER_SIZE', 'IOBase', 'TextIOBase', 'BufferedIOBase',
           'RawIOBase']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open
TextIOWrapper = type(_sys.stdout)


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    """Base of the in-memory streams (the file types of open() are C types)."""

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _check_open(self):
        if self._closed:
            raise ValueError(self._closed_message)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def readlines(self, hint=-1):
        self._check_open()
        if hint is None:
            hint = -1
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)


TextIOBase = IOBase
BufferedIOBase = IOBase
RawIOBase = IOBase


def _size_arg(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
    return size


class StringIO(IOBase):
    """A text stream kept in memory."""

    _closed_message = 'I/O operation on closed file'     # sic: CPython's text

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._closed = False
        self._newline = newline
        # The text is `_value` followed by the pending `_chunks`: appends at
        # the end only add to the chunk list, so building a big string by
        # many writes stays linear.
        self._value = ''
        self._chunks = []
        self._length = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _text(self):
        if self._chunks:
            self._value = self._value + ''.join(self._chunks)
            self._chunks = []
        return self._value

    def getvalue(self):
        self._check_open()
        return self._text()

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        if self._newline is None and '\r' in s:
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        if not s:
            return n
        pos = self._pos
        if pos == self._length:
            self._chunks.append(s)
            self._length += len(s)
            self._pos = self._length
            return n
        text = self._text()
        if pos > self._length:
            text = text + '\0' * (pos - self._length)
        text = text[:pos] + s + text[pos + len(s):]
        self._value = text
        self._length = len(text)
        self._pos = pos + len(s)
        return n

    def read(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        text = self._text()
        pos = self._pos
        if pos >= self._length:
            return ''
        if size < 0:
            end = self._length
        else:
            end = min(pos + size, self._length)
        self._pos = end
        return text[pos:end]

    def readline(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        text = self._text()
        pos = self._pos
        if pos >= self._length:
            return ''
        end = text.find('\n', pos)
        end = self._length if end < 0 else end + 1
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return text[pos:end]

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._length
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError('Negative size value %d' % size)
        if size < self._length:
            self._value = self._text()[:size]
            self._length = size
        return size

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos)


class BytesIO(IOBase):
    """A binary stream kept in memory (a bytearray)."""

    _closed_message = 'I/O operation on closed file.'

    def __init__(self, initial_bytes=b''):
        self._closed = False
        self._buf = bytearray(initial_bytes)
        self._pos = 0

    def getvalue(self):
        self._check_open()
        return bytes(self._buf)

    def write(self, b):
        self._check_open()
        if isinstance(b, str) or not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        n = len(b)
        if n == 0:
            return 0
        buf = self._buf
        pos = self._pos
        length = len(buf)
        if pos == length:
            buf += b
        else:
            if pos > length:
                buf += bytes(pos - length)
            buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        buf = self._buf
        pos = self._pos
        length = len(buf)
        if pos >= length:
            return b''
        end = length if size < 0 else min(pos + size, length)
        self._pos = end
        return bytes(buf[pos:end])

    read1 = read

    def readline(self, size=-1):
        self._check_open()
        size = _size_arg(size)
        buf = self._buf
        pos = self._pos
        length = len(buf)
        if pos >= length:
            return b''
        end = buf.find(b'\n', pos)
        end = length if end < 0 else end + 1
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return bytes(buf[pos:end])

    def readinto(self, target):
        self._check_open()
        data = self.read(len(target))
        target[:len(data)] = data
        return len(data)

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError('negative size value %d' % size)
        if size < len(self._buf):
            del self._buf[size:]
        return size
