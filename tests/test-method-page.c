/* test-method-page.c: the method behind the charts in the window, under
 * a real display (Xvfb in CI): the Method page, the Uncertainty view and
 * the rank intervals it leaves in the ranking's tooltips and on the
 * region page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "distretto-chart-view.h"
#include "distretto-demo.h"
#include "distretto-method-page.h"
#include "distretto-module.h"
#include "distretto-plugin-engine.h"
#include "distretto-region-page.h"
#include "distretto-window.h"
#include "distretto-test-ui.h"

static DistrettoPluginEngine *engine;

static void
select_module (DistrettoWindow *window,
               const char      *title)
{
  GtkListBox *list = distretto_window_get_modules_list (window);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_str_equal (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row))), title))
        gtk_list_box_select_row (list, row);
    }
}

static gboolean
window_is_idle (gpointer data)
{
  return !distretto_window_is_busy (data);
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_loaded_cb (gboolean *loaded)
{
  *loaded = TRUE;
}

/* Picks the view @view_id in the drop-down. */
static void
show_view (DistrettoWindow *window,
           const char      *view_id)
{
  GtkDropDown *dropdown = distretto_window_get_view_dropdown (window);
  guint n = g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));

  for (guint i = 0; i < n; i++)
    {
      gtk_drop_down_set_selected (dropdown, i);
      if (g_strcmp0 (distretto_window_get_view_id (window), view_id) == 0)
        return;
    }
  g_error ("the window offers no view “%s”", view_id);
}

static DistrettoChart *
shown_chart (DistrettoWindow *window)
{
  return distretto_chart_view_get_chart (DISTRETTO_CHART_VIEW (distretto_window_get_chart_view (window)));
}

/* The Method page of the demo's servitization module: every step of the
 * pipeline with what it did, a coherence row per sub-indicator and
 * pillar flagged exactly when a correlation it shows is below 0.3, and
 * the module's references. */
static void
test_method_page (void)
{
  DistrettoWindow *window;
  DistrettoMethodPage *page;
  gboolean loaded = FALSE;
  g_autoptr(GString) steps = g_string_new (NULL);
  g_autoptr(GString) coherence = g_string_new (NULL);
  g_autoptr(GString) references = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  guint n_pillars = 0, n_subs = 0, n_flagged = 0, n_low = 0;

  if (!distretto_test_setup_display (&engine))
    return;

  window = distretto_test_new_demo_window (engine);
  select_module (window, "Territorial servitization");
  page = DISTRETTO_METHOD_PAGE (distretto_window_get_method_page (window));
  g_signal_connect_swapped (page, "loaded", G_CALLBACK (on_loaded_cb), &loaded);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "method"));
  g_assert_true (distretto_test_wait_until (is_set, &loaded));

  distretto_test_collect_labels (GTK_WIDGET (distretto_method_page_get_steps_group (page)), steps);
  g_test_message ("steps:\n%s", steps->str);
  g_assert_nonnull (strstr (steps->str, "Steps on the data loaded: NUTS 2 regions, 2023"));
  for (guint s = 0; s < DISTRETTO_PIPELINE_N_STEPS; s++)
    g_assert_nonnull (strstr (steps->str, distretto_pipeline_step_get_title (s)));
  /* What the steps did on this data: the pipeline report's summaries,
   * and what it did to the regions of the level (none of another). */
  {
    g_autoptr(DistrettoModule) module = g_list_model_get_item (distretto_plugin_engine_get_modules (engine), 0);
    g_autoptr(DistrettoViewRequest) request = NULL;
    g_autoptr(DistrettoIndicatorResult) result = NULL;
    DistrettoPipelineReport *report;

    for (guint i = 0; !g_str_equal (distretto_module_get_id (module), "servitization"); i++)
      {
        g_clear_object (&module);
        module = g_list_model_get_item (distretto_plugin_engine_get_modules (engine), i + 1);
      }
    request = distretto_view_request_new (distretto_module_get_indicator (module),
                                          distretto_window_get_dataset (window));
    result = distretto_view_request_compute (request, NULL);
    report = distretto_indicator_result_get_report (result);
    for (guint s = 0; s < DISTRETTO_PIPELINE_N_STEPS; s++)
      {
        const char *summary = distretto_pipeline_report_get_summary (report, s);

        if (summary != NULL)
          g_assert_nonnull (strstr (steps->str, summary));
        for (guint a = 0; a < distretto_pipeline_report_get_n_actions (report, s); a++)
          {
            const char *text = distretto_pipeline_report_get_action_text (report, s, a);
            int level;

            distretto_pipeline_report_get_action (report, s, a, NULL, NULL, &level, NULL, NULL, NULL);
            if (level >= 0 && level != 2)
              g_assert_null (strstr (steps->str, text));
          }
      }
    g_assert_cmpuint (distretto_pipeline_report_get_n_actions (report, DISTRETTO_PIPELINE_STEP_IMPUTATION), >, 0);
    g_assert_nonnull (strstr (steps->str, distretto_pipeline_report_get_action_text (report,
                                                                                    DISTRETTO_PIPELINE_STEP_IMPUTATION,
                                                                                    0)));
  }

  distretto_test_collect_labels (GTK_WIDGET (distretto_method_page_get_coherence_group (page)), coherence);
  g_test_message ("coherence:\n%s", coherence->str);
  lines = g_strsplit (coherence->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *index = strstr (lines[i], "with the index ");
      const char *pillar = strstr (lines[i], "r with its pillar ");

      if (g_str_has_prefix (lines[i], "Pillar: "))
        n_pillars++;
      else if (g_str_has_prefix (lines[i], "TS"))
        n_subs++;
      else if (g_str_equal (lines[i], "Flagged"))
        n_flagged++;

      /* A row's subtitle: low when a correlation shown is below 0.3 (or
       * negative); its "Flagged" label follows on the next lines. */
      if (g_str_has_prefix (lines[i], "r with its pillar ") || g_str_has_prefix (lines[i], "Cronbach’s α "))
        {
          double r_index = index ? g_ascii_strtod (index + strlen ("with the index "), NULL) : 1.0;
          double r_pillar = pillar ? g_ascii_strtod (pillar + strlen ("r with its pillar "), NULL) : 1.0;

          if (r_index < 0.3 || r_pillar < 0.3)
            n_low++;
        }
    }
  g_assert_cmpuint (n_pillars, ==, 3);
  g_assert_cmpuint (n_subs, ==, 5);
  g_assert_cmpuint (n_flagged, ==, n_low);
  g_assert_nonnull (strstr (coherence->str, "Cronbach’s α "));

  distretto_test_collect_labels (GTK_WIDGET (distretto_method_page_get_references_group (page)), references);
  g_assert_nonnull (strstr (references->str, "Lafuente"));

  distretto_test_run_for (300);
  distretto_test_screenshot (GTK_WIDGET (window), "method-page");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The y of the ranking's row of @code, found by hit-testing. */
