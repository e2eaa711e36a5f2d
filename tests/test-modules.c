/* test-modules.c: the four bundled indicator modules — their definitions,
 * every view on the demo, worked examples computed by hand, and the real
 * Eurostat files when ../shared/data/real is there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>
#include <math.h>
#include <string.h>

#include "distretto-demo.h"
#include "distretto-module-info.h"
#include "distretto-plugin-engine.h"

static const char *bundled[] = { "servitization", "digital-adoption", "i40-readiness", "industrial_structure", NULL };

static DistrettoPluginEngine *engine;
static gboolean have_display;

static DistrettoModule *
module (const char *id)
{
  DistrettoModule *found = distretto_plugin_engine_find_module (engine, id);

  if (found == NULL)
    g_error ("the module “%s” did not load", id);
  return found;
}

static DistrettoIndicator *
indicator (const char *id)
{
  return distretto_module_get_indicator (module (id));
}

/* A sub-indicator of a module's definition, by id. */
static DistrettoSubIndicator *
find_sub (const char *module_id,
          const char *sub_id)
{
  DistrettoIndicatorDefinition *definition = distretto_module_get_definition (module (module_id));

  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (definition); p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        if (g_str_equal (distretto_sub_indicator_get_id (distretto_pillar_get_sub_indicator (pillar, i)), sub_id))
          return distretto_pillar_get_sub_indicator (pillar, i);
    }

  g_error ("%s has no sub-indicator %s", module_id, sub_id);
  return NULL;
}

/* One Eurostat table as SDMX-CSV 1.0: each line of @rows holds the codes
 * of @dimensions, then geo, year and value. */
static DistrettoDataset *
sdmx_table (const char *table,
            const char *dimensions,
            const char *rows)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (rows, "\n", -1);
  g_autofree char *upper = g_ascii_strup (table, -1);
  g_autofree char *name = g_strconcat (table, ".csv", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoDataset *dataset;

  g_string_append_printf (csv, "DATAFLOW,LAST UPDATE,freq,%s,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n", dimensions);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_string_append_printf (csv, "ESTAT:%s(1.0),,A,%s,\n", upper, lines[i]);

  bytes = g_bytes_new (csv->str, csv->len);
  dataset = distretto_dataset_load_bytes (bytes, name, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static DistrettoDataset *
merged (DistrettoDataset *first,
        ...)
{
  DistrettoDataset *dataset = distretto_dataset_new ();
  DistrettoDataset *next;
  va_list args;

  va_start (args, first);
  for (next = first; next != NULL; next = va_arg (args, DistrettoDataset *))
    {
      g_autoptr(GError) error = NULL;

      distretto_dataset_merge (dataset, next, &error);
      g_assert_no_error (error);
      g_object_unref (next);
    }
  va_end (args);

  return dataset;
}

static double
score_of (DistrettoIndicatorResult *result,
          const char               *code,
          DistrettoFlags           *flags)
{
  double score = NAN;

  g_assert_true (distretto_indicator_result_lookup (result, code, &score, flags));
  return score;
}

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9 * MAX (1.0, fabs (b)))

/* ------------------------------------------------------------------ */
/* Definitions                                                         */

static void
test_definitions (void)
{
  const struct { const char *id; guint n_pillars; guint n_subs; DistrettoAggregation across; } expected[] = {
    { "servitization", 3, 5, DISTRETTO_AGGREGATION_GEOMETRIC },
    { "digital-adoption", 3, 8, DISTRETTO_AGGREGATION_GEOMETRIC },
    { "i40-readiness", 4, 8, DISTRETTO_AGGREGATION_GEOMETRIC },
  };

  for (guint m = 0; bundled[m] != NULL; m++)
    {
      DistrettoIndicatorDefinition *definition = distretto_module_get_definition (module (bundled[m]));
      g_autoptr(GError) error = NULL;

      g_assert_true (distretto_indicator_definition_validate (definition, &error));
      g_assert_no_error (error);
      g_assert_nonnull (distretto_indicator_definition_get_description (definition));
      g_assert_nonnull (distretto_indicator_definition_get_unit (definition));
      g_assert_cmpuint (strlen (distretto_indicator_definition_get_method_note (definition)), >, 600);
      g_assert_cmpuint (g_strv_length ((char **) distretto_indicator_definition_get_references (definition)), >=, 3);
      g_assert_cmpuint (distretto_indicator_definition_get_carry_forward (definition), ==, 2);
    }

  for (guint m = 0; m < G_N_ELEMENTS (expected); m++)
    {
      DistrettoIndicatorDefinition *definition = distretto_module_get_definition (module (expected[m].id));
      guint n_subs = 0;

      g_assert_cmpuint (distretto_indicator_definition_get_n_pillars (definition), ==, expected[m].n_pillars);
      for (guint p = 0; p < expected[m].n_pillars; p++)
        n_subs += distretto_pillar_get_n_sub_indicators (distretto_indicator_definition_get_pillar (definition, p));
      g_assert_cmpuint (n_subs, ==, expected[m].n_subs);
      g_assert_cmpint (distretto_indicator_definition_get_across_pillars (definition), ==, expected[m].across);
      g_assert_cmpint (distretto_indicator_definition_get_within_pillars (definition), ==,
                       DISTRETTO_AGGREGATION_ARITHMETIC);
    }

  /* The pieces the specification asks for. */
  g_assert_cmpuint (distretto_sub_indicator_get_n_factors (find_sub ("servitization", "TS3")), ==, 2);
  g_assert_cmpint (distretto_sub_indicator_get_transform (distretto_sub_indicator_get_factor (find_sub ("servitization", "TS3"), 0)),
                   ==, DISTRETTO_TRANSFORM_LOCATION_QUOTIENT);
  g_assert_cmpuint (distretto_sub_indicator_get_n_nested_pillars (find_sub ("i40-readiness", "IR3")), ==, 3);
  g_assert_cmpint (distretto_sub_indicator_get_direction (find_sub ("i40-readiness", "IR8")), ==,
                   DISTRETTO_DIRECTION_NEGATIVE);
  g_assert_true (distretto_sub_indicator_get_national_frame (find_sub ("digital-adoption", "DA7")));
  g_assert_true (distretto_sub_indicator_get_national_frame (find_sub ("digital-adoption", "DA8")));
  g_assert_false (distretto_sub_indicator_get_national_frame (find_sub ("digital-adoption", "DA6")));
  g_assert_true (distretto_sub_indicator_get_goalposts (find_sub ("digital-adoption", "DA7"), NULL, NULL));

  /* The Python module computes its own scores and declares what it
   * records. */
  {
    DistrettoIndicatorDefinition *definition = distretto_module_get_definition (module ("industrial_structure"));
    g_auto(GStrv) components = distretto_indicator_definition_dup_component_ids (definition);
    g_auto(GStrv) views = distretto_indicator_definition_dup_view_ids (definition);

    g_assert_cmpuint (distretto_indicator_definition_get_n_pillars (definition), ==, 0);
    g_assert_cmpuint (g_strv_length (components), ==, 3);
    g_assert_cmpstr (views[0], ==, "sector-mix");
  }
}

/* ------------------------------------------------------------------ */
/* The demo, every view                                                */

/* Squares side by side, one per region of levels 2 and 3 of @dataset,
 * in ETRS89-LAEA metres. */
static DistrettoBoundaries *
generated_boundaries (DistrettoDataset *dataset)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", "
                                          "\"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3035\"}}, "
                                          "\"features\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoBoundaries *boundaries;
  guint n = 0;

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      int level = distretto_region_get_level (region);
      double x, y;

      if (level < 2)
        continue;

      x = 3000000.0 + (n % 16) * 100000.0;
      y = 2000000.0 + (n / 16) * 100000.0;
      g_string_append_printf (json, "%s{\"type\": \"Feature\", \"properties\": {\"NUTS_ID\": \"%s\", \"LEVL_CODE\": %d}, "
                                    "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[%g, %g], [%g, %g], "
                                    "[%g, %g], [%g, %g], [%g, %g]]]}}",
                              n > 0 ? ", " : "", distretto_region_get_code (region), level,
                              x, y, x + 90000, y, x + 90000, y + 90000, x, y + 90000, x, y);
      n++;
    }
  g_string_append (json, "]}");

  bytes = g_bytes_new (json->str, json->len);
  boundaries = distretto_boundaries_load_bytes (bytes, "generated.geojson", &error);
  g_assert_no_error (error);
  return boundaries;
}

