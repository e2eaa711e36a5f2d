/* distretto-chart-highlight.c: regions a chart points out
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-chart-private.h"

/**
 * distretto_chart_set_highlighted_regions:
 * @self: a #DistrettoChart
 * @codes: (nullable) (array zero-terminated=1): region codes
 *
 * Highlights regions in every drawing of the chart, as the selection is
 * drawn: "my region among the leaders". A ranking outlines their bars
 * and writes their names in bold; a map outlines them; other kinds draw
 * them as they draw the selected region.
 */
void
distretto_chart_set_highlighted_regions (DistrettoChart     *self,
                                         const char * const *codes)
{
  g_return_if_fail (DISTRETTO_IS_CHART (self));

  g_clear_pointer (&self->highlighted_regions, g_hash_table_unref);
  if (codes != NULL && codes[0] != NULL)
    {
      self->highlighted_regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; codes[i] != NULL; i++)
        g_hash_table_add (self->highlighted_regions, g_strdup (codes[i]));
    }

  _distretto_chart_changed (self);
}

/**
 * distretto_chart_is_highlighted_region:
 * @self: a #DistrettoChart
 * @code: a region code
 *
 * Returns: whether the chart highlights the region of @code
 */
gboolean
distretto_chart_is_highlighted_region (DistrettoChart *self,
                                       const char     *code)
{
  g_return_val_if_fail (DISTRETTO_IS_CHART (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  return _distretto_chart_is_marked (self, code);
}
