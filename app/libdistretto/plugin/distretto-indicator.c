/* distretto-indicator.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "distretto-indicator.h"
#include "../index/distretto-index.h"

/**
 * DistrettoIndicator:
 *
 * An indicator module, implemented by a plugin in C or Python. The module
 * declares its indicator with a #DistrettoIndicatorDefinition and may
 * compute the scores itself; the host checks the dataset, charts and
 * exports the result.
 */

G_DEFINE_INTERFACE (DistrettoIndicator, distretto_indicator, G_TYPE_OBJECT)

G_DEFINE_QUARK (distretto-indicator-error-quark, distretto_indicator_error)

enum {
  ERROR_REPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark
reported_error_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("distretto-indicator-reported-error");

  return quark;
}

static DistrettoIndicatorResult *
compute_single_series (DistrettoIndicatorDefinition *definition,
                       DistrettoDataset             *dataset,
                       int                           year)
{
  const char *series = distretto_indicator_definition_get_required_series (definition)[0];
  g_autoptr(DistrettoIndicatorResult) result = distretto_indicator_result_new (year);

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      DistrettoRegion *region = distretto_dataset_get_region_at (dataset, i);
      const char *code = distretto_region_get_code (region);
      DistrettoFlags flags;
      double value = distretto_dataset_get_selected_value (dataset, series, code, year, &flags);

      distretto_indicator_result_add_score (result, code, value, flags);
    }

  return g_steal_pointer (&result);
}

/* The host's computation of a declared indicator: the pipeline for one
 * with pillars, the series itself for one with a single series. */
static DistrettoIndicatorResult *
compute_declared (DistrettoIndicator  *self,
                  DistrettoDataset    *dataset,
                  int                  year,
                  GError             **error)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = distretto_indicator_get_definition (self);
  const char * const *series = distretto_indicator_definition_get_required_series (definition);
  guint n_pillars = distretto_indicator_definition_get_n_pillars (definition);

  if (n_pillars > 0)
    {
      g_autofree DistrettoPillar **pillars = g_new (DistrettoPillar *, n_pillars);

      for (guint i = 0; i < n_pillars; i++)
        pillars[i] = distretto_indicator_definition_get_pillar (definition, i);

      return distretto_index_compute (pillars, n_pillars,
                                      distretto_indicator_definition_get_normalisation (definition),
                                      distretto_indicator_definition_get_within_pillars (definition),
                                      distretto_indicator_definition_get_across_pillars (definition),
                                      distretto_indicator_definition_get_imputation (definition),
                                      dataset, year);
    }

  if (series[0] != NULL && series[1] == NULL)
    return compute_single_series (definition, dataset, year);

  g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
               _("The module “%s” declares no pillars and %u series: it needs pillars or its own compute function"),
               distretto_indicator_definition_get_id (definition),
               g_strv_length ((char **) series));
  return NULL;
}

