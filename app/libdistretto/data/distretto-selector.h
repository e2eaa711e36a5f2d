/* distretto-selector.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

#include "distretto-series.h"

G_BEGIN_DECLS

/**
 * DISTRETTO_SELECTOR_ERROR:
 *
 * The error domain of series selectors.
 */
#define DISTRETTO_SELECTOR_ERROR (distretto_selector_error_quark ())

/**
 * DistrettoSelectorError:
 * @DISTRETTO_SELECTOR_ERROR_INVALID: the selector is not written right
 * @DISTRETTO_SELECTOR_ERROR_MISSING: no series of the dataset matches
 * @DISTRETTO_SELECTOR_ERROR_AMBIGUOUS: several series match: a dimension
 *   is left unpinned
 *
 * Errors of series selectors.
 */
typedef enum
{
  DISTRETTO_SELECTOR_ERROR_INVALID,
  DISTRETTO_SELECTOR_ERROR_MISSING,
  DISTRETTO_SELECTOR_ERROR_AMBIGUOUS,
} DistrettoSelectorError;

GQuark    distretto_selector_error_quark (void);
gboolean  distretto_selector_validate    (const char      *selector,
                                          GError         **error);
char    **distretto_selector_dup_tables  (const char      *selector);
gboolean  distretto_selector_matches     (const char      *selector,
                                          DistrettoSeries *series);

G_END_DECLS
