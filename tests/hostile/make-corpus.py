#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the hostile corpus of this folder: small files that test-hostile
# loads as data and as boundaries, expecting what expected.txt says. Run it
# from this folder after adding a case; commit the files it writes.

import gzip
import os

HEADER = "region,indicator,year,value\n"
LABELS = ("STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,freq,Time frequency,unit,Unit of measure,"
          "geo,Geopolitical entity (reporting),TIME_PERIOD,Time,OBS_VALUE,Observation value,"
          "OBS_FLAG,Observation status (Flag) V2 structure,CONF_STATUS,Confidentiality status (flag)\r\n")
LABELS_ROW = "dataflow,ESTAT:TGS00042(1.0),\"GERD, by NUTS 2 region\",A,Annual,PC_GDP,\"% of GDP\","
GEOJSON = ('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"NUTS_ID":"ITH3"%s},'
           '"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}')
JSON_STAT = ('{"version":"2.0","class":"dataset","id":["geo","time"],"size":[2,2],"dimension":{'
             '"geo":{"category":{"index":["ITH3","ITH4"]}},"time":{"category":{"index":["2020","2021"]}}},%s}')

# name: (content as bytes, as data, as boundaries); "ok" or an error code,
# "-" where only a clean error naming the file is asked for.
cases = {}


def case(name, content, data, boundaries="-"):
    if isinstance(content, str):
        content = content.encode("utf-8")
    cases[name] = (content, data, boundaries)


def members(*texts):
    return b"".join(gzip.compress(t.encode("utf-8"), mtime=0) for t in texts)


# Encodings
case("utf16-le-bom.csv", b"\xff\xfe" + (HEADER + "ITH3,x,2020,1\n").encode("utf-16-le"), "ENCODING", "ENCODING")
case("utf16-be-bom.tsv", b"\xfe\xff" + "unit,geo\\time\t2020\nTHS,AT\t1\n".encode("utf-16-be"),
     "ENCODING", "ENCODING")
case("utf16-be-bom.geojson", b"\xfe\xff" + (GEOJSON % "").encode("utf-16-be"), "ENCODING", "ENCODING")
case("latin1.csv", (HEADER + "ITH3,Vicenza \xe8,2020,1\n").encode("latin-1"), "ENCODING")
case("nul-bytes.csv", HEADER.encode() + b"ITH3,x,2020,\x001\n", "FORMAT", "-")
case("empty.csv", b"", "EMPTY", "EMPTY")
case("bom-only.csv", b"\xef\xbb\xbf", "EMPTY", "EMPTY")

# Numbers
case("hexadecimal.csv", HEADER + "ITH3,x,2020,0x10\n", "VALUE")
case("underflow.tsv", "unit,geo\\time\t2020 \nTHS,AT\t1e-400 \n", "VALUE")
case("overflow.csv", HEADER + "ITH3,x,2020,1e999\n", "VALUE")
case("nan.csv", HEADER + "ITH3,x,2020,nan\n", "VALUE")
case("infinity.sdmx.csv", "DATAFLOW,freq,geo,TIME_PERIOD,OBS_VALUE\nESTAT:X(1.0),A,ITH3,2020,inf\n", "VALUE")
case("year-overflow.csv", HEADER + "ITH3,x,99999999999999999999,1\n", "VALUE")
case("json-hexadecimal.json", JSON_STAT % '"value":[1,2,3,0x10]', "SYNTAX")
case("json-underflow.json", JSON_STAT % '"value":[1,2,3,1e-400]', "VALUE")
case("json-huge-integer.json", JSON_STAT % '"value":[1,2,3,123456789012345678901234]', "VALUE")

# gzip
case("multi-member.tsv.gz", members("unit,geo\\time\t2020 \nTHS,AT\t1 \n", "THS,BE\t2 \n"), "ok")
case("zero-padded.csv.gz", members(HEADER + "ITH3,x,2020,1\n") + bytes(64), "ok")
case("truncated.csv.gz", members(HEADER + "ITH3,x,2020,1\n" * 1)[:-10], "TRUNCATED", "TRUNCATED")
damaged = bytearray(members(HEADER + "ITH3,x,2020,1\nITH4,x,2020,2\n"))
damaged[12:20] = b"\xff" * 8
case("damaged.csv.gz", bytes(damaged), "ENCODING", "ENCODING")
case("trailing-junk.csv.gz", members(HEADER + "ITH3,x,2020,1\n") + b"junk", "ENCODING", "ENCODING")
case("bomb.csv.gz", gzip.compress((HEADER + "\n" * (17 << 20)).encode(), 9, mtime=0), "TOO_LARGE", "TOO_LARGE")

