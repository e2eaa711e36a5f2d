/* test-deliverables.c: what a consultant hands a client, made headless:
 * slides, tables, region reports, batches, records and their reproduction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "distretto-test-utils.h"

#include <cairo.h>
#include <distretto.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
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
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("distretto-deliverables-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  distretto_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Runs `distretto ARGS…` in @cwd (or the test's folder) with no display;
 * returns the exit status. */
static int
run_in (const char          *cwd,
        const char * const  *args,
        char               **out,
        char               **err)
{
  return distretto_test_run_distretto (cwd, NULL, args, out, err);
}

static int
run (const char * const  *args,
     char               **out,
     char               **err)
{
  return run_in (NULL, args, out, err);
}

/* Runs a tool of poppler-utils; FALSE if it is not installed. */
static gboolean
run_tool (const char * const  *argv,
          char               **out)
{
  g_autofree char *path = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  int status;

  if (path == NULL)
    return FALSE;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Employment by NACE section, SDMX-CSV as Eurostat serves it: the
 * manufacturing employment share of ITH3 is 500/2000 = 25%, of ES52
 * 360/1800 = 20%, of FI1B 100/800 = 12.5%. */
#define LFS_HEADER "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,age,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
#define LFS_ROW(nace, geo, value) "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS," nace ",Y15-64,T," geo ",2020," value ",\n"
#define EMPLOYMENT_CSV \
  LFS_HEADER \
  LFS_ROW ("TOTAL", "ITH3", "2000") LFS_ROW ("C", "ITH3", "500") \
  LFS_ROW ("TOTAL", "ES52", "1800") LFS_ROW ("C", "ES52", "360") \
  LFS_ROW ("TOTAL", "FI1B", "800") LFS_ROW ("C", "FI1B", "100")

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  return image;
}

/* A PNG is its size times its scale in pixels; --size names the size. */
static void
test_png_scale (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *slide = g_build_filename (fixture->dir, "slide.png", NULL);
  g_autofree char *small = g_build_filename (fixture->dir, "small.png", NULL);
  const char *slide_args[] = { "export", "-m", "servitization", "--size", "slide", "--scale", "2", "--top", "10",
                               "--region", "ITH3", "-o", slide, NULL };
  const char *small_args[] = { "export", "-m", "servitization", "--width", "640", "--height", "480", "--scale", "3",
                               "-o", small, NULL };
  cairo_surface_t *image;

  g_assert_cmpint (run (slide_args, NULL, NULL), ==, 0);
  image = load_png (slide);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 3840);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2160);
  cairo_surface_destroy (image);

  g_assert_cmpint (run (small_args, NULL, NULL), ==, 0);
  image = load_png (small);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1440);
  cairo_surface_destroy (image);
}

typedef struct
{
  gboolean in_title;
  GString *title;
  gboolean svg_root;
} SvgScan;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgScan *scan = user_data;

  scan->svg_root |= g_str_equal (element, "svg") && g_markup_parse_context_get_element_stack (context)->next == NULL;
  scan->in_title = g_str_equal (element, "title");
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  ((SvgScan *) user_data)->in_title = FALSE;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  SvgScan *scan = user_data;

  if (scan->in_title)
    g_string_append_len (scan->title, text, len);
}

/* An SVG is well-formed XML, its <title> the title given, in its text. */
static void
test_svg_title (Fixture       *fixture,
                gconstpointer  data)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autofree char *out = g_build_filename (fixture->dir, "veneto.svg", NULL);
  const char *title = "Veneto among Italy's regions & more";
  const char *args[] = { "export", "-m", "servitization", "--country", "IT", "--region", "ITH3",
                         "--title", title, "-o", out, NULL };
  g_autoptr(GMarkupParseContext) xml = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  SvgScan scan = { FALSE, found, FALSE };

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  svg = read_file (out);
  xml = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_assert_true (g_markup_parse_context_parse (xml, svg, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (xml, &error));
  g_assert_no_error (error);
  g_assert_true (scan.svg_root);
  g_assert_cmpstr (found->str, ==, title);
}

