/* distretto-import-error.h
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
 * DISTRETTO_IMPORT_ERROR:
 *
 * The error domain of the importers.
 */
#define DISTRETTO_IMPORT_ERROR (distretto_import_error_quark ())

/**
 * DistrettoImportError:
 * @DISTRETTO_IMPORT_ERROR_EMPTY: the file holds no data
 * @DISTRETTO_IMPORT_ERROR_ENCODING: the file is not valid UTF-8
 * @DISTRETTO_IMPORT_ERROR_SYNTAX: a line cannot be split into fields
 * @DISTRETTO_IMPORT_ERROR_HEADER: the header lacks or repeats a column
 * @DISTRETTO_IMPORT_ERROR_VALUE: a field does not hold what its column needs
 * @DISTRETTO_IMPORT_ERROR_DUPLICATE: the same cell is given twice
 *
 * Errors of the importers. Messages start with `file:line:column:`.
 */
typedef enum
{
  DISTRETTO_IMPORT_ERROR_EMPTY,
  DISTRETTO_IMPORT_ERROR_ENCODING,
  DISTRETTO_IMPORT_ERROR_SYNTAX,
  DISTRETTO_IMPORT_ERROR_HEADER,
  DISTRETTO_IMPORT_ERROR_VALUE,
  DISTRETTO_IMPORT_ERROR_DUPLICATE,
} DistrettoImportError;

GQuark distretto_import_error_quark (void);

G_END_DECLS
