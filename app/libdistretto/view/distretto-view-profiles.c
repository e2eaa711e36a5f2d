/* distretto-view-profiles.c: a module's pillars as radar, scatter and heatmap
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-view-private.h"

/* What the three charts are drawn from: the latest result and its axes,
 * the pillars of a declared module or the components of one that
 * computes its scores itself. */
typedef struct
{
  int year;
  int level;
  DistrettoIndicatorResult *result;
  GPtrArray *ids;         /* component ids; NULL for the composite score */
  GPtrArray *titles;      /* NULL-terminated */
  GPtrArray *regions;     /* codes of the ranked regions, best first */
  GStrv components;       /* the module's declared components */
  const char *eu;         /* the EU aggregate's code, if it has a score */
  DistrettoFlags flags_used;
} Profiles;

static void
profiles_clear (Profiles *profiles)
{
  g_clear_object (&profiles->result);
  g_clear_pointer (&profiles->ids, g_ptr_array_unref);
  g_clear_pointer (&profiles->titles, g_ptr_array_unref);
  g_clear_pointer (&profiles->regions, g_ptr_array_unref);
  g_clear_pointer (&profiles->components, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Profiles, profiles_clear)

static void
add_axis (Profiles   *profiles,
          const char *id,
          const char *title)
{
  g_ptr_array_add (profiles->ids, (gpointer) id);
  g_ptr_array_add (profiles->titles, (gpointer) title);
}

/* The pillars when there are at least @min_axes of them, else the
 * sub-indicators (or the declared components of a module computing its
 * scores itself), and the composite score when that leaves fewer than
 * @min_axes. */
static gboolean
profiles_load (Profiles              *profiles,
               DistrettoViewRequest  *request,
               guint                  min_axes,
               GError               **error)
{
  DistrettoIndicatorDefinition *definition = _distretto_view_request_get_definition (request, error);
  guint n_pillars;

  if (definition == NULL)
    return FALSE;
  n_pillars = distretto_indicator_definition_get_n_pillars (definition);

  profiles->components = distretto_indicator_definition_dup_component_ids (definition);
  if (n_pillars == 0 && profiles->components[0] == NULL)
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NO_DATA,
                   _("The module “%s” declares no pillars: it has no profile to chart"),
                   distretto_indicator_definition_get_id (definition));
      return FALSE;
    }

  profiles->level = distretto_view_request_get_level (request);
  profiles->year = _distretto_view_request_choose_year (request, error);
  if (profiles->year == 0)
    return FALSE;
  profiles->result = _distretto_view_request_compute (request, profiles->year, error);
  if (profiles->result == NULL)
    return FALSE;

  profiles->ids = g_ptr_array_new ();
  profiles->titles = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  for (guint c = 0; n_pillars == 0 && profiles->components[c] != NULL; c++)
    add_axis (profiles, profiles->components[c],
              distretto_indicator_definition_get_component_title (definition, profiles->components[c]));

  for (guint p = 0; p < n_pillars; p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);

      if (n_pillars >= min_axes)
        add_axis (profiles, distretto_pillar_get_id (pillar), distretto_pillar_get_title (pillar));
      else
        for (guint s = 0; s < distretto_pillar_get_n_sub_indicators (pillar); s++)
          {
            DistrettoSubIndicator *sub = distretto_pillar_get_sub_indicator (pillar, s);

            add_axis (profiles, distretto_sub_indicator_get_id (sub), distretto_sub_indicator_get_label (sub));
          }
    }
  if (profiles->ids->len < min_axes)
    add_axis (profiles, NULL, _distretto_view_request_get_module_title (request));

  profiles->regions = _distretto_view_dup_ranked (request, profiles->result);
  for (guint i = 0; i < profiles->regions->len; i++)
    {
      DistrettoFlags flags = DISTRETTO_FLAGS_NONE;

      distretto_indicator_result_lookup (profiles->result, g_ptr_array_index (profiles->regions, i), NULL, &flags);
      profiles->flags_used |= flags;
    }
  profiles->eu = _distretto_view_find_eu (profiles->result);

  return TRUE;
}

/* A region's value on an axis: a component's score, or the composite. */
static double
profiles_value (Profiles   *profiles,
                const char *code,
                guint       axis)
{
  const char *id = g_ptr_array_index (profiles->ids, axis);
  double score;

  if (id != NULL)
    return distretto_indicator_result_get_component (profiles->result, code, id);
  return distretto_indicator_result_lookup (profiles->result, code, &score, NULL) ? score : NAN;
}