/* The CSV of a ranking reads back through the tidy importer: every
 * value, the year and the synthetic flag as written; its descriptive
 * columns (name, rank, group, interval, source) are read past. */
static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "ranking.csv", NULL);
  const char *args[] = { "export", "-m", "servitization", "--country", "IT", "-o", out, NULL };
  g_autoptr(GFile) file = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  guint rows = 0;

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  csv = read_file (out);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "region,name,indicator,year,value,flag,rank,group,lower,upper,source");

  file = g_file_new_for_path (out);
  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (distretto_dataset_has_series (dataset, "servitization"));
  g_assert_cmpuint (distretto_dataset_get_n_series (dataset), ==, 1);

  /* Italy's 21 NUTS 2 regions, each as the line says. */
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      DistrettoFlags flags = 0;
      double value = distretto_dataset_get_value (dataset, "servitization", fields[0], 2023, &flags);

      g_assert_true (g_str_has_prefix (fields[0], "IT"));
      g_assert_cmpstr (fields[3], ==, "2023");
      g_assert_cmpfloat (value, ==, g_ascii_strtod (fields[4], NULL));
      g_assert_true (flags & DISTRETTO_FLAGS_SYNTHETIC);
      g_assert_cmpint (atoi (fields[6]), ==, (int) i);
      rows++;
    }
  g_assert_cmpuint (rows, ==, 21);
}

/* The report's pages: the cover, one (or more) per module, the method;
 * every page numbered "Page N of M" and marked synthetic, the text as
 * pdftotext reads it back. */
static void
test_report_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "veneto.pdf", NULL);
  const char *args[] = { "report", "--region", "ITH3", "--module", "servitization", "--module", "manufacturing_share",
                         "-o", out, NULL };
  const char *info_argv[] = { "pdfinfo", out, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", out, "-", NULL };
  const char *fonts_argv[] = { "pdffonts", out, NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) font_lines = NULL;
  const char *pages_line;
  guint n_pages;
  gsize emb;

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  if (!run_tool (info_argv, &info) || !run_tool (text_argv, &text) || !run_tool (fonts_argv, &fonts))
    {
      g_test_skip ("poppler-utils (pdfinfo, pdftotext, pdffonts) are not installed");
      return;
    }

  pages_line = strstr (info, "Pages:");
  g_assert_nonnull (pages_line);
  n_pages = atoi (pages_line + strlen ("Pages:"));
  /* A cover, a page per module, the method: 4 at least. */
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_nonnull (strstr (info, "Regional profile: Veneto (ITH3)"));

  /* pdftotext ends each page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);
  g_assert_nonnull (strstr (pages[0], "Veneto"));
  g_assert_nonnull (strstr (pages[0], "ITH3"));
  g_assert_nonnull (strstr (pages[0], "NUTS 2 region of Italia"));
  g_assert_nonnull (strstr (pages[0], "Synthetic demo data"));
  g_assert_nonnull (strstr (pages[1], "Territorial servitization"));
  g_assert_nonnull (strstr (text, "Manufacturing employment share"));
  g_assert_null (strstr (text, "Regional digital adoption"));
  g_assert_nonnull (strstr (pages[n_pages - 1], "Method"));
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], number));
      g_assert_nonnull (strstr (pages[p], "SYNTHETIC DEMO DATA"));
    }

  /* Every font embedded: "yes" in the "emb" column of pdffonts. */
  font_lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (font_lines), >, 3);
  emb = strstr (font_lines[0], "emb") - font_lines[0];
  for (guint i = 2; font_lines[i] != NULL && *font_lines[i] != '\0'; i++)
    {
      g_assert_cmpuint (strlen (font_lines[i]), >, emb + 3);
      g_assert_cmpint (strncmp (font_lines[i] + emb, "yes", 3), ==, 0);
    }
}

