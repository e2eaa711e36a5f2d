/* test-window-compute.c: the window never waits for a module's compute
 *
 * tests/plugins/slow-compute is a Python plugin, loaded through libpeas,
 * whose compute waits until this program creates its release file. The
 * window must keep drawing meanwhile, say after a moment that the chart
 * is being computed, stop waiting when asked, show other modules, and
 * drop what the stopped computation gives once it ends, even after the
 * window has closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "distretto-chart-view.h"
#include "distretto-demo.h"
#include "distretto-plugin-engine.h"
#include "distretto-window.h"
#include "distretto-test-ui.h"

#define SLOW_TITLE "Slow computation"
#define OTHER_TITLE "Territorial servitization"

static DistrettoPluginEngine *engine;
static char *release_path;  /* the slow compute returns once it exists */
static char *done_path;     /* a line per compute that returned */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
setup_display (void)
{
  if (!distretto_test_setup_display (&engine))
    return FALSE;
  g_assert_nonnull (distretto_plugin_engine_find_module (engine, "slow_compute"));

  return TRUE;
}

static const char *
row_title (GtkListBoxRow *row)
{
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row)));
}

static void
select_module (DistrettoWindow *window,
               const char      *title)
{
  GtkListBox *list = distretto_window_get_modules_list (window);
  gboolean found = FALSE;

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    if (g_str_equal (row_title (gtk_list_box_get_row_at_index (list, i)), title))
      {
        gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, i));
        found = TRUE;
      }
  g_assert_true (found);
}

static DistrettoChart *
shown_chart (DistrettoWindow *window)
{
  return distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (distretto_window_get_chart_view (window)));
}

static const char *
shown_title (DistrettoWindow *window)
{
  DistrettoChart *chart = shown_chart (window);

  return chart != NULL ? distretto_chart_get_title (chart) : NULL;
}

static gboolean
is_mapped_button (GtkWidget     *widget,
                  gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The button labelled @label, if it is on screen. */
static GtkWidget *
find_button (DistrettoWindow *window,
             const char      *label)
{
  return distretto_test_find_widget (GTK_WIDGET (window), is_mapped_button, label);
}

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
shows_label (DistrettoWindow *window,
             const char      *text)
{
  return distretto_test_find_widget (GTK_WIDGET (window), is_mapped_label, text) != NULL;
}

static gboolean
stop_shown (gpointer data)
{
  return find_button (data, "_Stop") != NULL;
}

typedef struct
{
  DistrettoWindow *window;
  const char *title;
} ChartWait;

/* The chart of @title is drawn and nothing is computed any more. */
static gboolean
chart_shown (gpointer data)
{
  ChartWait *wait = data;

  return !distretto_window_is_busy (wait->window) && g_strcmp0 (shown_title (wait->window), wait->title) == 0 &&
         gtk_widget_get_mapped (distretto_window_get_chart_view (wait->window));
}

static guint
count_done (void)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  if (!g_file_get_contents (done_path, &contents, NULL, NULL))
    return 0;
  for (const char *p = contents; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static gboolean
computes_returned (gpointer data)
{
  return count_done () >= GPOINTER_TO_UINT (data);
}

static void
release_computes (void)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (release_path, "", 0, &error);
  g_assert_no_error (error);
}

static gboolean
tick_cb (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* The shortcut of the window bound to Escape. */
static GtkShortcut *
find_escape_shortcut (DistrettoWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return g_steal_pointer (&shortcut);
        }
    }

  return NULL;
}

/* What pressing Escape in the window runs. */
static gboolean
press_escape (DistrettoWindow *window)
{
  g_autoptr(GtkShortcut) shortcut = find_escape_shortcut (window);

  g_assert_nonnull (shortcut);
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                       GTK_WIDGET (window), gtk_shortcut_get_arguments (shortcut));
}

/* A slow module: the window goes on, shows Still Computing… with Stop,
 * stops on Stop and on Escape, shows another module meanwhile, and
 * drops what the stopped computation gives; the module's result, cached
 * once it ends, serves the next request. */
