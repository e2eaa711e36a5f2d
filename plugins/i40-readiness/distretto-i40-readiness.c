/* distretto-i40-readiness.c: the Industry 4.0+ readiness module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <distretto.h>
#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "distretto-tsi-definition.h"

/* The I4.0+ Readiness Index of docs/indicators.md, section 3: four
 * drivers of two sub-indicators each, the servitization index nested as
 * IR3; declared, the host computes it. */
#define DISTRETTO_TYPE_I40_READINESS (distretto_i40_readiness_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoI40Readiness, distretto_i40_readiness, DISTRETTO, I40_READINESS, GObject)

struct _DistrettoI40Readiness
{
  GObject parent_instance;
};

static void indicator_iface_init (DistrettoIndicatorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DistrettoI40Readiness, distretto_i40_readiness, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (DISTRETTO_TYPE_INDICATOR, indicator_iface_init))

/* Series without a Eurostat table: import them as tidy CSV under these
 * names (plugins/README.md, "Data without a Eurostat table"). */
#define RIS_PRODUCT_INNOVATORS "ris_sme_product_innovators"
#define RIS_COLLABORATING "ris_innovative_smes_collaborating"
#define QOG_EQI "qog_eqi"

static DistrettoPillar *
driver (const char            *id,
        const char            *title,
        DistrettoSubIndicator *first,
        DistrettoSubIndicator *second)
{
  DistrettoPillar *pillar = distretto_pillar_new (id, title);

  distretto_pillar_add_sub_indicator (pillar, first);
  distretto_pillar_add_sub_indicator (pillar, second);
  g_object_unref (first);
  g_object_unref (second);
  return pillar;
}

static DistrettoSubIndicator *
with_alternative (DistrettoSubIndicator *sub,
                  DistrettoSubIndicator *alternative)
{
  distretto_sub_indicator_add_alternative (sub, alternative);
  g_object_unref (alternative);
  return sub;
}

