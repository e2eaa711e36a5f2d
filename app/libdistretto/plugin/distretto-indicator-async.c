/* distretto-indicator-async.c: a module's results and uncertainty
 * analyses, off the main loop and cached
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-indicator-private.h"
#include "../index/distretto-index.h"
#include "../index/distretto-index-private.h"
#include "../index/distretto-uncertainty-private.h"

/* What one computation is asked for. */
typedef struct
{
  DistrettoDataset *dataset;
  int year;                         /* 0: the module's latest */
  DistrettoMethod *method;          /* NULL: the module's own */
  DistrettoUncertaintySpec *spec;   /* NULL: the module's own */
  DistrettoProgress *progress;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->dataset);
  g_clear_pointer (&request->method, distretto_method_free);
  g_clear_pointer (&request->spec, distretto_uncertainty_spec_free);
  g_clear_object (&request->progress);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static Request *
request_new (DistrettoDataset               *dataset,
             int                             year,
             const DistrettoMethod          *method,
             const DistrettoUncertaintySpec *spec,
             DistrettoProgress              *progress)
{
  Request *request = g_new0 (Request, 1);

  request->dataset = g_object_ref (dataset);
  request->year = year;
  request->method = method != NULL ? distretto_method_copy (method) : NULL;
  request->spec = spec != NULL ? distretto_uncertainty_spec_copy (spec) : NULL;
  request->progress = progress != NULL ? g_object_ref (progress) : NULL;
  return request;
}

/* Runs @call holding the module's own-code lock when it has code of its
 * own: one call into a plugin at a time. */
#define WITH_OWN_CODE_LOCK(self, call)                                       \
  G_STMT_START {                                                             \
    GMutex *own_code_ = _distretto_indicator_has_own_compute (self)           \
                        ? _distretto_indicator_get_own_code_lock (self) : NULL; \
    if (own_code_ != NULL)                                                   \
      g_mutex_lock (own_code_);                                              \
    call;                                                                    \
    if (own_code_ != NULL)                                                   \
      g_mutex_unlock (own_code_);                                            \
  } G_STMT_END

/* The year and the method the request leaves to the module. */
static gboolean
resolve (DistrettoIndicator  *self,
         Request             *request,
         GError             **error)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;

  if (request->year == 0)
    {
      WITH_OWN_CODE_LOCK (self, request->year = distretto_indicator_choose_year (self, request->dataset, error));
      if (request->year == 0)
        return FALSE;
    }

  if (request->method == NULL)
    {
      WITH_OWN_CODE_LOCK (self, definition = distretto_indicator_get_definition (self));
      request->method = definition != NULL ? distretto_indicator_definition_dup_method (definition)
                                           : distretto_method_new ();
    }

  return TRUE;
}

static char *
result_key (Request *request)
{
  g_autofree char *method = _distretto_method_dup_key (request->method);

  return g_strdup_printf ("result %d %s", request->year, method);
}

static GObject *
compute_result (DistrettoIndicator  *self,
                DistrettoDataset    *dataset,
                gpointer             data,
                GCancellable        *cancellable,
                GError             **error)
{
  Request *request = data;
  DistrettoIndicatorResult *result;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  WITH_OWN_CODE_LOCK (self, result = distretto_indicator_compute_with_method (self, dataset, request->year,
                                                                            request->method, error));
  return G_OBJECT (result);
}

static DistrettoIndicatorResult *
cached_result (DistrettoIndicator  *self,
               Request             *request,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autofree char *key = NULL;

  if (!resolve (self, request, error))
    return NULL;

  key = result_key (request);
  return DISTRETTO_INDICATOR_RESULT (_distretto_indicator_cache_get (self, request->dataset, key, compute_result,
                                                                     request, cancellable, error));
}

/* Whether the module's scores are its pillars' as the host computes
 * them: an analysis of the pillars is then one of the module. */
