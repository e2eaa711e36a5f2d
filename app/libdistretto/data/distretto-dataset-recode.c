/* distretto-dataset-recode.c: bringing a dataset to one NUTS version
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "distretto-dataset-private.h"
#include "distretto-nuts-report-private.h"

/* A region of the target version that gets values from codes of another
 * version: @parts (indices into the original's regions) cover exactly its
 * territory; one part is a recoding, several a merge. */
typedef struct
{
  char *target;
  int version;
  GArray *parts;      /* guint */
} Carry;

static void
carry_clear (gpointer data)
{
  Carry *carry = data;

  g_clear_pointer (&carry->target, g_free);
  g_clear_pointer (&carry->parts, g_array_unref);
}

typedef struct
{
  DistrettoDataset *original;
  DistrettoDataset *out;
  DistrettoNutsReport *report;
  int version;
  GHashTable *by_canonical;   /* canonical code → original region index + 1 */
  GHashTable *entries;        /* original region index + 1 → report entry + 1 */
  GArray *carries;            /* Carry */
} Recoding;

/* The version a code of no target-version is read as: the newest before
 * the target that has it, else the oldest after it. */
static int
nearest_version (const char *code,
                 int         target)
{
  const int *versions;
  guint n;
  int best = 0;

  versions = distretto_nuts_get_versions (&n);
  for (guint i = 0; i < n; i++)
    {
      if (!distretto_nuts_has_code (code, versions[i]))
        continue;
      if (versions[i] <= target)
        best = versions[i];
      else if (best == 0)
        return versions[i];
    }

  return best;
}

static gboolean
country_in_any_version (const char *country_code)
{
  const int *versions;
  guint n;

  versions = distretto_nuts_get_versions (&n);
  for (guint i = 0; i < n; i++)
    if (distretto_nuts_has_country (country_code, versions[i]))
      return TRUE;

  return FALSE;
}

static void
set_names (DistrettoRegion *region,
           const char      *code,
           int              version)
{
  const char *name = distretto_nuts_get_name (code, version);
  const char *national = distretto_nuts_get_national_name (code, version);

  if (name == NULL && national == NULL)
    return;

  distretto_region_set_name (region, name);
  distretto_region_set_national_name (region, national);
  distretto_region_set_nuts_version (region, version);
}

static void
add_entry (Recoding             *recoding,
           guint                 region,
           const char           *code,
           int                   version,
           DistrettoNutsChange   change,
           char                **targets,
           gboolean              abolished)
{
  guint entry = _distretto_nuts_report_add (recoding->report, code, version, change, targets, abolished);

  g_hash_table_insert (recoding->entries, GUINT_TO_POINTER (region + 1), GUINT_TO_POINTER (entry + 1));
}

/* The region of the original data with @canonical's code, GR or EL. */
static gboolean
find_part (Recoding   *recoding,
           const char *canonical,
           guint      *region)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (recoding->by_canonical, canonical));

  if (found == 0)
    return FALSE;

  *region = found - 1;
  return TRUE;
}

/* @target (of the target version) from the regions of @version that
 * cover it exactly, if the data has them all; once per target and version. */
static void
plan_carry (Recoding   *recoding,
            const char *target,
            int         version)
{
  g_auto(GStrv) equivalent = distretto_nuts_dup_equivalent (target, recoding->version, version);
  Carry carry = { NULL, version, NULL };

  if (equivalent == NULL)
    return;

  for (guint i = 0; i < recoding->carries->len; i++)
    {
      const Carry *other = &g_array_index (recoding->carries, Carry, i);

      if (other->version == version && g_str_equal (other->target, target))
        return;
    }

  carry.parts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; equivalent[i] != NULL; i++)
    {
      guint part;

      if (!find_part (recoding, equivalent[i], &part))
        {
          g_array_unref (carry.parts);
          return;
        }
      g_array_append_val (carry.parts, part);
    }

  carry.target = g_strdup (target);
  g_array_append_val (recoding->carries, carry);
}

