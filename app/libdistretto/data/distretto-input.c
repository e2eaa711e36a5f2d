/* distretto-input.c: reading a data file in bounded pieces
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "distretto-import-error.h"
#include "distretto-import-private.h"
#include "distretto-input-private.h"

/*
 * Files are read with read(), never mapped: a file that shrinks while it
 * is read ends early, which is reported, where a mapping would take the
 * process down with SIGBUS. Only regular files are opened, so a FIFO or a
 * device never blocks a load. gzip data, whatever the number of members
 * (`cat a.gz b.gz`), is decompressed as it is read, up to a multiple of
 * the file's size and an absolute maximum.
 */

#define RAW_CHUNK (256 * 1024)

struct _DistrettoInput
{
  char *name;
  GCancellable *cancellable;

  /* The source: a file descriptor, a stream or bytes. */
  int fd;
  GInputStream *stream;
  GBytes *bytes;
  gsize bytes_pos;
  guint64 size;              /* the source's size when opened */
  gboolean size_known;
  guint64 raw_done;          /* bytes read from the source */
  gboolean raw_eof;

  gboolean started;
  char *raw;                 /* bytes read from the source, not yet used */
  gsize raw_len;
  gsize raw_pos;

  GConverter *gunzip;        /* NULL for plain data */
  gboolean member_done;      /* a gzip member ended: another may follow */
  guint64 limit;             /* the most the gzip data may unpack to */

  guint64 produced;          /* bytes handed out */

  GByteArray *peeked;        /* handed out before anything else */
  gsize peek_pos;
};

static DistrettoInput *
input_new (const char   *name,
           GCancellable *cancellable)
{
  DistrettoInput *input = g_new0 (DistrettoInput, 1);

  input->name = g_strdup (name);
  input->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  input->fd = -1;
  input->raw = g_malloc (RAW_CHUNK);

  return input;
}

void
_distretto_input_free (DistrettoInput *input)
{
  if (input == NULL)
    return;

  if (input->fd >= 0)
    close (input->fd);
  g_clear_object (&input->stream);
  g_clear_pointer (&input->bytes, g_bytes_unref);
  g_clear_object (&input->gunzip);
  g_clear_object (&input->cancellable);
  g_clear_pointer (&input->peeked, g_byte_array_unref);
  g_free (input->raw);
  g_free (input->name);
  g_free (input);
}

const char *
_distretto_input_get_name (DistrettoInput *input)
{
  return input->name;
}

static DistrettoInput *
refuse_special (const char  *name,
                gboolean     directory,
                GError     **error)
{
  if (directory)
    _distretto_set_error_at (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, name, 0, 0,
                             _("this is a folder: expected a data file"));
  else
    _distretto_set_error_at (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, name, 0, 0,
                             _("this is not a regular file (a pipe, a device or a socket): "
                               "expected a data file"));
  return NULL;
}

static DistrettoInput *
errno_error (const char  *name,
             int          saved_errno,
             GError     **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s",
               name, g_strerror (saved_errno));
  return NULL;
}

static DistrettoInput *
open_path (const char    *path,
           const char    *name,
           GCancellable  *cancellable,
           GError       **error)
{
  DistrettoInput *input;
  struct stat st;
  int fd, flags;

  /* Looked at before it is opened: opening some devices does things. */
  if (stat (path, &st) < 0)
    return errno_error (name, errno, error);
  if (!S_ISREG (st.st_mode))
    return refuse_special (name, S_ISDIR (st.st_mode), error);

  /* Without blocking, in case it was replaced by a FIFO since. */
  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return errno_error (name, errno, error);

  if (fstat (fd, &st) < 0 || !S_ISREG (st.st_mode))
    {
      int saved_errno = errno;
      gboolean regular = S_ISREG (st.st_mode);

      close (fd);
      return regular ? errno_error (name, saved_errno, error)
                     : refuse_special (name, S_ISDIR (st.st_mode), error);
    }

  flags = fcntl (fd, F_GETFL);
  if (flags != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  input = input_new (name, cancellable);
  input->fd = fd;
  input->size = (guint64) st.st_size;
  input->size_known = TRUE;

  return input;
}

/*
 * _distretto_input_open_file:
 *
 * Opens @file for reading; refuses anything but a regular file. Errors
 * name the file by its parse name.
 */
DistrettoInput *
_distretto_input_open_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  DistrettoInput *input;
  GFileType type;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (path != NULL)
    return open_path (path, name, cancellable, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  type = g_file_info_get_file_type (info);
  if (type != G_FILE_TYPE_REGULAR)
    return refuse_special (name, type == G_FILE_TYPE_DIRECTORY, error);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  input = input_new (name, cancellable);
  input->stream = G_INPUT_STREAM (g_steal_pointer (&stream));
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      input->size = (guint64) g_file_info_get_size (info);
      input->size_known = TRUE;
    }

  return input;
}

