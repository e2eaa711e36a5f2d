/* test-real-files.c: every statistics file of ../shared/data/real loads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected counts were worked out from the files themselves, not by
 * running Distretto, with these commands in ../shared/data/real:
 *
 * Eurostat bulk TSV (2017 and 2011 layouts): series are the distinct
 * combinations of the dimension codes other than geo, regions the distinct
 * geo codes, values the cells not starting with “:”:
 *
 *   awk -F'\t' 'NR==1{n=split($1,h,","); for(i=1;i<=n;i++) if (h[i] ~ /^geo/) g=i; next}
 *     {split($1,c,","); k=""; for(i=1;i<=n;i++) if(i!=g) k=k","c[i]; s[k]=1; r[c[g]]=1;
 *      for(i=2;i<=NF;i++) if ($i !~ /^:/) v++}
 *     END{print length(s), length(r), v}' FILE          (zcat FILE.gz | awk … for .gz)
 *
 * SDMX-CSV with labels: series are the distinct codes of the dimension
 * columns between freq and TIME_PERIOD (every other column, labels
 * between), regions the distinct geo codes, values the non-empty
 * OBS_VALUE fields (quoted fields hold commas: Python's csv module):
 *
 *   rows = list(csv.reader(open(f, newline='', encoding='utf-8'))); h = rows[0]
 *   dims = [i for i in range(h.index('freq'), h.index('TIME_PERIOD'), 2) if h[i] not in ('freq', 'geo')]
 *   len({tuple(r[i] for i in dims) for r in rows[1:]}), len({r[h.index('geo')] for r in rows[1:]}),
 *   sum(1 for r in rows[1:] if r[h.index('OBS_VALUE')] != '')
 *
 * Nesta's R&D files (`year,nuts_id,nuts_year_spec,<indicator>`): one
 * series, regions the distinct nuts_id, values the non-empty last fields:
 *
 *   awk -F, 'NR>1{r[$2]=1; if ($4!="") v++} END{print length(r), v}' FILE
 */

#include "distretto-test-utils.h"
#include <math.h>

typedef struct
{
  const char *path;          /* under DISTRETTO_REAL_DATA */
  const char *format;
  const char *table;         /* the source's table code, or NULL */
  guint n_series;
  guint n_regions;
  guint n_values;            /* cells with a value */
  const char *selector;      /* the selector of one of its series */
} RealFile;

