/* distretto-dataset-private.h: how importers fill a dataset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-dataset.h"

G_BEGIN_DECLS

DistrettoDataset *_distretto_dataset_new      (GPtrArray        *regions,
                                               GPtrArray        *series_codes,
                                               int               first_year,
                                               int               last_year);
gboolean          _distretto_dataset_set_cell (DistrettoDataset *self,
                                               guint             series_index,
                                               guint             region_index,
                                               int               year,
                                               double            value,
                                               DistrettoFlags    flags);

G_END_DECLS
