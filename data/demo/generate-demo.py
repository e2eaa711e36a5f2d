#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes Distretto's demo dataset: real NUTS 2024 codes and names, values
drawn from a seeded generator and flagged `synthetic`.

    generate-demo.py OUTPUT_DIR

The demo is never a special case: it holds the Eurostat tables the
indicator modules read on real data, with the same table codes and
dimension codes, as SDMX-CSV 1.0 files (one per table, as Eurostat's API
serves them), plus the series that have no Eurostat table (Regional
Innovation Scoreboard, European Quality of Government Index) as a tidy CSV
under the plain names the modules document. OUTPUT_DIR receives the files
of OUTPUTS and demo-regions.csv (code,name,national_name,nuts_version).

Every value is made up. The generator draws, for each NUTS 2 region, two
latent traits (an industrial and a knowledge profile, correlated, with
country offsets and capital-city effects) and derives every series from
them, so that series that go together in reality go together here:
manufacturing with high-tech manufacturing, knowledge services with
digital use, R&D and skills; the digital divide against all of those.
Countries and the EU27 aggregate are employment-weighted aggregates of
their regions. A few cells are missing, some carry Eurostat flags
(low reliability in small regions, a break in the 2021 Labour Force
Survey, estimated and provisional R&D figures). The same seed gives the
same bytes on every machine.
"""

import csv
import math
import os
import random
import sys

SEED = 20261122
NUTS_VERSION = 2024
YEARS = list(range(2015, 2024))
LAST_UPDATE = '22/11/26 00:00:00'
EU = 'EU27_2020'

# The files this script writes; data/demo/meson.build and
# distretto-demo.gresource.xml list the same.
OUTPUTS = (
    'hrst_st_rcat.csv', 'htec_emp_reg2.csv', 'isoc_cicce_use.csv', 'isoc_e_dii.csv', 'isoc_eb_ai.csv',
    'isoc_eb_das.csv', 'isoc_r_blt12_i.csv', 'isoc_r_broad_h.csv', 'isoc_r_cux_i.csv', 'isoc_r_gov_i.csv',
    'isoc_r_iuse_i.csv', 'isoc_sk_dskl_i21.csv', 'lfst_r_lfe2en2.csv', 'nama_10r_3empers.csv',
    'rd_e_gerdreg.csv', 'sbs_r_nuts06_r2.csv', 'trng_lfse_04.csv', 'ris-eqi.csv',
)

COUNTRIES = (
    ('DE', 'Deutschland'), ('ES', 'España'), ('FI', 'Suomi/Finland'),
    ('FR', 'France'), ('IT', 'Italia'), ('PL', 'Polska'),
)

# NUTS 1 regions of Germany: its digital-use tables are published at
# NUTS 1 only, as in Eurostat's isoc_r_* tables.
DE_NUTS1 = (
    ('DE1', 'Baden-Württemberg'), ('DE2', 'Bayern'), ('DE3', 'Berlin'), ('DE4', 'Brandenburg'),
    ('DE5', 'Bremen'), ('DE6', 'Hamburg'), ('DE7', 'Hessen'), ('DE8', 'Mecklenburg-Vorpommern'),
    ('DE9', 'Niedersachsen'), ('DEA', 'Nordrhein-Westfalen'), ('DEB', 'Rheinland-Pfalz'),
    ('DEC', 'Saarland'), ('DED', 'Sachsen'), ('DEE', 'Sachsen-Anhalt'), ('DEF', 'Schleswig-Holstein'),
    ('DEG', 'Thüringen'),
)

# NUTS 2024: every NUTS 2 region of DE, ES, FI, FR, IT and PL (Extra-Regio
# excluded), and the NUTS 3 districts the product's background cites.
# Names as Eurostat publishes them; for these countries the Latin and the
# national name are the same.
REGIONS = (
    ('DE11', 'Stuttgart'),
    ('DE12', 'Karlsruhe'),
    ('DE13', 'Freiburg'),
    ('DE14', 'Tübingen'),
    ('DE21', 'Oberbayern'),
    ('DE22', 'Niederbayern'),
    ('DE23', 'Oberpfalz'),
    ('DE24', 'Oberfranken'),
    ('DE25', 'Mittelfranken'),
    ('DE26', 'Unterfranken'),
    ('DE27', 'Schwaben'),
    ('DE30', 'Berlin'),
    ('DE40', 'Brandenburg'),
    ('DE50', 'Bremen'),
    ('DE60', 'Hamburg'),
    ('DE71', 'Darmstadt'),
    ('DE72', 'Gießen'),
    ('DE73', 'Kassel'),
    ('DE80', 'Mecklenburg-Vorpommern'),
    ('DE91', 'Braunschweig'),
    ('DE92', 'Hannover'),
    ('DE93', 'Lüneburg'),
    ('DE94', 'Weser-Ems'),
    ('DEA1', 'Düsseldorf'),
    ('DEA2', 'Köln'),
    ('DEA3', 'Münster'),
    ('DEA4', 'Detmold'),
    ('DEA5', 'Arnsberg'),
    ('DEB1', 'Koblenz'),
    ('DEB2', 'Trier'),
    ('DEB3', 'Rheinhessen-Pfalz'),
    ('DEC0', 'Saarland'),
    ('DED2', 'Dresden'),
    ('DED4', 'Chemnitz'),
    ('DED5', 'Leipzig'),
    ('DEE0', 'Sachsen-Anhalt'),
    ('DEF0', 'Schleswig-Holstein'),
    ('DEG0', 'Thüringen'),
    ('ES11', 'Galicia'),
    ('ES12', 'Principado de Asturias'),
    ('ES13', 'Cantabria'),
    ('ES21', 'País Vasco'),
    ('ES22', 'Comunidad Foral de Navarra'),
    ('ES23', 'La Rioja'),
    ('ES24', 'Aragón'),
    ('ES30', 'Comunidad de Madrid'),
    ('ES41', 'Castilla y León'),
    ('ES42', 'Castilla-La Mancha'),
    ('ES43', 'Extremadura'),
    ('ES51', 'Cataluña'),
    ('ES52', 'Comunitat Valenciana '),
    ('ES521', 'Alicante/Alacant'),
    ('ES522', 'Castellón/Castelló'),
    ('ES53', 'Illes Balears'),
    ('ES61', 'Andalucía'),
    ('ES62', 'Región de Murcia'),
    ('ES63', 'Ciudad de Ceuta'),
    ('ES64', 'Ciudad de Melilla'),
    ('ES70', 'Canarias'),
    ('FR10', 'Ile-de-France'),
    ('FRB0', 'Centre — Val de Loire'),
    ('FRC1', 'Bourgogne'),
    ('FRC2', 'Franche-Comté'),
    ('FRD1', 'Basse-Normandie '),
    ('FRD2', 'Haute-Normandie '),
    ('FRE1', 'Nord-Pas de Calais'),
    ('FRE2', 'Picardie'),
    ('FRF1', 'Alsace'),
    ('FRF2', 'Champagne-Ardenne'),
    ('FRF3', 'Lorraine'),
    ('FRG0', 'Pays de la Loire'),
    ('FRH0', 'Bretagne'),
    ('FRI1', 'Aquitaine'),
    ('FRI2', 'Limousin'),
    ('FRI3', 'Poitou-Charentes'),
    ('FRJ1', 'Languedoc-Roussillon'),
    ('FRJ2', 'Midi-Pyrénées'),
    ('FRK1', 'Auvergne'),
    ('FRK2', 'Rhône-Alpes'),
    ('FRL0', 'Provence-Alpes-Côte d’Azur'),
    ('FRM0', 'Corse'),
    ('FRY1', 'Guadeloupe'),
    ('FRY2', 'Martinique '),
    ('FRY3', 'Guyane'),
    ('FRY4', 'La Réunion '),
    ('FRY5', 'Mayotte'),
    ('ITC1', 'Piemonte'),
    ('ITC2', 'Valle d’Aosta/Vallée d’Aoste'),
    ('ITC3', 'Liguria'),
    ('ITC4', 'Lombardia'),
    ('ITF1', 'Abruzzo'),
    ('ITF2', 'Molise'),
    ('ITF3', 'Campania'),
    ('ITF4', 'Puglia'),
    ('ITF5', 'Basilicata'),
    ('ITF6', 'Calabria'),
    ('ITG1', 'Sicilia'),
    ('ITG2', 'Sardegna'),
    ('ITH1', 'Provincia Autonoma di Bolzano/Bozen'),
    ('ITH2', 'Provincia Autonoma di Trento'),
    ('ITH3', 'Veneto'),
    ('ITH32', 'Vicenza'),
    ('ITH33', 'Belluno'),
    ('ITH34', 'Treviso'),
    ('ITH4', 'Friuli-Venezia Giulia'),
    ('ITH5', 'Emilia-Romagna'),
    ('ITI1', 'Toscana'),
    ('ITI14', 'Firenze'),
    ('ITI15', 'Prato'),
    ('ITI2', 'Umbria'),
    ('ITI3', 'Marche'),
    ('ITI4', 'Lazio'),
    ('PL21', 'Małopolskie'),
    ('PL22', 'Śląskie'),
    ('PL41', 'Wielkopolskie'),
    ('PL42', 'Zachodniopomorskie'),
    ('PL43', 'Lubuskie'),
    ('PL51', 'Dolnośląskie'),
    ('PL52', 'Opolskie'),
    ('PL61', 'Kujawsko-pomorskie'),
    ('PL62', 'Warmińsko-mazurskie'),
    ('PL63', 'Pomorskie'),
    ('PL71', 'Łódzkie'),
    ('PL72', 'Świętokrzyskie'),
    ('PL81', 'Lubelskie'),
    ('PL82', 'Podkarpackie'),
    ('PL84', 'Podlaskie'),
    ('PL91', 'Warszawski stołeczny'),
    ('PL92', 'Mazowiecki regionalny'),
    ('FI19', 'Länsi-Suomi'),
    ('FI19A', 'Pohjanmaa'),
    ('FI1B', 'Helsinki-Uusimaa'),
    ('FI1C', 'Etelä-Suomi'),
    ('FI1D', 'Pohjois- ja Itä-Suomi'),
    ('FI20', 'Åland'),)

# Country offsets of the latent traits, and of digital use, research and
# lifelong learning (in standard deviations).
COUNTRY_PROFILE = {
    #      industry knowledge digital  research learning  government
    'DE': (0.7,     0.2,      0.1,     0.8,     0.0,      0.6),
    'ES': (-0.5,    -0.1,     0.3,     -0.5,    0.1,      0.1),
    'FI': (0.0,     0.5,      1.2,     0.7,     1.8,      1.3),
    'FR': (-0.3,    0.2,      0.2,     0.2,     0.5,      0.4),
    'IT': (0.3,     -0.3,     -0.4,    -0.3,    -0.5,     -0.6),
    'PL': (0.2,     -0.5,     -0.6,    -0.8,    -1.0,     -0.3),
}

# Capital-city and metropolitan regions: services and knowledge, less
# manufacturing.
METROPOLITAN = {'DE30', 'DE60', 'DE21', 'DE71', 'ES30', 'ES51', 'FI1B', 'FR10', 'ITC4', 'ITI4', 'PL91'}

# Manufacturing regions known as such (in standard deviations of the
# industrial trait).
INDUSTRIAL = {
    'DE11': 1.4, 'DE14': 1.1, 'DE27': 0.8, 'DE25': 0.5, 'DEA4': 0.6, 'DE91': 0.5, 'DEG0': 0.4,
    'ES21': 1.1, 'ES22': 1.2, 'ES24': 0.5, 'ES51': 0.6, 'FI19': 0.6, 'FRC2': 0.7, 'FRK2': 0.5,
    'ITC1': 0.5, 'ITH3': 1.0, 'ITH5': 0.9, 'ITI3': 0.8, 'PL22': 0.5, 'PL41': 0.6, 'PL52': 0.5,
}

# Manufacturing employment shares of the districts, roughly as the
# literature describes them: ceramics, footwear, eyewear, machinery,
# textiles.
DISTRICT_MANUFACTURING = {
    'ES521': 0.20, 'ES522': 0.29, 'ITH32': 0.33, 'ITH33': 0.35, 'ITH34': 0.31,
    'ITI14': 0.14, 'ITI15': 0.33, 'FI19A': 0.25,
}

# NACE Rev. 2 sections as the LFS and regional accounts group them.
SECTIONS = ('A', 'B-E', 'F', 'G-I', 'J', 'K', 'L', 'M_N', 'O-Q', 'R-U')

# Knowledge-intensive business services in SBS divisions, and their
# usual split.
KIBS_DIVISIONS = (('J62', 0.25), ('J63', 0.05), ('M69', 0.20), ('M70', 0.15),
                  ('M71', 0.17), ('M72', 0.05), ('M73', 0.08), ('M74', 0.05))


def clamp(value, low, high):
    return max(low, min(high, value))


def level_of(code):
    return len(code) - 2


class Region:
    """A NUTS 2 region's latent profile."""

    def __init__(self, code, rng):
        self.code = code
        country = COUNTRY_PROFILE[code[:2]]
        metro = code in METROPOLITAN
        south = code[:3] in ('ITF', 'ITG') or code in ('ES43', 'ES61', 'ES63', 'ES64', 'ES70', 'ES53')
        industry = (rng.gauss(0.0, 0.55) + country[0] + INDUSTRIAL.get(code, 0.0) - (1.2 if metro else 0.0)
                    - (1.1 if south or code.startswith('FRY') else 0.0))
        knowledge = 0.3 * industry + rng.gauss(0.0, 0.7) + country[1] + (1.6 if metro else 0.0)
        self.industry = industry
        self.knowledge = knowledge
        self.digital = 0.6 * knowledge + rng.gauss(0.0, 0.4) + country[2]
        self.research = 0.5 * knowledge + 0.4 * industry + rng.gauss(0.0, 0.4) + country[3]
        self.learning = 0.4 * knowledge + rng.gauss(0.0, 0.3) + country[4]
        self.government = rng.gauss(0.0, 0.3) + country[5] + (0.2 if metro else 0.0)
        # Southern Italy and Spain, eastern Poland: lower on every count.
        if code[:3] in ('ITF', 'ITG') or code in ('ES43', 'ES61', 'ES63', 'ES64', 'PL81', 'PL82', 'PL84'):
            self.government -= 0.8
            self.digital -= 0.4
        self.size = rng.uniform(600.0, 2500.0) * (1.8 if metro else 1.0)
        self.growth = rng.uniform(-0.004, 0.014)
        self.manufacturing_trend = rng.uniform(-0.0025, 0.0005)