/* The reference on an axis: the EU aggregate's, or the regions' mean. */
static double
profiles_reference (Profiles *profiles,
                    guint     axis)
{
  double sum = 0.0;
  guint n = 0;

  if (profiles->eu != NULL)
    return profiles_value (profiles, profiles->eu, axis);

  for (guint i = 0; i < profiles->regions->len; i++)
    {
      double value = profiles_value (profiles, g_ptr_array_index (profiles->regions, i), axis);

      if (isfinite (value))
        {
          sum += value;
          n++;
        }
    }

  return n > 0 ? sum / n : NAN;
}

/* The flags of @code's score, for the chart's table. */
static void
profiles_set_flags (Profiles       *profiles,
                    DistrettoChart *chart,
                    const char     *code)
{
  DistrettoFlags flags = DISTRETTO_FLAGS_NONE;

  if (distretto_indicator_result_lookup (profiles->result, code, NULL, &flags))
    distretto_chart_set_region_flags (chart, code, flags);
}

static const char *
profiles_reference_name (Profiles *profiles)
{
  return profiles->eu != NULL ? _("EU") : _("Mean of the regions");
}

/* The codes of the values in the tidy table: `module.pillar`, the
 * module's own for the composite; a scatter's third is the composite. */
static void
set_series_ids (DistrettoChart       *chart,
                Profiles             *profiles,
                DistrettoViewRequest *request)
{
  DistrettoIndicatorDefinition *definition = _distretto_view_request_get_definition (request, NULL);
  const char *module = definition != NULL ? distretto_indicator_definition_get_id (definition) : "value";
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) built = NULL;
  guint n = distretto_chart_get_kind (chart) == DISTRETTO_CHART_KIND_SCATTER ? MIN (2, profiles->ids->len)
                                                                              : profiles->ids->len;

  for (guint axis = 0; axis < n; axis++)
    {
      const char *id = g_ptr_array_index (profiles->ids, axis);
      g_autofree char *code = id != NULL ? g_strdup_printf ("%s.%s", module, id) : g_strdup (module);

      g_strv_builder_add (ids, code);
    }
  if (distretto_chart_get_kind (chart) == DISTRETTO_CHART_KIND_SCATTER)
    g_strv_builder_add (ids, module);

  built = g_strv_builder_end (ids);
  distretto_chart_set_series_ids (chart, (const char * const *) built);
}

static void
set_common (DistrettoChart       *chart,
            Profiles             *profiles,
            DistrettoViewRequest *request)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *phrase = _distretto_view_dup_regions_phrase (request);

  /* TRANSLATORS: the subtitle of a profile chart, e.g. "NUTS 2 regions, 2023" */
  subtitle = g_strdup_printf (_("%s, %d"), phrase, profiles->year);
  distretto_chart_set_subtitle (chart, subtitle);
  distretto_chart_set_unit (chart, _distretto_view_request_get_unit (request));
  distretto_chart_set_year (chart, profiles->year);
  set_series_ids (chart, profiles, request);
  _distretto_view_finish (request, chart, profiles->flags_used);
}

/* The radar of a module: the profiles of the regions asked for (by
 * default the selected region, else the best ranked one) against the EU's
 * or the regions' mean. */
DistrettoChart *
_distretto_view_build_radar (DistrettoViewRequest  *request,
                             GError               **error)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  const char * const *region_codes = distretto_view_request_get_regions (request);
  const char *selected = distretto_view_request_get_selected (request);
  g_auto(Profiles) profiles = { 0, };
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autofree double *values = NULL;
  guint line;

  if (!_distretto_view_check_regions (dataset, region_codes, error) ||
      !profiles_load (&profiles, request, 3, error))
    return NULL;

  for (guint i = 0; region_codes != NULL && region_codes[i] != NULL; i++)
    g_ptr_array_add (codes, (gpointer) region_codes[i]);
  if (codes->len == 0 && selected != NULL && distretto_dataset_get_region (dataset, selected) != NULL)
    g_ptr_array_add (codes, (gpointer) selected);
  if (codes->len == 0 && profiles.regions->len > 0)
    g_ptr_array_add (codes, g_ptr_array_index (profiles.regions, 0));

  chart = distretto_chart_new_radar (_distretto_view_request_get_module_title (request));
  distretto_chart_set_axes (chart, (const char * const *) profiles.titles->pdata);
  values = g_new (double, profiles.ids->len);

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);

      for (guint axis = 0; axis < profiles.ids->len; axis++)
        values[axis] = profiles_value (&profiles, code, axis);
      distretto_chart_add_profile (chart, code, _distretto_view_region_name (dataset, code), values, profiles.ids->len);
      profiles_set_flags (&profiles, chart, code);
    }

  for (guint axis = 0; axis < profiles.ids->len; axis++)
    values[axis] = profiles_reference (&profiles, axis);
  line = distretto_chart_add_profile (chart, profiles.eu ? profiles.eu : "mean",
                                      profiles_reference_name (&profiles), values, profiles.ids->len);
  distretto_chart_set_reference_line (chart, line);

  distretto_chart_set_notes (chart, _("Each axis is a normalised score from 0 (the lowest region) to 100 (the highest)."));
  set_common (chart, &profiles, request);

  return g_steal_pointer (&chart);
}

