/* distretto-selector.c: series selectors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "distretto-selector-private.h"

/**
 * SECTION:distretto-selector
 * @title: Series selectors
 *
 * A selector names a series by what it is, not by the file it came
 * from: a Eurostat table code and the dimension codes that pin it,
 * `lfst_r_lfe2en2?nace_r2=C&age=Y15-64&unit=THS`. It matches every series
 * of that table whose dimensions include those codes, whatever the file's
 * format (bulk TSV, SDMX-CSV with or without labels, JSON-stat) and
 * whatever the order of its dimensions. `freq=A` is implied; a dimension
 * the file does not split by (a table slice without `sex`, say) does not
 * stop a match.
 *
 * Eurostat's main tables (`tgs…`) are slices of full tables: a selector
 * on the full table also finds them (`isoc_r_iuse_i?indic_is=I_IUSE`
 * finds the series of `tgs00050`).
 *
 * A selector without `?` is a plain series name, as tidy CSV files give
 * them; the dotted names of earlier versions
 * (`nama_10r_2hhinc.PPCS_HAB.B6N`) still work. Several selectors joined
 * by `+` name the sum of their series.
 */

G_DEFINE_QUARK (distretto-selector-error-quark, distretto_selector_error)

struct _DistrettoSelectorTerm
{
  char *text;        /* as written, trimmed */
  char *table;       /* NULL for a plain name */
  GPtrArray *pins;   /* char *: dimension, code, dimension, code… */
  GStrv dotted;      /* `table.code.code`: the table, then the codes */
};

/* Eurostat's main tables as slices of full tables. */
static const struct
{
  const char *main_table;
  const char *full_table;
  const char *pins;
} main_tables[] = {
  { "tgs00038", "hrst_st_rcat", "category=HRST&unit=PC_ACT" },
  { "tgs00039", "htec_emp_reg2", "nace_r2=HTC&unit=PC_EMP" },
  { "tgs00042", "rd_e_gerdreg", "sectperf=TOTAL&unit=PC_GDP" },
  { "tgs00047", "isoc_r_iacc_h", "unit=PC_HH" },
  { "tgs00050", "isoc_r_iuse_i", "indic_is=I_IUSE&unit=PC_IND" },
  { "tgs00052", "isoc_r_blt12_i", "indic_is=I_BLT12&unit=PC_IND" },
};

void
_distretto_selector_term_free (DistrettoSelectorTerm *term)
{
  g_free (term->text);
  g_free (term->table);
  g_clear_pointer (&term->pins, g_ptr_array_unref);
  g_strfreev (term->dotted);
  g_free (term);
}

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static gboolean
is_code_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

static gboolean
all_chars (const char *text,
           gboolean  (*accept) (char))
{
  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!accept (*p))
      return FALSE;

  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *selector,
         const char  *what)
{
  g_set_error (error, DISTRETTO_SELECTOR_ERROR, DISTRETTO_SELECTOR_ERROR_INVALID,
               /* TRANSLATORS: the selector, then what is wrong with it */
               _("The selector “%s” is not valid: %s"), selector, what);
  return FALSE;
}

/* `nama_10r_2hhinc.PPCS_HAB.B6N`: a Eurostat table code, then codes. */
static GStrv
split_dotted (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, ".", -1);
  gboolean code_like = FALSE;

  if (g_strv_length (parts) < 2)
    return NULL;

  /* Eurostat codes have a digit or an underscore: `tgs00038`, `nama_10r_2gdp`. */
  for (const char *p = parts[0]; *p; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
        return NULL;
      code_like |= g_ascii_isdigit (*p) || *p == '_';
    }
  if (!code_like)
    return NULL;

  for (guint i = 1; parts[i] != NULL; i++)
    if (*parts[i] == '\0')
      return NULL;

  return g_steal_pointer (&parts);
}

