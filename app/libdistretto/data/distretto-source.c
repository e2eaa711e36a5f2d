/* distretto-source.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "distretto-source.h"

/**
 * DistrettoSource:
 *
 * Where observations came from: the file (as the user named it), its
 * format, when it was imported and, where known, the code of the source
 * table (such as Eurostat's `lfst_r_lfe2en2`).
 */
struct _DistrettoSource
{
  GObject parent_instance;

  char *name;
  char *format;
  char *table_code;
  GDateTime *imported;
  char *location;
  GDateTime *downloaded;
  char *url;
  char *publisher;
};

G_DEFINE_FINAL_TYPE (DistrettoSource, distretto_source, G_TYPE_OBJECT)

static void
distretto_source_finalize (GObject *object)
{
  DistrettoSource *self = (DistrettoSource *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->table_code, g_free);
  g_clear_pointer (&self->imported, g_date_time_unref);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->downloaded, g_date_time_unref);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->publisher, g_free);

  G_OBJECT_CLASS (distretto_source_parent_class)->finalize (object);
}

static void
distretto_source_class_init (DistrettoSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_source_finalize;
}

static void
distretto_source_init (DistrettoSource *self)
{
  self->imported = g_date_time_new_now_utc ();
}

/**
 * distretto_source_new:
 * @name: the file's name as shown to people
 * @format: the format's name, such as "Eurostat TSV"
 *
 * Creates a source imported now.
 *
 * Returns: (transfer full): a new #DistrettoSource
 */
DistrettoSource *
distretto_source_new (const char *name,
                      const char *format)
{
  DistrettoSource *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  self = g_object_new (DISTRETTO_TYPE_SOURCE, NULL);
  self->name = g_strdup (name);
  self->format = g_strdup (format);

  return self;
}

/**
 * distretto_source_get_name:
 * @self: a #DistrettoSource
 *
 * Returns: the file's name
 */
const char *
distretto_source_get_name (DistrettoSource *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SOURCE (self), NULL);

  return self->name;
}

/**
 * distretto_source_get_format:
 * @self: a #DistrettoSource
 *
 * Returns: the format's name
 */
const char *
distretto_source_get_format (DistrettoSource *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SOURCE (self), NULL);

  return self->format;
}

/**
 * distretto_source_get_imported:
 * @self: a #DistrettoSource
 *
 * Returns: (transfer none): when the file was imported, in UTC
 */
GDateTime *
distretto_source_get_imported (DistrettoSource *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SOURCE (self), NULL);

  return self->imported;
}

/**
 * distretto_source_get_table_code:
 * @self: a #DistrettoSource
 *
 * Returns: (nullable): the source table's code, if known
 */
const char *
distretto_source_get_table_code (DistrettoSource *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SOURCE (self), NULL);

  return self->table_code;
}

/**
 * distretto_source_set_table_code:
 * @self: a #DistrettoSource
 * @table_code: (nullable): a table code such as `nama_10r_2gdp`
 *
 * Records which published table the file holds.
 */
void
distretto_source_set_table_code (DistrettoSource *self,
                                 const char      *table_code)
{
  g_return_if_fail (DISTRETTO_IS_SOURCE (self));

  g_free (self->table_code);
  self->table_code = g_strdup (table_code);
}

/**
 * distretto_source_get_location:
 * @self: a #DistrettoSource
 *
 * Returns: (nullable): the URI the data were read from (`file:///…`, or
 *   `resource:///…` for the embedded demo), or %NULL if not known
 */
const char *
distretto_source_get_location (DistrettoSource *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SOURCE (self), NULL);

  return self->location;
}

/**
 * distretto_source_set_location:
 * @self: a #DistrettoSource
 * @uri: (nullable): where the data were read from, as a URI that
 *   g_file_new_for_uri() opens
 *
 * Records where the data come from, so that a figure's record names the
 * file and its checksum (see `distretto export --bundle`).
 */
void
distretto_source_set_location (DistrettoSource *self,
                               const char      *uri)
{
  g_return_if_fail (DISTRETTO_IS_SOURCE (self));

  g_free (self->location);
  self->location = g_strdup (uri);
}

/**
 * distretto_source_get_downloaded:
 * @self: a #DistrettoSource
 *
 * Returns: (transfer none) (nullable): when the file was downloaded from
 *   Eurostat, as its cache recorded, or %NULL if not known
 */
GDateTime *
distretto_source_get_downloaded (DistrettoSource *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SOURCE (self), NULL);

  return self->downloaded;
}

/**
 * distretto_source_get_url:
 * @self: a #DistrettoSource
 *
 * Returns: (nullable): the address the file was downloaded from, or %NULL
 */
const char *
distretto_source_get_url (DistrettoSource *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SOURCE (self), NULL);

  return self->url;
}

/**
 * distretto_source_set_download:
 * @self: a #DistrettoSource
 * @downloaded: (nullable): when the file was downloaded
 * @url: (nullable): the address it was downloaded from
 *
 * Records the download of the file, as the Eurostat cache's `.info` file
 * beside it says; distretto_dataset_load_file() reads that file itself.
 */
void
distretto_source_set_download (DistrettoSource *self,
                               GDateTime       *downloaded,
                               const char      *url)
{
  g_return_if_fail (DISTRETTO_IS_SOURCE (self));

  g_clear_pointer (&self->downloaded, g_date_time_unref);
  if (downloaded != NULL)
    self->downloaded = g_date_time_ref (downloaded);
  g_free (self->url);
  self->url = g_strdup (url);
}

/**
 * distretto_source_get_publisher:
 * @self: a #DistrettoSource
 *
 * Who published the data: the one distretto_source_set_publisher()
 * named, else Eurostat for a file that names a table of its database
 * (SDMX-CSV, Eurostat TSV and JSON-stat files do, by their dataflow, their
 * file name or their label), %NULL for a file of one's own.
 *
 * Returns: (nullable): the publisher's name
 */
const char *
distretto_source_get_publisher (DistrettoSource *self)
{
  g_return_val_if_fail (DISTRETTO_IS_SOURCE (self), NULL);

  if (self->publisher != NULL)
    return self->publisher;
  return self->table_code != NULL ? "Eurostat" : NULL;
}

/**
 * distretto_source_set_publisher:
 * @self: a #DistrettoSource
 * @publisher: (nullable): who published the data, or %NULL to tell it
 *   from the table code
 *
 * Names the publisher, such as the generator of synthetic data written
 * under Eurostat's table codes.
 */
void
distretto_source_set_publisher (DistrettoSource *self,
                                const char      *publisher)
{
  g_return_if_fail (DISTRETTO_IS_SOURCE (self));

  g_free (self->publisher);
  self->publisher = g_strdup (publisher);
}
