/* distretto-region.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DISTRETTO_REGION_LEVEL_AGGREGATE:
 *
 * The level of aggregates such as `EU27_2020`, which have no parent.
 */
#define DISTRETTO_REGION_LEVEL_AGGREGATE (-1)

#define DISTRETTO_TYPE_REGION (distretto_region_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoRegion, distretto_region, DISTRETTO, REGION, GObject)

gboolean         distretto_nuts_code_is_valid          (const char      *code);
gboolean         distretto_nuts_code_is_extra_regio    (const char      *code);
int              distretto_nuts_code_get_level         (const char      *code);

DistrettoRegion *distretto_region_new                  (const char      *code);
const char      *distretto_region_get_code             (DistrettoRegion *self);
int              distretto_region_get_level            (DistrettoRegion *self);
const char      *distretto_region_get_country_code     (DistrettoRegion *self);
char            *distretto_region_dup_parent_code      (DistrettoRegion *self);
gboolean         distretto_region_is_extra_regio       (DistrettoRegion *self);
const char      *distretto_region_get_name             (DistrettoRegion *self);
void             distretto_region_set_name             (DistrettoRegion *self,
                                                        const char      *name);
const char      *distretto_region_get_national_name    (DistrettoRegion *self);
void             distretto_region_set_national_name    (DistrettoRegion *self,
                                                        const char      *national_name);
const char      *distretto_region_get_display_name     (DistrettoRegion *self);
int              distretto_region_get_nuts_version     (DistrettoRegion *self);
void             distretto_region_set_nuts_version     (DistrettoRegion *self,
                                                        int              nuts_version);
gboolean         distretto_region_is_abolished         (DistrettoRegion *self);
void             distretto_region_set_abolished        (DistrettoRegion *self,
                                                        gboolean         abolished);

G_END_DECLS
