/* distretto-age.h: how long ago something happened, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *distretto_age_format (GDateTime *then,
                            GDateTime *now);

G_END_DECLS
