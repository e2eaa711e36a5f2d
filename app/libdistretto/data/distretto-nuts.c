/* distretto-nuts.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "distretto-nuts.h"

/**
 * SECTION:distretto-nuts
 * @title: NUTS versions
 * @short_description: codes, names and correspondences of NUTS 2010 to 2024
 *
 * Distretto ships the codes of the NUTS versions 2010, 2013, 2016, 2021
 * and 2024 (levels 0 to 3, Extra-Regio included, with the EFTA and
 * candidate countries' statistical regions where Eurostat lists them),
 * their names in Latin script and in the national language, and Eurostat's
 * correspondences between consecutive versions. The tables are derived from
 * Eurostat's workbooks by `data/nuts/derive-nuts.py` and compiled into the
 * library; they are read once, on first use, and are safe to use from any
 * thread.
 *
 * Greece's codes began with `GR` until NUTS 2006; they are read as the `EL`
 * codes they became (see distretto_nuts_dup_canonical_code()).
 */

#define RESOURCE_PATH "/io/github/distretto/Distretto/nuts/"
#define N_VERSIONS 5
#define N_STEPS (N_VERSIONS - 1)

static const int versions[N_VERSIONS] = { 2010, 2013, 2016, 2021, 2024 };

typedef struct
{
  const char *code;
  guint versions;                     /* bit i: the code is in versions[i] */
  const char *latin[N_VERSIONS];
  const char *national[N_VERSIONS];   /* NULL: the same as the Latin name */
} Code;

typedef enum
{
  GROUP_RECODED,
  GROUP_SPLIT,
  GROUP_MERGED,
  GROUP_BOUNDARY,
  GROUP_DISCONTINUED,
  GROUP_NEW,
} GroupKind;

/* One change between versions[step] and versions[step + 1]. */
typedef struct
{
  GroupKind kind;
  const char **old_codes;             /* NULL-terminated, maybe empty */
  const char **new_codes;
} Group;

typedef struct
{
  GStringChunk *strings;
  GHashTable *codes;                  /* code → Code */
  GHashTable *old_side[N_STEPS];      /* old code → Group */
  GHashTable *new_side[N_STEPS];      /* new code → Group */
  GPtrArray *groups;                  /* Group, owned */
} Table;

static int
version_index (int version)
{
  for (int i = 0; i < N_VERSIONS; i++)
    if (versions[i] == version)
      return i;

  return -1;
}

/* The lines of an embedded table, header and comments left out. */
static char **
read_lines (const char *name)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const char *data;

  bytes = g_resources_lookup_data (name, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("The NUTS table %s is missing: %s", name, error->message);
      return g_new0 (char *, 1);
    }

  data = g_bytes_get_data (bytes, &len);
  text = g_strndup (data, len);
  return g_strsplit (text, "\n", -1);
}

static gboolean
is_data_line (const char *line,
              const char *header)
{
  return line[0] != '\0' && line[0] != '#' && !g_str_has_prefix (line, header);
}

static const char *
intern (Table      *table,
        const char *text)
{
  return text[0] != '\0' ? g_string_chunk_insert_const (table->strings, text) : NULL;
}

/* "FR21 FR22" as a NULL-terminated array of interned codes. */
static const char **
intern_codes (Table      *table,
              const char *field)
{
  g_auto(GStrv) parts = g_strsplit (field, " ", -1);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (codes, (gpointer) intern (table, parts[i]));
  g_ptr_array_add (codes, NULL);

  return (const char **) g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

static void
load_regions (Table *table)
{
  g_auto(GStrv) lines = read_lines (RESOURCE_PATH "nuts-regions.tsv");

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) years = NULL;
      Code *code;

      if (!is_data_line (lines[n], "code\t"))
        continue;

      fields = g_strsplit (lines[n], "\t", -1);
      if (g_strv_length (fields) != 4)
        {
          g_critical ("nuts-regions.tsv:%u: expected 4 fields", n + 1);
          continue;
        }

      code = g_hash_table_lookup (table->codes, fields[0]);
      if (code == NULL)
        {
          code = g_new0 (Code, 1);
          code->code = intern (table, fields[0]);
          g_hash_table_insert (table->codes, (gpointer) code->code, code);
        }

      years = g_strsplit (fields[1], ",", -1);
      for (guint i = 0; years[i] != NULL; i++)
        {
          int v = version_index ((int) g_ascii_strtoll (years[i], NULL, 10));

          if (v < 0)
            continue;
          code->versions |= 1u << v;
          code->latin[v] = intern (table, fields[2]);
          code->national[v] = intern (table, fields[3]);
        }
    }
}

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->old_codes);
  g_free (group->new_codes);
  g_free (group);
}

