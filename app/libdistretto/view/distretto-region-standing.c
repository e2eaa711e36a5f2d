/* distretto-region-standing.c: where one region stands on one module
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-region-standing.h"
#include "distretto-view-private.h"

/* A change smaller than this many points is "little". */
#define NOTABLE_CHANGE 2.0
/* How many years back a change is measured over. */
#define CHANGE_YEARS 5
#define MAX_SENTENCES 5

/**
 * DistrettoRegionStanding:
 *
 * Where one region stands on one module in one year — what the region
 * page shows: its score and flags, its rank among the regions of its
 * NUTS level ("13th of 127"), its performance group and its index
 * against the EU (EU = 100), each pillar against the EU and against the
 * region's peers, the change since a base year up to five years before,
 * and a few plain sentences saying what stands out. Built from a
 * #DistrettoViewRequest whose selected region is the region and whose
 * regions are its peers, with the request's year, level, method and
 * weights.
 *
 * The rank's uncertainty interval (5th–95th percentile of the rank when
 * the method varies) is left empty until a Monte Carlo analysis fills it
 * with distretto_region_standing_set_rank_interval().
 */

typedef struct
{
  char *id;             /* NULL for the composite score */
  char *title;
  double value;
  double reference;
  double peers;
  double percentile;
  double base_value;
} Pillar;

struct _DistrettoRegionStanding
{
  GObject parent_instance;

  char *code;
  char *name;
  int year;
  int level;
  double score;
  DistrettoFlags flags;
  guint rank;
  guint n_ranked;
  guint interval_lower;     /* 0: no interval */
  guint interval_upper;
  DistrettoPerformanceGroup group;
  double index;
  gboolean eu_reference;
  GArray *pillars;          /* Pillar */
  gboolean has_peers;
  int base_year;            /* 0: none */
  double base_score;
};

G_DEFINE_FINAL_TYPE (DistrettoRegionStanding, distretto_region_standing, G_TYPE_OBJECT)

static void
pillar_clear (gpointer data)
{
  Pillar *pillar = data;

  g_clear_pointer (&pillar->id, g_free);
  g_clear_pointer (&pillar->title, g_free);
}

static void
distretto_region_standing_finalize (GObject *object)
{
  DistrettoRegionStanding *self = (DistrettoRegionStanding *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->pillars, g_array_unref);

  G_OBJECT_CLASS (distretto_region_standing_parent_class)->finalize (object);
}

static void
distretto_region_standing_class_init (DistrettoRegionStandingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_region_standing_finalize;
}

static void
distretto_region_standing_init (DistrettoRegionStanding *self)
{
  self->pillars = g_array_new (FALSE, TRUE, sizeof (Pillar));
  g_array_set_clear_func (self->pillars, pillar_clear);
  self->score = NAN;
  self->index = NAN;
  self->base_score = NAN;
}

/* A region's value of @pillar: a component, or the composite score. */
static double
value_of (DistrettoIndicatorResult *result,
          const char               *id,
          const char               *code)
{
  double score;

  if (id != NULL)
    return distretto_indicator_result_get_component (result, code, id);
  return distretto_indicator_result_lookup (result, code, &score, NULL) ? score : NAN;
}

/* The mean of @codes' values, NaN if none has one. */
static double
mean_of (DistrettoIndicatorResult *result,
         const char               *id,
         const char * const       *codes,
         guint                     n_codes)
{
  double sum = 0.0;
  guint n = 0;

  for (guint i = 0; i < n_codes; i++)
    {
      double value = value_of (result, id, codes[i]);

      if (isfinite (value))
        {
          sum += value;
          n++;
        }
    }

  return n > 0 ? sum / n : NAN;
}

/* The share of the other ranked regions with a lower value, 0–100. */
static double
percentile_of (DistrettoIndicatorResult *result,
               const char               *id,
               const char               *code,
               GPtrArray                *ranked)
{
  double own = value_of (result, id, code);
  guint lower = 0, others = 0;

  if (!isfinite (own))
    return NAN;

  for (guint i = 0; i < ranked->len; i++)
    {
      const char *other = g_ptr_array_index (ranked, i);
      double value = value_of (result, id, other);

      if (g_str_equal (other, code) || !isfinite (value))
        continue;
      others++;
      if (value < own)
        lower++;
    }

  return others > 0 ? 100.0 * lower / others : NAN;
}

