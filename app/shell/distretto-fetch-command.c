/* distretto-fetch-command.c: `distretto fetch`, Eurostat tables into the cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "distretto-age.h"
#include "distretto-cli.h"
#include "distretto-fetch-command.h"
#include "distretto-plugin-engine.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2100

/* On a terminal, one line on stderr that follows the download. */
static void
on_progress_cb (DistrettoEurostatFetcher *fetcher,
                const char               *table,
                guint64                   received,
                gint64                    total,
                gpointer                  user_data)
{
  g_autofree char *got = g_format_size (received);

  if (total >= 0)
    {
      g_autofree char *size = g_format_size (total);

      /* The line is rewritten in place: back to its start, cleared. */
      g_printerr ("\r\033[K");
      /* TRANSLATORS: progress of a download: "tgs00050: 1.2 MB of 4.8 MB" */
      g_printerr (_("%s: %s of %s"), table, got, size);
    }
  else
    g_printerr ("\r\033[K%s: %s", table, got);
}

static void
add_table (GPtrArray  *tables,
           const char *table)
{
  g_autofree char *code = g_ascii_strdown (table, -1);

  for (guint i = 0; i < tables->len; i++)
    if (g_str_equal (g_ptr_array_index (tables, i), code))
      return;

  g_ptr_array_add (tables, g_steal_pointer (&code));
}

/* The tables of --module ID, added to @tables; the exit code on failure. */
static int
add_module_tables (GPtrArray  *tables,
                   const char *module_id)
{
  g_autoptr(DistrettoPluginEngine) engine = distretto_plugin_engine_new ();
  DistrettoModule *module;
  g_auto(GStrv) module_tables = NULL;

  distretto_plugin_engine_load_all (engine);
  module = distretto_plugin_engine_find_module (engine, module_id);
  if (module == NULL)
    {
      g_autofree char *ids = distretto_cli_dup_module_ids (engine);

      return distretto_cli_fail ("fetch", _("unknown module “%s”: the loaded modules are %s"),
                                 module_id, ids[0] ? ids : _("none"));
    }

  module_tables = distretto_indicator_definition_dup_tables (distretto_module_get_definition (module));
  if (module_tables[0] == NULL)
    {
      g_auto(GStrv) series = distretto_indicator_definition_dup_all_series (distretto_module_get_definition (module));
      g_autofree char *list = g_strjoinv (", ", series);

      return distretto_cli_fail ("fetch", _("module “%s” names no Eurostat table: its series (%s) are plain names; use --table CODE"),
                                 module_id, list);
    }

  for (guint i = 0; module_tables[i] != NULL; i++)
    add_table (tables, module_tables[i]);

  return DISTRETTO_EXIT_OK;
}

static void
print_result (DistrettoCachedTable *table)
{
  g_autofree char *path = g_file_get_path (distretto_cached_table_get_file (table));

  if (distretto_cached_table_is_from_cache (table))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *age = distretto_age_format (distretto_cached_table_get_downloaded (table), now);

      /* TRANSLATORS: "tgs00050: cached 3 days ago — /home/…/tgs00050.csv" */
      g_print (_("%s: cached %s — %s\n"), distretto_cached_table_get_table (table), age, path);
    }
  else
    {
      g_autofree char *size = g_format_size (distretto_cached_table_get_size (table));

      /* TRANSLATORS: "tgs00050: downloaded 1.8 MB — /home/…/tgs00050.csv" */
      g_print (_("%s: downloaded %s — %s\n"), distretto_cached_table_get_table (table), size, path);
    }
}

