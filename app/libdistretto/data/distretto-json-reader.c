/* distretto-json-reader.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "distretto-import-error.h"
#include "distretto-json-reader.h"

/* json-glib 1.6 wraps integers beyond a gint64. */
#define MAX_INTEGER_DIGITS 18

typedef struct
{
  const char *data;
  gsize len;
  const char *filename;
} Text;

/* 1-based line and column (in characters) of @at. */
static void
set_error_at (const Text  *text,
              const char  *at,
              GError     **error,
              int          code,
              const char  *format,
              ...) G_GNUC_PRINTF (5, 6);

static void
set_error_at (const Text  *text,
              const char  *at,
              GError     **error,
              int          code,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  const char *line_start = text->data;
  guint line = 1;
  va_list args;

  for (const char *p = text->data; p < at; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, DISTRETTO_IMPORT_ERROR, code, "%s:%u:%u: %s", text->filename, line,
               (guint) g_utf8_strlen (line_start, at - line_start) + 1, message);
}

static guint
hex4 (const char *p,
      const char *end)
{
  guint value = 0;

  if (end - p < 4)
    return G_MAXUINT;

  for (guint k = 0; k < 4; k++)
    {
      if (!g_ascii_isxdigit (p[k]))
        return G_MAXUINT;
      value = value * 16 + g_ascii_xdigit_value (p[k]);
    }

  return value;
}

/* The length of the escape sequence at @p, 0 if it is none json-glib
 * reads right: it keeps unknown escapes and unpaired surrogates as
 * garbage, and cuts strings at \u0000. */
static gsize
escape_length (const char *p,
               const char *end)
{
  guint unit, low;

  if (end - p < 2 || p[1] == '\0' || strchr ("\"\\/bfnrtu", p[1]) == NULL)
    return 0;
  if (p[1] != 'u')
    return 2;

  unit = hex4 (p + 2, end);
  if (unit == 0 || unit == G_MAXUINT || (unit >= 0xDC00 && unit <= 0xDFFF))
    return 0;
  if (unit < 0xD800 || unit > 0xDBFF)
    return 6;

  if (end - p < 12 || p[6] != '\\' || p[7] != 'u')
    return 0;
  low = hex4 (p + 8, end);
  return low >= 0xDC00 && low <= 0xDFFF ? 12 : 0;
}

/* Skips a double-quoted string from its opening quote; NULL on a bad
 * escape, with @error set. */
static const char *
skip_string (const Text  *text,
             const char  *p,
             GError     **error)
{
  const char *end = text->data + text->len;

  for (p++; p < end && *p != '"'; p++)
    {
      gsize escape;

      if (*p != '\\')
        continue;

      escape = escape_length (p, end);
      if (escape == 0)
        {
          set_error_at (text, p, error, DISTRETTO_IMPORT_ERROR_SYNTAX,
                        "invalid JSON: expected an escape sequence such as \\n, \\\" or \\u00e9 "
                        "(not \\u0000 nor half a surrogate pair) after \\");
          return NULL;
        }
      p += escape - 1;
    }

  return p < end ? p + 1 : end;
}

/* Checks a number from its first digit; returns where it ends, or NULL
 * with @error set. */