def sector_shares(manufacturing, knowledge, rng, agriculture=None):
    """Shares of employment by section, summing to 1; manufacturing (C)
    is given, B-E adds mining and utilities to it."""
    if agriculture is None:
        agriculture = clamp(0.04 - 0.015 * knowledge + rng.gauss(0.0, 0.015), 0.005, 0.14)
    weights = {
        'A': agriculture,
        'B-E': manufacturing + rng.uniform(0.010, 0.020),
        'F': rng.uniform(0.055, 0.080),
        'G-I': rng.uniform(0.22, 0.28),
        'J': clamp(0.030 + 0.010 * knowledge + rng.gauss(0.0, 0.004), 0.010, 0.090),
        'K': clamp(0.025 + 0.006 * knowledge + rng.gauss(0.0, 0.003), 0.010, 0.060),
        'L': rng.uniform(0.006, 0.014),
        'M_N': clamp(0.100 + 0.022 * knowledge + rng.gauss(0.0, 0.008), 0.050, 0.200),
        'O-Q': rng.uniform(0.22, 0.29),
    }
    weights['R-U'] = max(0.03, 1.0 - sum(weights.values()))
    total = sum(weights.values())
    shares = {key: value / total for key, value in weights.items()}
    shares['C'] = manufacturing / total
    return shares