static void
add_pillar (DistrettoRegionStanding *self,
            const char              *id,
            const char              *title)
{
  Pillar pillar = { g_strdup (id), g_strdup (title), NAN, NAN, NAN, NAN, NAN };

  g_array_append_val (self->pillars, pillar);
}

/* The module's pillars, or the components of a module computing its
 * scores itself. */
static void
add_pillars (DistrettoRegionStanding      *self,
             DistrettoIndicatorDefinition *definition)
{
  g_auto(GStrv) components = distretto_indicator_definition_dup_component_ids (definition);
  guint n_pillars = distretto_indicator_definition_get_n_pillars (definition);

  for (guint p = 0; p < n_pillars; p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);

      add_pillar (self, distretto_pillar_get_id (pillar), distretto_pillar_get_title (pillar));
    }

  for (guint c = 0; n_pillars == 0 && components[c] != NULL; c++)
    add_pillar (self, components[c], distretto_indicator_definition_get_component_title (definition, components[c]));
}

/* The earliest year with enough data from CHANGE_YEARS before @year on,
 * or 0. */
static int
choose_base_year (DistrettoViewRequest *request,
                  int                   year)
{
  g_autofree int *years = NULL;
  guint n_years = 0;

  years = distretto_indicator_dup_years (distretto_view_request_get_indicator (request),
                                         distretto_view_request_get_dataset (request), &n_years);
  for (guint i = 0; i < n_years; i++)
    if (years[i] >= year - CHANGE_YEARS && years[i] < year)
      return years[i];

  return 0;
}

/**
 * distretto_region_standing_new:
 * @request: the module, the data and the user's choices; its selected
 *   region is the region, its regions (if any) the region's peers
 * @error: return location for a #GError
 *
 * Computes where the selected region stands: the module's result for the
 * request's year (or its default year) and for a base year up to five
 * years before, the region's rank among the regions of the request's
 * level, its pillars against the reference and against its peers.
 *
 * Returns: (transfer full): the standing, or %NULL with @error set when
 *   there is no selected region or the module cannot be computed
 */
DistrettoRegionStanding *
distretto_region_standing_new (DistrettoViewRequest  *request,
                               GError               **error)
{
  g_autoptr(DistrettoRegionStanding) self = NULL;
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(DistrettoIndicatorResult) base = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  DistrettoIndicatorDefinition *definition;
  DistrettoDataset *dataset;
  const char * const *peers;
  const char *selected, *eu;
  double reference, previous = NAN;
  guint n_peers;

  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (request), NULL);

  dataset = distretto_view_request_get_dataset (request);
  selected = distretto_view_request_get_selected (request);
  peers = distretto_view_request_get_regions (request);
  n_peers = peers != NULL ? g_strv_length ((char **) peers) : 0;

  if (selected == NULL || distretto_dataset_get_region (dataset, selected) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A region’s standing needs a region of the dataset: choose one"));
      return NULL;
    }

  self = g_object_new (DISTRETTO_TYPE_REGION_STANDING, NULL);
  self->code = g_strdup (selected);
  self->name = g_strdup (_distretto_view_region_name (dataset, selected));
  self->level = distretto_view_request_get_level (request);
  self->has_peers = n_peers > 0;

  if (!_distretto_view_check_regions (dataset, peers, error) ||
      (definition = _distretto_view_request_get_definition (request, error)) == NULL ||
      (self->year = _distretto_view_request_choose_year (request, error)) == 0 ||
      (result = _distretto_view_request_compute (request, self->year, error)) == NULL)
    return NULL;

  distretto_indicator_result_lookup (result, selected, &self->score, &self->flags);
  self->group = distretto_indicator_result_get_group (result, selected);
  reference = distretto_indicator_result_get_reference (result);
  eu = _distretto_view_find_eu (result);
  self->eu_reference = eu != NULL && value_of (result, NULL, eu) == reference;
  if (isfinite (self->score) && isfinite (reference) && reference > 0.0)
    self->index = 100.0 * self->score / reference;

  /* Ties share a rank: 1, 2, 2, 4. */
  ranked = _distretto_view_dup_ranked (request, result);
  self->n_ranked = ranked->len;
  for (guint i = 0, rank = 0; i < ranked->len; i++)
    {
      double score = value_of (result, NULL, g_ptr_array_index (ranked, i));

      if (i == 0 || score < previous)
        rank = i + 1;
      previous = score;
      if (g_str_equal (g_ptr_array_index (ranked, i), selected))
        self->rank = rank;
    }

  self->base_year = choose_base_year (request, self->year);
  if (self->base_year != 0)
    base = _distretto_view_request_compute (request, self->base_year, NULL);
  if (base != NULL)
    self->base_score = value_of (base, NULL, selected);
  else
    self->base_year = 0;

  add_pillars (self, definition);
  for (guint p = 0; p < self->pillars->len; p++)
    {
      Pillar *pillar = &g_array_index (self->pillars, Pillar, p);

      pillar->value = value_of (result, pillar->id, selected);
      pillar->reference = self->eu_reference
                          ? value_of (result, pillar->id, eu)
                          : mean_of (result, pillar->id, (const char * const *) ranked->pdata, ranked->len);
      pillar->peers = mean_of (result, pillar->id, peers, n_peers);
      pillar->percentile = percentile_of (result, pillar->id, selected, ranked);
      pillar->base_value = base != NULL ? value_of (base, pillar->id, selected) : NAN;
    }

  return g_steal_pointer (&self);
}

