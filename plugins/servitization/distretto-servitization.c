/* distretto-servitization.c: the territorial servitization module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <distretto.h>
#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>
#include <math.h>

#define SERIES_TOTAL "emp_total"
#define SERIES_KIBS  "emp_kibs"

/* First version of TS1 (docs/indicators.md): employment in knowledge-
 * intensive business services as a percentage of total employment. */
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
  static const char *series[] = { SERIES_KIBS, SERIES_TOTAL, NULL };
  DistrettoIndicatorDefinition *definition;

  definition = distretto_indicator_definition_new ("servitization", _("Territorial servitization"));
  distretto_indicator_definition_set_description (definition,
    _("Employment in knowledge-intensive business services (KIBS: NACE J62, J63, M69–M74) "
      "as a share of total employment"));
  /* xgettext:no-c-format */
  distretto_indicator_definition_set_unit (definition, _("KIBS employment, % of total employment"));
  distretto_indicator_definition_set_required_series (definition, series);

  return definition;
}

static DistrettoIndicatorResult *
distretto_servitization_compute (DistrettoIndicator  *indicator,
                                 DistrettoDataset    *dataset,
                                 int                  year,
                                 GError             **error)
{
  g_autoptr(DistrettoIndicatorResult) result = distretto_indicator_result_new (year);

  for (guint i = 0; i < distretto_dataset_get_n_regions (dataset); i++)
    {
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (dataset, i));
      DistrettoFlags kibs_flags, total_flags;
      double kibs = distretto_dataset_get_value (dataset, SERIES_KIBS, code, year, &kibs_flags);
      double total = distretto_dataset_get_value (dataset, SERIES_TOTAL, code, year, &total_flags);
      double share = (total > 0.0) ? 100.0 * kibs / total : NAN;

      distretto_indicator_result_add_score (result, code, share, kibs_flags | total_flags);
    }

  return g_steal_pointer (&result);
}

static void
indicator_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = distretto_servitization_get_definition;
  iface->compute = distretto_servitization_compute;
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
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  peas_object_module_register_extension_type (module,
                                              DISTRETTO_TYPE_INDICATOR,
                                              DISTRETTO_TYPE_SERVITIZATION);
}
