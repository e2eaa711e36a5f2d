/* distretto-coherence.c: correlations and Cronbach's alpha
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-coherence.h"

/**
 * DistrettoCoherence:
 *
 * The statistical coherence of a composite indicator on one year's
 * result, as the OECD/JRC handbook checks it: the Pearson correlations
 * between every sub-indicator (its normalised score), every pillar and
 * the index over the regions of one level (each pair over the regions
 * with both values), and Cronbach's alpha of each pillar's
 * sub-indicators (over the regions with all of them). A sub-indicator
 * correlating less than %DISTRETTO_COHERENCE_MIN_CORRELATION (or
 * negatively) with its pillar or with the index, and a pillar doing so
 * with the index, is flagged: it pulls against what it is aggregated
 * into. An alpha below %DISTRETTO_COHERENCE_MIN_ALPHA is flagged too.
 *
 * Components are listed sub-indicators first (by pillar), then the
 * pillars, then the index; a component without two values is left out.
 */

typedef struct
{
  char *id;           /* NULL for the index */
  DistrettoComponentKind kind;
  int pillar;         /* the pillar a sub-indicator belongs to, or is; -1 for the index */
} Component;

struct _DistrettoCoherence
{
  GObject parent_instance;

  GArray *components;     /* Component */
  guint n_regions;
  double *correlations;   /* n_components × n_components */
  double *alphas;         /* per pillar */
  guint n_pillars;
};

G_DEFINE_FINAL_TYPE (DistrettoCoherence, distretto_coherence, G_TYPE_OBJECT)

static void
clear_component (gpointer data)
{
  g_free (((Component *) data)->id);
}

static void
distretto_coherence_finalize (GObject *object)
{
  DistrettoCoherence *self = (DistrettoCoherence *)object;

  g_clear_pointer (&self->components, g_array_unref);
  g_clear_pointer (&self->correlations, g_free);
  g_clear_pointer (&self->alphas, g_free);

  G_OBJECT_CLASS (distretto_coherence_parent_class)->finalize (object);
}

static void
distretto_coherence_class_init (DistrettoCoherenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_coherence_finalize;
}

static void
distretto_coherence_init (DistrettoCoherence *self)
{
  self->components = g_array_new (FALSE, TRUE, sizeof (Component));
  g_array_set_clear_func (self->components, clear_component);
}

/* Pearson's r over the rows with both values; NaN with fewer than two or
 * no variation. */
static double
correlation (const double *x,
             const double *y,
             guint         n,
             guint         stride)
{
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  guint m = 0;

  for (guint i = 0; i < n; i++)
    {
      double a = x[i * stride], b = y[i * stride];

      if (isnan (a) || isnan (b))
        continue;
      sx += a;
      sy += b;
      m++;
    }
  if (m < 2)
    return NAN;

  sx /= m;
  sy /= m;
  for (guint i = 0; i < n; i++)
    {
      double a = x[i * stride], b = y[i * stride];

      if (isnan (a) || isnan (b))
        continue;
      sxx += (a - sx) * (a - sx);
      syy += (b - sy) * (b - sy);
      sxy += (a - sx) * (b - sy);
    }

  return sxx > 0 && syy > 0 ? sxy / sqrt (sxx * syy) : NAN;
}

/* Cronbach's alpha of @columns over the rows with all of them:
 * k / (k − 1) × (1 − Σ var(item) / var(Σ items)). */
