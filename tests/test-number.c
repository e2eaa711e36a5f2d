/* test-number.c: values and years read from text fields as a plain loop
 * reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <math.h>
#include <string.h>

#include "distretto-number.h"

/* Room after a field, as a line has after its value. */
#define PADDING 16

static const struct
{
  const char *text;
  gboolean ok;
  double value;
} worked_decimals[] = {
  { "12345.67", TRUE, 12345.67 },
  { "0", TRUE, 0.0 },
  { "-0.5", TRUE, -0.5 },
  { "+7", TRUE, 7.0 },
  { "1.", TRUE, 1.0 },
  { ".25", TRUE, 0.25 },
  { "99999999", TRUE, 99999999.0 },
  { "9999999.9", TRUE, 9999999.9 },
  { "123456789", TRUE, 123456789.0 },
  { "-1234567.8", TRUE, -1234567.8 },
  { "123456789012345", TRUE, 123456789012345.0 },
  { "1234567890123456", FALSE, 0 },
  { "", FALSE, 0 },
  { ".", FALSE, 0 },
  { "-", FALSE, 0 },
  { "-.", FALSE, 0 },
  { "1.2.3", FALSE, 0 },
  { "..", FALSE, 0 },
  { "12a", FALSE, 0 },
  { "1e5", FALSE, 0 },
  { " 1", FALSE, 0 },
  { "1 ", FALSE, 0 },
  { "--1", FALSE, 0 },
  { ":", FALSE, 0 },
  { "0x10", FALSE, 0 },
  { "\xc3\xa9", FALSE, 0 },
};

/* A decimal as the importers first read it, a part at a time: the
 * reference the faster reader must agree with. */
static gboolean
reference_decimal (const char *text,
                   gsize       len,
                   double     *value)
{
  static const double powers_of_ten[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  };
  const char *p = text, *end = text + len, *start;
  guint64 mantissa = 0;
  guint digits, decimals = 0;
  gboolean negative = FALSE;

  if (p < end && (*p == '-' || *p == '+'))
    negative = *p++ == '-';

  for (start = p; p < end && (guint8) (*p - '0') < 10; p++)
    mantissa = mantissa * 10 + (guint64) (*p - '0');
  digits = p - start;

  if (p < end && *p == '.')
    {
      for (start = ++p; p < end && (guint8) (*p - '0') < 10; p++)
        mantissa = mantissa * 10 + (guint64) (*p - '0');
      decimals = p - start;
      digits += decimals;
    }

  if (p != end || digits == 0 || digits > 15)
    return FALSE;

  *value = (double) mantissa / powers_of_ten[decimals];
  if (negative)
    *value = -*value;
  return TRUE;
}

/* Reads @len bytes of @text both ways, with other bytes after them. */
static void
check_both_ways (const char *text,
                 gsize       len,
                 char        after)
{
  char field[32 + PADDING];
  double expected = -1.0, found = -2.0;
  gboolean ok, read;

  if (len > 32)
    g_error ("a field of %" G_GSIZE_FORMAT " bytes is longer than the test reads", len);
  memcpy (field, text, len);
  memset (field + len, after, PADDING);

  ok = reference_decimal (field, len, &expected);
  read = _distretto_parse_decimal_span (field, len, &found);
  if (ok != read || (ok && memcmp (&expected, &found, sizeof (double)) != 0))
    g_error ("“%.*s” reads as %d %.17g, expected %d %.17g", (int) len, text, read, found, ok, expected);
}

static void
test_decimal_worked (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (worked_decimals); i++)
    {
      gsize len = strlen (worked_decimals[i].text);
      char field[64];
      double value = NAN;

      memcpy (field, worked_decimals[i].text, len);
      memset (field + len, ',', PADDING);

      g_test_message ("%s", worked_decimals[i].text);
      g_assert_cmpint (_distretto_parse_decimal_span (field, len, &value), ==, worked_decimals[i].ok);
      if (worked_decimals[i].ok)
        g_assert_cmpfloat (value, ==, worked_decimals[i].value);
      check_both_ways (worked_decimals[i].text, len, ',');
    }
}

/* Every string of up to five characters from digits, point, signs and a
 * few others, followed by each kind of byte. */
