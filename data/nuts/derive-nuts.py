#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Derives Distretto's NUTS tables from Eurostat's NUTS workbooks.

    derive-nuts.py REAL_DATA_DIR OUTPUT_DIR

REAL_DATA_DIR is the shared folder of real data (its
eurostat-regional-extra/nuts-correspondence/, nuts-labels/, nuts-geo-2024-20m/
and nuts-geo-2021-60m/). Writes OUTPUT_DIR/nuts-regions.tsv (every code of
NUTS 2010, 2013, 2016, 2021 and 2024 with the versions it exists in and its
Latin and national names) and OUTPUT_DIR/nuts-changes.tsv (the official
changes between consecutive versions), sorted, and prints a summary.

Needs Debian's python3-openpyxl and python3-xlrd. Not run by the build: the
derived tables are committed, the workbooks never are.

How changes are derived, level by level and version step by version step:
every code is a node (old side, new side); edges join a code kept in both
versions, the two codes of a row (`FR21 | FRF2`, `DE807 | DE80K (part)`),
the codes of a formula (`FRC1=FR26`, `PT1A0 + PT1B0 = ex-PT170`), codes
named in a row's change text (`split into new HU11 and HU12`), and an old
and a new row of one country with the same label (`FR91 Guadeloupe`
discontinued, `FRA1 Guadeloupe` new). Codes nothing explains join the
other such codes and the boundary changes of their parent region, else of
their NUTS 1 region, else of their country. Each connected group is one
change: 1:1 (recoded, or boundary when a row speaks of a boundary shift),
1:n split, n:1 merge, n:m boundary, old only (discontinued), new only (new).
Names: GISCO's NAME_LATN and NUTS_NAME for 2021 and 2024, the workbooks'
labels (national) for older versions, in Latin script through Eurostat's
transliterations or, for Greek, ELOT 743.
"""

import collections
import json
import os
import re
import sys
import unicodedata

import openpyxl
import xlrd

VERSIONS = (2010, 2013, 2016, 2021, 2024)
CODE_RE = re.compile(r'^[A-Z]{2}[0-9A-Z]{0,3}$')
# Codes inside free text; "FR 21" and the typo "FRFR25" included.
TEXT_CODE_RE = re.compile(r'(?<![0-9A-Za-z])(?:ex-|new ?)?((?:[A-Z]{2})?[A-Z]{2} ?[0-9A-Z]{1,3})(?![0-9A-Za-z])')

CREDIT = ("Derived from Eurostat's NUTS classification and correspondence tables, "
          "© European Union; see data/nuts/derive-nuts.py")


def clean(value):
    """A cell as a stripped string, '' for empty cells and numbers' .0."""
    if value is None:
        return ''
    if isinstance(value, float):
        return str(int(value)) if value == int(value) else str(value)
    return ' '.join(str(value).split())


def code_of(value):
    """A code cell: ('UKI1', True) for 'UKI1 (part)', ('', False) if none."""
    text = clean(value)
    part = '(part)' in text
    text = text.replace('(part)', '').strip()
    return (text, part) if CODE_RE.match(text) else ('', False)


def level_of(code):
    return len(code) - 2


def rows_xlsx(path, sheet):
    workbook = openpyxl.load_workbook(path, read_only=True)
    return [list(row) for row in workbook[sheet].iter_rows(values_only=True)]


def rows_xls(path, sheet):
    book = xlrd.open_workbook(path)
    sh = book.sheet_by_name(sheet)
    return [sh.row_values(i) for i in range(sh.nrows)]


def after_header(rows, column, title):
    """The rows below the header row whose cell `column` is `title`
    (spacer rows dropped)."""
    for i, row in enumerate(rows):
        if len(row) > column and clean(row[column]) == title:
            return [r for r in rows[i + 1:] if any(clean(c) for c in r)]
    raise ValueError('no header %r' % title)


