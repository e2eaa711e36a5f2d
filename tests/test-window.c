/* test-window.c: the main window under a real display (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "distretto-application.h"
#include "distretto-chart-view.h"
#include "distretto-demo.h"
#include "distretto-plugin-engine.h"
#include "distretto-window.h"
#include "distretto-test-ui.h"

/* Waits until @widget is mapped and two frames have been painted since:
 * what it draws now is in its render node. */
static gboolean
wait_for_frame (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GdkFrameClock *clock;
  gint64 start;

  if (!distretto_test_wait_for_widget (widget))
    return FALSE;

  clock = gtk_widget_get_frame_clock (widget);
  start = gdk_frame_clock_get_frame_counter (clock);
  gtk_widget_queue_draw (widget);
  while (g_get_monotonic_time () < deadline && gdk_frame_clock_get_frame_counter (clock) < start + 2)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);

  return gdk_frame_clock_get_frame_counter (clock) >= start + 2;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* Counts pixels of the chart's bar colour in what the window draws. */
static guint count_pixels (GtkWidget *widget,
                           guint32    colour);

static guint
count_bar_pixels (GtkWidget *widget)
{
  const DistrettoChartColor *bar = &distretto_chart_style_get_palette (DISTRETTO_CHART_STYLE_LIGHT)->bar;

  return count_pixels (widget, ((guint32) (bar->red * 255 + 0.5) << 16) |
                               ((guint32) (bar->green * 255 + 0.5) << 8) |
                               (guint32) (bar->blue * 255 + 0.5));
}

static guint
count_pixels (GtkWidget *widget,
              guint32    colour)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  guint count = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < h; y++)
    {
      const guint32 *line = (const guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < w; x++)
        if ((line[x] & 0xFFFFFF) == colour)
          count++;
    }

  cairo_surface_destroy (surface);
  return count;
}

static void
test_window_lists_modules (void)
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoWindow *window;
  GtkListBox *list;
  GtkListBoxRow *selected;
  GtkWidget *chart_view;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  DistrettoChart *first_chart;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();
  distretto_test_reset_settings ();

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  dataset = distretto_demo_dataset_load (&error);
  g_assert_no_error (error);

  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), dataset);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (window)));
  g_assert_true (distretto_test_wait_for_chart (window));

  list = distretto_window_get_modules_list (window);
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    g_ptr_array_add (titles, (gpointer) distretto_test_row_title (gtk_list_box_get_row_at_index (list, i)));
  /* The four bundled modules and the Python example. */
  g_assert_cmpuint (titles->len, ==, 5);
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Territorial servitization", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Regional digital adoption", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Industry 4.0+ readiness", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Industrial structure (Mark 3 districts)", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Manufacturing employment share", g_str_equal, NULL));

  /* The first module is selected and its ranking is shown. */
  selected = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (selected);
  g_assert_cmpint (gtk_list_box_row_get_index (selected), ==, 0);
  chart_view = distretto_window_get_chart_view (window);
  first_chart = distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view));
  g_assert_nonnull (first_chart);
  g_assert_cmpstr (distretto_chart_get_title (first_chart), ==, distretto_test_row_title (selected));
  g_assert_cmpuint (distretto_chart_get_n_bars (first_chart), ==, 127);

  /* What the window draws holds the bars, once laid out. */
  g_assert_true (wait_for_frame (chart_view));
  g_assert_cmpuint (count_bar_pixels (chart_view), >, 1000);

  /* Selecting the other module shows its chart. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (distretto_test_wait_for_chart (window));
  g_assert_cmpstr (distretto_chart_get_title (distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view))), ==,
                   g_ptr_array_index (titles, 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
select_module (DistrettoWindow *window,
               const char      *title)
{
  distretto_test_select_row (distretto_window_get_modules_list (window), title);
  /* Its chart is computed in a thread. */
  g_assert_true (distretto_test_wait_for_chart (window));
}

/* The header's information button shows what the selected module
 * measures, how, what it could use of the data, and the papers. */
