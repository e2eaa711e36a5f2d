/* distretto-eurostat-cache.c: the folder of downloaded Eurostat tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each table is one file, `<table>[-since-<year>].csv` or `.tsv.gz`, next
 * to a key file `<file>.info` recording the address and the download date.
 * A download is written to a temporary `.<table>-XXXXXX.part` in the same
 * folder, held under an exclusive flock() while it is written, then
 * synced and renamed over the old copy: the cache holds whole files only.
 * A temporary whose lock nobody holds was left by a process that died,
 * and the next download removes it.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "distretto-eurostat-private.h"

#define INFO_GROUP "Download"
#define TEMP_SUFFIX ".part"

char *
_distretto_eurostat_cache_path (const char              *cache_dir,
                                const char              *table,
                                int                      since,
                                DistrettoEurostatFormat  format)
{
  const char *extension = format == DISTRETTO_EUROSTAT_FORMAT_TSV ? "tsv.gz" : "csv";
  g_autofree char *name = NULL;

  if (since > 0)
    name = g_strdup_printf ("%s-since-%d.%s", table, since, extension);
  else
    name = g_strdup_printf ("%s.%s", table, extension);

  return g_build_filename (cache_dir, name, NULL);
}

static char *
info_path (const char *path)
{
  return g_strconcat (path, ".info", NULL);
}

/* The download date and address `<path>.info` records for the file at
 * @path, if it describes that copy (its size); FALSE if there is none. */
gboolean
_distretto_eurostat_cache_read_info (const char  *path,
                                     GDateTime  **downloaded,
                                     char       **url)
{
  g_autofree char *info = info_path (path);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *date = NULL;
  GStatBuf st;

  *downloaded = NULL;
  *url = NULL;
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) ||
      !g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, NULL) ||
      g_key_file_get_uint64 (keys, INFO_GROUP, "size", NULL) != (guint64) st.st_size)
    return FALSE;

  date = g_key_file_get_string (keys, INFO_GROUP, "downloaded", NULL);
  if (date == NULL || (*downloaded = g_date_time_new_from_iso8601 (date, NULL)) == NULL)
    return FALSE;

  *url = g_key_file_get_string (keys, INFO_GROUP, "url", NULL);
  return TRUE;
}

DistrettoCachedTable *
_distretto_eurostat_cache_lookup (const char              *cache_dir,
                                  const char              *table,
                                  int                      since,
                                  DistrettoEurostatFormat  format)
{
  g_autofree char *path = _distretto_eurostat_cache_path (cache_dir, table, since, format);
  g_autofree char *info = info_path (path);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) downloaded = NULL;
  g_autofree char *url = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;

  /* The key file is written after the table: when it is missing or
   * describes another copy, the file's own date is the download date. */
  if (g_key_file_load_from_file (keys, info, G_KEY_FILE_NONE, NULL) &&
      g_key_file_get_uint64 (keys, INFO_GROUP, "size", NULL) == (guint64) st.st_size)
    {
      g_autofree char *date = g_key_file_get_string (keys, INFO_GROUP, "downloaded", NULL);

      if (date != NULL)
        downloaded = g_date_time_new_from_iso8601 (date, NULL);
      if (downloaded != NULL)
        url = g_key_file_get_string (keys, INFO_GROUP, "url", NULL);
    }

  if (downloaded == NULL)
    downloaded = g_date_time_new_from_unix_utc (st.st_mtime);

  return _distretto_cached_table_new (table, since, path, url, downloaded, st.st_size, TRUE);
}

