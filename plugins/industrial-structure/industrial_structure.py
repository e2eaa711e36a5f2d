# SPDX-License-Identifier: GPL-3.0-or-later
"""Industrial structure (Mark 3 districts): a bundled indicator module
written in Python that does its own arithmetic.

From employment by NACE section it computes, per region and year, three
measures of the productive structure the literature on Mark 3 industrial
districts looks at, and a composite of them:

- Krugman specialisation against the EU: K = sum over sections of
  |s_region - s_EU|, from 0 (the EU's structure) to 2;
- Shannon diversity: H = -sum of s ln s over the sections, from 0 (one
  section) to ln 10 (ten equal sections);
- the location quotient of manufacturing (NACE C, or B-E where C is not
  published): the region's manufacturing share over the EU's.

Each is scaled 0-100 over every region and year (min-max, the panel the
host's pipeline uses too) and the score is their mean: high for a region
specialised in manufacturing and distinct from the EU average, yet with a
broad mix of sectors around its industry. docs/indicators.md and the
method note below say why.
"""

import math

import gi

gi.require_version('Distretto', '1.0')
gi.require_version('Pango', '1.0')
gi.require_version('PangoCairo', '1.0')
from gi.repository import Distretto, GLib, GObject, Pango, PangoCairo  # noqa: E402

LFS = 'lfst_r_lfe2en2?nace_r2={}&age=Y15-64&sex=T&unit=THS'
ACCOUNTS = 'nama_10r_3empers?nace_r2={}&wstatus=EMP&unit=THS'
SECTIONS = ('A', 'B-E', 'F', 'G-I', 'J', 'K', 'L', 'M_N', 'O-Q', 'R-U')
EU_CODES = ('EU27_2020', 'EU28', 'EU27', 'EU27_2007')
MEASURES = ('specialisation', 'diversity', 'manufacturing')
RAW = {'specialisation': 'krugman-index', 'diversity': 'shannon-entropy', 'manufacturing': 'manufacturing-lq'}

# Paul Tol's "muted" qualitative scheme, safe for colour-blind readers;
# pale grey for the last section.
SECTION_COLOURS = ((0.800, 0.400, 0.467), (0.200, 0.133, 0.533), (0.867, 0.800, 0.467), (0.067, 0.467, 0.200),
                   (0.533, 0.800, 0.933), (0.533, 0.133, 0.333), (0.267, 0.667, 0.600), (0.600, 0.600, 0.200),
                   (0.667, 0.267, 0.600), (0.867, 0.867, 0.867))
SECTOR_MIX_REGIONS = 30


def _(message):
    return GLib.dgettext('distretto', message)


def section_names():
    return (_('Agriculture'), _('Industry'), _('Construction'), _('Trade, transport, hospitality'),
            _('Information and communication'), _('Finance'), _('Real estate'),
            _('Professional and support services'), _('Public services, education, health'),
            _('Arts and other services'))


def selected(dataset, selector, code, year):
    value, flags = dataset.get_selected_value(selector, code, year)
    return value, flags


def has_series(dataset, selector):
    try:
        return dataset.check_selector(selector)
    except GLib.Error:
        return False


class Structure:
    """One region's employment by section in one year, from one source."""

    def __init__(self, source, sections, manufacturing, proxy, flags):
        self.source = source
        self.sections = sections
        self.manufacturing_employment = manufacturing
        total = sum(sections)
        self.shares = [value / total for value in sections]
        self.manufacturing = manufacturing / total
        self.proxy = proxy
        self.flags = flags


def read_structure(dataset, sources, code, year):
    """The region's structure from the first source with every section;
    @sources pairs a selector template with whether it publishes C."""
    for source, has_manufacturing in sources:
        values, flags = [], Distretto.Flags.NONE
        for section in SECTIONS:
            value, cell_flags = selected(dataset, source.format(section), code, year)
            if math.isnan(value):
                break
            values.append(value)
            flags |= cell_flags
        else:
            if sum(values) <= 0:
                continue
            manufacturing, cell_flags = math.nan, Distretto.Flags.NONE
            if has_manufacturing:
                manufacturing, cell_flags = selected(dataset, source.format('C'), code, year)
            proxy = math.isnan(manufacturing)
            if proxy:
                manufacturing, cell_flags = values[SECTIONS.index('B-E')], Distretto.Flags.NONE
            return Structure(source, values, manufacturing, proxy, flags | cell_flags)
    return None


