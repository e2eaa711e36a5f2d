/* distretto-chart-bands.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Draws rows [top, bottom) of an image; bands of rows are drawn at once
 * on several cores, so a band must write its own rows only. */
typedef void (*DistrettoBandFunc) (gpointer data,
                                   int      top,
                                   int      bottom);

guint _distretto_bands_get_n_threads (void);
void  _distretto_bands_run           (int               top,
                                      int               bottom,
                                      const guint      *work,
                                      DistrettoBandFunc func,
                                      gpointer          data);

G_END_DECLS
