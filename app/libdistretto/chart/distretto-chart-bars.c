/* distretto-chart-bars.c: what a bar says besides its value — its rank,
 * flags, note and category shares — and the models of the uncertainty and
 * sensitivity charts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-chart-private.h"

/* The flags that say a value was not observed as it is shown: the bar is
 * hatched. */
#define ESTIMATED_FLAGS (DISTRETTO_FLAGS_IMPUTED | DISTRETTO_FLAGS_CARRIED_FORWARD)

void
_distretto_chart_init_bar (DistrettoChartBar *bar)
{
  *bar = (DistrettoChartBar) { NULL, NULL, NAN, -1, NAN, NAN, 0, DISTRETTO_FLAGS_NONE, NULL, { NAN }, NAN, NAN, NAN };
  for (guint c = 0; c < DISTRETTO_CHART_N_CATEGORIES; c++)
    bar->shares[c] = NAN;
}

static void
clear_index (gpointer data)
{
  DistrettoChartIndex *index = data;

  g_free (index->code);
  g_free (index->label);
}

void
_distretto_chart_init_indices (DistrettoChart *self)
{
  self->indices = g_array_new (FALSE, FALSE, sizeof (DistrettoChartIndex));
  g_array_set_clear_func (self->indices, clear_index);
}

static DistrettoChartBar *
find_bar (DistrettoChart *self,
          const char     *code)
{
  for (guint i = 0; i < self->bars->len; i++)
    {
      DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, i);

      if (g_str_equal (bar->code, code))
        return bar;
    }

  return NULL;
}

/* The rank a bar shows: the one set, else its place, equal values sharing
 * the first place among them (bars are sorted). */
guint
_distretto_chart_bar_rank (DistrettoChart *self,
                           guint           index)
{
  const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, index);
  guint first = index;

  if (bar->rank > 0)
    return bar->rank;

  while (first > 0 && g_array_index (self->bars, DistrettoChartBar, first - 1).value == bar->value)
    first--;
  return first + 1;
}

gboolean
_distretto_chart_is_estimated (DistrettoFlags flags)
{
  return (flags & ESTIMATED_FLAGS) != 0;
}

/* The flags a reader should know of, in words: "imputed, carried
 * forward", or NULL. Synthetic data is said in the source line. */
char *
_distretto_chart_describe_flags (DistrettoFlags flags)
{
  const struct
  {
    DistrettoFlags flag;
    const char *words;
  } described[] = {
    { DISTRETTO_FLAGS_IMPUTED, N_("imputed") },
    { DISTRETTO_FLAGS_CARRIED_FORWARD, N_("carried forward") },
    { DISTRETTO_FLAGS_WINSORISED, N_("winsorised") },
    { DISTRETTO_FLAGS_PROXY, N_("stand-in series") },
    { DISTRETTO_FLAGS_NATIONAL_PROXY, N_("national value") },
    { DISTRETTO_FLAGS_RECODED, N_("recoded from another NUTS version") },
    { DISTRETTO_FLAGS_ESTIMATED, N_("estimated") },
    { DISTRETTO_FLAGS_PROVISIONAL, N_("provisional") },
    { DISTRETTO_FLAGS_LOW_RELIABILITY, N_("low reliability") },
    { DISTRETTO_FLAGS_BREAK, N_("break in series") },
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (described); i++)
    if (flags & described[i].flag)
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", _(described[i].words));

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Diagonal lines over a rectangle: a value not observed as shown. */
void
_distretto_chart_draw_hatch (cairo_t                     *cr,
                             const DistrettoChartPalette *palette,
                             double                       x,
                             double                       y,
                             double                       width,
                             double                       height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, palette->background.red, palette->background.green, palette->background.blue, 0.75);
  cairo_set_line_width (cr, 1.5);
  for (double d = -height; d < width; d += 5.0)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The extra columns of a ranking's or an uncertainty chart's table. */
void
_distretto_chart_append_bar_extras (DistrettoChart *self,
                                    GString        *header,
                                    gboolean        with_flags,
                                    gboolean        with_shares)
{
  if (with_shares)
    for (guint c = 0; c < self->categories->len; c++)
      {
        g_string_append_c (header, ',');
        _distretto_chart_append_csv_field (header, g_ptr_array_index (self->categories, c));
      }
  if (with_flags)
    g_string_append (header, ",flags,note");
}

void
_distretto_chart_append_bar_extra_fields (DistrettoChart          *self,
                                          GString                 *out,
                                          const DistrettoChartBar *bar,
                                          gboolean                 with_flags,
                                          gboolean                 with_shares)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (with_shares)
    for (guint c = 0; c < self->categories->len; c++)
      {
        g_string_append_c (out, ',');
        if (!isnan (bar->shares[c]))
          g_string_append (out, g_ascii_dtostr (number, sizeof number, bar->shares[c]));
      }

  if (with_flags)
    {
      g_autofree char *flags = distretto_flags_to_string (bar->flags);

      g_string_append_c (out, ',');
      _distretto_chart_append_csv_field (out, flags);
      g_string_append_c (out, ',');
      if (bar->note != NULL)
        _distretto_chart_append_csv_field (out, bar->note);
    }
}