class Row:
    """One line of a change list: old code, new code, label, change text."""

    def __init__(self, old, new, label, text, old_part=False, new_part=False):
        self.old, self.new = old, new
        self.old_part, self.new_part = old_part, new_part
        self.label = label
        self.text = text


class Step:
    """The rows of one version step, and the codes of each side."""

    def __init__(self, old_version, new_version):
        self.old_version, self.new_version = old_version, new_version
        self.rows = []          # from the full list, in order
        self.notes = []         # (code, text) from the per-level change sheets
        self.old_codes = set()
        self.new_codes = set()
        self.old_labels = {}
        self.new_labels = {}

    def add_full_row(self, old, new, label, text, old_part=False, new_part=False):
        if not old and not new:
            return
        self.rows.append(Row(old, new, label, text, old_part, new_part))
        if old:
            self.old_codes.add(old)
            self.old_labels.setdefault(old, label)
        if new:
            self.new_codes.add(new)
            if not old or old == new or not new_part:
                self.new_labels.setdefault(new, label)


# Typos in Eurostat's explanations that would join unrelated regions.
TYPOS = {
    'PL913=PL633-new PL926': 'PL913=PL12A-new PL926',   # PL633 (Trójmiejski) for PL12A
}


def fix_typos(text):
    return TYPOS.get(text, text)


def first_label(cells):
    for cell in cells:
        text = clean(cell)
        if text:
            return text
    return ''


def read_change_sheet(step, rows, old_col, new_col, label_col, text_cols):
    """A 'Correspondence NUTS-n' / 'Changes NUTS-n' sheet: its texts."""
    for row in rows:
        old, _ = code_of(row[old_col] if len(row) > old_col else None)
        new, _ = code_of(row[new_col] if len(row) > new_col else None)
        change, explanation = (fix_typos(clean(row[c])) if len(row) > c else '' for c in text_cols)
        label = clean(row[label_col]) if len(row) > label_col else ''
        if change or explanation or label:
            step.notes.append((old, new, label, change, explanation))


def read_2010_2013(folder):
    path = os.path.join(folder, 'NUTS 2010 - NUTS 2013.xls')
    step = Step(2010, 2013)
    for row in after_header(rows_xls(path, 'NUTS2010-NUTS2013'), 1, 'Code 2010'):
        old, old_part = code_of(row[1])
        new, new_part = code_of(row[2])
        step.add_full_row(old, new, first_label(row[3:7]), clean(row[7]), old_part, new_part)
    for level in (1, 2, 3):
        rows = after_header(rows_xls(path, 'Correspondence NUTS-%d' % level), 0, 'Code 2010')
        read_change_sheet(step, rows, 0, 1, 2, (3, 4))
    return step


def read_2013_2016(folder):
    path = os.path.join(folder, 'NUTS2013-NUTS2016.xlsx')
    step = Step(2013, 2016)
    for row in after_header(rows_xlsx(path, 'NUTS2013-NUTS2016'), 1, 'Code 2013'):
        old, old_part = code_of(row[1])
        new, new_part = code_of(row[2])
        step.add_full_row(old, new, first_label(row[3:7]), clean(row[7]), old_part, new_part)
    for level in (1, 2, 3):
        rows = after_header(rows_xlsx(path, 'Correspondence NUTS-%d' % level), 0, 'Code 2013')
        read_change_sheet(step, rows, 0, 1, 2, (3, 4))
    return step


def read_2016_2021(folder):
    path = os.path.join(folder, 'NUTS2021.xlsx')
    step = Step(2016, 2021)
    for row in after_header(rows_xlsx(path, 'Changes detailed NUTS 2016-2021'), 0, 'Code 2016'):
        old, old_part = code_of(row[0])
        new, new_part = code_of(row[1])
        step.add_full_row(old, new, first_label(row[2:6]), clean(row[7]), old_part, new_part)
    for level in (1, 2, 3):
        rows = after_header(rows_xlsx(path, 'Changes NUTS-%d' % level), 0, 'Code 2016')
        read_change_sheet(step, rows, 0, 1, 2, (3, 4))
    return step


