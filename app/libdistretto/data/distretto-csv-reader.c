/* distretto-csv-reader.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "distretto-csv-reader.h"
#include "distretto-import-error.h"

static guint
count_columns (const char *line_start,
               const char *at)
{
  /* Columns count characters, not bytes, from 1. */
  return (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

/*
 * distretto_validate_utf8:
 *
 * Fails with the line and column of the first byte that is not UTF-8.
 */
gboolean
distretto_validate_utf8 (const char  *data,
                         gsize        len,
                         const char  *filename,
                         GError     **error)
{
  const char *end = NULL;
  const char *line_start = data;
  guint line = 1;

  if (g_utf8_validate_len (data, len, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  g_set_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING,
               "%s:%u:%u: expected UTF-8 text, found the byte 0x%02X",
               filename, line, count_columns (line_start, end), (guint8) *end);
  return FALSE;
}

static gboolean
validate_record (DistrettoCsvReader  *reader,
                 const char          *start,
                 const char          *end,
                 GError             **error)
{
  const char *bad = NULL;
  const char *line_start = start;
  guint line = reader->line;

  if (g_utf8_validate_len (start, end - start, &bad))
    return TRUE;

  for (const char *p = start; p < bad; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  g_set_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING,
               "%s:%u:%u: expected UTF-8 text, found the byte 0x%02X",
               reader->filename, line, count_columns (line_start, bad), (guint8) *bad);
  return FALSE;
}

void
distretto_csv_reader_init (DistrettoCsvReader *reader,
                           const char         *data,
                           gsize               len,
                           const char         *filename,
                           char                delimiter)
{
  memset (reader, 0, sizeof *reader);
  reader->data = data;
  reader->len = len;
  reader->filename = filename;
  reader->delimiter = delimiter;
  reader->buffer = g_string_sized_new (256);
  reader->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->next_line = 1;

  /* Skip a UTF-8 byte order mark. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = reader->next_line_start = 3;
}

void
distretto_csv_reader_clear (DistrettoCsvReader *reader)
{
  if (reader->buffer != NULL)
    g_string_free (reader->buffer, TRUE);
  g_clear_pointer (&reader->offsets, g_array_unref);
  g_clear_pointer (&reader->starts, g_array_unref);
  reader->buffer = NULL;
}

static void
begin_field (DistrettoCsvReader *reader,
             gsize               start)
{
  gsize offset = reader->buffer->len;

  g_array_append_val (reader->offsets, offset);
  g_array_append_val (reader->starts, start);
}

static gboolean
is_blank_line (const char *p,
               const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
    p++;
  return p == end || *p == '\n';
}

/*
 * distretto_csv_reader_next:
 *
 * Reads the next non-blank record. Returns %FALSE at the end of the data,
 * with @error unset, or on a syntax error, with @error set.
 */
gboolean
distretto_csv_reader_next (DistrettoCsvReader  *reader,
                           GError             **error)
{
  const char *data = reader->data;
  const char *end = data + reader->len;
  const char *p;

  g_string_truncate (reader->buffer, 0);
  g_array_set_size (reader->offsets, 0);
  g_array_set_size (reader->starts, 0);

  /* Skip blank lines. */
  for (;;)
    {
      const char *eol;

      p = data + reader->pos;
      if (p >= end)
        return FALSE;
      if (!is_blank_line (p, end))
        break;

      eol = memchr (p, '\n', end - p);
      reader->pos = eol ? (gsize) (eol - data) + 1 : reader->len;
      reader->next_line++;
      reader->next_line_start = reader->pos;
    }

  reader->line = reader->next_line;
  reader->line_start = reader->next_line_start;

  begin_field (reader, p - data);

  while (p < end)
    {
      char c = *p;

      if (c == '"' && reader->buffer->len == g_array_index (reader->offsets, gsize, reader->offsets->len - 1))
        {
          const char *quote = p;

          p++;
          for (;;)
            {
              if (p >= end)
                {
                  g_set_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_SYNTAX,
                               "%s:%u:%u: this quoted field is never closed: expected a closing \"",
                               reader->filename, reader->line,
                               count_columns (data + reader->line_start, quote));
                  return FALSE;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (reader->buffer, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n')
                {
                  reader->next_line++;
                  reader->next_line_start = (p - data) + 1;
                }
              g_string_append_c (reader->buffer, *p);
              p++;
            }

          if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          if (p < end && *p != reader->delimiter && *p != '\n')
            {
              g_set_error (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_SYNTAX,
                           "%s:%u:%u: expected a delimiter or the end of the line after a quoted field, found “%c”",
                           reader->filename, reader->next_line,
                           count_columns (data + reader->next_line_start, p), *p);
              return FALSE;
            }
          continue;
        }

      if (c == reader->delimiter)
        {
          g_string_append_c (reader->buffer, '\0');
          begin_field (reader, (p - data) + 1);
          p++;
          continue;
        }

      if (c == '\n' || (c == '\r' && p + 1 < end && p[1] == '\n'))
        {
          p += (c == '\r') ? 2 : 1;
          break;
        }

      g_string_append_c (reader->buffer, c);
      p++;
    }

  g_string_append_c (reader->buffer, '\0');

  /* Each record is checked as it is read, so a large file is never
   * walked twice. */
  if (!validate_record (reader, data + reader->line_start, p, error))
    return FALSE;

  reader->pos = p - data;
  reader->next_line++;
  reader->next_line_start = reader->pos;

  return TRUE;
}

guint
distretto_csv_reader_n_fields (DistrettoCsvReader *reader)
{
  return reader->offsets->len;
}

const char *
distretto_csv_reader_field (DistrettoCsvReader *reader,
                            guint               index)
{
  g_assert (index < reader->offsets->len);

  return reader->buffer->str + g_array_index (reader->offsets, gsize, index);
}

guint
distretto_csv_reader_column (DistrettoCsvReader *reader,
                             guint               index)
{
  gsize start;

  if (index >= reader->starts->len)
    index = reader->starts->len - 1;

  start = g_array_index (reader->starts, gsize, index);
  if (start < reader->line_start)
    return 1;

  return count_columns (reader->data + reader->line_start, reader->data + start);
}

/*
 * distretto_csv_reader_set_error:
 *
 * Sets @error to "file:line:column: message" for field @index of the
 * current record.
 */
void
distretto_csv_reader_set_error (DistrettoCsvReader  *reader,
                                GError             **error,
                                guint                index,
                                int                  code,
                                const char          *format,
                                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, DISTRETTO_IMPORT_ERROR, code, "%s:%u:%u: %s",
               reader->filename, reader->line,
               distretto_csv_reader_column (reader, index), message);
}
