/* distretto-pipeline-report.c: what each step of the pipeline did
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "distretto-pipeline-private.h"

/**
 * DistrettoPipelineReport:
 *
 * What the composite-indicator pipeline did on one dataset for one year
 * (distretto_indicator_result_get_report()): for each
 * #DistrettoPipelineStep, its parameters, a summary, and the actions it
 * took, cell by cell — the region screened out with its coverage, the
 * value carried forward and from which year, the value imputed and from
 * how many regions, the point winsorised and the sub-indicator
 * log-transformed, the scale of each sub-indicator at each NUTS level,
 * the weights, the EU reference, the groups and the ties. What a method
 * page shows, and what explains a flag in a tooltip
 * (distretto_pipeline_report_dup_region_notes()).
 *
 * Cell actions concern the year of the report; outlier treatment, which
 * works on every year of the panel, lists the points it changed in any
 * year.
 */

typedef struct
{
  char *region;       /* NULL for an action on a whole sub-indicator */
  char *component;    /* NULL for an action on a whole region */
  int level;
  int year;
  double before;
  double after;
  char *text;         /* the whole action, for a list */
  char *note;         /* what it did to the region, for its tooltip, or NULL */
} Action;

typedef struct
{
  char *parameters;
  char *summary;
  GArray *actions;    /* Action */
} Step;

struct _DistrettoPipelineReport
{
  GObject parent_instance;

  int year;
  int level;
  Step steps[DISTRETTO_PIPELINE_N_STEPS];
};

G_DEFINE_FINAL_TYPE (DistrettoPipelineReport, distretto_pipeline_report, G_TYPE_OBJECT)

static void
clear_action (gpointer data)
{
  Action *action = data;

  g_free (action->region);
  g_free (action->component);
  g_free (action->text);
  g_free (action->note);
}

static void
distretto_pipeline_report_finalize (GObject *object)
{
  DistrettoPipelineReport *self = (DistrettoPipelineReport *)object;

  for (guint s = 0; s < DISTRETTO_PIPELINE_N_STEPS; s++)
    {
      g_free (self->steps[s].parameters);
      g_free (self->steps[s].summary);
      g_array_unref (self->steps[s].actions);
    }

  G_OBJECT_CLASS (distretto_pipeline_report_parent_class)->finalize (object);
}

static void
distretto_pipeline_report_class_init (DistrettoPipelineReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = distretto_pipeline_report_finalize;
}

static void
distretto_pipeline_report_init (DistrettoPipelineReport *self)
{
  for (guint s = 0; s < DISTRETTO_PIPELINE_N_STEPS; s++)
    {
      self->steps[s].actions = g_array_new (FALSE, TRUE, sizeof (Action));
      g_array_set_clear_func (self->steps[s].actions, clear_action);
    }
}

DistrettoPipelineReport *
_distretto_pipeline_report_new (int year,
                                int level)
{
  DistrettoPipelineReport *self = g_object_new (DISTRETTO_TYPE_PIPELINE_REPORT, NULL);

  self->year = year;
  self->level = level;
  return self;
}

void
_distretto_pipeline_report_take_parameters (DistrettoPipelineReport *self,
                                            DistrettoPipelineStep    step,
                                            char                    *text)
{
  g_free (self->steps[step].parameters);
  self->steps[step].parameters = text;
}

void
_distretto_pipeline_report_take_summary (DistrettoPipelineReport *self,
                                         DistrettoPipelineStep    step,
                                         char                    *text)
{
  g_free (self->steps[step].summary);
  self->steps[step].summary = text;
}

/* Takes @text and @note. */
void
_distretto_pipeline_report_add (DistrettoPipelineReport *self,
                                DistrettoPipelineStep    step,
                                const char              *region,
                                const char              *component,
                                int                      level,
                                int                      year,
                                double                   before,
                                double                   after,
                                char                    *text,
                                char                    *note)
{
  Action action = { g_strdup (region), g_strdup (component), level, year, before, after, text, note };

  g_array_append_val (self->steps[step].actions, action);
}

/**
 * distretto_pipeline_step_get_title:
 * @step: a step
 *
 * Returns: the step's name, translated, such as “Screening”
 */
