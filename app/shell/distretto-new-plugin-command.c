/* distretto-new-plugin-command.c: `distretto new-plugin NAME`, a plugin to edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "distretto-cli.h"
#include "distretto-new-plugin-command.h"

/* The examples of plugins/examples, compiled into the binary by
 * app/shell/meson.build from plugins/examples/templates.gresource.xml. */
#define SKELETONS_PATH RESOURCE_BASE "/templates/"

#define NAME_MAX_LENGTH 64

typedef enum
{
  LANGUAGE_PYTHON,
  LANGUAGE_C,
} Language;

static const struct
{
  const char *name;
  const char *folder;
} languages[] = {
  [LANGUAGE_PYTHON] = { "python", "python-template" },
  [LANGUAGE_C] = { "c", "c-template" },
};

static gboolean
parse_language (const char *name,
                Language   *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (name, languages[i].name) == 0)
      {
        *language = i;
        return TRUE;
      }

  return FALSE;
}

/* A lowercase letter, then lowercase letters, digits and underscores: the
 * name is used as it is for the folder, the module, the id and C
 * functions, so it must be an identifier in Python and C. */
static gboolean
is_valid_name (const char *name)
{
  if (!g_ascii_islower (name[0]))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

/* kibs_share → KibsShare, for class and type names. */
static char *
camel_case (const char *name)
{
  GString *camel = g_string_new (NULL);
  gboolean start = TRUE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          start = TRUE;
          continue;
        }

      g_string_append_c (camel, start ? g_ascii_toupper (*p) : *p);
      start = FALSE;
    }

  return g_string_free (camel, FALSE);
}

/* The skeleton's text with its names replaced by @name's: every file of
 * a skeleton spells its plugin's name “template”, “Template” and
 * “TEMPLATE”, which become kibs_share, KibsShare and KIBS_SHARE. */
static char *
substitute (const char *text,
            gsize       length,
            const char *name)
{
  static const char *tokens[] = { "template", "Template", "TEMPLATE" };
  g_autofree char *camel = camel_case (name);
  g_autofree char *upper = g_ascii_strup (name, -1);
  const char *values[] = { name, camel, upper };
  gsize token_length = strlen (tokens[0]);
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length;)
    {
      gboolean replaced = FALSE;

      for (guint t = 0; t < G_N_ELEMENTS (tokens) && !replaced; t++)
        if (length - i >= token_length && memcmp (text + i, tokens[t], token_length) == 0)
          {
            g_string_append (out, values[t]);
            i += token_length;
            replaced = TRUE;
          }

      if (!replaced)
        g_string_append_c (out, text[i++]);
    }

  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Writes the skeleton of @language into @dir; the names of the files
 * written go to @written. */
static gboolean
write_skeleton (Language     language,
                const char  *name,
                const char  *dir,
                GPtrArray   *written,
                GError     **error)
{
  g_autofree char *folder = g_strconcat (SKELETONS_PATH, languages[language].folder, "/", NULL);
  g_auto(GStrv) children = g_resources_enumerate_children (folder, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (children == NULL)
    return FALSE;

  qsort (children, g_strv_length (children), sizeof (char *), compare_strings);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *resource = g_strconcat (folder, children[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      g_autofree char *file_name = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) text = NULL;
      gsize size;
      const char *data;

      if (bytes == NULL)
        return FALSE;

      data = g_bytes_get_data (bytes, &size);
      contents = substitute (data, size, name);
      file_name = substitute (children[i], strlen (children[i]), name);
      path = g_build_filename (dir, file_name, NULL);
      file = g_file_new_for_path (path);
      text = g_bytes_new_static (contents, strlen (contents));

      if (!distretto_write_file (file, text, error))
        return FALSE;

      g_ptr_array_add (written, g_steal_pointer (&file_name));
    }

  return TRUE;
}

static gboolean
is_free (const char *dir)
{
  g_autoptr(GDir) contents = NULL;

  if (!g_file_test (dir, G_FILE_TEST_EXISTS))
    return TRUE;

  contents = g_dir_open (dir, 0, NULL);
  return contents != NULL && g_dir_read_name (contents) == NULL;
}

static void
remove_staging (const char *staging,
                GPtrArray  *written)
{
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *path = g_build_filename (staging, g_ptr_array_index (written, i), NULL);

      g_unlink (path);
    }

  g_rmdir (staging);
  g_ptr_array_set_size (written, 0);
}

/* Writes the plugin into a hidden folder beside @dir, then renames it:
 * @dir gets every file or none (the next run removes the hidden folder
 * of a run that was killed), and an existing folder with files in it is
 * never overwritten. */
