/* distretto-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_CHART_VIEW (distretto_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoChartView, distretto_chart_view, DISTRETTO, CHART_VIEW, GtkWidget)

GtkWidget      *distretto_chart_view_new       (void);
DistrettoChart *distretto_chart_view_get_chart (DistrettoChartView *self);
void            distretto_chart_view_set_chart (DistrettoChartView *self,
                                                DistrettoChart     *chart);
gboolean        distretto_chart_view_get_shows_module_view (DistrettoChartView *self);
char           *distretto_chart_view_dup_description (DistrettoChartView *self);
void            distretto_chart_view_reveal_selected (DistrettoChartView *self);
void            distretto_chart_view_set_selected    (DistrettoChartView *self,
                                                      const char         *code);

G_END_DECLS
