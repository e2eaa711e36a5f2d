/* distretto-indicator.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "distretto-indicator-private.h"
#include "../index/distretto-index-private.h"

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

/* The host's computation of a declared indicator with @method (the
 * declared one when %NULL): the pipeline for one with pillars, the
 * series itself for one with a single series. */
static DistrettoIndicatorResult *
compute_declared_with_method (DistrettoIndicatorDefinition  *definition,
                              const DistrettoMethod         *method,
                              DistrettoDataset              *dataset,
                              int                            year,
                              GError                       **error)
{
  const char * const *series = distretto_indicator_definition_get_required_series (definition);
  guint n_pillars = distretto_indicator_definition_get_n_pillars (definition);

  if (n_pillars > 0)
    {
      g_autofree DistrettoPillar **pillars = g_new (DistrettoPillar *, n_pillars);
      g_autoptr(DistrettoMethod) declared = NULL;

      for (guint i = 0; i < n_pillars; i++)
        pillars[i] = distretto_indicator_definition_get_pillar (definition, i);

      if (method == NULL)
        method = declared = distretto_indicator_definition_dup_method (definition);

      return distretto_index_compute (pillars, n_pillars, method, dataset, year);
    }

  if (series[0] != NULL && series[1] == NULL)
    return compute_single_series (definition, dataset, year);

  g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
               _("The module “%s” declares no pillars and %u series: it needs pillars or its own compute function"),
               distretto_indicator_definition_get_id (definition),
               g_strv_length ((char **) series));
  return NULL;
}

static DistrettoIndicatorResult *
compute_declared (DistrettoIndicator  *self,
                  DistrettoDataset    *dataset,
                  int                  year,
                  GError             **error)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = distretto_indicator_get_definition (self);

  return compute_declared_with_method (definition, NULL, dataset, year, error);
}

/* Whether the module runs code of its own to compute: a plugin's
 * compute, or a host's wrapper around one. */
gboolean
_distretto_indicator_has_own_compute (DistrettoIndicator *self)
{
  return DISTRETTO_INDICATOR_GET_IFACE (self)->compute != compute_declared;
}

/* A module with its own arithmetic has no method to vary. */
static DistrettoIndicatorResult *
compute_with_method_default (DistrettoIndicator     *self,
                             DistrettoDataset       *dataset,
                             int                     year,
                             const DistrettoMethod  *method,
                             GError                **error)
{
  if (DISTRETTO_INDICATOR_GET_IFACE (self)->compute != compute_declared)
    return DISTRETTO_INDICATOR_GET_IFACE (self)->compute (self, dataset, year, error);

  return distretto_indicator_compute_declared (self, dataset, year, method, error);
}

/**
 * distretto_indicator_compute_declared:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 * @year: the year to compute
 * @method: (nullable): method parameters, or %NULL for the definition's
 * @error: return location for a #DistrettoIndicatorError
 *
 * Runs the host's pipeline on the module's definition, whatever its own
 * @compute does: for hosts that wrap a module. Plugins call
 * distretto_indicator_compute() or distretto_indicator_compute_with_method().
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
DistrettoIndicatorResult *
distretto_indicator_compute_declared (DistrettoIndicator     *self,
                                      DistrettoDataset       *dataset,
                                      int                     year,
                                      const DistrettoMethod  *method,
                                      GError                **error)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  definition = distretto_indicator_get_definition (self);
  if (definition == NULL)
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
                   _("The module returned no definition"));
      return NULL;
    }

  return compute_declared_with_method (definition, method, dataset, year, error);
}

static gboolean
computes_declared_default (DistrettoIndicator *self)
{
  return DISTRETTO_INDICATOR_GET_IFACE (self)->compute == compute_declared;
}

/**
 * distretto_indicator_computes_declared:
 * @self: a #DistrettoIndicator
 *
 * Whether the module's scores are the host's pipeline run on its
 * declared pillars, rather than its own arithmetic: then a view can
 * compute them with changed pillar weights
 * (distretto_view_request_set_pillar_weight()).
 *
 * Returns: %TRUE if the host computes the module's scores
 */
gboolean
distretto_indicator_computes_declared (DistrettoIndicator *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), FALSE);

  return DISTRETTO_INDICATOR_GET_IFACE (self)->computes_declared (self);
}