def read_2021_2024(folder):
    path = os.path.join(folder, 'NUTS2021-NUTS2024.xlsx')
    step = Step(2021, 2024)
    for sheet in ('NUTS2021- NUTS2024', 'SR2021- SR2024'):
        for row in after_header(rows_xlsx(path, sheet), 2, 'Code 2021'):
            old, old_part = code_of(row[2])
            new, new_part = code_of(row[3])
            step.add_full_row(old, new, first_label(row[4:7]), clean(row[7]), old_part, new_part)
    for level in (1, 2, 3):
        rows = after_header(rows_xlsx(path, 'Changes NUTS-%d' % level), 1, 'Code 2021')
        read_change_sheet(step, rows, 1, 2, 3, (4, 5))
    return step


# Words of a change text that say a territory changed beyond recoding.
BOUNDARY_RE = re.compile(r'boundary|shift|lost|parts? of ex|made of|moved|integrated|divided|devided|'
                         r'merged (in)?to|reduced', re.I)
NO_AMENDMENT_RE = re.compile(r'art\. ?5\(2a\)|without effecting NUTS', re.I)


def is_boundary_text(text):
    return bool(BOUNDARY_RE.search(text)) and not NO_AMENDMENT_RE.search(text)


def text_codes(text):
    """(code, side hint) for each code named in a free text; the hint is
    'old' after 'ex-', 'new' after 'new', else None."""
    found = []
    for match in TEXT_CODE_RE.finditer(text):
        token = match.group(1).replace(' ', '')
        prefix = match.group(0)[:match.start(1) - match.start(0)]
        if len(token) > 5 or (len(token) >= 4 and token[:2] == token[2:4]):
            token = token[2:]            # FRFR25 → FR25
        hint = 'old' if prefix.startswith('ex-') else 'new' if prefix.startswith('new') else None
        if CODE_RE.match(token):
            found.append((token, hint))
    return found


def formulas(text):
    """'A = B + C - D' parts of a text: (left codes, right codes added,
    right codes taken away)."""
    result = []
    for piece in re.split(r'[;,]\s*(?=[A-Z]{2}[0-9A-Z]{1,3}\s*(?:\+[^=]*)?=)', text):
        if '=' not in piece:
            continue
        left, _, right = piece.partition('=')
        right = re.split(r',\s*rec', right)[0]
        terms = re.split(r'(?<!ex)(?=[+-])', right)
        added = [c for t in terms if not t.startswith('-') for c, _ in text_codes(t)]
        taken = [c for t in terms if t.startswith('-') for c, _ in text_codes(t)]
        result.append(([c for c, _ in text_codes(left)], added, taken))
    return result