static void
test_stop_and_switch (void)
{
  g_autofree char *computing = NULL;
  ChartWait wait;
  DistrettoWindow *window;
  guint ticks = 0, tick_id;

  if (!setup_display ())
    return;

  window = distretto_test_new_demo_window (engine);
  select_module (window, OTHER_TITLE);
  wait = (ChartWait) { window, OTHER_TITLE };
  g_assert_true (distretto_test_wait_until (chart_shown, &wait));
  g_assert_false (press_escape (window));

  tick_id = g_timeout_add (10, tick_cb, &ticks);
  select_module (window, SLOW_TITLE);

  /* The request is under way; the chart shown stays for a moment. */
  g_assert_true (distretto_window_is_busy (window));
  g_assert_cmpstr (shown_title (window), ==, OTHER_TITLE);
  g_assert_true (gtk_widget_get_mapped (distretto_window_get_chart_view (window)));
  g_assert_null (find_button (window, "_Stop"));

  /* Then the Computing page, while the main loop runs on. */
  g_assert_true (distretto_test_wait_until (stop_shown, window));
  g_assert_cmpuint (ticks, >, 0);
  g_assert_cmpuint (count_done (), ==, 0);
  g_assert_true (distretto_window_is_busy (window));
  g_assert_true (shows_label (window, "Still Computing…"));
  computing = g_strdup_printf ("%s is computing the chart “%s”.", SLOW_TITLE,
                               gtk_string_object_get_string (gtk_drop_down_get_selected_item (
                                 distretto_window_get_view_dropdown (window))));
  g_assert_true (shows_label (window, computing));
  distretto_test_screenshot (GTK_WIDGET (window), "window-computing");

  /* Stop: the window stops waiting; the plugin still runs. */
  g_signal_emit_by_name (find_button (window, "_Stop"), "clicked");
  distretto_test_run_for (50);
  g_assert_false (distretto_window_is_busy (window));
  g_assert_true (shows_label (window, "Computation Stopped"));
  g_assert_nonnull (find_button (window, "_Try Again"));
  g_assert_null (find_button (window, "_Stop"));
  g_assert_cmpuint (count_done (), ==, 0);
  distretto_test_screenshot (GTK_WIDGET (window), "window-stopped");

  /* Try Again says at once that it computes; Escape stops it too. */
  g_signal_emit_by_name (find_button (window, "_Try Again"), "clicked");
  g_assert_true (distretto_window_is_busy (window));
  g_assert_true (distretto_test_wait_until (stop_shown, window));
  g_assert_true (press_escape (window));
  distretto_test_run_for (50);
  g_assert_false (distretto_window_is_busy (window));
  g_assert_true (shows_label (window, "Computation Stopped"));

  /* Another module shows while the stopped one still runs. */
  select_module (window, OTHER_TITLE);
  g_assert_true (distretto_test_wait_until (chart_shown, &wait));
  g_assert_cmpuint (count_done (), ==, 0);

  /* The stopped computation ends: its chart does not replace this one. */
  release_computes ();
  g_assert_true (distretto_test_wait_until (computes_returned, GUINT_TO_POINTER (1)));
  distretto_test_run_for (500);
  g_assert_cmpstr (shown_title (window), ==, OTHER_TITLE);
  g_assert_true (gtk_widget_get_mapped (distretto_window_get_chart_view (window)));
  g_assert_false (distretto_window_is_busy (window));

  /* Its result was kept: the module shows without computing again. */
  select_module (window, SLOW_TITLE);
  wait.title = SLOW_TITLE;
  g_assert_true (distretto_test_wait_until (chart_shown, &wait));
  g_assert_cmpuint (count_done (), ==, 1);

  g_source_remove (tick_id);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (release_path);
}

static void
on_finalized (gpointer  data,
              GObject  *where)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* A window closed while its chart is computed goes at once; the
 * computation ends in its thread, and what it made (holding the
 * window's dataset) is dropped then. */
static void
test_closed_while_computing (void)
{
  DistrettoWindow *window;
  gboolean window_gone = FALSE, dataset_gone = FALSE;
  guint done_before = count_done ();

  if (!setup_display ())
    return;

  window = distretto_test_new_demo_window (engine);
  g_object_weak_ref (G_OBJECT (window), on_finalized, &window_gone);
  g_object_weak_ref (G_OBJECT (distretto_window_get_dataset (window)), on_finalized, &dataset_gone);
  select_module (window, SLOW_TITLE);
  g_assert_true (distretto_test_wait_until (stop_shown, window));
  g_assert_cmpuint (count_done (), ==, done_before);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (window_gone);
  g_assert_false (dataset_gone);

  release_computes ();
  g_assert_true (distretto_test_wait_until (computes_returned, GUINT_TO_POINTER (done_before + 1)));
  g_assert_true (distretto_test_wait_until (is_true, &dataset_gone));

  g_unlink (release_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *plugin_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *state = NULL;
  int status;

  /* Before the Python loader starts: it reads the environment once. */
  dir = g_dir_make_tmp ("distretto-compute-XXXXXX", &error);
  g_assert_no_error (error);
  /* Plugin-call notes of this program's own, before GLib reads them: a
   * run that failed in the slow compute must not leave the plugin off
   * for the next. */
  state = g_build_filename (dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  g_test_init (&argc, &argv, NULL);

  release_path = g_build_filename (dir, "release", NULL);
  done_path = g_build_filename (dir, "done", NULL);
  g_setenv ("DISTRETTO_TEST_SLOW_RELEASE", release_path, TRUE);
  g_setenv ("DISTRETTO_TEST_SLOW_DONE", done_path, TRUE);
  /* A bound for a test that failed to release it, not a measure. */
  g_setenv ("DISTRETTO_TEST_SLOW_SECONDS", "120", TRUE);
  plugin_dir = g_test_build_filename (G_TEST_DIST, "plugins", "slow-compute", NULL);
  path = g_strconcat (g_getenv ("DISTRETTO_PLUGIN_PATH"), G_SEARCHPATH_SEPARATOR_S, plugin_dir, NULL);
  g_setenv ("DISTRETTO_PLUGIN_PATH", path, TRUE);

  g_test_add_func ("/Distretto/WindowCompute/stop-and-switch", test_stop_and_switch);
  g_test_add_func ("/Distretto/WindowCompute/closed-while-computing", test_closed_while_computing);

  status = g_test_run ();

  g_clear_object (&engine);
  remove_tree (dir);
  g_free (release_path);
  g_free (done_path);

  return status;
}
