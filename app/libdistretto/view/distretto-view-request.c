/* distretto-view-request.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "../index/distretto-index.h"
#include "distretto-view-private.h"
#include "distretto-view-uncertainty.h"

/**
 * DistrettoViewRequest:
 *
 * What a view is asked to show: a module's indicator on a dataset, and
 * the user's choices — the year (0 for the module's latest year with
 * enough data), the NUTS level compared, the regions to draw or
 * highlight, the selected region, the method parameters (changed
 * weights…), the boundaries for a map, a top N for long rankings, and
 * the texts a user gives the chart for a slide (title, subtitle, notes,
 * source line).
 * The window and `distretto export` fill one and hand it to
 * distretto_view_build().
 */
struct _DistrettoViewRequest
{
  GObject parent_instance;

  DistrettoIndicator *indicator;
  DistrettoDataset *dataset;
  DistrettoBoundaries *boundaries;
  int year;
  int level;
  GStrv regions;
  char *selected;
  DistrettoMethod *method;
  guint top;
  DistrettoResultCache *cache;
  char *country;          /* the country whose regions are compared, or NULL */
  char *title;            /* the user's texts, or NULL for the view's */
  char *subtitle;
  char *notes;
  char *source;
  GHashTable *weights;        /* pillar id → double * */

  DistrettoIndicatorDefinition *definition;   /* asked once */
};

G_DEFINE_FINAL_TYPE (DistrettoViewRequest, distretto_view_request, G_TYPE_OBJECT)

static void
distretto_view_request_finalize (GObject *object)
{
  DistrettoViewRequest *self = (DistrettoViewRequest *)object;

  g_clear_object (&self->indicator);
  g_clear_object (&self->dataset);
  g_clear_object (&self->boundaries);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->method, distretto_method_free);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->weights, g_hash_table_unref);
  g_clear_object (&self->definition);

  G_OBJECT_CLASS (distretto_view_request_parent_class)->finalize (object);
}

static void
distretto_view_request_class_init (DistrettoViewRequestClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_view_request_finalize;
}

static void
distretto_view_request_init (DistrettoViewRequest *self)
{
  self->level = DISTRETTO_VIEW_DEFAULT_LEVEL;
}

/**
 * distretto_view_request_new:
 * @indicator: the module's indicator
 * @dataset: the data
 *
 * Returns: (transfer full): a request for the module's latest year, at
 *   NUTS 2, every region, the module's own method
 */
DistrettoViewRequest *
distretto_view_request_new (DistrettoIndicator *indicator,
                            DistrettoDataset   *dataset)
{
  DistrettoViewRequest *self;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);

  self = g_object_new (DISTRETTO_TYPE_VIEW_REQUEST, NULL);
  self->indicator = g_object_ref (indicator);
  self->dataset = g_object_ref (dataset);

  return self;
}

/**
 * distretto_view_request_get_indicator:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (transfer none): the module's indicator
 */
DistrettoIndicator *
distretto_view_request_get_indicator (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);
  return self->indicator;
}

/**
 * distretto_view_request_get_dataset:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (transfer none): the data
 */
DistrettoDataset *
distretto_view_request_get_dataset (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);
  return self->dataset;
}

/**
 * distretto_view_request_get_boundaries:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (transfer none) (nullable): the boundaries a map is drawn with
 */
DistrettoBoundaries *
distretto_view_request_get_boundaries (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);
  return self->boundaries;
}

/**
 * distretto_view_request_set_boundaries:
 * @self: a #DistrettoViewRequest
 * @boundaries: (nullable): the boundaries a map is drawn with
 *
 * Sets the boundaries of the map view.
 */
void
distretto_view_request_set_boundaries (DistrettoViewRequest *self,
                                       DistrettoBoundaries  *boundaries)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));
  g_set_object (&self->boundaries, boundaries);
}

/**
 * distretto_view_request_get_year:
 * @self: a #DistrettoViewRequest
 *
 * Returns: the year asked for, or 0 for the module's default year
 */
int
distretto_view_request_get_year (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), 0);
  return self->year;
}

/**
 * distretto_view_request_set_year:
 * @self: a #DistrettoViewRequest
 * @year: a year, or 0 for the latest year with enough data
 *
 * Sets the year a ranking, map or profile shows.
 */
void
distretto_view_request_set_year (DistrettoViewRequest *self,
                                 int                   year)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));
  self->year = year;
}

