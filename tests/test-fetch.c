/* test-fetch.c: DistrettoEurostatFetcher against a local server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server replays real Eurostat files from $DISTRETTO_REAL_DATA as the
 * API's answers (the tests skip when that folder is absent), or answers
 * badly on purpose. Nothing here reaches the internet.
 */

#define _GNU_SOURCE

#include "distretto-test-utils.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "distretto-test-server.h"

/* Eurostat's gzip-compressed TSV of tgs00038, as its API sends it. */
#define TSV_FILE "eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00038.tsv.gz"
/* SDMX-CSV with labels of tgs00050, as Eurostat's site sends it. */
#define SDMX_FILE "eurostat-regional-extra/isoc-tgs-sdmxcsv-2023/tgs00050_EuroStat-regional-internet-usage.csv"

typedef struct
{
  char *cache_dir;
  TestServer *server;
  DistrettoEurostatFetcher *fetcher;
  GBytes *tsv;          /* NULL without the real data */
  guint64 last_received;
  gint64 last_total;
  guint n_progress;
  GCancellable *cancel_on_progress;
} Fixture;

static GBytes *
load_real_file (const char *relative)
{
  const char *root = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  if (root == NULL)
    return NULL;

  path = g_build_filename (root, relative, NULL);
  mapped = g_mapped_file_new (path, FALSE, NULL);
  return mapped ? g_mapped_file_get_bytes (mapped) : NULL;
}

