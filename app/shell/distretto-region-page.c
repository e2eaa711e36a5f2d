/* distretto-region-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "distretto-chart-view.h"
#include "distretto-module.h"
#include "distretto-region-page.h"

/* One region across every module: its standing on the selected module
 * (rank "13th of 127", group, index against the EU, plain sentences),
 * its pillars against the EU and its peers, its trend, its standing on
 * every other module, its peers (structurally similar regions) and what
 * its data carry. Everything is computed in a worker thread; the page
 * only shows it. */
struct _DistrettoRegionPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkButton *my_region_button;
  GtkLabel *module_label;
  GtkLabel *rank_label;
  GtkLabel *group_label;
  GtkLabel *sentences_label;
  DistrettoChartView *profile_view;
  DistrettoChartView *trend_view;
  GtkListBox *modules_list;
  AdwPreferencesGroup *peers_group;
  GtkListBox *peers_list;
  GtkSpinButton *n_peers_spin;
  GtkSwitch *exclude_country_switch;
  GtkLabel *coverage_label;

  GListModel *modules;
  GCancellable *cancellable;
  char *region;
  GStrv peers;
  gboolean loading;
  gboolean updating_settings;
};

G_DEFINE_FINAL_TYPE (DistrettoRegionPage, distretto_region_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PEERS,
  PROP_EXCLUDE_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker computes. */
typedef struct
{
  /* in */
  DistrettoDataset *dataset;
  char *region;
  GPtrArray *modules;         /* DistrettoModule */
  guint selected;             /* the module shown in full, an index */
  int year;                   /* for the selected module; 0: its latest */
  GHashTable *weights;        /* module id → (pillar id → double *) */
  guint n_peers;
  gboolean exclude_country;

  /* out */
  GStrv peers;
  GArray *distances;
  GStrv used_variables;
  char *peers_error;
  GPtrArray *standings;       /* DistrettoRegionStanding or NULL, one per module */
  GPtrArray *errors;          /* char * or NULL, one per module */
  DistrettoChart *profile;
  DistrettoChart *trend;
  char *coverage;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_clear_object (&work->dataset);
  g_clear_pointer (&work->region, g_free);
  g_clear_pointer (&work->modules, g_ptr_array_unref);
  g_clear_pointer (&work->weights, g_hash_table_unref);
  g_clear_pointer (&work->peers, g_strfreev);
  g_clear_pointer (&work->distances, g_array_unref);
  g_clear_pointer (&work->used_variables, g_strfreev);
  g_clear_pointer (&work->peers_error, g_free);
  g_clear_pointer (&work->standings, g_ptr_array_unref);
  g_clear_pointer (&work->errors, g_ptr_array_unref);
  g_clear_object (&work->profile);
  g_clear_object (&work->trend);
  g_clear_pointer (&work->coverage, g_free);
  g_free (work);
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static DistrettoViewRequest *
new_request (Work            *work,
             DistrettoModule *module,
             int              level)
{
  DistrettoViewRequest *request = distretto_view_request_new (distretto_module_get_indicator (module), work->dataset);
  GHashTable *weights = g_hash_table_lookup (work->weights, distretto_module_get_id (module));
  GHashTableIter iter;
  gpointer key, value;

  distretto_view_request_set_level (request, level);
  distretto_view_request_set_selected (request, work->region);
  distretto_view_request_set_regions (request, (const char * const *) work->peers);
  if (weights != NULL)
    {
      g_hash_table_iter_init (&iter, weights);
      while (g_hash_table_iter_next (&iter, &key, &value))
        distretto_view_request_set_pillar_weight (request, key, *(double *) value);
    }

  return request;
}

/* The rank's uncertainty interval: the 5th–95th percentile of the
 * region's rank when the method varies, from the module's Monte Carlo
 * analysis (distretto_region_standing_compute_rank_interval()). Run here,
 * off the main loop, for the module shown in full (@run); the others get
 * theirs when an analysis of theirs is already cached. A module that
 * computes its scores itself has none. */
static void
fill_rank_interval (DistrettoRegionStanding *standing,
                    DistrettoViewRequest    *request,
                    gboolean                 run,
                    GCancellable            *cancellable)
{
  DistrettoIndicator *indicator = distretto_view_request_get_indicator (request);
  g_autoptr(DistrettoMethod) method = NULL;
  g_autoptr(DistrettoUncertainty) cached = NULL;

  if (!distretto_indicator_computes_declared (indicator) || distretto_region_standing_get_rank (standing) == 0)
    return;

  if (!run)
    {
      method = distretto_view_request_dup_method (request);
      distretto_method_set_level (method, distretto_region_standing_get_level (standing));
      cached = distretto_indicator_lookup_uncertainty (indicator, distretto_view_request_get_dataset (request),
                                                       distretto_region_standing_get_year (standing), method, NULL);
      if (cached == NULL)
        return;
    }

  /* Without an interval (no pillars, too few regions) the rank stands alone. */
  distretto_region_standing_compute_rank_interval (standing, request, cancellable, NULL);
}

static void
find_peers (Work *work)
{
  g_autoptr(DistrettoPeerFinder) finder = distretto_peer_finder_new (work->dataset);
  DistrettoModule *selected = g_ptr_array_index (work->modules, work->selected);
  DistrettoIndicatorDefinition *definition = distretto_module_get_definition (selected);
  g_autoptr(GError) error = NULL;

  distretto_peer_finder_add_default_variables (finder);
  for (guint i = 0; i < distretto_indicator_definition_get_n_structural_variables (definition); i++)
    distretto_peer_finder_add_variable (finder, distretto_indicator_definition_get_structural_variable (definition, i));
  distretto_peer_finder_set_exclude_country (finder, work->exclude_country);

  work->peers = distretto_peer_finder_find (finder, work->region, work->n_peers, &error);
  if (work->peers == NULL)
    {
      work->peers_error = g_strdup (error->message);
      return;
    }

  work->distances = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; work->peers[i] != NULL; i++)
    {
      double distance = distretto_peer_finder_get_distance (finder, work->peers[i]);

      g_array_append_val (work->distances, distance);
    }
  work->used_variables = distretto_peer_finder_dup_used_variables (finder);

  /* Without peers the charts compare with the reference only. */
  if (work->peers[0] == NULL)
    g_clear_pointer (&work->peers, g_strfreev);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  DistrettoRegion *region = distretto_dataset_get_region (work->dataset, work->region);
  int level = region != NULL ? MAX (distretto_region_get_level (region), 0) : DISTRETTO_VIEW_DEFAULT_LEVEL;
  DistrettoModule *selected;

  find_peers (work);

  work->standings = g_ptr_array_new_with_free_func (unref_if_set);
  work->errors = g_ptr_array_new_with_free_func (g_free);
  for (guint m = 0; m < work->modules->len; m++)
    {
      DistrettoModule *module = g_ptr_array_index (work->modules, m);
      g_autoptr(DistrettoViewRequest) request = new_request (work, module, level);
      g_autoptr(GError) error = NULL;
      DistrettoRegionStanding *standing;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      if (m == work->selected)
        distretto_view_request_set_year (request, work->year);
      standing = distretto_region_standing_new (request, &error);
      if (standing != NULL)
        fill_rank_interval (standing, request, m == work->selected, cancellable);
      g_ptr_array_add (work->standings, standing);
      g_ptr_array_add (work->errors, error != NULL ? g_strdup (error->message) : NULL);
    }

  selected = g_ptr_array_index (work->modules, work->selected);
  if (!g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(DistrettoViewRequest) request = new_request (work, selected, level);

      distretto_view_request_set_year (request, work->year);
      work->profile = distretto_view_build ("region-profile", request, NULL);
      /* The region among its peers over the years, the EU dashed. */
      work->trend = distretto_view_build ("trend", request, NULL);
      work->coverage = distretto_indicator_dup_coverage (distretto_module_get_indicator (selected), work->dataset);
    }

  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
}

static const char *
group_name (DistrettoPerformanceGroup group)
{
  switch (group)
    {
    case DISTRETTO_PERFORMANCE_GROUP_LEADER:
      return _("Leader");
    case DISTRETTO_PERFORMANCE_GROUP_STRONG:
      return _("Strong");
    case DISTRETTO_PERFORMANCE_GROUP_MODERATE:
      return _("Moderate");
    case DISTRETTO_PERFORMANCE_GROUP_EMERGING:
      return _("Emerging");
    case DISTRETTO_PERFORMANCE_GROUP_NONE:
    default:
      return NULL;
    }
}

/* "Strong · 112 (EU = 100) · score 54.3", each part when known. */
static char *
dup_standing_line (DistrettoRegionStanding *standing)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *group = group_name (distretto_region_standing_get_group (standing));
  double index = distretto_region_standing_get_index (standing);
  double score = distretto_region_standing_get_score (standing);

  if (group != NULL)
    g_string_append (line, group);
  if (isfinite (index))
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append_printf (line, distretto_region_standing_has_eu_reference (standing)
                                    /* TRANSLATORS: a region's score against the EU's, e.g. "112 (EU = 100)" */
                                    ? _("%.0f (EU = 100)")
                                    /* TRANSLATORS: a region's score against the regions' mean, e.g. "112 (mean = 100)" */
                                    : _("%.0f (mean = 100)"), index);
    }
  if (isfinite (score))
    {
      if (line->len > 0)
        g_string_append (line, " · ");
      /* TRANSLATORS: a region's score, e.g. "score 54.3" */
      g_string_append_printf (line, _("score %.1f"), score);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_modules (DistrettoRegionPage *self,
              Work                *work)
{
  clear_list (self->modules_list);

  for (guint m = 0; m < work->modules->len; m++)
    {
      DistrettoModule *module = g_ptr_array_index (work->modules, m);
      DistrettoRegionStanding *standing = g_ptr_array_index (work->standings, m);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *rank = standing ? distretto_region_standing_dup_rank_text (standing) : NULL;
      g_autofree char *line = standing ? dup_standing_line (standing) : NULL;
      g_autofree char *subtitle = NULL;

      /* Titles and messages are text: "R&D", selectors with "&". */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), distretto_module_get_title (module));
      if (rank != NULL)
        /* TRANSLATORS: a region on one module, e.g. "13th of 127 NUTS 2 regions in 2023 · Strong · 112 (EU = 100)" */
        subtitle = g_strdup_printf (_("%s NUTS %d regions in %d · %s"), rank,
                                    distretto_region_standing_get_level (standing),
                                    distretto_region_standing_get_year (standing), line);
      else if (standing != NULL)
        subtitle = g_strdup (_("Not ranked: no score for this region"));
      else
        subtitle = g_strdup (g_ptr_array_index (work->errors, m));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select-module");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", distretto_module_get_id (module));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
      gtk_list_box_append (self->modules_list, row);
    }
}

