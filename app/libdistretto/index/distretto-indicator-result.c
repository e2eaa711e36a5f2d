/* distretto-indicator-result.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-indicator-result.h"

/**
 * DistrettoIndicatorResult:
 *
 * The scores of an indicator for one year: one score per region, with
 * the flags that explain it (for instance %DISTRETTO_FLAGS_SYNTHETIC when
 * it was computed from generated data, %DISTRETTO_FLAGS_IMPUTED when a
 * value it uses was imputed); its rank among the regions of its level
 * (ties share a rank), its index relative to the EU, its performance
 * group and subgroup, the share of its data present and whether
 * screening left it out; pillar and sub-indicator scores as components.
 * A result computed by the host's pipeline also holds what each step did
 * (distretto_indicator_result_get_report()).
 *
 * A result handed out by distretto_indicator_compute_finish() or another
 * cached computation is shared: read it, do not change it.
 */
struct _DistrettoIndicatorResult
{
  GObject parent_instance;

  int year;
  GPtrArray *codes;          /* char * */
  GArray *scores;            /* double */
  GArray *flags;             /* DistrettoFlags */
  GHashTable *index;         /* code → position + 1 */
  GArray *ranks;             /* guint, 0 for none */
  GArray *groups;            /* DistrettoPerformanceGroup */
  GArray *subgroups;         /* DistrettoPerformanceSubgroup */
  GArray *relative;          /* double, NaN for none */
  GArray *coverage;          /* double, NaN for unknown */
  GArray *screened;          /* gboolean */
  GHashTable *components;    /* "code\037component" → double * */
  double reference;
  DistrettoPipelineReport *report;
};

G_DEFINE_FINAL_TYPE (DistrettoIndicatorResult, distretto_indicator_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
distretto_indicator_result_finalize (GObject *object)
{
  DistrettoIndicatorResult *self = (DistrettoIndicatorResult *)object;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->scores, g_array_unref);
  g_clear_pointer (&self->flags, g_array_unref);
  g_clear_pointer (&self->ranks, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->subgroups, g_array_unref);
  g_clear_pointer (&self->relative, g_array_unref);
  g_clear_pointer (&self->coverage, g_array_unref);
  g_clear_pointer (&self->screened, g_array_unref);
  g_clear_pointer (&self->components, g_hash_table_unref);
  g_clear_object (&self->report);

  G_OBJECT_CLASS (distretto_indicator_result_parent_class)->finalize (object);
}

static void
distretto_indicator_result_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  DistrettoIndicatorResult *self = DISTRETTO_INDICATOR_RESULT (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_indicator_result_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  DistrettoIndicatorResult *self = DISTRETTO_INDICATOR_RESULT (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_indicator_result_class_init (DistrettoIndicatorResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_indicator_result_finalize;
  object_class->get_property = distretto_indicator_result_get_property;
  object_class->set_property = distretto_indicator_result_set_property;

  /**
   * DistrettoIndicatorResult:year:
   *
   * The year the scores refer to.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_indicator_result_init (DistrettoIndicatorResult *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->scores = g_array_new (FALSE, FALSE, sizeof (double));
  self->flags = g_array_new (FALSE, FALSE, sizeof (DistrettoFlags));
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->ranks = g_array_new (FALSE, TRUE, sizeof (guint));
  self->groups = g_array_new (FALSE, TRUE, sizeof (DistrettoPerformanceGroup));
  self->subgroups = g_array_new (FALSE, TRUE, sizeof (DistrettoPerformanceSubgroup));
  self->relative = g_array_new (FALSE, TRUE, sizeof (double));
  self->coverage = g_array_new (FALSE, TRUE, sizeof (double));
  self->screened = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->components = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->reference = NAN;
}

/**
 * distretto_indicator_result_new:
 * @year: the year the scores refer to
 *
 * Returns: (transfer full): an empty result
 */
DistrettoIndicatorResult *
distretto_indicator_result_new (int year)
{
  return g_object_new (DISTRETTO_TYPE_INDICATOR_RESULT, "year", year, NULL);
}

/**
 * distretto_indicator_result_get_year:
 * @self: a #DistrettoIndicatorResult
 *
 * Returns: the year the scores refer to
 */
int
distretto_indicator_result_get_year (DistrettoIndicatorResult *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), 0);

  return self->year;
}

/**
 * distretto_indicator_result_add_score:
 * @self: a #DistrettoIndicatorResult
 * @region_code: the region's code
 * @score: the score, NaN when it cannot be computed
 * @flags: the flags explaining @score
 *
 * Adds or replaces the score of a region.
 */
void
distretto_indicator_result_add_score (DistrettoIndicatorResult *self,
                                      const char               *region_code,
                                      double                    score,
                                      DistrettoFlags            flags)
{
  guint position;

  g_return_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self));
  g_return_if_fail (region_code != NULL);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, region_code));
  if (position != 0)
    {
      g_array_index (self->scores, double, position - 1) = score;
      g_array_index (self->flags, DistrettoFlags, position - 1) = flags;
      return;
    }

  g_ptr_array_add (self->codes, g_strdup (region_code));
  g_array_append_val (self->scores, score);
  g_array_append_val (self->flags, flags);
  g_array_set_size (self->ranks, self->codes->len);
  g_array_set_size (self->groups, self->codes->len);
  g_array_set_size (self->subgroups, self->codes->len);
  g_array_set_size (self->screened, self->codes->len);
  {
    double none = NAN;

    g_array_append_val (self->relative, none);
    g_array_append_val (self->coverage, none);
  }
  g_hash_table_insert (self->index, g_ptr_array_index (self->codes, self->codes->len - 1),
                       GUINT_TO_POINTER (self->codes->len));
}

