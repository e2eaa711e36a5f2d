/* distretto-file-writer.c: every file Distretto writes, complete or not at all
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "distretto-file-writer.h"

/* A file is written to a temporary beside it, checked at every write, at
 * fsync and at close, then renamed over the target: the target is the
 * old file or the new one, never a mix. The temporary is named
 * `.NAME.distretto-tmp-PID@HOST-XXXXXX`, so a run that was killed leaves
 * one that says whose it is: the next write into the folder removes the
 * temporaries of processes of this host that no longer run.
 *
 * For the tests, DISTRETTO_TEST_WRITER_STOP=write stops the process
 * (SIGSTOP) halfway through writing the temporary, =rename just before
 * the rename, so a test can kill it there. */

#define TEMPORARY_MARK ".distretto-tmp-"
#define NAME_PART_MAX 64
#define HOST_PART_MAX 64

static const char *
host_part (void)
{
  static char *host;

  if (g_once_init_enter (&host))
    {
      char *canon = g_strcanon (g_strdup (g_get_host_name ()),
                                G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS ".-", '_');

      if (strlen (canon) > HOST_PART_MAX)
        canon[HOST_PART_MAX] = '\0';
      g_once_init_leave (&host, canon);
    }

  return host;
}

/* The part of @basename a temporary repeats: at most NAME_PART_MAX bytes,
 * not cut inside a UTF-8 character. */
static char *
name_part (const char *basename)
{
  gsize length = strlen (basename);

  if (length > NAME_PART_MAX)
    {
      length = NAME_PART_MAX;
      while (length > 0 && ((guchar) basename[length] & 0xc0) == 0x80)
        length--;
    }

  return g_strndup (basename, length);
}

static char *
temporary_template (const char *dir,
                    const char *basename)
{
  g_autofree char *name = name_part (basename);
  g_autofree char *temporary = g_strdup_printf (".%s" TEMPORARY_MARK "%ld@%s-XXXXXX",
                                                name, (long) getpid (), host_part ());

  return g_build_filename (dir, temporary, NULL);
}

/* The process that made the temporary @name, if @name is one of ours
 * made on this host. */
static gboolean
parse_temporary (const char *name,
                 pid_t      *pid)
{
  const char *mark = g_strrstr (name, TEMPORARY_MARK);
  const char *host;
  const char *random;
  char *end = NULL;
  gint64 value;

  if (name[0] != '.' || mark == NULL)
    return FALSE;

  value = g_ascii_strtoll (mark + strlen (TEMPORARY_MARK), &end, 10);
  if (end == NULL || *end != '@' || value <= 0 || value > G_MAXINT)
    return FALSE;

  host = end + 1;
  random = strrchr (host, '-');
  if (random == NULL || strlen (random + 1) != 6 ||
      (gsize) (random - host) != strlen (host_part ()) ||
      strncmp (host, host_part (), random - host) != 0)
    return FALSE;

  *pid = (pid_t) value;
  return TRUE;
}

static gboolean
process_is_gone (pid_t pid)
{
  return kill (pid, 0) != 0 && errno == ESRCH;
}

/* A staging folder holds files only. */
static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * distretto_remove_stale_temporaries:
 * @folder: (type filename): a folder
 *
 * Removes from @folder the temporary files and staging folders that runs
 * killed before they finished left behind: those of this user, made on
 * this host by a process that is gone. distretto_write_file() and
 * distretto_make_staging_folder() do so for the folder they write into;
 * this is for a folder that is read before it is written, such as the
 * user's plugin folder.
 */
void
distretto_remove_stale_temporaries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      pid_t pid;

      if (!parse_temporary (name, &pid) || !process_is_gone (pid))
        continue;

      path = g_build_filename (folder, name, NULL);
      if (lstat (path, &st) != 0 || st.st_uid != geteuid ())
        continue;

      if (S_ISDIR (st.st_mode))
        remove_folder (path);
      else if (S_ISREG (st.st_mode))
        g_unlink (path);
    }
}

static const char *
describe_file_type (mode_t mode)
{
  if (S_ISFIFO (mode))
    return _("a FIFO");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("a special file");
}

/* The file @file names, symbolic links followed: what is replaced. Fills
 * @st and @exists. A folder, a special file, a dangling link, or a
 * missing folder is an error. */
static char *
resolve_target (GFile        *file,
                struct stat  *st,
                gboolean     *exists,
                GError      **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *parent = NULL;
  struct stat link_st;
  int saved_errno;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("it is not a local file: Distretto writes files on this computer only"));
      return NULL;
    }

  if (lstat (path, &link_st) != 0)
    {
      saved_errno = errno;
      if (saved_errno != ENOENT)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
          return NULL;
        }

      parent = g_path_get_dirname (path);
      if (stat (parent, st) != 0 || !S_ISDIR (st->st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("the folder “%s” does not exist"), parent);
          return NULL;
        }

      *exists = FALSE;
      return g_steal_pointer (&path);
    }

  if (S_ISLNK (link_st.st_mode))
    {
      g_autofree char *real = realpath (path, NULL);

      if (real == NULL || stat (real, st) != 0)
        {
          g_autofree char *points_to = g_file_read_link (path, NULL);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("it is a symbolic link to “%s”, which does not exist"),
                       points_to ? points_to : "?");
          return NULL;
        }

      g_free (path);
      path = g_steal_pointer (&real);
    }
  else
    {
      *st = link_st;
    }

  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder"));
      return NULL;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("it is %s, not a regular file: Distretto writes regular files only"),
                   describe_file_type (st->st_mode));
      return NULL;
    }

  *exists = TRUE;
  return g_steal_pointer (&path);
}

