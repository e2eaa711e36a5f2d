/* distretto-view.c: the one table of built-in views
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-view-private.h"

/**
 * SECTION:distretto-view
 * @title: Views
 *
 * The charts Distretto draws of any module: one table of built-in views,
 * each with an id, a title, what it needs and a builder that makes a
 * #DistrettoChart from a #DistrettoViewRequest. The window's drop-down,
 * `distretto export --chart` and the checks of a module's own views all
 * read this table. A module's own views (those its definition declares)
 * are built as custom charts in the same frame.
 */

typedef DistrettoChart *(*ViewBuilder) (DistrettoViewRequest *request,
                                        GError              **error);

static const struct
{
  const char *id;
  const char *title;
  DistrettoViewNeeds needs;
  ViewBuilder build;
} builtin_views[] = {
  { "ranking", N_("Ranking"), DISTRETTO_VIEW_NEEDS_NOTHING, _distretto_view_build_ranking },
  { "trend", N_("Trend"), DISTRETTO_VIEW_TAKES_REGIONS, _distretto_view_build_trend },
  { "map", N_("Map"), DISTRETTO_VIEW_NEEDS_BOUNDARIES, _distretto_view_build_map },
  { "radar", N_("Profile"), DISTRETTO_VIEW_NEEDS_PILLARS | DISTRETTO_VIEW_TAKES_REGIONS, _distretto_view_build_radar },
  { "scatter", N_("Scatter"), DISTRETTO_VIEW_NEEDS_PILLARS | DISTRETTO_VIEW_TAKES_REGIONS, _distretto_view_build_scatter },
  { "heatmap", N_("Heatmap"), DISTRETTO_VIEW_NEEDS_PILLARS, _distretto_view_build_heatmap },
  { "uncertainty", N_("Uncertainty"), DISTRETTO_VIEW_NEEDS_PILLARS | DISTRETTO_VIEW_NEEDS_ANALYSIS,
    _distretto_view_build_uncertainty },
  { "sensitivity", N_("Sensitivity"), DISTRETTO_VIEW_NEEDS_PILLARS | DISTRETTO_VIEW_NEEDS_ANALYSIS,
    _distretto_view_build_sensitivity },
  { "region-profile", N_("Region Profile"), DISTRETTO_VIEW_NEEDS_PILLARS | DISTRETTO_VIEW_TAKES_REGIONS |
                                            DISTRETTO_VIEW_NEEDS_REGION, _distretto_view_build_region_profile },
};

static int
find_builtin (const char *view_id)
{
  for (guint i = 0; view_id != NULL && i < G_N_ELEMENTS (builtin_views); i++)
    if (g_str_equal (builtin_views[i].id, view_id))
      return i;

  return -1;
}

/**
 * distretto_view_dup_builtin_ids:
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of the
 *   built-in views, in the order they are offered
 */
char **
distretto_view_dup_builtin_ids (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (builtin_views); i++)
    g_strv_builder_add (builder, builtin_views[i].id);

  return g_strv_builder_end (builder);
}

/**
 * distretto_view_is_builtin:
 * @view_id: a view id
 *
 * Returns: whether @view_id is a built-in view; a module's own views
 *   cannot take these ids
 */
gboolean
distretto_view_is_builtin (const char *view_id)
{
  g_return_val_if_fail (view_id != NULL, FALSE);

  return find_builtin (view_id) >= 0;
}

/**
 * distretto_view_get_title:
 * @view_id: the id of a built-in view
 *
 * Returns: (nullable): its translated title, or %NULL for another id
 */
const char *
distretto_view_get_title (const char *view_id)
{
  int i = find_builtin (view_id);

  return i >= 0 ? _(builtin_views[i].title) : NULL;
}

/**
 * distretto_view_get_needs:
 * @view_id: the id of a built-in view
 *
 * Returns: what the view needs and takes; nothing for another id
 */
DistrettoViewNeeds
distretto_view_get_needs (const char *view_id)
{
  int i = find_builtin (view_id);

  return i >= 0 ? builtin_views[i].needs : DISTRETTO_VIEW_NEEDS_NOTHING;
}

static gboolean
has_profiles (DistrettoIndicatorDefinition *definition)
{
  g_auto(GStrv) components = distretto_indicator_definition_dup_component_ids (definition);

  return distretto_indicator_definition_get_n_pillars (definition) > 0 || components[0] != NULL;
}

/* Whether @definition can fill a view that @needs: profiles need pillars
 * or components, an analysis of the method needs pillars. */
