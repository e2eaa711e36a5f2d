/* distretto-json-reader.h: JSON that json-glib 1.6 would misread, refused
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How deep objects and arrays may nest: json-glib recurses per level. */
#define DISTRETTO_JSON_MAX_DEPTH 64

JsonParser *_distretto_json_parse (const char  *data,
                                  gsize        len,
                                  const char  *filename,
                                  GError     **error);

void        _distretto_json_set_error (GError     **error,
                                      int          code,
                                      const char  *filename,
                                      const char  *path,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
