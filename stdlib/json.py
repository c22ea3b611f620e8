"""json — JSON encoding and decoding (CPython 3.11's json API in plain gilt).

dumps/dump accept skipkeys, ensure_ascii, check_circular, allow_nan, cls,
indent, separators, default and sort_keys, and produce byte-identical text
to CPython: floats as float.__repr__ (NaN/Infinity/-Infinity unless
allow_nan=False), ints (and int subclasses) as int.__repr__, str escaped as
CPython's encoder does (\\uXXXX with surrogate pairs when ensure_ascii).

loads/load accept cls, object_hook, object_pairs_hook, parse_float,
parse_int, parse_constant and strict; errors are JSONDecodeError (a
ValueError) with CPython's messages and positions, e.g.
"Expecting value: line 1 column 1 (char 0)". bytes input is decoded as
UTF-8 (UTF-16/32 detection is not done).

Differences: there is no C accelerator and no json.tool; JSONEncoder's
iterencode yields the whole text as one chunk.
"""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder',
           'JSONDecodeError', 'JSONEncoder']

_INFINITY = float('inf')


# ---- errors -------------------------------------------------------------------

class JSONDecodeError(ValueError):
    """Subclass of ValueError with msg, doc, pos, lineno and colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ---- encoding -----------------------------------------------------------------

_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f',
            '\n': '\\n', '\r': '\\r', '\t': '\\t'}
for _i in range(0x20):
    _ESCAPES.setdefault(chr(_i), '\\u%04x' % _i)
del _i


def _encode_basestring(s):
    """s as a JSON string literal, non-ASCII characters kept."""
    escapes = _ESCAPES
    out = []
    start = 0
    for i, ch in enumerate(s):
        if ch < ' ' or ch == '"' or ch == '\\':
            if start < i:
                out.append(s[start:i])
            out.append(escapes[ch])
            start = i + 1
    if start == 0:
        return '"' + s + '"'
    out.append(s[start:])
    return '"' + ''.join(out) + '"'


def _encode_basestring_ascii(s):
    """s as a JSON string literal with only ASCII characters."""
    if s.isascii():
        for ch in s:
            if ch < ' ' or ch == '"' or ch == '\\':
                break
        else:
            return '"' + s + '"'
    escapes = _ESCAPES
    out = ['"']
    for ch in s:
        if ' ' <= ch <= '~':
            if ch == '"' or ch == '\\':
                out.append(escapes[ch])
            else:
                out.append(ch)
            continue
        esc = escapes.get(ch)
        if esc is not None:
            out.append(esc)
            continue
        n = ord(ch)
        if n < 0x10000:
            out.append('\\u%04x' % n)
        else:
            n -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xd800 | ((n >> 10) & 0x3ff),
                                           0xdc00 | (n & 0x3ff)))
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    """Extensible JSON encoder; override default() for other types."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable'
                        % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return _encode_basestring_ascii(o)
            return _encode_basestring(o)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        out = []
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        state = _EncodeState(self, indent, out)
        state.encode(o, 0)
        return iter([''.join(out)])


