/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "distretto-application.h"
#include "distretto-export-command.h"
#include "distretto-fetch-command.h"
#include "distretto-new-plugin-command.h"
#include "distretto-plugin-engine.h"
#include "distretto-plugins-command.h"
#include "distretto-report-command.h"
#include "distretto-reproduce-command.h"
#include "distretto-validate-command.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DistrettoApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* `meson devenv` points this at the translations of the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DISTRETTO_LOCALEDIR") ? g_getenv ("DISTRETTO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Before any thread: the environment Python plugins start in. */
  distretto_plugin_engine_prepare_environment ();

  /* Headless commands run before anything touches a display. */
  if (argc > 1 && g_str_equal (argv[1], "export"))
    return distretto_export_command_run (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "validate"))
    return distretto_validate_command_run (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "fetch"))
    return distretto_fetch_command_run (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "new-plugin"))
    return distretto_new_plugin_command_run (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "plugins"))
    return distretto_plugins_command_run (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "report"))
    return distretto_report_command_run (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "reproduce"))
    return distretto_reproduce_command_run (argc - 1, argv + 1);

  app = distretto_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
