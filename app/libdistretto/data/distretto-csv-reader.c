/* distretto-csv-reader.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <glib/gi18n-lib.h>

#include "distretto-csv-reader.h"
#include "distretto-import-error.h"
#include "distretto-import-private.h"

static guint
count_columns (const char *line_start,
               const char *at)
{
  /* Columns count characters, not bytes, from 1. */
  return (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

/*
 * _distretto_validate_utf8:
 *
 * Fails with the line and column of the first byte that is not UTF-8.
 */
gboolean
_distretto_validate_utf8 (const char  *data,
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

  _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING,
                           filename, line, count_columns (line_start, end),
                           _("expected UTF-8 text, found the byte 0x%02X"), (guint8) *end);
  return FALSE;
}

/* Everything but the buffers, which are kept. */
static void
reset (DistrettoCsvReader *reader,
       const char         *data,
       gsize               len,
       const char         *filename,
       char                delimiter)
{
  char *buffer = reader->buffer;
  gsize buffer_size = reader->buffer_size;
  gpointer fields = reader->fields;
  guint fields_size = reader->fields_size;

  memset (reader, 0, sizeof *reader);
  reader->data = data;
  reader->len = len;
  reader->filename = filename;
  reader->delimiter = delimiter;
  reader->buffer = buffer;
  reader->buffer_size = buffer_size;
  reader->fields = fields;
  reader->fields_size = fields_size;
  reader->next_line = 1;
  reader->at_end = TRUE;
  reader->stops[(guint8) delimiter] = 1;
  reader->stops['\n'] = 1;
  reader->stops['\r'] = 1;

  if (reader->buffer == NULL)
    {
      reader->buffer_size = 256;
      reader->buffer = g_malloc (reader->buffer_size);
      reader->fields_size = 16;
      reader->fields = g_malloc (sizeof reader->fields[0] * reader->fields_size);
    }
}

void
_distretto_csv_reader_init (DistrettoCsvReader *reader,
                           const char         *data,
                           gsize               len,
                           const char         *filename,
                           char                delimiter)
{
  memset (reader, 0, sizeof *reader);
  reset (reader, data, len, filename, delimiter);

  /* Skip a UTF-8 byte order mark. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = reader->next_line_start = 3;
}

#define WINDOW_SIZE (1024 * 1024)

/* Where the complete lines of the window end: the reader never looks
 * past them until the input is exhausted. */
static void
set_limit (DistrettoCsvReader *reader)
{
  const char *last_newline;

  /* The last line may be long: look back from the end. */
  if (reader->at_end)
    {
      reader->len = reader->filled;
      return;
    }

  for (last_newline = reader->window + reader->filled; last_newline > reader->window + reader->pos; last_newline--)
    if (last_newline[-1] == '\n')
      break;
  reader->len = last_newline - reader->window;
}

/* Drops what is read already: the record being read starts at pos. */
static void
drop_read (DistrettoCsvReader *reader)
{
  gsize shift = reader->pos;

  if (shift > 0)
    {
      memmove (reader->window, reader->window + shift, reader->filled - shift);
      reader->filled -= shift;
      reader->len -= MIN (shift, reader->len);
      reader->pos = 0;
      reader->next_line_start -= MIN (shift, reader->next_line_start);
    }
}

/*
 * refill_to:
 *
 * Drops what is read already and reads more, until the window holds
 * @want bytes at most, growing the window when one record fills it.
 */
static gboolean
refill_to (DistrettoCsvReader  *reader,
           gsize                want,
           GError             **error)
{
  gssize n;

  /* The input failed after what the window holds. */
  if (reader->read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&reader->read_error));
      return FALSE;
    }

  drop_read (reader);

  if (reader->filled == reader->window_size)
    {
      if (reader->window_size >= DISTRETTO_CSV_MAX_RECORD)
        {
          _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TOO_LARGE,
                                   reader->filename, reader->next_line, 1,
                                   _("this line is longer than %u MiB: expected one record per line"),
                                   DISTRETTO_CSV_MAX_RECORD >> 20);
          return FALSE;
        }
      reader->window_size *= 2;
      reader->window = g_realloc (reader->window, reader->window_size);
      reader->data = reader->window;
    }

  want = CLAMP (want, reader->filled + 1, reader->window_size);
  n = _distretto_input_read (reader->input, reader->window + reader->filled,
                             want - reader->filled, error);
  if (n < 0)
    return FALSE;

  reader->filled += n;
  reader->at_end = n == 0;
  reader->data = reader->window;
  set_limit (reader);

  return TRUE;
}

