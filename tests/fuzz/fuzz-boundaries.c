/* fuzz-boundaries.c: libFuzzer target for the GeoJSON boundaries reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <distretto.h>
#include <math.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(DistrettoBoundaries) boundaries = NULL;
  double x_min, y_min, x_max, y_max;
  guint n_regions, n_at_levels = 0;

  boundaries = distretto_boundaries_load_bytes (bytes, "fuzz.geojson", &error);

  /* Exactly one of boundaries and an error. */
  g_assert ((boundaries == NULL) != (error == NULL));
  if (boundaries == NULL)
    {
      g_assert (error->domain == DISTRETTO_IMPORT_ERROR || error->domain == G_IO_ERROR);
      g_assert (g_str_has_prefix (error->message, "fuzz.geojson"));
      return 0;
    }

  g_assert (distretto_boundaries_get_source_epsg (boundaries) == 3035 ||
            distretto_boundaries_get_source_epsg (boundaries) == 4326);

  n_regions = distretto_boundaries_get_n_regions (boundaries);
  g_assert (n_regions > 0);
  distretto_boundaries_get_extent (boundaries, &x_min, &y_min, &x_max, &y_max);
  g_assert (x_min <= x_max && y_min <= y_max);

  for (int level = -1; level <= 3; level++)
    n_at_levels += distretto_boundaries_count_level (boundaries, level);
  g_assert (n_at_levels == n_regions);

  /* Walk every ring of every region. */
  for (guint i = 0; i < n_regions; i++)
    {
      const char *code = distretto_boundaries_get_code_at (boundaries, i);
      guint n_polygons = distretto_boundaries_get_n_polygons (boundaries, code);
      guint n = 1;

      g_assert (distretto_boundaries_has_region (boundaries, code));
      g_assert (n_polygons > 0);
      g_assert (distretto_boundaries_get_n_rings (boundaries, code, n_polygons) == 0);
      g_assert (distretto_boundaries_get_ring (boundaries, code, n_polygons, 0, &n) == NULL && n == 0);
      (void) distretto_boundaries_get_name (boundaries, code);

      for (guint p = 0; p < n_polygons; p++)
        {
          guint n_rings = distretto_boundaries_get_n_rings (boundaries, code, p);

          g_assert (n_rings > 0);
          g_assert (distretto_boundaries_get_ring (boundaries, code, p, n_rings, &n) == NULL);
          for (guint r = 0; r < n_rings; r++)
            {
              const double *ring = distretto_boundaries_get_ring (boundaries, code, p, r, &n);

              g_assert (ring != NULL && n >= 4);
              g_assert (ring[0] == ring[2 * n - 2] && ring[1] == ring[2 * n - 1]);
              for (guint k = 0; k < n; k++)
                g_assert (isfinite (ring[2 * k]) && isfinite (ring[2 * k + 1]) &&
                          ring[2 * k] >= x_min && ring[2 * k] <= x_max &&
                          ring[2 * k + 1] >= y_min && ring[2 * k + 1] <= y_max);
            }
        }
    }

  return 0;
}