def entropy(shares):
    return -sum(s * math.log(s) for s in shares if s > 0)


def krugman(shares, reference):
    return sum(abs(a - b) for a, b in zip(shares, reference))


class Panel:
    """Every region's measures in every year of a dataset, and the min-max
    scale of each measure over them."""

    def __init__(self, dataset):
        self.dataset = dataset
        self.regions = [dataset.get_region_at(i) for i in range(dataset.get_n_regions())]
        self.levels = {region.get_code(): region.get_level() for region in self.regions}
        sources = [(source, has_series(dataset, source.format('C')))
                   for source in (LFS, ACCOUNTS) if has_series(dataset, source.format('TOTAL'))]
        self.years = list(range(dataset.get_first_year(), dataset.get_last_year() + 1))
        self.structures = {}
        for region in self.regions:
            if region.is_extra_regio():
                continue
            for year in self.years:
                structure = read_structure(dataset, sources, region.get_code(), year)
                if structure is not None:
                    self.structures[(region.get_code(), year)] = structure
        self.pooled = {}
        self.measures = {}
        for (code, year), structure in self.structures.items():
            reference = self.reference(year, structure)
            if reference is None:
                continue
            lq = structure.manufacturing / reference.manufacturing if reference.manufacturing > 0 else math.nan
            self.measures[(code, year)] = {
                'specialisation': krugman(structure.shares, reference.shares),
                'diversity': entropy(structure.shares),
                'manufacturing': lq,
            }
        self.scales = {}
        for measure in MEASURES:
            values = [m[measure] for (code, _year), m in self.measures.items()
                      if self.levels[code] >= 0 and not math.isnan(m[measure])]
            self.scales[measure] = (min(values), max(values)) if values else (0.0, 0.0)

    def reference(self, year, structure):
        """The EU aggregate's structure from the same source and with the
        same manufacturing series; else the NUTS 2 regions' together."""
        for code in EU_CODES:
            eu = self.structures.get((code, year))
            if eu is not None and eu.source == structure.source and eu.proxy == structure.proxy:
                return eu
        key = (year, structure.source, structure.proxy)
        if key not in self.pooled:
            members = [s for (code, y), s in self.structures.items()
                       if y == year and self.levels[code] == 2 and s.source == structure.source
                       and s.proxy == structure.proxy]
            if not members:
                return None
            sums = [sum(s.sections[i] for s in members) for i in range(len(SECTIONS))]
            manufacturing = sum(s.manufacturing_employment for s in members)
            self.pooled[key] = Structure(structure.source, sums, manufacturing, structure.proxy,
                                         Distretto.Flags.NONE)
        return self.pooled[key]

    def score(self, code, year):
        """The three 0-100 scores, their mean, and the flags."""
        measures = self.measures.get((code, year))
        if measures is None:
            return None
        scores = {}
        for measure in MEASURES:
            low, high = self.scales[measure]
            value = measures[measure]
            if math.isnan(value):
                return None
            scores[measure] = 100.0 * (value - low) / (high - low) if high > low else 50.0
        structure = self.structures[(code, year)]
        flags = structure.flags | (Distretto.Flags.PROXY if structure.proxy else Distretto.Flags.NONE)
        return scores, sum(scores.values()) / len(MEASURES), flags


def group_for(score, reference):
    if math.isnan(score) or not reference or math.isnan(reference) or reference <= 0:
        return Distretto.PerformanceGroup.NONE
    ratio = 100.0 * score / reference
    if ratio > 125.0:
        return Distretto.PerformanceGroup.LEADER
    if ratio >= 100.0:
        return Distretto.PerformanceGroup.STRONG
    if ratio >= 70.0:
        return Distretto.PerformanceGroup.MODERATE
    return Distretto.PerformanceGroup.EMERGING