class Tables:
    """The observations of every table, keyed by table, then by the
    dimension codes, region and year."""

    def __init__(self):
        self.rows = {}
        self.dimensions = {}

    def add(self, table, dims, geo, year, value, flags=''):
        names = tuple(name for name, _code in dims)
        known = self.dimensions.setdefault(table, names)
        assert known == names, (table, known, names)
        self.rows.setdefault(table, []).append((tuple(code for _name, code in dims), geo, year, value, flags))

    def write(self, out):
        for table, rows in self.rows.items():
            path = os.path.join(out, table + '.csv')
            with open(path, 'w', newline='', encoding='utf-8') as f:
                writer = csv.writer(f, lineterminator='\n')
                writer.writerow(('DATAFLOW', 'LAST UPDATE', 'freq') + self.dimensions[table]
                                + ('geo', 'TIME_PERIOD', 'OBS_VALUE', 'OBS_FLAG'))
                for codes, geo, year, value, flags in sorted(rows):
                    text = '' if value is None else ('%.1f' % value if abs(value) >= 100 else '%.2f' % value)
                    flag = ' '.join(part for part in (flags, 'synthetic') if part)
                    writer.writerow(('ESTAT:%s(1.0)' % table.upper(), LAST_UPDATE, 'A') + codes
                                    + (geo, year, text, flag))


