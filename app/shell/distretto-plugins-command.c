/* distretto-plugins-command.c: `distretto plugins`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "distretto-cli.h"
#include "distretto-plugin-calls.h"
#include "distretto-plugin-engine.h"
#include "distretto-plugins-command.h"

/* Prints every plugin the engine finds, loading them as the application
 * does, one block each. Exit status: 0 when every plugin is enabled and
 * working or switched off by the user, 1 when one failed or was written
 * for another plugin ABI (so a script can check a plugin folder), 2 on a
 * usage error.
 *
 * The plugins are loaded in a worker process, the same command run again
 * with WORKER_ENV set: a plugin that crashes it (a segfault, os._exit())
 * leaves its name in the worker's marker (distretto-plugin-calls.c), the
 * next worker finds it and lists that plugin as failed, and the command
 * prints the list of the worker that got through. */

#define WORKER_ENV "DISTRETTO_PLUGINS_WORKER"
#define MAX_CRASHES 32

static void
print_field (const char *label,
             const char *value)
{
  g_auto(GStrv) lines = NULL;

  if (value == NULL || *value == '\0')
    return;

  /* Continuation lines of a multi-line value (an invalid definition lists
   * one problem per line) are indented under the first. */
  lines = g_strsplit (value, "\n", -1);
  g_print ("  %s %s\n", label, lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    g_print ("    %s\n", lines[i]);
}

static void
print_plugin (DistrettoPluginItem *item)
{
  g_autofree char *authors = g_strjoinv (", ", (char **) distretto_plugin_item_get_authors (item));
  DistrettoPluginLocation location = distretto_plugin_item_get_location (item);
  g_autofree char *found = g_strdup_printf ("%s (%s)", distretto_plugin_location_to_string (location),
                                            distretto_plugin_item_get_directory (item));

  g_print ("%s\n", distretto_plugin_item_get_name (item));
  print_field (_("module:"), distretto_plugin_item_get_module_name (item));
  print_field (_("version:"), distretto_plugin_item_get_version (item));
  print_field (_("authors:"), authors);
  print_field (_("found in:"), found);
  print_field (_("state:"), distretto_plugin_state_to_string (distretto_plugin_item_get_state (item)));
  print_field (_("error:"), distretto_plugin_item_get_error (item));
}

/* Runs the listing in worker processes until one gets through. Returns
 * FALSE if no worker could be started. */
static gboolean
run_workers (char **argv,
             int   *status)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) worker_argv = NULL;

  if (self == NULL)
    return FALSE;

  g_strv_builder_add (builder, self);
  for (guint i = 0; argv[i] != NULL; i++)
    g_strv_builder_add (builder, argv[i]);
  worker_argv = g_strv_builder_end (builder);
  g_subprocess_launcher_setenv (launcher, WORKER_ENV, "1", TRUE);

  for (guint crashes = 0; crashes <= MAX_CRASHES; crashes++)
    {
      g_autoptr(GSubprocess) worker = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *marker = NULL;
      g_autofree char *culprit = NULL;
      g_autofree char *what = NULL;
      GPid pid;

      worker = g_subprocess_launcher_spawnv (launcher, (const char * const *) worker_argv, &error);
      if (worker == NULL)
        return FALSE;

      pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (worker), NULL, 10);
      marker = distretto_plugin_calls_dup_marker_path (pid);
      if (!g_subprocess_communicate (worker, NULL, NULL, &out, NULL, &error))
        return FALSE;

      /* A worker that ended inside a plugin: once more, without it. */
      culprit = distretto_plugin_calls_read_marker (marker, &what);
      if (culprit != NULL)
        {
          g_printerr (_("distretto plugins: the plugin “%s” crashed Distretto (in %s); listing again without it\n"),
                      culprit, what);
          continue;
        }

      if (!g_subprocess_get_if_exited (worker))
        {
          g_printerr (_("distretto plugins: Distretto crashed (signal %d) outside any plugin\n"),
                      g_subprocess_get_term_sig (worker));
          *status = DISTRETTO_EXIT_INVALID;
          return TRUE;
        }

      fwrite (g_bytes_get_data (out, NULL), 1, g_bytes_get_size (out), stdout);
      *status = g_subprocess_get_exit_status (worker);
      return TRUE;
    }

  g_printerr (_("distretto plugins: more than %d plugins crashed Distretto; run it again to list the rest\n"),
              MAX_CRASHES);
  *status = DISTRETTO_EXIT_INVALID;
  return TRUE;
}

int
distretto_plugins_command_run (int    argc,
                               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoPluginEngine) engine = NULL;
  GListModel *plugins;
  GPtrArray *problems;
  int status = DISTRETTO_EXIT_OK;

  context = g_option_context_new (_("— list every plugin, where it was found and whether it works"));
  g_option_context_set_description (context,
                                    _("Exit status: 0 when every plugin works or was switched off, "
                                      "1 when a plugin failed or was written for another plugin ABI, "
                                      "2 on a usage error."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return distretto_cli_fail ("plugins", "%s", error->message);
  if (argc > 1)
    return distretto_cli_fail ("plugins", _("unexpected argument “%s”"), argv[1]);

  if (g_getenv (WORKER_ENV) == NULL && run_workers (argv, &status))
    return status;

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);

  plugins = distretto_plugin_engine_get_plugins (engine);
  for (guint i = 0; i < g_list_model_get_n_items (plugins); i++)
    {
      g_autoptr(DistrettoPluginItem) item = g_list_model_get_item (plugins, i);
      DistrettoPluginState state = distretto_plugin_item_get_state (item);

      if (i > 0)
        g_print ("\n");
      print_plugin (item);

      if (state == DISTRETTO_PLUGIN_STATE_FAILED || state == DISTRETTO_PLUGIN_STATE_INCOMPATIBLE)
        status = DISTRETTO_EXIT_INVALID;
    }

  if (g_list_model_get_n_items (plugins) == 0)
    g_print ("%s\n", _("No plugins found"));

  /* Problems of the engine itself, not of one plugin. */
  problems = distretto_plugin_engine_get_setup_problems (engine);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("distretto plugins: %s\n", (const char *) g_ptr_array_index (problems, i));

  return status;
}
