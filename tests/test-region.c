/* test-region.c: NUTS codes and flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>

static void
test_levels (void)
{
  g_assert_cmpint (distretto_nuts_code_get_level ("IT"), ==, 0);
  g_assert_cmpint (distretto_nuts_code_get_level ("ITH"), ==, 1);
  g_assert_cmpint (distretto_nuts_code_get_level ("ITH3"), ==, 2);
  g_assert_cmpint (distretto_nuts_code_get_level ("ITH33"), ==, 3);
  g_assert_cmpint (distretto_nuts_code_get_level ("FI19A"), ==, 3);
  g_assert_cmpint (distretto_nuts_code_get_level ("EU27_2020"), ==, DISTRETTO_REGION_LEVEL_AGGREGATE);
  g_assert_cmpint (distretto_nuts_code_get_level ("EA19"), ==, DISTRETTO_REGION_LEVEL_AGGREGATE);
  g_assert_cmpint (distretto_nuts_code_get_level ("EU28"), ==, DISTRETTO_REGION_LEVEL_AGGREGATE);
  /* Greece is EL; its regions are not aggregates. */
  g_assert_cmpint (distretto_nuts_code_get_level ("EL30"), ==, 2);
  g_assert_cmpint (distretto_nuts_code_get_level ("ES52"), ==, 2);
}

static void
test_validity (void)
{
  g_assert_true (distretto_nuts_code_is_valid ("ITH3"));
  g_assert_true (distretto_nuts_code_is_valid ("EU27_2020"));
  g_assert_false (distretto_nuts_code_is_valid (""));
  g_assert_false (distretto_nuts_code_is_valid ("I"));
  g_assert_false (distretto_nuts_code_is_valid ("it"));
  g_assert_false (distretto_nuts_code_is_valid ("1T"));
  g_assert_false (distretto_nuts_code_is_valid ("IT-3"));
  g_assert_false (distretto_nuts_code_is_valid ("ITH3 "));
  g_assert_false (distretto_nuts_code_is_valid ("ABCDEFGHIJKLMNOPQ"));
}

static void
test_extra_regio (void)
{
  g_assert_true (distretto_nuts_code_is_extra_regio ("ITZ"));
  g_assert_true (distretto_nuts_code_is_extra_regio ("ITZZ"));
  g_assert_true (distretto_nuts_code_is_extra_regio ("ITZZZ"));
  g_assert_false (distretto_nuts_code_is_extra_regio ("IT"));
  g_assert_false (distretto_nuts_code_is_extra_regio ("ITZ1"));
  g_assert_false (distretto_nuts_code_is_extra_regio ("EU27_2020"));
}

static void
test_region (void)
{
  g_autoptr(DistrettoRegion) district = distretto_region_new ("ITI15");
  g_autoptr(DistrettoRegion) country = distretto_region_new ("FI");
  g_autoptr(DistrettoRegion) aggregate = distretto_region_new ("EU27_2020");
  g_autofree char *parent = distretto_region_dup_parent_code (district);

  g_assert_cmpstr (distretto_region_get_code (district), ==, "ITI15");
  g_assert_cmpint (distretto_region_get_level (district), ==, 3);
  g_assert_cmpstr (distretto_region_get_country_code (district), ==, "IT");
  g_assert_cmpstr (parent, ==, "ITI1");
  g_assert_cmpstr (distretto_region_get_display_name (district), ==, "ITI15");
  distretto_region_set_national_name (district, "Prato");
  g_assert_cmpstr (distretto_region_get_display_name (district), ==, "Prato");

  g_assert_null (distretto_region_dup_parent_code (country));
  g_assert_null (distretto_region_dup_parent_code (aggregate));
  g_assert_null (distretto_region_get_country_code (aggregate));
}

static void
test_flags (void)
{
  DistrettoFlags flags = DISTRETTO_FLAGS_NONE;
  g_autofree char *text = NULL;

  g_assert_true (distretto_flags_parse ("", &flags));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_NONE);
  g_assert_true (distretto_flags_parse ("bu", &flags));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_BREAK | DISTRETTO_FLAGS_LOW_RELIABILITY);
  g_assert_true (distretto_flags_parse ("p|national-proxy converted", &flags));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_PROVISIONAL | DISTRETTO_FLAGS_NATIONAL_PROXY | DISTRETTO_FLAGS_CONVERTED);
  g_assert_false (distretto_flags_parse ("bx", &flags));
  g_assert_false (distretto_flags_parse ("synthetical", &flags));

  text = distretto_flags_to_string (DISTRETTO_FLAGS_ESTIMATED | DISTRETTO_FLAGS_CONFIDENTIAL | DISTRETTO_FLAGS_SYNTHETIC);
  g_assert_cmpstr (text, ==, "ce|synthetic");
  g_assert_true (distretto_flags_parse (text, &flags));
  g_assert_cmpint (flags, ==, DISTRETTO_FLAGS_ESTIMATED | DISTRETTO_FLAGS_CONFIDENTIAL | DISTRETTO_FLAGS_SYNTHETIC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Region/levels", test_levels);
  g_test_add_func ("/Distretto/Region/validity", test_validity);
  g_test_add_func ("/Distretto/Region/extra-regio", test_extra_regio);
  g_test_add_func ("/Distretto/Region/region", test_region);
  g_test_add_func ("/Distretto/Region/flags", test_flags);

  return g_test_run ();
}
