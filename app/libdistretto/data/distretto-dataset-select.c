/* distretto-dataset-select.c: finding series by selector
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "distretto-dataset-private.h"
#include "distretto-selector-private.h"

/* What a selector resolved to in one dataset: the series summed, or why
 * none. Resolutions are cached per dataset until a series is added. */
typedef struct
{
  GArray *series;     /* guint: series indices */
  GError *error;
} Resolution;

typedef struct
{
  GMutex mutex;
  GHashTable *resolutions;    /* selector → Resolution */
} Cache;

static void
resolution_free (gpointer data)
{
  Resolution *resolution = data;

  g_clear_pointer (&resolution->series, g_array_unref);
  g_clear_error (&resolution->error);
  g_free (resolution);
}

static void
cache_free (gpointer data)
{
  Cache *cache = data;

  g_hash_table_unref (cache->resolutions);
  g_mutex_clear (&cache->mutex);
  g_free (cache);
}

static GQuark
cache_quark (void)
{
  return g_quark_from_static_string ("distretto-dataset-selections");
}

static Cache *
get_cache (DistrettoDataset *self)
{
  static GMutex creation;
  Cache *cache;

  g_mutex_lock (&creation);
  cache = g_object_get_qdata (G_OBJECT (self), cache_quark ());
  if (cache == NULL)
    {
      cache = g_new0 (Cache, 1);
      g_mutex_init (&cache->mutex);
      cache->resolutions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, resolution_free);
      g_object_set_qdata_full (G_OBJECT (self), cache_quark (), cache, cache_free);
    }
  g_mutex_unlock (&creation);

  return cache;
}

