/* distretto-tsi-definition.c: the Territorial Servitization Index, declared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "distretto-tsi-definition.h"

/* Employment by NACE section: the Labour Force Survey at NUTS 0–2, the
 * regional accounts down to NUTS 3. */
#define LFS(nace) "lfst_r_lfe2en2?nace_r2=" nace "&age=Y15-64&sex=T&unit=THS"
#define NAMA(nace) "nama_10r_3empers?nace_r2=" nace "&wstatus=EMP&unit=THS"

/* Persons employed (V16110) by NACE division in structural business
 * statistics; B-N_S95_X_K is the business economy. */
#define SBS(nace) "sbs_r_nuts06_r2?indic_sb=V16110&nace_r2=" nace
#define SBS_KIBS SBS ("J62") " + " SBS ("J63") " + " SBS ("M69") " + " SBS ("M70") " + " \
                 SBS ("M71") " + " SBS ("M72") " + " SBS ("M73") " + " SBS ("M74")
#define SBS_TECHNOLOGICAL_KIBS SBS ("J62") " + " SBS ("J63") " + " SBS ("M71") " + " SBS ("M72")
#define SBS_BUSINESS SBS ("B-N_S95_X_K")

#define HTEC(nace) "htec_emp_reg2?nace_r2=" nace "&unit=PC_EMP&sex=T"

static DistrettoSubIndicator *
share (const char *id,
       const char *label,
       const char *numerator,
       const char *denominator)
{
  DistrettoSubIndicator *sub = distretto_sub_indicator_new (id, label, numerator);

  distretto_sub_indicator_set_denominator (sub, denominator);
  distretto_sub_indicator_set_scale (sub, 100.0);
  return sub;
}

static void
add_alternative (DistrettoSubIndicator *sub,
                 DistrettoSubIndicator *alternative)
{
  distretto_sub_indicator_add_alternative (sub, alternative);
  g_object_unref (alternative);
}

/* TS1: KIBS (NACE J62, J63, M69–M74) in the business economy; the LFS
 * and the regional accounts give only the coarser sections J and M–N. */
static DistrettoSubIndicator *
kibs_share (const char *id)
{
  /* xgettext:no-c-format */
  DistrettoSubIndicator *sub = share (id, _("KIBS employment share (NACE J62, J63, M69–M74), % of the business economy"),
                                      SBS_KIBS, SBS_BUSINESS);

  /* xgettext:no-c-format */
  add_alternative (sub, share (id, _("Information, professional and support services (NACE J, M–N), % of employment, "
                                     "Labour Force Survey"),
                               LFS ("J") " + " LFS ("M_N"), LFS ("TOTAL")));
  /* xgettext:no-c-format */
  add_alternative (sub, share (id, _("Information, professional and support services (NACE J, M–N), % of employment, "
                                     "regional accounts"),
                               NAMA ("J") " + " NAMA ("M_N"), NAMA ("TOTAL")));
  return sub;
}

/* TS2: manufacturing (NACE C) in employment; industry B–E where C is not
 * published. */
static DistrettoSubIndicator *
manufacturing_share (const char *id)
{
  DistrettoSubIndicator *sub = share (id, _("Manufacturing employment share (NACE C), %"), LFS ("C"), LFS ("TOTAL"));

  add_alternative (sub, share (id, _("Manufacturing employment share (NACE C), %, regional accounts"),
                               NAMA ("C"), NAMA ("TOTAL")));
  add_alternative (sub, share (id, _("Industry employment share (NACE B–E, with mining and utilities), %"),
                               LFS ("B-E"), LFS ("TOTAL")));
  add_alternative (sub, share (id, _("Industry employment share (NACE B–E, with mining and utilities), %, "
                                     "regional accounts"),
                               NAMA ("B-E"), NAMA ("TOTAL")));
  return sub;
}

static DistrettoSubIndicator *
location_quotient (DistrettoSubIndicator *sub)
{
  distretto_sub_indicator_set_transform (sub, DISTRETTO_TRANSFORM_LOCATION_QUOTIENT);
  for (guint i = 0; i < distretto_sub_indicator_get_n_alternatives (sub); i++)
    distretto_sub_indicator_set_transform (distretto_sub_indicator_get_alternative (sub, i),
                                           DISTRETTO_TRANSFORM_LOCATION_QUOTIENT);
  return sub;
}

