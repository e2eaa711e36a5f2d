/* distretto-bundle.h: a figure with its data table and the record of how it was made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <distretto.h>
#include <json-glib/json-glib.h>

#include "distretto-module.h"

G_BEGIN_DECLS

/* The version of the sidecar's layout; `reproduce` reads this one. */
#define DISTRETTO_SIDECAR_VERSION 1

/* What made a figure: enough to draw it again. */
typedef struct
{
  const char *module_id;
  const char *module_version;           /* the plugin's Version=, or NULL */
  DistrettoIndicatorDefinition *definition;
  const char *view_id;
  DistrettoViewRequest *request;
  const char *boundaries_path;          /* as given, or NULL */
  const DistrettoExportOptions *options; /* NULL for a CSV table */
} DistrettoBundle;

char      *distretto_bundle_dup_sidecar_path (GFile                 *figure);
char      *distretto_bundle_dup_table_path   (GFile                 *figure);
char      *distretto_bundle_dup_sha256       (GFile                 *file,
                                              GError               **error);
gboolean   distretto_bundle_write            (const DistrettoBundle *bundle,
                                              DistrettoChart        *chart,
                                              GFile                 *figure,
                                              GError               **error);
gboolean   distretto_bundle_write_report     (DistrettoRegionReport *report,
                                              GPtrArray             *modules,
                                              DistrettoDataset      *dataset,
                                              GFile                 *figure,
                                              GError               **error);
JsonNode  *distretto_bundle_method_to_json   (DistrettoIndicatorDefinition *definition,
                                              const DistrettoMethod *method);
DistrettoMethod *distretto_bundle_method_from_json (JsonObject      *object,
                                                    GError         **error);
char      *distretto_bundle_hash_record      (JsonObject            *record);

G_END_DECLS
