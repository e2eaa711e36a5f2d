/* test-export-faults.c: `distretto export` and `new-plugin` on a full disk,
 * killed halfway, or told to write over their input or into a FIFO: the
 * old file stays whole and nothing half-written is left for long
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  char *dir;
  char *mount;   /* a tmpfs mounted by the test, or NULL */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("distretto-faults-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->mount != NULL)
    {
      g_assert_cmpint (umount2 (fixture->mount, MNT_DETACH), ==, 0);
      g_free (fixture->mount);
    }
  distretto_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char **
command_argv (const char         *command,
              const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();

  g_strv_builder_add (argv, g_getenv ("DISTRETTO_BIN"));
  g_strv_builder_add (argv, command);
  g_strv_builder_addv (argv, (const char **) args);

  return g_strv_builder_end (argv);
}

static char **
command_environ (const char *stop_at)
{
  char **envp = distretto_test_headless_environ ();

  if (stop_at != NULL)
    envp = g_environ_setenv (envp, "DISTRETTO_TEST_WRITER_STOP", stop_at, TRUE);

  return envp;
}

/* Runs `distretto COMMAND ARGS…` to its end; its stderr goes to @err. */
static int
run_command (const char          *command,
             const char * const  *args,
             char               **err)
{
  g_auto(GStrv) argv = command_argv (command, args);
  g_auto(GStrv) envp = command_environ (NULL);
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* Its stdout would mix with the TAP output. */
  g_spawn_sync (NULL, argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* Starts `distretto COMMAND ARGS…` with the writer told to stop at
 * @step (`write`: halfway through the temporary; `rename`: just before
 * it replaces the target), waits until it has stopped there, and kills
 * it with SIGKILL, as a crash or a power cut would. */
static void
kill_at (const char         *step,
         const char         *command,
         const char * const *args)
{
  g_auto(GStrv) argv = command_argv (command, args);
  g_auto(GStrv) envp = command_environ (step);
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_spawn_async (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  g_assert_cmpint (waitpid (pid, &status, WUNTRACED), ==, pid);
  if (!WIFSTOPPED (status))
    g_error ("distretto %s ended before it wrote (status %d)", command, status);
  g_assert_cmpint (WSTOPSIG (status), ==, SIGSTOP);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

/* The names in DIR, hidden ones too, sorted and joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, distretto_test_compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_png (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  /* The signature first, the IEND chunk last: the whole file. */
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + length - 8, 4, "IEND", 4);
}

/* Mounts a tmpfs of @size at a folder of the fixture; FALSE (the test
 * skipped) where the test may not. */
static gboolean
mount_tmpfs (Fixture    *fixture,
             const char *size)
{
  g_autofree char *path = g_build_filename (fixture->dir, "small-disk", NULL);
  g_autofree char *options = g_strconcat ("size=", size, ",mode=0755", NULL);

  if (geteuid () != 0)
    {
      g_test_skip ("a full disk needs a tmpfs, which only root may mount: run the tests as root (as the CI does)");
      return FALSE;
    }

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  if (mount ("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("cannot mount a tmpfs here (%s): a container without CAP_SYS_ADMIN?",
                                                 g_strerror (errno));
      g_test_skip (reason);
      return FALSE;
    }

  fixture->mount = g_steal_pointer (&path);
  return TRUE;
}

/* Fills the filesystem of @dir to the last byte. */
static void
fill_disk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  static const char block[4096];
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  gssize n;

  g_assert_cmpint (fd, >=, 0);
  while ((n = write (fd, block, sizeof block)) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  while ((n = write (fd, block, 1)) > 0)
    ;
  close (fd);
}

/* An export that no longer fits leaves the old file as it was, and no
 * temporary beside it; the message says why, with the file's name. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  const char *formats[] = { "png", "svg", "csv" };

  if (!mount_tmpfs (fixture, "4m"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strconcat ("target.", formats[i], NULL);
      g_autofree char *target = g_build_filename (fixture->mount, name, NULL);
      g_autofree char *expected = g_strconcat ("filler ", name, NULL);
      g_autofree char *err = NULL;
      g_autofree char *listing = NULL;
      g_autofree char *filler = g_build_filename (fixture->mount, "filler", NULL);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      const char *args[] = { "-m", "servitization", "-o", target, NULL };

      g_test_message ("format %s", formats[i]);
      g_assert_cmpint (run_command ("export", args, &err), ==, 0);
      before = read_bytes (target);

      fill_disk (fixture->mount);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_command ("export", args, &err), ==, 2);
      g_test_message ("%s", err);
      g_assert_true (g_str_has_prefix (err, "distretto export: cannot write “"));
      g_assert_nonnull (strstr (err, target));
      g_assert_nonnull (strstr (err, "No space left on device"));
      g_assert_nonnull (strstr (err, "the existing file was left as it was"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);

      after = read_bytes (target);
      g_assert_true (g_bytes_equal (before, after));
      listing = list_dir (fixture->mount);
      g_assert_cmpstr (listing, ==, expected);

      g_unlink (filler);
      g_unlink (target);
    }
}

/* Killed while writing, or just before the rename: the target is the
 * old file or absent, never part of one; the next export removes the
 * temporary the killed one left. */
static void
test_killed_while_writing (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *steps[] = { "write", "rename" };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    for (guint had_old = 0; had_old < 2; had_old++)
      {
        g_autofree char *target = g_build_filename (fixture->dir, "ranking.png", NULL);
        g_autofree char *other = g_build_filename (fixture->dir, "other.png", NULL);
        const char *args[] = { "-m", "servitization", "-o", target, NULL };
        const char *other_args[] = { "-m", "servitization", "-o", other, NULL };
        g_autoptr(GBytes) before = NULL;
        g_autofree char *listing = NULL;
        g_autofree char *err = NULL;
        g_auto(GStrv) names = NULL;

        g_test_message ("killed at %s, %s", steps[i], had_old ? "over an old file" : "a new file");
        g_unlink (target);
        g_unlink (other);
        if (had_old)
          {
            g_file_set_contents (target, "the old chart", -1, NULL);
            before = read_bytes (target);
          }

        kill_at (steps[i], "export", args);

        listing = list_dir (fixture->dir);
        g_test_message ("left: %s", listing);
        names = g_strsplit (listing, " ", -1);
        g_assert_cmpuint (g_strv_length (names), ==, had_old ? 2 : 1);
        g_assert_true (g_str_has_prefix (names[0], ".ranking.png.distretto-tmp-"));
        if (had_old)
          {
            g_autoptr(GBytes) after = read_bytes (target);

            g_assert_cmpstr (names[1], ==, "ranking.png");
            g_assert_true (g_bytes_equal (before, after));
          }

        /* The next export into that folder, of any file, cleans up. */
        g_assert_cmpint (run_command ("export", other_args, &err), ==, 0);
        g_clear_pointer (&listing, g_free);
        listing = list_dir (fixture->dir);
        g_assert_cmpstr (listing, ==, had_old ? "other.png ranking.png" : "other.png");
        assert_png (other);
      }
}

/* new-plugin killed halfway leaves a hidden folder and no plugin; the
 * next new-plugin removes it. */
static void
test_new_plugin_killed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *plugins = g_build_filename (fixture->dir, "plugins", NULL);
  g_autofree char *target = g_build_filename (plugins, "kibs_share", NULL);
  const char *args[] = { "kibs_share", "--directory", target, NULL };
  g_autofree char *listing = NULL;
  g_autofree char *err = NULL;

  kill_at ("write", "new-plugin", args);
  listing = list_dir (plugins);
  g_test_message ("left: %s", listing);
  g_assert_true (g_str_has_prefix (listing, ".kibs_share.distretto-tmp-"));
  g_assert_null (strchr (listing, ' '));

  g_assert_cmpint (run_command ("new-plugin", args, &err), ==, 0);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (plugins);
  g_assert_cmpstr (listing, ==, "kibs_share");
  g_clear_pointer (&listing, g_free);
  listing = list_dir (target);
  g_assert_cmpstr (listing, ==, "kibs_share.plugin kibs_share.py");
}

/* Killed while it writes into the user's plugin folder: the half-made
 * plugin is not found, and the next start removes it. */
static void
test_new_plugin_killed_in_user_folder (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autofree char *data_home = g_build_filename (fixture->dir, "data", NULL);
  g_autofree char *user_plugins = g_build_filename (data_home, "distretto", "plugins", NULL);
  const char *args[] = { "kibs_half", NULL };
  const char *list[] = { NULL };
  g_autofree char *listing = NULL;
  g_autofree char *err = NULL;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  kill_at ("write", "new-plugin", args);
  listing = list_dir (user_plugins);
  g_assert_true (g_str_has_prefix (listing, ".kibs_half.distretto-tmp-"));

  g_assert_cmpint (run_command ("plugins", list, &err), ==, 0);
  g_unsetenv ("XDG_DATA_HOME");
  g_clear_pointer (&listing, g_free);
  listing = list_dir (user_plugins);
  g_assert_cmpstr (listing, ==, "");
}

#define EMPLOYMENT_CSV \
  "region,indicator,year,value\n" \
  "ITH3,emp_total,2020,2000\nITH3,emp_kibs,2020,200\nITH3,emp_manuf,2020,500\n" \
  "ES52,emp_total,2020,1800\nES52,emp_kibs,2020,90\nES52,emp_manuf,2020,300\n"

/* `--data X.csv --output X.csv` would replace the data with its chart:
 * refused, under any name of the same file, before any work. */
static void
test_output_is_input (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "mine.csv", NULL);
  g_autofree char *symbolic = g_build_filename (fixture->dir, "link.csv", NULL);
  g_autofree char *hard = g_build_filename (fixture->dir, "hard.csv", NULL);
  g_autofree char *dotted = g_build_filename (fixture->dir, ".", "mine.csv", NULL);
  g_autofree char *geo = g_build_filename (fixture->dir, "regions.geojson", NULL);
  const char *outputs[] = { csv, dotted, symbolic, hard };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (csv, EMPLOYMENT_CSV, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (geo, "{\"type\": \"FeatureCollection\", \"features\": []}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("mine.csv", symbolic), ==, 0);
  g_assert_cmpint (link (csv, hard), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      const char *args[] = { "-m", "servitization", "--data", csv, "-o", outputs[i], NULL };
      g_autofree char *err = NULL;
      g_autofree char *contents = NULL;

      g_assert_cmpint (run_command ("export", args, &err), ==, 2);
      g_test_message ("%s", err);
      g_assert_true (g_str_has_prefix (err, "distretto export: --output “"));
      g_assert_nonnull (strstr (err, "is the input file"));
      g_file_get_contents (csv, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, EMPLOYMENT_CSV);
    }

  {
    const char *args[] = { "-m", "servitization", "--chart", "map", "--boundaries", geo,
                           "-f", "png", "-o", geo, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_command ("export", args, &err), ==, 2);
    g_assert_nonnull (strstr (err, "is the input file"));
    g_assert_nonnull (strstr (err, "regions.geojson"));
  }
}

/* A FIFO, a device, a folder as --output: one line, exit 2, at once (a
 * FIFO opened for writing with no reader would block forever). */
static void
test_special_output (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "gone.png", NULL);
  struct
  {
    const char *output;
    const char *says;
  } cases[] = {
    { fifo, "it is a FIFO, not a regular file" },
    { "/dev/null", "it is a device, not a regular file" },
    { fixture->dir, "it is a folder" },
    { dangling, "it is a symbolic link to “nowhere/gone.png”, which does not exist" },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("nowhere/gone.png", dangling), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "-m", "servitization", "-f", "png", "-o", cases[i].output, NULL };
      g_autofree char *err = NULL;

      g_assert_cmpint (run_command ("export", args, &err), ==, 2);
      g_test_message ("%s", err);
      g_assert_true (g_str_has_prefix (err, "distretto export: cannot write “"));
      g_assert_nonnull (strstr (err, cases[i].says));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Distretto/ExportFaults/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  g_test_add ("/Distretto/ExportFaults/killed-while-writing", Fixture, NULL, fixture_set_up, test_killed_while_writing, fixture_tear_down);
  g_test_add ("/Distretto/ExportFaults/new-plugin-killed", Fixture, NULL, fixture_set_up, test_new_plugin_killed, fixture_tear_down);
  g_test_add ("/Distretto/ExportFaults/new-plugin-killed-in-user-folder", Fixture, NULL, fixture_set_up,
              test_new_plugin_killed_in_user_folder, fixture_tear_down);
  g_test_add ("/Distretto/ExportFaults/output-is-input", Fixture, NULL, fixture_set_up, test_output_is_input, fixture_tear_down);
  g_test_add ("/Distretto/ExportFaults/special-output", Fixture, NULL, fixture_set_up, test_special_output, fixture_tear_down);

  return g_test_run ();
}
