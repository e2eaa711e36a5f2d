/* distretto-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_APPLICATION (distretto_application_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoApplication, distretto_application, DISTRETTO, APPLICATION, AdwApplication)

DistrettoApplication *distretto_application_new (void);

G_END_DECLS
