/* distretto-indicator-cache.c: a module's results and analyses, computed
 * once per dataset, year and method
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-indicator-private.h"

/* Entries kept per module; the least recently used go first. */
#define MAX_ENTRIES 48

/* How often a thread waiting for another's computation looks at its
 * own cancellable. */
#define WAIT_SLICE (20 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  char *key;
  GWeakRef dataset;       /* the dataset, which the key names by address */
  GObject *value;         /* NULL while it is being computed */
  gboolean forgotten;     /* dropped while being computed: not to be kept */
  guint64 used;
} Entry;

typedef struct
{
  GPtrArray *entries;     /* Entry */
  GMutex own_code;        /* one call into the module's own code at a time */
} Cache;

/* One lock for every module's cache: held for look-ups only. */
static GMutex lock;
static GCond changed;
static guint64 clock_;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_weak_ref_clear (&entry->dataset);
  g_clear_object (&entry->value);
  g_free (entry);
}

static void
cache_free (gpointer data)
{
  Cache *cache = data;

  g_ptr_array_unref (cache->entries);
  g_mutex_clear (&cache->own_code);
  g_free (cache);
}

static GQuark
cache_quark (void)
{
  return g_quark_from_static_string ("distretto-indicator-cache");
}

/* With the lock held. */
static Cache *
get_cache (DistrettoIndicator *self)
{
  Cache *cache = g_object_get_qdata (G_OBJECT (self), cache_quark ());

  if (cache == NULL)
    {
      cache = g_new0 (Cache, 1);
      cache->entries = g_ptr_array_new_with_free_func (entry_free);
      g_mutex_init (&cache->own_code);
      g_object_set_qdata_full (G_OBJECT (self), cache_quark (), cache, cache_free);
    }

  return cache;
}

/* The entry of @key for @dataset; entries of datasets that are gone are
 * dropped on the way (another dataset may have their address). */
static Entry *
find (Cache            *cache,
      const char       *key,
      DistrettoDataset *dataset)
{
  for (guint i = 0; i < cache->entries->len;)
    {
      Entry *entry = g_ptr_array_index (cache->entries, i);
      g_autoptr(GObject) alive = g_weak_ref_get (&entry->dataset);

      if (alive == NULL && entry->value != NULL)
        {
          g_ptr_array_remove_index_fast (cache->entries, i);
          continue;
        }
      if (alive == G_OBJECT (dataset) && g_str_equal (entry->key, key))
        return entry;
      i++;
    }

  return NULL;
}

static void
trim (Cache *cache)
{
  while (cache->entries->len > MAX_ENTRIES)
    {
      guint oldest = G_MAXUINT;

      for (guint i = 0; i < cache->entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (cache->entries, i);

          if (entry->value != NULL &&
              (oldest == G_MAXUINT || entry->used < ((Entry *) g_ptr_array_index (cache->entries, oldest))->used))
            oldest = i;
        }
      if (oldest == G_MAXUINT)
        return;
      g_ptr_array_remove_index_fast (cache->entries, oldest);
    }
}

/* The value of @key for @dataset: the cached one, the one another thread
 * is computing (waited for), or computed here with @compute and kept.
 * Errors and cancelled computations are not kept. */
GObject *
_distretto_indicator_cache_get (DistrettoIndicator     *self,
                                DistrettoDataset       *dataset,
                                const char             *key,
                                DistrettoCacheCompute   compute,
                                gpointer                data,
                                GCancellable           *cancellable,
                                GError                **error)
{
  /* A merge adds series or observations: the dataset's size is part of
   * the key. */
  g_autofree char *full_key = g_strdup_printf ("%s|%u|%" G_GSIZE_FORMAT, key, distretto_dataset_get_n_series (dataset),
                                               distretto_dataset_get_n_observations (dataset));
  Cache *cache;
  Entry *entry;
  GObject *value;

  g_mutex_lock (&lock);
  cache = get_cache (self);
  for (;;)
    {
      entry = find (cache, full_key, dataset);
      if (entry == NULL)
        break;
      if (entry->value != NULL)
        {
          entry->used = ++clock_;
          value = g_object_ref (entry->value);
          g_mutex_unlock (&lock);
          return value;
        }

      /* Another thread computes it: wait, unless cancelled. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_mutex_unlock (&lock);
          return NULL;
        }
      g_cond_wait_until (&changed, &lock, g_get_monotonic_time () + WAIT_SLICE);
    }

  entry = g_new0 (Entry, 1);
  entry->key = g_strdup (full_key);
  g_weak_ref_init (&entry->dataset, dataset);
  g_ptr_array_add (cache->entries, entry);
  g_mutex_unlock (&lock);

  value = compute (self, dataset, data, cancellable, error);

  g_mutex_lock (&lock);
  if (value != NULL && !entry->forgotten)
    {
      entry->value = g_object_ref (value);
      entry->used = ++clock_;
      trim (cache);
    }
  else
    g_ptr_array_remove_fast (cache->entries, entry);
  g_cond_broadcast (&changed);
  g_mutex_unlock (&lock);

  return value;
}

/* The value of @key for @dataset if it is cached, else NULL: never
 * computed nor waited for. */
GObject *
_distretto_indicator_cache_peek (DistrettoIndicator *self,
                                 DistrettoDataset   *dataset,
                                 const char         *key)
{
  g_autofree char *full_key = g_strdup_printf ("%s|%u|%" G_GSIZE_FORMAT, key, distretto_dataset_get_n_series (dataset),
                                               distretto_dataset_get_n_observations (dataset));
  GObject *value = NULL;
  Entry *entry;

  g_mutex_lock (&lock);
  entry = find (get_cache (self), full_key, dataset);
  if (entry != NULL && entry->value != NULL)
    {
      entry->used = ++clock_;
      value = g_object_ref (entry->value);
    }
  g_mutex_unlock (&lock);

  return value;
}

/* Drops what is cached; what is being computed is not kept. */
void
_distretto_indicator_cache_forget (DistrettoIndicator *self)
{
  Cache *cache;

  g_mutex_lock (&lock);
  cache = get_cache (self);
  for (guint i = 0; i < cache->entries->len;)
    {
      Entry *entry = g_ptr_array_index (cache->entries, i);

      if (entry->value == NULL)
        {
          entry->forgotten = TRUE;
          i++;
        }
      else
        g_ptr_array_remove_index_fast (cache->entries, i);
    }
  g_mutex_unlock (&lock);
}

/* The lock a call into the module's own code holds. */
GMutex *
_distretto_indicator_get_own_code_lock (DistrettoIndicator *self)
{
  GMutex *own_code;

  g_mutex_lock (&lock);
  own_code = &get_cache (self)->own_code;
  g_mutex_unlock (&lock);

  return own_code;
}