/* Reads @bytes as if they were a file named @display_name. */
DistrettoInput *
_distretto_input_new_bytes (GBytes       *bytes,
                            const char   *display_name,
                            GCancellable *cancellable)
{
  DistrettoInput *input = input_new (display_name, cancellable);

  input->bytes = g_bytes_ref (bytes);
  input->size = g_bytes_get_size (bytes);
  input->size_known = TRUE;

  return input;
}

/* Up to @size bytes of the source; 0 at its end. */
static gssize
read_source (DistrettoInput  *input,
             char            *buffer,
             gsize            size,
             GError         **error)
{
  gssize n;

  if (input->raw_eof)
    return 0;

  if (g_cancellable_set_error_if_cancelled (input->cancellable, error))
    return -1;

  if (input->bytes != NULL)
    {
      gsize len;
      const char *data = g_bytes_get_data (input->bytes, &len);

      n = MIN (size, len - input->bytes_pos);
      if (n > 0)
        memcpy (buffer, data + input->bytes_pos, n);
      input->bytes_pos += n;
    }
  else if (input->fd >= 0)
    {
      do
        n = read (input->fd, buffer, MIN (size, G_MAXSSIZE));
      while (n < 0 && errno == EINTR);

      if (n < 0)
        {
          errno_error (input->name, errno, error);
          return -1;
        }
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      n = g_input_stream_read (input->stream, buffer, size, input->cancellable, &local_error);
      if (n < 0)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", input->name);
          return -1;
        }
    }

  input->raw_done += n;
  if (n > 0)
    return n;

  input->raw_eof = TRUE;

  /* A file being rewritten, downloaded or synced while it is read. */
  if (input->size_known && input->raw_done < input->size)
    {
      _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TRUNCATED,
                               input->name, 0, 0,
                               /* TRANSLATORS: how many bytes were read, then the file's size */
                               _("the file shrank while it was read (%" PRIu64 " of %" PRIu64 " bytes): "
                                 "another program may be writing it; load it again when it is complete"),
                               (guint64) input->raw_done, (guint64) input->size);
      return -1;
    }

  return 0;
}

/* Appends to the unused source bytes, moving them to the front first. */
static gboolean
fill_raw (DistrettoInput  *input,
          GError         **error)
{
  gssize n;

  if (input->raw_pos > 0)
    {
      memmove (input->raw, input->raw + input->raw_pos, input->raw_len - input->raw_pos);
      input->raw_len -= input->raw_pos;
      input->raw_pos = 0;
    }

  n = read_source (input, input->raw + input->raw_len, RAW_CHUNK - input->raw_len, error);
  if (n < 0)
    return FALSE;

  input->raw_len += n;
  return TRUE;
}

static gsize
raw_available (DistrettoInput *input)
{
  return input->raw_len - input->raw_pos;
}

static gboolean
starts_member (DistrettoInput *input)
{
  return raw_available (input) >= 2 &&
         (guint8) input->raw[input->raw_pos] == 0x1f &&
         (guint8) input->raw[input->raw_pos + 1] == 0x8b;
}