static void
assert_renders (DistrettoChart *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 600);
  cairo_t *cr = cairo_create (surface);

  distretto_chart_render (chart, cr, 800, 600, DISTRETTO_CHART_STYLE_PRINT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_demo_views (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (&error);
  g_autoptr(DistrettoBoundaries) boundaries = NULL;

  g_assert_no_error (error);
  boundaries = generated_boundaries (dataset);

  for (guint m = 0; bundled[m] != NULL; m++)
    {
      DistrettoModule *mod = module (bundled[m]);
      DistrettoIndicatorDefinition *definition = distretto_module_get_definition (mod);
      g_auto(GStrv) own = distretto_indicator_definition_dup_view_ids (definition);
      g_autoptr(DistrettoViewRequest) request = distretto_view_request_new (distretto_module_get_indicator (mod), dataset);
      g_auto(GStrv) views = distretto_view_dup_ids_for (definition);
      DistrettoChart *charts[8];
      guint n_builtin;
      g_autofree char *coverage = distretto_indicator_dup_coverage (distretto_module_get_indicator (mod), dataset);
      g_autofree char *years = distretto_module_info_dup_years (mod, dataset);
      GtkWidget *info;

      g_test_message ("%s: %s; years %s", bundled[m], coverage ? coverage : "full coverage", years);

      /* The demo gives every sub-indicator from the series asked for:
       * nothing is missing, nothing stands in. */
      g_assert_true (coverage == NULL || strstr (coverage, "missing") == NULL);
      g_assert_true (coverage == NULL || strstr (coverage, "Stand-in") == NULL);
      g_assert_cmpint (distretto_indicator_choose_year (distretto_module_get_indicator (mod), dataset, &error), ==, 2023);
      g_assert_no_error (error);

      /* Every module offers every built-in view, then its own. */
      distretto_view_request_set_boundaries (request, boundaries);
      /* Those of the method (uncertainty, sensitivity) need pillars. */
      n_builtin = distretto_indicator_definition_get_n_pillars (definition) > 0 ? 8 : 6;
      g_assert_cmpuint (g_strv_length (views), ==, n_builtin + g_strv_length (own));
      for (guint c = 0; c < n_builtin; c++)
        {
          charts[c] = distretto_view_build (views[c], request, &error);
          g_assert_no_error (error);
        }

      for (guint c = 0; c < n_builtin; c++)
        {
          g_assert_nonnull (charts[c]);
          assert_renders (charts[c]);
          g_object_unref (charts[c]);
        }

      for (guint v = 0; own[v] != NULL; v++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 700);
          cairo_t *cr = cairo_create (surface);

          g_assert_true (distretto_indicator_render_view (distretto_module_get_indicator (mod), own[v], dataset, 2023,
                                                          cr, 900, 700, &error));
          g_assert_no_error (error);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }

      /* The method note the window shows. */
      if (have_display)
        {
          info = distretto_module_info_new (mod, dataset);
          g_assert_nonnull (info);
          g_object_ref_sink (info);
          g_object_unref (info);
        }
    }
}

/* Every NUTS 2 region of the demo gets a score from the three declared
 * modules; the ranking's note says what the data gave. */
