/* distretto-servitization.c: the territorial servitization module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <distretto.h>
#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#define SERIES_TOTAL "emp_total"
#define SERIES_KIBS  "emp_kibs"
#define SERIES_MANUF "emp_manuf"

/* The Territorial Servitization Index of docs/indicators.md: a
 * manufacturing base (TS2) and KIBS depth (TS1), aggregated geometrically
 * so that neither makes up for the lack of the other. The host computes
 * it from this definition. */
#define DISTRETTO_TYPE_SERVITIZATION (distretto_servitization_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoServitization, distretto_servitization, DISTRETTO, SERVITIZATION, GObject)

struct _DistrettoServitization
{
  GObject parent_instance;
};

static void indicator_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DistrettoServitization, distretto_servitization, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, indicator_iface_init))

static DistrettoSubIndicator *
employment_share (const char *id,
                  const char *label,
                  const char *series)
{
  DistrettoSubIndicator *sub = distretto_sub_indicator_new (id, label, series);

  distretto_sub_indicator_set_denominator (sub, SERIES_TOTAL);
  distretto_sub_indicator_set_scale (sub, 100.0);
  return sub;
}

static DistrettoIndicatorDefinition *
distretto_servitization_get_definition (DistrettoIndicator *indicator)
{
  static const char *references[] = {
    "Lafuente, Vaillant & Vendrell-Herrero (2017), Territorial servitization, International Journal of Production Economics",
    "Sforzi & Boix (2019), Territorial servitization in Marshallian industrial districts, Regional Studies",
    "OECD/JRC (2008), Handbook on Constructing Composite Indicators",
    NULL
  };
  g_autoptr(DistrettoPillar) base = distretto_pillar_new ("manufacturing-base", _("Manufacturing base"));
  g_autoptr(DistrettoPillar) kibs = distretto_pillar_new ("kibs-depth", _("KIBS depth"));
  g_autoptr(DistrettoSubIndicator) ts2 = employment_share ("ts2", _("Manufacturing employment share"), SERIES_MANUF);
  g_autoptr(DistrettoSubIndicator) ts1 = employment_share ("ts1", _("KIBS employment share"), SERIES_KIBS);
  DistrettoIndicatorDefinition *definition;

  definition = g_object_new (DISTRETTO_TYPE_INDICATOR_DEFINITION,
                             "id", "servitization",
                             "title", _("Territorial servitization"),
                             "description", _("Knowledge-intensive business services (KIBS) coupled with a "
                                              "manufacturing base, per region"),
                             "unit", _("Score, 0–100"),
                             "category", "industry",
                             "method-note", _("Each region's shares of employment in manufacturing and in "
                                              "knowledge-intensive business services are scaled from 0 (lowest "
                                              "region and year) to 100 (highest), then combined by a geometric "
                                              "mean, so a region scores high only with both."),
                             "references", references,
                             NULL);

  distretto_pillar_add_sub_indicator (base, ts2);
  distretto_pillar_add_sub_indicator (kibs, ts1);
  distretto_indicator_definition_add_pillar (definition, base);
  distretto_indicator_definition_add_pillar (definition, kibs);

  return definition;
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
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  peas_object_module_register_extension_type (module,
                                              DISTRETTO_TYPE_INDICATOR,
                                              DISTRETTO_TYPE_SERVITIZATION);
}
