/* distretto-plugin-diagnostics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "distretto-plugin-diagnostics.h"

/* libpeas says why a plugin failed only in warnings (the Python loader
 * logs the whole traceback); its GError just says "Failed to load". The
 * engine listens to those warnings while it loads a plugin, and turns
 * them into one line for the plugin manager. The warnings still reach the
 * log as before. */

/* The longest exception text kept, in characters, beyond the exception's
 * type. */
#define EXCEPTION_MAX 200

#define CAPTURED_LEVELS (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION)

/* Loaders may log from any thread: the messages are kept under a lock. */
struct _DistrettoLogCapture
{
  GMutex lock;
  GPtrArray *messages;
  guint python_handler;   /* the Python loader logs without a domain */
  guint peas_handler;
};

static void
capture_log_cb (const char     *log_domain,
                GLogLevelFlags  log_level,
                const char     *message,
                gpointer        user_data)
{
  DistrettoLogCapture *capture = user_data;

  g_mutex_lock (&capture->lock);
  g_ptr_array_add (capture->messages, g_strdup (message));
  g_mutex_unlock (&capture->lock);
  g_log_default_handler (log_domain, log_level, message, NULL);
}

DistrettoLogCapture *
distretto_log_capture_start (void)
{
  DistrettoLogCapture *capture = g_new0 (DistrettoLogCapture, 1);

  g_mutex_init (&capture->lock);
  capture->messages = g_ptr_array_new_with_free_func (g_free);
  capture->python_handler = g_log_set_handler (NULL, CAPTURED_LEVELS, capture_log_cb, capture);
  capture->peas_handler = g_log_set_handler ("libpeas", CAPTURED_LEVELS, capture_log_cb, capture);

  return capture;
}

/* Returns the messages logged since distretto_log_capture_start(). */
GPtrArray *
distretto_log_capture_stop (DistrettoLogCapture *capture)
{
  GPtrArray *messages;

  g_return_val_if_fail (capture != NULL, NULL);

  g_log_remove_handler (NULL, capture->python_handler);
  g_log_remove_handler ("libpeas", capture->peas_handler);
  g_mutex_lock (&capture->lock);
  messages = g_steal_pointer (&capture->messages);
  g_mutex_unlock (&capture->lock);
  g_mutex_clear (&capture->lock);
  g_free (capture);

  return messages;
}

static gboolean
is_inside (const char *path,
           const char *directory)
{
  size_t len;

  if (directory == NULL)
    return FALSE;

  len = strlen (directory);
  return strncmp (path, directory, len) == 0 && (path[len] == G_DIR_SEPARATOR || path[len] == '\0');
}

/* "FILE:LINE: ExceptionType: message" from a Python traceback: the last
 * frame in the plugin's folder (else the last real file), and the
 * exception, which is the last line. */
static char *
condense_traceback (const char *text,
                    const char *module_dir)
{
  g_autoptr(GRegex) frame_regex = g_regex_new ("^\\s*File \"(.+)\", line (\\d+)", G_REGEX_OPTIMIZE, 0, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *own_file = NULL;
  g_autofree char *any_file = NULL;
  g_autofree char *own_line = NULL;
  g_autofree char *any_line = NULL;
  g_autofree char *cut = NULL;
  const char *exception = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (frame_regex, lines[i], 0, &match))
        {
          g_autofree char *file = g_match_info_fetch (match, 1);
          g_autofree char *line = g_match_info_fetch (match, 2);

          if (is_inside (file, module_dir))
            {
              g_free (own_file);
              g_free (own_line);
              own_file = g_strdup (file);
              own_line = g_strdup (line);
            }
          if (file[0] != '<')
            {
              g_free (any_file);
              g_free (any_line);
              any_file = g_steal_pointer (&file);
              any_line = g_steal_pointer (&line);
            }
        }
      else if (lines[i][0] != '\0' && !g_ascii_isspace (lines[i][0]) &&
               !g_str_has_prefix (lines[i], "Traceback ") &&
               !g_str_has_prefix (lines[i], "Error importing plugin "))
        {
          exception = lines[i];
        }
    }

  if (exception == NULL)
    return NULL;

  /* As the overrides do for the methods: the text cut at 200 characters. */
  if (g_utf8_validate (exception, -1, NULL) && g_utf8_strlen (exception, -1) > EXCEPTION_MAX)
    {
      g_autofree char *start = g_utf8_substring (exception, 0, EXCEPTION_MAX - 1);

      cut = g_strconcat (start, "…", NULL);
      exception = cut;
    }

  if (own_file != NULL)
    return g_strdup_printf ("%s:%s: %s", own_file, own_line, exception);
  if (any_file != NULL)
    return g_strdup_printf ("%s:%s: %s", any_file, any_line, exception);
  return g_strdup (exception);
}