/**
 * distretto_region_standing_get_region_code:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the region's code
 */
const char *
distretto_region_standing_get_region_code (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NULL);
  return self->code;
}

/**
 * distretto_region_standing_get_region_name:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the region's name as the charts show it
 */
const char *
distretto_region_standing_get_region_name (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NULL);
  return self->name;
}

/**
 * distretto_region_standing_get_year:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the year of the standing
 */
int
distretto_region_standing_get_year (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), 0);
  return self->year;
}

/**
 * distretto_region_standing_get_level:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the NUTS level the region is ranked among
 */
int
distretto_region_standing_get_level (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), 0);
  return self->level;
}

/**
 * distretto_region_standing_get_score:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the region's score, NaN if it has none
 */
double
distretto_region_standing_get_score (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NAN);
  return self->score;
}

/**
 * distretto_region_standing_get_flags:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the flags of the region's score: estimated, imputed, carried
 *   forward, synthetic…
 */
DistrettoFlags
distretto_region_standing_get_flags (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), DISTRETTO_FLAGS_NONE);
  return self->flags;
}

/**
 * distretto_region_standing_get_rank:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the region's rank among the regions of its level (ties share
 *   a rank), or 0 when it is not ranked (no score, or another level)
 */
guint
distretto_region_standing_get_rank (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), 0);
  return self->rank;
}

/**
 * distretto_region_standing_get_n_ranked:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: how many regions of the level are ranked
 */
guint
distretto_region_standing_get_n_ranked (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), 0);
  return self->n_ranked;
}

/**
 * distretto_format_ordinal:
 * @n: a number from 1
 *
 * Returns: (transfer full): @n as an ordinal in the user's language:
 *   "13th", "21st" in English
 */
char *
distretto_format_ordinal (guint n)
{
  guint tens = n % 100, units = n % 10;

  if (tens < 11 || tens > 13)
    {
      if (units == 1)
        /* TRANSLATORS: an ordinal number ending in 1 but not in 11, as in "21st"; "%u°" or "%u." in many languages */
        return g_strdup_printf (C_("ordinal", "%ust"), n);
      if (units == 2)
        /* TRANSLATORS: an ordinal number ending in 2 but not in 12, as in "22nd" */
        return g_strdup_printf (C_("ordinal", "%und"), n);
      if (units == 3)
        /* TRANSLATORS: an ordinal number ending in 3 but not in 13, as in "23rd" */
        return g_strdup_printf (C_("ordinal", "%urd"), n);
    }

  /* TRANSLATORS: any other ordinal number, as in "13th" */
  return g_strdup_printf (C_("ordinal", "%uth"), n);
}

