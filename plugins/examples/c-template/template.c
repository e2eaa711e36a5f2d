/* template.c: an indicator for Distretto, written in C
 *
 * SPDX-License-Identifier: CC0-1.0
 *
 * Distretto asks the type below for a definition (what to measure, from
 * which data) and does the arithmetic itself: it scales, averages and
 * ranks, then draws the charts. The Python example computes the same
 * indicator from the same definition.
 */

#include <distretto.h>
#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#define TEMPLATE_TYPE_INDICATOR (template_indicator_get_type ())

G_DECLARE_FINAL_TYPE (TemplateIndicator, template_indicator, TEMPLATE, INDICATOR, GObject)

struct _TemplateIndicator
{
  GObject parent_instance;
};

static void indicator_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TemplateIndicator, template_indicator, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, indicator_iface_init))

static DistrettoPillar *
capacity_pillar (void)
{
  DistrettoPillar *pillar = distretto_pillar_new ("capacity", _("Research capacity"));
  g_autoptr(DistrettoSubIndicator) tertiary = NULL;
  g_autoptr(DistrettoSubIndicator) rd_staff = NULL;

  /* Each sub-indicator reads a series: the rows of your data file with
   * that name in the “indicator” column. */
  tertiary = distretto_sub_indicator_new ("tertiary", _("Adults with tertiary education, %"),
                                          "tertiary_pct");

  /* A ratio of two series: rd_staff / emp_total × 100, in per cent. */
  rd_staff = distretto_sub_indicator_new ("rd-staff", _("R&D staff, share of employment (%)"), "rd_staff");
  distretto_sub_indicator_set_denominator (rd_staff, "emp_total");
  distretto_sub_indicator_set_scale (rd_staff, 100.0);

  distretto_pillar_add_sub_indicator (pillar, tertiary);
  distretto_pillar_add_sub_indicator (pillar, rd_staff);
  return pillar;
}

static DistrettoIndicatorDefinition *
template_indicator_get_definition (DistrettoIndicator *indicator)
{
  static const char *references[] = {
    "OECD/JRC (2008), Handbook on Constructing Composite Indicators",
    NULL
  };
  g_autoptr(DistrettoPillar) pillar = capacity_pillar ();
  DistrettoIndicatorDefinition *definition;

  definition = g_object_new (DISTRETTO_TYPE_INDICATOR_DEFINITION,
                             "id", "template",
                             "title", _("Innovation capacity"),
                             "description", _("Tertiary education and R&D staff, per region"),
                             "unit", _("Score, 0–100"),
                             "category", "innovation",
                             "method-note", _("Each measure is scaled from 0 (lowest region and year) "
                                              "to 100 (highest); the score is their mean."),
                             "references", references,
                             NULL);
  distretto_indicator_definition_add_pillar (definition, pillar);

  return definition;
}

static void
indicator_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = template_indicator_get_definition;
}

static void
template_indicator_class_init (TemplateIndicatorClass *klass)
{
}

static void
template_indicator_init (TemplateIndicator *self)
{
}

/* Distretto (through libpeas) calls this once, when it loads the module. */
G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  peas_object_module_register_extension_type (module,
                                              DISTRETTO_TYPE_INDICATOR,
                                              TEMPLATE_TYPE_INDICATOR);
}
