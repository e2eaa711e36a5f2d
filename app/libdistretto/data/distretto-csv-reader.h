/* distretto-csv-reader.h: a record reader shared by the CSV importers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "distretto-input-private.h"

G_BEGIN_DECLS

/* The longest record (line) a reader takes, in bytes. */
#define DISTRETTO_CSV_MAX_RECORD (16 * 1024 * 1024)

typedef struct
{
  gsize       start;         /* where the field starts in data */
  gsize       len;
  gssize      offset;        /* its copy in buffer, or -1 */
} DistrettoCsvField;

typedef struct
{
  const char *data;
  gsize       len;           /* where complete lines end in data */
  gsize       pos;
  const char *filename;
  char        delimiter;
  guint8      stops[256];    /* bytes that end an unquoted run */

  /* The current record. */
  guint       line;          /* line where the record starts, 1-based */
  gsize       line_start;    /* byte offset of that line */
  char       *buffer;        /* copied fields, each NUL-terminated */
  gsize       buffer_len;
  gsize       buffer_size;
  DistrettoCsvField *fields;
  guint       n_fields;
  guint       fields_size;

  guint       next_line;
  gsize       next_line_start;

  /* Reading from an input: data is a window on it, refilled as needed. */
  DistrettoInput *input;
  char       *window;
  gsize       window_size;
  gsize       filled;        /* bytes in the window */
  gboolean    at_end;        /* nothing more to read after data[len) */
  GError     *read_error;    /* what ended the input early, once data is read */

  /* Read ahead: a second window, what follows window[ahead_from). */
  char       *ahead;
  gsize       ahead_size;
  gsize       ahead_filled;
  gsize       ahead_from;
  gboolean    ahead_at_end;
  GError     *ahead_error;
  gboolean    has_ahead;
} DistrettoCsvReader;

gboolean     _distretto_validate_utf8          (const char          *data,
                                               gsize                len,
                                               const char          *filename,
                                               GError             **error);
void         _distretto_csv_reader_init        (DistrettoCsvReader  *reader,
                                               const char          *data,
                                               gsize                len,
                                               const char          *filename,
                                               char                 delimiter);
gboolean     _distretto_csv_reader_init_input  (DistrettoCsvReader  *reader,
                                               DistrettoInput      *input,
                                               const char          *filename,
                                               char                 delimiter,
                                               GError             **error);
void         _distretto_csv_reader_init_chunk  (DistrettoCsvReader  *reader,
                                               const char          *data,
                                               gsize                len,
                                               const char          *filename,
                                               char                 delimiter);
gboolean     _distretto_csv_reader_fill        (DistrettoCsvReader  *reader,
                                               gsize                size,
                                               GError             **error);
void         _distretto_csv_reader_skip_lines  (DistrettoCsvReader  *reader,
                                               gsize                end,
                                               guint                n_lines);
void         _distretto_csv_reader_read_ahead  (DistrettoCsvReader  *reader,
                                               gsize                from,
                                               gsize                size);
void         _distretto_csv_reader_take_ahead  (DistrettoCsvReader  *reader);
void         _distretto_csv_reader_clear       (DistrettoCsvReader  *reader);
gboolean     _distretto_csv_reader_next        (DistrettoCsvReader  *reader,
                                               GError             **error);
const char  *_distretto_csv_reader_field       (DistrettoCsvReader  *reader,
                                               guint                index);
guint        _distretto_csv_reader_column      (DistrettoCsvReader  *reader,
                                               guint                index);
char        *_distretto_csv_reader_dup_shown   (DistrettoCsvReader  *reader,
                                               guint                index);
void         _distretto_csv_reader_set_error   (DistrettoCsvReader  *reader,
                                               GError             **error,
                                               guint                index,
                                               int                  code,
                                               const char          *format,
                                               ...) G_GNUC_PRINTF (5, 6);

static inline guint
_distretto_csv_reader_n_fields (DistrettoCsvReader *reader)
{
  return reader->n_fields;
}

/* The field's bytes and length, not NUL-terminated, without a copy. */
static inline const char *
_distretto_csv_reader_span (DistrettoCsvReader *reader,
                           guint               index,
                           gsize              *len)
{
  g_assert (index < reader->n_fields);

  *len = reader->fields[index].len;
  if (reader->fields[index].offset >= 0)
    return reader->buffer + reader->fields[index].offset;
  return reader->data + reader->fields[index].start;
}

struct _DistrettoImport;

/* Reads one record; FALSE with @error set stops the import. */
typedef gboolean (*DistrettoCsvRecordFunc) (gpointer   user_data,
                                            GError   **error);

/* Takes the plain record the reader holds, as the record function would,
 * or returns FALSE having done nothing, for the record function to read
 * it. */
typedef gboolean (*DistrettoCsvPlainFunc) (gpointer user_data);

guint        _distretto_csv_reader_take_plain     (DistrettoCsvReader      *reader,
                                                  DistrettoCsvPlainFunc    take,
                                                  gpointer                 user_data);

gboolean     _distretto_csv_reader_import_records (DistrettoCsvReader      *reader,
                                                  struct _DistrettoImport *import,
                                                  DistrettoCsvRecordFunc   read_record,
                                                  gpointer                 user_data,
                                                  const char              *example,
                                                  GError                 **error);
gboolean     _distretto_csv_reader_import_rest    (DistrettoCsvReader      *reader,
                                                  struct _DistrettoImport *import,
                                                  DistrettoCsvRecordFunc   read_record,
                                                  DistrettoCsvPlainFunc    take_plain,
                                                  gpointer                 user_data,
                                                  guint                    n_records,
                                                  const char              *example,
                                                  GError                 **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DistrettoCsvReader, _distretto_csv_reader_clear)

G_END_DECLS
