/* distretto-module-info.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "distretto-module.h"

G_BEGIN_DECLS

GtkWidget *distretto_module_info_new       (DistrettoModule  *module,
                                            DistrettoDataset *dataset);
char      *distretto_module_info_dup_years (DistrettoModule  *module,
                                            DistrettoDataset *dataset);

G_END_DECLS
