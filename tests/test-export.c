/* test-export.c: `distretto export` as a user runs it, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "distretto-test-utils.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = distretto_test_make_dir ("distretto-export-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  distretto_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Runs `distretto COMMAND ARGS…` with DISPLAY and WAYLAND_DISPLAY unset. */
static int
run_command (const char          *command,
             const char * const  *args,
             char               **out,
             char               **err)
{
  return distretto_test_run_distretto (NULL, command, args, out, err);
}

static int
run_export (const char * const *args,
            char              **err)
{
  return run_command ("export", args, NULL, err);
}

/* Employment by NACE section as Eurostat's API serves it, SDMX-CSV. */
#define LFS_HEADER "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,age,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
#define LFS_ROW(nace, geo, value) "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS," nace ",Y15-64,T," geo ",2020," value ",\n"
#define EMPLOYMENT_CSV \
  LFS_HEADER \
  LFS_ROW ("TOTAL", "ITH3", "2000") LFS_ROW ("J", "ITH3", "80") LFS_ROW ("M_N", "ITH3", "120") \
  LFS_ROW ("C", "ITH3", "500") \
  LFS_ROW ("TOTAL", "ES52", "1800") LFS_ROW ("J", "ES52", "40") LFS_ROW ("M_N", "ES52", "50") \
  LFS_ROW ("C", "ES52", "300")

static void
test_export_own_data (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = distretto_test_write_file (fixture->dir, "mine.csv", EMPLOYMENT_CSV);
  g_autofree char *other = distretto_test_write_file (fixture->dir, "other.csv", LFS_HEADER LFS_ROW ("TOTAL", "ITH3", "2001"));
  g_autofree char *out = g_build_filename (fixture->dir, "mine.svg", NULL);
  const char *args[] = { "-m", "servitization", "--data", csv, "-o", out, NULL };
  const char *conflict[] = { "-m", "servitization", "--data", csv, "--data", other, "-o", out, NULL };
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_export (args, &err), ==, 0);
  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&err, g_free);

  /* Two files disagreeing on a cell: both are named, nothing is written. */
  g_unlink (out);
  g_assert_cmpint (run_export (conflict, &err), ==, 2);
  g_assert_nonnull (strstr (err, "other.csv:2:1:"));
  g_assert_nonnull (strstr (err, "mine.csv:2"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A view the Python example draws itself with Cairo, exported headless. */
static void
test_module_view (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "distribution.png", NULL);
  const char *args[] = { "-m", "manufacturing_share", "--chart", "distribution", "-o", out, "--width", "600", NULL };
  const char *bad[] = { "-m", "manufacturing_share", "--chart", "pie", "-o", out, NULL };
  g_autofree char *err = NULL;
  cairo_surface_t *image;
  guint vermillion = 0;

  g_assert_cmpint (run_export (args, &err), ==, 0);
  image = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 600);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
  for (int y = 0; y < 400; y++)
    for (int x = 0; x < 600; x++)
      {
        const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (image) +
                                                y * cairo_image_surface_get_stride (image));

        if ((row[x] & 0xFFFFFF) == 0xD55E00)
          vermillion++;
      }
  cairo_surface_destroy (image);
  g_assert_cmpuint (vermillion, >, 20000);

  g_clear_pointer (&err, g_free);
  g_unlink (out);
  g_assert_cmpint (run_export (bad, &err), ==, 2);
  /* Only what the module can fill: it has no pillars for profiles. */
  g_assert_nonnull (strstr (err, "offers ranking, trend, map, distribution"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* The index of the column @name of a CSV header line, or -1. */
static int
column_of (const char *header,
           const char *name)
{
  g_auto(GStrv) names = g_strsplit (header, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return i;
  return -1;
}

/* The data behind the ranking, as tidy CSV. */
static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "ranking.csv", NULL);
  const char *args[] = { "-m", "servitization", "-o", out, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  double previous = G_MAXDOUBLE;
  double widths = 0.0;

  g_assert_cmpint (run_export (args, &err), ==, 0);
  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "region,name,indicator,year,value,flag,rank,group,lower,upper,source");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 127 + 1);

  /* Ranked from 1, values falling, every region in a performance group,
   * within its interval over the method variants, some of which differ;
   * the module, the year and the synthetic flag and source on every
   * row. */
  for (guint i = 1; i <= 127; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      double value = g_ascii_strtod (fields[4], NULL);
      double lower = g_ascii_strtod (fields[8], NULL);
      double upper = g_ascii_strtod (fields[9], NULL);

      g_assert_cmpuint (g_strv_length (fields), ==, 11);
      g_assert_cmpstr (fields[2], ==, "servitization");
      g_assert_cmpstr (fields[3], ==, "2023");
      g_assert_nonnull (strstr (fields[5], "synthetic"));
      g_assert_true (g_str_has_prefix (fields[10], "Source: synthetic demo data"));
      g_assert_cmpint (atoi (fields[6]), ==, (int) i);
      g_assert_cmpfloat (value, <=, previous);
      g_assert_true (g_strv_contains ((const char * const *) (const char *[]) { "Leader", "Strong", "Moderate", "Emerging", NULL },
                                      fields[7]));
      g_assert_cmpfloat (lower, <=, value);
      g_assert_cmpfloat (upper, >=, value);
      g_assert_cmpfloat (lower, >=, 0.0);
      g_assert_cmpfloat (upper, <=, 100.0);
      widths += upper - lower;
      previous = value;
    }
  g_assert_cmpfloat (widths / 127, >, 1.0);
}