static void
test_window_module_info (void)
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  DistrettoWindow *window;
  GtkWidget *button;
  GtkPopover *popover;

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
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (window)));
  select_module (window, "Regional digital adoption");

  button = distretto_test_find_widget (GTK_WIDGET (window), has_tooltip, "About This Indicator");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (popover)));

  distretto_test_collect_labels (gtk_popover_get_child (popover), text);
  g_test_message ("%s", text->str);
  g_assert_nonnull (strstr (text->str, "Regional digital adoption\n"));
  g_assert_nonnull (strstr (text->str, "a ranking within one country gives them weight 0"));
  g_assert_nonnull (strstr (text->str, "DA7, DA8 exist only for whole countries: each region shows its country’s value"));
  g_assert_nonnull (strstr (text->str, "Years with enough data: 2016–2023 (shown: 2023)"));
  g_assert_nonnull (strstr (text->str, "• Decision (EU) 2022/2481"));

  gtk_popover_popdown (popover);
  gtk_window_destroy (GTK_WINDOW (window));
}

static DistrettoChart *
wait_for_new_chart (GtkWidget      *chart_view,
                    DistrettoChart *old_chart)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* Not blocking: a failed import would leave nothing to wake up for. */
  while (g_get_monotonic_time () < deadline &&
         distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view)) == old_chart)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);

  return distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window))
            return ADW_MESSAGE_DIALOG (window);
        }
      g_main_context_iteration (NULL, TRUE);
    }

  return NULL;
}