/**
 * distretto_indicator_result_get_n_scores:
 * @self: a #DistrettoIndicatorResult
 *
 * Returns: the number of regions with a score
 */
guint
distretto_indicator_result_get_n_scores (DistrettoIndicatorResult *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), 0);

  return self->codes->len;
}

/**
 * distretto_indicator_result_get_region_code:
 * @self: a #DistrettoIndicatorResult
 * @index: a position below distretto_indicator_result_get_n_scores()
 *
 * Returns: the code of the region at @index
 */
const char *
distretto_indicator_result_get_region_code (DistrettoIndicatorResult *self,
                                            guint                     index)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), NULL);
  g_return_val_if_fail (index < self->codes->len, NULL);

  return g_ptr_array_index (self->codes, index);
}

/**
 * distretto_indicator_result_get_score:
 * @self: a #DistrettoIndicatorResult
 * @index: a position below distretto_indicator_result_get_n_scores()
 *
 * Returns: the score at @index, NaN when it could not be computed
 */
double
distretto_indicator_result_get_score (DistrettoIndicatorResult *self,
                                      guint                     index)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), NAN);
  g_return_val_if_fail (index < self->scores->len, NAN);

  return g_array_index (self->scores, double, index);
}

/**
 * distretto_indicator_result_get_flags:
 * @self: a #DistrettoIndicatorResult
 * @index: a position below distretto_indicator_result_get_n_scores()
 *
 * Returns: the flags of the score at @index
 */
DistrettoFlags
distretto_indicator_result_get_flags (DistrettoIndicatorResult *self,
                                      guint                     index)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), DISTRETTO_FLAGS_NONE);
  g_return_val_if_fail (index < self->flags->len, DISTRETTO_FLAGS_NONE);

  return g_array_index (self->flags, DistrettoFlags, index);
}

/**
 * distretto_indicator_result_lookup:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 * @score: (out) (optional): the score
 * @flags: (out) (optional): its flags
 *
 * Returns: %TRUE if the region has a score
 */
gboolean
distretto_indicator_result_lookup (DistrettoIndicatorResult *self,
                                   const char               *region_code,
                                   double                   *score,
                                   DistrettoFlags           *flags)
{
  guint position;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), FALSE);
  g_return_val_if_fail (region_code != NULL, FALSE);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, region_code));
  if (position == 0)
    return FALSE;

  if (score != NULL)
    *score = g_array_index (self->scores, double, position - 1);
  if (flags != NULL)
    *flags = g_array_index (self->flags, DistrettoFlags, position - 1);

  return TRUE;
}

static gboolean
find (DistrettoIndicatorResult *self,
      const char               *region_code,
      guint                    *position)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, region_code));

  if (found == 0)
    return FALSE;

  *position = found - 1;
  return TRUE;
}

/**
 * distretto_indicator_result_set_rank:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region with a score
 * @rank: its rank from 1, 0 for none
 *
 * Sets the rank of a region among the regions of its level.
 */
void
distretto_indicator_result_set_rank (DistrettoIndicatorResult *self,
                                     const char               *region_code,
                                     guint                     rank)
{
  guint i;

  g_return_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self));
  g_return_if_fail (region_code != NULL);

  if (find (self, region_code, &i))
    g_array_index (self->ranks, guint, i) = rank;
}

/**
 * distretto_indicator_result_get_rank:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 *
 * Returns: the rank from 1 among the regions of the same level, or 0
 */
guint
distretto_indicator_result_get_rank (DistrettoIndicatorResult *self,
                                     const char               *region_code)
{
  guint i;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), 0);
  g_return_val_if_fail (region_code != NULL, 0);

  return find (self, region_code, &i) ? g_array_index (self->ranks, guint, i) : 0;
}

