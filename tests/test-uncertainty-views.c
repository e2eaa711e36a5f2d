/* test-uncertainty-views.c: the Uncertainty and Sensitivity views in the
 * table of built-in views, and `distretto export --chart uncertainty|sensitivity`
 * as a user runs it, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include <distretto.h>

#include "distretto-test-utils.h"

/* Sobol estimates from 1,000 runs stray this far outside [0, 1] and
 * total < first order by sampling noise. */
#define SOBOL_TOLERANCE 0.05

static char *tmp_dir;

/* Runs `distretto ARGS…` with DISPLAY and WAYLAND_DISPLAY unset. */
static int
run_distretto (const char * const  *args,
               char               **out,
               char               **err)
{
  return distretto_test_run_distretto (NULL, NULL, args, out, err);
}

/* Exports @chart of the servitization module (from @data, or the demo)
 * to @name in the temporary folder; returns its path. */
static char *
export_chart (const char *chart,
              const char *name,
              const char *data)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "export", "--module", "servitization", "--chart", chart, "--output", path,
                         data != NULL ? "--data" : NULL, data, NULL };

  if (run_distretto (args, NULL, &err) != 0)
    g_error ("export --chart %s failed: %s", chart, err);

  return g_steal_pointer (&path);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* One CSV line's fields, quotes ("a, b" and "" inside) undone. */
static char **
split_csv_line (const char *line)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; ; p++)
    {
      if (*p == '\0' || (*p == ',' && !quoted))
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
        }
      else if (*p == '"' && quoted && p[1] == '"')
        g_string_append_c (field, *++p);
      else if (*p == '"')
        quoted = !quoted;
      else
        g_string_append_c (field, *p);
    }

  return g_strv_builder_end (fields);
}

/* The CSV's rows split into fields, each row with as many as the
 * header. */
static GPtrArray *
read_rows (const char *path)
{
  g_autofree char *text = read_text (path);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      {
        char **row = split_csv_line (lines[i]);

        if (rows->len > 0)
          g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (g_ptr_array_index (rows, 0)));
        g_ptr_array_add (rows, row);
      }

  return rows;
}

/* The table of built-in views has both, titled, needing the analysis;
 * the window's drop-down, `export --chart` and its help read it. */
static void
test_view_table (void)
{
  g_auto(GStrv) ids = distretto_view_dup_builtin_ids ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *help[] = { "export", "--help", NULL };
  g_auto(GStrv) lines = NULL;
  gboolean servitization = FALSE, structure = FALSE;

  g_assert_true (g_strv_contains ((const char * const *) ids, "uncertainty"));
  g_assert_true (g_strv_contains ((const char * const *) ids, "sensitivity"));
  g_assert_cmpstr (distretto_view_get_title ("uncertainty"), ==, "Uncertainty");
  g_assert_cmpstr (distretto_view_get_title ("sensitivity"), ==, "Sensitivity");
  g_assert_true (distretto_view_get_needs ("uncertainty") & DISTRETTO_VIEW_NEEDS_ANALYSIS);
  g_assert_true (distretto_view_get_needs ("sensitivity") & DISTRETTO_VIEW_NEEDS_ANALYSIS);
  g_assert_false (distretto_view_get_needs ("ranking") & DISTRETTO_VIEW_NEEDS_ANALYSIS);

  /* --help: the option lists them, and each module the views it offers:
   * a module with pillars both, the Python module computing its own
   * scores (components, no pillars) neither. */
  g_assert_cmpint (run_distretto (help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "heatmap, uncertainty, sensitivity, or a view the module offers"));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "  servitization: "))
        {
          servitization = TRUE;
          g_assert_nonnull (strstr (lines[i], "uncertainty, sensitivity"));
        }
      if (g_str_has_prefix (lines[i], "  industrial_structure: "))
        {
          structure = TRUE;
          g_assert_null (strstr (lines[i], "uncertainty"));
          g_assert_null (strstr (lines[i], "sensitivity"));
        }
    }
  g_assert_true (servitization && structure);
}

/* A module computing its own scores cannot have its method varied: one
 * line on stderr naming what it offers, exit 2. */
