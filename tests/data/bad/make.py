#!/usr/bin/env python3
"""Writes the bad-file corpus next to this script from small valid bases cut from data/.

Run it again after a format change: `python3 tests/data/bad/make.py`. Each file's expected
message lives in expected.json (checked natively by tests/bad_files.rs; the browser test
tests/browser/bad-data.test.mjs loads a sample). Huge cases (a 60 MB file, 20,000-deep nesting,
a 1 MB text) are made by the tests themselves rather than stored.
"""
import copy, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..', '..')
load = lambda p: json.load(open(os.path.join(ROOT, p), encoding='utf-8'))


def used_sources(doc):
    ids = set()
    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k == 'sources' and isinstance(x, list) and all(isinstance(i, str) for i in x):
                    ids.update(x)
                else:
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk({k: v for k, v in doc.items() if k != 'sources'})
    return ids


def trim_sources(doc):
    keep = used_sources(doc)
    doc['sources'] = [s for s in doc['sources'] if s['id'] in keep]
    return doc


def matrix_base():
    m = load('data/matrix.json')
    m['links'] = m['links'][:3]
    m['provenance'] = {'compiled': m['provenance']['compiled'], 'basis': 'test fixture'}
    for al in m['action_lines']:
        al['title'] = {'en': al['title']['en']}
        al['title_sources'] = {'en': al['title_sources']['en']}
    for g in m['groups']:
        g['title'] = {'en': g['title']['en']}
        g['title_sources'] = {'en': g['title_sources']['en']}
    return trim_sources(m)


def forum_base():
    f = load('data/forum-outcomes.json')
    f['sessions'] = f['sessions'][:3]
    years = {s['year'] for s in f['sessions']}
    f['years'] = [y for y in f['years'] if y['year'] in years]
    f['provenance'] = {'compiled': f['provenance']['compiled'], 'basis': 'test fixture'}
    return trim_sources(f)


def pledges_base():
    p = load('data/p2c-pledges.json')
    p['provenance'] = {'compiled': p['provenance']['compiled'], 'basis': 'test fixture'}
    return trim_sources(p)


def sdg_base():
    return load('data/sdg/sdg-en.json')


BASES = {'matrix': matrix_base(), 'forum': forum_base(), 'pledges': pledges_base(), 'sdg': sdg_base()}
files = {}


def put(name, data):
    files[name] = data if isinstance(data, bytes) else data.encode('utf-8')


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1)


def patched(kind, change):
    doc = copy.deepcopy(BASES[kind])
    change(doc)
    return dump(doc)