static char *
tooltip_of (DistrettoChart *chart,
            const char     *code)
{
  double height = distretto_chart_get_natural_height (chart);

  for (double y = 0; y < height; y += 3)
    {
      const char *found = NULL;
      g_autofree char *text = distretto_chart_describe_at (chart, 1000, height, 500, y, &found);

      if (text != NULL && g_strcmp0 (found, code) == 0)
        return g_steal_pointer (&text);
    }

  return NULL;
}

/* The Uncertainty view waits for its analysis, then shows a region per
 * row; the ranking drawn afterwards gives the rank's interval in its
 * tooltips, as the analysis says. */
static void
test_uncertainty_view (void)
{
  DistrettoWindow *window;
  DistrettoChart *chart;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  double median, lower, upper;
  guint row;

  if (!distretto_test_setup_display (&engine))
    return;

  window = distretto_test_new_demo_window (engine);
  select_module (window, "Territorial servitization");
  g_assert_true (distretto_test_wait_until (window_is_idle, window));

  /* Before any analysis: no interval in the tooltip. */
  before = tooltip_of (shown_chart (window), "ITH3");
  g_assert_nonnull (before);
  g_assert_null (strstr (before, "Rank when the method varies"));

  show_view (window, "uncertainty");
  g_assert_true (distretto_test_wait_until (window_is_idle, window));
  chart = shown_chart (window);
  g_assert_cmpint (distretto_chart_get_kind (chart), ==, DISTRETTO_CHART_KIND_UNCERTAINTY);
  /* The demo's 127 NUTS 2 regions. */
  g_assert_cmpuint (distretto_chart_get_n_bars (chart), ==, 127);
  for (row = 0; row < distretto_chart_get_n_bars (chart); row++)
    if (g_str_equal (distretto_chart_get_bar_code (chart, row), "ITH3"))
      break;
  g_assert_cmpuint (row, <, 127);
  median = distretto_chart_get_bar_value (chart, row);
  distretto_chart_get_bar_interval (chart, row, &lower, &upper);
  distretto_test_run_for (300);
  distretto_test_screenshot (GTK_WIDGET (window), "uncertainty-view");

  show_view (window, "ranking");
  g_assert_true (distretto_test_wait_until (window_is_idle, window));
  after = tooltip_of (shown_chart (window), "ITH3");
  g_test_message ("tooltip: %s", after);
  expected = g_strdup_printf ("Rank when the method varies: %.0f to %.0f, median %g", floor (lower), ceil (upper),
                              median);
  g_assert_nonnull (strstr (after, expected));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
region_page_loaded (gpointer data)
{
  return !distretto_region_page_is_loading (data);
}

/* Veneto's page gives its rank with its interval: "29th of 127,
 * 21st–43rd", the interval around the rank. */
static void
test_region_page_interval (void)
{
  DistrettoWindow *window;
  DistrettoRegionPage *page;
  const char *rank;
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) ends = NULL;
  int nominal, first, last;

  if (!distretto_test_setup_display (&engine))
    return;

  window = distretto_test_new_demo_window (engine);
  select_module (window, "Territorial servitization");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-region", "s", "ITH3"));
  page = DISTRETTO_REGION_PAGE (distretto_window_get_region_page (window));
  g_assert_true (distretto_test_wait_until (region_page_loaded, page));

  rank = gtk_label_get_text (distretto_region_page_get_rank_label (page));
  g_test_message ("rank: %s", rank);
  parts = g_strsplit (rank, ", ", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_true (g_str_has_suffix (parts[0], " of 127"));
  ends = g_strsplit (parts[1], "–", 2);
  g_assert_cmpuint (g_strv_length (ends), ==, 2);
  nominal = atoi (parts[0]);
  first = atoi (ends[0]);
  last = atoi (ends[1]);
  g_assert_cmpint (first, >=, 1);
  g_assert_cmpint (first, <=, last);
  g_assert_cmpint (last, <=, 127);
  /* A 5–95% interval of 1,000 runs need not hold the nominal rank, but
   * it is near it: within a quarter of the ranking. */
  g_assert_cmpint (abs (nominal - (first + last) / 2), <, 127 / 4);

  distretto_test_run_for (300);
  distretto_test_screenshot (GTK_WIDGET (window), "region-page-interval");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/MethodPage/servitization", test_method_page);
  g_test_add_func ("/Distretto/MethodPage/uncertainty-view", test_uncertainty_view);
  g_test_add_func ("/Distretto/MethodPage/region-page-interval", test_region_page_interval);

  status = g_test_run ();
  g_clear_object (&engine);
  return status;
}
