/* distretto-view.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "../chart/distretto-chart.h"
#include "../plugin/distretto-indicator.h"
#include "distretto-view-request.h"

G_BEGIN_DECLS

/**
 * DistrettoViewNeeds:
 * @DISTRETTO_VIEW_NEEDS_NOTHING: any module can fill the view
 * @DISTRETTO_VIEW_NEEDS_PILLARS: the view charts pillars or declared
 *   components
 * @DISTRETTO_VIEW_NEEDS_BOUNDARIES: the view is a map
 * @DISTRETTO_VIEW_TAKES_REGIONS: the view draws the regions of
 *   distretto_view_request_set_regions()
 * @DISTRETTO_VIEW_NEEDS_REGION: the view is about the selected region
 *   (distretto_view_request_set_selected()), such as a piece of the
 *   region page
 * @DISTRETTO_VIEW_NEEDS_ANALYSIS: the view varies the module's method
 *   (the Monte Carlo uncertainty analysis): the module declares pillars
 *   and the host computes its scores (distretto_indicator_computes_declared())
 *
 * What a built-in view needs and takes.
 */
typedef enum /*< flags >*/
{
  DISTRETTO_VIEW_NEEDS_NOTHING    = 0,
  DISTRETTO_VIEW_NEEDS_PILLARS    = 1 << 0,
  DISTRETTO_VIEW_NEEDS_BOUNDARIES = 1 << 1,
  DISTRETTO_VIEW_TAKES_REGIONS    = 1 << 2,
  DISTRETTO_VIEW_NEEDS_REGION     = 1 << 3,
  DISTRETTO_VIEW_NEEDS_ANALYSIS   = 1 << 4,
} DistrettoViewNeeds;

char             **distretto_view_dup_builtin_ids   (void);
gboolean           distretto_view_is_builtin        (const char                   *view_id);
const char        *distretto_view_get_title         (const char                   *view_id);
DistrettoViewNeeds distretto_view_get_needs         (const char                   *view_id);
char             **distretto_view_dup_ids_for       (DistrettoIndicatorDefinition *definition);
const char        *distretto_view_get_title_for     (DistrettoIndicatorDefinition *definition,
                                                     const char                   *view_id);
gboolean           distretto_view_check_definition  (DistrettoIndicatorDefinition *definition,
                                                     GError                      **error);
DistrettoChart    *distretto_view_build             (const char                   *view_id,
                                                     DistrettoViewRequest         *request,
                                                     GError                      **error);
GPtrArray         *distretto_view_dup_compared_regions (DistrettoDataset          *dataset,
                                                        int                        level);
GPtrArray         *distretto_view_dup_sources       (DistrettoIndicatorDefinition *definition,
                                                     DistrettoDataset             *dataset);
char              *distretto_view_dup_source_line   (GPtrArray                    *sources,
                                                     gboolean                      synthetic);

G_END_DECLS
