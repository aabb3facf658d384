"""Extracts builtin calls with literal operands from OPA conformance YAML into JSON test data.

Usage: extract_calls.py OUT.json PREFIX CATEGORY_DIR...
Each case whose module calls a builtin starting with PREFIX with operands that are Rego literals
(or names bound to literals) becomes {note, builtin, args, want | error}; sets are written as
{"$set": [...]}. Cases it cannot read are listed under "skipped".
"""
import glob, json, re, sys, yaml

class Unreadable(Exception):
    pass

def parse_value(s, i, env):
    i = skip_ws(s, i)
    c = s[i]
    if c == '"':
        j = i + 1
        while s[j] != '"':
            j += 2 if s[j] == '\\' else 1
        return json.loads(s[i:j + 1]), j + 1
    if c == '`':
        j = s.index('`', i + 1)
        return s[i + 1:j], j + 1
    if c == '[':
        items, i = parse_seq(s, i + 1, ']', env)
        return items, i
    if c == '{':
        return parse_braces(s, i + 1, env)
    m = re.compile(r'-?\d+(\.\d+)?([eE][-+]?\d+)?').match(s, i)
    if m:
        text = m.group(0)
        v = float(text) if ('.' in text or 'e' in text.lower()) else int(text)
        if isinstance(v, float) and v.is_integer() and abs(v) < 1e18:
            v = int(v)
        return v, m.end()
    if s.startswith('set()', i):
        return {'$set': []}, i + 5
    m = re.compile(r'[A-Za-z_][A-Za-z0-9_.]*').match(s, i)
    if m:
        name = m.group(0)
        if name in ('true', 'false', 'null'):
            return {'true': True, 'false': False, 'null': None}[name], m.end()
        if name in env:
            return env[name], m.end()
        raise Unreadable('unbound ' + name)
    raise Unreadable('unexpected ' + s[i:i + 20])

def skip_ws(s, i):
    while True:
        while i < len(s) and s[i] in ' \t\r\n':
            i += 1
        if i < len(s) and s[i] == '#':
            i = s.index('\n', i)
            continue
        return i

def parse_seq(s, i, close, env):
    items = []
    i = skip_ws(s, i)
    while s[i] != close:
        v, i = parse_value(s, i, env)
        items.append(v)
        i = skip_ws(s, i)
        if s[i] == ',':
            i = skip_ws(s, i + 1)
    return items, i + 1

def parse_braces(s, i, env):
    i = skip_ws(s, i)
    if s[i] == '}':
        return {}, i + 1
    first, j = parse_value(s, i, env)
    j = skip_ws(s, j)
    if s[j] == ':':
        obj = {}
        k = first
        while True:
            v, j = parse_value(s, j + 1, env)
            obj[k] = v
            j = skip_ws(s, j)
            if s[j] == ',':
                j = skip_ws(s, j + 1)
            if s[j] == '}':
                return obj, j + 1
            k, j = parse_value(s, j, env)
            j = skip_ws(s, j)
    items = [first]
    if s[j] == ',':
        more, j = parse_seq(s, j + 1, '}', env)
        items += more
    else:
        j += 1
    return {'$set': items}, j

def bindings(module):
    env = {}
    for m in re.finditer(r'^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*', module, re.M):
        try:
            v, end = parse_value(module, m.end(), env)
            rest = module[end:module.find('\n', end) if module.find('\n', end) >= 0 else len(module)]
            if rest.strip() in ('', '}'):
                env[m.group(1)] = v
        except (Unreadable, IndexError, ValueError):
            pass
    return env

def main():
    out, prefix, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
    cases, skipped = [], []
    for d in dirs:
        for f in sorted(glob.glob(d + '/*.yaml')):
            for c in yaml.safe_load(open(f))['cases']:
                module = '\n'.join(c.get('modules') or [])
                try:
                    env = bindings(module)
                    m = re.search(re.escape(prefix) + r'[a-z_0-9.]*\(', module)
                    if not m:
                        raise Unreadable('no call')
                    args, end = parse_seq(module, m.end(), ')', dict(env, x=None, y=None, z=None))
                    compared = re.compile(r'\s*==\s*([A-Za-z_][A-Za-z0-9_]*)').match(module, end)
                    case = {'note': c['note'], 'builtin': module[m.start():m.end() - 1], 'args': args}
                    if re.search(r'\bnot\s+$', module[:m.start()]):
                        case['negated'] = True  # not f(...): the call is false or undefined
                    if 'want_error' in c or 'want_error_code' in c:
                        case['error'] = c.get('want_error', '')
                        case['code'] = c.get('want_error_code', '')
                    else:
                        wants = c['want_result']
                        case['want'] = wants[0]['x'] if wants else '$undefined'
                        if compared and case['want'] is True and compared.group(1) in env:
                            case['want'] = env[compared.group(1)]  # f(...) == expected
                    cases.append(case)
                except (Unreadable, IndexError, ValueError, KeyError) as e:
                    skipped.append({'note': c['note'], 'why': str(e)})
    json.dump({'cases': cases, 'skipped': skipped}, open(out, 'w'), indent=1)
    print(len(cases), 'cases,', len(skipped), 'skipped')
    for s in skipped:
        print('  skipped', s['note'], s['why'])

main()
