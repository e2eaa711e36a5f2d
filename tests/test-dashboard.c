/* test-dashboard.c: the policymaker's path through the window, under a
 * real display (Xvfb in CI): the region picker, the region page and its
 * peers, the level and year, the keyboard, the data table, the weights
 * and what is remembered, files dropped and given on the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "distretto-application.h"
#include "distretto-chart-view.h"
#include "distretto-data-table.h"
#include "distretto-demo.h"
#include "distretto-plugin-engine.h"
#include "distretto-region-page.h"
#include "distretto-region-picker.h"
#include "distretto-weights-page.h"
#include "distretto-window.h"
#include "distretto-test-ui.h"

static DistrettoPluginEngine *engine;

/* A window on the demo dataset, shown, with its chart drawn. */
static DistrettoWindow *
new_demo_window (void)
{
  DistrettoWindow *window = distretto_test_new_demo_window (engine);

  g_assert_true (distretto_test_wait_for_chart (window));

  return window;
}

static void
select_module (DistrettoWindow *window,
               const char      *title)
{
  distretto_test_select_row (distretto_window_get_modules_list (window), title);
  /* Its chart is computed in a thread. */
  g_assert_true (distretto_test_wait_for_chart (window));
}

static gboolean
window_is_idle (gpointer data)
{
  return !distretto_window_is_busy (data);
}

static DistrettoChart *
shown_chart (DistrettoWindow *window)
{
  return distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (distretto_window_get_chart_view (window)));
}

/* Types @text in the picker opened with Ctrl+F's action and presses
 * Enter; returns the first region it offered. */