static void
on_progress (DistrettoEurostatFetcher *fetcher,
             const char               *table,
             guint64                   received,
             gint64                    total,
             gpointer                  user_data)
{
  Fixture *fixture = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpuint (received, >=, fixture->last_received);
  fixture->last_received = received;
  fixture->last_total = total;
  fixture->n_progress++;

  if (fixture->cancel_on_progress != NULL && received > 0)
    g_cancellable_cancel (fixture->cancel_on_progress);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("distretto-fetch-XXXXXX", &error);
  g_autoptr(GFile) cache_dir = NULL;

  g_assert_no_error (error);
  fixture->cache_dir = g_build_filename (dir, "cache", NULL);
  cache_dir = g_file_new_for_path (fixture->cache_dir);

  fixture->server = test_server_new ();
  fixture->tsv = load_real_file (TSV_FILE);
  test_server_set_body (fixture->server, TEST_REPLY_BODY, fixture->tsv, "application/octet-stream");

  fixture->fetcher = distretto_eurostat_fetcher_new ();
  distretto_eurostat_fetcher_set_base_url (fixture->fetcher, fixture->server->url);
  distretto_eurostat_fetcher_set_cache_dir (fixture->fetcher, cache_dir);
  distretto_eurostat_fetcher_set_format (fixture->fetcher, DISTRETTO_EUROSTAT_FORMAT_TSV);
  distretto_eurostat_fetcher_set_timeout (fixture->fetcher, 2);
  fixture->last_total = -2;
  g_signal_connect (fixture->fetcher, "progress", G_CALLBACK (on_progress), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (fixture->cache_dir);

  g_clear_object (&fixture->fetcher);
  g_clear_pointer (&fixture->server, test_server_free);
  g_clear_pointer (&fixture->tsv, g_bytes_unref);
  g_clear_object (&fixture->cancel_on_progress);
  distretto_test_remove_tree (parent);
  g_free (fixture->cache_dir);
}

static gboolean
skip_without_real_data (Fixture *fixture)
{
  if (fixture->tsv != NULL)
    return FALSE;

  g_test_skip ("no real Eurostat data in $DISTRETTO_REAL_DATA");
  return TRUE;
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Fetches in the worker thread while this thread runs the server. */
static DistrettoCachedTable *
fetch (Fixture              *fixture,
       const char           *table,
       int                   since,
       DistrettoFetchFlags   flags,
       GCancellable         *cancellable,
       GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  fixture->last_received = 0;
  distretto_eurostat_fetcher_fetch_async (fixture->fetcher, table, since, flags, cancellable,
                                          on_fetched, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return distretto_eurostat_fetcher_fetch_finish (fixture->fetcher, result, error);
}

/* The names in the cache folder, sorted, or an empty list without it. */
static GStrv
list_cache (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->cache_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, distretto_test_compare_strings);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
assert_cache_holds (Fixture            *fixture,
                    const char * const *expected)
{
  g_auto(GStrv) names = list_cache (fixture);
  g_autofree char *got = g_strjoinv (" ", names);
  g_autofree char *want = g_strjoinv (" ", (GStrv) expected);

  g_assert_cmpstr (got, ==, want);
}

static void
assert_file_equals (GFile  *file,
                    GBytes *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, expected));
}

/* The cached copy of tgs00038 as the first download left it. */
static DistrettoCachedTable *
download_first_copy (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  DistrettoCachedTable *table = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (distretto_cached_table_is_from_cache (table));
  return table;
}

/* A failed refresh left the first copy as it was, and no temporary. */
static void
assert_first_copy_kept (Fixture              *fixture,
                        DistrettoCachedTable *first)
{
  g_autoptr(DistrettoCachedTable) now = distretto_eurostat_fetcher_lookup (fixture->fetcher, "tgs00038", 0);

  g_assert_nonnull (now);
  assert_file_equals (distretto_cached_table_get_file (now), fixture->tsv);
  g_assert_true (g_date_time_equal (distretto_cached_table_get_downloaded (now),
                                    distretto_cached_table_get_downloaded (first)));
  assert_cache_holds (fixture, (const char *[]) { "tgs00038.tsv.gz", "tgs00038.tsv.gz.info", NULL });
}

static void
test_url (void)
{
  g_autoptr(DistrettoEurostatFetcher) fetcher = NULL;
  g_autofree char *old = g_strdup (g_getenv ("DISTRETTO_EUROSTAT_URL"));
  g_autofree char *sdmx = NULL;
  g_autofree char *since = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *local = NULL;

  g_unsetenv ("DISTRETTO_EUROSTAT_URL");
  fetcher = distretto_eurostat_fetcher_new ();
  g_assert_cmpstr (distretto_eurostat_fetcher_get_base_url (fetcher), ==,
                   "https://ec.europa.eu/eurostat/api/dissemination");

  sdmx = distretto_eurostat_fetcher_dup_url (fetcher, "lfst_r_lfe2en2", 0);
  g_assert_cmpstr (sdmx, ==, "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/LFST_R_LFE2EN2?format=SDMX-CSV");
  since = distretto_eurostat_fetcher_dup_url (fetcher, "tgs00050", 2015);
  g_assert_cmpstr (since, ==, "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/TGS00050?format=SDMX-CSV&startPeriod=2015");
  distretto_eurostat_fetcher_set_format (fetcher, DISTRETTO_EUROSTAT_FORMAT_TSV);
  tsv = distretto_eurostat_fetcher_dup_url (fetcher, "nama_10r_2gdp", 0);
  g_assert_cmpstr (tsv, ==, "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/NAMA_10R_2GDP?format=TSV&compressed=true");

  /* Not table codes: nothing to ask for, nothing to look up. */
  g_assert_null (distretto_eurostat_fetcher_dup_url (fetcher, "../etc/passwd", 0));
  g_assert_null (distretto_eurostat_fetcher_dup_url (fetcher, "", 0));
  g_assert_null (distretto_eurostat_fetcher_dup_url (fetcher, "tgs00050?x=1", 0));
  g_assert_null (distretto_eurostat_fetcher_lookup (fetcher, "a/b", 0));

  /* The environment names another server, for new fetchers and on reset. */
  g_setenv ("DISTRETTO_EUROSTAT_URL", "http://127.0.0.1:9/api/", TRUE);
  distretto_eurostat_fetcher_set_base_url (fetcher, NULL);
  local = distretto_eurostat_fetcher_dup_url (fetcher, "tgs00050", 0);
  g_assert_cmpstr (local, ==, "http://127.0.0.1:9/api/sdmx/2.1/data/TGS00050?format=TSV&compressed=true");

  if (old != NULL)
    g_setenv ("DISTRETTO_EUROSTAT_URL", old, TRUE);
  else
    g_unsetenv ("DISTRETTO_EUROSTAT_URL");
}

static void
test_download (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DistrettoCachedTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *recorded_url = NULL;

  if (skip_without_real_data (fixture))
    return;

  before = g_date_time_new_now_utc ();
  table = fetch (fixture, "TGS00038", 0, DISTRETTO_FETCH_FLAGS_NONE, NULL, &error);
  after = g_date_time_new_now_utc ();
  g_assert_no_error (error);

  /* What the API was asked. */
  g_assert_cmpuint (fixture->server->n_requests, ==, 1);
  g_assert_cmpstr (fixture->server->path, ==, "/sdmx/2.1/data/TGS00038");
  g_assert_cmpstr (fixture->server->query, ==, "format=TSV&compressed=true");

  /* The cached file holds exactly the bytes sent. */
  g_assert_false (distretto_cached_table_is_from_cache (table));
  g_assert_cmpstr (distretto_cached_table_get_table (table), ==, "tgs00038");
  g_assert_cmpuint (distretto_cached_table_get_size (table), ==, g_bytes_get_size (fixture->tsv));
  assert_file_equals (distretto_cached_table_get_file (table), fixture->tsv);
  path = g_file_get_path (distretto_cached_table_get_file (table));
  g_assert_true (g_str_has_prefix (path, fixture->cache_dir));
  assert_cache_holds (fixture, (const char *[]) { "tgs00038.tsv.gz", "tgs00038.tsv.gz.info", NULL });

  /* The address and the date are recorded. */
  url = g_strconcat (fixture->server->url, "/sdmx/2.1/data/TGS00038?format=TSV&compressed=true", NULL);
  g_assert_cmpstr (distretto_cached_table_get_url (table), ==, url);
  g_assert_cmpint (g_date_time_compare (before, distretto_cached_table_get_downloaded (table)), <=, 0);
  g_assert_cmpint (g_date_time_compare (distretto_cached_table_get_downloaded (table), after), <=, 0);
  info_path = g_strconcat (path, ".info", NULL);
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  recorded_url = g_key_file_get_string (info, "Download", "url", NULL);
  g_assert_cmpstr (recorded_url, ==, url);

  /* Progress came in this thread, up to the whole size. */
  g_assert_cmpuint (fixture->n_progress, >, 0);
  g_assert_cmpuint (fixture->last_received, ==, g_bytes_get_size (fixture->tsv));
  g_assert_cmpint (fixture->last_total, ==, g_bytes_get_size (fixture->tsv));
}

/* The SDMX-CSV download with a first year, replaying Eurostat's SDMX-CSV
 * with labels; it needs the importer to read that variant. */
static void
test_download_sdmx_csv (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) sdmx = load_real_file (SDMX_FILE);
  g_autoptr(DistrettoDataset) direct = NULL;
  g_autoptr(DistrettoCachedTable) table = NULL;
  g_autoptr(GError) error = NULL;

  if (sdmx == NULL)
    {
      g_test_skip ("no real Eurostat data in $DISTRETTO_REAL_DATA");
      return;
    }
  direct = distretto_dataset_load_bytes (sdmx, "tgs00050", NULL, &error);
  if (direct == NULL)
    {
      g_autofree char *why = g_strdup_printf ("the importers cannot read %s yet: %s", SDMX_FILE, error->message);

      g_test_skip (why);
      return;
    }

  distretto_eurostat_fetcher_set_format (fixture->fetcher, DISTRETTO_EUROSTAT_FORMAT_SDMX_CSV);
  test_server_set_body (fixture->server, TEST_REPLY_BODY, sdmx, "text/csv");
  table = fetch (fixture, "tgs00050", 2015, DISTRETTO_FETCH_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (fixture->server->path, ==, "/sdmx/2.1/data/TGS00050");
  g_assert_cmpstr (fixture->server->query, ==, "format=SDMX-CSV&startPeriod=2015");
  assert_file_equals (distretto_cached_table_get_file (table), sdmx);
  g_assert_cmpint (distretto_cached_table_get_since (table), ==, 2015);
  assert_cache_holds (fixture, (const char *[]) { "tgs00050-since-2015.csv", "tgs00050-since-2015.csv.info", NULL });

  /* The whole table is another cache entry. */
  g_assert_null (distretto_eurostat_fetcher_lookup (fixture->fetcher, "tgs00050", 0));
}

/* A second call is served from the cache with the server gone. */
static void
test_cached_offline (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DistrettoCachedTable) first = NULL;
  g_autoptr(DistrettoCachedTable) looked_up = NULL;
  g_autoptr(DistrettoCachedTable) again = NULL;
  g_autoptr(DistrettoCachedTable) refreshed = NULL;
  g_autoptr(DistrettoEurostatFetcher) later = distretto_eurostat_fetcher_new ();
  g_autoptr(GError) error = NULL;

  if (skip_without_real_data (fixture))
    return;

  first = download_first_copy (fixture);
  g_clear_pointer (&fixture->server, test_server_free);

  /* A new fetcher, as in a later run, finds it without a network. */
  g_object_set (later, "cache-dir", distretto_eurostat_fetcher_get_cache_dir (fixture->fetcher),
                "format", DISTRETTO_EUROSTAT_FORMAT_TSV, NULL);
  looked_up = distretto_eurostat_fetcher_lookup (later, "tgs00038", 0);
  g_assert_nonnull (looked_up);
  g_assert_true (distretto_cached_table_is_from_cache (looked_up));
  g_assert_true (g_date_time_equal (distretto_cached_table_get_downloaded (looked_up),
                                    distretto_cached_table_get_downloaded (first)));
  g_assert_cmpstr (distretto_cached_table_get_url (looked_up), ==, distretto_cached_table_get_url (first));
  g_assert_null (distretto_eurostat_fetcher_lookup (later, "tgs00039", 0));

  again = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (distretto_cached_table_is_from_cache (again));
  assert_file_equals (distretto_cached_table_get_file (again), fixture->tsv);

  /* Refreshing needs the server: a clear error, the copy stays. */
  refreshed = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_REFRESH, NULL, &error);
  g_assert_null (refreshed);
  g_assert_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_UNREACHABLE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "tgs00038: cannot reach http://127.0.0.1:"));
  assert_first_copy_kept (fixture, first);
}

