/* test-merge.c: several files into one dataset, and loading off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static DistrettoDataset *
load (const char *name,
      const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DistrettoDataset *dataset = distretto_dataset_load_bytes (bytes, name, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_merge (void)
{
  g_autoptr(DistrettoDataset) merged = distretto_dataset_new ();
  g_autoptr(DistrettoDataset) a = load ("a.csv", "region,indicator,year,value,flag\nITH3,x,2020,1,e\nITH3,y,2020,5,\n");
  g_autoptr(DistrettoDataset) b = load ("gdp.tsv", "unit,geo\\time\t2019 \t2018 \nEUR,ITH3\t7 \t6 \nEUR,ES52\t3 \t: c\n");
  g_autoptr(DistrettoDataset) same = load ("again.csv", "region,indicator,year,value\nITH3,x,2020,1\nFI19,x,2020,9\n");
  g_autoptr(GError) error = NULL;
  DistrettoSeries *x;
  DistrettoFlags flags;

  g_assert_true (distretto_dataset_merge (merged, a, &error));
  g_assert_true (distretto_dataset_merge (merged, b, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (distretto_dataset_get_n_regions (merged), ==, 2);
  g_assert_cmpuint (distretto_dataset_get_n_series (merged), ==, 3);
  g_assert_cmpuint (distretto_dataset_get_n_sources (merged), ==, 2);
  g_assert_cmpint (distretto_dataset_get_first_year (merged), ==, 2018);
  g_assert_cmpint (distretto_dataset_get_last_year (merged), ==, 2020);
  g_assert_cmpfloat (distretto_dataset_get_value (merged, "x", "ITH3", 2020, &flags), ==, 1);
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED);
  g_assert_cmpfloat (distretto_dataset_get_value (merged, "gdp.EUR", "ITH3", 2018, NULL), ==, 6);
  g_assert_true (isnan (distretto_dataset_get_value (merged, "gdp.EUR", "ES52", 2018, &flags)));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_CONFIDENTIAL);
  g_assert_cmpuint (distretto_dataset_get_n_observations (merged), ==, 6);

  /* The same value from another file merges; its source is recorded. */
  g_assert_true (distretto_dataset_merge (merged, same, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (distretto_dataset_get_value (merged, "x", "FI19", 2020, NULL), ==, 9);
  x = distretto_dataset_get_series (merged, "x");
  g_assert_cmpuint (distretto_series_get_n_sources (x), ==, 2);
  g_assert_cmpstr (distretto_source_get_name (distretto_series_get_source_at (x, 0)), ==, "a.csv");
  g_assert_cmpstr (distretto_source_get_name (distretto_series_get_source_at (x, 1)), ==, "again.csv");
  g_assert_cmpstr (distretto_source_get_table_code (distretto_series_get_source_at (distretto_dataset_get_series (merged, "gdp.EUR"), 0)), ==, "gdp");
}

static void
test_conflict_changes_nothing (void)
{
  g_autoptr(DistrettoDataset) merged = distretto_dataset_new ();
  g_autoptr(DistrettoDataset) a = load ("a.csv", "region,indicator,year,value\nITH3,x,2020,1\nITH3,x,2021,2\n");
  g_autoptr(DistrettoDataset) b = load ("b.csv", "region,indicator,year,value\nDE11,z,1999,4\nITH3,x,2021,2\nITH3,x,2020,1.5\n");
  g_autoptr(GError) error = NULL;

  g_assert_true (distretto_dataset_merge (merged, a, &error));
  g_assert_false (distretto_dataset_merge (merged, b, &error));
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "b.csv:4:1: the cell ITH3 / x / 2020 is 1.5 here but 1 in a.csv:2"));

  /* Nothing of b was taken. */
  g_assert_null (distretto_dataset_get_region (merged, "DE11"));
  g_assert_false (distretto_dataset_has_series (merged, "z"));
  g_assert_cmpint (distretto_dataset_get_first_year (merged), ==, 2020);
  g_assert_cmpuint (distretto_dataset_get_n_sources (merged), ==, 1);
}

