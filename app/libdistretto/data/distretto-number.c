/* distretto-number.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "distretto-number.h"

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
    /* TRANSLATORS: follows a quoted field in a message, hence the leading space */
    return _(" (hexadecimal numbers are not read as statistics)");

  if (!is_decimal_syntax (text, &nonzero))
    return "";

  value = g_ascii_strtod (text, NULL);
  if (!isfinite (value))
    /* TRANSLATORS: follows a quoted field in a message, hence the leading space */
    return _(" (too large to be represented)");
  if (value == 0.0 && nonzero)
    /* TRANSLATORS: follows a quoted field in a message, hence the leading space */
    return _(" (so close to zero that it would read as 0)");

  return "";
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
