/* distretto-indicator-private.h: the cache of a module's computations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-indicator.h"

G_BEGIN_DECLS

typedef GObject *(*DistrettoCacheCompute) (DistrettoIndicator  *self,
                                           DistrettoDataset    *dataset,
                                           gpointer             data,
                                           GCancellable        *cancellable,
                                           GError             **error);

GObject *_distretto_indicator_cache_get    (DistrettoIndicator     *self,
                                            DistrettoDataset       *dataset,
                                            const char             *key,
                                            DistrettoCacheCompute   compute,
                                            gpointer                data,
                                            GCancellable           *cancellable,
                                            GError                **error);
GObject *_distretto_indicator_cache_peek   (DistrettoIndicator     *self,
                                            DistrettoDataset       *dataset,
                                            const char             *key);
void     _distretto_indicator_cache_forget (DistrettoIndicator     *self);
GMutex  *_distretto_indicator_get_own_code_lock (DistrettoIndicator *self);
gboolean _distretto_indicator_has_own_compute    (DistrettoIndicator *self);

G_END_DECLS