static void
test_demo_scores (void)
{
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (NULL);

  for (guint m = 0; bundled[m] != NULL; m++)
    {
      g_autoptr(DistrettoIndicatorResult) result = NULL;
      g_autoptr(GError) error = NULL;
      guint scored = 0, ranked_first = 0;

      result = distretto_indicator_compute (indicator (bundled[m]), dataset, 2023, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
        {
          DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
          const char *code = distretto_region_get_code (region);
          DistrettoFlags flags;
          double score;

          if (distretto_region_get_level (region) != 2)
            continue;

          score = score_of (result, code, &flags);
          g_assert_true (isfinite (score));
          g_assert_cmpfloat (score, >=, 0.0);
          g_assert_cmpfloat (score, <=, 100.0);
          g_assert_cmpint (flags & DISTRETTO_FLAGS_SYNTHETIC, ==, DISTRETTO_FLAGS_SYNTHETIC);
          g_assert_cmpint (distretto_indicator_result_get_group (result, code), !=, DISTRETTO_PERFORMANCE_GROUP_NONE);
          scored++;
          ranked_first += distretto_indicator_result_get_rank (result, code) == 1;
        }

      g_assert_cmpuint (scored, ==, 127);
      g_assert_cmpuint (ranked_first, ==, 1);
      g_assert_true (isfinite (score_of (result, "EU27_2020", NULL)));
    }
}

/* ------------------------------------------------------------------ */
/* Worked examples                                                     */

#define LFS_DIMENSIONS "unit,nace_r2,age,sex"
#define LFS_ROW(nace, geo, value) "THS," nace ",Y15-64,T," geo ",2020," value "\n"

/* Employment in thousands. The EU: 1000 employed, 30 in J and 70 in M–N
 * (KIBS 10%), 150 in manufacturing (15%). ITH3: 100 employed, KIBS 20,
 * manufacturing 30: both location quotients are 2. ITH4: 200 employed,
 * KIBS 10 (5%, LQ 0.5), manufacturing 60 (30%, LQ 2). */
#define COSPECIALISATION_EU \
  LFS_ROW ("TOTAL", "EU27_2020", "1000") LFS_ROW ("J", "EU27_2020", "30") LFS_ROW ("M_N", "EU27_2020", "70") \
  LFS_ROW ("C", "EU27_2020", "150")
#define COSPECIALISATION_REGIONS \
  LFS_ROW ("TOTAL", "ITH3", "100") LFS_ROW ("J", "ITH3", "5") LFS_ROW ("M_N", "ITH3", "15") LFS_ROW ("C", "ITH3", "30") \
  LFS_ROW ("TOTAL", "ITH4", "200") LFS_ROW ("J", "ITH4", "4") LFS_ROW ("M_N", "ITH4", "6") LFS_ROW ("C", "ITH4", "60")

static void
test_cospecialisation (void)
{
  g_autoptr(DistrettoDataset) with_eu = sdmx_table ("lfst_r_lfe2en2", LFS_DIMENSIONS,
                                                    COSPECIALISATION_EU COSPECIALISATION_REGIONS);
  g_autoptr(DistrettoDataset) without_eu = sdmx_table ("lfst_r_lfe2en2", LFS_DIMENSIONS, COSPECIALISATION_REGIONS);
  DistrettoSubIndicator *ts3 = find_sub ("servitization", "TS3");
  g_autofree char *coverage = NULL;
  DistrettoFlags flags;

  /* TS3 = √(LQ KIBS × LQ manufacturing): √(2 × 2) = 2 for ITH3,
   * √(0.5 × 2) = 1 for ITH4, and 1 for the EU itself. KIBS comes from
   * the LFS sections J and M–N, a stand-in for SBS: flagged proxy. */
  assert_close (distretto_sub_indicator_get_raw_value (ts3, with_eu, "ITH3", 2020, &flags), 2.0);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_PROXY, ==, DISTRETTO_FLAGS_PROXY);
  assert_close (distretto_sub_indicator_get_raw_value (ts3, with_eu, "ITH4", 2020, NULL), 1.0);
  assert_close (distretto_sub_indicator_get_raw_value (ts3, with_eu, "EU27_2020", 2020, NULL), 1.0);

  /* Without the EU, the reference is the mean of the NUTS 2 regions:
   * KIBS (20% + 5%) / 2 = 12.5%, manufacturing 30%. ITH3: √(1.6 × 1),
   * ITH4: √(0.4 × 1). */
  assert_close (distretto_sub_indicator_get_raw_value (ts3, without_eu, "ITH3", 2020, NULL), sqrt (1.6));
  assert_close (distretto_sub_indicator_get_raw_value (ts3, without_eu, "ITH4", 2020, NULL), sqrt (0.4));

  coverage = distretto_indicator_dup_coverage (indicator ("servitization"), without_eu);
  g_test_message ("%s", coverage);
  g_assert_nonnull (strstr (coverage, "Computed from 3 of 5 sub-indicators; missing: TS4, TS5"));
  g_assert_nonnull (strstr (coverage, "htec_emp_reg2"));
  g_assert_nonnull (strstr (coverage, "TS1: "));
  g_assert_nonnull (strstr (coverage, "mean of the regions"));
  g_clear_pointer (&coverage, g_free);
  coverage = distretto_indicator_dup_coverage (indicator ("servitization"), with_eu);
  g_assert_null (strstr (coverage, "mean of the regions"));
}

/* The servitization index and its nesting in Industry 4.0 readiness, on
 * the data above plus lifelong learning (10% in ITH3, 20% in ITH4, 15%
 * in the EU). */