/**
 * distretto_chart_set_bar_rank:
 * @self: a ranking or uncertainty #DistrettoChart
 * @code: a bar's region code
 * @rank: the rank to show, from 1; 0 for the bar's place, equal values
 *   sharing a rank
 *
 * Gives a bar the rank its result has: ranks are competition ranks (1, 2,
 * 2, 4), and a ranking that shows only some regions (the top ones and a
 * selected one further down) still numbers each by its real rank. The
 * tooltip and the table show it.
 *
 * Returns: %TRUE if there is a bar of @code
 */
gboolean
distretto_chart_set_bar_rank (DistrettoChart *self,
                              const char     *code,
                              guint           rank)
{
  DistrettoChartBar *bar;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  bar = find_bar (self, code);
  if (bar == NULL)
    return FALSE;

  bar->rank = rank;
  _distretto_chart_changed (self);
  return TRUE;
}

/**
 * distretto_chart_get_bar_rank:
 * @self: a #DistrettoChart
 * @index: a bar, below distretto_chart_get_n_bars()
 *
 * Returns: the rank the bar shows: the one set with
 *   distretto_chart_set_bar_rank(), else its place among the bars, equal
 *   values sharing the first of their places
 */
guint
distretto_chart_get_bar_rank (DistrettoChart *self,
                              guint           index)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);
  g_return_val_if_fail (index < self->bars->len, 0);

  return _distretto_chart_bar_rank (self, index);
}

/**
 * distretto_chart_set_bar_flags:
 * @self: a ranking or uncertainty #DistrettoChart
 * @code: a bar's region code
 * @flags: the flags of the bar's value
 *
 * Says how the bar's value came about: an imputed or carried-forward
 * value is hatched, with a legend; the tooltip names the flags and the
 * table lists them.
 *
 * Returns: %TRUE if there is a bar of @code
 */
gboolean
distretto_chart_set_bar_flags (DistrettoChart *self,
                               const char     *code,
                               DistrettoFlags  flags)
{
  DistrettoChartBar *bar;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  bar = find_bar (self, code);
  if (bar == NULL)
    return FALSE;

  bar->flags = flags;
  _distretto_chart_changed (self);
  return TRUE;
}

/**
 * distretto_chart_get_bar_flags:
 * @self: a #DistrettoChart
 * @index: a bar, below distretto_chart_get_n_bars()
 *
 * Returns: the flags of the bar's value
 */
DistrettoFlags
distretto_chart_get_bar_flags (DistrettoChart *self,
                               guint           index)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), DISTRETTO_FLAGS_NONE);
  g_return_val_if_fail (index < self->bars->len, DISTRETTO_FLAGS_NONE);

  return g_array_index (self->bars, DistrettoChartBar, index).flags;
}