/* Called when a series is added: earlier answers may be wrong now. */
void
_distretto_dataset_forget_selections (DistrettoDataset *self)
{
  g_object_set_qdata (G_OBJECT (self), cache_quark (), NULL);
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *row = g_new (guint, m + 1);

  for (gsize j = 0; j <= m; j++)
    row[j] = j;

  for (gsize i = 1; i <= n; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= m; j++)
        {
          guint above = row[j];
          guint cost = g_ascii_tolower (a[i - 1]) == g_ascii_tolower (b[j - 1]) ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[m];
}

/* The loaded series nearest to what @term asks for: in its table, the
 * one satisfying most pins; else a name a few letters away. */
static char *
suggest (DistrettoDataset            *self,
         const DistrettoSelectorTerm *term)
{
  const char *text = _distretto_selector_term_get_text (term);
  guint limit = MAX (3, strlen (text) / 3);
  g_autofree char *best = NULL;
  gboolean best_same = FALSE;
  guint best_pins = 0, best_distance = G_MAXUINT;

  for (guint i = 0; i < distretto_dataset_get_n_series (self); i++)
    {
      DistrettoSeries *series = distretto_dataset_get_series_at (self, i);
      g_autofree char *selector = distretto_series_dup_selector (series);
      gboolean same = _distretto_selector_term_same_table (term, series);
      guint pins = same ? _distretto_selector_term_count_pins (term, series) : 0;
      guint distance = edit_distance (text, selector);

      if (!same)
        distance = MIN (distance, edit_distance (text, distretto_series_get_code (series)));
      if (!same && distance > limit)
        continue;

      if (best == NULL || same > best_same ||
          (same == best_same && (pins > best_pins || (pins == best_pins && distance < best_distance))))
        {
          g_free (best);
          best = g_steal_pointer (&selector);
          best_same = same;
          best_pins = pins;
          best_distance = distance;
        }
    }

  return g_steal_pointer (&best);
}

/* `age (Y15-24, Y15-64) and sex (F, M, T)`: the dimensions @term leaves
 * open among the series it matches. */
static char *
describe_open_dimensions (DistrettoDataset            *self,
                          const DistrettoSelectorTerm *term,
                          GArray                      *matches)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint m = 0; m < matches->len; m++)
    {
      DistrettoSeries *series = distretto_dataset_get_series_at (self, g_array_index (matches, guint, m));

      for (guint d = 0; d < distretto_series_get_n_dimensions (series); d++)
        {
          const char *name = distretto_series_get_dimension_name (series, d);
          gboolean known = FALSE;

          for (guint k = 0; k < names->len && !known; k++)
            known = g_ascii_strcasecmp (g_ptr_array_index (names, k), name) == 0;
          if (!known && !_distretto_selector_term_pins (term, name))
            g_ptr_array_add (names, (gpointer) name);
        }
    }

  for (guint k = 0; k < names->len; k++)
    {
      const char *name = g_ptr_array_index (names, k);
      g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint m = 0; m < matches->len; m++)
        {
          DistrettoSeries *series = distretto_dataset_get_series_at (self, g_array_index (matches, guint, m));
          char *code = _distretto_selector_dup_series_code (series, name);

          if (code == NULL || g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
            g_free (code);
          else
            g_ptr_array_add (codes, code);
        }

      if (codes->len < 2)
        continue;

      for (guint c = 0; c < codes->len && c < 8; c++)
        g_string_append_printf (list, "%s%s", c > 0 ? ", " : "", (const char *) g_ptr_array_index (codes, c));
      if (codes->len > 8)
        g_string_append (list, ", …");

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s (%s)", name, list->str);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
resolve_term (DistrettoDataset             *self,
              const DistrettoSelectorTerm  *term,
              guint                        *series,
              GError                      **error)
{
  const char *text = _distretto_selector_term_get_text (term);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint));

  /* A plain name that is a series code is that series. */
  if (_distretto_selector_term_is_plain (term) && _distretto_dataset_lookup_series (self, text, series))
    return TRUE;

  for (guint i = 0; i < distretto_dataset_get_n_series (self); i++)
    if (_distretto_selector_term_matches (term, distretto_dataset_get_series_at (self, i)))
      g_array_append_val (matches, i);

  if (matches->len == 1)
    {
      *series = g_array_index (matches, guint, 0);
      return TRUE;
    }

  if (matches->len == 0)
    {
      g_autofree char *nearest = suggest (self, term);

      if (nearest != NULL)
        g_set_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_MISSING,
                     /* TRANSLATORS: the selector given, then the nearest series code */
                     _("No imported series matches “%s”; did you mean “%s”?"), text, nearest);
      else
        g_set_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_MISSING,
                     _("No imported series matches “%s”"), text);
      return FALSE;
    }

  {
    g_autofree char *open = describe_open_dimensions (self, term, matches);

    g_set_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_AMBIGUOUS,
                 /* TRANSLATORS: the selector, how many series it matches, then the dimensions
                  * still open, e.g. “unit (PC, THS)” */
                 _("The selector “%s” matches %u series: pin %s"), text, matches->len, open);
  }
  return FALSE;
}

static Resolution *
resolve (DistrettoDataset *self,
         const char       *selector)
{
  Cache *cache = get_cache (self);
  Resolution *resolution;
  g_autoptr(GPtrArray) terms = NULL;

  g_mutex_lock (&cache->mutex);
  resolution = g_hash_table_lookup (cache->resolutions, selector);
  if (resolution != NULL)
    {
      g_mutex_unlock (&cache->mutex);
      return resolution;
    }

  resolution = g_new0 (Resolution, 1);
  terms = _distretto_selector_parse (selector, &resolution->error);
  if (terms != NULL)
    {
      resolution->series = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < terms->len; i++)
        {
          guint series;

          if (!resolve_term (self, g_ptr_array_index (terms, i), &series, &resolution->error))
            {
              g_clear_pointer (&resolution->series, g_array_unref);
              break;
            }
          g_array_append_val (resolution->series, series);
        }
    }

  g_hash_table_insert (cache->resolutions, g_strdup (selector), resolution);
  g_mutex_unlock (&cache->mutex);

  return resolution;
}

/**
 * distretto_dataset_check_selector:
 * @self: a #DistrettoDataset
 * @selector: a selector, or several joined by `+`
 * @error: return location for a #DistrettoSelectorError
 *
 * Checks that @selector names exactly one series of @self (one for each
 * term of a sum). The error of a selector that matches none suggests the
 * nearest series loaded; that of one matching several names the
 * dimensions left to pin and their codes.
 *
 * Returns: %TRUE if the values of @selector can be read
 */
