/* test-file-writer.c: distretto_write_file () writes all or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "distretto-test-utils.h"

#include <distretto.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("distretto-writer-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  distretto_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* The names of @names, sorted, joined by spaces. */
static char *
join_sorted (GPtrArray *names)
{
  g_ptr_array_sort (names, distretto_test_compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* The names in DIR, sorted, joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer) name);

  return join_sorted (names);
}

static gboolean
write_text (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return distretto_write_file (file, bytes, error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_new_and_replaced (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "table.csv", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (022);
  struct stat st;

  umask (mask);

  /* A new file: 0666 less the umask, as any program creates one. */
  g_assert_true (write_text (path, "first\n", &error));
  g_assert_no_error (error);
  assert_contents (path, "first\n");
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);

  /* Replaced: the old permissions stay. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (write_text (path, "second, longer\n", &error));
  g_assert_no_error (error);
  assert_contents (path, "second, longer\n");
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* An empty file is a file too; no temporary is left. */
  g_assert_true (write_text (path, "", &error));
  assert_contents (path, "");
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "table.csv");
}

/* A link is followed: the file it points to is replaced, the link stays. */
static void
test_symlink_followed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (fixture->dir, "shared", NULL);
  g_autofree char *real = g_build_filename (sub, "report.csv", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling.csv", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_true (write_text (real, "old\n", &error));
  g_assert_cmpint (symlink ("shared/report.csv", link), ==, 0);

  g_assert_true (write_text (link, "new\n", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_contents (real, "new\n");
  listing = list_dir (sub);
  g_assert_cmpstr (listing, ==, "report.csv");

  /* A link to nothing: refused, with where it points. */
  g_assert_cmpint (symlink ("nowhere/x.csv", dangling), ==, 0);
  g_assert_false (write_text (dangling, "x\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere/x.csv"));
  g_assert_false (g_file_test (dangling, G_FILE_TEST_EXISTS));
}

/* A FIFO, a folder or a device is refused without being opened, so a
 * FIFO with no reader does not block. */
static void
test_special_files_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "chart.png", NULL);
  g_autoptr(GFile) null_device = g_file_new_for_path ("/dev/null");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (write_text (fifo, "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "FIFO"));
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_clear_error (&error);

  g_assert_false (distretto_write_file (null_device, bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "device"));
  g_clear_error (&error);

  g_assert_false (distretto_check_output_file (folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_false (write_text (missing, "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
}

/* A file the user may not write stays as it is (root may write any). */
static void
test_read_only_target (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "locked.csv", NULL);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root, which may write any file");
      return;
    }

  g_assert_true (write_text (path, "locked\n", &error));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_false (write_text (path, "changed\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_contents (path, "locked\n");
}

/* A process that is certainly gone: a child, waited for. */
static pid_t
dead_pid (void)
{
  pid_t pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return pid;
}

static char *
host_part (void)
{
  char *host = g_strcanon (g_strdup (g_get_host_name ()), G_CSET_A_2_Z G_CSET_a_2_z G_CSET_DIGITS ".-", '_');

  if (strlen (host) > 64)
    host[64] = '\0';
  return host;
}

/* What a killed run leaves goes at the next write into the folder; the
 * temporaries of running processes, of other hosts and other programs
 * stay. */
static void
test_stale_temporaries_removed (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *host = host_part ();
  pid_t gone = dead_pid ();
  g_autofree char *stale = g_strdup_printf (".chart.png.distretto-tmp-%d@%s-Ab3dEf", (int) gone, host);
  g_autofree char *stale_folder = g_strdup_printf (".kibs.distretto-tmp-%d@%s-Zz9yXx", (int) gone, host);
  g_autofree char *running = g_strdup_printf (".chart.png.distretto-tmp-%d@%s-Qq1wEr", (int) getpid (), host);
  g_autofree char *elsewhere = g_strdup_printf (".chart.png.distretto-tmp-%d@%s.other-Ab3dEf", (int) gone, host);
  const char *foreign = ".chart.png.goutputstream-ABC123";
  const char *names[] = { stale, running, elsewhere, foreign };
  g_autofree char *folder_path = g_build_filename (fixture->dir, stale_folder, NULL);
  g_autofree char *inside = g_build_filename (folder_path, "kibs.plugin", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "other.csv", NULL);
  g_autoptr(GPtrArray) left = g_ptr_array_new ();
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

      g_file_set_contents (path, "partial", -1, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  g_file_set_contents (inside, "[Plugin]\n", -1, &error);
  g_assert_no_error (error);

  g_assert_true (write_text (target, "a,b\n", &error));
  g_assert_no_error (error);

  g_ptr_array_add (left, (gpointer) foreign);
  g_ptr_array_add (left, running);
  g_ptr_array_add (left, elsewhere);
  g_ptr_array_add (left, (gpointer) "other.csv");
  expected = join_sorted (left);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, expected);
}

/* A staging folder is named as a temporary, beside its target. */
static void
test_staging_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "plugins", "kibs_share", NULL);
  g_autofree char *staging = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *target_parent = g_path_get_dirname (target);
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;

  /* Its parent folders are made as needed. */
  staging = distretto_make_staging_folder (target, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (staging, G_FILE_TEST_IS_DIR));
  parent = g_path_get_dirname (staging);
  g_assert_cmpstr (parent, ==, target_parent);
  base = g_path_get_basename (staging);
  g_assert_true (g_str_has_prefix (base, ".kibs_share.distretto-tmp-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Distretto/FileWriter/new-and-replaced", Fixture, NULL, fixture_set_up, test_new_and_replaced, fixture_tear_down);
  g_test_add ("/Distretto/FileWriter/symlink-followed", Fixture, NULL, fixture_set_up, test_symlink_followed, fixture_tear_down);
  g_test_add ("/Distretto/FileWriter/special-files-refused", Fixture, NULL, fixture_set_up, test_special_files_refused, fixture_tear_down);
  g_test_add ("/Distretto/FileWriter/read-only-target", Fixture, NULL, fixture_set_up, test_read_only_target, fixture_tear_down);
  g_test_add ("/Distretto/FileWriter/stale-temporaries-removed", Fixture, NULL, fixture_set_up, test_stale_temporaries_removed, fixture_tear_down);
  g_test_add ("/Distretto/FileWriter/staging-folder", Fixture, NULL, fixture_set_up, test_staging_folder, fixture_tear_down);

  return g_test_run ();
}
