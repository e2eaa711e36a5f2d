/* distretto-import-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-import-error.h"

G_DEFINE_QUARK (distretto-import-error-quark, distretto_import_error)
