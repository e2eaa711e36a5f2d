/* distretto-import-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "distretto-import-error.h"
#include "distretto-import-private.h"

G_DEFINE_QUARK (distretto-import-error-quark, distretto_import_error)

/*
 * _distretto_shorten:
 * @text: text to quote in a message
 * @len: its length in bytes, or -1 if it is NUL-terminated
 *
 * @text as messages quote it: valid UTF-8, at most
 * %DISTRETTO_MESSAGE_QUOTE_LENGTH characters, longer text cut with “…”.
 *
 * Returns: (transfer full): the text to show
 */
char *
_distretto_shorten (const char *text,
                    gssize      len)
{
  /* A few bytes per character at most: a huge field is never copied. */
  const gsize most = (DISTRETTO_MESSAGE_QUOTE_LENGTH + 1) * 4;
  gsize n = len < 0 ? strnlen (text, most + 1) : (gsize) len;
  g_autofree char *valid = g_utf8_make_valid (text, MIN (n, most));
  g_autofree char *head = NULL;

  if (n <= most && g_utf8_strlen (valid, -1) <= DISTRETTO_MESSAGE_QUOTE_LENGTH)
    return g_steal_pointer (&valid);

  head = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), DISTRETTO_MESSAGE_QUOTE_LENGTH));
  return g_strconcat (head, "…", NULL);
}
