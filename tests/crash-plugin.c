/* crash-plugin.c: a C plugin that kills the process, for the tests of
 * plugin crashes
 *
 * Copied under several module names; the name says where it crashes:
 * one containing “load” in peas_register_types, “definition” in
 * get_definition, “compute” in compute (its definition is fine). Each
 * copy registers a type of its own name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>
#include <libpeas/peas.h>
#include <signal.h>
#include <string.h>

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

static char *module_name;

static void
crash_if (const char *where)
{
  if (strstr (module_name, where) != NULL)
    raise (SIGSEGV);
}

static DistrettoIndicatorDefinition *
crash_get_definition (DistrettoIndicator *indicator)
{
  const char *id = module_name;

  crash_if ("definition");

  /* It reads no series: on any dataset the host goes on to compute. */
  return g_object_new (DISTRETTO_TYPE_INDICATOR_DEFINITION,
                       "id", id,
                       "title", module_name,
                       NULL);
}

static DistrettoIndicatorResult *
crash_compute (DistrettoIndicator  *indicator,
               DistrettoDataset    *dataset,
               int                  year,
               GError             **error)
{
  crash_if ("compute");

  return distretto_indicator_result_new (year);
}

static void
crash_indicator_iface_init (gpointer g_iface,
                            gpointer data)
{
  DistrettoIndicatorInterface *iface = g_iface;

  iface->get_definition = crash_get_definition;
  iface->compute = crash_compute;
}

void
peas_register_types (PeasObjectModule *module)
{
  const GTypeInfo info = { .class_size = sizeof (GObjectClass), .instance_size = sizeof (GObject) };
  const GInterfaceInfo iface_info = { crash_indicator_iface_init, NULL, NULL };
  g_autofree char *type_name = NULL;
  GType type;

  module_name = g_strdup (peas_object_module_get_module_name (module));
  crash_if ("load");

  type_name = g_strdup_printf ("PeCrash_%s", module_name);
  type = g_type_register_static (G_TYPE_OBJECT, type_name, &info, 0);
  g_type_add_interface_static (type, DISTRETTO_TYPE_INDICATOR, &iface_info);
  peas_object_module_register_extension_type (module, DISTRETTO_TYPE_INDICATOR, type);
}
