/* distretto-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "distretto-cli.h"
#include "distretto-demo.h"

/* Prints "distretto COMMAND: message" on one line and returns the usage
 * exit code, so callers can `return distretto_cli_fail (…)`. */
int
distretto_cli_fail (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strdelimit (message, "\n", ' ');
  g_printerr ("distretto %s: %s\n", command, message);

  return DISTRETTO_EXIT_USAGE;
}

/* The files merged into one dataset, or the demo dataset when there are
 * none. */
DistrettoDataset *
distretto_cli_load_data (const char * const  *paths,
                         GError             **error)
{
  g_autoptr(DistrettoDataset) merged = NULL;

  if (paths == NULL || paths[0] == NULL)
    return distretto_demo_dataset_load (error);

  merged = distretto_dataset_new ();
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(DistrettoDataset) dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, error);

      if (dataset == NULL || !distretto_dataset_merge (merged, dataset, error))
        return NULL;
    }

  return g_steal_pointer (&merged);
}

/* The ids of the loaded modules, joined by ", ", for messages. */
char *
distretto_cli_dup_module_ids (DistrettoPluginEngine *engine)
{
  GListModel *modules = distretto_plugin_engine_get_modules (engine);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (modules); i++)
    {
      g_autoptr(DistrettoModule) module = g_list_model_get_item (modules, i);

      if (ids->len > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, distretto_module_get_id (module));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The path among @inputs that names the same file as @output (through a
 * link, another spelling or a hard link), or NULL: a command must not
 * write over what it reads. */
const char *
distretto_cli_find_input (GFile              *output,
                          const char * const *inputs)
{
  g_autofree char *output_path = g_file_get_path (output);
  struct stat output_st;

  if (output_path == NULL || stat (output_path, &output_st) != 0)
    return NULL;

  for (guint i = 0; inputs != NULL && inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autofree char *path = g_file_get_path (file);
      struct stat st;

      if (path != NULL && stat (path, &st) == 0 &&
          st.st_dev == output_st.st_dev && st.st_ino == output_st.st_ino)
        return inputs[i];
    }

  return NULL;
}

/* Refuses, before any work, an --output that cannot be written: a folder,
 * a FIFO, a missing folder, one of the command's inputs. Returns the exit
 * code: 0, or 2 with one line on stderr. */
int
distretto_cli_check_output (const char         *command,
                            const char         *output,
                            const char * const *data_paths,
                            const char         *boundaries_path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GStrvBuilder) inputs = g_strv_builder_new ();
  g_auto(GStrv) input_paths = NULL;
  g_autoptr(GError) error = NULL;
  const char *input;

  if (!distretto_check_output_file (file, &error))
    return distretto_cli_fail (command, _("cannot write “%s”: %s"), output, error->message);

  if (data_paths != NULL)
    g_strv_builder_addv (inputs, (const char **) data_paths);
  if (boundaries_path != NULL)
    g_strv_builder_add (inputs, boundaries_path);
  input_paths = g_strv_builder_end (inputs);
  input = distretto_cli_find_input (file, (const char * const *) input_paths);
  if (input != NULL)
    return distretto_cli_fail (command, _("--output “%s” is the input file “%s”: write to another file"),
                               output, input);

  return DISTRETTO_EXIT_OK;
}

/* The folder of a batch: made if missing, and writable. */
int
distretto_cli_check_output_dir (const char *command,
                                const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (dir);
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return distretto_cli_fail (command, _("cannot write into “%s”: not a local folder"), dir);

  if (g_mkdir_with_parents (path, 0777) != 0)
    return distretto_cli_fail (command, _("cannot write into “%s”: %s"), dir, g_strerror (errno));

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return distretto_cli_fail (command, _("cannot write into “%s”: not a folder"), dir);

  if (access (path, W_OK | X_OK) != 0)
    return distretto_cli_fail (command, _("cannot write into “%s”: %s"), dir, g_strerror (errno));

  return DISTRETTO_EXIT_OK;
}

/* The style named (light, dark, print; print when NULL), or -1. */
int
distretto_cli_parse_style (const char *name)
{
  DistrettoChartStyle style = DISTRETTO_CHART_STYLE_PRINT;

  if (name != NULL && !distretto_chart_style_from_name (name, &style))
    return -1;

  return style;
}


/* The strings of @strv in an array of their own. */
GPtrArray *
distretto_cli_dup_strv (char **strv)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (strv[i]));

  return array;
}
