/* distretto-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "distretto-demo.h"

#define DEMO_PATH RESOURCE_BASE "/demo/"

/* The embedded demo dataset: real NUTS codes and names, values made by
 * data/demo/generate-demo.py and flagged synthetic. */
DistrettoDataset *
distretto_demo_dataset_load (GError **error)
{
  g_autoptr(GBytes) observations = NULL;
  g_autoptr(GBytes) names = NULL;
  g_autoptr(DistrettoDataset) dataset = NULL;

  observations = g_resources_lookup_data (DEMO_PATH "demo-observations.csv", 0, error);
  if (observations == NULL)
    return NULL;

  dataset = distretto_tidy_csv_load_bytes (observations, "demo-observations.csv", error);
  if (dataset == NULL)
    return NULL;

  names = g_resources_lookup_data (DEMO_PATH "demo-regions.csv", 0, error);
  if (names == NULL)
    return NULL;

  if (!distretto_region_names_load_bytes (dataset, names, "demo-regions.csv", error))
    return NULL;

  return g_steal_pointer (&dataset);
}