static void
fill_peers (DistrettoRegionPage *self,
            Work                *work)
{
  g_autofree char *variables = NULL;
  g_autofree char *description = NULL;

  clear_list (self->peers_list);
  g_clear_pointer (&self->peers, g_strfreev);
  self->peers = g_strdupv (work->peers);

  if (work->peers_error != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (work->peers_error, -1);

      /* The description is markup. */
      adw_preferences_group_set_description (self->peers_group, escaped);
      return;
    }

  variables = g_strjoinv (_(", "), work->used_variables);
  /* TRANSLATORS: how peers are found; %s lists the variables, e.g. "Employment in industry (%), …" */
  description = g_strdup_printf (_("The regions most alike in structure — distance over standardised variables: %s."),
                                 variables);
  {
    g_autofree char *escaped = g_markup_escape_text (description, -1);

    adw_preferences_group_set_description (self->peers_group, escaped);
  }

  for (guint i = 0; work->peers != NULL && work->peers[i] != NULL; i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region (work->dataset, work->peers[i]);
      GtkWidget *row = adw_action_row_new ();
      /* TRANSLATORS: a peer: its code and its distance in standard deviations, e.g. "ES51 · distance 0.56" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · distance %.2f"), work->peers[i],
                                                   g_array_index (work->distances, double, i));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     region ? distretto_region_get_display_name (region) : work->peers[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-region");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", work->peers[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
      gtk_list_box_append (self->peers_list, row);
    }
}

static void
fill_standing (DistrettoRegionPage *self,
               Work                *work)
{
  DistrettoModule *module = g_ptr_array_index (work->modules, work->selected);
  DistrettoRegionStanding *standing = g_ptr_array_index (work->standings, work->selected);
  g_autofree char *rank = NULL;
  g_autofree char *line = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(GString) sentences = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  if (standing == NULL)
    {
      gtk_label_set_text (self->module_label, distretto_module_get_title (module));
      gtk_label_set_text (self->rank_label, "");
      gtk_label_set_text (self->group_label, g_ptr_array_index (work->errors, work->selected));
      gtk_label_set_text (self->sentences_label, "");
      return;
    }

  /* TRANSLATORS: the heading of a region's standing, e.g. "Territorial servitization, NUTS 2 regions, 2023" */
  heading = g_strdup_printf (_("%s, NUTS %d regions, %d"), distretto_module_get_title (module),
                             distretto_region_standing_get_level (standing), distretto_region_standing_get_year (standing));
  gtk_label_set_text (self->module_label, heading);

  rank = distretto_region_standing_dup_rank_text (standing);
  gtk_label_set_text (self->rank_label, rank != NULL ? rank : _("Not ranked"));
  line = dup_standing_line (standing);
  gtk_label_set_text (self->group_label, line);

  lines = distretto_region_standing_dup_sentences (standing);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (sentences, i > 0 ? "\n• %s" : "• %s", lines[i]);
  gtk_label_set_text (self->sentences_label, sentences->str);
}

static void
fill_coverage (DistrettoRegionPage *self,
               Work                *work)
{
  DistrettoRegionStanding *standing = g_ptr_array_index (work->standings, work->selected);
  g_autoptr(GString) text = g_string_new (work->coverage ? work->coverage : _("The data cover every sub-indicator."));

  if (standing != NULL && distretto_region_standing_get_flags (standing) != DISTRETTO_FLAGS_NONE)
    {
      g_autofree char *flags = distretto_flags_dup_description (distretto_region_standing_get_flags (standing));

      /* TRANSLATORS: the flags of a region's score in words, e.g. "Flags of this score: estimated, synthetic" */
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Flags of this score: %s"), flags);
    }
  gtk_label_set_text (self->coverage_label, text->str);
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DistrettoRegionPage *self = DISTRETTO_REGION_PAGE (object);
  Work *work = g_task_get_task_data (G_TASK (result));
  DistrettoRegion *region;
  const char *country;
  g_autofree char *details = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  g_clear_object (&self->cancellable);
  self->loading = FALSE;

  region = distretto_dataset_get_region (work->dataset, work->region);
  country = region ? distretto_region_get_country_code (region) : NULL;
  gtk_label_set_text (self->name_label, region ? distretto_region_get_display_name (region) : work->region);
  if (region != NULL && distretto_region_get_level (region) > 0 && country != NULL &&
      distretto_dataset_get_region (work->dataset, country) != NULL)
    /* TRANSLATORS: under a region's name: code, level, country, e.g. "ITH3 · NUTS 2 · Italia" */
    details = g_strdup_printf (_("%s · NUTS %d · %s"), work->region, distretto_region_get_level (region),
                               distretto_region_get_display_name (distretto_dataset_get_region (work->dataset, country)));
  else if (region != NULL)
    details = g_strdup_printf (_("%s · NUTS %d"), work->region, distretto_region_get_level (region));
  gtk_label_set_text (self->details_label, details ? details : work->region);

  fill_standing (self, work);
  fill_peers (self, work);
  fill_modules (self, work);
  fill_coverage (self, work);
  distretto_chart_view_set_chart (self->profile_view, work->profile);
  distretto_chart_view_set_chart (self->trend_view, work->trend);
  gtk_widget_set_visible (GTK_WIDGET (self->profile_view), work->profile != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->trend_view), work->trend != NULL);

  gtk_stack_set_visible_child_name (self->stack, "region");
  g_signal_emit (self, signals[LOADED], 0);
}