static void
test_decimal_every_short_field (void)
{
  static const char alphabet[] = "0123456789.-+x:";
  static const char afters[] = { ',', '\n', '0', '.', '\xff' };
  const guint base = sizeof alphabet - 1;
  guint64 n = 0;

  for (guint len = 0; len <= 5; len++)
    {
      guint total = 1;

      for (guint i = 0; i < len; i++)
        total *= base;

      for (guint k = 0; k < total; k++)
        {
          char text[8];
          guint x = k;

          for (guint i = 0; i < len; i++, x /= base)
            text[i] = alphabet[x % base];
          for (guint a = 0; a < G_N_ELEMENTS (afters); a++, n++)
            check_both_ways (text, len, afters[a]);
        }
    }

  g_test_message ("%" G_GUINT64_FORMAT " fields", n);
}

/* Longer fields, mostly digits, around the fifteen digits read. */
static void
test_decimal_random_fields (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);

  for (guint t = 0; t < 2000000; t++)
    {
      char text[20];
      guint len = g_rand_int_range (rand, 0, 18);

      for (guint i = 0; i < len; i++)
        {
          guint draw = g_rand_int_range (rand, 0, 100);

          text[i] = draw < 85 ? (char) ('0' + draw % 10) : draw < 94 ? '.' : draw < 97 ? '-' : 'e';
        }
      check_both_ways (text, len, (char) g_rand_int_range (rand, 0, 256));
    }
}

/* The year as a loop reads it. */
static gboolean
reference_year (const char *text,
                gsize       len,
                int        *year)
{
  int parsed = 0;

  if (len != 4)
    return FALSE;
  for (gsize i = 0; i < 4; i++)
    {
      if (text[i] < '0' || text[i] > '9')
        return FALSE;
      parsed = parsed * 10 + (text[i] - '0');
    }
  if (parsed < 1900 || parsed > 2100)
    return FALSE;
  *year = parsed;
  return TRUE;
}

static void
test_year (void)
{
  /* Around the digits, and far from them. */
  static const char bytes[] = "/0123456789:A\x7f\x80\xaf\xb0\xff \x01";
  const guint n_bytes = sizeof bytes - 1;
  int year = 0;

  g_assert_true (_distretto_parse_year_span ("2022", 4, 1900, 2100, &year));
  g_assert_cmpint (year, ==, 2022);
  g_assert_false (_distretto_parse_year_span ("1899", 4, 1900, 2100, &year));
  g_assert_false (_distretto_parse_year_span ("2101", 4, 1900, 2100, &year));
  g_assert_false (_distretto_parse_year_span ("202", 3, 1900, 2100, &year));
  g_assert_false (_distretto_parse_year_span ("20222", 5, 1900, 2100, &year));

  for (guint a = 0; a < n_bytes; a++)
    for (guint b = 0; b < n_bytes; b++)
      for (guint c = 0; c < n_bytes; c++)
        for (guint d = 0; d < n_bytes; d++)
          {
            const char text[4] = { bytes[a], bytes[b], bytes[c], bytes[d] };
            int expected = -1, found = -2;
            gboolean ok = reference_year (text, 4, &expected);

            g_assert_cmpint (_distretto_parse_year_span (text, 4, 1900, 2100, &found), ==, ok);
            if (ok)
              g_assert_cmpint (found, ==, expected);
          }

  for (int y = 0; y <= 9999; y++)
    {
      char text[5];
      int expected = -1, found = -2;
      gboolean ok;

      g_snprintf (text, sizeof text, "%04d", y);
      ok = reference_year (text, 4, &expected);
      g_assert_cmpint (_distretto_parse_year_span (text, 4, 1900, 2100, &found), ==, ok);
      if (ok)
        g_assert_cmpint (found, ==, y);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Distretto/Number/decimal/worked", test_decimal_worked);
  g_test_add_func ("/Distretto/Number/decimal/every-short-field", test_decimal_every_short_field);
  g_test_add_func ("/Distretto/Number/decimal/random-fields", test_decimal_random_fields);
  g_test_add_func ("/Distretto/Number/year", test_year);

  return g_test_run ();
}