static void
test_window_imports (void)
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GListStore) good_files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GListStore) bad_files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) good_file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  DistrettoWindow *window;
  GtkWidget *chart_view;
  DistrettoChart *demo_chart, *chart;
  AdwMessageDialog *dialog;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();
  distretto_test_reset_settings ();

  dir = g_dir_make_tmp ("distretto-window-XXXXXX", &error);
  g_assert_no_error (error);
  good = write_temp (dir, "employment.csv",
                     "DATAFLOW,LAST UPDATE,freq,unit,nace_r2,age,sex,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
                     "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,TOTAL,Y15-64,T,ITH3,2022,2000,\n"
                     "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,J,Y15-64,T,ITH3,2022,100,\n"
                     "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,M_N,Y15-64,T,ITH3,2022,200,\n"
                     "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,C,Y15-64,T,ITH3,2022,600,\n"
                     "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,TOTAL,Y15-64,T,ES52,2022,1800,\n"
                     "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,J,Y15-64,T,ES52,2022,30,\n"
                     "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,M_N,Y15-64,T,ES52,2022,60,\n"
                     "ESTAT:LFST_R_LFE2EN2(1.0),,A,THS,C,Y15-64,T,ES52,2022,200,\n");
  bad = write_temp (dir, "broken.csv", "region,indicator,year,value\nITH3,emp_total,20x2,1\n");
  good_file = g_file_new_for_path (good);
  bad_file = g_file_new_for_path (bad);
  g_list_store_append (good_files, good_file);
  g_list_store_append (bad_files, bad_file);

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  dataset = distretto_demo_dataset_load (&error);
  g_assert_no_error (error);

  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), dataset);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (window)));
  select_module (window, "Territorial servitization");
  chart_view = distretto_window_get_chart_view (window);
  demo_chart = distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view));
  g_assert_cmpuint (distretto_chart_get_n_bars (demo_chart), ==, 127);

  /* A bad file: an error dialog, and the demo chart stays. */
  distretto_window_import_files (window, G_LIST_MODEL (bad_files));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.csv:2:"));
  g_assert_true (distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view)) == demo_chart);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A good file replaces the demo data and the chart shows it. */
  distretto_window_import_files (window, G_LIST_MODEL (good_files));
  chart = wait_for_new_chart (chart_view, demo_chart);
  g_assert_true (chart != demo_chart);
  g_assert_cmpuint (distretto_chart_get_n_bars (chart), ==, 2);
  g_assert_null (strstr (distretto_chart_get_source (chart), "synthetic"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

#define SQUARE(x, y) "[[[" #x "," #y "],[" #x ",1" #y "],[1" #x ",1" #y "],[1" #x "," #y "],[" #x "," #y "]]]"

/* Data of NUTS 2021 codes: NL31 is not in NUTS 2024, where the window
 * starts, so it is not ranked; boundaries of NUTS 2021 (they have the UK)
 * bring it back, under its name from Distretto's tables. */
static void
test_window_nuts_versions (void)
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) data_file = NULL;
  g_autoptr(GFile) geojson = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *geo_path = NULL;
  DistrettoChart *chart, *before;
  DistrettoWindow *window;
  GtkWidget *chart_view;
  gboolean has_utrecht = FALSE;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();
  distretto_test_reset_settings ();

  dir = g_dir_make_tmp ("distretto-window-XXXXXX", &error);
  g_assert_no_error (error);
  data_path = write_temp (dir, "lfst_r_lfe2en2.tsv",
                          "unit,nace_r2,age,geo\\time\t2022 \n"
                          "THS,TOTAL,Y15-64,NL31\t700 \nTHS,J,Y15-64,NL31\t70 \n"
                          "THS,M_N,Y15-64,NL31\t50 \nTHS,B-E,Y15-64,NL31\t60 \n"
                          "THS,TOTAL,Y15-64,ES52\t1800 \nTHS,J,Y15-64,ES52\t40 \n"
                          "THS,M_N,Y15-64,ES52\t50 \nTHS,B-E,Y15-64,ES52\t200 \n");
  geo_path = write_temp (dir, "nuts2021.geojson",
                         "{\"type\":\"FeatureCollection\","
                         "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3035\"}},"
                         "\"features\":["
                         "{\"type\":\"Feature\",\"properties\":{\"NUTS_ID\":\"NL31\",\"LEVL_CODE\":2},"
                         "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" SQUARE (5, 50) "}},"
                         "{\"type\":\"Feature\",\"properties\":{\"NUTS_ID\":\"UKC1\",\"LEVL_CODE\":2},"
                         "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" SQUARE (1, 54) "}},"
                         "{\"type\":\"Feature\",\"properties\":{\"NUTS_ID\":\"ES52\",\"LEVL_CODE\":2},"
                         "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" SQUARE (0, 39) "}}]}");
  data_file = g_file_new_for_path (data_path);
  geojson = g_file_new_for_path (geo_path);
  g_list_store_append (files, data_file);

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  dataset = distretto_demo_dataset_load (&error);
  g_assert_no_error (error);
  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), dataset);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (window)));
  select_module (window, "Territorial servitization");
  chart_view = distretto_window_get_chart_view (window);
  before = distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view));

  distretto_window_import_files (window, G_LIST_MODEL (files));
  chart = wait_for_new_chart (chart_view, before);
  g_assert_cmpuint (distretto_chart_get_n_bars (chart), ==, 1);
  g_assert_cmpstr (distretto_chart_get_bar_code (chart, 0), ==, "ES52");
  g_assert_cmpstr (distretto_chart_get_bar_label (chart, 0), ==, "Comunitat Valenciana");

  distretto_window_import_boundaries (window, geojson);
  chart = wait_for_new_chart (chart_view, chart);
  g_assert_cmpuint (distretto_chart_get_n_bars (chart), ==, 2);
  for (guint i = 0; i < 2; i++)
    has_utrecht |= g_str_equal (distretto_chart_get_bar_label (chart, i), "Utrecht");
  g_assert_true (has_utrecht);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (data_path);
  g_unlink (geo_path);
  g_rmdir (dir);
}