static gboolean
can_fill (DistrettoIndicatorDefinition *definition,
          DistrettoViewNeeds            needs)
{
  if ((needs & DISTRETTO_VIEW_NEEDS_ANALYSIS) && distretto_indicator_definition_get_n_pillars (definition) == 0)
    return FALSE;

  return !(needs & DISTRETTO_VIEW_NEEDS_PILLARS) || has_profiles (definition);
}

/**
 * distretto_view_dup_ids_for:
 * @definition: a module's definition
 *
 * The views a module offers: the built-in ones it can fill (profiles,
 * scatters and heatmaps need pillars or declared components, the
 * uncertainty and sensitivity of the method need pillars), then its own
 * views. The views of one region (%DISTRETTO_VIEW_NEEDS_REGION) are
 * left out: the region page builds them.
 *
 * Returns: (transfer full) (array zero-terminated=1): view ids
 */
char **
distretto_view_dup_ids_for (DistrettoIndicatorDefinition *definition)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) own = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (definition), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_views); i++)
    if (can_fill (definition, builtin_views[i].needs) && !(builtin_views[i].needs & DISTRETTO_VIEW_NEEDS_REGION))
      g_strv_builder_add (builder, builtin_views[i].id);

  own = distretto_indicator_definition_dup_view_ids (definition);
  for (guint i = 0; own[i] != NULL; i++)
    if (!distretto_view_is_builtin (own[i]))
      g_strv_builder_add (builder, own[i]);

  return g_strv_builder_end (builder);
}

/**
 * distretto_view_get_title_for:
 * @definition: a module's definition
 * @view_id: a view id
 *
 * Returns: (nullable): the title of a built-in view or of one of the
 *   module's own, or %NULL if the module offers no such view
 */
const char *
distretto_view_get_title_for (DistrettoIndicatorDefinition *definition,
                              const char                   *view_id)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (definition), NULL);
  g_return_val_if_fail (view_id != NULL, NULL);

  if (distretto_view_is_builtin (view_id))
    return can_fill (definition, distretto_view_get_needs (view_id)) ? distretto_view_get_title (view_id) : NULL;

  return distretto_indicator_definition_get_view_title (definition, view_id);
}

/**
 * distretto_view_check_definition:
 * @definition: a module's definition
 * @error: return location for a #DistrettoIndicatorError
 *
 * Checks that the module's own views do not take the id of a built-in
 * view, which would hide them.
 *
 * Returns: %TRUE if every view of the module can be shown
 */
gboolean
distretto_view_check_definition (DistrettoIndicatorDefinition  *definition,
                                 GError                       **error)
{
  g_auto(GStrv) own = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_DEFINITION (definition), FALSE);

  own = distretto_indicator_definition_dup_view_ids (definition);
  for (guint i = 0; own[i] != NULL; i++)
    if (distretto_view_is_builtin (own[i]))
      {
        g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_INVALID_DEFINITION,
                     _("The definition of “%s” is not valid: a view cannot be called “%s”: Distretto draws "
                       "that one"),
                     distretto_indicator_definition_get_id (definition), own[i]);
        return FALSE;
      }

  return TRUE;
}

/**
 * distretto_view_build:
 * @view_id: a built-in view or one of the module's own
 * @request: what to show
 * @error: return location for a #GError
 *
 * Builds the chart of a view: what the window shows and `distretto
 * export` writes. A module's own view is a custom chart in the same
 * frame (title, source, notes) whose body the module draws. The title,
 * subtitle, notes and source line the request sets replace the view's.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
DistrettoChart *
distretto_view_build (const char            *view_id,
                      DistrettoViewRequest  *request,
                      GError               **error)
{
  DistrettoIndicatorDefinition *definition;
  g_autoptr(DistrettoChart) chart = NULL;
  int i;

  g_return_val_if_fail (view_id != NULL, NULL);
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (request), NULL);

  definition = _distretto_view_request_get_definition (request, error);
  if (definition == NULL)
    return NULL;

  if (distretto_view_get_title_for (definition, view_id) == NULL)
    {
      g_auto(GStrv) ids = distretto_view_dup_ids_for (definition);
      g_autofree char *list = g_strjoinv (", ", ids);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("unknown chart type “%s”: the module offers %s"), view_id, list);
      return NULL;
    }

  i = find_builtin (view_id);
  if (i < 0)
    chart = _distretto_view_build_module (request, view_id, error);
  else if ((builtin_views[i].needs & DISTRETTO_VIEW_NEEDS_BOUNDARIES) &&
           distretto_view_request_get_boundaries (request) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The map needs the boundaries of the regions: import a GeoJSON file such as GISCO’s NUTS file"));
      return NULL;
    }
  else if ((builtin_views[i].needs & DISTRETTO_VIEW_NEEDS_ANALYSIS) &&
           !distretto_indicator_computes_declared (distretto_view_request_get_indicator (request)))
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NOT_SUPPORTED,
                   _("The module “%s” computes its scores with code of its own: Distretto cannot vary its method"),
                   distretto_indicator_definition_get_id (definition));
      return NULL;
    }
  else
    chart = builtin_views[i].build (request, error);

  if (chart != NULL)
    _distretto_view_request_apply_texts (request, chart);

  return g_steal_pointer (&chart);
}

/* The chart category, and so the colour, of a performance group: best
 * first, -1 for none. */