static void
on_peers_settings_changed_cb (DistrettoRegionPage *self)
{
  if (self->updating_settings)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PEERS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUDE_COUNTRY]);
}

static void
distretto_region_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DistrettoRegionPage *self = DISTRETTO_REGION_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_PEERS:
      g_value_set_uint (value, gtk_spin_button_get_value_as_int (self->n_peers_spin));
      break;

    case PROP_EXCLUDE_COUNTRY:
      g_value_set_boolean (value, gtk_switch_get_active (self->exclude_country_switch));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_region_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DistrettoRegionPage *self = DISTRETTO_REGION_PAGE (object);

  self->updating_settings = TRUE;
  switch (prop_id)
    {
    case PROP_N_PEERS:
      gtk_spin_button_set_value (self->n_peers_spin, g_value_get_uint (value));
      break;

    case PROP_EXCLUDE_COUNTRY:
      gtk_switch_set_active (self->exclude_country_switch, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
  self->updating_settings = FALSE;
}

static void
distretto_region_page_dispose (GObject *object)
{
  DistrettoRegionPage *self = (DistrettoRegionPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DISTRETTO_TYPE_REGION_PAGE);
  g_clear_object (&self->modules);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->peers, g_strfreev);

  G_OBJECT_CLASS (distretto_region_page_parent_class)->dispose (object);
}