static void
test_window_module_view (void)
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  DistrettoWindow *window;
  GtkWidget *chart_view;
  GtkListBox *list;
  GtkDropDown *dropdown = NULL;

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
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (window)));
  chart_view = distretto_window_get_chart_view (window);
  list = distretto_window_get_modules_list (window);

  /* Select the Python example, which declares a view of its own. */
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    if (g_str_equal (distretto_test_row_title (gtk_list_box_get_row_at_index (list, i)), "Manufacturing employment share"))
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, i));
  g_assert_true (distretto_test_wait_for_chart (window));

  /* The drop-down of charts offers the ranking, the trend and the view. */
  dropdown = distretto_window_get_view_dropdown (window);
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  /* Ranking, Trend, Map, then the view: no pillars, so no profiles. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 4);
  g_assert_false (distretto_chart_view_get_shows_module_view (DISTRETTO_CHART_VIEW (chart_view)));
  g_assert_cmpint (distretto_chart_get_kind (distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view))),
                   ==, DISTRETTO_CHART_KIND_RANKING);

  /* Trend comes right after Ranking. */
  {
    g_autoptr(GObject) item = g_list_model_get_object (gtk_drop_down_get_model (dropdown), 1);

    g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), ==, "Trend");
  }
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_true (distretto_test_wait_for_chart (window));
  g_assert_false (distretto_chart_view_get_shows_module_view (DISTRETTO_CHART_VIEW (chart_view)));
  g_assert_cmpint (distretto_chart_get_kind (distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view))),
                   ==, DISTRETTO_CHART_KIND_TREND);

  /* A region clicked in a chart joins the trend, drawn thicker. */
  g_signal_emit_by_name (chart_view, "region-selected", "ES52");
  gtk_drop_down_set_selected (dropdown, 0);
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_true (distretto_test_wait_for_chart (window));
  {
    DistrettoChart *trend = distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (chart_view));
    gboolean found = FALSE;

    for (guint i = 0; i < distretto_chart_get_n_lines (trend); i++)
      found |= g_str_equal (distretto_chart_get_line_code (trend, i), "ES52");
    g_assert_true (found);
    g_assert_cmpstr (distretto_chart_get_selected (trend), ==, "ES52");
  }

  gtk_drop_down_set_selected (dropdown, 3);
  g_assert_true (distretto_test_wait_for_chart (window));
  g_assert_true (distretto_chart_view_get_shows_module_view (DISTRETTO_CHART_VIEW (chart_view)));
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    /* Let the new view be laid out and drawn. */
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }

  /* What the window draws is the module's own histogram. */
  g_assert_true (wait_for_frame (chart_view));
  g_assert_cmpuint (count_pixels (chart_view, 0xD55E00), >, 5000);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_configuration_widget (void)
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(GObject) widget = NULL;
  DistrettoModule *python, *servitization;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  python = distretto_plugin_engine_find_module (engine, "manufacturing_share");
  servitization = distretto_plugin_engine_find_module (engine, "servitization");

  /* The Python example builds a GTK 4 widget; the C module has none. */
  widget = distretto_indicator_create_configuration_widget (distretto_module_get_indicator (python));
  g_assert_true (GTK_IS_LABEL (widget));
  g_assert_null (distretto_indicator_create_configuration_widget (distretto_module_get_indicator (servitization)));
}

static void
test_application_actions (void)
{
  g_autoptr(DistrettoApplication) app = NULL;
  g_auto(GStrv) accels = NULL;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }

  app = distretto_application_new ();
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));
  g_assert_true (g_action_map_lookup_action (G_ACTION_MAP (app), "about") != NULL);

  /* The About window's icon is found in the build tree as installed: the
   * application's resources carry it. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          "io.github.distretto.Distretto"));
}

/* The built-in charts of a module with pillars, and the map once its
 * boundaries are imported. */