static const RealFile real_files[] = {
  { "eurostat-tsv-2017/lfst_r_lfe2eedu.tsv", "Eurostat TSV", "lfst_r_lfe2eedu", 75, 491, 403429,
    "lfst_r_lfe2eedu?unit=THS&sex=T&age=Y25-64&isced11=ED5-8" },
  { "eurostat-tsv-2017/lfst_r_lfe2en2.tsv", "Eurostat TSV", "lfst_r_lfe2en2", 60, 491, 161235,
    "lfst_r_lfe2en2?unit=THS&nace_r2=B-E&age=Y15-64" },
  { "eurostat-tsv-2017/nama_10r_2gdp.tsv", "Eurostat TSV", "nama_10r_2gdp", 6, 446, 37274,
    "nama_10r_2gdp?unit=PPS_HAB" },
  { "eurostat-tsv-2017/nama_10r_2gvagr.tsv", "Eurostat TSV", "nama_10r_2gvagr", 1, 282, 3595,
    "nama_10r_2gvagr?unit=PCH_PRE" },
  { "eurostat-tsv-2017/nama_10r_2gvagr.tsv.gz", "Eurostat TSV", "nama_10r_2gvagr", 1, 282, 3595,
    "nama_10r_2gvagr?unit=PCH_PRE" },
  { "eurostat-tsv-2017/trng_lfse_04.tsv", "Eurostat TSV", "trng_lfse_04", 3, 485, 20125,
    "trng_lfse_04?unit=PC&sex=T&age=Y25-64" },

  /* The 2011 layout: `geo\time` alone, so the series is the table. */
  { "eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00038.tsv.gz", "Eurostat TSV", "tgs00038", 1, 318, 3309, "tgs00038" },
  { "eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00039.tsv.gz", "Eurostat TSV", "tgs00039", 1, 318, 2796, "tgs00039" },
  { "eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00040.tsv.gz", "Eurostat TSV", "tgs00040", 1, 265, 2929, "tgs00040" },
  { "eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00041.tsv.gz", "Eurostat TSV", "tgs00041", 1, 260, 2497, "tgs00041" },
  { "eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00042.tsv.gz", "Eurostat TSV", "tgs00042", 1, 265, 1550, "tgs00042" },
  { "eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00043.tsv.gz", "Eurostat TSV", "tgs00043", 1, 272, 1370, "tgs00043" },

  /* SDMX-CSV 2.0 with labels, CRLF (2023) and with CONF_STATUS, LF (2026). */
  { "eurostat-regional-extra/isoc-tgs-sdmxcsv-2023/tgs00047_EuroStat-regional-internet-access.csv",
    "SDMX-CSV", "tgs00047", 1, 196, 2024, "tgs00047?unit=PC_HH" },
  { "eurostat-regional-extra/isoc-tgs-sdmxcsv-2023/tgs00050_EuroStat-regional-internet-usage.csv",
    "SDMX-CSV", "tgs00050", 1, 196, 2024, "tgs00050?indic_is=I_IUSE&unit=PC_IND" },
  { "eurostat-regional-extra/isoc-tgs-sdmxcsv-2023/tgs00052_EuroStat-regional-goods-services.csv",
    "SDMX-CSV", "tgs00052", 1, 196, 2024, "tgs00052?indic_is=I_BLT12&unit=PC_IND" },
  { "eurostat-regional-extra/rd-tgs00042-sdmxcsv-2026/eurostat_tgs00042_gerd_rd_expenditure.csv",
    "SDMX-CSV", "tgs00042", 1, 373, 2329, "tgs00042?sectperf=TOTAL&unit=PC_GDP" },

  /* Nesta's reshaping: the wide form of tidy CSV. */
  { "rd-expenditure-nuts2016/rd_government_eur_hab.nuts0.csv", "tidy CSV", NULL, 1, 39, 188, "rd_government_eur_hab" },
  { "rd-expenditure-nuts2016/rd_government_eur_hab.nuts1.csv", "tidy CSV", NULL, 1, 99, 396, "rd_government_eur_hab" },
  { "rd-expenditure-nuts2016/rd_government_eur_hab.nuts2.csv", "tidy CSV", NULL, 1, 279, 1035, "rd_government_eur_hab" },
  { "rd-expenditure-nuts2016/rd_private_eur_hab.nuts0.csv", "tidy CSV", NULL, 1, 39, 187, "rd_private_eur_hab" },
  { "rd-expenditure-nuts2016/rd_private_eur_hab.nuts1.csv", "tidy CSV", NULL, 1, 99, 368, "rd_private_eur_hab" },
  { "rd-expenditure-nuts2016/rd_private_eur_hab.nuts2.csv", "tidy CSV", NULL, 1, 286, 1009, "rd_private_eur_hab" },
};

