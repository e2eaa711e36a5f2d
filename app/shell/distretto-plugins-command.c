/* distretto-plugins-command.c: `distretto plugins`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "distretto-cli.h"
#include "distretto-plugin-engine.h"
#include "distretto-plugins-command.h"

/* Prints every plugin the engine finds, loading them as the application
 * does, one block each. Exit status: 0 when every plugin is enabled and
 * working or switched off by the user, 1 when one failed or was written
 * for another plugin ABI (so a script can check a plugin folder), 2 on a
 * usage error. */

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