/**
 * distretto_region_standing_dup_rank_text:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: (transfer full) (nullable): the rank as people say it, "13th
 *   of 127", with the interval when there is one ("13th of 127, 9th–18th")
 *   and it spans more than one place;
 *   %NULL when the region is not ranked
 */
char *
distretto_region_standing_dup_rank_text (DistrettoRegionStanding *self)
{
  g_autofree char *rank = NULL;

  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NULL);

  if (self->rank == 0)
    return NULL;

  rank = distretto_format_ordinal (self->rank);
  /* An interval of one place is no interval: the rank never moves. */
  if (self->interval_lower > 0 && self->interval_lower != self->interval_upper)
    {
      g_autofree char *lower = distretto_format_ordinal (self->interval_lower);
      g_autofree char *upper = distretto_format_ordinal (self->interval_upper);

      /* TRANSLATORS: a rank with its uncertainty interval, e.g. "13th of 127, 9th–18th" */
      return g_strdup_printf (_("%s of %u, %s–%s"), rank, self->n_ranked, lower, upper);
    }

  /* TRANSLATORS: a rank among regions, e.g. "13th of 127" */
  return g_strdup_printf (_("%s of %u"), rank, self->n_ranked);
}

/**
 * distretto_region_standing_get_rank_interval:
 * @self: a #DistrettoRegionStanding
 * @lower: (out) (optional): the best rank of the interval
 * @upper: (out) (optional): the worst rank of the interval
 *
 * The rank's uncertainty interval, from a Monte Carlo analysis of the
 * method (distretto_region_standing_set_rank_interval()).
 *
 * Returns: %TRUE if the standing has an interval
 */
gboolean
distretto_region_standing_get_rank_interval (DistrettoRegionStanding *self,
                                             guint                   *lower,
                                             guint                   *upper)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), FALSE);

  if (lower != NULL)
    *lower = self->interval_lower;
  if (upper != NULL)
    *upper = self->interval_upper;

  return self->interval_lower > 0;
}

/**
 * distretto_region_standing_set_rank_interval:
 * @self: a #DistrettoRegionStanding
 * @lower: the best rank of the interval, from 1
 * @upper: the worst rank of the interval
 *
 * Sets the 5th–95th percentile interval of the region's rank when the
 * method varies: where an uncertainty analysis puts its result.
 */
void
distretto_region_standing_set_rank_interval (DistrettoRegionStanding *self,
                                             guint                    lower,
                                             guint                    upper)
{
  g_return_if_fail (DISTRETTO_IS_REGION_STANDING (self));
  g_return_if_fail (lower >= 1 && lower <= upper);

  self->interval_lower = lower;
  self->interval_upper = upper;
}

/**
 * distretto_region_standing_compute_rank_interval:
 * @self: a #DistrettoRegionStanding
 * @request: the request the standing was made from
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Sets the rank's interval from the Monte Carlo analysis of the module's
 * method (distretto_indicator_compute_uncertainty(), for the standing's
 * year and level and the request's method): taken from the module's
 * cache, or run now in the calling thread — call it off the main loop.
 * The interval is the 5th–95th percentile of the region's rank, widened
 * to whole ranks. A module that computes its scores itself gets
 * %DISTRETTO_INDICATOR_ERROR_NOT_SUPPORTED and no interval.
 *
 * Returns: %TRUE if the standing has an interval
 */
