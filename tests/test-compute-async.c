/* test-compute-async.c: modules computed off the main loop, cached; a
 * module's own code one call at a time; Python plugins from worker
 * threads; the Monte Carlo cancelled halfway
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "distretto-demo.h"
#include "distretto-plugin-engine.h"

/* A module with code of its own: scores a region with the year, counts
 * its calls and how many run at once. */
#define TEST_TYPE_COUNTING (test_counting_get_type ())
G_DECLARE_FINAL_TYPE (TestCounting, test_counting, TEST, COUNTING, GObject)

struct _TestCounting
{
  GObject parent_instance;
  int calls;
  int inside;
  int most_inside;
};

static void test_counting_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestCounting, test_counting, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, test_counting_iface_init))

static DistrettoIndicatorDefinition *
counting_get_definition (DistrettoIndicator *indicator)
{
  const char *series[] = { "a", NULL };
  DistrettoIndicatorDefinition *definition = distretto_indicator_definition_new ("counting", "Counting");

  distretto_indicator_definition_set_required_series (definition, series);
  return definition;
}

static DistrettoIndicatorResult *
counting_compute (DistrettoIndicator  *indicator,
                  DistrettoDataset    *dataset,
                  int                  year,
                  GError             **error)
{
  TestCounting *self = TEST_COUNTING (indicator);
  DistrettoIndicatorResult *result = distretto_indicator_result_new (year);
  int inside = g_atomic_int_add (&self->inside, 1) + 1;
  int most;

  g_atomic_int_inc (&self->calls);
  do
    most = g_atomic_int_get (&self->most_inside);
  while (inside > most && !g_atomic_int_compare_and_exchange (&self->most_inside, most, inside));

  /* Long enough for requests made together to overlap. */
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  distretto_indicator_result_add_score (result, "ITC1", year, DISTRETTO_FLAGS_NONE);
  g_atomic_int_add (&self->inside, -1);

  return result;
}

static void
test_counting_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = counting_get_definition;
  iface->compute = counting_compute;
}

static void
test_counting_class_init (TestCountingClass *klass)
{
}

static void
test_counting_init (TestCounting *self)
{
}

