/* distretto-module-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

G_BEGIN_DECLS

/* One of the extra views a module draws itself, ready to render. */
typedef struct
{
  DistrettoIndicator *indicator;
  char *view_id;
  DistrettoDataset *dataset;
  int year;
} DistrettoModuleView;

DistrettoModuleView *distretto_module_view_new    (DistrettoIndicator   *indicator,
                                                   const char           *view_id,
                                                   DistrettoDataset     *dataset,
                                                   GError              **error);
void                 distretto_module_view_free   (DistrettoModuleView  *view);
gboolean             distretto_module_view_render (cairo_t              *cr,
                                                   double                width,
                                                   double                height,
                                                   gpointer              user_data,
                                                   GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DistrettoModuleView, distretto_module_view_free)

G_END_DECLS
