/* distretto-eurostat-tsv.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-import-error.h"
#include "distretto-import-private.h"

gboolean
_distretto_eurostat_tsv_import (DistrettoImport  *import,
                         const char       *data,
                         gsize             len,
                         GError          **error)
{
  g_set_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_FORMAT,
               "%s: this format is not supported yet", import->filename);
  return FALSE;
}