static void
distretto_indicator_default_init (DistrettoIndicatorInterface *iface)
{
  iface->compute = compute_declared;
  iface->compute_with_method = compute_with_method_default;
  iface->computes_declared = computes_declared_default;

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

typedef struct
{
  guint n_subs;
  guint n_missing;              /* of the n_subs */
  GPtrArray *missing_ids;       /* char * */
  GPtrArray *missing_tables;    /* char * */
  GPtrArray *missing_plain;     /* char *: series without a Eurostat table */
  GString *proxies;
  GPtrArray *national;          /* const char *: national-frame ids */
  gboolean location_quotient;
} Coverage;

static void
coverage_clear (Coverage *coverage)
{
  g_clear_pointer (&coverage->missing_ids, g_ptr_array_unref);
  g_clear_pointer (&coverage->missing_tables, g_ptr_array_unref);
  g_clear_pointer (&coverage->missing_plain, g_ptr_array_unref);
  if (coverage->proxies != NULL)
    g_string_free (g_steal_pointer (&coverage->proxies), TRUE);
  g_clear_pointer (&coverage->national, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Coverage, coverage_clear)

static void
add_proxy (Coverage              *coverage,
           DistrettoSubIndicator *sub,
           DistrettoSubIndicator *source,
           const char            *within)
{
  g_autofree char *id = within != NULL ? g_strdup_printf (_("%s (in %s)"), distretto_sub_indicator_get_id (sub), within)
                                       : g_strdup (distretto_sub_indicator_get_id (sub));

  g_string_append_printf (coverage->proxies, "%s%s: %s", coverage->proxies->len > 0 ? "; " : "",
                          id, distretto_sub_indicator_get_label (source));
}

static void cover_pillars (Coverage          *coverage,
                           DistrettoPillar  **pillars,
                           guint              n_pillars,
                           const char        *within,
                           DistrettoDataset  *dataset);

/* What @dataset gives of @sub, nested in the sub-indicator @within
 * (%NULL at the top). */
static void
cover_sub (Coverage              *coverage,
           DistrettoSubIndicator *sub,
           const char            *within,
           DistrettoDataset      *dataset)
{
  DistrettoSubIndicator *source = distretto_sub_indicator_find_source (sub, dataset, NULL);
  const char *id = distretto_sub_indicator_get_id (sub);
  g_auto(GStrv) own_tables = NULL;
  const char *series;

  if (within == NULL)
    coverage->n_subs++;

  if (source == NULL)
    {
      g_auto(GStrv) tables = distretto_sub_indicator_dup_tables (sub);

      if (within == NULL)
        coverage->n_missing++;
      /* Translators: a missing sub-indicator inside a nested one, e.g. "TS4 (in IR3)" */
      g_ptr_array_add (coverage->missing_ids, within != NULL ? g_strdup_printf (_("%s (in %s)"), id, within)
                                                             : g_strdup (id));
      for (guint t = 0; tables[t] != NULL; t++)
        if (!g_ptr_array_find_with_equal_func (coverage->missing_tables, tables[t], g_str_equal, NULL))
          g_ptr_array_add (coverage->missing_tables, g_strdup (tables[t]));
      /* A plain name, such as a Regional Innovation Scoreboard series:
       * there is no table to get, the user imports it. */
      series = distretto_sub_indicator_get_series (sub);
      own_tables = series != NULL ? distretto_selector_dup_tables (series) : NULL;
      if (series != NULL && own_tables[0] == NULL &&
          !g_ptr_array_find_with_equal_func (coverage->missing_plain, series, g_str_equal, NULL))
        g_ptr_array_add (coverage->missing_plain, g_strdup (series));
      return;
    }

  if (source != sub)
    add_proxy (coverage, sub, source, within);
  if (distretto_sub_indicator_get_transform (source) == DISTRETTO_TRANSFORM_LOCATION_QUOTIENT)
    coverage->location_quotient = TRUE;
  if (distretto_sub_indicator_get_national_frame (sub) && within == NULL)
    g_ptr_array_add (coverage->national, (gpointer) id);

  for (guint f = 0; f < distretto_sub_indicator_get_n_factors (sub); f++)
    {
      DistrettoSubIndicator *factor = distretto_sub_indicator_get_factor (sub, f);
      DistrettoSubIndicator *factor_source = distretto_sub_indicator_find_source (factor, dataset, NULL);

      if (factor_source != NULL && factor_source != factor)
        add_proxy (coverage, sub, factor_source, within);
      if (factor_source != NULL &&
          distretto_sub_indicator_get_transform (factor_source) == DISTRETTO_TRANSFORM_LOCATION_QUOTIENT)
        coverage->location_quotient = TRUE;
    }

  if (distretto_sub_indicator_get_n_nested_pillars (sub) > 0)
    {
      guint n = distretto_sub_indicator_get_n_nested_pillars (sub);
      g_autofree DistrettoPillar **pillars = g_new (DistrettoPillar *, n);

      for (guint p = 0; p < n; p++)
        pillars[p] = distretto_sub_indicator_get_nested_pillar (sub, p);
      cover_pillars (coverage, pillars, n, id, dataset);
    }
}

static void
cover_pillars (Coverage          *coverage,
               DistrettoPillar  **pillars,
               guint              n_pillars,
               const char        *within,
               DistrettoDataset  *dataset)
{
  for (guint p = 0; p < n_pillars; p++)
    for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillars[p]); i++)
      cover_sub (coverage, distretto_pillar_get_sub_indicator (pillars[p], i), within, dataset);
}