static const char *
check_number (const Text  *text,
              const char  *p,
              GError     **error)
{
  const char *end = text->data + text->len;
  const char *start = p;
  gboolean integer = TRUE;

  if (*p == '0' && p + 1 < end && g_ascii_isalnum (p[1]) && p[1] != 'e' && p[1] != 'E')
    {
      set_error_at (text, p, error, DISTRETTO_IMPORT_ERROR_SYNTAX,
                    "expected a JSON number, found one with a leading zero, or in octal, "
                    "hexadecimal or binary");
      return NULL;
    }

  while (p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-'))
    {
      if (!g_ascii_isdigit (*p))
        integer = FALSE;
      p++;
    }

  if (integer && p - start > MAX_INTEGER_DIGITS)
    {
      set_error_at (text, start, error, DISTRETTO_IMPORT_ERROR_VALUE,
                    "expected a number that can be read exactly, found an integer of %d digits, "
                    "“%.*s” (write it with a decimal point)",
                    (int) (p - start), (int) MIN (p - start, 40), start);
      return NULL;
    }

  return p;
}

/*
 * check_text:
 *
 * What json-glib cannot be trusted with: invalid UTF-8 (reported without
 * a position); nesting deep enough to overflow the stack; integers too
 * long for a gint64, which it wraps; octal (`0777` is 511), hexadecimal
 * and binary integers, which JSON has not; escapes it garbles. Strings and
 * comments are skipped as json-glib's scanner skips them; where the two
 * could disagree this ends them early: brackets counted in excess are
 * harmless, brackets missed are not.
 */
static gboolean
check_text (const Text  *text,
            GError     **error)
{
  const char *end = text->data + text->len;
  const char *invalid = NULL;
  const char *p = text->data;
  guint depth = 0;

  if (!g_utf8_validate_len (text->data, text->len, &invalid))
    {
      set_error_at (text, invalid, error, DISTRETTO_IMPORT_ERROR_ENCODING,
                    "expected UTF-8 text, found the byte 0x%02X", (guint8) *invalid);
      return FALSE;
    }

  while (p < end)
    {
      if (*p == '"')
        {
          if ((p = skip_string (text, p, error)) == NULL)
            return FALSE;
        }
      else if (*p == '\'')
        {
          /* json-glib also takes single-quoted strings, without escapes. */
          const char *close = memchr (p + 1, '\'', end - p - 1);

          p = close ? close + 1 : end;
        }
      else if (*p == '/' && p + 1 < end && p[1] == '*')
        {
          /* Up to the first star-slash, even one sharing the opening star. */
          const char *close = g_strstr_len (p + 1, end - p - 1, "*/");

          p = close ? close + 2 : end;
        }
      else if (*p == '[' || *p == '{')
        {
          if (++depth > DISTRETTO_JSON_MAX_DEPTH)
            {
              set_error_at (text, p, error, DISTRETTO_IMPORT_ERROR_SYNTAX,
                            "the JSON nests more than %u levels deep", DISTRETTO_JSON_MAX_DEPTH);
              return FALSE;
            }
          p++;
        }
      else if (*p == ']' || *p == '}')
        {
          if (depth > 0)
            depth--;
          p++;
        }
      else if (g_ascii_isdigit (*p) &&
               (p == text->data || (!g_ascii_isalnum (p[-1]) && p[-1] != '.' && p[-1] != '_')))
        {
          if ((p = check_number (text, p, error)) == NULL)
            return FALSE;
        }
      else
        p++;
    }

  return TRUE;
}

/* json-glib says "<data>:LINE:COL: Parse error: WHAT": name the file. */
static void
set_parse_error (const Text  *text,
                 GError      *parse_error,
                 GError     **error)
{
  const char *rest = parse_error->message;
  g_autofree char *valid = NULL;
  guint64 line = 1, column = 1;
  char *end = NULL;

  if (g_str_has_prefix (rest, "<data>:"))
    {
      line = g_ascii_strtoull (rest + 7, &end, 10);
      if (end != NULL && *end == ':')
        column = g_ascii_strtoull (end + 1, &end, 10);
      if (end != NULL && g_str_has_prefix (end, ": "))
        rest = end + 2;
      else
        line = column = 1;
    }

  /* Drop "Parse error: ", whatever the locale calls it. */
  end = strstr (rest, ": ");
  if (end != NULL)
    rest = end + 2;

  /* json-glib may quote a token it decoded into bytes that are not UTF-8. */
  valid = g_utf8_make_valid (rest, -1);
  g_set_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_SYNTAX,
               "%s:%u:%u: invalid JSON: %s", text->filename,
               (guint) MAX (line, 1), (guint) MAX (column, 1), valid);
}

/*
 * distretto_json_parse:
 *
 * Parses @data after refusing what json-glib would misread; every error
 * starts with "FILE:LINE:COLUMN:".
 *
 * Returns: (transfer full): a parser holding the root, or %NULL
 */
JsonParser *
distretto_json_parse (const char  *data,
                      gsize        len,
                      const char  *filename,
                      GError     **error)
{
  Text text = { data, len, filename };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;

  if (!check_text (&text, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &parse_error))
    {
      set_parse_error (&text, parse_error, error);
      return NULL;
    }

  return g_steal_pointer (&parser);
}

/* Sets @error to "FILE:$.json.path: message". */
void
distretto_json_set_error (GError     **error,
                          int          code,
                          const char  *filename,
                          const char  *path,
                          const char  *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, DISTRETTO_IMPORT_ERROR, code, "%s:%s: %s", filename, path, message);
}