static void
test_validate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *good = distretto_test_write_file (fixture->dir, "good.csv",
                                      "region,indicator,year,value\n"
                                      "ITH3,emp_total,2020,2000\nITH3,emp_kibs,2020,200\nITH3,emp_manuf,2020,500\n"
                                      "ES52,emp_total,2020,1800\nES52,emp_kibs,2020,90\nES52,emp_manuf,2020,300\n");
  g_autofree char *bad = distretto_test_write_file (fixture->dir, "bad.csv", "region,indicator,year,value\nITH3,x,20x0,1\n");
  const char *good_args[] = { good, NULL };
  const char *both_args[] = { good, bad, NULL };
  const char *no_args[] = { NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_command ("validate", good_args, &out, &err), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "format: tidy CSV"));
  g_assert_nonnull (strstr (out, "regions: 2 (NUTS 0: 0, NUTS 1: 0, NUTS 2: 2"));
  g_assert_nonnull (strstr (out, "series: 3"));
  g_assert_nonnull (strstr (out, "years: 2020–2020"));
  g_assert_nonnull (strstr (out, "missing: 0.0% of 6 cells"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Every file is reported; one bad file makes the exit code 1. */
  g_assert_cmpint (run_command ("validate", both_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "format: tidy CSV"));
  g_assert_nonnull (strstr (out, "bad.csv:2:8: expected a year"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_command ("validate", no_args, &out, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "distretto validate: "));
}

/* validate says which modules a file can feed, and what is missing. */
static void
test_validate_modules (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *tsv = distretto_test_write_file (fixture->dir, "lfst_r_lfe2en2.tsv",
                                     "unit,nace_r2,age,geo\\time\t2015 \n"
                                     "THS,TOTAL,Y15-64,ITH3\t2000 \nTHS,J,Y15-64,ITH3\t50 \n"
                                     "THS,M_N,Y15-64,ITH3\t150 \nTHS,B-E,Y15-64,ITH3\t500 \n");
  const char *args[] = { tsv, NULL };
  const char *quiet[] = { "--no-modules", tsv, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_command ("validate", args, &out, &err), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "  series: 4\n    lfst_r_lfe2en2?unit=THS&nace_r2=TOTAL&age=Y15-64"));
  /* J + M_N for KIBS and B-E for manufacturing: three of five, two missing. */
  g_assert_nonnull (strstr (out, "(servitization): partly. Computed from 3 of 5 sub-indicators; missing: TS4, TS5 "
                                 "(tables htec_emp_reg2, sbs_r_nuts06_r2)"));
  g_assert_nonnull (strstr (out, "(digital-adoption): cannot be computed from this file"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_command ("validate", quiet, &out, &err), ==, 0);
  g_assert_null (strstr (out, "modules:"));
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "ranking.png", NULL);
  const char *args[] = { "--module", "servitization", "--chart", "ranking", "--format", "png", "--output", out, NULL };
  g_autofree char *err = NULL;
  cairo_surface_t *image;

  g_assert_cmpint (run_export (args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  image = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
  /* Tall enough for every NUTS 2 region of the demo. */
  g_assert_cmpint (cairo_image_surface_get_height (image), >, 127 * 18);
  cairo_surface_destroy (image);

  /* Written in place: no temporary file is left behind. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

/* The trend of the top regions, headless. */
static void
test_trend_png (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "trend.png", NULL);
  const char *args[] = { "-m", "servitization", "--chart", "trend", "-o", out, NULL };
  g_autofree char *err = NULL;
  cairo_surface_t *image;

  g_assert_cmpint (run_export (args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  image = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
  g_assert_cmpint (cairo_image_surface_get_height (image), >, 300);
  cairo_surface_destroy (image);
}

/* The data behind a trend of two regions: each of them, every year. */
static void
test_trend_table (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "trend.csv", NULL);
  const char *args[] = { "-m", "servitization", "--chart", "trend", "--region", "ITH3",
                         "--region", "ES52", "--format", "csv", "-o", out, NULL };
  const char *regions[] = { "ITH3", "ES52", "EU27_2020" };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint row = 1;

  g_assert_cmpint (run_export (args, &err), ==, 0);
  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "region,name,indicator,year,value,flag,source");
  /* The two regions, then the EU aggregate as the reference line. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 * 9 + 1);

  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    for (int year = 2015; year <= 2023; year++, row++)
      {
        g_auto(GStrv) fields = g_strsplit (lines[row], ",", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 7);
        g_assert_cmpstr (fields[0], ==, regions[r]);
        g_assert_cmpstr (fields[2], ==, "servitization");
        g_assert_cmpint (atoi (fields[3]), ==, year);
        g_assert_true (g_ascii_strtod (fields[4], NULL) >= 0);
        g_assert_nonnull (strstr (fields[5], "synthetic"));
      }
  g_assert_cmpstr (lines[row], ==, "");
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "ranking.svg", NULL);
  const char *args[] = { "--module", "manufacturing_share", "--format", "svg", "--output", out, "--width", "800", "--height", "600", NULL };
  static const GMarkupParser no_callbacks = { 0 };
  g_autoptr(GMarkupParseContext) xml = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_cmpint (run_export (args, &err), ==, 0);
  g_file_get_contents (out, &contents, &len, &error);
  g_assert_no_error (error);

  g_assert_true (g_markup_parse_context_parse (xml, contents, len, &error));
  g_assert_true (g_markup_parse_context_end_parse (xml, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "width=\"800\""));
  g_assert_nonnull (strstr (contents, "height=\"600\""));
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "ranking.pdf", NULL);
  const char *args[] = { "-m", "servitization", "-o", out, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gsize len;

  /* The format comes from the file name. */
  g_assert_cmpint (run_export (args, &err), ==, 0);
  g_file_get_contents (out, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_true (len > 1000 && memcmp (contents, "%PDF-", 5) == 0);
  g_assert_nonnull (memmem (contents, len, "/Type /Page", 11));

  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, out, "-", NULL };
      g_autofree char *text = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "Territorial servitization"));
      g_assert_nonnull (strstr (text, "synthetic demo data"));
      g_assert_nonnull (strstr (text, "Castilla y León"));
    }
}

