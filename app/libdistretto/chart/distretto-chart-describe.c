/* distretto-chart-describe.c: what a chart shows, in words and in order
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-chart-private.h"

/**
 * distretto_chart_dup_region_codes:
 * @self: a #DistrettoChart
 *
 * The regions the chart shows, in the order a reader goes through them
 * (and the arrow keys move the selection): a ranking's and a map's from
 * the highest value, a trend's and a radar's lines (the reference left
 * out), a heatmap's rows as sorted, a scatter's points as added. A
 * module's own view has none.
 *
 * Returns: (transfer full) (array zero-terminated=1): region codes
 */
char **
distretto_chart_dup_region_codes (DistrettoChart *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  switch (self->kind)
    {
    case DISTRETTO_CHART_KIND_RANKING:
    case DISTRETTO_CHART_KIND_MAP:
      for (guint i = 0; i < self->bars->len; i++)
        g_strv_builder_add (builder, g_array_index (self->bars, DistrettoChartBar, i).code);
      break;

    case DISTRETTO_CHART_KIND_TREND:
    case DISTRETTO_CHART_KIND_RADAR:
      for (guint i = 0; i < self->lines->len; i++)
        if ((int) i != self->reference_line)
          g_strv_builder_add (builder, g_array_index (self->lines, DistrettoChartLine, i).code);
      break;

    case DISTRETTO_CHART_KIND_HEATMAP:
      {
        guint n_rows = 0;
        g_autofree guint *order = distretto_chart_dup_row_order (self, &n_rows);

        for (guint i = 0; i < n_rows; i++)
          g_strv_builder_add (builder, g_array_index (self->lines, DistrettoChartLine, order[i]).code);
      }
      break;

    case DISTRETTO_CHART_KIND_SCATTER:
      for (guint i = 0; i < self->marks->len; i++)
        g_strv_builder_add (builder, g_array_index (self->marks, DistrettoChartMark, i).code);
      break;

    case DISTRETTO_CHART_KIND_CUSTOM:
    default:
      break;
    }

  return g_strv_builder_end (builder);
}

static int
find_bar (DistrettoChart *self,
          const char     *code)
{
  for (guint i = 0; code != NULL && i < self->bars->len; i++)
    if (g_str_equal (g_array_index (self->bars, DistrettoChartBar, i).code, code))
      return i;
  return -1;
}

static int
find_line (DistrettoChart *self,
           const char     *code)
{
  for (guint i = 0; code != NULL && i < self->lines->len; i++)
    if (g_str_equal (g_array_index (self->lines, DistrettoChartLine, i).code, code))
      return i;
  return -1;
}

static void
describe_bars (DistrettoChart *self,
               GString        *text)
{
  const DistrettoChartBar *first, *last;
  g_autofree char *top = NULL;
  g_autofree char *bottom = NULL;
  int selected = find_bar (self, self->selected);

  if (self->bars->len == 0)
    {
      g_string_append (text, _("No region has a value."));
      return;
    }

  first = &g_array_index (self->bars, DistrettoChartBar, 0);
  last = &g_array_index (self->bars, DistrettoChartBar, self->bars->len - 1);
  top = _distretto_chart_format_value (first->value);
  bottom = _distretto_chart_format_value (last->value);
  /* TRANSLATORS: what a screen reader says of a ranking or a map: how many regions, the highest and the lowest */
  g_string_append_printf (text, ngettext ("%u region. Highest: %s, %s. Lowest: %s, %s.",
                                          "%u regions. Highest: %s, %s. Lowest: %s, %s.", self->bars->len),
                          self->bars->len, first->label, top, last->label, bottom);

  if (selected >= 0)
    {
      const DistrettoChartBar *bar = &g_array_index (self->bars, DistrettoChartBar, selected);
      g_autofree char *value = _distretto_chart_format_value (bar->value);

      g_string_append_c (text, ' ');
      /* TRANSLATORS: the selected region in a ranking: name, value, its rank */
      g_string_append_printf (text, _("Selected: %s, %s, rank %u."), bar->label, value,
                              _distretto_chart_bar_rank (self, selected));
    }
}

static const DistrettoChartPoint *
last_point (const DistrettoChartLine *line)
{
  for (guint i = line->points->len; i > 0; i--)
    if (!isnan (g_array_index (line->points, DistrettoChartPoint, i - 1).value))
      return &g_array_index (line->points, DistrettoChartPoint, i - 1);
  return NULL;
}

static const DistrettoChartPoint *
first_point (const DistrettoChartLine *line)
{
  for (guint i = 0; i < line->points->len; i++)
    if (!isnan (g_array_index (line->points, DistrettoChartPoint, i).value))
      return &g_array_index (line->points, DistrettoChartPoint, i);
  return NULL;
}