static gboolean
refill (DistrettoCsvReader  *reader,
        GError             **error)
{
  return refill_to (reader, G_MAXSIZE, error);
}

/*
 * _distretto_csv_reader_init_input:
 *
 * Like _distretto_csv_reader_init(), reading @input a window at a time:
 * memory holds the record being read and little else.
 */
gboolean
_distretto_csv_reader_init_input (DistrettoCsvReader  *reader,
                                 DistrettoInput      *input,
                                 const char          *filename,
                                 char                 delimiter,
                                 GError             **error)
{
  _distretto_csv_reader_init (reader, "", 0, filename, delimiter);
  reader->input = input;
  reader->at_end = FALSE;
  reader->window_size = WINDOW_SIZE;
  reader->window = g_malloc (reader->window_size);
  reader->data = reader->window;

  /* At least the first line, or the whole input if it has none. */
  do
    if (!refill (reader, error))
      return FALSE;
  while (reader->len == 0 && !reader->at_end);

  if (reader->len >= 3 && memcmp (reader->data, "\xEF\xBB\xBF", 3) == 0)
    reader->pos = reader->next_line_start = 3;

  return TRUE;
}

/*
 * _distretto_csv_reader_init_chunk:
 *
 * Like _distretto_csv_reader_init(), for @len bytes that start a line in
 * the middle of a file: a byte order mark there is text. Lines count from
 * 1 within the chunk. A reader that read another chunk keeps its memory.
 */
void
_distretto_csv_reader_init_chunk (DistrettoCsvReader *reader,
                                 const char         *data,
                                 gsize               len,
                                 const char         *filename,
                                 char                delimiter)
{
  g_assert (reader->input == NULL && reader->read_error == NULL);

  reset (reader, data, len, filename, delimiter);
}

/*
 * _distretto_csv_reader_fill:
 *
 * Drops what is read, then reads until the window holds @size bytes and a
 * complete line, or the input ends, or it fails once the window holds
 * complete lines: the failure then waits in read_error until those lines
 * are read, as a reader reading a window at a time would report it.
 */
gboolean
_distretto_csv_reader_fill (DistrettoCsvReader  *reader,
                           gsize                size,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (reader->window_size < size)
    {
      reader->window_size = size;
      reader->window = g_realloc (reader->window, reader->window_size);
      reader->data = reader->window;
    }
  drop_read (reader);

  while (!reader->at_end && (reader->filled < size || reader->len == reader->pos))
    {
      gsize want = reader->filled < size ? size : G_MAXSIZE;

      if (!refill_to (reader, want, &local_error))
        {
          set_limit (reader);
          if (reader->len <= reader->pos)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          reader->read_error = g_steal_pointer (&local_error);
          return TRUE;
        }
    }

  return TRUE;
}

/*
 * _distretto_csv_reader_read_ahead:
 *
 * Reads what follows the window into a second window, from @from on, up
 * to @size bytes, while other threads read the window before @from: only
 * the input and the second window are written. A failure of the input
 * waits in ahead_error, as _distretto_csv_reader_fill() keeps one.
 */
void
_distretto_csv_reader_read_ahead (DistrettoCsvReader *reader,
                                 gsize               from,
                                 gsize               size)
{
  gsize tail = reader->filled - from;

  g_assert (!reader->has_ahead && !reader->at_end && reader->read_error == NULL);
  g_assert (from >= reader->pos && from <= reader->filled);

  /* Grown, never freed and allocated again: freeing a large block raises
   * glibc's threshold for mapping blocks, and the dataset's columns would
   * then grow by copying. */
  size = MAX (size, tail);
  if (reader->ahead_size < size)
    {
      reader->ahead = g_realloc (reader->ahead, size);
      reader->ahead_size = size;
    }

  memcpy (reader->ahead, reader->window + from, tail);
  reader->ahead_filled = tail;
  reader->ahead_from = from;
  reader->ahead_at_end = FALSE;
  reader->has_ahead = TRUE;

  while (reader->ahead_filled < size)
    {
      gssize n = _distretto_input_read (reader->input, reader->ahead + reader->ahead_filled,
                                        size - reader->ahead_filled, &reader->ahead_error);

      if (n <= 0)
        {
          reader->ahead_at_end = n == 0;
          break;
        }
      reader->ahead_filled += n;
    }
}

