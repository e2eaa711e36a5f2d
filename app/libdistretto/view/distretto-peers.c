/* distretto-peers.c: structurally similar regions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-peers.h"
#include "distretto-view-private.h"

/**
 * DistrettoPeerFinder:
 *
 * Finds a region's peers by the structural benchmarking of the Smart
 * Specialisation Platform (Navarro et al., 2014): regions alike in what
 * they cannot change in the short run — the mix of their economy, their
 * income, their density — so that comparing indicators with them is
 * fair. Each structural variable is a #DistrettoSubIndicator (a series or
 * a ratio, with alternatives), standardised over the regions of the same
 * NUTS level (z-scores); the distance between two regions is the root
 * mean square of the differences of their z-scores over the variables
 * both have. A variable the region itself lacks is left out; a region
 * lacking more than a third of the variables used is not a peer.
 */
struct _DistrettoPeerFinder
{
  GObject parent_instance;

  DistrettoDataset *dataset;
  GPtrArray *variables;       /* DistrettoSubIndicator */
  int year;
  gboolean exclude_country;

  GHashTable *distances;      /* code → double *, of the last search */
  GPtrArray *used;            /* labels of the variables the last search used */
};

G_DEFINE_FINAL_TYPE (DistrettoPeerFinder, distretto_peer_finder, G_TYPE_OBJECT)

/* Employment by NACE section: the Labour Force Survey at NUTS 0–2, the
 * regional accounts down to NUTS 3, as the modules read them. */
#define LFS(nace) "lfst_r_lfe2en2?nace_r2=" nace "&age=Y15-64&sex=T&unit=THS"
#define NAMA(nace) "nama_10r_3empers?nace_r2=" nace "&wstatus=EMP&unit=THS"

static void
distretto_peer_finder_finalize (GObject *object)
{
  DistrettoPeerFinder *self = (DistrettoPeerFinder *)object;

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->variables, g_ptr_array_unref);
  g_clear_pointer (&self->distances, g_hash_table_unref);
  g_clear_pointer (&self->used, g_ptr_array_unref);

  G_OBJECT_CLASS (distretto_peer_finder_parent_class)->finalize (object);
}

static void
distretto_peer_finder_class_init (DistrettoPeerFinderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_peer_finder_finalize;
}

static void
distretto_peer_finder_init (DistrettoPeerFinder *self)
{
  self->variables = g_ptr_array_new_with_free_func (g_object_unref);
  self->distances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->used = g_ptr_array_new_with_free_func (g_free);
}

/**
 * distretto_peer_finder_new:
 * @dataset: the data the structural variables are read from
 *
 * Returns: (transfer full): a finder without variables, for the latest
 *   year each variable has, across countries
 */
DistrettoPeerFinder *
distretto_peer_finder_new (DistrettoDataset *dataset)
{
  DistrettoPeerFinder *self;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  self = g_object_new (DISTRETTO_TYPE_PEER_FINDER, NULL);
  self->dataset = g_object_ref (dataset);

  return self;
}

/**
 * distretto_peer_finder_add_variable:
 * @self: a #DistrettoPeerFinder
 * @variable: a structural variable
 *
 * Adds a variable regions are compared on; one with the id of a variable
 * already there replaces nothing and is ignored.
 */
void
distretto_peer_finder_add_variable (DistrettoPeerFinder   *self,
                                    DistrettoSubIndicator *variable)
{
  g_return_if_fail (DISTRETTO_IS_PEER_FINDER (self));
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (variable));

  for (guint i = 0; i < self->variables->len; i++)
    if (g_strcmp0 (distretto_sub_indicator_get_id (g_ptr_array_index (self->variables, i)),
                   distretto_sub_indicator_get_id (variable)) == 0)
      return;

  g_ptr_array_add (self->variables, g_object_ref (variable));
}

