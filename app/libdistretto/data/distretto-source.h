/* distretto-source.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined (DISTRETTO_INSIDE) && !defined (DISTRETTO_COMPILATION)
# error "Only <distretto.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define DISTRETTO_TYPE_SOURCE (distretto_source_get_type ())

G_DECLARE_FINAL_TYPE (DistrettoSource, distretto_source, DISTRETTO, SOURCE, GObject)

DistrettoSource *distretto_source_new            (const char      *name,
                                                  const char      *format);
const char      *distretto_source_get_name       (DistrettoSource *self);
const char      *distretto_source_get_format     (DistrettoSource *self);
GDateTime       *distretto_source_get_imported   (DistrettoSource *self);
const char      *distretto_source_get_table_code (DistrettoSource *self);
void             distretto_source_set_table_code (DistrettoSource *self,
                                                  const char      *table_code);
const char      *distretto_source_get_location   (DistrettoSource *self);
void             distretto_source_set_location   (DistrettoSource *self,
                                                  const char      *uri);
GDateTime       *distretto_source_get_downloaded (DistrettoSource *self);
const char      *distretto_source_get_url        (DistrettoSource *self);
void             distretto_source_set_download   (DistrettoSource *self,
                                                  GDateTime       *downloaded,
                                                  const char      *url);
const char      *distretto_source_get_publisher  (DistrettoSource *self);
void             distretto_source_set_publisher  (DistrettoSource *self,
                                                  const char      *publisher);

G_END_DECLS