static gboolean
parse_kind (const char *word,
            GroupKind  *kind)
{
  static const char *words[] = { "recoded", "split", "merged", "boundary", "discontinued", "new" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (word, words[i]))
      {
        *kind = (GroupKind) i;
        return TRUE;
      }

  return FALSE;
}

static void
load_changes (Table *table)
{
  g_auto(GStrv) lines = read_lines (RESOURCE_PATH "nuts-changes.tsv");

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto(GStrv) fields = NULL;
      Group *group;
      int step;

      if (!is_data_line (lines[n], "from\t"))
        continue;

      fields = g_strsplit (lines[n], "\t", -1);
      step = g_strv_length (fields) == 6 ? version_index ((int) g_ascii_strtoll (fields[0], NULL, 10)) : -1;
      if (step < 0 || step >= N_STEPS)
        {
          g_critical ("nuts-changes.tsv:%u: expected 6 fields from a known version", n + 1);
          continue;
        }

      group = g_new0 (Group, 1);
      if (!parse_kind (fields[3], &group->kind))
        {
          g_critical ("nuts-changes.tsv:%u: unknown kind “%s”", n + 1, fields[3]);
          g_free (group);
          continue;
        }
      group->old_codes = intern_codes (table, fields[4]);
      group->new_codes = intern_codes (table, fields[5]);
      g_ptr_array_add (table->groups, group);

      for (guint i = 0; group->old_codes[i] != NULL; i++)
        g_hash_table_insert (table->old_side[step], (gpointer) group->old_codes[i], group);
      for (guint i = 0; group->new_codes[i] != NULL; i++)
        g_hash_table_insert (table->new_side[step], (gpointer) group->new_codes[i], group);
    }
}

/* The tables, read once; never freed, so what they hand out stays valid. */
static const Table *
get_table (void)
{
  static Table *table;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      Table *t = g_new0 (Table, 1);

      t->strings = g_string_chunk_new (64 * 1024);
      t->codes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      t->groups = g_ptr_array_new_with_free_func (group_free);
      for (int i = 0; i < N_STEPS; i++)
        {
          t->old_side[i] = g_hash_table_new (g_str_hash, g_str_equal);
          t->new_side[i] = g_hash_table_new (g_str_hash, g_str_equal);
        }
      load_regions (t);
      load_changes (t);
      table = t;

      g_once_init_leave (&initialised, 1);
    }

  return table;
}

static const Code *
lookup (const char *code)
{
  return code != NULL ? g_hash_table_lookup (get_table ()->codes, code) : NULL;
}

static gboolean
code_in (const Code *code,
         int         index)
{
  return code != NULL && index >= 0 && (code->versions & (1u << index)) != 0;
}

/**
 * distretto_nuts_get_versions:
 * @n_versions: (out): the number of versions
 *
 * Returns: (array length=n_versions) (transfer none): the NUTS versions
 *   Distretto knows, oldest first: 2010, 2013, 2016, 2021 and 2024
 */
const int *
distretto_nuts_get_versions (guint *n_versions)
{
  g_return_val_if_fail (n_versions != NULL, NULL);

  *n_versions = N_VERSIONS;
  return versions;
}

/**
 * distretto_nuts_is_version:
 * @version: a year
 *
 * Returns: %TRUE if @version is a NUTS version Distretto knows
 */
gboolean
distretto_nuts_is_version (int version)
{
  return version_index (version) >= 0;
}

/**
 * distretto_nuts_dup_canonical_code:
 * @code: a NUTS code
 *
 * The code as NUTS 2010 and later spell it: Greece's `GR` codes of NUTS
 * 2006 and before become `EL` codes (`GR11` → `EL11`); any other code is
 * returned as it is.
 *
 * Returns: (transfer full): the code
 */
