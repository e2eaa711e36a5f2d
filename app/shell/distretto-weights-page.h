/* distretto-weights-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <distretto.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_WEIGHTS_PAGE (distretto_weights_page_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoWeightsPage, distretto_weights_page, DISTRETTO, WEIGHTS_PAGE, GtkWidget)

GtkWidget    *distretto_weights_page_new           (void);
void          distretto_weights_page_set_module    (DistrettoWeightsPage         *self,
                                                    DistrettoIndicatorDefinition *definition,
                                                    gboolean                      adjustable,
                                                    GHashTable                   *weights);
void          distretto_weights_page_set_effective (DistrettoWeightsPage         *self,
                                                    const double                 *effective,
                                                    guint                         n_effective);
GtkRange     *distretto_weights_page_get_scale     (DistrettoWeightsPage         *self,
                                                    guint                         index);
AdwActionRow *distretto_weights_page_get_row       (DistrettoWeightsPage         *self,
                                                    guint                         index);

G_END_DECLS