void
_distretto_eurostat_cache_remove_stale (const char *cache_dir)
{
  g_autoptr(GDir) dir = g_dir_open (cache_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (name[0] != '.' || !g_str_has_suffix (name, TEMP_SUFFIX))
        continue;

      path = g_build_filename (cache_dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;

      /* A download in progress holds the lock; a dead process does not. */
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

static gboolean
set_cache_error (GError     **error,
                 const char  *cache_dir,
                 int          saved_errno)
{
  g_set_error (error, DISTRETTO_FETCH_ERROR, DISTRETTO_FETCH_ERROR_CACHE,
               /* TRANSLATORS: a folder, then the system's reason */
               _("cannot write to the cache folder “%s”: %s"), cache_dir, g_strerror (saved_errno));
  return FALSE;
}

int
_distretto_eurostat_cache_open_temp (const char  *cache_dir,
                                     const char  *table,
                                     char       **temp_path,
                                     GError     **error)
{
  if (g_mkdir_with_parents (cache_dir, 0700) != 0)
    {
      set_cache_error (error, cache_dir, errno);
      return -1;
    }

  /* Another process's clean-up may remove the file between its creation
   * and the lock: then it is made again. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autofree char *path = g_strdup_printf ("%s/.%s-XXXXXX" TEMP_SUFFIX, cache_dir, table);
      struct stat by_fd, by_name;
      int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0644);

      if (fd < 0 || flock (fd, LOCK_EX) != 0 || fstat (fd, &by_fd) != 0)
        {
          int saved_errno = errno;

          if (fd >= 0)
            {
              g_unlink (path);
              close (fd);
            }
          set_cache_error (error, cache_dir, saved_errno);
          return -1;
        }

      if (stat (path, &by_name) == 0 && by_name.st_ino == by_fd.st_ino && by_name.st_dev == by_fd.st_dev)
        {
          *temp_path = g_steal_pointer (&path);
          return fd;
        }

      close (fd);
    }

  set_cache_error (error, cache_dir, EAGAIN);
  return -1;
}

void
_distretto_eurostat_cache_discard (int         fd,
                                   const char *temp_path)
{
  /* Unlinked while still locked, so no clean-up can meet it half-gone. */
  g_unlink (temp_path);
  close (fd);
}

static void
sync_folder (const char *cache_dir)
{
  int fd = g_open (cache_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Syncs @fd, closes it and renames @temp_path to @path; on failure the
 * temporary is removed and whatever @path held stays. */
static gboolean
commit_temp (int          fd,
             const char  *temp_path,
             const char  *path,
             const char  *cache_dir,
             GError     **error)
{
  if (fsync (fd) != 0 || g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      _distretto_eurostat_cache_discard (fd, temp_path);
      return set_cache_error (error, cache_dir, saved_errno);
    }

  close (fd);
  sync_folder (cache_dir);
  return TRUE;
}

static gboolean
write_info (const char  *cache_dir,
            const char  *table,
            const char  *path,
            GKeyFile    *keys,
            GError     **error)
{
  g_autofree char *temp_path = NULL;
  g_autofree char *target = info_path (path);
  g_autofree char *text = NULL;
  gsize len;
  int fd;

  fd = _distretto_eurostat_cache_open_temp (cache_dir, table, &temp_path, error);
  if (fd < 0)
    return FALSE;

  text = g_key_file_to_data (keys, &len, NULL);
  for (gsize done = 0; done < len;)
    {
      gssize written = write (fd, text + done, len - done);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          int saved_errno = errno;

          _distretto_eurostat_cache_discard (fd, temp_path);
          return set_cache_error (error, cache_dir, saved_errno);
        }
      done += written;
    }

  return commit_temp (fd, temp_path, target, cache_dir, error);
}

DistrettoCachedTable *
_distretto_eurostat_cache_commit (int                       fd,
                                  const char               *temp_path,
                                  const char               *cache_dir,
                                  const char               *table,
                                  int                       since,
                                  DistrettoEurostatFormat   format,
                                  const char               *url,
                                  GError                  **error)
{
  g_autofree char *path = _distretto_eurostat_cache_path (cache_dir, table, since, format);
  g_autofree char *info_file = info_path (path);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format_iso8601 (now);
  g_autoptr(GError) info_error = NULL;
  struct stat st;

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      _distretto_eurostat_cache_discard (fd, temp_path);
      set_cache_error (error, cache_dir, saved_errno);
      return NULL;
    }

  /* The old key file goes first: should the rename fail, the old table is
   * dated by its own file rather than by a key file of another copy. */
  g_unlink (info_file);
  if (!commit_temp (fd, temp_path, path, cache_dir, error))
    return NULL;

  /* Written after the table, so it never describes a copy not yet there;
   * without it, the table is still complete and dated by its file. */
  g_key_file_set_string (keys, INFO_GROUP, "table", table);
  g_key_file_set_string (keys, INFO_GROUP, "url", url);
  g_key_file_set_string (keys, INFO_GROUP, "downloaded", date);
  g_key_file_set_uint64 (keys, INFO_GROUP, "size", st.st_size);
  if (since > 0)
    g_key_file_set_integer (keys, INFO_GROUP, "since", since);
  if (!write_info (cache_dir, table, path, keys, &info_error))
    g_debug ("%s: the download date is not recorded: %s", table, info_error->message);

  return _distretto_cached_table_new (table, since, path, url, now, st.st_size, FALSE);
}