static void
test_nested_servitization (void)
{
  g_autoptr(DistrettoDataset) dataset =
    merged (sdmx_table ("lfst_r_lfe2en2", LFS_DIMENSIONS, COSPECIALISATION_EU COSPECIALISATION_REGIONS),
            sdmx_table ("trng_lfse_04", "sex,age,unit",
                        "T,Y25-64,PC,ITH3,2020,10\nT,Y25-64,PC,ITH4,2020,20\nT,Y25-64,PC,EU27_2020,2020,15\n"),
            NULL);
  g_autoptr(DistrettoIndicatorResult) tsi = NULL;
  g_autoptr(DistrettoIndicatorResult) readiness = NULL;
  g_autoptr(GError) error = NULL;
  double tsi_ith3, tsi_ith4, tsi_eu;

  /* Scaled over the two regions: manufacturing base (TS2 only, both
   * 30%) 50 for everyone; KIBS depth (TS1: 20%, 5%, EU 10%) 100, 0 and
   * 33.33; coupling (TS3: 2, 1, EU 1) 100, 0, 0. The index is the
   * geometric mean of (pillar + 1), minus 1. */
  tsi_ith3 = cbrt (51.0 * 101.0 * 101.0) - 1.0;
  tsi_ith4 = cbrt (51.0 * 1.0 * 1.0) - 1.0;
  tsi_eu = cbrt (51.0 * (100.0 / 3.0 + 1.0) * 1.0) - 1.0;

  tsi = distretto_indicator_compute (indicator ("servitization"), dataset, 2020, &error);
  g_assert_no_error (error);
  assert_close (score_of (tsi, "ITH3", NULL), tsi_ith3);
  assert_close (score_of (tsi, "ITH4", NULL), tsi_ith4);
  assert_close (score_of (tsi, "EU27_2020", NULL), tsi_eu);
  assert_close (distretto_indicator_result_get_component (tsi, "ITH3", "coupling"), 100.0);

  /* IR3 is that score, scaled again over the regions: 100 for ITH3, 0
   * for ITH4. Lifelong learning (IR7) scales to 0 and 100. The drivers
   * with data are D2 (IR3; IR4 missing) and D4 (IR7; IR8 missing), so
   * both regions score √(101 × 1) − 1. */
  readiness = distretto_indicator_compute (indicator ("i40-readiness"), dataset, 2020, &error);
  g_assert_no_error (error);
  assert_close (distretto_indicator_result_get_component (readiness, "ITH3", "IR3"), 100.0);
  assert_close (distretto_indicator_result_get_component (readiness, "ITH4", "IR3"), 0.0);
  assert_close (distretto_indicator_result_get_component (readiness, "EU27_2020", "IR3"),
                100.0 * (tsi_eu - tsi_ith4) / (tsi_ith3 - tsi_ith4));
  assert_close (distretto_indicator_result_get_component (readiness, "ITH4", "IR7"), 100.0);
  assert_close (score_of (readiness, "ITH3", NULL), sqrt (101.0) - 1.0);
  assert_close (score_of (readiness, "ITH4", NULL), sqrt (101.0) - 1.0);
}

#define IUSE(geo, value) "I_IUSE,PC_IND," geo ",2020," value "\n"
#define DII(geo, value) "10-249,C10-S951_X_K,E_DI4_GELO,PC_ENT," geo ",2020," value "\n"

static DistrettoDataset *
digital_dataset (const char *iuse,
                 const char *dii)
{
  return merged (sdmx_table ("isoc_r_iuse_i", "indic_is,unit", iuse),
                 sdmx_table ("isoc_e_dii", "size_emp,nace_r2,indic_is,unit", dii),
                 NULL);
}

static void
test_national_proxy (void)
{
  /* Regular internet users (DA2) by region; SMEs with basic digital
   * intensity (DA7) only for Italy, 50%. */
  g_autoptr(DistrettoDataset) italy = digital_dataset (IUSE ("ITH3", "80") IUSE ("ITH4", "60") IUSE ("ITC4", "70"),
                                                       DII ("IT", "50"));
  /* The same plus a Spanish region at 90% and Spain at 70%. */
  g_autoptr(DistrettoDataset) two = digital_dataset (IUSE ("ITH3", "80") IUSE ("ITH4", "60") IUSE ("ITC4", "70")
                                                     IUSE ("ES52", "90"),
                                                     DII ("IT", "50") DII ("ES", "70"));
  DistrettoSubIndicator *da7 = find_sub ("digital-adoption", "DA7");
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(DistrettoMethod) method = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coverage = NULL;
  DistrettoFlags flags;

  /* Italy's value repeated for its region, flagged national proxy. */
  assert_close (distretto_sub_indicator_get_raw_value (da7, italy, "ITH3", 2020, &flags), 50.0);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_NATIONAL_PROXY, ==, DISTRETTO_FLAGS_NATIONAL_PROXY);

  /* Within one country DA7 says nothing about the regions: weight 0, so
   * the enterprise pillar drops out and the score is DA2 scaled over 60
   * to 80: 100, 0 and 50. No score rests on the national value. */
  result = distretto_indicator_compute (indicator ("digital-adoption"), italy, 2020, &error);
  g_assert_no_error (error);
  assert_close (score_of (result, "ITH3", &flags), 100.0);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_NATIONAL_PROXY, ==, 0);
  assert_close (score_of (result, "ITH4", NULL), 0.0);
  assert_close (score_of (result, "ITC4", NULL), 50.0);
  coverage = distretto_indicator_dup_coverage (indicator ("digital-adoption"), italy);
  g_test_message ("%s", coverage);
  g_assert_nonnull (strstr (coverage, "DA7 exists only for whole countries: weight 0"));
  g_assert_nonnull (strstr (coverage, "Import ris_digital_skills_above_basic, which has no Eurostat table"));
  g_clear_object (&result);

  /* Across two countries DA7 counts: 50 for the Italian regions, 70 for
   * ES52, scaled 0 and 100. DA2 over 60–90: ITH3 66.67, ES52 100. The
   * score is the geometric mean of (pillar + 1) over the two pillars. */
  result = distretto_indicator_compute (indicator ("digital-adoption"), two, 2020, &error);
  g_assert_no_error (error);
  assert_close (score_of (result, "ITH3", &flags), sqrt ((200.0 / 3.0 + 1.0) * 1.0) - 1.0);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_NATIONAL_PROXY, ==, DISTRETTO_FLAGS_NATIONAL_PROXY);
  assert_close (score_of (result, "ES52", NULL), 100.0);
  g_clear_object (&result);

  /* The window's within-country option does the same on any data. */
  method = distretto_indicator_definition_dup_method (distretto_module_get_definition (module ("digital-adoption")));
  distretto_method_set_within_country (method, TRUE);
  result = distretto_indicator_compute_with_method (indicator ("digital-adoption"), two, 2020, method, &error);
  g_assert_no_error (error);
  assert_close (score_of (result, "ITH3", NULL), 200.0 / 3.0);
  assert_close (score_of (result, "ES52", NULL), 100.0);
}

