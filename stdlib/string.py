"""string — character class constants and capwords (as CPython's)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split, capitalize each word, join."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---- Template ----------------------------------------------------------------
#
# string.Template ($name / ${name} / $$ substitution), added by the stdlib
# engineer. gilt has no `re` module, so the placeholder syntax is scanned by
# hand instead of with CPython's regular expression; a subclass may change
# `delimiter` (any non-empty string), but `idpattern`, `braceidpattern` and
# `pattern` overrides are not honoured. Identifiers are ASCII, as in CPython:
# a letter or underscore, then letters, digits or underscores.

__all__.append("Template")

_TEMPLATE_ID_START = ascii_letters + '_'
_TEMPLATE_ID_REST = ascii_letters + digits + '_'


def _template_scan(template, delimiter):
    """Yield (start, end, kind, name) for each placeholder in template.

    kind is 'escaped' (a doubled delimiter), 'named' ($name), 'braced'
    (${name}) or 'invalid' (a delimiter followed by anything else).
    """
    n = len(template)
    dlen = len(delimiter)
    pos = template.find(delimiter)
    while pos >= 0:
        after = pos + dlen
        if template.startswith(delimiter, after):
            yield pos, after + dlen, 'escaped', None
            pos = template.find(delimiter, after + dlen)
            continue
        if after < n and template[after] in _TEMPLATE_ID_START:
            end = after + 1
            while end < n and template[end] in _TEMPLATE_ID_REST:
                end += 1
            yield pos, end, 'named', template[after:end]
            pos = template.find(delimiter, end)
            continue
        if (after + 1 < n and template[after] == '{'
                and template[after + 1] in _TEMPLATE_ID_START):
            end = after + 2
            while end < n and template[end] in _TEMPLATE_ID_REST:
                end += 1
            if end < n and template[end] == '}':
                yield pos, end + 1, 'braced', template[after + 1:end]
                pos = template.find(delimiter, end + 1)
                continue
        yield pos, after, 'invalid', None
        pos = template.find(delimiter, after)


class _TemplateChainMap:
    # The keyword arguments shadow the mapping, like CPython's ChainMap use.
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _invalid(self, index):
        # Line and column of the character after the bad delimiter.
        lines = self.template[:index].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = index - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _mapping(self, args, kws, name):
        if len(args) > 1:
            raise TypeError('%s() takes from 1 to 2 positional arguments but %d were given'
                            % (name, len(args) + 1))
        if not args:
            return kws
        if kws:
            return _TemplateChainMap(kws, args[0])
        return args[0]

    def substitute(self, *args, **kws):
        mapping = self._mapping(args, kws, 'substitute')
        template = self.template
        parts = []
        last = 0
        for start, end, kind, name in _template_scan(template, self.delimiter):
            parts.append(template[last:start])
            if kind == 'escaped':
                parts.append(self.delimiter)
            elif kind == 'invalid':
                self._invalid(end)
            else:
                parts.append('%s' % (mapping[name],))
            last = end
        parts.append(template[last:])
        return ''.join(parts)

    def safe_substitute(self, *args, **kws):
        mapping = self._mapping(args, kws, 'safe_substitute')
        template = self.template
        parts = []
        last = 0
        for start, end, kind, name in _template_scan(template, self.delimiter):
            parts.append(template[last:start])
            if kind == 'escaped':
                parts.append(self.delimiter)
            elif kind == 'invalid':
                parts.append(template[start:end])
            else:
                try:
                    parts.append('%s' % (mapping[name],))
                except KeyError:
                    parts.append(template[start:end])
            last = end
        parts.append(template[last:])
        return ''.join(parts)

    def is_valid(self):
        for start, end, kind, name in _template_scan(self.template, self.delimiter):
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, name in _template_scan(self.template, self.delimiter):
            if name is not None and name not in ids:
                ids.append(name)
        return ids