static char *
pick_region (DistrettoWindow *window,
             const char      *text)
{
  DistrettoRegionPicker *picker = DISTRETTO_REGION_PICKER (distretto_window_get_region_picker (window));
  GtkEditable *entry = distretto_region_picker_get_entry (picker);
  GListModel *results = distretto_region_picker_get_results (picker);
  g_autoptr(DistrettoRegion) first = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-region", NULL));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (picker)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) || gtk_widget_is_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_get_focus_child (GTK_WIDGET (entry)) != NULL);

  gtk_editable_set_text (entry, text);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  first = g_list_model_get_item (results, 0);

  g_signal_emit_by_name (entry, "activate");
  distretto_test_run_for (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_true (distretto_test_wait_for_chart (window));

  return g_strdup (distretto_region_get_code (first));
}

/* Typing "Venet" finds Veneto, and Enter picks it: selected in the
 * ranking, first in the picker whatever the level filter says. */
static void
test_picker (void)
{
  DistrettoWindow *window;
  DistrettoRegionPicker *picker;
  GListModel *results;
  g_autofree char *picked = NULL;
  DistrettoChart *chart;

  if (!distretto_test_setup_display (&engine))
    return;

  window = new_demo_window ();
  select_module (window, "Territorial servitization");
  picker = DISTRETTO_REGION_PICKER (distretto_window_get_region_picker (window));
  results = distretto_region_picker_get_results (picker);

  /* Names in the national language and codes: "Ελλάδα" is not in the
   * demo, but Andalucía is found without its accent, and by code. */
  gtk_editable_set_text (distretto_region_picker_get_entry (picker), "andalucia");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  gtk_editable_set_text (distretto_region_picker_get_entry (picker), "ith3");
  /* ITH3 and its districts ITH32, ITH33, ITH34. */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 4);
  distretto_region_picker_set_filter (picker, 3, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  distretto_region_picker_set_filter (picker, -1, "ES");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  distretto_region_picker_set_filter (picker, -1, NULL);
  gtk_editable_set_text (distretto_region_picker_get_entry (picker), "");

  picked = pick_region (window, "Venet");
  g_assert_cmpstr (picked, ==, "ITH3");
  g_assert_cmpstr (distretto_window_get_selected_region (window), ==, "ITH3");

  chart = shown_chart (window);
  g_assert_cmpint (distretto_chart_get_kind (chart), ==, DISTRETTO_CHART_KIND_RANKING);
  g_assert_cmpstr (distretto_chart_get_selected (chart), ==, "ITH3");

  distretto_test_run_for (300);
  distretto_test_screenshot (GTK_WIDGET (window), "picker");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
region_page_loaded (gpointer data)
{
  return !distretto_region_page_is_loading (data);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* Veneto's page: its rank among the 127 NUTS 2 regions of the demo, five
 * peers, a line for every module, sentences; "Compare with Peers" puts
 * it and its peers in the trend. */
static void
test_region_page (void)
{
  DistrettoWindow *window;
  DistrettoRegionPage *page;
  g_autofree char *picked = NULL;
  const char *rank;
  const char * const *peers;
  DistrettoChart *trend;

  if (!distretto_test_setup_display (&engine))
    return;

  window = new_demo_window ();
  select_module (window, "Territorial servitization");
  picked = pick_region (window, "Venet");
  adw_view_stack_set_visible_child_name (distretto_window_get_view_stack (window), "region");

  page = DISTRETTO_REGION_PAGE (distretto_window_get_region_page (window));
  g_assert_true (distretto_test_wait_until (region_page_loaded, page));
  g_assert_cmpstr (distretto_region_page_get_region (page), ==, "ITH3");

  rank = gtk_label_get_text (distretto_region_page_get_rank_label (page));
  g_test_message ("rank: %s", rank);
  /* "29th of 127", then its interval when the method varies. */
  g_assert_nonnull (strstr (rank, " of 127"));

  g_assert_cmpuint (count_rows (distretto_region_page_get_peers_list (page)), ==, 5);
  peers = distretto_region_page_get_peers (page);
  g_assert_cmpuint (g_strv_length ((char **) peers), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpint (distretto_nuts_code_get_level (peers[i]), ==, 2);
      g_assert_cmpstr (peers[i], !=, "ITH3");
    }

  /* Five modules, each with a line. */
  g_assert_cmpuint (count_rows (distretto_region_page_get_modules_list (page)), ==, 5);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (distretto_region_page_get_sentences_label (page)),
                                   "• Veneto ranks "));

  distretto_test_run_for (300);
  distretto_test_screenshot (GTK_WIDGET (window), "region-page");

  /* The region and its peers become the comparison: the trend draws
   * the six. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-peers", NULL));
  gtk_drop_down_set_selected (distretto_window_get_view_dropdown (window), 1);
  g_assert_true (distretto_test_wait_for_chart (window));
  trend = shown_chart (window);
  g_assert_cmpint (distretto_chart_get_kind (trend), ==, DISTRETTO_CHART_KIND_TREND);
  g_assert_cmpstr (distretto_chart_get_line_code (trend, 0), ==, "ITH3");
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (distretto_chart_get_line_code (trend, i + 1), ==, peers[i]);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Vicenza picked at NUTS 2 shows as Veneto; at NUTS 3 it is Vicenza's
 * district that is selected, among the eight districts of the demo (the
 * industrial-structure module reads the regional accounts, published
 * down to NUTS 3). */
static void
test_level_keeps_district (void)
{
  DistrettoWindow *window;
  GtkDropDown *levels;
  g_autofree char *picked = NULL;
  DistrettoChart *chart;
  guint nuts3 = GTK_INVALID_LIST_POSITION;

  if (!distretto_test_setup_display (&engine))
    return;

  window = new_demo_window ();
  select_module (window, "Industrial structure (Mark 3 districts)");
  picked = pick_region (window, "Vicenza");
  g_assert_cmpstr (picked, ==, "ITH32");

  chart = shown_chart (window);
  g_assert_cmpstr (distretto_chart_get_subtitle (chart), ==, "NUTS 2 regions, 2023");
  g_assert_cmpstr (distretto_chart_get_selected (chart), ==, "ITH3");

  levels = distretto_window_get_level_dropdown (window);
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (levels)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_object (gtk_drop_down_get_model (levels), i);

      if (g_str_equal (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), "NUTS 3"))
        nuts3 = i;
    }
  g_assert_cmpuint (nuts3, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (levels, nuts3);
  g_assert_true (distretto_test_wait_for_chart (window));

  chart = shown_chart (window);
  g_assert_cmpstr (distretto_chart_get_subtitle (chart), ==, "NUTS 3 regions, 2023");
  g_assert_cmpuint (distretto_chart_get_n_bars (chart), ==, 8);
  g_assert_cmpstr (distretto_chart_get_selected (chart), ==, "ITH32");
  g_assert_cmpstr (distretto_window_get_selected_region (window), ==, "ITH32");

  /* The year follows too: 2019, with the level kept. */
  {
    GtkDropDown *years = distretto_window_get_year_dropdown (window);

    for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (years)); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_object (gtk_drop_down_get_model (years), i);

        if (g_str_equal (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), "2019"))
          gtk_drop_down_set_selected (years, i);
      }
    g_assert_true (distretto_test_wait_for_chart (window));
    g_assert_cmpstr (distretto_chart_get_subtitle (shown_chart (window)), ==, "NUTS 3 regions, 2019");
    g_assert_cmpstr (distretto_chart_get_selected (shown_chart (window)), ==, "ITH32");
  }

  distretto_test_run_for (300);
  distretto_test_screenshot (GTK_WIDGET (window), "level-nuts3");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