const char *
distretto_pipeline_step_get_title (DistrettoPipelineStep step)
{
  switch (step)
    {
    case DISTRETTO_PIPELINE_STEP_SCREENING:
      return _("Screening");
    case DISTRETTO_PIPELINE_STEP_CARRY_FORWARD:
      return _("Carrying values forward");
    case DISTRETTO_PIPELINE_STEP_IMPUTATION:
      return _("Imputation");
    case DISTRETTO_PIPELINE_STEP_OUTLIERS:
      return _("Outliers");
    case DISTRETTO_PIPELINE_STEP_NORMALISATION:
      return _("Normalisation");
    case DISTRETTO_PIPELINE_STEP_WEIGHTS:
      return _("Weights");
    case DISTRETTO_PIPELINE_STEP_AGGREGATION:
      return _("Aggregation");
    case DISTRETTO_PIPELINE_STEP_REFERENCE:
      return _("Index relative to the EU");
    case DISTRETTO_PIPELINE_STEP_GROUPS:
      return _("Performance groups");
    case DISTRETTO_PIPELINE_STEP_RANKS:
      return _("Ranks");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * distretto_pipeline_report_get_year:
 * @self: a #DistrettoPipelineReport
 *
 * Returns: the year scored
 */
int
distretto_pipeline_report_get_year (DistrettoPipelineReport *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self), 0);
  return self->year;
}

/**
 * distretto_pipeline_report_get_level:
 * @self: a #DistrettoPipelineReport
 *
 * Returns: the NUTS level compared (distretto_method_get_level())
 */
int
distretto_pipeline_report_get_level (DistrettoPipelineReport *self)
{
  g_return_val_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self), 0);
  return self->level;
}

/**
 * distretto_pipeline_report_get_parameters:
 * @self: a #DistrettoPipelineReport
 * @step: a step
 *
 * Returns: (nullable): the step's parameters in a sentence, translated,
 *   such as “Regions need 67% of their sub-indicators in a year.”
 */
const char *
distretto_pipeline_report_get_parameters (DistrettoPipelineReport *self,
                                          DistrettoPipelineStep    step)
{
  g_return_val_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self), NULL);
  g_return_val_if_fail (step < DISTRETTO_PIPELINE_N_STEPS, NULL);
  return self->steps[step].parameters;
}

/**
 * distretto_pipeline_report_get_summary:
 * @self: a #DistrettoPipelineReport
 * @step: a step
 *
 * Returns: (nullable): what the step did on this data in a sentence,
 *   translated, such as “49 of 335 NUTS 2 regions screened out.”
 */
const char *
distretto_pipeline_report_get_summary (DistrettoPipelineReport *self,
                                       DistrettoPipelineStep    step)
{
  g_return_val_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self), NULL);
  g_return_val_if_fail (step < DISTRETTO_PIPELINE_N_STEPS, NULL);
  return self->steps[step].summary;
}

/**
 * distretto_pipeline_report_get_n_actions:
 * @self: a #DistrettoPipelineReport
 * @step: a step
 *
 * Returns: how many actions the step recorded
 */
guint
distretto_pipeline_report_get_n_actions (DistrettoPipelineReport *self,
                                         DistrettoPipelineStep    step)
{
  g_return_val_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self), 0);
  g_return_val_if_fail (step < DISTRETTO_PIPELINE_N_STEPS, 0);
  return self->steps[step].actions->len;
}

static const Action *
get_action (DistrettoPipelineReport *self,
            DistrettoPipelineStep    step,
            guint                    index)
{
  g_return_val_if_fail (step < DISTRETTO_PIPELINE_N_STEPS, NULL);
  g_return_val_if_fail (index < self->steps[step].actions->len, NULL);
  return &g_array_index (self->steps[step].actions, Action, index);
}

/**
 * distretto_pipeline_report_get_action_text:
 * @self: a #DistrettoPipelineReport
 * @step: a step
 * @index: an action below distretto_pipeline_report_get_n_actions()
 *
 * Returns: the action in a line, translated, such as
 *   “Veneto (ITH3), TS1, 2021: 12.3, the mean of 4 regions of IT”
 */
const char *
distretto_pipeline_report_get_action_text (DistrettoPipelineReport *self,
                                           DistrettoPipelineStep    step,
                                           guint                    index)
{
  const Action *action;

  g_return_val_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self), NULL);
  action = get_action (self, step, index);
  return action != NULL ? action->text : NULL;
}

/**
 * distretto_pipeline_report_get_action:
 * @self: a #DistrettoPipelineReport
 * @step: a step
 * @index: an action below distretto_pipeline_report_get_n_actions()
 * @region_code: (out) (optional) (nullable) (transfer none): the region,
 *   or %NULL for an action on a whole sub-indicator
 * @component_id: (out) (optional) (nullable) (transfer none): the
 *   sub-indicator or pillar, or %NULL for an action on a whole region
 * @level: (out) (optional): the NUTS level whose scale it concerns, or −1
 * @year: (out) (optional): the year of the cell, or 0
 * @before: (out) (optional): the value before the step, or NaN
 * @after: (out) (optional): the value after it, or NaN
 *
 * The parts of one action: for screening, @before is the region's
 * coverage (0–1); for carrying forward, @before is the year the value
 * comes from; for imputation and winsorisation, the value before and
 * after; for normalisation, the scale's two ends (minimum and maximum,
 * mean and standard deviation, or the EU's value twice).
 */
