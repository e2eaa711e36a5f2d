/* distretto-method-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <distretto.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_METHOD_PAGE (distretto_method_page_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoMethodPage, distretto_method_page, DISTRETTO, METHOD_PAGE, GtkWidget)

GtkWidget           *distretto_method_page_new                  (void);
void                 distretto_method_page_show                 (DistrettoMethodPage   *self,
                                                                 DistrettoViewRequest  *request);
AdwPreferencesGroup *distretto_method_page_get_steps_group      (DistrettoMethodPage   *self);
AdwPreferencesGroup *distretto_method_page_get_coherence_group  (DistrettoMethodPage   *self);
AdwPreferencesGroup *distretto_method_page_get_references_group (DistrettoMethodPage   *self);

G_END_DECLS
