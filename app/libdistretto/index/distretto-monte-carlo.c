/* distretto-monte-carlo.c: the uncertainty and sensitivity analysis's
 * runs, on every processor
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The pipeline runs once up to screening. Each combination of
 * imputation, outlier treatment and normalisation the runs can draw is
 * computed once, for the year and level analysed, as a matrix of
 * normalised scores (regions × sub-indicators, the EU as a last row). A
 * run then only weighs, aggregates, ranks and groups: microseconds. The
 * draws are made up front from the seed, so threads change nothing.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "distretto-pipeline-private.h"
#include "distretto-uncertainty-private.h"

#define AGGREGATION_SHARE (2.0 / 3.0)
#define MAX_CHOICES       9
#define MAX_THREADS       16
#define CHUNK             16
#define PREPARED          0.1
#define MAX_PILLARS       64     /* the share of the progress the preparation takes */

/* The values a discrete assumption can take: the alternatives drawn
 * from, then the method's own if it is not one of them. */
typedef struct
{
  int values[MAX_CHOICES];
  guint n_values;
  guint n_alternatives;   /* 0: not drawn, the method's */
  guint nominal;
} Choices;

typedef struct
{
  double score;
  guint unit;
} Ranked;

typedef struct
{
  guint n_units;
  guint n_rows;           /* the units, and the EU's row if there is one */
  int eu_row;
  guint n_cols;
  guint n_pillars;
  guint *pillar_first;    /* columns of pillar p: [pillar_first[p], pillar_first[p + 1]) */
  double *column_weights;
  double *pillar_weights;
  DistrettoAggregation within;
  Choices choices[DISTRETTO_N_ASSUMPTIONS];
  double spread;
  double **terms;         /* per variant, n_rows × n_cols: the normalised scores (their
                           * log (max (v, 0) + 1) for geometric means within pillars), 0 when missing */
  double **present;       /* 1 where a score is present, 0 where missing */
  guint n_variants;

  guint n_slots;          /* uniforms per run: one per discrete assumption, then the weights */
  guint n_factors;
  DistrettoAssumption factors[DISTRETTO_N_ASSUMPTIONS];
  guint factor_first[DISTRETTO_N_ASSUMPTIONS];
  guint factor_end[DISTRETTO_N_ASSUMPTIONS];
  guint runs;
  double *a;
  double *b;

  guint *nominal_ranks;
  guint *nominal_order;   /* the units, best first under the nominal method */
  double *f;              /* the output of each run: A, B, then A_B^(i) for each factor */
  GMutex merging;
  guint *histograms;      /* per unit, how many runs of A give it each rank (0: none) */
  guint *group_counts;    /* per unit, how many runs of A put it in each group */

  guint n_jobs;
  gint next;
  gint done;
  GCancellable *cancellable;
  DistrettoProgress *progress;
} Engine;

typedef struct
{
  double *slots;
  double *scores;
  double *weights;        /* columns, then pillars */
  guint *order;
  guint64 *keys;
  guint *ranks;
  guint8 *groups;
  guint *histograms;      /* this thread's share of the engine's */
  guint *group_counts;
} Scratch;

static void
scratch_init (Scratch      *s,
              const Engine *e)
{
  s->slots = g_new (double, MAX (e->n_slots, 1));
  s->scores = g_new (double, MAX (e->n_rows, 1));
  s->weights = g_new (double, e->n_cols + e->n_pillars + 1);
  s->order = g_new (guint, MAX (e->n_units, 1));
  s->keys = g_new (guint64, MAX (e->n_units, 1));
  s->ranks = g_new (guint, MAX (e->n_units, 1));
  s->groups = g_new (guint8, MAX (e->n_units, 1));
  s->histograms = g_new0 (guint, (gsize) e->n_units * (e->n_units + 1));
  s->group_counts = g_new0 (guint, (gsize) e->n_units * N_GROUPS);
}

static void
scratch_clear (Scratch *s)
{
  g_free (s->slots);
  g_free (s->scores);
  g_free (s->weights);
  g_free (s->order);
  g_free (s->keys);
  g_free (s->ranks);
  g_free (s->groups);
  g_free (s->histograms);
  g_free (s->group_counts);
}

