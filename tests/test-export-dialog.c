/* test-export-dialog.c: the window's export dialog, copy and report under a real display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "distretto-demo.h"
#include "distretto-export-dialog.h"
#include "distretto-plugin-engine.h"
#include "distretto-window.h"
#include "distretto-window-export.h"

typedef struct
{
  DistrettoPluginEngine *engine;
  DistrettoDataset *dataset;
  DistrettoWindow *window;
  char *dir;
} Fixture;

static void
spin (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_init_check ())
    return;
  adw_init ();

  fixture->engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (fixture->engine);
  fixture->dataset = distretto_demo_dataset_load (&error);
  g_assert_no_error (error);
  fixture->window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (fixture->engine), fixture->dataset);
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin (50);

  fixture->dir = g_dir_make_tmp ("distretto-dialog-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin (20);
  g_clear_object (&fixture->dataset);
  g_clear_object (&fixture->engine);

  if (fixture->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (fixture->dir);
      g_free (fixture->dir);
    }
}

static DistrettoExportDialog *
open_dialog (Fixture    *fixture,
             const char *module_id,
             const char *selected)
{
  DistrettoModule *module = distretto_plugin_engine_find_module (fixture->engine, module_id);
  g_autoptr(DistrettoViewRequest) request = NULL;
  DistrettoExportDialog *dialog;

  g_assert_nonnull (module);
  request = distretto_window_create_view_request (fixture->window, module);
  distretto_view_request_set_selected (request, selected);
  dialog = distretto_export_dialog_new (GTK_WINDOW (fixture->window), module, "ranking", request);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (20);

  return dialog;
}

/* The preview is the file: the PNG written holds the preview's pixels. */
static void
test_preview_is_the_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree guchar *pixels = NULL;
  DistrettoExportDialog *dialog;
  cairo_surface_t *image;
  GdkTexture *preview;
  gsize stride;
  int width, height;
  guint differ = 0;

  if (fixture->window == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  dialog = open_dialog (fixture, "servitization", "ITH3");
  distretto_export_dialog_set_format (dialog, "png");
  distretto_export_dialog_set_size (dialog, "slide");
  distretto_export_dialog_set_scale (dialog, 1);
  distretto_export_dialog_set_title_text (dialog, "Veneto among Europe’s regions");

  /* The selected region is highlighted in the chart. */
  g_assert_true (distretto_chart_is_highlighted_region (distretto_export_dialog_get_chart (dialog), "ITH3"));
  g_assert_cmpstr (distretto_chart_get_title (distretto_export_dialog_get_chart (dialog)), ==,
                   "Veneto among Europe’s regions");

  preview = distretto_export_dialog_get_preview (dialog);
  width = gdk_texture_get_width (preview);
  height = gdk_texture_get_height (preview);
  g_assert_cmpint (width, ==, 1920);
  g_assert_cmpint (height, ==, 1080);
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (preview, pixels, stride);

  path = g_build_filename (fixture->dir, "slide.png", NULL);
  file = g_file_new_for_path (path);
  distretto_export_dialog_export_to (dialog, file);
  spin (20);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);

  /* Both premultiplied BGRA of an opaque drawing: the same bytes. */
  for (int y = 0; y < height; y++)
    {
      const guint32 *file_row = (const guint32 *) (cairo_image_surface_get_data (image) +
                                                   (gsize) y * cairo_image_surface_get_stride (image));
      const guint32 *preview_row = (const guint32 *) (pixels + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        differ += (file_row[x] | 0xFF000000) != (preview_row[x] | 0xFF000000);
    }
  cairo_surface_destroy (image);
  g_assert_cmpuint (differ, ==, 0);
}

static gboolean
is_message_dialog (gpointer window)
{
  return ADW_IS_MESSAGE_DIALOG (window);
}

/* Exporting over a file asks first; the file stays until "Replace". */
static void
test_overwrite_asks (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GListModel *toplevels;
  g_autofree char *contents = NULL;
  AdwMessageDialog *question = NULL;
  DistrettoExportDialog *dialog;

  if (fixture->window == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  path = g_build_filename (fixture->dir, "ranking.csv", NULL);
  g_assert_true (g_file_set_contents (path, "keep", -1, NULL));
  file = g_file_new_for_path (path);

  dialog = open_dialog (fixture, "servitization", NULL);
  distretto_export_dialog_set_format (dialog, "csv");
  distretto_export_dialog_export_to (dialog, file);
  spin (20);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep");
  g_clear_pointer (&contents, g_free);

  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (is_message_dialog (window))
        question = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Replace File?");

  adw_message_dialog_response (question, "replace");
  spin (20);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "region,name,indicator,year,value,flag,rank,group,lower,upper,source\n"));
}

/* Copy gives an image and the data as tab-separated text. */
static void
test_copy_content (Fixture       *fixture,
                   gconstpointer  data)
{
  DistrettoModule *module;
  g_autoptr(DistrettoViewRequest) request = NULL;
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GdkContentFormats) formats = NULL;
  g_autofree char *table = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture->window == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  module = distretto_plugin_engine_find_module (fixture->engine, "servitization");
  request = distretto_window_create_view_request (fixture->window, module);
  chart = distretto_view_build ("ranking", request, &error);
  g_assert_no_error (error);

  content = distretto_window_export_create_clipboard_content (chart, 800, 600);
  formats = gdk_content_provider_ref_formats (content);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));

  table = distretto_chart_dup_tidy_table (chart, '\t');
  g_assert_true (g_str_has_prefix (table, "region\tname\tindicator\tyear\tvalue\tflag\trank\tgroup\tlower\tupper\tsource\n"));
  g_assert_null (strchr (table, ','));
}

/* The window's report: the region's PDF, one page per module at least. */
static void
test_window_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (fixture->window == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  path = g_build_filename (fixture->dir, "report-ITH3.pdf", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (distretto_window_export_write_report (fixture->window, "ITH3", file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (length > 1000 && memcmp (contents, "%PDF-", 5) == 0);

  g_assert_false (distretto_window_export_write_report (fixture->window, "XX99", file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/Distretto/ExportDialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("preview-is-the-file", test_preview_is_the_file);
  ADD ("overwrite-asks", test_overwrite_asks);
  ADD ("copy-content", test_copy_content);
  ADD ("window-report", test_window_report);
#undef ADD

  return g_test_run ();
}
