/* test-fetch-command.c: `distretto fetch` as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command runs as a child process ($DISTRETTO_BIN) against a local
 * server in this process that replays a real Eurostat file from
 * $DISTRETTO_REAL_DATA (tests that need it skip when it is absent). One
 * test kills the command mid-download and checks the cache.
 */

#define _GNU_SOURCE

#include "distretto-test-utils.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pty.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "distretto-test-server.h"

#define TSV_FILE "eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00038.tsv.gz"

typedef struct
{
  char *dir;            /* XDG_CACHE_HOME and the plugin folder */
  char *cache_dir;      /* where the command caches tables */
  TestServer *server;
  GBytes *tsv;          /* NULL without the real data */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *root = g_getenv ("DISTRETTO_REAL_DATA");
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("distretto-fetch-command-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->cache_dir = g_build_filename (fixture->dir, "distretto", "eurostat", NULL);
  fixture->server = test_server_new ();

  if (root != NULL)
    {
      g_autofree char *path = g_build_filename (root, TSV_FILE, NULL);
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

      fixture->tsv = mapped ? g_mapped_file_get_bytes (mapped) : NULL;
    }
  test_server_set_body (fixture->server, TEST_REPLY_BODY, fixture->tsv, "application/octet-stream");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->server, test_server_free);
  g_clear_pointer (&fixture->tsv, g_bytes_unref);
  distretto_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
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

/* `distretto fetch ARGS…`, caching into the fixture's folder and asking
 * the local server (or, once it is gone, its closed port); its stderr is
 * @stderr_fd when not -1. */
static GSubprocess *
spawn_fetch_full (Fixture            *fixture,
                  const char * const *args,
                  int                 stderr_fd)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       (stderr_fd < 0 ? G_SUBPROCESS_FLAGS_STDERR_PIPE : 0));
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *plugin_path = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  plugin_path = g_strconcat (g_getenv ("DISTRETTO_PLUGIN_PATH"), G_SEARCHPATH_SEPARATOR_S, fixture->dir, NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", fixture->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "DISTRETTO_EUROSTAT_URL", fixture->server->url, TRUE);
  g_subprocess_launcher_setenv (launcher, "DISTRETTO_PLUGIN_PATH", plugin_path, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (stderr_fd >= 0)
    g_subprocess_launcher_take_stderr_fd (launcher, stderr_fd);

  g_ptr_array_add (argv, (gpointer) g_getenv ("DISTRETTO_BIN"));
  g_ptr_array_add (argv, (gpointer) "fetch");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static GSubprocess *
spawn_fetch (Fixture            *fixture,
             const char * const *args)
{
  return spawn_fetch_full (fixture, args, -1);
}

static void
on_communicated (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs the command to its end while this thread serves its requests;
 * returns its exit status. */
static int
run_fetch (Fixture             *fixture,
           const char * const  *args,
           char               **out,
           char               **err)
{
  g_autoptr(GSubprocess) process = spawn_fetch (fixture, args);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_subprocess_communicate_utf8_finish (process, result, out, err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_test_message ("distretto fetch: %d\n%s%s", g_subprocess_get_exit_status (process), *out, *err);

  return g_subprocess_get_exit_status (process);
}

static void
assert_one_line (const char *text,
                 const char *mentions)
{
  g_assert_true (g_str_has_prefix (text, "distretto fetch: "));
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
  if (strstr (text, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", text, mentions);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct { const char *args[6]; const char *mentions; } cases[] = {
    { { NULL }, "missing --table CODE or --module ID" },
    { { "--table", "../etc", NULL }, "“../etc” is not a Eurostat table code" },
    { { "--table", "tgs00038", "--since", "15", NULL }, "--since takes a year such as 2015, not 15" },
    { { "--table", "tgs00038", "--since", "last", NULL }, "last" },
    { { "--table", "tgs00038", "--format", "json", NULL }, "unknown format “json”: expected sdmx-csv or tsv" },
    { { "--table", "tgs00038", "--timeout", "0", NULL }, "--timeout takes a number of seconds" },
    { { "--table", "tgs00038", "tgs00039", NULL }, "unexpected argument “tgs00039”" },
    { { "--module", "no-such-module", NULL }, "unknown module “no-such-module”: the loaded modules are " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_fetch (fixture, cases[i].args, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      assert_one_line (err, cases[i].mentions);
    }

  g_assert_cmpuint (fixture->server->n_requests, ==, 0);
}

/* Downloaded, then cached; refreshed on request; dated by the cache. */
static void
test_download_and_cache (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const args[] = { "--table", "TGS00038", "--format", "tsv", NULL };
  static const char * const refresh[] = { "--table", "tgs00038", "--format", "tsv", "--refresh", NULL };
  g_autofree char *path = g_build_filename (fixture->cache_dir, "tgs00038.tsv.gz", NULL);
  g_autofree char *info_path = g_strconcat (path, ".info", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *size = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) days_ago = g_date_time_add_hours (now, -(3 * 24 + 5));
  g_autofree char *date = g_date_time_format_iso8601 (days_ago);
  gsize len;

  if (skip_without_real_data (fixture))
    return;

  g_assert_cmpint (run_fetch (fixture, args, &out, &err), ==, 0);
  size = g_format_size (g_bytes_get_size (fixture->tsv));
  expected = g_strdup_printf ("tgs00038: downloaded %s — %s\n", size, path);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (fixture->tsv, NULL), g_bytes_get_size (fixture->tsv));
  g_assert_cmpuint (fixture->server->n_requests, ==, 1);

  /* Three days and five hours later, as the key file says. */
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_set_string (info, "Download", "downloaded", date);
  g_assert_true (g_key_file_save_to_file (info, info_path, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (run_fetch (fixture, args, &out, &err), ==, 0);
  expected = g_strdup_printf ("tgs00038: cached 3 days ago — %s\n", path);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpuint (fixture->server->n_requests, ==, 1);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_cmpint (run_fetch (fixture, refresh, &out, &err), ==, 0);
  expected = g_strdup_printf ("tgs00038: downloaded %s — %s\n", size, path);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpuint (fixture->server->n_requests, ==, 2);
}

/* A table missing at the server: one line naming it and the address,
 * exit 1; the other table is still given. */
static void
test_failed_table (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const first[] = { "--table", "tgs00038", "--format", "tsv", "--since", "2010", NULL };
  static const char * const args[] = { "--table", "tgs99999", "--table", "tgs00038", "--format", "tsv",
                                       "--since", "2010", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *url = NULL;

  if (skip_without_real_data (fixture))
    return;

  g_assert_cmpint (run_fetch (fixture, first, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  test_server_set_status (fixture->server, 404);
  g_assert_cmpint (run_fetch (fixture, args, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (out, "tgs00038: cached just now — "));
  g_assert_true (g_str_has_suffix (out, "tgs00038-since-2010.tsv.gz\n"));
  url = g_strconcat (fixture->server->url, "/sdmx/2.1/data/TGS99999?format=TSV&compressed=true&startPeriod=2010", NULL);
  assert_one_line (err, "tgs99999: Eurostat has no such table (HTTP 404 Not Found from ");
  g_assert_nonnull (strstr (err, url));
}

static char *
write_plugin (const char *dir,
              const char *module,
              const char *series)
{
  g_autofree char *info_path = g_strdup_printf ("%s/%s.plugin", dir, module);
  g_autofree char *info = g_strdup_printf ("[Plugin]\nModule=%s\nLoader=python3\nName=%s\nX-Distretto-ABI=1\n",
                                           module, module);
  g_autofree char *code = g_strdup_printf (
    "import gi\n"
    "gi.require_version('Distretto', '1.0')\n"
    "from gi.repository import Distretto, GObject\n"
    "\n"
    "class Indicator(GObject.Object, Distretto.Indicator):\n"
    "    def do_get_definition(self):\n"
    "        definition = Distretto.IndicatorDefinition(id='%s', title='%s')\n"
    "        pillar = Distretto.Pillar(id='p', title='P')\n"
    "        pillar.add_sub_indicator(Distretto.SubIndicator(id='s', label='S', series='%s'))\n"
    "        definition.add_pillar(pillar)\n"
    "        return definition\n", module, module, series);
  char *code_path = g_strdup_printf ("%s/%s.py", dir, module);

  g_assert_true (g_file_set_contents (info_path, info, -1, NULL));
  g_assert_true (g_file_set_contents (code_path, code, -1, NULL));
  return code_path;
}

/* On a terminal, stderr follows the download on one line, erased at the
 * end; piped, it stays empty (the other tests). */
static void
test_progress_on_terminal (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const args[] = { "--table", "tgs00038", "--format", "tsv", NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) terminal = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autofree char *size = NULL;
  g_autofree char *line = NULL;
  g_autofree char *escaped = NULL;
  int master, slave;
  char buffer[4096];
  gssize n;

  if (skip_without_real_data (fixture))
    return;

  g_assert_cmpint (openpty (&master, &slave, NULL, NULL, NULL), ==, 0);
  process = spawn_fetch_full (fixture, args, slave);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_communicate_utf8_finish (process, result, &out, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, NULL);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  /* Everything the child wrote is in the terminal by now. */
  g_assert_cmpint (fcntl (master, F_SETFL, O_NONBLOCK), ==, 0);
  while ((n = read (master, buffer, sizeof buffer)) > 0)
    g_string_append_len (terminal, buffer, n);
  close (master);

  size = g_format_size (g_bytes_get_size (fixture->tsv));
  line = g_strdup_printf ("\r\033[Ktgs00038: %s of %s", size, size);
  escaped = g_strescape (terminal->str, NULL);
  g_test_message ("terminal: %s", escaped);
  g_assert_nonnull (strstr (terminal->str, line));
  g_assert_true (g_str_has_suffix (terminal->str, "\r\033[K"));
  g_assert_true (g_str_has_prefix (out, "tgs00038: downloaded "));
}

/* --module takes the tables the module's series name. */
static void
test_module (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const with_table[] = { "--module", "fetch_eurostat", "--format", "tsv", NULL };
  static const char * const plain[] = { "--module", "fetch_plain", NULL };
  g_autofree char *eurostat = write_plugin (fixture->dir, "fetch_eurostat", "tgs00038.PC_ACT");
  g_autofree char *tidy = write_plugin (fixture->dir, "fetch_plain", "hrst_share");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (skip_without_real_data (fixture))
    return;

  g_assert_cmpint (run_fetch (fixture, with_table, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "tgs00038: downloaded "));
  g_assert_cmpstr (fixture->server->path, ==, "/sdmx/2.1/data/TGS00038");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_fetch (fixture, plain, &out, &err), ==, 2);
  assert_one_line (err, "module “fetch_plain” names no Eurostat table: its series (hrst_share) are plain names");
}

/* The names in the cache folder that start with @prefix. */
static GStrv
find_in_cache (Fixture    *fixture,
               const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->cache_dir, 0, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_strv_builder_add (names, name);

  return g_strv_builder_end (names);
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
on_ended (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *ended = user_data;

  *ended = TRUE;
}

/* Starts the command against a server that sends the first bytes and
 * then nothing, waits until they are in its temporary file, and kills it. */
static void
kill_mid_download (Fixture            *fixture,
                   const char * const *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  guint tick = g_timeout_add (10, wake_up, NULL);
  gboolean ended = FALSE;

  test_server_set_body (fixture->server, TEST_REPLY_STALL, fixture->tsv, "application/octet-stream");
  process = spawn_fetch (fixture, args);
  g_subprocess_wait_async (process, NULL, on_ended, &ended);

  for (;;)
    {
      g_auto(GStrv) parts = find_in_cache (fixture, ".tgs00038-");
      g_autofree char *part = NULL;
      GStatBuf st;

      g_main_context_iteration (NULL, TRUE);
      g_assert_false (ended);
      if (parts[0] == NULL)
        continue;

      part = g_build_filename (fixture->cache_dir, parts[0], NULL);
      if (g_stat (part, &st) == 0 && st.st_size == STALL_BYTES)
        break;
    }
  g_source_remove (tick);

  g_subprocess_force_exit (process);
  while (!ended)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
}

static void
assert_cache_copy (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->cache_dir, "tgs00038.tsv.gz", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (fixture->tsv, NULL), g_bytes_get_size (fixture->tsv));
}

static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const args[] = { "--table", "tgs00038", "--format", "tsv", "--timeout", "600", NULL };
  static const char * const refresh[] = { "--table", "tgs00038", "--format", "tsv", "--timeout", "600", "--refresh", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *info_before = NULL;
  g_autofree char *info_after = NULL;
  g_autofree char *info_path = g_build_filename (fixture->cache_dir, "tgs00038.tsv.gz.info", NULL);
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) tables = NULL;

  if (skip_without_real_data (fixture))
    return;

  /* Killed during the first download: the temporary stays, no table. */
  kill_mid_download (fixture, args);
  parts = find_in_cache (fixture, ".tgs00038-");
  tables = find_in_cache (fixture, "tgs00038");
  g_assert_cmpuint (g_strv_length (parts), ==, 1);
  g_assert_true (g_str_has_suffix (parts[0], ".part"));
  g_assert_cmpuint (g_strv_length (tables), ==, 0);

  /* The next run removes it and downloads the table. */
  test_server_set_body (fixture->server, TEST_REPLY_BODY, fixture->tsv, "application/octet-stream");
  g_assert_cmpint (run_fetch (fixture, args, &out, &err), ==, 0);
  g_clear_pointer (&parts, g_strfreev);
  parts = find_in_cache (fixture, ".");
  g_assert_cmpuint (g_strv_length (parts), ==, 0);
  assert_cache_copy (fixture);
  g_assert_true (g_file_get_contents (info_path, &info_before, NULL, NULL));

  /* Killed while refreshing: the copy and its date stay as they were. */
  kill_mid_download (fixture, refresh);
  assert_cache_copy (fixture);
  g_assert_true (g_file_get_contents (info_path, &info_after, NULL, NULL));
  g_assert_cmpstr (info_after, ==, info_before);
  g_clear_pointer (&parts, g_strfreev);
  parts = find_in_cache (fixture, ".tgs00038-");
  g_assert_cmpuint (g_strv_length (parts), ==, 1);

  /* With the server gone, the next run serves the copy and clears up. */
  g_clear_pointer (&fixture->server->body, g_bytes_unref);
  soup_server_disconnect (fixture->server->server);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_fetch (fixture, args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "tgs00038: cached just now — "));
  g_clear_pointer (&parts, g_strfreev);
  parts = find_in_cache (fixture, ".");
  g_assert_cmpuint (g_strv_length (parts), ==, 0);

  /* And a refresh offline fails with one line, the copy kept. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_fetch (fixture, refresh, &out, &err), ==, 1);
  assert_one_line (err, "tgs00038: cannot reach http://127.0.0.1:");
  assert_cache_copy (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/Distretto/FetchCommand/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("usage", test_usage);
  ADD ("download-and-cache", test_download_and_cache);
  ADD ("failed-table", test_failed_table);
  ADD ("progress-on-terminal", test_progress_on_terminal);
  ADD ("module", test_module);
  ADD ("killed", test_killed);
#undef ADD

  return g_test_run ();
}