static void
describe_trend (DistrettoChart *self,
                GString        *text)
{
  int selected = find_line (self, self->selected);
  guint n = self->lines->len - (self->reference_line >= 0 ? 1 : 0);

  /* TRANSLATORS: what a screen reader says of a trend chart */
  g_string_append_printf (text, ngettext ("%u region over the years.", "%u regions over the years.", n), n);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const DistrettoChartLine *line = &g_array_index (self->lines, DistrettoChartLine, i);
      const DistrettoChartPoint *from = first_point (line), *to = last_point (line);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      /* The selected line, or else the first one, and the reference. */
      if (from == NULL || ((selected >= 0 ? (int) i != selected : i != 0) && (int) i != self->reference_line))
        continue;

      start = _distretto_chart_format_value (from->value);
      end = _distretto_chart_format_value (to->value);
      g_string_append_c (text, ' ');
      /* TRANSLATORS: a line of a trend for a screen reader, e.g. "Veneto: 52.1 in 2015, 55.3 in 2023." */
      g_string_append_printf (text, _("%s: %s in %d, %s in %d."), line->label, start, from->year, end, to->year);
    }
}

static void
describe_profiles (DistrettoChart *self,
                   GString        *text)
{
  int selected = find_line (self, self->selected);
  const DistrettoChartLine *line;

  if (self->lines->len == 0)
    return;

  /* TRANSLATORS: what a screen reader says of a profile (radar) or a heatmap */
  g_string_append_printf (text, ngettext ("%u region on %u axes.", "%u regions on %u axes.", self->lines->len),
                          self->lines->len, self->axes->len);

  line = &g_array_index (self->lines, DistrettoChartLine, selected >= 0 ? (guint) selected : 0);
  g_string_append_printf (text, " %s:", line->label);
  for (guint a = 0; a < self->axes->len && a < line->points->len; a++)
    {
      g_autofree char *value = _distretto_chart_format_value (g_array_index (line->points, DistrettoChartPoint, a).value);

      g_string_append_printf (text, a == 0 ? " %s %s" : ", %s %s", (const char *) g_ptr_array_index (self->axes, a), value);
    }
  g_string_append_c (text, '.');
}

static void
describe_points (DistrettoChart *self,
                 GString        *text)
{
  /* TRANSLATORS: what a screen reader says of a scatter chart: how many regions, the two axes */
  g_string_append_printf (text, ngettext ("%u region, %s against %s.", "%u regions, %s against %s.", self->marks->len),
                          self->marks->len, self->y_title ? self->y_title : "", self->x_title ? self->x_title : "");

  for (guint i = 0; self->selected != NULL && i < self->marks->len; i++)
    {
      const DistrettoChartMark *mark = &g_array_index (self->marks, DistrettoChartMark, i);

      if (g_str_equal (mark->code, self->selected))
        {
          g_autofree char *x = _distretto_chart_format_value (mark->x);
          g_autofree char *y = _distretto_chart_format_value (mark->y);

          g_string_append_c (text, ' ');
          /* TRANSLATORS: the selected point of a scatter: region, its two values */
          g_string_append_printf (text, _("Selected: %s, %s and %s."), mark->label, y, x);
        }
    }
}

/**
 * distretto_chart_dup_summary:
 * @self: a #DistrettoChart
 *
 * What the chart shows in a few sentences, for screen readers: its
 * title and subtitle, how many regions, the highest and the lowest, and
 * the selected region's value and rank.
 *
 * Returns: (transfer full): the summary
 */
char *
distretto_chart_dup_summary (DistrettoChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (DISTRETTO_IS_CHART (self), NULL);

  g_string_append (text, self->title);
  if (self->subtitle != NULL && *self->subtitle != '\0')
    g_string_append_printf (text, ", %s", self->subtitle);
  g_string_append (text, ". ");

  switch (self->kind)
    {
    case DISTRETTO_CHART_KIND_RANKING:
    case DISTRETTO_CHART_KIND_MAP:
      describe_bars (self, text);
      break;

    case DISTRETTO_CHART_KIND_TREND:
      describe_trend (self, text);
      break;

    case DISTRETTO_CHART_KIND_RADAR:
    case DISTRETTO_CHART_KIND_HEATMAP:
      describe_profiles (self, text);
      break;

    case DISTRETTO_CHART_KIND_SCATTER:
      describe_points (self, text);
      break;

    case DISTRETTO_CHART_KIND_CUSTOM:
    default:
      break;
    }

  g_strchomp (text->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