send_key (GtkWidget *widget,
          guint      keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);

  return handled;
}

/* The chart takes the focus; Down and Up move the selection through the
 * ranking; Enter opens the region's page; the accessible description
 * says what is selected. */
static void
test_arrow_keys (void)
{
  DistrettoWindow *window;
  GtkWidget *chart_view;
  DistrettoChart *chart;
  g_autofree char *description = NULL;

  if (!distretto_test_setup_display (&engine))
    return;

  window = new_demo_window ();
  select_module (window, "Territorial servitization");
  chart_view = distretto_window_get_chart_view (window);
  chart = shown_chart (window);

  g_assert_true (gtk_widget_get_focusable (chart_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-chart", NULL));
  g_assert_true (gtk_widget_has_focus (chart_view));
  g_assert_null (distretto_chart_get_selected (chart));

  g_assert_true (send_key (chart_view, GDK_KEY_Down));
  g_assert_cmpstr (distretto_chart_get_selected (chart), ==, distretto_chart_get_bar_code (chart, 0));
  g_assert_true (send_key (chart_view, GDK_KEY_Down));
  g_assert_true (send_key (chart_view, GDK_KEY_Down));
  g_assert_cmpstr (distretto_chart_get_selected (chart), ==, distretto_chart_get_bar_code (chart, 2));
  g_assert_true (send_key (chart_view, GDK_KEY_Up));
  g_assert_cmpstr (distretto_chart_get_selected (chart), ==, distretto_chart_get_bar_code (chart, 1));
  g_assert_cmpstr (distretto_window_get_selected_region (window), ==, distretto_chart_get_bar_code (chart, 1));
  g_assert_true (send_key (chart_view, GDK_KEY_End));
  g_assert_cmpstr (distretto_chart_get_selected (chart), ==, distretto_chart_get_bar_code (chart, 126));

  /* "… 127 regions. Highest: …, Lowest: …. Selected: …, rank 127." */
  description = distretto_chart_view_dup_description (DISTRETTO_CHART_VIEW (chart_view));
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "127 regions. Highest: "));
  g_assert_nonnull (strstr (description, ", rank 127."));

  g_assert_true (send_key (chart_view, GDK_KEY_Home));
  g_assert_true (send_key (chart_view, GDK_KEY_Return));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (distretto_window_get_view_stack (window)), ==, "region");
  g_assert_cmpstr (distretto_window_get_selected_region (window), ==, distretto_chart_get_bar_code (chart, 0));
  g_assert_true (distretto_test_wait_until (region_page_loaded, distretto_window_get_region_page (window)));
  /* Its interval, when the method varies, follows. */
  g_assert_true (g_str_has_prefix (gtk_label_get_text (distretto_region_page_get_rank_label (
                   DISTRETTO_REGION_PAGE (distretto_window_get_region_page (window)))), "1st of 127"));

  distretto_test_run_for (300);
  distretto_test_screenshot (GTK_WIDGET (window), "arrow-keys");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Data page: the ranking's 127 rows with their flags, sorted by a
 * column; Ctrl+C (the table's own action) copies it as TSV. */
static void
test_data_table (void)
{
  DistrettoWindow *window;
  DistrettoDataTable *table;
  GListModel *columns;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!distretto_test_setup_display (&engine))
    return;

  window = new_demo_window ();
  select_module (window, "Territorial servitization");
  adw_view_stack_set_visible_child_name (distretto_window_get_view_stack (window), "data");
  table = DISTRETTO_DATA_TABLE (distretto_window_get_data_table (window));
  g_assert_true (distretto_data_table_get_chart (table) == shown_chart (window));
  g_assert_cmpuint (g_list_model_get_n_items (distretto_data_table_get_rows (table)), ==, 127);

  text = distretto_data_table_dup_text (table);
  lines = g_strsplit (text, "\n", -1);
  /* The last column says what the method did to the value. */
  g_assert_cmpstr (lines[0], ==, "Rank\tCode\tRegion\tValue\tGroup\tLowest\tHighest\tFlags\tNote");
  g_assert_true (g_str_has_prefix (lines[1], "1\t"));
  /* Every value of the demo is synthetic. */
  {
    g_auto(GStrv) cells = g_strsplit (lines[1], "\t", -1);

    g_assert_cmpuint (g_strv_length (cells), ==, 9);
    g_assert_nonnull (strstr (cells[7], "synthetic"));
  }
  g_assert_cmpuint (g_strv_length (lines), ==, 127 + 2);

  /* Sorted by region name, A first. */
  columns = gtk_column_view_get_columns (distretto_data_table_get_column_view (table));
  {
    g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 2);
    g_autofree char *sorted = NULL;
    g_auto(GStrv) sorted_lines = NULL;

    gtk_column_view_sort_by_column (distretto_data_table_get_column_view (table), name, GTK_SORT_ASCENDING);
    sorted = distretto_data_table_dup_text (table);
    sorted_lines = g_strsplit (sorted, "\n", -1);
    g_assert_cmpstr (sorted_lines[0], ==, lines[0]);
    g_assert_nonnull (strstr (sorted_lines[1], "\tAbruzzo\t"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.copy", NULL));

  distretto_test_run_for (300);
  distretto_test_screenshot (GTK_WIDGET (window), "data-table");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  DistrettoWindow *window;
  DistrettoChart *before;
} ChartWait;

static gboolean
new_chart_shown (gpointer data)
{
  ChartWait *wait = data;

  return shown_chart (wait->window) != wait->before && !distretto_window_is_busy (wait->window);
}

static double
bar_value_of (DistrettoChart *chart,
              const char     *code)
{
  for (guint i = 0; i < distretto_chart_get_n_bars (chart); i++)
    if (g_str_equal (distretto_chart_get_bar_code (chart, i), code))
      return distretto_chart_get_bar_value (chart, i);
  return NAN;
}

/* A slider doubles the manufacturing base's weight: the ranking is
 * computed again off the main loop and marked; a new window (a restart,
 * the memory backend kept) has the same weight and the same ranking. */
static void
test_weights (void)
{
  DistrettoWindow *window;
  DistrettoWeightsPage *page;
  GtkRange *scale;
  ChartWait wait;
  DistrettoChart *changed;
  double before, after;

  if (!distretto_test_setup_display (&engine))
    return;

  window = new_demo_window ();
  select_module (window, "Territorial servitization");
  wait.window = window;
  wait.before = shown_chart (window);
  before = bar_value_of (wait.before, "ITH3");

  adw_view_stack_set_visible_child_name (distretto_window_get_view_stack (window), "weights");
  g_assert_true (distretto_test_wait_until (window_is_idle, window));
  page = DISTRETTO_WEIGHTS_PAGE (distretto_window_get_weights_page (window));
  scale = distretto_weights_page_get_scale (page, 0);
  g_assert_nonnull (scale);
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 1.0);
  /* Nominal and effective weights under each pillar. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (distretto_weights_page_get_row (page, 0)), "effective"));

  wait.before = shown_chart (window);
  gtk_range_set_value (scale, 3.0);
  g_assert_true (distretto_test_wait_until (new_chart_shown, &wait));
  changed = shown_chart (window);
  after = bar_value_of (changed, "ITH3");
  g_test_message ("ITH3: %f with the module's weights, %f with the base weighing 3", before, after);
  g_assert_cmpfloat (fabs (after - before), >, 1e-6);
  g_assert_nonnull (strstr (distretto_chart_get_subtitle (changed), "changed weights"));
  g_assert_nonnull (strstr (distretto_chart_get_notes (changed), "Manufacturing base 3 (module: 1)"));
  /* Nominal 3/5 = 60 %. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (distretto_weights_page_get_row (page, 0)),
                                   "Nominal 60 %"));
  distretto_test_screenshot (GTK_WIDGET (window), "weights");
  gtk_window_destroy (GTK_WINDOW (window));

  /* The next start: the same weight, the same ranking. */
  window = new_demo_window ();
  g_assert_cmpstr (distretto_chart_get_title (shown_chart (window)), ==, "Territorial servitization");
  g_assert_nonnull (strstr (distretto_chart_get_subtitle (shown_chart (window)), "changed weights"));
  g_assert_cmpfloat_with_epsilon (bar_value_of (shown_chart (window), "ITH3"), after, 1e-9);
  page = DISTRETTO_WEIGHTS_PAGE (distretto_window_get_weights_page (window));
  g_assert_cmpfloat (gtk_range_get_value (distretto_weights_page_get_scale (page, 0)), ==, 3.0);

  /* Reset: the module's weights again. */
  wait.window = window;
  wait.before = shown_chart (window);
  adw_view_stack_set_visible_child_name (distretto_window_get_view_stack (window), "weights");
  g_assert_true (distretto_test_wait_until (window_is_idle, window));
  wait.before = shown_chart (window);
  for (guint i = 0; distretto_weights_page_get_scale (page, i) != NULL; i++)
    gtk_range_set_value (distretto_weights_page_get_scale (page, i), 1.0);
  g_assert_true (distretto_test_wait_until (new_chart_shown, &wait));
  g_assert_cmpfloat_with_epsilon (bar_value_of (shown_chart (window), "ITH3"), before, 1e-9);
  g_assert_null (strstr (distretto_chart_get_subtitle (shown_chart (window)), "changed weights"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
write_employment (const char *dir)
{
  char *path = g_build_filename (dir, "employment.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path,
                       "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,age,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
                       "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,TOTAL,Y15-64,T,ITH3,2022,2000,\n"
                       "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,J,Y15-64,T,ITH3,2022,100,\n"
                       "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,M_N,Y15-64,T,ITH3,2022,200,\n"
                       "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,C,Y15-64,T,ITH3,2022,600,\n"
                       "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,TOTAL,Y15-64,T,ES52,2022,1800,\n"
                       "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,J,Y15-64,T,ES52,2022,30,\n"
                       "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,M_N,Y15-64,T,ES52,2022,60,\n"
                       "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,C,Y15-64,T,ES52,2022,200,\n",
                       -1, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
has_two_bars (gpointer data)
{
  DistrettoChart *chart = shown_chart (data);

  return !distretto_window_is_busy (data) && chart != NULL && distretto_chart_get_n_bars (chart) == 2;
}

/* A file dropped on the window is imported: the demo's banner goes, the
 * ranking has the file's two regions; at the next start the file is read
 * again; moved away, it is left out and the demo comes back. */
static void
test_drop_and_restore (void)
{
  DistrettoWindow *window;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("distretto-dashboard-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = NULL;
  GListModel *controllers;
  GtkDropTarget *target = NULL;
  GSList *list;
  GdkFileList *files;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  if (!distretto_test_setup_display (&engine))
    return;

  g_assert_no_error (error);
  path = write_employment (dir);
  file = g_file_new_for_path (path);

  window = new_demo_window ();
  select_module (window, "Territorial servitization");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (distretto_window_get_demo_banner (window))));

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);

  list = g_slist_prepend (NULL, file);
  files = gdk_file_list_new_from_list (list);
  g_slist_free (list);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);

  g_assert_true (distretto_test_wait_until (has_two_bars, window));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (distretto_window_get_demo_banner (window))));
  g_assert_null (strstr (distretto_chart_get_source (shown_chart (window)), "synthetic"));
  distretto_test_screenshot (GTK_WIDGET (window), "drop");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Remembered, in Recent Files too. */
  settings = g_settings_new ("io.github.distretto.Distretto");
  g_assert_true (distretto_window_has_files_to_restore (settings));
  {
    g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-files");

    g_assert_cmpstr (recent[0], ==, path);
  }

  /* The next start reads it again, the window first. */
  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), NULL);
  gtk_window_present (GTK_WINDOW (window));
  distretto_window_restore_files (window);
  g_assert_true (distretto_test_wait_until (has_two_bars, window));
  g_assert_cmpstr (distretto_chart_get_title (shown_chart (window)), ==, "Territorial servitization");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Moved: nothing to read, the saved files stay named for the notice. */
  moved = g_build_filename (dir, "moved.csv", NULL);
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_assert_true (distretto_window_has_saved_files (settings));
  g_assert_false (distretto_window_has_files_to_restore (settings));
  window = new_demo_window ();
  distretto_window_restore_files (window);
  g_assert_true (distretto_test_wait_for_chart (window));
  g_assert_cmpuint (distretto_chart_get_n_bars (shown_chart (window)), ==, 127);
  g_assert_false (distretto_window_has_saved_files (settings));
  distretto_test_screenshot (GTK_WIDGET (window), "restore-moved");
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (moved);
  g_rmdir (dir);
}