/**
 * distretto_chart_set_bar_note:
 * @self: a ranking or uncertainty #DistrettoChart
 * @code: a bar's region code
 * @note: (nullable): what a reader should know about the bar's value,
 *   such as distretto_indicator_result_dup_notes() gives
 *
 * Adds a line to the bar's tooltip and a cell to its row of the table.
 *
 * Returns: %TRUE if there is a bar of @code
 */
gboolean
distretto_chart_set_bar_note (DistrettoChart *self,
                              const char     *code,
                              const char     *note)
{
  DistrettoChartBar *bar;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  bar = find_bar (self, code);
  if (bar == NULL)
    return FALSE;

  g_free (bar->note);
  bar->note = g_strdup (note);
  _distretto_chart_changed (self);
  return TRUE;
}

/**
 * distretto_chart_get_bar_note:
 * @self: a #DistrettoChart
 * @index: a bar, below distretto_chart_get_n_bars()
 *
 * Returns: (nullable): the bar's note
 */
const char *
distretto_chart_get_bar_note (DistrettoChart *self,
                              guint           index)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);

  return g_array_index (self->bars, DistrettoChartBar, index).note;
}

/**
 * distretto_chart_set_bar_shares:
 * @self: a ranking or uncertainty #DistrettoChart
 * @code: a bar's region code
 * @shares: (array length=n_shares): a share (0–1) for each category of
 *   distretto_chart_set_categories(), in order
 * @n_shares: how many, at most %DISTRETTO_CHART_N_CATEGORIES
 *
 * Gives a bar the share of each category, such as the probability of
 * each performance group over an uncertainty analysis' runs: the tooltip
 * shows them and the table has a column for each.
 *
 * Returns: %TRUE if there is a bar of @code
 */
gboolean
distretto_chart_set_bar_shares (DistrettoChart *self,
                                const char     *code,
                                const double   *shares,
                                guint           n_shares)
{
  DistrettoChartBar *bar;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (shares != NULL || n_shares == 0, FALSE);
  g_return_val_if_fail (n_shares <= DISTRETTO_CHART_N_CATEGORIES, FALSE);

  bar = find_bar (self, code);
  if (bar == NULL)
    return FALSE;

  for (guint c = 0; c < DISTRETTO_CHART_N_CATEGORIES; c++)
    bar->shares[c] = c < n_shares ? shares[c] : NAN;
  _distretto_chart_changed (self);
  return TRUE;
}

/**
 * distretto_chart_get_bar_share:
 * @self: a #DistrettoChart
 * @index: a bar, below distretto_chart_get_n_bars()
 * @category: a category
 *
 * Returns: the share of @category for the bar, or NaN
 */
double
distretto_chart_get_bar_share (DistrettoChart *self,
                               guint           index,
                               guint           category)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NAN);
  g_return_val_if_fail (index < self->bars->len, NAN);
  g_return_val_if_fail (category < DISTRETTO_CHART_N_CATEGORIES, NAN);

  return g_array_index (self->bars, DistrettoChartBar, index).shares[category];
}

/**
 * distretto_chart_set_bar_rank_interval:
 * @self: a ranking or map #DistrettoChart
 * @code: a bar's region code
 * @median: the median of its rank over an uncertainty analysis' runs
 * @lower: the 5th percentile of its ranks
 * @upper: the 95th percentile
 *
 * Says how far the bar's rank moves when the method varies
 * (distretto_uncertainty_get_rank_interval()): its tooltip gives the
 * interval beside the rank.
 *
 * Returns: %TRUE if there is a bar of @code
 */
gboolean
distretto_chart_set_bar_rank_interval (DistrettoChart *self,
                                       const char     *code,
                                       double          median,
                                       double          lower,
                                       double          upper)
{
  DistrettoChartBar *bar;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  bar = find_bar (self, code);
  if (bar == NULL)
    return FALSE;

  bar->rank_median = median;
  bar->rank_lower = lower;
  bar->rank_upper = upper;
  _distretto_chart_changed (self);
  return TRUE;
}