static gboolean
scores_are_declared (DistrettoIndicatorResult *own,
                     DistrettoIndicatorResult *declared)
{
  for (guint i = 0; i < distretto_indicator_result_get_n_scores (declared); i++)
    {
      double a = distretto_indicator_result_get_score (declared, i), b;

      if (!distretto_indicator_result_lookup (own, distretto_indicator_result_get_region_code (declared, i), &b, NULL))
        b = NAN;
      if (isnan (a) != isnan (b) || (!isnan (a) && fabs (a - b) > 1e-9 * MAX (1.0, fabs (a))))
        return FALSE;
    }

  return TRUE;
}

static GObject *
compute_uncertainty (DistrettoIndicator  *self,
                     DistrettoDataset    *dataset,
                     gpointer             data,
                     GCancellable        *cancellable,
                     GError             **error)
{
  Request *request = data;
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;
  g_autoptr(DistrettoIndicatorResult) own = NULL;
  g_autoptr(DistrettoIndicatorResult) declared = NULL;
  g_autofree DistrettoPillar **pillars = NULL;
  guint n_pillars;

  WITH_OWN_CODE_LOCK (self, definition = distretto_indicator_get_definition (self));
  if (definition == NULL)
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_FAILED,
                   _("The module returned no definition"));
      return NULL;
    }

  n_pillars = distretto_indicator_definition_get_n_pillars (definition);
  if (n_pillars == 0)
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NOT_SUPPORTED,
                   _("The module “%s” declares no pillars: it has no method to vary"),
                   distretto_indicator_definition_get_id (definition));
      return NULL;
    }

  pillars = g_new (DistrettoPillar *, n_pillars);
  for (guint p = 0; p < n_pillars; p++)
    pillars[p] = distretto_indicator_definition_get_pillar (definition, p);

  own = cached_result (self, request, cancellable, error);
  if (own == NULL)
    return NULL;
  declared = distretto_index_compute (pillars, n_pillars, request->method, dataset, request->year);
  if (!scores_are_declared (own, declared))
    {
      g_set_error (error, DISTRETTO_INDICATOR_ERROR, DISTRETTO_INDICATOR_ERROR_NOT_SUPPORTED,
                   _("The module “%s” computes its scores with code of its own: Distretto cannot vary its method"),
                   distretto_indicator_definition_get_id (definition));
      return NULL;
    }

  return G_OBJECT (distretto_uncertainty_compute (pillars, n_pillars, request->method, request->spec, dataset,
                                                  request->year, request->progress, cancellable, error));
}

/* The cache's key of the analysis @request asks for, its year, method
 * and spec resolved. */
static char *
uncertainty_key (DistrettoIndicator  *self,
                 Request             *request,
                 GError             **error)
{
  g_autoptr(DistrettoIndicatorDefinition) definition = NULL;
  g_autofree char *method = NULL;
  g_autofree char *spec = NULL;

  if (!resolve (self, request, error))
    return NULL;

  if (request->spec == NULL)
    {
      WITH_OWN_CODE_LOCK (self, definition = distretto_indicator_get_definition (self));
      request->spec = definition != NULL ? distretto_indicator_definition_dup_uncertainty (definition)
                                         : distretto_uncertainty_spec_new ();
    }

  method = _distretto_method_dup_key (request->method);
  spec = _distretto_uncertainty_spec_dup_key (request->spec);
  return g_strdup_printf ("uncertainty %d %s %s", request->year, method, spec);
}

