# json: dumps (indent/sort_keys/separators/default/ensure_ascii/allow_nan/
# skipkeys/circular), loads (all value kinds, hooks, parse_*), error
# messages with line/column, dump/load through io.StringIO.
import json
import io

print(json.dumps([1, 2.5, 'x', None, True, False, {'a': [1, {}]}, [], (3, 4)]))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 0, 'y': [1, 2]}}, sort_keys=True))
print(json.dumps({'b': 1, 'a': [1, 2, {'k': 'v'}], 'e': [], 'd': {}}, indent=2))
print(json.dumps([1, [2, [3]]], indent='\t'))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent=0))
print(json.dumps({'a': 1, 'b': [1, 2]}, separators=(',', ':')))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent=4, separators=(',', ' = ')))
for f in [0.1, 1.0, -0.0, 1e16, 1.5e-10, 123456789.125, 3.141592653589793, 1e300 * 10, -1e300 * 10]:
    print(json.dumps(f), end=' ')
print(json.dumps(float('nan')))
try:
    json.dumps([float('inf')], allow_nan=False)
except ValueError as e:
    print('ValueError', e)
print(json.dumps(12345678901234567890), json.dumps(-7), json.dumps(True))
print(json.dumps('héllo "q" \\ \n\t\x01 \u20ac \U0001f600'))
print(json.dumps('héllo "q" \u20ac \U0001f600', ensure_ascii=False))
print(json.dumps({1: 'int', 2.5: 'float', True: 't', None: 'n', 'str': 's'}))
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print('TypeError', e)
print(json.dumps({(1, 2): 3, 'ok': 1}, skipkeys=True))
try:
    json.dumps({'s': {1, 2}})
except TypeError as e:
    print('TypeError', e)
print(json.dumps({'s': {3, 1, 2}}, default=sorted))
circ = [1]
circ.append(circ)
try:
    json.dumps(circ)
except ValueError as e:
    print('ValueError', e)
cd = {}
cd['me'] = cd
try:
    json.dumps(cd)
except ValueError as e:
    print('ValueError', e)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)


print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(json.dumps(Point(5, 6), default=lambda o: o.__dict__, sort_keys=True))
print(PointEncoder(indent=1).encode({'p': Point(0, 0)}))
try:
    json.dumps(Point(1, 2), cls=PointEncoder, check_circular=False, default=None)
    json.dumps(object())
except TypeError as e:
    print('TypeError', e)

docs = ['null', 'true', 'false', '0', '-12', '3.25', '-0.5e3', '1E2', '1e-2',
        '"text"', '"esc \\" \\\\ \\/ \\b \\f \\n \\r \\t"', '"\\u00e9\\u20AC"',
        '"\\ud83d\\ude00"', '[]', '{}', ' [1, [2, [3, []]]] ',
        '{"a": {"b": [true, null]}, "c": "d"}', '\n\t{ "k" :\r\n 1 }\n',
        'NaN', 'Infinity', '-Infinity', '12345678901234567890', '"h\u00e9"',
        '{"dup": 1, "dup": 2}', '-0', '-0.0', '[1.0, 2.50]']
for doc in docs:
    print(repr(doc), '->', repr(json.loads(doc)))

bad = ['', ' ', '[1,]', '{"a":1,}', '{1:2}', '{"a" 1}', '[1 2]', '"abc',
       '"a\\qb"', '"a\\u12"', '"a\\u12zz"', '"a\x01"', '1 2', '[', '{',
       '{"a":', 'nul', '-', '01', '1.', '1e', '[1,2', '\ufeff1',
       ' \n [1,\n  x]', '{"a"', '"\\', '{"a":1 "b"}', '[tru]', '{"a": }',
       'x', '"line\nbreak"', '[1,\n2,\n3,\n]']
for doc in bad:
    try:
        json.loads(doc)
        print(repr(doc), 'no error?')
    except json.JSONDecodeError as e:
        print(repr(doc), '|', e, '|', e.msg, e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print('TypeError', e)
print(json.loads(b'{"bytes": [1]}'), json.loads(bytearray(b'"ba"')))
print(json.loads('"a\x01b"', strict=False))

print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1, 2.5, 3]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: 'C' + s))
dec = json.JSONDecoder()
print(dec.decode('[1]'), dec.raw_decode('{"x": 1} trailing'), dec.raw_decode('  7', 2))

buf = io.StringIO()
json.dump({'list': [1, 2], 'n': None}, buf, indent=2, sort_keys=True)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))

data = {'users': [{'name': 'ann', 'age': 31, 'tags': ['a', 'b'], 'score': 9.5},
                  {'name': 'bob', 'age': 27, 'tags': [], 'score': None}],
        'count': 2, 'ok': True}
text = json.dumps(data, indent=2, sort_keys=True)
print(text)
print(json.loads(text) == data, json.loads(json.dumps(data)) == data)
