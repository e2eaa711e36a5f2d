/* distretto-report-private.h: the pages of a multi-page PDF report
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "../chart/distretto-chart.h"

G_BEGIN_DECLS

/* A4 in points, and the margins of every page. */
#define DISTRETTO_REPORT_PAGE_WIDTH  595.0
#define DISTRETTO_REPORT_PAGE_HEIGHT 842.0
#define DISTRETTO_REPORT_MARGIN      50.0

typedef struct _DistrettoReportWriter DistrettoReportWriter;

/* How a run of text looks. */
typedef enum
{
  DISTRETTO_REPORT_TEXT_BODY,       /* 10 pt */
  DISTRETTO_REPORT_TEXT_SMALL,      /* 8.5 pt, muted */
  DISTRETTO_REPORT_TEXT_HEADING,    /* 13 pt bold */
  DISTRETTO_REPORT_TEXT_TITLE,      /* 20 pt bold */
  DISTRETTO_REPORT_TEXT_COVER,      /* 30 pt bold */
  DISTRETTO_REPORT_TEXT_FIGURE,     /* 18 pt bold, a key figure's value */
} DistrettoReportText;

DistrettoReportWriter *_distretto_report_writer_new        (const char            *footer,
                                                            gboolean               synthetic);
void                   _distretto_report_writer_free       (DistrettoReportWriter *self);
void                   _distretto_report_writer_new_page   (DistrettoReportWriter *self);
cairo_t               *_distretto_report_writer_get_cr     (DistrettoReportWriter *self);
double                 _distretto_report_writer_get_y      (DistrettoReportWriter *self);
void                   _distretto_report_writer_skip       (DistrettoReportWriter *self,
                                                            double                 height);
void                   _distretto_report_writer_ensure     (DistrettoReportWriter *self,
                                                            double                 height);
double                 _distretto_report_writer_measure    (DistrettoReportWriter *self,
                                                            const char            *text,
                                                            DistrettoReportText    kind,
                                                            double                 width);
void                   _distretto_report_writer_text       (DistrettoReportWriter *self,
                                                            const char            *text,
                                                            DistrettoReportText    kind);
void                   _distretto_report_writer_text_at    (DistrettoReportWriter *self,
                                                            const char            *text,
                                                            DistrettoReportText    kind,
                                                            double                 x,
                                                            double                 y,
                                                            double                 width);
void                   _distretto_report_writer_chart      (DistrettoReportWriter *self,
                                                            DistrettoChart        *chart,
                                                            double                 height);
void                   _distretto_report_writer_rule       (DistrettoReportWriter *self);
void                   _distretto_report_writer_box        (DistrettoReportWriter *self,
                                                            const char            *text);
guint                  _distretto_report_writer_get_n_pages (DistrettoReportWriter *self);
GBytes                *_distretto_report_writer_finish     (DistrettoReportWriter *self,
                                                            const char            *title,
                                                            GDateTime             *date,
                                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DistrettoReportWriter, _distretto_report_writer_free)

G_END_DECLS