static char *
join (GPtrArray *strings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (strings, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * distretto_indicator_dup_coverage:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 *
 * What the module could use of @dataset, for the notes under its charts
 * and its method notes: how many sub-indicators it is computed from,
 * which are missing (nested ones included) and in which Eurostat tables
 * they are, which come from a fallback series, which national series
 * weigh 0 because every region lies in one country, and what location
 * quotients are measured against when no EU aggregate is loaded.
 *
 * Returns: (transfer full) (nullable): a sentence or two, or %NULL when
 *   every sub-indicator comes from the series asked for
 */
char *
distretto_indicator_dup_coverage (DistrettoIndicator *self,
                                  DistrettoDataset   *dataset)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;
  g_auto(Coverage) coverage = { 0, };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree DistrettoPillar **pillars = NULL;
  guint n_pillars;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  definition = distretto_indicator_get_definition (self);
  if (definition == NULL)
    return NULL;

  coverage.missing_ids = g_ptr_array_new_with_free_func (g_free);
  coverage.missing_tables = g_ptr_array_new_with_free_func (g_free);
  coverage.missing_plain = g_ptr_array_new_with_free_func (g_free);
  coverage.proxies = g_string_new (NULL);
  coverage.national = g_ptr_array_new ();

  n_pillars = distretto_indicator_definition_get_n_pillars (definition);
  pillars = g_new (DistrettoPillar *, MAX (n_pillars, 1));
  for (guint p = 0; p < n_pillars; p++)
    pillars[p] = distretto_indicator_definition_get_pillar (definition, p);
  cover_pillars (&coverage, pillars, n_pillars, NULL, dataset);

  if (coverage.missing_ids->len > 0)
    {
      g_autofree char *ids = join (coverage.missing_ids);
      g_autofree char *tables = join (coverage.missing_tables);

      if (*tables != '\0')
        /* Translators: "Computed from 6 of 8 sub-indicators; missing: DA6, DA8 (tables isoc_sk_dskl_i21, isoc_eb_ai)." */
        g_string_append_printf (text, _("Computed from %u of %u sub-indicators; missing: %s (tables %s)."),
                                coverage.n_subs - coverage.n_missing, coverage.n_subs, ids, tables);
      else
        g_string_append_printf (text, _("Computed from %u of %u sub-indicators; missing: %s."),
                                coverage.n_subs - coverage.n_missing, coverage.n_subs, ids);
    }

  if (coverage.missing_plain->len > 0)
    {
      g_autofree char *names = join (coverage.missing_plain);

      g_string_append_c (text, ' ');
      /* Translators: series names without a Eurostat table, e.g. "ris_sme_product_innovators, qog_eqi" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "Import %s, which has no Eurostat table, as a tidy CSV file.",
                                                 "Import %s, which have no Eurostat table, as a tidy CSV file.",
                                                 coverage.missing_plain->len), names);
    }

  if (coverage.proxies->len > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: the sub-indicators taken from a fallback series, e.g. "ts2: NACE B–E industry" */
      g_string_append_printf (text, _("Stand-in data (flagged proxy): %s."), coverage.proxies->str);
    }

  if (coverage.national->len > 0)
    {
      g_autofree char *ids = join (coverage.national);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (_distretto_index_in_one_country (dataset))
        /* Translators: national series, e.g. "DA7, DA8" */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%s exists only for whole countries: weight 0, as every region "
                                                   "lies in one country.",
                                                   "%s exist only for whole countries: weight 0, as every region "
                                                   "lies in one country.", coverage.national->len), ids);
      else
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%s exists only for whole countries: each region shows its "
                                                   "country’s value (flagged national proxy).",
                                                   "%s exist only for whole countries: each region shows its "
                                                   "country’s value (flagged national proxy).",
                                                   coverage.national->len), ids);
    }

  if (coverage.location_quotient && _distretto_index_find_eu (dataset) < 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, _("No EU aggregate is loaded: location quotients are measured against the mean of "
                               "the regions."));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The sub-indicators the year is chosen on, and the share of them that
 * must cover a year: those of the pillars @dataset can give (2/3 of
 * them), or the required series (all of them). */