static DistrettoDataset *
small_dataset (void)
{
  GString *csv = g_string_new ("region,indicator,year,value\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoDataset *dataset;

  for (int year = 2015; year <= 2022; year++)
    g_string_append_printf (csv, "ITC1,a,%d,1\nITC2,a,%d,2\n", year, year);
  bytes = g_string_free_to_bytes (csv);
  dataset = distretto_dataset_load_bytes (bytes, "small.csv", NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

typedef struct
{
  GPtrArray *results;     /* in the order they arrive */
  GError *error;
  guint pending;
} Waiting;

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Waiting *waiting = user_data;
  DistrettoIndicatorResult *computed = distretto_indicator_compute_finish (DISTRETTO_INDICATOR (source), result,
                                                                           waiting->error ? NULL : &waiting->error);

  if (computed != NULL)
    g_ptr_array_add (waiting->results, computed);
  waiting->pending--;
}

static void
wait_for (Waiting *waiting)
{
  while (waiting->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_cache (void)
{
  g_autoptr(TestCounting) self = g_object_new (TEST_TYPE_COUNTING, NULL);
  DistrettoIndicator *indicator = DISTRETTO_INDICATOR (self);
  g_autoptr(DistrettoDataset) dataset = small_dataset ();
  g_autoptr(DistrettoDataset) other = small_dataset ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  Waiting waiting = { results, NULL, 0 };
  g_autoptr(DistrettoIndicatorResult) again = NULL;
  g_autoptr(DistrettoIndicatorResult) fresh = NULL;
  g_autoptr(GError) error = NULL;

  /* Four asking at once for one thing: computed once, shared. */
  for (guint i = 0; i < 4; i++)
    {
      waiting.pending++;
      distretto_indicator_compute_async (indicator, dataset, 2020, NULL, NULL, on_computed_cb, &waiting);
    }
  wait_for (&waiting);
  g_assert_no_error (waiting.error);
  g_assert_cmpint (self->calls, ==, 1);
  g_assert_cmpuint (results->len, ==, 4);
  for (guint i = 1; i < 4; i++)
    g_assert_true (g_ptr_array_index (results, i) == g_ptr_array_index (results, 0));

  /* The same, asked synchronously; year 0 means the latest, 2022. */
  again = distretto_indicator_compute_cached (indicator, dataset, 2020, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again == g_ptr_array_index (results, 0));
  g_assert_cmpint (self->calls, ==, 1);
  g_clear_object (&again);
  again = distretto_indicator_compute_cached (indicator, dataset, 0, NULL, NULL, &error);
  g_assert_cmpint (distretto_indicator_result_get_year (again), ==, 2022);
  g_assert_cmpint (self->calls, ==, 2);

  /* Another dataset, another method: computed again. */
  fresh = distretto_indicator_compute_cached (indicator, other, 2020, NULL, NULL, &error);
  g_assert_cmpint (self->calls, ==, 3);
  g_clear_object (&fresh);
  {
    g_autoptr(DistrettoMethod) method = distretto_method_new ();

    distretto_method_set_level (method, 3);
    fresh = distretto_indicator_compute_cached (indicator, dataset, 2020, method, NULL, &error);
    g_assert_cmpint (self->calls, ==, 4);
  }

  /* Forgotten: computed again. */
  distretto_indicator_forget_cached (indicator);
  g_clear_object (&fresh);
  fresh = distretto_indicator_compute_cached (indicator, dataset, 2020, NULL, NULL, &error);
  g_assert_cmpint (self->calls, ==, 5);
  g_assert_true (fresh != g_ptr_array_index (results, 0));
}

/* Different years at once: the module's own code never runs twice at
 * the same time. */
static void
test_own_code_serialised (void)
{
  g_autoptr(TestCounting) self = g_object_new (TEST_TYPE_COUNTING, NULL);
  g_autoptr(DistrettoDataset) dataset = small_dataset ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  Waiting waiting = { results, NULL, 0 };

  for (int year = 2015; year <= 2022; year++)
    {
      waiting.pending++;
      distretto_indicator_compute_async (DISTRETTO_INDICATOR (self), dataset, year, NULL, NULL, on_computed_cb,
                                         &waiting);
    }
  wait_for (&waiting);
  g_assert_no_error (waiting.error);
  g_assert_cmpuint (results->len, ==, 8);
  g_assert_cmpint (self->calls, ==, 8);
  g_assert_cmpint (self->most_inside, ==, 1);
}

/* A module that only declares its pillars: the host's pipeline computes
 * it, on any thread, several at once. */
#define TEST_TYPE_DECLARED (test_declared_get_type ())
G_DECLARE_FINAL_TYPE (TestDeclared, test_declared, TEST, DECLARED, GObject)

struct _TestDeclared
{
  GObject parent_instance;
};

static void test_declared_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestDeclared, test_declared, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, test_declared_iface_init))

static DistrettoIndicatorDefinition *
declared_definition (DistrettoIndicator *indicator)
{
  DistrettoIndicatorDefinition *definition = distretto_indicator_definition_new ("declared", "Declared");
  g_autoptr(DistrettoPillar) pillar = distretto_pillar_new ("p", "P");
  const char *selectors[] = { "lfst_r_lfe2en2?nace_r2=C&age=Y15-64&sex=T&unit=THS",
                              "lfst_r_lfe2en2?nace_r2=M_N&age=Y15-64&sex=T&unit=THS",
                              "lfst_r_lfe2en2?nace_r2=J&age=Y15-64&sex=T&unit=THS" };

  for (guint i = 0; i < G_N_ELEMENTS (selectors); i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(DistrettoSubIndicator) sub = distretto_sub_indicator_new (id, id, selectors[i]);

      distretto_sub_indicator_set_denominator (sub, "lfst_r_lfe2en2?nace_r2=TOTAL&age=Y15-64&sex=T&unit=THS");
      distretto_pillar_add_sub_indicator (pillar, sub);
    }
  distretto_indicator_definition_add_pillar (definition, pillar);
  return definition;
}

static void
test_declared_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = declared_definition;
}

static void
test_declared_class_init (TestDeclaredClass *klass)
{
}

static void
test_declared_init (TestDeclared *self)
{
}

/* Eight computations at once on one fresh dataset (its selector cache
 * filled from several threads): each the same as computed alone. */
static void
test_shared_dataset (void)
{
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (NULL);
  g_autoptr(TestDeclared) module = g_object_new (TEST_TYPE_DECLARED, NULL);
  g_autoptr(DistrettoIndicatorDefinition) definition = declared_definition (NULL);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  Waiting waiting = { results, NULL, 0 };
  DistrettoPillar *pillars[] = { distretto_indicator_definition_get_pillar (definition, 0) };

  for (int year = 2016; year <= 2023; year++)
    {
      waiting.pending++;
      distretto_indicator_compute_async (DISTRETTO_INDICATOR (module), dataset, year, NULL, NULL, on_computed_cb,
                                         &waiting);
    }
  wait_for (&waiting);
  g_assert_no_error (waiting.error);
  g_assert_cmpuint (results->len, ==, 8);

  for (guint i = 0; i < results->len; i++)
    {
      DistrettoIndicatorResult *threaded = g_ptr_array_index (results, i);
      g_autoptr(DistrettoMethod) method = distretto_indicator_definition_dup_method (definition);
      g_autoptr(DistrettoIndicatorResult) alone = distretto_index_compute (pillars, 1, method, dataset,
                                                                           distretto_indicator_result_get_year (threaded));
      guint compared = 0;

      g_assert_cmpuint (distretto_indicator_result_get_n_scores (threaded), ==,
                        distretto_indicator_result_get_n_scores (alone));
      for (guint k = 0; k < distretto_indicator_result_get_n_scores (alone); k++)
        {
          double a = distretto_indicator_result_get_score (alone, k), b = distretto_indicator_result_get_score (threaded, k);

          g_assert_cmpstr (distretto_indicator_result_get_region_code (alone, k), ==,
                           distretto_indicator_result_get_region_code (threaded, k));
          g_assert_true (isnan (a) == isnan (b));
          if (!isnan (a))
            {
              g_assert_cmpfloat (a, ==, b);
              compared++;
            }
        }
      g_assert_cmpuint (compared, >, 50);
    }
}

static DistrettoPluginEngine *engine;

static DistrettoIndicator *
indicator (const char *id)
{
  DistrettoModule *module = distretto_plugin_engine_find_module (engine, id);

  if (module == NULL)
    g_error ("the module “%s” did not load", id);
  return distretto_module_get_indicator (module);
}

/* The Python example module, from worker threads, several years at once:
 * the same scores as computed on the main thread. */
static void
test_python (void)
{
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (NULL);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  Waiting waiting = { results, NULL, 0 };
  DistrettoIndicator *python = indicator ("manufacturing_share");

  for (int year = 2016; year <= 2021; year++)
    {
      waiting.pending++;
      distretto_indicator_compute_async (python, dataset, year, NULL, NULL, on_computed_cb, &waiting);
    }
  wait_for (&waiting);
  g_assert_no_error (waiting.error);
  g_assert_cmpuint (results->len, ==, 6);

  for (guint i = 0; i < results->len; i++)
    {
      DistrettoIndicatorResult *threaded = g_ptr_array_index (results, i);
      int year = distretto_indicator_result_get_year (threaded);
      g_autoptr(GError) error = NULL;
      g_autoptr(DistrettoIndicatorResult) direct = distretto_indicator_compute (python, dataset, year, &error);
      guint compared = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (distretto_indicator_result_get_n_scores (threaded), ==,
                        distretto_indicator_result_get_n_scores (direct));
      for (guint k = 0; k < distretto_indicator_result_get_n_scores (direct); k++)
        {
          double a = distretto_indicator_result_get_score (direct, k), b;

          g_assert_true (distretto_indicator_result_lookup (threaded, distretto_indicator_result_get_region_code (direct, k),
                                                           &b, NULL));
          g_assert_true (isnan (a) == isnan (b));
          if (!isnan (a))
            {
              g_assert_cmpfloat (a, ==, b);
              compared++;
            }
        }
      g_assert_cmpuint (compared, >, 50);
    }
}

typedef struct
{
  DistrettoUncertainty *uncertainty;
  GError *error;
  gboolean done;
  GCancellable *cancel_at_runs;   /* cancelled once the runs have begun */
  double last;
  guint notified;
} Analysis;

static void
on_analysed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Analysis *analysis = user_data;

  analysis->uncertainty = distretto_indicator_compute_uncertainty_finish (DISTRETTO_INDICATOR (source), result,
                                                                          &analysis->error);
  analysis->done = TRUE;
}

