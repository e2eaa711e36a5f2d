/* distretto-json-reader.h: JSON that json-glib 1.6 would misread, refused
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How deep objects and arrays may nest: json-glib recurses per level. */
#define DISTRETTO_JSON_MAX_DEPTH 64

JsonParser *distretto_json_parse (const char  *data,
                                  gsize        len,
                                  const char  *filename,
                                  GError     **error);

G_END_DECLS