def lfs_flags(code, section, year, value):
    """Low reliability for small cells, a break in the 2021 LFS."""
    flags = ''
    if value < 8.0:
        flags += 'u'
    if year == 2021 and code[:2] in ('DE', 'FR', 'IT'):
        flags = 'b' + flags
    return flags


def employment(rng, regions, tables):
    """LFS employment by section (lfst_r_lfe2en2) for NUTS 2, countries
    and the EU; regional accounts (nama_10r_3empers) for the same and the
    districts; SBS persons employed in KIBS divisions (sbs_r_nuts06_r2);
    high-tech employment shares (htec_emp_reg2). Returns the employment
    by section, region and year."""
    by_region = {}
    kibs_share = {}
    tech = {}
    for region in regions:
        base = clamp(0.15 + 0.055 * region.industry, 0.04, 0.34)
        shares = sector_shares(base, region.knowledge, rng)
        kibs_share[region.code] = clamp(0.075 + 0.020 * region.knowledge + rng.gauss(0.0, 0.006), 0.03, 0.20)
        tech[region.code] = (clamp(0.38 + 0.10 * region.industry + rng.gauss(0.0, 0.05), 0.12, 0.70),
                             clamp(0.035 + 0.012 * region.knowledge + rng.gauss(0.0, 0.004), 0.010, 0.095))
        for i, year in enumerate(YEARS):
            total = region.size * (1.0 + region.growth) ** i * rng.uniform(0.995, 1.005)
            manufacturing = shares['C'] + region.manufacturing_trend * i
            cell = {section: total * shares[section] * rng.uniform(0.985, 1.015) for section in SECTIONS}
            cell['C'] = total * manufacturing * rng.uniform(0.99, 1.01)
            cell['B-E'] = max(cell['B-E'] + (cell['C'] - total * shares['C']), cell['C'] * 1.03)
            cell['J'] *= 1.0 + 0.012 * i
            cell['M_N'] *= 1.0 + 0.010 * i
            cell['TOTAL'] = sum(cell[section] for section in SECTIONS)
            by_region[(region.code, year)] = cell

    aggregate(by_region, [r.code for r in regions])

    for (code, year), cell in sorted(by_region.items()):
        for section in SECTIONS + ('C', 'TOTAL'):
            value = cell[section]
            # Regional accounts count jobs a little differently.
            tables.add('nama_10r_3empers', (('unit', 'THS'), ('wstatus', 'EMP'), ('nace_r2', section)),
                       code, year, value * rng.uniform(1.00, 1.05))
            # The survey's financial and real-estate cells of Åland are
            # too small to publish.
            if code == 'FI20' and section in ('K', 'L'):
                tables.add('lfst_r_lfe2en2', (('unit', 'THS'), ('nace_r2', section), ('age', 'Y15-64'), ('sex', 'T')),
                           code, year, None, 'c')
                continue
            tables.add('lfst_r_lfe2en2', (('unit', 'THS'), ('nace_r2', section), ('age', 'Y15-64'), ('sex', 'T')),
                       code, year, value, lfs_flags(code, section, year, value))

    # The districts: regional accounts only, as Eurostat publishes NUTS 3.
    for code, manufacturing in DISTRICT_MANUFACTURING.items():
        parent = by_region[(code[:4], YEARS[0])]
        knowledge = (parent['M_N'] / parent['TOTAL'] - 0.10) / 0.022
        shares = sector_shares(manufacturing, knowledge, rng, agriculture=rng.uniform(0.01, 0.05))
        size = rng.uniform(90.0, 450.0)
        for i, year in enumerate(YEARS):
            total = size * (1.0 + rng.uniform(-0.004, 0.010)) ** i
            cell = {section: total * shares[section] * rng.uniform(0.985, 1.015) for section in SECTIONS}
            cell['C'] = total * (shares['C'] - 0.0015 * i)
            cell['TOTAL'] = sum(cell[section] for section in SECTIONS)
            for section in SECTIONS + ('C', 'TOTAL'):
                tables.add('nama_10r_3empers', (('unit', 'THS'), ('wstatus', 'EMP'), ('nace_r2', section)),
                           code, year, cell[section])

    # SBS: persons employed (V16110) in the business economy and in KIBS
    # divisions, in persons.
    for (code, year), cell in sorted(by_region.items()):
        business = 1000.0 * (cell['TOTAL'] - cell['A'] - cell['O-Q'] - cell['K'] * 0.3)
        share = weighted(kibs_share, code)
        i = year - YEARS[0]
        tables.add('sbs_r_nuts06_r2', (('indic_sb', 'V16110'), ('nace_r2', 'B-N_S95_X_K')), code, year, business)
        for division, part in KIBS_DIVISIONS:
            value = business * share * part * (1.0 + 0.01 * i) * rng.uniform(0.95, 1.05)
            tables.add('sbs_r_nuts06_r2', (('indic_sb', 'V16110'), ('nace_r2', division)), code, year, value)

    # High-tech employment, % of total employment.
    for (code, year), cell in sorted(by_region.items()):
        medium_high, kis = weighted_pair(tech, code)
        i = year - YEARS[0]
        manufacturing = 100.0 * cell['C'] / cell['TOTAL']
        if code == 'FRY5':
            continue            # Mayotte: not published
        tables.add('htec_emp_reg2', (('unit', 'PC_EMP'), ('sex', 'T'), ('nace_r2', 'C_HTC_MH')), code, year,
                   manufacturing * medium_high * rng.uniform(0.97, 1.03), 'u' if code in ('ES63', 'ES64', 'FI20') else '')
        tables.add('htec_emp_reg2', (('unit', 'PC_EMP'), ('sex', 'T'), ('nace_r2', 'KIS_HTC')), code, year,
                   100.0 * kis * (1.0 + 0.015 * i) * rng.uniform(0.97, 1.03))

    return by_region