/*
 * _distretto_csv_reader_take_ahead:
 *
 * Makes the second window the window, behind what the window still holds
 * from pos to where the reading ahead started.
 */
void
_distretto_csv_reader_take_ahead (DistrettoCsvReader *reader)
{
  gsize keep = reader->ahead_from - reader->pos;
  char *window = reader->window;
  gsize window_size = reader->window_size;

  g_assert (reader->has_ahead && reader->ahead_from >= reader->pos);

  if (keep > 0)
    {
      if (reader->ahead_size < keep + reader->ahead_filled)
        {
          reader->ahead_size = keep + reader->ahead_filled;
          reader->ahead = g_realloc (reader->ahead, reader->ahead_size);
        }
      memmove (reader->ahead + keep, reader->ahead, reader->ahead_filled);
      memcpy (reader->ahead, reader->window + reader->pos, keep);
      reader->ahead_filled += keep;
    }

  reader->window = reader->ahead;
  reader->data = reader->window;
  reader->window_size = reader->ahead_size;
  reader->filled = reader->ahead_filled;
  reader->at_end = reader->ahead_at_end;
  reader->read_error = g_steal_pointer (&reader->ahead_error);
  reader->pos = reader->next_line_start = 0;
  reader->ahead = window;
  reader->ahead_size = window_size;
  reader->has_ahead = FALSE;
  set_limit (reader);
}

/* Moves past complete lines of the window, up to @end, @n_lines of them,
 * read elsewhere. */
void
_distretto_csv_reader_skip_lines (DistrettoCsvReader *reader,
                                 gsize               end,
                                 guint               n_lines)
{
  g_assert (end >= reader->pos && end <= reader->len);

  reader->pos = reader->next_line_start = end;
  reader->next_line += n_lines;
}

void
_distretto_csv_reader_clear (DistrettoCsvReader *reader)
{
  g_clear_pointer (&reader->buffer, g_free);
  g_clear_pointer (&reader->fields, g_free);
  g_clear_pointer (&reader->window, g_free);
  g_clear_error (&reader->read_error);
  g_clear_pointer (&reader->ahead, g_free);
  g_clear_error (&reader->ahead_error);
}

static void
buffer_reserve (DistrettoCsvReader *reader,
                gsize               n)
{
  if (reader->buffer_len + n + 1 > reader->buffer_size)
    {
      while (reader->buffer_len + n + 1 > reader->buffer_size)
        reader->buffer_size *= 2;
      reader->buffer = g_realloc (reader->buffer, reader->buffer_size);
    }
}

static inline void
buffer_append (DistrettoCsvReader *reader,
               const char         *bytes,
               gsize               n)
{
  buffer_reserve (reader, n);
  memcpy (reader->buffer + reader->buffer_len, bytes, n);
  reader->buffer_len += n;
}

#define CURRENT(reader) (&(reader)->fields[(reader)->n_fields - 1])

static inline void
begin_field (DistrettoCsvReader *reader,
             gsize               start)
{
  if (reader->n_fields == reader->fields_size)
    {
      reader->fields_size *= 2;
      reader->fields = g_realloc (reader->fields, sizeof reader->fields[0] * reader->fields_size);
    }

  reader->fields[reader->n_fields].start = start;
  reader->fields[reader->n_fields].len = 0;
  reader->fields[reader->n_fields].offset = -1;
  reader->n_fields++;
}

/* Moves the current field's bytes into the buffer, to append to them. */
static void
copy_current (DistrettoCsvReader *reader)
{
  if (CURRENT (reader)->offset >= 0)
    return;

  CURRENT (reader)->offset = reader->buffer_len;
  buffer_append (reader, reader->data + CURRENT (reader)->start, CURRENT (reader)->len);
}

/* Most fields are one unquoted run: they stay where they are in data. */
static inline void
add_run (DistrettoCsvReader *reader,
         const char         *run,
         gsize               n)
{
  /* The field's first run starts it. */
  if (CURRENT (reader)->offset < 0 && CURRENT (reader)->len == 0)
    {
      g_assert (run == reader->data + CURRENT (reader)->start);
      CURRENT (reader)->len = n;
      return;
    }

  copy_current (reader);
  buffer_append (reader, run, n);
}

