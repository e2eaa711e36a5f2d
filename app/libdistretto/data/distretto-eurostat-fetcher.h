/* distretto-eurostat-fetcher.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <gio/gio.h>

#include "distretto-cached-table.h"

G_BEGIN_DECLS

/**
 * DISTRETTO_FETCH_ERROR:
 *
 * The error domain of #DistrettoEurostatFetcher.
 */
#define DISTRETTO_FETCH_ERROR (distretto_fetch_error_quark ())

/**
 * DistrettoFetchError:
 * @DISTRETTO_FETCH_ERROR_INVALID_TABLE: the name is not a Eurostat table code
 * @DISTRETTO_FETCH_ERROR_UNREACHABLE: the server cannot be reached
 * @DISTRETTO_FETCH_ERROR_TIMED_OUT: the server stopped answering for longer than the timeout
 * @DISTRETTO_FETCH_ERROR_NOT_FOUND: the server has no such table (HTTP 404)
 * @DISTRETTO_FETCH_ERROR_HTTP: the server answered with another HTTP error
 * @DISTRETTO_FETCH_ERROR_TRUNCATED: the answer ended before the whole table was sent
 * @DISTRETTO_FETCH_ERROR_NOT_DATA: the answer is not a data table Distretto reads
 * @DISTRETTO_FETCH_ERROR_CACHE: the cache folder cannot be written
 *
 * Why a download failed. A cancelled download fails with
 * %G_IO_ERROR_CANCELLED instead. Messages name the table and the address.
 */
typedef enum
{
  DISTRETTO_FETCH_ERROR_INVALID_TABLE,
  DISTRETTO_FETCH_ERROR_UNREACHABLE,
  DISTRETTO_FETCH_ERROR_TIMED_OUT,
  DISTRETTO_FETCH_ERROR_NOT_FOUND,
  DISTRETTO_FETCH_ERROR_HTTP,
  DISTRETTO_FETCH_ERROR_TRUNCATED,
  DISTRETTO_FETCH_ERROR_NOT_DATA,
  DISTRETTO_FETCH_ERROR_CACHE,
} DistrettoFetchError;

/**
 * DistrettoEurostatFormat:
 * @DISTRETTO_EUROSTAT_FORMAT_SDMX_CSV: SDMX-CSV (`format=SDMX-CSV`), the default
 * @DISTRETTO_EUROSTAT_FORMAT_TSV: the gzip-compressed TSV (`format=TSV&compressed=true`), smaller
 *
 * The file format asked of Eurostat's dissemination API.
 */
typedef enum
{
  DISTRETTO_EUROSTAT_FORMAT_SDMX_CSV,
  DISTRETTO_EUROSTAT_FORMAT_TSV,
} DistrettoEurostatFormat;

/**
 * DistrettoFetchFlags:
 * @DISTRETTO_FETCH_FLAGS_NONE: use the cached copy when there is one
 * @DISTRETTO_FETCH_FLAGS_REFRESH: download again even when the table is cached
 *
 * How to fetch a table.
 */
typedef enum /*< flags >*/
{
  DISTRETTO_FETCH_FLAGS_NONE = 0,
  DISTRETTO_FETCH_FLAGS_REFRESH = 1 << 0,
} DistrettoFetchFlags;

/**
 * DISTRETTO_EUROSTAT_DEFAULT_URL:
 *
 * The address of Eurostat's public dissemination API, used unless the
 * environment variable `DISTRETTO_EUROSTAT_URL` or
 * #DistrettoEurostatFetcher:base-url names another.
 */
#define DISTRETTO_EUROSTAT_DEFAULT_URL "https://ec.europa.eu/eurostat/api/dissemination"

/**
 * DISTRETTO_EUROSTAT_DEFAULT_TIMEOUT:
 *
 * Seconds without an answer before a download fails.
 */
#define DISTRETTO_EUROSTAT_DEFAULT_TIMEOUT 60

#define DISTRETTO_TYPE_EUROSTAT_FETCHER (distretto_eurostat_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoEurostatFetcher, distretto_eurostat_fetcher, DISTRETTO, EUROSTAT_FETCHER, GObject)

GQuark                    distretto_fetch_error_quark               (void);
gboolean                  distretto_eurostat_table_code_is_valid    (const char                *table);

DistrettoEurostatFetcher *distretto_eurostat_fetcher_new            (void);
const char               *distretto_eurostat_fetcher_get_base_url   (DistrettoEurostatFetcher  *self);
void                      distretto_eurostat_fetcher_set_base_url   (DistrettoEurostatFetcher  *self,
                                                                     const char                *base_url);
GFile                    *distretto_eurostat_fetcher_get_cache_dir  (DistrettoEurostatFetcher  *self);
void                      distretto_eurostat_fetcher_set_cache_dir  (DistrettoEurostatFetcher  *self,
                                                                     GFile                     *cache_dir);
guint                     distretto_eurostat_fetcher_get_timeout    (DistrettoEurostatFetcher  *self);
void                      distretto_eurostat_fetcher_set_timeout    (DistrettoEurostatFetcher  *self,
                                                                     guint                      timeout);
DistrettoEurostatFormat   distretto_eurostat_fetcher_get_format     (DistrettoEurostatFetcher  *self);
void                      distretto_eurostat_fetcher_set_format     (DistrettoEurostatFetcher  *self,
                                                                     DistrettoEurostatFormat    format);
char                     *distretto_eurostat_fetcher_dup_url        (DistrettoEurostatFetcher  *self,
                                                                     const char                *table,
                                                                     int                        since);
DistrettoCachedTable     *distretto_eurostat_fetcher_lookup         (DistrettoEurostatFetcher  *self,
                                                                     const char                *table,
                                                                     int                        since);
void                      distretto_eurostat_fetcher_fetch_async    (DistrettoEurostatFetcher  *self,
                                                                     const char                *table,
                                                                     int                        since,
                                                                     DistrettoFetchFlags        flags,
                                                                     GCancellable              *cancellable,
                                                                     GAsyncReadyCallback        callback,
                                                                     gpointer                   user_data);
DistrettoCachedTable     *distretto_eurostat_fetcher_fetch_finish   (DistrettoEurostatFetcher  *self,
                                                                     GAsyncResult              *result,
                                                                     GError                   **error);
DistrettoCachedTable     *distretto_eurostat_fetcher_fetch          (DistrettoEurostatFetcher  *self,
                                                                     const char                *table,
                                                                     int                        since,
                                                                     DistrettoFetchFlags        flags,
                                                                     GCancellable              *cancellable,
                                                                     GError                   **error);

G_END_DECLS
