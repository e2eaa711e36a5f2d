/* distretto-cached-table.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-cached-table.h"
#include "distretto-eurostat-private.h"

/**
 * DistrettoCachedTable:
 *
 * A Eurostat table in Distretto's download cache: which table, from
 * which year on, the file that holds it, the address it was downloaded
 * from and when. See #DistrettoEurostatFetcher.
 */
struct _DistrettoCachedTable
{
  GObject parent_instance;

  char *table;
  int since;
  GFile *file;
  char *url;
  GDateTime *downloaded;
  guint64 size;
  gboolean from_cache;
};

G_DEFINE_FINAL_TYPE (DistrettoCachedTable, distretto_cached_table, G_TYPE_OBJECT)

static void
distretto_cached_table_finalize (GObject *object)
{
  DistrettoCachedTable *self = (DistrettoCachedTable *)object;

  g_clear_pointer (&self->table, g_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->downloaded, g_date_time_unref);

  G_OBJECT_CLASS (distretto_cached_table_parent_class)->finalize (object);
}

static void
distretto_cached_table_class_init (DistrettoCachedTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_cached_table_finalize;
}

static void
distretto_cached_table_init (DistrettoCachedTable *self)
{
}

DistrettoCachedTable *
_distretto_cached_table_new (const char *table,
                             int         since,
                             const char *path,
                             const char *url,
                             GDateTime  *downloaded,
                             guint64     size,
                             gboolean    from_cache)
{
  DistrettoCachedTable *self = g_object_new (DISTRETTO_TYPE_CACHED_TABLE, NULL);

  self->table = g_strdup (table);
  self->since = since;
  self->file = g_file_new_for_path (path);
  self->url = g_strdup (url);
  self->downloaded = g_date_time_ref (downloaded);
  self->size = size;
  self->from_cache = from_cache;

  return self;
}

/**
 * distretto_cached_table_get_table:
 * @self: a #DistrettoCachedTable
 *
 * Returns: the table's code in lower case, such as `tgs00050`
 */
const char *
distretto_cached_table_get_table (DistrettoCachedTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CACHED_TABLE (self), NULL);

  return self->table;
}

/**
 * distretto_cached_table_get_since:
 * @self: a #DistrettoCachedTable
 *
 * Returns: the first year asked for, or 0 for the whole table
 */
int
distretto_cached_table_get_since (DistrettoCachedTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CACHED_TABLE (self), 0);

  return self->since;
}

/**
 * distretto_cached_table_get_file:
 * @self: a #DistrettoCachedTable
 *
 * Returns: (transfer none): the cached file, ready to import
 */
GFile *
distretto_cached_table_get_file (DistrettoCachedTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CACHED_TABLE (self), NULL);

  return self->file;
}

/**
 * distretto_cached_table_get_url:
 * @self: a #DistrettoCachedTable
 *
 * Returns: (nullable): the address the file was downloaded from, or
 *   %NULL when the cache no longer records it
 */
const char *
distretto_cached_table_get_url (DistrettoCachedTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CACHED_TABLE (self), NULL);

  return self->url;
}

/**
 * distretto_cached_table_get_downloaded:
 * @self: a #DistrettoCachedTable
 *
 * Returns: (transfer none): when the file was downloaded, in UTC
 */
GDateTime *
distretto_cached_table_get_downloaded (DistrettoCachedTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CACHED_TABLE (self), NULL);

  return self->downloaded;
}

/**
 * distretto_cached_table_get_size:
 * @self: a #DistrettoCachedTable
 *
 * Returns: the file's size in bytes
 */
guint64
distretto_cached_table_get_size (DistrettoCachedTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CACHED_TABLE (self), 0);

  return self->size;
}

/**
 * distretto_cached_table_is_from_cache:
 * @self: a #DistrettoCachedTable
 *
 * Returns: %TRUE when the file was already in the cache, %FALSE when it
 *   was just downloaded
 */
gboolean
distretto_cached_table_is_from_cache (DistrettoCachedTable *self)
{
  g_return_val_if_fail (DISTRETTO_IS_CACHED_TABLE (self), FALSE);

  return self->from_cache;
}