static inline void
end_field (DistrettoCsvReader *reader)
{
  if (CURRENT (reader)->offset >= 0)
    {
      CURRENT (reader)->len = reader->buffer_len - CURRENT (reader)->offset;
      buffer_append (reader, "", 1);
    }
}

static gboolean
is_blank_line (const char *p,
               const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
    p++;
  return p == end || *p == '\n';
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

  _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING,
                           reader->filename, line, count_columns (line_start, bad),
                           _("expected UTF-8 text, found the byte 0x%02X"), (guint8) *bad);
  return FALSE;
}

typedef enum
{
  RECORD_READ,
  RECORD_NONE,      /* the end of the data, or an error */
  RECORD_MORE,      /* the record goes on past the window: refill */
} RecordStatus;

/* Reads a quoted field from the opening quote at *p; leaves *p after the
 * closing quote. */
static RecordStatus
read_quoted (DistrettoCsvReader  *reader,
             const char         **pp,
             GError             **error)
{
  const char *data = reader->data;
  const char *end = data + reader->len;
  const char *quote = *pp;
  const char *p = quote + 1;

  copy_current (reader);

  for (;;)
    {
      const char *run = p;

      while (p < end && *p != '"' && *p != '\n')
        p++;
      buffer_append (reader, run, p - run);

      if (p >= end && !reader->at_end)
        return RECORD_MORE;
      if (p >= end)
        {
          _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_SYNTAX,
                                   reader->filename, reader->line,
                                   count_columns (data + reader->line_start, quote),
                                   _("this quoted field is never closed: expected a closing \""));
          return RECORD_NONE;
        }

      if (*p == '\n')
        {
          buffer_append (reader, p, 1);
          reader->next_line++;
          reader->next_line_start = (p - data) + 1;
          p++;
        }
      else if (p + 1 < end && p[1] == '"')
        {
          buffer_append (reader, p, 1);
          p += 2;
        }
      else
        {
          *pp = p + 1;
          return RECORD_READ;
        }
    }
}

/*
 * The fast path reads a block of bytes at a time and marks, one bit per
 * byte, the line feeds, carriage returns, delimiters, and bytes it cannot
 * take (quotes, bytes above 0x7F): 32 bytes a block, which holds most
 * records whole. With SSE2, as every x86-64 processor has, two 16-byte
 * halves; elsewhere four 64-bit words.
 */
#define SCAN_BLOCK 32

#ifdef __SSE2__

static inline void
scan_half (const char *p,
           __m128i     delimiter,
           guint32    *lf,
           guint32    *cr,
           guint32    *delimiters,
           guint32    *bad)
{
  __m128i bytes;

  memcpy (&bytes, p, sizeof bytes);     /* unaligned */

  *lf = (guint32) _mm_movemask_epi8 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\n')));
  *cr = (guint32) _mm_movemask_epi8 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\r')));
  *delimiters = (guint32) _mm_movemask_epi8 (_mm_cmpeq_epi8 (bytes, delimiter));
  *bad = (guint32) (_mm_movemask_epi8 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('"'))) |
                    _mm_movemask_epi8 (bytes));
}

static inline void
scan_block (const char *p,
            guint8      delimiter,
            guint32    *lf,
            guint32    *cr,
            guint32    *delimiters,
            guint32    *bad)
{
  __m128i d = _mm_set1_epi8 ((char) delimiter);
  guint32 lf_high, cr_high, delimiters_high, bad_high;

  scan_half (p, d, lf, cr, delimiters, bad);
  scan_half (p + 16, d, &lf_high, &cr_high, &delimiters_high, &bad_high);
  *lf |= lf_high << 16;
  *cr |= cr_high << 16;
  *delimiters |= delimiters_high << 16;
  *bad |= bad_high << 16;
}

#else

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define LOWS  G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The high bit of each byte of @word that is @byte, and no other bit. */
static inline guint64
bytes_equal (guint64 word,
             guint8  byte)
{
  guint64 x = word ^ (ONES * byte);

  return ~(((x & LOWS) + LOWS) | x | LOWS);
}

/* The high bits of the bytes of @mask as the low 8 bits, byte i as bit i. */
static inline guint32
gather (guint64 mask)
{
  return (guint32) (((mask >> 7) * G_GUINT64_CONSTANT (0x0102040810204080)) >> 56);
}

