/* distretto-coherence.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "../data/distretto-dataset.h"
#include "distretto-indicator-result.h"
#include "distretto-pillar.h"

G_BEGIN_DECLS

/**
 * DISTRETTO_COHERENCE_MIN_CORRELATION:
 *
 * A sub-indicator correlating less than this with its pillar or the
 * index, or a pillar with the index, is flagged (OECD/JRC handbook).
 */
#define DISTRETTO_COHERENCE_MIN_CORRELATION 0.3

/**
 * DISTRETTO_COHERENCE_MIN_ALPHA:
 *
 * A pillar whose Cronbach's alpha is below this is flagged: its
 * sub-indicators do not measure one thing (the usual rule, Nunnally).
 */
#define DISTRETTO_COHERENCE_MIN_ALPHA 0.7

/**
 * DistrettoComponentKind:
 * @DISTRETTO_COMPONENT_KIND_SUB_INDICATOR: a sub-indicator's normalised score
 * @DISTRETTO_COMPONENT_KIND_PILLAR: a pillar's score
 * @DISTRETTO_COMPONENT_KIND_INDEX: the composite index
 *
 * What a row or column of a #DistrettoCoherence is.
 */
typedef enum
{
  DISTRETTO_COMPONENT_KIND_SUB_INDICATOR,
  DISTRETTO_COMPONENT_KIND_PILLAR,
  DISTRETTO_COMPONENT_KIND_INDEX,
} DistrettoComponentKind;

#define DISTRETTO_TYPE_COHERENCE (distretto_coherence_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoCoherence, distretto_coherence, DISTRETTO, COHERENCE, GObject)

DistrettoCoherence    *distretto_coherence_new                (DistrettoPillar         **pillars,
                                                               guint                     n_pillars,
                                                               DistrettoIndicatorResult *result,
                                                               DistrettoDataset         *dataset,
                                                               int                       level);
guint                  distretto_coherence_get_n_regions      (DistrettoCoherence *self);
guint                  distretto_coherence_get_n_components   (DistrettoCoherence *self);
const char            *distretto_coherence_get_component_id   (DistrettoCoherence *self,
                                                               guint               index);
DistrettoComponentKind distretto_coherence_get_component_kind (DistrettoCoherence *self,
                                                               guint               index);
int                    distretto_coherence_get_component_pillar (DistrettoCoherence *self,
                                                                 guint               index);
int                    distretto_coherence_find_component     (DistrettoCoherence *self,
                                                               const char         *component_id);
double                 distretto_coherence_get_correlation    (DistrettoCoherence *self,
                                                               guint               row,
                                                               guint               column);
gboolean               distretto_coherence_is_flagged         (DistrettoCoherence *self,
                                                               guint               row,
                                                               guint               column);
guint                  distretto_coherence_get_n_flagged      (DistrettoCoherence *self);
double                 distretto_coherence_get_alpha          (DistrettoCoherence *self,
                                                               guint               pillar);
gboolean               distretto_coherence_is_alpha_low       (DistrettoCoherence *self,
                                                               guint               pillar);

G_END_DECLS
