/* distretto-window-chart.c: the charts and the choices they follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "distretto-module-info.h"
#include "distretto-window-private.h"

/* How long a weight slider rests before the charts are computed again. */
#define RECOMPUTE_DELAY_MS 150
/* How long the page shown stays while a chart is computed, before the
 * Computing page replaces it: quick charts do not flicker. */
#define COMPUTING_GRACE_MS 300

DistrettoModule *
_distretto_window_dup_selected_module (DistrettoWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->modules_list);

  if (row == NULL)
    return NULL;

  return g_list_model_get_item (self->modules, gtk_list_box_row_get_index (row));
}

static const char *
current_view_id (DistrettoWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->view_dropdown);

  if (self->view_ids == NULL || selected >= self->view_ids->len)
    return NULL;

  return g_ptr_array_index (self->view_ids, selected);
}

/* The pillar weights the user set for a module (pillar id → double *),
 * made when @create. */
GHashTable *
_distretto_window_get_module_weights (DistrettoWindow *self,
                                      const char      *module_id,
                                      gboolean         create)
{
  GHashTable *weights = g_hash_table_lookup (self->weights, module_id);

  if (weights == NULL && create)
    {
      weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (self->weights, g_strdup (module_id), weights);
    }

  return weights;
}

/* The year asked for, if the module has enough data that year; else its
 * latest (0). */
static int
module_year (DistrettoWindow *self,
             DistrettoModule *module)
{
  for (guint i = 1; i < self->year_items->len; i++)
    if (g_array_index (self->year_items, int, i) == self->year)
      return self->year;

  return 0;
}

/* The region shown selected in the charts of the current level: the
 * region chosen, or its ancestor at the level (Vicenza's Veneto at
 * NUTS 2); none for a region above the level. */
char *
_distretto_window_dup_shown_region (DistrettoWindow *self)
{
  int level;
  g_autofree char *code = NULL;

  if (self->selected_region == NULL || self->dataset == NULL ||
      distretto_dataset_get_region (self->dataset, self->selected_region) == NULL)
    return NULL;

  level = distretto_nuts_code_get_level (self->selected_region);
  if (level < self->level)
    return NULL;

  code = g_strndup (self->selected_region, 2 + self->level);
  return distretto_dataset_get_region (self->dataset, code) != NULL ? g_steal_pointer (&code) : NULL;
}

/* My region at the current level, for the shortened ranking. */
static char *
dup_my_region_at_level (DistrettoWindow *self)
{
  g_autofree char *code = NULL;

  if (self->my_region == NULL || self->dataset == NULL ||
      distretto_nuts_code_get_level (self->my_region) < self->level)
    return NULL;

  code = g_strndup (self->my_region, 2 + self->level);
  return distretto_dataset_get_region (self->dataset, code) != NULL ? g_steal_pointer (&code) : NULL;
}

/* What the charts of @module are asked for: the level, the year, the
 * region shown, the regions compared, the shortened ranking, the
 * weights. */
DistrettoViewRequest *
_distretto_window_new_request (DistrettoWindow *self,
                               DistrettoModule *module)
{
  DistrettoViewRequest *request = distretto_view_request_new (distretto_module_get_indicator (module), self->dataset);
  GHashTable *weights = _distretto_window_get_module_weights (self, distretto_module_get_id (module), FALSE);
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *shown = _distretto_window_dup_shown_region (self);
  g_autofree char *mine = NULL;
  GHashTableIter iter;
  gpointer key, value;

  distretto_view_request_set_boundaries (request, self->boundaries);
  distretto_view_request_set_level (request, self->level);
  distretto_view_request_set_year (request, module_year (self, module));
  distretto_view_request_set_selected (request, shown);

  for (guint i = 0; i < self->compared->len; i++)
    if (distretto_dataset_get_region (self->dataset, g_ptr_array_index (self->compared, i)) != NULL)
      g_ptr_array_add (regions, g_strdup (g_ptr_array_index (self->compared, i)));

  if (gtk_toggle_button_get_active (self->top_button) && g_strcmp0 (current_view_id (self), "ranking") == 0)
    {
      distretto_view_request_set_top (request, DISTRETTO_WINDOW_TOP);
      /* The top regions, and mine where it stands. */
      if ((mine = dup_my_region_at_level (self)) != NULL)
        g_ptr_array_add (regions, g_steal_pointer (&mine));
    }
  g_ptr_array_add (regions, NULL);
  distretto_view_request_set_regions (request, (const char * const *) regions->pdata);

  if (weights != NULL)
    {
      g_hash_table_iter_init (&iter, weights);
      while (g_hash_table_iter_next (&iter, &key, &value))
        distretto_view_request_set_pillar_weight (request, key, *(double *) value);
    }

  return request;
}