gboolean
distretto_region_standing_compute_rank_interval (DistrettoRegionStanding  *self,
                                                 DistrettoViewRequest     *request,
                                                 GCancellable             *cancellable,
                                                 GError                  **error)
{
  DistrettoIndicator *indicator;
  g_autoptr(DistrettoMethod) method = NULL;
  g_autoptr(DistrettoUncertainty) uncertainty = NULL;
  double lower, upper;
  int index;

  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), FALSE);
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (request), FALSE);

  indicator = distretto_view_request_get_indicator (request);
  if (self->rank == 0)
    return FALSE;
  if (!distretto_indicator_computes_declared (indicator))
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NOT_SUPPORTED,
                   _("The module computes its scores with code of its own: Distretto cannot vary its method"));
      return FALSE;
    }

  method = distretto_view_request_dup_method (request);
  distretto_method_set_level (method, self->level);
  uncertainty = distretto_indicator_compute_uncertainty (indicator, distretto_view_request_get_dataset (request),
                                                         self->year, method, NULL, NULL, cancellable, error);
  if (uncertainty == NULL)
    return FALSE;

  index = distretto_uncertainty_find_region (uncertainty, self->code);
  if (index < 0)
    return FALSE;

  distretto_uncertainty_get_rank_interval (uncertainty, index, &lower, &upper);
  if (!isfinite (lower) || !isfinite (upper))
    return FALSE;

  distretto_region_standing_set_rank_interval (self, MAX (1, (guint) floor (lower)), MAX (1, (guint) ceil (upper)));
  return TRUE;
}

/**
 * distretto_region_standing_get_group:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the region's performance group
 */
DistrettoPerformanceGroup
distretto_region_standing_get_group (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), DISTRETTO_PERFORMANCE_GROUP_NONE);
  return self->group;
}

/**
 * distretto_region_standing_get_index:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the region's score against the reference as 100 (the EU
 *   aggregate, or the mean of the regions), NaN without one
 */
double
distretto_region_standing_get_index (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NAN);
  return self->index;
}

/**
 * distretto_region_standing_has_eu_reference:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: whether the reference is the EU aggregate, rather than the
 *   mean of the regions
 */
gboolean
distretto_region_standing_has_eu_reference (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), FALSE);
  return self->eu_reference;
}

/**
 * distretto_region_standing_get_n_pillars:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: how many pillars (or components) the module has
 */
guint
distretto_region_standing_get_n_pillars (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), 0);
  return self->pillars->len;
}

static const Pillar *
get_pillar (DistrettoRegionStanding *self,
            guint                    index)
{
  return &g_array_index (self->pillars, Pillar, index);
}

/**
 * distretto_region_standing_get_pillar_title:
 * @self: a #DistrettoRegionStanding
 * @index: a pillar, below distretto_region_standing_get_n_pillars()
 *
 * Returns: the pillar's title
 */
const char *
distretto_region_standing_get_pillar_title (DistrettoRegionStanding *self,
                                            guint                    index)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NULL);
  g_return_val_if_fail (index < self->pillars->len, NULL);
  return get_pillar (self, index)->title;
}

/**
 * distretto_region_standing_get_pillar_value:
 * @self: a #DistrettoRegionStanding
 * @index: a pillar, below distretto_region_standing_get_n_pillars()
 *
 * Returns: the region's score on the pillar, NaN for none
 */
double
distretto_region_standing_get_pillar_value (DistrettoRegionStanding *self,
                                            guint                    index)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NAN);
  g_return_val_if_fail (index < self->pillars->len, NAN);
  return get_pillar (self, index)->value;
}

/**
 * distretto_region_standing_get_pillar_reference:
 * @self: a #DistrettoRegionStanding
 * @index: a pillar, below distretto_region_standing_get_n_pillars()
 *
 * Returns: the EU aggregate's score on the pillar, or the mean of the
 *   regions', NaN for none
 */
double
distretto_region_standing_get_pillar_reference (DistrettoRegionStanding *self,
                                                guint                    index)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NAN);
  g_return_val_if_fail (index < self->pillars->len, NAN);
  return get_pillar (self, index)->reference;
}

/**
 * distretto_region_standing_get_pillar_peers:
 * @self: a #DistrettoRegionStanding
 * @index: a pillar, below distretto_region_standing_get_n_pillars()
 *
 * Returns: the mean of the peers' scores on the pillar, NaN without
 *   peers
 */
double
distretto_region_standing_get_pillar_peers (DistrettoRegionStanding *self,
                                            guint                    index)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NAN);
  g_return_val_if_fail (index < self->pillars->len, NAN);
  return get_pillar (self, index)->peers;
}