class Graph:
    """Union-find over (side, code) nodes."""

    def __init__(self):
        self.parent = {}

    def add(self, node):
        self.parent.setdefault(node, node)

    def find(self, node):
        self.add(node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def normalise_label(label):
    text = unicodedata.normalize('NFKD', label.casefold())
    return ''.join(c for c in text if c.isalnum())


def derive_changes(step, level):
    """The changes of one level in one step: (kind, old codes, new codes)."""
    olds = {c for c in step.old_codes if level_of(c) == level}
    news = {c for c in step.new_codes if level_of(c) == level}
    graph = Graph()
    boundary = set()     # nodes whose own rows speak of a territory change
    partial = set()      # nodes of formulas that make a new region part of an old one
    explained = set()    # nodes with an edge beyond "kept as is"

    def side(code, hint, other_side):
        """The node a code named in a text stands for."""
        candidates = []
        if hint != 'new' and code in olds:
            candidates.append(('o', code))
        if hint != 'old' and code in news:
            candidates.append(('n', code))
        if len(candidates) == 2:
            return ('o', code) if other_side == 'o' else ('n', code)
        return candidates[0] if candidates else None

    def link(a, b):
        graph.join(a, b)
        explained.update((a, b))

    for code in olds:
        graph.add(('o', code))
    for code in news:
        graph.add(('n', code))

    # (old, new, change text, explanation): codes named in a change text
    # are linked to the row's code; formulas stand on their own (Eurostat's
    # 2021-2024 sheet has explanations one row off).
    texts = [(r.old, r.new, r.text, '') for r in step.rows] + [(o, n, c, e) for o, n, _, c, e in step.notes]
    for old, new, text, explanation in texts:
        here = ('o', old) if old in olds else ('n', new) if new in news else None
        if old in olds and new in news:
            if old != new:
                link(('o', old), ('n', new))
            elif is_boundary_text(text):
                explained.update((('o', old), ('n', new)))
                graph.join(('o', old), ('n', new))
        if here is not None and is_boundary_text(text):
            boundary.add(here)
            if new in news:
                boundary.add(('n', new))
        for left, right, taken in formulas(text) + formulas(explanation):
            left_nodes = [side(c, 'new', 'n') for c in left]
            right_nodes = [side(c, 'old', 'o') for c in right]
            # Taking away a part of the old region (LT02=LT00-LT00A) makes the
            # new one a part of it; taking away anything else moves a border.
            partial_only = all(any(t.startswith(r) and t != r for r in right) for t in taken)
            left_nodes = [n for n in left_nodes if n is not None]
            right_nodes = [n for n in right_nodes if n is not None]
            if not left_nodes or not right_nodes:
                continue
            for node in left_nodes[1:] + right_nodes:
                link(left_nodes[0], node)
            if taken:
                (partial if partial_only else boundary).update(left_nodes + right_nodes)
        if here is None:
            continue
        for code, hint in text_codes(text):
            node = side(code, hint, 'n' if here[0] == 'o' else 'o')
            if node is not None and node != here and node[1] != here[1]:
                link(here, node)

    # Codes kept as they are.
    for code in olds & news:
        graph.join(('o', code), ('n', code))

    # An old and a new row of one country with the same label: a boundary
    # change ("FR91 Guadeloupe" discontinued, "FRA1 Guadeloupe" new).
    lost = collections.defaultdict(list)
    for code in olds - news:
        lost[(code[:2], normalise_label(step.old_labels.get(code, '')))].append(code)
    for code in sorted(news - olds):
        key = (code[:2], normalise_label(step.new_labels.get(code, '')))
        if key[1] and len(lost.get(key, ())) == 1:
            old = lost[key][0]
            if graph.find(('o', old)) != graph.find(('n', code)):
                boundary.update((('o', old), ('n', code)))
            link(('o', old), ('n', code))

    def components():
        result = collections.defaultdict(list)
        for node in graph.parent:
            result[graph.find(node)].append(node)
        return result

    # A part of a region that is all it became is a boundary change.
    for nodes in components().values():
        if len(nodes) == 2 and len({s for s, _ in nodes}) == 2 and any(n in partial for n in nodes):
            boundary.update(nodes)

    # What nothing explains joins what else nothing explains and the
    # boundary changes: in its parent first (a NUTS 3 change stays in its
    # NUTS 2 region), then in its NUTS 1 region, then in its country; only
    # where both an old and a new code wait, or (NUTS 1) a boundary change
    # takes them in.
    for width in sorted({w for w in (level + 1, 3, 2) if 2 <= w <= level + 1}, reverse=True):
        alone = collections.defaultdict(list)
        for root, nodes in components().items():
            sides = {s for s, _ in nodes}
            if len(sides) == 1 and not any(n in explained for n in nodes):
                alone[nodes[0][1][:width]].append((root, nodes[0][0]))
        for prefix, roots in alone.items():
            targets = [root for root, _ in roots]
            for root, nodes in components().items():
                if root not in targets and nodes[0][1][:width] == prefix and any(n in boundary for n in nodes):
                    targets.append(root)
            both = {s for _, s in roots} == {'o', 'n'}
            if not both and not (width == 3 and len(targets) > len(roots)):
                continue
            groups = components()
            for root in targets:
                boundary.update(groups[root])
                explained.update(groups[root])
            for other in targets[1:]:
                graph.join(targets[0], other)

    groups = collections.defaultdict(list)
    for node in graph.parent:
        groups[graph.find(node)].append(node)

    changes = []
    for nodes in groups.values():
        old = sorted(c for s, c in nodes if s == 'o')
        new = sorted(c for s, c in nodes if s == 'n')
        inexact = any(n in boundary for n in nodes)
        if old == new and not inexact:
            continue
        if not new:
            kind = 'discontinued'
        elif not old:
            kind = 'new'
        elif len(old) == 1 and len(new) == 1:
            kind = 'boundary' if inexact else 'recoded'
        elif len(old) == 1 and not inexact:
            kind = 'split'
        elif len(new) == 1 and not inexact:
            kind = 'merged'
        else:
            kind = 'boundary'
        changes.append((kind, old, new))

    return changes


# Names ---------------------------------------------------------------

NON_LATIN_RE = re.compile('[\u0370-\u03ff\u0400-\u04ff]')


def is_latin(text):
    return not NON_LATIN_RE.search(text)


def greek_key(text):
    """A label as a key that ignores case, accents and Latin look-alikes
    (Eurostat writes 'Aττική' with a Latin A)."""
    lookalikes = str.maketrans('AEHIKMNOPTXYBZaeikmnopxyv', 'ΑΕΗΙΚΜΝΟΡΤΧΥΒΖαεικμνορχγν')
    text = unicodedata.normalize('NFKD', text.translate(lookalikes).casefold())
    return ''.join(c for c in text if c.isalnum())


def read_geojson_names(path, names):
    with open(path, encoding='utf-8') as f:
        collection = json.load(f)
    for feature in collection['features']:
        p = feature['properties']
        latin = ' '.join((p.get('NAME_LATN') or '').split())
        national = ' '.join((p.get('NUTS_NAME') or '').split())
        names[p['NUTS_ID']] = (latin, national)


def read_transliterations(folder):
    path = os.path.join(folder, 'NUTS2021-NUTS2024.xlsx')
    by_code, by_label = {}, {}
    for row in after_header(rows_xlsx(path, 'Cyrillic & Greek to Latin'), 0, 'Code'):
        code, label, latin = clean(row[0]), clean(row[1]), clean(row[2])
        if CODE_RE.match(code) and latin:
            by_code[code] = latin
            by_label[greek_key(label)] = latin
    return by_code, by_label


def read_nuts_2016_tsv(path):
    names = {}
    with open(path, encoding='utf-8') as f:
        next(f)
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if len(fields) >= 3 and CODE_RE.match(fields[0]):
                names[fields[0]] = ' '.join(fields[2].split())
    return names


GREEK_PAIRS = (('ου', 'ou'), ('αυ', 'av'), ('ευ', 'ev'), ('ηυ', 'iv'), ('γγ', 'ng'), ('γκ', 'gk'),
               ('θ', 'th'), ('χ', 'ch'), ('ψ', 'ps'))
GREEK_LETTERS = dict(zip('αβγδεζηικλμνξοπρσςτυφω', 'avgdeziiklmnxoprsstyfo'))


def greek_to_latin(text):
    """A Greek name in Latin letters, after ELOT 743 as Eurostat writes
    them (Γρεβενά → Grevena); other scripts are left as they are."""
    plain = ''.join(c for c in unicodedata.normalize('NFD', text) if not unicodedata.combining(c))
    out, i = [], 0
    while i < len(plain):
        lower = plain[i:i + 2].lower()
        for greek, latin in GREEK_PAIRS:
            if lower.startswith(greek):
                out.append(latin.capitalize() if plain[i].isupper() else latin)
                i += len(greek)
                break
        else:
            c = plain[i]
            latin = GREEK_LETTERS.get(c.lower())
            out.append(c if latin is None else latin.upper() if c.isupper() else latin)
            i += 1
    return ''.join(out)


def split_transliteration(label):
    """'Црна Гора (Crna Gora)' → ('Crna Gora', 'Црна Гора')."""
    match = re.match(r'^(.*\S)\s*\(([^()]*)\)$', label)
    if match and not is_latin(match.group(1)) and is_latin(match.group(2)):
        return match.group(2), match.group(1)
    return None, label


def title_case(text):
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), text.lower())


