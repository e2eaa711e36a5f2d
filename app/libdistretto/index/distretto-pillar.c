/* distretto-pillar.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-pillar.h"

/**
 * DistrettoPillar:
 *
 * A group of sub-indicators aggregated together (the OECD/JRC
 * Handbook's "dimension"), with a weight among the indicator's pillars.
 */
struct _DistrettoPillar
{
  GObject parent_instance;

  char *id;
  char *title;
  double weight;
  GPtrArray *sub_indicators;
};

G_DEFINE_FINAL_TYPE (DistrettoPillar, distretto_pillar, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
distretto_pillar_finalize (GObject *object)
{
  DistrettoPillar *self = (DistrettoPillar *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->sub_indicators, g_ptr_array_unref);

  G_OBJECT_CLASS (distretto_pillar_parent_class)->finalize (object);
}

static void
distretto_pillar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DistrettoPillar *self = DISTRETTO_PILLAR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_pillar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DistrettoPillar *self = DISTRETTO_PILLAR (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_WEIGHT:
      distretto_pillar_set_weight (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_pillar_class_init (DistrettoPillarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_pillar_finalize;
  object_class->get_property = distretto_pillar_get_property;
  object_class->set_property = distretto_pillar_set_property;

  /**
   * DistrettoPillar:id:
   *
   * An identifier unique within the indicator.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoPillar:title:
   *
   * The translated title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoPillar:weight:
   *
   * The weight among the indicator's pillars; equal by default.
   */
  properties[PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
distretto_pillar_init (DistrettoPillar *self)
{
  self->weight = 1.0;
  self->sub_indicators = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * distretto_pillar_new:
 * @id: an identifier unique within the indicator
 * @title: the translated title
 *
 * Returns: (transfer full): a new, empty #DistrettoPillar
 */
DistrettoPillar *
distretto_pillar_new (const char *id,
                      const char *title)
{
  return g_object_new (DISTRETTO_TYPE_PILLAR, "id", id, "title", title, NULL);
}

/**
 * distretto_pillar_get_id:
 * @self: a #DistrettoPillar
 *
 * Returns: (nullable): the identifier
 */
const char *
distretto_pillar_get_id (DistrettoPillar *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PILLAR (self), NULL);
  return self->id;
}

/**
 * distretto_pillar_get_title:
 * @self: a #DistrettoPillar
 *
 * Returns: (nullable): the title
 */
const char *
distretto_pillar_get_title (DistrettoPillar *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PILLAR (self), NULL);
  return self->title;
}

/**
 * distretto_pillar_get_weight:
 * @self: a #DistrettoPillar
 *
 * Returns: the weight among the pillars
 */
double
distretto_pillar_get_weight (DistrettoPillar *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PILLAR (self), 1.0);
  return self->weight;
}

/**
 * distretto_pillar_set_weight:
 * @self: a #DistrettoPillar
 * @weight: the weight among the pillars
 *
 * Sets the weight.
 */
void
distretto_pillar_set_weight (DistrettoPillar *self,
                             double           weight)
{
  g_return_if_fail (DISTRETTO_IS_PILLAR (self));
  self->weight = weight;
}

/**
 * distretto_pillar_add_sub_indicator:
 * @self: a #DistrettoPillar
 * @sub_indicator: a #DistrettoSubIndicator
 *
 * Adds a sub-indicator to the pillar.
 */
void
distretto_pillar_add_sub_indicator (DistrettoPillar       *self,
                                    DistrettoSubIndicator *sub_indicator)
{
  g_return_if_fail (DISTRETTO_IS_PILLAR (self));
  g_return_if_fail (DISTRETTO_IS_SUB_INDICATOR (sub_indicator));

  g_ptr_array_add (self->sub_indicators, g_object_ref (sub_indicator));
}

/**
 * distretto_pillar_get_n_sub_indicators:
 * @self: a #DistrettoPillar
 *
 * Returns: how many sub-indicators the pillar has
 */
guint
distretto_pillar_get_n_sub_indicators (DistrettoPillar *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PILLAR (self), 0);
  return self->sub_indicators->len;
}

/**
 * distretto_pillar_get_sub_indicator:
 * @self: a #DistrettoPillar
 * @index: a position below distretto_pillar_get_n_sub_indicators()
 *
 * Returns: (transfer none): the sub-indicator at @index
 */
DistrettoSubIndicator *
distretto_pillar_get_sub_indicator (DistrettoPillar *self,
                                    guint            index)
{
  g_return_val_if_fail (DISTRETTO_IS_PILLAR (self), NULL);
  g_return_val_if_fail (index < self->sub_indicators->len, NULL);

  return g_ptr_array_index (self->sub_indicators, index);
}
