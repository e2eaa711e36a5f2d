/* distretto-nuts.h
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
 * DISTRETTO_NUTS_VERSION_LATEST:
 *
 * The newest NUTS version Distretto knows, the target of data when no
 * boundaries say otherwise.
 */
#define DISTRETTO_NUTS_VERSION_LATEST 2024

/**
 * DistrettoNutsChange:
 * @DISTRETTO_NUTS_CHANGE_UNKNOWN: the code is not in the version it is
 *   said to be from, or not in any version Distretto knows
 * @DISTRETTO_NUTS_CHANGE_SAME: the same code and territory (the name may
 *   have changed)
 * @DISTRETTO_NUTS_CHANGE_RECODED: another code for the same territory
 * @DISTRETTO_NUTS_CHANGE_SPLIT: the region was divided into several
 * @DISTRETTO_NUTS_CHANGE_MERGED: the region was joined with others into one
 * @DISTRETTO_NUTS_CHANGE_BOUNDARY: the territory changed: its values do not
 *   carry over
 * @DISTRETTO_NUTS_CHANGE_DISCONTINUED: the region has no successor (nor a
 *   predecessor, going back in time), or the version does not cover its
 *   country (the UK after NUTS 2021)
 *
 * What became of a region from one NUTS version to another, as Eurostat's
 * correspondence tables say.
 */
typedef enum
{
  DISTRETTO_NUTS_CHANGE_UNKNOWN,
  DISTRETTO_NUTS_CHANGE_SAME,
  DISTRETTO_NUTS_CHANGE_RECODED,
  DISTRETTO_NUTS_CHANGE_SPLIT,
  DISTRETTO_NUTS_CHANGE_MERGED,
  DISTRETTO_NUTS_CHANGE_BOUNDARY,
  DISTRETTO_NUTS_CHANGE_DISCONTINUED,
} DistrettoNutsChange;

const int           *distretto_nuts_get_versions        (guint               *n_versions);
gboolean             distretto_nuts_is_version          (int                  version);
gboolean             distretto_nuts_has_code            (const char          *code,
                                                         int                  version);
gboolean             distretto_nuts_has_country         (const char          *country_code,
                                                         int                  version);
char               **distretto_nuts_dup_codes           (int                  version,
                                                         int                  level);
int                  distretto_nuts_get_first_version   (const char          *code);
int                  distretto_nuts_get_latest_version  (const char          *code);
const char          *distretto_nuts_get_name            (const char          *code,
                                                         int                  version);
const char          *distretto_nuts_get_national_name   (const char          *code,
                                                         int                  version);
const char * const  *distretto_nuts_get_languages       (const char          *country_code);
int                  distretto_nuts_guess_version       (const char * const  *codes);
DistrettoNutsChange  distretto_nuts_recode              (const char          *code,
                                                         int                  from_version,
                                                         int                  to_version,
                                                         char              ***targets);
char               **distretto_nuts_dup_equivalent      (const char          *code,
                                                         int                  version,
                                                         int                  other_version);
char                *distretto_nuts_dup_canonical_code  (const char          *code);

G_END_DECLS
