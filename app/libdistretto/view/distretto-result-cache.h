/* distretto-result-cache.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "../data/distretto-dataset.h"
#include "../plugin/distretto-indicator.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_RESULT_CACHE (distretto_result_cache_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoResultCache, distretto_result_cache, DISTRETTO, RESULT_CACHE, GObject)

DistrettoResultCache     *distretto_result_cache_new     (void);
int                       distretto_result_cache_choose_year (DistrettoResultCache  *self,
                                                              DistrettoIndicator    *indicator,
                                                              DistrettoDataset      *dataset,
                                                              GError               **error);
int                      *distretto_result_cache_dup_years   (DistrettoResultCache  *self,
                                                              DistrettoIndicator    *indicator,
                                                              DistrettoDataset      *dataset,
                                                              guint                 *n_years);
DistrettoIndicatorResult *distretto_result_cache_compute (DistrettoResultCache  *self,
                                                          DistrettoIndicator    *indicator,
                                                          DistrettoDataset      *dataset,
                                                          int                    year,
                                                          const DistrettoMethod *method,
                                                          GError               **error);

G_END_DECLS