void
distretto_pipeline_report_get_action (DistrettoPipelineReport  *self,
                                      DistrettoPipelineStep     step,
                                      guint                     index,
                                      const char              **region_code,
                                      const char              **component_id,
                                      int                      *level,
                                      int                      *year,
                                      double                   *before,
                                      double                   *after)
{
  const Action *action;

  g_return_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self));
  action = get_action (self, step, index);
  if (action == NULL)
    return;

  if (region_code != NULL)
    *region_code = action->region;
  if (component_id != NULL)
    *component_id = action->component;
  if (level != NULL)
    *level = action->level;
  if (year != NULL)
    *year = action->year;
  if (before != NULL)
    *before = action->before;
  if (after != NULL)
    *after = action->after;
}

/**
 * distretto_pipeline_report_count_regions:
 * @self: a #DistrettoPipelineReport
 * @step: a step
 * @level: a NUTS level, or −1 for every level
 *
 * Returns: how many regions (of @level) the step acted on: screened out,
 *   with a value carried forward, imputed, winsorised…
 */
guint
distretto_pipeline_report_count_regions (DistrettoPipelineReport *self,
                                         DistrettoPipelineStep    step,
                                         int                      level)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *actions;

  g_return_val_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self), 0);
  g_return_val_if_fail (step < DISTRETTO_PIPELINE_N_STEPS, 0);

  actions = self->steps[step].actions;
  for (guint i = 0; i < actions->len; i++)
    {
      const Action *action = &g_array_index (actions, Action, i);

      if (action->region != NULL && (level < 0 || action->level == level))
        g_hash_table_add (seen, action->region);
    }

  return g_hash_table_size (seen);
}

/**
 * distretto_pipeline_report_dup_screened_out:
 * @self: a #DistrettoPipelineReport
 * @level: a NUTS level, or −1 for every level
 *
 * The regions screening left out: listed, not ranked, not scored.
 *
 * Returns: (transfer full) (array zero-terminated=1): their codes, in
 *   the dataset's order
 */
char **
distretto_pipeline_report_dup_screened_out (DistrettoPipelineReport *self,
                                            int                      level)
{
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  GArray *actions;

  g_return_val_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self), NULL);

  actions = self->steps[DISTRETTO_PIPELINE_STEP_SCREENING].actions;
  for (guint i = 0; i < actions->len; i++)
    {
      const Action *action = &g_array_index (actions, Action, i);

      if (action->region != NULL && (level < 0 || action->level == level))
        g_strv_builder_add (codes, action->region);
    }

  return g_strv_builder_end (codes);
}

/**
 * distretto_pipeline_report_dup_region_notes:
 * @self: a #DistrettoPipelineReport
 * @region_code: a region
 *
 * What the pipeline did to the region's values this year, for its
 * tooltip and table rows: screened out, carried forward, imputed,
 * winsorised.
 *
 * Returns: (transfer full) (nullable): the notes joined by “; ”, such as
 *   “TS1 carried forward from 2021; TS4 imputed: the mean of 4 regions”,
 *   or %NULL when the pipeline changed none of them
 */
char *
distretto_pipeline_report_dup_region_notes (DistrettoPipelineReport *self,
                                            const char              *region_code)
{
  static const DistrettoPipelineStep noted[] = {
    DISTRETTO_PIPELINE_STEP_SCREENING, DISTRETTO_PIPELINE_STEP_CARRY_FORWARD,
    DISTRETTO_PIPELINE_STEP_IMPUTATION, DISTRETTO_PIPELINE_STEP_OUTLIERS,
  };
  g_autoptr(GString) notes = g_string_new (NULL);

  g_return_val_if_fail (DISTRETTO_IS_PIPELINE_REPORT (self), NULL);
  g_return_val_if_fail (region_code != NULL, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (noted); s++)
    {
      GArray *actions = self->steps[noted[s]].actions;

      for (guint i = 0; i < actions->len; i++)
        {
          const Action *action = &g_array_index (actions, Action, i);

          if (action->note == NULL || g_strcmp0 (action->region, region_code) != 0 ||
              (action->year != 0 && action->year != self->year))
            continue;
          g_string_append_printf (notes, "%s%s", notes->len > 0 ? "; " : "", action->note);
        }
    }

  return notes->len > 0 ? g_string_free (g_steal_pointer (&notes), FALSE) : NULL;
}
