/* test-translations.c: the window in Italian from the build tree's
 * catalogues, as under `meson devenv` (LANGUAGE=it, DISTRETTO_LOCALEDIR
 * set by tests/meson.build), the plugins' titles included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "distretto-chart-view.h"
#include "distretto-demo.h"
#include "distretto-plugin-engine.h"
#include "distretto-window.h"
#include "distretto-test-ui.h"

static void
test_italian_window (void)
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GObject) first_view = NULL;
  DistrettoWindow *window;
  GtkListBox *list;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();
  distretto_test_reset_settings ();

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  dataset = distretto_demo_dataset_load (NULL);
  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), dataset);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (window)));

  /* The window's own labels. */
  distretto_test_collect_labels (GTK_WIDGET (window), labels);
  g_test_message ("%s", labels->str);
  g_assert_nonnull (strstr (labels->str, "Indicatori\n"));
  g_assert_nonnull (strstr (labels->str, "Dati dimostrativi sintetici\n"));

  /* A C module's title and a Python module's, each from its plugin. */
  list = distretto_window_get_modules_list (window);
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    g_ptr_array_add (titles, (gpointer) distretto_test_row_title (gtk_list_box_get_row_at_index (list, i)));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Servitizzazione territoriale", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Quota di occupazione manifatturiera", g_str_equal, NULL));

  /* libdistretto's: the views. */
  first_view = g_list_model_get_object (gtk_drop_down_get_model (distretto_window_get_view_dropdown (window)), 0);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (first_view)), ==, "Classifica");

  distretto_test_screenshot (GTK_WIDGET (window), "italian");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("DISTRETTO_LOCALEDIR");

  /* As main() does. */
  setlocale (LC_ALL, "");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Translations/italian-window", test_italian_window);

  return g_test_run ();
}
