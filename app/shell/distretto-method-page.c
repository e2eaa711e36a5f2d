/* distretto-method-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "distretto-method-page.h"

/* Actions of a step listed at most; the rest are counted. */
#define MAX_ACTIONS 12

/* How the selected module's scores are made on the data loaded: its
 * method note, each step of the pipeline with its parameters and what it
 * did (from the result's DistrettoPipelineReport), the coherence of its
 * sub-indicators, pillars and index (DistrettoCoherence: correlations,
 * Cronbach's alpha, the pairs below 0.3 flagged) and its references.
 * The result and the coherence are computed in a worker thread; the page
 * only shows them. */
struct _DistrettoMethodPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *status_page;
  AdwPreferencesGroup *note_group;
  GtkLabel *note_label;
  AdwPreferencesGroup *steps_group;
  AdwPreferencesGroup *coherence_group;
  AdwPreferencesGroup *references_group;

  GPtrArray *rows;            /* (GtkWidget *, AdwPreferencesGroup *) pairs added */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (DistrettoMethodPage, distretto_method_page, GTK_TYPE_WIDGET)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker computes. */
typedef struct
{
  DistrettoViewRequest *request;
  DistrettoIndicatorDefinition *definition;
  DistrettoIndicatorResult *result;
  DistrettoCoherence *coherence;
  char *error;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_clear_object (&work->request);
  g_clear_object (&work->definition);
  g_clear_object (&work->result);
  g_clear_object (&work->coherence);
  g_free (work->error);
  g_free (work);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(GError) error = NULL;
  guint n_pillars;
  g_autofree DistrettoPillar **pillars = NULL;

  work->definition = distretto_indicator_get_definition (distretto_view_request_get_indicator (work->request));
  work->result = distretto_view_request_compute (work->request, &error);
  if (work->result == NULL)
    {
      work->error = g_strdup (error->message);
      g_task_return_boolean (task, TRUE);
      return;
    }

  n_pillars = work->definition != NULL ? distretto_indicator_definition_get_n_pillars (work->definition) : 0;
  if (n_pillars > 0 && !g_cancellable_is_cancelled (cancellable))
    {
      pillars = g_new (DistrettoPillar *, n_pillars);
      for (guint p = 0; p < n_pillars; p++)
        pillars[p] = distretto_indicator_definition_get_pillar (work->definition, p);
      work->coherence = distretto_coherence_new (pillars, n_pillars, work->result,
                                                 distretto_view_request_get_dataset (work->request),
                                                 distretto_view_request_get_level (work->request));
    }

  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
}

static void
clear_rows (DistrettoMethodPage *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i + 1), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
add_row (DistrettoMethodPage *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->rows, group);
  return row;
}

/* "Regions need 67% of their data. 49 of 335 NUTS 2 regions screened
 * out.", and the regions and cells concerned in an expander. */
static void
add_step (DistrettoMethodPage     *self,
          DistrettoPipelineReport *report,
          DistrettoPipelineStep    step)
{
  const char *parameters = distretto_pipeline_report_get_parameters (report, step);
  const char *summary = distretto_pipeline_report_get_summary (report, step);
  g_autoptr(GArray) actions = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_actions;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *row;

  /* What it did to the regions of the level shown, and to no region in
   * particular. */
  for (guint i = 0; i < distretto_pipeline_report_get_n_actions (report, step); i++)
    {
      int level;

      distretto_pipeline_report_get_action (report, step, i, NULL, NULL, &level, NULL, NULL, NULL);
      if (level < 0 || level == distretto_pipeline_report_get_level (report))
        g_array_append_val (actions, i);
    }
  n_actions = actions->len;

  subtitle = g_strjoin (" ", parameters != NULL ? parameters : "", summary != NULL ? summary : "", NULL);
  g_strstrip (subtitle);
  if (n_actions == 0)
    {
      add_row (self, self->steps_group, distretto_pipeline_step_get_title (step), *subtitle ? subtitle : NULL);
      return;
    }

  row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), distretto_pipeline_step_get_title (step));
  escaped = g_markup_escape_text (subtitle, -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
  for (guint i = 0; i < MIN (n_actions, MAX_ACTIONS); i++)
    {
      GtkWidget *action = adw_action_row_new ();
      guint index = g_array_index (actions, guint, i);
      g_autofree char *text = g_markup_escape_text (distretto_pipeline_report_get_action_text (report, step, index),
                                                    -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action), text);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action);
    }
  if (n_actions > MAX_ACTIONS)
    {
      GtkWidget *more = adw_action_row_new ();
      /* TRANSLATORS: the last line of a step's list of what it did, e.g. "and 37 more" */
      g_autofree char *text = g_strdup_printf (_("and %u more"), n_actions - MAX_ACTIONS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), more);
    }

  adw_preferences_group_add (self->steps_group, row);
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->rows, self->steps_group);
}

static char *
format_r (double r)
{
  return isnan (r) ? g_strdup ("—") : g_strdup_printf ("%.2f", r);
}

