/* distretto-eurostat-fetcher.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>
#include <unistd.h>

#include "distretto-data-format.h"
#include "distretto-enums.h"
#include "distretto-eurostat-fetcher.h"
#include "distretto-eurostat-private.h"

#define CHUNK_SIZE (64 * 1024)

/**
 * DistrettoEurostatFetcher:
 *
 * Downloads tables from Eurostat's public dissemination API (SDMX 2.1,
 * no key needed) into a cache under `$XDG_CACHE_HOME/distretto/eurostat`,
 * where later calls find them without a network.
 *
 * A table is asked for as
 * `<base-url>/sdmx/2.1/data/<TABLE>?format=SDMX-CSV[&startPeriod=<year>]`,
 * or as the gzip-compressed TSV. The base address is Eurostat's unless the
 * environment variable `DISTRETTO_EUROSTAT_URL` or
 * #DistrettoEurostatFetcher:base-url names another (tests point it at a
 * local server).
 *
 * A download enters the cache only whole: it is written to a temporary
 * file in the cache folder, checked against the `Content-Length` the
 * server announced and loaded once with the importers (so an error page
 * or a cut CSV is refused), synced and renamed over the previous copy.
 * On an error, a cancel or a timeout the previous copy stays as it was
 * and the temporary is removed; one left by a process that was killed is
 * removed by the next download. Each failure has one message naming the
 * table and the address.
 */
struct _DistrettoEurostatFetcher
{
  GObject parent_instance;

  char *base_url;
  GFile *cache_dir;
  guint timeout;
  DistrettoEurostatFormat format;
};

G_DEFINE_FINAL_TYPE (DistrettoEurostatFetcher, distretto_eurostat_fetcher, G_TYPE_OBJECT)

G_DEFINE_QUARK (distretto-fetch-error-quark, distretto_fetch_error)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_CACHE_DIR,
  PROP_TIMEOUT,
  PROP_FORMAT,
  N_PROPS
};

