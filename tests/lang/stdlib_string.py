# string: constants, capwords and Template ($name, ${name}, $$, errors,
# safe_substitute, get_identifiers/is_valid, a custom delimiter).
import string
from string import Template

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation)
print(string.capwords('hello   big world'), string.capwords('a-b-c', '-'))

t = Template('$who likes $what')
print(t.substitute(who='tim', what='kung pao'))
print(t.substitute({'who': 'ann', 'what': 'tea'}))
print(t.substitute({'who': 'ann', 'what': 'tea'}, who='bob'))
print(t.template)
print(Template('${noun}ification and $$5 and $$$x').substitute(noun='gilt', x=1))
print(Template('$a$b ${a}b $a_1 $1 x$').safe_substitute(a='A', b='B'))
print(Template('no placeholders').substitute())
print(Template('$x is ${y}').safe_substitute(x=[1, 2]))
print(Template('$x').substitute(x=3.5), Template('${x}').substitute(x=None))
try:
    Template('$who likes $what').substitute(who='tim')
except KeyError as e:
    print('KeyError', e)
for bad in ['cost: $', 'a $1', 'line1\nline2 ${ x}', '${unclosed', '$\n$x']:
    try:
        Template(bad).substitute(x=1)
    except ValueError as e:
        print('ValueError', e)
    print(repr(Template(bad).safe_substitute(x=1)), Template(bad).is_valid())
tmpl = Template('$a ${b} $a $$c $d_e ${f}')
print(tmpl.get_identifiers(), tmpl.is_valid())
print(Template('$').get_identifiers())


class Percent(Template):
    delimiter = '%'


print(Percent('%name costs %%%price').substitute(name='tea', price=3))
print(Percent('100% of $x').safe_substitute(x=1))


class Many(Template):
    delimiter = '@@'


print(Many('@@a and @@@@ and @@{b}!').substitute(a=1, b=2))
d = {'x': 'dict'}
print(Template('$x').substitute(d, y=1), Template('$x').safe_substitute(d, x='kw'))
try:
    Template('$x').substitute({}, {})
except TypeError as e:
    print('TypeError')
