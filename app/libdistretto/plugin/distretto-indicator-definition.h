/* distretto-indicator-definition.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

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

G_END_DECLS
