/* test-fetch-dialog.c: Get Data from Eurostat in the window (Xvfb in CI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The local server runs in the same main loop as the window: a download
 * that blocked the main loop would never get its answer.
 */

#include "distretto-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>

#include "distretto-demo.h"
#include "distretto-fetch-dialog.h"
#include "distretto-plugin-engine.h"
#include "distretto-test-server.h"
#include "distretto-window.h"

#define TSV_FILE "eurostat-regional-extra/sci-tech-tgs-tsv-2011/tgs00038.tsv.gz"

static char *cache_home;

static GBytes *
load_tsv (void)
{
  const char *root = g_getenv ("DISTRETTO_REAL_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  if (root == NULL)
    return NULL;

  path = g_build_filename (root, TSV_FILE, NULL);
  mapped = g_mapped_file_new (path, FALSE, NULL);
  return mapped ? g_mapped_file_get_bytes (mapped) : NULL;
}

static gboolean
skip_unless_ready (GBytes *tsv)
{
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return TRUE;
    }
  adw_init ();

  if (tsv == NULL)
    {
      g_test_skip ("no real Eurostat data in $DISTRETTO_REAL_DATA");
      return TRUE;
    }

  return FALSE;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL)
    g_main_context_iteration (NULL, TRUE);

  return dialog;
}

static void
on_dialog_destroyed (GtkWidget *widget,
                     gpointer   user_data)
{
  gboolean *destroyed = user_data;

  *destroyed = TRUE;
}

/* A temporary cache folder of its own, and the format the local server
 * replays. */
static DistrettoEurostatFetcher *
new_fetcher (TestServer *server,
             char      **cache_dir)
{
  DistrettoEurostatFetcher *fetcher = distretto_eurostat_fetcher_new ();
  g_autoptr(GFile) dir = NULL;

  *cache_dir = g_dir_make_tmp ("distretto-fetch-dialog-XXXXXX", NULL);
  g_assert_nonnull (*cache_dir);
  dir = g_file_new_for_path (*cache_dir);
  g_object_set (fetcher, "base-url", server->url, "cache-dir", dir,
                "format", DISTRETTO_EUROSTAT_FORMAT_TSV, NULL);

  return fetcher;
}

/* The main menu's action opens the dialog on the selected module's
 * tables; a download is imported into the window. */
static void
test_window_fetch (void)
{
  g_autoptr(GBytes) tsv = load_tsv ();
  g_autoptr(TestServer) server = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  g_autoptr(DistrettoDataset) demo = NULL;
  g_autoptr(DistrettoModule) module = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) module_tables = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *date = NULL;
  DistrettoWindow *window;
  DistrettoFetchDialog *dialog;
  DistrettoDataset *dataset;
  GtkListBox *modules_list;
  gboolean destroyed = FALSE;
  gboolean found = FALSE;

  if (skip_unless_ready (tsv))
    return;

  server = test_server_new ();
  test_server_set_body (server, TEST_REPLY_BODY, tsv, "application/octet-stream");

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);
  demo = distretto_demo_dataset_load (&error);
  g_assert_no_error (error);
  window = distretto_window_new (NULL, distretto_plugin_engine_get_modules (engine), demo);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set (distretto_window_get_fetcher (window), "base-url", server->url,
                "format", DISTRETTO_EUROSTAT_FORMAT_TSV, NULL);

  /* The dialog lists the tables the selected module names. */
  modules_list = distretto_window_get_modules_list (window);
  module = g_list_model_get_item (distretto_plugin_engine_get_modules (engine),
                                  gtk_list_box_row_get_index (gtk_list_box_get_selected_row (modules_list)));
  module_tables = distretto_indicator_definition_dup_tables (distretto_module_get_definition (module));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fetch", NULL));
  dialog = find_toplevel (DISTRETTO_TYPE_FETCH_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpuint (distretto_fetch_dialog_get_n_tables (dialog), ==, g_strv_length (module_tables));

  /* A table added by code; bad codes and repeats are not added. */
  distretto_fetch_dialog_add_table (dialog, "TGS00038");
  distretto_fetch_dialog_add_table (dialog, "tgs00038");
  distretto_fetch_dialog_add_table (dialog, "tgs/00038");
  g_assert_cmpuint (distretto_fetch_dialog_get_n_tables (dialog), ==, g_strv_length (module_tables) + 1);
  if (module_tables[0] == NULL)
    g_assert_cmpstr (distretto_fetch_dialog_get_table_state (dialog, 0), ==, "Not downloaded");

  /* Download: the dialog closes, the window imports the file. */
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_dialog_destroyed), &destroyed);
  distretto_fetch_dialog_download (dialog);
  while (!destroyed || distretto_window_get_dataset (window) == demo)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (server->n_requests, >=, 1);

  dataset = distretto_window_get_dataset (window);
  for (guint i = 0; i < distretto_dataset_get_n_sources (dataset); i++)
    if (g_strcmp0 (distretto_source_get_table_code (distretto_dataset_get_source_at (dataset, i)), "tgs00038") == 0)
      found = TRUE;
  g_assert_true (found);
  found = FALSE;
  for (guint i = 0; i < distretto_dataset_get_n_series (dataset); i++)
    found |= g_str_has_prefix (distretto_dataset_get_series_code (dataset, i), "tgs00038");
  g_assert_true (found);

  /* Opened again, the table is in the cache, downloaded today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fetch", NULL));
  dialog = find_toplevel (DISTRETTO_TYPE_FETCH_DIALOG);
  distretto_fetch_dialog_add_table (dialog, "tgs00038");
  today = g_date_time_new_now_local ();
  date = g_date_time_format (today, "Cached %Y-%m-%d, ");
  g_assert_true (g_str_has_prefix (distretto_fetch_dialog_get_table_state (dialog, g_strv_length (module_tables)), date));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_fetched (DistrettoFetchDialog *dialog,
            GListModel           *files,
            gpointer              user_data)
{
  guint *n_fetched = user_data;

  *n_fetched += g_list_model_get_n_items (files);
}

/* A table the server does not have: an error dialog, the row says why,
 * the dialog stays for another try. */