/**
 * distretto_chart_get_bar_rank_interval:
 * @self: a #DistrettoChart
 * @index: a bar, below distretto_chart_get_n_bars()
 * @median: (out) (optional): the median rank
 * @lower: (out) (optional): the 5th percentile of the ranks
 * @upper: (out) (optional): the 95th percentile
 *
 * Returns: %TRUE if the bar has a rank interval
 *   (distretto_chart_set_bar_rank_interval())
 */
gboolean
distretto_chart_get_bar_rank_interval (DistrettoChart *self,
                                       guint           index,
                                       double         *median,
                                       double         *lower,
                                       double         *upper)
{
  const DistrettoChartBar *bar;

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (index < self->bars->len, FALSE);

  bar = &g_array_index (self->bars, DistrettoChartBar, index);
  if (median != NULL)
    *median = bar->rank_median;
  if (lower != NULL)
    *lower = bar->rank_lower;
  if (upper != NULL)
    *upper = bar->rank_upper;
  return !isnan (bar->rank_lower);
}

/**
 * distretto_chart_set_group_certainty:
 * @self: a map #DistrettoChart
 * @threshold: a share between 0 and 1, or NaN for none
 *
 * Hatches on a map the regions whose likeliest category (performance
 * group, from distretto_chart_set_bar_shares()) has a share below
 * @threshold, such as 2/3: regions whose group an uncertainty analysis
 * leaves open. The legend says so.
 */
void
distretto_chart_set_group_certainty (DistrettoChart *self,
                                     double          threshold)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (isnan (threshold) || (threshold >= 0.0 && threshold <= 1.0));

  self->group_certainty = threshold;
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_group_certainty:
 * @self: a #DistrettoChart
 *
 * Returns: the share below which a map hatches a region's group as
 *   uncertain, or NaN for none
 */
double
distretto_chart_get_group_certainty (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NAN);

  return self->group_certainty;
}

/* Whether @bar's likeliest category is less likely than the chart's
 * group certainty. */
gboolean
_distretto_chart_is_group_uncertain (DistrettoChart          *self,
                                     const DistrettoChartBar *bar)
{
  double likeliest = NAN;

  if (isnan (self->group_certainty) || bar == NULL)
    return FALSE;

  for (guint c = 0; c < DISTRETTO_CHART_N_CATEGORIES; c++)
    if (!isnan (bar->shares[c]) && (isnan (likeliest) || bar->shares[c] > likeliest))
      likeliest = bar->shares[c];

  return !isnan (likeliest) && likeliest < self->group_certainty;
}

/**
 * distretto_chart_new_uncertainty:
 * @title: the chart's title
 *
 * Creates an empty uncertainty chart (COINr's `plot_uncertainty`): one
 * row per region in the order of its nominal rank, its median rank as a
 * dot coloured by its category (its nominal performance group), the
 * 5–95% interval of its rank as a bar, its nominal rank as an open
 * diamond. Add regions with distretto_chart_add_rank_interval(); the
 * probabilities of the groups with distretto_chart_set_bar_shares().
 *
 * Returns: (transfer full): a new #DistrettoChart
 */
DistrettoChart *
distretto_chart_new_uncertainty (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (DISTRETTO_TYPE_CHART, "kind", DISTRETTO_CHART_KIND_UNCERTAINTY, "title", title, NULL);
}

/**
 * distretto_chart_add_rank_interval:
 * @self: an uncertainty #DistrettoChart
 * @code: the region's code
 * @label: its name
 * @nominal_rank: its rank under the nominal method, from 1
 * @median: its median rank over the runs
 * @lower: the 5th percentile of its ranks
 * @upper: the 95th percentile
 * @category: its nominal category (performance group), or -1
 *
 * Adds a region, kept in the order of the nominal ranks (ties in the
 * order added).
 */
