/* distretto-plugin-crashes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <distretto.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "distretto-plugin-calls.h"
#include "distretto-plugin-crashes.h"

/* A marker of distretto-plugin-calls.c left filled in by a process that
 * is gone names the plugin whose code was running when it died. At start
 * the engine turns such markers into records, one small key file per
 * plugin in $XDG_STATE_HOME/distretto/crashed-plugins, and leaves those
 * plugins off. A record lapses when the plugin's files change (the author
 * fixed it) or when the user switches the plugin on again. */

#define GROUP "Crash"

static char *
record_path (const char *module_name)
{
  g_autofree char *escaped = g_uri_escape_string (module_name, NULL, FALSE);
  g_autofree char *name = g_strconcat (escaped, ".ini", NULL);

  return g_build_filename (g_get_user_state_dir (), "distretto", "crashed-plugins", name, NULL);
}

static void
record (const char *module_name,
        const char *what,
        gint64      when)
{
  g_autofree char *path = record_path (module_name);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_key_file_set_string (key_file, GROUP, "Module", module_name);
  g_key_file_set_string (key_file, GROUP, "Call", what);
  g_key_file_set_int64 (key_file, GROUP, "Time", when);
  data = g_key_file_to_data (key_file, &length, NULL);
  bytes = g_bytes_new_take (data, length);

  if (g_mkdir_with_parents (dir, 0700) != 0 || !distretto_write_file (file, bytes, &error))
    g_warning ("Cannot remember that the plugin “%s” crashed Distretto: %s",
               module_name, error ? error->message : g_strerror (errno));
}

/* Records the call the marker at @path names last, the one that was
 * running when its process ended, and adds its plugin to @found. */
static void
collect_marker (const char *path,
                GPtrArray  *found)
{
  g_autofree char *what = NULL;
  g_autofree char *module_name = NULL;
  struct stat st;

  if (stat (path, &st) == 0 &&
      (module_name = distretto_plugin_calls_read_marker (path, &what)) != NULL)
    {
      record (module_name, what, st.st_mtime);
      if (!g_ptr_array_find_with_equal_func (found, module_name, g_str_equal, NULL))
        g_ptr_array_add (found, g_steal_pointer (&module_name));
    }

  g_unlink (path);
}

/* Turns the markers of processes that died inside a plugin call into
 * records, and removes every marker of a process that is gone. Returns
 * the module names of the plugins newly recorded. */
GPtrArray *
distretto_plugin_crashes_collect (void)
{
  g_autofree char *dir_path = distretto_plugin_calls_dup_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GPid pid;

      if (!distretto_plugin_calls_parse_name (name, &pid) || !distretto_plugin_calls_is_gone (pid))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      collect_marker (path, found);
    }

  return found;
}

/* The newest modification time of the files in @dir and its direct
 * subfolders: when the plugin was last installed or rebuilt. */
static gint64
newest_change (const char *dir_path,
               guint       depth)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  gint64 newest = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      struct stat st;

      if (stat (path, &st) != 0)
        continue;
      if (S_ISREG (st.st_mode))
        newest = MAX (newest, (gint64) st.st_mtime);
      else if (S_ISDIR (st.st_mode) && depth > 0 && name[0] != '.' && g_strcmp0 (name, "__pycache__") != 0)
        newest = MAX (newest, newest_change (path, depth - 1));
    }

  return newest;
}

/* When the plugin in @module_dir last changed: the newest modification
 * time of its files, in seconds. */
gint64
distretto_plugin_files_get_newest_change (const char *module_dir)
{
  g_return_val_if_fail (module_dir != NULL, 0);

  return newest_change (module_dir, 1);
}

/* Why the plugin @module_name stays off: it crashed Distretto, and its
 * files in @module_dir have not changed since. NULL if it may load. */
char *
distretto_plugin_crashes_lookup (const char *module_name,
                                 const char *module_dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *recorded = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *when = NULL;
  gint64 seconds;

  g_return_val_if_fail (module_name != NULL, NULL);

  path = record_path (module_name);
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  recorded = g_key_file_get_string (key_file, GROUP, "Module", NULL);
  if (g_strcmp0 (recorded, module_name) != 0)
    return NULL;

  what = g_key_file_get_string (key_file, GROUP, "Call", NULL);
  seconds = g_key_file_get_int64 (key_file, GROUP, "Time", NULL);
  if (module_dir != NULL && newest_change (module_dir, 1) > seconds)
    {
      distretto_plugin_crashes_forget (module_name);
      return NULL;
    }

  time = g_date_time_new_from_unix_local (seconds);
  when = time ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("?");

  if (g_strcmp0 (what, "load") == 0 || g_strcmp0 (what, "create") == 0)
    return g_strdup_printf (_("Distretto stopped while it loaded this plugin (%s): the plugin crashed "
                              "or ended the process. It stays off until it is updated, or switched "
                              "off and on again."), when);

  return g_strdup_printf (_("Distretto stopped while this plugin ran its %s (%s): the plugin crashed "
                            "or ended the process. It stays off until it is updated, or switched "
                            "off and on again."), what ? what : "?", when);
}

void
distretto_plugin_crashes_forget (const char *module_name)
{
  g_autofree char *path = record_path (module_name);

  g_unlink (path);
}