/* The mean of @codes' values on @axis, NaN if none has one. */
static double
profiles_mean (Profiles           *profiles,
               const char * const *codes,
               guint               axis)
{
  double sum = 0.0;
  guint n = 0;

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      double value = profiles_value (profiles, codes[i], axis);

      if (isfinite (value))
        {
          sum += value;
          n++;
        }
    }

  return n > 0 ? sum / n : NAN;
}

/* The region page's profile: the selected region's pillars against the
 * mean of the regions asked for (its peers) and the EU's or the regions'
 * mean. */
DistrettoChart *
_distretto_view_build_region_profile (DistrettoViewRequest  *request,
                                      GError               **error)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  const char * const *peers = distretto_view_request_get_regions (request);
  const char *selected = distretto_view_request_get_selected (request);
  g_auto(Profiles) profiles = { 0, };
  g_autoptr(DistrettoChart) chart = NULL;
  g_autofree double *values = NULL;
  g_autofree char *subtitle = NULL;
  guint line;

  if (selected == NULL || distretto_dataset_get_region (dataset, selected) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A region’s profile needs a region: choose one"));
      return NULL;
    }

  if (!_distretto_view_check_regions (dataset, peers, error) ||
      !profiles_load (&profiles, request, 3, error))
    return NULL;

  chart = distretto_chart_new_radar (_distretto_view_request_get_module_title (request));
  distretto_chart_set_axes (chart, (const char * const *) profiles.titles->pdata);
  values = g_new (double, profiles.ids->len);

  for (guint axis = 0; axis < profiles.ids->len; axis++)
    values[axis] = profiles_value (&profiles, selected, axis);
  distretto_chart_add_profile (chart, selected, _distretto_view_region_name (dataset, selected), values,
                               profiles.ids->len);
  profiles_set_flags (&profiles, chart, selected);

  if (peers != NULL)
    {
      guint n = g_strv_length ((char **) peers);
      g_autofree char *label = NULL;

      for (guint axis = 0; axis < profiles.ids->len; axis++)
        values[axis] = profiles_mean (&profiles, peers, axis);
      /* TRANSLATORS: the line of a region's peers in its profile, e.g. "Peers (mean of 5)" */
      label = g_strdup_printf (ngettext ("Peers (mean of %u)", "Peers (mean of %u)", n), n);
      distretto_chart_add_profile (chart, "peers", label, values, profiles.ids->len);
    }

  for (guint axis = 0; axis < profiles.ids->len; axis++)
    values[axis] = profiles_reference (&profiles, axis);
  line = distretto_chart_add_profile (chart, profiles.eu ? profiles.eu : "mean",
                                      profiles_reference_name (&profiles), values, profiles.ids->len);
  distretto_chart_set_reference_line (chart, line);

  distretto_chart_set_notes (chart, _("Each axis is a normalised score from 0 (the lowest region) to 100 (the highest)."));
  set_common (chart, &profiles, request);
  /* TRANSLATORS: the subtitle of a region's profile, e.g. "Veneto, its peers and the EU, 2023" */
  subtitle = g_strdup_printf (peers != NULL ? _("%s, its peers and the reference, %d") : _("%s and the reference, %d"),
                              _distretto_view_region_name (dataset, selected), profiles.year);
  distretto_chart_set_subtitle (chart, subtitle);
  if (_distretto_view_request_has_changed_weights (request))
    {
      g_autofree char *marked = g_strdup_printf (_("%s · changed weights"), subtitle);

      distretto_chart_set_subtitle (chart, marked);
    }

  return g_steal_pointer (&chart);
}