static void
test_years_widen (void)
{
  g_autoptr(GError) error = NULL;
  /* Years out of order force the columns to be laid out again. */
  g_autoptr(DistrettoDataset) dataset = load ("w.csv",
    "region,indicator,year,value\nAT1,x,2010,1\nAT2,x,2012,2\nAT1,y,2005,3\nAT2,x,2015,4\nAT1,x,2001,5\n");

  g_assert_no_error (error);
  g_assert_cmpint (distretto_dataset_get_first_year (dataset), ==, 2001);
  g_assert_cmpint (distretto_dataset_get_last_year (dataset), ==, 2015);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "x", "AT1", 2010, NULL), ==, 1);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "x", "AT2", 2012, NULL), ==, 2);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "y", "AT1", 2005, NULL), ==, 3);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "x", "AT2", 2015, NULL), ==, 4);
  g_assert_cmpfloat (distretto_dataset_get_value (dataset, "x", "AT1", 2001, NULL), ==, 5);
  g_assert_true (isnan (distretto_dataset_get_value (dataset, "y", "AT2", 2005, NULL)));
  g_assert_cmpint (distretto_dataset_get_latest_year (dataset, "x"), ==, 2015);
  g_assert_cmpint (distretto_dataset_get_latest_year (dataset, "y"), ==, 2005);
}

typedef struct
{
  GMainLoop *loop;
  DistrettoDataset *dataset;
  GError *error;
  guint notifies;
} LoadResult;

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadResult *load_result = user_data;

  load_result->dataset = distretto_dataset_loader_load_finish (DISTRETTO_DATASET_LOADER (object), result,
                                                                &load_result->error);
  g_main_loop_quit (load_result->loop);
}

static void
on_fraction (LoadResult *load_result)
{
  load_result->notifies++;
}

static char *
write_big_csv (const char *dir,
               guint       n_rows)
{
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  g_autoptr(GString) text = g_string_new ("region,indicator,year,value\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "DE%03X,s%u,%u,%u.5\n", i / 200 % 4096, i % 10, 2000 + (i / 10) % 20, i);

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_loader_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("distretto-loader-XXXXXX", &error);
  g_autofree char *path = write_big_csv (dir, 200000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DistrettoDataset) base = load ("base.csv", "region,indicator,year,value\nITH3,base,2020,1\n");
  g_autoptr(DistrettoDatasetLoader) loader = distretto_dataset_loader_new (base);
  LoadResult result = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0 };

  g_signal_connect_swapped (loader, "notify::fraction", G_CALLBACK (on_fraction), &result);
  distretto_dataset_loader_add_file (loader, file);
  distretto_dataset_loader_load_async (loader, NULL, on_loaded, &result);
  g_main_loop_run (result.loop);

  g_assert_no_error (result.error);
  g_assert_nonnull (result.dataset);
  g_assert_cmpfloat (distretto_dataset_loader_get_fraction (loader), ==, 1.0);
  g_assert_cmpuint (result.notifies, >=, 1);
  g_assert_cmpuint (distretto_dataset_get_n_observations (result.dataset), ==, 200001);
  g_assert_cmpfloat (distretto_dataset_get_value (result.dataset, "base", "ITH3", 2020, NULL), ==, 1);
  /* The base dataset itself is untouched. */
  g_assert_cmpuint (distretto_dataset_get_n_observations (base), ==, 1);

  g_clear_object (&result.dataset);
  g_main_loop_unref (result.loop);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_loader_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("distretto-loader-XXXXXX", &error);
  g_autofree char *path = write_big_csv (dir, 50000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DistrettoDatasetLoader) loader = distretto_dataset_loader_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  LoadResult result = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0 };

  distretto_dataset_loader_add_file (loader, file);
  g_cancellable_cancel (cancellable);
  distretto_dataset_loader_load_async (loader, cancellable, on_loaded, &result);
  g_main_loop_run (result.loop);

  g_assert_null (result.dataset);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_error (&result.error);
  g_main_loop_unref (result.loop);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Merge/merge", test_merge);
  g_test_add_func ("/Distretto/Merge/conflict-changes-nothing", test_conflict_changes_nothing);
  g_test_add_func ("/Distretto/Merge/years-widen", test_years_widen);
  g_test_add_func ("/Distretto/Loader/async", test_loader_async);
  g_test_add_func ("/Distretto/Loader/cancel", test_loader_cancel);

  return g_test_run ();
}