/* The real file at @path, or NULL (and the test skipped) without it. */
static DistrettoDataset *
load_real (const char *path)
{
  const char *dir = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *full = dir ? g_build_filename (dir, path, NULL) : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoDataset *dataset;

  if (full == NULL || !g_file_test (full, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/real is not there");
      return NULL;
    }

  file = g_file_new_for_path (full);
  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

/* Cells with a value, and how many of them (and of the missing ones) carry
 * @flag. */
static guint
count_values (DistrettoDataset *dataset,
              DistrettoFlags    flag,
              guint            *n_flagged,
              guint            *n_missing_flagged)
{
  guint n = 0;

  *n_flagged = *n_missing_flagged = 0;
  for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
    for (guint r = 0; r < distretto_dataset_get_n_regions (dataset); r++)
      for (int y = distretto_dataset_get_first_year (dataset); y <= distretto_dataset_get_last_year (dataset); y++)
        {
          DistrettoFlags flags;
          double value = distretto_dataset_get_value_at (dataset, s, r, y, &flags);

          n += !isnan (value);
          if (flags & flag)
            {
              if (isnan (value))
                (*n_missing_flagged)++;
              else
                (*n_flagged)++;
            }
        }

  return n;
}

static void
test_real_file (gconstpointer data)
{
  const RealFile *real = data;
  g_autoptr(DistrettoDataset) dataset = load_real (real->path);
  DistrettoSource *source;
  gboolean found = FALSE;
  guint flagged, missing_flagged;

  if (dataset == NULL)
    return;

  source = distretto_dataset_get_source_at (dataset, 0);
  g_assert_cmpstr (distretto_source_get_format (source), ==, real->format);
  g_assert_cmpstr (distretto_source_get_table_code (source), ==, real->table);
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, real->n_series);
  g_assert_cmpuint (distretto_dataset_get_n_regions (dataset), ==, real->n_regions);
  g_assert_cmpuint (count_values (dataset, DISTRETTO_FLAGS_NONE, &flagged, &missing_flagged), ==, real->n_values);

  /* Every series of a Eurostat file knows its table, whatever the layout. */
  for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
    {
      DistrettoSeries *series = distretto_dataset_get_series_at (dataset, s);
      g_autofree char *selector = distretto_series_dup_selector (series);

      g_assert_cmpstr (distretto_series_get_table (series), ==, real->table);
      found |= g_str_equal (selector, real->selector);
    }

  if (!found)
    g_error ("%s: no series has the selector %s", real->path, real->selector);
}

/* Labels name the regions, without the country or the NUTS version they
 * carry; quoted labels hold commas. */
static void
test_sdmx_labels_name_regions (void)
{
  g_autoptr(DistrettoDataset) usage = load_real ("eurostat-regional-extra/isoc-tgs-sdmxcsv-2023/"
                                                 "tgs00050_EuroStat-regional-internet-usage.csv");
  g_autoptr(DistrettoDataset) gerd = NULL;

  if (usage == NULL)
    return;

  /* `AT11,Burgenland (AT)`, `HU10,Közép-Magyarország (NUTS 2013)` */
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (usage, "AT11")), ==, "Burgenland");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (usage, "HU10")), ==, "Közép-Magyarország");

  gerd = load_real ("eurostat-regional-extra/rd-tgs00042-sdmxcsv-2026/eurostat_tgs00042_gerd_rd_expenditure.csv");
  /* `UKN0,Northern Ireland (UK) (NUTS 2021)`, `NO01,Oslo og Akershus
   * (statistical region 2016)`, `EL51,"Anatoliki Makedonia, Thraki"` */
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (gerd, "UKN0")), ==, "Northern Ireland");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (gerd, "NO01")), ==, "Oslo og Akershus");
  g_assert_cmpstr (distretto_region_get_name (distretto_dataset_get_region (gerd, "EL51")), ==, "Anatoliki Makedonia, Thraki");
}

/* Flags come from OBS_FLAG and CONF_STATUS. Counted with the csv module:
 * sum(l in r[h.index('OBS_FLAG')] for r in rows[1:]) gives b 37 and u 13
 * in tgs00050; e 98 in tgs00042 (2026); CONF_STATUS is C on 194 rows of
 * tgs00042, none of which has a value. */
