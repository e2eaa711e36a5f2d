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
            id='manufacturing_share',  # the plugin's Module= name
            title=_('Manufacturing employment share'),
            description=_('Employment in manufacturing (NACE C) as a share of total employment'),
            # xgettext:no-python-format
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
        shares = {}
        for i in range(dataset.get_n_regions()):
            region = dataset.get_region_at(i)
            if region.get_level() == 2 and not region.is_extra_regio() and not region.is_abolished():
                value, _flags = share(dataset, region.get_code(), year)
                if not math.isnan(value):
                    shares[region.get_code()] = value

        # The host draws the frame (title, source, notes, the synthetic
        # mark) around this body, in the style of the window or the export,
        # and says which region is selected.
        style = Distretto.chart_style_get_for_context(cr)
        selected = Distretto.Chart.get_selected_for_context(cr)
        if not shares:
            return True

        values = list(shares.values())
        low, high = min(values), max(values)
        step = (high - low) / N_BINS or 1.0
        counts = [0] * N_BINS
        for value in values:
            counts[min(int((value - low) / step), N_BINS - 1)] += 1

        # Axes as the host's charts draw them: share across, regions up.
        axes = Distretto.ChartAxes.new(low, high, 0, max(counts))
        # xgettext:no-python-format
        axes.set_titles(_('Manufacturing employment, % of total employment'), _('NUTS 2 regions'))
        axes.draw(cr, width, height)

        cr.set_source_rgb(*BAR_COLOUR)
        for i, count in enumerate(counts):
            left, right = axes.x(low + i * step), axes.x(low + (i + 1) * step)
            cr.rectangle(left + 1, axes.y(count), right - left - 2, axes.y(0) - axes.y(count))
        cr.fill()

        # Each bar's count above it.
        cr.set_source_rgb(*Distretto.chart_style_get_rgb(style, Distretto.ChartColorRole.FOREGROUND))
        for i, count in enumerate(counts):
            if count > 0:
                middle = (axes.x(low + i * step) + axes.x(low + (i + 1) * step)) / 2
                Distretto.Chart.show_text(cr, str(count), middle, axes.y(count) - 2, 11, False, 0.5, 1.0)

        # The selected region: a line at its share, with its name.
        if selected in shares:
            x = axes.x(shares[selected])
            name = dataset.get_region(selected).get_display_name()
            cr.set_line_width(2)
            cr.move_to(x, axes.y(max(counts)))
            cr.line_to(x, axes.y(0))
            cr.stroke()
            Distretto.Chart.show_text(cr, '%s %.1f%%' % (name, shares[selected]), x + 4, axes.y(max(counts)),
                                      12, True, 0.0, 0.0)
        return True

    def do_create_configuration_widget(self):
        # Imported here: headless commands never build widgets.
        from gi.repository import Gtk  # pylint: disable=import-outside-toplevel
        label = Gtk.Label(label=_('This example has nothing to configure: it shows where '
                                  'a plugin puts its own settings.'), wrap=True, xalign=0)
        return label