static void
distretto_indicator_default_init (DistrettoIndicatorInterface *iface)
{
  iface->compute = compute_declared;

  /**
   * DistrettoIndicator::error-reported:
   * @self: the #DistrettoIndicator
   * @message: what went wrong
   *
   * Emitted by distretto_indicator_report_error(), so the host can take a
   * module that failed in its own code out of use.
   */
  signals[ERROR_REPORTED] =
    g_signal_new ("error-reported",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

/**
 * distretto_indicator_get_definition:
 * @self: a #DistrettoIndicator
 *
 * Returns: (transfer full): what the module declares about its indicator
 */
DistrettoIndicatorDefinition *
distretto_indicator_get_definition (DistrettoIndicator *self)
{
  DistrettoIndicatorInterface *iface;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);

  iface = DISTRETTO_INDICATOR_GET_IFACE (self);
  g_return_val_if_fail (iface->get_definition != NULL, NULL);

  return iface->get_definition (self);
}

/* One line of the “needs data” message: what is missing, the tables to
 * get, and what the dataset said about it. */
static void
add_missing (GString            *message,
             const char         *what,
             const char * const *tables,
             const GError       *error)
{
  g_autofree char *list = tables != NULL && tables[0] != NULL ? g_strjoinv (", ", (char **) tables) : NULL;

  g_string_append (message, "\n• ");
  if (list != NULL)
    /* Translators: a missing sub-indicator, the Eurostat tables that have it, and why it is missing */
    g_string_append_printf (message, _("%s (Eurostat %s): %s"), what, list, error->message);
  else
    g_string_append_printf (message, _("%s: %s"), what, error->message);
}

/* Whether @dataset gives every required series and, for a module with
 * pillars, at least one sub-indicator. */
static gboolean
check_series (DistrettoIndicatorDefinition  *definition,
              DistrettoDataset              *dataset,
              GError                       **error)
{
  const char * const *required = distretto_indicator_definition_get_required_series (definition);
  g_autoptr(GString) missing = g_string_new (NULL);
  gboolean required_missing = FALSE;
  guint n_subs = 0, n_found = 0;

  for (guint i = 0; required[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!distretto_dataset_check_selector (dataset, required[i], &local_error))
        {
          g_auto(GStrv) tables = distretto_selector_dup_tables (required[i]);

          add_missing (missing, required[i], (const char * const *) tables, local_error);
          required_missing = TRUE;
        }
    }

  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (definition); p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        {
          DistrettoSubIndicator *sub = distretto_pillar_get_sub_indicator (pillar, i);
          g_autoptr(GError) local_error = NULL;

          n_subs++;
          if (distretto_sub_indicator_find_source (sub, dataset, &local_error) != NULL)
            n_found++;
          else
            {
              g_auto(GStrv) tables = distretto_sub_indicator_dup_tables (sub);
              g_autofree char *what = g_strdup_printf ("%s (%s)", distretto_sub_indicator_get_label (sub),
                                                       distretto_sub_indicator_get_id (sub));

              add_missing (missing, what, (const char * const *) tables, local_error);
            }
        }
    }

  if (!required_missing && (n_subs == 0 || n_found > 0))
    return TRUE;

  g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_MISSING_SERIES,
               _("This module needs data that is not loaded; import a file with it, or get the tables "
                 "from Eurostat:%s"), missing->str);
  return FALSE;
}

/**
 * distretto_indicator_check_dataset:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 * @error: return location for a #DistrettoIndicatorError
 *
 * Checks that @dataset holds what the module needs: every required
 * series, and for a module with pillars at least one sub-indicator (the
 * index is computed from those present; see
 * distretto_indicator_dup_coverage()). The error names each missing
 * selector, the Eurostat tables that have it and the nearest series
 * loaded.
 *
 * Returns: %TRUE if the module can be computed on @dataset
 */
gboolean
distretto_indicator_check_dataset (DistrettoIndicator  *self,
                                   DistrettoDataset    *dataset,
                                   GError             **error)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), FALSE);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), FALSE);

  definition = distretto_indicator_get_definition (self);
  if (definition == NULL)
    {
      const char *reported = distretto_indicator_get_reported_error (self);

      if (reported != NULL)
        g_set_error_literal (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED, reported);
      else
        g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
                     _("The module returned no definition"));
      return FALSE;
    }

  return distretto_indicator_definition_validate (definition, error) &&
         check_series (definition, dataset, error);
}

/**
 * distretto_indicator_dup_coverage:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 *
 * What the module could use of @dataset, for the notes under its charts:
 * how many sub-indicators it is computed from, which are missing and in
 * which Eurostat tables they are, and which come from a fallback series.
 *
 * Returns: (transfer full) (nullable): a sentence or two, or %NULL when
 *   every sub-indicator comes from the series asked for
 */