typedef struct
{
  const char *name;
  const char *args[10];
  const char *mentions;
} BadCall;

static const BadCall bad_calls[] = {
  { "unknown-module", { "--module", "nope", "--format", "png", "--output", "@OUT@", NULL }, "nope" },
  { "unknown-format", { "--module", "servitization", "--format", "gif", "--output", "@OUT@", NULL }, "gif" },
  { "unknown-chart", { "--module", "servitization", "--chart", "pie", "--output", "@OUT@", NULL }, "pie" },
  { "no-module", { "--output", "@OUT@", NULL }, "--module" },
  { "no-output", { "--module", "servitization", NULL }, "--output" },
  { "bad-option", { "--colour", "red", NULL }, "--colour" },
  { "unknown-region", { "--module", "servitization", "--chart", "trend", "--region", "XX99", "--output", "@OUT@", NULL }, "XX99" },
  { "unknown-radar-region", { "--module", "servitization", "--chart", "radar", "--region", "XX99", "--output", "@OUT@", NULL }, "XX99" },
  { "radar-no-pillars", { "--module", "manufacturing_share", "--chart", "radar", "--output", "@OUT@", NULL }, "offers ranking, trend, map, distribution" },
  { "map-no-boundaries", { "--module", "servitization", "--chart", "map", "--output", "@OUT@", NULL }, "--boundaries" },
  { "unwritable", { "--module", "servitization", "--format", "png", "--output", "/nonexistent-distretto/x.png", NULL }, "nonexistent" },
};