static DistrettoIndicatorDefinition *
distretto_i40_readiness_get_definition (DistrettoIndicator *indicator)
{
  static const char *references[] = {
    "Bellandi, M., De Propris, L. & Santini, E. A place-based view on Industry 4.0 in local productive systems. "
      "doi:10.1430/97171",
    "Local productive systems’ transitions to Industry 4.0+ (2021). Sustainability 13(23), 13052",
    "Bellandi, M. & De Propris, L. (2017), on new forms of industrial districts",
    "Hervas-Oliver, J.-L. (2021). Industry 4.0 in industrial districts: regional innovation policy for the Toy "
      "Valley district in Spain. Regional Studies 55(10–11)",
    "Hervas-Oliver, J.-L., Estelles-Miguel, S., Mallol-Gasch, G. & Boix-Palomero, J. (2019). A place-based policy "
      "for promoting Industry 4.0: the case of the Castellon ceramic tile district. European Planning Studies 27(9)",
    "Hervas-Oliver, J.-L. (2022). Does regional innovation policy really work for Industry 4.0? Evidence for "
      "industrial districts. European Planning Studies",
    "Honti, G., Czvetkó, T. & Abonyi, J. (2020). Data describing the regional Industry 4.0 readiness index. "
      "Data in Brief 33, 106464",
    "The European Quality of Government Index, 2021 and 2024 editions. The QoG Institute, University of Gothenburg "
      "(eqi-map.qog.gu.se)",
    "Hollanders, H. & Es-Sadki, N. (2021). Regional Innovation Scoreboard 2021. doi:10.2873/67175",
    "OECD/JRC (2008). Handbook on Constructing Composite Indicators: Methodology and User Guide",
    NULL
  };
  g_autoptr(DistrettoIndicatorDefinition) tsi = distretto_tsi_definition_new ();
  g_autoptr(DistrettoPillar) d1 = NULL;
  g_autoptr(DistrettoPillar) d2 = NULL;
  g_autoptr(DistrettoPillar) d3 = NULL;
  g_autoptr(DistrettoPillar) d4 = NULL;
  DistrettoSubIndicator *ir6;
  DistrettoSubIndicator *ir8;
  DistrettoIndicatorDefinition *definition;

  d1 = driver ("smart-manufacturing", _("Smart micro-manufacturing and new makers"),
               /* xgettext:no-c-format */
               with_alternative (distretto_sub_indicator_new ("IR1", _("Business R&D expenditure, % of GDP"),
                                                              "rd_e_gerdreg?sectperf=BES&unit=PC_GDP"),
                                 /* xgettext:no-c-format */
                                 distretto_sub_indicator_new ("IR1", _("Total R&D expenditure (GERD), % of GDP, "
                                                                       "standing in for business R&D"),
                                                              "rd_e_gerdreg?sectperf=TOTAL&unit=PC_GDP")),
               /* xgettext:no-c-format */
               distretto_sub_indicator_new ("IR2", _("SMEs introducing product innovations, % of SMEs (Regional "
                                                     "Innovation Scoreboard)"), RIS_PRODUCT_INNOVATORS));

  d2 = driver ("servitization", _("Territorial servitization"),
               distretto_indicator_definition_to_sub_indicator (tsi, "IR3", _("Territorial servitization index "
                                                                              "(nested), 0–100")),
               /* xgettext:no-c-format */
               with_alternative (distretto_sub_indicator_new ("IR4", _("Human resources in science and technology, "
                                                                       "core (tertiary-educated and in S&T "
                                                                       "jobs), % of the active population"),
                                                              "hrst_st_rcat?category=HRSTC&unit=PC_ACT"),
                                 /* xgettext:no-c-format */
                                 distretto_sub_indicator_new ("IR4", _("Human resources in science and technology "
                                                                       "(tertiary-educated or in S&T jobs), % of "
                                                                       "the active population"),
                                                              "hrst_st_rcat?category=HRST&unit=PC_ACT")));

  /* The index covers Germany and Belgium at NUTS 1. */
  ir6 = distretto_sub_indicator_new ("IR6", _("European Quality of Government Index, z-score"), QOG_EQI);
  distretto_sub_indicator_set_parent_fallback (ir6, TRUE);
  d3 = driver ("place-leadership", _("Place leadership and quadruple helix"),
               /* xgettext:no-c-format */
               distretto_sub_indicator_new ("IR5", _("Innovative SMEs collaborating with others, % of SMEs "
                                                     "(Regional Innovation Scoreboard)"), RIS_COLLABORATING),
               ir6);

  ir8 = distretto_sub_indicator_new ("IR8", _("Digital divide: individuals who never used a computer, %"),
                                     "isoc_r_cux_i?indic_is=I_CUX&unit=PC_IND");
  distretto_sub_indicator_set_direction (ir8, DISTRETTO_DIRECTION_NEGATIVE);
  distretto_sub_indicator_set_parent_fallback (ir8, TRUE);
  d4 = driver ("evolving-equilibria", _("Evolving equilibria: rerouting against dark sides"),
               /* xgettext:no-c-format */
               distretto_sub_indicator_new ("IR7", _("Adults in education and training (lifelong learning), % aged "
                                                     "25–64"),
                                            "trng_lfse_04?sex=T&age=Y25-64&unit=PC"),
               ir8);

  definition = g_object_new (DISTRETTO_TYPE_INDICATOR_DEFINITION,
                             "id", "i40-readiness",
                             "title", _("Industry 4.0+ readiness"),
                             "description", _("How ready a region’s productive system is for Industry 4.0: "
                                              "research, servitization, place leadership and the balance "
                                              "against its dark sides"),
                             "unit", _("Score, 0–100"),
                             "category", "industry",
                             "method-note",
                             /* xgettext:no-c-format */
                             _("A place-based view of Industry 4.0 in local productive systems (Bellandi, De "
                               "Propris and Santini): four drivers of two sub-indicators each.\n\nSmart "
                               "micro-manufacturing and new makers: business R&D, % of GDP (IR1, rd_e_gerdreg "
                               "BES; total R&D, tgs00042, stands in, flagged proxy) and SMEs introducing product "
                               "innovations (IR2, Regional Innovation Scoreboard 3.1.1). Territorial "
                               "servitization: the servitization index of this application, nested (IR3), and "
                               "the core of human resources in science and technology (IR4, hrst_st_rcat HRSTC; "
                               "all HRST, tgs00038, stands in). Place leadership and quadruple helix: innovative "
                               "SMEs collaborating with others (IR5, Regional Innovation Scoreboard 3.2.1) and "
                               "the European Quality of Government Index (IR6, University of Gothenburg). "
                               "Evolving equilibria, rerouting against the dark sides of the transition: "
                               "lifelong learning (IR7, trng_lfse_04) and the digital divide, people who never "
                               "used a computer (IR8, isoc_r_cux_i), which lowers the score.\n\nEach sub-indicator "
                               "is scaled 0–100 over every region and year; arithmetic mean within a driver, "
                               "geometric mean across the four, as evolving equilibria allow little compensation. "
                               "\n\nThe Regional Innovation Scoreboard and the Quality of Government Index have no "
                               "Eurostat table: import them as a tidy CSV with the series "
                               "ris_sme_product_innovators, ris_innovative_smes_collaborating and qog_eqi (see the "
                               "plugin guide); until then the module is computed without them and says so.\n\n"
                               "Caveats: RIS values based on the Community Innovation Survey are partly "
                               "estimated; the Quality of Government Index covers Germany and Belgium at NUTS 1; "
                               "regional LFS figures of small regions carry low-reliability flags (u)."),
                             "references", references,
                             NULL);

  distretto_indicator_definition_add_pillar (definition, d1);
  distretto_indicator_definition_add_pillar (definition, d2);
  distretto_indicator_definition_add_pillar (definition, d3);
  distretto_indicator_definition_add_pillar (definition, d4);

  return definition;
}

static void
indicator_iface_init (DistrettoIndicatorInterface *iface)
{
  iface->get_definition = distretto_i40_readiness_get_definition;
}

static void
distretto_i40_readiness_class_init (DistrettoI40ReadinessClass *klass)
{
}

static void
distretto_i40_readiness_init (DistrettoI40Readiness *self)
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
                                              DISTRETTO_TYPE_I40_READINESS);
}
