# SPDX-License-Identifier: GPL-3.0-or-later
"""An indicator module written in Python: manufacturing employment as a
share of total employment (TS2 in docs/indicators.md)."""

import gettext
import math

import gi

gi.require_version('Distretto', '1.0')
from gi.repository import Distretto, GObject  # noqa: E402


def _(message):
    return gettext.dgettext('distretto', message)


class ManufacturingShare(GObject.Object, Distretto.Indicator):
    """Declares the indicator and computes it from two series."""

    def do_get_definition(self):
        return Distretto.IndicatorDefinition(
            id='manufacturing-share',
            title=_('Manufacturing employment share'),
            description=_('Employment in manufacturing (NACE C) as a share of total employment'),
            unit=_('Manufacturing employment, % of total employment'),
            required_series=['emp_manuf', 'emp_total'],
        )

    def do_compute(self, dataset, year):
        result = Distretto.IndicatorResult(year=year)
        for i in range(dataset.get_n_regions()):
            code = dataset.get_region_at(i).get_code()
            manuf, manuf_flags = dataset.get_value('emp_manuf', code, year)
            total, total_flags = dataset.get_value('emp_total', code, year)
            share = 100.0 * manuf / total if total > 0 else math.nan
            result.add_score(code, share, manuf_flags | total_flags)
        return result
