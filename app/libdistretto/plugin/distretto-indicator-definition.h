/* distretto-indicator-definition.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "../data/distretto-series.h"
#include "../index/distretto-method.h"
#include "../index/distretto-pillar.h"
#include "../index/distretto-uncertainty.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_INDICATOR_DEFINITION (distretto_indicator_definition_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoIndicatorDefinition, distretto_indicator_definition, DISTRETTO, INDICATOR_DEFINITION, GObject)

DistrettoIndicatorDefinition *distretto_indicator_definition_new                 (const char                   *id,
                                                                                  const char                   *title);
const char                   *distretto_indicator_definition_get_id              (DistrettoIndicatorDefinition *self);
const char                   *distretto_indicator_definition_get_title           (DistrettoIndicatorDefinition *self);
const char                   *distretto_indicator_definition_get_description     (DistrettoIndicatorDefinition *self);
void                          distretto_indicator_definition_set_description     (DistrettoIndicatorDefinition *self,
                                                                                  const char                   *description);
const char                   *distretto_indicator_definition_get_unit            (DistrettoIndicatorDefinition *self);
void                          distretto_indicator_definition_set_unit            (DistrettoIndicatorDefinition *self,
                                                                                  const char                   *unit);
const char * const           *distretto_indicator_definition_get_required_series (DistrettoIndicatorDefinition *self);
void                          distretto_indicator_definition_set_required_series (DistrettoIndicatorDefinition *self,
                                                                                  const char * const           *series_codes);

DistrettoDirection            distretto_indicator_definition_get_direction       (DistrettoIndicatorDefinition *self);
const char                   *distretto_indicator_definition_get_category        (DistrettoIndicatorDefinition *self);
DistrettoNormalisation        distretto_indicator_definition_get_normalisation   (DistrettoIndicatorDefinition *self);
DistrettoAggregation          distretto_indicator_definition_get_within_pillars  (DistrettoIndicatorDefinition *self);
DistrettoAggregation          distretto_indicator_definition_get_across_pillars  (DistrettoIndicatorDefinition *self);
DistrettoImputation           distretto_indicator_definition_get_imputation      (DistrettoIndicatorDefinition *self);
const char                   *distretto_indicator_definition_get_method_note     (DistrettoIndicatorDefinition *self);
const char * const           *distretto_indicator_definition_get_references      (DistrettoIndicatorDefinition *self);
void                          distretto_indicator_definition_add_pillar          (DistrettoIndicatorDefinition *self,
                                                                                  DistrettoPillar              *pillar);
guint                         distretto_indicator_definition_get_n_pillars       (DistrettoIndicatorDefinition *self);
DistrettoPillar              *distretto_indicator_definition_get_pillar          (DistrettoIndicatorDefinition *self,
                                                                                  guint                         index);
char                        **distretto_indicator_definition_dup_all_series      (DistrettoIndicatorDefinition *self);
char                        **distretto_indicator_definition_dup_tables          (DistrettoIndicatorDefinition *self);
void                          distretto_indicator_definition_add_view            (DistrettoIndicatorDefinition *self,
                                                                                  const char                   *view_id,
                                                                                  const char                   *title);
char                        **distretto_indicator_definition_dup_view_ids        (DistrettoIndicatorDefinition *self);
const char                   *distretto_indicator_definition_get_view_title      (DistrettoIndicatorDefinition *self,
                                                                                  const char                   *view_id);
guint                         distretto_indicator_definition_get_carry_forward   (DistrettoIndicatorDefinition *self);
DistrettoMethod              *distretto_indicator_definition_dup_method          (DistrettoIndicatorDefinition *self);
void                          distretto_indicator_definition_set_uncertainty     (DistrettoIndicatorDefinition   *self,
                                                                                  const DistrettoUncertaintySpec *spec);
DistrettoUncertaintySpec     *distretto_indicator_definition_dup_uncertainty     (DistrettoIndicatorDefinition *self);
DistrettoSubIndicator        *distretto_indicator_definition_to_sub_indicator    (DistrettoIndicatorDefinition *self,
                                                                                  const char                   *id,
                                                                                  const char                   *label);
void                          distretto_indicator_definition_add_component       (DistrettoIndicatorDefinition *self,
                                                                                  const char                   *component_id,
                                                                                  const char                   *title);
char                        **distretto_indicator_definition_dup_component_ids   (DistrettoIndicatorDefinition *self);
const char                   *distretto_indicator_definition_get_component_title (DistrettoIndicatorDefinition *self,
                                                                                  const char                   *component_id);
void                          distretto_indicator_definition_add_structural_variable (DistrettoIndicatorDefinition *self,
                                                                                      DistrettoSubIndicator        *variable);
guint                         distretto_indicator_definition_get_n_structural_variables (DistrettoIndicatorDefinition *self);
DistrettoSubIndicator        *distretto_indicator_definition_get_structural_variable (DistrettoIndicatorDefinition *self,
                                                                                      guint                         index);
gboolean                      distretto_indicator_definition_validate            (DistrettoIndicatorDefinition *self,
                                                                                  GError                      **error);

G_END_DECLS