WEIGHTS = {}


def aggregate(by_region, codes):
    """Countries and the EU as sums of their NUTS 2 regions."""
    for year in YEARS:
        for country, _name in COUNTRIES:
            members = [by_region[(code, year)] for code in codes if code.startswith(country)]
            by_region[(country, year)] = {key: sum(cell[key] for cell in members) for key in members[0]}
        by_region[(EU, year)] = {key: sum(by_region[(country, year)][key] for country, _name in COUNTRIES)
                                 for key in by_region[('DE', year)]}
    for code in codes:
        WEIGHTS[code] = by_region[(code, YEARS[0])]['TOTAL']


def members_of(code):
    if code == EU:
        return [c for c in WEIGHTS]
    return [c for c in WEIGHTS if c.startswith(code)]


def weighted(values, code):
    """A region's value, or the employment-weighted mean of its members'."""
    if code in values:
        return values[code]
    members = members_of(code)
    return sum(values[c] * WEIGHTS[c] for c in members) / sum(WEIGHTS[c] for c in members)


def weighted_pair(values, code):
    if code in values:
        return values[code]
    return (weighted({c: v[0] for c, v in values.items()}, code),
            weighted({c: v[1] for c, v in values.items()}, code))


def regional_series(rng, regions, tables, table, dims, level, slope, trend, low, high, noise=1.5,
                    flags=None, years=YEARS, nuts1=None, skip=()):
    """A percentage for every NUTS 2 region (German ones at NUTS 1 when
    @nuts1), its countries and the EU: level + slope × the region's
    trait, rising by @trend a year."""
    values = {}
    for region in regions:
        trait = region_trait(region, table)
        base = level + slope * trait + rng.gauss(0.0, noise)
        for i, year in enumerate(YEARS):
            values[(region.code, year)] = clamp(base + trend * i + rng.gauss(0.0, noise * 0.3), low, high)
    out = {}
    for year in years:
        annual = {code: v for (code, y), v in values.items() if y == year}
        for region in regions:
            code = region.code
            if code in skip or (nuts1 and code.startswith('DE')):
                continue
            out[(code, year)] = annual[code]
        if nuts1:
            for code, _name in DE_NUTS1:
                out[(code, year)] = weighted(annual, code)
        for country, _name in COUNTRIES:
            out[(country, year)] = weighted(annual, country)
        out[(EU, year)] = weighted(annual, EU)
    for (code, year), value in sorted(out.items()):
        tables.add(table, dims, code, year, value, flags(code, year) if flags else '')
    return out


