/* distretto-nuts-report.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "distretto-nuts-report-private.h"

/**
 * DistrettoNutsReport:
 *
 * What distretto_dataset_recode_nuts() did to each code that is not in
 * the version it brought a dataset to: the code, the version it belongs
 * to, what became of it (#DistrettoNutsChange), the codes it went to, and
 * how many of its cells were carried to them. Codes of the target version
 * are not listed.
 */
typedef struct
{
  char *code;
  int version;
  DistrettoNutsChange change;
  char **targets;
  gboolean abolished;
  guint n_carried;
  guint n_present;
} Entry;

struct _DistrettoNutsReport
{
  GObject parent_instance;

  int version;
  GArray *entries;    /* Entry */
};

G_DEFINE_FINAL_TYPE (DistrettoNutsReport, distretto_nuts_report, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->code, g_free);
  g_clear_pointer (&entry->targets, g_strfreev);
}

static void
distretto_nuts_report_finalize (GObject *object)
{
  DistrettoNutsReport *self = (DistrettoNutsReport *)object;

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (distretto_nuts_report_parent_class)->finalize (object);
}

static void
distretto_nuts_report_class_init (DistrettoNutsReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_nuts_report_finalize;
}

static void
distretto_nuts_report_init (DistrettoNutsReport *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

DistrettoNutsReport *
_distretto_nuts_report_new (int version)
{
  DistrettoNutsReport *self = g_object_new (DISTRETTO_TYPE_NUTS_REPORT, NULL);

  self->version = version;
  return self;
}

guint
_distretto_nuts_report_add (DistrettoNutsReport  *self,
                            const char           *code,
                            int                   version,
                            DistrettoNutsChange   change,
                            char                **targets,
                            gboolean              abolished)
{
  Entry entry = { g_strdup (code), version, change, targets, abolished, 0, 0 };

  if (entry.targets == NULL)
    entry.targets = g_new0 (char *, 1);
  g_array_append_val (self->entries, entry);

  return self->entries->len - 1;
}

void
_distretto_nuts_report_count_cells (DistrettoNutsReport *self,
                                    guint                index,
                                    guint                n_present,
                                    guint                n_carried)
{
  Entry *entry = &g_array_index (self->entries, Entry, index);

  entry->n_present += n_present;
  entry->n_carried += n_carried;
}

static const Entry *
get_entry (DistrettoNutsReport *self,
           guint                index)
{
  return &g_array_index (self->entries, Entry, index);
}

/**
 * distretto_nuts_report_get_version:
 * @self: a #DistrettoNutsReport
 *
 * Returns: the NUTS version the dataset was brought to
 */
int
distretto_nuts_report_get_version (DistrettoNutsReport *self)
{
  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), 0);

  return self->version;
}

/**
 * distretto_nuts_report_get_n_entries:
 * @self: a #DistrettoNutsReport
 *
 * Returns: how many codes of the dataset are not in the target version
 */
guint
distretto_nuts_report_get_n_entries (DistrettoNutsReport *self)
{
  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), 0);

  return self->entries->len;
}

/**
 * distretto_nuts_report_get_code:
 * @self: a #DistrettoNutsReport
 * @index: a position below distretto_nuts_report_get_n_entries()
 *
 * Returns: the code as the data writes it (`FR21`, `GR11`)
 */
const char *
distretto_nuts_report_get_code (DistrettoNutsReport *self,
                                guint                index)
{
  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return get_entry (self, index)->code;
}

/**
 * distretto_nuts_report_get_code_version:
 * @self: a #DistrettoNutsReport
 * @index: a position below distretto_nuts_report_get_n_entries()
 *
 * Returns: the NUTS version the code was read as (the newest one before
 *   the target that has it, else the oldest after it), or 0 for a code of
 *   no version Distretto knows
 */
int
distretto_nuts_report_get_code_version (DistrettoNutsReport *self,
                                        guint                index)
{
  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), 0);
  g_return_val_if_fail (index < self->entries->len, 0);

  return get_entry (self, index)->version;
}

/**
 * distretto_nuts_report_get_change:
 * @self: a #DistrettoNutsReport
 * @index: a position below distretto_nuts_report_get_n_entries()
 *
 * Returns: what became of the code; see distretto_nuts_recode()
 */
DistrettoNutsChange
distretto_nuts_report_get_change (DistrettoNutsReport *self,
                                  guint                index)
{
  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), DISTRETTO_NUTS_CHANGE_UNKNOWN);
  g_return_val_if_fail (index < self->entries->len, DISTRETTO_NUTS_CHANGE_UNKNOWN);

  return get_entry (self, index)->change;
}

/**
 * distretto_nuts_report_get_targets:
 * @self: a #DistrettoNutsReport
 * @index: a position below distretto_nuts_report_get_n_entries()
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes of the
 *   target version the code went to, sorted; empty if none
 */
const char * const *
distretto_nuts_report_get_targets (DistrettoNutsReport *self,
                                   guint                index)
{
  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return (const char * const *) get_entry (self, index)->targets;
}

/**
 * distretto_nuts_report_is_abolished:
 * @self: a #DistrettoNutsReport
 * @index: a position below distretto_nuts_report_get_n_entries()
 *
 * Returns: %TRUE if the code stays in the dataset as an abolished region
 *   (distretto_region_is_abolished()); %FALSE for codes kept as they are:
 *   unknown codes and codes of countries the target version does not
 *   cover (the UK in NUTS 2024)
 */
