/* distretto-test-ui.h: what the window tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <string.h>

#include "distretto-demo.h"
#include "distretto-plugin-engine.h"
#include "distretto-window.h"

/* Waits until @widget is mapped and allocated, then lets a frame draw. */
static inline gboolean
distretto_test_wait_for_widget (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline &&
         (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0))
    g_main_context_iteration (NULL, FALSE);

  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  return gtk_widget_get_mapped (widget);
}

/* Runs the main loop until @done says so, at most 2 minutes (a region
 * page computes every module, slowly under ASan on a busy machine);
 * never blocks, so a failure cannot hang the test. */
static inline gboolean
distretto_test_wait_until (gboolean    (*done) (gpointer data),
                           gpointer      data)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline && !done (data))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);

  return done (data);
}

static inline gboolean
distretto_test_window_is_idle_ (gpointer window)
{
  return !distretto_window_is_busy (window);
}

/* Runs the main loop until @window computes and reads nothing: the
 * charts asked for are shown (they are computed in worker threads). */
static inline gboolean
distretto_test_wait_for_chart (DistrettoWindow *window)
{
  return distretto_test_wait_until (distretto_test_window_is_idle_, window);
}

/* Lets the main loop run for @ms milliseconds: layout and drawing. */
static inline void
distretto_test_run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Every key of the app's schema back to its default: each test starts as
 * a first run (the memory backend lives as long as the process). */
static inline void
distretto_test_reset_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, "io.github.distretto.Distretto", TRUE);
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (schema);
  settings = g_settings_new_full (schema, NULL, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* GTK and libadwaita with the settings at their defaults, and the first
 * time, *@engine with every plugin loaded: %FALSE, the test skipped,
 * without a display. */
static inline gboolean
distretto_test_setup_display (DistrettoPluginEngine **engine)
{
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return FALSE;
    }
  adw_init ();
  distretto_test_reset_settings ();

  if (*engine == NULL)
    {
      *engine = distretto_plugin_engine_new ();
      distretto_plugin_engine_load_all (*engine);
    }

  return TRUE;
}

/* A window on a demo dataset of its own (nothing computed for it is
 * cached yet) with @engine's modules, 1200×900, shown and drawn. */
static inline DistrettoWindow *
distretto_test_new_demo_window (DistrettoPluginEngine *engine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (&error);
  DistrettoWindow *window;

  g_assert_no_error (error);
  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), dataset);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (window)));

  return window;
}

/* Writes what @widget draws to the test log directory, as
 * screenshots/@name.png, for a person to look at. */
static inline void
distretto_test_screenshot (GtkWidget  *widget,
                           const char *name)
{
  const char *dir = g_getenv ("DISTRETTO_TEST_LOG_DIR");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  cairo_t *cr;

  if (dir == NULL || w <= 0 || h <= 0)
    return;

  /* What is pending drawn first. */
  distretto_test_run_for (300);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);

  folder = g_build_filename (dir, "screenshots", NULL);
  g_mkdir_with_parents (folder, 0755);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (folder, file, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_test_message ("screenshot: %s", path);
}

/* The first descendant of @root for which @match is true, depth first. */
static inline GtkWidget *
distretto_test_find_widget (GtkWidget     *root,
                            gboolean     (*match) (GtkWidget *widget, gconstpointer data),
                            gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = distretto_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every label's text under @root, one per line. */
static inline void
distretto_test_collect_labels (GtkWidget *root,
                               GString   *text)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    distretto_test_collect_labels (child, text);
}

/* The title of a row of a list of labels, such as the modules list. */
static inline const char *
distretto_test_row_title (GtkListBoxRow *row)
{
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row)));
}

/* Selects the row of @list titled @title. */
static inline void
distretto_test_select_row (GtkListBox *list,
                           const char *title)
{
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    if (g_str_equal (distretto_test_row_title (gtk_list_box_get_row_at_index (list, i)), title))
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, i));
}