static double
cronbach_alpha (const double *values,
                guint         n_rows,
                guint         stride,
                const guint  *columns,
                guint         k)
{
  double sum_item_var = 0.0, total_var, mean_total = 0.0, ss_total = 0.0;
  g_autofree double *means = g_new0 (double, MAX (k, 1));
  g_autofree double *ss = g_new0 (double, MAX (k, 1));
  guint m = 0;

  if (k < 2)
    return NAN;

  for (guint i = 0; i < n_rows; i++)
    {
      gboolean complete = TRUE;
      double total = 0.0;

      for (guint j = 0; j < k && complete; j++)
        complete = !isnan (values[i * stride + columns[j]]);
      if (!complete)
        continue;

      for (guint j = 0; j < k; j++)
        {
          means[j] += values[i * stride + columns[j]];
          total += values[i * stride + columns[j]];
        }
      mean_total += total;
      m++;
    }
  if (m < 2)
    return NAN;

  for (guint j = 0; j < k; j++)
    means[j] /= m;
  mean_total /= m;

  for (guint i = 0; i < n_rows; i++)
    {
      gboolean complete = TRUE;
      double total = 0.0;

      for (guint j = 0; j < k && complete; j++)
        complete = !isnan (values[i * stride + columns[j]]);
      if (!complete)
        continue;

      for (guint j = 0; j < k; j++)
        {
          double d = values[i * stride + columns[j]] - means[j];

          ss[j] += d * d;
          total += values[i * stride + columns[j]];
        }
      ss_total += (total - mean_total) * (total - mean_total);
    }

  for (guint j = 0; j < k; j++)
    sum_item_var += ss[j];
  total_var = ss_total;
  if (total_var <= 0.0)
    return NAN;

  return k / (k - 1.0) * (1.0 - sum_item_var / total_var);
}

static void
add_component (DistrettoCoherence     *self,
               const char             *id,
               DistrettoComponentKind  kind,
               int                     pillar)
{
  Component component = { g_strdup (id), kind, pillar };

  g_array_append_val (self->components, component);
}

/* Whether the column has two values. */
static gboolean
has_values (const double *values,
            guint         n_rows,
            guint         stride,
            guint         column)
{
  guint n = 0;

  for (guint i = 0; i < n_rows && n < 2; i++)
    n += !isnan (values[i * stride + column]);
  return n >= 2;
}

/**
 * distretto_coherence_new:
 * @pillars: (array length=n_pillars): the indicator's pillars
 * @n_pillars: how many there are
 * @result: the indicator's result for one year, with its components
 *   (as distretto_index_compute() records them)
 * @dataset: the data it was computed on
 * @level: the NUTS level whose regions are compared
 *
 * Computes the coherence of @result over the regions of @level with an
 * index score (not screened out, not aggregates).
 *
 * Returns: (transfer full): the correlations and alphas
 */
DistrettoCoherence *
distretto_coherence_new (DistrettoPillar         **pillars,
                         guint                     n_pillars,
                         DistrettoIndicatorResult *result,
                         DistrettoDataset         *dataset,
                         int                       level)
{
  g_autoptr(DistrettoCoherence) self = NULL;
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Component));
  g_autofree double *values = NULL;
  guint n_candidates, n;

  g_return_val_if_fail (pillars != NULL || n_pillars == 0, NULL);
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR_RESULT (result), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  self = g_object_new (DISTRETTO_TYPE_COHERENCE, NULL);
  self->n_pillars = n_pillars;

  for (guint i = 0; i < distretto_indicator_result_get_n_scores (result); i++)
    {
      const char *code = distretto_indicator_result_get_region_code (result, i);
      DistrettoRegion *region = distretto_dataset_get_region (dataset, code);

      if (region != NULL && distretto_region_get_level (region) == level &&
          isfinite (distretto_indicator_result_get_score (result, i)))
        g_ptr_array_add (regions, (gpointer) code);
    }
  self->n_regions = regions->len;

  /* Every candidate: sub-indicators, pillars, the index. */
  for (guint p = 0; p < n_pillars; p++)
    for (guint s = 0; s < distretto_pillar_get_n_sub_indicators (pillars[p]); s++)
      {
        Component c = { (char *) distretto_sub_indicator_get_id (distretto_pillar_get_sub_indicator (pillars[p], s)),
                        DISTRETTO_COMPONENT_KIND_SUB_INDICATOR, p };
        g_array_append_val (candidates, c);
      }
  for (guint p = 0; p < n_pillars; p++)
    {
      Component c = { (char *) distretto_pillar_get_id (pillars[p]), DISTRETTO_COMPONENT_KIND_PILLAR, p };
      g_array_append_val (candidates, c);
    }
  {
    Component c = { NULL, DISTRETTO_COMPONENT_KIND_INDEX, -1 };
    g_array_append_val (candidates, c);
  }

  n_candidates = candidates->len;
  values = g_new (double, MAX (regions->len * n_candidates, 1));
  for (guint i = 0; i < regions->len; i++)
    for (guint j = 0; j < n_candidates; j++)
      {
        const Component *c = &g_array_index (candidates, Component, j);
        const char *code = g_ptr_array_index (regions, i);
        double v = NAN;

        if (c->kind == DISTRETTO_COMPONENT_KIND_INDEX)
          distretto_indicator_result_lookup (result, code, &v, NULL);
        else
          v = distretto_indicator_result_get_component (result, code, c->id);
        values[i * n_candidates + j] = v;
      }

  /* Keep those with values; correlate them. */
  {
    g_autofree guint *kept = g_new (guint, MAX (n_candidates, 1));

    for (guint j = 0; j < n_candidates; j++)
      if (has_values (values, regions->len, n_candidates, j))
        {
          const Component *c = &g_array_index (candidates, Component, j);

          kept[self->components->len] = j;
          add_component (self, c->id, c->kind, c->pillar);
        }

    n = self->components->len;
    self->correlations = g_new (double, MAX (n * n, 1));
    for (guint a = 0; a < n; a++)
      for (guint b = 0; b < n; b++)
        self->correlations[a * n + b] = a == b ? 1.0 : correlation (values + kept[a], values + kept[b],
                                                                     regions->len, n_candidates);
  }

  self->alphas = g_new (double, MAX (n_pillars, 1));
  for (guint p = 0; p < n_pillars; p++)
    {
      g_autofree guint *columns = g_new (guint, MAX (n_candidates, 1));
      guint k = 0;

      for (guint j = 0; j < n_candidates; j++)
        {
          const Component *c = &g_array_index (candidates, Component, j);

          if (c->kind == DISTRETTO_COMPONENT_KIND_SUB_INDICATOR && c->pillar == (int) p &&
              has_values (values, regions->len, n_candidates, j))
            columns[k++] = j;
        }
      self->alphas[p] = cronbach_alpha (values, regions->len, n_candidates, columns, k);
    }

  return g_steal_pointer (&self);
}

