/* distretto-boundaries.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <gio/gio.h>

#include "distretto-dataset.h"

G_BEGIN_DECLS

/**
 * DISTRETTO_BOUNDARIES_ATTRIBUTION:
 *
 * The notice every map drawn from GISCO boundaries must show.
 */
#define DISTRETTO_BOUNDARIES_ATTRIBUTION "© EuroGeographics for the administrative boundaries"

#define DISTRETTO_TYPE_BOUNDARIES (distretto_boundaries_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoBoundaries, distretto_boundaries, DISTRETTO, BOUNDARIES, GObject)

DistrettoBoundaries  *distretto_boundaries_load_bytes      (GBytes               *bytes,
                                                            const char           *display_name,
                                                            GError              **error);
DistrettoBoundaries  *distretto_boundaries_load_file       (GFile                *file,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
int                   distretto_boundaries_get_source_epsg (DistrettoBoundaries  *self);
guint                 distretto_boundaries_get_n_regions   (DistrettoBoundaries  *self);
const char           *distretto_boundaries_get_code_at     (DistrettoBoundaries  *self,
                                                            guint                 index);
gboolean              distretto_boundaries_has_region      (DistrettoBoundaries  *self,
                                                            const char           *code);
int                   distretto_boundaries_guess_nuts_version (DistrettoBoundaries *self);
int                   distretto_boundaries_get_level       (DistrettoBoundaries  *self,
                                                            const char           *code);
const char           *distretto_boundaries_get_name        (DistrettoBoundaries  *self,
                                                            const char           *code);
guint                 distretto_boundaries_count_level     (DistrettoBoundaries  *self,
                                                            int                   level);
guint                 distretto_boundaries_get_n_polygons  (DistrettoBoundaries  *self,
                                                            const char           *code);
guint                 distretto_boundaries_get_n_rings     (DistrettoBoundaries  *self,
                                                            const char           *code,
                                                            guint                 polygon);
const double         *distretto_boundaries_get_ring        (DistrettoBoundaries  *self,
                                                            const char           *code,
                                                            guint                 polygon,
                                                            guint                 ring,
                                                            guint                *n_points);
void                  distretto_boundaries_get_extent      (DistrettoBoundaries  *self,
                                                            double               *x_min,
                                                            double               *y_min,
                                                            double               *x_max,
                                                            double               *y_max);
char                **distretto_boundaries_dup_missing_codes (DistrettoBoundaries *self,
                                                              DistrettoDataset    *dataset);
char                **distretto_boundaries_dup_unused_codes  (DistrettoBoundaries *self,
                                                              DistrettoDataset    *dataset,
                                                              int                  level);
void                  distretto_project_laea               (double                longitude,
                                                            double                latitude,
                                                            double               *x,
                                                            double               *y);

G_END_DECLS
