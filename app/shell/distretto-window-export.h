/* distretto-window-export.h: what the window hands out: export, copy, print, report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "distretto-window.h"

G_BEGIN_DECLS

void _distretto_window_export_class_init (GtkWidgetClass  *widget_class);
void _distretto_window_export_init       (DistrettoWindow *self);

GdkContentProvider *distretto_window_export_create_clipboard_content (DistrettoChart *chart,
                                                                      int             width,
                                                                      int             height);
gboolean            distretto_window_export_write_report (DistrettoWindow  *self,
                                                          const char       *region,
                                                          GFile            *file,
                                                          GError          **error);

G_END_DECLS