def region_trait(region, table):
    return {
        'isoc_r_broad_h': region.digital,
        'isoc_r_iuse_i': region.digital,
        'isoc_r_blt12_i': region.digital,
        'isoc_r_gov_i': 0.6 * region.digital + 0.4 * region.government,
        'isoc_r_cux_i': region.digital,
        'rd_e_gerdreg': region.research,
        'hrst_st_rcat': region.knowledge,
        'trng_lfse_04': region.learning,
    }[table]


def national_series(rng, tables, table, dims, values, years, noise=1.0):
    """A percentage published for countries and the EU only."""
    for year in years:
        i = year - YEARS[0]
        for country, _name in COUNTRIES:
            level, trend = values[country]
            tables.add(table, dims, country, year, clamp(level + trend * i + rng.gauss(0.0, noise), 1.0, 99.0))
        level = sum(values[c][0] for c, _n in COUNTRIES) / len(COUNTRIES)
        trend = sum(values[c][1] for c, _n in COUNTRIES) / len(COUNTRIES)
        tables.add(table, dims, EU, year, level + trend * i)


def digital(rng, regions, tables):
    """The isoc tables: households and individuals at NUTS 2 (Germany at
    NUTS 1), enterprises and skills for countries only."""
    regional_series(rng, regions, tables, 'isoc_r_broad_h', (('unit', 'PC_HH'),), 84.0, 5.0, 1.3, 55.0, 99.0,
                    nuts1=True)
    regional_series(rng, regions, tables, 'isoc_r_iuse_i', (('indic_is', 'I_IUSE'), ('unit', 'PC_IND')),
                    80.0, 5.5, 1.2, 50.0, 98.0, nuts1=True)
    regional_series(rng, regions, tables, 'isoc_r_blt12_i', (('indic_is', 'I_BLT12'), ('unit', 'PC_IND')),
                    55.0, 9.0, 2.0, 15.0, 92.0, nuts1=True, flags=lambda code, year: 'u' if code == 'FI20' else '')
    regional_series(rng, regions, tables, 'isoc_r_gov_i', (('indic_is', 'I_IGOV12'), ('unit', 'PC_IND')),
                    55.0, 12.0, 1.5, 15.0, 95.0, nuts1=True, skip=('FRY5',))
    regional_series(rng, regions, tables, 'isoc_r_cux_i', (('indic_is', 'I_CUX'), ('unit', 'PC_IND')),
                    12.0, -4.0, -0.6, 1.0, 40.0, noise=1.0, nuts1=True)

    skills = {'DE': (25.0, 0.4), 'ES': (30.0, 0.7), 'FI': (42.0, 0.8), 'FR': (30.0, 0.5),
              'IT': (21.0, 0.4), 'PL': (19.0, 0.6)}
    national_series(rng, tables, 'isoc_sk_dskl_i21',
                    (('ind_type', 'IND_TOTAL'), ('indic_is', 'I_DSK2_AB'), ('unit', 'PC_IND')),
                    skills, (2021, 2023))
    intensity = {'DE': (66.0, 1.0), 'ES': (62.0, 1.5), 'FI': (84.0, 0.9), 'FR': (55.0, 1.2),
                 'IT': (62.0, 1.3), 'PL': (44.0, 1.5)}
    national_series(rng, tables, 'isoc_e_dii',
                    (('size_emp', '10-249'), ('nace_r2', 'C10-S951_X_K'), ('indic_is', 'E_DI4_GELO'),
                     ('unit', 'PC_ENT')), intensity, (2016, 2018, 2020, 2022))
    enterprise = {
        'isoc_cicce_use': ('E_CC', {'DE': (25.0, 2.5), 'ES': (22.0, 2.5), 'FI': (55.0, 2.5), 'FR': (20.0, 2.0),
                                     'IT': (45.0, 2.5), 'PL': (18.0, 2.0)}),
        'isoc_eb_ai': ('E_AI_TANY', {'DE': (8.0, 1.0), 'ES': (6.0, 0.8), 'FI': (12.0, 1.2), 'FR': (5.0, 0.8),
                                      'IT': (5.0, 0.6), 'PL': (2.5, 0.5)}),
        'isoc_eb_das': ('E_DA', {'DE': (30.0, 1.0), 'ES': (28.0, 1.0), 'FI': (38.0, 1.2), 'FR': (26.0, 0.9),
                                  'IT': (24.0, 0.8), 'PL': (18.0, 0.8)}),
    }
    for table, (indicator, values) in sorted(enterprise.items()):
        national_series(rng, tables, table,
                        (('size_emp', 'GE10'), ('nace_r2', 'C10-S951_X_K'), ('indic_is', indicator),
                         ('unit', 'PC_ENT')), values, (2019, 2021, 2023))