static DistrettoSelectorTerm *
parse_term (const char  *text,
            const char  *whole,
            GError     **error)
{
  g_autoptr(GString) trimmed = g_string_new (text);
  DistrettoSelectorTerm *term;
  g_auto(GStrv) pairs = NULL;
  const char *question;

  g_strstrip (trimmed->str);
  trimmed->len = strlen (trimmed->str);
  if (trimmed->len == 0)
    {
      invalid (error, whole, _("a series name is empty"));
      return NULL;
    }

  term = g_new0 (DistrettoSelectorTerm, 1);
  term->text = g_strdup (trimmed->str);
  question = strchr (term->text, '?');

  if (question == NULL)
    {
      if (!all_chars (term->text, is_code_char))
        {
          g_autofree char *what = g_strdup_printf (_("“%s” has a character other than letters, digits, “_”, “-” and “.”"),
                                                   term->text);
          invalid (error, whole, what);
          _distretto_selector_term_free (term);
          return NULL;
        }
      term->dotted = split_dotted (term->text);
      return term;
    }

  term->table = g_strndup (term->text, question - term->text);
  if (!all_chars (term->table, is_id_char))
    {
      g_autofree char *what = g_strdup_printf (_("expected a table code such as “lfst_r_lfe2en2” before “?”, found “%s”"),
                                               term->table);
      invalid (error, whole, what);
      _distretto_selector_term_free (term);
      return NULL;
    }

  term->pins = g_ptr_array_new_with_free_func (g_free);
  pairs = g_strsplit (question + 1, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');
      const char *dimension = pairs[i];
      const char *code;

      if (equals == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("expected “dimension=code”, found “%s”"), pairs[i]);
          invalid (error, whole, what);
          _distretto_selector_term_free (term);
          return NULL;
        }

      *equals = '\0';
      code = equals + 1;
      if (!all_chars (dimension, is_id_char) || !all_chars (code, is_code_char))
        {
                                                   /* TRANSLATORS: the dimension and the code
                                                    * found */
          g_autofree char *what = g_strdup_printf (_("expected “dimension=code” with a dimension such as "
                                                     "“nace_r2” and a code such as “C”, found “%s=%s”"),
                                                   dimension, code);
          invalid (error, whole, what);
          _distretto_selector_term_free (term);
          return NULL;
        }

      for (guint k = 0; k < term->pins->len; k += 2)
        {
          if (g_ascii_strcasecmp (g_ptr_array_index (term->pins, k), dimension) == 0)
            {
              g_autofree char *what = g_strdup_printf (_("the dimension “%s” is pinned twice"), dimension);
              invalid (error, whole, what);
              _distretto_selector_term_free (term);
              return NULL;
            }
        }

      g_ptr_array_add (term->pins, g_strdup (dimension));
      g_ptr_array_add (term->pins, g_strdup (code));
    }

  return term;
}

/*
 * _distretto_selector_parse:
 * @selector: one selector, or several joined by `+`
 *
 * Returns: (transfer full) (element-type DistrettoSelectorTerm): the
 *   terms, or %NULL with @error set
 */
GPtrArray *
_distretto_selector_parse (const char  *selector,
                           GError     **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) _distretto_selector_term_free);
  g_auto(GStrv) parts = NULL;

  if (selector == NULL || *selector == '\0')
    {
      invalid (error, "", _("it is empty"));
      return NULL;
    }

  parts = g_strsplit (selector, "+", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      DistrettoSelectorTerm *term = parse_term (parts[i], selector, error);

      if (term == NULL)
        return NULL;
      g_ptr_array_add (terms, term);
    }

  return g_steal_pointer (&terms);
}

const char *
_distretto_selector_term_get_text (const DistrettoSelectorTerm *term)
{
  return term->text;
}

const char *
_distretto_selector_term_get_table (const DistrettoSelectorTerm *term)
{
  return term->table != NULL ? term->table : term->dotted != NULL ? term->dotted[0] : NULL;
}

gboolean
_distretto_selector_term_is_plain (const DistrettoSelectorTerm *term)
{
  return term->table == NULL;
}

static int
find_main_table (const char *table)
{
  if (table == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (main_tables); i++)
    if (g_ascii_strcasecmp (main_tables[i].main_table, table) == 0)
      return i;

  return -1;
}

/* The full table a Eurostat main table is a slice of (tgs00042:
 * rd_e_gerdreg), or %NULL. */
const char *
_distretto_selector_get_full_table (const char *table)
{
  int main_table = find_main_table (table);

  return main_table >= 0 ? main_tables[main_table].full_table : NULL;
}

/* The code a main table implies in @dimension, e.g. unit=PC_IND. */
static char *
implied_code (int         main_table,
              const char *dimension)
{
  g_auto(GStrv) pairs = NULL;

  if (main_table < 0)
    return NULL;

  pairs = g_strsplit (main_tables[main_table].pins, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');

      *equals = '\0';
      if (g_ascii_strcasecmp (pairs[i], dimension) == 0)
        return g_strdup (equals + 1);
    }

  return NULL;
}

/* Whether @series belongs to @table, directly or as a main table's slice;
 * @main_table is set to the slice's entry, or -1. */
static gboolean
series_in_table (DistrettoSeries *series,
                 const char      *table,
                 int             *main_table)
{
  const char *own = distretto_series_get_table (series);

  *main_table = -1;
  if (own == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (own, table) == 0)
    return TRUE;

  *main_table = find_main_table (own);
  return *main_table >= 0 && g_ascii_strcasecmp (main_tables[*main_table].full_table, table) == 0;
}

/* The series' code in @dimension: its own, or the one its main table
 * implies; %NULL when the file does not split by it. */
char *
_distretto_selector_dup_series_code (DistrettoSeries *series,
                                     const char      *dimension)
{
  const char *own = distretto_series_lookup_dimension (series, dimension);

  if (own != NULL)
    return g_strdup (own);

  return implied_code (find_main_table (distretto_series_get_table (series)), dimension);
}