enum {
  SIGNAL_PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One download: a copy of the settings it started with, and its progress. */
typedef struct
{
  DistrettoEurostatFetcher *fetcher;
  char *table;                 /* lower case */
  int since;
  DistrettoFetchFlags flags;
  char *cache_dir;
  char *url;
  guint timeout;
  DistrettoEurostatFormat format;
  GTask *task;                 /* NULL when run in the caller's thread */
  GMainContext *context;
  GMutex lock;                 /* guards the fields below */
  guint64 received;
  gint64 total;
  gboolean report_pending;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->fetcher);
  g_free (fetch->table);
  g_free (fetch->cache_dir);
  g_free (fetch->url);
  g_clear_pointer (&fetch->context, g_main_context_unref);
  g_mutex_clear (&fetch->lock);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

static void
distretto_eurostat_fetcher_finalize (GObject *object)
{
  DistrettoEurostatFetcher *self = (DistrettoEurostatFetcher *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_object (&self->cache_dir);

  G_OBJECT_CLASS (distretto_eurostat_fetcher_parent_class)->finalize (object);
}

static void
distretto_eurostat_fetcher_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  DistrettoEurostatFetcher *self = DISTRETTO_EUROSTAT_FETCHER (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_CACHE_DIR:
      g_value_set_object (value, self->cache_dir);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_eurostat_fetcher_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  DistrettoEurostatFetcher *self = DISTRETTO_EUROSTAT_FETCHER (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      distretto_eurostat_fetcher_set_base_url (self, g_value_get_string (value));
      break;

    case PROP_CACHE_DIR:
      distretto_eurostat_fetcher_set_cache_dir (self, g_value_get_object (value));
      break;

    case PROP_TIMEOUT:
      distretto_eurostat_fetcher_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_FORMAT:
      distretto_eurostat_fetcher_set_format (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
distretto_eurostat_fetcher_class_init (DistrettoEurostatFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = distretto_eurostat_fetcher_finalize;
  object_class->get_property = distretto_eurostat_fetcher_get_property;
  object_class->set_property = distretto_eurostat_fetcher_set_property;

  /**
   * DistrettoEurostatFetcher:base-url:
   *
   * The address of the dissemination API, without the `/sdmx/2.1/…`
   * part. Setting %NULL goes back to `DISTRETTO_EUROSTAT_URL`, or to
   * %DISTRETTO_EUROSTAT_DEFAULT_URL when that is not set.
   */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoEurostatFetcher:cache-dir:
   *
   * The folder of downloaded tables. Setting %NULL goes back to
   * `distretto/eurostat` in g_get_user_cache_dir().
   */
  properties[PROP_CACHE_DIR] =
    g_param_spec_object ("cache-dir", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoEurostatFetcher:timeout:
   *
   * Seconds to wait for the server, to connect or between two pieces of
   * the answer, before the download fails.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT, DISTRETTO_EUROSTAT_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * DistrettoEurostatFetcher:format:
   *
   * The file format to download.
   */
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL, DISTRETTO_TYPE_EUROSTAT_FORMAT,
                       DISTRETTO_EUROSTAT_FORMAT_SDMX_CSV,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DistrettoEurostatFetcher::progress:
   * @self: a #DistrettoEurostatFetcher
   * @table: the table being downloaded
   * @received: bytes received so far
   * @total: the size the server announced, or -1
   *
   * Emitted as a download proceeds, in the thread-default main context
   * of the caller of distretto_eurostat_fetcher_fetch_async(), or in the
   * caller's thread for distretto_eurostat_fetcher_fetch().
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_UINT64, G_TYPE_INT64);
}

static void
distretto_eurostat_fetcher_init (DistrettoEurostatFetcher *self)
{
  self->timeout = DISTRETTO_EUROSTAT_DEFAULT_TIMEOUT;
  distretto_eurostat_fetcher_set_base_url (self, NULL);
  distretto_eurostat_fetcher_set_cache_dir (self, NULL);
}

/**
 * distretto_eurostat_table_code_is_valid:
 * @table: a name
 *
 * Tells whether @table can be a Eurostat table code: letters, digits and
 * `_` only, such as `nama_10r_2gdp` or `TGS00050`.
 *
 * Returns: %TRUE when it can
 */
gboolean
distretto_eurostat_table_code_is_valid (const char *table)
{
  gsize len = 0;

  if (table == NULL)
    return FALSE;

  for (const char *p = table; *p; p++, len++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return len > 0 && len <= 64;
}

/**
 * distretto_eurostat_fetcher_new:
 *
 * Returns: (transfer full): a new #DistrettoEurostatFetcher
 */
DistrettoEurostatFetcher *
distretto_eurostat_fetcher_new (void)
{
  return g_object_new (DISTRETTO_TYPE_EUROSTAT_FETCHER, NULL);
}

/**
 * distretto_eurostat_fetcher_get_base_url:
 * @self: a #DistrettoEurostatFetcher
 *
 * Returns: the address of the dissemination API
 */
const char *
distretto_eurostat_fetcher_get_base_url (DistrettoEurostatFetcher *self)
{
  g_return_val_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self), NULL);

  return self->base_url;
}

/**
 * distretto_eurostat_fetcher_set_base_url:
 * @self: a #DistrettoEurostatFetcher
 * @base_url: (nullable): an address such as `http://127.0.0.1:8080`, or
 *   %NULL for the default
 *
 * Sets the address of the dissemination API.
 */
void
distretto_eurostat_fetcher_set_base_url (DistrettoEurostatFetcher *self,
                                         const char               *base_url)
{
  g_autofree char *url = NULL;

  g_return_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self));

  if (base_url == NULL)
    base_url = g_getenv ("DISTRETTO_EUROSTAT_URL");
  if (base_url == NULL || *base_url == '\0')
    base_url = DISTRETTO_EUROSTAT_DEFAULT_URL;

  url = g_strdup (base_url);
  while (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';

  if (g_strcmp0 (url, self->base_url) == 0)
    return;

  g_free (self->base_url);
  self->base_url = g_steal_pointer (&url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

/**
 * distretto_eurostat_fetcher_get_cache_dir:
 * @self: a #DistrettoEurostatFetcher
 *
 * Returns: (transfer none): the folder of downloaded tables
 */
GFile *
distretto_eurostat_fetcher_get_cache_dir (DistrettoEurostatFetcher *self)
{
  g_return_val_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self), NULL);

  return self->cache_dir;
}

/**
 * distretto_eurostat_fetcher_set_cache_dir:
 * @self: a #DistrettoEurostatFetcher
 * @cache_dir: (nullable): a local folder, or %NULL for the default
 *
 * Sets the folder of downloaded tables; it is made when needed.
 */
void
distretto_eurostat_fetcher_set_cache_dir (DistrettoEurostatFetcher *self,
                                          GFile                    *cache_dir)
{
  g_autoptr(GFile) dir = NULL;

  g_return_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self));
  g_return_if_fail (cache_dir == NULL || G_IS_FILE (cache_dir));

  if (cache_dir != NULL)
    dir = g_object_ref (cache_dir);
  else
    dir = g_file_new_build_filename (g_get_user_cache_dir (), "distretto", "eurostat", NULL);

  if (self->cache_dir != NULL && g_file_equal (dir, self->cache_dir))
    return;

  g_set_object (&self->cache_dir, dir);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_DIR]);
}