static void
test_bad_call (Fixture       *fixture,
               gconstpointer  data)
{
  const BadCall *call = data;
  g_autofree char *out = g_build_filename (fixture->dir, "keep.png", NULL);
  const char *args[G_N_ELEMENTS (call->args)];
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  /* A file already there survives a failed export untouched. */
  g_file_set_contents (out, "keep", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (call->args); i++)
    args[i] = g_strcmp0 (call->args[i], "@OUT@") == 0 ? out : call->args[i];

  g_assert_cmpint (run_export (args, &err), ==, 2);
  g_test_message ("%s", err);

  /* One line, naming the problem. */
  g_assert_true (g_str_has_prefix (err, "distretto export: "));
  g_assert_nonnull (strstr (err, call->mentions));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);

  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "keep");
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

/* Reads an exported table, header first. */
static GStrv
export_table (Fixture            *fixture,
              const char * const *chart_args)
{
  g_autofree char *out = g_build_filename (fixture->dir, "chart.csv", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  g_ptr_array_add (args, (gpointer) "-m");
  g_ptr_array_add (args, (gpointer) "servitization");
  for (guint i = 0; chart_args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) chart_args[i]);
  g_ptr_array_add (args, (gpointer) "-o");
  g_ptr_array_add (args, out);
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (run_export ((const char * const *) args->pdata, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (out);

  return g_strsplit (contents, "\n", -1);
}

/* The profile of a region against the EU: the three pillars,
 * normalised scores. */
static void
test_radar_table (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *args[] = { "--chart", "radar", "--region", "ITH3", NULL };
  g_auto(GStrv) lines = export_table (fixture, args);

  g_assert_cmpstr (lines[0], ==, "region,name,indicator,year,value,flag,source");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2 * 3 + 1);
  g_assert_true (g_str_has_prefix (lines[1], "ITH3,"));
  g_assert_true (g_str_has_prefix (lines[4], "EU27_2020,EU,"));
  g_assert_nonnull (strstr (lines[1], ",servitization.manufacturing-base,2023,"));
  g_assert_nonnull (strstr (lines[2], ",servitization.kibs-depth,2023,"));
  g_assert_nonnull (strstr (lines[3], ",servitization.coupling,2023,"));
  for (guint i = 1; i <= 6; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      double value = g_ascii_strtod (fields[4], NULL);

      g_assert_cmpfloat (value, >=, 0.0);
      g_assert_cmpfloat (value, <=, 100.0);
    }
}

/* Every ranked region by sub-indicator (TS1–TS5) and composite, in
 * ranking order; the scatter has the same regions, the composite as
 * third value. */
static void
test_heatmap_and_scatter_tables (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *heatmap_args[] = { "--chart", "heatmap", NULL };
  const char *scatter_args[] = { "--chart", "scatter", NULL };
  const char *ranking_args[] = { NULL };
  g_auto(GStrv) heatmap = export_table (fixture, heatmap_args);
  g_auto(GStrv) scatter = export_table (fixture, scatter_args);
  g_auto(GStrv) ranking = export_table (fixture, ranking_args);

  int value = column_of (heatmap[0], "value");

  g_assert_cmpstr (heatmap[0], ==, "region,name,indicator,year,value,flag,source");
  g_assert_cmpuint (g_strv_length (heatmap), ==, 1 + 127 * 6 + 1);
  g_assert_cmpstr (scatter[0], ==, "region,name,indicator,year,value,flag,source");
  /* x, y and the third value of each point. */
  g_assert_cmpuint (g_strv_length (scatter), ==, 1 + 3 * 127 + 1);
  g_assert_cmpint (column_of (ranking[0], "value"), ==, value);

  for (guint i = 1; i <= 127; i++)
    {
      g_auto(GStrv) third = g_strsplit (scatter[3 * i], ",", -1);
      g_auto(GStrv) composite = g_strsplit (heatmap[6 * i], ",", -1);
      g_auto(GStrv) rank_fields = g_strsplit (ranking[i], ",", -1);
      double score = g_ascii_strtod (rank_fields[value], NULL);

      /* Same regions in the same order: the ranking's; the composite is
       * the module's own indicator. */
      g_assert_cmpstr (third[0], ==, rank_fields[0]);
      g_assert_cmpstr (third[2], ==, "servitization");
      g_assert_cmpstr (composite[0], ==, rank_fields[0]);
      g_assert_cmpstr (composite[2], ==, "servitization");
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (third[value], NULL), score, 1e-9);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (composite[value], NULL), score, 1e-9);
    }
}