/* The data table behind the chart shown, and the region page, when
 * they are in view; else they catch up when shown. */
void
_distretto_window_update_data_views (DistrettoWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "data") == 0)
    distretto_data_table_set_chart (self->data_table, distretto_chart_view_get_chart (self->chart_view));

  self->region_page_stale = TRUE;
  if (g_strcmp0 (page, "region") == 0)
    _distretto_window_update_region_page (self);
  _distretto_window_update_method_page (self);
}

static void
set_chart (DistrettoWindow *self,
           DistrettoChart  *chart)
{
  distretto_chart_view_set_chart (self->chart_view, chart);
  gtk_stack_set_visible_child_name (self->stack, "chart");
  if (distretto_chart_get_selected (chart) != NULL)
    distretto_chart_view_reveal_selected (self->chart_view);
  _distretto_window_update_data_views (self);
}

/* What a chart's thread makes: the chart (none for a map without
 * boundaries) and, for the Weights page, the pillars' effective
 * weights. */
typedef struct
{
  DistrettoViewRequest *request;
  char *view_id;              /* NULL: no chart */
  gboolean with_effective;
  DistrettoChart *chart;
  GError *error;
  double *effective;
  guint n_effective;
} ChartJob;

static void
chart_job_free (gpointer data)
{
  ChartJob *job = data;

  g_clear_object (&job->request);
  g_clear_pointer (&job->view_id, g_free);
  g_clear_object (&job->chart);
  g_clear_error (&job->error);
  g_clear_pointer (&job->effective, g_free);
  g_free (job);
}

/* The effective weights over the regions of the request's level. */
static void
compute_effective (ChartJob *job)
{
  DistrettoViewRequest *request = job->request;
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  g_autoptr(DistrettoIndicatorDefinition) definition =
    distretto_indicator_get_definition (distretto_view_request_get_indicator (request));
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(GPtrArray) pillars = g_ptr_array_new ();
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();

  if (definition == NULL || distretto_indicator_definition_get_n_pillars (definition) < 2 ||
      (result = distretto_view_request_compute (request, NULL)) == NULL)
    return;

  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (definition); p++)
    g_ptr_array_add (pillars, (gpointer) distretto_pillar_get_id (distretto_indicator_definition_get_pillar (definition, p)));
  g_ptr_array_add (pillars, NULL);

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);

      if (distretto_region_get_level (region) == distretto_view_request_get_level (request) &&
          !distretto_region_is_extra_regio (region) && !distretto_region_is_abolished (region))
        g_ptr_array_add (regions, (gpointer) distretto_region_get_code (region));
    }
  g_ptr_array_add (regions, NULL);

  job->effective = distretto_weights_dup_effective (result, (const char * const *) pillars->pdata,
                                                    (const char * const *) regions->pdata, &job->n_effective);
}

/* Runs in a worker thread: the module's own code may take its time
 * there (the module's cache lets one call at a time into it). */
