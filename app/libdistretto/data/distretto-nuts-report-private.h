/* distretto-nuts-report-private.h: how recoding fills a report
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-nuts-report.h"

G_BEGIN_DECLS

DistrettoNutsReport *_distretto_nuts_report_new         (int                   version);
guint                _distretto_nuts_report_add         (DistrettoNutsReport  *self,
                                                         const char           *code,
                                                         int                   version,
                                                         DistrettoNutsChange   change,
                                                         char                **targets,
                                                         gboolean              abolished);
void                 _distretto_nuts_report_count_cells (DistrettoNutsReport  *self,
                                                         guint                 index,
                                                         guint                 n_present,
                                                         guint                 n_carried);

G_END_DECLS
