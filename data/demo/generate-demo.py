#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes Distretto's demo dataset: real NUTS 2024 codes and names, values
drawn from a seeded generator and flagged `synthetic`.

    generate-demo.py OUTPUT_DIR

writes OUTPUT_DIR/demo-observations.csv (tidy: region,indicator,year,value,flag)
and OUTPUT_DIR/demo-regions.csv (code,name,national_name). The same seed
gives the same bytes on every machine.
"""

import csv
import os
import random
import sys

SEED = 20261122
NUTS_VERSION = 2024
YEARS = range(2015, 2024)

# Employment in thousand persons. KIBS: NACE J62, J63, M69-M74;
# manufacturing: NACE C.
SERIES = ('emp_total', 'emp_kibs', 'emp_manuf')

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


def generate(rng):
    rows = []
    for code, _name in REGIONS:
        level = len(code) - 2
        size = rng.uniform(300.0, 3000.0) if level == 2 else rng.uniform(80.0, 450.0)
        kibs_share = rng.uniform(0.04, 0.16)
        manuf_share = rng.uniform(0.07, 0.30)
        growth = rng.uniform(-0.005, 0.015)
        kibs_trend = rng.uniform(0.0, 0.004)
        for i, year in enumerate(YEARS):
            total = size * (1.0 + growth) ** i * rng.uniform(0.99, 1.01)
            kibs = total * (kibs_share + kibs_trend * i) * rng.uniform(0.97, 1.03)
            manuf = total * (manuf_share - 0.002 * i) * rng.uniform(0.97, 1.03)
            for series, value in zip(SERIES, (total, kibs, manuf)):
                rows.append((code, series, year, f'{value:.1f}', 'synthetic'))
    return rows


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: generate-demo.py OUTPUT_DIR')
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    rng = random.Random(SEED)
    with open(os.path.join(out, 'demo-observations.csv'), 'w', newline='', encoding='utf-8') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(('region', 'indicator', 'year', 'value', 'flag'))
        writer.writerows(generate(rng))

    with open(os.path.join(out, 'demo-regions.csv'), 'w', newline='', encoding='utf-8') as f:
        writer = csv.writer(f, lineterminator='\n')
        writer.writerow(('code', 'name', 'national_name', 'nuts_version'))
        for code, name in REGIONS:
            writer.writerow((code, name.strip(), name.strip(), NUTS_VERSION))


if __name__ == '__main__':
    main()