static void
test_goalposts (void)
{
  g_autoptr(DistrettoDataset) dataset = digital_dataset (IUSE ("ITH3", "80") IUSE ("ES52", "90"),
                                                         DII ("IT", "50") DII ("ES", "99"));
  g_autoptr(DistrettoDataset) more = digital_dataset (IUSE ("ITH3", "80") IUSE ("ES52", "90") IUSE ("ITH5", "10"),
                                                      DII ("IT", "50") DII ("ES", "99"));
  g_autoptr(DistrettoMethod) method = NULL;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(DistrettoIndicatorResult) again = NULL;
  g_autoptr(DistrettoIndicatorResult) min_max = NULL;
  g_autoptr(DistrettoIndicatorResult) min_max_again = NULL;
  g_autoptr(GError) error = NULL;

  method = distretto_indicator_definition_dup_method (distretto_module_get_definition (module ("digital-adoption")));
  distretto_method_set_normalisation (method, DISTRETTO_NORMALISATION_GOALPOSTS);

  /* Against the 2030 targets: DA2 between 0 and 100% (80 → 80), DA7
   * between 0 and 90% (50 → 55.56; Spain's 99 passes the target and
   * counts as 100). */
  result = distretto_indicator_compute_with_method (indicator ("digital-adoption"), dataset, 2020, method, &error);
  g_assert_no_error (error);
  assert_close (distretto_indicator_result_get_component (result, "ITH3", "DA7"), 500.0 / 9.0);
  assert_close (distretto_indicator_result_get_component (result, "ES52", "DA7"), 100.0);
  assert_close (score_of (result, "ITH3", NULL), sqrt (81.0 * (500.0 / 9.0 + 1.0)) - 1.0);
  assert_close (score_of (result, "ES52", NULL), sqrt (91.0 * 101.0) - 1.0);

  /* A region added elsewhere moves no goalpost; under min–max it moves
   * the scale. */
  again = distretto_indicator_compute_with_method (indicator ("digital-adoption"), more, 2020, method, &error);
  g_assert_no_error (error);
  assert_close (score_of (again, "ITH3", NULL), score_of (result, "ITH3", NULL));
  min_max = distretto_indicator_compute (indicator ("digital-adoption"), dataset, 2020, &error);
  min_max_again = distretto_indicator_compute (indicator ("digital-adoption"), more, 2020, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (score_of (min_max, "ITH3", NULL) - score_of (min_max_again, "ITH3", NULL)), >, 1.0);
}

#define SECTION_ROWS(geo, a, be, f, gi, j, k, l, mn, oq, ru, c, total) \
  LFS_ROW ("A", geo, a) LFS_ROW ("B-E", geo, be) LFS_ROW ("F", geo, f) LFS_ROW ("G-I", geo, gi) \
  LFS_ROW ("J", geo, j) LFS_ROW ("K", geo, k) LFS_ROW ("L", geo, l) LFS_ROW ("M_N", geo, mn) \
  LFS_ROW ("O-Q", geo, oq) LFS_ROW ("R-U", geo, ru) LFS_ROW ("C", geo, c) LFS_ROW ("TOTAL", geo, total)

static void
test_krugman_entropy (void)
{
  /* The EU: 100 in each of the ten sections (shares 0.1), 80 in
   * manufacturing (8%). ITH3: shares 0, .4, .1, .1, .1, 0, 0, .2, .1, 0,
   * manufacturing 30%. ITH4: like the EU, manufacturing 5%. */
  g_autoptr(DistrettoDataset) dataset =
    sdmx_table ("lfst_r_lfe2en2", LFS_DIMENSIONS,
                SECTION_ROWS ("EU27_2020", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "80", "1000")
                SECTION_ROWS ("ITH3", "0", "40", "10", "10", "10", "0", "0", "20", "10", "0", "30", "100")
                SECTION_ROWS ("ITH4", "10", "10", "10", "10", "10", "10", "10", "10", "10", "10", "5", "100"));
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = distretto_indicator_compute (indicator ("industrial_structure"), dataset, 2020, &error);
  g_assert_no_error (error);

  /* Krugman: |0 − .1| + |.4 − .1| + 0 + 0 + 0 + .1 + .1 + |.2 − .1| + 0 +
   * .1 = 0.8 for ITH3, 0 for ITH4 and the EU. */
  assert_close (distretto_indicator_result_get_component (result, "ITH3", "krugman-index"), 0.8);
  assert_close (distretto_indicator_result_get_component (result, "ITH4", "krugman-index"), 0.0);
  /* Entropy: −(.4 ln .4 + 4 × .1 ln .1 + .2 ln .2) = ln 5 for ITH3 (the
   * terms add up to 1.6094); ten equal shares give ln 10. */
  assert_close (distretto_indicator_result_get_component (result, "ITH3", "shannon-entropy"),
                -(0.4 * log (0.4) + 4 * 0.1 * log (0.1) + 0.2 * log (0.2)));
  assert_close (distretto_indicator_result_get_component (result, "ITH3", "shannon-entropy"), log (5.0));
  assert_close (distretto_indicator_result_get_component (result, "ITH4", "shannon-entropy"), log (10.0));
  /* Location quotients: 30% / 8% = 3.75 and 5% / 8% = 0.625. */
  assert_close (distretto_indicator_result_get_component (result, "ITH3", "manufacturing-lq"), 3.75);
  assert_close (distretto_indicator_result_get_component (result, "ITH4", "manufacturing-lq"), 0.625);

  /* Scaled over the two regions, ITH3 scores 100, 0, 100 and ITH4 0,
   * 100, 0: means 66.67 and 33.33. The EU: 0, 100 and (1 − .625) /
   * (3.75 − .625) = 12, mean 37.33, the reference of the groups. */
  assert_close (score_of (result, "ITH3", NULL), 200.0 / 3.0);
  assert_close (score_of (result, "ITH4", NULL), 100.0 / 3.0);
  assert_close (score_of (result, "EU27_2020", NULL), 112.0 / 3.0);
  assert_close (distretto_indicator_result_get_reference (result), 112.0 / 3.0);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITH3"), ==, 1);
  g_assert_cmpuint (distretto_indicator_result_get_rank (result, "ITH4"), ==, 2);
  g_assert_cmpint (distretto_indicator_result_get_group (result, "ITH3"), ==, DISTRETTO_PERFORMANCE_GROUP_LEADER);
  g_assert_cmpint (distretto_indicator_result_get_group (result, "ITH4"), ==, DISTRETTO_PERFORMANCE_GROUP_MODERATE);
}