static void
chart_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ChartJob *job = task_data;

  if (job->view_id != NULL)
    job->chart = distretto_view_build (job->view_id, job->request, &job->error);
  if (job->with_effective && !g_cancellable_is_cancelled (cancellable))
    compute_effective (job);

  g_task_return_boolean (task, TRUE);
}

/* Module and chart, for the Computing and Stopped pages. */
static char *
dup_computing_text (DistrettoWindow *self,
                    gboolean         stopped)
{
  g_autoptr(DistrettoModule) module = _distretto_window_dup_selected_module (self);
  gpointer item = gtk_drop_down_get_selected_item (self->view_dropdown);
  const char *view = GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "";
  const char *title = module ? distretto_module_get_title (module) : "";

  if (stopped)
    /* TRANSLATORS: on the page shown after Stop: the chart's title, then
     * the module's, e.g. "The chart “Ranking” of Territorial servitization
     * was not computed." */
    return g_strdup_printf (_("The chart “%s” of %s was not computed."), view, title);

  /* TRANSLATORS: on the page shown while a chart is computed: the
   * module's title, then the chart's, e.g. "Territorial servitization is
   * computing the chart “Ranking”." */
  return g_strdup_printf (_("%s is computing the chart “%s”."), title, view);
}

static void
show_computing_page (DistrettoWindow *self)
{
  g_autofree char *text = dup_computing_text (self, FALSE);

  gtk_label_set_text (self->computing_label, text);
  gtk_stack_set_visible_child_name (self->stack, "computing");
}

static gboolean
computing_grace_cb (gpointer user_data)
{
  DistrettoWindow *self = user_data;

  self->computing_id = 0;
  show_computing_page (self);
  return G_SOURCE_REMOVE;
}

/* Forgets the chart being computed: its thread may go on, its result is
 * dropped. */
static void
drop_chart_job (DistrettoWindow *self)
{
  g_cancellable_cancel (self->chart_cancellable);
  g_clear_object (&self->chart_cancellable);
  g_clear_handle_id (&self->computing_id, g_source_remove);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-computing", FALSE);
}

static void
on_chart_built_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *window = user_data;
  g_autoptr(DistrettoWindow) self = g_weak_ref_get (window);
  ChartJob *job = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  g_weak_ref_clear (window);
  g_free (window);

  /* Closed, stopped, or replaced by a newer request. */
  if (self == NULL || self->disposed || g_cancellable_is_cancelled (cancellable) ||
      cancellable != self->chart_cancellable)
    return;

  drop_chart_job (self);
  if (job->with_effective)
    distretto_weights_page_set_effective (self->weights_page, job->effective, job->n_effective);

  if (job->chart != NULL)
    set_chart (self, job->chart);
  else if (job->error != NULL)
    distretto_window_show_error (self, _("This Module Cannot Be Shown"), job->error->message);
  else
    _distretto_window_update_data_views (self);
}

/* Builds the chart picked in the drop-down for the choices made, and
 * the effective weights when @with_effective, in a worker thread. The
 * page shown stays a moment, then says the chart is being computed; a
 * newer request replaces this one. */
