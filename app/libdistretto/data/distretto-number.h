/* distretto-number.h: reading numbers and years from text fields
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

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
  const char *p = text, *end = text + len, *dot = NULL;
  guint64 mantissa = 0;
  gsize digits;
  gboolean negative = FALSE;

  if (p < end && (*p == '-' || *p == '+'))
    negative = *p++ == '-';

  /* More than 15 digits (and a point) are refused. */
  if (end - p > 16)
    return FALSE;

  for (const char *q = p; q < end; q++)
    {
      guint digit = (guint8) *q - (guint) '0';

      if (G_LIKELY (digit < 10))
        mantissa = mantissa * 10 + digit;
      else if (*q == '.' && dot == NULL)
        dot = q;
      else
        return FALSE;
    }

  digits = (end - p) - (dot != NULL);
  if (digits == 0 || digits > 15)
    return FALSE;

  *value = (double) mantissa / powers_of_ten[dot != NULL ? end - dot - 1 : 0];
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
  guint32 word, digits;
  int parsed;

  if (len != 4)
    return FALSE;

  /* Four digits at once: a byte below '0' wraps to 0x80 or above, one
   * above '9' reaches 0x80 with 0x76 added; neither carries into the
   * next byte unless a byte did. */
  memcpy (&word, text, 4);
  digits = GUINT32_FROM_LE (word) - 0x30303030u;
  if (((digits | (digits + 0x76767676u)) & 0x80808080u) != 0)
    return FALSE;

  parsed = (int) ((digits & 0xFF) * 1000 + ((digits >> 8) & 0xFF) * 100 +
                  ((digits >> 16) & 0xFF) * 10 + (digits >> 24));

  if (parsed < first || parsed > last)
    return FALSE;

  *year = parsed;
  return TRUE;
}

G_END_DECLS
