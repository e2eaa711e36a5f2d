/* distretto-fetch-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <distretto.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_FETCH_DIALOG (distretto_fetch_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoFetchDialog, distretto_fetch_dialog, DISTRETTO, FETCH_DIALOG, AdwWindow)

DistrettoFetchDialog *distretto_fetch_dialog_new             (GtkWindow                *parent,
                                                              DistrettoEurostatFetcher *fetcher,
                                                              const char               *module_title,
                                                              const char * const       *tables);
void                  distretto_fetch_dialog_add_table       (DistrettoFetchDialog     *self,
                                                              const char               *table);
guint                 distretto_fetch_dialog_get_n_tables    (DistrettoFetchDialog     *self);
const char           *distretto_fetch_dialog_get_table_state (DistrettoFetchDialog     *self,
                                                              guint                     index);
void                  distretto_fetch_dialog_download        (DistrettoFetchDialog     *self);
void                  distretto_fetch_dialog_cancel          (DistrettoFetchDialog     *self);

G_END_DECLS