/**
 * distretto_check_output_file:
 * @file: a file to write
 * @error: return location for a #GError
 *
 * Checks that distretto_write_file() can write @file, before the work of
 * making its contents: a folder, a FIFO, a device or a socket, a
 * symbolic link to nothing, a file in a folder that does not exist and a
 * remote file are refused. Nothing is opened, so a FIFO never blocks.
 *
 * Returns: %TRUE if @file may be written
 */
gboolean
distretto_check_output_file (GFile   *file,
                             GError **error)
{
  g_autofree char *target = NULL;
  struct stat st;
  gboolean exists;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  target = resolve_target (file, &st, &exists, error);
  return target != NULL;
}

static void
stop_for_test (const char *step)
{
  if (g_strcmp0 (g_getenv ("DISTRETTO_TEST_WRITER_STOP"), step) == 0)
    raise (SIGSTOP);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      data += n;
      length -= n;
    }

  return TRUE;
}

/* Writes @contents, then makes sure they reached the disk. */
static gboolean
write_contents (int     fd,
                GBytes *contents)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (contents, &length);
  gsize half = length / 2;

  if (!write_all (fd, data, half))
    return FALSE;
  stop_for_test ("write");

  return write_all (fd, data + half, length - half) && fsync (fd) == 0;
}

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 gboolean     exists)
{
  if (exists)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("%s; the existing file was left as it was"), g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
}

/* So the rename itself survives a power cut; a failure here loses
 * nothing, so it is not reported. */
static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * distretto_write_file:
 * @file: the file to write
 * @contents: what to write
 * @error: return location for a #GError
 *
 * Writes @file atomically: @contents go to a temporary file in the same
 * folder, every write, the fsync and the close are checked, then the
 * temporary is renamed over @file. On any error (a full disk, say) the
 * temporary is removed and an existing @file is left as it was; the
 * temporary of a process killed meanwhile is removed by the next write
 * into that folder.
 *
 * A symbolic link is followed: the file it points to is replaced and the
 * link stays. An existing file keeps its permissions. Folders, special
 * files, links to nothing and files the user may not write are refused
 * (see distretto_check_output_file()).
 *
 * Returns: %TRUE if @file now holds @contents
 */
gboolean
distretto_write_file (GFile   *file,
                      GBytes  *contents,
                      GError **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *temporary = NULL;
  struct stat st;
  gboolean exists = FALSE;
  int saved_errno;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = resolve_target (file, &st, &exists, error);
  if (target == NULL)
    return FALSE;

  if (exists && access (target, W_OK) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  basename = g_path_get_basename (target);
  distretto_remove_stale_temporaries (dir);

  /* Created with 0666 less the umask, as any new file. */
  temporary = temporary_template (dir, basename);
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* TRANSLATORS: a folder, then the system's reason */
                   _("cannot create a file in the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (exists)
    {
      /* The owner only changes for root; as for cp -p, a failure is no error. */
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) && fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("cannot give “%s” the owner of “%s”: %s", temporary, target, g_strerror (errno));
      fchmod (fd, st.st_mode & 07777);
    }

  if (!write_contents (fd, contents))
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temporary);
      set_write_error (error, saved_errno, exists);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      set_write_error (error, saved_errno, exists);
      return FALSE;
    }

  stop_for_test ("rename");

  if (g_rename (temporary, target) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      set_write_error (error, saved_errno, exists);
      return FALSE;
    }

  sync_folder (dir);
  return TRUE;
}

/**
 * distretto_make_staging_folder:
 * @target: (type filename): a folder to create
 * @error: return location for a #GError
 *
 * Creates an empty hidden folder beside @target, to fill and then rename
 * to @target, so @target appears with every file or none. Named as the
 * temporaries of distretto_write_file(), it is removed by the next run if
 * this one is killed before the rename. @target's parent folders are
 * created if needed.
 *
 * Returns: (transfer full) (type filename): the path of the new folder, or
 *   %NULL with @error set
 */
char *
distretto_make_staging_folder (const char  *target,
                               GError     **error)
{
  g_autofree char *parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *staging = NULL;
  int saved_errno;

  g_return_val_if_fail (target != NULL, NULL);

  parent = g_path_get_dirname (target);
  basename = g_path_get_basename (target);

  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* TRANSLATORS: a folder, then the system's reason */
                   _("cannot create the folder “%s”: %s"), parent, g_strerror (saved_errno));
      return NULL;
    }

  distretto_remove_stale_temporaries (parent);

  staging = temporary_template (parent, basename);
  if (g_mkdtemp_full (staging, 0755) == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* TRANSLATORS: a folder, then the system's reason */
                   _("cannot create a folder in “%s”: %s"), parent, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&staging);
}
