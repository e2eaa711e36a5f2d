/* no-register-types.c: a shared object that is no libpeas C plugin (it
 * lacks peas_register_types), for test-plugin-engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gmodule.h>

G_MODULE_EXPORT int distretto_test_not_a_plugin (void);

int
distretto_test_not_a_plugin (void)
{
  return 42;
}