char *
distretto_nuts_dup_canonical_code (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  if (g_str_has_prefix (code, "GR") && strlen (code) <= 5)
    return g_strconcat ("EL", code + 2, NULL);

  return g_strdup (code);
}

/**
 * distretto_nuts_has_code:
 * @code: a NUTS code
 * @version: a NUTS version
 *
 * Returns: %TRUE if @code is a region of NUTS @version (`GR` codes are in
 *   none: NUTS 2010 and later write `EL`)
 */
gboolean
distretto_nuts_has_code (const char *code,
                         int         version)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return code_in (lookup (code), version_index (version));
}

/**
 * distretto_nuts_has_country:
 * @country_code: a two-letter country code
 * @version: a NUTS version
 *
 * Whether NUTS @version covers a country: the EU members of its time, and
 * the EFTA and candidate countries' statistical regions from NUTS 2016 on.
 * The UK is in NUTS 2010 to 2021, not in NUTS 2024.
 *
 * Returns: %TRUE if @version has regions of @country_code
 */
gboolean
distretto_nuts_has_country (const char *country_code,
                            int         version)
{
  g_return_val_if_fail (country_code != NULL, FALSE);

  return distretto_nuts_has_code (country_code, version);
}

static void
add_unique (GPtrArray  *codes,
            const char *code)
{
  if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
    g_ptr_array_add (codes, (gpointer) code);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char **
dup_sorted (GPtrArray *codes)
{
  char **result = g_new0 (char *, codes->len + 1);

  g_ptr_array_sort (codes, compare_codes);
  for (guint i = 0; i < codes->len; i++)
    result[i] = g_strdup (g_ptr_array_index (codes, i));

  return result;
}

/**
 * distretto_nuts_dup_codes:
 * @version: a NUTS version
 * @level: a NUTS level from 0 to 3, or -1 for every level
 *
 * Returns: (transfer full) (array zero-terminated=1): the codes of the
 *   regions of @version at @level, Extra-Regio included, sorted
 */
char **
distretto_nuts_dup_codes (int version,
                          int level)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  int index = version_index (version);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (level >= -1 && level <= 3, NULL);

  g_hash_table_iter_init (&iter, get_table ()->codes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Code *code = value;

      if (code_in (code, index) && (level < 0 || (int) strlen (code->code) == level + 2))
        g_ptr_array_add (codes, (gpointer) code->code);
    }

  return dup_sorted (codes);
}

/**
 * distretto_nuts_get_first_version:
 * @code: a NUTS code
 *
 * Returns: the oldest version @code is a region of, or 0 if it is in none
 */
int
distretto_nuts_get_first_version (const char *code)
{
  const Code *found;

  g_return_val_if_fail (code != NULL, 0);

  found = lookup (code);
  for (int i = 0; i < N_VERSIONS; i++)
    if (code_in (found, i))
      return versions[i];

  return 0;
}

/**
 * distretto_nuts_get_latest_version:
 * @code: a NUTS code
 *
 * Returns: the newest version @code is a region of, or 0 if it is in none
 */
int
distretto_nuts_get_latest_version (const char *code)
{
  const Code *found;

  g_return_val_if_fail (code != NULL, 0);

  found = lookup (code);
  for (int i = N_VERSIONS - 1; i >= 0; i--)
    if (code_in (found, i))
      return versions[i];

  return 0;
}

/* The version index whose names to give: @version's, or with 0 the
 * newest one that has the code. */
static int
name_index (const Code *code,
            int         version)
{
  int index;

  if (code == NULL)
    return -1;

  if (version != 0)
    return code_in (code, index = version_index (version)) ? index : -1;

  for (index = N_VERSIONS - 1; index >= 0; index--)
    if (code_in (code, index))
      return index;

  return -1;
}

static const Code *
lookup_canonical (const char *code)
{
  g_autofree char *canonical = distretto_nuts_dup_canonical_code (code);

  return lookup (canonical);
}

/**
 * distretto_nuts_get_name:
 * @code: a NUTS code (`GR` codes are read as `EL` codes)
 * @version: a NUTS version, or 0 for the newest version that has @code
 *
 * Returns: (nullable) (transfer none): the name of @code in Latin script
 *   in @version, or %NULL if @version has no such region
 */
