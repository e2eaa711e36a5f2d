/* distretto-eurostat-private.h: the fetcher's cache, shared between its files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "distretto-cached-table.h"
#include "distretto-eurostat-fetcher.h"

G_BEGIN_DECLS

DistrettoCachedTable *_distretto_cached_table_new              (const char               *table,
                                                                int                       since,
                                                                const char               *path,
                                                                const char               *url,
                                                                GDateTime                *downloaded,
                                                                guint64                   size,
                                                                gboolean                  from_cache);

char                 *_distretto_eurostat_cache_path           (const char               *cache_dir,
                                                                const char               *table,
                                                                int                       since,
                                                                DistrettoEurostatFormat   format);
DistrettoCachedTable *_distretto_eurostat_cache_lookup         (const char               *cache_dir,
                                                                const char               *table,
                                                                int                       since,
                                                                DistrettoEurostatFormat   format);
void                  _distretto_eurostat_cache_remove_stale   (const char               *cache_dir);
gboolean              _distretto_eurostat_cache_read_info      (const char               *path,
                                                                GDateTime               **downloaded,
                                                                char                    **url);
int                   _distretto_eurostat_cache_open_temp      (const char               *cache_dir,
                                                                const char               *table,
                                                                char                    **temp_path,
                                                                GError                  **error);
void                  _distretto_eurostat_cache_discard        (int                       fd,
                                                                const char               *temp_path);
DistrettoCachedTable *_distretto_eurostat_cache_commit         (int                       fd,
                                                                const char               *temp_path,
                                                                const char               *cache_dir,
                                                                const char               *table,
                                                                int                       since,
                                                                DistrettoEurostatFormat   format,
                                                                const char               *url,
                                                                GError                  **error);

G_END_DECLS
