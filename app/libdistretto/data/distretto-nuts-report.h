/* distretto-nuts-report.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "distretto-nuts.h"

G_BEGIN_DECLS

#define DISTRETTO_TYPE_NUTS_REPORT (distretto_nuts_report_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoNutsReport, distretto_nuts_report, DISTRETTO, NUTS_REPORT, GObject)

int                  distretto_nuts_report_get_version      (DistrettoNutsReport *self);
guint                distretto_nuts_report_get_n_entries    (DistrettoNutsReport *self);
const char          *distretto_nuts_report_get_code         (DistrettoNutsReport *self,
                                                             guint                index);
int                  distretto_nuts_report_get_code_version (DistrettoNutsReport *self,
                                                             guint                index);
DistrettoNutsChange  distretto_nuts_report_get_change       (DistrettoNutsReport *self,
                                                             guint                index);
const char * const  *distretto_nuts_report_get_targets      (DistrettoNutsReport *self,
                                                             guint                index);
gboolean             distretto_nuts_report_is_abolished     (DistrettoNutsReport *self,
                                                             guint                index);
guint                distretto_nuts_report_get_n_carried    (DistrettoNutsReport *self,
                                                             guint                index);
guint                distretto_nuts_report_get_n_dropped    (DistrettoNutsReport *self,
                                                             guint                index);
int                  distretto_nuts_report_find             (DistrettoNutsReport *self,
                                                             const char          *code);
guint                distretto_nuts_report_count            (DistrettoNutsReport *self,
                                                             DistrettoNutsChange  change);
char                *distretto_nuts_report_describe         (DistrettoNutsReport *self,
                                                             guint                index);

G_END_DECLS