/* Multiplying a series by a constant changes no score: shares, location
 * quotients and min–max scales are all ratios. */
static void
test_servitization_scale_invariance (void)
{
  g_autoptr(DistrettoDataset) original =
    sdmx_table ("lfst_r_lfe2en2", LFS_DIMENSIONS, COSPECIALISATION_EU COSPECIALISATION_REGIONS
                LFS_ROW ("TOTAL", "ITC4", "400") LFS_ROW ("J", "ITC4", "30") LFS_ROW ("M_N", "ITC4", "50")
                LFS_ROW ("C", "ITC4", "70"));
  /* Manufacturing in hundreds instead of thousands. */
  g_autoptr(DistrettoDataset) scaled =
    sdmx_table ("lfst_r_lfe2en2", LFS_DIMENSIONS,
                LFS_ROW ("TOTAL", "EU27_2020", "1000") LFS_ROW ("J", "EU27_2020", "30") LFS_ROW ("M_N", "EU27_2020", "70")
                LFS_ROW ("C", "EU27_2020", "1500")
                LFS_ROW ("TOTAL", "ITH3", "100") LFS_ROW ("J", "ITH3", "5") LFS_ROW ("M_N", "ITH3", "15") LFS_ROW ("C", "ITH3", "300")
                LFS_ROW ("TOTAL", "ITH4", "200") LFS_ROW ("J", "ITH4", "4") LFS_ROW ("M_N", "ITH4", "6") LFS_ROW ("C", "ITH4", "600")
                LFS_ROW ("TOTAL", "ITC4", "400") LFS_ROW ("J", "ITC4", "30") LFS_ROW ("M_N", "ITC4", "50")
                LFS_ROW ("C", "ITC4", "700"));
  g_autoptr(DistrettoIndicatorResult) a = distretto_indicator_compute (indicator ("servitization"), original, 2020, NULL);
  g_autoptr(DistrettoIndicatorResult) b = distretto_indicator_compute (indicator ("servitization"), scaled, 2020, NULL);
  const char *codes[] = { "ITH3", "ITH4", "ITC4", "EU27_2020" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_true (isfinite (score_of (a, codes[i], NULL)));
      assert_close (score_of (b, codes[i], NULL), score_of (a, codes[i], NULL));
    }
}

/* Industry 4.0 readiness falls where more people never used a computer
 * (IR8, direction −), all else equal. */
static void
test_readiness_digital_divide (void)
{
  const char *trng = "T,Y25-64,PC,ITH3,2020,10\nT,Y25-64,PC,ITH4,2020,20\nT,Y25-64,PC,ITC4,2020,15\n";
  g_autoptr(DistrettoDataset) low =
    merged (sdmx_table ("trng_lfse_04", "sex,age,unit", trng),
            sdmx_table ("isoc_r_cux_i", "indic_is,unit",
                        "I_CUX,PC_IND,ITH3,2020,5\nI_CUX,PC_IND,ITH4,2020,10\nI_CUX,PC_IND,ITC4,2020,20\n"), NULL);
  g_autoptr(DistrettoDataset) high =
    merged (sdmx_table ("trng_lfse_04", "sex,age,unit", trng),
            sdmx_table ("isoc_r_cux_i", "indic_is,unit",
                        "I_CUX,PC_IND,ITH3,2020,5\nI_CUX,PC_IND,ITH4,2020,15\nI_CUX,PC_IND,ITC4,2020,20\n"), NULL);
  g_autoptr(DistrettoIndicatorResult) a = distretto_indicator_compute (indicator ("i40-readiness"), low, 2020, NULL);
  g_autoptr(DistrettoIndicatorResult) b = distretto_indicator_compute (indicator ("i40-readiness"), high, 2020, NULL);

  /* IR8 over 5–20 reversed: ITH4 at 10 scores 66.67, at 15 33.33; IR7
   * 100. One driver: the arithmetic mean of the two. */
  assert_close (score_of (a, "ITH4", NULL), (100.0 + 200.0 / 3.0) / 2.0);
  assert_close (score_of (b, "ITH4", NULL), (100.0 + 100.0 / 3.0) / 2.0);
  g_assert_cmpfloat (score_of (b, "ITH4", NULL), <, score_of (a, "ITH4", NULL));
  assert_close (score_of (b, "ITH3", NULL), score_of (a, "ITH3", NULL));
}

/* ------------------------------------------------------------------ */
/* Real Eurostat files                                                 */

static char *
real_path (const char *first,
           ...)
{
  const char *real = g_getenv ("DISTRETTO_REAL_DATA");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;
  char *path;

  if (real == NULL)
    return NULL;

  g_ptr_array_add (parts, (gpointer) real);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

/* Loads the files through the normal loader, as Ctrl+O does; %NULL (the
 * test skipped, with why) when a file is absent or its format does not
 * load yet. */
static DistrettoDataset *
load_real (const char * const *paths)
{
  g_autoptr(DistrettoDataset) dataset = distretto_dataset_new ();

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(DistrettoDataset) one = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);

      if (one == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s does not load yet (%s)", paths[i], error->message);

          g_test_skip (message);
          return NULL;
        }
      distretto_dataset_merge (dataset, one, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&dataset);
}