static void
start_chart (DistrettoWindow *self,
             gboolean         with_effective)
{
  g_autoptr(DistrettoModule) module = _distretto_window_dup_selected_module (self);
  g_autoptr(GTask) task = NULL;
  const char *view_id = current_view_id (self);
  GWeakRef *window;
  ChartJob *job;

  if (module == NULL || self->dataset == NULL || (view_id == NULL && !with_effective))
    return;

  drop_chart_job (self);

  /* A map without boundaries stays a request for them. */
  if (view_id != NULL &&
      (distretto_view_get_needs (view_id) & DISTRETTO_VIEW_NEEDS_BOUNDARIES) && self->boundaries == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-boundaries");
      view_id = NULL;
      if (!with_effective)
        return;
    }

  job = g_new0 (ChartJob, 1);
  job->request = _distretto_window_new_request (self, module);
  job->view_id = g_strdup (view_id);
  job->with_effective = with_effective;

  /* A view of the Monte Carlo analysis waits for it, with its progress,
   * and comes back here once it is cached. */
  if (view_id != NULL && _distretto_window_wait_for_analysis (self, view_id, job->request))
    {
      chart_job_free (job);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-computing", TRUE);
      return;
    }

  self->chart_cancellable = g_cancellable_new ();
  if (view_id != NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-computing", TRUE);
      /* Trying again after a stop says so at once. */
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "stopped") == 0)
        show_computing_page (self);
      else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "computing") == 0)
        show_computing_page (self);
      else
        self->computing_id = g_timeout_add (COMPUTING_GRACE_MS, computing_grace_cb, self);
    }

  /* The thread may outlive the window: a closed window goes at once. */
  window = g_new0 (GWeakRef, 1);
  g_weak_ref_init (window, self);
  task = g_task_new (NULL, self->chart_cancellable, on_chart_built_cb, window);
  g_task_set_source_tag (task, start_chart);
  g_task_set_task_data (task, job, chart_job_free);
  g_task_run_in_thread (task, chart_thread);
}

/* The chart picked in the drop-down, for the choices made, computed in
 * a thread; with the effective weights when the Weights page shows. */
void
_distretto_window_show_chart (DistrettoWindow *self)
{
  if (self->updating_choosers)
    return;

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  start_chart (self, g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "weights") == 0);
}

/* Computes the chart shown and the effective weights in a thread, for
 * the weights just changed; the chart replaces the shown one when done. */
void
_distretto_window_recompute_chart (DistrettoWindow *self)
{
  g_clear_handle_id (&self->recompute_id, g_source_remove);
  start_chart (self, TRUE);
}

/* Stop (Escape): the chart is not waited for any more. */
void
_distretto_window_stop_chart (DistrettoWindow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  if (self->chart_cancellable == NULL && self->analysis_cancellable == NULL)
    return;

  g_cancellable_cancel (self->analysis_cancellable);
  g_clear_object (&self->analysis_cancellable);
  drop_chart_job (self);
  text = dup_computing_text (self, TRUE);
  /* The description is markup. */
  escaped = g_markup_escape_text (text, -1);
  adw_status_page_set_description (self->stopped_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "stopped");
}

static gboolean
recompute_cb (gpointer user_data)
{
  DistrettoWindow *self = user_data;

  self->recompute_id = 0;
  _distretto_window_recompute_chart (self);
  return G_SOURCE_REMOVE;
}

void
on_weight_changed_cb (DistrettoWindow *self,
                      const char      *pillar_id,
                      double           weight)
{
  g_autoptr(DistrettoModule) module = _distretto_window_dup_selected_module (self);
  GHashTable *weights;

  if (module == NULL)
    return;

  weights = _distretto_window_get_module_weights (self, distretto_module_get_id (module), TRUE);
  g_hash_table_insert (weights, g_strdup (pillar_id), g_memdup2 (&weight, sizeof weight));
  _distretto_window_save_weights (self);

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  self->recompute_id = g_timeout_add (RECOMPUTE_DELAY_MS, recompute_cb, self);
}

/* Offers the built-in charts the module can fill and its own views,
 * keeping the kind of chart shown when the module changes. */
static void
update_view_dropdown (DistrettoWindow *self,
                      DistrettoModule *module,
                      const char      *wanted)
{
  DistrettoIndicatorDefinition *definition = distretto_module_get_definition (module);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autofree char *previous = g_strdup (wanted ? wanted : current_view_id (self));
  g_auto(GStrv) ids = distretto_view_dup_ids_for (definition);
  guint keep = 0;

  g_clear_pointer (&self->view_ids, g_ptr_array_unref);
  self->view_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      /* A module computing its scores itself has no method to vary. */
      if ((distretto_view_get_needs (ids[i]) & DISTRETTO_VIEW_NEEDS_ANALYSIS) &&
          !distretto_indicator_computes_declared (distretto_module_get_indicator (module)))
        continue;
      g_ptr_array_add (self->view_ids, g_strdup (ids[i]));
      gtk_string_list_append (titles, distretto_view_get_title_for (definition, ids[i]));
      if (g_strcmp0 (ids[i], previous) == 0)
        keep = i;
    }

  gtk_drop_down_set_model (self->view_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->view_dropdown, keep);
  gtk_widget_set_visible (GTK_WIDGET (self->view_dropdown), TRUE);
}

