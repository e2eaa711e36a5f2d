/* distretto-number.h: reading numbers and years from text fields
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _distretto_parse_double (const char *text,
                                 double     *value);
const char *_distretto_number_problem (const char *text);
gboolean _distretto_parse_year   (const char *text,
                                 int         first,
                                 int         last,
                                 int        *year);
gboolean _distretto_parse_decimal_span (const char *text,
                                       gsize       len,
                                       double     *value);
gboolean _distretto_parse_year_span    (const char *text,
                                       gsize       len,
                                       int         first,
                                       int         last,
                                       int        *year);

G_END_DECLS