static JsonObject *
load_json (JsonParser *parser,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* A report's record: the region, the date, the modules with their
 * versions, the data; reproduce redraws the same PDF. Its table holds the
 * region's score per module, as the cover says it. */
static void
test_report_bundle (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "veneto.pdf", NULL);
  g_autofree char *sidecar = g_build_filename (fixture->dir, "veneto.json", NULL);
  g_autofree char *table_path = g_build_filename (fixture->dir, "veneto.csv", NULL);
  const char *args[] = { "report", "--region", "ITH3", "--module", "servitization", "--bundle", "-o", pdf, NULL };
  const char *reproduce[] = { "reproduce", sidecar, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) table_file = NULL;
  g_autoptr(DistrettoDataset) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonObject *report;
  DistrettoFlags flags = 0;

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  report = json_object_get_object_member (load_json (parser, sidecar), "report");
  g_assert_cmpstr (json_object_get_string_member (report, "region"), ==, "ITH3");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (report, "modules"), 0),
                                                  "module"), ==, "servitization");

  /* The figures read back: the score and its three pillars, 2023. */
  table_file = g_file_new_for_path (table_path);
  table = distretto_dataset_load_file (table_file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (isfinite (distretto_dataset_get_value (table, "servitization", "ITH3", 2023, &flags)));
  g_assert_true (flags & DISTRETTO_FLAGS_SYNTHETIC);
  g_assert_true (distretto_dataset_has_series (table, "servitization.manufacturing-base"));
  g_assert_true (distretto_dataset_has_series (table, "servitization.kibs-depth"));
  g_assert_true (distretto_dataset_has_series (table, "servitization.coupling"));

  g_assert_cmpint (run (reproduce, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "identical: veneto.pdf"));
}