static gboolean
quit_when_loaded (gpointer data)
{
  GApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  DistrettoDataset *dataset;

  if (window == NULL || distretto_window_is_busy (DISTRETTO_WINDOW (window)))
    return G_SOURCE_CONTINUE;

  /* The file's two regions and its one source, not the demo. */
  dataset = distretto_window_get_dataset (DISTRETTO_WINDOW (window));
  if (dataset != NULL && distretto_dataset_get_n_sources (dataset) == 1 &&
      distretto_dataset_get_region (dataset, "ES52") != NULL &&
      distretto_dataset_get_region (dataset, "FI1D") == NULL)
    {
      g_object_set_data (G_OBJECT (app), "loaded", GINT_TO_POINTER (TRUE));
      distretto_test_screenshot (GTK_WIDGET (window), "command-line");
      gtk_window_destroy (window);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
give_up (gpointer data)
{
  g_object_set_data (data, "timeout", GINT_TO_POINTER (TRUE));
  g_application_quit (data);
  return G_SOURCE_REMOVE;
}

/* `distretto --data FILE` opens the file in the window. */
static void
test_command_line (void)
{
  g_autoptr(DistrettoApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("distretto-dashboard-XXXXXX", &error);
  g_autofree char *path = NULL;
  char *argv[4];
  guint poll, timeout;

  if (!distretto_test_setup_display (&engine))
    return;

  g_assert_no_error (error);
  path = write_employment (dir);

  app = distretto_application_new ();
  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  argv[0] = (char *) "distretto";
  argv[1] = (char *) "--data";
  argv[2] = path;
  argv[3] = NULL;
  poll = g_timeout_add (50, quit_when_loaded, app);
  timeout = g_timeout_add_seconds (60, give_up, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_source_remove (poll);
  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "timeout")))
    g_source_remove (timeout);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "loaded")));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Dashboard/picker", test_picker);
  g_test_add_func ("/Distretto/Dashboard/region-page", test_region_page);
  g_test_add_func ("/Distretto/Dashboard/level-keeps-district", test_level_keeps_district);
  g_test_add_func ("/Distretto/Dashboard/arrow-keys", test_arrow_keys);
  g_test_add_func ("/Distretto/Dashboard/data-table", test_data_table);
  g_test_add_func ("/Distretto/Dashboard/weights", test_weights);
  g_test_add_func ("/Distretto/Dashboard/drop-and-restore", test_drop_and_restore);
  g_test_add_func ("/Distretto/Dashboard/command-line", test_command_line);

  status = g_test_run ();
  g_clear_object (&engine);
  return status;
}