# CSV structure
case("quote-never-closed.csv", HEADER + 'ITH3,"x,2020,1\n', "SYNTAX")
case("lone-cr.csv", "region,indicator,year,value\rITH3,x,2020,1\r", "HEADER")
case("control-character.csv", HEADER + "ITH\x013,x,2020,1\n", "VALUE")
case("long-header-field.csv", "region,indicator,year,value," + "c" * 20000 + "\nITH3,x,2020,1,2\n", "HEADER")
case("tabs-not-commas.csv", "region\tindicator\tyear\tvalue\nITH3\tx\t2020\t1\n", "HEADER")
case("ragged.tsv", "unit,geo\\time\t2020 \t2019 \nTHS,AT\t1 \n", "SYNTAX")

# Eurostat's formats of today and of 2011
case("labels-crlf.sdmx.csv", LABELS + LABELS_ROW + "AT11,Burgenland (AT),2021,,1.25,,e,estimated,,\r\n"
     + LABELS_ROW + "BE10,\"Région de Bruxelles-Capitale, Brussels\",2020,,,,,,C,confidential\r\n", "ok")
case("labels-misaligned.sdmx.csv", "STRUCTURE,STRUCTURE_ID,freq,Time frequency,geo,TIME_PERIOD,Time,OBS_VALUE\n"
     "dataflow,ESTAT:X(1.0),A,Annual,AT11,2020,,1\n", "HEADER")
case("labels-unknown-confidentiality.sdmx.csv", LABELS + LABELS_ROW + "AT11,Burgenland,2021,,1,,,,Q,?\r\n", "VALUE")
case("tsv-2011-greece.tsv", "geo\\time\t1999 \t2000 \nGR11\t0.65 \t0.7 i\nAT11\t: c\t1 e\n", "ok")
case("wide-tidy.csv", "year,nuts_id,nuts_year_spec,rd_private_eur_hab\n2015,AT11,2016,237.9\n2016,AT11,2016,\n", "ok")

# JSON
case("duplicate-key.json", JSON_STAT % '"value":[1,2,3,4],"value":[5,6,7,8]', "SYNTAX")
case("second-value.json", (JSON_STAT % '"value":[1,2,3,4]') + '\n{"value":[9]}', "SYNTAX")
case("status-legacy.json", JSON_STAT % '"value":{"0":1,"1":2},"status":{"value":{"0":"b","3":"c"},'
     '"category":{"label":{"b":"break","c":"confidential"}}}', "ok")
case("status-bad-key.json", JSON_STAT % '"value":[1,2,3,4],"status":{"one":"b"}', "VALUE")
case("deep-nesting.json", "[" * 5000 + "]" * 5000, "SYNTAX", "SYNTAX")
case("duplicate-key.geojson", GEOJSON % ',"NUTS_ID":"ITH4"', "FORMAT", "SYNTAX")
case("second-value.geojson", (GEOJSON % "") + "\n" + (GEOJSON % ""), "FORMAT", "SYNTAX")
case("token-with-newline.json", "['x\n['x", "SYNTAX", "SYNTAX")
case("nan-coordinates.geojson", (GEOJSON % "").replace("[1,1]", "[NaN,1]"), "FORMAT", "SYNTAX")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    lines = ["# file\tas data\tas boundaries: ok, an error code of DistrettoImportError, or -",
             "# (any clean error naming the file). Written by make-corpus.py."]
    for name, (content, data, boundaries) in sorted(cases.items()):
        with open(os.path.join(here, name), "wb") as out:
            out.write(content)
        lines.append(f"{name}\t{data}\t{boundaries}")
    with open(os.path.join(here, "expected.txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


main()