static void
test_real_servitization (void)
{
  g_autofree char *lfs = real_path ("eurostat-tsv-2017", "lfst_r_lfe2en2.tsv", NULL);
  const char *paths[] = { lfs, NULL };
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coverage = NULL;
  DistrettoFlags flags;
  guint scored = 0, with_data = 0;
  int year;

  if (lfs == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }
  if ((dataset = load_real (paths)) == NULL)
    return;

  /* The 2017 table has the sections, not SBS divisions nor NACE C: KIBS
   * from J + M–N and industry B–E stand in, flagged. */
  coverage = distretto_indicator_dup_coverage (indicator ("servitization"), dataset);
  g_test_message ("%s", coverage);
  g_assert_nonnull (strstr (coverage, "Computed from 3 of 5 sub-indicators; missing: TS4, TS5"));
  g_assert_nonnull (strstr (coverage, "TS2: Industry employment share (NACE B–E"));

  year = distretto_indicator_choose_year (indicator ("servitization"), dataset, &error);
  g_assert_no_error (error);
  g_assert_cmpint (year, ==, 2015);

  /* EU28 in 2015, from the TSV's rows THS,J / M_N / TOTAL,Y15-64,EU28:
   * (6524.7 + 20675.4) / 215770.4 × 100 = 12.6060386 (awk). */
  assert_close (distretto_sub_indicator_get_raw_value (find_sub ("servitization", "TS1"), dataset, "EU28", 2015, &flags),
                100.0 * (6524.7 + 20675.4) / 215770.4);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_PROXY, ==, DISTRETTO_FLAGS_PROXY);

  result = distretto_indicator_compute (indicator ("servitization"), dataset, year, &error);
  g_assert_no_error (error);

  /* Every NUTS 2 region with the four series that year has a score. */
  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      const char *code = distretto_region_get_code (region);
      const char *needed[] = { "lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64", "lfst_r_lfe2en2?nace_r2=J&age=Y15-64",
                               "lfst_r_lfe2en2?nace_r2=M_N&age=Y15-64", "lfst_r_lfe2en2?nace_r2=B-E&age=Y15-64" };
      gboolean complete = TRUE;

      if (distretto_region_get_level (region) != 2 || distretto_region_is_extra_regio (region))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (needed); k++)
        complete &= !isnan (distretto_dataset_get_selected_value (dataset, needed[k], code, year, NULL));
      if (!complete)
        continue;

      with_data++;
      if (isfinite (score_of (result, code, NULL)))
        scored++;
    }
  g_assert_cmpuint (with_data, >, 250);
  g_assert_cmpuint (scored, ==, with_data);
}

static void
test_real_industrial_structure (void)
{
  g_autofree char *lfs = real_path ("eurostat-tsv-2017", "lfst_r_lfe2en2.tsv", NULL);
  const char *paths[] = { lfs, NULL };
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoFlags flags;

  if (lfs == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }
  if ((dataset = load_real (paths)) == NULL)
    return;

  g_assert_cmpint (distretto_indicator_choose_year (indicator ("industrial_structure"), dataset, &error), ==, 2015);
  result = distretto_indicator_compute (indicator ("industrial_structure"), dataset, 2015, &error);
  g_assert_no_error (error);

  /* Veneto against EU28 in 2015, the ten sections of the THS,…,Y15-64
   * rows (NRP left out), with awk: sums 2009.8 and 214464.7; Krugman
   * 0.2523608581, entropy 1.8798689900 (EU28: 1.9442896345); no NACE C
   * in the file, so the B–E quotient 1.6255981295, flagged proxy. */
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH3", "krugman-index"),
                                  0.2523608581, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH3", "shannon-entropy"),
                                  1.8798689900, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "EU28", "shannon-entropy"),
                                  1.9442896345, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "ITH3", "manufacturing-lq"),
                                  1.6255981295, 1e-9);
  g_assert_cmpfloat_with_epsilon (distretto_indicator_result_get_component (result, "EU28", "krugman-index"), 0.0, 1e-12);
  score_of (result, "ITH3", &flags);
  g_assert_cmpint (flags & DISTRETTO_FLAGS_PROXY, ==, DISTRETTO_FLAGS_PROXY);
}

static void
test_real_digital_adoption (void)
{
  g_autofree char *access = real_path ("eurostat-regional-extra", "isoc-tgs-sdmxcsv-2023",
                                       "tgs00047_EuroStat-regional-internet-access.csv", NULL);
  g_autofree char *use = real_path ("eurostat-regional-extra", "isoc-tgs-sdmxcsv-2023",
                                    "tgs00050_EuroStat-regional-internet-usage.csv", NULL);
  g_autofree char *shopping = real_path ("eurostat-regional-extra", "isoc-tgs-sdmxcsv-2023",
                                         "tgs00052_EuroStat-regional-goods-services.csv", NULL);
  const char *paths[] = { access, use, shopping, NULL };
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coverage = NULL;
  DistrettoFlags flags;

  if (access == NULL || use == NULL || shopping == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }
  if ((dataset = load_real (paths)) == NULL)
    return;

  /* Households, individuals and online shoppers from the main tables;
   * internet access stands in for broadband. */
  coverage = distretto_indicator_dup_coverage (indicator ("digital-adoption"), dataset);
  g_test_message ("%s", coverage);
  g_assert_nonnull (strstr (coverage, "Computed from 3 of 8 sub-indicators; missing: DA4, DA5, DA6, DA7, DA8"));
  g_assert_nonnull (strstr (coverage, "DA1: Households with internet access at home (tgs00047)"));

  /* The files end in 2022. */
  g_assert_cmpint (distretto_indicator_choose_year (indicator ("digital-adoption"), dataset, &error), ==, 2022);
  g_assert_no_error (error);

  /* tgs00050, the row …,I_IUSE,…,AT11,…,2022: the value as published. */
  g_assert_true (isfinite (distretto_sub_indicator_get_raw_value (find_sub ("digital-adoption", "DA2"), dataset,
                                                                  "AT11", 2022, NULL)));
  g_assert_true (isfinite (distretto_sub_indicator_get_raw_value (find_sub ("digital-adoption", "DA1"), dataset,
                                                                  "AT11", 2022, &flags)));
  g_assert_cmpint (flags & DISTRETTO_FLAGS_PROXY, ==, DISTRETTO_FLAGS_PROXY);
}