/**
 * distretto_eurostat_fetcher_get_timeout:
 * @self: a #DistrettoEurostatFetcher
 *
 * Returns: the timeout in seconds
 */
guint
distretto_eurostat_fetcher_get_timeout (DistrettoEurostatFetcher *self)
{
  g_return_val_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self), 0);

  return self->timeout;
}

/**
 * distretto_eurostat_fetcher_set_timeout:
 * @self: a #DistrettoEurostatFetcher
 * @timeout: seconds, at least 1
 *
 * Sets how long to wait for the server before a download fails.
 */
void
distretto_eurostat_fetcher_set_timeout (DistrettoEurostatFetcher *self,
                                        guint                     timeout)
{
  g_return_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self));
  g_return_if_fail (timeout > 0);

  if (self->timeout == timeout)
    return;

  self->timeout = timeout;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * distretto_eurostat_fetcher_get_format:
 * @self: a #DistrettoEurostatFetcher
 *
 * Returns: the file format downloaded
 */
DistrettoEurostatFormat
distretto_eurostat_fetcher_get_format (DistrettoEurostatFetcher *self)
{
  g_return_val_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self), DISTRETTO_EUROSTAT_FORMAT_SDMX_CSV);

  return self->format;
}

/**
 * distretto_eurostat_fetcher_set_format:
 * @self: a #DistrettoEurostatFetcher
 * @format: a #DistrettoEurostatFormat
 *
 * Sets the file format to download; each format is cached on its own.
 */
void
distretto_eurostat_fetcher_set_format (DistrettoEurostatFetcher *self,
                                       DistrettoEurostatFormat   format)
{
  g_return_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self));
  g_return_if_fail (format == DISTRETTO_EUROSTAT_FORMAT_SDMX_CSV || format == DISTRETTO_EUROSTAT_FORMAT_TSV);

  if (self->format == format)
    return;

  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

/**
 * distretto_eurostat_fetcher_dup_url:
 * @self: a #DistrettoEurostatFetcher
 * @table: a Eurostat table code
 * @since: the first year to download, or 0 for every year
 *
 * Returns: (transfer full) (nullable): the address a download of @table
 *   asks for, or %NULL when @table is not a table code
 */