/* The three profile charts as images of the export width. */
static void
test_profile_pngs (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *charts[] = { "radar", "scatter", "heatmap" };

  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_autofree char *out = g_build_filename (fixture->dir, "chart.png", NULL);
      const char *args[] = { "-m", "servitization", "--chart", charts[c], "-o", out, NULL };
      g_autofree char *err = NULL;
      cairo_surface_t *image;

      g_assert_cmpint (run_export (args, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      image = cairo_image_surface_create_from_png (out);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
      g_assert_cmpint (cairo_image_surface_get_height (image), >, 400);
      cairo_surface_destroy (image);
      g_unlink (out);
    }
}

static void
test_validate_real_vintages (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *real = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *tsv = real ? g_build_filename (real, "eurostat-tsv-2017", "lfst_r_lfe2en2.tsv", NULL) : NULL;
  g_autofree char *geo = real ? g_build_filename (real, "nuts-geo-2024-20m", "NUTS_RG_20M_2024_3035.geojson", NULL) : NULL;
  const char *args[] = { "--boundaries", geo, tsv, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (tsv == NULL || !g_file_test (tsv, G_FILE_TEST_EXISTS) || !g_file_test (geo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  /* NUTS 2010 FR91 and NUTS 2013 FRA1 sit in one table; the 2024
   * boundaries know neither, and validate says so. */
  g_assert_cmpint (run_command ("validate", args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "format: Eurostat TSV (table lfst_r_lfe2en2)"));
  g_assert_nonnull (strstr (out, "regions: 491 (NUTS 0: 33, NUTS 1: 117, NUTS 2: 335"));
  g_assert_nonnull (strstr (out, "years: 2008–2015"));
  g_assert_nonnull (strstr (out, "NUTS codes unknown to NUTS_RG_20M_2024_3035.geojson: "));
  g_assert_nonnull (strstr (out, " FR91,"));
  g_assert_nonnull (strstr (out, " FRA1,"));
  g_assert_null (strstr (out, " ITH3,"));
  /* HU11 and HU12 replaced HU10 in 2024: geometry without data. */
  g_assert_nonnull (strstr (out, "NUTS 2 regions of NUTS_RG_20M_2024_3035.geojson without data: "));
  g_assert_nonnull (strstr (out, "HU11"));
}

/* Data of NUTS 2013 (FR21) exported against NUTS 2024 boundaries: the
 * ranking and the map show FRF2 with its name; FR21 is in neither. */
static void
test_export_recoded (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv = distretto_test_write_file (fixture->dir, "lfst_r_lfe2en2.tsv",
                                     "unit,nace_r2,age,geo\\time\t2015 \n"
                                     "THS,TOTAL,Y15-64,FR21\t500 \nTHS,J,Y15-64,FR21\t10 \n"
                                     "THS,M_N,Y15-64,FR21\t30 \nTHS,B-E,Y15-64,FR21\t90 \n"
                                     "THS,TOTAL,Y15-64,FR10\t5000 \nTHS,J,Y15-64,FR10\t400 \n"
                                     "THS,M_N,Y15-64,FR10\t500 \nTHS,B-E,Y15-64,FR10\t400 \n"
                                     "THS,TOTAL,Y15-64,ITH3\t2000 \nTHS,J,Y15-64,ITH3\t50 \n"
                                     "THS,M_N,Y15-64,ITH3\t150 \nTHS,B-E,Y15-64,ITH3\t500 \n");
  g_autofree char *ranking = g_build_filename (fixture->dir, "ranking.csv", NULL);
  g_autofree char *map = g_build_filename (fixture->dir, "map.csv", NULL);
  const char *real = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *geo = real ? g_build_filename (real, "nuts-geo-2024-20m", "NUTS_RG_20M_2024_3035.geojson", NULL) : NULL;
  const char *ranking_args[] = { "-m", "servitization", "--data", csv, "-o", ranking, NULL };
  const char *map_args[] = { "-m", "servitization", "--data", csv, "--chart", "map", "--boundaries", geo, "-o", map, NULL };
  g_autofree char *err = NULL;
  g_autofree char *table = NULL;
  g_autoptr(GError) error = NULL;

  /* Without boundaries: NUTS 2024, names from Distretto's tables. */
  g_assert_cmpint (run_export (ranking_args, &err), ==, 0);
  g_file_get_contents (ranking, &table, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (table, "\nFRF2,Champagne-Ardenne,"));
  g_assert_nonnull (strstr (table, "\nITH3,Veneto,"));
  g_assert_null (strstr (table, "FR21"));
  g_clear_pointer (&table, g_free);
  g_clear_pointer (&err, g_free);

  if (geo == NULL || !g_file_test (geo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  g_assert_cmpint (run_export (map_args, &err), ==, 0);
  g_file_get_contents (map, &table, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (table, "\nFRF2,Champagne-Ardenne,"));
  g_assert_null (strstr (table, "\nFRF2,Champagne-Ardenne,,"));
  g_assert_null (strstr (table, "FR21"));
}

/* validate says what becomes of each code of another NUTS version: the
 * 2024 boundaries' version, or 2021's. nama_10r_2gdp has six units × 15
 * years, every cell given, for FR21 and HU10 (awk -F'\t' '$1 ~ /,FR21$/'). */
static void
test_validate_nuts_versions (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *real = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *tsv = real ? g_build_filename (real, "eurostat-tsv-2017", "nama_10r_2gdp.tsv", NULL) : NULL;
  g_autofree char *geo_2024 = real ? g_build_filename (real, "nuts-geo-2024-20m", "NUTS_RG_20M_2024_3035.geojson", NULL) : NULL;
  g_autofree char *geo_2021 = real ? g_build_filename (real, "nuts-geo-2021-60m", "NUTS_RG_60M_2021_3035_LEVL_2.geojson", NULL) : NULL;
  const char *args_2024[] = { "--boundaries", geo_2024, tsv, NULL };
  const char *args_2021[] = { "--boundaries", geo_2021, tsv, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (tsv == NULL || !g_file_test (tsv, G_FILE_TEST_EXISTS) || !g_file_test (geo_2024, G_FILE_TEST_EXISTS) ||
      !g_file_test (geo_2021, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  g_assert_cmpint (run_command ("validate", args_2024, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\n  NUTS 2024: "));
  g_assert_nonnull (strstr (out, "\n    FR21 (NUTS 2013) → FRF2: recoded, 90 values carried\n"));
  g_assert_nonnull (strstr (out, "\n    HU10 (NUTS 2013) → HU11, HU12: split, 90 values not carried\n"));
  g_assert_nonnull (strstr (out, "\n    NL31 (NUTS 2021) → NL35: boundaries changed, 90 values not carried\n"));
  g_assert_nonnull (strstr (out, "\n    UK (NUTS 2021): not in NUTS 2024, "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* NUTS 2021 still has NL31 and the UK. */
  g_assert_cmpint (run_command ("validate", args_2021, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\n  NUTS 2021: "));
  g_assert_nonnull (strstr (out, "\n    FR21 (NUTS 2013) → FRF2: recoded, 90 values carried\n"));
  g_assert_null (strstr (out, "    NL31 "));
  g_assert_null (strstr (out, "    UK "));
}

/* A map of the real NUTS 2024 boundaries, headless. */
static void
test_map_real_png (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *real = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *geo = real ? g_build_filename (real, "nuts-geo-2024-20m", "NUTS_RG_20M_2024_3035.geojson", NULL) : NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "map.png", NULL);
  const char *args[] = { "-m", "servitization", "--chart", "map", "--boundaries", geo, "-o", out, NULL };
  g_autofree char *err = NULL;
  cairo_surface_t *image;

  if (geo == NULL || !g_file_test (geo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data/real is not there");
      return;
    }

  g_assert_cmpint (run_export (args, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  image = cairo_image_surface_create_from_png (out);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
  g_assert_cmpint (cairo_image_surface_get_height (image), >, 400);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Distretto/Export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/Distretto/Export/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/Distretto/Export/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/Distretto/Export/own-data", Fixture, NULL, fixture_set_up, test_export_own_data, fixture_tear_down);
  g_test_add ("/Distretto/Export/validate-modules", Fixture, NULL, fixture_set_up, test_validate_modules, fixture_tear_down);
  g_test_add ("/Distretto/Export/module-view", Fixture, NULL, fixture_set_up, test_module_view, fixture_tear_down);
  g_test_add ("/Distretto/Export/table", Fixture, NULL, fixture_set_up, test_table, fixture_tear_down);
  g_test_add ("/Distretto/Export/trend-png", Fixture, NULL, fixture_set_up, test_trend_png, fixture_tear_down);
  g_test_add ("/Distretto/Export/trend-table", Fixture, NULL, fixture_set_up, test_trend_table, fixture_tear_down);
  g_test_add ("/Distretto/Export/map-real-png", Fixture, NULL, fixture_set_up, test_map_real_png, fixture_tear_down);
  g_test_add ("/Distretto/Export/radar-table", Fixture, NULL, fixture_set_up, test_radar_table, fixture_tear_down);
  g_test_add ("/Distretto/Export/heatmap-scatter-tables", Fixture, NULL, fixture_set_up, test_heatmap_and_scatter_tables, fixture_tear_down);
  g_test_add ("/Distretto/Export/profile-pngs", Fixture, NULL, fixture_set_up, test_profile_pngs, fixture_tear_down);
  g_test_add ("/Distretto/Validate/report", Fixture, NULL, fixture_set_up, test_validate, fixture_tear_down);
  g_test_add ("/Distretto/Validate/real-vintages", Fixture, NULL, fixture_set_up, test_validate_real_vintages, fixture_tear_down);
  g_test_add ("/Distretto/Validate/nuts-versions", Fixture, NULL, fixture_set_up, test_validate_nuts_versions, fixture_tear_down);
  g_test_add ("/Distretto/Export/recoded", Fixture, NULL, fixture_set_up, test_export_recoded, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (bad_calls); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Distretto/Export/bad/%s", bad_calls[i].name);
      g_test_add (path, Fixture, &bad_calls[i], fixture_set_up, test_bad_call, fixture_tear_down);
    }

  return g_test_run ();
}