char *
distretto_indicator_dup_coverage (DistrettoIndicator *self,
                                  DistrettoDataset   *dataset)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;
  g_autoptr(GPtrArray) missing_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing_tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) proxies = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_subs = 0;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  definition = distretto_indicator_get_definition (self);
  if (definition == NULL)
    return NULL;

  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (definition); p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        {
          DistrettoSubIndicator *sub = distretto_pillar_get_sub_indicator (pillar, i);
          DistrettoSubIndicator *source = distretto_sub_indicator_find_source (sub, dataset, NULL);

          n_subs++;
          if (source == NULL)
            {
              g_auto(GStrv) tables = distretto_sub_indicator_dup_tables (sub);

              g_ptr_array_add (missing_ids, (gpointer) distretto_sub_indicator_get_id (sub));
              for (guint t = 0; tables[t] != NULL; t++)
                if (!g_ptr_array_find_with_equal_func (missing_tables, tables[t], g_str_equal, NULL))
                  g_ptr_array_add (missing_tables, g_strdup (tables[t]));
            }
          else if (source != sub)
            g_string_append_printf (proxies, "%s%s: %s", proxies->len > 0 ? "; " : "",
                                    distretto_sub_indicator_get_id (sub),
                                    distretto_sub_indicator_get_label (source));
        }
    }

  if (missing_ids->len > 0)
    {
      g_autofree char *ids = NULL;
      g_autofree char *tables = NULL;

      g_ptr_array_add (missing_ids, NULL);
      g_ptr_array_add (missing_tables, NULL);
      ids = g_strjoinv (", ", (char **) missing_ids->pdata);
      tables = g_strjoinv (", ", (char **) missing_tables->pdata);
      if (*tables != '\0')
        /* Translators: "Computed from 6 of 8 sub-indicators; missing: DA6, DA8 (tables isoc_sk_dskl_i21, isoc_eb_ai)." */
        g_string_append_printf (text, _("Computed from %u of %u sub-indicators; missing: %s (tables %s)."),
                                n_subs - (missing_ids->len - 1), n_subs, ids, tables);
      else
        g_string_append_printf (text, _("Computed from %u of %u sub-indicators; missing: %s."),
                                n_subs - (missing_ids->len - 1), n_subs, ids);
    }

  if (proxies->len > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: the sub-indicators taken from a fallback series, e.g. "ts2: NACE B–E industry" */
      g_string_append_printf (text, _("Stand-in data (flagged proxy): %s."), proxies->str);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * distretto_indicator_get_latest_year:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 *
 * The latest year for which every series the module uses has data: its
 * required series and the sub-indicators the dataset can give.
 *
 * Returns: a year, or 0 if there is none
 */
int
distretto_indicator_get_latest_year (DistrettoIndicator *self,
                                     DistrettoDataset   *dataset)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;
  const char * const *required;
  int latest = G_MAXINT;
  gboolean any = FALSE;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), 0);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), 0);

  definition = distretto_indicator_get_definition (self);
  if (definition == NULL)
    return 0;

  required = distretto_indicator_definition_get_required_series (definition);
  for (guint i = 0; required[i] != NULL; i++, any = TRUE)
    latest = MIN (latest, distretto_dataset_get_selected_latest_year (dataset, required[i]));

  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (definition); p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        {
          DistrettoSubIndicator *source =
            distretto_sub_indicator_find_source (distretto_pillar_get_sub_indicator (pillar, i), dataset, NULL);
          const char *denominator;

          if (source == NULL)
            continue;

          any = TRUE;
          latest = MIN (latest, distretto_dataset_get_selected_latest_year (dataset,
                                                                             distretto_sub_indicator_get_series (source)));
          denominator = distretto_sub_indicator_get_denominator (source);
          if (denominator != NULL)
            latest = MIN (latest, distretto_dataset_get_selected_latest_year (dataset, denominator));
        }
    }

  if (!any)
    return distretto_dataset_get_last_year (dataset);

  return latest == G_MAXINT ? 0 : latest;
}

/**
 * distretto_indicator_compute:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 * @year: the year to compute
 * @error: return location for a #DistrettoIndicatorError
 *
 * Checks @dataset, then computes the scores for @year. When the module
 * fails, the error carries the message it reported with
 * distretto_indicator_report_error() (a Python plugin reports its
 * exception with file and line); a module that fails without saying why
 * gets a generic error, so the caller always has a message to show.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
DistrettoIndicatorResult *
distretto_indicator_compute (DistrettoIndicator  *self,
                             DistrettoDataset    *dataset,
                             int                  year,
                             GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  DistrettoIndicatorResult *result;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only what goes wrong during this call explains its result. */
  g_object_set_qdata (G_OBJECT (self), reported_error_quark (), NULL);

  if (!distretto_indicator_check_dataset (self, dataset, error))
    return NULL;

  result = DISTRETTO_INDICATOR_GET_IFACE (self)->compute (self, dataset, year, &local_error);

  if (result == NULL)
    {
      const char *reported = distretto_indicator_get_reported_error (self);

      if (reported != NULL)
        g_set_error_literal (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED, reported);
      else if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
                     _("The module failed to compute its scores without giving a reason"));
      return NULL;
    }

  g_clear_error (&local_error);
  return result;
}