void
distretto_chart_add_rank_interval (DistrettoChart *self,
                                   const char     *code,
                                   const char     *label,
                                   guint           nominal_rank,
                                   double          median,
                                   double          lower,
                                   double          upper,
                                   int             category)
{
  DistrettoChartBar bar;
  guint position;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (self->kind == DISTRETTO_CHART_KIND_UNCERTAINTY);
  g_return_if_fail (code != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (nominal_rank > 0);
  g_return_if_fail (!(lower > upper));
  g_return_if_fail (category >= -1 && category < DISTRETTO_CHART_N_CATEGORIES);

  position = self->bars->len;
  while (position > 0 && g_array_index (self->bars, DistrettoChartBar, position - 1).rank > nominal_rank)
    position--;

  _distretto_chart_init_bar (&bar);
  bar.code = g_strdup (code);
  bar.label = g_strdup (label);
  bar.value = median;
  bar.lower = lower;
  bar.upper = upper;
  bar.rank = nominal_rank;
  bar.category = category;
  g_array_insert_val (self->bars, position, bar);
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_new_sensitivity:
 * @title: the chart's title
 *
 * Creates an empty sensitivity chart: above, a pair of bars for each
 * assumption of a method, its first-order and total Sobol indices
 * (distretto_chart_add_sensitivity_index()); below, a bar for each
 * sub-indicator, how many places ranks move on average without it, with
 * a line to the most a region moves (distretto_chart_add_bar() and
 * distretto_chart_set_bar_interval() from the mean to the most).
 *
 * Returns: (transfer full): a new #DistrettoChart
 */
DistrettoChart *
distretto_chart_new_sensitivity (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (DISTRETTO_TYPE_CHART, "kind", DISTRETTO_CHART_KIND_SENSITIVITY, "title", title, NULL);
}

/**
 * distretto_chart_add_sensitivity_index:
 * @self: a sensitivity #DistrettoChart
 * @code: the assumption's id
 * @label: its name
 * @first_order: its first-order Sobol index
 * @total_order: its total Sobol index
 *
 * Adds an assumption, in the order drawn.
 */
void
distretto_chart_add_sensitivity_index (DistrettoChart *self,
                                       const char     *code,
                                       const char     *label,
                                       double          first_order,
                                       double          total_order)
{
  DistrettoChartIndex index;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (self->kind == DISTRETTO_CHART_KIND_SENSITIVITY);
  g_return_if_fail (code != NULL);
  g_return_if_fail (label != NULL);

  index.code = g_strdup (code);
  index.label = g_strdup (label);
  index.first_order = first_order;
  index.total_order = total_order;
  g_array_append_val (self->indices, index);
  _distretto_chart_changed (self);
}

/**
 * distretto_chart_get_n_sensitivity_indices:
 * @self: a #DistrettoChart
 *
 * Returns: how many assumptions a sensitivity chart shows
 */
guint
distretto_chart_get_n_sensitivity_indices (DistrettoChart *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), 0);

  return self->indices->len;
}

/**
 * distretto_chart_get_sensitivity_index:
 * @self: a #DistrettoChart
 * @index: an assumption, below distretto_chart_get_n_sensitivity_indices()
 * @code: (out) (optional) (transfer none): its id
 * @first_order: (out) (optional): its first-order index
 * @total_order: (out) (optional): its total index
 *
 * The indices of one assumption.
 */
void
distretto_chart_get_sensitivity_index (DistrettoChart  *self,
                                       guint            index,
                                       const char     **code,
                                       double          *first_order,
                                       double          *total_order)
{
  const DistrettoChartIndex *i;

  g_return_if_fail (DISTRETTO_IS_CHART (self));
  g_return_if_fail (index < self->indices->len);

  i = &g_array_index (self->indices, DistrettoChartIndex, index);
  if (code != NULL)
    *code = i->code;
  if (first_order != NULL)
    *first_order = i->first_order;
  if (total_order != NULL)
    *total_order = i->total_order;
}