/**
 * distretto_coherence_get_n_regions:
 * @self: a #DistrettoCoherence
 *
 * Returns: how many regions the statistics are computed over
 */
guint
distretto_coherence_get_n_regions (DistrettoCoherence *self)
{
  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), 0);
  return self->n_regions;
}

/**
 * distretto_coherence_get_n_components:
 * @self: a #DistrettoCoherence
 *
 * Returns: the rows (and columns) of the correlation matrix
 */
guint
distretto_coherence_get_n_components (DistrettoCoherence *self)
{
  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), 0);
  return self->components->len;
}

static const Component *
get_component (DistrettoCoherence *self,
               guint               index)
{
  g_return_val_if_fail (index < self->components->len, NULL);
  return &g_array_index (self->components, Component, index);
}

/**
 * distretto_coherence_get_component_id:
 * @self: a #DistrettoCoherence
 * @index: a component
 *
 * Returns: (nullable): the sub-indicator's or pillar's id, %NULL for the
 *   index
 */
const char *
distretto_coherence_get_component_id (DistrettoCoherence *self,
                                      guint               index)
{
  const Component *c;

  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), NULL);
  c = get_component (self, index);
  return c ? c->id : NULL;
}

/**
 * distretto_coherence_get_component_kind:
 * @self: a #DistrettoCoherence
 * @index: a component
 *
 * Returns: whether it is a sub-indicator, a pillar or the index
 */
DistrettoComponentKind
distretto_coherence_get_component_kind (DistrettoCoherence *self,
                                        guint               index)
{
  const Component *c;

  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), DISTRETTO_COMPONENT_KIND_INDEX);
  c = get_component (self, index);
  return c ? c->kind : DISTRETTO_COMPONENT_KIND_INDEX;
}

/**
 * distretto_coherence_get_component_pillar:
 * @self: a #DistrettoCoherence
 * @index: a component
 *
 * Returns: the pillar a sub-indicator belongs to (or a pillar's own
 *   position), −1 for the index
 */
int
distretto_coherence_get_component_pillar (DistrettoCoherence *self,
                                          guint               index)
{
  const Component *c;

  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), -1);
  c = get_component (self, index);
  return c ? c->pillar : -1;
}