gboolean
distretto_nuts_report_is_abolished (DistrettoNutsReport *self,
                                    guint                index)
{
  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), FALSE);
  g_return_val_if_fail (index < self->entries->len, FALSE);

  return get_entry (self, index)->abolished;
}

/**
 * distretto_nuts_report_get_n_carried:
 * @self: a #DistrettoNutsReport
 * @index: a position below distretto_nuts_report_get_n_entries()
 *
 * Returns: how many of the code's cells gave a value to a target code
 *   (alone, or summed with the other parts of a merge)
 */
guint
distretto_nuts_report_get_n_carried (DistrettoNutsReport *self,
                                     guint                index)
{
  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), 0);
  g_return_val_if_fail (index < self->entries->len, 0);

  return get_entry (self, index)->n_carried;
}

/**
 * distretto_nuts_report_get_n_dropped:
 * @self: a #DistrettoNutsReport
 * @index: a position below distretto_nuts_report_get_n_entries()
 *
 * Returns: how many of the code's cells gave no value to the target
 *   version: split or changed regions, parts of a merge missing, series that
 *   do not add up, or years the target code has a value of its own
 */
guint
distretto_nuts_report_get_n_dropped (DistrettoNutsReport *self,
                                     guint                index)
{
  const Entry *entry;

  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), 0);
  g_return_val_if_fail (index < self->entries->len, 0);

  entry = get_entry (self, index);
  return entry->n_present - entry->n_carried;
}

/**
 * distretto_nuts_report_find:
 * @self: a #DistrettoNutsReport
 * @code: a code as the data writes it
 *
 * Returns: the position of @code's entry, or -1 if it has none
 */
int
distretto_nuts_report_find (DistrettoNutsReport *self,
                            const char          *code)
{
  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), -1);
  g_return_val_if_fail (code != NULL, -1);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (get_entry (self, i)->code, code))
      return (int) i;

  return -1;
}

/**
 * distretto_nuts_report_count:
 * @self: a #DistrettoNutsReport
 * @change: a kind of change
 *
 * Returns: how many codes underwent @change
 */
guint
distretto_nuts_report_count (DistrettoNutsReport *self,
                             DistrettoNutsChange  change)
{
  guint n = 0;

  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    if (get_entry (self, i)->change == change)
      n++;

  return n;
}

static const char *
change_words (const Entry *entry)
{
  switch (entry->change)
    {
    case DISTRETTO_NUTS_CHANGE_SAME:
      return _("same region");
    case DISTRETTO_NUTS_CHANGE_RECODED:
      return _("recoded");
    case DISTRETTO_NUTS_CHANGE_SPLIT:
      return _("split");
    case DISTRETTO_NUTS_CHANGE_MERGED:
      return _("merged");
    case DISTRETTO_NUTS_CHANGE_BOUNDARY:
      return _("boundaries changed");
    case DISTRETTO_NUTS_CHANGE_DISCONTINUED:
      return _("discontinued");
    case DISTRETTO_NUTS_CHANGE_UNKNOWN:
    default:
      return _("unknown");
    }
}

/**
 * distretto_nuts_report_describe:
 * @self: a #DistrettoNutsReport
 * @index: a position below distretto_nuts_report_get_n_entries()
 *
 * One line for a person: “FR21 (NUTS 2013) → FRF2: recoded, 1 value
 * carried”.
 *
 * Returns: (transfer full): the line
 */
char *
distretto_nuts_report_describe (DistrettoNutsReport *self,
                                guint                index)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *targets = NULL;
  const Entry *entry;
  guint dropped;

  g_return_val_if_fail (DISTRETTO_IS_NUTS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = get_entry (self, index);
  dropped = entry->n_present - entry->n_carried;
  targets = g_strjoinv (", ", entry->targets);

  if (entry->version == 0)
    /* TRANSLATORS: a code found in no NUTS version, e.g. "DE41: unknown to NUTS 2010 to 2024" */
    g_string_append_printf (line, _("%s: unknown to NUTS 2010 to 2024, kept as it is"), entry->code);
  else if (!entry->abolished)
    /* TRANSLATORS: e.g. "UKC1 (NUTS 2021): its country is not in NUTS 2024, kept as it is" */
    g_string_append_printf (line, _("%s (NUTS %d): its country is not in NUTS %d, kept as it is"),
                            entry->code, entry->version, self->version);
  else if (targets[0] != '\0')
    /* TRANSLATORS: code, its NUTS version, the codes it became, what happened, e.g.
     * "FR21 (NUTS 2013) → FRF2: recoded" */
    g_string_append_printf (line, _("%s (NUTS %d) → %s: %s"), entry->code, entry->version, targets,
                            change_words (entry));
  else
    /* TRANSLATORS: code, its NUTS version, what happened, e.g. "FR2 (NUTS 2013): discontinued" */
    g_string_append_printf (line, _("%s (NUTS %d): %s"), entry->code, entry->version, change_words (entry));

  if (entry->abolished && entry->n_carried > 0)
    {
      g_string_append (line, ", ");
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u value carried", "%u values carried",
                                                 entry->n_carried), entry->n_carried);
    }
  if (entry->abolished && dropped > 0)
    {
      g_string_append (line, ", ");
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%u value not carried", "%u values not carried",
                                                 dropped), dropped);
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}