def is_shouting(text):
    return text.upper() == text and any(c.isalpha() for c in text)


def better_label(candidates):
    """The first label that is not all capitals, else the first."""
    candidates = [c for c in candidates if c]
    for label in candidates:
        if not is_shouting(label):
            return label
    return candidates[0] if candidates else ''


def main():
    if len(sys.argv) != 3:
        sys.exit('usage: derive-nuts.py REAL_DATA_DIR OUTPUT_DIR')
    real, output = sys.argv[1], sys.argv[2]
    folder = os.path.join(real, 'eurostat-regional-extra', 'nuts-correspondence')

    steps = [read_2010_2013(folder), read_2013_2016(folder), read_2016_2021(folder), read_2021_2024(folder)]

    # Codes of each version: both sides of the steps, the 2024 list, the
    # GISCO files (BA and UA are only there).
    codes = {v: set() for v in VERSIONS}
    for step in steps:
        codes[step.old_version] |= step.old_codes
        codes[step.new_version] |= step.new_codes
    geo_2024, geo_2021 = {}, {}
    read_geojson_names(os.path.join(real, 'nuts-geo-2024-20m', 'NUTS_RG_20M_2024_3035.geojson'), geo_2024)
    for level in range(4):
        read_geojson_names(os.path.join(real, 'nuts-geo-2021-60m', 'NUTS_RG_60M_2021_3035_LEVL_%d.geojson' % level),
                           geo_2021)
    path_2024 = os.path.join(folder, 'NUTS2021-NUTS2024.xlsx')
    labels_2024 = {}
    for sheet, title in (('NUTS2024', 'NUTS Code'), ('Statistical Regions', 'SR Code')):
        for row in after_header(rows_xlsx(path_2024, sheet), 1, title):
            code = clean(row[1])
            if CODE_RE.match(code):
                labels_2024[code] = clean(row[2])
                codes[2024].add(code)
                codes[2024].add(code[:2])
    codes[2024] |= set(geo_2024)
    missing_2021 = set(geo_2021) - codes[2021]
    if missing_2021:
        sys.exit('GISCO 2021 codes missing from the 2021 list: %s' % sorted(missing_2021))

    # Names per version: (Latin, national).
    by_code, by_label = read_transliterations(folder)
    labels_2016 = read_nuts_2016_tsv(os.path.join(real, 'nuts-labels', 'nuts-2016.tsv'))
    national = {v: collections.defaultdict(list) for v in VERSIONS}
    for step in steps:
        for row in step.rows:
            # A merged row carries the old region's label (EL131 | EL531 (part)).
            if row.old and not row.old_part and (not row.new or row.old != row.new):
                national[step.old_version][row.old].append(row.label)
            if row.new and not row.new_part and not row.old_part:
                national[step.new_version][row.new].append(row.label)
            if row.old and row.old == row.new:
                national[step.old_version][row.old].append(row.label)
        for old, new, label, _, _ in step.notes:
            if old and not new:
                national[step.old_version][old].append(label)
    for code, label in labels_2016.items():
        national[2016][code].append(label)
    for code, label in labels_2024.items():
        national[2024][code].insert(0, label)

    def latin_of(code, label, version):
        if is_latin(label):
            return label
        for geo in ((geo_2024, geo_2021) if version >= 2021 else (geo_2021, geo_2024)):
            if code in geo and greek_key(geo[code][1]) == greek_key(label):
                return geo[code][0]
        if greek_key(label) in by_label:
            return by_label[greek_key(label)]
        if version == 2024 and code in by_code:
            return by_code[code]
        latin = greek_to_latin(label)
        return latin if is_latin(latin) else ''

    names = {}
    for version in VERSIONS:
        for code in codes[version]:
            geo = geo_2024 if version == 2024 else geo_2021 if version == 2021 else {}
            if code in geo:
                names[(code, version)] = geo[code]
                continue
            label = better_label(national[version].get(code, []))
            latin, label = split_transliteration(label)
            names[(code, version)] = (latin or latin_of(code, label, version), label)

    # Old lists write countries and NUTS 1 regions in capitals: take the
    # same name as written in another version, else capitalise words.
    for (code, version), (latin, label) in sorted(names.items()):
        if not is_shouting(label):
            continue
        others = sorted((abs(v - version), v) for v in VERSIONS if (code, v) in names)
        for _, other in others:
            other_latin, other_label = names[(code, other)]
            if not is_shouting(other_label) and greek_key(other_label) == greek_key(label):
                names[(code, version)] = (other_latin, other_label)
                break
        else:
            names[(code, version)] = (title_case(latin), title_case(label))

    # Changes.
    changes = []
    for step in steps:
        for level in range(4):
            for kind, old, new in derive_changes(step, level):
                changes.append((step.old_version, step.new_version, level, kind, old, new))

    check(codes, changes, geo_2024, geo_2021)
    os.makedirs(output, exist_ok=True)
    write_regions(os.path.join(output, 'nuts-regions.tsv'), codes, names)
    write_changes(os.path.join(output, 'nuts-changes.tsv'), changes)
    print_summary(codes, changes, names)