static inline void
scan_block (const char *p,
            guint8      delimiter,
            guint32    *lf,
            guint32    *cr,
            guint32    *delimiters,
            guint32    *bad)
{
  *lf = *cr = *delimiters = *bad = 0;

  for (guint i = 0; i < SCAN_BLOCK / 8; i++)
    {
      guint64 word;

      memcpy (&word, p + 8 * i, sizeof word);
      word = GUINT64_FROM_LE (word);
      *lf |= gather (bytes_equal (word, '\n')) << (8 * i);
      *cr |= gather (bytes_equal (word, '\r')) << (8 * i);
      *delimiters |= gather (bytes_equal (word, delimiter)) << (8 * i);
      *bad |= gather (bytes_equal (word, '"') | (word & HIGHS)) << (8 * i);
    }
}

#endif

/*
 * read_plain_record:
 *
 * The fast path of read_one_record(), a block of bytes at a time, for a
 * record of ASCII text on one line, without quotes, whose only carriage
 * return ends the line, and which ends a block before the end of data.
 * Anything else returns %FALSE, and the record is read byte by byte.
 */
static gboolean
read_plain_record (DistrettoCsvReader *reader,
                   const char         *p,
                   const char         *end)
{
  const guint8 delimiter = reader->delimiter;
  const char *data = reader->data;
  const char *field = p;
  gboolean cr_before = FALSE;     /* the block before ended with '\r' */
  DistrettoCsvField *fields = reader->fields;
  guint n = 0;

  for (const char *q = p; end - q >= SCAN_BLOCK; q += SCAN_BLOCK)
    {
      guint32 lf, cr, delimiters, bad;
      guint32 before = G_MAXUINT32;   /* the bytes of this line */
      guint32 cr_allowed = 1u << (SCAN_BLOCK - 1);

      scan_block (q, delimiter, &lf, &cr, &delimiters, &bad);

      if (cr_before && !(lf & 1))
        return FALSE;

      if (lf != 0)
        {
          before = (lf & -lf) - 1;
          cr_allowed = (lf & -lf) >> 1;
        }
      if ((bad & before) != 0 || (cr & before & ~cr_allowed) != 0)
        return FALSE;

      /* Room for every field the block can end. */
      if (reader->fields_size < n + SCAN_BLOCK + 1)
        {
          reader->fields_size = MAX (2 * reader->fields_size, n + SCAN_BLOCK + 1);
          reader->fields = g_realloc (reader->fields, sizeof reader->fields[0] * reader->fields_size);
          fields = reader->fields;
        }

      for (delimiters &= before; delimiters != 0; delimiters &= delimiters - 1)
        {
          const char *at = q + __builtin_ctz (delimiters);

          fields[n].start = field - data;
          fields[n].len = at - field;
          fields[n].offset = -1;
          n++;
          field = at + 1;
        }

      if (lf != 0)
        {
          const char *at = q + __builtin_ctz (lf);
          const char *stop = at > field && at[-1] == '\r' ? at - 1 : at;

          fields[n].start = field - data;
          fields[n].len = stop - field;
          fields[n].offset = -1;
          reader->n_fields = ++n;
          buffer_reserve (reader, (at - p) + n);
          reader->pos = at + 1 - data;
          reader->next_line++;
          reader->next_line_start = reader->pos;
          return TRUE;
        }

      cr_before = (cr >> (SCAN_BLOCK - 1)) != 0;
    }

  return FALSE;
}

