/* distretto-number.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "distretto-number.h"

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/*
 * distretto_parse_double:
 *
 * Reads a whole field as a finite number in the C locale. Plain decimals
 * of up to 15 digits (nearly every statistic) take a fast path that is
 * still correctly rounded: an integer below 2^53 divided by an exact
 * power of ten is one IEEE operation. Anything else goes to
 * g_ascii_strtod().
 */
gboolean
distretto_parse_double (const char *text,
                        double     *value)
{
  const char *p = text;
  guint64 mantissa = 0;
  guint digits = 0, decimals = 0;
  gboolean negative = FALSE, point = FALSE;
  char *end = NULL;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';

  for (; *p; p++)
    {
      if (*p >= '0' && *p <= '9')
        {
          mantissa = mantissa * 10 + (guint64) (*p - '0');
          digits++;
          decimals += point;
        }
      else if (*p == '.' && !point)
        point = TRUE;
      else
        break;
    }

  if (*p == '\0' && digits > 0 && digits <= 15)
    {
      *value = (double) mantissa / powers_of_ten[decimals];
      if (negative)
        *value = -*value;
      return TRUE;
    }

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* Reads a whole field as a year between @first and @last. */
gboolean
distretto_parse_year (const char *text,
                      int         first,
                      int         last,
                      int        *year)
{
  int parsed = 0;
  guint n = 0;

  for (const char *p = text; *p; p++, n++)
    {
      if (*p < '0' || *p > '9' || n >= 4)
        return FALSE;
      parsed = parsed * 10 + (*p - '0');
    }

  if (n != 4 || parsed < first || parsed > last)
    return FALSE;

  *year = parsed;
  return TRUE;
}
