#!/usr/bin/env python3
"""Checks the unofficial translations in this folder against the originals beside it.

Run: python3 data/seed/translations/check.py   (exit status 0 = all checks pass)

- every key in a translation file exists in the originals, and every original row is covered
  (profiles: the two languages the row is not written in; agreements and notes: vi, ja and en);
- offers/needs keep the same number of ' | '-separated items as the original;
- no empty text or item; Vietnamese and English texts contain no Japanese script, Japanese texts do;
- notes carry no internal research wording (VERIFIED, seed, file names, links);
- files are UTF-8 without BOM, RFC 4180 quoting (as Python's csv module writes it, minimal quoting).
"""
import csv, io, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.dirname(HERE)
LANGS = ('vi', 'ja', 'en')
SEP = ' | '
JA_RE = re.compile(r'[\u3040-\u30ff\u3400-\u9fff]')
FORBIDDEN = re.compile(r'VERIFIED|\bseed\b|\.csv|\.html?\b|https?:|www\.|\.vnp\b', re.I)
errors = []


def err(msg):
    errors.append(msg)


def read(path, header):
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf'):
        err(f'{path}: starts with a BOM')
    text = raw.decode('utf-8')  # raises if not UTF-8
    rows = list(csv.reader(io.StringIO(text, newline='')))
    if not rows or rows[0] != header:
        err(f'{path}: header is {rows[0] if rows else None}, expected {header}')
    buf = io.StringIO()
    csv.writer(buf, lineterminator='\n').writerows(rows)
    if buf.getvalue() != text:
        err(f'{path}: quoting or line endings differ from minimal RFC 4180 quoting with LF line ends')
    for i, r in enumerate(rows[1:], 2):
        if len(r) != len(header):
            err(f'{path}:{i}: {len(r)} fields, expected {len(header)}')
    return [dict(zip(header, r)) for r in rows[1:] if len(r) == len(header)]


def orig(name):
    return list(csv.DictReader(open(os.path.join(SEED, name), encoding='utf-8')))


def check_script(where, lang, text):
    if not text.strip():
        err(f'{where}: empty {lang} text')
    elif lang == 'ja' and not JA_RE.search(text):
        err(f'{where}: ja text has no Japanese script: {text[:60]}')
    elif lang in ('vi', 'en') and JA_RE.search(text):
        err(f'{where}: {lang} text contains Japanese script: {text[:60]}')


def agr_key(r):
    return (r['vn_party'], r['jp_party'], r['signed'])


# 1. profiles
prof = orig('profiles.csv')
by_code = {r['code']: r for r in prof}
tp = read(os.path.join(HERE, 'profiles.csv'), ['code', 'lang', 'offers', 'needs'])
seen = Counter((r['code'], r['lang']) for r in tp)
for (code, lang), n in seen.items():
    if n > 1:
        err(f'profiles.csv: {code} {lang} appears {n} times')
for r in tp:
    o = by_code.get(r['code'])
    where = f"profiles.csv {r['code']} {r['lang']}"
    if o is None:
        err(f'{where}: code not in the original profiles.csv')
        continue
    if r['lang'] not in LANGS or r['lang'] == o['lang']:
        err(f"{where}: language should be one of the two the row is not written in (original is {o['lang']})")
    for col in ('offers', 'needs'):
        items, oitems = r[col].split(SEP), o[col].split(SEP)
        if len(items) != len(oitems):
            err(f'{where}: {col} has {len(items)} items, original has {len(oitems)}')
        for it in items:
            check_script(f'{where} {col}', r['lang'], it)
for o in prof:
    for lang in LANGS:
        if lang != o['lang'] and (o['code'], lang) not in seen:
            err(f"profiles.csv: no {lang} translation for {o['code']}")

# 2. agreement titles
agr_orig = orig('agreements-seed.csv') + orig('agreements-new.csv')
want = Counter(agr_key(r) for r in agr_orig)
ta = read(os.path.join(HERE, 'agreements.csv'), ['vn_party', 'jp_party', 'signed', 'lang', 'title'])
for lang in LANGS:
    got = Counter(agr_key(r) for r in ta if r['lang'] == lang)
    for k in got - want:
        err(f'agreements.csv: {lang} title for {k} not in the originals (or too many)')
    for k in want - got:
        err(f'agreements.csv: no {lang} title for {k}')
for r in ta:
    if r['lang'] not in LANGS:
        err(f"agreements.csv: unknown lang {r['lang']}")
    check_script(f'agreements.csv {agr_key(r)}', r['lang'], r['title'])

# 3. notes
tn = read(os.path.join(HERE, 'notes.csv'), ['file', 'key', 'lang', 'text'])
expected = {
    'agreements-seed.csv': Counter('|'.join(agr_key(r)) for r in orig('agreements-seed.csv')),
    'agreements-new.csv': Counter('|'.join(agr_key(r)) for r in orig('agreements-new.csv')),
    'agreements-terms.csv': Counter('|'.join(agr_key(r)) for r in orig('agreements-terms.csv')),
    'profiles.csv': Counter(r['code'] for r in prof),
}
for r in tn:
    if r['file'] not in expected:
        err(f"notes.csv: unknown file {r['file']}")
    if r['lang'] not in LANGS:
        err(f"notes.csv: unknown lang {r['lang']}")
for f, want in expected.items():
    for lang in LANGS:
        got = Counter(r['key'] for r in tn if r['file'] == f and r['lang'] == lang)
        for k in got - want:
            err(f'notes.csv: {f} {lang} note for {k} not in the originals (or too many)')
        for k in want - got:
            err(f'notes.csv: {f} has no {lang} note for {k}')
for r in tn:
    where = f"notes.csv {r['file']} {r['key']} {r['lang']}"
    check_script(where, r['lang'], r['text'])
    if FORBIDDEN.search(r['text']):
        err(f'{where}: internal wording or link: {FORBIDDEN.search(r["text"]).group(0)}')
    if r['file'] != 'profiles.csv':
        n = len(re.findall(r'。', r['text'])) if r['lang'] == 'ja' else len(re.findall(r'[.!?](?:\s|$)', r['text']))
        if n > 2:
            err(f'{where}: {n} sentences, the summary should be 1-2')

if errors:
    print('\n'.join(errors))
    print(f'{len(errors)} problem(s)')
    sys.exit(1)
print(f'ok: profiles.csv {len(tp)} rows, agreements.csv {len(ta)} rows, notes.csv {len(tn)} rows')