static void
distretto_region_page_class_init (DistrettoRegionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_region_page_dispose;
  object_class->get_property = distretto_region_page_get_property;
  object_class->set_property = distretto_region_page_set_property;

  properties[PROP_N_PEERS] =
    g_param_spec_uint ("n-peers", NULL, NULL, 1, 8, DISTRETTO_PEERS_DEFAULT_N,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXCLUDE_COUNTRY] =
    g_param_spec_boolean ("exclude-country", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the page shows what it was last asked to. */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (DISTRETTO_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-region-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, my_region_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, module_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, rank_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, group_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, sentences_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, profile_view);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, trend_view);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, modules_list);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, peers_group);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, peers_list);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, n_peers_spin);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, exclude_country_switch);
  gtk_widget_class_bind_template_child (widget_class, DistrettoRegionPage, coverage_label);
  gtk_widget_class_bind_template_callback (widget_class, on_peers_settings_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
distretto_region_page_init (DistrettoRegionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
distretto_region_page_new (void)
{
  return g_object_new (DISTRETTO_TYPE_REGION_PAGE, NULL);
}

/* Shows @region (NULL for none) across @modules on @dataset: the module
 * @module_id in full for @year (0: its latest), each module with the
 * pillar weights of @weights (module id → (pillar id → double *)). */
void
distretto_region_page_show (DistrettoRegionPage *self,
                            GListModel          *modules,
                            DistrettoDataset    *dataset,
                            const char          *region,
                            const char          *module_id,
                            int                  year,
                            GHashTable          *weights)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (DISTRETTO_IS_REGION_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (modules));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (dataset == NULL || region == NULL || distretto_dataset_get_region (dataset, region) == NULL ||
      g_list_model_get_n_items (modules) == 0)
    {
      g_clear_pointer (&self->region, g_free);
      g_clear_pointer (&self->peers, g_strfreev);
      self->loading = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  work = g_new0 (Work, 1);
  work->dataset = g_object_ref (dataset);
  work->region = g_strdup (region);
  work->modules = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      DistrettoModule *module = g_list_model_get_item (modules, i);

      if (g_strcmp0 (distretto_module_get_id (module), module_id) == 0)
        work->selected = i;
      g_ptr_array_add (work->modules, module);
    }
  work->year = year;
  work->weights = weights ? g_hash_table_ref (weights)
                          : g_hash_table_new (g_str_hash, g_str_equal);
  work->n_peers = gtk_spin_button_get_value_as_int (self->n_peers_spin);
  work->exclude_country = gtk_switch_get_active (self->exclude_country_switch);

  if (g_strcmp0 (self->region, region) != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  g_free (self->region);
  self->region = g_strdup (region);
  self->loading = TRUE;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_loaded_cb, NULL);
  g_task_set_task_data (task, work, work_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

const char *
distretto_region_page_get_region (DistrettoRegionPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_PAGE (self), NULL);

  return self->region;
}

/* The peers shown, nearest first, or NULL. */
const char * const *
distretto_region_page_get_peers (DistrettoRegionPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_PAGE (self), NULL);

  return (const char * const *) self->peers;
}

gboolean
distretto_region_page_is_loading (DistrettoRegionPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_PAGE (self), FALSE);

  return self->loading;
}

void
distretto_region_page_set_is_my_region (DistrettoRegionPage *self,
                                        gboolean             is_mine)
{
  g_return_if_fail (DISTRETTO_IS_REGION_PAGE (self));

  gtk_button_set_icon_name (self->my_region_button, is_mine ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->my_region_button),
                               is_mine ? _("My Region") : _("Set as My Region"));
}

GtkLabel *
distretto_region_page_get_rank_label (DistrettoRegionPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_PAGE (self), NULL);

  return self->rank_label;
}

GtkLabel *
distretto_region_page_get_sentences_label (DistrettoRegionPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_PAGE (self), NULL);

  return self->sentences_label;
}

GtkListBox *
distretto_region_page_get_peers_list (DistrettoRegionPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_PAGE (self), NULL);

  return self->peers_list;
}

GtkListBox *
distretto_region_page_get_modules_list (DistrettoRegionPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_PAGE (self), NULL);

  return self->modules_list;
}
