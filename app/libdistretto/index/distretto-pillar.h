/* distretto-pillar.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "distretto-sub-indicator.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_PILLAR (distretto_pillar_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoPillar, distretto_pillar, DISTRETTO, PILLAR, GObject)

DistrettoPillar       *distretto_pillar_new                  (const char            *id,
                                                              const char            *title);
const char            *distretto_pillar_get_id               (DistrettoPillar       *self);
const char            *distretto_pillar_get_title            (DistrettoPillar       *self);
double                 distretto_pillar_get_weight           (DistrettoPillar       *self);
void                   distretto_pillar_set_weight           (DistrettoPillar       *self,
                                                              double                 weight);
void                   distretto_pillar_add_sub_indicator    (DistrettoPillar       *self,
                                                              DistrettoSubIndicator *sub_indicator);
guint                  distretto_pillar_get_n_sub_indicators (DistrettoPillar       *self);
DistrettoSubIndicator *distretto_pillar_get_sub_indicator    (DistrettoPillar       *self,
                                                              guint                  index);

G_END_DECLS