class IndustrialStructure(GObject.Object, Distretto.Indicator):
    """Declares the module, computes its scores and draws the sector mix."""

    def __init__(self):
        super().__init__()
        self._panel = None
        self._panel_key = None

    def do_get_definition(self):
        definition = Distretto.IndicatorDefinition(
            id='industrial_structure',  # the plugin's Module= name
            title=_('Industrial structure (Mark 3 districts)'),
            description=_('How specialised in manufacturing, distinct from the EU and diverse a '
                          'region’s employment is'),
            unit=_('Score, 0–100'),
            category='industry',
            required_series=[LFS.format(section) for section in SECTIONS + ('TOTAL',)],
            method_note=_(
                'The productive structure Mark 3 industrial districts grow from: a manufacturing '
                'specialisation set in a varied economy. From employment by NACE section (Labour '
                'Force Survey lfst_r_lfe2en2; regional accounts nama_10r_3empers for NUTS 3 regions) '
                'the module computes three measures.\n\nSpecialisation: the Krugman index, the sum over '
                'the ten sections of the gaps between the region’s and the EU’s shares of employment, '
                'from 0 (the EU’s structure) to 2. Diversity: the Shannon entropy of the shares, from 0 '
                '(one section) to ln 10 = 2.30 (ten equal sections). Manufacturing: the location '
                'quotient of manufacturing (NACE C; industry B–E where C is not published, flagged '
                'proxy), the region’s share over the EU’s. Each is scaled 0–100 over every region and '
                'year and the score is their mean, so a region scores high when it is specialised in '
                'manufacturing and distinct from the EU average yet keeps a broad mix of sectors around '
                'its industry (related variety).\n\nThe EU is the EU aggregate of the same table when '
                'loaded, otherwise the sum of the NUTS 2 regions. The module computes its own scores '
                '(it is written in Python and shows plugin authors how): no error bars from other '
                'methods.\n\nCaveats: the ten sections are coarse (manufacturing districts differ within '
                'C); small cells of the Labour Force Survey carry low-reliability flags (u).'),
            references=[
                'Krugman, P. (1991). Geography and Trade. MIT Press',
                'Bellandi, M. & De Propris, L. (2015). Three generations of Marshallian industrial '
                'districts. Investigaciones Regionales 32, 75–87',
                'Frenken, K., Van Oort, F. & Verburg, T. (2007). Related variety, unrelated variety and '
                'regional economic growth. Regional Studies 41(5), 685–697',
                'Becattini, G. (1990). The Marshallian industrial district as a socio-economic notion. '
                'In Pyke, Becattini & Sengenberger (eds.), Industrial Districts and Inter-firm '
                'Co-operation in Italy. ILO',
            ],
        )
        definition.add_component('specialisation', _('Specialisation (Krugman index against the EU)'))
        definition.add_component('diversity', _('Diversity (Shannon entropy of the sections)'))
        definition.add_component('manufacturing', _('Manufacturing location quotient'))
        definition.add_view('sector-mix', _('Sector mix against the EU'))
        return definition

    def panel(self, dataset):
        key = (hash(dataset), dataset.get_n_observations(), dataset.get_n_series(), dataset.get_n_regions())
        if self._panel is None or self._panel_key != key:
            self._panel = Panel(dataset)
            self._panel_key = key
        return self._panel

    def do_compute(self, dataset, year):
        panel = self.panel(dataset)
        result = Distretto.IndicatorResult(year=year)
        scored = []
        for region in panel.regions:
            code = region.get_code()
            if region.is_extra_regio():
                continue
            scored_region = panel.score(code, year)
            if scored_region is None:
                result.add_score(code, math.nan, Distretto.Flags.NONE)
                continue
            scores, score, flags = scored_region
            result.add_score(code, score, flags)
            for measure in MEASURES:
                result.set_component(code, measure, scores[measure])
                result.set_component(code, RAW[measure], panel.measures[(code, year)][measure])
            scored.append((code, region.get_level(), score))

        # Competition ranks (1, 2, 2, 4) within each NUTS level; aggregates
        # are not ranked.
        for code, level, score in scored:
            if level >= 0:
                better = sum(1 for _c, other_level, other in scored if other_level == level and other > score)
                result.set_rank(code, better + 1)

        reference = self.reference_score(scored)
        result.set_reference(reference)
        for code, _level, score in scored:
            result.set_group(code, group_for(score, reference))
        return result

    @staticmethod
    def reference_score(scored):
        """The EU aggregate's score, or the mean of the most common level."""
        for eu in EU_CODES:
            for code, _level, score in scored:
                if code == eu:
                    return score
        levels = {}
        for _code, level, score in scored:
            if level >= 0:
                levels.setdefault(level, []).append(score)
        if not levels:
            return math.nan
        most = max(levels.values(), key=len)
        return sum(most) / len(most)

    def do_render_view(self, view_id, dataset, year, cr, width, height):
        panel = self.panel(dataset)
        result = self.do_compute(dataset, year)
        ranked = []
        eu = None
        for i in range(result.get_n_scores()):
            code = result.get_region_code(i)
            score = result.get_score(i)
            if code in EU_CODES and eu is None and (code, year) in panel.structures:
                eu = code
            region = dataset.get_region(code)
            if region.get_level() == 2 and not math.isnan(score):
                ranked.append((score, code))
        ranked.sort(reverse=True)
        shown = ranked[:SECTOR_MIX_REGIONS]

        cr.set_source_rgb(1, 1, 1)
        cr.paint()
        layout = PangoCairo.create_layout(cr)

        def text(x, y, markup, size, colour=(0.13, 0.13, 0.13), width_limit=None):
            layout.set_font_description(Pango.FontDescription.from_string('Sans %g' % size))
            layout.set_markup(markup, -1)
            if width_limit:
                layout.set_width(int(width_limit * Pango.SCALE))
                layout.set_ellipsize(Pango.EllipsizeMode.END)
            else:
                layout.set_width(-1)
            cr.set_source_rgb(*colour)
            cr.move_to(x, y)
            PangoCairo.show_layout(cr, layout)
            return layout.get_pixel_size()

        title = GLib.markup_escape_text(_('Sector mix against the EU'))
        _w, h = text(24, 16, '<b>%s</b>' % title, 15)
        # TRANSLATORS: the subtitle of the sector-mix view: "NUTS 2 regions with the highest scores, 2023"
        subtitle = _('Employment by NACE section, NUTS 2 regions with the highest scores, %d') % year
        text(24, 16 + h + 2, GLib.markup_escape_text(subtitle), 10, (0.35, 0.35, 0.35))

        names = section_names()
        legend_rows = 2
        legend_height = 18 * legend_rows + 12
        top = 70
        bottom = height - legend_height - 36
        label_width = min(190, width * 0.28)
        left = 24 + label_width + 8
        right = width - 24
        rows = ([(eu, _('EU'))] if eu else []) + \
            [(code, dataset.get_region(code).get_display_name()) for _score, code in shown]
        if not rows or right <= left or bottom <= top:
            return True
        step = (bottom - top) / len(rows)
        bar = max(2.0, min(16.0, step * 0.75))
        for i, (code, name) in enumerate(rows):
            structure = panel.structures.get((code, year))
            y = top + i * step
            text(24, y + bar / 2 - 7, GLib.markup_escape_text(name), 9, width_limit=label_width)
            if structure is None:
                continue
            x = left
            for share, colour in zip(structure.shares, SECTION_COLOURS):
                cr.set_source_rgb(*colour)
                cr.rectangle(x, y, share * (right - left), bar)
                cr.fill()
                x += share * (right - left)
            if code == eu:
                cr.set_source_rgb(0.13, 0.13, 0.13)
                cr.set_line_width(1.0)
                cr.rectangle(left - 0.5, y - 0.5, right - left + 1, bar + 1)
                cr.stroke()

        # The legend, in columns.
        columns = 5
        column_width = (width - 48) / columns
        for i, (name, colour) in enumerate(zip(names, SECTION_COLOURS)):
            x = 24 + (i % columns) * column_width
            y = bottom + 16 + (i // columns) * 18
            cr.set_source_rgb(*colour)
            cr.rectangle(x, y + 2, 10, 10)
            cr.fill()
            text(x + 14, y, GLib.markup_escape_text(name), 8.5, width_limit=column_width - 18)

        note = _('Source: synthetic demo data generated by Distretto — not real statistics') \
            if any(s.flags & Distretto.Flags.SYNTHETIC for s in panel.structures.values()) \
            else _('Source: Eurostat, employment by NACE section')
        text(24, height - 22, GLib.markup_escape_text(note), 8, (0.35, 0.35, 0.35))
        return True