/* Looks at the first bytes: gzip data is decompressed from there on. */
static gboolean
start (DistrettoInput  *input,
       GError         **error)
{
  if (input->started)
    return TRUE;
  input->started = TRUE;

  while (raw_available (input) < 2 && !input->raw_eof)
    if (!fill_raw (input, error))
      return FALSE;

  if (!starts_member (input))
    return TRUE;

  input->gunzip = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  input->limit = DISTRETTO_INPUT_MAX_GZIP_OUTPUT;
  if (input->size_known)
    input->limit = MIN (input->limit,
                        MAX (input->size, DISTRETTO_INPUT_GZIP_FLOOR) * DISTRETTO_INPUT_MAX_GZIP_RATIO);

  return TRUE;
}

/* After a member: the next one, the end, or zeros padding the file. */
static gboolean
next_member (DistrettoInput  *input,
             gboolean        *at_end,
             GError         **error)
{
  while (raw_available (input) < 2 && !input->raw_eof)
    if (!fill_raw (input, error))
      return FALSE;

  *at_end = FALSE;
  if (starts_member (input))
    {
      g_converter_reset (input->gunzip);
      input->member_done = FALSE;
      return TRUE;
    }

  for (;;)
    {
      for (gsize i = input->raw_pos; i < input->raw_len; i++)
        {
          if (input->raw[i] != '\0')
            {
              _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING,
                                       input->name, 0, 0,
                                       _("after the gzip data, at byte %" PRIu64 ", expected another "
                                         "gzip member or the end of the file, found other bytes"),
                                       (guint64) (input->raw_done - (input->raw_len - i)));
              return FALSE;
            }
        }
      input->raw_pos = input->raw_len;

      if (input->raw_eof)
        {
          *at_end = TRUE;
          return TRUE;
        }
      if (!fill_raw (input, error))
        return FALSE;
    }
}

static gssize
read_gzip (DistrettoInput  *input,
           char            *buffer,
           gsize            size,
           GError         **error)
{
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      GConverterFlags flags = G_CONVERTER_NO_FLAGS;
      GConverterResult result;
      gsize bytes_read = 0, written = 0;

      if (input->member_done)
        {
          gboolean at_end;

          if (!next_member (input, &at_end, error))
            return -1;
          if (at_end)
            return 0;
        }

      if (raw_available (input) == 0 && !input->raw_eof && !fill_raw (input, error))
        return -1;
      if (input->raw_eof)
        flags = G_CONVERTER_INPUT_AT_END;

      result = g_converter_convert (input->gunzip, input->raw + input->raw_pos, raw_available (input),
                                    buffer, size, flags, &bytes_read, &written, &local_error);
      if (result == G_CONVERTER_ERROR)
        {
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_ENCODING,
                                     input->name, 0, 0,
                                     /* TRANSLATORS: %s is GLib's description of the problem */
                                     _("the gzip data is damaged (%s)"), local_error->message);
          else if (input->raw_eof)
            _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TRUNCATED,
                                     input->name, 0, 0,
                                     _("the gzip data ends early: the file is cut short"));
          else if (fill_raw (input, error))
            continue;
          return -1;
        }

      input->raw_pos += bytes_read;
      if (result == G_CONVERTER_FINISHED)
        input->member_done = TRUE;

      if (written > 0)
        {
          if (input->produced + written > input->limit)
            {
              g_autofree char *limit = g_format_size_full (input->limit, G_FORMAT_SIZE_IEC_UNITS);
              g_autofree char *most = g_format_size_full (DISTRETTO_INPUT_MAX_GZIP_OUTPUT,
                                                          G_FORMAT_SIZE_IEC_UNITS);

              _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TOO_LARGE,
                                       input->name, 0, 0,
                                       /* TRANSLATORS: a size such as “2.0 GiB”, how many times the
                                        * file's size it may unpack to, and the largest size in all */
                                       _("the gzip data unpacks to more than %s (at most %u times the "
                                         "file's size, and %s in all): refused as too large"),
                                       limit, DISTRETTO_INPUT_MAX_GZIP_RATIO, most);
              return -1;
            }
          return written;
        }
    }
}

static gssize
read_decoded (DistrettoInput  *input,
              char            *buffer,
              gsize            size,
              GError         **error)
{
  gssize n;

  if (!start (input, error))
    return -1;

  if (input->gunzip != NULL)
    n = read_gzip (input, buffer, size, error);
  else if (raw_available (input) > 0)
    {
      n = MIN (size, raw_available (input));
      memcpy (buffer, input->raw + input->raw_pos, n);
      input->raw_pos += n;
    }
  else
    n = read_source (input, buffer, size, error);

  if (n > 0)
    input->produced += n;
  return n;
}