static void
choices_init (Choices   *choices,
              const int *alternatives,
              guint      n_alternatives,
              int        nominal)
{
  memset (choices, 0, sizeof *choices);
  if (n_alternatives >= 2)
    {
      for (guint i = 0; i < n_alternatives && i < MAX_CHOICES - 1; i++)
        choices->values[choices->n_values++] = alternatives[i];
      choices->n_alternatives = choices->n_values;
    }

  for (choices->nominal = 0; choices->nominal < choices->n_values; choices->nominal++)
    if (choices->values[choices->nominal] == nominal)
      return;
  choices->values[choices->n_values++] = nominal;
}

/* The value of a discrete assumption a run draws from @slot. */
static guint
draw (const Choices *choices,
      const double  *slots,
      guint          slot)
{
  guint k;

  if (slots == NULL || choices->n_alternatives == 0)
    return choices->nominal;

  k = (guint) (slots[slot] * choices->n_alternatives);
  return MIN (k, choices->n_alternatives - 1);
}

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return (x->unit > y->unit) - (x->unit < y->unit);
}

/* Whether unit @a goes before unit @b: a higher score, or the same and
 * the lower index; no score last. */
static inline gboolean
before (const guint64 *keys,
        guint          a,
        guint          b)
{
  return keys[a] > keys[b] || (keys[a] == keys[b] && a < b);
}