int
_distretto_view_group_category (DistrettoPerformanceGroup group)
{
  switch (group)
    {
    case DISTRETTO_PERFORMANCE_GROUP_LEADER:
      return 0;
    case DISTRETTO_PERFORMANCE_GROUP_STRONG:
      return 1;
    case DISTRETTO_PERFORMANCE_GROUP_MODERATE:
      return 2;
    case DISTRETTO_PERFORMANCE_GROUP_EMERGING:
      return 3;
    case DISTRETTO_PERFORMANCE_GROUP_NONE:
    default:
      return -1;
    }
}

/* The code of the EU aggregate @result has a score for, the current
 * composition first, or NULL. */
const char *
_distretto_view_find_eu (DistrettoIndicatorResult *result)
{
  static const char *eu[] = { "EU27_2020", "EU28", "EU27", "EU27_2007", NULL };

  for (guint i = 0; eu[i] != NULL; i++)
    if (distretto_indicator_result_lookup (result, eu[i], NULL, NULL))
      return eu[i];

  return NULL;
}

/* A region a view of @level compares: of that level, neither Extra-Regio
 * nor a code of another NUTS version. */
gboolean
_distretto_view_is_compared (DistrettoRegion *region,
                             int              level)
{
  return region != NULL &&
         distretto_region_get_level (region) == level &&
         !distretto_region_is_extra_regio (region) &&
         !distretto_region_is_abolished (region);
}

/**
 * distretto_view_dup_compared_regions:
 * @dataset: a dataset
 * @level: a NUTS level, 0 to 3
 *
 * The regions views of @level compare: those of the level, neither
 * Extra-Regio nor codes of another NUTS version; what `--all-regions`
 * goes through.
 *
 * Returns: (transfer full) (element-type utf8): their codes, in the
 *   dataset's order
 */
GPtrArray *
distretto_view_dup_compared_regions (DistrettoDataset *dataset,
                                     int               level)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);

      if (_distretto_view_is_compared (region, level))
        g_ptr_array_add (codes, g_strdup (distretto_region_get_code (region)));
    }

  return g_steal_pointer (&codes);
}

static int
compare_scores (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  DistrettoIndicatorResult *result = user_data;
  double score_a = 0, score_b = 0;

  distretto_indicator_result_lookup (result, *(const char * const *) a, &score_a, NULL);
  distretto_indicator_result_lookup (result, *(const char * const *) b, &score_b, NULL);

  return (score_a < score_b) - (score_a > score_b);
}

/* The compared regions with a score, of the request's level and
 * country, best first; the codes are @result's. */
GPtrArray *
_distretto_view_dup_ranked (DistrettoViewRequest     *request,
                            DistrettoIndicatorResult *result)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  int level = distretto_view_request_get_level (request);
  const char *country = distretto_view_request_get_country (request);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      const char *code = distretto_indicator_result_get_region_code (result, i);
      DistrettoRegion *region = distretto_dataset_get_region (dataset, code);

      if (_distretto_view_is_compared (region, level) &&
          (country == NULL || g_strcmp0 (distretto_region_get_country_code (region), country) == 0) &&
          isfinite (distretto_indicator_result_get_score (result, i)))
        g_ptr_array_add (codes, (gpointer) code);
    }

  g_ptr_array_sort_with_data (codes, compare_scores, result);

  return g_steal_pointer (&codes);
}

/* "NUTS 2 regions", or "NUTS 2 regions of Italia" when the request
 * compares one country's. */