/**
 * distretto_indicator_result_set_group:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region with a score
 * @group: its performance group
 *
 * Sets the performance group of a region.
 */
void
distretto_indicator_result_set_group (DistrettoIndicatorResult  *self,
                                      const char                *region_code,
                                      DistrettoPerformanceGroup  group)
{
  guint i;

  g_return_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self));
  g_return_if_fail (region_code != NULL);

  if (find (self, region_code, &i))
    g_array_index (self->groups, DistrettoPerformanceGroup, i) = group;
}

/**
 * distretto_indicator_result_get_group:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 *
 * Returns: the region's performance group
 */
DistrettoPerformanceGroup
distretto_indicator_result_get_group (DistrettoIndicatorResult *self,
                                      const char               *region_code)
{
  guint i;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), DISTRETTO_PERFORMANCE_GROUP_NONE);
  g_return_val_if_fail (region_code != NULL, DISTRETTO_PERFORMANCE_GROUP_NONE);

  return find (self, region_code, &i)
    ? g_array_index (self->groups, DistrettoPerformanceGroup, i)
    : DISTRETTO_PERFORMANCE_GROUP_NONE;
}

static char *
component_key (const char *region_code,
               const char *component_id)
{
  return g_strconcat (region_code, "\037", component_id, NULL);
}

/**
 * distretto_indicator_result_set_component:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 * @component_id: a pillar or sub-indicator id
 * @score: the component's score
 *
 * Records the score of a pillar or of a (normalised) sub-indicator.
 */
void
distretto_indicator_result_set_component (DistrettoIndicatorResult *self,
                                          const char               *region_code,
                                          const char               *component_id,
                                          double                    score)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self));
  g_return_if_fail (region_code != NULL);
  g_return_if_fail (component_id != NULL);

  g_hash_table_replace (self->components, component_key (region_code, component_id),
                        g_memdup2 (&score, sizeof score));
}

/**
 * distretto_indicator_result_get_component:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 * @component_id: a pillar or sub-indicator id
 *
 * Returns: the component's score, or NaN
 */
double
distretto_indicator_result_get_component (DistrettoIndicatorResult *self,
                                          const char               *region_code,
                                          const char               *component_id)
{
  g_autofree char *key = NULL;
  const double *score;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), NAN);
  g_return_val_if_fail (region_code != NULL, NAN);
  g_return_val_if_fail (component_id != NULL, NAN);

  key = component_key (region_code, component_id);
  score = g_hash_table_lookup (self->components, key);
  return score ? *score : NAN;
}

/**
 * distretto_indicator_result_get_reference:
 * @self: a #DistrettoIndicatorResult
 *
 * Returns: the score performance groups are measured against (the EU
 *   aggregate's, or the mean of the ranked regions), or NaN
 */
double
distretto_indicator_result_get_reference (DistrettoIndicatorResult *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), NAN);
  return self->reference;
}

/**
 * distretto_indicator_result_set_reference:
 * @self: a #DistrettoIndicatorResult
 * @reference: the reference score
 *
 * Sets the score performance groups are measured against.
 */
void
distretto_indicator_result_set_reference (DistrettoIndicatorResult *self,
                                          double                    reference)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self));
  self->reference = reference;
}

/**
 * distretto_indicator_result_set_subgroup:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region with a score
 * @subgroup: its subgroup within its performance group
 *
 * Sets the subgroup (−, middle, +) of a region.
 */
void
distretto_indicator_result_set_subgroup (DistrettoIndicatorResult     *self,
                                         const char                   *region_code,
                                         DistrettoPerformanceSubgroup  subgroup)
{
  guint i;

  g_return_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self));
  g_return_if_fail (region_code != NULL);

  if (find (self, region_code, &i))
    g_array_index (self->subgroups, DistrettoPerformanceSubgroup, i) = subgroup;
}

/**
 * distretto_indicator_result_get_subgroup:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 *
 * Returns: the region's subgroup within its performance group
 */
DistrettoPerformanceSubgroup
distretto_indicator_result_get_subgroup (DistrettoIndicatorResult *self,
                                         const char               *region_code)
{
  guint i;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), DISTRETTO_PERFORMANCE_SUBGROUP_NONE);
  g_return_val_if_fail (region_code != NULL, DISTRETTO_PERFORMANCE_SUBGROUP_NONE);

  return find (self, region_code, &i)
    ? g_array_index (self->subgroups, DistrettoPerformanceSubgroup, i)
    : DISTRETTO_PERFORMANCE_SUBGROUP_NONE;
}

/**
 * distretto_indicator_result_set_relative_score:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region with a score
 * @relative: its index relative to the EU (= 100), or NaN
 *
 * Sets the region's index relative to the reference of its level.
 */
