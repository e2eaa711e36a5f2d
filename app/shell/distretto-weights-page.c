/* distretto-weights-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "distretto-weights-page.h"

#define MAX_WEIGHT 4.0

/* A slider per pillar of the selected module, with its nominal weight
 * (its share of the weights set) and its effective weight (the share of
 * the composite's variance it explains, distretto_weights_dup_effective()),
 * and Reset. The page only shows and asks: the window computes, off the
 * main loop, and gives back the effective weights. */
struct _DistrettoWeightsPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwPreferencesGroup *pillars_group;
  GtkButton *reset_button;
  AdwStatusPage *fixed_page;

  DistrettoIndicatorDefinition *definition;
  GPtrArray *rows;        /* AdwActionRow, one per pillar */
  GPtrArray *scales;      /* GtkScale, one per pillar */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (DistrettoWeightsPage, distretto_weights_page, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
own_weight (DistrettoWeightsPage *self,
            guint                 index)
{
  return distretto_pillar_get_weight (distretto_indicator_definition_get_pillar (self->definition, index));
}

static gboolean
is_changed (DistrettoWeightsPage *self)
{
  for (guint i = 0; i < self->scales->len; i++)
    if (fabs (gtk_range_get_value (g_ptr_array_index (self->scales, i)) - own_weight (self, i)) > 1e-9)
      return TRUE;
  return FALSE;
}

/* "Nominal 33 % · effective 41 %" under each pillar. */
static void
update_subtitles (DistrettoWeightsPage *self,
                  const double         *effective)
{
  double total = 0.0;

  for (guint i = 0; i < self->scales->len; i++)
    total += gtk_range_get_value (g_ptr_array_index (self->scales, i));

  for (guint i = 0; i < self->rows->len; i++)
    {
      double nominal = total > 0 ? 100.0 * gtk_range_get_value (g_ptr_array_index (self->scales, i)) / total : 0.0;
      g_autofree char *subtitle = NULL;

      if (effective != NULL && isfinite (effective[i]))
        /* TRANSLATORS: a pillar's weights: its share of the weights set, and its effective share of the score */
        subtitle = g_strdup_printf (_("Nominal %.0f %% · effective %.0f %%"), nominal, 100.0 * effective[i]);
      else
        /* TRANSLATORS: a pillar's share of the weights set */
        subtitle = g_strdup_printf (_("Nominal %.0f %%"), nominal);
      adw_action_row_set_subtitle (g_ptr_array_index (self->rows, i), subtitle);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), is_changed (self));
}

static void
on_value_changed_cb (GtkRange             *scale,
                     DistrettoWeightsPage *self)
{
  guint index;

  if (self->updating || !g_ptr_array_find (self->scales, scale, &index))
    return;

  update_subtitles (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0,
                 distretto_pillar_get_id (distretto_indicator_definition_get_pillar (self->definition, index)),
                 gtk_range_get_value (scale));
}

static void
on_reset_clicked_cb (DistrettoWeightsPage *self)
{
  for (guint i = 0; i < self->scales->len; i++)
    gtk_range_set_value (g_ptr_array_index (self->scales, i), own_weight (self, i));
}

static void
clear_rows (DistrettoWeightsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->pillars_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->scales, 0);
}

static void
distretto_weights_page_dispose (GObject *object)
{
  DistrettoWeightsPage *self = (DistrettoWeightsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DISTRETTO_TYPE_WEIGHTS_PAGE);
  g_clear_object (&self->definition);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->scales, g_ptr_array_unref);

  G_OBJECT_CLASS (distretto_weights_page_parent_class)->dispose (object);
}

