/* distretto-flags.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "distretto-flags.h"

static const struct
{
  char letter;
  DistrettoFlags flag;
} eurostat_letters[] = {
  { 'b', DISTRETTO_FLAGS_BREAK },
  { 'u', DISTRETTO_FLAGS_LOW_RELIABILITY },
  { 'c', DISTRETTO_FLAGS_CONFIDENTIAL },
  { 'e', DISTRETTO_FLAGS_ESTIMATED },
  { 'd', DISTRETTO_FLAGS_DEFINITION_DIFFERS },
  { 'p', DISTRETTO_FLAGS_PROVISIONAL },
  { 'f', DISTRETTO_FLAGS_FORECAST },
  { 'i', DISTRETTO_FLAGS_SEE_NOTE },
  { 'n', DISTRETTO_FLAGS_NOT_SIGNIFICANT },
  { 'r', DISTRETTO_FLAGS_REVISED },
  { 's', DISTRETTO_FLAGS_EUROSTAT_ESTIMATE },
  { 'z', DISTRETTO_FLAGS_NOT_APPLICABLE },
};

static const struct
{
  const char *word;
  DistrettoFlags flag;
} distretto_words[] = {
  { "imputed", DISTRETTO_FLAGS_IMPUTED },
  { "national-proxy", DISTRETTO_FLAGS_NATIONAL_PROXY },
  { "converted", DISTRETTO_FLAGS_CONVERTED },
  { "synthetic", DISTRETTO_FLAGS_SYNTHETIC },
  { "proxy", DISTRETTO_FLAGS_PROXY },
  { "carried-forward", DISTRETTO_FLAGS_CARRIED_FORWARD },
  { "winsorised", DISTRETTO_FLAGS_WINSORISED },
  { "recoded", DISTRETTO_FLAGS_RECODED },
};

static gboolean
parse_token (const char     *token,
             gsize           len,
             DistrettoFlags *flags)
{
  for (guint i = 0; i < G_N_ELEMENTS (distretto_words); i++)
    {
      if (strlen (distretto_words[i].word) == len &&
          strncmp (distretto_words[i].word, token, len) == 0)
        {
          *flags |= distretto_words[i].flag;
          return TRUE;
        }
    }

  for (gsize j = 0; j < len; j++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (eurostat_letters); i++)
        {
          if (eurostat_letters[i].letter == token[j])
            {
              *flags |= eurostat_letters[i].flag;
              found = TRUE;
              break;
            }
        }

      if (!found)
        return FALSE;
    }

  return TRUE;
}

/**
 * distretto_flags_parse:
 * @text: flags as written in a data file
 * @flags: (out): the parsed flags
 *
 * Parses a flag field: Eurostat letters (`b u c e d p`, and `f i n r s z`
 * of other and older files, possibly combined as in `bu`) and Distretto's
 * words (`imputed`, `national-proxy`, `converted`, `synthetic`, `proxy`,
 * `carried-forward`, `winsorised`, `recoded`), separated by spaces or `|`.
 * An empty field means no flag.
 *
 * Returns: %TRUE if every token is a known flag
 */
gboolean
distretto_flags_parse (const char     *text,
                       DistrettoFlags *flags)
{
  DistrettoFlags result = DISTRETTO_FLAGS_NONE;
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (flags != NULL, FALSE);

  while (*p != '\0')
    {
      const char *start;

      while (*p == ' ' || *p == '|')
        p++;
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && *p != ' ' && *p != '|')
        p++;

      if (!parse_token (start, p - start, &result))
        return FALSE;
    }

  *flags = result;
  return TRUE;
}

/**
 * distretto_flags_to_string:
 * @flags: flags
 *
 * Writes @flags in the form distretto_flags_parse() reads: Eurostat
 * letters first, then Distretto's words, separated by `|`.
 *
 * Returns: (transfer full): a newly allocated string, empty for no flag
 */
char *
distretto_flags_to_string (DistrettoFlags flags)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (eurostat_letters); i++)
    if (flags & eurostat_letters[i].flag)
      g_string_append_c (str, eurostat_letters[i].letter);

  for (guint i = 0; i < G_N_ELEMENTS (distretto_words); i++)
    {
      if (flags & distretto_words[i].flag)
        {
          if (str->len > 0)
            g_string_append_c (str, '|');
          g_string_append (str, distretto_words[i].word);
        }
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static const struct
{
  DistrettoFlags flag;
  const char *description;
} descriptions[] = {
  { DISTRETTO_FLAGS_BREAK, N_("break in series") },
  { DISTRETTO_FLAGS_LOW_RELIABILITY, N_("low reliability") },
  { DISTRETTO_FLAGS_CONFIDENTIAL, N_("confidential") },
  { DISTRETTO_FLAGS_ESTIMATED, N_("estimated") },
  { DISTRETTO_FLAGS_DEFINITION_DIFFERS, N_("definition differs") },
  { DISTRETTO_FLAGS_PROVISIONAL, N_("provisional") },
  { DISTRETTO_FLAGS_FORECAST, N_("forecast") },
  { DISTRETTO_FLAGS_SEE_NOTE, N_("see metadata") },
  { DISTRETTO_FLAGS_NOT_SIGNIFICANT, N_("not significant") },
  { DISTRETTO_FLAGS_REVISED, N_("revised") },
  { DISTRETTO_FLAGS_EUROSTAT_ESTIMATE, N_("Eurostat estimate") },
  { DISTRETTO_FLAGS_NOT_APPLICABLE, N_("not applicable") },
  { DISTRETTO_FLAGS_IMPUTED, N_("imputed") },
  { DISTRETTO_FLAGS_NATIONAL_PROXY, N_("national value") },
  { DISTRETTO_FLAGS_CONVERTED, N_("converted") },
  { DISTRETTO_FLAGS_SYNTHETIC, N_("synthetic") },
  { DISTRETTO_FLAGS_PROXY, N_("stand-in") },
  { DISTRETTO_FLAGS_CARRIED_FORWARD, N_("carried forward") },
  { DISTRETTO_FLAGS_WINSORISED, N_("outlier pulled in") },
  { DISTRETTO_FLAGS_RECODED, N_("recoded from another NUTS version") },
};

/**
 * distretto_flags_dup_description:
 * @flags: flags
 *
 * Says what @flags mean, for people: "estimated, synthetic".
 *
 * Returns: (transfer full): the flags' translated meanings, separated
 *   by commas; empty for no flag
 */
char *
distretto_flags_dup_description (DistrettoFlags flags)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (descriptions); i++)
    if (flags & descriptions[i].flag)
      {
        if (str->len > 0)
          /* TRANSLATORS: between two flags in a list, e.g. "estimated, synthetic" */
          g_string_append (str, _(", "));
        g_string_append (str, _(descriptions[i].description));
      }

  return g_string_free (g_steal_pointer (&str), FALSE);
}
