/* distretto-parallel.c: tasks run on every core
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-parallel-private.h"

/* The most threads a load uses, the caller's included. */
#define MAX_THREADS 16

/*
 * A batch of tasks is taken, one index at a time, by the calling thread
 * and by helpers from a pool kept for the process's life. The caller
 * waits for the tasks, never for the helpers: a helper that starts late,
 * when the caller or another helper took every task, finds nothing to do.
 * So a busy pool (two loads at once) slows a load down but never stalls it.
 */
typedef struct
{
  gint ref_count;
  DistrettoTaskFunc func;
  gpointer data;
  guint n_tasks;
  gint next;                  /* atomic: the next task to take */
  GMutex mutex;
  GCond cond;
  guint done;                 /* under mutex */
} Batch;

static GThreadPool *pool;

static void
batch_unref (Batch *batch)
{
  if (!g_atomic_int_dec_and_test (&batch->ref_count))
    return;

  g_mutex_clear (&batch->mutex);
  g_cond_clear (&batch->cond);
  g_free (batch);
}

static void
take_tasks (Batch *batch)
{
  guint index, n = 0;

  while ((index = (guint) g_atomic_int_add (&batch->next, 1)) < batch->n_tasks)
    {
      batch->func (batch->data, index);
      n++;
    }

  if (n == 0)
    return;

  g_mutex_lock (&batch->mutex);
  batch->done += n;
  if (batch->done == batch->n_tasks)
    g_cond_signal (&batch->cond);
  g_mutex_unlock (&batch->mutex);
}

static void
help (gpointer data,
      gpointer unused)
{
  take_tasks (data);
  batch_unref (data);
}

static gpointer
create_pool (gpointer unused)
{
  pool = g_thread_pool_new (help, NULL, MAX_THREADS - 1, FALSE, NULL);
  return NULL;
}

/*
 * _distretto_parallel_get_n_threads:
 *
 * How many threads a load uses: one per core, or DISTRETTO_LOAD_THREADS
 * (1 reads on the calling thread alone), at most MAX_THREADS.
 */
guint
_distretto_parallel_get_n_threads (void)
{
  const char *threads = g_getenv ("DISTRETTO_LOAD_THREADS");
  guint64 n = 0;

  if (threads != NULL)
    n = g_ascii_strtoull (threads, NULL, 10);
  if (n == 0)
    n = g_get_num_processors ();

  return (guint) CLAMP (n, 1, MAX_THREADS);
}

/*
 * _distretto_parallel_run:
 *
 * Calls @func on every index below @n_tasks, on up to @n_threads threads
 * (the caller's among them), and returns when every call returned.
 */
void
_distretto_parallel_run (guint             n_threads,
                         guint             n_tasks,
                         DistrettoTaskFunc func,
                         gpointer          data)
{
  static GOnce once = G_ONCE_INIT;
  guint n_helpers = MIN (MIN (n_threads, MAX_THREADS), n_tasks) - (n_tasks > 0);
  Batch *batch;

  if (n_helpers == 0)
    {
      for (guint i = 0; i < n_tasks; i++)
        func (data, i);
      return;
    }

  g_once (&once, create_pool, NULL);

  batch = g_new0 (Batch, 1);
  batch->ref_count = 1 + n_helpers;
  batch->func = func;
  batch->data = data;
  batch->n_tasks = n_tasks;
  g_mutex_init (&batch->mutex);
  g_cond_init (&batch->cond);

  for (guint i = 0; i < n_helpers; i++)
    g_thread_pool_push (pool, batch, NULL);

  take_tasks (batch);

  g_mutex_lock (&batch->mutex);
  while (batch->done < batch->n_tasks)
    g_cond_wait (&batch->cond, &batch->mutex);
  g_mutex_unlock (&batch->mutex);

  batch_unref (batch);
}
