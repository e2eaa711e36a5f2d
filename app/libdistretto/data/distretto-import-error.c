/* distretto-import-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "distretto-import-error.h"
#include "distretto-import-private.h"

G_DEFINE_QUARK (distretto-import-error-quark, distretto_import_error)

/*
 * _distretto_set_error_at:
 * @name: the file as messages show it
 * @line: 1-based line
 * @column: 1-based column, or 0 for a message about the whole file
 * @format: the message, translated
 *
 * Sets @error to `name:line:column: message`, or `name: message` when @column
 * is 0: the location is kept out of the translated message.
 */
void
_distretto_set_error_at (GError     **error,
                         GQuark       domain,
                         int          code,
                         const char  *name,
                         guint        line,
                         guint        column,
                         const char  *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (column == 0)
    g_set_error (error, domain, code, "%s: %s", name, message);
  else
    g_set_error (error, domain, code, "%s:%u:%u: %s", name, line, column, message);
}

/*
 * _distretto_shorten_to:
 * @text: text to quote in a message
 * @len: its length in bytes, or -1 if it is NUL-terminated
 * @max_chars: how many characters to keep
 *
 * @text as messages quote it: valid UTF-8 on one line (control characters
 * written as `\n`, `\r`, `\t` or `\xNN`), at most @max_chars characters,
 * longer text cut with “…”.
 *
 * Returns: (transfer full): the text to show
 */
char *
_distretto_shorten_to (const char *text,
                       gssize      len,
                       guint       max_chars)
{
  /* A few bytes per character at most: a huge field is never copied. */
  const gsize most = ((gsize) max_chars + 1) * 4;
  gsize n = len < 0 ? strnlen (text, most + 1) : (gsize) len;
  g_autofree char *valid = g_utf8_make_valid (text, MIN (n, most));
  g_autoptr(GString) shown = g_string_new (NULL);
  glong n_chars = 0;

  for (const char *p = valid; *p != '\0' && n_chars < max_chars; p = g_utf8_next_char (p))
    {
      guchar c = (guchar) *p;

      if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_printf (shown, "\\%c", c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (shown, "\\x%02X", c);
      else
        g_string_append_len (shown, p, g_utf8_next_char (p) - p);
      n_chars++;
    }

  if (n > most || g_utf8_strlen (valid, -1) > n_chars)
    g_string_append (shown, "…");

  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/* @text cut at %DISTRETTO_MESSAGE_QUOTE_LENGTH characters. */
char *
_distretto_shorten (const char *text,
                    gssize      len)
{
  return _distretto_shorten_to (text, len, DISTRETTO_MESSAGE_QUOTE_LENGTH);
}

/* The flags a data file may give, for messages. */
const char *
_distretto_flags_known (void)
{
  /* TRANSLATORS: keep the letters and the words after “words” as they are:
   * they are what a data file writes */
  return _("Eurostat's letters b, c, d, e, f, i, n, p, r, s, u, z and Distretto's words imputed, "
           "national-proxy, converted, synthetic, proxy, carried-forward, winsorised");
}