const char *
distretto_nuts_get_name (const char *code,
                         int         version)
{
  const Code *found;
  int index;

  g_return_val_if_fail (code != NULL, NULL);

  found = lookup_canonical (code);
  index = name_index (found, version);

  return index >= 0 ? found->latin[index] : NULL;
}

/**
 * distretto_nuts_get_national_name:
 * @code: a NUTS code (`GR` codes are read as `EL` codes)
 * @version: a NUTS version, or 0 for the newest version that has @code
 *
 * Returns: (nullable) (transfer none): the name of @code in its national
 *   language or languages (the Latin name in Latin-script countries), or
 *   %NULL if @version has no such region
 */
const char *
distretto_nuts_get_national_name (const char *code,
                                  int         version)
{
  const Code *found;
  int index;

  g_return_val_if_fail (code != NULL, NULL);

  found = lookup_canonical (code);
  index = name_index (found, version);
  if (index < 0)
    return NULL;

  return found->national[index] != NULL ? found->national[index] : found->latin[index];
}

static const struct
{
  const char *country;
  const char *languages[5];
} official_languages[] = {
  { "AL", { "sq" } },
  { "AT", { "de" } },
  { "BA", { "bs", "hr", "sr" } },
  { "BE", { "nl", "fr", "de" } },
  { "BG", { "bg" } },
  { "CH", { "de", "fr", "it", "rm" } },
  { "CY", { "el", "tr" } },
  { "CZ", { "cs" } },
  { "DE", { "de" } },
  { "DK", { "da" } },
  { "EE", { "et" } },
  { "EL", { "el" } },
  { "ES", { "es", "ca", "eu", "gl" } },
  { "FI", { "fi", "sv" } },
  { "FR", { "fr" } },
  { "HR", { "hr" } },
  { "HU", { "hu" } },
  { "IE", { "ga", "en" } },
  { "IS", { "is" } },
  { "IT", { "it", "de", "fr" } },
  { "LI", { "de" } },
  { "LT", { "lt" } },
  { "LU", { "lb", "fr", "de" } },
  { "LV", { "lv" } },
  { "ME", { "sr", "cnr" } },
  { "MK", { "mk" } },
  { "MT", { "mt", "en" } },
  { "NL", { "nl" } },
  { "NO", { "nb", "nn", "no", "se" } },
  { "PL", { "pl" } },
  { "PT", { "pt" } },
  { "RO", { "ro" } },
  { "RS", { "sr" } },
  { "SE", { "sv" } },
  { "SI", { "sl" } },
  { "SK", { "sk" } },
  { "TR", { "tr" } },
  { "UA", { "uk" } },
  { "UK", { "en", "cy", "gd" } },
  { "XK", { "sq", "sr" } },
};

/**
 * distretto_nuts_get_languages:
 * @country_code: a two-letter country code as NUTS writes it (`EL`, `UK`)
 *
 * The languages of the country's regional names, as ISO 639 codes (`fr`),
 * national and regional ones (Spain: `es`, `ca`, `eu`, `gl`).
 *
 * Returns: (array zero-terminated=1) (transfer none): the languages, empty
 *   for a country Distretto does not know
 */
const char * const *
distretto_nuts_get_languages (const char *country_code)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (country_code != NULL, none);

  for (guint i = 0; i < G_N_ELEMENTS (official_languages); i++)
    if (g_str_equal (official_languages[i].country, country_code))
      return official_languages[i].languages;

  return none;
}

/**
 * distretto_nuts_guess_version:
 * @codes: (array zero-terminated=1): region codes, such as those of a
 *   boundary file
 *
 * The version that knows most of @codes; on a tie the newer one (NUTS 2021
 * and 2024 share most codes: the UK's tell 2021, NL35 or PT19 tell 2024).
 *
 * Returns: the version that best fits @codes, or 0 if none knows any
 */
int
distretto_nuts_guess_version (const char * const *codes)
{
  guint counts[N_VERSIONS] = { 0 };
  int best = -1;

  g_return_val_if_fail (codes != NULL, 0);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const Code *found = lookup (codes[i]);

      for (int v = 0; v < N_VERSIONS; v++)
        if (code_in (found, v))
          counts[v]++;
    }

  for (int v = 0; v < N_VERSIONS; v++)
    if (counts[v] > 0 && (best < 0 || counts[v] >= counts[best]))
      best = v;

  return best >= 0 ? versions[best] : 0;
}