/**
 * distretto_view_request_get_level:
 * @self: a #DistrettoViewRequest
 *
 * Returns: the NUTS level compared, 0 to 3
 */
int
distretto_view_request_get_level (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), DISTRETTO_VIEW_DEFAULT_LEVEL);
  return self->level;
}

/**
 * distretto_view_request_set_level:
 * @self: a #DistrettoViewRequest
 * @level: a NUTS level, 0 to 3
 *
 * Sets the level whose regions are ranked, mapped and compared.
 */
void
distretto_view_request_set_level (DistrettoViewRequest *self,
                                  int                   level)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));
  g_return_if_fail (level >= 0 && level <= 3);
  self->level = level;
}

/**
 * distretto_view_request_get_regions:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the
 *   regions asked for, or %NULL for the view's default
 */
const char * const *
distretto_view_request_get_regions (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);
  return (const char * const *) self->regions;
}

/**
 * distretto_view_request_set_regions:
 * @self: a #DistrettoViewRequest
 * @regions: (nullable) (array zero-terminated=1): region codes
 *
 * Sets the regions a trend draws, a radar profiles, a scatter names, and
 * a ranking or map highlights.
 */
void
distretto_view_request_set_regions (DistrettoViewRequest *self,
                                    const char * const   *regions)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));

  g_strfreev (self->regions);
  self->regions = regions != NULL && regions[0] != NULL ? g_strdupv ((char **) regions) : NULL;
}

/**
 * distretto_view_request_get_selected:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (nullable): the selected region's code
 */
const char *
distretto_view_request_get_selected (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);
  return self->selected;
}

/**
 * distretto_view_request_set_selected:
 * @self: a #DistrettoViewRequest
 * @selected: (nullable): a region code
 *
 * Sets the region selected in every view: outlined, drawn thicker, added
 * to a trend.
 */
void
distretto_view_request_set_selected (DistrettoViewRequest *self,
                                     const char           *selected)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));

  g_free (self->selected);
  self->selected = g_strdup (selected);
}

/**
 * distretto_view_request_get_method:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (transfer none) (nullable): the method parameters, or %NULL
 *   for the module's own
 */
const DistrettoMethod *
distretto_view_request_get_method (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);
  return self->method;
}

/**
 * distretto_view_request_set_method:
 * @self: a #DistrettoViewRequest
 * @method: (nullable): method parameters, or %NULL for the module's own
 *
 * Sets the method the views compute with, such as changed weights.
 */
void
distretto_view_request_set_method (DistrettoViewRequest  *self,
                                   const DistrettoMethod *method)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));

  g_clear_pointer (&self->method, distretto_method_free);
  if (method != NULL)
    self->method = distretto_method_copy (method);
}

/**
 * distretto_view_request_get_top:
 * @self: a #DistrettoViewRequest
 *
 * Returns: how many of the best regions a ranking shows, 0 for all
 */
guint
distretto_view_request_get_top (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), 0);
  return self->top;
}

/**
 * distretto_view_request_set_top:
 * @self: a #DistrettoViewRequest
 * @top: how many of the best regions a ranking shows, 0 for all
 *
 * Limits a ranking to its top regions; the regions of
 * distretto_view_request_set_regions() and the selected one are shown
 * too, in their places.
 */
void
distretto_view_request_set_top (DistrettoViewRequest *self,
                                guint                 top)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));
  self->top = top;
}

/**
 * distretto_view_request_get_cache:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (transfer none) (nullable): the results kept between charts
 */
DistrettoResultCache *
distretto_view_request_get_cache (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);
  return self->cache;
}

/**
 * distretto_view_request_set_cache:
 * @self: a #DistrettoViewRequest
 * @cache: (nullable): results kept between the charts of a run
 *
 * Lets the view reuse the module's results another chart of the run
 * computed (see #DistrettoResultCache).
 */
void
distretto_view_request_set_cache (DistrettoViewRequest *self,
                                  DistrettoResultCache *cache)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));
  g_set_object (&self->cache, cache);
}

/**
 * distretto_view_request_get_country:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (nullable): the code of the country whose regions are
 *   compared, or %NULL for all
 */
const char *
distretto_view_request_get_country (DistrettoViewRequest *self)
{
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);
  return self->country;
}

/**
 * distretto_view_request_set_country:
 * @self: a #DistrettoViewRequest
 * @country: (nullable): a country's code (`IT`), or %NULL for all
 *
 * Compares the regions of one country only: a ranking ranks them (scores
 * and performance groups stay those computed over every region), a
 * trend's default lines, a heatmap's rows and a scatter's points are
 * theirs. A map still draws every region.
 */