char *
distretto_eurostat_fetcher_dup_url (DistrettoEurostatFetcher *self,
                                    const char               *table,
                                    int                       since)
{
  g_autofree char *code = NULL;
  GString *url;

  g_return_val_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self), NULL);

  if (!distretto_eurostat_table_code_is_valid (table))
    return NULL;

  code = g_ascii_strup (table, -1);
  url = g_string_new (self->base_url);
  g_string_append_printf (url, "/sdmx/2.1/data/%s?", code);
  if (self->format == DISTRETTO_EUROSTAT_FORMAT_TSV)
    g_string_append (url, "format=TSV&compressed=true");
  else
    g_string_append (url, "format=SDMX-CSV");
  if (since > 0)
    g_string_append_printf (url, "&startPeriod=%d", since);

  return g_string_free (url, FALSE);
}

static char *
dup_cache_path (DistrettoEurostatFetcher *self)
{
  return g_file_get_path (self->cache_dir);
}

/**
 * distretto_eurostat_fetcher_lookup:
 * @self: a #DistrettoEurostatFetcher
 * @table: a Eurostat table code
 * @since: the first year, or 0 for every year
 *
 * Looks @table up in the cache, without a network.
 *
 * Returns: (transfer full) (nullable): the cached table, or %NULL when it
 *   was never downloaded (in the current format) or @table is not a code
 */
DistrettoCachedTable *
distretto_eurostat_fetcher_lookup (DistrettoEurostatFetcher *self,
                                   const char               *table,
                                   int                       since)
{
  g_autofree char *code = NULL;
  g_autofree char *cache_dir = NULL;

  g_return_val_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self), NULL);

  if (!distretto_eurostat_table_code_is_valid (table))
    return NULL;

  code = g_ascii_strdown (table, -1);
  cache_dir = dup_cache_path (self);
  if (cache_dir == NULL)
    return NULL;

  return _distretto_eurostat_cache_lookup (cache_dir, code, MAX (since, 0), self->format);
}

static gboolean
emit_progress (gpointer data)
{
  Fetch *fetch = g_task_get_task_data (data);
  guint64 received;
  gint64 total;

  g_mutex_lock (&fetch->lock);
  fetch->report_pending = FALSE;
  received = fetch->received;
  total = fetch->total;
  g_mutex_unlock (&fetch->lock);

  if (!g_task_get_completed (data))
    g_signal_emit (fetch->fetcher, signals[SIGNAL_PROGRESS], 0, fetch->table, received, total);

  return G_SOURCE_REMOVE;
}

/* In the worker: keep the latest count and have at most one report on
 * its way to the caller's main context. */
static void
post_progress (Fetch   *fetch,
               guint64  received,
               gint64   total)
{
  gboolean schedule;

  if (fetch->task == NULL)
    {
      g_signal_emit (fetch->fetcher, signals[SIGNAL_PROGRESS], 0, fetch->table, received, total);
      return;
    }

  g_mutex_lock (&fetch->lock);
  fetch->received = received;
  fetch->total = total;
  schedule = !fetch->report_pending;
  fetch->report_pending = TRUE;
  g_mutex_unlock (&fetch->lock);

  if (schedule)
    g_main_context_invoke_full (fetch->context, G_PRIORITY_DEFAULT, emit_progress,
                                g_object_ref (fetch->task), g_object_unref);
}

/* An error of the connection, before any answer. */
static gboolean
set_transport_error (Fetch         *fetch,
                     const GError  *cause,
                     GError       **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_TIMED_OUT,
                 /* TRANSLATORS: a table code, a web address, then the time-out in seconds */
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s: no answer from %s for %u second",
                              "%s: no answer from %s for %u seconds", fetch->timeout),
                 fetch->table, fetch->url, fetch->timeout);
  else
    g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_UNREACHABLE,
                 /* TRANSLATORS: a Eurostat table code, a web address, then the system's reason */
                 _("%s: cannot reach %s: %s"), fetch->table, fetch->url, cause->message);
  return FALSE;
}

