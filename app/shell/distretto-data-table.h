/* distretto-data-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <distretto.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_DATA_TABLE (distretto_data_table_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoDataTable, distretto_data_table, DISTRETTO, DATA_TABLE, GtkWidget)

GtkWidget      *distretto_data_table_new             (void);
void            distretto_data_table_set_chart       (DistrettoDataTable *self,
                                                      DistrettoChart     *chart);
DistrettoChart *distretto_data_table_get_chart       (DistrettoDataTable *self);
GListModel     *distretto_data_table_get_rows        (DistrettoDataTable *self);
GtkColumnView  *distretto_data_table_get_column_view (DistrettoDataTable *self);
char           *distretto_data_table_dup_text        (DistrettoDataTable *self);

G_END_DECLS