/* What to do with one region of the original data. */
static void
classify_region (Recoding *recoding,
                 guint     index)
{
  DistrettoRegion *region = distretto_dataset_get_region_at (recoding->out, index);
  const char *code = distretto_region_get_code (region);
  g_autofree char *canonical = distretto_nuts_dup_canonical_code (code);
  g_autofree char *country = NULL;
  g_auto(GStrv) targets = NULL;
  gboolean respelled = !g_str_equal (canonical, code);
  DistrettoNutsChange change;
  int version;

  if (distretto_region_get_level (region) == DISTRETTO_REGION_LEVEL_AGGREGATE)
    return;

  if (!respelled && distretto_nuts_has_code (code, recoding->version))
    {
      set_names (region, code, recoding->version);
      return;
    }

  country = g_strndup (canonical, 2);
  version = respelled ? distretto_nuts_get_first_version (canonical) : nearest_version (canonical, recoding->version);
  if (version == 0)
    {
      /* NUTS 2006 codes (DE41) and typos; other countries' codes (US) go unsaid. */
      if (country_in_any_version (country))
        add_entry (recoding, index, code, 0, DISTRETTO_NUTS_CHANGE_UNKNOWN, NULL, FALSE);
      return;
    }

  set_names (region, canonical, version);
  change = distretto_nuts_recode (code, respelled ? 0 : version, recoding->version, &targets);

  /* The UK in NUTS 2024: nothing replaced its regions, they stay as they were. */
  if (!distretto_nuts_has_country (country, recoding->version))
    {
      add_entry (recoding, index, code, version, change, g_steal_pointer (&targets), FALSE);
      return;
    }

  distretto_region_set_abolished (region, TRUE);
  if ((change == DISTRETTO_NUTS_CHANGE_RECODED || change == DISTRETTO_NUTS_CHANGE_SAME ||
       change == DISTRETTO_NUTS_CHANGE_MERGED) && targets != NULL)
    plan_carry (recoding, targets[0], version);

  add_entry (recoding, index, code, version, change, g_steal_pointer (&targets), TRUE);
}

static int
compare_carries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Carry *x = a, *y = b;
  int target = GPOINTER_TO_INT (user_data);

  /* The nearest version first: it wins a year both could fill. */
  return abs (x->version - target) - abs (y->version - target);
}

static void
count_cells (Recoding *recoding,
             guint     region,
             guint     n_present,
             guint     n_carried)
{
  guint entry = GPOINTER_TO_UINT (g_hash_table_lookup (recoding->entries, GUINT_TO_POINTER (region + 1)));

  if (entry != 0)
    _distretto_nuts_report_count_cells (recoding->report, entry - 1, n_present, n_carried);
}

/* The target's cells from its parts: copied from one part (a missing
 * value with its flags too), summed over several when the series adds up
 * and every part has a value that year; never over a value of its own. */
static void
apply_carry (Recoding    *recoding,
             const Carry *carry,
             guint       *carried)
{
  DistrettoRegion *region;
  guint target = _distretto_dataset_intern_region (recoding->out, carry->target);
  int first = distretto_dataset_get_first_year (recoding->original);
  int last = distretto_dataset_get_last_year (recoding->original);
  guint n_parts = carry->parts->len;

  region = distretto_dataset_get_region_at (recoding->out, target);
  set_names (region, carry->target, recoding->version);

  for (guint s = 0; s < distretto_dataset_get_n_series (recoding->original); s++)
    {
      const char *series_code = distretto_dataset_get_series_code (recoding->original, s);

      if (n_parts > 1 && !distretto_series_is_additive (distretto_dataset_get_series (recoding->original, series_code)))
        continue;

      for (int year = first; year <= last && first != 0; year++)
        {
          double value = 0.0, own, part_value;
          DistrettoFlags flags = DISTRETTO_FLAGS_RECODED, own_flags, part_flags;
          guint source = 0, line = 0, own_source, own_line, part_source, part_line;
          gboolean complete = TRUE;

          if (_distretto_dataset_get_cell (recoding->out, s, target, year, &own, &own_flags, &own_source, &own_line))
            continue;

          for (guint p = 0; p < n_parts && complete; p++)
            {
              guint part = g_array_index (carry->parts, guint, p);

              complete = _distretto_dataset_get_cell (recoding->original, s, part, year, &part_value,
                                                      &part_flags, &part_source, &part_line) &&
                         (n_parts == 1 || !isnan (part_value));
              value += part_value;
              flags |= part_flags;
              if (p == 0)
                {
                  source = part_source;
                  line = part_line;
                }
            }
          if (!complete)
            continue;

          _distretto_dataset_add_cell (recoding->out, s, target, year, value, flags, source, line, NULL);
          for (guint p = 0; p < n_parts; p++)
            carried[g_array_index (carry->parts, guint, p)]++;
        }
    }
}

