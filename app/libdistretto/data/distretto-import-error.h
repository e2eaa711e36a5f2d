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
 * @DISTRETTO_IMPORT_ERROR_DUPLICATE: the same cell is given twice in one file
 * @DISTRETTO_IMPORT_ERROR_CONFLICT: two files give different values for one cell
 * @DISTRETTO_IMPORT_ERROR_FORMAT: the file's format is not one Distretto reads
 * @DISTRETTO_IMPORT_ERROR_TOO_LARGE: the file, or what its gzip data unpacks
 *   to, is larger than Distretto reads
 * @DISTRETTO_IMPORT_ERROR_TRUNCATED: the file ends before its data does: it
 *   shrank while it was read, or its gzip data is cut short
 *
 * Errors of the importers. Messages start with `file:line:column:`, or
 * `file:$.json.path:` for JSON files.
 */
typedef enum
{
  DISTRETTO_IMPORT_ERROR_EMPTY,
  DISTRETTO_IMPORT_ERROR_ENCODING,
  DISTRETTO_IMPORT_ERROR_SYNTAX,
  DISTRETTO_IMPORT_ERROR_HEADER,
  DISTRETTO_IMPORT_ERROR_VALUE,
  DISTRETTO_IMPORT_ERROR_DUPLICATE,
  DISTRETTO_IMPORT_ERROR_CONFLICT,
  DISTRETTO_IMPORT_ERROR_FORMAT,
  DISTRETTO_IMPORT_ERROR_TOO_LARGE,
  DISTRETTO_IMPORT_ERROR_TRUNCATED,
} DistrettoImportError;

GQuark distretto_import_error_quark (void);

G_END_DECLS
