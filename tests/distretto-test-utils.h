/* distretto-test-utils.h: checks several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif

#include <distretto.h>
#include <string.h>

/* An importer's error: its code, a readable message starting with the
 * expected "file:position:" and naming what was wrong. */
static inline void
distretto_test_assert_import_error (const GError *error,
                                    int           code,
                                    const char   *position,
                                    const char   *mentions)
{
  g_assert_error (error, DISTRETTO_IMPORT_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);

  if (!g_str_has_prefix (error->message, position))
    g_error ("“%s” does not start with “%s”", error->message, position);
  if (strstr (error->message, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mentions);
}

/* An exported SVG: well-formed XML with an svg element. */
static inline void
distretto_test_assert_svg (GBytes *svg)
{
  static const GMarkupParser no_callbacks = { 0 };
  g_autoptr(GMarkupParseContext) xml = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (svg, &len);

  g_assert_true (g_markup_parse_context_parse (xml, data, len, &error));
  g_assert_true (g_markup_parse_context_end_parse (xml, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (data, len, "<svg"));
}

/* An exported PDF: a header and at least one page. */
static inline void
distretto_test_assert_pdf (GBytes *pdf)
{
  gsize len;
  const char *data = g_bytes_get_data (pdf, &len);

  g_assert_true (len > 100 && memcmp (data, "%PDF-", 5) == 0);
  g_assert_nonnull (memmem (data, len, "/Type /Page", 11));
}