/* A sub-indicator's, a pillar's or the index's title. */
static char *
dup_component_title (DistrettoIndicatorDefinition *definition,
                     DistrettoCoherence           *coherence,
                     guint                         index)
{
  const char *id = distretto_coherence_get_component_id (coherence, index);
  int p = distretto_coherence_get_component_pillar (coherence, index);
  DistrettoPillar *pillar;

  switch (distretto_coherence_get_component_kind (coherence, index))
    {
    case DISTRETTO_COMPONENT_KIND_INDEX:
      return g_strdup (_("Index"));
    case DISTRETTO_COMPONENT_KIND_PILLAR:
      pillar = distretto_indicator_definition_get_pillar (definition, p);
      /* TRANSLATORS: a pillar in the coherence table, e.g. "Pillar: KIBS depth" */
      return g_strdup_printf (_("Pillar: %s"), distretto_pillar_get_title (pillar));
    case DISTRETTO_COMPONENT_KIND_SUB_INDICATOR:
    default:
      pillar = distretto_indicator_definition_get_pillar (definition, p);
      for (guint s = 0; s < distretto_pillar_get_n_sub_indicators (pillar); s++)
        {
          DistrettoSubIndicator *sub = distretto_pillar_get_sub_indicator (pillar, s);

          if (g_strcmp0 (distretto_sub_indicator_get_id (sub), id) == 0)
            /* TRANSLATORS: a sub-indicator in the coherence table: its id and label, e.g. "TS1 KIBS share" */
            return g_strdup_printf (_("%s %s"), id, distretto_sub_indicator_get_label (sub));
        }
      return g_strdup (id);
    }
}

/* One row per component: its correlations with what it is aggregated
 * into (its pillar, the index), and a pillar's Cronbach's alpha; the
 * pairs below 0.3 flagged. */
static void
fill_coherence (DistrettoMethodPage          *self,
                DistrettoIndicatorDefinition *definition,
                DistrettoCoherence           *coherence)
{
  guint n = distretto_coherence_get_n_components (coherence);
  int index = distretto_coherence_find_component (coherence, NULL);
  g_autofree char *description = NULL;

  /* TRANSLATORS: the coherence table's description; %u is a number of regions, %.1f the threshold */
  description = g_strdup_printf (_("Pearson correlations over %u regions of the level shown: a sub-indicator with its "
                                   "pillar and with the index, a pillar with the index. Below %.1f (or negative) "
                                   "they are flagged: the component pulls against what it is aggregated into. "
                                   "Cronbach’s alpha measures how far a pillar’s sub-indicators agree (0.7 or more "
                                   "is usual)."),
                                 distretto_coherence_get_n_regions (coherence), DISTRETTO_COHERENCE_MIN_CORRELATION);
  adw_preferences_group_set_description (self->coherence_group, description);

  for (guint c = 0; c < n; c++)
    {
      DistrettoComponentKind kind = distretto_coherence_get_component_kind (coherence, c);
      int pillar = distretto_coherence_get_component_pillar (coherence, c);
      int pillar_row = -1;
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);
      gboolean flagged = FALSE;
      GtkWidget *row;

      if (kind == DISTRETTO_COMPONENT_KIND_INDEX)
        continue;

      title = dup_component_title (definition, coherence, c);
      if (kind == DISTRETTO_COMPONENT_KIND_SUB_INDICATOR)
        {
          pillar_row = distretto_coherence_find_component (
            coherence, distretto_pillar_get_id (distretto_indicator_definition_get_pillar (definition, pillar)));
          if (pillar_row >= 0)
            {
              g_autofree char *r = format_r (distretto_coherence_get_correlation (coherence, c, pillar_row));

              /* TRANSLATORS: a sub-indicator's correlation with its pillar, e.g. "r with its pillar 0.72" */
              g_string_append_printf (subtitle, _("r with its pillar %s"), r);
              flagged |= distretto_coherence_is_flagged (coherence, c, pillar_row);
            }
        }
      else
        {
          g_autofree char *alpha = format_r (distretto_coherence_get_alpha (coherence, pillar));

          /* TRANSLATORS: a pillar's Cronbach's alpha, e.g. "Cronbach’s α 0.81" */
          g_string_append_printf (subtitle, _("Cronbach’s α %s"), alpha);
          if (distretto_coherence_is_alpha_low (coherence, pillar))
            /* TRANSLATORS: after a low Cronbach's alpha */
            g_string_append (subtitle, _(" (low)"));
        }

      if (index >= 0)
        {
          g_autofree char *r = format_r (distretto_coherence_get_correlation (coherence, c, index));

          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          /* TRANSLATORS: a component's correlation with the index, e.g. "with the index 0.55" */
          g_string_append_printf (subtitle, _("with the index %s"), r);
          flagged |= distretto_coherence_is_flagged (coherence, c, index);
        }

      row = add_row (self, self->coherence_group, title, subtitle->str);
      if (flagged)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          GtkWidget *label = gtk_label_new (_("Flagged"));

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_add_css_class (label, "warning");
          gtk_widget_set_tooltip_text (icon, _("Correlates below 0.3 or negatively with what it is aggregated into"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
    }
}

static void
fill_references (DistrettoMethodPage          *self,
                 DistrettoIndicatorDefinition *definition)
{
  const char * const *references = distretto_indicator_definition_get_references (definition);

  for (guint i = 0; references != NULL && references[i] != NULL; i++)
    add_row (self, self->references_group, references[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->references_group), references != NULL && references[0] != NULL);
}

static void
show_status (DistrettoMethodPage *self,
             const char          *title,
             const char          *description)
{
  g_autofree char *escaped = description != NULL ? g_markup_escape_text (description, -1) : NULL;

  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
on_computed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DistrettoMethodPage) self = user_data;
  Work *work = g_task_get_task_data (G_TASK (result));
  DistrettoPipelineReport *report;
  const char *note;
  g_autofree char *steps_title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);

  clear_rows (self);
  if (work->definition == NULL || work->error != NULL)
    {
      show_status (self, _("No Method to Show"), work->error != NULL ? work->error : _("The module returned no definition"));
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }

  note = distretto_indicator_definition_get_method_note (work->definition);
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_group), note != NULL && *note != '\0');

  report = distretto_indicator_result_get_report (work->result);
  if (report != NULL)
    {
      /* TRANSLATORS: the method page's steps, e.g. "Steps on the data loaded: NUTS 2 regions, 2023" */
      steps_title = g_strdup_printf (_("Steps on the data loaded: NUTS %d regions, %d"),
                                     distretto_pipeline_report_get_level (report),
                                     distretto_pipeline_report_get_year (report));
      adw_preferences_group_set_title (self->steps_group, steps_title);
      adw_preferences_group_set_description (self->steps_group, NULL);
      for (guint s = 0; s < DISTRETTO_PIPELINE_N_STEPS; s++)
        add_step (self, report, s);
    }
  else
    {
      adw_preferences_group_set_title (self->steps_group, _("Steps"));
      adw_preferences_group_set_description (self->steps_group,
                                             _("This module computes its scores with its own arithmetic, which its "
                                               "method note describes: Distretto’s pipeline does not run."));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->coherence_group), work->coherence != NULL);
  if (work->coherence != NULL)
    fill_coherence (self, work->definition, work->coherence);
  fill_references (self, work->definition);

  gtk_stack_set_visible_child_name (self->stack, "method");
  g_signal_emit (self, signals[LOADED], 0);
}