static void
assert_fetch_error (const GError *error,
                    int           code,
                    const char   *url,
                    const char   *mentions)
{
  g_assert_error (error, DISTRETTO_FETCH_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "tgs00038: "));
  g_assert_nonnull (strstr (error->message, url));
  if (strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
}

static void
test_http_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *url = g_strconcat (fixture->server->url, "/sdmx/2.1/data/TGS00038?format=TSV&compressed=true", NULL);
  static const struct { guint status; int code; const char *mentions; } cases[] = {
    { 404, DISTRETTO_FETCH_ERROR_NOT_FOUND, "HTTP 404 Not Found" },
    { 503, DISTRETTO_FETCH_ERROR_HTTP, "HTTP 503 Service Unavailable" },
    { 500, DISTRETTO_FETCH_ERROR_HTTP, "try again later" },
    { 400, DISTRETTO_FETCH_ERROR_HTTP, "HTTP 400 Bad Request" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DistrettoCachedTable) table = NULL;
      g_autoptr(GError) error = NULL;

      test_server_set_status (fixture->server, cases[i].status);
      table = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_NONE, NULL, &error);
      g_assert_null (table);
      assert_fetch_error (error, cases[i].code, url, cases[i].mentions);
      assert_cache_holds (fixture, (const char *[]) { NULL });
    }
}

