/* distretto-chart-bands.c: rows of an image drawn on several cores
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-chart-bands.h"

#define MAX_THREADS   8
#define MIN_BAND_ROWS 64

typedef struct
{
  DistrettoBandFunc func;
  gpointer data;
  int top;
  int bottom;
  GMutex *mutex;
  GCond *cond;
  guint *pending;
} Band;

static GThreadPool *pool;
static guint n_threads = 1;

static void
draw_band (gpointer data,
           gpointer user_data)
{
  Band *band = data;

  band->func (band->data, band->top, band->bottom);

  g_mutex_lock (band->mutex);
  if (--*band->pending == 0)
    g_cond_signal (band->cond);
  g_mutex_unlock (band->mutex);
}

/* One thread per core but the caller's, kept for the process's life;
 * DISTRETTO_CHART_THREADS sets how many threads, for benchmarks. */
static gpointer
create_pool (gpointer unused)
{
  const char *threads = g_getenv ("DISTRETTO_CHART_THREADS");
  guint n = threads != NULL ? (guint) g_ascii_strtoull (threads, NULL, 10) : g_get_num_processors ();

  n = CLAMP (n, 1, MAX_THREADS);

  if (n > 1)
    pool = g_thread_pool_new (draw_band, NULL, n - 1, TRUE, NULL);
  n_threads = pool != NULL ? n : 1;

  return NULL;
}

/* How many threads draw the bands: the cores, at most MAX_THREADS. */
guint
_distretto_bands_get_n_threads (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, create_pool, NULL);
  return n_threads;
}

/* Calls @func on bands of rows [top, bottom), one per thread, and returns
 * when all are drawn; the last band is drawn on the calling thread. Each
 * band gets about as much of @work, what each row costs, if given, else
 * as many rows. */
void
_distretto_bands_run (int               top,
                      int               bottom,
                      const guint      *work,
                      DistrettoBandFunc func,
                      gpointer          data)
{
  Band bands[MAX_THREADS];
  GMutex mutex;
  GCond cond;
  guint n = MIN (_distretto_bands_get_n_threads (), (guint) MAX (1, (bottom - top) / MIN_BAND_ROWS));
  guint64 total = 0, done = 0;
  guint pending = n - 1;
  int y = top;

  if (n <= 1)
    {
      func (data, top, bottom);
      return;
    }

  for (int row = top; row < bottom; row++)
    total += work != NULL ? work[row - top] : 1;

  g_mutex_init (&mutex);
  g_cond_init (&cond);
  for (guint i = 0; i < n; i++)
    {
      int first = y;

      /* Rows until this band's share of the work is done. */
      while (y < bottom && (i + 1 == n || done * n < total * (i + 1)))
        {
          done += work != NULL ? work[y - top] : 1;
          y++;
        }
      bands[i] = (Band) { func, data, first, y, &mutex, &cond, &pending };
      if (i + 1 < n)
        g_thread_pool_push (pool, &bands[i], NULL);
    }

  func (data, bands[n - 1].top, bands[n - 1].bottom);

  g_mutex_lock (&mutex);
  while (pending > 0)
    g_cond_wait (&cond, &mutex);
  g_mutex_unlock (&mutex);
  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
}