DistrettoIndicatorDefinition *
distretto_tsi_definition_new (void)
{
  static const char *references[] = {
    "Lafuente, E., Vaillant, Y. & Vendrell-Herrero, F. (2017). Territorial servitization: Exploring the virtuous "
      "circle connecting knowledge-intensive services and new manufacturing businesses. International Journal of "
      "Production Economics 192, 19–28",
    "Lafuente, E., Vaillant, Y. & Vendrell-Herrero, F. (2019). Territorial servitization and the manufacturing "
      "renaissance in knowledge-based economies. Regional Studies 53(3), 313–319",
    "Sforzi, F. & Boix, R. (2019). Territorial servitization in Marshallian industrial districts: the industrial "
      "district as a place-based form of servitization. Regional Studies 53(3), 398–409",
    "Gomes, E., Bustinza, O. F., Tarba, S., Khan, Z. & Ahammad, M. (2019). Antecedents and implications of territorial "
      "servitization. Regional Studies 53(3), 410–423",
    "Baldoni, E., De Propris, L. & Storai, D. (2022), on technological and professional KIBS and their location "
      "quotients",
    "Lombardi, S., Santini, E. & Vecciolini, C. (2022), International Journal of Production Economics, on human "
      "capital as a condition of the KIBS effect on manufacturing",
    "OECD/JRC (2008). Handbook on Constructing Composite Indicators: Methodology and User Guide",
    NULL
  };
  g_autoptr(DistrettoPillar) base = distretto_pillar_new ("manufacturing-base", _("Manufacturing base"));
  g_autoptr(DistrettoPillar) depth = distretto_pillar_new ("kibs-depth", _("KIBS depth"));
  g_autoptr(DistrettoPillar) coupling = distretto_pillar_new ("coupling", _("Coupling"));
  g_autoptr(DistrettoSubIndicator) ts1 = kibs_share ("TS1");
  g_autoptr(DistrettoSubIndicator) ts2 = manufacturing_share ("TS2");
  g_autoptr(DistrettoSubIndicator) ts3 = NULL;
  g_autoptr(DistrettoSubIndicator) ts4 = NULL;
  g_autoptr(DistrettoSubIndicator) ts5 = NULL;
  g_autoptr(DistrettoSubIndicator) kibs_quotient = location_quotient (kibs_share ("TS3-KIBS"));
  g_autoptr(DistrettoSubIndicator) manufacturing_quotient = location_quotient (manufacturing_share ("TS3-C"));
  DistrettoIndicatorDefinition *definition;

  /* TS3: co-specialisation, the geometric mean of the two location
   * quotients against the EU. */
  ts3 = distretto_sub_indicator_new ("TS3", _("KIBS–manufacturing co-specialisation √(LQ KIBS × LQ manufacturing), "
                                              "EU = 1"), NULL);
  distretto_sub_indicator_add_factor (ts3, kibs_quotient);
  distretto_sub_indicator_add_factor (ts3, manufacturing_quotient);

  /* xgettext:no-c-format */
  ts4 = distretto_sub_indicator_new ("TS4", _("High and medium-high technology manufacturing, % of employment"),
                                     HTEC ("C_HTC_MH"));
  /* xgettext:no-c-format */
  ts5 = distretto_sub_indicator_new ("TS5", _("High-technology knowledge-intensive services, % of employment"),
                                     HTEC ("KIS_HTC"));
  /* xgettext:no-c-format */
  add_alternative (ts5, share ("TS5", _("Technological KIBS (NACE J62, J63, M71, M72), % of the business economy"),
                               SBS_TECHNOLOGICAL_KIBS, SBS_BUSINESS));

  definition = g_object_new (DISTRETTO_TYPE_INDICATOR_DEFINITION,
                             "id", "servitization",
                             "title", _("Territorial servitization"),
                             "description", _("Knowledge-intensive business services (KIBS) coupled with a "
                                              "manufacturing base, per region"),
                             "unit", _("Score, 0–100"),
                             "category", "industry",
                             "method-note",
                             _("Territorial servitization: knowledge-intensive business services (KIBS) located "
                               "next to, and working with, a manufacturing base.\n\nThree pillars. Manufacturing "
                               "base: the share of employment in manufacturing (TS2, Labour Force Survey "
                               "lfst_r_lfe2en2, NACE C; regional accounts nama_10r_3empers at NUTS 3) and in high "
                               "and medium-high technology manufacturing (TS4, htec_emp_reg2 C_HTC_MH). KIBS "
                               "depth: the share of the business economy in KIBS, NACE J62, J63 and M69–M74 (TS1, "
                               "structural business statistics sbs_r_nuts06_r2), and of employment in high-tech "
                               "knowledge-intensive services (TS5, htec_emp_reg2 KIS_HTC). Coupling: the "
                               "co-specialisation √(LQ KIBS × LQ manufacturing) (TS3), the geometric mean of the "
                               "two location quotients against the EU aggregate (against the mean of the regions "
                               "when no EU aggregate is loaded); unlike the plain ratio of KIBS to manufacturing "
                               "it does not explode in metropolitan regions with little industry.\n\nEach "
                               "sub-indicator is scaled 0–100 over every region and year; arithmetic mean within "
                               "pillars, geometric mean across them, so a region scores high only with all three.\n\n"
                               "Where a table is missing the module uses stand-ins, flagged proxy and named under "
                               "the chart: NACE J and M–N of the Labour Force Survey for KIBS, industry B–E for "
                               "manufacturing, technological KIBS from SBS for TS5.\n\nCaveats: regional "
                               "Labour Force Survey cells of small regions carry low-reliability flags (u); "
                               "regional SBS has confidential cells at division level; NACE Rev. 2.1 (from "
                               "reference year 2025) splits sections J and K anew, so KIBS codes will need a "
                               "crosswalk."),
                             "references", references,
                             NULL);

  distretto_pillar_add_sub_indicator (base, ts2);
  distretto_pillar_add_sub_indicator (base, ts4);
  distretto_pillar_add_sub_indicator (depth, ts1);
  distretto_pillar_add_sub_indicator (depth, ts5);
  distretto_pillar_add_sub_indicator (coupling, ts3);
  distretto_indicator_definition_add_pillar (definition, base);
  distretto_indicator_definition_add_pillar (definition, depth);
  distretto_indicator_definition_add_pillar (definition, coupling);

  return definition;
}