static DistrettoUncertainty *
cached_uncertainty (DistrettoIndicator  *self,
                    Request             *request,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autofree char *key = uncertainty_key (self, request, error);

  if (key == NULL)
    return NULL;

  return DISTRETTO_UNCERTAINTY (_distretto_indicator_cache_get (self, request->dataset, key, compute_uncertainty,
                                                                request, cancellable, error));
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  DistrettoIndicatorResult *result = cached_result (source_object, task_data, cancellable, &error);

  if (result != NULL)
    g_task_return_pointer (task, result, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * distretto_indicator_compute_async:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset; it must not change while computations
 *   run
 * @year: the year, or 0 for the module's latest
 *   (distretto_indicator_choose_year())
 * @method: (nullable): the method, or %NULL for the module's own
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the result is ready
 * @user_data: data for @callback
 *
 * distretto_indicator_compute_with_method() in a worker thread, through
 * the module's cache: one result per dataset, year and method (the level
 * compared and the weights included), computed once however many ask for
 * it at once, the window and its exports alike. Results are shared:
 * read them, do not change them.
 *
 * Threads: the host's pipeline (for a module that declares its pillars)
 * and the uncertainty analysis run in worker threads, several at once.
 * A module's own code — its compute, and everything else when it
 * computes itself — runs in a worker thread too but one call at a time
 * for the module: a Python plugin takes the interpreter's lock there, and
 * its code need not be thread-safe. distretto_indicator_forget_cached()
 * drops what is cached when a module's settings change.
 */
void
distretto_indicator_compute_async (DistrettoIndicator    *self,
                                   DistrettoDataset      *dataset,
                                   int                    year,
                                   const DistrettoMethod *method,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DISTRETTO_IS_INDICATOR (self));
  g_return_if_fail (DISTRETTO_IS_DATASET (dataset));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, distretto_indicator_compute_async);
  g_task_set_task_data (task, request_new (dataset, year, method, NULL, NULL), (GDestroyNotify) request_free);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * distretto_indicator_compute_finish:
 * @self: a #DistrettoIndicator
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #DistrettoIndicatorError, or
 *   %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the result (shared: do not change it), or
 *   %NULL with @error set
 */
DistrettoIndicatorResult *
distretto_indicator_compute_finish (DistrettoIndicator  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == distretto_indicator_compute_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * distretto_indicator_compute_cached:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 * @year: the year, or 0 for the module's latest
 * @method: (nullable): the method, or %NULL for the module's own
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * distretto_indicator_compute_async() in the calling thread: the cached
 * result, or computed now and cached. What headless exports and view
 * builders call.
 *
 * Returns: (transfer full): the result (shared: do not change it), or
 *   %NULL with @error set
 */
DistrettoIndicatorResult *
distretto_indicator_compute_cached (DistrettoIndicator     *self,
                                    DistrettoDataset       *dataset,
                                    int                     year,
                                    const DistrettoMethod  *method,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  g_autoptr(Request) request = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  request = request_new (dataset, year, method, NULL, NULL);
  return cached_result (self, request, cancellable, error);
}

static void
uncertainty_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  DistrettoUncertainty *uncertainty = cached_uncertainty (source_object, task_data, cancellable, &error);

  if (uncertainty != NULL)
    g_task_return_pointer (task, uncertainty, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * distretto_indicator_compute_uncertainty_async:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset; it must not change while computations
 *   run
 * @year: the year, or 0 for the module's latest
 * @method: (nullable): the nominal method, or %NULL for the module's own
 * @spec: (nullable): what to vary, or %NULL for what the module declares
 *   (distretto_indicator_definition_dup_uncertainty())
 * @progress: (nullable): told how far the runs are, in its main context
 * @cancellable: (nullable): a #GCancellable; cancelled, the runs stop
 *   within milliseconds and nothing is kept
 * @callback: called when the analysis is ready
 * @user_data: data for @callback
 *
 * distretto_uncertainty_compute() on the module's pillars in a worker
 * thread (its runs on every processor), through the module's cache as
 * distretto_indicator_compute_async(). A module whose scores are not
 * those of its declared pillars (it computes them itself) gets
 * %DISTRETTO_INDICATOR_ERROR_NOT_SUPPORTED.
 */
void
distretto_indicator_compute_uncertainty_async (DistrettoIndicator             *self,
                                               DistrettoDataset               *dataset,
                                               int                             year,
                                               const DistrettoMethod          *method,
                                               const DistrettoUncertaintySpec *spec,
                                               DistrettoProgress              *progress,
                                               GCancellable                   *cancellable,
                                               GAsyncReadyCallback             callback,
                                               gpointer                        user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DISTRETTO_IS_INDICATOR (self));
  g_return_if_fail (DISTRETTO_IS_DATASET (dataset));
  g_return_if_fail (progress == NULL || DISTRETTO_IS_PROGRESS (progress));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, distretto_indicator_compute_uncertainty_async);
  g_task_set_task_data (task, request_new (dataset, year, method, spec, progress), (GDestroyNotify) request_free);
  g_task_run_in_thread (task, uncertainty_thread);
}