static void
on_progress_cb (DistrettoProgress *progress,
                GParamSpec        *pspec,
                gpointer           user_data)
{
  Analysis *analysis = user_data;
  double fraction = distretto_progress_get_fraction (progress);

  /* It only goes forward. */
  g_assert_cmpfloat (fraction, >=, analysis->last);
  analysis->last = fraction;
  analysis->notified++;
  if (analysis->cancel_at_runs != NULL && fraction > 0.1)
    g_cancellable_cancel (analysis->cancel_at_runs);
}

static void
analyse (DistrettoIndicator             *module,
         DistrettoDataset               *dataset,
         const DistrettoUncertaintySpec *spec,
         GCancellable                   *cancellable,
         Analysis                       *analysis)
{
  g_autoptr(DistrettoProgress) progress = distretto_progress_new ();

  g_signal_connect (progress, "notify::fraction", G_CALLBACK (on_progress_cb), analysis);
  distretto_indicator_compute_uncertainty_async (module, dataset, 0, NULL, spec, progress, cancellable,
                                                 on_analysed_cb, analysis);
  while (!analysis->done)
    g_main_context_iteration (NULL, TRUE);
  /* The last notification, if still queued. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_signal_handlers_disconnect_by_data (progress, analysis);
}

static void
test_uncertainty (void)
{
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (NULL);
  g_autoptr(DistrettoUncertaintySpec) spec = distretto_uncertainty_spec_new ();
  g_autoptr(DistrettoIndicatorResult) result = NULL;
  g_autoptr(DistrettoUncertainty) again = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoIndicator *servitization = indicator ("servitization");
  Analysis analysis = { 0 };

  distretto_uncertainty_spec_set_runs (spec, 200);
  analyse (servitization, dataset, spec, NULL, &analysis);
  g_assert_no_error (analysis.error);
  g_assert_nonnull (analysis.uncertainty);
  g_assert_cmpfloat (analysis.last, ==, 1.0);
  g_assert_cmpuint (analysis.notified, >, 0);

  /* The nominal ranks are the module's. */
  result = distretto_indicator_compute_cached (servitization, dataset,
                                               distretto_uncertainty_get_year (analysis.uncertainty), NULL, NULL,
                                               &error);
  g_assert_no_error (error);
  for (guint i = 0; i < distretto_uncertainty_get_n_regions (analysis.uncertainty); i++)
    g_assert_cmpuint (distretto_uncertainty_get_nominal_rank (analysis.uncertainty, i), ==,
                      distretto_indicator_result_get_rank (result,
                                                           distretto_uncertainty_get_region_code (analysis.uncertainty, i)));

  /* Asked again: the same analysis. */
  again = distretto_indicator_compute_uncertainty (servitization, dataset, 0, NULL, spec, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again == analysis.uncertainty);
  g_clear_object (&analysis.uncertainty);

  /* A module with its own arithmetic has no method to vary. */
  analysis = (Analysis) { 0 };
  analyse (indicator ("manufacturing_share"), dataset, spec, NULL, &analysis);
  g_assert_null (analysis.uncertainty);
  g_assert_error (analysis.error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NOT_SUPPORTED);
  g_clear_error (&analysis.error);
}

