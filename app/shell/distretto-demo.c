/* distretto-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "distretto-demo.h"

#define DEMO_PATH RESOURCE_BASE "/demo/"
#define NAMES_FILE "demo-regions.csv"

/* The embedded demo dataset: real NUTS codes and names, values made by
 * data/demo/generate-demo.py and flagged synthetic. Its files are read
 * as any imported file is: Eurostat tables as SDMX-CSV, the series
 * without a Eurostat table as tidy CSV. */
/* Whether @uri names a file of the embedded demo dataset. */
gboolean
distretto_demo_is_location (const char *uri)
{
  return uri != NULL && g_str_has_prefix (uri, "resource://" DEMO_PATH);
}

DistrettoDataset *
distretto_demo_dataset_load (GError **error)
{
  g_autoptr(DistrettoDataset) dataset = distretto_dataset_new ();
  g_autoptr(GBytes) names = NULL;
  g_auto(GStrv) files = NULL;

  files = g_resources_enumerate_children (DEMO_PATH, 0, error);
  if (files == NULL)
    return NULL;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (DEMO_PATH, files[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(DistrettoDataset) table = NULL;

      if (g_str_equal (files[i], NAMES_FILE))
        continue;

      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return NULL;

      table = distretto_dataset_load_bytes (bytes, files[i], NULL, error);
      if (table == NULL)
        return NULL;

      /* Where a figure's record finds the file again. */
      for (guint s = 0; s < distretto_dataset_get_n_sources (table); s++)
        {
          g_autofree char *uri = g_strconcat ("resource://", path, NULL);

          distretto_source_set_location (distretto_dataset_get_source_at (table, s), uri);
          /* Synthetic values under Eurostat's codes: not Eurostat's. */
          distretto_source_set_publisher (distretto_dataset_get_source_at (table, s),
                                          _("Distretto (synthetic demo data)"));
        }

      if (!distretto_dataset_merge (dataset, table, error))
        return NULL;
    }

  names = g_resources_lookup_data (DEMO_PATH NAMES_FILE, 0, error);
  if (names == NULL)
    return NULL;

  if (!distretto_region_names_load_bytes (dataset, names, NAMES_FILE, error))
    return NULL;

  return g_steal_pointer (&dataset);
}