/**
 * distretto_region_standing_get_pillar_percentile:
 * @self: a #DistrettoRegionStanding
 * @index: a pillar, below distretto_region_standing_get_n_pillars()
 *
 * Returns: the share of the other ranked regions of the level scoring
 *   lower on the pillar, 0–100; NaN when the region has no score on it
 */
double
distretto_region_standing_get_pillar_percentile (DistrettoRegionStanding *self,
                                                 guint                    index)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NAN);
  g_return_val_if_fail (index < self->pillars->len, NAN);
  return get_pillar (self, index)->percentile;
}

/**
 * distretto_region_standing_get_pillar_base_value:
 * @self: a #DistrettoRegionStanding
 * @index: a pillar, below distretto_region_standing_get_n_pillars()
 *
 * Returns: the region's score on the pillar in the base year, NaN for
 *   none
 */
double
distretto_region_standing_get_pillar_base_value (DistrettoRegionStanding *self,
                                                 guint                    index)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NAN);
  g_return_val_if_fail (index < self->pillars->len, NAN);
  return get_pillar (self, index)->base_value;
}

/**
 * distretto_region_standing_get_base_year:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the year changes are measured from: the earliest year with
 *   enough data at most five years before, or 0 for none
 */
int
distretto_region_standing_get_base_year (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), 0);
  return self->base_year;
}

/**
 * distretto_region_standing_get_base_score:
 * @self: a #DistrettoRegionStanding
 *
 * Returns: the region's score in the base year, NaN for none
 */
double
distretto_region_standing_get_base_score (DistrettoRegionStanding *self)
{
  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NAN);
  return self->base_score;
}

static const char *
group_phrase (DistrettoPerformanceGroup group)
{
  switch (group)
    {
    case DISTRETTO_PERFORMANCE_GROUP_LEADER:
      /* TRANSLATORS: completes "Veneto ranks 13th of 127 NUTS 2 regions in 2023, …" */
      return _("a leader");
    case DISTRETTO_PERFORMANCE_GROUP_STRONG:
      return _("a strong performer");
    case DISTRETTO_PERFORMANCE_GROUP_MODERATE:
      return _("a moderate performer");
    case DISTRETTO_PERFORMANCE_GROUP_EMERGING:
      return _("an emerging performer");
    case DISTRETTO_PERFORMANCE_GROUP_NONE:
    default:
      return NULL;
    }
}

/* The standing: rank, group and index. */
static char *
dup_rank_sentence (DistrettoRegionStanding *self)
{
  g_autofree char *ordinal = distretto_format_ordinal (self->rank);
  const char *group = group_phrase (self->group);

  if (group != NULL && isfinite (self->index))
    /* TRANSLATORS: e.g. "Veneto ranks 13th of 127 NUTS 2 regions in 2023, a strong performer (112, EU = 100)." */
    return g_strdup_printf (self->eu_reference ? _("%s ranks %s of %u NUTS %d regions in %d, %s (%.0f, EU = 100).")
                                               : _("%s ranks %s of %u NUTS %d regions in %d, %s (%.0f, mean = 100)."),
                            self->name, ordinal, self->n_ranked, self->level, self->year, group, self->index);

  /* TRANSLATORS: e.g. "Veneto ranks 13th of 127 NUTS 2 regions in 2023." */
  return g_strdup_printf (_("%s ranks %s of %u NUTS %d regions in %d."), self->name, ordinal, self->n_ranked,
                          self->level, self->year);
}

/* The pillar with the highest (@best) or lowest percentile, or -1. */
static int
extreme_pillar (DistrettoRegionStanding *self,
                gboolean                 best)
{
  int found = -1;

  for (guint p = 0; p < self->pillars->len; p++)
    {
      double percentile = get_pillar (self, p)->percentile;

      if (isfinite (percentile) &&
          (found < 0 || (best ? percentile > get_pillar (self, found)->percentile
                              : percentile < get_pillar (self, found)->percentile)))
        found = p;
    }

  return found;
}