static GPtrArray *
year_columns (DistrettoIndicatorDefinition *definition,
              DistrettoDataset             *dataset,
              double                       *share)
{
  GPtrArray *subs = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *required = distretto_indicator_definition_get_required_series (definition);

  *share = 2.0 / 3.0;
  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (definition); p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);

      for (guint i = 0; i < distretto_pillar_get_n_sub_indicators (pillar); i++)
        {
          DistrettoSubIndicator *sub = distretto_pillar_get_sub_indicator (pillar, i);

          if (distretto_sub_indicator_find_source (sub, dataset, NULL) != NULL)
            g_ptr_array_add (subs, g_object_ref (sub));
        }
    }

  if (subs->len == 0)
    {
      *share = 1.0;
      for (guint i = 0; required[i] != NULL; i++)
        if (distretto_dataset_check_selector (dataset, required[i], NULL))
          g_ptr_array_add (subs, distretto_sub_indicator_new (required[i], required[i], required[i]));
    }

  return subs;
}

/**
 * distretto_indicator_dup_years:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 * @n_years: (out): the number of years returned
 *
 * The years a chart of the module can show: those in which at least
 * 2/3 of the sub-indicators @dataset can give (or every required series,
 * for a module without pillars) have values for most of the regions they
 * cover, values up to #DistrettoIndicatorDefinition:carry-forward years
 * old included, and one of them has values of that year itself. Tables
 * that end in different years still give a year so.
 *
 * Returns: (transfer full) (array length=n_years): the years, earliest
 *   first; every year of @dataset for a module that reads no series
 */
int *
distretto_indicator_dup_years (DistrettoIndicator *self,
                               DistrettoDataset   *dataset,
                               guint              *n_years)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;
  g_autoptr(DistrettoMethod) method = NULL;
  g_autoptr(GPtrArray) subs = NULL;
  g_autoptr(GArray) years = NULL;
  double share;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (n_years != NULL, NULL);

  *n_years = 0;
  definition = distretto_indicator_get_definition (self);
  if (definition == NULL)
    return g_new0 (int, 1);

  method = distretto_indicator_definition_dup_method (definition);
  subs = year_columns (definition, dataset, &share);

  if (subs->len == 0 && distretto_indicator_definition_get_n_pillars (definition) == 0 &&
      distretto_indicator_definition_get_required_series (definition)[0] == NULL)
    {
      years = g_array_new (FALSE, FALSE, sizeof (int));
      for (int y = distretto_dataset_get_first_year (dataset);
           distretto_dataset_get_n_observations (dataset) > 0 && y <= distretto_dataset_get_last_year (dataset); y++)
        g_array_append_val (years, y);
    }
  else
    years = _distretto_index_list_years ((DistrettoSubIndicator **) subs->pdata, subs->len, method, dataset, share);

  *n_years = years->len;
  return g_memdup2 (years->data, sizeof (int) * MAX (years->len, 1));
}

/**
 * distretto_indicator_get_latest_year:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 *
 * The latest of distretto_indicator_dup_years().
 *
 * Returns: a year, or 0 if there is none
 */
int
distretto_indicator_get_latest_year (DistrettoIndicator *self,
                                     DistrettoDataset   *dataset)
{
  g_autofree int *years = NULL;
  guint n_years;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), 0);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), 0);

  years = distretto_indicator_dup_years (self, dataset, &n_years);
  return n_years > 0 ? years[n_years - 1] : 0;
}

/**
 * distretto_indicator_compute_with_method:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 * @year: the year to compute
 * @method: (nullable): the method to compute a declared indicator with,
 *   or %NULL for the one it declares
 * @error: return location for a #DistrettoIndicatorError
 *
 * distretto_indicator_compute() with another method than the declared
 * one, as the window's method options and sensitivity analyses need: a
 * ranking within one country (distretto_method_set_within_country()),
 * goalposts instead of min–max. A module that computes its scores itself
 * ignores @method.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
DistrettoIndicatorResult *
distretto_indicator_compute_with_method (DistrettoIndicator     *self,
                                         DistrettoDataset       *dataset,
                                         int                     year,
                                         const DistrettoMethod  *method,
                                         GError                **error)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (method == NULL)
    return distretto_indicator_compute (self, dataset, year, error);

  if (!distretto_indicator_check_dataset (self, dataset, error))
    return NULL;

  return DISTRETTO_INDICATOR_GET_IFACE (self)->compute_with_method (self, dataset, year, method, error);
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
 * year charts show by default: the latest of
 * distretto_indicator_dup_years(), the latest year in which the module's
 * data cover most regions.
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
                 _("The dataset has no year in which this module’s series cover most regions"));

  return year;
}
