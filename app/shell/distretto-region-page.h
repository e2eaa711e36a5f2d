/* distretto-region-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <distretto.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_REGION_PAGE (distretto_region_page_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoRegionPage, distretto_region_page, DISTRETTO, REGION_PAGE, GtkWidget)

GtkWidget          *distretto_region_page_new                 (void);
void                distretto_region_page_show                (DistrettoRegionPage *self,
                                                               GListModel          *modules,
                                                               DistrettoDataset    *dataset,
                                                               const char          *region,
                                                               const char          *module_id,
                                                               int                  year,
                                                               GHashTable          *weights);
const char         *distretto_region_page_get_region          (DistrettoRegionPage *self);
const char * const *distretto_region_page_get_peers           (DistrettoRegionPage *self);
gboolean            distretto_region_page_is_loading          (DistrettoRegionPage *self);
void                distretto_region_page_set_is_my_region    (DistrettoRegionPage *self,
                                                               gboolean             is_mine);
GtkLabel           *distretto_region_page_get_rank_label      (DistrettoRegionPage *self);
GtkLabel           *distretto_region_page_get_sentences_label (DistrettoRegionPage *self);
GtkListBox         *distretto_region_page_get_peers_list      (DistrettoRegionPage *self);
GtkListBox         *distretto_region_page_get_modules_list    (DistrettoRegionPage *self);

G_END_DECLS
