/* distretto-json-reader.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "distretto-import-error.h"
#include "distretto-import-private.h"
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

  _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, code, text->filename, line,
                           (guint) g_utf8_strlen (line_start, at - line_start) + 1, "%s", message);
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
                        _("invalid JSON: expected an escape sequence such as \\n, \\\" or \\u00e9 "
                          "(not \\u0000 nor half a surrogate pair) after \\"));
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
                    _("expected a JSON number, found one with a leading zero, or in octal, "
                      "hexadecimal or binary"));
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
                    /* TRANSLATORS: the number of digits, then the integer (its first 40 digits) */
                    _("expected a number that can be read exactly, found an integer of %d digits, "
                      "“%.*s” (write it with a decimal point)"),
                    (int) (p - start), (int) MIN (p - start, 40), start);
      return NULL;
    }

  if (!integer)
    {
      /* json-glib reads 1e-400 as 0, silently (infinity, the readers refuse
       * with the value's path). */
      g_autofree char *token = g_strndup (start, p - start);
      gboolean nonzero = FALSE;
      double value = g_ascii_strtod (token, NULL);

      for (const char *d = token; *d != '\0' && *d != 'e' && *d != 'E'; d++)
        nonzero |= *d >= '1' && *d <= '9';

      if (value == 0.0 && nonzero)
        {
          g_autofree char *shown = _distretto_shorten (token, -1);

          set_error_at (text, start, error, DISTRETTO_IMPORT_ERROR_VALUE,
                        _("expected a number that can be represented, found “%s”, so close to "
                          "zero that it would read as 0"), shown);
          return NULL;
        }
    }

  return p;
}

/* An object being read: whether a key comes next, and the keys seen. */
typedef struct
{
  gboolean object;
  gboolean expect_key;
  const char *first_key;     /* the first key, in the text */
  gsize first_key_len;
  GHashTable *keys;          /* decoded keys, once there are two */
} Frame;

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

/* The text of the string from its opening quote at @start to @end (just
 * past the closing one), with its escapes decoded as json-glib does. */
static char *
decode_string (const char *start,
               const char *end)
{
  GString *out = g_string_sized_new (end - start);
  const char *p = start + 1;
  const char *last = end - 1;

  if (*start == '\'')
    {
      g_string_append_len (out, p, last - p);
      return g_string_free (out, FALSE);
    }

  while (p < last)
    {
      guint unit;

      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      switch (p[1])
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          unit = hex4 (p + 2, last);
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              unit = 0x10000 + ((unit - 0xD800) << 10) + (hex4 (p + 8, last) - 0xDC00);
              p += 6;
            }
          g_string_append_unichar (out, unit);
          p += 4;
          break;
        default: g_string_append_c (out, p[1]); break;
        }
      p += 2;
    }

  return g_string_free (out, FALSE);
}

/* Refuses a key the object has already: json-glib keeps the last one. */
static gboolean
check_key (const Text  *text,
           Frame       *frame,
           const char  *start,
           const char  *end,
           GError     **error)
{
  char *key;

  if (frame->first_key == NULL)
    {
      frame->first_key = start;
      frame->first_key_len = end - start;
      return TRUE;
    }

  if (frame->keys == NULL)
    {
      frame->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (frame->keys, decode_string (frame->first_key, frame->first_key + frame->first_key_len));
    }

  key = decode_string (start, end);
  if (g_hash_table_contains (frame->keys, key))
    {
      g_autofree char *shown = _distretto_shorten (key, -1);

      set_error_at (text, start, error, DISTRETTO_IMPORT_ERROR_SYNTAX,
                    _("the key “%s” appears twice in this object: expected each key once"), shown);
      g_free (key);
      return FALSE;
    }

  g_hash_table_add (frame->keys, key);
  return TRUE;
}

/* A second value after the JSON value: json-glib ignores it silently. */
static gboolean
trailing_error (const Text  *text,
                const char  *at,
                GError     **error)
{
  g_autofree char *shown = _distretto_shorten (at, MIN ((gsize) (text->data + text->len - at), 40));

  set_error_at (text, at, error, DISTRETTO_IMPORT_ERROR_SYNTAX,
                _("invalid JSON: expected the end of the data after the first value, found “%s”"),
                shown);
  return FALSE;
}

/*
 * check_text:
 *
 * What json-glib cannot be trusted with: invalid UTF-8 (reported without
 * a position); nesting deep enough to overflow the stack; integers too
 * long for a gint64, which it wraps; octal (`0777` is 511), hexadecimal
 * and binary integers, which JSON has not; numbers it silently reads as 0
 * or infinity; escapes it garbles; a key given twice in one object, of
 * which it keeps the last; anything after the first value, which it
 * ignores. Strings and comments are skipped as json-glib's scanner skips
 * them; where the two could disagree this ends them early: brackets
 * counted in excess are harmless, brackets missed are not.
 */