static void
test_sdmx_flags_and_confidential_cells (void)
{
  g_autoptr(DistrettoDataset) usage = load_real ("eurostat-regional-extra/isoc-tgs-sdmxcsv-2023/"
                                                 "tgs00050_EuroStat-regional-internet-usage.csv");
  g_autoptr(DistrettoDataset) gerd = NULL;
  guint flagged, missing_flagged;
  DistrettoFlags flags;

  if (usage == NULL)
    return;

  count_values (usage, DISTRETTO_FLAGS_BREAK, &flagged, &missing_flagged);
  g_assert_cmpuint (flagged + missing_flagged, ==, 37);
  count_values (usage, DISTRETTO_FLAGS_LOW_RELIABILITY, &flagged, &missing_flagged);
  g_assert_cmpuint (flagged + missing_flagged, ==, 13);

  gerd = load_real ("eurostat-regional-extra/rd-tgs00042-sdmxcsv-2026/eurostat_tgs00042_gerd_rd_expenditure.csv");
  count_values (gerd, DISTRETTO_FLAGS_ESTIMATED, &flagged, &missing_flagged);
  g_assert_cmpuint (flagged + missing_flagged, ==, 98);
  count_values (gerd, DISTRETTO_FLAGS_CONFIDENTIAL, &flagged, &missing_flagged);
  g_assert_cmpuint (flagged, ==, 0);
  g_assert_cmpuint (missing_flagged, ==, 194);

  /* `BE10,Région de Bruxelles-Capitale/…,2020,,,,,,C,confidential` */
  g_assert_true (isnan (distretto_dataset_get_value (gerd, "tgs00042.TOTAL.PC_GDP", "BE10", 2020, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);
}

/* The 2011 layout keeps Greece's codes as written (GR, mapped to EL by the
 * NUTS recoding), and reads its `i` flags: `zcat tgs00042.tsv.gz | awk
 * -F'\t' 'NR>1{for(i=2;i<=NF;i++){split($i,a," "); if (a[2] ~ /i/) c++}}
 * END{print c}'` gives 29. */
static void
test_tsv_2011 (void)
{
  g_autoptr(DistrettoDataset) dataset = load_real ("eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00042.tsv.gz");
  guint flagged, missing_flagged;

  if (dataset == NULL)
    return;

  g_assert_nonnull (distretto_dataset_get_region (dataset, "GR11"));
  g_assert_null (distretto_dataset_get_region (dataset, "EL11"));
  g_assert_cmpint (distretto_dataset_get_first_year (dataset), ==, 1999);
  g_assert_cmpint (distretto_dataset_get_last_year (dataset), ==, 2010);

  count_values (dataset, DISTRETTO_FLAGS_SEE_NOTE, &flagged, &missing_flagged);
  g_assert_cmpuint (flagged + missing_flagged, ==, 29);
}

/* `2015,AT11,2016,237.9`: the region codes are NUTS 2016, as the file says. */
static void
test_wide_tidy_nuts_version (void)
{
  g_autoptr(DistrettoDataset) dataset = load_real ("rd-expenditure-nuts2016/rd_private_eur_hab.nuts2.csv");

  if (dataset == NULL)
    return;

  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "rd_private_eur_hab", "AT11", 2015, NULL), ==, 237.9);
  g_assert_cmpint (distretto_region_get_nuts_version (distretto_dataset_get_region (dataset, "AT11")), ==, 2016);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (real_files); i++)
    {
      g_autofree char *name = g_path_get_basename (real_files[i].path);
      g_autofree char *path = g_strconcat ("/Distretto/RealFiles/", name, NULL);

      g_test_add_data_func (path, &real_files[i], test_real_file);
    }

  g_test_add_func ("/Distretto/RealFiles/sdmx-labels-name-regions", test_sdmx_labels_name_regions);
  g_test_add_func ("/Distretto/RealFiles/sdmx-flags-and-confidential-cells", test_sdmx_flags_and_confidential_cells);
  g_test_add_func ("/Distretto/RealFiles/tsv-2011", test_tsv_2011);
  g_test_add_func ("/Distretto/RealFiles/wide-tidy-nuts-version", test_wide_tidy_nuts_version);

  return g_test_run ();
}