static guint
count_present (DistrettoDataset *dataset,
               guint             region)
{
  int first = distretto_dataset_get_first_year (dataset);
  int last = distretto_dataset_get_last_year (dataset);
  guint n = 0;

  for (guint s = 0; s < distretto_dataset_get_n_series (dataset); s++)
    for (int year = first; year <= last && first != 0; year++)
      {
        double value;
        DistrettoFlags flags;
        guint source, line;

        n += _distretto_dataset_get_cell (dataset, s, region, year, &value, &flags, &source, &line);
      }

  return n;
}

/**
 * distretto_dataset_recode_nuts:
 * @self: a #DistrettoDataset
 * @nuts_version: the NUTS version to bring the data to, such as the
 *   version of the boundaries it is mapped on
 * @report: (out) (optional) (transfer full): what was done to each code
 *   not in @nuts_version
 *
 * Brings a dataset whose codes may come from several NUTS versions (FR21
 * in 2013, FRF2 from 2016 on) to one version, following Eurostat's
 * correspondences (see distretto_nuts_recode()):
 *
 * - a code that only changed gives its values to the new code, flagged
 *   %DISTRETTO_FLAGS_RECODED (`FR21` → `FRF2`, `GR11` → `EL51`);
 * - regions merged into one give it their sum, flagged recoded, for
 *   series that add up (distretto_series_is_additive()) and years every
 *   part has a value;
 * - a region that was split, or whose borders moved, gives nothing;
 * - a value the new code has of its own is never replaced.
 *
 * Every region keeps its own values; those whose code is not in
 * @nuts_version are marked abolished (distretto_region_is_abolished()),
 * for rankings and maps to leave out, except the regions of a country
 * @nuts_version does not cover (the UK in NUTS 2024), which stay as they
 * are. Regions the tables know get their Latin and national names of
 * their version. @self is not changed: the new dataset remembers it
 * (distretto_dataset_get_original()), and recoding a recoded dataset
 * starts again from its original.
 *
 * Returns: (transfer full): the recoded dataset
 */
DistrettoDataset *
distretto_dataset_recode_nuts (DistrettoDataset     *self,
                               int                   nuts_version,
                               DistrettoNutsReport **report)
{
  g_autoptr(DistrettoNutsReport) new_report = NULL;
  g_autoptr(DistrettoDataset) out = NULL;
  g_autofree guint *carried = NULL;
  Recoding recoding = { 0 };
  guint n_regions;

  if (report != NULL)
    *report = NULL;

  g_return_val_if_fail (DISTRETTO_IS_DATASET (self), NULL);
  g_return_val_if_fail (distretto_nuts_is_version (nuts_version), NULL);

  if (distretto_dataset_get_original (self) != NULL)
    self = distretto_dataset_get_original (self);

  out = distretto_dataset_new ();
  /* Merging into an empty dataset cannot conflict. */
  distretto_dataset_merge (out, self, NULL);
  _distretto_dataset_set_original (out, self, nuts_version);
  new_report = _distretto_nuts_report_new (nuts_version);

  recoding.original = self;
  recoding.out = out;
  recoding.report = new_report;
  recoding.version = nuts_version;
  recoding.by_canonical = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  recoding.entries = g_hash_table_new (NULL, NULL);
  recoding.carries = g_array_new (FALSE, TRUE, sizeof (Carry));
  g_array_set_clear_func (recoding.carries, carry_clear);

  n_regions = distretto_dataset_get_n_regions (self);
  for (guint r = 0; r < n_regions; r++)
    {
      const char *code = distretto_region_get_code (distretto_dataset_get_region_at (self, r));

      g_hash_table_insert (recoding.by_canonical, distretto_nuts_dup_canonical_code (code), GUINT_TO_POINTER (r + 1));
    }

  for (guint r = 0; r < n_regions; r++)
    classify_region (&recoding, r);

  g_array_sort_with_data (recoding.carries, compare_carries, GINT_TO_POINTER (nuts_version));
  carried = g_new0 (guint, MAX (n_regions, 1));
  for (guint i = 0; i < recoding.carries->len; i++)
    apply_carry (&recoding, &g_array_index (recoding.carries, Carry, i), carried);

  for (guint r = 0; r < n_regions; r++)
    if (g_hash_table_contains (recoding.entries, GUINT_TO_POINTER (r + 1)))
      count_cells (&recoding, r, count_present (self, r), carried[r]);

  g_hash_table_unref (recoding.by_canonical);
  g_hash_table_unref (recoding.entries);
  g_array_unref (recoding.carries);

  if (report != NULL)
    *report = g_steal_pointer (&new_report);

  return g_steal_pointer (&out);
}