static gboolean
check_text (const Text  *text,
            GError     **error)
{
  const char *end = text->data + text->len;
  const char *invalid = NULL;
  const char *p = text->data;
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  gboolean root_done = FALSE;
  gboolean ok = FALSE;

  g_array_set_clear_func (stack, (GDestroyNotify) frame_clear);

  if (text->len >= 2 &&
      (((guint8) p[0] == 0xFF && (guint8) p[1] == 0xFE) || ((guint8) p[0] == 0xFE && (guint8) p[1] == 0xFF)))
    {
      set_error_at (text, p, error, DISTRETTO_IMPORT_ERROR_ENCODING,
                    _("this is UTF-16 text, which Distretto does not read: save the file as UTF-8"));
      return FALSE;
    }

  if (!g_utf8_validate_len (text->data, text->len, &invalid))
    {
      set_error_at (text, invalid, error, DISTRETTO_IMPORT_ERROR_ENCODING,
                    _("expected UTF-8 text, found the byte 0x%02X"), (guint8) *invalid);
      return FALSE;
    }

  while (p < end)
    {
      Frame *top = stack->len > 0 ? &g_array_index (stack, Frame, stack->len - 1) : NULL;
      const char *start = p;

      if (g_ascii_isspace (*p) || (p == text->data && end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0))
        {
          p += g_ascii_isspace (*p) ? 1 : 3;
          continue;
        }
      if (*p == '/' && p + 1 < end && (p[1] == '*' || p[1] == '/'))
        {
          /* Up to the first star-slash, even one sharing the opening star;
           * or to the end of the line. */
          const char *close = p[1] == '*' ? g_strstr_len (p + 1, end - p - 1, "*/")
                                          : memchr (p, '\n', end - p);

          p = close ? close + (p[1] == '*' ? 2 : 1) : end;
          continue;
        }

      /* A value or a bracket at the top level after the first value. */
      if (top == NULL && root_done)
        return trailing_error (text, p, error);

      if (*p == '"' || *p == '\'')
        {
          if (*p == '"')
            {
              if ((p = skip_string (text, p, error)) == NULL)
                goto out;
            }
          else
            {
              /* json-glib also takes single-quoted strings, without escapes. */
              const char *close = memchr (p + 1, '\'', end - p - 1);

              p = close ? close + 1 : end;
            }

          if (top != NULL && top->object && top->expect_key)
            {
              if (p == end || !check_key (text, top, start, p, error))
                {
                  if (p == end)
                    ok = TRUE;   /* an unclosed string: json-glib says so */
                  goto out;
                }
              top->expect_key = FALSE;
            }
          root_done |= top == NULL;
        }
      else if (*p == '[' || *p == '{')
        {
          Frame frame = { *p == '{', *p == '{', NULL, 0, NULL };

          if (stack->len >= DISTRETTO_JSON_MAX_DEPTH)
            {
              set_error_at (text, p, error, DISTRETTO_IMPORT_ERROR_SYNTAX,
                            _("the JSON nests more than %u levels deep"), DISTRETTO_JSON_MAX_DEPTH);
              goto out;
            }
          g_array_append_val (stack, frame);
          p++;
        }
      else if (*p == ']' || *p == '}')
        {
          if (stack->len > 0)
            g_array_set_size (stack, stack->len - 1);
          root_done |= stack->len == 0;
          p++;
        }
      else if (*p == ',' || *p == ':')
        {
          if (top != NULL && top->object)
            top->expect_key = *p == ',';
          p++;
        }
      else if (g_ascii_isdigit (*p) &&
               (p == text->data || (!g_ascii_isalnum (p[-1]) && p[-1] != '.' && p[-1] != '_')))
        {
          if ((p = check_number (text, p, error)) == NULL)
            goto out;
          root_done |= top == NULL;
        }
      else
        {
          /* Literals, signs and what json-glib will refuse. */
          p++;
          while (p < end && (g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.'))
            {
              if (g_ascii_isdigit (*p) && !g_ascii_isalnum (p[-1]) && p[-1] != '.' && p[-1] != '_')
                break;
              p++;
            }
          root_done |= top == NULL &&
                       ((p - start == 4 && (memcmp (start, "true", 4) == 0 || memcmp (start, "null", 4) == 0)) ||
                        (p - start == 5 && memcmp (start, "false", 5) == 0));
        }
    }

  ok = TRUE;

out:
  return ok;
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

  /* json-glib may quote a token it decoded into bytes that are not UTF-8,
   * or a whole string with its line ends: one line, not too long. */
  valid = _distretto_shorten_to (rest, -1, 2 * DISTRETTO_MESSAGE_QUOTE_LENGTH);
  _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_SYNTAX, text->filename,
                           (guint) MAX (line, 1), (guint) MAX (column, 1),
                           /* TRANSLATORS: %s is json-glib's description of the problem */
                           _("invalid JSON: %s"), valid);
}

/*
 * _distretto_json_parse:
 *
 * Parses @data after refusing what json-glib would misread; every error
 * starts with "FILE:LINE:COLUMN:".
 *
 * Returns: (transfer full): a parser holding the root, or %NULL
 */
JsonParser *
_distretto_json_parse (const char  *data,
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
_distretto_json_set_error (GError     **error,
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