static void
distretto_weights_page_class_init (DistrettoWeightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = distretto_weights_page_dispose;

  /* Emitted with a pillar's id and its new weight as a slider moves. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/distretto-weights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DistrettoWeightsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWeightsPage, pillars_group);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWeightsPage, reset_button);
  gtk_widget_class_bind_template_child (widget_class, DistrettoWeightsPage, fixed_page);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
distretto_weights_page_init (DistrettoWeightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->scales = g_ptr_array_new ();
}

GtkWidget *
distretto_weights_page_new (void)
{
  return g_object_new (DISTRETTO_TYPE_WEIGHTS_PAGE, NULL);
}

/* Shows the pillars of @definition with @weights (pillar id → double *,
 * may be NULL: the module's own); a module with its own arithmetic
 * (@adjustable FALSE) or without pillars gets a page saying so. */
void
distretto_weights_page_set_module (DistrettoWeightsPage         *self,
                                   DistrettoIndicatorDefinition *definition,
                                   gboolean                      adjustable,
                                   GHashTable                   *weights)
{
  g_return_if_fail (DISTRETTO_IS_WEIGHTS_PAGE (self));
  g_return_if_fail (definition == NULL || DISTRETTO_IS_INDICATOR_DEFINITION (definition));

  clear_rows (self);
  g_set_object (&self->definition, definition);

  if (definition == NULL || !adjustable || distretto_indicator_definition_get_n_pillars (definition) < 2)
    {
      adw_status_page_set_description (self->fixed_page,
                                       definition != NULL && adjustable
                                       ? _("This module has fewer than two pillars: there is nothing to weigh.")
                                       : _("This module computes its scores with its own arithmetic: its weights "
                                           "cannot be changed here."));
      gtk_stack_set_visible_child_name (self->stack, "fixed");
      return;
    }

  self->updating = TRUE;
  for (guint i = 0; i < distretto_indicator_definition_get_n_pillars (definition); i++)
    {
      DistrettoPillar *pillar = distretto_indicator_definition_get_pillar (definition, i);
      const double *weight = weights ? g_hash_table_lookup (weights, distretto_pillar_get_id (pillar)) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0.0, MAX_WEIGHT, 0.25);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), distretto_pillar_get_title (pillar));
      gtk_scale_set_digits (GTK_SCALE (scale), 2);
      gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
      gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
      gtk_scale_add_mark (GTK_SCALE (scale), distretto_pillar_get_weight (pillar), GTK_POS_BOTTOM, NULL);
      gtk_range_set_value (GTK_RANGE (scale), weight != NULL ? *weight : distretto_pillar_get_weight (pillar));
      gtk_widget_set_size_request (scale, 260, -1);
      gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      distretto_pillar_get_title (pillar), -1);
      g_signal_connect (scale, "value-changed", G_CALLBACK (on_value_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), scale);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), scale);
      adw_preferences_group_add (self->pillars_group, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->scales, scale);
    }
  self->updating = FALSE;

  /* TRANSLATORS: the weights page's title, e.g. "Pillars of Territorial servitization" */
  {
    g_autofree char *title = g_strdup_printf (_("Pillars of “%s”"), distretto_indicator_definition_get_title (definition));
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    adw_preferences_group_set_title (self->pillars_group, escaped);
  }
  update_subtitles (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "pillars");
}

/* The effective weights of the pillars, in their order, from the last
 * computation with the weights shown. */
void
distretto_weights_page_set_effective (DistrettoWeightsPage *self,
                                      const double         *effective,
                                      guint                 n_effective)
{
  g_return_if_fail (DISTRETTO_IS_WEIGHTS_PAGE (self));

  update_subtitles (self, n_effective == self->rows->len ? effective : NULL);
}

/* The slider of the pillar at @index, for the tests and the keyboard. */
GtkRange *
distretto_weights_page_get_scale (DistrettoWeightsPage *self,
                                  guint                 index)
{
  g_return_val_if_fail (DISTRETTO_IS_WEIGHTS_PAGE (self), NULL);

  return index < self->scales->len ? g_ptr_array_index (self->scales, index) : NULL;
}

/* The row of the pillar at @index: its subtitle says the weights. */
AdwActionRow *
distretto_weights_page_get_row (DistrettoWeightsPage *self,
                                guint                 index)
{
  g_return_val_if_fail (DISTRETTO_IS_WEIGHTS_PAGE (self), NULL);

  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}