int
distretto_fetch_command_run (int    argc,
                             char **argv)
{
  g_auto(GStrv) table_args = NULL;
  g_autofree char *module_id = NULL;
  g_autofree char *format_name = NULL;
  int since = 0;
  int timeout = DISTRETTO_EUROSTAT_DEFAULT_TIMEOUT;
  gboolean refresh = FALSE;
  const GOptionEntry entries[] = {
    { "table", 't', 0, G_OPTION_ARG_STRING_ARRAY, &table_args, N_("Eurostat table to download, such as nama_10r_2gdp; repeat for several"), N_("CODE") },
    { "module", 'm', 0, G_OPTION_ARG_STRING, &module_id, N_("Download the Eurostat tables the module’s series name"), N_("ID") },
    { "since", 's', 0, G_OPTION_ARG_INT, &since, N_("Download the years from YEAR on only (default: every year)"), N_("YEAR") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("sdmx-csv, or tsv for the smaller compressed TSV (default: sdmx-csv)"), N_("FORMAT") },
    { "refresh", 'r', 0, G_OPTION_ARG_NONE, &refresh, N_("Download again even tables already in the cache"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Seconds to wait for Eurostat before giving up (default: 60)"), N_("SECONDS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DistrettoEurostatFetcher) fetcher = NULL;
  DistrettoEurostatFormat format = DISTRETTO_EUROSTAT_FORMAT_SDMX_CSV;
  gboolean on_terminal = isatty (STDERR_FILENO);
  int status = DISTRETTO_EXIT_OK;

  context = g_option_context_new (_("— download Eurostat tables into the cache, for import"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Tables come from Eurostat’s dissemination API (or from "
                                      "DISTRETTO_EUROSTAT_URL when set) into the “distretto/eurostat” "
                                      "folder of the user’s cache. Exit status: 0 when every table is "
                                      "in the cache, 1 when a download failed, 2 on a usage error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return distretto_cli_fail ("fetch", "%s", error->message);
  if (argc > 1)
    return distretto_cli_fail ("fetch", _("unexpected argument “%s”"), argv[1]);
  if (table_args == NULL && module_id == NULL)
    return distretto_cli_fail ("fetch", _("missing --table CODE or --module ID"));
  if (since != 0 && (since < MIN_YEAR || since > MAX_YEAR))
    return distretto_cli_fail ("fetch", _("--since takes a year such as 2015, not %d"), since);
  if (timeout < 1)
    return distretto_cli_fail ("fetch", _("--timeout takes a number of seconds, at least 1"));
  if (format_name != NULL && g_str_equal (format_name, "tsv"))
    format = DISTRETTO_EUROSTAT_FORMAT_TSV;
  else if (format_name != NULL && !g_str_equal (format_name, "sdmx-csv"))
    return distretto_cli_fail ("fetch", _("unknown format “%s”: expected sdmx-csv or tsv"), format_name);

  for (guint i = 0; table_args != NULL && table_args[i] != NULL; i++)
    {
      if (!distretto_eurostat_table_code_is_valid (table_args[i]))
        return distretto_cli_fail ("fetch", _("“%s” is not a Eurostat table code: expected letters, digits and “_”, such as “nama_10r_2gdp”"),
                                   table_args[i]);
      add_table (tables, table_args[i]);
    }

  if (module_id != NULL)
    {
      int module_status = add_module_tables (tables, module_id);

      if (module_status != DISTRETTO_EXIT_OK)
        return module_status;
    }

  fetcher = distretto_eurostat_fetcher_new ();
  distretto_eurostat_fetcher_set_format (fetcher, format);
  distretto_eurostat_fetcher_set_timeout (fetcher, timeout);
  if (on_terminal)
    g_signal_connect (fetcher, "progress", G_CALLBACK (on_progress_cb), NULL);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autoptr(DistrettoCachedTable) table = NULL;

      g_clear_error (&error);
      table = distretto_eurostat_fetcher_fetch (fetcher, g_ptr_array_index (tables, i), since,
                                                refresh ? DISTRETTO_FETCH_FLAGS_REFRESH : DISTRETTO_FETCH_FLAGS_NONE,
                                                NULL, &error);
      if (on_terminal)
        g_printerr ("\r\033[K");

      if (table == NULL)
        {
          distretto_cli_fail ("fetch", "%s", error->message);
          status = DISTRETTO_EXIT_INVALID;
          continue;
        }

      print_result (table);
    }

  return status;
}