void
distretto_view_request_set_country (DistrettoViewRequest *self,
                                    const char           *country)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));

  g_free (self->country);
  self->country = country != NULL && *country != '\0' ? g_strdup (country) : NULL;
}

#define DEFINE_TEXT(name)                                                     \
const char *                                                                  \
distretto_view_request_get_##name (DistrettoViewRequest *self)                \
{                                                                             \
  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);              \
  return self->name;                                                          \
}                                                                             \
                                                                              \
void                                                                          \
distretto_view_request_set_##name (DistrettoViewRequest *self,                \
                                   const char           *name)                \
{                                                                             \
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));                        \
  g_free (self->name);                                                        \
  self->name = g_strdup (name);                                               \
}

/**
 * distretto_view_request_get_title:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (nullable): the title the chart is given, or %NULL for the
 *   view's own
 */
/**
 * distretto_view_request_set_title:
 * @self: a #DistrettoViewRequest
 * @title: (nullable): the chart's title, or %NULL for the view's own
 *
 * Gives the chart a title of the user's.
 */
DEFINE_TEXT (title)

/**
 * distretto_view_request_get_subtitle:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (nullable): the subtitle the chart is given, or %NULL for the
 *   view's own
 */
/**
 * distretto_view_request_set_subtitle:
 * @self: a #DistrettoViewRequest
 * @subtitle: (nullable): the chart's subtitle, or %NULL for the view's
 *   own; an empty one leaves the line out
 *
 * Gives the chart a subtitle of the user's.
 */
DEFINE_TEXT (subtitle)

/**
 * distretto_view_request_get_notes:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (nullable): the notes the chart is given, or %NULL for the
 *   view's own
 */
/**
 * distretto_view_request_set_notes:
 * @self: a #DistrettoViewRequest
 * @notes: (nullable): the chart's notes, or %NULL for the view's own
 *   (what the module could use of the data, the method's caveats); an
 *   empty text leaves them out
 *
 * Gives the chart notes of the user's.
 */
DEFINE_TEXT (notes)

/**
 * distretto_view_request_get_source:
 * @self: a #DistrettoViewRequest
 *
 * Returns: (nullable): the source line the chart is given, or %NULL for
 *   the one made from the data's provenance
 */
/**
 * distretto_view_request_set_source:
 * @self: a #DistrettoViewRequest
 * @source: (nullable): the chart's source line, or %NULL for the one made
 *   from the data's provenance (distretto_view_dup_source_line())
 *
 * Gives the chart a source line of the user's. A chart of synthetic data
 * says so in its corner whatever its source line.
 */
DEFINE_TEXT (source)

/* The user's texts over the view's. */
void
_distretto_view_request_apply_texts (DistrettoViewRequest *self,
                                     DistrettoChart       *chart)
{
  if (self->title != NULL)
    distretto_chart_set_title (chart, self->title);
  if (self->subtitle != NULL)
    distretto_chart_set_subtitle (chart, *self->subtitle != '\0' ? self->subtitle : NULL);
  if (self->notes != NULL)
    distretto_chart_set_notes (chart, *self->notes != '\0' ? self->notes : NULL);
  if (self->source != NULL)
    distretto_chart_set_source (chart, *self->source != '\0' ? self->source : NULL);
}

/**
 * distretto_view_request_set_pillar_weight:
 * @self: a #DistrettoViewRequest
 * @pillar_id: the id of one of the module's pillars
 * @weight: its weight among the pillars, 0 or more, or NaN for the
 *   module's own
 *
 * Changes the weight of a pillar. A module whose scores the host
 * computes (distretto_indicator_computes_declared()) is computed with
 * the changed weights, and its charts say so in their notes; a module
 * with its own arithmetic is not changed.
 */
void
distretto_view_request_set_pillar_weight (DistrettoViewRequest *self,
                                          const char           *pillar_id,
                                          double                weight)
{
  g_return_if_fail (DISTRETTO_IS_VIEW_REQUEST (self));
  g_return_if_fail (pillar_id != NULL);
  g_return_if_fail (isnan (weight) || weight >= 0.0);

  if (isnan (weight))
    {
      if (self->weights != NULL)
        g_hash_table_remove (self->weights, pillar_id);
      return;
    }

  if (self->weights == NULL)
    self->weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (self->weights, g_strdup (pillar_id), g_memdup2 (&weight, sizeof weight));
}