static DistrettoSubIndicator *
share (const char *id,
       const char *label,
       const char *numerator,
       const char *denominator)
{
  DistrettoSubIndicator *sub = distretto_sub_indicator_new (id, label, numerator);

  distretto_sub_indicator_set_denominator (sub, denominator);
  distretto_sub_indicator_set_scale (sub, 100.0);
  return sub;
}

/* A section's share of employment, from the survey or else the accounts. */
static DistrettoSubIndicator *
section_share (const char *id,
               const char *label,
               const char *lfs,
               const char *lfs_total,
               const char *nama,
               const char *nama_total)
{
  DistrettoSubIndicator *sub = share (id, label, lfs, lfs_total);
  g_autoptr(DistrettoSubIndicator) accounts = share (id, label, nama, nama_total);

  distretto_sub_indicator_add_alternative (sub, accounts);
  return sub;
}

#define SECTION(id, label, nace) section_share (id, label, LFS (nace), LFS ("TOTAL"), NAMA (nace), NAMA ("TOTAL"))

/**
 * distretto_peer_finder_add_default_variables:
 * @self: a #DistrettoPeerFinder
 *
 * Adds Distretto's own structural variables: GDP per head in purchasing
 * power standards (`nama_10r_2gdp`), population density
 * (`demo_r_d3dens`), and the shares of employment in agriculture,
 * industry, trade and hospitality, information and communication,
 * professional services and public services (`lfst_r_lfe2en2`, or
 * `nama_10r_3empers` at NUTS 3). Those the data lack are left out when
 * peers are found.
 */
void
distretto_peer_finder_add_default_variables (DistrettoPeerFinder *self)
{
  DistrettoSubIndicator *variables[8];
  g_autoptr(DistrettoSubIndicator) old_pps = NULL;

  g_return_if_fail (DISTRETTO_IS_PEER_FINDER (self));

  variables[0] = distretto_sub_indicator_new ("gdp-per-head", _("GDP per head (PPS)"),
                                              "nama_10r_2gdp?unit=PPS_EU27_2020_HAB");
  /* The unit's code before the EU27_2020 aggregate. */
  old_pps = distretto_sub_indicator_new ("gdp-per-head", _("GDP per head (PPS)"), "nama_10r_2gdp?unit=PPS_HAB");
  distretto_sub_indicator_add_alternative (variables[0], old_pps);
  variables[1] = distretto_sub_indicator_new ("population-density", _("Population density"),
                                              "demo_r_d3dens?unit=PER_KM2");
  variables[2] = SECTION ("agriculture", _("Employment in agriculture (%)"), "A");
  variables[3] = SECTION ("industry", _("Employment in industry (%)"), "B-E");
  variables[4] = SECTION ("trade", _("Employment in trade, transport and hospitality (%)"), "G-I");
  variables[5] = SECTION ("ict", _("Employment in information and communication (%)"), "J");
  variables[6] = SECTION ("professional", _("Employment in professional and support services (%)"), "M_N");
  variables[7] = SECTION ("public", _("Employment in public services, education and health (%)"), "O-Q");

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      distretto_peer_finder_add_variable (self, variables[i]);
      g_object_unref (variables[i]);
    }
}

/**
 * distretto_peer_finder_get_n_variables:
 * @self: a #DistrettoPeerFinder
 *
 * Returns: how many structural variables there are
 */
guint
distretto_peer_finder_get_n_variables (DistrettoPeerFinder *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PEER_FINDER (self), 0);
  return self->variables->len;
}

/**
 * distretto_peer_finder_get_variable:
 * @self: a #DistrettoPeerFinder
 * @index: a position below distretto_peer_finder_get_n_variables()
 *
 * Returns: (transfer none): the structural variable at @index
 */
DistrettoSubIndicator *
distretto_peer_finder_get_variable (DistrettoPeerFinder *self,
                                    guint                index)
{
  g_return_val_if_fail (DISTRETTO_IS_PEER_FINDER (self), NULL);
  g_return_val_if_fail (index < self->variables->len, NULL);

  return g_ptr_array_index (self->variables, index);
}