class _EncodeState:
    # One encoding run: the settings of the encoder plus the output list and
    # the ids of the containers being encoded (for circular references).

    def __init__(self, encoder, indent, out):
        self.encoder = encoder
        self.indent = indent
        self.out = out
        self.markers = {} if encoder.check_circular else None
        self.item_separator = encoder.item_separator
        self.key_separator = encoder.key_separator
        self.encode_str = (_encode_basestring_ascii if encoder.ensure_ascii
                           else _encode_basestring)

    def float_str(self, o):
        if o != o:
            text = 'NaN'
        elif o == _INFINITY:
            text = 'Infinity'
        elif o == -_INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.encoder.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def enter(self, o):
        if self.markers is not None:
            marker = id(o)
            if marker in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[marker] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def encode(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(self.encode_str(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.float_str(o))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            self.enter(o)
            self.encode(self.encoder.default(o), level)
            self.leave(o)

    def encode_list(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        self.enter(lst)
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            out.append('[' + newline_indent)
        else:
            newline_indent = None
            separator = self.item_separator
            out.append('[')
        first = True
        for value in lst:
            if first:
                first = False
            else:
                out.append(separator)
            self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append(']')
        self.leave(lst)

    def encode_dict(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        self.enter(dct)
        if self.indent is not None:
            level += 1
            newline_indent = '\n' + self.indent * level
            separator = self.item_separator + newline_indent
            out.append('{' + newline_indent)
        else:
            newline_indent = None
            separator = self.item_separator
            out.append('{')
        items = dct.items()
        if self.encoder.sort_keys:
            items = sorted(items)
        first = True
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self.float_str(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.encoder.skipkeys:
                continue
            else:
                raise TypeError('keys must be str, int, float, bool or None, not %s'
                                % key.__class__.__name__)
            if first:
                first = False
            else:
                out.append(separator)
            out.append(self.encode_str(key))
            out.append(self.key_separator)
            self.encode(value, level)
        if newline_indent is not None:
            level -= 1
            out.append('\n' + self.indent * level)
        out.append('}')
        self.leave(dct)


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize obj to a JSON formatted str."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan,
               indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    """Serialize obj as JSON to the file-like fp (anything with write)."""
    fp.write(dumps(obj, **kw))


# ---- decoding -----------------------------------------------------------------

_WHITESPACE = ' \t\n\r'
_ESCAPE_CHARS = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
                 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'
_CONSTANTS = {'NaN': float('nan'), 'Infinity': _INFINITY,
              '-Infinity': -_INFINITY}


class JSONDecoder:
    """Simple JSON decoder; decode(s) returns the Python value."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document at s[idx:]; return (value, end index)."""
        try:
            return _Scanner(self, s).value(idx)
        except _StopScan as stop:
            raise JSONDecodeError('Expecting value', s, stop.pos)


class _StopScan(Exception):
    def __init__(self, pos):
        self.pos = pos


def _skip_ws(s, pos):
    n = len(s)
    while pos < n and s[pos] in _WHITESPACE:
        pos += 1
    return pos


class _Scanner:
    # A recursive-descent parser over one document. value(pos) raises
    # _StopScan(pos) when no value starts at pos (the caller decides the
    # message), and JSONDecodeError for everything else.

    def __init__(self, decoder, s):
        self.decoder = decoder
        self.s = s
        self.n = len(s)
        self.memo = {}

    def value(self, pos):
        s = self.s
        if pos >= self.n:
            raise _StopScan(pos)
        ch = s[pos]
        if ch == '"':
            return self.string(pos + 1)
        if ch == '{':
            return self.object(pos + 1)
        if ch == '[':
            return self.array(pos + 1)
        if ch == 'n' and s.startswith('null', pos):
            return None, pos + 4
        if ch == 't' and s.startswith('true', pos):
            return True, pos + 4
        if ch == 'f' and s.startswith('false', pos):
            return False, pos + 5
        if ch == 'N' and s.startswith('NaN', pos):
            return self.decoder.parse_constant('NaN'), pos + 3
        if ch == 'I' and s.startswith('Infinity', pos):
            return self.decoder.parse_constant('Infinity'), pos + 8
        if ch == '-' and s.startswith('-Infinity', pos):
            return self.decoder.parse_constant('-Infinity'), pos + 9
        return self.number(pos)

    def number(self, pos):
        # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
        s = self.s
        n = self.n
        start = pos
        if pos < n and s[pos] == '-':
            pos += 1
        if pos < n and s[pos] == '0':
            pos += 1
        elif pos < n and '1' <= s[pos] <= '9':
            pos += 1
            while pos < n and '0' <= s[pos] <= '9':
                pos += 1
        else:
            raise _StopScan(start)
        is_float = False
        if pos + 1 < n and s[pos] == '.' and '0' <= s[pos + 1] <= '9':
            pos += 2
            while pos < n and '0' <= s[pos] <= '9':
                pos += 1
            is_float = True
        if pos < n and (s[pos] == 'e' or s[pos] == 'E'):
            epos = pos + 1
            if epos < n and (s[epos] == '+' or s[epos] == '-'):
                epos += 1
            if epos < n and '0' <= s[epos] <= '9':
                epos += 1
                while epos < n and '0' <= s[epos] <= '9':
                    epos += 1
                pos = epos
                is_float = True
        text = s[start:pos]
        if is_float:
            return self.decoder.parse_float(text), pos
        return self.decoder.parse_int(text), pos

    def string(self, pos):
        # pos is just after the opening quote.
        s = self.s
        n = self.n
        begin = pos - 1
        strict = self.decoder.strict
        chunks = []
        while True:
            # Copy the run of ordinary characters in one slice.
            start = pos
            while pos < n:
                ch = s[pos]
                if ch == '"' or ch == '\\' or (ch < ' ' and strict):
                    break
                pos += 1
            else:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            if start < pos:
                chunks.append(s[start:pos])
            if ch == '"':
                return ''.join(chunks), pos + 1
            if ch != '\\':
                raise JSONDecodeError('Invalid control character at', s, pos)
            pos += 1
            if pos >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            esc = s[pos]
            if esc != 'u':
                char = _ESCAPE_CHARS.get(esc)
                if char is None:
                    raise JSONDecodeError('Invalid \\escape', s, pos - 1)
                chunks.append(char)
                pos += 1
                continue
            uni = self.hex4(pos)
            pos += 5
            if 0xd800 <= uni <= 0xdbff and s.startswith('\\u', pos):
                low = self.hex4(pos + 1)
                if 0xdc00 <= low <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (low - 0xdc00))
                    pos += 6
            chunks.append(chr(uni))

    def hex4(self, upos):
        # The four hex digits after the 'u' at upos.
        digits = self.s[upos + 1:upos + 5]
        if len(digits) == 4:
            for d in digits:
                if d not in _HEX:
                    break
            else:
                return int(digits, 16)
        raise JSONDecodeError('Invalid \\uXXXX escape', self.s, upos)

    def object(self, pos):
        s = self.s
        n = self.n
        decoder = self.decoder
        pairs = []
        pos = _skip_ws(s, pos)
        if pos < n and s[pos] == '}':
            pos += 1
        else:
            memo = self.memo
            while True:
                if pos >= n or s[pos] != '"':
                    raise JSONDecodeError(
                        'Expecting property name enclosed in double quotes', s, pos)
                key, pos = self.string(pos + 1)
                key = memo.setdefault(key, key)
                pos = _skip_ws(s, pos)
                if pos >= n or s[pos] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, pos)
                pos = _skip_ws(s, pos + 1)
                try:
                    value, pos = self.value(pos)
                except _StopScan as stop:
                    raise JSONDecodeError('Expecting value', s, stop.pos)
                pairs.append((key, value))
                pos = _skip_ws(s, pos)
                if pos < n and s[pos] == '}':
                    pos += 1
                    break
                if pos >= n or s[pos] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, pos)
                pos = _skip_ws(s, pos + 1)
        if decoder.object_pairs_hook is not None:
            return decoder.object_pairs_hook(pairs), pos
        result = dict(pairs)
        if decoder.object_hook is not None:
            result = decoder.object_hook(result)
        return result, pos

    def array(self, pos):
        s = self.s
        n = self.n
        values = []
        pos = _skip_ws(s, pos)
        if pos < n and s[pos] == ']':
            return values, pos + 1
        while True:
            try:
                value, pos = self.value(pos)
            except _StopScan as stop:
                raise JSONDecodeError('Expecting value', s, stop.pos)
            values.append(value)
            pos = _skip_ws(s, pos)
            if pos < n and s[pos] == ']':
                return values, pos + 1
            if pos >= n or s[pos] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, pos)
            pos = _skip_ws(s, pos + 1)


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize s (a str, bytes or bytearray holding JSON)."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError('the JSON object must be str, bytes or bytearray, not %s'
                            % s.__class__.__name__)
        s = bytes(s).decode('utf-8')
    if (cls is None and object_hook is None and parse_int is None and
            parse_float is None and parse_constant is None and
            object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float,
               parse_int=parse_int, parse_constant=parse_constant,
               object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kw):
    """Deserialize the JSON document read from fp (anything with read)."""
    return loads(fp.read(), **kw)