/* Cancelled once the runs have begun: no analysis, nothing kept, no
 * leak (the sanitizer run checks). */
static void
test_uncertainty_cancelled (void)
{
  g_autoptr(DistrettoDataset) dataset = distretto_demo_dataset_load (NULL);
  g_autoptr(DistrettoUncertaintySpec) spec = distretto_uncertainty_spec_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DistrettoUncertainty) later = NULL;
  g_autoptr(GError) error = NULL;
  DistrettoIndicator *readiness = indicator ("i40-readiness");
  Analysis analysis = { 0 };

  /* Many seconds of runs, were they not cancelled. */
  distretto_uncertainty_spec_set_runs (spec, 400000);
  analysis.cancel_at_runs = cancellable;
  analyse (readiness, dataset, spec, cancellable, &analysis);
  g_assert_null (analysis.uncertainty);
  g_assert_error (analysis.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (analysis.last, <, 1.0);
  g_clear_error (&analysis.error);

  /* Nothing was kept: the same request, not cancelled, runs anew. */
  distretto_uncertainty_spec_set_runs (spec, 50);
  later = distretto_indicator_compute_uncertainty (readiness, dataset, 0, NULL, spec, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (distretto_uncertainty_get_runs (later), ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_init_check ();

  engine = distretto_plugin_engine_new ();
  distretto_plugin_engine_load_all (engine);

  g_test_add_func ("/Distretto/ComputeAsync/cache", test_cache);
  g_test_add_func ("/Distretto/ComputeAsync/own-code-serialised", test_own_code_serialised);
  g_test_add_func ("/Distretto/ComputeAsync/shared-dataset", test_shared_dataset);
  g_test_add_func ("/Distretto/ComputeAsync/python", test_python);
  g_test_add_func ("/Distretto/ComputeAsync/uncertainty", test_uncertainty);
  g_test_add_func ("/Distretto/ComputeAsync/uncertainty-cancelled", test_uncertainty_cancelled);

  status = g_test_run ();
  g_clear_object (&engine);
  return status;
}