/**
 * distretto_indicator_compute_uncertainty_finish:
 * @self: a #DistrettoIndicator
 * @result: the #GAsyncResult given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full): the analysis (shared: do not change it), or
 *   %NULL with @error set
 */
DistrettoUncertainty *
distretto_indicator_compute_uncertainty_finish (DistrettoIndicator  *self,
                                                GAsyncResult        *result,
                                                GError             **error)
{
  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == distretto_indicator_compute_uncertainty_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * distretto_indicator_compute_uncertainty:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 * @year: the year, or 0 for the module's latest
 * @method: (nullable): the nominal method, or %NULL for the module's own
 * @spec: (nullable): what to vary, or %NULL for what the module declares
 * @progress: (nullable): told how far the runs are
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * distretto_indicator_compute_uncertainty_async() in the calling thread:
 * the cached analysis, or run now (on every processor) and cached.
 *
 * Returns: (transfer full): the analysis (shared: do not change it), or
 *   %NULL with @error set
 */
DistrettoUncertainty *
distretto_indicator_compute_uncertainty (DistrettoIndicator             *self,
                                         DistrettoDataset               *dataset,
                                         int                             year,
                                         const DistrettoMethod          *method,
                                         const DistrettoUncertaintySpec *spec,
                                         DistrettoProgress              *progress,
                                         GCancellable                   *cancellable,
                                         GError                        **error)
{
  g_autoptr(Request) request = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (progress == NULL || DISTRETTO_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  request = request_new (dataset, year, method, spec, progress);
  return cached_uncertainty (self, request, cancellable, error);
}

/**
 * distretto_indicator_lookup_uncertainty:
 * @self: a #DistrettoIndicator
 * @dataset: a #DistrettoDataset
 * @year: the year, not 0
 * @method: (nullable): the nominal method, or %NULL for the module's own
 * @spec: (nullable): what is varied, or %NULL for what the module declares
 *
 * The analysis distretto_indicator_compute_uncertainty() would return,
 * if it is already cached: nothing is computed. What a chart asks for
 * to add what the analysis says (rank intervals in tooltips, uncertain
 * groups on a map) when it is at hand, without running it.
 *
 * Returns: (transfer full) (nullable): the analysis (shared: do not
 *   change it), or %NULL when it is not cached
 */
DistrettoUncertainty *
distretto_indicator_lookup_uncertainty (DistrettoIndicator             *self,
                                        DistrettoDataset               *dataset,
                                        int                             year,
                                        const DistrettoMethod          *method,
                                        const DistrettoUncertaintySpec *spec)
{
  g_autoptr(Request) request = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (DISTRETTO_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (DISTRETTO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (year != 0, NULL);

  request = request_new (dataset, year, method, spec, NULL);
  key = uncertainty_key (self, request, NULL);
  if (key == NULL)
    return NULL;

  return DISTRETTO_UNCERTAINTY (_distretto_indicator_cache_peek (self, dataset, key));
}

/**
 * distretto_indicator_forget_cached:
 * @self: a #DistrettoIndicator
 *
 * Drops the module's cached results and analyses, for instance when its
 * settings change what it computes. A computation under way finishes but
 * is not kept.
 */
void
distretto_indicator_forget_cached (DistrettoIndicator *self)
{
  g_return_if_fail (DISTRETTO_IS_INDICATOR (self));

  _distretto_indicator_cache_forget (self);
}