static gboolean
check_status (Fetch        *fetch,
              SoupMessage  *message,
              GError      **error)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;

  if (status == SOUP_STATUS_NOT_FOUND)
    g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_NOT_FOUND,
                 /* TRANSLATORS: a table code, the HTTP status code and reason, then the web
                  * address */
                 _("%s: Eurostat has no such table (HTTP %u %s from %s)"),
                 fetch->table, status, reason, fetch->url);
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_HTTP,
                 /* TRANSLATORS: a table code, the HTTP status code and reason, then the web
                  * address */
                 _("%s: the server failed (HTTP %u %s from %s); try again later"),
                 fetch->table, status, reason, fetch->url);
  else
    g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_HTTP,
                 /* TRANSLATORS: a table code, the HTTP status code and reason, then the web
                  * address */
                 _("%s: the server refused the download (HTTP %u %s from %s)"),
                 fetch->table, status, reason, fetch->url);
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len,
           GError     **error)
{
  while (len > 0)
    {
      gssize written = write (fd, data, len);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
          return FALSE;
        }
      data += written;
      len -= written;
    }

  return TRUE;
}

/* Copies the answer into @fd; fails on a read error, a short body or a
 * full disk. */
static gboolean
receive_body (Fetch         *fetch,
              GInputStream  *stream,
              gint64         total,
              int            fd,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *buffer = g_malloc (CHUNK_SIZE);
  guint64 received = 0;

  post_progress (fetch, 0, total);

  for (;;)
    {
      g_autoptr(GError) read_error = NULL;
      g_autoptr(GError) write_error = NULL;
      gssize n = g_input_stream_read (stream, buffer, CHUNK_SIZE, cancellable, &read_error);

      if (n == 0)
        break;

      if (n < 0)
        {
          if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
              g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
            return set_transport_error (fetch, read_error, error);

          g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_TRUNCATED,
                       /* TRANSLATORS: a table code, a URL, bytes received, the reason */
                       _("%s: the download from %s broke off after %llu bytes: %s"),
                       fetch->table, fetch->url, (unsigned long long) received, read_error->message);
          return FALSE;
        }

      if (!write_all (fd, buffer, n, &write_error))
        {
          g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_CACHE,
                       /* TRANSLATORS: a table code, a folder, then the system's reason */
                       _("%s: cannot write to the cache folder “%s”: %s"),
                       fetch->table, fetch->cache_dir, write_error->message);
          return FALSE;
        }

      received += n;
      post_progress (fetch, received, total);
    }

  if (total >= 0 && received != (guint64) total)
    {
      g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_TRUNCATED,
                   /* TRANSLATORS: a table code, a URL, bytes received, bytes expected */
                   _("%s: the download from %s stopped after %llu of %lld bytes"),
                   fetch->table, fetch->url, (unsigned long long) received, (long long) total);
      return FALSE;
    }

  return TRUE;
}

/* The downloaded file must load with the importers, as the user will
 * load it, and be in the format asked for. */
static gboolean
check_loads (Fetch         *fetch,
             const char    *temp_path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(GError) load_error = NULL;

  mapped = g_mapped_file_new (temp_path, FALSE, &load_error);
  if (mapped != NULL)
    {
      bytes = g_mapped_file_get_bytes (mapped);
      dataset = distretto_dataset_load_bytes (bytes, fetch->table, cancellable, &load_error);
    }

  if (dataset != NULL)
    {
      const char *expected = distretto_data_format_get_name (fetch->format == DISTRETTO_EUROSTAT_FORMAT_TSV
                                                             ? DISTRETTO_DATA_FORMAT_EUROSTAT_TSV
                                                             : DISTRETTO_DATA_FORMAT_SDMX_CSV);
      const char *found = distretto_source_get_format (distretto_dataset_get_source_at (dataset, 0));

      if (g_str_equal (found, expected))
        return TRUE;

      g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_NOT_DATA,
                   /* TRANSLATORS: a table code, a web address, then the format received and the
                    * format asked for (TSV or SDMX-CSV) */
                   _("%s: the answer from %s is %s, not the %s asked for"),
                   fetch->table, fetch->url, found, expected);
      return FALSE;
    }

  if (g_error_matches (load_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&load_error));
  else
    g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_NOT_DATA,
                 /* TRANSLATORS: a table code, a web address, then the importer's message */
                 _("%s: the answer from %s is not a table Distretto reads: %s"),
                 fetch->table, fetch->url, load_error->message);
  return FALSE;
}