/* No answer at all, then an answer that stops half-way: both time out
 * and leave the old copy. */
static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DistrettoCachedTable) first = NULL;
  static const TestReply replies[] = { TEST_REPLY_SILENT, TEST_REPLY_STALL };

  if (skip_without_real_data (fixture))
    return;

  first = download_first_copy (fixture);
  distretto_eurostat_fetcher_set_timeout (fixture->fetcher, 1);

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autoptr(DistrettoCachedTable) table = NULL;
      g_autoptr(GError) error = NULL;

      test_server_set_body (fixture->server, replies[i], fixture->tsv, "application/octet-stream");
      table = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_REFRESH, NULL, &error);
      g_assert_null (table);
      assert_fetch_error (error, DISTRETTO_FETCH_ERROR_TIMED_OUT, fixture->server->url, "no answer from");
      g_assert_nonnull (strstr (error->message, "for 1 second"));
      if (replies[i] == TEST_REPLY_STALL)
        g_assert_cmpuint (fixture->last_received, ==, STALL_BYTES);
      assert_first_copy_kept (fixture, first);
    }
}

/* A Content-Length larger than what comes before the connection closes. */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DistrettoCachedTable) first = NULL;
  g_autoptr(DistrettoCachedTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gsize size;

  if (skip_without_real_data (fixture))
    return;

  first = download_first_copy (fixture);
  test_server_set_body (fixture->server, TEST_REPLY_SHORT, fixture->tsv, "application/octet-stream");
  table = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_REFRESH, NULL, &error);
  g_assert_null (table);

  size = g_bytes_get_size (fixture->tsv);
  expected = g_strdup_printf ("stopped after %zu of %zu bytes", size / 2, size);
  assert_fetch_error (error, DISTRETTO_FETCH_ERROR_TRUNCATED, fixture->server->url, expected);
  assert_first_copy_kept (fixture, first);
}

