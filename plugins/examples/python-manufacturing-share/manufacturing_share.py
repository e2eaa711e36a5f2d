# SPDX-License-Identifier: GPL-3.0-or-later
"""An indicator module written in Python: manufacturing employment as a
share of total employment (TS2 in docs/indicators.md). It shows the three
optional overrides: its own compute, an extra view drawn with Cairo and a
configuration widget."""

import math

import gi

gi.require_version('Distretto', '1.0')
from gi.repository import Distretto, GLib, GObject  # noqa: E402

# Employment in thousands, by NACE section, from the Labour Force Survey:
# series named by selectors, whatever the file they were imported from.
MANUFACTURING = 'lfst_r_lfe2en2?nace_r2=C&age=Y15-64&sex=T&unit=THS'
TOTAL = 'lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64&sex=T&unit=THS'

# Okabe–Ito vermillion, safe for colour-blind readers.
BAR_COLOUR = (0.835, 0.369, 0.0)
N_BINS = 10


def _(message):
    return GLib.dgettext('distretto', message)


def share(dataset, code, year):
    """Manufacturing employment as a percentage, and the flags behind it."""
    manuf, manuf_flags = dataset.get_selected_value(MANUFACTURING, code, year)
    total, total_flags = dataset.get_selected_value(TOTAL, code, year)
    value = 100.0 * manuf / total if total > 0 else math.nan
    return value, manuf_flags | total_flags


class ManufacturingShare(GObject.Object, Distretto.Indicator):
    """Declares the indicator, computes it, and draws its distribution."""

    def do_get_definition(self):
        definition = Distretto.IndicatorDefinition(
            id='manufacturing-share',
            title=_('Manufacturing employment share'),
            description=_('Employment in manufacturing (NACE C) as a share of total employment'),
            unit=_('Manufacturing employment, % of total employment'),
            required_series=[MANUFACTURING, TOTAL],
        )
        definition.add_view('distribution', _('Distribution across NUTS 2 regions'))
        return definition

    def do_compute(self, dataset, year):
        result = Distretto.IndicatorResult(year=year)
        for i in range(dataset.get_n_regions()):
            code = dataset.get_region_at(i).get_code()
            value, flags = share(dataset, code, year)
            result.add_score(code, value, flags)
        return result

    def do_render_view(self, view_id, dataset, year, cr, width, height):
        values = []
        for i in range(dataset.get_n_regions()):
            region = dataset.get_region_at(i)
            if region.get_level() == 2 and not region.is_extra_regio() and not region.is_abolished():
                value, _flags = share(dataset, region.get_code(), year)
                if not math.isnan(value):
                    values.append(value)

        # The host draws the frame (title, source, notes) around this body,
        # in the style of the window or the export.
        style = Distretto.chart_style_get_for_context(cr)
        if not values:
            return True

        low, high = min(values), max(values)
        step = (high - low) / N_BINS or 1.0
        counts = [0] * N_BINS
        for value in values:
            counts[min(int((value - low) / step), N_BINS - 1)] += 1

        left, top, right, bottom = 24, 0, width, height - 32
        bar_width = (right - left) / N_BINS
        cr.set_source_rgb(*BAR_COLOUR)
        for i, count in enumerate(counts):
            bar_height = (bottom - top) * count / max(counts)
            cr.rectangle(left + i * bar_width + 1, bottom - bar_height, bar_width - 2, bar_height)
        cr.fill()

        cr.set_source_rgb(*Distretto.chart_style_get_rgb(style, Distretto.ChartColorRole.MUTED))
        cr.set_font_size(12)
        cr.move_to(left, height - 24)
        cr.show_text('%.1f%% … %.1f%%, %d %s' % (low, high, len(values), _('regions')))
        return True

    def do_create_configuration_widget(self):
        # Imported here: headless commands never build widgets.
        from gi.repository import Gtk  # pylint: disable=import-outside-toplevel
        label = Gtk.Label(label=_('This example has nothing to configure: it shows where '
                                  'a plugin puts its own settings.'), wrap=True, xalign=0)
        return label