static DistrettoCachedTable *
download (Fetch         *fetch,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *user_agent = g_strdup_printf ("Distretto/%s ", PACKAGE_VERSION);
  SoupMessageHeaders *headers;
  const char *content_type;
  gint64 total = -1;
  int fd;

  message = soup_message_new (SOUP_METHOD_GET, fetch->url);
  if (message == NULL)
    {
      g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_UNREACHABLE,
                   /* TRANSLATORS: a table code, then the text given as a web address */
                   _("%s: “%s” is not a web address"), fetch->table, fetch->url);
      return NULL;
    }

  /* The body is stored as sent, so its length can be checked. */
  session = soup_session_new_with_options ("timeout", fetch->timeout, "user-agent", user_agent, NULL);
  soup_session_remove_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);

  stream = soup_session_send (session, message, cancellable, &local_error);
  if (stream == NULL)
    {
      set_transport_error (fetch, local_error, error);
      return NULL;
    }

  if (!check_status (fetch, message, error))
    return NULL;

  headers = soup_message_get_response_headers (message);
  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (content_type != NULL && g_ascii_strcasecmp (content_type, "text/html") == 0)
    {
      g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_NOT_DATA,
                   /* TRANSLATORS: a table code, then a web address */
                   _("%s: %s answered with a web page, not a data table"), fetch->table, fetch->url);
      return NULL;
    }
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    total = soup_message_headers_get_content_length (headers);

  fd = _distretto_eurostat_cache_open_temp (fetch->cache_dir, fetch->table, &temp_path, error);
  if (fd < 0)
    {
      g_prefix_error (error, "%s: ", fetch->table);
      return NULL;
    }

  if (!receive_body (fetch, stream, total, fd, cancellable, error) ||
      !check_loads (fetch, temp_path, cancellable, error))
    {
      _distretto_eurostat_cache_discard (fd, temp_path);
      return NULL;
    }

  g_input_stream_close (stream, NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      _distretto_eurostat_cache_discard (fd, temp_path);
      return NULL;
    }

  return _distretto_eurostat_cache_commit (fd, temp_path, fetch->cache_dir, fetch->table,
                                           fetch->since, fetch->format, fetch->url, error);
}

static DistrettoCachedTable *
run_fetch (Fetch         *fetch,
           GCancellable  *cancellable,
           GError       **error)
{
  _distretto_eurostat_cache_remove_stale (fetch->cache_dir);

  if (!(fetch->flags & DISTRETTO_FETCH_FLAGS_REFRESH))
    {
      DistrettoCachedTable *cached = _distretto_eurostat_cache_lookup (fetch->cache_dir, fetch->table,
                                                                       fetch->since, fetch->format);

      if (cached != NULL)
        return cached;
    }

  return download (fetch, cancellable, error);
}