/**
 * distretto_coherence_find_component:
 * @self: a #DistrettoCoherence
 * @component_id: (nullable): a sub-indicator's or pillar's id, %NULL
 *   for the index
 *
 * Returns: its position, or −1 when it has no values
 */
int
distretto_coherence_find_component (DistrettoCoherence *self,
                                    const char         *component_id)
{
  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), -1);

  for (guint i = 0; i < self->components->len; i++)
    if (g_strcmp0 (g_array_index (self->components, Component, i).id, component_id) == 0)
      return i;

  return -1;
}

/**
 * distretto_coherence_get_correlation:
 * @self: a #DistrettoCoherence
 * @row: a component
 * @column: a component
 *
 * Returns: Pearson's r between the two over the regions with both, NaN
 *   when one does not vary
 */
double
distretto_coherence_get_correlation (DistrettoCoherence *self,
                                     guint               row,
                                     guint               column)
{
  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), NAN);
  g_return_val_if_fail (row < self->components->len && column < self->components->len, NAN);

  return self->correlations[row * self->components->len + column];
}

/**
 * distretto_coherence_is_flagged:
 * @self: a #DistrettoCoherence
 * @row: a component
 * @column: a component
 *
 * Returns: whether the pair is one the handbook checks — a sub-indicator
 *   and its pillar, a sub-indicator and the index, a pillar and the
 *   index — and correlates below %DISTRETTO_COHERENCE_MIN_CORRELATION
 */
gboolean
distretto_coherence_is_flagged (DistrettoCoherence *self,
                                guint               row,
                                guint               column)
{
  const Component *a, *b;
  double r;

  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), FALSE);
  g_return_val_if_fail (row < self->components->len && column < self->components->len, FALSE);

  a = get_component (self, row);
  b = get_component (self, column);
  if (a->kind > b->kind)
    {
      const Component *t = a;

      a = b;
      b = t;
    }

  if (!((a->kind == DISTRETTO_COMPONENT_KIND_SUB_INDICATOR && b->kind == DISTRETTO_COMPONENT_KIND_PILLAR &&
         a->pillar == b->pillar) ||
        (a->kind != DISTRETTO_COMPONENT_KIND_INDEX && b->kind == DISTRETTO_COMPONENT_KIND_INDEX)))
    return FALSE;

  r = self->correlations[row * self->components->len + column];
  return !isnan (r) && r < DISTRETTO_COHERENCE_MIN_CORRELATION;
}

/**
 * distretto_coherence_get_n_flagged:
 * @self: a #DistrettoCoherence
 *
 * Returns: how many pairs distretto_coherence_is_flagged() flags, each
 *   counted once
 */
guint
distretto_coherence_get_n_flagged (DistrettoCoherence *self)
{
  guint n = 0;

  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), 0);

  for (guint a = 0; a < self->components->len; a++)
    for (guint b = a + 1; b < self->components->len; b++)
      n += distretto_coherence_is_flagged (self, a, b);

  return n;
}

/**
 * distretto_coherence_get_alpha:
 * @self: a #DistrettoCoherence
 * @pillar: a pillar's position
 *
 * Returns: Cronbach's alpha of the pillar's sub-indicators, NaN for a
 *   pillar with fewer than two
 */
double
distretto_coherence_get_alpha (DistrettoCoherence *self,
                               guint               pillar)
{
  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), NAN);
  g_return_val_if_fail (pillar < self->n_pillars, NAN);

  return self->alphas[pillar];
}

/**
 * distretto_coherence_is_alpha_low:
 * @self: a #DistrettoCoherence
 * @pillar: a pillar's position
 *
 * Returns: whether the pillar's alpha is below
 *   %DISTRETTO_COHERENCE_MIN_ALPHA
 */
gboolean
distretto_coherence_is_alpha_low (DistrettoCoherence *self,
                                  guint               pillar)
{
  double alpha;

  g_return_val_if_fail (DISTRETTO_IS_COHERENCE (self), FALSE);
  g_return_val_if_fail (pillar < self->n_pillars, FALSE);

  alpha = self->alphas[pillar];
  return !isnan (alpha) && alpha < DISTRETTO_COHERENCE_MIN_ALPHA;
}
