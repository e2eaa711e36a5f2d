#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that data/nuts/*.tsv are what data/nuts/derive-nuts.py derives
from Eurostat's workbooks: nobody edited the tables by hand.

    check-nuts-tables.py SOURCE_ROOT

Exits 77 (skipped) without the real data or Debian's python3-openpyxl
and python3-xlrd.
"""

import importlib.util
import os
import subprocess
import sys
import tempfile

SKIP = 77


def main():
    root = sys.argv[1]
    real = os.environ.get('DISTRETTO_REAL_DATA', '')
    if not os.path.isdir(os.path.join(real, 'eurostat-regional-extra', 'nuts-correspondence')):
        print('skip: no real data')
        return SKIP
    if importlib.util.find_spec('openpyxl') is None or importlib.util.find_spec('xlrd') is None:
        print('skip: python3-openpyxl or python3-xlrd missing')
        return SKIP

    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, os.path.join(root, 'data', 'nuts', 'derive-nuts.py'), real, out],
                       check=True, stdout=subprocess.DEVNULL)
        for name in ('nuts-regions.tsv', 'nuts-changes.tsv'):
            with open(os.path.join(out, name), 'rb') as derived, \
                 open(os.path.join(root, 'data', 'nuts', name), 'rb') as committed:
                if derived.read() != committed.read():
                    print('data/nuts/%s differs from what derive-nuts.py writes' % name)
                    return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