static RecordStatus
read_one_record (DistrettoCsvReader  *reader,
                 GError             **error)
{
  const char *data = reader->data;
  const char *end = data + reader->len;
  const char delimiter = reader->delimiter;
  const guint8 *stops = reader->stops;
  guint8 high = 0;     /* any byte above 0x7F in the record's unquoted runs */
  const char *p;

  reader->buffer_len = 0;
  reader->n_fields = 0;

  /* Skip blank lines. */
  for (;;)
    {
      const char *eol;

      p = data + reader->pos;
      if (p >= end)
        return reader->at_end ? RECORD_NONE : RECORD_MORE;

      reader->line = reader->next_line;
      reader->line_start = reader->next_line_start;

      /* A plain line of one field may be blank; it was read past. */
      if (read_plain_record (reader, p, end))
        {
          if (reader->n_fields > 1 || !is_blank_line (p, end))
            return RECORD_READ;
          continue;
        }
      reader->n_fields = 0;

      if (!is_blank_line (p, end))
        break;

      eol = memchr (p, '\n', end - p);
      reader->pos = eol ? (gsize) (eol - data) + 1 : reader->len;
      reader->next_line++;
      reader->next_line_start = reader->pos;
    }

  begin_field (reader, p - data);

  for (;;)
    {
      const char *run;

      /* A quote opens a quoted field only at the start of the field. */
      if (p < end && *p == '"' && CURRENT (reader)->offset < 0 && CURRENT (reader)->len == 0)
        {
          RecordStatus status = read_quoted (reader, &p, error);

          if (status == RECORD_MORE)
            goto more;
          if (status != RECORD_READ)
            return status;
          high = 0x80;   /* quoted text is checked in full below */

          if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          if (p < end && *p != delimiter && *p != '\n')
            {
              /* Not yet checked for UTF-8: quote ASCII, name other bytes. */
              g_autofree char *found = g_ascii_isprint (*p)
                ? g_strdup_printf ("“%c”", *p)
                : g_strdup_printf (_("the byte 0x%02X"), (guint8) *p);

              _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_SYNTAX,
                                       reader->filename, reader->next_line,
                                       count_columns (data + reader->next_line_start, p),
                                       /* TRANSLATORS: %s is a quoted character or “the byte 0x…” */
                                       _("expected a delimiter or the end of the line after a quoted "
                                         "field, found %s"), found);
              return RECORD_NONE;
            }
        }

      run = p;
      while (p < end && !stops[(guint8) *p])
        high |= (guint8) *p++;
      if (p > run)
        add_run (reader, run, p - run);

      if (p >= end && !reader->at_end)
        goto more;
      if (p >= end)
        break;

      if (*p == delimiter)
        {
          end_field (reader);
          p++;
          begin_field (reader, p - data);
          continue;
        }

      if (*p == '\n')
        {
          p++;
          break;
        }

      /* '\r': a line end only before '\n'. */
      if (p + 1 < end && p[1] == '\n')
        {
          p += 2;
          break;
        }
      copy_current (reader);
      buffer_append (reader, p, 1);
      p++;
    }

  end_field (reader);

  /* Each record is checked as it is read, so a large file is never walked
   * twice; an ASCII record needs no more than the runs' ORed bytes. */
  if (high >= 0x80 && !validate_record (reader, data + reader->line_start, p, error))
    return RECORD_NONE;

  /* Room for every field still in data, so _distretto_csv_reader_field()
   * copies them without moving the buffer. */
  {
    gsize pending = 0;

    for (guint i = 0; i < reader->n_fields; i++)
      if (reader->fields[i].offset < 0)
        pending += reader->fields[i].len + 1;
    buffer_reserve (reader, pending);
  }


  reader->pos = p - data;
  reader->next_line++;
  reader->next_line_start = reader->pos;

  return RECORD_READ;

more:
  /* Read again from the start of the record once the window holds it. */
  reader->next_line = reader->line;
  reader->next_line_start = reader->line_start;
  return RECORD_MORE;
}

/*
 * _distretto_csv_reader_take_plain:
 *
 * Hands @take the plain records that follow (see read_plain_record()),
 * one after another, as _distretto_csv_reader_next() would read them,
 * until one is not plain or @take does not take it: the reader is then
 * back at the start of that record. Returns how many were taken.
 */
guint
_distretto_csv_reader_take_plain (DistrettoCsvReader   *reader,
                                 DistrettoCsvPlainFunc take,
                                 gpointer              user_data)
{
  const char *end = reader->data + reader->len;
  guint n = 0;

  for (;;)
    {
      gsize pos = reader->pos;
      gsize line_start = reader->next_line_start;

      reader->buffer_len = 0;
      reader->line = reader->next_line;
      reader->line_start = line_start;

      if (!read_plain_record (reader, reader->data + pos, end) || !take (user_data))
        {
          reader->pos = pos;
          reader->next_line = reader->line;
          reader->next_line_start = line_start;
          reader->n_fields = 0;
          return n;
        }
      n++;
    }
}

/*
 * _distretto_csv_reader_next:
 *
 * Reads the next non-blank record. Returns %FALSE at the end of the data,
 * with @error unset, or on a syntax error, with @error set.
 */