def research_and_skills(rng, regions, tables):
    """R&D intensity, human resources in science and technology, lifelong
    learning."""
    def rd_flags(code, year):
        if year == YEARS[-1]:
            return 'p'
        return 'e' if code.startswith('FR') and year % 2 else ''

    total = regional_series(rng, regions, tables, 'rd_e_gerdreg',
                            (('sectperf', 'TOTAL'), ('unit', 'PC_GDP')), 1.6, 0.7, 0.02, 0.15, 6.0, noise=0.25,
                            flags=rd_flags)
    for (code, year), value in sorted(total.items()):
        # Business R&D: about two thirds of the total; a few regions do
        # not publish it in odd years.
        if year % 2 and code in ('ES63', 'ES64', 'FRY3', 'FRY5', 'PL84'):
            continue
        tables.add('rd_e_gerdreg', (('sectperf', 'BES'), ('unit', 'PC_GDP')), code, year,
                   max(0.02, value * rng.uniform(0.55, 0.75) - 0.05), rd_flags(code, year))

    core = regional_series(rng, regions, tables, 'hrst_st_rcat', (('category', 'HRSTC'), ('unit', 'PC_ACT')),
                           20.0, 4.0, 0.35, 8.0, 40.0, noise=1.2)
    for (code, year), value in sorted(core.items()):
        tables.add('hrst_st_rcat', (('category', 'HRST'), ('unit', 'PC_ACT')), code, year,
                   clamp(value * rng.uniform(1.7, 1.9), 20.0, 65.0))

    regional_series(rng, regions, tables, 'trng_lfse_04', (('sex', 'T'), ('age', 'Y25-64'), ('unit', 'PC')),
                    10.0, 4.0, 0.3, 1.5, 35.0, noise=1.0,
                    flags=lambda code, year: 'b' if year == 2021 else ('u' if code in ('ES63', 'ES64') else ''))