/* Answers that are not the table: never cached, the old copy stays. */
static void
test_not_data (Fixture       *fixture,
               gconstpointer  data)
{
  static const char page[] = "<!DOCTYPE html>\n<html><head><title>Maintenance</title></head>"
                             "<body><p>The service is under maintenance.</p></body></html>\n";
  g_autoptr(GBytes) html = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GBytes) half = NULL;
  g_autoptr(DistrettoCachedTable) first = NULL;
  static const struct { const char *content_type; gboolean cut; const char *mentions; } cases[] = {
    /* An error page, labelled as one. */
    { "text/html", FALSE, "answered with a web page" },
    /* The same page sent as if it were the file. */
    { "application/octet-stream", FALSE, "is not a table Distretto reads" },
    /* Half of the gzip file with no length announced: the stream is cut. */
    { "application/octet-stream", TRUE, "is not a table Distretto reads" },
  };

  if (skip_without_real_data (fixture))
    return;

  first = download_first_copy (fixture);
  half = g_bytes_new_from_bytes (fixture->tsv, 0, g_bytes_get_size (fixture->tsv) / 2);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DistrettoCachedTable) table = NULL;
      g_autoptr(GError) error = NULL;

      test_server_set_body (fixture->server, TEST_REPLY_CHUNKED, cases[i].cut ? half : html,
                            cases[i].content_type);
      table = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_REFRESH, NULL, &error);
      g_assert_null (table);
      assert_fetch_error (error, DISTRETTO_FETCH_ERROR_NOT_DATA, fixture->server->url, cases[i].mentions);
      assert_first_copy_kept (fixture, first);
    }
}

/* A table, but not in the format asked for: not cached under that name. */
static void
test_wrong_format (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DistrettoCachedTable) table = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_real_data (fixture))
    return;

  distretto_eurostat_fetcher_set_format (fixture->fetcher, DISTRETTO_EUROSTAT_FORMAT_SDMX_CSV);
  table = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_NONE, NULL, &error);
  g_assert_null (table);
  g_assert_cmpstr (fixture->server->query, ==, "format=SDMX-CSV");
  assert_fetch_error (error, DISTRETTO_FETCH_ERROR_NOT_DATA, fixture->server->url,
                      "is Eurostat TSV, not the SDMX-CSV asked for");
  assert_cache_holds (fixture, (const char *[]) { NULL });
}

/* Cancelled once the first bytes arrived, of a body that then stalls. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DistrettoCachedTable) first = NULL;
  g_autoptr(DistrettoCachedTable) table = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_real_data (fixture))
    return;

  first = download_first_copy (fixture);
  /* Long enough that only the cancel can end the download. */
  distretto_eurostat_fetcher_set_timeout (fixture->fetcher, 600);
  test_server_set_body (fixture->server, TEST_REPLY_STALL, fixture->tsv, "application/octet-stream");
  fixture->cancel_on_progress = g_cancellable_new ();

  table = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_REFRESH, fixture->cancel_on_progress, &error);
  g_assert_null (table);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Cancelled at the first bytes, however many the first read got. */
  g_assert_cmpuint (fixture->last_received, >, 0);
  g_assert_cmpuint (fixture->last_received, <=, STALL_BYTES);
  assert_first_copy_kept (fixture, first);
}

/* A temporary nobody holds is removed; one a download holds is not. */
static void
test_stale_temporary (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DistrettoCachedTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *live = NULL;
  int live_fd;

  if (skip_without_real_data (fixture))
    return;

  g_mkdir_with_parents (fixture->cache_dir, 0700);
  stale = g_build_filename (fixture->cache_dir, ".tgs00038-Ab12Cd.part", NULL);
  live = g_build_filename (fixture->cache_dir, ".tgs00039-Ef34Gh.part", NULL);
  g_assert_true (g_file_set_contents (stale, "freq,unit", -1, NULL));
  g_assert_true (g_file_set_contents (live, "freq,unit", -1, NULL));
  live_fd = g_open (live, O_RDONLY, 0);
  g_assert_cmpint (flock (live_fd, LOCK_EX), ==, 0);

  table = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  assert_cache_holds (fixture, (const char *[]) { ".tgs00039-Ef34Gh.part", "tgs00038.tsv.gz", "tgs00038.tsv.gz.info", NULL });

  /* Once its writer is gone, even a call served from the cache clears it. */
  close (live_fd);
  g_clear_object (&table);
  table = fetch (fixture, "tgs00038", 0, DISTRETTO_FETCH_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (distretto_cached_table_is_from_cache (table));
  assert_cache_holds (fixture, (const char *[]) { "tgs00038.tsv.gz", "tgs00038.tsv.gz.info", NULL });
}

/* Without its key file a cached table is still found, dated by its file. */
static void
test_missing_info (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DistrettoCachedTable) first = NULL;
  g_autoptr(DistrettoCachedTable) found = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  GStatBuf st;

  if (skip_without_real_data (fixture))
    return;

  first = download_first_copy (fixture);
  path = g_file_get_path (distretto_cached_table_get_file (first));
  info = g_strconcat (path, ".info", NULL);
  g_assert_cmpint (g_unlink (info), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);

  found = distretto_eurostat_fetcher_lookup (fixture->fetcher, "tgs00038", 0);
  g_assert_nonnull (found);
  g_assert_null (distretto_cached_table_get_url (found));
  g_assert_cmpint (g_date_time_to_unix (distretto_cached_table_get_downloaded (found)), ==, st.st_mtime);
}