/* The heatmap of a module: every ranked region by every axis, best
 * region first. */
DistrettoChart *
_distretto_view_build_heatmap (DistrettoViewRequest  *request,
                               GError               **error)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  g_auto(Profiles) profiles = { 0, };
  g_autoptr(DistrettoChart) chart = NULL;
  g_autofree double *values = NULL;

  if (!profiles_load (&profiles, request, G_MAXUINT, error))
    return NULL;

  chart = distretto_chart_new_heatmap (_distretto_view_request_get_module_title (request));
  distretto_chart_set_axes (chart, (const char * const *) profiles.titles->pdata);
  values = g_new (double, profiles.ids->len);

  for (guint i = 0; i < profiles.regions->len; i++)
    {
      const char *code = g_ptr_array_index (profiles.regions, i);

      for (guint axis = 0; axis < profiles.ids->len; axis++)
        values[axis] = profiles_value (&profiles, code, axis);
      distretto_chart_add_profile (chart, code, _distretto_view_region_name (dataset, code), values, profiles.ids->len);
      profiles_set_flags (&profiles, chart, code);
    }

  distretto_chart_set_notes (chart, _("Normalised scores from 0 (the lowest region) to 100 (the highest); rows in ranking order."));
  set_common (chart, &profiles, request);

  return g_steal_pointer (&chart);
}

/* The scatter of a module: its first two axes against each other, the
 * composite score as colour, quadrants at the references. */
DistrettoChart *
_distretto_view_build_scatter (DistrettoViewRequest  *request,
                               GError               **error)
{
  DistrettoDataset *dataset = distretto_view_request_get_dataset (request);
  const char * const *region_codes = distretto_view_request_get_regions (request);
  const char *selected = distretto_view_request_get_selected (request);
  const char *title = _distretto_view_request_get_module_title (request);
  g_auto(Profiles) profiles = { 0, };
  g_autoptr(DistrettoChart) chart = NULL;
  g_autoptr(GPtrArray) labelled = g_ptr_array_new ();
  g_autofree char *x_label = NULL;
  g_autofree char *y_label = NULL;

  if (!_distretto_view_check_regions (dataset, region_codes, error) ||
      !profiles_load (&profiles, request, 2, error))
    return NULL;

  chart = distretto_chart_new_scatter (title);
  distretto_chart_set_axis_titles (chart, g_ptr_array_index (profiles.titles, 0), g_ptr_array_index (profiles.titles, 1));
  distretto_chart_set_third (chart, title, DISTRETTO_CHART_ENCODING_COLOR);

  for (guint i = 0; i < profiles.regions->len; i++)
    {
      const char *code = g_ptr_array_index (profiles.regions, i);
      double score = NAN;

      distretto_indicator_result_lookup (profiles.result, code, &score, NULL);
      distretto_chart_add_point (chart, code, _distretto_view_region_name (dataset, code),
                                 profiles_value (&profiles, code, 0), profiles_value (&profiles, code, 1), score);
      profiles_set_flags (&profiles, chart, code);
    }

  /* TRANSLATORS: the label of a scatter's reference line, e.g. "EU 52.0" */
  x_label = g_strdup_printf (_("%s %.1f"), profiles_reference_name (&profiles), profiles_reference (&profiles, 0));
  y_label = g_strdup_printf (_("%s %.1f"), profiles_reference_name (&profiles), profiles_reference (&profiles, 1));
  distretto_chart_set_x_reference (chart, profiles_reference (&profiles, 0), x_label);
  distretto_chart_set_reference (chart, profiles_reference (&profiles, 1), y_label);

  for (guint i = 0; region_codes != NULL && region_codes[i] != NULL; i++)
    g_ptr_array_add (labelled, (gpointer) region_codes[i]);
  for (guint i = 0; labelled->len == 0 && i < MIN (profiles.regions->len, DISTRETTO_VIEW_DEFAULT_REGIONS); i++)
    g_ptr_array_add (labelled, g_ptr_array_index (profiles.regions, i));
  if (selected != NULL && !g_ptr_array_find_with_equal_func (labelled, selected, g_str_equal, NULL))
    g_ptr_array_add (labelled, (gpointer) selected);
  g_ptr_array_add (labelled, NULL);
  distretto_chart_set_labelled (chart, (const char * const *) labelled->pdata);

  set_common (chart, &profiles, request);
  distretto_chart_set_unit (chart, NULL);

  return g_steal_pointer (&chart);
}
