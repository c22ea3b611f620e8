"""textwrap — wrap, fill, shorten, dedent, indent and TextWrapper
(CPython 3.11's API, options and results).

CPython splits text into chunks with a regular expression; gilt has no
`re`, so _split_chunks scans by hand with the same rules: runs of ASCII
whitespace, words, hyphenated words broken after a hyphen that has two
letters before it and a letter after it ("well-" "known", but not "-x" or
"a-b"), and em-dashes ("--") between words as chunks of their own. The
line-filling algorithm (long words, drop_whitespace, max_lines with a
placeholder, fix_sentence_endings) follows CPython's step by step.
Differences: \\w in those rules means str.isalnum() or '_', and "letter"
means str.isalpha(), which agree with CPython's Unicode classes for
ordinary text.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '
_WORD_PUNCT = '!"\'&.,?'


def _is_letter(ch):
    return ch.isalpha()


def _is_word(ch):
    return ch.isalnum() or ch == '_'


def _is_word_punct(ch):
    return _is_word(ch) or ch in _WORD_PUNCT


def _split_word(word, out):
    # Split one whitespace-free run into chunks at hyphens and em-dashes.
    # Like CPython's look-behinds, the tests may look before `start` (into
    # the chunk already emitted), but a chunk is never empty.
    n = len(word)
    start = 0
    i = 0
    while i < n:
        if word[i] != '-':
            i += 1
            continue
        j = i
        while j < n and word[j] == '-':
            j += 1
        # An em-dash (two or more hyphens) after word punctuation and before
        # a word character is a chunk of its own.
        if j - i >= 2 and i > 0 and _is_word_punct(word[i - 1]) and j < n and _is_word(word[j]):
            if start < i:
                out.append(word[start:i])
            out.append(word[i:j])
            start = i = j
            continue
        # A hyphenated word breaks after this hyphen when it has two letters
        # (or letter-hyphen-letter) before it and letter[-]letter after it.
        if i > start:
            before_ok = ((i >= 2 and _is_letter(word[i - 2]) and _is_letter(word[i - 1])) or
                         (i >= 3 and _is_letter(word[i - 3]) and word[i - 2] == '-'
                          and _is_letter(word[i - 1])))
            after_ok = (i + 2 < n and _is_letter(word[i + 1]) and
                        (_is_letter(word[i + 2]) or
                         (i + 3 < n and word[i + 2] == '-' and _is_letter(word[i + 3]))))
            if before_ok and after_ok:
                out.append(word[start:i + 1])
                start = i + 1
        i += 1
    if start < n:
        out.append(word[start:])


class TextWrapper:
    """Wrap paragraphs of text; the options are public attributes."""

    sentence_end_chars = '.!?'

    def __init__(self, width=70, initial_indent='', subsequent_indent='',
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *,
                 max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for ch in '\t\n\x0b\x0c\r':
                text = text.replace(ch, ' ')
        return text

    def _split(self, text):
        chunks = []
        n = len(text)
        i = 0
        while i < n:
            j = i
            if text[i] in _whitespace:
                while j < n and text[j] in _whitespace:
                    j += 1
                chunks.append(text[i:j])
            else:
                while j < n and text[j] not in _whitespace:
                    j += 1
                if self.break_on_hyphens:
                    _split_word(text[i:j], chunks)
                else:
                    chunks.append(text[i:j])
            i = j
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == ' ' and self._ends_sentence(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _ends_sentence(self, chunk):
        # [a-z][.!?]["']?\Z
        if chunk and chunk[-1] in '"\'':
            chunk = chunk[:-1]
        return (len(chunk) >= 2 and chunk[-1] in self.sentence_end_chars
                and 'a' <= chunk[-2] <= 'z')

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError('invalid width %r (must be > 0)' % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError('placeholder too large for max width')
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1 and
                         not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of the wrapped paragraph, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The wrapped paragraph as one string."""
        return '\n'.join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse whitespace and truncate to width, ending in the placeholder."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def _leading_blanks(line):
    i = 0
    while i < len(line) and line[i] in ' \t':
        i += 1
    return line[:i]


def dedent(text):
    """Remove the whitespace prefix that every non-blank line shares.

    Lines of only spaces and tabs become empty, as in CPython.
    """
    lines = text.split('\n')
    margin = None
    for index, line in enumerate(lines):
        prefix = _leading_blanks(line)
        if len(prefix) == len(line):
            if line:
                lines[index] = ''
            continue
        if margin is None:
            margin = prefix
        elif prefix.startswith(margin):
            pass
        elif margin.startswith(prefix):
            margin = prefix
        else:
            i = 0
            while i < len(margin) and i < len(prefix) and margin[i] == prefix[i]:
                i += 1
            margin = margin[:i]
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text for which predicate(line) is true
    (by default, lines that are not just whitespace)."""
    out = []
    for line in text.splitlines(True):
        if (line.strip() if predicate is None else predicate(line)):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
