/* distretto-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

G_BEGIN_DECLS

DistrettoDataset *distretto_demo_dataset_load (GError **error);

G_END_DECLS
