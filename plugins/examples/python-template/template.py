# SPDX-License-Identifier: CC0-1.0
# An indicator for Distretto, written in Python. Distretto asks the class
# below for a *definition* (what to measure, from which data) and does the
# arithmetic itself: it scales, averages and ranks, then draws the charts.

import gi

gi.require_version('Distretto', '1.0')  # the plugin API, version 1.0
from gi.repository import Distretto, GLib, GObject


def _(text):
    # Text people read goes through _() so it can be translated.
    return GLib.dgettext('distretto', text)


class Template(GObject.Object, Distretto.Indicator):
    # Distretto calls this once, when it loads the plugin.
    def do_get_definition(self):
        definition = Distretto.IndicatorDefinition(
            id='template',  # the same as Module= in template.plugin
            title=_('Innovation capacity'),
            description=_('Tertiary education and R&D staff, per region'),
            unit=_('Score, 0–100'),
            category='innovation',
            method_note=_('Each measure is scaled from 0 (lowest region and year) '
                          'to 100 (highest); the score is their mean.'),
            references=['OECD/JRC (2008), Handbook on Constructing Composite Indicators'],
        )
        # A pillar groups sub-indicators; each one reads a series, that is
        # the rows of your CSV file with that name in the 'indicator' column.
        pillar = Distretto.Pillar(id='capacity', title=_('Research capacity'))
        pillar.add_sub_indicator(Distretto.SubIndicator(
            id='tertiary', label=_('Adults with tertiary education, %'),
            series='tertiary_pct'))
        # A ratio of two series: rd_staff / emp_total × 100, in per cent.
        pillar.add_sub_indicator(Distretto.SubIndicator(
            id='rd-staff', label=_('R&D staff, share of employment (%)'),
            series='rd_staff', denominator='emp_total', scale=100))
        definition.add_pillar(pillar)
        return definition