/* "Latest Year (2023)", then the module's years with enough data, latest
 * first. */
static void
update_year_dropdown (DistrettoWindow *self,
                      DistrettoModule *module)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autofree int *years = NULL;
  g_autofree char *latest = NULL;
  guint n_years = 0, keep = 0;
  int zero = 0;

  if (self->dataset != NULL && distretto_indicator_check_dataset (distretto_module_get_indicator (module), self->dataset, NULL))
    years = distretto_indicator_dup_years (distretto_module_get_indicator (module), self->dataset, &n_years);

  g_array_set_size (self->year_items, 0);
  g_array_append_val (self->year_items, zero);
  if (n_years > 0)
    /* TRANSLATORS: the year drop-down's first item, e.g. "Latest (2023)" */
    latest = g_strdup_printf (_("Latest (%d)"), years[n_years - 1]);
  gtk_string_list_append (titles, latest ? latest : _("Latest"));

  for (guint i = n_years; i > 0; i--)
    {
      g_autofree char *title = g_strdup_printf ("%d", years[i - 1]);

      g_array_append_val (self->year_items, years[i - 1]);
      gtk_string_list_append (titles, title);
      if (years[i - 1] == self->year)
        keep = self->year_items->len - 1;
    }

  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->year_dropdown, keep);
}

/* The levels with at least two regions to compare; the level chosen is
 * kept if the data have it, else NUTS 2 or the nearest. */
void
_distretto_window_update_levels (DistrettoWindow *self)
{
  static const char *titles[] = { N_("Countries"), N_("NUTS 1"), N_("NUTS 2"), N_("NUTS 3") };
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint counts[4] = { 0 }, keep = 0;
  int best = -1;

  for (guint i = 0; self->dataset != NULL && i < distretto_dataset_get_n_regions (self->dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (self->dataset, i);
      int level = distretto_region_get_level (region);

      if (level >= 0 && level <= 3 && !distretto_region_is_extra_regio (region) && !distretto_region_is_abolished (region))
        counts[level]++;
    }

  g_array_set_size (self->level_items, 0);
  for (int level = 0; level <= 3; level++)
    if (counts[level] >= 2)
      {
        g_array_append_val (self->level_items, level);
        gtk_string_list_append (list, _(titles[level]));
        if (best < 0 || abs (level - self->level) < abs (best - self->level))
          {
            best = level;
            keep = self->level_items->len - 1;
          }
      }

  if (best >= 0)
    self->level = best;

  self->updating_choosers = TRUE;
  gtk_drop_down_set_model (self->level_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->level_dropdown, keep);
  self->updating_choosers = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->level_dropdown), self->level_items->len > 0);
}

/* The information button's popover: what the module measures, how, and
 * what it could use of the data. */
static void
update_info (DistrettoWindow *self,
             DistrettoModule *module)
{
  gtk_popover_set_child (self->info_popover, distretto_module_info_new (module, self->dataset));
  gtk_widget_set_sensitive (GTK_WIDGET (self->info_button), TRUE);
}

static void
update_weights_page (DistrettoWindow *self,
                     DistrettoModule *module)
{
  distretto_weights_page_set_module (self->weights_page, distretto_module_get_definition (module),
                                     distretto_indicator_computes_declared (distretto_module_get_indicator (module)),
                                     _distretto_window_get_module_weights (self, distretto_module_get_id (module), FALSE));
}