static gboolean
dotted_matches (const DistrettoSelectorTerm *term,
                DistrettoSeries             *series)
{
  guint n_codes = g_strv_length (term->dotted) - 1;
  g_autofree gboolean *used = NULL;
  int main_table;

  if (!series_in_table (series, term->dotted[0], &main_table) ||
      distretto_series_get_n_dimensions (series) != n_codes)
    return FALSE;

  /* The same codes, in any order. */
  used = g_new0 (gboolean, n_codes);
  for (guint i = 1; term->dotted[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint d = 0; d < n_codes && !found; d++)
        if (!used[d] && g_str_equal (distretto_series_get_dimension_code (series, d), term->dotted[i]))
          found = used[d] = TRUE;

      if (!found)
        return FALSE;
    }

  return TRUE;
}

/*
 * _distretto_selector_term_matches:
 *
 * Returns: whether the series is what @term names
 */
gboolean
_distretto_selector_term_matches (const DistrettoSelectorTerm *term,
                                  DistrettoSeries             *series)
{
  int main_table;

  if (term->table == NULL)
    return g_str_equal (term->text, distretto_series_get_code (series)) ||
           (term->dotted != NULL && dotted_matches (term, series));

  if (!series_in_table (series, term->table, &main_table))
    return FALSE;

  for (guint i = 0; i < term->pins->len; i += 2)
    {
      const char *dimension = g_ptr_array_index (term->pins, i);
      const char *code = g_ptr_array_index (term->pins, i + 1);
      g_autofree char *have = NULL;

      if (g_ascii_strcasecmp (dimension, "freq") == 0)
        {
          /* Only annual data is imported. */
          if (g_ascii_strcasecmp (code, "A") != 0)
            return FALSE;
          continue;
        }

      have = _distretto_selector_dup_series_code (series, dimension);
      if (have != NULL && g_ascii_strcasecmp (have, code) != 0)
        return FALSE;
    }

  return TRUE;
}

/* How many of @term's pins @series satisfies: for suggestions. */
guint
_distretto_selector_term_count_pins (const DistrettoSelectorTerm *term,
                                     DistrettoSeries             *series)
{
  guint n = 0;

  if (term->pins == NULL)
    return 0;

  for (guint i = 0; i < term->pins->len; i += 2)
    {
      g_autofree char *have = _distretto_selector_dup_series_code (series, g_ptr_array_index (term->pins, i));

      if (have == NULL || g_ascii_strcasecmp (have, g_ptr_array_index (term->pins, i + 1)) == 0)
        n++;
    }

  return n;
}

/* The table code @series answers to for @term, so suggestions stay in
 * the table asked for. */
gboolean
_distretto_selector_term_same_table (const DistrettoSelectorTerm *term,
                                     DistrettoSeries             *series)
{
  const char *table = _distretto_selector_term_get_table (term);
  int main_table;

  return table != NULL && series_in_table (series, table, &main_table);
}

gboolean
_distretto_selector_term_pins (const DistrettoSelectorTerm *term,
                               const char                  *dimension)
{
  if (term->pins == NULL)
    return FALSE;

  for (guint i = 0; i < term->pins->len; i += 2)
    if (g_ascii_strcasecmp (g_ptr_array_index (term->pins, i), dimension) == 0)
      return TRUE;

  return FALSE;
}

/**
 * distretto_selector_validate:
 * @selector: a selector, or several joined by `+`
 * @error: return location for a #DistrettoSelectorError
 *
 * Checks how @selector is written, not whether a dataset has it.
 *
 * Returns: %TRUE if @selector is well formed
 */
gboolean
distretto_selector_validate (const char  *selector,
                             GError     **error)
{
  g_autoptr(GPtrArray) terms = _distretto_selector_parse (selector, error);

  return terms != NULL;
}

/**
 * distretto_selector_dup_tables:
 * @selector: a selector, or several joined by `+`
 *
 * The Eurostat tables @selector names, so a module can say which tables
 * to get: `lfst_r_lfe2en2` for `lfst_r_lfe2en2?nace_r2=C`, and for a
 * dotted name such as `nama_10r_2hhinc.PPCS_HAB.B6N`; none for a plain
 * name or a selector that is not valid.
 *
 * Returns: (transfer full) (array zero-terminated=1): the table codes,
 *   each once
 */
char **
distretto_selector_dup_tables (const char *selector)
{
  g_autoptr(GPtrArray) terms = _distretto_selector_parse (selector, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const char *table = _distretto_selector_term_get_table (g_ptr_array_index (terms, i));

      if (table != NULL && g_hash_table_add (seen, (gpointer) table))
        g_strv_builder_add (builder, table);
    }

  return g_strv_builder_end (builder);
}

/**
 * distretto_selector_matches:
 * @selector: one selector
 * @series: a #DistrettoSeries
 *
 * Returns: whether @series is one @selector names; %FALSE for a selector
 *   that is not valid or is a sum
 */
gboolean
distretto_selector_matches (const char      *selector,
                            DistrettoSeries *series)
{
  g_autoptr(GPtrArray) terms = NULL;

  g_return_val_if_fail (selector != NULL, FALSE);
  g_return_val_if_fail (DISTRETTO_IS_SERIES (series), FALSE);

  terms = _distretto_selector_parse (selector, NULL);
  return terms != NULL && terms->len == 1 &&
         _distretto_selector_term_matches (g_ptr_array_index (terms, 0), series);
}