def scoreboard(rng, regions):
    """Regional Innovation Scoreboard indicators (editions of odd years)
    and the European Quality of Government Index (2013, 2017, 2021), as
    tidy rows under the plain names the modules document."""
    rows = []
    for region in regions:
        code = region.code
        product = clamp(28.0 + 6.0 * region.knowledge + 3.0 * region.industry + rng.gauss(0.0, 3.0), 5.0, 60.0)
        collaborating = clamp(13.0 + 4.0 * region.knowledge + rng.gauss(0.0, 2.0), 2.0, 35.0)
        skills = clamp(28.0 + 6.0 * region.digital + rng.gauss(0.0, 2.0), 8.0, 55.0)
        quality = clamp(0.3 * region.government + rng.gauss(0.0, 0.25), -2.8, 2.0)
        for year in (2015, 2017, 2019, 2021, 2023):
            i = year - YEARS[0]
            rows.append((code, 'ris_sme_product_innovators', year, product + 0.2 * i))
            rows.append((code, 'ris_innovative_smes_collaborating', year, collaborating + 0.1 * i))
            # The digital-skills indicator is regional only in some countries.
            if code[:2] not in ('DE', 'PL') and year >= 2021:
                rows.append((code, 'ris_digital_skills_above_basic', year, skills + 0.5 * i))
        for year in (2013, 2017, 2021):
            rows.append((code, 'qog_eqi', year, quality + rng.gauss(0.0, 0.08)))

    # Countries and the EU: the means of their regions.
    groups = [(country, country) for country, _name in COUNTRIES] + [(EU, '')]
    by_key = {}
    for code, indicator, year, value in rows:
        by_key.setdefault((indicator, year), []).append((code, value))
    for (indicator, year), values in sorted(by_key.items()):
        for group, prefix in groups:
            members = [value for code, value in values if code.startswith(prefix)]
            if members:
                rows.append((group, indicator, year, sum(members) / len(members)))
    return rows


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: generate-demo.py OUTPUT_DIR')
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    rng = random.Random(SEED)
    regions = [Region(code, rng) for code, _name in REGIONS if level_of(code) == 2]
    tables = Tables()
    employment(rng, regions, tables)
    digital(rng, regions, tables)
    research_and_skills(rng, regions, tables)
    tables.write(out)

    with open(os.path.join(out, 'ris-eqi.csv'), 'w', newline='', encoding='utf-8') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(('region', 'indicator', 'year', 'value', 'flag'))
        for code, indicator, year, value in scoreboard(rng, regions):
            writer.writerow((code, indicator, year, '%.2f' % value, 'synthetic'))

    written = sorted(name for name in os.listdir(out) if name != 'demo-regions.csv' and name.endswith('.csv'))
    assert written == sorted(OUTPUTS), sorted(set(written) ^ set(OUTPUTS))

    with open(os.path.join(out, 'demo-regions.csv'), 'w', newline='', encoding='utf-8') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(('code', 'name', 'national_name', 'nuts_version'))
        writer.writerow((EU, 'European Union – 27 countries (from 2020)',
                         'European Union – 27 countries (from 2020)', NUTS_VERSION))
        for code, name in COUNTRIES + DE_NUTS1 + REGIONS:
            writer.writerow((code, name.strip(), name.strip(), NUTS_VERSION))


if __name__ == '__main__':
    main()
