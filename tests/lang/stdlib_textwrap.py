# textwrap: wrap/fill with the common options, hyphen and em-dash
# splitting, long words, max_lines/placeholder, shorten, dedent, indent.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five "
        "dozen liquor jugs!  How vexingly quick daft zebras jump; a "
        "well-known, state-of-the-art, self-explanatory example--really.")
for width in [10, 20, 35, 70]:
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 40, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap('a' * 30 + ' bb', 8))
print(textwrap.wrap('a' * 30 + ' bb', 8, break_long_words=False))
print(textwrap.wrap('supercalifragilistic-expialidocious-word', 12))
print(textwrap.wrap('  leading and   trailing   ', 10))
print(textwrap.wrap('  leading and   trailing   ', 10, drop_whitespace=False))
print(textwrap.wrap('tabs\tand\nnewlines\there', 12))
print(textwrap.wrap('tabs\tand\nnewlines', 40, replace_whitespace=False, expand_tabs=False))
print(textwrap.wrap('x\ty', 40, tabsize=4))
print(textwrap.wrap('One sentence. Two here! Three? Yes.', 80, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, max_lines=2))
print(textwrap.wrap(text, 30, max_lines=3, placeholder=' ...'))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10), textwrap.fill('short', 10))
print(textwrap.wrap('-x a-b abc-def --flag re-do x--y ab--cd', 6))
print(textwrap.wrap('e-mail well-known-thing A-1 ab-12', 5))
print(textwrap.shorten('Hello  world!', width=12))
print(textwrap.shorten('Hello  world!', width=11))
print(textwrap.shorten('Hello world', width=10, placeholder='...'))
print(repr(textwrap.shorten('   ', 10)))
try:
    textwrap.wrap('abc', 0)
except ValueError as e:
    print('ValueError', e)
try:
    textwrap.shorten('abc def', 3)
except ValueError as e:
    print('ValueError', e)

w = textwrap.TextWrapper(width=15, initial_indent='> ', subsequent_indent='>> ')
print(w.wrap('one two three four five six seven eight'))
w.width = 25
print(w.fill('one two three four five six seven eight'))

block = '''
    def f():
        return 1

      # comment
    x = 2
'''
print(repr(textwrap.dedent(block)))
print(repr(textwrap.dedent('  a\n \n  b\n\t\n')))
print(repr(textwrap.dedent('\ta\n  b')))
print(repr(textwrap.dedent('no indent\n  here')))
print(repr(textwrap.dedent('   \n  x\n    y\n')))
print(repr(textwrap.indent('a\nb\n\nc', '+ ')))
print(repr(textwrap.indent('a\n  \nb\n', '> ', lambda line: True)))
print(repr(textwrap.indent('a\r\nb', '- ')))