/**
 * distretto_view_request_get_pillar_weight:
 * @self: a #DistrettoViewRequest
 * @pillar_id: a pillar id
 *
 * Returns: the weight set for the pillar, or NaN for the module's own
 */
double
distretto_view_request_get_pillar_weight (DistrettoViewRequest *self,
                                          const char           *pillar_id)
{
  const double *weight;

  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NAN);
  g_return_val_if_fail (pillar_id != NULL, NAN);

  weight = self->weights != NULL ? g_hash_table_lookup (self->weights, pillar_id) : NULL;
  return weight != NULL ? *weight : NAN;
}

/**
 * distretto_view_request_compute:
 * @self: a #DistrettoViewRequest
 * @error: return location for a #GError
 *
 * Computes the module's result as the views do: for the request's year
 * (or the module's default year), with its method and pillar weights.
 *
 * Returns: (transfer full): the result, or %NULL with @error set
 */
DistrettoIndicatorResult *
distretto_view_request_compute (DistrettoViewRequest  *self,
                                GError               **error)
{
  int year;

  g_return_val_if_fail (DISTRETTO_IS_VIEW_REQUEST (self), NULL);

  if ((year = _distretto_view_request_choose_year (self, error)) == 0)
    return NULL;

  return _distretto_view_request_compute (self, year, error);
}

/* The module's definition, asked for once per request. */
DistrettoIndicatorDefinition *
_distretto_view_request_get_definition (DistrettoViewRequest  *self,
                                        GError               **error)
{
  if (self->definition == NULL)
    self->definition = distretto_indicator_get_definition (self->indicator);

  if (self->definition == NULL)
    g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
                 "%s", distretto_indicator_get_reported_error (self->indicator)
                       ? distretto_indicator_get_reported_error (self->indicator)
                       : _("The module returned no definition"));

  return self->definition;
}

const char *
_distretto_view_request_get_module_title (DistrettoViewRequest *self)
{
  DistrettoIndicatorDefinition *definition = _distretto_view_request_get_definition (self, NULL);

  return definition != NULL ? distretto_indicator_definition_get_title (definition) : "";
}

const char *
_distretto_view_request_get_unit (DistrettoViewRequest *self)
{
  DistrettoIndicatorDefinition *definition = _distretto_view_request_get_definition (self, NULL);

  return definition != NULL ? distretto_indicator_definition_get_unit (definition) : NULL;
}

/* The year asked for, or the module's default one. */
int
_distretto_view_request_choose_year (DistrettoViewRequest  *self,
                                     GError               **error)
{
  if (self->year != 0)
    return distretto_indicator_check_dataset (self->indicator, self->dataset, error) ? self->year : 0;

  return distretto_result_cache_choose_year (self->cache, self->indicator, self->dataset, error);
}

/* Whether a pillar's weight differs from the module's: then the charts
 * are computed with the request's weights and say so. */
gboolean
_distretto_view_request_has_changed_weights (DistrettoViewRequest *self)
{
  DistrettoIndicatorDefinition *definition;

  if (self->weights == NULL || !distretto_indicator_computes_declared (self->indicator) ||
      (definition = _distretto_view_request_get_definition (self, NULL)) == NULL)
    return FALSE;

  for (guint p = 0; p < distretto_indicator_definition_get_n_pillars (definition); p++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, p);
      double weight = distretto_view_request_get_pillar_weight (self, distretto_pillar_get_id (pillar));

      if (!isnan (weight) && weight != distretto_pillar_get_weight (pillar))
        return TRUE;
    }

  return FALSE;
}

/* Puts the request's pillar weights into @method. */
void
_distretto_view_request_apply_weights (DistrettoViewRequest *self,
                                       DistrettoMethod      *method)
{
  GHashTableIter iter;
  gpointer id, weight;

  if (self->weights == NULL)
    return;

  g_hash_table_iter_init (&iter, self->weights);
  while (g_hash_table_iter_next (&iter, &id, &weight))
    distretto_method_set_weight (method, id, *(double *) weight);
}

/* The module's result for @year with the request's method (its level,
 * its weights), from the module's cache. */
DistrettoIndicatorResult *
_distretto_view_request_compute (DistrettoViewRequest  *self,
                                 int                    year,
                                 GError               **error)
{
  g_autoptr(DistrettoMethod) method = distretto_view_request_dup_method (self);

  return distretto_result_cache_compute (self->cache, self->indicator, self->dataset, year, method, error);
}