/**
 * distretto_peer_finder_set_year:
 * @self: a #DistrettoPeerFinder
 * @year: the year the variables are read for, or 0 for each variable's
 *   latest year with a value for the region
 *
 * Sets the year regions are compared in.
 */
void
distretto_peer_finder_set_year (DistrettoPeerFinder *self,
                                int                  year)
{
  g_return_if_fail (DISTRETTO_IS_PEER_FINDER (self));
  self->year = year;
}

/**
 * distretto_peer_finder_set_exclude_country:
 * @self: a #DistrettoPeerFinder
 * @exclude_country: whether regions of the region's own country are left
 *   out
 *
 * Peers from abroad only, for learning beyond the national frame.
 */
void
distretto_peer_finder_set_exclude_country (DistrettoPeerFinder *self,
                                           gboolean             exclude_country)
{
  g_return_if_fail (DISTRETTO_IS_PEER_FINDER (self));
  self->exclude_country = exclude_country;
}

/* The year @variable is read in for @code: the one asked for, or the
 * latest with a value; 0 for none. */
static int
variable_year (DistrettoPeerFinder   *self,
               DistrettoSubIndicator *variable,
               const char            *code)
{
  int first = distretto_dataset_get_first_year (self->dataset);

  if (self->year != 0)
    return isfinite (distretto_sub_indicator_get_raw_value (variable, self->dataset, code, self->year, NULL))
           ? self->year : 0;

  for (int year = distretto_dataset_get_last_year (self->dataset); first > 0 && year >= first; year--)
    if (isfinite (distretto_sub_indicator_get_raw_value (variable, self->dataset, code, year, NULL)))
      return year;

  return 0;
}

typedef struct
{
  const char *code;
  guint index;          /* in the pool */
  double sum;           /* of the squared differences of z-scores */
  guint n;              /* variables both regions have */
  double distance;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return g_strcmp0 (x->code, y->code);
}

/* Adds @variable's squared z-score differences to the candidates, if the
 * region and at least two others have a value and they differ. */
static gboolean
add_variable (DistrettoPeerFinder   *self,
              DistrettoSubIndicator *variable,
              const char            *code,
              GPtrArray             *pool,
              GArray                *candidates)
{
  int year = variable_year (self, variable, code);
  g_autofree double *values = NULL;
  double sum = 0.0, squares = 0.0, mean, sd, own;
  guint n = 0;

  if (year == 0)
    return FALSE;

  values = g_new (double, pool->len);
  for (guint i = 0; i < pool->len; i++)
    {
      values[i] = distretto_sub_indicator_get_raw_value (variable, self->dataset, g_ptr_array_index (pool, i), year, NULL);
      if (isfinite (values[i]))
        {
          sum += values[i];
          n++;
        }
    }
  if (n < 3)
    return FALSE;

  mean = sum / n;
  for (guint i = 0; i < pool->len; i++)
    if (isfinite (values[i]))
      squares += (values[i] - mean) * (values[i] - mean);
  sd = sqrt (squares / n);
  if (!(sd > 0.0))
    return FALSE;

  own = (distretto_sub_indicator_get_raw_value (variable, self->dataset, code, year, NULL) - mean) / sd;
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (isfinite (values[candidate->index]))
        {
          double z = (values[candidate->index] - mean) / sd;

          candidate->sum += (z - own) * (z - own);
          candidate->n++;
        }
    }

  return TRUE;
}

/**
 * distretto_peer_finder_find:
 * @self: a #DistrettoPeerFinder
 * @region_code: the region whose peers are wanted
 * @n: how many peers at most
 * @error: return location for a #GError
 *
 * Finds the @n regions of the same NUTS level nearest to @region_code on
 * the structural variables, nearest first (ties by code). Regions of
 * another NUTS version, Extra-Regio and aggregates are never peers.
 * distretto_peer_finder_get_distance() and
 * distretto_peer_finder_dup_used_variables() then tell how near each is
 * and what they were compared on.
 *
 * Returns: (transfer full) (array zero-terminated=1): the peers' codes,
 *   or %NULL with @error set when the region is unknown or the data have
 *   none of the variables for it
 */