static void
test_window_builtin_charts (void)
{
  static const char *titles[] = { "Ranking", "Trend", "Map", "Profile", "Scatter", "Heatmap", "Uncertainty",
                                  "Sensitivity" };
  static const DistrettoChartKind kinds[] = {
    DISTRETTO_CHART_KIND_RANKING, DISTRETTO_CHART_KIND_TREND, DISTRETTO_CHART_KIND_MAP,
    DISTRETTO_CHART_KIND_RADAR, DISTRETTO_CHART_KIND_SCATTER, DISTRETTO_CHART_KIND_HEATMAP,
    DISTRETTO_CHART_KIND_UNCERTAINTY, DISTRETTO_CHART_KIND_SENSITIVITY,
  };
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GFile) geojson = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoChartView *chart_view;
  DistrettoWindow *window;
  GtkListBox *list;
  GtkDropDown *dropdown;
  const char *json;
  gint64 deadline;

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
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (window)));
  chart_view = DISTRETTO_CHART_VIEW (distretto_window_get_chart_view (window));
  list = distretto_window_get_modules_list (window);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    if (g_str_equal (distretto_test_row_title (gtk_list_box_get_row_at_index (list, i)), "Territorial servitization"))
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, i));
  g_assert_true (distretto_test_wait_for_chart (window));

  dropdown = distretto_window_get_view_dropdown (window);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, G_N_ELEMENTS (titles));

  g_signal_emit_by_name (chart_view, "region-selected", "ES52");
  gtk_drop_down_set_selected (dropdown, G_N_ELEMENTS (titles) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_object (gtk_drop_down_get_model (dropdown), i);
      DistrettoChart *chart;

      g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), ==, titles[i]);
      gtk_drop_down_set_selected (dropdown, i);
      g_assert_true (distretto_test_wait_for_chart (window));
      for (guint j = 0; j < 20; j++)
        g_main_context_iteration (NULL, FALSE);
      /* The uncertainty and sensitivity wait for their analysis. */
      deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
      while (distretto_window_is_busy (window) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);

      /* Without boundaries the map asks for them instead. */
      if (kinds[i] == DISTRETTO_CHART_KIND_MAP)
        {
          g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (chart_view)));
          continue;
        }

      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart_view)));
      chart = distretto_chart_view_get_chart (chart_view);
      g_assert_cmpint (distretto_chart_get_kind (chart), ==, kinds[i]);
      g_assert_cmpstr (distretto_chart_get_selected (chart), ==, "ES52");
    }

  /* The profile is the selected region's, against the mean. */
  gtk_drop_down_set_selected (dropdown, 3);
  g_assert_true (distretto_test_wait_for_chart (window));
  g_assert_cmpuint (distretto_chart_get_n_lines (distretto_chart_view_get_chart (chart_view)), ==, 2);
  g_assert_cmpstr (distretto_chart_get_line_code (distretto_chart_view_get_chart (chart_view), 0), ==, "ES52");

  /* Boundaries of two regions: the map shows up with them. */
  geojson = g_file_new_tmp ("distretto-XXXXXX.geojson", &stream, &error);
  g_assert_no_error (error);
  json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::3035\"}},\"features\":["
      "{\"type\":\"Feature\",\"properties\":{\"NUTS_ID\":\"ES52\",\"LEVL_CODE\":2,\"NAME_LATN\":\"Comunitat Valenciana\"},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" SQUARE (30, 20) "}},"
      "{\"type\":\"Feature\",\"properties\":{\"NUTS_ID\":\"ITH3\",\"LEVL_CODE\":2,\"NAME_LATN\":\"Veneto\"},"
      "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" SQUARE (50, 40) "}}]}";
  g_assert_true (g_file_replace_contents (geojson, json, strlen (json), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  gtk_drop_down_set_selected (dropdown, 2);
  distretto_window_import_boundaries (window, geojson);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline && !gtk_widget_get_mapped (GTK_WIDGET (chart_view)))
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (distretto_test_wait_for_chart (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart_view)));
  g_assert_cmpint (distretto_chart_get_kind (distretto_chart_view_get_chart (chart_view)), ==, DISTRETTO_CHART_KIND_MAP);

  g_file_delete (geojson, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_window_finalized (gpointer  data,
                     GObject  *where)
{
  *(gboolean *) data = TRUE;
}

/* A window closed while its data and its boundaries still load: the
 * imports end in their threads, their callbacks touch no widget, and the
 * window goes away once they are done. */
static void
test_window_closed_while_importing (void)
{
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data_path = NULL;
  g_autoptr(GFile) data_file = NULL;
  DistrettoWindow *window;
  gboolean finalized = FALSE;
  gint64 deadline;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();
  distretto_test_reset_settings ();

  dir = g_dir_make_tmp ("distretto-window-XXXXXX", &error);
  g_assert_no_error (error);
  data_path = write_temp (dir, "emp.csv", "region,indicator,year,value\nITH3,emp,2020,1\n");
  data_file = g_file_new_for_path (data_path);
  g_list_store_append (files, data_file);

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  dataset = distretto_demo_dataset_load (&error);
  g_assert_no_error (error);
  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), dataset);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (distretto_test_wait_for_widget (GTK_WIDGET (window)));
  g_object_weak_ref (G_OBJECT (window), on_window_finalized, &finalized);

  distretto_window_import_files (window, G_LIST_MODEL (files));
  gtk_window_destroy (GTK_WINDOW (window));

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!finalized && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (finalized);

  g_unlink (data_path);
  g_rmdir (dir);
}

