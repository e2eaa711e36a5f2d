/* distretto-flags.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * DistrettoFlags:
 * @DISTRETTO_FLAGS_NONE: no flag
 * @DISTRETTO_FLAGS_BREAK: Eurostat `b`, break in time series
 * @DISTRETTO_FLAGS_LOW_RELIABILITY: Eurostat `u`, low reliability
 * @DISTRETTO_FLAGS_CONFIDENTIAL: Eurostat `c`, confidential
 * @DISTRETTO_FLAGS_ESTIMATED: Eurostat `e`, estimated
 * @DISTRETTO_FLAGS_DEFINITION_DIFFERS: Eurostat `d`, definition differs
 * @DISTRETTO_FLAGS_PROVISIONAL: Eurostat `p`, provisional
 * @DISTRETTO_FLAGS_IMPUTED: the value was imputed by Distretto
 * @DISTRETTO_FLAGS_NATIONAL_PROXY: a national value repeated for the region
 * @DISTRETTO_FLAGS_CONVERTED: converted from another NUTS version or unit
 * @DISTRETTO_FLAGS_SYNTHETIC: generated, not a real statistic
 * @DISTRETTO_FLAGS_PROXY: taken from a fallback series that stands in for
 *   the one asked for (a broader NACE aggregate, a parent region…)
 * @DISTRETTO_FLAGS_CARRIED_FORWARD: the latest earlier value, carried
 *   forward to a year with none
 * @DISTRETTO_FLAGS_WINSORISED: an outlier pulled in to the nearest value
 *   that is not one
 * @DISTRETTO_FLAGS_RECODED: brought from another NUTS version by Distretto:
 *   the value of a recoded region, or the sum of merged ones
 * @DISTRETTO_FLAGS_SEE_NOTE: Eurostat `i`, see the metadata (older files)
 * @DISTRETTO_FLAGS_FORECAST: Eurostat `f`, forecast
 * @DISTRETTO_FLAGS_NOT_SIGNIFICANT: Eurostat `n`, not significant
 * @DISTRETTO_FLAGS_REVISED: Eurostat `r`, revised (older files)
 * @DISTRETTO_FLAGS_EUROSTAT_ESTIMATE: Eurostat `s`, Eurostat estimate
 *   (older files)
 * @DISTRETTO_FLAGS_NOT_APPLICABLE: Eurostat `z`, not applicable
 *
 * Flags explaining one observation.
 */
typedef enum /*< flags >*/
{
  DISTRETTO_FLAGS_NONE               = 0,
  DISTRETTO_FLAGS_BREAK              = 1 << 0,
  DISTRETTO_FLAGS_LOW_RELIABILITY    = 1 << 1,
  DISTRETTO_FLAGS_CONFIDENTIAL       = 1 << 2,
  DISTRETTO_FLAGS_ESTIMATED          = 1 << 3,
  DISTRETTO_FLAGS_DEFINITION_DIFFERS = 1 << 4,
  DISTRETTO_FLAGS_PROVISIONAL        = 1 << 5,
  DISTRETTO_FLAGS_IMPUTED            = 1 << 6,
  DISTRETTO_FLAGS_NATIONAL_PROXY     = 1 << 7,
  DISTRETTO_FLAGS_CONVERTED          = 1 << 8,
  DISTRETTO_FLAGS_SYNTHETIC          = 1 << 9,
  DISTRETTO_FLAGS_PROXY              = 1 << 10,
  DISTRETTO_FLAGS_CARRIED_FORWARD    = 1 << 11,
  DISTRETTO_FLAGS_WINSORISED         = 1 << 12,
  DISTRETTO_FLAGS_RECODED            = 1 << 13,
  /* Eurostat's other letters, apart from the flags of Distretto. */
  DISTRETTO_FLAGS_SEE_NOTE           = 1 << 20,
  DISTRETTO_FLAGS_FORECAST           = 1 << 21,
  DISTRETTO_FLAGS_NOT_SIGNIFICANT    = 1 << 22,
  DISTRETTO_FLAGS_REVISED            = 1 << 23,
  DISTRETTO_FLAGS_EUROSTAT_ESTIMATE  = 1 << 24,
  DISTRETTO_FLAGS_NOT_APPLICABLE     = 1 << 25,
} DistrettoFlags;

gboolean  distretto_flags_parse     (const char     *text,
                                     DistrettoFlags *flags);
char     *distretto_flags_to_string (DistrettoFlags  flags);
char     *distretto_flags_dup_description (DistrettoFlags flags);

G_END_DECLS