# Changes the tables must hold: read off Eurostat's sheets by hand (see
# the README of the real data, section 9).
EXPECTED_CHANGES = (
    (2010, 2013, 'recoded', 'EL11', 'EL51'),
    (2010, 2013, 'recoded', 'FR92', 'FRA2'),
    (2010, 2013, 'boundary', 'SI01', 'SI03'),
    (2010, 2013, 'split', 'UKI1', 'UKI3 UKI4'),
    (2010, 2013, 'merged', 'DE807 DE809', 'DE80K'),
    (2013, 2016, 'recoded', 'FR21', 'FRF2'),
    (2013, 2016, 'recoded', 'FR24', 'FRB0'),
    (2013, 2016, 'recoded', 'FR25', 'FRD1'),
    (2013, 2016, 'recoded', 'FRA1', 'FRY1'),
    (2013, 2016, 'split', 'HU10', 'HU11 HU12'),
    (2013, 2016, 'split', 'LT00', 'LT01 LT02'),
    (2013, 2016, 'split', 'PL12', 'PL91 PL92'),
    (2013, 2016, 'boundary', 'IE01 IE02', 'IE04 IE05 IE06'),
    (2013, 2016, 'merged', 'DE915 DE919', 'DE91C'),
    (2016, 2021, 'split', 'HR04', 'HR02 HR05 HR06'),
    (2016, 2021, 'merged', 'BE324 BE327', 'BE328'),
    (2016, 2021, 'recoded', 'HR041', 'HR050'),
    (2021, 2024, 'boundary', 'NL31', 'NL35'),
    (2021, 2024, 'split', 'PT17', 'PT1A PT1B'),
    (2021, 2024, 'boundary', 'PT16 PT18', 'PT19 PT1C PT1D'),
    (2021, 2024, 'split', 'NO074', 'NO072 NO073'),
)