/* The keys (keyval, modifiers) of an accelerator list of the shortcuts
 * window: "<Control>Up <Control>Down", ranges "<Alt>1...<Alt>4". */
static void
add_listed_keys (GArray     *keys,
                 const char *accelerators)
{
  g_auto(GStrv) parts = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) range = g_strsplit (parts[i], "...", 2);
      guint first, last;
      GdkModifierType mods, last_mods;

      g_assert_true (gtk_accelerator_parse (range[0], &first, &mods));
      last = first;
      last_mods = mods;
      if (range[1] != NULL)
        g_assert_true (gtk_accelerator_parse (range[1], &last, &last_mods));
      for (guint key = first; key <= last; key++)
        {
          guint pair[2] = { key, mods };

          g_array_append_vals (keys, pair, 1);
        }
    }
}

static gboolean
is_listed (GArray *keys,
           guint   keyval,
           guint   mods)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_array_index (keys, guint, 2 * i) == keyval && g_array_index (keys, guint, 2 * i + 1) == mods)
      return TRUE;
  return FALSE;
}

/* Every key the window and the data table bind is in the shortcuts
 * window, with its keys. */
static void
assert_shortcuts_listed (GtkWidget *widget,
                         GArray    *keys)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  guint n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *name = gtk_shortcut_trigger_to_string (trigger);

          /* The window's own and the table's, not GTK's built-in ones. */
          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action) ||
              !(g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.") ||
                g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "table.")))
            continue;

          if (!is_listed (keys, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))))
            g_error ("%s (%s) is not in the shortcuts window", name,
                     gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
          n_checked++;
        }
    }
  g_object_unref (controllers);
  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_every_shortcut_listed (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, 2 * sizeof (guint));
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  GSList *objects;
  DistrettoWindow *window;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();
  distretto_test_reset_settings ();

  builder = gtk_builder_new_from_resource ("/io/github/distretto/Distretto/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        if (accelerator != NULL)
          add_listed_keys (keys, accelerator);
      }
  g_slist_free (objects);

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  dataset = distretto_demo_dataset_load (NULL);
  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), dataset);
  assert_shortcuts_listed (GTK_WIDGET (window), keys);
  assert_shortcuts_listed (distretto_window_get_data_table (window), keys);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Window/lists-modules", test_window_lists_modules);
  g_test_add_func ("/Distretto/Window/imports", test_window_imports);
  g_test_add_func ("/Distretto/Window/module-info", test_window_module_info);
  g_test_add_func ("/Distretto/Window/module-view", test_window_module_view);
  g_test_add_func ("/Distretto/Window/nuts-versions", test_window_nuts_versions);
  g_test_add_func ("/Distretto/Window/builtin-charts", test_window_builtin_charts);
  g_test_add_func ("/Distretto/Window/configuration-widget", test_configuration_widget);
  g_test_add_func ("/Distretto/Window/application-actions", test_application_actions);
  g_test_add_func ("/Distretto/Window/closed-while-importing", test_window_closed_while_importing);
  g_test_add_func ("/Distretto/Window/every-shortcut-listed", test_every_shortcut_listed);

  return g_test_run ();
}