/**
 * distretto_indicator_report_error:
 * @self: a #DistrettoIndicator
 * @message: (nullable): what went wrong, in one line such as
 *   `FILE:LINE: ValueError: message`; %NULL forgets an earlier report
 *
 * Records why the module failed in its own code, and emits
 * #DistrettoIndicator::error-reported. The host shows the message, takes
 * the module out of use for the session and uses the message as the error
 * of distretto_indicator_compute().
 *
 * Python plugins do not call this themselves: the Distretto overrides for
 * PyGObject call it when a `do_*` method raises.
 */
void
distretto_indicator_report_error (DistrettoIndicator *self,
                                  const char         *message)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR (self));

  g_object_set_qdata_full (G_OBJECT (self), reported_error_quark (), g_strdup (message), g_free);

  if (message != NULL)
    g_signal_emit (self, signals[ERROR_REPORTED], 0, message);
}

/**
 * distretto_indicator_get_reported_error:
 * @self: a #DistrettoIndicator
 *
 * The message of the last distretto_indicator_report_error().
 *
 * Returns: (nullable): what went wrong, or %NULL if nothing was reported
 */
const char *
distretto_indicator_get_reported_error (DistrettoIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);

  return g_object_get_qdata (G_OBJECT (self), reported_error_quark ());
}

/**
 * distretto_indicator_render_view:
 * @self: a #DistrettoIndicator
 * @view_id: the id of a view the definition declares
 * @dataset: the data
 * @year: the year to draw
 * @cr: a cairo context; the view fills (0, 0, @width, @height)
 * @width: the width in user units
 * @height: the height in user units
 * @error: return location for a #DistrettoIndicatorError
 *
 * Draws one of the module's extra views with its own renderer, on screen
 * or into an exported file alike.
 *
 * Returns: %TRUE if the view was drawn
 */
gboolean
distretto_indicator_render_view (DistrettoIndicator  *self,
                                 const char          *view_id,
                                 DistrettoDataset    *dataset,
                                 int                  year,
                                 cairo_t             *cr,
                                 double               width,
                                 double               height,
                                 GError             **error)
{
  DistrettoIndicatorInterface *iface;
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean drawn;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), FALSE);
  g_return_val_if_fail (view_id != NULL, FALSE);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  iface = DISTRETTO_INDICATOR_GET_IFACE (self);
  definition = distretto_indicator_get_definition (self);

  if (iface->render_view == NULL || definition == NULL ||
      distretto_indicator_definition_get_view_title (definition, view_id) == NULL)
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
                   _("The module has no view “%s”"), view_id);
      return FALSE;
    }

  cairo_save (cr);
  drawn = iface->render_view (self, view_id, dataset, year, cr, width, height, &local_error);
  cairo_restore (cr);

  if (!drawn)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
                     "%s", distretto_indicator_get_reported_error (self)
                           ? distretto_indicator_get_reported_error (self)
                           : _("The module failed to draw its view without giving a reason"));
      return FALSE;
    }

  return TRUE;
}

/**
 * distretto_indicator_create_configuration_widget:
 * @self: a #DistrettoIndicator
 *
 * Returns: (transfer full) (nullable): a #GtkWidget configuring the
 *   module, or %NULL when it has nothing to configure
 */
GObject *
distretto_indicator_create_configuration_widget (DistrettoIndicator *self)
{
  DistrettoIndicatorInterface *iface;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);

  iface = DISTRETTO_INDICATOR_GET_IFACE (self);
  if (iface->create_configuration_widget == NULL)
    return NULL;

  return iface->create_configuration_widget (self);
}

/**
 * distretto_indicator_choose_year:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 * @error: return location for a #DistrettoIndicatorError
 *
 * Checks @dataset with distretto_indicator_check_dataset() and picks the
 * year charts show by default: the latest in which every series the
 * module needs has data.
 *
 * Returns: a year, or 0 with @error set
 */
int
distretto_indicator_choose_year (DistrettoIndicator  *self,
                                 DistrettoDataset    *dataset,
                                 GError             **error)
{
  int year;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), 0);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), 0);

  if (!distretto_indicator_check_dataset (self, dataset, error))
    return 0;

  year = distretto_indicator_get_latest_year (self, dataset);
  if (year == 0)
    g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NO_DATA,
                 _("The dataset has no year in which every series of this module has a value"));

  return year;
}
