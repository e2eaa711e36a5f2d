/* distretto-series.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "distretto-source.h"

G_BEGIN_DECLS

/**
 * DistrettoDirection:
 * @DISTRETTO_DIRECTION_POSITIVE: more is better
 * @DISTRETTO_DIRECTION_NEGATIVE: less is better
 *
 * Which way a series counts in an indicator.
 */
typedef enum
{
  DISTRETTO_DIRECTION_POSITIVE,
  DISTRETTO_DIRECTION_NEGATIVE,
} DistrettoDirection;

#define DISTRETTO_TYPE_SERIES (distretto_series_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoSeries, distretto_series, DISTRETTO, SERIES, GObject)

DistrettoSeries    *distretto_series_new             (const char         *code);
const char         *distretto_series_get_code        (DistrettoSeries    *self);
const char         *distretto_series_get_label       (DistrettoSeries    *self);
void                distretto_series_set_label       (DistrettoSeries    *self,
                                                      const char         *label);
const char         *distretto_series_get_unit        (DistrettoSeries    *self);
void                distretto_series_set_unit        (DistrettoSeries    *self,
                                                      const char         *unit);
const char         *distretto_series_get_publisher   (DistrettoSeries    *self);
void                distretto_series_set_publisher   (DistrettoSeries    *self,
                                                      const char         *publisher);
const char         *distretto_series_get_licence     (DistrettoSeries    *self);
void                distretto_series_set_licence     (DistrettoSeries    *self,
                                                      const char         *licence);
const char         *distretto_series_get_description (DistrettoSeries    *self);
void                distretto_series_set_description (DistrettoSeries    *self,
                                                      const char         *description);
gboolean            distretto_series_is_additive     (DistrettoSeries    *self);
DistrettoDirection  distretto_series_get_direction   (DistrettoSeries    *self);
void                distretto_series_set_direction   (DistrettoSeries    *self,
                                                      DistrettoDirection  direction);
guint               distretto_series_get_n_sources   (DistrettoSeries    *self);
DistrettoSource    *distretto_series_get_source_at   (DistrettoSeries    *self,
                                                      guint               index);
void                distretto_series_add_source      (DistrettoSeries    *self,
                                                      DistrettoSource    *source);
const char         *distretto_series_get_table       (DistrettoSeries    *self);
void                distretto_series_set_table       (DistrettoSeries    *self,
                                                      const char         *table);
void                distretto_series_set_dimension   (DistrettoSeries    *self,
                                                      const char         *dimension,
                                                      const char         *code);
guint               distretto_series_get_n_dimensions (DistrettoSeries   *self);
const char         *distretto_series_get_dimension_name (DistrettoSeries *self,
                                                        guint             index);
const char         *distretto_series_get_dimension_code (DistrettoSeries *self,
                                                        guint             index);
const char         *distretto_series_lookup_dimension (DistrettoSeries   *self,
                                                       const char        *dimension);
char               *distretto_series_dup_selector    (DistrettoSeries    *self);
void                distretto_series_copy_identity   (DistrettoSeries    *self,
                                                      DistrettoSeries    *other);

G_END_DECLS