char **
distretto_peer_finder_find (DistrettoPeerFinder  *self,
                            const char           *region_code,
                            guint                 n,
                            GError              **error)
{
  DistrettoRegion *region;
  g_autoptr(GPtrArray) pool = g_ptr_array_new ();
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(GStrvBuilder) peers = g_strv_builder_new ();
  guint used = 0, found = 0;
  int level;

  g_return_val_if_fail (DISTRETTO_IS_PEER_FINDER (self), NULL);
  g_return_val_if_fail (region_code != NULL, NULL);

  g_hash_table_remove_all (self->distances);
  g_ptr_array_set_size (self->used, 0);

  region = distretto_dataset_get_region (self->dataset, region_code);
  if (region == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("unknown region “%s”: the dataset has no such region"), region_code);
      return NULL;
    }

  level = distretto_region_get_level (region);
  if (level < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is an aggregate of regions: it has no peers"), region_code);
      return NULL;
    }

  for (guint i = 0; i < distretto_dataset_get_n_regions (self->dataset); i++)
    {
      DistrettoRegion *other = distretto_dataset_get_region_at (self->dataset, i);
      Candidate candidate = { distretto_region_get_code (other), pool->len, 0.0, 0, 0.0 };

      if (!_distretto_view_is_compared (other, level))
        continue;
      g_ptr_array_add (pool, (gpointer) candidate.code);
      if (other == region ||
          (self->exclude_country &&
           g_strcmp0 (distretto_region_get_country_code (other), distretto_region_get_country_code (region)) == 0))
        continue;
      g_array_append_val (candidates, candidate);
    }

  for (guint v = 0; v < self->variables->len; v++)
    {
      DistrettoSubIndicator *variable = g_ptr_array_index (self->variables, v);

      if (add_variable (self, variable, region_code, pool, candidates))
        {
          g_ptr_array_add (self->used, g_strdup (distretto_sub_indicator_get_label (variable)));
          used++;
        }
    }

  if (used == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No structural variable has data for “%s” and two other regions of its level: peers are "
                     "found with GDP per head, population density and the shares of employment by sector"),
                   distretto_region_get_display_name (region));
      return NULL;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      /* At least two thirds of the variables in common. */
      candidate->distance = candidate->n * 3 >= used * 2 ? sqrt (candidate->sum / candidate->n) : INFINITY;
    }
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len && found < n; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (!isfinite (candidate->distance))
        break;
      g_strv_builder_add (peers, candidate->code);
      g_hash_table_insert (self->distances, g_strdup (candidate->code), g_memdup2 (&candidate->distance, sizeof (double)));
      found++;
    }

  return g_strv_builder_end (peers);
}

/**
 * distretto_peer_finder_get_distance:
 * @self: a #DistrettoPeerFinder
 * @region_code: a peer of the last search
 *
 * Returns: its distance to the region searched for, in standard
 *   deviations; NaN for a region that was not found as a peer
 */
double
distretto_peer_finder_get_distance (DistrettoPeerFinder *self,
                                    const char          *region_code)
{
  const double *distance;

  g_return_val_if_fail (DISTRETTO_IS_PEER_FINDER (self), NAN);
  g_return_val_if_fail (region_code != NULL, NAN);

  distance = g_hash_table_lookup (self->distances, region_code);
  return distance != NULL ? *distance : NAN;
}

/**
 * distretto_peer_finder_dup_used_variables:
 * @self: a #DistrettoPeerFinder
 *
 * Returns: (transfer full) (array zero-terminated=1): the labels of the
 *   variables the last search compared regions on
 */
char **
distretto_peer_finder_dup_used_variables (DistrettoPeerFinder *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (DISTRETTO_IS_PEER_FINDER (self), NULL);

  for (guint i = 0; i < self->used->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->used, i));

  return g_strv_builder_end (builder);
}