/* A double as an integer in the same order (IEEE 754's total order). */
static inline guint64
sortable (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return bits >> 63 ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

/* Competition ranks of the units' scores, 0 for none. Runs differ from
 * the nominal order by a few places each: an insertion sort from that
 * order moves little, where a general sort would compare everything. */
static void
rank_units (const Engine *e,
            Scratch      *s)
{
  guint *order = s->order;
  guint64 *keys = s->keys;

  /* Integer keys, compared without the cost of NaN's rules; no score
   * sorts last. */
  for (guint u = 0; u < e->n_units; u++)
    keys[u] = isnan (s->scores[u]) ? 0 : sortable (s->scores[u] + 0.0);

  memcpy (order, e->nominal_order, sizeof (guint) * e->n_units);
  for (guint k = 1; k < e->n_units; k++)
    {
      guint unit = order[k], j = k;

      while (j > 0 && before (keys, unit, order[j - 1]))
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = unit;
    }

  for (guint k = 0; k < e->n_units; k++)
    {
      guint unit = order[k];

      if (isnan (s->scores[unit]))
        s->ranks[unit] = 0;
      else
        s->ranks[unit] = k > 0 && s->scores[order[k - 1]] == s->scores[unit] ? s->ranks[order[k - 1]] : k + 1;
    }
}

/* One row's index from its @terms and @present (see Engine), as
 * distretto_index_compute() aggregates: missing scores add 0, so the
 * sums are those of the present ones, bit for bit, without branches.
 * @pillar_totals: each pillar's weight, summed once per run. Without
 * @exact, a geometric mean across pillars is left as the mean of the
 * logarithms: the same order, for ranks, without the exponential. */
static double
score_row (const Engine         *e,
           const double         *terms,
           const double         *present,
           const double         *weights,
           const double         *pillar_totals,
           DistrettoAggregation  across,
           gboolean              exact)
{
  gboolean geometric_within = e->within == DISTRETTO_AGGREGATION_GEOMETRIC;
  gboolean geometric_across = across == DISTRETTO_AGGREGATION_GEOMETRIC;
  double total = 0.0, weight_present = 0.0, sum = 0.0;

  for (guint p = 0; p < e->n_pillars; p++)
    {
      double pillar_present = 0.0, pillar_sum = 0.0, pillar_weight, score;

      for (guint c = e->pillar_first[p]; c < e->pillar_first[p + 1]; c++)
        {
          pillar_present += weights[c] * present[c];
          pillar_sum += weights[c] * terms[c];
        }

      /* A pillar none of whose sub-indicators weighs counts for nothing. */
      pillar_weight = pillar_totals[p] > 0.0 ? weights[e->n_cols + p] : 0.0;
      total += pillar_weight;
      if (pillar_weight == 0.0 || pillar_present < AGGREGATION_SHARE * pillar_totals[p] - 1e-12)
        continue;

      score = geometric_within ? exp (pillar_sum / pillar_present) - 1.0 : pillar_sum / pillar_present;
      weight_present += pillar_weight;
      sum += pillar_weight * (geometric_across ? log (MAX (score, 0.0) + 1.0) : score);
    }

  if (total <= 0.0 || weight_present < AGGREGATION_SHARE * total - 1e-12)
    return NAN;
  if (geometric_across)
    return exact ? exp (sum / weight_present) - 1.0 : sum / weight_present;
  return sum / weight_present;
}

/* One run: the assumptions drawn from @slots (the method's own when
 * NULL), @column_weights instead of the method's when not NULL. Leaves
 * the units' ranks in s->ranks, their groups in @groups (if not NULL),
 * and returns the mean absolute change of rank from the nominal one. */
static double
evaluate (const Engine *e,
          const double *slots,
          const double *column_weights,
          Scratch      *s,
          guint8       *groups)
{
  guint imputation = draw (&e->choices[DISTRETTO_ASSUMPTION_IMPUTATION], slots, DISTRETTO_ASSUMPTION_IMPUTATION - 1);
  guint outliers = draw (&e->choices[DISTRETTO_ASSUMPTION_OUTLIERS], slots, DISTRETTO_ASSUMPTION_OUTLIERS - 1);
  guint normalisation = draw (&e->choices[DISTRETTO_ASSUMPTION_NORMALISATION], slots,
                              DISTRETTO_ASSUMPTION_NORMALISATION - 1);
  guint aggregation = draw (&e->choices[DISTRETTO_ASSUMPTION_AGGREGATION], slots, DISTRETTO_ASSUMPTION_AGGREGATION - 1);
  DistrettoAggregation across = e->choices[DISTRETTO_ASSUMPTION_AGGREGATION].values[aggregation];
  guint variant = (imputation * e->choices[DISTRETTO_ASSUMPTION_OUTLIERS].n_values + outliers)
                  * e->choices[DISTRETTO_ASSUMPTION_NORMALISATION].n_values + normalisation;
  const double *terms = e->terms[variant], *present = e->present[variant];
  double pillar_totals[MAX_PILLARS];
  gboolean vary_weights = slots != NULL && e->spread > 0.0;
  guint first_weight = DISTRETTO_N_ASSUMPTIONS - 1;
  double reference, shift = 0.0;
  guint n_shifted = 0;

  for (guint c = 0; c < e->n_cols; c++)
    s->weights[c] = (column_weights ? column_weights[c] : e->column_weights[c])
                    * (vary_weights ? 1.0 - e->spread + 2.0 * e->spread * slots[first_weight + c] : 1.0);
  for (guint p = 0; p < e->n_pillars; p++)
    s->weights[e->n_cols + p] = e->pillar_weights[p]
                                * (vary_weights ? 1.0 - e->spread + 2.0 * e->spread * slots[first_weight + e->n_cols + p]
                                                : 1.0);

  for (guint p = 0; p < e->n_pillars; p++)
    {
      pillar_totals[p] = 0.0;
      for (guint c = e->pillar_first[p]; c < e->pillar_first[p + 1]; c++)
        pillar_totals[p] += s->weights[c];
    }

  for (guint i = 0; i < e->n_rows; i++)
    s->scores[i] = score_row (e, terms + (gsize) i * e->n_cols, present + (gsize) i * e->n_cols, s->weights,
                              pillar_totals, across, groups != NULL);

  rank_units (e, s);

  if (groups != NULL)
    {
      if (e->eu_row >= 0 && !isnan (s->scores[e->eu_row]))
        reference = s->scores[e->eu_row];
      else
        {
          double sum = 0.0;
          guint n = 0;

          for (guint u = 0; u < e->n_units; u++)
            if (!isnan (s->scores[u]))
              {
                sum += s->scores[u];
                n++;
              }
          reference = n > 0 ? sum / n : NAN;
        }

      for (guint u = 0; u < e->n_units; u++)
        groups[u] = _distretto_index_group (_distretto_index_relative (s->scores[u], reference), NULL);
    }

  if (e->nominal_ranks == NULL)
    return 0.0;

  for (guint u = 0; u < e->n_units; u++)
    if (s->ranks[u] > 0 && e->nominal_ranks[u] > 0)
      {
        shift += fabs ((double) s->ranks[u] - e->nominal_ranks[u]);
        n_shifted++;
      }

  return n_shifted > 0 ? shift / n_shifted : 0.0;
}

/* The uniforms of job @job: a row of A, of B, or of A with one factor
 * from B. */
static const double *
job_slots (const Engine *e,
           guint         job,
           Scratch      *s)
{
  guint matrix = job / e->runs, row = job % e->runs, factor;

  if (matrix == 0)
    return e->a + (gsize) row * e->n_slots;
  if (matrix == 1)
    return e->b + (gsize) row * e->n_slots;

  factor = matrix - 2;
  memcpy (s->slots, e->a + (gsize) row * e->n_slots, sizeof (double) * e->n_slots);
  memcpy (s->slots + e->factor_first[factor], e->b + (gsize) row * e->n_slots + e->factor_first[factor],
          sizeof (double) * (e->factor_end[factor] - e->factor_first[factor]));
  return s->slots;
}

static gpointer
work (gpointer data)
{
  Engine *e = data;
  Scratch s;

  scratch_init (&s, e);
  while (!g_cancellable_is_cancelled (e->cancellable))
    {
      guint first = g_atomic_int_add (&e->next, CHUNK), last, done;

      if (first >= e->n_jobs)
        break;

      last = MIN (first + CHUNK, e->n_jobs);
      for (guint job = first; job < last; job++)
        {
          gboolean in_a = job < e->runs;

          e->f[job] = evaluate (e, job_slots (e, job, &s), NULL, &s, in_a ? s.groups : NULL);
          if (in_a)
            for (guint u = 0; u < e->n_units; u++)
              {
                s.histograms[(gsize) u * (e->n_units + 1) + s.ranks[u]]++;
                s.group_counts[(gsize) u * N_GROUPS + s.groups[u]]++;
              }
        }

      done = g_atomic_int_add (&e->done, last - first) + (last - first);
      if (e->progress != NULL)
        distretto_progress_set_fraction (e->progress, PREPARED + (1.0 - PREPARED) * done / e->n_jobs);
    }

  g_mutex_lock (&e->merging);
  for (gsize i = 0; i < (gsize) e->n_units * (e->n_units + 1); i++)
    e->histograms[i] += s.histograms[i];
  for (gsize i = 0; i < (gsize) e->n_units * N_GROUPS; i++)
    e->group_counts[i] += s.group_counts[i];
  g_mutex_unlock (&e->merging);

  scratch_clear (&s);
  return NULL;
}

static void
engine_clear (Engine *e)
{
  for (guint v = 0; v < e->n_variants; v++)
    {
      g_free (e->terms[v]);
      g_free (e->present[v]);
    }
  g_free (e->terms);
  g_free (e->present);
  g_free (e->pillar_first);
  g_free (e->column_weights);
  g_free (e->pillar_weights);
  g_free (e->a);
  g_free (e->b);
  g_free (e->nominal_ranks);
  g_free (e->nominal_order);
  g_free (e->f);
  g_free (e->histograms);
  g_free (e->group_counts);
  g_mutex_clear (&e->merging);
}

/* The k-th smallest (from 0) of the ranks counted in @histogram. */
static guint
kth_rank (const guint *histogram,
          guint        max_rank,
          guint        k)
{
  guint seen = 0;

  for (guint r = 1; r <= max_rank; r++)
    {
      seen += histogram[r];
      if (k < seen)
        return r;
    }

  return max_rank;
}

/* The p-quantile of @n ranks, interpolated (R's type 7, numpy's
 * default). */
static double
quantile (const guint *histogram,
          guint        max_rank,
          guint        n,
          double       p)
{
  double h = (n - 1) * p;
  guint lo = (guint) floor (h), hi = (guint) ceil (h);
  double a = kth_rank (histogram, max_rank, lo), b = kth_rank (histogram, max_rank, hi);

  return a + (h - lo) * (b - a);
}

/* The Monte Carlo's findings, into @self. */
static void
summarise (DistrettoUncertainty *self,
           Engine               *e,
           DistrettoPipeline    *pipeline,
           const guint          *unit_regions,
           Scratch              *s,
           const double         *nominal_scores,
           const guint8         *nominal_groups)
{
  g_autofree Ranked *order = g_new (Ranked, MAX (e->n_units, 1));
  guint n_ordered = 0;
  double mean_shift = 0.0;

  for (guint u = 0; u < e->n_units; u++)
    if (e->nominal_ranks[u] > 0)
      order[n_ordered++] = (Ranked) { nominal_scores[u], u };
  if (n_ordered > 1)
    qsort (order, n_ordered, sizeof (Ranked), compare_ranked);

  for (guint k = 0; k < n_ordered; k++)
    {
      guint u = order[k].unit, n = 0;
      const guint *histogram = e->histograms + (gsize) u * (e->n_units + 1);
      DistrettoUncertaintyRegion region = { 0 };

      for (guint rank = 1; rank <= e->n_units; rank++)
        n += histogram[rank];
      for (guint g = 0; g < N_GROUPS; g++)
        region.groups[g] = (double) e->group_counts[(gsize) u * N_GROUPS + g] / e->runs;
      region.code = g_strdup (distretto_region_get_code (distretto_dataset_get_region_at (pipeline->panel.dataset,
                                                                                            unit_regions[u])));
      region.nominal_score = nominal_scores[u];
      region.nominal_rank = e->nominal_ranks[u];
      region.nominal_group = nominal_groups[u];
      region.median = n > 0 ? quantile (histogram, e->n_units, n, 0.5) : NAN;
      region.lower = n > 0 ? quantile (histogram, e->n_units, n, 0.05) : NAN;
      region.upper = n > 0 ? quantile (histogram, e->n_units, n, 0.95) : NAN;
      g_array_append_val (self->regions, region);
    }

  for (guint row = 0; row < e->runs; row++)
    mean_shift += e->f[row];
  self->mean_shift = mean_shift / e->runs;

  {
    double first[DISTRETTO_N_ASSUMPTIONS], total[DISTRETTO_N_ASSUMPTIONS];

    distretto_sobol_estimate (e->f, e->f + e->runs, e->f + 2 * (gsize) e->runs, e->runs, e->n_factors, first, total);
    for (guint i = 0; i < e->n_factors; i++)
      {
        DistrettoUncertaintyIndex index = { e->factors[i], first[i], total[i] };

        g_array_append_val (self->indices, index);
      }
  }

  /* Remove one: each weighed sub-indicator at weight 0, all else nominal. */
  {
    g_autofree double *weights = g_memdup2 (e->column_weights, sizeof (double) * MAX (e->n_cols, 1));

    for (guint c = 0; c < e->n_cols; c++)
      {
        DistrettoColumn *column = &g_array_index (pipeline->columns, DistrettoColumn, c);
        DistrettoUncertaintyRemoved removed = { 0 };
        guint n = 0;
        double sum = 0.0;

        if (e->column_weights[c] <= 0.0)
          continue;

        weights[c] = 0.0;
        evaluate (e, NULL, weights, s, NULL);
        weights[c] = e->column_weights[c];

        for (guint u = 0; u < e->n_units; u++)
          if (s->ranks[u] > 0 && e->nominal_ranks[u] > 0)
            {
              guint shift = s->ranks[u] > e->nominal_ranks[u] ? s->ranks[u] - e->nominal_ranks[u]
                                                              : e->nominal_ranks[u] - s->ranks[u];

              sum += shift;
              removed.max_shift = MAX (removed.max_shift, shift);
              n++;
            }
        removed.id = g_strdup (distretto_sub_indicator_get_id (column->sub));
        removed.mean_shift = n > 0 ? sum / n : NAN;
        g_array_append_val (self->removed, removed);
      }
  }
}

/* The matrices of one combination of imputation, outlier treatment and
 * normalisation. */
static void
extract (Engine            *e,
         DistrettoPipeline *pipeline,
         GArray            *scaled,
         const guint       *row_regions,
         int                y,
         double            *terms,
         double            *present)
{
  for (guint i = 0; i < e->n_rows; i++)
    {
      gsize cell = _distretto_pipeline_cell (pipeline, row_regions[i], y);

      for (guint c = 0; c < e->n_cols; c++)
        {
          double v = g_array_index (scaled, DistrettoColumn, c).values[cell];
          gsize k = (gsize) i * e->n_cols + c;

          present[k] = isnan (v) ? 0.0 : 1.0;
          terms[k] = isnan (v) ? 0.0 : e->within == DISTRETTO_AGGREGATION_GEOMETRIC ? log (MAX (v, 0.0) + 1.0) : v;
        }
    }
}

/* The combinations of imputation, outlier treatment and normalisation,
 * prepared on several threads: each takes an imputation and a treatment,
 * and normalises them every way. */
typedef struct
{
  Engine *e;
  DistrettoPipeline *pipeline;
  const guint *row_regions;
  int y;
  int level;
  GPtrArray *imputed;     /* per imputation */
  gint next;
  gint done;
  GCancellable *cancellable;
  DistrettoProgress *progress;
} Preparation;

static gpointer
prepare (gpointer data)
{
  Preparation *preparation = data;
  Engine *e = preparation->e;
  const Choices *outliers = &e->choices[DISTRETTO_ASSUMPTION_OUTLIERS];
  const Choices *normalisations = &e->choices[DISTRETTO_ASSUMPTION_NORMALISATION];
  guint n_pairs = e->choices[DISTRETTO_ASSUMPTION_IMPUTATION].n_values * outliers->n_values;

  while (!g_cancellable_is_cancelled (preparation->cancellable))
    {
      guint pair = g_atomic_int_add (&preparation->next, 1), i = pair / MAX (outliers->n_values, 1);
      guint o = pair % MAX (outliers->n_values, 1);
      g_autoptr(GArray) treated = NULL;

      if (pair >= n_pairs)
        break;

      treated = _distretto_pipeline_treat (preparation->pipeline, g_ptr_array_index (preparation->imputed, i),
                                           preparation->level, outliers->values[o], FALSE);
      for (guint n = 0; n < normalisations->n_values; n++)
        {
          guint v = pair * normalisations->n_values + n, done;
          g_autoptr(GArray) scaled = _distretto_pipeline_normalise (preparation->pipeline, treated, preparation->level,
                                                                    normalisations->values[n], FALSE);

          e->terms[v] = g_new (double, (gsize) e->n_rows * e->n_cols);
          e->present[v] = g_new (double, (gsize) e->n_rows * e->n_cols);
          extract (e, preparation->pipeline, scaled, preparation->row_regions, preparation->y, e->terms[v],
                   e->present[v]);
          done = g_atomic_int_add (&preparation->done, 1) + 1;
          if (preparation->progress != NULL)
            distretto_progress_set_fraction (preparation->progress, PREPARED * done / e->n_variants);
        }
    }

  return NULL;
}

gboolean
_distretto_monte_carlo_run (DistrettoUncertainty           *self,
                            DistrettoPillar               **pillars,
                            guint                           n_pillars,
                            const DistrettoMethod          *method,
                            const DistrettoUncertaintySpec *spec,
                            DistrettoDataset               *dataset,
                            int                             year,
                            DistrettoProgress              *progress,
                            GCancellable                   *cancellable,
                            GError                        **error)
{
  int level = distretto_method_get_level (method);
  DistrettoPipeline pipeline;
  Engine e = { 0 };
  Scratch s = { 0 };
  g_autofree guint *row_regions = NULL;
  g_autofree double *nominal_scores = NULL;
  g_autofree guint8 *nominal_groups = NULL;
  g_autoptr(GRand) rand = NULL;
  GThread *threads[MAX_THREADS];
  guint n_threads;
  gboolean ok = FALSE;
  int y;

  g_mutex_init (&e.merging);
  if (progress != NULL)
    distretto_progress_set_fraction (progress, 0.0);

  _distretto_pipeline_init (&pipeline, dataset, pillars, n_pillars, method, NULL, year);
  y = year - pipeline.panel.first_year;

  /* The units: the regions of the level scored that year. */
  row_regions = g_new (guint, pipeline.panel.n_regions + 1);
  for (guint r = 0; r < pipeline.panel.n_regions && y >= 0 && y < pipeline.panel.n_years; r++)
    if (pipeline.panel.usable[r] && pipeline.panel.levels[r] == level &&
        !pipeline.screened[_distretto_pipeline_cell (&pipeline, r, y)])
      row_regions[e.n_units++] = r;

  if (e.n_units == 0 || pipeline.columns->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* TRANSLATORS: e.g. "No NUTS 2 region has enough data in 2023 to analyse" */
                   _("No NUTS %d region has enough data in %d to analyse"), level, year);
      goto out;
    }

  e.n_rows = e.n_units;
  e.eu_row = -1;
  if (pipeline.panel.eu >= 0)
    {
      e.eu_row = e.n_rows++;
      row_regions[e.eu_row] = pipeline.panel.eu;
    }

  e.n_cols = pipeline.columns->len;
  e.n_pillars = n_pillars;
  if (n_pillars > MAX_PILLARS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Too many pillars to analyse: %u, at most %u"), n_pillars, (guint) MAX_PILLARS);
      goto out;
    }
  e.pillar_first = g_new0 (guint, n_pillars + 1);
  for (guint c = 0, p = 0; p <= n_pillars; p++)
    {
      while (c < e.n_cols && g_array_index (pipeline.columns, DistrettoColumn, c).pillar < p)
        c++;
      e.pillar_first[p] = p == n_pillars ? e.n_cols : c;
    }
  e.column_weights = g_memdup2 (pipeline.column_weights, sizeof (double) * MAX (e.n_cols, 1));
  e.pillar_weights = g_memdup2 (pipeline.pillar_weights, sizeof (double) * MAX (n_pillars, 1));
  e.within = distretto_method_get_within_pillars (method);
  e.spread = distretto_uncertainty_spec_get_weight_spread (spec);

  {
    const int nominal[DISTRETTO_N_ASSUMPTIONS] = {
      [DISTRETTO_ASSUMPTION_NORMALISATION] = distretto_method_get_normalisation (method),
      [DISTRETTO_ASSUMPTION_AGGREGATION] = distretto_method_get_across_pillars (method),
      [DISTRETTO_ASSUMPTION_IMPUTATION] = distretto_method_get_imputation (method),
      [DISTRETTO_ASSUMPTION_OUTLIERS] = distretto_method_get_outlier_treatment (method),
    };

    for (guint a = DISTRETTO_ASSUMPTION_NORMALISATION; a < DISTRETTO_N_ASSUMPTIONS; a++)
      {
        guint n;
        const int *alternatives = _distretto_uncertainty_spec_get_alternatives (spec, a, &n);

        choices_init (&e.choices[a], alternatives, n, nominal[a]);
      }
  }

  /* Every processor, or as many as DISTRETTO_MONTE_CARLO_THREADS says
   * (for benchmarks). */
  n_threads = g_getenv ("DISTRETTO_MONTE_CARLO_THREADS") != NULL
              ? (guint) g_ascii_strtoull (g_getenv ("DISTRETTO_MONTE_CARLO_THREADS"), NULL, 10)
              : g_get_num_processors ();
  n_threads = CLAMP (n_threads, 1, MAX_THREADS);
  /* Every combination the runs can draw, computed once. */
  e.n_variants = e.choices[DISTRETTO_ASSUMPTION_IMPUTATION].n_values * e.choices[DISTRETTO_ASSUMPTION_OUTLIERS].n_values
                 * e.choices[DISTRETTO_ASSUMPTION_NORMALISATION].n_values;
  e.terms = g_new0 (double *, e.n_variants);
  e.present = g_new0 (double *, e.n_variants);
  {
    Preparation preparation = { &e, &pipeline, row_regions, y, level, NULL, 0, 0, cancellable, progress };
    guint n_imputations = e.choices[DISTRETTO_ASSUMPTION_IMPUTATION].n_values;

    preparation.imputed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
    for (guint i = 0; i < n_imputations; i++)
      g_ptr_array_add (preparation.imputed,
                       _distretto_pipeline_impute (&pipeline, e.choices[DISTRETTO_ASSUMPTION_IMPUTATION].values[i],
                                                   FALSE));

    /* Each imputation and outlier treatment on a thread of its own. */
    for (guint t = 1; t < n_threads; t++)
      threads[t] = g_thread_new ("distretto-monte-carlo", prepare, &preparation);
    prepare (&preparation);
    for (guint t = 1; t < n_threads; t++)
      g_thread_join (threads[t]);
    g_ptr_array_unref (preparation.imputed);

    if (g_cancellable_set_error_if_cancelled (cancellable, error))
      goto out;
  }

  /* The factors: the uncertain assumptions, and their uniforms. */
  e.n_slots = DISTRETTO_N_ASSUMPTIONS - 1 + e.n_cols + n_pillars;
  for (guint a = 0; a < DISTRETTO_N_ASSUMPTIONS; a++)
    {
      if (!distretto_uncertainty_spec_is_uncertain (spec, a))
        continue;

      e.factors[e.n_factors] = a;
      e.factor_first[e.n_factors] = a == DISTRETTO_ASSUMPTION_WEIGHTS ? DISTRETTO_N_ASSUMPTIONS - 1 : a - 1;
      e.factor_end[e.n_factors] = a == DISTRETTO_ASSUMPTION_WEIGHTS ? e.n_slots : a;
      e.n_factors++;
    }

  e.runs = distretto_uncertainty_spec_get_runs (spec);
  rand = g_rand_new_with_seed (distretto_uncertainty_spec_get_seed (spec));
  e.a = g_new (double, (gsize) e.runs * e.n_slots);
  e.b = g_new (double, (gsize) e.runs * e.n_slots);
  for (gsize i = 0; i < (gsize) e.runs * e.n_slots; i++)
    e.a[i] = g_rand_double (rand);
  for (gsize i = 0; i < (gsize) e.runs * e.n_slots; i++)
    e.b[i] = g_rand_double (rand);

  /* The nominal run, whose ranks the others are measured against. */
  scratch_init (&s, &e);
  nominal_groups = g_new (guint8, e.n_units);
  e.nominal_order = g_new (guint, MAX (e.n_units, 1));
  for (guint u = 0; u < e.n_units; u++)
    e.nominal_order[u] = u;
  evaluate (&e, NULL, NULL, &s, nominal_groups);
  e.nominal_ranks = g_memdup2 (s.ranks, sizeof (guint) * e.n_units);
  memcpy (e.nominal_order, s.order, sizeof (guint) * e.n_units);
  nominal_scores = g_memdup2 (s.scores, sizeof (double) * e.n_rows);

  /* The runs, on every processor. */
  e.n_jobs = e.runs * (e.n_factors + 2);
  e.f = g_new0 (double, e.n_jobs);
  e.histograms = g_new0 (guint, (gsize) e.n_units * (e.n_units + 1));
  e.group_counts = g_new0 (guint, (gsize) e.n_units * N_GROUPS);
  e.cancellable = cancellable;
  e.progress = progress;
  n_threads = MIN (n_threads, (e.n_jobs + CHUNK - 1) / CHUNK);
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("distretto-monte-carlo", work, &e);
  work (&e);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  self->year = year;
  self->level = level;
  self->runs = e.runs;
  self->seed = distretto_uncertainty_spec_get_seed (spec);
  self->n_threads = n_threads;
  self->n_evaluations = 1 + e.n_jobs;
  summarise (self, &e, &pipeline, row_regions, &s, nominal_scores, nominal_groups);
  self->n_evaluations += self->removed->len;
  if (progress != NULL)
    distretto_progress_set_fraction (progress, 1.0);
  ok = TRUE;

out:
  scratch_clear (&s);
  engine_clear (&e);
  _distretto_pipeline_clear (&pipeline);
  return ok;
}