static void
test_own_compute_refused (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "refused.png", NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "export", "--module", "industrial_structure", "--chart", "uncertainty", "--output", path,
                         NULL };

  g_assert_cmpint (run_distretto (args, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "unknown chart type “uncertainty”"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The regions of a ranking's tidy CSV, in a set. */
static GHashTable *
ranked_regions (const char *data)
{
  g_autofree char *path = export_chart ("ranking", "ranking.csv", data);
  g_autoptr(GPtrArray) rows = read_rows (path);
  GHashTable *regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; i < rows->len; i++)
    g_hash_table_add (regions, g_strdup (((char **) g_ptr_array_index (rows, i))[0]));

  return regions;
}

/* The uncertainty CSV: its columns, every ranked region once, each
 * median rank within its 5–95% interval and every rank between 1 and the
 * number of regions; returns the year of its rows. */
static int
check_uncertainty_csv (const char *path,
                       const char *data)
{
  static const char *columns[] = { "region", "name", "indicator", "year", "value", "flag", "rank", "group",
                                   "lower", "upper", "source", NULL };
  g_autoptr(GPtrArray) rows = read_rows (path);
  g_autoptr(GHashTable) ranked = ranked_regions (data);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  char **header = g_ptr_array_index (rows, 0);
  int year = 0;

  g_assert_cmpstrv (header, columns);
  g_assert_cmpuint (rows->len - 1, ==, g_hash_table_size (ranked));

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      double median = g_ascii_strtod (row[4], NULL), lower = g_ascii_strtod (row[8], NULL);
      double upper = g_ascii_strtod (row[9], NULL);
      guint64 rank = g_ascii_strtoull (row[6], NULL, 10);

      g_assert_true (g_hash_table_contains (ranked, row[0]));
      g_assert_true (g_hash_table_add (seen, row[0]));
      g_assert_cmpstr (row[2], ==, "servitization.median_rank");
      g_assert_cmpfloat (lower, <=, median);
      g_assert_cmpfloat (median, <=, upper);
      g_assert_cmpfloat (lower, >=, 1.0);
      g_assert_cmpfloat (upper, <=, rows->len - 1);
      g_assert_cmpuint (rank, >=, 1);
      g_assert_cmpuint (rank, <=, rows->len - 1);
      /* Rows in the order of the nominal ranks. */
      if (i > 1)
        g_assert_cmpuint (rank, >=, g_ascii_strtoull (((char **) g_ptr_array_index (rows, i - 1))[6], NULL, 10));
      year = year == 0 ? atoi (row[3]) : year;
      g_assert_cmpint (atoi (row[3]), ==, year);
    }

  return year;
}

static void
assert_png (const char *path)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), >, 100);
  g_assert_cmpint (cairo_image_surface_get_height (png), >, 100);
  cairo_surface_destroy (png);
}

static void
assert_svg (const char *path)
{
  g_autofree char *svg = read_text (path);

  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "</svg>"));
}

static void
test_export_uncertainty (void)
{
  g_autofree char *csv = export_chart ("uncertainty", "uncertainty.csv", NULL);
  g_autofree char *png = export_chart ("uncertainty", "uncertainty.png", NULL);
  g_autofree char *svg = export_chart ("uncertainty", "uncertainty.svg", NULL);
  g_autofree char *text = read_text (csv);

  /* The demo's latest year, every value flagged synthetic. */
  g_assert_cmpint (check_uncertainty_csv (csv, NULL), ==, 2023);
  g_assert_nonnull (strstr (text, ",synthetic,"));
  assert_png (png);
  assert_svg (svg);
}

/* Seeded: the same command writes the same table. */
static void
test_same_seed_same_csv (void)
{
  g_autofree char *first = export_chart ("uncertainty", "first.csv", NULL);
  g_autofree char *second = export_chart ("uncertainty", "second.csv", NULL);
  g_autofree char *a = read_text (first);
  g_autofree char *b = read_text (second);
  g_autofree char *s1 = export_chart ("sensitivity", "s1.csv", NULL);
  g_autofree char *s2 = export_chart ("sensitivity", "s2.csv", NULL);
  g_autofree char *c = read_text (s1);
  g_autofree char *d = read_text (s2);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, d);
}