static void
distretto_method_page_dispose (GObject *object)
{
  DistrettoMethodPage *self = (DistrettoMethodPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DISTRETTO_TYPE_METHOD_PAGE);

  G_OBJECT_CLASS (distretto_method_page_parent_class)->dispose (object);
}

static void
distretto_method_page_class_init (DistrettoMethodPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_method_page_dispose;

  /* Emitted when the page shows what it was asked for (or why not). */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-method-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoMethodPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DistrettoMethodPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, DistrettoMethodPage, note_group);
  gtk_widget_class_bind_template_child (widget_class, DistrettoMethodPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, DistrettoMethodPage, steps_group);
  gtk_widget_class_bind_template_child (widget_class, DistrettoMethodPage, coherence_group);
  gtk_widget_class_bind_template_child (widget_class, DistrettoMethodPage, references_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
distretto_method_page_init (DistrettoMethodPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
distretto_method_page_new (void)
{
  return g_object_new (DISTRETTO_TYPE_METHOD_PAGE, NULL);
}

/* Shows how @request's module makes its scores, for the request's year,
 * level, method and weights (NULL: no module); computed off the main
 * loop, "loaded" emitted when shown. */
void
distretto_method_page_show (DistrettoMethodPage  *self,
                            DistrettoViewRequest *request)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (DISTRETTO_IS_METHOD_PAGE (self));
  g_return_if_fail (request == NULL || DISTRETTO_IS_VIEW_REQUEST (request));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (request == NULL)
    {
      clear_rows (self);
      show_status (self, _("No Module"), _("Choose a module to see how its scores are made."));
      return;
    }

  show_status (self, _("Computing the Method’s Steps"), NULL);
  self->cancellable = g_cancellable_new ();
  work = g_new0 (Work, 1);
  work->request = g_object_ref (request);
  task = g_task_new (NULL, self->cancellable, on_computed_cb, g_object_ref (self));
  g_task_set_task_data (task, work, work_free);
  g_task_run_in_thread (task, compute_thread);
}

AdwPreferencesGroup *
distretto_method_page_get_steps_group (DistrettoMethodPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_METHOD_PAGE (self), NULL);
  return self->steps_group;
}

AdwPreferencesGroup *
distretto_method_page_get_coherence_group (DistrettoMethodPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_METHOD_PAGE (self), NULL);
  return self->coherence_group;
}

AdwPreferencesGroup *
distretto_method_page_get_references_group (DistrettoMethodPage *self)
{
  g_return_val_if_fail (DISTRETTO_IS_METHOD_PAGE (self), NULL);
  return self->references_group;
}
