/* test-hostile.c: the importers against the hostile corpus in hostile/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of hostile/expected.txt is loaded as data and as boundaries.
 * Each load gives what the list says (a dataset, or an error of the given
 * DistrettoImportError code), and every error names the file, on one line,
 * valid UTF-8 and short: a message quotes at most a few dozen characters
 * of what it found. The suite runs under ASan and UBSan too.
 */

#include "distretto-test-utils.h"

/* The file's name, and the rest of the message kept short. */
#define MAX_MESSAGE_REST 400

static void
assert_clean_error (const GError *error,
                    const char   *path)
{
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_null (strchr (error->message, '\r'));
  g_assert_cmpuint (strlen (error->message), <=, strlen (path) + MAX_MESSAGE_REST);
}

/* "ok", "-" (any clean error) or the name of a DistrettoImportError code. */
static void
assert_outcome (gpointer      loaded,
                const GError *error,
                const char   *path,
                const char   *expected)
{
  g_autoptr(GEnumClass) codes = g_type_class_ref (DISTRETTO_TYPE_IMPORT_ERROR);
  g_autofree char *value_name = g_strconcat ("DISTRETTO_IMPORT_ERROR_", expected, NULL);
  GEnumValue *code;

  if (g_str_equal (expected, "ok"))
    {
      g_assert_no_error ((GError *) error);
      g_assert_nonnull (loaded);
      return;
    }

  g_assert_null (loaded);
  g_assert_nonnull (error);
  assert_clean_error (error, path);
  if (g_str_equal (expected, "-"))
    return;

  code = g_enum_get_value_by_name (codes, value_name);
  g_assert_nonnull (code);
  g_assert_error ((GError *) error, DISTRETTO_IMPORT_ERROR, code->value);
}

static void
test_hostile_file (gconstpointer data)
{
  const char * const *entry = data;     /* name, as data, as boundaries */
  g_autofree char *built = g_test_build_filename (G_TEST_DIST, "hostile", entry[0], NULL);
  g_autoptr(GFile) file = g_file_new_for_path (built);
  g_autofree char *path = g_file_get_parse_name (file);   /* as messages name it */
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;

  dataset = distretto_dataset_load_file (file, NULL, NULL, NULL, &error);
  assert_outcome (dataset, error, path, entry[1]);
  g_clear_error (&error);

  boundaries = distretto_boundaries_load_file (file, NULL, &error);
  assert_outcome (boundaries, error, path, entry[2]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *list_path = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);

  list_path = g_test_build_filename (G_TEST_DIST, "hostile", "expected.txt", NULL);
  g_file_get_contents (list_path, &list, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **entry;
      g_autofree char *test_path = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      entry = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (entry), ==, 3);
      g_ptr_array_add (entries, entry);

      test_path = g_strconcat ("/Distretto/Hostile/", entry[0], NULL);
      g_test_add_data_func (test_path, entry, test_hostile_file);
    }
  g_assert_cmpuint (entries->len, >, 30);

  return g_test_run ();
}