/* The strongest pillar: in the top quarter, or above the reference. */
static char *
dup_strength_sentence (DistrettoRegionStanding *self)
{
  int best = extreme_pillar (self, TRUE);
  const Pillar *pillar;

  if (best < 0 || self->pillars->len < 2)
    return NULL;

  pillar = get_pillar (self, best);
  if (pillar->percentile >= 75.0)
    /* TRANSLATORS: e.g. "KIBS depth is in the top quarter of NUTS 2 regions." */
    return g_strdup_printf (_("%s is in the top quarter of NUTS %d regions."), pillar->title, self->level);
  if (!isfinite (pillar->reference))
    return NULL;
  if (pillar->value > pillar->reference)
    /* TRANSLATORS: e.g. "Its strongest pillar is KIBS depth, above the reference (54.2 against 50.1)." */
    return g_strdup_printf (_("Its strongest pillar is %s, above the reference (%.1f against %.1f)."),
                            pillar->title, pillar->value, pillar->reference);
  /* TRANSLATORS: e.g. "Its strongest pillar is KIBS depth, yet not above the reference (44.2 against 50.1)." */
  return g_strdup_printf (_("Its strongest pillar is %s, yet not above the reference (%.1f against %.1f)."),
                          pillar->title, pillar->value, pillar->reference);
}

/* The weakest pillar: in the bottom quarter, or below the reference. */
static char *
dup_weakness_sentence (DistrettoRegionStanding *self)
{
  int worst = extreme_pillar (self, FALSE);
  const Pillar *pillar;

  if (worst < 0 || self->pillars->len < 2 || worst == extreme_pillar (self, TRUE))
    return NULL;

  pillar = get_pillar (self, worst);
  if (pillar->percentile < 25.0)
    /* TRANSLATORS: e.g. "Coupling is in the bottom quarter of NUTS 2 regions." */
    return g_strdup_printf (_("%s is in the bottom quarter of NUTS %d regions."), pillar->title, self->level);
  if (!isfinite (pillar->reference))
    return NULL;
  if (pillar->value < pillar->reference)
    /* TRANSLATORS: e.g. "Its weakest pillar is Coupling, below the reference (41.0 against 52.3)." */
    return g_strdup_printf (_("Its weakest pillar is %s, below the reference (%.1f against %.1f)."),
                            pillar->title, pillar->value, pillar->reference);
  /* TRANSLATORS: e.g. "Its weakest pillar is Coupling, not below the reference (55.0 against 52.3)." */
  return g_strdup_printf (_("Its weakest pillar is %s, not below the reference (%.1f against %.1f)."),
                          pillar->title, pillar->value, pillar->reference);
}

/* The pillar that moved most since the base year, if by enough; else
 * the score's change. */
static char *
dup_change_sentence (DistrettoRegionStanding *self)
{
  int moved = -1;
  double change = 0.0;

  if (self->base_year == 0)
    return NULL;

  for (guint p = 0; p < self->pillars->len; p++)
    {
      const Pillar *pillar = get_pillar (self, p);
      double delta = pillar->value - pillar->base_value;

      if (isfinite (delta) && fabs (delta) >= NOTABLE_CHANGE && fabs (delta) > fabs (change))
        {
          moved = p;
          change = delta;
        }
    }

  if (moved >= 0 && self->pillars->len > 1)
    return g_strdup_printf (change > 0
                            /* TRANSLATORS: e.g. "Manufacturing base rose 4 points since 2018." */
                            ? ngettext ("%s rose %.0f point since %d.", "%s rose %.0f points since %d.",
                                        (gulong) round (fabs (change)))
                            /* TRANSLATORS: e.g. "Manufacturing base fell 4 points since 2018." */
                            : ngettext ("%s fell %.0f point since %d.", "%s fell %.0f points since %d.",
                                        (gulong) round (fabs (change))),
                            get_pillar (self, moved)->title, fabs (change), self->base_year);

  if (!isfinite (self->score) || !isfinite (self->base_score))
    return NULL;

  change = self->score - self->base_score;
  if (fabs (change) < NOTABLE_CHANGE)
    /* TRANSLATORS: e.g. "Its score has changed little since 2018 (52.1, now 53.0)." */
    return g_strdup_printf (_("Its score has changed little since %d (%.1f, now %.1f)."),
                            self->base_year, self->base_score, self->score);
  return g_strdup_printf (change > 0
                          /* TRANSLATORS: e.g. "Its score rose from 48.2 in 2018 to 52.3 in 2023." */
                          ? _("Its score rose from %.1f in %d to %.1f in %d.")
                          /* TRANSLATORS: e.g. "Its score fell from 52.3 in 2018 to 48.2 in 2023." */
                          : _("Its score fell from %.1f in %d to %.1f in %d."),
                          self->base_score, self->base_year, self->score, self->year);
}