/* Shows @module with the view @view_id (NULL: the kind shown). */
static void
show_module_view (DistrettoWindow *self,
                  DistrettoModule *module,
                  const char      *view_id)
{
  update_info (self, module);
  adw_view_switcher_title_set_title (self->switcher_title, distretto_module_get_title (module));
  gtk_window_set_title (GTK_WINDOW (self), distretto_module_get_title (module));

  self->updating_choosers = TRUE;
  update_view_dropdown (self, module, view_id);
  update_year_dropdown (self, module);
  self->updating_choosers = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->top_button), g_strcmp0 (current_view_id (self), "ranking") == 0);

  update_weights_page (self, module);
  _distretto_window_show_chart (self);
  _distretto_window_save_choices (self);
}

void
_distretto_window_show_module (DistrettoWindow *self,
                               DistrettoModule *module)
{
  g_autofree char *view_id = NULL;

  /* The first module shown takes the view remembered from last time. */
  if (self->view_ids == NULL && self->settings != NULL)
    view_id = g_settings_get_string (self->settings, "view");

  show_module_view (self, module, view_id);
}

void
on_view_dropdown_selected_cb (DistrettoWindow *self)
{
  if (self->updating_choosers)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->top_button),
                            g_strcmp0 (current_view_id (self), "ranking") == 0);
  _distretto_window_show_chart (self);
  _distretto_window_save_choices (self);
}

void
on_level_dropdown_selected_cb (DistrettoWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->level_dropdown);

  if (self->updating_choosers || selected >= self->level_items->len)
    return;

  self->level = g_array_index (self->level_items, int, selected);
  _distretto_window_show_chart (self);
  _distretto_window_save_choices (self);
}

void
on_year_dropdown_selected_cb (DistrettoWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating_choosers || selected >= self->year_items->len)
    return;

  self->year = g_array_index (self->year_items, int, selected);
  _distretto_window_show_chart (self);
  _distretto_window_save_choices (self);
}

void
on_top_toggled_cb (DistrettoWindow *self)
{
  _distretto_window_show_chart (self);
  _distretto_window_save_choices (self);
}

/* The region page of the region chosen (or else mine), computed in a
 * thread. */
void
_distretto_window_update_region_page (DistrettoWindow *self)
{
  g_autoptr(DistrettoModule) module = _distretto_window_dup_selected_module (self);
  g_autoptr(GHashTable) weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_hash_table_unref);
  const char *region = self->selected_region ? self->selected_region : self->my_region;
  GHashTableIter iter;
  gpointer key, value;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "region") != 0)
    {
      self->region_page_stale = TRUE;
      return;
    }
  self->region_page_stale = FALSE;

  /* The worker reads a copy: the sliders may move meanwhile. */
  g_hash_table_iter_init (&iter, self->weights);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      GHashTableIter pillars;
      gpointer pillar, weight;

      g_hash_table_iter_init (&pillars, value);
      while (g_hash_table_iter_next (&pillars, &pillar, &weight))
        g_hash_table_insert (copy, g_strdup (pillar), g_memdup2 (weight, sizeof (double)));
      g_hash_table_insert (weights, g_strdup (key), copy);
    }

  distretto_region_page_set_is_my_region (self->region_page,
                                          region != NULL && g_strcmp0 (region, self->my_region) == 0);
  distretto_region_page_show (self->region_page, self->modules, self->dataset, region,
                              module ? distretto_module_get_id (module) : NULL,
                              module ? module_year (self, module) : 0, weights);
}

void
on_view_stack_page_cb (DistrettoWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "data") == 0)
    distretto_data_table_set_chart (self->data_table, distretto_chart_view_get_chart (self->chart_view));
  else if (g_strcmp0 (page, "region") == 0 && self->region_page_stale)
    _distretto_window_update_region_page (self);
  else if (g_strcmp0 (page, "weights") == 0)
    _distretto_window_recompute_chart (self);
  else if (g_strcmp0 (page, "method") == 0)
    _distretto_window_update_method_page (self);
}

