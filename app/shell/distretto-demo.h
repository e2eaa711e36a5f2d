/* distretto-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

G_BEGIN_DECLS

DistrettoDataset *distretto_demo_dataset_load (GError    **error);
gboolean          distretto_demo_is_location  (const char *uri);

G_END_DECLS