static gboolean
create_plugin (Language     language,
               const char  *name,
               const char  *dir,
               GPtrArray   *written,
               GError     **error)
{
  g_autofree char *staging = distretto_make_staging_folder (dir, error);
  int saved_errno;

  if (staging == NULL)
    return FALSE;

  if (!write_skeleton (language, name, staging, written, error))
    {
      remove_staging (staging, written);
      return FALSE;
    }

  if (g_rename (staging, dir) != 0)
    {
      saved_errno = errno;
      remove_staging (staging, written);
      if (saved_errno == EEXIST || saved_errno == ENOTEMPTY || saved_errno == ENOTDIR)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                     _("“%s” already exists: choose another name or --directory"), dir);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("cannot create “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* @path as a shell word, quoted only when it needs to be. */
static char *
shell_word (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/._-+,:=@%", *p) == NULL)
      return g_shell_quote (path);

  return g_strdup (path);
}

static void
print_next_steps (Language    language,
                  const char *name,
                  const char *dir,
                  const char *user_plugins)
{
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *dir_word = shell_word (dir);
  g_autofree char *plugins_word = shell_word (user_plugins);
  g_autofree char *source = g_strconcat (name, ".py", NULL);
  g_autofree char *source_path = g_build_filename (dir, source, NULL);

  if (language == LANGUAGE_C)
    g_print (_("Next: cd %s && meson setup build -Dplugindir=%s && meson install -C build\n"),
             dir_word, plugins_word);
  else if (g_strcmp0 (parent, user_plugins) == 0)
    g_print (_("Next: edit %s, then chart it on your data: distretto export --data FILE --module %s -o chart.png\n"),
             source_path, name);
  else
    g_print (_("Next: edit %s; Distretto loads plugins from %s and from the folders in DISTRETTO_PLUGIN_PATH\n"),
             source_path, user_plugins);
}

int
distretto_new_plugin_command_run (int    argc,
                                  char **argv)
{
  g_autofree char *language_name = NULL;
  g_autofree char *directory = NULL;
  const GOptionEntry entries[] = {
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language_name, N_("python or c (default: python)"), N_("LANGUAGE") },
    { "directory", 'd', 0, G_OPTION_ARG_FILENAME, &directory,
      N_("Folder to create (default: NAME in your plugin folder)"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *user_plugins = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *files = NULL;
  Language language = LANGUAGE_PYTHON;
  const char *name;

  context = g_option_context_new (_("NAME — write a new indicator plugin, ready to edit"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return distretto_cli_fail ("new-plugin", "%s", error->message);
  if (argc < 2)
    return distretto_cli_fail ("new-plugin", _("missing NAME: name the plugin, such as kibs_share"));
  if (argc > 2)
    return distretto_cli_fail ("new-plugin", _("unexpected argument “%s”"), argv[2]);

  name = argv[1];
  if (!is_valid_name (name))
    return distretto_cli_fail ("new-plugin",
                               _("“%s” is not a valid plugin name: use lowercase letters, digits and “_”, "
                                 "starting with a letter, such as kibs_share"), name);
  if (strlen (name) > NAME_MAX_LENGTH)
    return distretto_cli_fail ("new-plugin", _("the name “%s” is too long: use at most %d characters"),
                               name, NAME_MAX_LENGTH);
  if (g_str_has_prefix (name, "distretto"))
    return distretto_cli_fail ("new-plugin", _("names starting with “distretto” are kept for Distretto’s own modules"));
  if (language_name != NULL && !parse_language (language_name, &language))
    return distretto_cli_fail ("new-plugin", _("unknown language “%s”: expected python or c"), language_name);

  user_plugins = g_build_filename (g_get_user_data_dir (), "distretto", "plugins", NULL);
  if (directory != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (directory);

      dir = g_file_get_path (file);
      if (dir == NULL)
        return distretto_cli_fail ("new-plugin", _("“%s” is not a local folder"), directory);
    }
  else
    dir = g_build_filename (user_plugins, name, NULL);

  if (!is_free (dir))
    return distretto_cli_fail ("new-plugin", _("“%s” already exists: choose another name or --directory"), dir);

  if (!create_plugin (language, name, dir, written, &error))
    return distretto_cli_fail ("new-plugin", "%s", error->message);

  g_ptr_array_add (written, NULL);
  files = g_strjoinv (", ", (char **) written->pdata);
  if (language == LANGUAGE_C)
    g_print (_("Wrote a C plugin to %s: %s\n"), dir, files);
  else
    g_print (_("Wrote a Python plugin to %s: %s\n"), dir, files);
  print_next_steps (language, name, dir, user_plugins);

  return DISTRETTO_EXIT_OK;
}
