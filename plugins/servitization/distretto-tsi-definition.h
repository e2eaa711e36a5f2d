/* distretto-tsi-definition.h: the Territorial Servitization Index, declared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>

G_BEGIN_DECLS

/* Compiled into the servitization module and into the Industry 4.0
 * readiness module, which nests the index as its sub-indicator IR3:
 * plugins cannot call each other, so each carries its own copy. */
G_GNUC_INTERNAL
DistrettoIndicatorDefinition *distretto_tsi_definition_new (void);

G_END_DECLS