static Fetch *
fetch_new (DistrettoEurostatFetcher  *self,
           const char                *table,
           int                        since,
           DistrettoFetchFlags        flags,
           GError                   **error)
{
  g_autoptr(Fetch) fetch = g_new0 (Fetch, 1);

  g_mutex_init (&fetch->lock);
  fetch->fetcher = g_object_ref (self);
  fetch->since = MAX (since, 0);
  fetch->flags = flags;
  fetch->timeout = self->timeout;
  fetch->format = self->format;
  fetch->total = -1;

  if (!distretto_eurostat_table_code_is_valid (table))
    {
      g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_INVALID_TABLE,
                   _("“%s” is not a Eurostat table code: expected letters, digits and “_”, such as “nama_10r_2gdp”"),
                   table);
      return NULL;
    }

  fetch->table = g_ascii_strdown (table, -1);
  fetch->url = distretto_eurostat_fetcher_dup_url (self, table, fetch->since);
  fetch->cache_dir = dup_cache_path (self);
  if (fetch->cache_dir == NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->cache_dir);

      g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_CACHE,
                   /* TRANSLATORS: a table code, then the folder given */
                   _("%s: the cache folder “%s” is not a local folder"), fetch->table, uri);
      return NULL;
    }

  return g_steal_pointer (&fetch);
}

static void
fetch_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  DistrettoCachedTable *table = run_fetch (task_data, cancellable, &error);

  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, g_object_unref);
}

/**
 * distretto_eurostat_fetcher_fetch_async:
 * @self: a #DistrettoEurostatFetcher
 * @table: a Eurostat table code, such as `nama_10r_2gdp`
 * @since: the first year to download, or 0 for every year
 * @flags: a #DistrettoFetchFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the table is in the cache
 * @user_data: (closure callback): data for @callback
 *
 * Gets @table into the cache in a worker thread: the cached copy, unless
 * there is none or @flags asks to refresh it, else a download.
 * #DistrettoEurostatFetcher::progress reports the bytes received.
 */
void
distretto_eurostat_fetcher_fetch_async (DistrettoEurostatFetcher *self,
                                        const char               *table,
                                        int                       since,
                                        DistrettoFetchFlags       flags,
                                        GCancellable             *cancellable,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Fetch *fetch;

  g_return_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self));
  g_return_if_fail (table != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, distretto_eurostat_fetcher_fetch_async);

  fetch = fetch_new (self, table, since, flags, &error);
  if (fetch == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The task owns the fetch, and the fetch points back without a
   * reference: progress reports hold the task. */
  fetch->task = task;
  fetch->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, fetch_in_thread);
}

/**
 * distretto_eurostat_fetcher_fetch_finish:
 * @self: a #DistrettoEurostatFetcher
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the cached table, or %NULL with @error set
 *   (%DISTRETTO_FETCH_ERROR, or %G_IO_ERROR_CANCELLED)
 */
DistrettoCachedTable *
distretto_eurostat_fetcher_fetch_finish (DistrettoEurostatFetcher  *self,
                                         GAsyncResult              *result,
                                         GError                   **error)
{
  g_return_val_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * distretto_eurostat_fetcher_fetch:
 * @self: a #DistrettoEurostatFetcher
 * @table: a Eurostat table code, such as `nama_10r_2gdp`
 * @since: the first year to download, or 0 for every year
 * @flags: a #DistrettoFetchFlags
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Does what distretto_eurostat_fetcher_fetch_async() does, blocking the
 * calling thread; #DistrettoEurostatFetcher::progress is emitted in it.
 * For command-line tools; a window uses the asynchronous call.
 *
 * Returns: (transfer full): the cached table, or %NULL with @error set
 */
DistrettoCachedTable *
distretto_eurostat_fetcher_fetch (DistrettoEurostatFetcher  *self,
                                  const char                *table,
                                  int                        since,
                                  DistrettoFetchFlags        flags,
                                  GCancellable              *cancellable,
                                  GError                   **error)
{
  g_autoptr(Fetch) fetch = NULL;

  g_return_val_if_fail (DISTRETTO_IS_EUROSTAT_FETCHER (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  fetch = fetch_new (self, table, since, flags, error);
  if (fetch == NULL)
    return NULL;

  return run_fetch (fetch, cancellable, error);
}