gboolean
_distretto_csv_reader_next (DistrettoCsvReader  *reader,
                           GError             **error)
{
  for (;;)
    {
      RecordStatus status = read_one_record (reader, error);

      if (status != RECORD_MORE)
        return status == RECORD_READ;
      if (!refill (reader, error))
        return FALSE;
    }
}

/* The field, NUL-terminated; valid until the next record is read. */
const char *
_distretto_csv_reader_field (DistrettoCsvReader *reader,
                            guint               index)
{
  g_assert (index < reader->n_fields);

  if (reader->fields[index].offset < 0)
    {
      gsize len = reader->fields[index].len;

      /* Space was reserved when the record was read. */
      g_assert (reader->buffer_len + len + 1 <= reader->buffer_size);
      reader->fields[index].offset = reader->buffer_len;
      memcpy (reader->buffer + reader->buffer_len, reader->data + reader->fields[index].start, len);
      reader->buffer[reader->buffer_len + len] = '\0';
      reader->buffer_len += len + 1;
    }

  return reader->buffer + reader->fields[index].offset;
}

/* The field as messages quote it: cut after a few dozen characters. */
char *
_distretto_csv_reader_dup_shown (DistrettoCsvReader *reader,
                                guint               index)
{
  gsize len;
  const char *span = _distretto_csv_reader_span (reader, index, &len);

  return _distretto_shorten (span, len);
}

guint
_distretto_csv_reader_column (DistrettoCsvReader *reader,
                             guint               index)
{
  gsize start;

  if (index >= reader->n_fields)
    index = reader->n_fields - 1;

  start = reader->fields[index].start;
  if (start < reader->line_start)
    return 1;

  return count_columns (reader->data + reader->line_start, reader->data + start);
}

/*
 * _distretto_csv_reader_set_error:
 *
 * Sets @error to "file:line:column: message" for field @index of the
 * current record.
 */
void
_distretto_csv_reader_set_error (DistrettoCsvReader  *reader,
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

  _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, code, reader->filename, reader->line,
                           _distretto_csv_reader_column (reader, index), "%s", message);
}

/*
 * _distretto_csv_reader_import_records:
 *
 * Reads every record after the header with @read_record, reporting
 * progress and honouring cancellation; a file with a header and no record
 * is an error suggesting @example.
 */
gboolean
_distretto_csv_reader_import_records (DistrettoCsvReader      *reader,
                                     DistrettoImport         *import,
                                     DistrettoCsvRecordFunc   read_record,
                                     gpointer                 user_data,
                                     const char              *example,
                                     GError                 **error)
{
  return _distretto_csv_reader_import_rest (reader, import, read_record, NULL, user_data, 0, example,
                                           error);
}

/*
 * _distretto_csv_reader_import_rest:
 *
 * Like _distretto_csv_reader_import_records(), when @n_records records
 * were read already; @take_plain, if not %NULL, takes the plain records
 * it can before @read_record reads the others.
 */
gboolean
_distretto_csv_reader_import_rest (DistrettoCsvReader      *reader,
                                  DistrettoImport         *import,
                                  DistrettoCsvRecordFunc   read_record,
                                  DistrettoCsvPlainFunc    take_plain,
                                  gpointer                 user_data,
                                  guint                    n_records,
                                  const char              *example,
                                  GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  for (;;)
    {
      guint64 done = reader->pos, total = reader->len;
      guint taken = 0;

      if (reader->input != NULL)
        _distretto_input_get_progress (reader->input, &done, &total);

      if (take_plain != NULL)
        taken = _distretto_csv_reader_take_plain (reader, take_plain, user_data);
      if (taken > 0 && !_distretto_import_tick_by (import, taken, done, total, error))
        return FALSE;
      n_records += taken;

      if (!_distretto_csv_reader_next (reader, &local_error))
        break;
      if (!read_record (user_data, error) ||
          !_distretto_import_tick (import, done, total, error))
        return FALSE;
      n_records++;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (n_records == 0)
    {
      _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_EMPTY,
                               reader->filename, reader->next_line, 1,
                               /* TRANSLATORS: %s is an example line */
                               _("the file has a header but no data: expected lines such as “%s”"),
                               example);
      return FALSE;
    }

  return TRUE;
}