static void
test_real_readiness (void)
{
  g_autofree char *lfs = real_path ("eurostat-tsv-2017", "lfst_r_lfe2en2.tsv", NULL);
  g_autofree char *learning = real_path ("eurostat-tsv-2017", "trng_lfse_04.tsv", NULL);
  g_autofree char *rd = real_path ("eurostat-regional-extra", "rd-tgs00042-sdmxcsv-2026",
                                   "eurostat_tgs00042_gerd_rd_expenditure.csv", NULL);
  const char *paths[] = { lfs, learning, rd, NULL };
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coverage = NULL;
  g_autofree int *years = NULL;
  guint n_years, scored = 0;
  int year;

  if (lfs == NULL || learning == NULL || rd == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }
  if ((dataset = load_real (paths)) == NULL)
    return;

  coverage = distretto_indicator_dup_coverage (indicator ("i40-readiness"), dataset);
  g_test_message ("%s", coverage);
  g_assert_nonnull (strstr (coverage, "Computed from 3 of 8 sub-indicators"));
  g_assert_nonnull (strstr (coverage, "IR2"));
  g_assert_nonnull (strstr (coverage, "TS4 (in IR3)"));
  g_assert_nonnull (strstr (coverage, "Import ris_sme_product_innovators, ris_innovative_smes_collaborating, qog_eqi"));
  g_assert_nonnull (strstr (coverage, "IR1: Total R&D expenditure"));

  /* R&D ends in 2024, employment and learning in 2015: the latest year
   * in which two of the three cover most regions is 2017, with the 2015
   * values carried forward two years. */
  years = distretto_indicator_dup_years (indicator ("i40-readiness"), dataset, &n_years);
  g_assert_cmpuint (n_years, >, 0);
  year = distretto_indicator_choose_year (indicator ("i40-readiness"), dataset, &error);
  g_assert_no_error (error);
  g_assert_cmpint (year, ==, years[n_years - 1]);
  g_assert_cmpint (year, ==, 2017);

  result = distretto_indicator_compute (indicator ("i40-readiness"), dataset, year, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region (dataset, distretto_indicator_result_get_region_code (result, i));

      if (distretto_region_get_level (region) == 2 && isfinite (distretto_indicator_result_get_score (result, i)))
        {
          scored++;
          /* Every score rests on 2015 values: carried forward, or
           * imputed from the carried values of the country's regions
           * (EL11, with no data of its own). */
          g_assert_cmpint (distretto_indicator_result_get_flags (result, i) &
                           (DISTRETTO_FLAGS_CARRIED_FORWARD | DISTRETTO_FLAGS_IMPUTED), !=, 0);
        }
    }
  g_assert_cmpuint (scored, >, 150);
}

/* The 2011 extracts: total R&D (tgs00042) and all of HRST (tgs00038)
 * stand in for business R&D and the HRST core. */
static void
test_real_readiness_2011 (void)
{
  g_autofree char *lfs = real_path ("eurostat-tsv-2017", "lfst_r_lfe2en2.tsv", NULL);
  g_autofree char *learning = real_path ("eurostat-tsv-2017", "trng_lfse_04.tsv", NULL);
  g_autofree char *rd = real_path ("eurostat-regional-extra", "sci-tech-tgs-tsv-2011", "tgs00042.tsv.gz", NULL);
  g_autofree char *hrst = real_path ("eurostat-regional-extra", "sci-tech-tgs-tsv-2011", "tgs00038.tsv.gz", NULL);
  const char *paths[] = { lfs, learning, rd, hrst, NULL };
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coverage = NULL;
  g_autofree int *years = NULL;
  guint n_years, scored = 0;
  int year;

  if (lfs == NULL || learning == NULL || rd == NULL || hrst == NULL)
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }
  if ((dataset = load_real (paths)) == NULL)
    return;

  coverage = distretto_indicator_dup_coverage (indicator ("i40-readiness"), dataset);
  g_test_message ("%s", coverage);
  g_assert_nonnull (strstr (coverage, "Computed from 4 of 8 sub-indicators"));
  g_assert_nonnull (strstr (coverage, "IR1: Total R&D expenditure"));
  g_assert_nonnull (strstr (coverage, "IR4: Human resources in science and technology (tertiary-educated or"));

  years = distretto_indicator_dup_years (indicator ("i40-readiness"), dataset, &n_years);
  year = distretto_indicator_choose_year (indicator ("i40-readiness"), dataset, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_years, >, 0);
  g_assert_cmpint (year, ==, years[n_years - 1]);

  result = distretto_indicator_compute (indicator ("i40-readiness"), dataset, year, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region (dataset, distretto_indicator_result_get_region_code (result, i));

      scored += distretto_region_get_level (region) == 2 && isfinite (distretto_indicator_result_get_score (result, i));
    }
  g_assert_cmpuint (scored, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);

  g_test_add_func ("/Distretto/Modules/definitions", test_definitions);
  g_test_add_func ("/Distretto/Modules/demo-views", test_demo_views);
  g_test_add_func ("/Distretto/Modules/demo-scores", test_demo_scores);
  g_test_add_func ("/Distretto/Modules/cospecialisation", test_cospecialisation);
  g_test_add_func ("/Distretto/Modules/nested-servitization", test_nested_servitization);
  g_test_add_func ("/Distretto/Modules/national-proxy", test_national_proxy);
  g_test_add_func ("/Distretto/Modules/goalposts", test_goalposts);
  g_test_add_func ("/Distretto/Modules/krugman-entropy", test_krugman_entropy);
  g_test_add_func ("/Distretto/Modules/scale-invariance", test_servitization_scale_invariance);
  g_test_add_func ("/Distretto/Modules/digital-divide", test_readiness_digital_divide);
  g_test_add_func ("/Distretto/Modules/real/servitization", test_real_servitization);
  g_test_add_func ("/Distretto/Modules/real/industrial-structure", test_real_industrial_structure);
  g_test_add_func ("/Distretto/Modules/real/digital-adoption", test_real_digital_adoption);
  g_test_add_func ("/Distretto/Modules/real/readiness", test_real_readiness);
  g_test_add_func ("/Distretto/Modules/real/readiness-2011", test_real_readiness_2011);

  status = g_test_run ();
  g_clear_object (&engine);
  return status;
}