/*
 * _distretto_input_read:
 *
 * Reads up to @size bytes of the file's content, decompressed.
 *
 * Returns: the number of bytes read, 0 at the end, -1 with @error set
 */
gssize
_distretto_input_read (DistrettoInput  *input,
                       char            *buffer,
                       gsize            size,
                       GError         **error)
{
  if (input->peeked != NULL && input->peek_pos < input->peeked->len)
    {
      gsize n = MIN (size, input->peeked->len - input->peek_pos);

      memcpy (buffer, input->peeked->data + input->peek_pos, n);
      input->peek_pos += n;
      return n;
    }

  return read_decoded (input, buffer, size, error);
}

/*
 * _distretto_input_peek:
 *
 * The first @want bytes of the content, or all of it if it is shorter,
 * without consuming them. Only before anything is read.
 */
const char *
_distretto_input_peek (DistrettoInput  *input,
                       gsize            want,
                       gsize           *len,
                       GError         **error)
{
  g_return_val_if_fail (input->peek_pos == 0, NULL);

  if (input->peeked == NULL)
    input->peeked = g_byte_array_new ();

  while (input->peeked->len < want)
    {
      gsize have = input->peeked->len;
      gssize n;

      g_byte_array_set_size (input->peeked, want);
      n = read_decoded (input, (char *) input->peeked->data + have, want - have, error);
      g_byte_array_set_size (input->peeked, have + MAX (n, 0));
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
    }

  *len = MIN (want, input->peeked->len);
  return (const char *) input->peeked->data;
}

/*
 * _distretto_input_read_all:
 *
 * The whole content, for formats read in one piece; more than @max bytes
 * is an error.
 *
 * Returns: (transfer full): the content, or %NULL with @error set
 */
GBytes *
_distretto_input_read_all (DistrettoInput  *input,
                           guint64          max,
                           GError         **error)
{
  g_autoptr(GByteArray) all = NULL;
  g_autofree char *shown_max = g_format_size_full (max, G_FORMAT_SIZE_IEC_UNITS);

  if (!start (input, error))
    return NULL;

  /* A plain file that is too large is refused before it is read. */
  if (input->gunzip == NULL && input->size_known && input->size > max)
    {
      g_autofree char *size = g_format_size_full (input->size, G_FORMAT_SIZE_IEC_UNITS);

      _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TOO_LARGE,
                               input->name, 0, 0,
                               /* TRANSLATORS: the file's size, then the largest size read, such as “2.0 GiB” */
                               _("the file holds %s, more than the %s Distretto reads in one piece: "
                                 "too large"), size, shown_max);
      return NULL;
    }

  all = g_byte_array_sized_new (input->gunzip == NULL && input->size_known ? (guint) input->size + 1 : RAW_CHUNK);

  for (;;)
    {
      gsize have = all->len;
      gsize room = MAX (RAW_CHUNK, have / 2);
      gssize n;

      if (have > max)
        {
          _distretto_set_error_at (error, DISTRETTO_IMPORT_ERROR, DISTRETTO_IMPORT_ERROR_TOO_LARGE,
                                   input->name, 0, 0,
                                   /* TRANSLATORS: %s is a size such as “2.0 GiB” */
                                   _("the content is more than the %s Distretto reads in one piece: "
                                     "too large"), shown_max);
          return NULL;
        }

      room = MIN (room, max + 1 - have);
      g_byte_array_set_size (all, have + room);
      n = _distretto_input_read (input, (char *) all->data + have, room, error);
      g_byte_array_set_size (all, have + MAX (n, 0));
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&all));
}

/* How much of the source is read, for progress bars. */
void
_distretto_input_get_progress (DistrettoInput *input,
                               guint64        *done,
                               guint64        *total)
{
  *done = input->raw_done;
  *total = input->size_known ? MAX (input->size, input->raw_done) : input->raw_done;
}