def check(codes, changes, geo_2024, geo_2021):
    """Stops if the tables lose what they are known to hold."""
    held = {(c[0], c[1], c[3], ' '.join(c[4]), ' '.join(c[5])) for c in changes}
    for expected in EXPECTED_CHANGES:
        if expected not in held:
            sys.exit('derive-nuts: expected change missing: %s' % (expected,))
    for version, geo in ((2024, geo_2024), (2021, geo_2021)):
        if not set(geo) <= codes[version]:
            sys.exit('derive-nuts: GISCO %d codes missing' % version)
    if any(c.startswith('UK') for c in codes[2024]) or 'UKC1' not in codes[2021]:
        sys.exit('derive-nuts: the UK is in NUTS 2010 to 2021 only')
    for change in changes:
        for version, side in ((change[0], change[4]), (change[1], change[5])):
            if not set(side) <= codes[version]:
                sys.exit('derive-nuts: %s not in NUTS %d' % (side, version))


def write_regions(path, codes, names):
    entries = []
    for code in sorted(set().union(*codes.values())):
        runs = []
        for version in VERSIONS:
            if code not in codes[version]:
                continue
            latin, national = names.get((code, version), ('', ''))
            if runs and runs[-1][1:] == [latin, national]:
                runs[-1][0].append(version)
            else:
                runs.append([[version], latin, national])
        for versions, latin, national in runs:
            entries.append((code, ','.join(str(v) for v in versions), latin,
                            '' if national == latin else national))
    with open(path + '.tmp', 'w', encoding='utf-8', newline='\n') as f:
        f.write('# NUTS regions of the versions %s: code, the versions it exists in with these\n'
                % ', '.join(str(v) for v in VERSIONS))
        f.write('# names, its Latin name and its national name (empty: the same as the Latin one).\n')
        f.write('# %s.\n' % CREDIT)
        f.write('code\tversions\tlatin\tnational\n')
        for entry in entries:
            f.write('\t'.join(entry) + '\n')
    os.replace(path + '.tmp', path)


