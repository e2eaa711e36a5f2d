/* distretto-parallel-private.h: tasks run on every core
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs task @index of a batch; tasks of one batch may run at once. */
typedef void (*DistrettoTaskFunc) (gpointer data,
                                   guint    index);

guint _distretto_parallel_get_n_threads (void);
void  _distretto_parallel_run           (guint             n_threads,
                                         guint             n_tasks,
                                         DistrettoTaskFunc func,
                                         gpointer          data);

G_END_DECLS