char *
_distretto_view_dup_regions_phrase (DistrettoViewRequest *request)
{
  const char *country = distretto_view_request_get_country (request);
  int level = distretto_view_request_get_level (request);

  if (country == NULL)
    /* TRANSLATORS: what a chart compares, e.g. "NUTS 2 regions" */
    return g_strdup_printf (_("NUTS %d regions"), level);

  /* TRANSLATORS: what a chart compares, e.g. "NUTS 2 regions of Italia" */
  return g_strdup_printf (_("NUTS %d regions of %s"), level,
                          _distretto_view_region_name (distretto_view_request_get_dataset (request), country));
}

/* Every code of @region_codes (which may be NULL) is a region of
 * @dataset, or a G_IO_ERROR_NOT_FOUND names the first that is not. */
gboolean
_distretto_view_check_regions (DistrettoDataset    *dataset,
                               const char * const  *region_codes,
                               GError             **error)
{
  for (guint i = 0; region_codes != NULL && region_codes[i] != NULL; i++)
    if (distretto_dataset_get_region (dataset, region_codes[i]) == NULL)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("unknown region “%s”: the dataset has no such region"), region_codes[i]);
        return FALSE;
      }

  return TRUE;
}

const char *
_distretto_view_region_name (DistrettoDataset *dataset,
                             const char       *code)
{
  DistrettoRegion *region = distretto_dataset_get_region (dataset, code);

  return region != NULL ? distretto_region_get_display_name (region) : code;
}

/* Puts @note before the chart's notes. */
static void
prepend_note (DistrettoChart *chart,
              char           *note)
{
  const char *own = distretto_chart_get_notes (chart);
  g_autofree char *notes = own != NULL && *own != '\0' ? g_strconcat (note, "\n", own, NULL) : g_strdup (note);

  distretto_chart_set_notes (chart, notes);
  g_free (note);
}

/* The pillars and their weights, the changed ones with the module's. */
static char *
dup_weights_note (DistrettoViewRequest *request)
{
  DistrettoIndicatorDefinition *definition = _distretto_view_request_get_definition (request, NULL);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (definition); p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);
      double own = distretto_pillar_get_weight (pillar);
      double weight = distretto_view_request_get_pillar_weight (request, distretto_pillar_get_id (pillar));

      if (list->len > 0)
        g_string_append (list, ", ");
      if (isnan (weight) || weight == own)
        /* TRANSLATORS: a pillar and its weight in a list, e.g. "KIBS depth 1" */
        g_string_append_printf (list, _("%s %g"), distretto_pillar_get_title (pillar), own);
      else
        /* TRANSLATORS: a pillar whose weight the user changed, e.g. "KIBS depth 2 (module: 1)" */
        g_string_append_printf (list, _("%s %g (module: %g)"), distretto_pillar_get_title (pillar), weight, own);
    }

  /* TRANSLATORS: a chart's note; %s lists the pillars and their weights */
  return g_strdup_printf (_("Pillar weights changed: %s."), list->str);
}

/* What every view ends with: the source line from the data's
 * provenance, the synthetic mark, what the module could use of the data
 * and changed weights before the chart's own notes, the selected region,
 * the code of the values for the tidy table. */
void
_distretto_view_finish (DistrettoViewRequest *request,
                        DistrettoChart       *chart,
                        DistrettoFlags        flags_used)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  DistrettoIndicatorDefinition *definition = _distretto_view_request_get_definition (request, NULL);
  const char *selected = distretto_view_request_get_selected (request);
  gboolean synthetic = (flags_used & DISTRETTO_FLAGS_SYNTHETIC) != 0;
  char *coverage = NULL;
  g_autofree char *source_line = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  if (definition != NULL)
    {
      sources = distretto_view_dup_sources (definition, dataset);
      source_line = distretto_view_dup_source_line (sources, synthetic);
      distretto_chart_set_indicator (chart, distretto_indicator_definition_get_id (definition));
    }
  distretto_chart_set_source (chart, source_line);
  distretto_chart_set_synthetic (chart, synthetic);

  if (_distretto_view_request_has_changed_weights (request))
    {
      /* TRANSLATORS: added to a chart's subtitle when the user changed the module's weights */
      g_autofree char *subtitle = g_strdup_printf (_("%s · changed weights"),
                                                   distretto_chart_get_subtitle (chart)
                                                   ? distretto_chart_get_subtitle (chart) : "");

      distretto_chart_set_subtitle (chart, subtitle);
      prepend_note (chart, dup_weights_note (request));
    }

  coverage = distretto_indicator_dup_coverage (distretto_view_request_get_indicator (request), dataset);
  if (coverage != NULL)
    prepend_note (chart, coverage);

  if (selected != NULL && distretto_dataset_get_region (dataset, selected) != NULL)
    distretto_chart_set_selected (chart, selected);
}
