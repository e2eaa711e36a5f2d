/* distretto-cached-table.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_CACHED_TABLE (distretto_cached_table_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoCachedTable, distretto_cached_table, DISTRETTO, CACHED_TABLE, GObject)

const char *distretto_cached_table_get_table      (DistrettoCachedTable *self);
int         distretto_cached_table_get_since      (DistrettoCachedTable *self);
GFile      *distretto_cached_table_get_file       (DistrettoCachedTable *self);
const char *distretto_cached_table_get_url        (DistrettoCachedTable *self);
GDateTime  *distretto_cached_table_get_downloaded (DistrettoCachedTable *self);
guint64     distretto_cached_table_get_size       (DistrettoCachedTable *self);
gboolean    distretto_cached_table_is_from_cache  (DistrettoCachedTable *self);

G_END_DECLS
