/* distretto-progress.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_PROGRESS (distretto_progress_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoProgress, distretto_progress, DISTRETTO, PROGRESS, GObject)

DistrettoProgress *distretto_progress_new          (void);
double             distretto_progress_get_fraction (DistrettoProgress *self);
void               distretto_progress_set_fraction (DistrettoProgress *self,
                                                    double             fraction);

G_END_DECLS