void
distretto_indicator_result_set_relative_score (DistrettoIndicatorResult *self,
                                               const char               *region_code,
                                               double                    relative)
{
  guint i;

  g_return_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self));
  g_return_if_fail (region_code != NULL);

  if (find (self, region_code, &i))
    g_array_index (self->relative, double, i) = relative;
}

/**
 * distretto_indicator_result_get_relative_score:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 *
 * The index relative to the EU: 100 × the score ÷ the EU aggregate's score
 * on the region's level's scale (the mean of the level's regions without
 * an EU aggregate). Performance groups are read from it.
 *
 * Returns: the relative index, or NaN
 */
double
distretto_indicator_result_get_relative_score (DistrettoIndicatorResult *self,
                                               const char               *region_code)
{
  guint i;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), NAN);
  g_return_val_if_fail (region_code != NULL, NAN);

  return find (self, region_code, &i) ? g_array_index (self->relative, double, i) : NAN;
}

/**
 * distretto_indicator_result_set_coverage:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region with a score
 * @coverage: the share of its sub-indicators with a value, 0–1, or NaN
 * @screened_out: whether screening left it out for too little data
 *
 * Records how much of its data a region has.
 */
void
distretto_indicator_result_set_coverage (DistrettoIndicatorResult *self,
                                         const char               *region_code,
                                         double                    coverage,
                                         gboolean                  screened_out)
{
  guint i;

  g_return_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self));
  g_return_if_fail (region_code != NULL);

  if (!find (self, region_code, &i))
    return;

  g_array_index (self->coverage, double, i) = coverage;
  g_array_index (self->screened, gboolean, i) = !!screened_out;
}

/**
 * distretto_indicator_result_get_coverage:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 *
 * Returns: the share of its sub-indicators the region has a value for
 *   this year (carried forward included), 0–1, or NaN when unknown
 */
double
distretto_indicator_result_get_coverage (DistrettoIndicatorResult *self,
                                         const char               *region_code)
{
  guint i;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), NAN);
  g_return_val_if_fail (region_code != NULL, NAN);

  return find (self, region_code, &i) ? g_array_index (self->coverage, double, i) : NAN;
}

/**
 * distretto_indicator_result_is_screened_out:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 *
 * Returns: whether screening left the region out: it has too little
 *   data this year to be scored, ranked or grouped
 */
gboolean
distretto_indicator_result_is_screened_out (DistrettoIndicatorResult *self,
                                            const char               *region_code)
{
  guint i;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), FALSE);
  g_return_val_if_fail (region_code != NULL, FALSE);

  return find (self, region_code, &i) && g_array_index (self->screened, gboolean, i);
}

/**
 * distretto_indicator_result_dup_screened_out:
 * @self: a #DistrettoIndicatorResult
 *
 * Returns: (transfer full) (array zero-terminated=1): the codes of the
 *   regions screening left out, in the result's order
 */
char **
distretto_indicator_result_dup_screened_out (DistrettoIndicatorResult *self)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), NULL);

  for (guint i = 0; i < self->codes->len; i++)
    if (g_array_index (self->screened, gboolean, i))
      g_strv_builder_add (codes, g_ptr_array_index (self->codes, i));

  return g_strv_builder_end (codes);
}

/**
 * distretto_indicator_result_get_report:
 * @self: a #DistrettoIndicatorResult
 *
 * Returns: (transfer none) (nullable): what each step of the pipeline
 *   did, or %NULL for a result a module computed itself
 */
DistrettoPipelineReport *
distretto_indicator_result_get_report (DistrettoIndicatorResult *self)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), NULL);
  return self->report;
}

/**
 * distretto_indicator_result_set_report:
 * @self: a #DistrettoIndicatorResult
 * @report: (nullable): what the pipeline did
 *
 * Attaches the report of the pipeline that computed @self.
 */
void
distretto_indicator_result_set_report (DistrettoIndicatorResult *self,
                                       DistrettoPipelineReport  *report)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self));
  g_return_if_fail (report == NULL || DISTRETTO_IS_PIPELINE_REPORT (report));

  g_set_object (&self->report, report);
}

/**
 * distretto_indicator_result_dup_notes:
 * @self: a #DistrettoIndicatorResult
 * @region_code: a region code
 *
 * What the pipeline did to the region's values, for tooltips and tables:
 * see distretto_pipeline_report_dup_region_notes().
 *
 * Returns: (transfer full) (nullable): the notes, or %NULL
 */
char *
distretto_indicator_result_dup_notes (DistrettoIndicatorResult *self,
                                      const char               *region_code)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (self), NULL);
  g_return_val_if_fail (region_code != NULL, NULL);

  return self->report != NULL ? distretto_pipeline_report_dup_region_notes (self->report, region_code) : NULL;
}
