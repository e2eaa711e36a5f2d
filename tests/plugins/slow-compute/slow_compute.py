# SPDX-License-Identifier: GPL-3.0-or-later
"""A test module whose compute takes its time: it waits until the file
named by DISTRETTO_TEST_SLOW_RELEASE exists (at most
DISTRETTO_TEST_SLOW_SECONDS, 60 by default), then gives the manufacturing
share, and touches DISTRETTO_TEST_SLOW_DONE when it returns. Loaded by
tests/test-window-compute.c through libpeas like any plugin."""

import math
import os
import time

import gi

gi.require_version('Distretto', '1.0')
from gi.repository import Distretto, GObject  # noqa: E402

MANUFACTURING = 'lfst_r_lfe2en2?nace_r2=C&age=Y15-64&sex=T&unit=THS'
TOTAL = 'lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64&sex=T&unit=THS'


class SlowCompute(GObject.Object, Distretto.Indicator):
    """Declares the share, and computes it once released."""

    def do_get_definition(self):
        return Distretto.IndicatorDefinition(
            id='slow_compute', title='Slow computation',
            description='Manufacturing employment share, computed slowly',
            unit='%', required_series=[MANUFACTURING, TOTAL])

    def do_compute(self, dataset, year):
        release = os.environ.get('DISTRETTO_TEST_SLOW_RELEASE')
        deadline = time.monotonic() + float(os.environ.get('DISTRETTO_TEST_SLOW_SECONDS', '60'))
        while time.monotonic() < deadline and not (release and os.path.exists(release)):
            time.sleep(0.02)

        result = Distretto.IndicatorResult(year=year)
        for i in range(dataset.get_n_regions()):
            code = dataset.get_region_at(i).get_code()
            manuf, manuf_flags = dataset.get_selected_value(MANUFACTURING, code, year)
            total, total_flags = dataset.get_selected_value(TOTAL, code, year)
            result.add_score(code, 100.0 * manuf / total if total > 0 else math.nan, manuf_flags | total_flags)

        done = os.environ.get('DISTRETTO_TEST_SLOW_DONE')
        if done:
            with open(done, 'a', encoding='utf-8') as marker:
                marker.write('done\n')
        return result
