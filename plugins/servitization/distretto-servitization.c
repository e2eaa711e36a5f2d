/* distretto-servitization.c: the territorial servitization module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <distretto.h>
#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "distretto-tsi-definition.h"

/* The Territorial Servitization Index of docs/indicators.md, section 1:
 * TS1–TS5 in three pillars. The host computes it from the definition. */
#define DISTRETTO_TYPE_SERVITIZATION (distretto_servitization_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoServitization, distretto_servitization, DISTRETTO, SERVITIZATION, GObject)

struct _DistrettoServitization
{
  GObject parent_instance;
};

static void indicator_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DistrettoServitization, distretto_servitization, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, indicator_iface_init))

static DistrettoIndicatorDefinition *
distretto_servitization_get_definition (DistrettoIndicator *indicator)
{
  return distretto_tsi_definition_new ();
}

static void
indicator_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = distretto_servitization_get_definition;
}

static void
distretto_servitization_class_init (DistrettoServitizationClass *klass)
{
}

static void
distretto_servitization_init (DistrettoServitization *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  /* Distretto's own domain: where the host found it (the build tree
   * under `meson devenv`), else where it is installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DISTRETTO_LOCALEDIR") ? g_getenv ("DISTRETTO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  peas_object_module_register_extension_type (module,
                                              DISTRETTO_TYPE_INDICATOR,
                                              DISTRETTO_TYPE_SERVITIZATION);
}
