/* distretto-boundaries.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-boundaries.h"

/* Placeholder until the GeoJSON reader lands. */
struct _DistrettoBoundaries
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (DistrettoBoundaries, distretto_boundaries, G_TYPE_OBJECT)

static void
distretto_boundaries_class_init (DistrettoBoundariesClass *klass)
{
}

static void
distretto_boundaries_init (DistrettoBoundaries *self)
{
}

/**
 * distretto_boundaries_load_bytes:
 * @bytes: a GeoJSON file
 * @display_name: the name to use in messages
 * @error: return location for a #GError
 *
 * Returns: (transfer full): boundaries, or %NULL with @error set
 */
DistrettoBoundaries *
distretto_boundaries_load_bytes (GBytes      *bytes,
                                 const char  *display_name,
                                 GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s: not supported yet", display_name);
  return NULL;
}

/**
 * distretto_boundaries_load_file:
 * @file: a GeoJSON file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full): boundaries, or %NULL with @error set
 */
DistrettoBoundaries *
distretto_boundaries_load_file (GFile         *file,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not supported yet");
  return NULL;
}

/**
 * distretto_boundaries_dup_missing_codes:
 * @self: a #DistrettoBoundaries
 * @dataset: a #DistrettoDataset
 *
 * Returns: (transfer full): codes
 */
char **
distretto_boundaries_dup_missing_codes (DistrettoBoundaries *self,
                                        DistrettoDataset    *dataset)
{
  return g_new0 (char *, 1);
}

/**
 * distretto_boundaries_dup_unused_codes:
 * @self: a #DistrettoBoundaries
 * @dataset: a #DistrettoDataset
 * @level: a level
 *
 * Returns: (transfer full): codes
 */
char **
distretto_boundaries_dup_unused_codes (DistrettoBoundaries *self,
                                       DistrettoDataset    *dataset,
                                       int                  level)
{
  return g_new0 (char *, 1);
}