/* Chooses @code (NULL for none): selected in every chart of its level
 * and above, shown on the region page. */
void
_distretto_window_select_region (DistrettoWindow *self,
                                 const char      *code)
{
  g_autofree char *before = _distretto_window_dup_shown_region (self);
  g_autofree char *after = NULL;
  DistrettoChart *chart = distretto_chart_view_get_chart (self->chart_view);

  if (g_strcmp0 (code, self->selected_region) == 0)
    return;

  g_free (self->selected_region);
  self->selected_region = g_strdup (code);
  after = _distretto_window_dup_shown_region (self);

  /* A chart under way was asked for the region before: asked again. */
  if (g_strcmp0 (before, after) != 0 && self->chart_cancellable != NULL)
    _distretto_window_show_chart (self);
  /* The chart shown selects it at once; the others when built. */
  else if (chart != NULL && g_strcmp0 (before, after) != 0 && g_strcmp0 (distretto_chart_get_selected (chart), after) != 0)
    {
      const char *view_id = current_view_id (self);

      /* In a ranking, a map or a heatmap the selection is an outline;
       * a trend, a profile or a scatter draws the region it selects. */
      if (!(g_strcmp0 (view_id, "ranking") == 0 || g_strcmp0 (view_id, "map") == 0 ||
            g_strcmp0 (view_id, "heatmap") == 0) || gtk_toggle_button_get_active (self->top_button))
        _distretto_window_show_chart (self);
      else
        {
          distretto_chart_view_set_selected (self->chart_view, after);
          if (after != NULL)
            distretto_chart_view_reveal_selected (self->chart_view);
        }
    }

  _distretto_window_update_data_views (self);
  _distretto_window_save_choices (self);
}

void
on_region_chosen_cb (DistrettoWindow *self,
                     const char      *code)
{
  _distretto_window_select_region (self, code);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "weights") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "region");
}

static void
update_compare_box (DistrettoWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_box))) != NULL)
    gtk_box_remove (self->compare_box, child);

  for (guint i = 0; i < self->compared->len; i++)
    {
      const char *code = g_ptr_array_index (self->compared, i);
      DistrettoRegion *region = self->dataset ? distretto_dataset_get_region (self->dataset, code) : NULL;
      const char *name = region ? distretto_region_get_display_name (region) : code;
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      /* TRANSLATORS: the button taking a region out of the comparison, e.g. "Stop Comparing Veneto" */
      g_autofree char *tooltip = g_strdup_printf (_("Stop Comparing %s"), name);

      gtk_box_append (GTK_BOX (box), gtk_label_new (name));
      gtk_box_append (GTK_BOX (box), g_object_new (GTK_TYPE_IMAGE, "icon-name", "window-close-symbolic",
                                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.compare-remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", code);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "compared");
      gtk_box_append (self->compare_box, button);
    }

  if (self->compared->len == 0)
    {
      GtkWidget *hint = gtk_label_new (_("none — the charts show the leading regions"));

      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (self->compare_box, hint);
    }
}

/* The regions the trend, the profile and the scatter draw, and the
 * shortened ranking keeps: at most DISTRETTO_WINDOW_MAX_COMPARED. */
void
_distretto_window_set_compared (DistrettoWindow    *self,
                                const char * const *codes)
{
  g_ptr_array_set_size (self->compared, 0);
  for (guint i = 0; codes != NULL && codes[i] != NULL && self->compared->len < DISTRETTO_WINDOW_MAX_COMPARED; i++)
    if (!g_ptr_array_find_with_equal_func (self->compared, codes[i], g_str_equal, NULL))
      g_ptr_array_add (self->compared, g_strdup (codes[i]));

  update_compare_box (self);
  _distretto_window_update_actions (self);
  _distretto_window_show_chart (self);
  _distretto_window_save_choices (self);
}