/* The reason for a failed load among what libpeas logged meanwhile, or
 * NULL if it logged none. */
char *
distretto_plugin_describe_load_failure (GPtrArray  *messages,
                                        const char *module_dir)
{
  g_return_val_if_fail (messages != NULL, NULL);

  for (guint i = 0; i < messages->len; i++)
    {
      const char *message = g_ptr_array_index (messages, i);

      /* libpeas's own summary, after the real reason. */
      if (g_str_has_prefix (message, "Error loading plugin '"))
        continue;

      if (strstr (message, "Traceback (most recent call last)") != NULL)
        {
          char *condensed = condense_traceback (message, module_dir);

          if (condensed != NULL)
            return condensed;
        }

      return g_strdup (message);
    }

  return NULL;
}

/* Checks a .plugin file the way libpeas reads it. Returns NULL when
 * @engine knows the plugin, else why it does not, with the module name
 * the file gives (or its base name) and its Name if any. */
char *
distretto_plugin_check_file (PeasEngine  *engine,
                             const char  *path,
                             char       **module_name,
                             char       **name)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *module = NULL;
  g_autofree char *title = NULL;
  char *reason = NULL;

  g_return_val_if_fail (PEAS_IS_ENGINE (engine), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error))
    {
      reason = g_strdup_printf (_("Cannot read the plugin file “%s”: %s"), path, error->message);
    }
  else if (!g_key_file_has_group (key_file, "Plugin"))
    {
      reason = g_strdup_printf (_("The plugin file “%s” has no [Plugin] section"), path);
    }
  else
    {
      module = g_key_file_get_string (key_file, "Plugin", "Module", NULL);
      title = g_key_file_get_locale_string (key_file, "Plugin", "Name", NULL, NULL);

      if (module == NULL || *module == '\0')
        reason = g_strdup_printf (_("The plugin file “%s” has no Module key"), path);
      else if (title == NULL || *title == '\0')
        reason = g_strdup_printf (_("The plugin file “%s” has no Name key"), path);
      else if (peas_engine_get_plugin_info (engine, module) == NULL)
        reason = g_strdup_printf (_("The plugin file “%s” is not valid"), path);
    }

  if (module == NULL || *module == '\0')
    {
      g_autofree char *basename = g_path_get_basename (path);

      g_clear_pointer (&module, g_free);
      module = g_strndup (basename, strlen (basename) - strlen (".plugin"));
    }

  if (module_name != NULL)
    *module_name = g_steal_pointer (&module);
  if (name != NULL)
    *name = title != NULL && *title != '\0' ? g_steal_pointer (&title) : NULL;

  return reason;
}

static void
find_files (const char *directory,
            guint       depth,
            GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, entry, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (depth > 0)
            find_files (path, depth - 1, paths);
        }
      else if (g_str_has_suffix (entry, ".plugin"))
        {
          g_ptr_array_add (paths, g_steal_pointer (&path));
        }
    }
}

/* Adds to @paths every .plugin file libpeas looks at in @directory: its
 * own and those of its subfolders. */
void
distretto_plugin_find_files (const char *directory,
                             GPtrArray  *paths)
{
  g_return_if_fail (directory != NULL);
  g_return_if_fail (paths != NULL);

  find_files (directory, 1, paths);
}