static void
test_error (void)
{
  g_autoptr(GBytes) tsv = load_tsv ();
  g_autoptr(TestServer) server = NULL;
  g_autoptr(DistrettoEurostatFetcher) fetcher = NULL;
  g_autofree char *cache_dir = NULL;
  DistrettoFetchDialog *dialog;
  AdwMessageDialog *message;
  guint n_fetched = 0;

  if (skip_unless_ready (tsv))
    return;

  server = test_server_new ();
  test_server_set_status (server, 404);
  fetcher = new_fetcher (server, &cache_dir);
  dialog = distretto_fetch_dialog_new (NULL, fetcher, "Test module", (const char *[]) { "tgs99999", NULL });
  g_signal_connect (dialog, "fetched", G_CALLBACK (on_fetched), &n_fetched);
  gtk_window_present (GTK_WINDOW (dialog));

  distretto_fetch_dialog_download (dialog);
  message = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "A Table Could Not Be Downloaded");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (message), "tgs99999: Eurostat has no such table (HTTP 404"));
  g_assert_cmpstr (distretto_fetch_dialog_get_table_state (dialog, 0), ==,
                   adw_message_dialog_get_body (message) + strlen ("tgs99999: "));
  g_assert_true (find_toplevel (DISTRETTO_TYPE_FETCH_DIALOG) == dialog);
  g_assert_cmpuint (n_fetched, ==, 0);

  gtk_window_destroy (GTK_WINDOW (message));
  gtk_window_destroy (GTK_WINDOW (dialog));
  distretto_test_remove_tree (cache_dir);
}

static void
on_progress (DistrettoEurostatFetcher *fetcher,
             const char               *table,
             guint64                   received,
             gint64                    total,
             gpointer                  user_data)
{
  guint64 *last_received = user_data;

  *last_received = received;
}

/* Cancel during a download: nothing fetched, nothing cached, no error. */
static void
test_cancel (void)
{
  g_autoptr(GBytes) tsv = load_tsv ();
  g_autoptr(TestServer) server = NULL;
  g_autoptr(DistrettoEurostatFetcher) fetcher = NULL;
  g_autofree char *cache_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  DistrettoFetchDialog *dialog;
  guint64 received = 0;
  guint n_fetched = 0;

  if (skip_unless_ready (tsv))
    return;

  server = test_server_new ();
  test_server_set_body (server, TEST_REPLY_STALL, tsv, "application/octet-stream");
  fetcher = new_fetcher (server, &cache_dir);
  g_signal_connect (fetcher, "progress", G_CALLBACK (on_progress), &received);
  dialog = distretto_fetch_dialog_new (NULL, fetcher, NULL, (const char *[]) { "tgs00038", NULL });
  g_signal_connect (dialog, "fetched", G_CALLBACK (on_fetched), &n_fetched);
  gtk_window_present (GTK_WINDOW (dialog));

  distretto_fetch_dialog_download (dialog);
  while (received < STALL_BYTES)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (distretto_fetch_dialog_get_table_state (dialog, 0), ==, "Downloading…");

  distretto_fetch_dialog_cancel (dialog);
  while (g_strcmp0 (distretto_fetch_dialog_get_table_state (dialog, 0), "Downloading…") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (distretto_fetch_dialog_get_table_state (dialog, 0), ==, "Not downloaded");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (n_fetched, ==, 0);
  dir = g_dir_open (cache_dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));

  gtk_window_destroy (GTK_WINDOW (dialog));
  distretto_test_remove_tree (cache_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything reads it: the window's cache is a temporary folder. */
  cache_home = g_dir_make_tmp ("distretto-fetch-dialog-home-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/FetchDialog/window", test_window_fetch);
  g_test_add_func ("/Distretto/FetchDialog/error", test_error);
  g_test_add_func ("/Distretto/FetchDialog/cancel", test_cancel);

  status = g_test_run ();

  distretto_test_remove_tree (cache_home);
  g_free (cache_home);

  return status;
}
