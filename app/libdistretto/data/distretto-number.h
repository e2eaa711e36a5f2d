/* distretto-number.h: reading numbers and years from text fields
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _distretto_parse_double (const char *text,
                                 double     *value);
const char *_distretto_number_problem (const char *text);
gboolean _distretto_parse_year   (const char *text,
                                 int         first,
                                 int         last,
                                 int        *year);

/*
 * _distretto_parse_decimal_span:
 *
 * The fast path alone, on @len bytes: plain decimals of up to 15 digits,
 * correctly rounded since an integer below 2^53 divided by an exact power
 * of ten is one IEEE operation. Returns %FALSE for anything else, which
 * the caller hands to _distretto_parse_double(). Inline: importers call
 * it for every value.
 */
static inline gboolean
_distretto_parse_decimal_span (const char *text,
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

  /* Unsigned arithmetic: more than 15 digits wrap, and are refused. */
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

/* Reads @len bytes as a four-digit year between @first and @last. */
static inline gboolean
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

G_END_DECLS