gboolean
distretto_dataset_check_selector (DistrettoDataset  *self,
                                  const char        *selector,
                                  GError           **error)
{
  Resolution *resolution;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), FALSE);
  g_return_val_if_fail (selector != NULL, FALSE);

  resolution = resolve (self, selector);
  if (resolution->error != NULL)
    {
      g_propagate_error (error, g_error_copy (resolution->error));
      return FALSE;
    }

  return TRUE;
}

/**
 * distretto_dataset_resolve_selector:
 * @self: a #DistrettoDataset
 * @selector: one selector, such as `lfst_r_lfe2en2?nace_r2=C&unit=THS`
 * @error: return location for a #DistrettoSelectorError
 *
 * Returns: (transfer full) (nullable): the code of the one series
 *   @selector names, or %NULL with @error set (also for a sum)
 */
char *
distretto_dataset_resolve_selector (DistrettoDataset  *self,
                                    const char        *selector,
                                    GError           **error)
{
  Resolution *resolution;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NULL);
  g_return_val_if_fail (selector != NULL, NULL);

  if (!distretto_dataset_check_selector (self, selector, error))
    return NULL;

  resolution = resolve (self, selector);
  if (resolution->series->len != 1)
    {
      g_set_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_INVALID,
                   /* TRANSLATORS: the selector, then how many series it sums */
                   _("The selector “%s” is a sum of %u series, not one series"), selector,
                   resolution->series->len);
      return NULL;
    }

  return g_strdup (distretto_dataset_get_series_code (self, g_array_index (resolution->series, guint, 0)));
}

/**
 * distretto_dataset_get_selected_value:
 * @self: a #DistrettoDataset
 * @selector: a selector, or several joined by `+`
 * @region_code: a region code
 * @year: a year
 * @flags: (out) (optional): the flags of the cells used
 *
 * The value of the series @selector names, or the sum of the series of
 * a sum (missing if any term is missing).
 *
 * Returns: the value, or NaN when it is missing or @selector names no
 *   series (see distretto_dataset_check_selector())
 */
double
distretto_dataset_get_selected_value (DistrettoDataset *self,
                                      const char       *selector,
                                      const char       *region_code,
                                      int               year,
                                      DistrettoFlags   *flags)
{
  Resolution *resolution;
  guint region_index;
  double sum = 0.0;

  if (flags != NULL)
    *flags = DISTRETTO_FLAGS_NONE;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NAN);
  g_return_val_if_fail (selector != NULL, NAN);
  g_return_val_if_fail (region_code != NULL, NAN);

  resolution = resolve (self, selector);
  if (resolution->series == NULL || !_distretto_dataset_lookup_region (self, region_code, &region_index))
    return NAN;

  for (guint i = 0; i < resolution->series->len; i++)
    {
      DistrettoFlags cell_flags;

      sum += distretto_dataset_get_value_at (self, g_array_index (resolution->series, guint, i),
                                             region_index, year, &cell_flags);
      if (flags != NULL)
        *flags |= cell_flags;
    }

  return sum;
}

/**
 * distretto_dataset_get_selected_latest_year:
 * @self: a #DistrettoDataset
 * @selector: a selector, or several joined by `+`
 *
 * Returns: the latest year in which every series of @selector has a
 *   value for at least one region, or 0
 */
int
distretto_dataset_get_selected_latest_year (DistrettoDataset *self,
                                            const char       *selector)
{
  Resolution *resolution;
  int latest = G_MAXINT;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), 0);
  g_return_val_if_fail (selector != NULL, 0);

  resolution = resolve (self, selector);
  if (resolution->series == NULL || resolution->series->len == 0)
    return 0;

  for (guint i = 0; i < resolution->series->len; i++)
    latest = MIN (latest, distretto_dataset_get_latest_year (self,
                      distretto_dataset_get_series_code (self, g_array_index (resolution->series, guint, i))));

  return latest;
}