def write_changes(path, changes):
    order = {'recoded': 0, 'split': 1, 'merged': 2, 'boundary': 3, 'discontinued': 4, 'new': 5}
    changes = sorted(changes, key=lambda c: (c[0], c[2], (c[4] or c[5])[0], order[c[3]]))
    with open(path + '.tmp', 'w', encoding='utf-8', newline='\n') as f:
        f.write('# Official changes between consecutive NUTS versions: from, to, level, kind\n')
        f.write('# (recoded: new code, same territory; split 1→n; merged n→1; boundary: the territory\n')
        f.write('# changed; discontinued: no successor; new: no predecessor), old codes, new codes.\n')
        f.write('# Codes kept with the same territory are not listed.\n')
        f.write('# %s.\n' % CREDIT)
        f.write('from\tto\tlevel\tkind\told\tnew\n')
        for old_version, new_version, level, kind, old, new in changes:
            f.write('%d\t%d\t%d\t%s\t%s\t%s\n' % (old_version, new_version, level, kind,
                                                  ' '.join(old), ' '.join(new)))
    os.replace(path + '.tmp', path)


def print_summary(codes, changes, names):
    print('codes per version and level (Extra-Regio included):')
    for version in VERSIONS:
        counts = collections.Counter(level_of(c) for c in codes[version])
        print('  %d: %s  total %d' % (version, '  '.join('L%d %d' % (l, counts[l]) for l in range(4)),
                                      len(codes[version])))
    print('changes per step and kind:')
    tally = collections.Counter((c[0], c[1], c[3]) for c in changes)
    for key in sorted(tally):
        print('  %d→%d %-12s %d' % (key[0], key[1], key[2], tally[key]))
    no_latin = sorted(code for (code, version), (latin, _) in names.items() if not latin)
    print('codes without a Latin name: %d %s' % (len(set(no_latin)), ' '.join(sorted(set(no_latin))[:20])))


if __name__ == '__main__':
    main()