/* A batch goes on past a region that fails and says how many failed. */
static void
test_batch_with_bad_region (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "slides", NULL);
  g_autofree char *reports = g_build_filename (fixture->dir, "reports", NULL);
  const char *args[] = { "export", "-m", "servitization", "--top", "5", "--output-dir", dir, "--region", "ITH3",
                         "--region", "XX99", "--region", "ES52", NULL };
  const char *report_args[] = { "report", "--module", "servitization", "--output-dir", reports,
                                "--region", "XX99", "--region", "FI1B", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ith3 = g_build_filename (dir, "servitization-ranking-ITH3.png", NULL);
  g_autofree char *es52 = g_build_filename (dir, "servitization-ranking-ES52.png", NULL);
  g_autofree char *xx99 = g_build_filename (dir, "servitization-ranking-XX99.png", NULL);
  g_autofree char *fi1b = g_build_filename (reports, "report-FI1B.pdf", NULL);

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_true (g_file_test (ith3, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (es52, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (xx99, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (err, ==, "distretto export: XX99: unknown region “XX99”: the dataset has no such region\n");
  g_assert_nonnull (strstr (out, "Wrote 2 of 3 files"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (report_args, &out, &err), ==, 1);
  g_assert_true (g_file_test (fi1b, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (err, "XX99"));
  g_assert_nonnull (strstr (out, "Wrote 1 of 2 files"));
}

/* --all-regions: every NUTS 2 region of the data, each highlighted. */
static void
test_batch_all_regions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *csv = distretto_test_write_file (fixture->dir, "lfst_r_lfe2en2.csv", EMPLOYMENT_CSV);
  g_autofree char *dir = g_build_filename (fixture->dir, "all", NULL);
  const char *args[] = { "export", "-m", "manufacturing_share", "--data", csv, "--format", "svg",
                         "--all-regions", "--output-dir", dir, NULL };
  const char *codes[] = { "ITH3", "ES52", "FI1B" };
  g_autofree char *out = NULL;

  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Wrote 3 files"));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *name = g_strdup_printf ("manufacturing_share-ranking-%s.svg", codes[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

/* The record beside a figure names its data file with the file's SHA-256;
 * reproduce says identical, then different once the file changed. */
static void
test_bundle_and_reproduce (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *csv = distretto_test_write_file (fixture->dir, "lfst_r_lfe2en2.csv", EMPLOYMENT_CSV);
  g_autofree char *png = g_build_filename (fixture->dir, "share.png", NULL);
  g_autofree char *sidecar = g_build_filename (fixture->dir, "share.json", NULL);
  g_autofree char *table = g_build_filename (fixture->dir, "share.csv", NULL);
  const char *args[] = { "export", "-m", "manufacturing_share", "--data", csv, "--region", "ITH3", "--size", "square",
                         "--bundle", "-o", png, NULL };
  const char *reproduce[] = { "reproduce", sidecar, NULL };
  g_autofree char *contents = read_file (csv);
  g_autofree char *csv_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *png_contents = NULL;
  g_autofree char *png_sha256 = NULL;
  g_autofree char *table_text = NULL;
  JsonObject *record, *view, *file;
  gsize png_length;

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  record = load_json (parser, sidecar);

  view = json_object_get_object_member (record, "view");
  g_assert_cmpstr (json_object_get_string_member (view, "module"), ==, "manufacturing_share");
  g_assert_cmpstr (json_object_get_string_member (view, "chart"), ==, "ranking");
  g_assert_cmpint (json_object_get_int_member (view, "year"), ==, 2020);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (record, "data"), "synthetic"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (record, "data"), "nuts_version"), ==, 2024);
  file = json_array_get_object_element (json_object_get_array_member (json_object_get_object_member (record, "data"),
                                                                      "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (file, "sha256"), ==, csv_sha256);
  g_assert_cmpstr (json_object_get_string_member (file, "publisher"), ==, "Eurostat");
  g_assert_cmpstr (json_object_get_string_member (file, "table"), ==, "lfst_r_lfe2en2");

  g_assert_true (g_file_get_contents (png, &png_contents, &png_length, NULL));
  png_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) png_contents, png_length);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "figure"), "sha256"), ==,
                   png_sha256);

  /* The table beside it: 25%, 20% and 12.5%, best first. */
  table_text = read_file (table);
  g_assert_nonnull (strstr (table_text, "\nITH3,Veneto,manufacturing_share,2020,25,"));
  g_assert_nonnull (strstr (table_text, "\nES52,Comunitat Valenciana,manufacturing_share,2020,20,"));
  g_assert_nonnull (strstr (table_text, "\nFI1B,Helsinki-Uusimaa,manufacturing_share,2020,12.5,"));

  g_assert_cmpint (run (reproduce, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "identical: share.png"));
  g_clear_pointer (&out, g_free);

  /* ES52 now employs 400 thousand in manufacturing. */
  changed = g_strdup (EMPLOYMENT_CSV);
  memcpy (strstr (changed, "ES52,2020,360") + strlen ("ES52,2020,"), "400", 3);
  g_free (distretto_test_write_file (fixture->dir, "lfst_r_lfe2en2.csv", changed));
  g_assert_cmpint (run (reproduce, &out, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out, "different: share.png"));
  g_assert_nonnull (strstr (out, "lfst_r_lfe2en2.csv changed"));
}

/* A figure of the demo dataset: its record says the data are synthetic,
 * and redraws identical. */
static void
test_bundle_synthetic (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "radar.pdf", NULL);
  g_autofree char *sidecar = g_build_filename (fixture->dir, "radar.json", NULL);
  const char *args[] = { "export", "-m", "servitization", "--chart", "radar", "--region", "ITH3", "--size", "a4",
                         "--bundle", "-o", pdf, NULL };
  const char *reproduce[] = { "reproduce", sidecar, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  JsonObject *data_object;

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  data_object = json_object_get_object_member (load_json (parser, sidecar), "data");
  g_assert_true (json_object_get_boolean_member (data_object, "synthetic"));
  g_assert_nonnull (strstr (json_object_get_string_member (data_object, "warning"), "synthetic"));

  g_assert_cmpint (run (reproduce, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "identical: radar.pdf"));
}

/* A table downloaded from Eurostat is credited with its code and the day
 * the cache's `.info` file says it was downloaded. */
static void
test_source_line (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *csv = distretto_test_write_file (fixture->dir, "lfst_r_lfe2en2.csv", EMPLOYMENT_CSV);
  g_autofree char *info_text = g_strdup_printf ("[Download]\nurl=https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/"
                                                "data/lfst_r_lfe2en2?format=SDMX-CSV\ndownloaded=2026-12-01T09:30:00Z\n"
                                                "size=%zu\n", strlen (EMPLOYMENT_CSV));
  g_autofree char *info = distretto_test_write_file (fixture->dir, "lfst_r_lfe2en2.csv.info", info_text);
  g_autofree char *out = g_build_filename (fixture->dir, "out.csv", NULL);
  const char *eurostat[] = { "export", "-m", "manufacturing_share", "--data", csv, "-o", out, NULL };
  g_autofree char *table = NULL;

  g_assert_cmpint (run (eurostat, NULL, NULL), ==, 0);
  table = read_file (out);
  /* Quoted: it holds a comma. */
  g_assert_true (g_str_has_suffix (table, ",\"Source: Eurostat (lfst_r_lfe2en2), downloaded 2026-12-01\"\n"));
  g_assert_null (strstr (table, "synthetic"));

  /* Without the .info (or with one of another copy): the table alone. */
  g_assert_true (g_file_set_contents (info, "[Download]\ndownloaded=2026-12-01T09:30:00Z\nsize=1\n", -1, NULL));
  g_assert_cmpint (run (eurostat, NULL, NULL), ==, 0);
  g_free (table);
  table = read_file (out);
  g_assert_true (g_str_has_suffix (table, ",Source: Eurostat (lfst_r_lfe2en2)\n"));
}

/* Real files: a Eurostat main table (tgs00042, R&D expenditure) feeds
 * the sub-indicator of its full table (rd_e_gerdreg) and is credited by
 * its own code. */
static void
test_source_line_main_table (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *employment = distretto_test_real_path ("eurostat-tsv-2017", "lfst_r_lfe2en2.tsv");
  g_autofree char *gerd = distretto_test_real_path ("eurostat-regional-extra/rd-tgs00042-sdmxcsv-2026",
                                                    "eurostat_tgs00042_gerd_rd_expenditure.csv");
  g_autofree char *out = g_build_filename (fixture->dir, "i40.csv", NULL);
  g_autofree char *table = NULL;

  if (employment == NULL || gerd == NULL)
    {
      g_test_skip ("the real Eurostat files are not beside the checkout");
      return;
    }

  {
    const char *args[] = { "export", "-m", "i40-readiness", "--data", employment, "--data", gerd, "-o", out, NULL };

    g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  }
  table = read_file (out);
  g_assert_nonnull (strstr (table, "\"Source: Eurostat (lfst_r_lfe2en2, tgs00042)\"\n"));
}

/* A record that was edited, or is not one, is never taken for the
 * figure's. */
static void
test_reproduce_bad_records (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *csv = distretto_test_write_file (fixture->dir, "lfst_r_lfe2en2.csv", EMPLOYMENT_CSV);
  g_autofree char *svg = g_build_filename (fixture->dir, "share.svg", NULL);
  g_autofree char *sidecar = g_build_filename (fixture->dir, "share.json", NULL);
  g_autofree char *broken = distretto_test_write_file (fixture->dir, "broken.json", "{\"view\": [1, 2]}");
  g_autofree char *not_json = distretto_test_write_file (fixture->dir, "not.json", "figure: share.svg\n");
  const char *args[] = { "export", "-m", "manufacturing_share", "--data", csv, "--bundle", "-o", svg, NULL };
  const char *reproduce[] = { "reproduce", sidecar, NULL };
  const char *reproduce_broken[] = { "reproduce", broken, NULL };
  const char *reproduce_not_json[] = { "reproduce", not_json, NULL };
  const char *reproduce_nothing[] = { "reproduce", NULL };
  g_autofree char *record = NULL;
  g_autofree char *edited = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (args, NULL, NULL), ==, 0);

  /* The top 0 made 5: the record no longer matches its hash. */
  record = read_file (sidecar);
  parts = g_strsplit (record, "\"top\" : 0", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoinv ("\"top\" : 5", parts);
  g_assert_true (g_file_set_contents (sidecar, edited, -1, NULL));
  g_assert_cmpint (run (reproduce, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "the record was edited"));

  g_assert_cmpint (run (reproduce_broken, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "broken.json:$.view: expected an object"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (reproduce_not_json, NULL, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "distretto reproduce: "));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (reproduce_nothing, NULL, &err), ==, 2);
}

/* A relative --output lands where the command runs. */
static void
test_relative_output (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *args[] = { "export", "-m", "servitization", "-o", "here.pdf", NULL };
  g_autofree char *path = g_build_filename (fixture->dir, "here.pdf", NULL);

  g_assert_cmpint (run_in (fixture->dir, args, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* `export --help` says which charts each module offers. */
static void
test_help_lists_charts (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *args[] = { "export", "--help", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (run (args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "  servitization: ranking, trend, map, radar, scatter, heatmap, uncertainty, sensitivity\n"));
  g_assert_nonnull (strstr (out, "  manufacturing_share: ranking, trend, map, distribution\n"));
  g_assert_nonnull (strstr (out, "  industrial_structure: ranking, trend, map, radar, scatter, heatmap, sector-mix\n"));
}

typedef struct
{
  const char *name;
  const char *args[12];
  const char *mentions;
} UsageError;

/* Each mistake: one line, exit 2, nothing written. */
static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const UsageError cases[] = {
    { "unwritable", { "export", "-m", "servitization", "-o", "/nonexistent/folder/x.png", NULL }, "cannot write" },
    { "unknown-module", { "export", "-m", "nothing", "-o", "@OUT@", NULL }, "unknown module “nothing”" },
    { "old-module-id", { "export", "-m", "manufacturing-share", "-o", "@OUT@", NULL }, "manufacturing_share" },
    { "unknown-chart", { "export", "-m", "servitization", "--chart", "pie", "-o", "@OUT@", NULL }, "unknown chart type “pie”" },
    { "unknown-region", { "export", "-m", "servitization", "--region", "XX99", "-o", "@OUT@", NULL }, "unknown region “XX99”" },
    { "zero-width", { "export", "-m", "servitization", "--width", "0", "-o", "@OUT@", NULL }, "--width" },
    { "huge-scale", { "export", "-m", "servitization", "--scale", "9", "-o", "@OUT@", NULL }, "--scale" },
    { "unknown-size", { "export", "-m", "servitization", "--size", "poster", "-o", "@OUT@", NULL }, "unknown size “poster”" },
    { "unknown-style", { "export", "-m", "servitization", "--style", "neon", "-o", "@OUT@", NULL }, "unknown style “neon”" },
    { "report-region", { "report", "--region", "XX99", "-o", "@OUT@", NULL }, "unknown region “XX99”" },
    { "report-no-region", { "report", "-o", "@OUT@", NULL }, "--region" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *out = g_build_filename (fixture->dir, "out.png", NULL);
      const char *args[12];
      g_autofree char *err = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (args); i++)
        args[i] = g_strcmp0 (cases[c].args[i], "@OUT@") == 0 ? out : cases[c].args[i];

      g_test_message ("%s", cases[c].name);
      g_assert_cmpint (run (args, NULL, &err), ==, 2);
      g_test_message ("%s", err);
      g_assert_nonnull (strstr (err, cases[c].mentions));
      g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/Distretto/Deliverables/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("png-scale", test_png_scale);
  ADD ("svg-title", test_svg_title);
  ADD ("csv-round-trip", test_csv_round_trip);
  ADD ("report-pdf", test_report_pdf);
  ADD ("report-bundle", test_report_bundle);
  ADD ("batch-with-bad-region", test_batch_with_bad_region);
  ADD ("batch-all-regions", test_batch_all_regions);
  ADD ("bundle-and-reproduce", test_bundle_and_reproduce);
  ADD ("bundle-synthetic", test_bundle_synthetic);
  ADD ("source-line", test_source_line);
  ADD ("source-line-main-table", test_source_line_main_table);
  ADD ("reproduce-bad-records", test_reproduce_bad_records);
  ADD ("relative-output", test_relative_output);
  ADD ("help-lists-charts", test_help_lists_charts);
  ADD ("usage-errors", test_usage_errors);
#undef ADD

  return g_test_run ();
}