def setter(path, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


# Text-level faults, for every kind.
for kind in BASES:
    good = dump(BASES[kind])
    put(f'{kind}-good.json', good)
    put(f'{kind}-empty.json', '')
    put(f'{kind}-truncated.json', good[: len(good) // 2])
    put(f'{kind}-null.json', 'null')
    put(f'{kind}-array.json', '[]')
    put(f'{kind}-html.json', '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n')
    put(f'{kind}-utf16.json', good.encode('utf-16'))
    put(f'{kind}-bom.json', b'\xef\xbb\xbf' + good.encode('utf-8'))
put('matrix-trailing-comma.json', dump(BASES['matrix'])[:-2].rstrip() + ',\n}')
put('forum-nan.json', dump(BASES['forum']).replace('"format": 1', '"format": NaN', 1))
put('pledges-latin1.json', dump(BASES['pledges']).replace('"basis": "test fixture"', '"basis": "caf\u00e9"').encode('latin-1', 'replace'))

# Shape and value faults.
put('matrix-sdg-0.json', patched('matrix', lambda d: d['links'][0].update(sdg=0)))
put('matrix-sdg-18.json', patched('matrix', lambda d: d['links'][0].update(sdg=18)))
put('matrix-sdg-9.5.json', patched('matrix', lambda d: d['links'][0].update(sdg=9.5)))
put('matrix-sdg-1e30.json', patched('matrix', lambda d: d['links'][0].update(sdg=1e30)))
put('matrix-sdg-as-text.json', patched('matrix', lambda d: d['links'][0].update(sdg="5")))
put('matrix-links-object.json', patched('matrix', setter(['links'], {})))
put('matrix-unknown-action-line.json', patched('matrix', lambda d: d['links'][0].update(action_line='C12')))
put('matrix-duplicate-cell.json', patched('matrix', lambda d: d['links'].append(copy.deepcopy(d['links'][0]))))
put('matrix-duplicate-action-line.json', patched('matrix', lambda d: d['action_lines'].append(copy.deepcopy(d['action_lines'][0]))))
put('matrix-unknown-target.json', patched('matrix', lambda d: d['links'][0].update(targets=['1.z'])))
put('matrix-unknown-source.json', patched('matrix', lambda d: d['action_lines'][0].update(sources=['S999'])))
put('matrix-duplicate-source-ref.json', patched('matrix', lambda d: d['action_lines'][0].update(sources=d['action_lines'][0]['sources'] * 2)))
put('matrix-duplicate-source-id.json', patched('matrix', lambda d: d['sources'].append(copy.deepcopy(d['sources'][0]))))
put('matrix-javascript-url.json', patched('matrix', lambda d: d['sources'][0].update(url='javascript:alert(1)')))
put('matrix-data-url.json', patched('matrix', lambda d: d['action_lines'][0]['title_sources'].update(en='data:text/html,<script>alert(1)</script>')))
put('matrix-unknown-field.json', patched('matrix', lambda d: d.update(extra=True)))
put('matrix-format-2.json', patched('matrix', setter(['format'], 2)))
put('matrix-empty-title.json', patched('matrix', lambda d: d['action_lines'][0]['title'].update(en='  ')))

put('forum-year-wrong-type.json', patched('forum', lambda d: d['sessions'][0].update(year='2016')))
put('forum-year-1999.json', patched('forum', lambda d: d['sessions'][0].update(year=1999)))
put('forum-sdg-18.json', patched('forum', lambda d: d['sessions'][0].update(sdgs=[18])))
put('forum-duplicate-session.json', patched('forum', lambda d: d['sessions'].append(copy.deepcopy(d['sessions'][0]))))
put('forum-duplicate-year.json', patched('forum', lambda d: d['years'].append(copy.deepcopy(d['years'][0]))))
put('forum-javascript-url.json', patched('forum', lambda d: d['sessions'][0].update(url='javascript:alert(1)')))
put('forum-data-url.json', patched('forum', lambda d: d['sources'][0].update(url='data:text/html,x')))
put('forum-bad-date.json', patched('forum', lambda d: d['sessions'][0].update(date='2016-13-45')))
put('forum-unknown-action-line.json', patched('forum', lambda d: d['sessions'][0].update(action_lines=['C7'])))
put('forum-unknown-source.json', patched('forum', lambda d: d['years'][0].update(sources=['S999'])))

put('pledges-negative.json', patched('pledges', lambda d: d['milestones'][0].update(usd=-5)))
put('pledges-usd-as-text.json', patched('pledges', lambda d: d['milestones'][0].update(usd='18550000000')))
put('pledges-fraction.json', patched('pledges', lambda d: d['milestones'][0].update(pledges=9.5)))
put('pledges-usd-1e30.json', patched('pledges', lambda d: d['milestones'][0].update(usd=1e30)))
put('pledges-pledges-1e30.json', patched('pledges', lambda d: d['milestones'][0].update(pledges=1e30)))
put('forum-duplicate-source-ref.json', patched('forum', lambda d: d['years'][0].update(sources=d['years'][0]['sources'] * 2)))
put('pledges-unknown-source.json', patched('pledges', lambda d: d['goal'].update(sources=['S999'])))
put('pledges-javascript-url.json', patched('pledges', lambda d: d['sources'][0].update(url='javascript:alert(1)')))
put('pledges-bad-date.json', patched('pledges', lambda d: d['milestones'][0].update(date='June 2022')))
put('pledges-out-of-order.json', patched('pledges', lambda d: d['milestones'].reverse()))
put('pledges-duplicate-source-id.json', patched('pledges', lambda d: d['sources'].append(copy.deepcopy(d['sources'][0]))))

put('sdg-wrong-language.json', patched('sdg', setter(['lang'], 'fr')))
put('sdg-16-goals.json', patched('sdg', lambda d: d['goals'].pop()))
put('sdg-bad-colour.json', patched('sdg', lambda d: d['goals'][0].update(colour='red')))
put('sdg-goals-swapped.json', patched('sdg', lambda d: d['goals'].insert(0, d['goals'].pop(1))))

# Accepted: markup, bidi controls, NUL and U+FFFE are text, shown as text.
MARKUP = '<img src=x onerror=alert(1)> <b>bold</b> \u202eevil\u202c \u0000 \ufffe & "quotes"'
put('matrix-markup-ok.json', patched('matrix', lambda d: (d['links'][0].update(rationale=MARKUP), d['action_lines'][0]['title'].update(en='C1 ' + MARKUP))))
put('forum-markup-ok.json', patched('forum', lambda d: (d['sessions'][0].update(title=MARKUP, organisers=[MARKUP]))))
put('pledges-markup-ok.json', patched('pledges', lambda d: d['milestones'][0].update(event=MARKUP)))

# Deck files of the presenter (read by src/embed/present/deck.js; their messages are in
# deck-expected.json, checked by tests/deck/bad-decks.test.mjs).
DECK = {'title': 'WSIS Forum', 'lang': 'en', 'slides': [{'type': 'matrix'}, {'type': 'action-line', 'id': 'C5'}, {'type': 'pledges'}]}
put('deck-good.json', dump(DECK))
put('deck-empty.json', '')
put('deck-html.json', '<!DOCTYPE html><html><body>404</body></html>')
put('deck-null.json', 'null')
put('deck-array.json', '[]')
put('deck-truncated.json', dump(DECK)[:40])
put('deck-no-slides.json', dump({'title': 'x'}))
put('deck-empty-slides.json', dump({'slides': []}))
put('deck-unknown-type.json', dump({'slides': [{'type': 'video'}]}))
put('deck-bad-action-line.json', dump({'slides': [{'type': 'action-line', 'id': 'C12'}]}))
put('deck-bad-year.json', dump({'slides': [{'type': 'forum', 'year': '2025'}]}))
put('deck-bad-lang.json', dump({'lang': 'de', 'slides': [{'type': 'matrix'}]}))
put('deck-bad-refresh.json', dump({'refresh': 0, 'slides': [{'type': 'matrix'}]}))
# JSON.parse reads 1e309 as Infinity: not a number of seconds either (found by tests/deck/fuzz.test.mjs).
put('deck-refresh-1e309.json', '{"refresh": 1e309, "slides": [{"type": "matrix"}]}')
put('deck-markup-title.json', dump({'title': '<img src=x onerror=alert(1)>', 'slides': [{'type': 'matrix'}]}))

for name in sorted(os.listdir(HERE)):
    if name.endswith('.json') and name not in ('expected.json', 'deck-expected.json') and name not in files:
        os.remove(os.path.join(HERE, name))
for name, data in files.items():
    with open(os.path.join(HERE, name), 'wb') as out:
        out.write(data)
print(f'{len(files)} files')