static void
test_invalid_table (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DistrettoCachedTable) table = NULL;
  g_autoptr(GError) error = NULL;

  table = fetch (fixture, "../tgs00038", 0, DISTRETTO_FETCH_FLAGS_NONE, NULL, &error);
  g_assert_null (table);
  g_assert_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_INVALID_TABLE);
  g_assert_nonnull (strstr (error->message, "“../tgs00038” is not a Eurostat table code"));
  g_assert_cmpuint (fixture->server->n_requests, ==, 0);
  g_assert_false (g_file_test (fixture->cache_dir, G_FILE_TEST_EXISTS));
}

/* The tables a module's series name. */
static void
test_definition_tables (void)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = distretto_indicator_definition_new ("t", "T");
  g_autoptr(DistrettoPillar) pillar = distretto_pillar_new ("p", "P");
  g_autoptr(DistrettoSubIndicator) employment = distretto_sub_indicator_new ("e", "E", "lfst_r_lfe2en2?nace_r2=C&age=Y15-64");
  g_autoptr(DistrettoSubIndicator) income = distretto_sub_indicator_new ("i", "I", "nama_10r_2hhinc.PPCS_HAB.B6N");
  g_autoptr(DistrettoSubIndicator) tidy = distretto_sub_indicator_new ("t", "T", "emp_kibs");
  g_autoptr(DistrettoIndicatorDefinition) plain = distretto_indicator_definition_new ("plain", "Plain");
  g_auto(GStrv) tables = NULL;
  g_auto(GStrv) none = NULL;
  g_autofree char *joined = NULL;

  /* The same table twice, in two forms and cases; a tidy denominator. */
  distretto_sub_indicator_set_denominator (employment, "LFST_R_LFE2EN2.THS.TOTAL.Y15-64");
  distretto_sub_indicator_set_denominator (income, "population");
  distretto_pillar_add_sub_indicator (pillar, employment);
  distretto_pillar_add_sub_indicator (pillar, income);
  distretto_pillar_add_sub_indicator (pillar, tidy);
  distretto_indicator_definition_add_pillar (definition, pillar);
  distretto_indicator_definition_set_required_series (definition,
                                                      (const char *[]) { "tgs00050?unit=PC_IND", "emp_total", NULL });

  tables = distretto_indicator_definition_dup_tables (definition);
  joined = g_strjoinv (" ", tables);
  g_assert_cmpstr (joined, ==, "tgs00050 lfst_r_lfe2en2 nama_10r_2hhinc");

  none = distretto_indicator_definition_dup_tables (plain);
  g_assert_nonnull (none);
  g_assert_null (none[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Fetch/url", test_url);
  g_test_add_func ("/Distretto/Fetch/definition-tables", test_definition_tables);
#define ADD(path, func) g_test_add ("/Distretto/Fetch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("download", test_download);
  ADD ("download-sdmx-csv", test_download_sdmx_csv);
  ADD ("cached-offline", test_cached_offline);
  ADD ("http-errors", test_http_errors);
  ADD ("timeout", test_timeout);
  ADD ("truncated", test_truncated);
  ADD ("not-data", test_not_data);
  ADD ("wrong-format", test_wrong_format);
  ADD ("cancel", test_cancel);
  ADD ("stale-temporary", test_stale_temporary);
  ADD ("missing-info", test_missing_info);
  ADD ("invalid-table", test_invalid_table);
#undef ADD

  return g_test_run ();
}