/* Where the region is ahead of its peers and where behind. */
static char *
dup_peers_sentence (DistrettoRegionStanding *self)
{
  int ahead = -1, behind = -1;
  double most = 0.0, least = 0.0;

  if (!self->has_peers || self->pillars->len < 2)
    return NULL;

  for (guint p = 0; p < self->pillars->len; p++)
    {
      const Pillar *pillar = get_pillar (self, p);
      double gap = pillar->value - pillar->peers;

      if (!isfinite (gap))
        continue;
      if (gap >= NOTABLE_CHANGE && gap > most)
        {
          ahead = p;
          most = gap;
        }
      if (gap <= -NOTABLE_CHANGE && gap < least)
        {
          behind = p;
          least = gap;
        }
    }

  if (ahead >= 0 && behind >= 0)
    /* TRANSLATORS: e.g. "Against its peers it leads on KIBS depth and trails on Coupling." */
    return g_strdup_printf (_("Against its peers it leads on %s and trails on %s."),
                            get_pillar (self, ahead)->title, get_pillar (self, behind)->title);
  if (ahead >= 0)
    /* TRANSLATORS: e.g. "Against its peers it leads on KIBS depth and trails on none." */
    return g_strdup_printf (_("Against its peers it leads on %s and trails on no pillar."), get_pillar (self, ahead)->title);
  if (behind >= 0)
    /* TRANSLATORS: e.g. "Against its peers it trails on Coupling and leads on no pillar." */
    return g_strdup_printf (_("Against its peers it trails on %s and leads on no pillar."),
                            get_pillar (self, behind)->title);
  return g_strdup (_("It scores close to its peers on every pillar."));
}

/**
 * distretto_region_standing_dup_sentences:
 * @self: a #DistrettoRegionStanding
 *
 * Up to five plain sentences of what stands out, made from the numbers:
 * the rank, group and index; the strongest pillar (in the top quarter of
 * the level, or against the reference); the weakest; the pillar that
 * moved most since the base year (by 2 points or more), else the score's
 * change; where the region leads and trails its peers. A region without
 * a score gets one sentence saying so.
 *
 * Returns: (transfer full) (array zero-terminated=1): the sentences
 */
char **
distretto_region_standing_dup_sentences (DistrettoRegionStanding *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char *sentences[MAX_SENTENCES];

  g_return_val_if_fail (DISTRETTO_IS_REGION_STANDING (self), NULL);

  if (self->rank == 0)
    {
      /* TRANSLATORS: e.g. "Vicenza has no score among NUTS 2 regions in 2023." */
      g_autofree char *sentence = g_strdup_printf (_("%s has no score among NUTS %d regions in %d."), self->name,
                                                   self->level, self->year);

      g_strv_builder_add (builder, sentence);
      return g_strv_builder_end (builder);
    }

  sentences[0] = dup_rank_sentence (self);
  sentences[1] = dup_strength_sentence (self);
  sentences[2] = dup_weakness_sentence (self);
  sentences[3] = dup_change_sentence (self);
  sentences[4] = dup_peers_sentence (self);

  for (guint i = 0; i < MAX_SENTENCES; i++)
    if (sentences[i] != NULL)
      {
        g_strv_builder_add (builder, sentences[i]);
        g_free (sentences[i]);
      }

  return g_strv_builder_end (builder);
}