/* A walk from one version to the next or the previous one. */
typedef struct
{
  const Table *table;
  int from;
  int to;
} Step;

static const Group *
step_group (const Step *step,
            const char *code)
{
  return step->to > step->from ? g_hash_table_lookup (step->table->old_side[step->from], code)
                               : g_hash_table_lookup (step->table->new_side[step->to], code);
}

static const char **
step_departing (const Step  *step,
                const Group *group)
{
  return step->to > step->from ? group->old_codes : group->new_codes;
}

static const char **
step_arriving (const Step  *step,
               const Group *group)
{
  return step->to > step->from ? group->new_codes : group->old_codes;
}

/* The version index @code is said to be from: @from_version, or with 0
 * the newest version up to @to that has it, else the oldest after it. */
static int
source_index (const Code *code,
              int         from_version,
              int         to)
{
  if (from_version != 0)
    return version_index (from_version);

  for (int v = to; v >= 0; v--)
    if (code_in (code, v))
      return v;
  for (int v = to + 1; v < N_VERSIONS; v++)
    if (code_in (code, v))
      return v;

  return -1;
}

/**
 * distretto_nuts_recode:
 * @code: a NUTS code (`GR` codes are read as `EL` codes of NUTS 2010)
 * @from_version: the version @code is from, or 0 for the newest version up
 *   to @to_version that has it (else the oldest after it)
 * @to_version: the version to bring @code to, older or newer
 * @targets: (out) (optional) (transfer full) (array zero-terminated=1):
 *   the codes of @to_version that cover @code's territory, sorted; none
 *   for a discontinued or unknown code
 *
 * Follows Eurostat's correspondences from one version to another, step
 * by step. A code that only changed is %DISTRETTO_NUTS_CHANGE_RECODED;
 * one that was divided is %DISTRETTO_NUTS_CHANGE_SPLIT (its targets are the
 * parts); one joined with others is %DISTRETTO_NUTS_CHANGE_MERGED (the
 * target is the whole: see distretto_nuts_dup_equivalent() for the other
 * parts); both, or a moved border, is %DISTRETTO_NUTS_CHANGE_BOUNDARY.
 * A `GR` code is at least recoded.
 *
 * Returns: what became of @code
 */