/* The Sobol indices of the five assumptions, each between 0 and 1, the
 * total at least the first order; each of the module's five
 * sub-indicators left out once, ranks moving by a mean no larger than
 * their largest move. */
static void
test_export_sensitivity (void)
{
  static const char *columns[] = { "part", "id", "name", "first_order", "total_order", "mean_rank_change",
                                   "max_rank_change", NULL };
  g_autofree char *csv = export_chart ("sensitivity", "sensitivity.csv", NULL);
  g_autofree char *png = export_chart ("sensitivity", "sensitivity.png", NULL);
  g_autofree char *svg = export_chart ("sensitivity", "sensitivity.svg", NULL);
  g_autoptr(GPtrArray) rows = read_rows (csv);
  g_autoptr(GHashTable) removed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_sobol = 0;

  g_assert_cmpstrv ((char **) g_ptr_array_index (rows, 0), columns);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_str_equal (row[0], "sobol"))
        {
          double first = g_ascii_strtod (row[3], NULL), total = g_ascii_strtod (row[4], NULL);

          n_sobol++;
          g_assert_cmpfloat (first, >=, -SOBOL_TOLERANCE);
          g_assert_cmpfloat (first, <=, 1.0 + SOBOL_TOLERANCE);
          g_assert_cmpfloat (total, >=, -SOBOL_TOLERANCE);
          g_assert_cmpfloat (total, <=, 1.0 + SOBOL_TOLERANCE);
          g_assert_cmpfloat (total, >=, first - SOBOL_TOLERANCE);
        }
      else
        {
          double mean = g_ascii_strtod (row[5], NULL), most = g_ascii_strtod (row[6], NULL);

          g_assert_cmpstr (row[0], ==, "remove-one");
          g_assert_true (g_hash_table_add (removed, row[1]));
          g_assert_cmpfloat (mean, >=, 0.0);
          g_assert_cmpfloat (mean, <=, most);
        }
    }

  /* Weights, normalisation, aggregation, imputation, outliers. */
  g_assert_cmpuint (n_sobol, ==, DISTRETTO_N_ASSUMPTIONS);
  g_assert_cmpuint (g_hash_table_size (removed), ==, 5);
  for (const char * const *id = (const char * const []) { "TS1", "TS2", "TS3", "TS4", "TS5", NULL }; *id; id++)
    g_assert_true (g_hash_table_contains (removed, *id));

  assert_png (png);
  assert_svg (svg);
}

/* Employment by NACE section, Eurostat's 2017 bulk TSV: the module
 * computes 3 of its 5 sub-indicators from it (stand-ins for TS1, TS2,
 * TS3); its latest year is 2015, the file's last. */
static void
test_real_data (void)
{
  const char *dir = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *file = dir ? g_build_filename (dir, "eurostat-tsv-2017", "lfst_r_lfe2en2.tsv", NULL) : NULL;
  g_autofree char *csv = NULL;
  g_autofree char *png = NULL;

  if (file == NULL || !g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no real data (DISTRETTO_REAL_DATA)");
      return;
    }

  csv = export_chart ("uncertainty", "real.csv", file);
  g_assert_cmpint (check_uncertainty_csv (csv, file), ==, 2015);
  png = export_chart ("uncertainty", "real.png", file);
  assert_png (png);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("distretto-uncertainty-views-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/Distretto/UncertaintyViews/view-table", test_view_table);
  g_test_add_func ("/Distretto/UncertaintyViews/own-compute-refused", test_own_compute_refused);
  g_test_add_func ("/Distretto/UncertaintyViews/export-uncertainty", test_export_uncertainty);
  g_test_add_func ("/Distretto/UncertaintyViews/export-sensitivity", test_export_sensitivity);
  g_test_add_func ("/Distretto/UncertaintyViews/same-seed-same-csv", test_same_seed_same_csv);
  g_test_add_func ("/Distretto/UncertaintyViews/real-data", test_real_data);
  status = g_test_run ();

  distretto_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
