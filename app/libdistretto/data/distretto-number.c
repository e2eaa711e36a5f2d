/* distretto-number.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "distretto-number.h"

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/*
 * _distretto_parse_decimal_span:
 *
 * The fast path alone, on @len bytes: plain decimals of up to 15 digits,
 * correctly rounded since an integer below 2^53 divided by an exact power
 * of ten is one IEEE operation. Returns %FALSE for anything else, which
 * the caller hands to _distretto_parse_double().
 */
gboolean
_distretto_parse_decimal_span (const char *text,
                              gsize       len,
                              double     *value)
{
  const char *p = text, *end = text + len;
  guint64 mantissa = 0;
  guint digits = 0, decimals = 0;
  gboolean negative = FALSE, point = FALSE;

  if (p < end && (*p == '-' || *p == '+'))
    negative = *p++ == '-';

  for (; p < end; p++)
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
        return FALSE;
    }

  if (digits == 0 || digits > 15)
    return FALSE;

  *value = (double) mantissa / powers_of_ten[decimals];
  if (negative)
    *value = -*value;
  return TRUE;
}

/* An optional sign, digits with an optional decimal point, an optional
 * exponent: no hexadecimal, no "inf" or "nan", no spaces. */
static gboolean
is_decimal_syntax (const char *text,
                   gboolean   *nonzero)
{
  const char *p = text;
  guint digits = 0;

  *nonzero = FALSE;
  if (*p == '+' || *p == '-')
    p++;

  for (; g_ascii_isdigit (*p); p++, digits++)
    *nonzero |= *p != '0';
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, digits++)
      *nonzero |= *p != '0';
  if (digits == 0)
    return FALSE;

  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

/*
 * _distretto_parse_double:
 *
 * Reads a whole field as a finite decimal number in the C locale, through
 * the fast path when it can, else g_ascii_strtod(). Hexadecimal, infinite
 * and not-a-number spellings are refused, and so are numbers too large for
 * a double or so close to zero that they would read as 0.
 */
gboolean
_distretto_parse_double (const char *text,
                        double     *value)
{
  gboolean nonzero;

  if (_distretto_parse_decimal_span (text, strlen (text), value))
    return TRUE;

  if (!is_decimal_syntax (text, &nonzero))
    return FALSE;

  *value = g_ascii_strtod (text, NULL);
  return isfinite (*value) && (*value != 0.0 || !nonzero);
}

/*
 * _distretto_number_problem:
 *
 * Why _distretto_parse_double() refuses @text, when that is not plain to
 * see: " (…)" to follow the quoted field in a message, or "".
 */
const char *
_distretto_number_problem (const char *text)
{
  const char *p = text;
  gboolean nonzero;
  double value;

  if (*p == '+' || *p == '-')
    p++;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    return " (hexadecimal numbers are not read as statistics)";

  if (!is_decimal_syntax (text, &nonzero))
    return "";

  value = g_ascii_strtod (text, NULL);
  if (!isfinite (value))
    return " (too large to be represented)";
  if (value == 0.0 && nonzero)
    return " (so close to zero that it would read as 0)";

  return "";
}

/* Reads @len bytes as a four-digit year between @first and @last. */
gboolean
_distretto_parse_year_span (const char *text,
                           gsize       len,
                           int         first,
                           int         last,
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

  if (parsed < first || parsed > last)
    return FALSE;

  *year = parsed;
  return TRUE;
}

/* Reads a whole field as a year between @first and @last. */
gboolean
_distretto_parse_year (const char *text,
                      int         first,
                      int         last,
                      int        *year)
{
  return _distretto_parse_year_span (text, strlen (text), first, last, year);
}