DistrettoNutsChange
distretto_nuts_recode (const char   *code,
                       int           from_version,
                       int           to_version,
                       char       ***targets)
{
  const Table *table = get_table ();
  g_autofree char *canonical = NULL;
  g_autoptr(GPtrArray) current = NULL;
  gboolean recoded, split = FALSE, merged = FALSE, boundary = FALSE, gone = FALSE, always_there = TRUE;
  const Code *found;
  int from, to;

  if (targets != NULL)
    *targets = NULL;

  g_return_val_if_fail (code != NULL, DISTRETTO_NUTS_CHANGE_UNKNOWN);

  canonical = distretto_nuts_dup_canonical_code (code);
  recoded = !g_str_equal (canonical, code);
  found = lookup (canonical);
  to = version_index (to_version);
  from = found != NULL && to >= 0 ? source_index (found, recoded ? versions[0] : from_version, to) : -1;
  if (!code_in (found, from))
    return DISTRETTO_NUTS_CHANGE_UNKNOWN;

  current = g_ptr_array_new ();
  g_ptr_array_add (current, (gpointer) found->code);

  for (int v = from; v != to; v += to > from ? 1 : -1)
    {
      Step step = { table, v, to > from ? v + 1 : v - 1 };
      g_autoptr(GPtrArray) next = g_ptr_array_new ();

      always_there &= code_in (found, step.to);

      for (guint i = 0; i < current->len; i++)
        {
          const char *c = g_ptr_array_index (current, i);
          const Group *group = step_group (&step, c);
          const char **departing, **arriving;
          guint n_departing, n_arriving;

          if (group == NULL)
            {
              /* Kept, or its country left NUTS (the UK in 2024). */
              if (code_in (lookup (c), step.to))
                add_unique (next, c);
              else
                gone = TRUE;
              continue;
            }

          departing = step_departing (&step, group);
          arriving = step_arriving (&step, group);
          n_departing = g_strv_length ((char **) departing);
          n_arriving = g_strv_length ((char **) arriving);

          if (n_arriving == 0)
            gone = TRUE;
          else if (group->kind == GROUP_BOUNDARY)
            boundary = TRUE;
          else if (n_departing == 1 && n_arriving == 1)
            recoded = TRUE;
          else if (n_departing == 1)
            split = TRUE;
          else
            merged = TRUE;

          for (guint j = 0; j < n_arriving; j++)
            add_unique (next, arriving[j]);
        }

      g_clear_pointer (&current, g_ptr_array_unref);
      current = g_steal_pointer (&next);
    }

  if (current->len == 0)
    return DISTRETTO_NUTS_CHANGE_DISCONTINUED;

  if (targets != NULL)
    *targets = dup_sorted (current);

  /* NO072 (2016) was merged in 2021 and is again the same in 2024. */
  if (!always_there && code_in (found, to) && !recoded &&
      g_ptr_array_find_with_equal_func (current, found->code, g_str_equal, NULL))
    {
      if (targets != NULL)
        {
          g_strfreev (*targets);
          *targets = g_strdupv ((char *[]) { (char *) found->code, NULL });
        }
      return DISTRETTO_NUTS_CHANGE_SAME;
    }

  if (gone || boundary || (split && merged))
    return DISTRETTO_NUTS_CHANGE_BOUNDARY;
  if (split)
    return DISTRETTO_NUTS_CHANGE_SPLIT;
  if (merged)
    return DISTRETTO_NUTS_CHANGE_MERGED;
  if (recoded)
    return DISTRETTO_NUTS_CHANGE_RECODED;

  return DISTRETTO_NUTS_CHANGE_SAME;
}

/**
 * distretto_nuts_dup_equivalent:
 * @code: a region of NUTS @version
 * @version: the version of @code
 * @other_version: another NUTS version
 *
 * The regions of @other_version that together cover exactly the territory
 * of @code: `FR21` for `FRF2` (2016) in 2013; `HU11` and `HU12` for `HU10`
 * (2013) in 2016; `HU10` alone is no equivalent of `HU11`. Only
 * correspondences without a boundary change count.
 *
 * Returns: (transfer full) (nullable) (array zero-terminated=1): the codes,
 *   sorted, or %NULL if @other_version has no exact equivalent
 */
char **
distretto_nuts_dup_equivalent (const char *code,
                               int         version,
                               int         other_version)
{
  const Table *table = get_table ();
  g_autoptr(GPtrArray) current = NULL;
  const Code *found;
  int from, to;

  g_return_val_if_fail (code != NULL, NULL);

  found = lookup (code);
  from = version_index (version);
  to = version_index (other_version);
  if (!code_in (found, from) || to < 0)
    return NULL;

  current = g_ptr_array_new ();
  g_ptr_array_add (current, (gpointer) found->code);

  for (int v = from; v != to; v += to > from ? 1 : -1)
    {
      Step step = { table, v, to > from ? v + 1 : v - 1 };
      g_autoptr(GPtrArray) next = g_ptr_array_new ();

      for (guint i = 0; i < current->len; i++)
        {
          const char *c = g_ptr_array_index (current, i);
          const Group *group = step_group (&step, c);
          const char **departing, **arriving;

          if (group == NULL)
            {
              if (!code_in (lookup (c), step.to))
                return NULL;
              add_unique (next, c);
              continue;
            }

          departing = step_departing (&step, group);
          arriving = step_arriving (&step, group);
          if (group->kind == GROUP_BOUNDARY || arriving[0] == NULL)
            return NULL;

          /* Every part of a merge or split must be in. */
          for (guint j = 0; departing[j] != NULL; j++)
            if (!g_ptr_array_find_with_equal_func (current, departing[j], g_str_equal, NULL))
              return NULL;
          for (guint j = 0; arriving[j] != NULL; j++)
            add_unique (next, arriving[j]);
        }

      g_clear_pointer (&current, g_ptr_array_unref);
      current = g_steal_pointer (&next);
    }

  return dup_sorted (current);
}
