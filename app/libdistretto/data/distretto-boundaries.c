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
